// The fused CUDA kernels' sources (cuda_fusion.cu), generated and compiled with NVRTC for the
// architectures GradLab targets. NVRTC needs no GPU, so this runs wherever GradLab is built with
// CUDA, and a change that breaks the generated code fails here rather than on a user's card.
#include "engine/cuda_backend.h"
#include "engine/lazy.h"

#include <QTest>

#include <memory>

using namespace gradlab;

namespace {

constexpr std::int64_t kN = 100000;

// A tensor whose values are `e` (deferred), as the backend makes them.
Tensor pending(std::shared_ptr<LazyExpr> e, DType dtype)
{
    return deferredTensor(std::move(e), Shape{kN, 1}, dtype, Device::cpu());
}

std::shared_ptr<LazyExpr> binary(BinaryOp op, LazyOperand a, LazyOperand b, double scalar = 1.0)
{
    auto e = std::make_shared<LazyExpr>();
    e->kind = LazyExpr::Kind::Binary;
    e->op = op;
    e->scalar = scalar;
    e->a = std::move(a);
    e->b = std::move(b);
    return e;
}

LazyOperand of(const Tensor& t) { return {t.implPtr(), 0.0}; }
LazyOperand value(double v) { return {nullptr, v}; }

// The tutorial's step as the CUDA table defers it: yhat = a + b·x with the parameters a and b
// read on the device; the loss of yhat against y, and the gradients Σ g and Σ g·x of
// g = d loss / d yhat (for the incoming gradient `seed`), as three reductions over the same values.
struct TutorialStep {
    Tensor a, b, seed, x, y, yhat, g;
    std::shared_ptr<LazyExpr> loss, sumG, sumGx;

    TutorialStep(DType dtype, double param, LossKind kind = LossKind::MSE)
    {
        a = makeTensor(Shape{1}, dtype, Device::cpu());
        b = makeTensor(Shape{1}, dtype, Device::cpu());
        seed = makeTensor(Shape{}, dtype, Device::cpu());
        x = makeTensor(Shape{kN, 1}, dtype, Device::cpu());
        y = makeTensor(Shape{kN, 1}, dtype, Device::cpu());
        yhat = pending(binary(BinaryOp::Add, of(a), of(pending(binary(BinaryOp::Mul, of(b), of(x)), dtype))), dtype);
        auto grad = std::make_shared<LazyExpr>();
        grad->kind = LazyExpr::Kind::LossGrad;
        grad->loss = kind;
        grad->scalar = param;
        grad->norm = 1.0 / kN;
        grad->a = of(yhat);
        grad->b = of(y);
        grad->c = of(seed);
        g = pending(grad, dtype);
        loss = std::make_shared<LazyExpr>();
        loss->kind = LazyExpr::Kind::LossSum;
        loss->loss = kind;
        loss->scalar = param;
        loss->norm = kN;
        loss->count = kN;
        loss->a = of(yhat);
        loss->b = of(y);
        loss->dtype = dtype;
        sumG = sumExpr(g, nullptr, 1.0);
        sumGx = sumExpr(g, &x, 1.0);
        sumG->dtype = sumGx->dtype = dtype;
    }
    std::string source() const { return cuda::fusedSource({loss.get(), sumG.get(), sumGx.get()}, true); }
};

int count(const std::string& text, const std::string& what)
{
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

void compilesEverywhere(const std::string& source)
{
    QVERIFY(!source.empty());
    for (const auto& [major, minor] : {std::pair{7, 5}, std::pair{8, 0}, std::pair{8, 6}, std::pair{9, 0}}) {
        std::string error;
        const std::vector<char> cubin = cuda::compileCubin(source, major, minor, error);
        QVERIFY2(!cubin.empty(), qPrintable(QStringLiteral("sm_%1%2: %3\n%4").arg(major).arg(minor)
                                                .arg(QString::fromStdString(error), QString::fromStdString(source))));
    }
}

} // namespace

class TestCudaCodegen : public QObject {
    Q_OBJECT

private slots:
    void tutorialStepIsOnePassOverXAndY_data();
    void tutorialStepIsOnePassOverXAndY();
    void sourceDependsOnlyOnTheExpressionsShape();
    void everyBinaryOpAndLossCompiles();
    void aSharedSubexpressionIsComputedOnce();
};

void TestCudaCodegen::tutorialStepIsOnePassOverXAndY_data()
{
    QTest::addColumn<int>("dtype");
    QTest::newRow("float32") << static_cast<int>(DType::Float32);
    QTest::newRow("float64") << static_cast<int>(DType::Float64);
}

void TestCudaCodegen::tutorialStepIsOnePassOverXAndY()
{
    QFETCH(int, dtype);
    const TutorialStep step(static_cast<DType>(dtype), 1.0);
    const std::string source = step.source();
    // x and y are each loaded once per element, a, b and the incoming gradient are one value each;
    // yhat and g are computed in registers.
    QCOMPARE(count(source, "p.in["), 5);
    QCOMPARE(count(source, "])[i]"), 2);
    QCOMPARE(count(source, "])[0]"), 3);
    QCOMPARE(count(source, "acc[0] +="), 1);
    QCOMPARE(count(source, "acc[1] +="), 1);
    QCOMPARE(count(source, "acc[2] +="), 1);
    QCOMPARE(count(source, "binaryFn<BinaryOp::Add>"), 1);
    QCOMPARE(count(source, "lossDerivative<LossKind::MSE>"), 1);
    compilesEverywhere(source);
}

void TestCudaCodegen::sourceDependsOnlyOnTheExpressionsShape()
{
    // Compiled kernels are cached by source: values (here the loss's parameter and the
    // tensors' addresses) must not change it, only the expression's shape.
    const TutorialStep first(DType::Float32, 1.0, LossKind::Huber);
    const TutorialStep later(DType::Float32, 0.25, LossKind::Huber);
    QCOMPARE(first.source(), later.source());
    const TutorialStep mse(DType::Float32, 1.0);
    QVERIFY(first.source() != mse.source());
}

void TestCudaCodegen::everyBinaryOpAndLossCompiles()
{
    for (DType dtype : {DType::Float32, DType::Float64}) {
        const Tensor x = makeTensor(Shape{kN, 1}, dtype, Device::cpu());
        const Tensor y = makeTensor(Shape{kN, 1}, dtype, Device::cpu());
        // One expression using every op, as a chain.
        Tensor chain = x;
        for (BinaryOp op : {BinaryOp::Add, BinaryOp::Sub, BinaryOp::Mul, BinaryOp::Div, BinaryOp::ReluGrad, BinaryOp::TanhGrad,
                            BinaryOp::SigmoidGrad, BinaryOp::SqrtGrad, BinaryOp::AbsGrad, BinaryOp::PowGrad})
            chain = pending(binary(op, of(chain), of(y), 2.5), dtype);
        const std::string elementwise = cuda::fusedSource({chain.impl()->storage->pending.get()}, false);
        QCOMPARE(count(elementwise, "binaryFn<"), 10);
        compilesEverywhere(elementwise);
        for (LossKind kind : {LossKind::MSE, LossKind::L1, LossKind::Huber, LossKind::SmoothL1})
            compilesEverywhere(TutorialStep(dtype, 0.5, kind).source());
    }
}

void TestCudaCodegen::aSharedSubexpressionIsComputedOnce()
{
    const Tensor x = makeTensor(Shape{kN, 1}, DType::Float32, Device::cpu());
    const Tensor d = pending(binary(BinaryOp::Sub, of(x), value(1.0)), DType::Float32);
    const Tensor square = pending(binary(BinaryOp::Mul, of(d), of(d)), DType::Float32);
    const std::string source = cuda::fusedSource({square.impl()->storage->pending.get()}, false);
    QCOMPARE(count(source, "binaryFn<BinaryOp::Sub>"), 1);
    QCOMPARE(count(source, "p.in["), 1);
    compilesEverywhere(source);
}

QTEST_APPLESS_MAIN(TestCudaCodegen)
#include "tst_cuda_codegen.moc"
