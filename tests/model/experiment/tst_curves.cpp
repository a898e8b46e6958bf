// What the plots draw: model curves, the loss landscape of two-parameter models (against NumPy,
// tests/model/experiment/fixtures/make_landscape_fixtures.py) and its contour lines.
#include "experiment/curves.h"
#include "experiment/experiment_data.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace gradlab;
using namespace gradlab::experiment;

namespace {

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject expected() { return readJson(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_expected.json")); }

data::Dataset tutorialTrain(const ExperimentConfig& config = ExperimentConfig::tutorial())
{
    QString error;
    const auto data = loadExperimentData(config, &error);
    if (!data)
        qFatal("%s", qPrintable(error));
    return data->train;
}

bool close(double got, double want, double rel)
{
    return std::abs(got - want) <= rel * std::max(1.0, std::abs(want));
}

} // namespace

class TestCurves : public QObject {
    Q_OBJECT

private slots:
    void layoutAndInitialValues()
    {
        ModelConfig scalar;
        const auto layout = parameterLayout(scalar, 1);
        QCOMPARE(layout.size(), std::size_t(2));
        QCOMPARE(layout[0].name, QStringLiteral("a"));
        QCOMPARE(layout[1].name, QStringLiteral("b"));
        // torch.manual_seed(42); a = torch.randn(1); b = torch.randn(1), from the PyTorch reference.
        const QJsonObject init = expected().value(QStringLiteral("torch_init_seed42")).toObject();
        const auto values = initialParameters(scalar, 1);
        QCOMPARE(values.size(), std::size_t(2));
        QVERIFY(close(values[0], init.value(QStringLiteral("a")).toDouble(), 1e-7));
        QVERIFY(close(values[1], init.value(QStringLiteral("b")).toDouble(), 1e-7));

        ModelConfig poly;
        poly.type = ModelConfig::Type::Polynomial;
        poly.degree = 3;
        const auto polyLayout = parameterLayout(poly, 1);
        QCOMPARE(polyLayout.size(), std::size_t(2));
        QCOMPARE(polyLayout[0].size, qint64(3));
        QCOMPARE(polyLayout[1].size, qint64(1));
    }

    void predictEvaluatesTheModel()
    {
        const QJsonObject cf = expected().value(QStringLiteral("closed_form_train")).toObject();
        const double a = cf.value(QStringLiteral("a")).toDouble(), b = cf.value(QStringLiteral("b")).toDouble();
        const std::vector<double> xs{-2.0, 0.0, 0.25, 1.0, 3.5};
        QString error;
        ModelConfig scalar;
        const auto y = predict(scalar, parameterLayout(scalar, 1), {a, b}, xs, &error);
        QVERIFY2(y, qPrintable(error));
        for (std::size_t i = 0; i < xs.size(); ++i)
            QVERIFY(close((*y)[i], a + b * xs[i], 1e-14));

        // Linear: (weight, bias); polynomial of degree 2: (weight[0], weight[1], bias).
        ModelConfig linear;
        linear.type = ModelConfig::Type::Linear;
        const auto yl = predict(linear, parameterLayout(linear, 1), {b, a}, xs, &error);
        QVERIFY2(yl, qPrintable(error));
        for (std::size_t i = 0; i < xs.size(); ++i)
            QVERIFY(close((*yl)[i], a + b * xs[i], 1e-14));
        ModelConfig poly;
        poly.type = ModelConfig::Type::Polynomial;
        poly.degree = 2;
        const auto yp = predict(poly, parameterLayout(poly, 1), {0.5, -1.5, 2.0}, xs, &error);
        QVERIFY2(yp, qPrintable(error));
        for (std::size_t i = 0; i < xs.size(); ++i)
            QVERIFY(close((*yp)[i], 2.0 + 0.5 * xs[i] - 1.5 * xs[i] * xs[i], 1e-14));

        error.clear();
        QVERIFY(!predict(scalar, parameterLayout(scalar, 1), {1.0, 2.0, 3.0}, xs, &error));
        QVERIFY(error.contains(QLatin1String("3")));
    }

    // A linear model on two features, nn.Linear(2, 1): ŷ = w₁·x₁ + w₂·x₂ + b for each row, with
    // the values worked out by hand for w = (1.5, −2), b = 0.25.
    void predictRowsEvaluatesAFeatureMatrix()
    {
        ModelConfig linear;
        linear.type = ModelConfig::Type::Linear;
        const std::vector<ParamSlot> layout = parameterLayout(linear, 2);
        QCOMPARE(layout.size(), std::size_t{2});
        QCOMPARE(layout[0].name, QStringLiteral("weight"));
        QCOMPARE(layout[0].size, qint64{2});
        QCOMPARE(layout[1].name, QStringLiteral("bias"));
        const std::vector<double> rows{1.0, 2.0, 0.0, -1.0, 3.0, 0.5, -2.0, 4.0};
        QString error;
        const auto y = predictRows(linear, layout, {1.5, -2.0, 0.25}, rows, 2, &error);
        QVERIFY2(y, qPrintable(error));
        // 0.25 + 1.5 − 4 | 0.25 + 0 + 2 | 0.25 + 4.5 − 1 | 0.25 − 3 − 8
        const std::vector<double> want{-2.25, 2.25, 3.75, -10.75};
        QCOMPARE(y->size(), want.size());
        for (std::size_t i = 0; i < want.size(); ++i)
            QVERIFY2(close((*y)[i], want[i], 1e-15), qPrintable(QString::number((*y)[i], 'g', 17)));

        // Values that do not make whole rows, or do not fit the model, are refused with a reason.
        QVERIFY(!predictRows(linear, layout, {1.5, -2.0, 0.25}, {1.0, 2.0, 3.0}, 2, &error));
        QVERIFY2(error.contains(QLatin1String("2 features")), qPrintable(error));
        error.clear();
        QVERIFY(!predictRows(linear, layout, {1.5, 0.25}, rows, 2, &error));
        QVERIFY2(error.contains(QLatin1String("3")), qPrintable(error));
    }

    void landscapeMatchesNumPy()
    {
        const QJsonObject ref = readJson(QStringLiteral(GRADLAB_TEST_DATA_DIR "/../model/experiment/fixtures/landscape_reference.json"));
        const QJsonArray cases = ref.value(QStringLiteral("cases")).toArray();
        QCOMPARE(cases.size(), 5);
        const data::Dataset train = tutorialTrain();
        QCOMPARE(train.rows(), std::int64_t(80));
        for (const QJsonValue cv : cases) {
            const QJsonObject c = cv.toObject();
            ExperimentConfig config;
            QString error;
            QVERIFY(applySetting(config, QStringLiteral("model.type"), c.value(QStringLiteral("model")).toString(), &error));
            QVERIFY(applySetting(config, QStringLiteral("loss.type"), c.value(QStringLiteral("loss")).toString(), &error));
            QVERIFY(applySetting(config, QStringLiteral("loss.reduction"), c.value(QStringLiteral("reduction")).toString(), &error));
            config.loss.delta = c.value(QStringLiteral("delta")).toDouble();
            config.loss.beta = c.value(QStringLiteral("beta")).toDouble();
            const QJsonArray center = c.value(QStringLiteral("center")).toArray();
            const QJsonArray half = c.value(QStringLiteral("half_width")).toArray();
            const int steps = c.value(QStringLiteral("steps")).toInt();
            const auto land = lossLandscape(config, train, {center[0].toDouble(), center[1].toDouble()}, half[0].toDouble(),
                                            half[1].toDouble(), steps, &error);
            QVERIFY2(land, qPrintable(error));
            QVERIFY(land->exact);
            QCOMPARE(land->aAxis.size(), std::size_t(steps));
            QCOMPARE(land->loss.size(), std::size_t(steps * steps));
            const QString what = c.value(QStringLiteral("model")).toString() + QLatin1Char(' ') + c.value(QStringLiteral("loss")).toString();
            for (const QJsonValue pv : c.value(QStringLiteral("points")).toArray()) {
                const QJsonObject p = pv.toObject();
                const auto i = static_cast<std::size_t>(p.value(QStringLiteral("i")).toInt());
                const auto j = static_cast<std::size_t>(p.value(QStringLiteral("j")).toInt());
                QVERIFY(close(land->aAxis[i], p.value(QStringLiteral("p0")).toDouble(), 1e-14));
                QVERIFY(close(land->bAxis[j], p.value(QStringLiteral("p1")).toDouble(), 1e-14));
                const double want = p.value(QStringLiteral("loss")).toDouble();
                const double got = land->loss[j * static_cast<std::size_t>(steps) + i];
                QVERIFY2(std::abs(got - want) <= 1e-9 * std::abs(want),
                         qPrintable(QStringLiteral("%1 at (%2, %3): %4, NumPy %5").arg(what).arg(i).arg(j).arg(got, 0, 'g', 17).arg(want, 0, 'g', 17)));
            }
        }
    }

    void landscapeNamesItsAxes()
    {
        ExperimentConfig config;
        config.model.type = ModelConfig::Type::Linear;
        QString error;
        const auto land = lossLandscape(config, tutorialTrain(), {2.0, 1.0}, 1.0, 1.0, 5, &error);
        QVERIFY2(land, qPrintable(error));
        QCOMPARE(land->aName, QStringLiteral("weight"));
        QCOMPARE(land->bName, QStringLiteral("bias"));
    }

    void landscapeMinimumIsTheClosedForm()
    {
        const QJsonObject cf = expected().value(QStringLiteral("closed_form_train")).toObject();
        const double a = cf.value(QStringLiteral("a")).toDouble(), b = cf.value(QStringLiteral("b")).toDouble();
        QString error;
        // Centred away from the optimum, so that the grid does not put it at its middle by design.
        const auto land = lossLandscape(ExperimentConfig::tutorial(), tutorialTrain(), {0.6, 1.3}, 1.5, 3.0, 101, &error);
        QVERIFY2(land, qPrintable(error));
        const double stepA = 3.0 / 100, stepB = 6.0 / 100;
        QVERIFY2(std::abs(land->minA - a) <= stepA, qPrintable(QString::number(land->minA)));
        QVERIFY2(std::abs(land->minB - b) <= stepB, qPrintable(QString::number(land->minB)));
        // The tutorial's final training loss (PyTorch) is the least the model can reach.
        const double best = expected().value(QStringLiteral("torch_sgd_lr0.1_1000_epochs_mse_mean")).toObject().value(QStringLiteral("final_train_loss")).toDouble();
        QVERIFY(land->minLoss >= best * (1 - 1e-6));
        QVERIFY(land->minLoss < best * 1.2);
    }

    void landscapeSubsamplesLargeData()
    {
        ExperimentConfig config;
        config.dataset.generator.n = 60'000;
        config.dataset.split.trainFraction = 0.5;
        const data::Dataset train = tutorialTrain(config);
        QCOMPARE(train.rows(), std::int64_t(30'000));
        QString error;
        // At the true line the residuals are the noise, N(0, 0.1²): E|e| = 0.1·√(2/π), E e² = 0.01.
        const auto mse = lossLandscape(config, train, {1.0, 2.0}, 0.5, 0.5, 5, &error);
        QVERIFY2(mse, qPrintable(error));
        QVERIFY(mse->exact);
        QVERIFY(close(mse->loss[2 * 5 + 2], 0.01, 0.03));
        config.loss.type = LossConfig::Type::L1;
        const auto l1 = lossLandscape(config, train, {1.0, 2.0}, 0.5, 0.5, 5, &error);
        QVERIFY2(l1, qPrintable(error));
        QVERIFY(!l1->exact);
        QVERIFY(std::abs(l1->loss[2 * 5 + 2] - 0.1 * std::sqrt(2.0 / M_PI)) < 0.03 * 0.08);
        config.loss.reduction = LossConfig::Reduction::Sum;
        const auto sum = lossLandscape(config, train, {1.0, 2.0}, 0.5, 0.5, 5, &error);
        QVERIFY2(sum, qPrintable(error));
        QVERIFY(close(sum->loss[12], l1->loss[12] * 30'000, 1e-12));
    }

    void landscapeRefusesOtherModels()
    {
        QString error;
        ExperimentConfig linear;
        linear.model.type = ModelConfig::Type::Linear;
        linear.dataset.generator.features = 2;
        linear.dataset.generator.weights = {2.0, -1.0};
        QVERIFY(!lossLandscape(linear, tutorialTrain(linear), {0.0, 0.0}, 1.0, 1.0, 11, &error));
        QVERIFY2(error.contains(QLatin1String("3")), qPrintable(error));

        ExperimentConfig mlp;
        mlp.model.type = ModelConfig::Type::Mlp;
        error.clear();
        QVERIFY(!lossLandscape(mlp, tutorialTrain(), {0.0, 0.0}, 1.0, 1.0, 11, &error));
        QVERIFY2(error.contains(QLatin1String("25")), qPrintable(error)); // 1→8→1: 8 + 8 + 8 + 1

        ExperimentConfig scalarOnTwo = linear;
        scalarOnTwo.model.type = ModelConfig::Type::ScalarLinear;
        error.clear();
        QVERIFY(!lossLandscape(scalarOnTwo, tutorialTrain(linear), {0.0, 0.0}, 1.0, 1.0, 11, &error));
        QVERIFY(!error.isEmpty());
    }

    void landscapeRejectsBadArguments()
    {
        const data::Dataset train = tutorialTrain();
        const ExperimentConfig c;
        QString error;
        QVERIFY(!lossLandscape(c, train, {1.0}, 1.0, 1.0, 11, &error));
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(!lossLandscape(c, train, {1.0, 2.0}, 0.0, 1.0, 11, &error));
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(!lossLandscape(c, train, {1.0, 2.0}, 1.0, 1.0, 1, &error));
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(!lossLandscape(c, data::Dataset{{"x"}, "y", {}, {}}, {1.0, 2.0}, 1.0, 1.0, 11, &error));
        QVERIFY(!error.isEmpty());
    }

    void contoursOfAQuadraticAreClosedCircles()
    {
        Landscape land;
        const int steps = 81;
        for (int i = 0; i < steps; ++i) {
            land.aAxis.push_back(-2.0 + 4.0 * i / (steps - 1));
            land.bAxis.push_back(-2.0 + 4.0 * i / (steps - 1));
        }
        for (const double b : land.bAxis)
            for (const double a : land.aAxis)
                land.loss.push_back(a * a + b * b);
        const auto lines = contours(land, {1.0, 2.25});
        QCOMPARE(lines.size(), std::size_t(2));
        for (const Polyline& line : lines) {
            QVERIFY(line.closed);
            QVERIFY(line.a.size() > 40);
            QCOMPARE(line.a.front(), line.a.back());
            QCOMPARE(line.b.front(), line.b.back());
            const double r = std::sqrt(line.level);
            for (std::size_t k = 0; k < line.a.size(); ++k)
                QVERIFY(std::abs(std::hypot(line.a[k], line.b[k]) - r) < 2e-3);
        }
        QCOMPARE(lines[0].level, 1.0);
        QCOMPARE(lines[1].level, 2.25);

        // The tutorial's MSE bowl: every level below the rim is one closed ring.
        QString error;
        const QJsonObject cf = expected().value(QStringLiteral("closed_form_train")).toObject();
        const auto tut = lossLandscape(ExperimentConfig::tutorial(), tutorialTrain(),
                                       {cf.value(QStringLiteral("a")).toDouble(), cf.value(QStringLiteral("b")).toDouble()}, 1.5, 3.5, 61, &error);
        QVERIFY2(tut, qPrintable(error));
        const auto rings = contours(*tut, {tut->minLoss + 0.01, tut->minLoss + 0.1, tut->minLoss + 0.5});
        QCOMPARE(rings.size(), std::size_t(3));
        for (const Polyline& ring : rings)
            QVERIFY(ring.closed);
    }

    void contoursThatLeaveTheGridAreOpen()
    {
        Landscape land;
        land.aAxis = {0.0, 1.0, 2.0};
        land.bAxis = {0.0, 1.0, 2.0, 3.0};
        for (int j = 0; j < 4; ++j)
            for (int i = 0; i < 3; ++i)
                land.loss.push_back(land.aAxis[static_cast<std::size_t>(i)]);
        const auto lines = contours(land, {0.5});
        QCOMPARE(lines.size(), std::size_t(1));
        QVERIFY(!lines[0].closed);
        QCOMPARE(lines[0].a.size(), std::size_t(4));
        for (const double a : lines[0].a)
            QCOMPARE(a, 0.5);
    }

    void levelsRiseFromTheMinimum()
    {
        Landscape land;
        land.aAxis = {0.0, 1.0};
        land.bAxis = {0.0, 1.0};
        land.loss = {1.0, 2.0, 3.0, 5.0};
        land.minLoss = 1.0;
        const auto levels = contourLevels(land, 3);
        QCOMPARE(levels.size(), std::size_t(3));
        QVERIFY(close(levels[0], 1.0 + 4.0 / 16, 1e-15));
        QVERIFY(close(levels[2], 1.0 + 4.0 * 9 / 16, 1e-15));
        QVERIFY(contourLevels(land, 0).empty());
    }
};

QTEST_GUILESS_MAIN(TestCurves)
#include "tst_curves.moc"
