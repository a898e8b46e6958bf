// The model a configuration describes: PyTorch's initial values for a seed, PyTorch's parameter
// names, zeros, custom values, frozen parameters, polynomial features.
#include "experiment/model_factory.h"

#include <QTest>

using namespace gradlab;
using namespace gradlab::experiment;

class TestModelFactory : public QObject {
    Q_OBJECT

private slots:
    void torchInitIsPyTorchsForTheSeed();
    void parameterNamesAreStateDictNames_data();
    void parameterNamesAreStateDictNames();
    void zerosAndCustomValues();
    void badCustomValuesAndFrozenNamesAreErrors_data();
    void badCustomValuesAndFrozenNamesAreErrors();
    void frozenParametersDoNotRequireGrad();
    void polynomialFeaturesArePowers();
    void scalarLinearRefusesSeveralFeatures();
};

void TestModelFactory::torchInitIsPyTorchsForTheSeed()
{
    // torch.manual_seed(42); ManualLinearRegression() / nn.Linear(1, 1): values from PyTorch
    // (tests/reference/tutorial_expected.json and tests/model/engine/fixtures/torch_reference.json).
    ModelConfig c;
    auto m = buildModel(c, 1, DType::Float32);
    const auto p = m->namedParameters();
    QCOMPARE(p[0].second.item(), 0.33669036626815796);
    QCOMPARE(p[1].second.item(), 0.12880940735340118);
    c.type = ModelConfig::Type::Linear;
    m = buildModel(c, 1, DType::Float32);
    QCOMPARE(m->namedParameters()[0].second.item(), 0.7645385265350342);
    QCOMPARE(m->namedParameters()[1].second.item(), 0.8300079107284546);
}

void TestModelFactory::parameterNamesAreStateDictNames_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("inputs");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("scalar_linear") << int(ModelConfig::Type::ScalarLinear) << 1 << QStringList{"a", "b"};
    QTest::newRow("linear") << int(ModelConfig::Type::Linear) << 3 << QStringList{"weight", "bias"};
    QTest::newRow("polynomial") << int(ModelConfig::Type::Polynomial) << 2 << QStringList{"weight", "bias"};
    QTest::newRow("mlp") << int(ModelConfig::Type::Mlp) << 1
                         << QStringList{"0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"};
}

void TestModelFactory::parameterNamesAreStateDictNames()
{
    QFETCH(int, type);
    QFETCH(int, inputs);
    QFETCH(QStringList, names);
    ModelConfig c;
    c.type = static_cast<ModelConfig::Type>(type);
    c.hidden = {8, 4};
    QCOMPARE(parameterNames(c, inputs), names);
}

void TestModelFactory::zerosAndCustomValues()
{
    ModelConfig c;
    c.type = ModelConfig::Type::Linear;
    c.init.scheme = InitConfig::Scheme::Zeros;
    auto m = buildModel(c, 2, DType::Float64);
    QCOMPARE(m->namedParameters()[0].second.toVector(), (std::vector<double>{0, 0}));
    c.init.scheme = InitConfig::Scheme::Custom;
    c.init.values = {{"weight", {0.5, -1.5}}, {"bias", {2.0}}};
    m = buildModel(c, 2, DType::Float64);
    QCOMPARE(m->namedParameters()[0].second.toVector(), (std::vector<double>{0.5, -1.5}));
    QCOMPARE(m->namedParameters()[1].second.item(), 2.0);
    QVERIFY(m->namedParameters()[0].second.isLeaf());
    QVERIFY(m->namedParameters()[0].second.requiresGrad());
}

void TestModelFactory::badCustomValuesAndFrozenNamesAreErrors_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing value") << "missing" << "no value for parameter \"b\"";
    QTest::newRow("wrong count") << "count" << "model.init.values.b: 1 values are needed, got 2";
    QTest::newRow("unknown value") << "unknown" << "the model has no parameter \"c\"";
    QTest::newRow("unknown frozen") << "frozen" << "model.frozen: the model has no parameter \"weight\"";
}

void TestModelFactory::badCustomValuesAndFrozenNamesAreErrors()
{
    QFETCH(QString, what);
    QFETCH(QString, expected);
    ModelConfig c;
    c.init.scheme = InitConfig::Scheme::Custom;
    c.init.values = {{"a", {1.0}}, {"b", {2.0}}};
    if (what == QLatin1String("missing"))
        c.init.values.erase("b");
    if (what == QLatin1String("count"))
        c.init.values["b"] = {1.0, 2.0};
    if (what == QLatin1String("unknown"))
        c.init.values["c"] = {1.0};
    if (what == QLatin1String("frozen"))
        c.frozen = {"weight"};
    try {
        buildModel(c, 1, DType::Float32);
        QFAIL("no error");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(expected), e.what());
    }
}

void TestModelFactory::frozenParametersDoNotRequireGrad()
{
    ModelConfig c;
    c.frozen = {"a"};
    auto m = buildModel(c, 1, DType::Float32);
    QVERIFY(!m->namedParameters()[0].second.requiresGrad());
    QVERIFY(m->namedParameters()[1].second.requiresGrad());
    // Frozen does not change the initial values: the same draws as without it.
    QCOMPARE(m->namedParameters()[0].second.item(), 0.33669036626815796);
}

void TestModelFactory::polynomialFeaturesArePowers()
{
    ModelConfig c;
    c.type = ModelConfig::Type::Polynomial;
    c.degree = 3;
    QCOMPARE(modelInputs(c, 1), 3);
    QCOMPARE(expandFeatures(c, {2.0, -0.5}, 1), (std::vector<double>{2, 4, 8, -0.5, 0.25, -0.125}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, expandFeatures(c, {1.0, 2.0}, 2));
}

void TestModelFactory::scalarLinearRefusesSeveralFeatures()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, buildModel(ModelConfig{}, 3, DType::Float32));
}

QTEST_APPLESS_MAIN(TestModelFactory)
#include "tst_model_factory.moc"
