// The synthetic generator: the tutorial's dataset to the last bit, NumPy-made cases with custom
// ranges and several features, and a clear message for every impossible setting.
#include "data/synthetic.h"
#include "data/message.h"
#include "numpy_fixture.h"

#include <QTest>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>

using gradlab::data::RandomState;
using gradlab::data::SyntheticConfig;
using gradlab::data::generateSynthetic;
using gradlab::data::InvalidArgument;
using gradlab::data::validate;
using namespace gradlab::test;

Q_DECLARE_METATYPE(gradlab::data::SyntheticConfig)

namespace {

// tutorial_dataset.csv: header x,y, then rows written with round-trip digits.
void readTutorialCsv(std::vector<double>& x, std::vector<double>& y)
{
    QFile file(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open tutorial_dataset.csv");
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> cells = lines[i].trimmed().split(',');
        x.push_back(std::strtod(cells.at(0).constData(), nullptr));
        y.push_back(std::strtod(cells.at(1).constData(), nullptr));
    }
}

} // namespace

class TestSynthetic : public QObject {
    Q_OBJECT

private slots:
    void tutorialDataset()
    {
        std::vector<double> x;
        std::vector<double> y;
        readTutorialCsv(x, y);
        QCOMPARE(x.size(), std::size_t {100});

        // The defaults are the tutorial's: seed 42, n 100, a 1, b 2, σ 0.1, x on [0, 1).
        const auto data = generateSynthetic(SyntheticConfig {}).dataset;
        QCOMPARE(data.rows(), 100);
        QCOMPARE(data.features(), 1);
        QCOMPARE(data.featureNames, std::vector<std::string> {"x"});
        QCOMPARE(data.targetName, std::string("y"));
        QByteArray why = exactMismatch(data.x, x);
        QVERIFY2(why.isEmpty(), ("x " + why).constData());
        why = exactMismatch(data.y, y);
        QVERIFY2(why.isEmpty(), ("y " + why).constData());
    }

    void numpyCases_data()
    {
        QTest::addColumn<int>("row");
        const QJsonArray cases = numpyReference()[QStringLiteral("synthetic")].toArray();
        for (int i = 0; i < cases.size(); ++i)
            QTest::addRow("seed %lld, %lld features", cases[i][QStringLiteral("seed")].toInteger(),
                          qint64(cases[i][QStringLiteral("weights")].toArray().size()))
                << i;
    }

    void numpyCases()
    {
        QFETCH(int, row);
        const QJsonObject c = numpyReference()[QStringLiteral("synthetic")].toArray()[row].toObject();
        SyntheticConfig config;
        config.seed = c[QStringLiteral("seed")].toInteger();
        config.n = c[QStringLiteral("n")].toInteger();
        config.a = c[QStringLiteral("a")].toDouble();
        config.weights = doubles(c[QStringLiteral("weights")]);
        config.features = static_cast<std::int64_t>(config.weights.size());
        config.noise = c[QStringLiteral("noise")].toDouble();
        config.xMin = c[QStringLiteral("x_min")].toDouble();
        config.xMax = c[QStringLiteral("x_max")].toDouble();

        const auto data = generateSynthetic(config).dataset;
        QCOMPARE(data.features(), config.features);
        QByteArray why = exactMismatch(data.x, doubles(c[QStringLiteral("x")]));
        QVERIFY2(why.isEmpty(), ("x " + why).constData());
        why = exactMismatch(data.y, doubles(c[QStringLiteral("y")]));
        QVERIFY2(why.isEmpty(), ("y " + why).constData());
        // NumPy's x @ w goes through BLAS; allow it an ulp or two.
        const std::vector<double> viaMatmul = doubles(c[QStringLiteral("y_matmul")]);
        for (std::size_t i = 0; i < data.y.size(); ++i)
            QVERIFY(std::abs(data.y[i] - viaMatmul[i]) <= 4 * std::numeric_limits<double>::epsilon() * std::abs(viaMatmul[i]));
    }

    void featureNames()
    {
        SyntheticConfig config;
        config.features = 3;
        config.weights = {1.0, 2.0, 3.0};
        config.n = 4;
        const auto data = generateSynthetic(config).dataset;
        QCOMPARE(data.featureNames, (std::vector<std::string> {"x1", "x2", "x3"}));
        QCOMPARE(data.x.size(), std::size_t {12});
        for (double v : data.x)
            QVERIFY(v >= 0.0 && v < 1.0);
    }

    // The stream after generation is the tutorial's: x, then the noise, nothing else; σ = 0 draws
    // the noise all the same.
    void streamContinuesAfterGeneration()
    {
        SyntheticConfig config;
        auto generated = generateSynthetic(config);
        RandomState expected(42);
        expected.randomSample(100);
        expected.standardNormal(100);
        QCOMPARE(generated.stream.randomSample(), expected.randomSample());

        config.noise = 0.0;
        auto quiet = generateSynthetic(config);
        QCOMPARE(quiet.stream.nextUint32(), generateSynthetic(SyntheticConfig {}).stream.nextUint32());
        for (std::int64_t i = 0; i < quiet.dataset.rows(); ++i)
            QCOMPARE(quiet.dataset.y[static_cast<std::size_t>(i)], 1.0 + 2.0 * quiet.dataset.x[static_cast<std::size_t>(i)]);
    }

    // A large dataset is drawn in blocks that report progress and can be stopped; the rows are the
    // stream's values in order across the block boundaries, as NumPy draws them.
    void progressAndCancel()
    {
        SyntheticConfig config;
        config.n = 1'500'000;
        std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
        const auto generated = generateSynthetic(config, [&](std::uint64_t done, std::uint64_t total) {
            calls.emplace_back(done, total);
            return true;
        });
        QVERIFY(generated);
        QVERIFY(calls.size() >= 4);
        for (std::size_t i = 0; i < calls.size(); ++i) {
            QCOMPARE(calls[i].second, std::uint64_t {3'000'000});
            QVERIFY(i == 0 || calls[i].first > calls[i - 1].first);
        }
        QCOMPARE(calls.back().first, std::uint64_t {3'000'000});
        RandomState stream(42);
        const std::vector<double> x = stream.randomSample(config.n);
        const std::vector<double> noise = stream.standardNormal(config.n);
        QCOMPARE(generated->dataset.x, x);
        for (std::size_t i = 0; i < x.size(); ++i)
            QCOMPARE(generated->dataset.y[i], 1.0 + 2.0 * x[i] + 0.1 * noise[i]);

        int asked = 0;
        const auto stopped = generateSynthetic(config, [&](std::uint64_t, std::uint64_t) { return ++asked < 2; });
        QVERIFY(!stopped);
        QCOMPARE(asked, 2); // nothing more is drawn once the caller says stop
    }

    void invalidConfig_data()
    {
        QTest::addColumn<SyntheticConfig>("config");
        QTest::addColumn<QString>("field");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        auto with = [](auto change) {
            SyntheticConfig c;
            change(c);
            return c;
        };
        QTest::newRow("n 0") << with([](SyntheticConfig& c) { c.n = 0; }) << "n must be at least 1";
        QTest::newRow("n negative") << with([](SyntheticConfig& c) { c.n = -5; }) << "n must be at least 1";
        QTest::newRow("n huge") << with([](SyntheticConfig& c) { c.n = std::int64_t {1} << 40; }) << "n × features";
        QTest::newRow("features 0") << with([](SyntheticConfig& c) { c.features = 0; }) << "features must be at least 1";
        QTest::newRow("a NaN") << with([=](SyntheticConfig& c) { c.a = nan; }) << "a must be a finite number";
        QTest::newRow("b infinite") << with([=](SyntheticConfig& c) { c.b = inf; }) << "b must be a finite number";
        QTest::newRow("noise negative") << with([](SyntheticConfig& c) { c.noise = -0.1; }) << "noise (σ) must not be negative";
        QTest::newRow("noise NaN") << with([=](SyntheticConfig& c) { c.noise = nan; }) << "noise must be a finite number";
        QTest::newRow("xMin infinite") << with([=](SyntheticConfig& c) { c.xMin = -inf; }) << "xMin must be a finite number";
        QTest::newRow("xMax NaN") << with([=](SyntheticConfig& c) { c.xMax = nan; }) << "xMax must be a finite number";
        QTest::newRow("xMin = xMax") << with([](SyntheticConfig& c) { c.xMin = c.xMax = 1.0; }) << "xMin must be less than xMax";
        QTest::newRow("xMin > xMax") << with([](SyntheticConfig& c) { c.xMin = 2.0; }) << "xMin must be less than xMax";
        QTest::newRow("range overflows") << with([](SyntheticConfig& c) { c.xMin = -1e308; c.xMax = 1e308; }) << "xMax - xMin must be a finite number";
        QTest::newRow("3 features, no weights") << with([](SyntheticConfig& c) { c.features = 3; }) << "weights: 3 features need 3 weights, got none";
        QTest::newRow("3 features, 2 weights") << with([](SyntheticConfig& c) { c.features = 3; c.weights = {1, 2}; }) << "weights: 3 features need 3 weights, got 2";
        QTest::newRow("weight NaN") << with([=](SyntheticConfig& c) { c.features = 2; c.weights = {1, nan}; }) << "weights[1] must be a finite number";
        QTest::newRow("seed negative") << with([](SyntheticConfig& c) { c.seed = -1; }) << "seed must be between 0 and 2**32 - 1";
        // Finite settings whose rows are not finite.
        QTest::newRow("values overflow") << with([](SyntheticConfig& c) { c.n = 3; c.a = 1e308; c.b = 1e308; })
                                         << "the generated values overflow: row 2 has y = inf (a = 1e+308, weights = [1e+308], noise = 0.1, x in [0, 1))";
        QTest::newRow("noise overflows") << with([](SyntheticConfig& c) { c.noise = 1e308; }) << "the generated values overflow: row ";
        QTest::newRow("seed 2^32") << with([](SyntheticConfig& c) { c.seed = std::int64_t {1} << 32; }) << "seed must be between 0 and 2**32 - 1";
    }

    void invalidConfig()
    {
        QFETCH(SyntheticConfig, config);
        QFETCH(QString, field);
        try {
            generateSynthetic(config);
            QFAIL("no exception");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(field), e.what());
        }
    }

    // The values read as a user typed them (std::to_string would give 5.000000), and the message
    // keeps its template and values apart for translation.
    void invalidConfigMessage()
    {
        SyntheticConfig config;
        config.xMin = 5.0;
        config.xMax = 1.25;
        try {
            validate(config);
            QFAIL("no exception");
        } catch (const InvalidArgument& e) {
            QCOMPARE(std::string(e.what()), std::string("xMin must be less than xMax (got 5 and 1.25)"));
            QCOMPARE(std::string(e.message().text), std::string("xMin must be less than xMax (got %1 and %2)"));
            QCOMPARE(e.message().args.size(), std::size_t(2));
        }
    }

    void validEdges()
    {
        SyntheticConfig config;
        config.n = 1;
        config.noise = 0.0;
        config.seed = 0xffffffffLL;
        config.features = 1;
        config.weights = {-3.0}; // weights win over b
        const auto data = generateSynthetic(config).dataset;
        QCOMPARE(data.rows(), 1);
        QCOMPARE(data.y[0], 1.0 + -3.0 * data.x[0]);
        QCOMPARE(gradlab::data::effectiveWeights(SyntheticConfig {}), std::vector<double> {2.0});
    }
};

QTEST_APPLESS_MAIN(TestSynthetic)
#include "tst_synthetic.moc"
