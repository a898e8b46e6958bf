// The tutorial ("Understanding PyTorch with an example") as tests: its data (tests/reference) with the
// reference split, torch's seed-42 initialisation, float32, 1000 epochs, MSE (mean), lr 0.1; the
// update loop written four ways, each ending where PyTorch ended (tutorial_expected.json); and the
// pitfalls the tutorial walks through on its way there.
#include "train_step.h"
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

#include <cmath>
#include <functional>
#include <vector>

using namespace gradlab;
using namespace gradlab::testdata;

namespace {

constexpr int kEpochs = 1000;
constexpr double kLr = 0.1;
constexpr double kParamTol = 1e-5;
constexpr double kLossTol = 1e-6;

struct Expected {
    double a = 0, b = 0, finalTrainLoss = 0, valLoss = 0;
};

Expected expectedRun(const char* key)
{
    const QJsonObject o = tutorialExpected().value(QLatin1String(key)).toObject();
    return {o.value(QLatin1String("a")).toDouble(), o.value(QLatin1String("b")).toDouble(),
            o.value(QLatin1String("final_train_loss")).toDouble(), o.value(QLatin1String("val_loss")).toDouble()};
}

} // namespace

class TestTutorial : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void manualUpdateLoopUnderNoGradReachesTorchsSgdResult();
    void sgdOptimizerReachesTorchsSgdResult();
    void modelLossAndSgdInATrainStepReachTorchsSgdResult();
    void adamInATrainStepReachesTorchsAdamResult();

    void reassigningAParameterMakesANonLeafWithoutGrad();
    void inPlaceUpdateOutsideNoGradThrows();
    void forgettingZeroGradMakesTheNextGradientASum();
    void movingAParameterAfterCreationMakesANonLeaf();

private:
    void verifyRun(double a, double b, double lastLoss, double valLoss, const Expected& e);

    TutorialDataset data_;
    TutorialSplit split_;
};

void TestTutorial::initTestCase()
{
    data_ = loadTutorialDataset();
    QVERIFY2(data_.ok(), qPrintable(data_.error));
    QCOMPARE(data_.x.size(), std::size_t(100));
    QCOMPARE(data_.trainIndices.size(), std::size_t(80));
    QCOMPARE(data_.valIndices.size(), std::size_t(20));
    // The CSV is the tutorial's dataset: np.random.seed(42); x = np.random.rand(100, 1).
    const std::vector<double> first =
        toDoubles(tutorialExpected().value(QLatin1String("dataset")).toObject().value(QLatin1String("first_rand_values_seed42")));
    QCOMPARE(first.size(), std::size_t(3));
    for (std::size_t i = 0; i < first.size(); ++i)
        QCOMPARE(data_.x[i], first[i]);
    split_ = tutorialSplit(data_, DType::Float32);
    QCOMPARE(split_.xTrain.shape(), (Shape{80, 1}));
    QCOMPARE(split_.yVal.shape(), (Shape{20, 1}));
    QCOMPARE(split_.xTrain.dtype(), DType::Float32);
}

void TestTutorial::verifyRun(double a, double b, double lastLoss, double valLoss, const Expected& e)
{
    GL_VERIFY_ABS(a, e.a, kParamTol, "a");
    GL_VERIFY_ABS(b, e.b, kParamTol, "b");
    GL_VERIFY_ABS(lastLoss, e.finalTrainLoss, kLossTol, "final train loss");
    GL_VERIFY_ABS(valLoss, e.valLoss, kLossTol, "validation loss");
}

// Section 2.3, third attempt: the update inside torch.no_grad(), the gradients zeroed by hand.
void TestTutorial::manualUpdateLoopUnderNoGradReachesTorchsSgdResult()
{
    const Tensor& x = split_.xTrain;
    const Tensor& y = split_.yTrain;
    manualSeed(42);
    Tensor a = randn(Shape{1}, TensorOptions{}.withRequiresGrad());
    Tensor b = randn(Shape{1}, TensorOptions{}.withRequiresGrad());
    QCOMPARE(a.item(), 0.33669036626815796);
    QCOMPARE(b.item(), 0.12880940735340118);
    const TensorImpl* aImpl = a.impl();

    double lastLoss = 0.0;
    try {
        for (int epoch = 0; epoch < kEpochs; ++epoch) {
            const Tensor yhat = a + b * x;
            const Tensor error = y - yhat;
            const Tensor loss = error.pow(2).mean();
            loss.backward();
            {
                NoGradGuard noGrad;
                a.sub_(kLr * a.grad());
                b.sub_(kLr * b.grad());
            }
            a.grad().zero_();
            b.grad().zero_();
            lastLoss = loss.item();
        }
    } catch (const std::exception& e) {
        QFAIL(e.what());
    }
    QCOMPARE(a.impl(), aImpl); // updated in place: still the same leaf
    QVERIFY(a.isLeaf());
    QVERIFY(a.requiresGrad());
    double val = 0.0;
    {
        NoGradGuard noGrad;
        val = (split_.yVal - (a + b * split_.xVal)).pow(2).mean().item();
    }
    verifyRun(a.item(), b.item(), lastLoss, val, expectedRun("torch_sgd_lr0.1_1000_epochs_mse_mean"));
}

// Section 2.4: the same parameters, the update done by optim.SGD and the loss by nn.MSELoss.
void TestTutorial::sgdOptimizerReachesTorchsSgdResult()
{
    const Tensor& x = split_.xTrain;
    const Tensor& y = split_.yTrain;
    manualSeed(42);
    Tensor a = randn(Shape{1}, TensorOptions{}.withRequiresGrad());
    Tensor b = randn(Shape{1}, TensorOptions{}.withRequiresGrad());
    SGD optimizer({a, b}, SGDOptions{kLr});
    const Loss lossFn = MSELoss(Reduction::Mean);

    double lastLoss = 0.0;
    try {
        for (int epoch = 0; epoch < kEpochs; ++epoch) {
            const Tensor yhat = a + b * x;
            const Tensor loss = lossFn(y, yhat);
            loss.backward();
            optimizer.step();
            optimizer.zeroGrad();
            lastLoss = loss.item();
        }
    } catch (const std::exception& e) {
        QFAIL(e.what());
    }
    double val = 0.0;
    {
        NoGradGuard noGrad;
        val = lossFn(split_.yVal, a + b * split_.xVal).item();
    }
    verifyRun(a.item(), b.item(), lastLoss, val, expectedRun("torch_sgd_lr0.1_1000_epochs_mse_mean"));
}

// Sections 2.5-2.6: ManualLinearRegression, MSELoss and SGD inside make_train_step.
void TestTutorial::modelLossAndSgdInATrainStepReachTorchsSgdResult()
{
    manualSeed(42);
    ManualLinearRegression model;
    QCOMPARE(model.a().item(), 0.33669036626815796);
    QCOMPARE(model.b().item(), 0.12880940735340118);
    const Loss lossFn = MSELoss();
    SGD optimizer(model.parameters(), SGDOptions{kLr});
    const auto trainStep = makeTrainStep(model, lossFn, optimizer);

    std::vector<double> losses;
    try {
        for (int epoch = 0; epoch < kEpochs; ++epoch)
            losses.push_back(trainStep(split_.xTrain, split_.yTrain));
    } catch (const std::exception& e) {
        QFAIL(e.what());
    }
    QCOMPARE(losses.size(), std::size_t(kEpochs));
    QVERIFY(losses.back() < losses.front());
    double val = 0.0;
    model.eval();
    {
        NoGradGuard noGrad;
        val = lossFn(split_.yVal, model(split_.xVal)).item();
    }
    verifyRun(model.a().item(), model.b().item(), losses.back(), val,
              expectedRun("torch_sgd_lr0.1_1000_epochs_mse_mean"));
}

void TestTutorial::adamInATrainStepReachesTorchsAdamResult()
{
    manualSeed(42);
    ManualLinearRegression model;
    const Loss lossFn = MSELoss();
    AdamOptions options;
    options.lr = kLr;
    Adam optimizer(model.parameters(), options);
    const auto trainStep = makeTrainStep(model, lossFn, optimizer);

    double lastLoss = 0.0;
    try {
        for (int epoch = 0; epoch < kEpochs; ++epoch)
            lastLoss = trainStep(split_.xTrain, split_.yTrain);
    } catch (const std::exception& e) {
        QFAIL(e.what());
    }
    double val = 0.0;
    model.eval();
    {
        NoGradGuard noGrad;
        val = lossFn(split_.yVal, model(split_.xVal)).item();
    }
    verifyRun(model.a().item(), model.b().item(), lastLoss, val, expectedRun("torch_adam_lr0.1_1000_epochs_mse_mean"));
}

// Section 2.3, first attempt: `a = a - lr * a.grad` makes `a` the output of an operation. It is no
// longer a leaf, so backward no longer fills its .grad ("AttributeError: 'NoneType' object has no
// attribute 'zero_'" in the tutorial).
void TestTutorial::reassigningAParameterMakesANonLeafWithoutGrad()
{
    const Tensor& x = split_.xTrain;
    const Tensor& y = split_.yTrain;
    manualSeed(42);
    Tensor a = randn(Shape{1}, TensorOptions{}.withRequiresGrad());
    Tensor b = randn(Shape{1}, TensorOptions{}.withRequiresGrad());
    const Tensor originalA = a;

    GL_NO_THROW((y - (a + b * x)).pow(2).mean().backward());
    QVERIFY(a.grad().defined());
    GL_NO_THROW(a = a - kLr * a.grad());
    GL_NO_THROW(b = b - kLr * b.grad());
    QVERIFY(!a.isLeaf());
    QVERIFY(a.requiresGrad());
    QVERIFY(a.gradFn() != nullptr);
    QVERIFY(!a.grad().defined()); // a.grad is None: a.grad.zero_() would fail here

    // Another pass does not help: the gradient flows through the new `a` into the old leaf.
    const std::vector<double> oldGrad = originalA.grad().toVector();
    GL_NO_THROW((y - (a + b * x)).pow(2).mean().backward());
    QVERIFY(!a.grad().defined());
    QVERIFY(!b.grad().defined());
    QVERIFY(originalA.grad().defined());
    QVERIFY(originalA.grad().toVector() != oldGrad); // accumulated into the original leaf
}

// Section 2.3, second attempt: `a -= lr * a.grad` outside no_grad ("RuntimeError: a leaf Variable
// that requires grad has been used in an in-place operation").
void TestTutorial::inPlaceUpdateOutsideNoGradThrows()
{
    manualSeed(42);
    Tensor a = randn(Shape{1}, TensorOptions{}.withRequiresGrad());
    Tensor b = randn(Shape{1}, TensorOptions{}.withRequiresGrad());
    GL_NO_THROW((split_.yTrain - (a + b * split_.xTrain)).pow(2).mean().backward());
    const double before = a.item();
    const std::uint32_t version = a.version();
    QVERIFY(gradModeEnabled());
    GL_VERIFY_ENGINE_ERROR("a leaf Variable that requires grad", a.sub_(kLr * a.grad()));
    GL_VERIFY_ENGINE_ERROR("in-place operation", a -= kLr * a.grad());
    QCOMPARE(a.item(), before);
    QCOMPARE(a.version(), version);
    QVERIFY(a.isLeaf());
    // The third attempt: the same update under no_grad is allowed.
    {
        NoGradGuard noGrad;
        GL_NO_THROW(a.sub_(kLr * a.grad()));
    }
    QVERIFY(gradModeEnabled());
    QVERIFY(a.item() != before);
    QVERIFY(a.isLeaf());
}

// "PyTorch accumulates gradients": without zero_grad, the second backward adds its gradient to the
// first, and the second step uses the sum.
void TestTutorial::forgettingZeroGradMakesTheNextGradientASum()
{
    const Tensor& x = split_.xTrain;
    const Tensor& y = split_.yTrain;
    manualSeed(42);
    ManualLinearRegression model;
    const Loss lossFn = MSELoss();
    SGD optimizer(model.parameters(), SGDOptions{kLr});

    GL_NO_THROW(lossFn(y, model(x)).backward());
    const double g1a = model.a().grad().item(), g1b = model.b().grad().item();
    GL_NO_THROW(optimizer.step()); // ... and no zeroGrad()
    const double a1 = model.a().item(), b1 = model.b().item();

    // The gradient at the new point, computed on its own.
    Tensor a = fromData({a1}, Shape{1}, TensorOptions{}.withRequiresGrad());
    Tensor b = fromData({b1}, Shape{1}, TensorOptions{}.withRequiresGrad());
    GL_NO_THROW(lossFn(y, a + b * x).backward());
    const double g2a = a.grad().item(), g2b = b.grad().item();
    QVERIFY(std::fabs(g2a) > 1e-3);

    GL_NO_THROW(lossFn(y, model(x)).backward());
    QCOMPARE(model.a().grad().item(), double(float(g1a) + float(g2a)));
    QCOMPARE(model.b().grad().item(), double(float(g1b) + float(g2b)));
    GL_NO_THROW(optimizer.step());
    GL_VERIFY_REL(model.a().item(), a1 - kLr * (g1a + g2a), 1e-6, "a after the second step");
    GL_VERIFY_REL(model.b().item(), b1 - kLr * (g1b + g2b), 1e-6, "b after the second step");
}

// Section 2.2: torch.randn(1, requires_grad=True).to(device) is the output of a copy, not a leaf:
// its .grad stays None. Creating the tensor with the dtype/device it needs keeps it a leaf.
void TestTutorial::movingAParameterAfterCreationMakesANonLeaf()
{
    manualSeed(42);
    Tensor moved;
    GL_NO_THROW(moved = randn(Shape{1}, TensorOptions{}.withRequiresGrad()).to(DType::Float64));
    QVERIFY(!moved.isLeaf());
    QVERIFY(moved.requiresGrad());
    QVERIFY(moved.gradFn() != nullptr);
    GL_NO_THROW((moved * 2.0).sum().backward());
    QVERIFY(!moved.grad().defined());

    manualSeed(42);
    Tensor direct = randn(Shape{1}, TensorOptions{}.withDType(DType::Float64).withRequiresGrad());
    QVERIFY(direct.isLeaf());
    GL_NO_THROW((direct * 2.0).sum().backward());
    QVERIFY(direct.grad().defined());
    QCOMPARE(direct.grad().item(), 2.0);
}

QTEST_APPLESS_MAIN(TestTutorial)
#include "tst_tutorial.moc"
