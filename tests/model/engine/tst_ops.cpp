// The differentiable operations of ops.h: forward values against hand-computed results, gradients
// against finite differences (gradcheck.h), float32 against float64, and the errors they report.
#include "gradcheck.h"

#include "engine/autograd.h"
#include "engine/ops.h"
#include "engine/tensor.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace gradlab;
using gradcheck::TensorFn;

namespace {

// One operation applied to concrete inputs.
struct OpCase {
    TensorFn fn;
    std::vector<Tensor> inputs;
};

const TensorOptions kF64 = TensorOptions{}.withDType(DType::Float64);
const TensorOptions kF64Grad = TensorOptions{}.withDType(DType::Float64).withRequiresGrad();

Tensor f64(const std::vector<double>& values, const Shape& shape, bool requiresGrad = false)
{
    return fromData(values, shape, requiresGrad ? kF64Grad : kF64);
}

// Pseudo-random float64 leaf requiring grad (unless told otherwise).
Tensor rnd(const Shape& shape, std::uint64_t seed, double lo = -2.0, double hi = 2.0, double minAbs = 0.0,
           bool requiresGrad = true)
{
    return f64(gradcheck::testValues(shape.numel(), seed, lo, hi, minAbs), shape, requiresGrad);
}

// Values shared by the loss tests: d = input − target stays clear of 0, ±0.5 and ±1 (the kinks of
// L1, Huber(δ) and SmoothL1(β) for δ, β ∈ {0.5, 1}).
const std::vector<double> kLossInput{1.0, -1.0, 2.5, 0.0, 0.3, -0.7};
const std::vector<double> kLossTarget{0.6, 1.0, 1.0, 0.2, -0.4, 0.1};

// Every op of ops.h on representative inputs, for gradcheck and the float32/float64 comparison.
std::vector<std::pair<std::string, OpCase>> allOpCases()
{
    std::vector<std::pair<std::string, OpCase>> cases;
    auto add = [&cases](std::string name, TensorFn fn, std::vector<Tensor> in) {
        cases.emplace_back(std::move(name), OpCase{std::move(fn), std::move(in)});
    };
    std::uint64_t seed = 1;

    // Binary elementwise ops, same shapes and broadcasting, gradients to both sides.
    struct Binary {
        const char* name;
        TensorFn fn;
    };
    const std::vector<Binary> binaries{
        {"add", [](const auto& in) { return gradlab::add(in[0], in[1]); }},
        {"add alpha=-0.5", [](const auto& in) { return gradlab::add(in[0], in[1], -0.5); }},
        {"sub", [](const auto& in) { return gradlab::sub(in[0], in[1]); }},
        {"sub alpha=2.5", [](const auto& in) { return gradlab::sub(in[0], in[1], 2.5); }},
        {"mul", [](const auto& in) { return gradlab::mul(in[0], in[1]); }},
        {"div", [](const auto& in) { return gradlab::div(in[0], in[1]); }},
        {"operator+", [](const auto& in) { return in[0] + in[1]; }},
        {"operator-", [](const auto& in) { return in[0] - in[1]; }},
        {"operator*", [](const auto& in) { return in[0] * in[1]; }},
        {"operator/", [](const auto& in) { return in[0] / in[1]; }},
    };
    const std::vector<std::pair<Shape, Shape>> shapes{
        {Shape{2, 3}, Shape{2, 3}}, {Shape{3, 1}, Shape{1, 4}}, {Shape{2, 3}, Shape{3}},
        {Shape{}, Shape{4, 2}},     {Shape{4, 2}, Shape{}},     {Shape{1}, Shape{80, 1}},
        {Shape{80, 1}, Shape{1}},   {Shape{2, 1, 3}, Shape{4, 1}},
    };
    for (const Binary& b : binaries) {
        for (const auto& [sa, sb] : shapes) {
            const bool isDiv = std::string(b.name).find("div") != std::string::npos
                               || std::string(b.name) == "operator/";
            Tensor x = rnd(sa, seed++);
            Tensor y = isDiv ? rnd(sb, seed++, -2.0, 2.0, 0.5) : rnd(sb, seed++);
            add(std::string(b.name) + " " + sa.str() + " " + sb.str(), b.fn, {x, y});
        }
        // Only one side requires grad.
        add(std::string(b.name) + " lhs only", b.fn, {rnd(Shape{3, 2}, seed++), rnd(Shape{2}, seed++, 0.5, 2.0, 0, false)});
        add(std::string(b.name) + " rhs only", b.fn,
            {rnd(Shape{3, 2}, seed++, -2, 2, 0, false), rnd(Shape{2}, seed++, 0.5, 2.0)});
    }

    // Operator overloads with scalars.
    add("x + 2", [](const auto& in) { return in[0] + 2.0; }, {rnd(Shape{2, 3}, seed++)});
    add("2 + x", [](const auto& in) { return 2.0 + in[0]; }, {rnd(Shape{2, 3}, seed++)});
    add("x - 2", [](const auto& in) { return in[0] - 2.0; }, {rnd(Shape{2, 3}, seed++)});
    add("2 - x", [](const auto& in) { return 2.0 - in[0]; }, {rnd(Shape{2, 3}, seed++)});
    add("x * 3", [](const auto& in) { return in[0] * 3.0; }, {rnd(Shape{2, 3}, seed++)});
    add("3 * x", [](const auto& in) { return 3.0 * in[0]; }, {rnd(Shape{2, 3}, seed++)});
    add("x / 4", [](const auto& in) { return in[0] / 4.0; }, {rnd(Shape{2, 3}, seed++)});
    add("4 / x", [](const auto& in) { return 4.0 / in[0]; }, {rnd(Shape{2, 3}, seed++, -2, 2, 0.5)});
    add("-x", [](const auto& in) { return -in[0]; }, {rnd(Shape{2, 3}, seed++)});

    // Unary ops, off their kinks and inside their domains.
    add("neg", [](const auto& in) { return neg(in[0]); }, {rnd(Shape{2, 3}, seed++)});
    add("exp", [](const auto& in) { return gradlab::exp(in[0]); }, {rnd(Shape{2, 3}, seed++)});
    add("log", [](const auto& in) { return gradlab::log(in[0]); }, {rnd(Shape{2, 3}, seed++, 0.2, 3.0)});
    add("sqrt", [](const auto& in) { return gradlab::sqrt(in[0]); }, {rnd(Shape{2, 3}, seed++, 0.2, 3.0)});
    add("abs", [](const auto& in) { return gradlab::abs(in[0]); }, {rnd(Shape{2, 3}, seed++, -2, 2, 0.1)});
    add("relu", [](const auto& in) { return relu(in[0]); }, {rnd(Shape{2, 3}, seed++, -2, 2, 0.1)});
    add("tanh", [](const auto& in) { return gradlab::tanh(in[0]); }, {rnd(Shape{2, 3}, seed++)});
    add("sigmoid", [](const auto& in) { return sigmoid(in[0]); }, {rnd(Shape{2, 3}, seed++, -4, 4)});
    for (double p : {2.0, 3.0, 0.5, -1.0, 1.7, 0.0, 1.0}) {
        add("pow " + gradcheck::formatDouble(p) + " positive base",
            [p](const auto& in) { return gradlab::pow(in[0], p); }, {rnd(Shape{2, 3}, seed++, 0.3, 2.0)});
    }
    for (double p : {2.0, 3.0, -1.0, 0.0}) {
        add("pow " + gradcheck::formatDouble(p) + " any-sign base",
            [p](const auto& in) { return gradlab::pow(in[0], p); }, {rnd(Shape{2, 3}, seed++, -2, 2, 0.3)});
    }

    // Matrix products and the linear layer.
    add("matmul 2-D x 2-D", [](const auto& in) { return matmul(in[0], in[1]); },
        {rnd(Shape{2, 3}, seed++), rnd(Shape{3, 4}, seed++)});
    add("matmul 1-D x 2-D", [](const auto& in) { return matmul(in[0], in[1]); },
        {rnd(Shape{3}, seed++), rnd(Shape{3, 4}, seed++)});
    add("matmul 2-D x 1-D", [](const auto& in) { return matmul(in[0], in[1]); },
        {rnd(Shape{2, 3}, seed++), rnd(Shape{3}, seed++)});
    add("matmul 1-D x 1-D", [](const auto& in) { return matmul(in[0], in[1]); },
        {rnd(Shape{3}, seed++), rnd(Shape{3}, seed++)});
    add("matmul lhs only", [](const auto& in) { return matmul(in[0], in[1]); },
        {rnd(Shape{2, 3}, seed++), rnd(Shape{3, 2}, seed++, -2, 2, 0, false)});
    add("matmul rhs only", [](const auto& in) { return matmul(in[0], in[1]); },
        {rnd(Shape{2, 3}, seed++, -2, 2, 0, false), rnd(Shape{3, 2}, seed++)});
    add("Tensor::matmul", [](const auto& in) { return in[0].matmul(in[1]); },
        {rnd(Shape{4, 2}, seed++), rnd(Shape{2, 3}, seed++)});
    add("linear 2-D with bias", [](const auto& in) { return linear(in[0], in[1], in[2]); },
        {rnd(Shape{4, 3}, seed++), rnd(Shape{2, 3}, seed++), rnd(Shape{2}, seed++)});
    add("linear 2-D without bias", [](const auto& in) { return linear(in[0], in[1], Tensor()); },
        {rnd(Shape{4, 3}, seed++), rnd(Shape{2, 3}, seed++)});
    add("linear 1-D with bias", [](const auto& in) { return linear(in[0], in[1], in[2]); },
        {rnd(Shape{3}, seed++), rnd(Shape{2, 3}, seed++), rnd(Shape{2}, seed++)});
    add("linear 1-D without bias", [](const auto& in) { return linear(in[0], in[1], Tensor()); },
        {rnd(Shape{3}, seed++), rnd(Shape{2, 3}, seed++)});
    add("linear 2-D, weight only", [](const auto& in) { return linear(in[0], in[1], in[2]); },
        {rnd(Shape{4, 3}, seed++, -2, 2, 0, false), rnd(Shape{2, 3}, seed++), rnd(Shape{2}, seed++, -2, 2, 0, false)});
    add("linear 2-D, input only", [](const auto& in) { return linear(in[0], in[1], in[2]); },
        {rnd(Shape{4, 3}, seed++), rnd(Shape{2, 3}, seed++, -2, 2, 0, false), rnd(Shape{2}, seed++, -2, 2, 0, false)});
    add("linear 2-D, bias only", [](const auto& in) { return linear(in[0], in[1], in[2]); },
        {rnd(Shape{4, 3}, seed++, -2, 2, 0, false), rnd(Shape{2, 3}, seed++, -2, 2, 0, false), rnd(Shape{2}, seed++)});
    add("linear 2-D, one output feature", [](const auto& in) { return linear(in[0], in[1], in[2]); },
        {rnd(Shape{5, 1}, seed++), rnd(Shape{1, 1}, seed++), rnd(Shape{1}, seed++)});

    // Reductions.
    add("sum", [](const auto& in) { return gradlab::sum(in[0]); }, {rnd(Shape{2, 3}, seed++)});
    add("mean", [](const auto& in) { return gradlab::mean(in[0]); }, {rnd(Shape{2, 3}, seed++)});
    add("sum dim 0", [](const auto& in) { return gradlab::sum(in[0], 0); }, {rnd(Shape{2, 3}, seed++)});
    add("sum dim 1", [](const auto& in) { return gradlab::sum(in[0], 1); }, {rnd(Shape{2, 3}, seed++)});
    add("sum dim -1", [](const auto& in) { return gradlab::sum(in[0], -1); }, {rnd(Shape{2, 3}, seed++)});
    add("sum dim 0 keepdim", [](const auto& in) { return gradlab::sum(in[0], 0, true); }, {rnd(Shape{2, 3}, seed++)});
    add("mean dim 0", [](const auto& in) { return gradlab::mean(in[0], 0); }, {rnd(Shape{2, 3}, seed++)});
    add("mean dim -1 keepdim", [](const auto& in) { return gradlab::mean(in[0], -1, true); },
        {rnd(Shape{2, 3}, seed++)});
    add("sum 3-D dim 1", [](const auto& in) { return gradlab::sum(in[0], 1); }, {rnd(Shape{2, 3, 4}, seed++)});
    add("mean 3-D dim -3 keepdim", [](const auto& in) { return gradlab::mean(in[0], -3, true); },
        {rnd(Shape{2, 3, 4}, seed++)});
    add("Tensor::sum/mean", [](const auto& in) { return in[0].sum(1) + in[0].mean(); }, {rnd(Shape{2, 3}, seed++)});

    // Shape ops.
    add("reshape (2,3)->(3,2)", [](const auto& in) { return reshape(in[0], Shape{3, 2}); }, {rnd(Shape{2, 3}, seed++)});
    add("reshape (2,3)->(6)", [](const auto& in) { return in[0].reshape(Shape{6}); }, {rnd(Shape{2, 3}, seed++)});
    add("view (1)->()", [](const auto& in) { return in[0].view(Shape{}); }, {rnd(Shape{1}, seed++)});
    add("transpose 2-D", [](const auto& in) { return transpose(in[0], 0, 1); }, {rnd(Shape{2, 3}, seed++)});
    add("transpose 3-D (0,2)", [](const auto& in) { return transpose(in[0], 0, 2); }, {rnd(Shape{2, 3, 4}, seed++)});
    add("transpose 3-D (-1,-2)", [](const auto& in) { return in[0].transpose(-1, -2); },
        {rnd(Shape{2, 3, 4}, seed++)});
    add("t", [](const auto& in) { return t(in[0]); }, {rnd(Shape{2, 3}, seed++)});
    add("indexSelect repeated", [](const auto& in) { return indexSelect(in[0], {2, 0, 2, 2}); },
        {rnd(Shape{3, 2}, seed++)});
    add("indexSelect 1-D", [](const auto& in) { return indexSelect(in[0], {1, 1, 0}); }, {rnd(Shape{4}, seed++)});

    // Losses, gradients to both input and target.
    struct LossCase {
        const char* name;
        Tensor (*fn)(const Tensor&, const Tensor&, Reduction, double);
        double param;
    };
    auto mse = [](const Tensor& a, const Tensor& b, Reduction r, double) { return mseLoss(a, b, r); };
    auto l1 = [](const Tensor& a, const Tensor& b, Reduction r, double) { return l1Loss(a, b, r); };
    auto huber = [](const Tensor& a, const Tensor& b, Reduction r, double p) { return huberLoss(a, b, r, p); };
    auto smooth = [](const Tensor& a, const Tensor& b, Reduction r, double p) { return smoothL1Loss(a, b, r, p); };
    const std::vector<LossCase> losses{
        {"mseLoss", mse, 0.0},          {"l1Loss", l1, 0.0},
        {"huberLoss delta=1", huber, 1.0},   {"huberLoss delta=0.5", huber, 0.5},
        {"smoothL1Loss beta=1", smooth, 1.0}, {"smoothL1Loss beta=0.5", smooth, 0.5},
    };
    for (const LossCase& l : losses) {
        for (Reduction r : {Reduction::Mean, Reduction::Sum}) {
            auto fn = l.fn;
            const double p = l.param;
            add(std::string(l.name) + (r == Reduction::Mean ? " mean" : " sum"),
                [fn, r, p](const auto& in) { return fn(in[0], in[1], r, p); },
                {f64(kLossInput, Shape{2, 3}, true), f64(kLossTarget, Shape{2, 3}, true)});
        }
    }

    // The tutorial's loss, built from the pieces.
    add("tutorial (y - (a + b*x)).pow(2).mean()",
        [](const auto& in) { return (in[3] - (in[0] + in[1] * in[2])).pow(2.0).mean(); },
        {rnd(Shape{1}, seed++), rnd(Shape{1}, seed++), rnd(Shape{80, 1}, seed++, 0, 1, 0, false),
         rnd(Shape{80, 1}, seed++, 0, 3, 0, false)});
    return cases;
}

// Runs `fn` on float32 copies of `inputs`; the same values in float64 are the reference.
std::string float32Mismatch(const TensorFn& fn, const std::vector<Tensor>& inputs, double rtol, double atol)
{
    std::vector<Tensor> in32, in64;
    for (const Tensor& x : inputs) {
        Tensor x32 = x.detach().to(DType::Float32);
        in32.push_back(x32);
        in64.push_back(x32.to(DType::Float64));
    }
    const Tensor y32 = fn(in32);
    const Tensor y64 = fn(in64);
    if (y32.dtype() != DType::Float32)
        return "the float32 computation gave " + dtypeName(y32.dtype());
    if (y32.shape() != y64.shape())
        return "shapes differ: " + y32.shape().bracketStr() + " vs " + y64.shape().bracketStr();
    const auto a = y32.toVector();
    const auto b = y64.toVector();
    for (std::size_t k = 0; k < a.size(); ++k)
        if (!(std::abs(a[k] - b[k]) <= atol + rtol * std::abs(b[k])))
            return "element " + std::to_string(k) + ": float32 " + gradcheck::formatDouble(a[k]) + ", float64 "
                   + gradcheck::formatDouble(b[k]);
    return {};
}

} // namespace

Q_DECLARE_METATYPE(OpCase)

class TestOps : public QObject {
    Q_OBJECT

private slots:
    void forwardValuesMatchHandComputed_data();
    void forwardValuesMatchHandComputed();
    void gradientsMatchFiniteDifferences_data();
    void gradientsMatchFiniteDifferences();
    void float32AgreesWithFloat64_data();
    void float32AgreesWithFloat64();

    void scalarOperatorsKeepDTypeAndShape();
    void powZeroIsOneEverywhereWithZeroGradient();
    void mseLossGradientsAreOppositeForInputAndTarget();
    void lossesGiveOppositeGradientsToInputAndTarget_data();
    void lossesGiveOppositeGradientsToInputAndTarget();
    void smoothL1WithZeroBetaIsL1();
    void gradientsAtKinksFollowPyTorch();
    void reluKeepsNaNAndPassesItsGradient_data();
    void reluKeepsNaNAndPassesItsGradient();
    void indexSelectAccumulatesGradientsOfRepeatedRows();
    void broadcastGradientsReduceToEachOperandsShape_data();
    void broadcastGradientsReduceToEachOperandsShape();
    void linearWithMixedDTypesComputesInFloat64_data();
    void linearWithMixedDTypesComputesInFloat64();
    void gradcheckRejectsAWrongGradient();

    void mismatchedShapesThrowNamingBothShapes_data();
    void mismatchedShapesThrowNamingBothShapes();
    void matmulInnerMismatchThrows_data();
    void matmulInnerMismatchThrows();
    void indexSelectOutOfRangeThrows_data();
    void indexSelectOutOfRangeThrows();
    void invalidReshapeAndDimsThrow();
};

void TestOps::forwardValuesMatchHandComputed_data()
{
    QTest::addColumn<OpCase>("op");
    QTest::addColumn<Shape>("shape");
    QTest::addColumn<std::vector<double>>("expected");

    auto row = [](const char* name, TensorFn fn, std::vector<Tensor> in, Shape s, std::vector<double> e) {
        QTest::newRow(name) << OpCase{std::move(fn), std::move(in)} << s << e;
    };
    const Tensor v3 = f64({1, 2, 3}, Shape{3});
    const Tensor w3 = f64({10, 20, 30}, Shape{3});
    const Tensor m23 = f64({1, 2, 3, 4, 5, 6}, Shape{2, 3});

    // Elementwise binary.
    row("add", [](const auto& in) { return add(in[0], in[1]); }, {v3, w3}, Shape{3}, {11, 22, 33});
    row("add alpha=2", [](const auto& in) { return add(in[0], in[1], 2.0); }, {v3, w3}, Shape{3}, {21, 42, 63});
    row("sub", [](const auto& in) { return sub(in[0], in[1]); }, {v3, w3}, Shape{3}, {-9, -18, -27});
    row("sub alpha=0.5", [](const auto& in) { return sub(in[0], in[1], 0.5); }, {v3, w3}, Shape{3}, {-4, -8, -12});
    row("mul", [](const auto& in) { return mul(in[0], in[1]); }, {v3, w3}, Shape{3}, {10, 40, 90});
    row("div", [](const auto& in) { return div(in[0], in[1]); }, {v3, f64({4, -8, 0.5}, Shape{3})}, Shape{3},
        {0.25, -0.25, 6});
    row("div by zero is inf", [](const auto& in) { return div(in[0], in[1]); },
        {f64({1, -1}, Shape{2}), f64({0, 0}, Shape{2})}, Shape{2}, {INFINITY, -INFINITY});

    // Broadcasting.
    row("add (3,1)+(1,4)", [](const auto& in) { return in[0] + in[1]; },
        {f64({1, 2, 3}, Shape{3, 1}), f64({10, 20, 30, 40}, Shape{1, 4})}, Shape{3, 4},
        {11, 21, 31, 41, 12, 22, 32, 42, 13, 23, 33, 43});
    row("sub (3,1)-(1,4)", [](const auto& in) { return in[0] - in[1]; },
        {f64({1, 2, 3}, Shape{3, 1}), f64({10, 20, 30, 40}, Shape{1, 4})}, Shape{3, 4},
        {-9, -19, -29, -39, -8, -18, -28, -38, -7, -17, -27, -37});
    row("mul (2,3)*(3)", [](const auto& in) { return in[0] * in[1]; }, {m23, f64({1, 10, 100}, Shape{3})},
        Shape{2, 3}, {1, 20, 300, 4, 50, 600});
    row("div (2,3)/(3)", [](const auto& in) { return in[0] / in[1]; }, {m23, f64({1, 2, 4}, Shape{3})}, Shape{2, 3},
        {1, 1, 0.75, 4, 2.5, 1.5});
    row("add ()+(4,2)", [](const auto& in) { return in[0] + in[1]; },
        {f64({0.5}, Shape{}), f64({1, 2, 3, 4, 5, 6, 7, 8}, Shape{4, 2})}, Shape{4, 2},
        {1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5});
    row("sub (4,2)-()", [](const auto& in) { return in[0] - in[1]; },
        {f64({1, 2, 3, 4, 5, 6, 7, 8}, Shape{4, 2}), f64({0.5}, Shape{})}, Shape{4, 2},
        {0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5});
    row("div ()/(2,2)", [](const auto& in) { return in[0] / in[1]; },
        {f64({1}, Shape{}), f64({1, 2, 4, 8}, Shape{2, 2})}, Shape{2, 2}, {1, 0.5, 0.25, 0.125});
    row("mul (1)*(3,1)", [](const auto& in) { return in[0] * in[1]; },
        {f64({2}, Shape{1}), f64({1, 2, 3}, Shape{3, 1})}, Shape{3, 1}, {2, 4, 6});
    row("add (2,1,3)+(4,1)", [](const auto& in) { return in[0] + in[1]; },
        {f64({0, 1, 2, 100, 101, 102}, Shape{2, 1, 3}), f64({0, 10, 20, 30}, Shape{4, 1})}, Shape{2, 4, 3},
        {0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32, 100, 101, 102, 110, 111, 112, 120, 121, 122, 130, 131, 132});

    // Operator overloads with scalars.
    const Tensor x = f64({1, 2, 4}, Shape{3});
    row("x + 2", [](const auto& in) { return in[0] + 2.0; }, {x}, Shape{3}, {3, 4, 6});
    row("2 + x", [](const auto& in) { return 2.0 + in[0]; }, {x}, Shape{3}, {3, 4, 6});
    row("x - 2", [](const auto& in) { return in[0] - 2.0; }, {x}, Shape{3}, {-1, 0, 2});
    row("2 - x", [](const auto& in) { return 2.0 - in[0]; }, {x}, Shape{3}, {1, 0, -2});
    row("x * 3", [](const auto& in) { return in[0] * 3.0; }, {x}, Shape{3}, {3, 6, 12});
    row("3 * x", [](const auto& in) { return 3.0 * in[0]; }, {x}, Shape{3}, {3, 6, 12});
    row("x / 4", [](const auto& in) { return in[0] / 4.0; }, {x}, Shape{3}, {0.25, 0.5, 1});
    row("4 / x", [](const auto& in) { return 4.0 / in[0]; }, {x}, Shape{3}, {4, 2, 1});
    row("-x", [](const auto& in) { return -in[0]; }, {x}, Shape{3}, {-1, -2, -4});

    // Unary.
    row("neg", [](const auto& in) { return neg(in[0]); }, {f64({1, -2, 0}, Shape{3})}, Shape{3}, {-1, 2, 0});
    row("exp", [](const auto& in) { return exp(in[0]); }, {f64({0, 1, -1}, Shape{3})}, Shape{3},
        {1, 2.718281828459045, 0.36787944117144233});
    row("log", [](const auto& in) { return log(in[0]); }, {f64({1, 2.718281828459045, 0.5}, Shape{3})}, Shape{3},
        {0, 1, -0.6931471805599453});
    row("log of 0 is -inf", [](const auto& in) { return log(in[0]); }, {f64({0}, Shape{1})}, Shape{1}, {-INFINITY});
    row("sqrt", [](const auto& in) { return sqrt(in[0]); }, {f64({4, 0.25, 2}, Shape{3})}, Shape{3},
        {2, 0.5, 1.4142135623730951});
    row("abs", [](const auto& in) { return abs(in[0]); }, {f64({-2, 0, 3.5}, Shape{3})}, Shape{3}, {2, 0, 3.5});
    row("relu", [](const auto& in) { return relu(in[0]); }, {f64({-1, 0, 2}, Shape{3})}, Shape{3}, {0, 0, 2});
    row("tanh", [](const auto& in) { return tanh(in[0]); }, {f64({0, 0.5, -2}, Shape{3})}, Shape{3},
        {0, 0.46211715726000974, -0.9640275800758169});
    row("sigmoid", [](const auto& in) { return sigmoid(in[0]); }, {f64({0, 2, -2}, Shape{3})}, Shape{3},
        {0.5, 0.8807970779778823, 0.11920292202211755});
    row("pow 2", [](const auto& in) { return pow(in[0], 2.0); }, {f64({-3, 0.5, 0}, Shape{3})}, Shape{3},
        {9, 0.25, 0});
    row("pow 3", [](const auto& in) { return pow(in[0], 3.0); }, {f64({-2, 1.5, 0}, Shape{3})}, Shape{3},
        {-8, 3.375, 0});
    row("pow 0.5", [](const auto& in) { return pow(in[0], 0.5); }, {f64({4, 0.25, 0}, Shape{3})}, Shape{3},
        {2, 0.5, 0});
    row("pow -1", [](const auto& in) { return pow(in[0], -1.0); }, {f64({4, -0.5, 1}, Shape{3})}, Shape{3},
        {0.25, -2, 1});
    row("pow 1.7", [](const auto& in) { return pow(in[0], 1.7); }, {f64({2, 1, 0}, Shape{3})}, Shape{3},
        {3.249009585424942, 1, 0});
    row("pow 0", [](const auto& in) { return pow(in[0], 0.0); }, {f64({0, -3, 5}, Shape{3})}, Shape{3}, {1, 1, 1});
    row("Tensor::pow/exp/log/sqrt/abs/relu/tanh/sigmoid",
        [](const auto& in) {
            const Tensor& a = in[0];
            return a.pow(2.0) + a.exp() + a.log() + a.sqrt() + a.abs() + a.relu() + a.tanh() + a.sigmoid();
        },
        {f64({1}, Shape{1})}, Shape{1},
        {1 + 2.718281828459045 + 0 + 1 + 1 + 1 + 0.7615941559557649 + 0.7310585786300049});

    // Matrix products.
    const Tensor a23 = m23;
    const Tensor b32 = f64({7, 8, 9, 10, 11, 12}, Shape{3, 2});
    row("matmul 2-D x 2-D", [](const auto& in) { return matmul(in[0], in[1]); }, {a23, b32}, Shape{2, 2},
        {58, 64, 139, 154});
    row("matmul 1-D x 2-D", [](const auto& in) { return matmul(in[0], in[1]); }, {v3, b32}, Shape{2}, {58, 64});
    row("matmul 2-D x 1-D", [](const auto& in) { return matmul(in[0], in[1]); },
        {a23, f64({1, 0, -1}, Shape{3})}, Shape{2}, {-2, -2});
    row("matmul 1-D x 1-D", [](const auto& in) { return matmul(in[0], in[1]); }, {v3, f64({4, 5, 6}, Shape{3})},
        Shape{}, {32});

    // linear: bias + input · weightᵀ.
    const Tensor w = f64({1, 0, -1, 0.5, 0.5, 0.5}, Shape{2, 3});
    const Tensor bias = f64({10, 20}, Shape{2});
    row("linear 2-D with bias", [](const auto& in) { return linear(in[0], in[1], in[2]); }, {a23, w, bias},
        Shape{2, 2}, {8, 23, 8, 27.5});
    row("linear 2-D without bias", [](const auto& in) { return linear(in[0], in[1], Tensor()); }, {a23, w},
        Shape{2, 2}, {-2, 3, -2, 7.5});
    row("linear 1-D with bias", [](const auto& in) { return linear(in[0], in[1], in[2]); }, {v3, w, bias}, Shape{2},
        {8, 23});
    row("linear 1-D without bias", [](const auto& in) { return linear(in[0], in[1], Tensor()); }, {v3, w}, Shape{2},
        {-2, 3});

    // Reductions.
    row("sum", [](const auto& in) { return sum(in[0]); }, {m23}, Shape{}, {21});
    row("mean", [](const auto& in) { return mean(in[0]); }, {m23}, Shape{}, {3.5});
    row("sum dim 0", [](const auto& in) { return sum(in[0], 0); }, {m23}, Shape{3}, {5, 7, 9});
    row("sum dim 1", [](const auto& in) { return sum(in[0], 1); }, {m23}, Shape{2}, {6, 15});
    row("sum dim -1", [](const auto& in) { return sum(in[0], -1); }, {m23}, Shape{2}, {6, 15});
    row("sum dim -2", [](const auto& in) { return sum(in[0], -2); }, {m23}, Shape{3}, {5, 7, 9});
    row("sum dim 1 keepdim", [](const auto& in) { return sum(in[0], 1, true); }, {m23}, Shape{2, 1}, {6, 15});
    row("sum dim 0 keepdim", [](const auto& in) { return sum(in[0], 0, true); }, {m23}, Shape{1, 3}, {5, 7, 9});
    row("mean dim 0", [](const auto& in) { return mean(in[0], 0); }, {m23}, Shape{3}, {2.5, 3.5, 4.5});
    row("mean dim 1", [](const auto& in) { return mean(in[0], 1); }, {m23}, Shape{2}, {2, 5});
    row("mean dim -2 keepdim", [](const auto& in) { return mean(in[0], -2, true); }, {m23}, Shape{1, 3},
        {2.5, 3.5, 4.5});
    row("sum 3-D dim 1", [](const auto& in) { return sum(in[0], 1); },
        {f64({0, 1, 2, 3, 4, 5, 6, 7}, Shape{2, 2, 2})}, Shape{2, 2}, {2, 4, 10, 12});
    row("sum of a scalar", [](const auto& in) { return sum(in[0]); }, {f64({2.5}, Shape{})}, Shape{}, {2.5});

    // Shape ops.
    row("reshape", [](const auto& in) { return reshape(in[0], Shape{3, 2}); }, {m23}, Shape{3, 2},
        {1, 2, 3, 4, 5, 6});
    row("t", [](const auto& in) { return t(in[0]); }, {m23}, Shape{3, 2}, {1, 4, 2, 5, 3, 6});
    row("t of 1-D is itself", [](const auto& in) { return t(in[0]); }, {v3}, Shape{3}, {1, 2, 3});
    row("transpose 2-D", [](const auto& in) { return transpose(in[0], 0, 1); }, {m23}, Shape{3, 2},
        {1, 4, 2, 5, 3, 6});
    row("transpose 3-D (0,2)", [](const auto& in) { return transpose(in[0], 0, 2); },
        {f64({0, 1, 2, 3, 4, 5, 6, 7}, Shape{2, 2, 2})}, Shape{2, 2, 2}, {0, 4, 2, 6, 1, 5, 3, 7});
    row("transpose 3-D (1,2) non-square", [](const auto& in) { return transpose(in[0], 1, 2); },
        {f64({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, Shape{2, 2, 3})}, Shape{2, 3, 2},
        {0, 3, 1, 4, 2, 5, 6, 9, 7, 10, 8, 11});
    row("indexSelect repeated", [](const auto& in) { return indexSelect(in[0], {2, 0, 2}); },
        {f64({1, 2, 3, 4, 5, 6}, Shape{3, 2})}, Shape{3, 2}, {5, 6, 1, 2, 5, 6});
    row("indexSelect empty", [](const auto& in) { return indexSelect(in[0], {}); },
        {f64({1, 2, 3, 4, 5, 6}, Shape{3, 2})}, Shape{0, 2}, {});

    // Losses: d = input − target = [0.5, −2, 1.5, −0.25].
    const Tensor li = f64({1.0, -1.0, 2.5, 0.0}, Shape{4});
    const Tensor lt = f64({0.5, 1.0, 1.0, 0.25}, Shape{4});
    row("mseLoss mean", [](const auto& in) { return mseLoss(in[0], in[1]); }, {li, lt}, Shape{}, {1.640625});
    row("mseLoss sum", [](const auto& in) { return mseLoss(in[0], in[1], Reduction::Sum); }, {li, lt}, Shape{},
        {6.5625});
    row("l1Loss mean", [](const auto& in) { return l1Loss(in[0], in[1]); }, {li, lt}, Shape{}, {1.0625});
    row("l1Loss sum", [](const auto& in) { return l1Loss(in[0], in[1], Reduction::Sum); }, {li, lt}, Shape{},
        {4.25});
    row("huberLoss mean", [](const auto& in) { return huberLoss(in[0], in[1]); }, {li, lt}, Shape{}, {0.6640625});
    row("huberLoss sum", [](const auto& in) { return huberLoss(in[0], in[1], Reduction::Sum); }, {li, lt}, Shape{},
        {2.65625});
    row("huberLoss delta=0.5 mean", [](const auto& in) { return huberLoss(in[0], in[1], Reduction::Mean, 0.5); },
        {li, lt}, Shape{}, {0.4140625});
    row("huberLoss delta=0.5 sum", [](const auto& in) { return huberLoss(in[0], in[1], Reduction::Sum, 0.5); },
        {li, lt}, Shape{}, {1.65625});
    row("smoothL1Loss mean", [](const auto& in) { return smoothL1Loss(in[0], in[1]); }, {li, lt}, Shape{},
        {0.6640625});
    row("smoothL1Loss sum", [](const auto& in) { return smoothL1Loss(in[0], in[1], Reduction::Sum); }, {li, lt},
        Shape{}, {2.65625});
    row("smoothL1Loss beta=0.5 mean",
        [](const auto& in) { return smoothL1Loss(in[0], in[1], Reduction::Mean, 0.5); }, {li, lt}, Shape{},
        {0.828125});
    row("smoothL1Loss beta=0.5 sum", [](const auto& in) { return smoothL1Loss(in[0], in[1], Reduction::Sum, 0.5); },
        {li, lt}, Shape{}, {3.3125});
}

void TestOps::forwardValuesMatchHandComputed()
{
    QFETCH(OpCase, op);
    QFETCH(Shape, shape);
    QFETCH(std::vector<double>, expected);
    const Tensor y = op.fn(op.inputs);
    QCOMPARE(y.dtype(), DType::Float64);
    VERIFY_VALUES(gradcheck::valuesMismatch(y, shape, expected, 1e-12, 1e-12));
}

void TestOps::gradientsMatchFiniteDifferences_data()
{
    QTest::addColumn<OpCase>("op");
    for (auto& [name, c] : allOpCases())
        QTest::newRow(name.c_str()) << c;
}

void TestOps::gradientsMatchFiniteDifferences()
{
    QFETCH(OpCase, op);
    GRADCHECK_VERIFY(gradcheck::gradcheck(op.fn, op.inputs));
}

void TestOps::float32AgreesWithFloat64_data()
{
    QTest::addColumn<OpCase>("op");
    for (auto& [name, c] : allOpCases())
        QTest::newRow(name.c_str()) << c;
}

void TestOps::float32AgreesWithFloat64()
{
    QFETCH(OpCase, op);
    VERIFY_VALUES(float32Mismatch(op.fn, op.inputs, 1e-6, 1e-6));
}

void TestOps::scalarOperatorsKeepDTypeAndShape()
{
    for (DType dt : {DType::Float32, DType::Float64}) {
        const Tensor x = ones(Shape{2, 3}, TensorOptions{}.withDType(dt));
        for (const Tensor& y : {x + 1.0, 1.0 + x, x - 1.0, 1.0 - x, x * 2.0, 2.0 * x, x / 2.0, 2.0 / x, -x}) {
            QCOMPARE(y.dtype(), dt);
            QCOMPARE(y.shape(), (Shape{2, 3}));
            QVERIFY(!y.requiresGrad());
        }
    }
    // A scalar on a leaf that requires grad gives a gradient to the leaf only.
    Tensor a = f64({3}, Shape{1}, true);
    Tensor y = 2.0 / a + a * 4.0 - 1.0;
    QCOMPARE(y.gradFn()->name(), "SubBackward0");
    y.backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(a.grad(), Shape{1}, {-2.0 / 9.0 + 4.0}, 1e-12, 1e-12));
    // value − alpha·a (torch.rsub(a, 2.0, alpha=3) at a = 3: -7, gradient -3).
    Tensor r = f64({3}, Shape{1}, true);
    const Tensor z = rsub(r, 2.0, 3.0);
    QCOMPARE(z.item(), -7.0);
    z.backward();
    QCOMPARE(r.grad().item(), -3.0);
}

void TestOps::powZeroIsOneEverywhereWithZeroGradient()
{
    Tensor x = f64({0, -3, 5}, Shape{3}, true);
    Tensor y = pow(x, 0.0);
    VERIFY_VALUES(gradcheck::valuesMismatch(y, Shape{3}, {1, 1, 1}));
    QVERIFY(y.requiresGrad());
    QCOMPARE(y.gradFn()->name(), "PowBackward0");
    y.sum().backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{3}, {0, 0, 0}));
}

void TestOps::mseLossGradientsAreOppositeForInputAndTarget()
{
    // d = [0.5, −2, 1.5, −0.25]; d(mean)/d input = 2d/n, d/d target = −2d/n.
    Tensor in = f64({1.0, -1.0, 2.5, 0.0}, Shape{4}, true);
    Tensor tg = f64({0.5, 1.0, 1.0, 0.25}, Shape{4}, true);
    mseLoss(in, tg).backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(in.grad(), Shape{4}, {0.25, -1.0, 0.75, -0.125}));
    VERIFY_VALUES(gradcheck::valuesMismatch(tg.grad(), Shape{4}, {-0.25, 1.0, -0.75, 0.125}));
    // Sum reduction: 2d.
    in.setGrad(Tensor());
    tg.setGrad(Tensor());
    mseLoss(tg, in, Reduction::Sum).backward(); // the tutorial's argument order: loss_fn(y, yhat)
    VERIFY_VALUES(gradcheck::valuesMismatch(in.grad(), Shape{4}, {1.0, -4.0, 3.0, -0.5}));
    VERIFY_VALUES(gradcheck::valuesMismatch(tg.grad(), Shape{4}, {-1.0, 4.0, -3.0, 0.5}));
}

void TestOps::lossesGiveOppositeGradientsToInputAndTarget_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("reduction");
    QTest::addColumn<std::vector<double>>("expectedInputGrad");
    // d = [0.5, −2, 1.5, −0.25], n = 4.
    QTest::newRow("l1 mean") << 1 << 0 << std::vector<double>{0.25, -0.25, 0.25, -0.25};
    QTest::newRow("l1 sum") << 1 << 1 << std::vector<double>{1, -1, 1, -1};
    QTest::newRow("huber mean") << 2 << 0 << std::vector<double>{0.125, -0.25, 0.25, -0.0625};
    QTest::newRow("huber sum") << 2 << 1 << std::vector<double>{0.5, -1, 1, -0.25};
    QTest::newRow("smoothL1 mean") << 3 << 0 << std::vector<double>{0.125, -0.25, 0.25, -0.0625};
    QTest::newRow("smoothL1 sum") << 3 << 1 << std::vector<double>{0.5, -1, 1, -0.25};
}

void TestOps::lossesGiveOppositeGradientsToInputAndTarget()
{
    QFETCH(int, kind);
    QFETCH(int, reduction);
    QFETCH(std::vector<double>, expectedInputGrad);
    Tensor in = f64({1.0, -1.0, 2.5, 0.0}, Shape{4}, true);
    Tensor tg = f64({0.5, 1.0, 1.0, 0.25}, Shape{4}, true);
    const Reduction r = reduction == 0 ? Reduction::Mean : Reduction::Sum;
    Tensor loss = kind == 1 ? l1Loss(in, tg, r) : kind == 2 ? huberLoss(in, tg, r) : smoothL1Loss(in, tg, r);
    loss.backward();
    std::vector<double> negated;
    for (double v : expectedInputGrad)
        negated.push_back(-v);
    VERIFY_VALUES(gradcheck::valuesMismatch(in.grad(), Shape{4}, expectedInputGrad));
    VERIFY_VALUES(gradcheck::valuesMismatch(tg.grad(), Shape{4}, negated));
}

void TestOps::smoothL1WithZeroBetaIsL1()
{
    const Tensor in = f64({1.0, -1.0, 2.5, 0.0}, Shape{4});
    const Tensor tg = f64({0.5, 1.0, 1.0, 0.25}, Shape{4});
    QCOMPARE(smoothL1Loss(in, tg, Reduction::Mean, 0.0).item(), l1Loss(in, tg).item());
    VERIFY_ENGINE_ERROR(smoothL1Loss(in, tg, Reduction::Mean, -1.0), "beta");
    VERIFY_ENGINE_ERROR(huberLoss(in, tg, Reduction::Mean, 0.0), "delta");
}

void TestOps::gradientsAtKinksFollowPyTorch()
{
    // abs'(0) = sign(0) = 0 and relu'(0) = 0, as ATen defines them.
    Tensor x = f64({0, 0}, Shape{2}, true);
    (x.abs() + x.relu()).sum().backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{2}, {0, 0}));

    // x^p at 0: p = 2 and 1.5 give 0, p = 1 gives 1, p = 0.5 (and sqrt) give inf.
    auto powGradAtZero = [](double p) {
        Tensor z = f64({0}, Shape{1}, true);
        z.pow(p).sum().backward();
        return z.grad().item();
    };
    QCOMPARE(powGradAtZero(2.0), 0.0);
    QCOMPARE(powGradAtZero(1.5), 0.0);
    QCOMPARE(powGradAtZero(1.0), 1.0);
    QCOMPARE(powGradAtZero(0.5), INFINITY);
    Tensor z = f64({0}, Shape{1}, true);
    z.sqrt().sum().backward();
    QCOMPARE(z.grad().item(), INFINITY);

    // L1 where input == target: sign(0) = 0 for both.
    Tensor in = f64({1, 2}, Shape{2}, true);
    Tensor tg = f64({1, 2}, Shape{2}, true);
    l1Loss(in, tg).backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(in.grad(), Shape{2}, {0, 0}));
    VERIFY_VALUES(gradcheck::valuesMismatch(tg.grad(), Shape{2}, {0, 0}));

    // smooth_l1_loss with beta = 0 keeps smooth_l1's backward in PyTorch 1.13, whose kink belongs
    // to the lower branch: where input == target both gradients are -1 (the "losses" records of
    // fixtures/torch_reference.json, produced by PyTorch, show it for element 3).
    Tensor in2 = f64({1, 2, 3}, Shape{3}, true);
    Tensor tg2 = f64({1, 2, 0}, Shape{3}, true);
    smoothL1Loss(in2, tg2, Reduction::Sum, 0.0).backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(in2.grad(), Shape{3}, {-1, -1, 1}));
    VERIFY_VALUES(gradcheck::valuesMismatch(tg2.grad(), Shape{3}, {-1, -1, -1}));
}

void TestOps::reluKeepsNaNAndPassesItsGradient_data()
{
    QTest::addColumn<DType>("dtype");
    QTest::addColumn<int>("n");
    // 5 elements: the plain loop; 100 000: the threaded kernels (and lazy fusion of relu(x) * 1).
    for (DType dt : {DType::Float32, DType::Float64})
        for (int n : {5, 100000})
            QTest::newRow((std::string(dtypeName(dt)) + " n=" + std::to_string(n)).c_str()) << dt << n;
}

void TestOps::reluKeepsNaNAndPassesItsGradient()
{
    // torch 1.13: torch.relu(torch.tensor([nan, -0., -1., 0., 2.])) is [nan, -0., 0., 0., 2.] (clamp_min
    // keeps NaN and -0), and backward with ones gives [1, 0, 0, 0, 1] (threshold_backward:
    // result <= 0 ? 0 : grad, so the NaN result passes its gradient); relu(x).sum() is nan.
    QFETCH(DType, dtype);
    QFETCH(int, n);
    std::vector<double> values(static_cast<std::size_t>(n), 2.0);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    values[0] = nan;
    values[1] = -0.0;
    values[2] = -1.0;
    values[3] = 0.0;
    for (bool fused : {false, true}) {
        Tensor x = fromData(values, Shape{n}, TensorOptions{}.withDType(dtype).withRequiresGrad());
        const Tensor y = fused ? relu(x) * 1.0 : relu(x);
        const std::vector<double> out = y.toVector();
        QVERIFY(std::isnan(out[0]));
        QCOMPARE(out[1], 0.0);
        QVERIFY(std::signbit(out[1]));
        QCOMPARE(out[2], 0.0);
        QVERIFY(!std::signbit(out[2]));
        QCOMPARE(out[3], 0.0);
        QCOMPARE(out[4], 2.0);
        QVERIFY(std::isnan(y.sum().item()));
        y.backward(ones(Shape{n}, TensorOptions{}.withDType(dtype)));
        const std::vector<double> g = x.grad().toVector();
        QCOMPARE(g[0], 1.0);
        QCOMPARE(g[1], 0.0);
        QCOMPARE(g[2], 0.0);
        QCOMPARE(g[3], 0.0);
        QCOMPARE(g[4], 1.0);
    }
}

void TestOps::indexSelectAccumulatesGradientsOfRepeatedRows()
{
    Tensor x = f64({1, 2, 3, 4, 5, 6}, Shape{3, 2}, true);
    indexSelect(x, {1, 1, 1, 0}).sum().backward();
    VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{3, 2}, {1, 1, 3, 3, 0, 0}));
}

void TestOps::broadcastGradientsReduceToEachOperandsShape_data()
{
    QTest::addColumn<Shape>("shapeA");
    QTest::addColumn<Shape>("shapeB");
    QTest::newRow("(3,1)+(1,4)") << Shape{3, 1} << Shape{1, 4};
    QTest::newRow("(2,3)*(3)") << Shape{2, 3} << Shape{3};
    QTest::newRow("()*(4,2)") << Shape{} << Shape{4, 2};
    QTest::newRow("(1)*(80,1)") << Shape{1} << Shape{80, 1};
}

void TestOps::broadcastGradientsReduceToEachOperandsShape()
{
    // y = sum(a + b) + sum(a * b): dy/da = count + Σ b over the broadcast, and symmetrically.
    QFETCH(Shape, shapeA);
    QFETCH(Shape, shapeB);
    Tensor a = full(shapeA, 2.0, kF64Grad);
    Tensor b = full(shapeB, 3.0, kF64Grad);
    const Shape out = Shape::broadcast(shapeA, shapeB);
    const double perA = static_cast<double>(out.numel() / shapeA.numel());
    const double perB = static_cast<double>(out.numel() / shapeB.numel());
    (sum(a + b) + sum(a * b) + sum(a - b) + sum(a / b)).backward();
    // d/da: 1 + b + 1 + 1/b per broadcast copy; d/db: 1 + a − 1 − a/b².
    const std::vector<double> ga(static_cast<std::size_t>(shapeA.numel()), perA * (1.0 + 3.0 + 1.0 + 1.0 / 3.0));
    const std::vector<double> gb(static_cast<std::size_t>(shapeB.numel()), perB * (2.0 - 2.0 / 9.0));
    VERIFY_VALUES(gradcheck::valuesMismatch(a.grad(), shapeA, ga, 1e-12, 1e-12));
    VERIFY_VALUES(gradcheck::valuesMismatch(b.grad(), shapeB, gb, 1e-12, 1e-12));
}

void TestOps::linearWithMixedDTypesComputesInFloat64_data()
{
    QTest::addColumn<bool>("input64");
    QTest::addColumn<bool>("weight64");
    QTest::addColumn<bool>("bias64");
    QTest::newRow("float64 bias") << false << false << true;
    QTest::newRow("float64 input") << true << false << false;
    QTest::newRow("float64 weight") << false << true << false;
    QTest::newRow("float64 input and bias") << true << false << true;
}

void TestOps::linearWithMixedDTypesComputesInFloat64()
{
    // float32 meets float64 as float64 (float32 values widened exactly), as in PyTorch's type
    // promotion; the gradients go back to each operand in its own dtype.
    QFETCH(bool, input64);
    QFETCH(bool, weight64);
    QFETCH(bool, bias64);
    auto opts = [](bool is64) {
        return TensorOptions{}.withDType(is64 ? DType::Float64 : DType::Float32).withRequiresGrad();
    };
    Tensor x = fromData({1, 2, 3, 4, 5, 6}, Shape{2, 3}, opts(input64));
    Tensor w = fromData({1, 0, -1, 0.5, 0.5, 0.5}, Shape{2, 3}, opts(weight64));
    Tensor bias = fromData({10, 20}, Shape{2}, opts(bias64));
    const Tensor y = linear(x, w, bias);
    QCOMPARE(y.dtype(), DType::Float64);
    VERIFY_VALUES(gradcheck::valuesMismatch(y, Shape{2, 2}, {8, 23, 8, 27.5}));
    y.sum().backward();
    QCOMPARE(x.grad().dtype(), x.dtype());
    QCOMPARE(w.grad().dtype(), w.dtype());
    QCOMPARE(bias.grad().dtype(), bias.dtype());
    VERIFY_VALUES(gradcheck::valuesMismatch(x.grad(), Shape{2, 3}, {1.5, 0.5, -0.5, 1.5, 0.5, -0.5}));
    VERIFY_VALUES(gradcheck::valuesMismatch(w.grad(), Shape{2, 3}, {5, 7, 9, 5, 7, 9}));
    VERIFY_VALUES(gradcheck::valuesMismatch(bias.grad(), Shape{2}, {2, 2}));
}

namespace {
// x² with a deliberately wrong backward (g·x instead of 2·g·x), to prove gradcheck notices.
struct WrongSquareBackward final : Node {
    Tensor x;
    const char* name() const override { return "WrongSquareBackward"; }
    std::vector<Tensor> apply(const Tensor& g) override { return {g * x}; }
};
Tensor wrongSquare(const Tensor& x)
{
    Tensor out;
    {
        NoGradGuard noGrad;
        out = x * x;
    }
    if (autograd::anyRequiresGrad({&x})) {
        auto node = std::make_shared<WrongSquareBackward>();
        node->x = x.detach();
        autograd::setHistory(out, node, {&x});
    }
    return out;
}
} // namespace

void TestOps::gradcheckRejectsAWrongGradient()
{
    const Tensor x = f64({0.5, 1.5, -2.0}, Shape{3}, true);
    const Tensor y = f64({1.0, 2.0, 3.0}, Shape{3}, true);
    GRADCHECK_VERIFY(gradcheck::gradcheck([](const auto& in) { return in[0] * in[0] + in[1]; }, {x, y}));
    const gradcheck::Result r = gradcheck::gradcheck([](const auto& in) { return wrongSquare(in[0]) + in[1]; }, {y, x});
    QVERIFY(!r.ok);
    QVERIFY2(r.message.find("input 0") != std::string::npos, r.message.c_str());
    QVERIFY2(r.message.find("element 0") != std::string::npos, r.message.c_str());
    QVERIFY2(r.message.find("analytic ") != std::string::npos, r.message.c_str());
    QVERIFY2(r.message.find("numeric ") != std::string::npos, r.message.c_str());
    // The inputs' values are restored.
    VERIFY_VALUES(gradcheck::valuesMismatch(x, Shape{3}, {0.5, 1.5, -2.0}, 0, 0));
    VERIFY_VALUES(gradcheck::valuesMismatch(y, Shape{3}, {1.0, 2.0, 3.0}, 0, 0));
}

void TestOps::mismatchedShapesThrowNamingBothShapes_data()
{
    QTest::addColumn<int>("op");
    QTest::addColumn<Shape>("shapeA");
    QTest::addColumn<Shape>("shapeB");
    const char* names[] = {"add", "sub", "mul", "div", "mseLoss", "l1Loss", "huberLoss", "smoothL1Loss"};
    for (int op = 0; op < 8; ++op) {
        QTest::newRow((std::string(names[op]) + " (2,3) (3,2)").c_str()) << op << Shape{2, 3} << Shape{3, 2};
        QTest::newRow((std::string(names[op]) + " (4) (3)").c_str()) << op << Shape{4} << Shape{3};
    }
    // Losses need equal shapes even where broadcasting would work.
    QTest::newRow("mseLoss (80,1) (80)") << 4 << Shape{80, 1} << Shape{80};
}

void TestOps::mismatchedShapesThrowNamingBothShapes()
{
    QFETCH(int, op);
    QFETCH(Shape, shapeA);
    QFETCH(Shape, shapeB);
    const Tensor a = zeros(shapeA);
    const Tensor b = zeros(shapeB);
    auto run = [&]() {
        switch (op) {
        case 0: return add(a, b);
        case 1: return sub(a, b);
        case 2: return mul(a, b);
        case 3: return div(a, b);
        case 4: return mseLoss(a, b);
        case 5: return l1Loss(a, b);
        case 6: return huberLoss(a, b);
        default: return smoothL1Loss(a, b);
        }
    };
    VERIFY_ENGINE_ERROR(run(), shapeA.bracketStr());
    VERIFY_ENGINE_ERROR(run(), shapeB.bracketStr());
}

void TestOps::matmulInnerMismatchThrows_data()
{
    QTest::addColumn<Shape>("shapeA");
    QTest::addColumn<Shape>("shapeB");
    QTest::newRow("2-D x 2-D") << Shape{2, 3} << Shape{4, 2};
    QTest::newRow("1-D x 2-D") << Shape{3} << Shape{4, 2};
    QTest::newRow("2-D x 1-D") << Shape{2, 3} << Shape{4};
    QTest::newRow("1-D x 1-D") << Shape{3} << Shape{4};
}

void TestOps::matmulInnerMismatchThrows()
{
    QFETCH(Shape, shapeA);
    QFETCH(Shape, shapeB);
    VERIFY_ENGINE_ERROR(matmul(zeros(shapeA), zeros(shapeB)), "cannot be multiplied");
}

void TestOps::indexSelectOutOfRangeThrows_data()
{
    QTest::addColumn<std::vector<std::int64_t>>("indices");
    QTest::newRow("one past the end") << std::vector<std::int64_t>{0, 3};
    QTest::newRow("negative") << std::vector<std::int64_t>{-1};
    QTest::newRow("far out") << std::vector<std::int64_t>{1000000};
}

void TestOps::indexSelectOutOfRangeThrows()
{
    QFETCH(std::vector<std::int64_t>, indices);
    VERIFY_ENGINE_ERROR(indexSelect(zeros(Shape{3, 2}), indices), "out of bounds");
    VERIFY_ENGINE_ERROR(indexSelect(scalarTensor(1.0), {0}), "0-dim");
}

void TestOps::invalidReshapeAndDimsThrow()
{
    const Tensor x = zeros(Shape{2, 3});
    VERIFY_ENGINE_ERROR(reshape(x, Shape{4, 2}), "[4, 2]");
    VERIFY_ENGINE_ERROR(sum(x, 2), "Dimension out of range");
    VERIFY_ENGINE_ERROR(mean(x, -3), "Dimension out of range");
    VERIFY_ENGINE_ERROR(transpose(x, 0, 2), "Dimension out of range");
    VERIFY_ENGINE_ERROR(t(zeros(Shape{2, 2, 2})), "t()");
    VERIFY_ENGINE_ERROR(matmul(zeros(Shape{2, 2, 2}), zeros(Shape{2, 2})), "matmul");
    VERIFY_ENGINE_ERROR(linear(zeros(Shape{2, 3}), zeros(Shape{3}), Tensor()), "weight");
    // The weight has the wrong number of input features.
    VERIFY_ENGINE_ERROR(linear(zeros(Shape{2, 3}), zeros(Shape{5, 4}), zeros(Shape{5})), "cannot be multiplied");
    VERIFY_ENGINE_ERROR(linear(zeros(Shape{2, 3}), zeros(Shape{5, 4}), Tensor()), "cannot be multiplied");
    VERIFY_ENGINE_ERROR(linear(zeros(Shape{2, 3}), zeros(Shape{2, 3}), zeros(Shape{3})), "bias");
}

QTEST_APPLESS_MAIN(TestOps)
#include "tst_ops.moc"
