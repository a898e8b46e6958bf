// Matrix products: matmul (MmBackward0) and the fused linear layer (AddmmBackward0).
#include "ops_common.h"

namespace gradlab {
namespace {

Tensor mmRaw(const Tensor& a, bool ta, const Tensor& b, bool tb, const Tensor* bias = nullptr)
{
    const std::int64_t m = ta ? a.size(1) : a.size(0);
    const std::int64_t n = tb ? b.size(0) : b.size(1);
    Tensor out = makeTensor(Shape{m, n}, a.dtype(), a.device());
    backendFor(a.device()).matmul(*a.impl(), ta, *b.impl(), tb, *out.impl(), bias ? bias->impl() : nullptr);
    return out;
}

void checkMm(const Tensor& a, const Tensor& b)
{
    if (a.size(1) != b.size(0))
        throw EngineError("mat1 and mat2 shapes cannot be multiplied (" + std::to_string(a.size(0)) + "x"
                          + std::to_string(a.size(1)) + " and " + std::to_string(b.size(0)) + "x"
                          + std::to_string(b.size(1)) + ")");
}

struct MmBackward0 final : Node {
    SavedTensor a, b; // a is saved when b needs a gradient, b when a does
    const char* name() const override { return "MmBackward0"; }
    std::vector<Tensor> apply(const Tensor& g) override
    {
        Tensor ga, gb;
        if (detail::needsGrad(*this, 0))
            ga = mmRaw(g, false, b.unpack(), true);
        if (detail::needsGrad(*this, 1))
            gb = mmRaw(a.unpack(), true, g, false);
        return {ga, gb};
    }
    void releaseVariables() override
    {
        a.release();
        b.release();
    }
};

// bias + input · mat, with mat = weightᵀ (edges: bias, input, mat), as PyTorch's addmm.
struct AddmmBackward0 final : Node {
    SavedTensor input, mat;
    Shape biasShape;
    const char* name() const override { return "AddmmBackward0"; }
    std::vector<Tensor> apply(const Tensor& g) override
    {
        Tensor gBias, gInput, gMat;
        if (detail::needsGrad(*this, 0))
            gBias = autograd::sumToShape(g, biasShape);
        if (detail::needsGrad(*this, 1))
            gInput = mmRaw(g, false, mat.unpack(), true);
        if (detail::needsGrad(*this, 2))
            gMat = mmRaw(input.unpack(), true, g, false);
        return {gBias, gInput, gMat};
    }
    void releaseVariables() override
    {
        input.release();
        mat.release();
    }
};

} // namespace

Tensor matmul(const Tensor& a0, const Tensor& b0)
{
    auto [a, b] = detail::commonOperands(a0, b0, "matmul");
    if (a.dim() == 0 || b.dim() == 0 || a.dim() > 2 || b.dim() > 2)
        throw EngineError("matmul supports 1-D and 2-D operands; got shapes " + a.shape().bracketStr() + " and "
                          + b.shape().bracketStr());
    if (a.dim() == 1 || b.dim() == 1) {
        // Promote vectors to matrices, multiply, and drop the added dimension again.
        const Tensor am = a.dim() == 1 ? a.reshape(Shape{1, a.size(0)}) : a;
        const Tensor bm = b.dim() == 1 ? b.reshape(Shape{b.size(0), 1}) : b;
        Tensor r = matmul(am, bm);
        Shape s;
        if (a.dim() == 2)
            s.push_back(a.size(0));
        if (b.dim() == 2)
            s.push_back(b.size(1));
        return r.reshape(s);
    }
    checkMm(a, b);
    Tensor out = mmRaw(a, false, b, false);
    if (autograd::anyRequiresGrad({&a, &b})) {
        auto node = std::make_shared<MmBackward0>();
        if (b.requiresGrad())
            node->a = SavedTensor(a);
        if (a.requiresGrad())
            node->b = SavedTensor(b);
        autograd::setHistory(out, node, {&a, &b});
    }
    return out;
}

Tensor linear(const Tensor& input, const Tensor& weight, const Tensor& bias)
{
    detail::defined(input, "linear");
    detail::defined(weight, "linear");
    if (weight.dim() != 2)
        throw EngineError("linear: the weight must be 2-D, got shape " + weight.shape().bracketStr());
    if (input.dim() != 2 || !bias.defined())
        return bias.defined() ? add(matmul(input, t(weight)), bias) : matmul(input, t(weight));
    detail::defined(bias, "linear");
    // One dtype for all three: float64 as soon as any of them is.
    const DType dt = input.dtype() == DType::Float64 || weight.dtype() == DType::Float64 || bias.dtype() == DType::Float64
                         ? DType::Float64
                         : DType::Float32;
    const auto [x2, w] = detail::commonOperands(input.to(dt), weight.to(dt), "linear");
    const auto [unused, bv] = detail::commonOperands(x2, bias.to(dt), "linear");
    if (bv.numel() != w.size(0))
        throw EngineError("linear: bias of shape " + bv.shape().bracketStr() + " does not match weight "
                          + w.shape().bracketStr());
    const Tensor wt = t(w);
    checkMm(x2, wt);
    Tensor out = mmRaw(x2, false, wt, false, &bv);
    if (autograd::anyRequiresGrad({&bv, &x2, &wt})) {
        auto node = std::make_shared<AddmmBackward0>();
        node->biasShape = bv.shape();
        if (wt.requiresGrad())
            node->input = SavedTensor(x2);
        if (x2.requiresGrad())
            node->mat = SavedTensor(wt);
        autograd::setHistory(out, node, {&bv, &x2, &wt});
    }
    return out;
}

} // namespace gradlab
