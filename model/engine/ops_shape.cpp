// Shape operations: reshape (a view), transpose, and the row gather that makes mini-batches.
#include "ops_common.h"

namespace gradlab {
namespace {

struct ViewBackward0 final : Node {
    Shape inShape;
    const char* name() const override { return "ViewBackward0"; }
    std::vector<Tensor> apply(const Tensor& g) override { return {g.reshape(inShape)}; }
};

struct TransposeBackward final : Node {
    const char* opName;
    int d0, d1;
    const char* name() const override { return opName; }
    std::vector<Tensor> apply(const Tensor& g) override
    {
        Shape s = g.shape();
        std::swap(s[d0], s[d1]);
        Tensor out = makeTensor(s, g.dtype(), g.device());
        backendFor(g.device()).transpose(*g.impl(), d0, d1, *out.impl());
        return {out};
    }
};

struct IndexSelectBackward0 final : Node {
    Shape inShape;
    std::vector<std::int64_t> indices;
    const char* name() const override { return "IndexSelectBackward0"; }
    std::vector<Tensor> apply(const Tensor& g) override
    {
        Tensor out = zeros(inShape, TensorOptions{}.withDType(g.dtype()).withDevice(g.device()));
        backendFor(g.device()).indexAdd(*out.impl(), indices, *g.impl());
        return {out};
    }
};

Tensor transposeImpl(const Tensor& a, int dim0, int dim1, const char* nodeName)
{
    const Shape& s = a.shape();
    Shape os = s;
    std::swap(os[dim0], os[dim1]);
    Tensor out = makeTensor(os, a.dtype(), a.device());
    backendFor(a.device()).transpose(*a.impl(), dim0, dim1, *out.impl());
    if (autograd::anyRequiresGrad({&a})) {
        auto node = std::make_shared<TransposeBackward>();
        node->opName = nodeName;
        node->d0 = dim0;
        node->d1 = dim1;
        autograd::setHistory(out, node, {&a});
    }
    return out;
}

} // namespace

Tensor reshape(const Tensor& a, const Shape& shape)
{
    detail::defined(a, "reshape");
    if (shape.numel() != a.numel())
        throw EngineError("shape '" + shape.bracketStr() + "' is invalid for input of size " + std::to_string(a.numel()));
    auto impl = std::make_shared<TensorImpl>();
    impl->storage = a.impl()->storage;
    impl->offset = a.impl()->offset;
    impl->shape = shape;
    impl->dtype = a.dtype();
    impl->viewBase = a.impl()->viewBase.expired() ? a.implPtr() : a.impl()->viewBase;
    Tensor out(std::move(impl));
    if (autograd::anyRequiresGrad({&a})) {
        auto node = std::make_shared<ViewBackward0>();
        node->inShape = a.shape();
        autograd::setHistory(out, node, {&a});
    }
    return out;
}

Tensor transpose(const Tensor& a, int dim0, int dim1)
{
    detail::defined(a, "transpose");
    if (a.dim() < 2) {
        a.shape().wrapDim(dim0);
        a.shape().wrapDim(dim1);
        return a;
    }
    return transposeImpl(a, a.shape().wrapDim(dim0), a.shape().wrapDim(dim1), "TransposeBackward0");
}

Tensor t(const Tensor& a)
{
    detail::defined(a, "t");
    if (a.dim() > 2)
        throw EngineError("t() expects a tensor with <= 2 dimensions, but self is " + std::to_string(a.dim()) + "D");
    if (a.dim() < 2)
        return a;
    return transposeImpl(a, 0, 1, "TBackward0");
}

Tensor indexSelect(const Tensor& a, const std::vector<std::int64_t>& indices)
{
    detail::defined(a, "index_select");
    if (a.dim() == 0)
        throw EngineError("index_select() cannot be applied to a 0-dim tensor.");
    const std::int64_t rows = a.size(0);
    for (std::int64_t i : indices)
        if (i < 0 || i >= rows)
            throw EngineError("index " + std::to_string(i) + " is out of bounds for dimension 0 with size "
                              + std::to_string(rows));
    Shape os = a.shape();
    os[0] = static_cast<std::int64_t>(indices.size());
    Tensor out = makeTensor(os, a.dtype(), a.device());
    backendFor(a.device()).indexSelect(*a.impl(), indices, *out.impl());
    if (autograd::anyRequiresGrad({&a})) {
        auto node = std::make_shared<IndexSelectBackward0>();
        node->inShape = a.shape();
        node->indices = indices;
        autograd::setHistory(out, node, {&a});
    }
    return out;
}

} // namespace gradlab
