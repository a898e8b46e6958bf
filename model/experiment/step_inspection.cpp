#include "step_inspection.h"
#include "exports.h"

#include <QCoreApplication>

#include <cstddef>

namespace gradlab::experiment {
namespace {

struct StepText {
    Q_DECLARE_TR_FUNCTIONS(StepText)
};

// Index of the one-value parameter `name` in the flat layout, or -1.
qsizetype flatIndex(const std::vector<ParamSlot>& layout, const QString& name)
{
    qsizetype at = 0;
    for (const ParamSlot& slot : layout) {
        if (slot.name == name)
            return slot.size == 1 ? at : -1;
        at += static_cast<qsizetype>(slot.size);
    }
    return -1;
}

// The reason the tutorial's formulas do not describe this configuration; empty when they do.
QString formulaMismatch(const ExperimentConfig& config, const data::Dataset& train)
{
    const ModelConfig& m = config.model;
    const bool straightLine = m.type == ModelConfig::Type::ScalarLinear || m.type == ModelConfig::Type::Linear
                              || (m.type == ModelConfig::Type::Polynomial && m.degree == 1);
    if (!straightLine)
        return StepText::tr("The NumPy formulas are for the a + b·x model; this run's model is %1.").arg(jsonName(m.type));
    if (train.features() != 1)
        return StepText::tr("The NumPy formulas are for one feature; this dataset has %1.").arg(train.features());
    if (config.loss.type != LossConfig::Type::Mse)
        return StepText::tr("The NumPy formulas are for the MSE loss; this run uses %1.").arg(jsonName(config.loss.type));
    return {};
}

} // namespace

StepInspection inspectStep(const StepDetail& step, const ExperimentConfig& config, const data::Dataset& train,
                           const std::vector<ParamSlot>& layout)
{
    StepInspection s;
    s.epoch = step.epoch;
    s.batchNumber = step.batchNumber;
    s.batches = step.batches;
    s.loss = step.loss;
    s.names = flatParameterNames(layout);
    s.batchRows = step.batch.empty() ? train.rows() : static_cast<qint64>(step.batch.size());
    s.accumulating = !config.training.zeroGrad;
    const auto count = static_cast<std::size_t>(s.names.size());
    if (step.before.empty()) {
        s.batchRows = 0;
        s.why = StepText::tr("No step has been taken yet.");
        return s;
    }
    if (step.before.size() != count || step.gradients.size() != count || step.after.size() != count) {
        s.why = StepText::tr("The step has %1 parameter values but the model has %2.").arg(step.before.size()).arg(count);
        return s;
    }
    s.before = step.before;
    s.autograd = step.gradients;
    s.after = step.after;
    s.update.resize(count);
    for (std::size_t i = 0; i < count; ++i)
        s.update[i] = s.after[i] - s.before[i];

    s.why = formulaMismatch(config, train);
    if (!s.why.isEmpty())
        return s;
    const bool scalar = config.model.type == ModelConfig::Type::ScalarLinear;
    const qsizetype ia = flatIndex(layout, scalar ? QStringLiteral("a") : QStringLiteral("bias"));
    const qsizetype ib = flatIndex(layout, scalar ? QStringLiteral("b") : QStringLiteral("weight"));
    if (ia < 0 || ib < 0 || count != 2) {
        s.why = StepText::tr("The NumPy formulas need an intercept and one slope; this model's parameters are %1.")
                    .arg(s.names.join(QStringLiteral(", ")));
        return s;
    }
    const double a = s.before[static_cast<std::size_t>(ia)];
    const double b = s.before[static_cast<std::size_t>(ib)];
    double sumError = 0.0, sumXError = 0.0;
    std::int64_t n = 0;
    auto add = [&](std::int64_t row) {
        const double x = train.feature(row, 0);
        const double error = train.y[static_cast<std::size_t>(row)] - (a + b * x);
        sumError += error;
        sumXError += x * error;
        ++n;
    };
    if (step.batch.empty()) {
        for (std::int64_t row = 0; row < train.rows(); ++row)
            add(row);
    } else {
        for (const std::int64_t row : step.batch) {
            if (row < 0 || row >= train.rows()) {
                s.why = StepText::tr("The step's batch names row %1, but the training set has %2 rows.").arg(row).arg(train.rows());
                return s;
            }
            add(row);
        }
    }
    if (n == 0) {
        s.why = StepText::tr("The step's batch has no rows.");
        return s;
    }
    const bool mean = config.loss.reduction == LossConfig::Reduction::Mean;
    const double scale = mean ? -2.0 / static_cast<double>(n) : -2.0;
    s.formula.assign(count, 0.0);
    s.formulaText = QStringList(static_cast<qsizetype>(count), QString());
    s.formula[static_cast<std::size_t>(ia)] = scale * sumError;
    s.formula[static_cast<std::size_t>(ib)] = scale * sumXError;
    // Formulas, not prose: the same in every language.
    s.formulaText[ia] = mean ? QStringLiteral("-2·mean(error)") : QStringLiteral("-2·sum(error)");
    s.formulaText[ib] = mean ? QStringLiteral("-2·mean(x·error)") : QStringLiteral("-2·sum(x·error)");
    return s;
}

} // namespace gradlab::experiment
