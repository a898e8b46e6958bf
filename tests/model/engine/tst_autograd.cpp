// Autograd semantics, checked against what PyTorch does: leaves and grad_fn names, implicit and
// explicit gradients, accumulation, retain_graph, no_grad, the tutorial's pitfalls with parameter
// updates, in-place changes of saved values, dtype conversion, and robustness on deep graphs and
// undefined tensors.
#include "gradcheck.h"

#include "engine/autograd.h"
#include "engine/nn.h"
#include "engine/ops.h"
#include "engine/tensor.h"

#include <QtTest>

#include <functional>
#include <string>
#include <vector>

using namespace gradlab;

namespace {

const TensorOptions kF64 = TensorOptions{}.withDType(DType::Float64);
const TensorOptions kF64Grad = TensorOptions{}.withDType(DType::Float64).withRequiresGrad();
const TensorOptions kF32Grad = TensorOptions{}.withRequiresGrad();

Tensor f64(const std::vector<double>& values, const Shape& shape, bool requiresGrad = false)
{
    return fromData(values, shape, requiresGrad ? kF64Grad : kF64);
}

using Producer = std::function<Tensor()>;

// The tutorial's data: x in [0, 1), y = 1 + 2x + noise (values fixed here; only their use matters).
struct TutorialData {
    Tensor x, y;
    TutorialData()
    {
        std::vector<double> xs, ys;
        for (int i = 0; i < 80; ++i) {
            const double xv = (i * 37 % 80) / 80.0;
            xs.push_back(xv);
            ys.push_back(1.0 + 2.0 * xv + 0.1 * ((i * 13 % 7) - 3) / 3.0);
        }
        x = fromData(xs, Shape{80, 1});
        y = fromData(ys, Shape{80, 1});
    }
};

Tensor tutorialLoss(const Tensor& a, const Tensor& b, const TutorialData& d)
{
    const Tensor yhat = a + b * d.x;
    const Tensor error = d.y - yhat;
    return error.pow(2.0).mean();
}

} // namespace

Q_DECLARE_METATYPE(Producer)

class TestAutograd : public QObject {
    Q_OBJECT

private slots:
    void leavesAndRequiresGradFlags();
    void gradFnNamesFollowPyTorch_data();
    void gradFnNamesFollowPyTorch();
    void backwardOnScalarSeedsWithOne();
    void backwardOnNonScalarWithoutGradientThrows();
    void backwardWithExplicitGradient();
    void backwardOnTensorWithoutGradThrows();
    void gradsOfUnusedOrNonRequiringInputsStayUndefined();
    void gradientsAccumulateAcrossBackwardCallsUntilZeroed();
    void leafGradsDoNotAliasEachOther();
    void retainGraphAllowsSecondBackward();
    void secondBackwardWithoutRetainGraphThrows();
    void secondBackwardWithoutSavedTensorsIsAllowed();
    void noGradGuardStopsRecordingAndNests();

    void reassigningParameterGivesNonLeafWithoutGrad();
    void inPlaceUpdateOfLeafOutsideNoGradThrows();
    void inPlaceUpdateOfLeafUnderNoGradWorksAndBumpsVersion();
    void savedInputModifiedInPlaceThrowsOnBackward();
    void savedOutputModifiedInPlaceThrowsOnBackward();
    void savedNonLeafModifiedInPlaceThrowsOnBackward();
    void inPlaceOnViewOfLeafRequiringGradThrows();
    void inPlaceThroughViewsNeverGivesWrongGradient_data();
    void inPlaceThroughViewsNeverGivesWrongGradient();
    void setGradRejectsWrongShapeOrDType();
    void backwardUnderNoGradGuardStillComputesGradients();
    void toFloat64OfLeafIsNonLeafWithToCopyBackward();
    void detachSharesDataAndVersionButNoGrad();
    void requiresGradFalseOnNonLeafThrows();
    void inPlaceAddOnNonLeafRecordsHistory();
    void inPlaceOnPlainTensorWithGradOperandRecordsHistory();
    void diamondGraphSumsBothPaths();
    void itemOnMultiElementTensorThrows();
    void mixingFloat32AndFloat64PromotesToFloat64_data();
    void mixingFloat32AndFloat64PromotesToFloat64();
    void zeroDimFloat64DoesNotLiftFloat32WithDimensions_data();
    void zeroDimFloat64DoesNotLiftFloat32WithDimensions();
    void zeroDimPromotionFollowsTorchResultType();
    void opsOnUndefinedTensorsThrowEngineError_data();
    void opsOnUndefinedTensorsThrowEngineError();
    // Last: a stack overflow here would end the process.
    void deepChainBackwardAndDestructionDoNotOverflowStack();
};

void TestAutograd::leavesAndRequiresGradFlags()
{
    const Tensor plain = zeros(Shape{2});
    QVERIFY(plain.isLeaf());
    QVERIFY(!plain.requiresGrad());
    QVERIFY(!plain.gradFn());
    QVERIFY(!plain.grad().defined());

    const Tensor p = zeros(Shape{2}, kF32Grad);
    QVERIFY(p.isLeaf());
    QVERIFY(p.requiresGrad());
    QVERIFY(!p.gradFn());

    const Tensor r = p * 2.0;
    QVERIFY(!r.isLeaf());
    QVERIFY(r.requiresGrad());
    QVERIFY(r.gradFn());

    const Tensor q = plain * 2.0; // nothing requires grad: a leaf without history
    QVERIFY(q.isLeaf());
    QVERIFY(!q.requiresGrad());
    QVERIFY(!q.gradFn());

    // requiresGrad_ switches a leaf on and off.
    Tensor s = ones(Shape{3});
    s.requiresGrad_();
    QVERIFY(s.requiresGrad());
    s.requiresGrad_(false);
    QVERIFY(!s.requiresGrad());
    // makeParameter: a detached leaf that requires grad.
    const Tensor param = makeParameter(r);
    QVERIFY(param.isLeaf());
    QVERIFY(param.requiresGrad());
}

void TestAutograd::gradFnNamesFollowPyTorch_data()
{
    QTest::addColumn<Producer>("make");
    QTest::addColumn<QString>("name");
    const Tensor a = f64({1, 2, 3, 4, 5, 6}, Shape{2, 3}, true);
    const Tensor b = f64({1, 2, 3, 4, 5, 6}, Shape{2, 3}, true);
    const Tensor w = f64({1, 2, 3, 4, 5, 6}, Shape{2, 3}, true);
    const Tensor bias = f64({1, 2}, Shape{2}, true);
    const Tensor v = f64({1, 2, 3}, Shape{3}, true);
    auto row = [](const char* tag, Producer p, const char* name) { QTest::newRow(tag) << p << QString(name); };
    row("a + b", [=] { return a + b; }, "AddBackward0");
    row("a + 2", [=] { return a + 2.0; }, "AddBackward0");
    row("add alpha", [=] { return add(a, b, 3.0); }, "AddBackward0");
    row("a * b", [=] { return a * b; }, "MulBackward0");
    row("2 * a", [=] { return 2.0 * a; }, "MulBackward0");
    row("a - b", [=] { return a - b; }, "SubBackward0");
    row("a - 2", [=] { return a - 2.0; }, "SubBackward0");
    row("2 - a", [=] { return 2.0 - a; }, "RsubBackward1");
    row("rsub alpha", [=] { return rsub(a, 2.0, 3.0); }, "RsubBackward1");
    row("a / b", [=] { return a / b; }, "DivBackward0");
    row("-a", [=] { return -a; }, "NegBackward0");
    row("pow 2", [=] { return a.pow(2.0); }, "PowBackward0");
    row("pow 0", [=] { return a.pow(0.0); }, "PowBackward0");
    row("exp", [=] { return a.exp(); }, "ExpBackward0");
    row("log", [=] { return a.log(); }, "LogBackward0");
    row("sqrt", [=] { return a.sqrt(); }, "SqrtBackward0");
    row("abs", [=] { return a.abs(); }, "AbsBackward0");
    row("relu", [=] { return a.relu(); }, "ReluBackward0");
    row("tanh", [=] { return a.tanh(); }, "TanhBackward0");
    row("sigmoid", [=] { return a.sigmoid(); }, "SigmoidBackward0");
    row("sum", [=] { return a.sum(); }, "SumBackward0");
    row("sum dim", [=] { return a.sum(1); }, "SumBackward1");
    row("mean", [=] { return a.mean(); }, "MeanBackward0");
    row("mean dim", [=] { return a.mean(0, true); }, "MeanBackward1");
    row("mseLoss", [=] { return mseLoss(a, b); }, "MseLossBackward0");
    row("l1Loss", [=] { return l1Loss(a, b); }, "L1LossBackward0");
    row("huberLoss", [=] { return huberLoss(a, b); }, "HuberLossBackward0");
    row("smoothL1Loss", [=] { return smoothL1Loss(a, b); }, "SmoothL1LossBackward0");
    row("reshape", [=] { return a.reshape(Shape{3, 2}); }, "ViewBackward0");
    row("view", [=] { return a.view(Shape{6}); }, "ViewBackward0");
    row("t", [=] { return a.t(); }, "TBackward0");
    row("transpose", [=] { return a.transpose(0, 1); }, "TransposeBackward0");
    row("matmul 2-D", [=] { return matmul(a, w.t()); }, "MmBackward0");
    row("linear 2-D with bias", [=] { return linear(a, w, bias); }, "AddmmBackward0");
    row("linear 2-D without bias", [=] { return linear(a, w, Tensor()); }, "MmBackward0");
    row("indexSelect", [=] { return indexSelect(a, {1, 0}); }, "IndexSelectBackward0");
    row("clone", [=] { return a.clone(); }, "CloneBackward0");
    row("to float32", [=] { return a.to(DType::Float32); }, "ToCopyBackward0");
    row("tutorial yhat", [=] { return v + v * v; }, "AddBackward0");
}

void TestAutograd::gradFnNamesFollowPyTorch()
{
    QFETCH(Producer, make);
    QFETCH(QString, name);
    const Tensor y = make();
    QVERIFY(y.gradFn());
    QCOMPARE(QString::fromLatin1(y.gradFn()->name()), name);
    QVERIFY(!y.isLeaf());
    QVERIFY(y.requiresGrad());
}

void TestAutograd::backwardOnScalarSeedsWithOne()
{
    Tensor x = f64({1, 2, 3}, Shape{3}, true);
    (x * x).sum().backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{3}, {2, 4, 6}));

    // A one-element tensor of shape (1) is a scalar output too.
    Tensor a = f64({3}, Shape{1}, true);
    (a * a).backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(a.grad(), Shape{1}, {6}));

    // A leaf that requires grad may be the root itself.
    Tensor s = f64({5}, Shape{}, true);
    s.backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(s.grad(), Shape{}, {1}));

    // The implicit gradient has the root's dtype.
    Tensor f = fromData({1.5}, Shape{1}, kF32Grad);
    (f * f).backward();
    QCOMPARE(f.grad().dtype(), DType::Float32);
    QCOMPARE(f.grad().item(), 3.0);
}

void TestAutograd::backwardOnNonScalarWithoutGradientThrows()
{
    Tensor x = f64({1, 2, 3}, Shape{3}, true);
    const Tensor y = x * 2.0;
    VERIFY_ENGINE_ERROR(y.backward(), "grad can be implicitly created only for scalar outputs");
    QVERIFY(!x.grad().defined());
}

void TestAutograd::backwardWithExplicitGradient()
{
    Tensor x = f64({1, 2, 3}, Shape{3}, true);
    const Tensor y = x * 3.0;
    const Tensor g = f64({1, 2, 3}, Shape{3});
    y.backward(g);
    VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{3}, {3, 6, 9}));
    // The caller's gradient tensor is left alone.
    VERIFY_VALUES(gradcheck::valuesMismatch(g, Shape{3}, {1, 2, 3}));

    // A float32 gradient for a float64 output is converted.
    Tensor x2 = f64({1, 2}, Shape{2}, true);
    (x2 * x2).backward(fromData({1, 1}, Shape{2}));
    QCOMPARE(x2.grad().dtype(), DType::Float64);
    VERIFY_VALUES(gradcheck::valuesMismatch(x2.grad(), Shape{2}, {2, 4}));

    // A gradient of the wrong shape is refused.
    Tensor x3 = f64({1, 2, 3}, Shape{3}, true);
    VERIFY_ENGINE_ERROR((x3 * 2.0).backward(f64({1, 2}, Shape{2})), "[2]");
}

void TestAutograd::backwardOnTensorWithoutGradThrows()
{
    const Tensor x = f64({1, 2}, Shape{2});
    VERIFY_ENGINE_ERROR((x * 2.0).sum().backward(), "does not require grad");
    VERIFY_ENGINE_ERROR(x.sum().backward(), "does not require grad");
}

void TestAutograd::gradsOfUnusedOrNonRequiringInputsStayUndefined()
{
    Tensor a = f64({1, 2}, Shape{2}, true);
    Tensor b = f64({3, 4}, Shape{2}, true);
    const Tensor c = f64({5, 6}, Shape{2});
    (a * c).sum().backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(a.grad(), Shape{2}, {5, 6}));
    QVERIFY(!b.grad().defined());
    QVERIFY(!c.grad().defined());
}

void TestAutograd::gradientsAccumulateAcrossBackwardCallsUntilZeroed()
{
    // The tutorial's "forgetting zero_grad": two passes without zeroing double the gradient.
    const TutorialData d;
    Tensor a = fromData({0.1}, Shape{1}, kF32Grad);
    Tensor b = fromData({0.3}, Shape{1}, kF32Grad);

    tutorialLoss(a, b, d).backward();
    const double ga1 = a.grad().item();
    const double gb1 = b.grad().item();
    QVERIFY(ga1 != 0.0);
    QVERIFY(gb1 != 0.0);

    tutorialLoss(a, b, d).backward();
    QCOMPARE(a.grad().item(), 2.0 * ga1);
    QCOMPARE(b.grad().item(), 2.0 * gb1);

    // zero_() on the grad (what optimizer.zero_grad() did before set_to_none) ...
    a.grad().zero_();
    b.grad().zero_();
    QCOMPARE(a.grad().item(), 0.0);
    tutorialLoss(a, b, d).backward();
    QCOMPARE(a.grad().item(), ga1);
    QCOMPARE(b.grad().item(), gb1);

    // ... or resetting it to undefined (set_to_none=True).
    a.setGrad(Tensor());
    b.setGrad(Tensor());
    QVERIFY(!a.grad().defined());
    tutorialLoss(a, b, d).backward();
    QCOMPARE(a.grad().item(), ga1);
    QCOMPARE(b.grad().item(), gb1);
}

void TestAutograd::leafGradsDoNotAliasEachOther()
{
    // a + b hands the same incoming gradient to both leaves; each must get its own .grad.
    Tensor a = f64({1, 2}, Shape{2}, true);
    Tensor b = f64({3, 4}, Shape{2}, true);
    (a + b).sum().backward();
    QVERIFY(a.grad().data<double>() != b.grad().data<double>());
    a.grad().mul_(10.0);
    VERIFY_VALUES(gradcheck::valuesMismatch(a.grad(), Shape{2}, {10, 10}));
    VERIFY_VALUES(gradcheck::valuesMismatch(b.grad(), Shape{2}, {1, 1}));

    // Nor do they alias the gradient the caller passed in.
    Tensor c = f64({1, 2}, Shape{2}, true);
    const Tensor g = f64({1, 1}, Shape{2});
    (c + 0.0).backward(g);
    QVERIFY(c.grad().data<double>() != g.data<double>());
    c.grad().mul_(5.0);
    VERIFY_VALUES(gradcheck::valuesMismatch(g, Shape{2}, {1, 1}));
}

void TestAutograd::retainGraphAllowsSecondBackward()
{
    Tensor x = f64({1, 2, 3}, Shape{3}, true);
    const Tensor y = (x * x).sum();
    y.backward(Tensor(), true);
    VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{3}, {2, 4, 6}));
    y.backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{3}, {4, 8, 12}));
}

void TestAutograd::secondBackwardWithoutRetainGraphThrows()
{
    Tensor x = f64({1, 2, 3}, Shape{3}, true);
    const Tensor y = (x * x).sum();
    y.backward();
    VERIFY_ENGINE_ERROR(y.backward(), "backward through the graph a second time");
    // The failed pass did not change the gradient.
    VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{3}, {2, 4, 6}));

    // The same through the tutorial's graph (the loss saves its error for pow's backward).
    const TutorialData d;
    Tensor a = fromData({0.1}, Shape{1}, kF32Grad);
    Tensor b = fromData({0.3}, Shape{1}, kF32Grad);
    const Tensor loss = tutorialLoss(a, b, d);
    loss.backward();
    VERIFY_ENGINE_ERROR(loss.backward(), "backward through the graph a second time");
}

void TestAutograd::secondBackwardWithoutSavedTensorsIsAllowed()
{
    // PyTorch only refuses when a freed saved tensor is needed: add and sum save none.
    Tensor x = f64({1, 2, 3}, Shape{3}, true);
    const Tensor y = (x + 1.0).sum();
    y.backward();
    y.backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{3}, {2, 2, 2}));
}

void TestAutograd::noGradGuardStopsRecordingAndNests()
{
    Tensor x = f64({1, 2}, Shape{2}, true);
    QVERIFY(gradModeEnabled());
    {
        NoGradGuard outer;
        QVERIFY(!gradModeEnabled());
        const Tensor y = x * 2.0 + x.exp();
        QVERIFY(!y.requiresGrad());
        QVERIFY(!y.gradFn());
        QVERIFY(y.isLeaf());
        VERIFY_VALUES(gradcheck::valuesMismatch(y, Shape{2}, {2 + std::exp(1.0), 4 + std::exp(2.0)}, 1e-12, 1e-12));
        {
            NoGradGuard inner;
            QVERIFY(!gradModeEnabled());
        }
        QVERIFY(!gradModeEnabled()); // the inner guard restores "off", not "on"
        // Turning grad mode back on inside a guard records again; the guard still restores.
        setGradMode(true);
        QVERIFY((x * 2.0).requiresGrad());
        setGradMode(false);
    }
    QVERIFY(gradModeEnabled());
    const Tensor z = x * 2.0;
    QVERIFY(z.requiresGrad());
    QCOMPARE(z.gradFn()->name(), "MulBackward0");

    // Guards restore whatever mode they found.
    setGradMode(false);
    {
        NoGradGuard g;
        QVERIFY(!gradModeEnabled());
    }
    QVERIFY(!gradModeEnabled());
    setGradMode(true);
}

void TestAutograd::reassigningParameterGivesNonLeafWithoutGrad()
{
    // Tutorial pitfall (a): a = a - lr * a.grad makes `a` a new, non-leaf tensor.
    const TutorialData d;
    Tensor a = fromData({0.1}, Shape{1}, kF32Grad);
    Tensor b = fromData({0.3}, Shape{1}, kF32Grad);
    tutorialLoss(a, b, d).backward();
    const double lr = 0.1;
    const double before = a.item();
    const double g = a.grad().item();
    a = a - lr * a.grad();
    QVERIFY(!a.isLeaf());
    QVERIFY(a.requiresGrad());
    QCOMPARE(a.gradFn()->name(), "SubBackward0");
    QVERIFY(!a.grad().defined());
    QCOMPARE(static_cast<float>(a.item()), static_cast<float>(before) - static_cast<float>(lr) * static_cast<float>(g));
    // The tutorial's next step, a.grad.zero_(), fails: there is no grad (None in PyTorch).
    VERIFY_ENGINE_ERROR(a.grad().zero_(), "undefined");
}

void TestAutograd::inPlaceUpdateOfLeafOutsideNoGradThrows()
{
    // Tutorial pitfall (b): a -= lr * a.grad outside no_grad.
    const TutorialData d;
    Tensor a = fromData({0.1}, Shape{1}, kF32Grad);
    Tensor b = fromData({0.3}, Shape{1}, kF32Grad);
    tutorialLoss(a, b, d).backward();
    const std::uint32_t version = a.version();
    VERIFY_ENGINE_ERROR(a.sub_(0.1 * a.grad()), "leaf Variable");
    VERIFY_ENGINE_ERROR(a -= 0.1 * a.grad(), "leaf Variable");
    VERIFY_ENGINE_ERROR(a.add_(1.0), "leaf Variable");
    VERIFY_ENGINE_ERROR(a.mul_(2.0), "leaf Variable");
    VERIFY_ENGINE_ERROR(a.zero_(), "leaf Variable");
    VERIFY_ENGINE_ERROR(a.fill_(3.0), "leaf Variable");
    VERIFY_ENGINE_ERROR(a.copy_(b), "leaf Variable");
    QCOMPARE(a.item(), static_cast<double>(0.1f));
    QCOMPARE(a.version(), version);
    QVERIFY(a.isLeaf());
}

void TestAutograd::inPlaceUpdateOfLeafUnderNoGradWorksAndBumpsVersion()
{
    // Tutorial pitfall (c): the right way.
    const TutorialData d;
    Tensor a = fromData({0.1}, Shape{1}, kF32Grad);
    Tensor b = fromData({0.3}, Shape{1}, kF32Grad);
    tutorialLoss(a, b, d).backward();
    const float lr = 0.1f;
    const float ga = static_cast<float>(a.grad().item());
    const float gb = static_cast<float>(b.grad().item());
    const std::uint32_t va = a.version();
    {
        NoGradGuard noGrad;
        a.sub_(lr * a.grad());
        b -= lr * b.grad();
    }
    QVERIFY(a.version() > va);
    QVERIFY(a.isLeaf());
    QVERIFY(a.requiresGrad());
    QVERIFY(!a.gradFn());
    QCOMPARE(static_cast<float>(a.item()), 0.1f - lr * ga);
    QCOMPARE(static_cast<float>(b.item()), 0.3f - lr * gb);
    // The grads are still there until zeroed, and the next pass works on the updated leaves.
    QVERIFY(a.grad().defined());
    a.grad().zero_();
    b.grad().zero_();
    tutorialLoss(a, b, d).backward();
    QVERIFY(a.grad().item() != 0.0);
}

void TestAutograd::savedInputModifiedInPlaceThrowsOnBackward()
{
    // y = x * w saves x (w needs its gradient); changing x before backward must be reported.
    Tensor x = f64({1, 2, 3}, Shape{3});
    Tensor w = f64({4, 5, 6}, Shape{3}, true);
    const Tensor y = x * w;
    {
        NoGradGuard noGrad;
        x.mul_(2.0);
    }
    VERIFY_ENGINE_ERROR(y.sum().backward(), "modified by an inplace operation");
    QVERIFY(!w.grad().defined());
    // Changing w instead is harmless: mul saved only x (w's own gradient needs x, x needs none).
    Tensor x0 = f64({1, 2, 3}, Shape{3});
    Tensor w0 = f64({4, 5, 6}, Shape{3}, true);
    const Tensor y0 = x0 * w0;
    {
        NoGradGuard noGrad;
        w0.mul_(2.0);
    }
    y0.sum().backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(w0.grad(), Shape{3}, {1, 2, 3}));

    // Outside no_grad too (x does not require grad, so the in-place op itself is allowed).
    Tensor x2 = f64({1, 2, 3}, Shape{3});
    const Tensor y2 = x2 * w;
    x2.add_(1.0);
    VERIFY_ENGINE_ERROR(y2.sum().backward(), "modified by an inplace operation");

    // Through a view sharing the storage (detach shares the version counter).
    Tensor x3 = f64({1, 2, 3}, Shape{3});
    const Tensor y3 = x3 * w;
    x3.detach().zero_();
    VERIFY_ENGINE_ERROR(y3.sum().backward(), "modified by an inplace operation");
}

void TestAutograd::savedOutputModifiedInPlaceThrowsOnBackward()
{
    // exp saves its output; changing it in place invalidates ExpBackward0.
    Tensor x = f64({0, 1}, Shape{2}, true);
    Tensor y = x.exp();
    const Tensor z = y.sum();
    {
        NoGradGuard noGrad;
        y.mul_(2.0);
    }
    VERIFY_ENGINE_ERROR(z.backward(), "modified by an inplace operation");
}

void TestAutograd::savedNonLeafModifiedInPlaceThrowsOnBackward()
{
    // z = y·y saves y; y.add_ afterwards (recorded in the graph) still invalidates that saved y.
    Tensor x = f64({1, 2}, Shape{2}, true);
    Tensor y = x * 2.0;
    const Tensor z = y * y;
    y.add_(1.0);
    VERIFY_ENGINE_ERROR(z.sum().backward(), "modified by an inplace operation");

    // The classic: an optimizer step between forward and backward.
    Tensor w = f64({1, 2}, Shape{2}, true);
    const Tensor loss = (w * w).sum();
    {
        NoGradGuard noGrad;
        w.sub_(f64({0.1, 0.1}, Shape{2}));
    }
    VERIFY_ENGINE_ERROR(loss.backward(), "modified by an inplace operation");
}

void TestAutograd::inPlaceOnViewOfLeafRequiringGradThrows()
{
    // PyTorch: "a view of a leaf Variable that requires grad is being used in an in-place
    // operation." The leaf's values must not change behind autograd's back.
    Tensor x = f64({1, 2, 3, 4}, Shape{2, 2}, true);
    Tensor v = x.reshape(Shape{4});
    VERIFY_ENGINE_ERROR(v.add_(1.0), "leaf Variable");
    VERIFY_VALUES(gradcheck::valuesMismatch(x, Shape{2, 2}, {1, 2, 3, 4}));
    // Under no_grad it is allowed (that is how parameters are updated through views).
    {
        NoGradGuard noGrad;
        Tensor v2 = x.reshape(Shape{4});
        v2.add_(1.0);
    }
    VERIFY_VALUES(gradcheck::valuesMismatch(x, Shape{2, 2}, {2, 3, 4, 5}));
}

void TestAutograd::inPlaceThroughViewsNeverGivesWrongGradient_data()
{
    QTest::addColumn<bool>("modifyView");
    QTest::newRow("in-place on the view, backward through the base") << true;
    QTest::newRow("in-place on the base, backward through the view") << false;
}

void TestAutograd::inPlaceThroughViewsNeverGivesWrongGradient()
{
    // y = 2x; v = y.view(2, 1); then ×3 in place through one of them. PyTorch rebases the other's
    // history (CopySlices), so d(sum)/dx = 6. An engine that does not support this must refuse with
    // an EngineError; a silently wrong gradient (2) is the one outcome that is not acceptable.
    QFETCH(bool, modifyView);
    Tensor x = f64({1, 2}, Shape{2}, true);
    Tensor y = x * 2.0;
    Tensor v = y.reshape(Shape{2, 1});
    try {
        if (modifyView)
            v.mul_(3.0);
        else
            y.mul_(3.0);
        VERIFY_VALUES(gradcheck::valuesMismatch(y, Shape{2}, {6, 12}));
        VERIFY_VALUES(gradcheck::valuesMismatch(v, Shape{2, 1}, {6, 12}));
        (modifyView ? y : v).sum().backward();
    } catch (const EngineError&) {
        return; // refusing is fine
    }
    VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{2}, {6, 6}));
}

void TestAutograd::setGradRejectsWrongShapeOrDType()
{
    Tensor x = f64({1, 2}, Shape{2}, true);
    VERIFY_ENGINE_ERROR(x.setGrad(f64({1, 2, 3}, Shape{3})), "[3]");
    VERIFY_ENGINE_ERROR(x.setGrad(fromData({1, 2}, Shape{2})), "different size or type");
    x.setGrad(f64({5, 6}, Shape{2}));
    (x * 1.0).sum().backward(); // accumulates into the grad that was set
    VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{2}, {6, 7}));
}

void TestAutograd::backwardUnderNoGradGuardStillComputesGradients()
{
    // torch.no_grad() affects recording, not backward() of a graph recorded before.
    Tensor x = f64({1, 2}, Shape{2}, true);
    const Tensor loss = (x * x).sum();
    {
        NoGradGuard noGrad;
        loss.backward();
    }
    VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{2}, {2, 4}));
    QVERIFY(gradModeEnabled());
}

void TestAutograd::toFloat64OfLeafIsNonLeafWithToCopyBackward()
{
    Tensor a = fromData({1, 2}, Shape{2}, kF32Grad);
    const Tensor b = a.to(DType::Float64);
    QCOMPARE(b.dtype(), DType::Float64);
    QVERIFY(!b.isLeaf());
    QVERIFY(b.requiresGrad());
    QCOMPARE(b.gradFn()->name(), "ToCopyBackward0");
    QVERIFY(!b.grad().defined());
    (b * b).sum().backward();
    QVERIFY(!b.grad().defined());
    QCOMPARE(a.grad().dtype(), DType::Float32);
    VERIFY_VALUES(gradcheck::valuesMismatch(a.grad(), Shape{2}, {2, 4}));

    // No conversion: the very same tensor, still the leaf.
    const Tensor same = a.to(DType::Float32);
    QCOMPARE(same.impl(), a.impl());
    QVERIFY(same.isLeaf());

    // Converting a tensor that does not require grad gives a plain leaf.
    const Tensor plain = fromData({1, 2}, Shape{2}).to(DType::Float64);
    QVERIFY(plain.isLeaf());
    QVERIFY(!plain.requiresGrad());

    // In PyTorch the printed form of the converted tensor names ToCopyBackward0.
    QVERIFY2(b.str().find("grad_fn=<ToCopyBackward0>") != std::string::npos, b.str().c_str());
}

void TestAutograd::detachSharesDataAndVersionButNoGrad()
{
    Tensor x = f64({1, 2, 3}, Shape{3}, true);
    const Tensor y = x * 2.0;
    for (const Tensor& src : {x, y}) {
        Tensor d = src.detach();
        QVERIFY(d.isLeaf());
        QVERIFY(!d.requiresGrad());
        QVERIFY(!d.gradFn());
        QVERIFY(!d.grad().defined());
        QVERIFY(d.data<double>() == src.data<double>());
        const std::uint32_t v = src.version();
        d.add_(1.0); // allowed: d does not require grad
        QCOMPARE(src.version(), v + 1);
        QCOMPARE(d.version(), src.version());
        QCOMPARE(src.toVector(), d.toVector());
    }
    VERIFY_VALUES(gradcheck::valuesMismatch(x, Shape{3}, {2, 3, 4}));
    QVERIFY(x.requiresGrad()); // detaching did not change the original
    QVERIFY(x.isLeaf());
}

void TestAutograd::requiresGradFalseOnNonLeafThrows()
{
    Tensor x = f64({1, 2}, Shape{2}, true);
    Tensor y = x * 2.0;
    VERIFY_ENGINE_ERROR(y.requiresGrad_(false), "leaf");
    QVERIFY(y.requiresGrad());
    y.requiresGrad_(true); // a no-op on a non-leaf that already requires grad
    QVERIFY(y.requiresGrad());
    QVERIFY(!y.isLeaf());
}

void TestAutograd::inPlaceAddOnNonLeafRecordsHistory()
{
    // y = 2x; y += 3w; L = Σ y²  =>  dL/dx = 4y, dL/dw = 6y.
    Tensor x = f64({1, 2, 3}, Shape{3}, true);
    Tensor w = f64({-1, 0.5, 2}, Shape{3}, true);
    Tensor y = x * 2.0;
    const std::uint32_t v = y.version();
    y.add_(w * 3.0);
    QVERIFY(y.version() > v);
    QVERIFY(!y.isLeaf());
    QCOMPARE(y.gradFn()->name(), "AddBackward0");
    VERIFY_VALUES(gradcheck::valuesMismatch(y, Shape{3}, {-1, 5.5, 12}));
    (y * y).sum().backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{3}, {-4, 22, 48}));
    VERIFY_VALUES(gradcheck::valuesMismatch(w.grad(), Shape{3}, {-6, 33, 72}));

    // sub_ with alpha and mul_ on a non-leaf record history too.
    Tensor p = f64({1, 2}, Shape{2}, true);
    Tensor q = p * 1.0;
    q.sub_(p, 0.5);    // q = 0.5 p
    q.mul_(p);         // q = 0.5 p²
    q.add_(2.0);       // constant
    q.sum().backward(); // d/dp = p
    VERIFY_VALUES(gradcheck::valuesMismatch(q, Shape{2}, {2.5, 4}));
    VERIFY_VALUES(gradcheck::valuesMismatch(p.grad(), Shape{2}, {1, 2}));

    // fill_ on a non-leaf cuts the gradient to zero.
    Tensor r = f64({1, 2}, Shape{2}, true);
    Tensor s = r * 3.0;
    s.fill_(7.0);
    VERIFY_VALUES(gradcheck::valuesMismatch(s, Shape{2}, {7, 7}));
    s.sum().backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(r.grad(), Shape{2}, {0, 0}));
}

void TestAutograd::inPlaceOnPlainTensorWithGradOperandRecordsHistory()
{
    // A plain tensor that absorbs a tensor requiring grad becomes part of the graph.
    Tensor w = f64({1, 2}, Shape{2}, true);
    Tensor acc = zeros(Shape{2}, kF64);
    acc.add_(w * w);
    QVERIFY(acc.requiresGrad());
    QVERIFY(!acc.isLeaf());
    acc.sum().backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(w.grad(), Shape{2}, {2, 4}));

    // copy_ from a tensor requiring grad: the gradient flows to the source.
    Tensor src = f64({3, 4}, Shape{2}, true);
    Tensor dst = zeros(Shape{2}, kF64);
    dst.copy_(src);
    QVERIFY(dst.requiresGrad());
    (dst * dst).sum().backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(src.grad(), Shape{2}, {6, 8}));
}

void TestAutograd::diamondGraphSumsBothPaths()
{
    // x used twice in one op and along two paths.
    Tensor x = f64({1, 2, 3}, Shape{3}, true);
    (x * x + x * 3.0).sum().backward(); // 2x + 3
    VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{3}, {5, 7, 9}));

    Tensor y = f64({1, 2}, Shape{2}, true);
    (y + y).sum().backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(y.grad(), Shape{2}, {2, 2}));

    // A shared intermediate: h = 2x; L = Σ (h·h + h + exp(h)) => dL/dx = 2(2h + 1 + e^h).
    Tensor z = f64({0.5, -1}, Shape{2}, true);
    const Tensor h = z * 2.0;
    (h * h + h + h.exp()).sum().backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(z.grad(), Shape{2},
                                            {2 * (2 * 1.0 + 1 + std::exp(1.0)), 2 * (2 * -2.0 + 1 + std::exp(-2.0))},
                                            1e-12, 1e-12));

    GRADCHECK_VERIFY(gradcheck::gradcheck(
        [](const auto& in) {
            const Tensor a = in[0] * in[1];
            const Tensor b = a.tanh();
            return (a + b * in[0] - b.sigmoid() / in[1]).sum(0);
        },
        {f64({0.3, -0.7, 1.1, 0.2}, Shape{2, 2}, true), f64({1.5, -0.9}, Shape{2}, true)}));
}

void TestAutograd::itemOnMultiElementTensorThrows()
{
    VERIFY_ENGINE_ERROR(zeros(Shape{2}).item(), "2 elements");
    VERIFY_ENGINE_ERROR(zeros(Shape{0}).item(), "0 elements");
    QCOMPARE(fromData({2.5}, Shape{1, 1}).item(), 2.5);
    QCOMPARE(scalarTensor(-1.25, kF64).item(), -1.25);
}

void TestAutograd::mixingFloat32AndFloat64PromotesToFloat64_data()
{
    QTest::addColumn<int>("op");
    QTest::addColumn<bool>("float64First");
    const char* names[] = {"add", "sub", "mul", "div", "matmul", "mseLoss", "l1Loss"};
    for (int op = 0; op < 7; ++op) {
        QTest::newRow((std::string(names[op]) + " f32,f64").c_str()) << op << false;
        QTest::newRow((std::string(names[op]) + " f64,f32").c_str()) << op << true;
    }
}

void TestAutograd::mixingFloat32AndFloat64PromotesToFloat64()
{
    QFETCH(int, op);
    QFETCH(bool, float64First);
    // 0.1f widened to float64 is not 0.1: the result must use the float32 value exactly.
    Tensor a32 = fromData({0.1, 2, 3, 4}, Shape{2, 2}, kF32Grad);
    Tensor b64 = f64({0.3, 0.5, 1.5, 2}, Shape{2, 2}, true);
    const Tensor& lhs = float64First ? b64 : a32;
    const Tensor& rhs = float64First ? a32 : b64;
    auto apply = [op](const Tensor& x, const Tensor& y) {
        switch (op) {
        case 0: return add(x, y);
        case 1: return sub(x, y);
        case 2: return mul(x, y);
        case 3: return div(x, y);
        case 4: return matmul(x, y);
        case 5: return mseLoss(x, y);
        default: return l1Loss(x, y);
        }
    };
    const Tensor r = apply(lhs, rhs);
    QCOMPARE(r.dtype(), DType::Float64);
    // Reference: the same values, both in float64.
    const Tensor a64 = a32.detach().to(DType::Float64);
    const Tensor expected = float64First ? apply(b64.detach(), a64) : apply(a64, b64.detach());
    QCOMPARE(r.toVector(), expected.toVector());
    // The gradients go back to each operand in its own dtype.
    r.sum().backward();
    QCOMPARE(a32.grad().dtype(), DType::Float32);
    QCOMPARE(b64.grad().dtype(), DType::Float64);
    QCOMPARE(a32.grad().shape(), a32.shape());
}

void TestAutograd::zeroDimFloat64DoesNotLiftFloat32WithDimensions_data()
{
    QTest::addColumn<int>("op");
    QTest::addColumn<bool>("zeroDimFirst");
    QTest::addColumn<std::vector<double>>("result");
    QTest::addColumn<std::vector<double>>("gradA");
    QTest::addColumn<double>("gradS");
    // a = torch.tensor([0.1, 2.0], requires_grad=True) (float32), s = torch.tensor(0.3,
    // dtype=torch.float64, requires_grad=True); r = op(a, s) or op(s, a); r.sum().backward(), torch
    // 1.13: r is float32 (values as printed by r.tolist()), a.grad float32, s.grad float64 (the
    // float32 gradient widened).
    QTest::newRow("add(a, s)") << 0 << false << std::vector<double>{0.40000000596046448, 2.2999999523162842}
                               << std::vector<double>{1, 1} << 2.0;
    QTest::newRow("add(s, a)") << 0 << true << std::vector<double>{0.40000000596046448, 2.2999999523162842}
                               << std::vector<double>{1, 1} << 2.0;
    QTest::newRow("sub(a, s, alpha=2)") << 1 << false << std::vector<double>{-0.5, 1.3999999761581421}
                                        << std::vector<double>{1, 1} << -4.0;
    QTest::newRow("sub(s, a, alpha=2)") << 1 << true << std::vector<double>{0.10000000894069672, -3.7000000476837158}
                                        << std::vector<double>{-2, -2} << 2.0;
    QTest::newRow("mul(a, s)") << 2 << false << std::vector<double>{0.030000001192092896, 0.60000002384185791}
                               << std::vector<double>{0.30000001192092896, 0.30000001192092896} << 2.0999999046325684;
    QTest::newRow("mul(s, a)") << 2 << true << std::vector<double>{0.030000001192092896, 0.60000002384185791}
                               << std::vector<double>{0.30000001192092896, 0.30000001192092896} << 2.0999999046325684;
    QTest::newRow("div(a, s)") << 3 << false << std::vector<double>{0.33333331346511841, 6.6666665077209473}
                               << std::vector<double>{3.3333332538604736, 3.3333332538604736} << -23.333332061767578;
    QTest::newRow("div(s, a)") << 3 << true << std::vector<double>{3, 0.15000000596046448}
                               << std::vector<double>{-30, -0.075000002980232239} << 10.5;
}

void TestAutograd::zeroDimFloat64DoesNotLiftFloat32WithDimensions()
{
    QFETCH(int, op);
    QFETCH(bool, zeroDimFirst);
    QFETCH(std::vector<double>, result);
    QFETCH(std::vector<double>, gradA);
    QFETCH(double, gradS);
    Tensor a = fromData({0.1, 2.0}, Shape{2}, kF32Grad);
    Tensor s = scalarTensor(0.3, kF64Grad);
    const Tensor& x = zeroDimFirst ? s : a;
    const Tensor& y = zeroDimFirst ? a : s;
    const Tensor r = op == 0 ? add(x, y) : op == 1 ? sub(x, y, 2.0) : op == 2 ? mul(x, y) : div(x, y);
    QCOMPARE(r.dtype(), DType::Float32);
    QCOMPARE(r.shape(), Shape{2});
    QCOMPARE(r.toVector(), result);
    r.sum().backward();
    QCOMPARE(a.grad().dtype(), DType::Float32);
    QCOMPARE(s.grad().dtype(), DType::Float64);
    QCOMPARE(a.grad().toVector(), gradA);
    QCOMPARE(s.grad().item(), gradS);
}

void TestAutograd::zeroDimPromotionFollowsTorchResultType()
{
    // torch.result_type: a 0-dim tensor does not lift one with dimensions, in either order and
    // for in-place ops too; two 0-dim tensors, or two with dimensions, meet as float64.
    const Tensor v32 = fromData({1, 2}, Shape{2});
    const Tensor one32 = fromData({1}, Shape{1});
    const Tensor s32 = scalarTensor(0.5);
    const Tensor v64 = f64({1, 2}, Shape{2});
    const Tensor s64 = scalarTensor(0.5, kF64);
    QCOMPARE((v32 * s64).dtype(), DType::Float32);
    QCOMPARE((s64 + one32).dtype(), DType::Float32); // [1] has a dimension
    QCOMPARE((v64 - s32).dtype(), DType::Float64);
    QCOMPARE((s32 / v64).dtype(), DType::Float64);
    QCOMPARE((s32 * s64).dtype(), DType::Float64);
    QCOMPARE((one32 + v64).dtype(), DType::Float64);
    QCOMPARE(mseLoss(s64, s32).dtype(), DType::Float64);
    Tensor inPlace = v32.clone();
    inPlace.mul_(s64);
    QCOMPARE(inPlace.dtype(), DType::Float32);
    QCOMPARE(inPlace.toVector(), (std::vector<double>{0.5, 1.0}));
}

void TestAutograd::opsOnUndefinedTensorsThrowEngineError_data()
{
    QTest::addColumn<Producer>("run");
    const Tensor u;
    const Tensor x = f64({1, 2, 3, 4}, Shape{2, 2}, true);
    auto row = [](const char* name, Producer p) { QTest::newRow(name) << p; };
    row("add(u, x)", [=] { return add(u, x); });
    row("add(x, u)", [=] { return add(x, u); });
    row("sub", [=] { return sub(u, x); });
    row("mul", [=] { return mul(x, u); });
    row("div", [=] { return div(u, x); });
    row("u + x", [=] { return u + x; });
    row("u + 1", [=] { return u + 1.0; });
    row("1 - u", [=] { return 1.0 - u; });
    row("2 * u", [=] { return 2.0 * u; });
    row("u / 2", [=] { return u / 2.0; });
    row("-u", [=] { return -u; });
    row("neg", [=] { return neg(u); });
    row("pow", [=] { return pow(u, 2.0); });
    row("pow 0", [=] { return pow(u, 0.0); });
    row("exp", [=] { return exp(u); });
    row("log", [=] { return log(u); });
    row("sqrt", [=] { return sqrt(u); });
    row("abs", [=] { return abs(u); });
    row("relu", [=] { return relu(u); });
    row("tanh", [=] { return tanh(u); });
    row("sigmoid", [=] { return sigmoid(u); });
    row("sum", [=] { return sum(u); });
    row("sum dim", [=] { return sum(u, 0); });
    row("mean", [=] { return mean(u); });
    row("mean dim", [=] { return mean(u, 0, true); });
    row("matmul(u, x)", [=] { return matmul(u, x); });
    row("matmul(x, u)", [=] { return matmul(x, u); });
    row("linear(u, w, b)", [=] { return linear(u, x, Tensor()); });
    row("linear(x, u, b)", [=] { return linear(x, u, Tensor()); });
    row("reshape", [=] { return reshape(u, Shape{4}); });
    row("transpose", [=] { return transpose(u, 0, 1); });
    row("t", [=] { return t(u); });
    row("indexSelect", [=] { return indexSelect(u, {0}); });
    row("mseLoss(u, x)", [=] { return mseLoss(u, x); });
    row("mseLoss(x, u)", [=] { return mseLoss(x, u); });
    row("l1Loss", [=] { return l1Loss(u, x); });
    row("huberLoss", [=] { return huberLoss(x, u); });
    row("smoothL1Loss", [=] { return smoothL1Loss(u, x); });
    row("detach", [=] { return u.detach(); });
    row("clone", [=] { return u.clone(); });
    row("to", [=] { return u.to(DType::Float64); });
    row("grad", [=] { return u.grad(); });
    row("item", [=] { return scalarTensor(u.item()); });
    row("toVector", [=] { return fromData(u.toVector(), Shape{0}); });
    row("backward", [=] {
        u.backward();
        return Tensor();
    });
    row("non-scalar backward with an undefined gradient", [=] {
        (x * 2.0).backward(u);
        return Tensor();
    });
    row("u.zero_()", [=] {
        Tensor v = u;
        return v.zero_();
    });
    row("u.add_(x)", [=] {
        Tensor v = u;
        return v.add_(x);
    });
    row("y.add_(u)", [=] {
        Tensor y = zeros(Shape{2, 2}, kF64);
        return y.add_(u);
    });
    row("y.mul_(u)", [=] {
        Tensor y = zeros(Shape{2, 2}, kF64);
        return y.mul_(u);
    });
    row("y.copy_(u)", [=] {
        Tensor y = zeros(Shape{2, 2}, kF64);
        return y.copy_(u);
    });
    row("u.requiresGrad_()", [=] {
        Tensor v = u;
        return v.requiresGrad_();
    });
    row("u.data()", [=] { return scalarTensor(*u.data<double>()); });
}

void TestAutograd::opsOnUndefinedTensorsThrowEngineError()
{
    QFETCH(Producer, run);
    VERIFY_ENGINE_ERROR(run(), "");
}

void TestAutograd::deepChainBackwardAndDestructionDoNotOverflowStack()
{
    constexpr int kDepth = 100000;
    Tensor x = f64({1, 2}, Shape{2}, true);
    {
        Tensor y = x;
        for (int i = 0; i < kDepth; ++i)
            y = y + 1.0;
        QVERIFY(!y.isLeaf());
        y.sum().backward();
        VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{2}, {1, 1}));
        VERIFY_VALUES(gradcheck::valuesMismatch(y, Shape{2}, {1.0 + kDepth, 2.0 + kDepth}));
        // y, the last owner of the chain, is destroyed here.
    }
    // The same with the leaf feeding every link (one AccumulateGrad with 100001 incoming edges).
    x.setGrad(Tensor());
    {
        Tensor y = x;
        for (int i = 0; i < kDepth; ++i)
            y = y + x;
        y.sum().backward();
        VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{2}, {kDepth + 1.0, kDepth + 1.0}));
    }
    QVERIFY(x.isLeaf());
}

QTEST_APPLESS_MAIN(TestAutograd)
#include "tst_autograd.moc"
