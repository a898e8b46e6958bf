// torch.optim for GradLab: every fixture "training" record (the tutorial's experiment trained by
// PyTorch 1.13 with SGD / Adam / AdamW / RMSprop / Adagrad, several options and losses) replayed
// step for step, in the record's dtype and in float64; option validation; zeroGrad; parameters
// without a gradient; optimizer state.
#include "tutorial_data.h"

#include "engine/autograd.h"
#include "engine/generator.h"
#include "engine/nn.h"
#include "engine/ops.h"
#include "engine/optim.h"
#include "engine/tensor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <memory>
#include <string>
#include <vector>

using namespace gradlab;
using namespace gradlab::testdata;

using Action = std::function<void()>;
Q_DECLARE_METATYPE(Action)

namespace {

double field(const QJsonObject& o, const char* key) { return o.value(QLatin1String(key)).toDouble(); }
bool flag(const QJsonObject& o, const char* key) { return o.value(QLatin1String(key)).toBool(); }

Loss lossFromRecord(const QJsonObject& loss)
{
    const QString type = loss.value(QLatin1String("type")).toString();
    const Reduction r = loss.value(QLatin1String("reduction")).toString() == QLatin1String("sum") ? Reduction::Sum
                                                                                                  : Reduction::Mean;
    if (type == QLatin1String("mse"))
        return MSELoss(r);
    if (type == QLatin1String("l1"))
        return L1Loss(r);
    if (type == QLatin1String("huber"))
        return HuberLoss(r, field(loss, "delta"));
    if (type == QLatin1String("smooth_l1"))
        return SmoothL1Loss(r, field(loss, "beta"));
    throw EngineError("unknown loss type " + type.toStdString());
}

// The optimizer a fixture record describes, with every option the record lists (the record holds
// torch's optimizer.defaults, so defaults are spelled out too).
std::unique_ptr<Optimizer> optimizerFromRecord(const QJsonObject& o, std::vector<Tensor> params)
{
    const QString type = o.value(QLatin1String("type")).toString();
    if (type == QLatin1String("sgd")) {
        SGDOptions s;
        s.lr = field(o, "lr");
        s.momentum = field(o, "momentum");
        s.dampening = field(o, "dampening");
        s.weightDecay = field(o, "weight_decay");
        s.nesterov = flag(o, "nesterov");
        s.maximize = flag(o, "maximize");
        return std::make_unique<SGD>(std::move(params), s);
    }
    if (type == QLatin1String("adam") || type == QLatin1String("adamw")) {
        AdamOptions s = type == QLatin1String("adamw") ? AdamW::defaults() : AdamOptions{};
        const QJsonArray betas = o.value(QLatin1String("betas")).toArray();
        s.lr = field(o, "lr");
        s.beta1 = betas.at(0).toDouble();
        s.beta2 = betas.at(1).toDouble();
        s.eps = field(o, "eps");
        s.weightDecay = field(o, "weight_decay");
        s.amsgrad = flag(o, "amsgrad");
        s.maximize = flag(o, "maximize");
        if (type == QLatin1String("adamw"))
            return std::make_unique<AdamW>(std::move(params), s);
        return std::make_unique<Adam>(std::move(params), s);
    }
    if (type == QLatin1String("rmsprop")) {
        RMSpropOptions s;
        s.lr = field(o, "lr");
        s.alpha = field(o, "alpha");
        s.eps = field(o, "eps");
        s.weightDecay = field(o, "weight_decay");
        s.momentum = field(o, "momentum");
        s.centered = flag(o, "centered");
        s.maximize = flag(o, "maximize");
        return std::make_unique<RMSprop>(std::move(params), s);
    }
    if (type == QLatin1String("adagrad")) {
        AdagradOptions s;
        s.lr = field(o, "lr");
        s.lrDecay = field(o, "lr_decay");
        s.weightDecay = field(o, "weight_decay");
        s.initialAccumulatorValue = field(o, "initial_accumulator_value");
        s.eps = field(o, "eps");
        s.maximize = flag(o, "maximize");
        return std::make_unique<Adagrad>(std::move(params), s);
    }
    throw EngineError("unknown optimizer type " + type.toStdString());
}

const Tensor* stateBuffer(const std::vector<std::pair<std::string, Tensor>>& state, const std::string& name)
{
    for (const auto& [n, t] : state)
        if (n == name && t.defined())
            return &t;
    return nullptr;
}

std::vector<std::string> stateNames(const std::vector<std::pair<std::string, Tensor>>& state)
{
    std::vector<std::string> out;
    for (const auto& [n, t] : state)
        if (t.defined())
            out.push_back(n);
    return out;
}

// What replaying a fixture record gives: the values the record holds, and [a, b] after every step.
struct TrainingRun {
    double a = 0.0, b = 0.0, a1 = 0.0, b1 = 0.0;
    double firstLoss = 0.0, lastLoss = 0.0, val = 0.0;
    std::vector<std::array<double, 2>> path; // path[k]: after step k + 1
};

// [a, b] of the float32 trajectory are compared for this many first steps (the record holds them).
constexpr qint64 kTrajectorySteps = 10;

// The loop of the fixture generator (and of the tutorial), in `dtype` whatever the record's own:
// yhat = model(x); loss = loss_fn(y, yhat) (target first, as the tutorial writes it); backward;
// step; zero_grad; then the validation loss in eval mode without grad. Fails the current test (the
// caller checks QTest::currentTestFailed()) on an exception.
void replayTraining(const QJsonObject& record, const TutorialDataset& data, DType dtype, TrainingRun& run)
{
    const auto epochs = record.value(QLatin1String("epochs")).toInteger();
    const TutorialSplit split = tutorialSplit(data, dtype);
    manualSeed(static_cast<std::uint64_t>(record.value(QLatin1String("init_seed")).toInteger()));
    ManualLinearRegression model(dtype);
    const Loss lossFn = lossFromRecord(record.value(QLatin1String("loss")).toObject());
    std::unique_ptr<Optimizer> opt;
    GL_NO_THROW(opt = optimizerFromRecord(record.value(QLatin1String("optimizer")).toObject(),
                                          {model.a(), model.b()}));
    try {
        for (qint64 epoch = 0; epoch < epochs; ++epoch) {
            model.train();
            const Tensor yhat = model(split.xTrain);
            const Tensor loss = lossFn(split.yTrain, yhat);
            loss.backward();
            opt->step();
            opt->zeroGrad();
            run.lastLoss = loss.item();
            if (epoch == 0) {
                run.firstLoss = run.lastLoss;
                run.a1 = model.a().item();
                run.b1 = model.b().item();
            }
            run.path.push_back({model.a().item(), model.b().item()});
        }
    } catch (const std::exception& e) {
        QFAIL(e.what());
    }
    model.eval();
    {
        NoGradGuard noGrad;
        GL_NO_THROW(run.val = lossFn(split.yVal, model(split.xVal)).item());
    }
    QCOMPARE(opt->steps(), static_cast<std::int64_t>(epochs));
    QCOMPARE(model.a().dtype(), dtype);
    QVERIFY(model.a().isLeaf());
    run.a = model.a().item();
    run.b = model.b().item();
}

// The same-basin bound for the final values of a rounding-sensitive run: 1e-2, or twice the
// farthest PyTorch's own final a or b moved under its one-ulp probes ("sensitivity": probe name ->
// {a, b}) where that is more - another implementation is just another such perturbation.
double basinBound(const QJsonObject& run)
{
    double spread = 0.0;
    const QJsonObject probes = run.value(QLatin1String("sensitivity")).toObject();
    for (auto it = probes.begin(); it != probes.end(); ++it) {
        const QJsonObject p = it.value().toObject();
        spread = std::max({spread, std::fabs(field(p, "a") - field(run, "a")),
                           std::fabs(field(p, "b") - field(run, "b"))});
    }
    return std::max(1e-2, 2.0 * spread);
}

// |actual - expected| <= rel·|expected| + abs.
bool closeMixed(double actual, double expected, double rel, double abs)
{
    return std::fabs(actual - expected) <= rel * std::fabs(expected) + abs;
}

// Two leaves and the tutorial's MSE on a small fixed batch; returns the loss after backward.
struct TinyProblem {
    Tensor a = fromData({0.5}, Shape{1}, TensorOptions{}.withRequiresGrad());
    Tensor b = fromData({-0.25}, Shape{1}, TensorOptions{}.withRequiresGrad());
    Tensor x = fromData({0.0, 0.5, 1.0}, Shape{3, 1});
    Tensor y = fromData({1.0, 2.0, 3.0}, Shape{3, 1});

    double backward()
    {
        Tensor loss = mseLoss(a + b * x, y);
        loss.backward();
        return loss.item();
    }
};

} // namespace

class TestOptim : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void trainingMatchesTorch_data();
    void trainingMatchesTorch();
    void trainingInFloat64MatchesTorch_data();
    void trainingInFloat64MatchesTorch();

    void invalidOptionsThrowEngineError_data();
    void invalidOptionsThrowEngineError();
    void rejectedSetLrLeavesTheLearningRateUnchanged();

    void zeroGradZeroesGradientsInPlace();
    void zeroGradSetToNoneDropsGradients();
    void stepSkipsParametersWithoutGradient_data();
    void stepSkipsParametersWithoutGradient();

    void sgdStateIsAMomentumBufferOnlyWithMomentum();
    void adamStateHasTorchsBufferNamesAndFirstStepValues();
    void rmspropStateHasTorchsBufferNames();
    void adagradStateIsTheSumStartingAtTheInitialAccumulator();

private:
    TutorialDataset data_;
};

void TestOptim::initTestCase()
{
    data_ = loadTutorialDataset();
    QVERIFY2(data_.ok(), qPrintable(data_.error));
    QCOMPARE(data_.x.size(), std::size_t(100));
    QCOMPARE(data_.trainIndices.size(), std::size_t(80));
    QCOMPARE(data_.valIndices.size(), std::size_t(20));
    QVERIFY2(!torchReference().isEmpty(), "tests/model/engine/fixtures/torch_reference.json is missing or unreadable");
    QCOMPARE(fixtureSection("training").size(), 28);
}

void TestOptim::trainingMatchesTorch_data()
{
    QTest::addColumn<QJsonObject>("record");
    for (const QJsonValue& v : fixtureSection("training")) {
        const QJsonObject rec = v.toObject();
        QTest::newRow(rec.value(QLatin1String("name")).toString().toUtf8().constData()) << rec;
    }
}

// Every record replayed in its own dtype.
//
// Float32 records: float32 rounds differently here and in PyTorch by single ulps (torch sums in a
// vectorised order and uses FMA in add_ with alpha), so they are compared in three parts:
//  (a) [a, b] after each of the first 10 steps ("trajectory_f32") within 1e-6 relative plus 1e-7
//      absolute (about one float32 ulp at the parameters' scale, 0.3 to 2, for values that come
//      out of a cancellation near zero, like a after the first step of sgd_lr0.1_maximize_5ep),
//      and the first loss within 1e-6 relative: no rounding difference has had time to grow;
//  (b) the same configuration in float64 for all 1000 epochs: trainingInFloat64MatchesTorch;
//  (c) the final float32 values after all epochs within 1e-5 (relative) - but only where the
//      record is not "sensitive". The fixture generator marks a record sensitive when PyTorch's
//      own float32 run moves its final a or b by more than 1e-6 under a one-ulp perturbation (the
//      training rows reordered in one of several ways, which changes only how float32 reductions
//      round; or the initial a nudged by one ulp). Such a configuration turns unstable near the
//      optimum (Adam / RMSprop with a small eps: the squared-gradient average shrinks with the
//      gradient until the step overshoots and bursts), and single-ulp differences grow to
//      ~1e-3..1e-2 in the final values: agreeing with PyTorch to 1e-5 would take a bit-exact
//      emulation of its SIMD kernels, which is not the goal. For those the final a and b are only
//      checked to stay within 1e-2 (absolute) of PyTorch's - or within twice the farthest PyTorch
//      itself moved under its probes, where that is more (basinBound) - and the losses within
//      1e-2: a sanity bound that the run ended in the same basin. (a) and (b) carry the precision.
// Float64 records compare step 1 within 1e-12, the final a and b within 1e-10 and the losses within
// 1e-5 (relative); trainingInFloat64MatchesTorch holds them to its tighter float64 bounds too.
void TestOptim::trainingMatchesTorch()
{
    QFETCH(QJsonObject, record);
    const DType dtype = parseDType(record.value(QLatin1String("dtype")).toString().toStdString());
    TrainingRun run;
    replayTraining(record, data_, dtype, run);
    if (QTest::currentTestFailed())
        return;

    if (dtype == DType::Float64) {
        const double lossTol = 1e-5;
        GL_VERIFY_REL(run.firstLoss, field(record, "train_loss_first"), lossTol, "train_loss_first");
        GL_VERIFY_REL(run.a1, field(record, "a_after_1"), 1e-12, "a after step 1");
        GL_VERIFY_REL(run.b1, field(record, "b_after_1"), 1e-12, "b after step 1");
        GL_VERIFY_REL(run.a, field(record, "a"), 1e-10, "final a");
        GL_VERIFY_REL(run.b, field(record, "b"), 1e-10, "final b");
        GL_VERIFY_REL(run.lastLoss, field(record, "train_loss_last"), lossTol, "train_loss_last");
        GL_VERIFY_REL(run.val, field(record, "val_loss"), lossTol, "val_loss");
        return;
    }

    // (a) the first steps
    GL_VERIFY_REL(run.firstLoss, field(record, "train_loss_first"), 1e-6, "train_loss_first");
    const QJsonArray trajectory = record.value(QLatin1String("trajectory_f32")).toArray();
    const auto epochs = record.value(QLatin1String("epochs")).toInteger();
    QCOMPARE(trajectory.size(), static_cast<qsizetype>(std::min(epochs, kTrajectorySteps)));
    QCOMPARE(trajectory.at(0).toArray().at(0).toDouble(), field(record, "a_after_1"));
    QCOMPARE(trajectory.at(0).toArray().at(1).toDouble(), field(record, "b_after_1"));
    for (qsizetype step = 0; step < trajectory.size(); ++step) {
        const QJsonArray expected = trajectory.at(step).toArray();
        QCOMPARE(expected.size(), qsizetype(2));
        for (qsizetype p = 0; p < 2; ++p) {
            const double actual = run.path[static_cast<std::size_t>(step)][static_cast<std::size_t>(p)];
            const double want = expected.at(p).toDouble();
            QVERIFY2(closeMixed(actual, want, 1e-6, 1e-7),
                     QByteArray(QByteArray(p == 0 ? "a" : "b") + " after step " + QByteArray::number(step + 1)
                                + ": actual " + num(actual) + ", expected " + num(want)
                                + " (relative tolerance 1e-6, absolute 1e-7)")
                         .constData());
        }
    }

    // (c) the final values
    const QJsonValue sensitive = record.value(QLatin1String("sensitive"));
    QVERIFY2(sensitive.isBool(), "float32 record without \"sensitive\"");
    if (!sensitive.toBool()) {
        const double finalTol = 1e-5;
        GL_VERIFY_REL(run.a, field(record, "a"), finalTol, "final a");
        GL_VERIFY_REL(run.b, field(record, "b"), finalTol, "final b");
        GL_VERIFY_REL(run.lastLoss, field(record, "train_loss_last"), finalTol, "train_loss_last");
        GL_VERIFY_REL(run.val, field(record, "val_loss"), finalTol, "val_loss");
    } else {
        // Unstable in float32 (see above): PyTorch itself lands up to ~1e-2 away under a one-ulp
        // perturbation, so only require the same basin. (a) and the float64 run check the arithmetic.
        const double basin = basinBound(record);
        GL_VERIFY_ABS(run.a, field(record, "a"), basin, "final a (sensitive record, same-basin bound)");
        GL_VERIFY_ABS(run.b, field(record, "b"), basin, "final b (sensitive record, same-basin bound)");
        GL_VERIFY_ABS(run.lastLoss, field(record, "train_loss_last"), 1e-2,
                      "train_loss_last (sensitive record, same-basin bound)");
        GL_VERIFY_ABS(run.val, field(record, "val_loss"), 1e-2, "val_loss (sensitive record, same-basin bound)");
    }
}

void TestOptim::trainingInFloat64MatchesTorch_data() { trainingMatchesTorch_data(); }

// (b) Every record's configuration run in float64 (data, parameters and optimizer state; the
// initial a and b are the same normal draws as in float32, unrounded) against PyTorch's float64
// run of it ("float64" in the record): step 1 within 1e-12; [a, b] every 50 steps within 1e-9
// (relative) up to the record's "horizon"; the final a, b and losses within 1e-9 (relative) unless
// the float64 run is "sensitive" too.
//
// Float64 does not make every configuration predictable: the instability described above also
// grows float64 rounding noise, from ~1e-16 to ~1e-3 within ~100 steps. PyTorch's own float64 run
// moves its final a by up to ~1e-2 when only its reduction order changes (training rows
// reordered), so no implementation can match it to 1e-9 past that point. The fixture generator
// runs its probes in float64 too: a record is sensitive in float64 when one moves the final a or b
// by more than 1e-12, and its "horizon" is the last step up to which every probe's [a, b] stays
// within 1e-12 of the run's - a thousandth of the tolerance, so up to there another
// implementation's rounding differences have had no room to grow to 1e-9 either. Checkpoints up to the horizon are
// compared tightly; the final values of a sensitive record only get the same-basin bound.
void TestOptim::trainingInFloat64MatchesTorch()
{
    QFETCH(QJsonObject, record);
    const QJsonObject f64 = record.value(QLatin1String("float64")).toObject();
    QVERIFY2(!f64.isEmpty(), "record without \"float64\"");
    QVERIFY2(f64.value(QLatin1String("sensitive")).isBool(), "\"float64\" without \"sensitive\"");
    TrainingRun run;
    replayTraining(record, data_, DType::Float64, run);
    if (QTest::currentTestFailed())
        return;
    GL_VERIFY_REL(run.a1, field(f64, "a_after_1"), 1e-12, "float64: a after step 1");
    GL_VERIFY_REL(run.b1, field(f64, "b_after_1"), 1e-12, "float64: b after step 1");

    const auto horizon = f64.value(QLatin1String("horizon")).toInteger(-1);
    QVERIFY2(horizon >= 1 && horizon <= static_cast<qint64>(run.path.size()), "bad \"horizon\"");
    int compared = 0;
    for (const QJsonValue& v : f64.value(QLatin1String("checkpoints")).toArray()) {
        const QJsonArray cp = v.toArray();
        QCOMPARE(cp.size(), qsizetype(3));
        const qint64 step = cp.at(0).toInteger();
        QVERIFY(step >= 1 && step <= static_cast<qint64>(run.path.size()));
        if (step > horizon)
            continue;
        const auto& [a, b] = run.path[static_cast<std::size_t>(step - 1)];
        const QByteArray at = " after step " + QByteArray::number(step);
        GL_VERIFY_REL(a, cp.at(1).toDouble(), 1e-9, "float64: a" + at);
        GL_VERIFY_REL(b, cp.at(2).toDouble(), 1e-9, "float64: b" + at);
        ++compared;
    }
    // Every 1000-epoch record is predictable in float64 for at least its first 100 steps.
    if (run.path.size() >= 1000)
        QVERIFY2(compared >= 2, "fewer than 2 float64 checkpoints before the horizon");

    if (!f64.value(QLatin1String("sensitive")).toBool()) {
        GL_VERIFY_REL(run.a, field(f64, "a"), 1e-9, "float64: final a");
        GL_VERIFY_REL(run.b, field(f64, "b"), 1e-9, "float64: final b");
        GL_VERIFY_REL(run.lastLoss, field(f64, "train_loss_last"), 1e-9, "float64: train_loss_last");
        GL_VERIFY_REL(run.val, field(f64, "val_loss"), 1e-9, "float64: val_loss");
    } else {
        // Past the horizon even float64 is a matter of rounding luck (see above): same basin only.
        const double basin = basinBound(f64);
        GL_VERIFY_ABS(run.a, field(f64, "a"), basin, "float64: final a (sensitive record, same-basin bound)");
        GL_VERIFY_ABS(run.b, field(f64, "b"), basin, "float64: final b (sensitive record, same-basin bound)");
        GL_VERIFY_ABS(run.lastLoss, field(f64, "train_loss_last"), 1e-2,
                      "float64: train_loss_last (sensitive record, same-basin bound)");
        GL_VERIFY_ABS(run.val, field(f64, "val_loss"), 1e-2, "float64: val_loss (sensitive record, same-basin bound)");
    }
}

void TestOptim::invalidOptionsThrowEngineError_data()
{
    QTest::addColumn<Action>("construct");
    QTest::addColumn<QString>("message");
    auto params = [] { return std::vector<Tensor>{zeros(Shape{1}, TensorOptions{}.withRequiresGrad())}; };
    auto sgd = [params](auto edit) {
        return Action([=] {
            SGDOptions o;
            edit(o);
            SGD opt(params(), o);
        });
    };
    auto adam = [params](auto edit) {
        return Action([=] {
            AdamOptions o;
            edit(o);
            Adam opt(params(), o);
        });
    };
    auto adamw = [params](auto edit) {
        return Action([=] {
            AdamOptions o = AdamW::defaults();
            edit(o);
            AdamW opt(params(), o);
        });
    };
    auto rmsprop = [params](auto edit) {
        return Action([=] {
            RMSpropOptions o;
            edit(o);
            RMSprop opt(params(), o);
        });
    };
    auto adagrad = [params](auto edit) {
        return Action([=] {
            AdagradOptions o;
            edit(o);
            Adagrad opt(params(), o);
        });
    };
    const QString lr = QStringLiteral("Invalid learning rate");
    QTest::newRow("SGD negative lr") << sgd([](SGDOptions& o) { o.lr = -0.1; }) << lr;
    QTest::newRow("SGD NaN lr") << sgd([](SGDOptions& o) { o.lr = std::nan(""); }) << lr;
    QTest::newRow("SGD negative momentum") << sgd([](SGDOptions& o) { o.momentum = -0.5; })
                                           << QStringLiteral("Invalid momentum value");
    QTest::newRow("SGD negative weight decay") << sgd([](SGDOptions& o) { o.weightDecay = -1e-3; })
                                               << QStringLiteral("Invalid weight_decay value");
    QTest::newRow("SGD nesterov without momentum") << sgd([](SGDOptions& o) { o.nesterov = true; })
                                                   << QStringLiteral("Nesterov momentum requires a momentum and zero dampening");
    QTest::newRow("SGD nesterov with dampening") << sgd([](SGDOptions& o) {
        o.nesterov = true;
        o.momentum = 0.9;
        o.dampening = 0.1;
    }) << QStringLiteral("Nesterov momentum requires a momentum and zero dampening");
    QTest::newRow("Adam negative lr") << adam([](AdamOptions& o) { o.lr = -1e-3; }) << lr;
    QTest::newRow("Adam beta1 = 1") << adam([](AdamOptions& o) { o.beta1 = 1.0; })
                                    << QStringLiteral("Invalid beta parameter at index 0");
    QTest::newRow("Adam beta1 < 0") << adam([](AdamOptions& o) { o.beta1 = -0.1; })
                                    << QStringLiteral("Invalid beta parameter at index 0");
    QTest::newRow("Adam beta2 = 1") << adam([](AdamOptions& o) { o.beta2 = 1.0; })
                                    << QStringLiteral("Invalid beta parameter at index 1");
    QTest::newRow("Adam beta2 > 1") << adam([](AdamOptions& o) { o.beta2 = 1.5; })
                                    << QStringLiteral("Invalid beta parameter at index 1");
    QTest::newRow("Adam negative eps") << adam([](AdamOptions& o) { o.eps = -1e-8; })
                                       << QStringLiteral("Invalid epsilon value");
    QTest::newRow("Adam negative weight decay") << adam([](AdamOptions& o) { o.weightDecay = -0.1; })
                                                << QStringLiteral("Invalid weight_decay value");
    QTest::newRow("AdamW beta1 = 1") << adamw([](AdamOptions& o) { o.beta1 = 1.0; })
                                     << QStringLiteral("Invalid beta parameter at index 0");
    QTest::newRow("AdamW negative lr") << adamw([](AdamOptions& o) { o.lr = -0.1; }) << lr;
    QTest::newRow("RMSprop negative lr") << rmsprop([](RMSpropOptions& o) { o.lr = -0.01; }) << lr;
    QTest::newRow("RMSprop negative alpha") << rmsprop([](RMSpropOptions& o) { o.alpha = -0.9; })
                                            << QStringLiteral("Invalid alpha value");
    QTest::newRow("RMSprop negative momentum") << rmsprop([](RMSpropOptions& o) { o.momentum = -0.9; })
                                               << QStringLiteral("Invalid momentum value");
    QTest::newRow("RMSprop negative eps") << rmsprop([](RMSpropOptions& o) { o.eps = -1.0; })
                                          << QStringLiteral("Invalid epsilon value");
    QTest::newRow("Adagrad negative lr") << adagrad([](AdagradOptions& o) { o.lr = -0.5; }) << lr;
    QTest::newRow("Adagrad negative lr_decay") << adagrad([](AdagradOptions& o) { o.lrDecay = -0.01; })
                                               << QStringLiteral("Invalid lr_decay value");
    QTest::newRow("Adagrad negative initial accumulator")
        << adagrad([](AdagradOptions& o) { o.initialAccumulatorValue = -0.1; })
        << QStringLiteral("Invalid initial_accumulator_value value");
    QTest::newRow("empty parameter list") << Action([] { SGD opt({}, SGDOptions{}); })
                                          << QStringLiteral("empty parameter list");
    QTest::newRow("non-leaf parameter") << Action([] {
        const Tensor leaf = ones(Shape{1}, TensorOptions{}.withRequiresGrad());
        SGD opt({leaf * 2.0}, SGDOptions{});
    }) << QStringLiteral("can't optimize a non-leaf Tensor");
}

void TestOptim::invalidOptionsThrowEngineError()
{
    QFETCH(Action, construct);
    QFETCH(QString, message);
    GL_VERIFY_ENGINE_ERROR(message.toStdString(), construct());
}

void TestOptim::rejectedSetLrLeavesTheLearningRateUnchanged()
{
    const Tensor p = zeros(Shape{1}, TensorOptions{}.withRequiresGrad());
    SGD sgd({p}, SGDOptions{0.1});
    GL_VERIFY_ENGINE_ERROR("Invalid learning rate", sgd.setLr(-1.0));
    QCOMPARE(sgd.lr(), 0.1);
    GL_NO_THROW(sgd.setLr(0.5));
    QCOMPARE(sgd.lr(), 0.5);
    QCOMPARE(sgd.options().lr, 0.5);

    Adam adam({p}, AdamOptions{});
    AdamOptions bad = adam.options();
    bad.beta2 = 1.0;
    GL_VERIFY_ENGINE_ERROR("Invalid beta parameter at index 1", adam.setOptions(bad));
    QCOMPARE(adam.options().beta2, 0.999);
    QCOMPARE(adam.name(), std::string("Adam"));
    QCOMPARE(AdamW({p}, AdamW::defaults()).options().weightDecay, 1e-2);
}

void TestOptim::zeroGradZeroesGradientsInPlace()
{
    TinyProblem t;
    SGD opt({t.a, t.b}, SGDOptions{0.1});
    GL_NO_THROW(t.backward());
    QVERIFY(t.a.grad().defined());
    QVERIFY(t.a.grad().item() != 0.0);
    const TensorImpl* gradA = t.a.grad().impl();
    const TensorImpl* gradB = t.b.grad().impl();

    GL_NO_THROW(opt.zeroGrad());
    QVERIFY(t.a.grad().defined());
    QVERIFY(t.b.grad().defined());
    QCOMPARE(t.a.grad().impl(), gradA); // the same tensor, zeroed
    QCOMPARE(t.b.grad().impl(), gradB);
    QCOMPARE(t.a.grad().item(), 0.0);
    QCOMPARE(t.b.grad().item(), 0.0);

    // The next backward accumulates into the zeroed tensors: the fresh gradient, nothing stale.
    TinyProblem fresh;
    GL_NO_THROW(fresh.backward());
    GL_NO_THROW(t.backward());
    QCOMPARE(t.a.grad().impl(), gradA);
    QCOMPARE(t.a.grad().item(), fresh.a.grad().item());
    QCOMPARE(t.b.grad().item(), fresh.b.grad().item());
}

void TestOptim::zeroGradSetToNoneDropsGradients()
{
    TinyProblem t;
    SGD opt({t.a, t.b}, SGDOptions{0.1});
    GL_NO_THROW(t.backward());
    GL_NO_THROW(opt.zeroGrad(true));
    QVERIFY(!t.a.grad().defined());
    QVERIFY(!t.b.grad().defined());
    // A step now changes nothing: no parameter has a gradient.
    GL_NO_THROW(opt.step());
    QCOMPARE(t.a.item(), 0.5);
    QCOMPARE(t.b.item(), -0.25);
    // And the next backward creates them afresh.
    GL_NO_THROW(t.backward());
    QVERIFY(t.a.grad().defined());
}

void TestOptim::stepSkipsParametersWithoutGradient_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::newRow("SGD with momentum and weight decay") << QStringLiteral("sgd");
    QTest::newRow("Adam with weight decay") << QStringLiteral("adam");
    QTest::newRow("AdamW (decoupled weight decay)") << QStringLiteral("adamw");
    QTest::newRow("RMSprop centered with momentum") << QStringLiteral("rmsprop");
    QTest::newRow("Adagrad with weight decay") << QStringLiteral("adagrad");
}

void TestOptim::stepSkipsParametersWithoutGradient()
{
    QFETCH(QString, optimizer);
    Tensor used = fromData({0.5}, Shape{1}, TensorOptions{}.withRequiresGrad());
    Tensor unused = fromData({2.0}, Shape{1}, TensorOptions{}.withRequiresGrad());
    std::unique_ptr<Optimizer> opt;
    if (optimizer == QLatin1String("sgd"))
        opt = std::make_unique<SGD>(std::vector<Tensor>{used, unused}, SGDOptions{0.1, 0.9, 0.0, 0.1});
    else if (optimizer == QLatin1String("adam"))
        opt = std::make_unique<Adam>(std::vector<Tensor>{used, unused}, AdamOptions{0.1, 0.9, 0.999, 1e-8, 0.1});
    else if (optimizer == QLatin1String("adamw"))
        opt = std::make_unique<AdamW>(std::vector<Tensor>{used, unused}, AdamOptions{0.1, 0.9, 0.999, 1e-8, 0.1});
    else if (optimizer == QLatin1String("rmsprop"))
        opt = std::make_unique<RMSprop>(std::vector<Tensor>{used, unused},
                                        RMSpropOptions{0.01, 0.99, 1e-8, 0.1, 0.9, true});
    else
        opt = std::make_unique<Adagrad>(std::vector<Tensor>{used, unused}, AdagradOptions{0.5, 0.0, 0.1});
    const std::uint32_t unusedVersion = unused.version();
    for (int i = 0; i < 3; ++i) {
        GL_NO_THROW((used * used).sum().backward());
        GL_NO_THROW(opt->step());
        opt->zeroGrad();
    }
    QVERIFY(!unused.grad().defined());
    QCOMPARE(unused.item(), 2.0); // not even weight decay touches it, as in torch
    QCOMPARE(unused.version(), unusedVersion);
    QVERIFY(opt->state(1).empty());
    QVERIFY(!opt->state(0).empty());
    QVERIFY(used.item() != 0.5);
    QCOMPARE(opt->steps(), std::int64_t(3));
}

void TestOptim::sgdStateIsAMomentumBufferOnlyWithMomentum()
{
    {
        TinyProblem t;
        SGD opt({t.a, t.b}, SGDOptions{0.1});
        GL_NO_THROW(t.backward());
        GL_NO_THROW(opt.step());
        QVERIFY(stateBuffer(opt.state(0), "momentum_buffer") == nullptr); // torch: momentum_buffer None
    }
    TinyProblem t;
    SGD opt({t.a, t.b}, SGDOptions{0.1, 0.9});
    QVERIFY(opt.state(0).empty()); // state appears lazily, on the first step
    GL_NO_THROW(t.backward());
    const double g = t.a.grad().item();
    GL_NO_THROW(opt.step());
    QCOMPARE(stateNames(opt.state(0)), std::vector<std::string>{"momentum_buffer"});
    const auto state = opt.state(0); // a copy: the buffer pointer below points into it
    const Tensor* buf = stateBuffer(state, "momentum_buffer");
    QVERIFY(buf);
    QCOMPARE(buf->item(), g); // torch.clone(d_p) on the first step
    QVERIFY(!buf->requiresGrad());
    QCOMPARE(t.a.item(), double(0.5f - 0.1f * float(g)));
    QVERIFY(t.a.isLeaf());
    QVERIFY(t.a.requiresGrad());
}

void TestOptim::adamStateHasTorchsBufferNamesAndFirstStepValues()
{
    for (bool amsgrad : {false, true}) {
        TinyProblem t;
        AdamOptions o;
        o.amsgrad = amsgrad;
        Adam opt({t.a, t.b}, o);
        QVERIFY(opt.state(0).empty());
        GL_NO_THROW(t.backward());
        const double g = t.a.grad().item();
        GL_NO_THROW(opt.step());
        const auto state = opt.state(0);
        const std::vector<std::string> names = stateNames(state);
        QVERIFY(names.size() >= 2);
        QCOMPARE(names[0], std::string("exp_avg"));
        QCOMPARE(names[1], std::string("exp_avg_sq"));
        if (amsgrad)
            QVERIFY(stateBuffer(state, "max_exp_avg_sq") != nullptr);
        GL_VERIFY_REL(stateBuffer(state, "exp_avg")->item(), 0.1 * g, 1e-6, "exp_avg");
        GL_VERIFY_REL(stateBuffer(state, "exp_avg_sq")->item(), 0.001 * g * g, 1e-6, "exp_avg_sq");
        if (amsgrad)
            GL_VERIFY_REL(stateBuffer(state, "max_exp_avg_sq")->item(), 0.001 * g * g, 1e-6, "max_exp_avg_sq");
        // Adam's first step moves every parameter by about lr against the gradient's sign.
        GL_VERIFY_REL(t.a.item(), 0.5 - 1e-3 * (g > 0 ? 1.0 : -1.0), 1e-6, "a after one Adam step");
    }
}

void TestOptim::rmspropStateHasTorchsBufferNames()
{
    TinyProblem t;
    RMSpropOptions o;
    o.momentum = 0.9;
    o.centered = true;
    RMSprop opt({t.a, t.b}, o);
    GL_NO_THROW(t.backward());
    const double g = t.a.grad().item();
    GL_NO_THROW(opt.step());
    const auto state = opt.state(0);
    QVERIFY(stateBuffer(state, "square_avg"));
    QVERIFY(stateBuffer(state, "momentum_buffer"));
    QVERIFY(stateBuffer(state, "grad_avg"));
    GL_VERIFY_REL(stateBuffer(state, "square_avg")->item(), 0.01 * g * g, 1e-6, "square_avg");
    GL_VERIFY_REL(stateBuffer(state, "grad_avg")->item(), 0.01 * g, 1e-6, "grad_avg");
}

void TestOptim::adagradStateIsTheSumStartingAtTheInitialAccumulator()
{
    TinyProblem t;
    AdagradOptions o;
    o.initialAccumulatorValue = 0.25;
    Adagrad opt({t.a, t.b}, o);
    GL_NO_THROW(t.backward());
    const double g = t.a.grad().item();
    GL_NO_THROW(opt.step());
    QCOMPARE(stateNames(opt.state(0)), std::vector<std::string>{"sum"});
    const auto sums = opt.state(0);
    GL_VERIFY_REL(stateBuffer(sums, "sum")->item(), 0.25 + g * g, 1e-6, "sum");
}

QTEST_APPLESS_MAIN(TestOptim)
#include "tst_optim.moc"
