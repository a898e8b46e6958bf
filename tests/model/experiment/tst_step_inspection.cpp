// The step inspector's numbers: autograd's gradients of one step beside the tutorial's NumPy
// formulas, checked against gradients computed here from the tutorial's CSV and initial values.
#include "experiment/experiment_data.h"
#include "experiment/step_inspection.h"
#include "experiment/trainer.h"

#include "tutorial_fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace gradlab;
using namespace gradlab::experiment;
using namespace gradlab::testing;

namespace {

// x, y of every row of the tutorial's CSV, in file order.
std::vector<std::pair<long double, long double>> csvRows()
{
    std::vector<std::pair<long double, long double>> rows;
    QFile f(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return rows;
    f.readLine(); // header
    while (!f.atEnd()) {
        const QList<QByteArray> cells = f.readLine().trimmed().split(',');
        if (cells.size() == 2)
            rows.emplace_back(std::strtold(cells[0].constData(), nullptr), std::strtold(cells[1].constData(), nullptr));
    }
    return rows;
}

std::vector<ParamSlot> layoutOf(Trainer& t)
{
    std::vector<ParamSlot> layout;
    for (const auto& [name, p] : t.model().namedParameters())
        layout.push_back({QString::fromStdString(name), p.numel()});
    return layout;
}

// One epoch of `c`, inspected.
StepInspection oneStep(const ExperimentConfig& c, ExperimentData* out = nullptr, StepDetail* detail = nullptr)
{
    const ExperimentData d = dataFor(c);
    Trainer t(c, d.train, d.val);
    t.step();
    if (out)
        *out = d;
    if (detail)
        *detail = t.lastStep();
    return inspectStep(t.lastStep(), c, d.train, layoutOf(t));
}

bool closeRel(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

// -2·mean(error) and -2·mean(x·error) in long double over `rows` at (a, b).
std::pair<long double, long double> gradients(const std::vector<std::pair<long double, long double>>& rows, long double a,
                                              long double b)
{
    long double se = 0, sxe = 0;
    for (const auto& [x, y] : rows) {
        const long double e = y - (a + b * x);
        se += e;
        sxe += x * e;
    }
    const auto n = static_cast<long double>(rows.size());
    return {-2 * se / n, -2 * sxe / n};
}

} // namespace

class TestStepInspection : public QObject {
    Q_OBJECT

private slots:
    void formulaMatchesAutograd_data();
    void formulaMatchesAutograd();
    void firstStepMatchesGradientsFromTheCsv_data();
    void firstStepMatchesGradientsFromTheCsv();
    void miniBatchFormulaUsesOnlyTheBatchRows();
    void adamUpdateIsNotMinusLrTimesGradient();
    void linearModelMapsBiasAndWeight();
    void sumReductionUsesSumFormula();
    void otherModelsAndLossesSayWhy();
    void frozenParameterHasNoAutogradGradient();
    void withoutZeroGradTheGradientsAddUp();
    void noStepYet();
};

void TestStepInspection::formulaMatchesAutograd_data()
{
    QTest::addColumn<QString>("dtype");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("float32") << "float32" << 1e-5;
    QTest::newRow("float64") << "float64" << 1e-12;
}

void TestStepInspection::formulaMatchesAutograd()
{
    QFETCH(QString, dtype);
    QFETCH(double, tolerance);
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.training.dtype = dtype;
    const StepInspection s = oneStep(c);
    QCOMPARE(s.epoch, 1);
    QCOMPARE(s.batchRows, 80);
    QCOMPARE(s.names, (QStringList{"a", "b"}));
    QVERIFY2(s.why.isEmpty(), qPrintable(s.why));
    QCOMPARE(s.formulaText, (QStringList{QStringLiteral("-2·mean(error)"), QStringLiteral("-2·mean(x·error)")}));
    QCOMPARE(s.formula.size(), std::size_t(2));
    for (std::size_t i = 0; i < 2; ++i) {
        QVERIFY2(closeRel(s.autograd[i], s.formula[i], tolerance),
                 qPrintable(QStringLiteral("%1: autograd %2, formula %3").arg(s.names[qsizetype(i)]).arg(s.autograd[i], 0, 'g', 17).arg(s.formula[i], 0, 'g', 17)));
        // Plain SGD: the update is −lr·grad.
        QVERIFY(closeRel(s.update[i], -c.optimizer.lr * s.autograd[i], tolerance));
        QCOMPARE(s.update[i], s.after[i] - s.before[i]);
    }
}

void TestStepInspection::firstStepMatchesGradientsFromTheCsv_data()
{
    formulaMatchesAutograd_data();
}

void TestStepInspection::firstStepMatchesGradientsFromTheCsv()
{
    QFETCH(QString, dtype);
    QFETCH(double, tolerance);
    const QJsonObject e = expected();
    QVERIFY(!e.isEmpty());
    const auto all = csvRows();
    QCOMPARE(all.size(), std::size_t(100));
    std::vector<std::pair<long double, long double>> train;
    for (const QJsonValue v : e["dataset"]["train_indices"].toArray())
        train.push_back(all[static_cast<std::size_t>(v.toInteger())]);
    QCOMPARE(train.size(), std::size_t(80));
    const double a0 = e["torch_init_seed42"]["a"].toDouble();
    const double b0 = e["torch_init_seed42"]["b"].toDouble();

    ExperimentConfig c = ExperimentConfig::tutorial();
    c.training.dtype = dtype;
    const StepInspection s = oneStep(c);
    // PyTorch's float32 draws exactly; float64 draws the same normals in more precision.
    if (dtype == QLatin1String("float32")) {
        QCOMPARE(s.before[0], a0);
        QCOMPARE(s.before[1], b0);
    } else {
        QVERIFY(closeRel(s.before[0], a0, 1e-6));
        QVERIFY(closeRel(s.before[1], b0, 1e-6));
    }
    const long double a = s.before[0], b = s.before[1];
    const auto [ga, gb] = gradients(train, a, b);
    QVERIFY(closeRel(s.autograd[0], double(ga), tolerance));
    QVERIFY(closeRel(s.autograd[1], double(gb), tolerance));
    // The formula runs in double whatever the tensors' dtype.
    QVERIFY(closeRel(s.formula[0], double(ga), 1e-12));
    QVERIFY(closeRel(s.formula[1], double(gb), 1e-12));
    QVERIFY(closeRel(s.after[0], double(a - 0.1L * ga), tolerance));
    QVERIFY(closeRel(s.after[1], double(b - 0.1L * gb), tolerance));
}

void TestStepInspection::miniBatchFormulaUsesOnlyTheBatchRows()
{
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.training.dtype = QStringLiteral("float64");
    c.training.batchSize = 16;
    c.training.shuffle = true;
    ExperimentData d;
    StepDetail step;
    const StepInspection s = oneStep(c, &d, &step);
    QCOMPARE(step.batch.size(), std::size_t(16));
    QCOMPARE(s.batchRows, 16);
    std::vector<std::pair<long double, long double>> batch, allRows;
    for (const std::int64_t row : step.batch)
        batch.emplace_back(d.train.feature(row, 0), d.train.y[std::size_t(row)]);
    for (std::int64_t row = 0; row < d.train.rows(); ++row)
        allRows.emplace_back(d.train.feature(row, 0), d.train.y[std::size_t(row)]);
    const auto [ga, gb] = gradients(batch, s.before[0], s.before[1]);
    const auto [fa, fb] = gradients(allRows, s.before[0], s.before[1]);
    QVERIFY(closeRel(s.formula[0], double(ga), 1e-12));
    QVERIFY(closeRel(s.formula[1], double(gb), 1e-12));
    QVERIFY(closeRel(s.autograd[0], s.formula[0], 1e-12));
    QVERIFY(closeRel(s.autograd[1], s.formula[1], 1e-12));
    // The batch's gradient is not the full set's (so the check above can tell them apart).
    QVERIFY(std::abs(double(ga - fa)) > 1e-6 || std::abs(double(gb - fb)) > 1e-6);
}

void TestStepInspection::adamUpdateIsNotMinusLrTimesGradient()
{
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.training.dtype = QStringLiteral("float64");
    c.optimizer = OptimizerConfig::defaults(OptimizerConfig::Type::Adam);
    c.optimizer.lr = 0.1;
    const StepInspection s = oneStep(c);
    for (std::size_t i = 0; i < 2; ++i) {
        QVERIFY(closeRel(s.autograd[i], s.formula[i], 1e-12));
        QVERIFY(std::abs(s.update[i] - (-c.optimizer.lr * s.autograd[i])) > 1e-3);
        // Adam's first step moves each parameter by about lr against its gradient's sign.
        QVERIFY(std::abs(std::abs(s.update[i]) - c.optimizer.lr) < 1e-6);
        QVERIFY(s.update[i] * s.autograd[i] < 0);
    }
}

void TestStepInspection::linearModelMapsBiasAndWeight()
{
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.training.dtype = QStringLiteral("float64");
    c.model.type = ModelConfig::Type::Linear;
    const StepInspection s = oneStep(c);
    QCOMPARE(s.names, (QStringList{"weight", "bias"}));
    QVERIFY2(s.why.isEmpty(), qPrintable(s.why));
    QCOMPARE(s.formulaText, (QStringList{QStringLiteral("-2·mean(x·error)"), QStringLiteral("-2·mean(error)")}));
    for (std::size_t i = 0; i < 2; ++i)
        QVERIFY(closeRel(s.autograd[i], s.formula[i], 1e-12));
}

void TestStepInspection::sumReductionUsesSumFormula()
{
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.training.dtype = QStringLiteral("float64");
    c.loss.reduction = LossConfig::Reduction::Sum;
    c.optimizer.lr = 0.001;
    const StepInspection s = oneStep(c);
    QCOMPARE(s.formulaText, (QStringList{QStringLiteral("-2·sum(error)"), QStringLiteral("-2·sum(x·error)")}));
    for (std::size_t i = 0; i < 2; ++i)
        QVERIFY(closeRel(s.autograd[i], s.formula[i], 1e-12));
}

void TestStepInspection::otherModelsAndLossesSayWhy()
{
    ExperimentConfig mlp = ExperimentConfig::tutorial();
    mlp.model.type = ModelConfig::Type::Mlp;
    const StepInspection m = oneStep(mlp);
    QVERIFY(m.formula.empty());
    QVERIFY(m.why.contains("mlp"));
    QCOMPARE(m.autograd.size(), std::size_t(m.names.size()));
    QVERIFY(m.names.size() > 2);

    ExperimentConfig huber = ExperimentConfig::tutorial();
    huber.loss.type = LossConfig::Type::Huber;
    const StepInspection h = oneStep(huber);
    QVERIFY(h.formula.empty());
    QVERIFY(h.why.contains("huber"));
    QCOMPARE(h.autograd.size(), std::size_t(2));

    ExperimentConfig poly = ExperimentConfig::tutorial();
    poly.model.type = ModelConfig::Type::Polynomial;
    poly.model.degree = 3;
    QVERIFY(oneStep(poly).formula.empty());
}

void TestStepInspection::frozenParameterHasNoAutogradGradient()
{
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.training.dtype = QStringLiteral("float64");
    c.model.frozen = {"a"};
    const StepInspection s = oneStep(c);
    QVERIFY(std::isnan(s.autograd[0]));
    QCOMPARE(s.update[0], 0.0);
    QVERIFY(closeRel(s.autograd[1], s.formula[1], 1e-12));
}

void TestStepInspection::noStepYet()
{
    const ExperimentConfig c = ExperimentConfig::tutorial();
    const ExperimentData d = dataFor(c);
    Trainer t(c, d.train, d.val);
    const StepInspection s = inspectStep(t.lastStep(), c, d.train, layoutOf(t));
    QVERIFY(s.formula.empty());
    QVERIFY(s.before.empty());
    QVERIFY(!s.why.isEmpty());
}

QTEST_APPLESS_MAIN(TestStepInspection)
#include "tst_step_inspection.moc"

// Without zero_grad, the second step's autograd gradient is the sum of both steps' gradients (the
// tutorial's section 2.3), which the inspection says, beside this step's own formula.
void TestStepInspection::withoutZeroGradTheGradientsAddUp()
{
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.training.dtype = QStringLiteral("float64");
    c.training.zeroGrad = false;
    const ExperimentData d = dataFor(c);
    Trainer t(c, d.train, d.val);
    t.step();
    const StepInspection first = inspectStep(t.lastStep(), c, d.train, layoutOf(t));
    t.step();
    const StepInspection second = inspectStep(t.lastStep(), c, d.train, layoutOf(t));
    QVERIFY(second.accumulating);
    for (std::size_t i = 0; i < 2; ++i) {
        QVERIFY(closeRel(first.autograd[i], first.formula[i], 1e-12));
        QVERIFY(closeRel(second.autograd[i], first.formula[i] + second.formula[i], 1e-12));
        QVERIFY(closeRel(second.update[i], -c.optimizer.lr * second.autograd[i], 1e-12));
    }
    QVERIFY(!oneStep(ExperimentConfig::tutorial()).accumulating);
}
