#include "display_names.h"

#include <QCoreApplication>

namespace gradlab::widgets {
namespace {

struct NameText {
    Q_DECLARE_TR_FUNCTIONS(NameText)
};

} // namespace

QString closedFormLossNote(const experiment::LossConfig& loss)
{
    using T = experiment::LossConfig::Type;
    QString name;
    switch (loss.type) {
    case T::Mse: return {};
    case T::L1: name = NameText::tr("L1"); break;
    case T::Huber: name = NameText::tr("Huber"); break;
    case T::SmoothL1: name = NameText::tr("Smooth L1"); break;
    }
    return NameText::tr("The loss is %1, not the squared error: the closed form (least squares) is not its minimum, so the trained "
                        "values may rightly differ from it and reach a lower loss.")
        .arg(name);
}

QString deviceProblem(const gradlab::DeviceInfo& device)
{
    using S = gradlab::DeviceInfo::Status;
    switch (device.status) {
    case S::Usable: return {};
    case S::BuiltWithoutCuda: return NameText::tr("This GradLab was built without CUDA support.");
    case S::NoDriver: return NameText::tr("No usable NVIDIA driver (missing, or older than the CUDA runtime).");
    case S::NoDevice: return NameText::tr("No CUDA device was found.");
    case S::Error: break;
    }
    return NameText::tr("CUDA is unavailable: %1").arg(QString::fromStdString(device.reason));
}

QString oneLineName(const QString& name)
{
    QString shown;
    shown.reserve(name.size());
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (u == u'\n')
            shown += QLatin1String("\\n");
        else if (u == u'\r')
            shown += QLatin1String("\\r");
        else if (u == u'\t')
            shown += QLatin1String("\\t");
        else if (u < 0x20 || (u >= 0x7F && u < 0xA0))
            shown += QLatin1String("\\x") + QString::number(u, 16).toUpper().rightJustified(2, QLatin1Char('0'));
        else if (u == 0x2028 || u == 0x2029) // the line and paragraph separators
            shown += QLatin1String("\\u") + QString::number(u, 16).toUpper();
        else
            shown += c;
    }
    return shown;
}

QString oneLineName(const std::string& name) { return oneLineName(QString::fromStdString(name)); }

QString modelTypeName(experiment::ModelConfig::Type type)
{
    using T = experiment::ModelConfig::Type;
    switch (type) {
    case T::ScalarLinear: return NameText::tr("a + b·x");
    case T::Linear: return NameText::tr("Linear");
    case T::Polynomial: return NameText::tr("Polynomial");
    case T::Mlp: return NameText::tr("MLP");
    }
    return experiment::jsonName(type);
}

QString modelName(const experiment::ModelConfig& model)
{
    if (model.type == experiment::ModelConfig::Type::Polynomial)
        return NameText::tr("%1 (degree %2)").arg(modelTypeName(model.type)).arg(model.degree);
    return modelTypeName(model.type);
}

QString optimizerTypeName(experiment::OptimizerConfig::Type type)
{
    using T = experiment::OptimizerConfig::Type;
    switch (type) {
    case T::Sgd: return NameText::tr("SGD");
    case T::Adam: return NameText::tr("Adam");
    case T::AdamW: return NameText::tr("AdamW");
    case T::RmsProp: return NameText::tr("RMSprop");
    case T::Adagrad: return NameText::tr("Adagrad");
    }
    return experiment::jsonName(type);
}

QString optimizerSummary(const experiment::OptimizerConfig& optimizer)
{
    return NameText::tr("%1, lr %2").arg(optimizerTypeName(optimizer.type)).arg(optimizer.lr);
}

QString optimizerSummary(const experiment::ExperimentConfig& config)
{
    const QString summary = optimizerSummary(config.optimizer);
    return config.training.zeroGrad ? summary : NameText::tr("%1, gradients not zeroed").arg(summary);
}

} // namespace gradlab::widgets
