// torch.nn for GradLab: default initialisation against PyTorch (fixture sections linear_init and
// sequential_init), parameters and state_dict, train/eval, Module::to, and the losses (fixture
// section "losses") through both the functional ops and the Loss modules.
#include "tutorial_data.h"

#include "engine/autograd.h"
#include "engine/generator.h"
#include "engine/nn.h"
#include "engine/ops.h"
#include "engine/tensor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include <memory>
#include <string>
#include <vector>

using namespace gradlab;
using namespace gradlab::testdata;

namespace {

std::vector<std::string> namesOf(const NamedTensors& named)
{
    std::vector<std::string> out;
    for (const auto& [name, t] : named)
        out.push_back(name);
    return out;
}

const Tensor* find(const NamedTensors& named, const std::string& name)
{
    for (const auto& [n, t] : named)
        if (n == name)
            return &t;
    return nullptr;
}

std::shared_ptr<Sequential> makeTutorialMlp(Generator* g = nullptr)
{
    return std::make_shared<Sequential>(std::vector<std::shared_ptr<Module>>{
        std::make_shared<Linear>(1, 8, true, DType::Float32, g), std::make_shared<Tanh>(),
        std::make_shared<Linear>(8, 1, true, DType::Float32, g)});
}

Reduction parseReduction(const QString& s) { return s == QLatin1String("sum") ? Reduction::Sum : Reduction::Mean; }

// The loss a fixture record describes, as a functional call and as a module.
Tensor functionalLoss(const QJsonObject& rec, const Tensor& input, const Tensor& target)
{
    const QString type = rec.value(QLatin1String("type")).toString();
    const Reduction r = parseReduction(rec.value(QLatin1String("reduction")).toString());
    if (type == QLatin1String("mse"))
        return mseLoss(input, target, r);
    if (type == QLatin1String("l1"))
        return l1Loss(input, target, r);
    if (type == QLatin1String("huber"))
        return huberLoss(input, target, r, rec.value(QLatin1String("delta")).toDouble());
    if (type == QLatin1String("smooth_l1"))
        return smoothL1Loss(input, target, r, rec.value(QLatin1String("beta")).toDouble());
    throw EngineError("unknown loss type " + type.toStdString());
}

Loss lossModule(const QJsonObject& rec)
{
    const QString type = rec.value(QLatin1String("type")).toString();
    const Reduction r = parseReduction(rec.value(QLatin1String("reduction")).toString());
    if (type == QLatin1String("mse"))
        return MSELoss(r);
    if (type == QLatin1String("l1"))
        return L1Loss(r);
    if (type == QLatin1String("huber"))
        return HuberLoss(r, rec.value(QLatin1String("delta")).toDouble());
    if (type == QLatin1String("smooth_l1"))
        return SmoothL1Loss(r, rec.value(QLatin1String("beta")).toDouble());
    throw EngineError("unknown loss type " + type.toStdString());
}

QByteArray lossRowName(const QJsonObject& rec, const char* via)
{
    QString name = rec.value(QLatin1String("type")).toString() + QLatin1Char(' ')
                   + rec.value(QLatin1String("reduction")).toString();
    if (!rec.value(QLatin1String("delta")).isNull())
        name += QStringLiteral(" delta=%1").arg(rec.value(QLatin1String("delta")).toDouble());
    if (!rec.value(QLatin1String("beta")).isNull())
        name += QStringLiteral(" beta=%1").arg(rec.value(QLatin1String("beta")).toDouble());
    return (name + QLatin1Char(' ') + QLatin1String(via)).toUtf8();
}

} // namespace

class TestNn : public QObject {
    Q_OBJECT

private slots:
    void fixtureIsPresent();

    void linearDefaultInitMatchesTorch_data();
    void linearDefaultInitMatchesTorch();
    void linearWithExplicitGeneratorMatchesManualSeed();
    void sequentialStateDictHasTorchNamesAndValues();
    void manualLinearRegressionSeed42DrawsTheTutorialsAandB();
    void manualLinearRegressionIsAPlusBTimesX();

    void namedParametersUseTorchsDottedNames();
    void parametersAreLeavesRequiringGrad();
    void stateDictIsDetachedAndSharesData();
    void loadStateDictRoundTripCopiesValuesIntoTheSameLeaves();
    void loadStateDictStrictNamesMissingKeys();
    void loadStateDictStrictNamesUnexpectedKeys();
    void loadStateDictNonStrictLoadsWhatMatches();
    void loadStateDictSizeMismatchNamesTheKeyAndChangesNothing();

    void trainAndEvalPropagateToChildren();
    void toFloat64KeepsParametersAsLeavesWithConvertedValues();

    void lossMatchesTorchValueAndGradients_data();
    void lossMatchesTorchValueAndGradients();
    void lossModulesRejectInvalidParameters();
};

void TestNn::fixtureIsPresent()
{
    QVERIFY2(!torchReference().isEmpty(), "tests/model/engine/fixtures/torch_reference.json is missing or unreadable");
    QCOMPARE(fixtureSection("linear_init").size(), 8);
    QCOMPARE(fixtureSection("losses").size(), 14);
}

void TestNn::linearDefaultInitMatchesTorch_data()
{
    QTest::addColumn<QJsonObject>("record");
    for (const QJsonValue& v : fixtureSection("linear_init")) {
        const QJsonObject rec = v.toObject();
        QTest::newRow(QStringLiteral("seed%1 Linear(%2, %3) %4")
                          .arg(rec.value(QLatin1String("seed")).toInteger())
                          .arg(rec.value(QLatin1String("in")).toInteger())
                          .arg(rec.value(QLatin1String("out")).toInteger())
                          .arg(rec.value(QLatin1String("dtype")).toString())
                          .toUtf8()
                          .constData())
            << rec;
    }
}

void TestNn::linearDefaultInitMatchesTorch()
{
    QFETCH(QJsonObject, record);
    const std::int64_t in = record.value(QLatin1String("in")).toInteger();
    const std::int64_t out = record.value(QLatin1String("out")).toInteger();
    const DType dtype = parseDType(record.value(QLatin1String("dtype")).toString().toStdString());
    manualSeed(static_cast<std::uint64_t>(record.value(QLatin1String("seed")).toInteger()));
    std::unique_ptr<Linear> m;
    GL_NO_THROW(m = std::make_unique<Linear>(in, out, true, dtype));
    QCOMPARE(m->weight().shape(), (Shape{out, in}));
    QCOMPARE(m->bias().shape(), Shape{out});
    QCOMPARE(m->weight().dtype(), dtype);
    GL_VERIFY_EXACT_VALUES(m->weight().toVector(), toDoubles(record.value(QLatin1String("weight"))), "weight");
    GL_VERIFY_EXACT_VALUES(m->bias().toVector(), toDoubles(record.value(QLatin1String("bias"))), "bias");
}

void TestNn::linearWithExplicitGeneratorMatchesManualSeed()
{
    const QJsonObject rec = fixtureSection("linear_init").at(1).toObject();
    Generator g(static_cast<std::uint64_t>(rec.value(QLatin1String("seed")).toInteger()));
    Linear m(rec.value(QLatin1String("in")).toInteger(), rec.value(QLatin1String("out")).toInteger(), true,
             DType::Float32, &g);
    GL_VERIFY_EXACT_VALUES(m.weight().toVector(), toDoubles(rec.value(QLatin1String("weight"))), "weight");
    GL_VERIFY_EXACT_VALUES(m.bias().toVector(), toDoubles(rec.value(QLatin1String("bias"))), "bias");
}

void TestNn::sequentialStateDictHasTorchNamesAndValues()
{
    const QJsonObject ref = torchReference().value(QLatin1String("sequential_init")).toObject();
    const QJsonObject sd = ref.value(QLatin1String("state_dict")).toObject();
    QCOMPARE(ref.value(QLatin1String("seed")).toInteger(), 42);

    manualSeed(42);
    const auto model = makeTutorialMlp();
    QCOMPARE(model->size(), std::size_t(3));
    const NamedTensors state = model->stateDict();
    // PyTorch's state_dict order: registration order, each module's own parameters first.
    QCOMPARE(namesOf(state), (std::vector<std::string>{"0.weight", "0.bias", "2.weight", "2.bias"}));
    for (const auto& [name, t] : state) {
        const QJsonValue expected = sd.value(QString::fromStdString(name));
        QVERIFY2(!expected.isUndefined(), name.c_str());
        GL_VERIFY_EXACT_VALUES(t.toVector(), toDoubles(expected), name.c_str());
    }
    QCOMPARE(state[0].second.shape(), (Shape{8, 1}));
    QCOMPARE(state[2].second.shape(), (Shape{1, 8}));
}

void TestNn::manualLinearRegressionSeed42DrawsTheTutorialsAandB()
{
    const QJsonObject init = tutorialExpected().value(QLatin1String("torch_init_seed42")).toObject();
    manualSeed(42);
    ManualLinearRegression model;
    QCOMPARE(model.a().item(), init.value(QLatin1String("a")).toDouble());
    QCOMPARE(model.b().item(), init.value(QLatin1String("b")).toDouble());
    QCOMPARE(model.a().shape(), Shape{1});
    QCOMPARE(model.a().dtype(), DType::Float32);

    // float64: the same draws (Box-Muller in double), not rounded to float.
    manualSeed(42);
    ManualLinearRegression model64(DType::Float64);
    QCOMPARE(model64.a().dtype(), DType::Float64);
    QCOMPARE(static_cast<float>(model64.a().item()), static_cast<float>(init.value(QLatin1String("a")).toDouble()));
    QCOMPARE(static_cast<float>(model64.b().item()), static_cast<float>(init.value(QLatin1String("b")).toDouble()));
}

void TestNn::manualLinearRegressionIsAPlusBTimesX()
{
    manualSeed(42);
    ManualLinearRegression model;
    const Tensor x = fromData({0.0, 1.0, 2.0}, Shape{3, 1});
    Tensor y;
    GL_NO_THROW(y = model(x));
    QCOMPARE(y.shape(), (Shape{3, 1}));
    const double a = model.a().item(), b = model.b().item();
    const std::vector<double> v = y.toVector();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(v[i], double(float(a) + float(b) * float(i)));
    QVERIFY(y.requiresGrad());
    QVERIFY(!y.isLeaf());
}

void TestNn::namedParametersUseTorchsDottedNames()
{
    ManualLinearRegression mlr;
    QCOMPARE(namesOf(mlr.namedParameters()), (std::vector<std::string>{"a", "b"}));
    QCOMPARE(mlr.typeName(), std::string("ManualLinearRegression"));

    Linear withBias(3, 2);
    QCOMPARE(namesOf(withBias.namedParameters()), (std::vector<std::string>{"weight", "bias"}));
    Linear noBias(3, 2, false);
    QCOMPARE(namesOf(noBias.namedParameters()), (std::vector<std::string>{"weight"}));
    QVERIFY(!noBias.bias().defined());

    const auto mlp = makeTutorialMlp();
    QCOMPARE(namesOf(mlp->namedParameters()),
             (std::vector<std::string>{"0.weight", "0.bias", "2.weight", "2.bias"}));
    QCOMPARE(mlp->parameters().size(), std::size_t(4));

    // Nested containers: names chain through every level.
    Sequential outer;
    outer.append(std::make_shared<ReLU>());
    outer.append(makeTutorialMlp());
    QCOMPARE(namesOf(outer.namedParameters()),
             (std::vector<std::string>{"1.0.weight", "1.0.bias", "1.2.weight", "1.2.bias"}));
    QCOMPARE(outer.children().size(), std::size_t(2));
    QCOMPARE(outer.children()[0].first, std::string("0"));
    QCOMPARE(outer.children()[0].second->typeName(), std::string("ReLU"));
}

void TestNn::parametersAreLeavesRequiringGrad()
{
    const auto mlp = makeTutorialMlp();
    for (const auto& [name, p] : mlp->namedParameters()) {
        QVERIFY2(p.isLeaf(), name.c_str());
        QVERIFY2(p.requiresGrad(), name.c_str());
        QVERIFY2(!p.grad().defined(), name.c_str());
    }
    // parameters() hands out the module's own tensors, not copies.
    Linear lin(2, 1);
    QCOMPARE(lin.parameters()[0].impl(), lin.weight().impl());
    QCOMPARE(lin.parameters()[1].impl(), lin.bias().impl());

    // A backward pass through the module reaches its parameters.
    Tensor loss = lin(ones(Shape{4, 2})).sum();
    GL_NO_THROW(loss.backward());
    QVERIFY(lin.weight().grad().defined());
    QVERIFY(lin.bias().grad().defined());
    GL_VERIFY_EXACT_VALUES(lin.bias().grad().toVector(), std::vector<double>{4.0}, "bias.grad");
}

void TestNn::stateDictIsDetachedAndSharesData()
{
    manualSeed(42);
    ManualLinearRegression model;
    const NamedTensors state = model.stateDict();
    QCOMPARE(namesOf(state), (std::vector<std::string>{"a", "b"}));
    const Tensor& a = *find(state, "a");
    QVERIFY(!a.requiresGrad());
    QVERIFY(a.isLeaf());
    QCOMPARE(a.item(), model.a().item());
    {
        NoGradGuard noGrad;
        model.a().fill_(5.0);
    }
    QCOMPARE(a.item(), 5.0); // same storage, as torch's state_dict tensors
}

void TestNn::loadStateDictRoundTripCopiesValuesIntoTheSameLeaves()
{
    manualSeed(42);
    const auto source = makeTutorialMlp();
    manualSeed(0);
    const auto target = makeTutorialMlp();
    const std::vector<Tensor> before = target->parameters();
    QVERIFY(source->parameters()[0].toVector() != before[0].toVector());

    GL_NO_THROW(target->loadStateDict(source->stateDict()));
    const NamedTensors src = source->namedParameters();
    const NamedTensors dst = target->namedParameters();
    QCOMPARE(namesOf(dst), namesOf(src));
    for (std::size_t i = 0; i < src.size(); ++i) {
        GL_VERIFY_EXACT_VALUES(dst[i].second.toVector(), src[i].second.toVector(), dst[i].first.c_str());
        QCOMPARE(dst[i].second.impl(), before[i].impl()); // an optimizer holding them keeps working
        QVERIFY(dst[i].second.isLeaf());
        QVERIFY(dst[i].second.requiresGrad());
    }
    // A copy, not an alias: changing the source afterwards leaves the target alone.
    const double kept = target->parameters()[3].item();
    {
        NoGradGuard noGrad;
        source->parameters()[3].fill_(123.0);
    }
    QCOMPARE(target->parameters()[3].item(), kept);
}

void TestNn::loadStateDictStrictNamesMissingKeys()
{
    const auto model = makeTutorialMlp();
    NamedTensors state = model->stateDict();
    state.erase(state.begin() + 1); // 0.bias
    state.pop_back();               // 2.bias
    GL_VERIFY_ENGINE_ERROR("Missing key(s)", model->loadStateDict(state));
    GL_VERIFY_ENGINE_ERROR("\"0.bias\"", model->loadStateDict(state));
    GL_VERIFY_ENGINE_ERROR("\"2.bias\"", model->loadStateDict(state));
    GL_VERIFY_ENGINE_ERROR("Sequential", model->loadStateDict(state));
}

void TestNn::loadStateDictStrictNamesUnexpectedKeys()
{
    const auto model = makeTutorialMlp();
    NamedTensors state = model->stateDict();
    state.emplace_back("3.weight", zeros(Shape{1, 1}));
    state.emplace_back("bias", zeros(Shape{1}));
    GL_VERIFY_ENGINE_ERROR("Unexpected key(s)", model->loadStateDict(state));
    GL_VERIFY_ENGINE_ERROR("\"3.weight\"", model->loadStateDict(state));
    GL_VERIFY_ENGINE_ERROR("\"bias\"", model->loadStateDict(state));

    // Both kinds at once are both reported.
    state.erase(state.begin());
    GL_VERIFY_ENGINE_ERROR("Missing key(s) in state_dict: \"0.weight\"", model->loadStateDict(state));
    GL_VERIFY_ENGINE_ERROR("Unexpected key(s) in state_dict: \"3.weight\", \"bias\"", model->loadStateDict(state));
}

void TestNn::loadStateDictNonStrictLoadsWhatMatches()
{
    manualSeed(1);
    ManualLinearRegression model;
    const double bBefore = model.b().item();
    NamedTensors state{{"a", fromData({2.5}, Shape{1})}, {"c", fromData({7.0}, Shape{1})}};
    GL_NO_THROW(model.loadStateDict(state, false));
    QCOMPARE(model.a().item(), 2.5);
    QCOMPARE(model.b().item(), bBefore);
}

void TestNn::loadStateDictSizeMismatchNamesTheKeyAndChangesNothing()
{
    manualSeed(3);
    const auto model = makeTutorialMlp();
    const std::vector<double> w0 = model->parameters()[0].toVector();
    NamedTensors state = model->stateDict();
    for (auto& [name, t] : state)
        t = name == "2.weight" ? zeros(Shape{8, 1}) : full(t.shape(), 9.0);
    GL_VERIFY_ENGINE_ERROR("size mismatch for 2.weight", model->loadStateDict(state));
    GL_VERIFY_ENGINE_ERROR("[8, 1]", model->loadStateDict(state));
    GL_VERIFY_ENGINE_ERROR("[1, 8]", model->loadStateDict(state));
    // Every shape is checked before anything is copied.
    GL_VERIFY_EXACT_VALUES(model->parameters()[0].toVector(), w0, "0.weight");
}

void TestNn::trainAndEvalPropagateToChildren()
{
    Sequential outer;
    outer.append(makeTutorialMlp());
    outer.append(std::make_shared<Sigmoid>());
    auto allTraining = [&](bool expected) {
        if (outer.isTraining() != expected)
            return false;
        for (const auto& [n, child] : outer.children()) {
            if (child->isTraining() != expected)
                return false;
            for (const auto& [nn, grandChild] : child->children())
                if (grandChild->isTraining() != expected)
                    return false;
        }
        return true;
    };
    QVERIFY(allTraining(true)); // modules start in training mode
    outer.eval();
    QVERIFY(allTraining(false));
    outer.train();
    QVERIFY(allTraining(true));
    outer.train(false);
    QVERIFY(allTraining(false));
    // A child switched alone does not switch its parent.
    outer.children()[0].second->train(true);
    QVERIFY(!outer.isTraining());
    QVERIFY(outer.children()[0].second->children()[0].second->isTraining());
}

void TestNn::toFloat64KeepsParametersAsLeavesWithConvertedValues()
{
    manualSeed(42);
    const auto model = makeTutorialMlp();
    const std::vector<Tensor> params = model->parameters();
    std::vector<std::vector<double>> values;
    for (const Tensor& p : params)
        values.push_back(p.toVector());

    // A gradient present before the move is converted with its parameter.
    GL_NO_THROW(model->forward(ones(Shape{2, 1})).sum().backward());

    GL_NO_THROW(model->to(DType::Float64));
    const std::vector<Tensor> after = model->parameters();
    QCOMPARE(after.size(), params.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].impl(), params[i].impl()); // the same leaves: optimizers built earlier keep them
        QCOMPARE(after[i].dtype(), DType::Float64);
        QVERIFY(after[i].isLeaf());
        QVERIFY(after[i].requiresGrad());
        GL_VERIFY_EXACT_VALUES(after[i].toVector(), values[i], "converted parameter");
        QVERIFY(after[i].grad().defined());
        QCOMPARE(after[i].grad().dtype(), DType::Float64);
    }
    // It trains in float64 afterwards.
    for (Tensor p : after)
        p.setGrad(Tensor());
    Tensor y;
    GL_NO_THROW(y = model->forward(ones(Shape{2, 1}, TensorOptions{}.withDType(DType::Float64))));
    QCOMPARE(y.dtype(), DType::Float64);
    GL_NO_THROW(y.sum().backward());
    for (const Tensor& p : after) {
        QVERIFY(p.grad().defined());
        QCOMPARE(p.grad().dtype(), DType::Float64);
    }
    // Converting to the dtype it already has changes nothing.
    GL_NO_THROW(model->to(DType::Float64));
    QCOMPARE(model->parameters()[0].impl(), params[0].impl());
}

void TestNn::lossMatchesTorchValueAndGradients_data()
{
    QTest::addColumn<QJsonObject>("record");
    QTest::addColumn<bool>("viaModule");
    for (const QJsonValue& v : fixtureSection("losses")) {
        const QJsonObject rec = v.toObject();
        QTest::newRow(lossRowName(rec, "functional").constData()) << rec << false;
        QTest::newRow(lossRowName(rec, "module").constData()) << rec << true;
    }
}

// float64, both input and target require grad; 1e-12 relative. At the element where input equals
// target (0.05) the fixture gives PyTorch's subgradient: 0 for l1 (sign(0)); for smooth_l1 with
// beta = 0, -1 for both the input and the target (smooth_l1_loss_backward tests x <= -beta first,
// and the target's gradient is computed by the same function with input and target swapped).
void TestNn::lossMatchesTorchValueAndGradients()
{
    QFETCH(QJsonObject, record);
    QFETCH(bool, viaModule);
    const TensorOptions opts = TensorOptions{}.withDType(DType::Float64).withRequiresGrad();
    const std::vector<double> in = toDoubles(record.value(QLatin1String("input")));
    const std::vector<double> tg = toDoubles(record.value(QLatin1String("target")));
    const auto n = static_cast<std::int64_t>(in.size());
    Tensor input = fromData(in, Shape{n}, opts);
    Tensor target = fromData(tg, Shape{n}, opts);
    QVERIFY(input.isLeaf() && input.requiresGrad());

    Tensor loss;
    GL_NO_THROW(loss = viaModule ? lossModule(record)(input, target) : functionalLoss(record, input, target));
    QCOMPARE(loss.dim(), 0);
    QCOMPARE(loss.dtype(), DType::Float64);
    GL_VERIFY_REL(loss.item(), record.value(QLatin1String("loss")).toDouble(), 1e-12, "loss");
    GL_NO_THROW(loss.backward());
    QVERIFY(input.grad().defined());
    QVERIFY(target.grad().defined());
    const std::vector<double> gi = input.grad().toVector(), gt = target.grad().toVector();
    const std::vector<double> egi = toDoubles(record.value(QLatin1String("grad_input")));
    const std::vector<double> egt = toDoubles(record.value(QLatin1String("grad_target")));
    QCOMPARE(gi.size(), egi.size());
    QCOMPARE(gt.size(), egt.size());
    for (std::size_t i = 0; i < gi.size(); ++i) {
        GL_VERIFY_REL(gi[i], egi[i], 1e-12, QByteArray("grad_input[" + QByteArray::number(qulonglong(i)) + "]"));
        GL_VERIFY_REL(gt[i], egt[i], 1e-12, QByteArray("grad_target[" + QByteArray::number(qulonglong(i)) + "]"));
    }
}

void TestNn::lossModulesRejectInvalidParameters()
{
    GL_VERIFY_ENGINE_ERROR("delta", HuberLoss(Reduction::Mean, 0.0));
    GL_VERIFY_ENGINE_ERROR("delta", HuberLoss(Reduction::Mean, -1.0));
    GL_VERIFY_ENGINE_ERROR("beta", SmoothL1Loss(Reduction::Mean, -0.5));
    GL_NO_THROW(SmoothL1Loss(Reduction::Sum, 0.0));
    const Loss l = HuberLoss(Reduction::Sum, 0.5);
    QCOMPARE(l.type(), Loss::Type::Huber);
    QCOMPARE(l.reduction(), Reduction::Sum);
    QCOMPARE(l.parameter(), 0.5);
}

QTEST_APPLESS_MAIN(TestNn)
#include "tst_nn.moc"
