// Elementwise operations: each op's forward and its backward node side by side.
#include "ops_common.h"

namespace gradlab {

using detail::binaryRaw;
using detail::mulSumTo;
using detail::needsGrad;
using detail::scaleRaw;
using detail::unaryRaw;
using autograd::sumToShape;

namespace {

// ---- add / sub: a ± alpha·b --------------------------------------------------------------
struct AddSubBackward final : Node {
    const char* opName;
    Shape aShape, bShape;
    double bFactor; // +alpha for add, −alpha for sub
    const char* name() const override { return opName; }
    std::vector<Tensor> apply(const Tensor& g) override
    {
        Tensor ga, gb;
        if (needsGrad(*this, 0))
            ga = sumToShape(g, aShape);
        if (needsGrad(*this, 1)) {
            gb = sumToShape(g, bShape);
            if (bFactor != 1.0)
                gb = scaleRaw(gb, bFactor);
        }
        return {ga, gb};
    }
};

Tensor addSub(const Tensor& a0, const Tensor& b0, double alpha, bool subtract)
{
    auto [a, b] = detail::commonOperands(a0, b0, subtract ? "sub" : "add");
    Tensor out = binaryRaw(subtract ? BinaryOp::Sub : BinaryOp::Add, a, b, alpha);
    if (autograd::anyRequiresGrad({&a, &b})) {
        auto node = std::make_shared<AddSubBackward>();
        node->opName = subtract ? "SubBackward0" : "AddBackward0";
        node->aShape = a.shape();
        node->bShape = b.shape();
        node->bFactor = subtract ? -alpha : alpha;
        autograd::setHistory(out, node, {&a, &b});
    }
    return out;
}

// ---- rsub: value − alpha·a, a scalar minus a tensor (one input, as torch.rsub) --------------------
struct RsubBackward1 final : Node {
    double alpha = 1.0;
    const char* name() const override { return "RsubBackward1"; }
    std::vector<Tensor> apply(const Tensor& g) override { return {scaleRaw(g, -alpha)}; }
};

// ---- mul -----------------------------------------------------------------------------------
struct MulBackward0 final : Node {
    SavedTensor a, b; // a is saved when b needs a gradient, b when a does
    Shape aShape, bShape;
    const char* name() const override { return "MulBackward0"; }
    std::vector<Tensor> apply(const Tensor& g) override
    {
        Tensor ga, gb;
        if (needsGrad(*this, 0))
            ga = mulSumTo(g, b.unpack(), aShape);
        if (needsGrad(*this, 1))
            gb = mulSumTo(g, a.unpack(), bShape);
        return {ga, gb};
    }
    void releaseVariables() override
    {
        a.release();
        b.release();
    }
};

// ---- div -----------------------------------------------------------------------------------
struct DivBackward0 final : Node {
    SavedTensor a, b;
    const char* name() const override { return "DivBackward0"; }
    std::vector<Tensor> apply(const Tensor& g) override
    {
        Tensor ga, gb;
        const Tensor& bv = b.unpack();
        if (needsGrad(*this, 0))
            ga = sumToShape(binaryRaw(BinaryOp::Div, g, bv), a.unpack().shape());
        if (needsGrad(*this, 1)) {
            // −g·a / b²
            const Tensor& av = a.unpack();
            Tensor num = binaryRaw(BinaryOp::Mul, g, av);
            Tensor q = binaryRaw(BinaryOp::Div, binaryRaw(BinaryOp::Div, num, bv), bv);
            gb = scaleRaw(sumToShape(q, bv.shape()), -1.0);
        }
        return {ga, gb};
    }
    void releaseVariables() override
    {
        a.release();
        b.release();
    }
};

// ---- unary ops whose backward is one fused kernel on a saved value ---------------------------
struct UnaryBackward final : Node {
    const char* opName;
    BinaryOp gradOp;
    SavedTensor saved;
    double scalar = 0.0;
    const char* name() const override { return opName; }
    std::vector<Tensor> apply(const Tensor& g) override { return {binaryRaw(gradOp, g, saved.unpack(), scalar)}; }
    void releaseVariables() override { saved.release(); }
};

// `savesOutput`: the backward formula is written in terms of the result (exp, sqrt, tanh, ...).
Tensor unaryOp(const Tensor& a, UnaryOp op, double p, const char* nodeName, BinaryOp gradOp, bool savesOutput,
               double gradScalar = 0.0)
{
    detail::defined(a, nodeName);
    Tensor out = unaryRaw(op, a, p);
    if (autograd::anyRequiresGrad({&a})) {
        auto node = std::make_shared<UnaryBackward>();
        node->opName = nodeName;
        node->gradOp = gradOp;
        node->scalar = gradScalar;
        if (!savesOutput)
            node->saved = SavedTensor(a);
        autograd::setHistory(out, node, {&a});
        if (savesOutput) // saved after setHistory, so that an error message can name this node
            node->saved = SavedTensor(out, true);
    }
    return out;
}

struct NegBackward0 final : Node {
    const char* name() const override { return "NegBackward0"; }
    std::vector<Tensor> apply(const Tensor& g) override { return {unaryRaw(UnaryOp::Neg, g)}; }
};

struct PowBackwardZero final : Node {
    const char* name() const override { return "PowBackward0"; }
    std::vector<Tensor> apply(const Tensor& g) override { return {scaleRaw(g, 0.0)}; }
};

} // namespace

Tensor add(const Tensor& a, const Tensor& b, double alpha) { return addSub(a, b, alpha, false); }
Tensor sub(const Tensor& a, const Tensor& b, double alpha) { return addSub(a, b, alpha, true); }

Tensor rsub(const Tensor& a, double value, double alpha)
{
    detail::defined(a, "rsub");
    const Tensor s = scalarTensor(value, TensorOptions{}.withDType(a.dtype()).withDevice(a.device()));
    Tensor out = binaryRaw(BinaryOp::Sub, s, a, alpha); // out has a's shape
    if (autograd::anyRequiresGrad({&a})) {
        auto node = std::make_shared<RsubBackward1>();
        node->alpha = alpha;
        autograd::setHistory(out, node, {&a});
    }
    return out;
}

Tensor mul(const Tensor& a0, const Tensor& b0)
{
    auto [a, b] = detail::commonOperands(a0, b0, "mul");
    Tensor out = binaryRaw(BinaryOp::Mul, a, b);
    if (autograd::anyRequiresGrad({&a, &b})) {
        auto node = std::make_shared<MulBackward0>();
        node->aShape = a.shape();
        node->bShape = b.shape();
        if (b.requiresGrad())
            node->a = SavedTensor(a);
        if (a.requiresGrad())
            node->b = SavedTensor(b);
        autograd::setHistory(out, node, {&a, &b});
    }
    return out;
}

Tensor div(const Tensor& a0, const Tensor& b0)
{
    auto [a, b] = detail::commonOperands(a0, b0, "div");
    Tensor out = binaryRaw(BinaryOp::Div, a, b);
    if (autograd::anyRequiresGrad({&a, &b})) {
        auto node = std::make_shared<DivBackward0>();
        node->a = SavedTensor(a);
        node->b = SavedTensor(b);
        autograd::setHistory(out, node, {&a, &b});
    }
    return out;
}

Tensor neg(const Tensor& a)
{
    detail::defined(a, "neg");
    Tensor out = unaryRaw(UnaryOp::Neg, a);
    if (autograd::anyRequiresGrad({&a}))
        autograd::setHistory(out, std::make_shared<NegBackward0>(), {&a});
    return out;
}

Tensor pow(const Tensor& a, double exponent)
{
    if (exponent == 0.0) {
        detail::defined(a, "pow");
        Tensor out = full(a.shape(), 1.0, TensorOptions{}.withDType(a.dtype()).withDevice(a.device()));
        if (autograd::anyRequiresGrad({&a}))
            autograd::setHistory(out, std::make_shared<PowBackwardZero>(), {&a});
        return out;
    }
    return unaryOp(a, UnaryOp::Pow, exponent, "PowBackward0", BinaryOp::PowGrad, false, exponent);
}

Tensor exp(const Tensor& a) { return unaryOp(a, UnaryOp::Exp, 0, "ExpBackward0", BinaryOp::Mul, true); }
Tensor log(const Tensor& a) { return unaryOp(a, UnaryOp::Log, 0, "LogBackward0", BinaryOp::Div, false); }
Tensor sqrt(const Tensor& a) { return unaryOp(a, UnaryOp::Sqrt, 0, "SqrtBackward0", BinaryOp::SqrtGrad, true); }
Tensor abs(const Tensor& a) { return unaryOp(a, UnaryOp::Abs, 0, "AbsBackward0", BinaryOp::AbsGrad, false); }
Tensor relu(const Tensor& a) { return unaryOp(a, UnaryOp::Relu, 0, "ReluBackward0", BinaryOp::ReluGrad, true); }
Tensor tanh(const Tensor& a) { return unaryOp(a, UnaryOp::Tanh, 0, "TanhBackward0", BinaryOp::TanhGrad, true); }
Tensor sigmoid(const Tensor& a) { return unaryOp(a, UnaryOp::Sigmoid, 0, "SigmoidBackward0", BinaryOp::SigmoidGrad, true); }

} // namespace gradlab
