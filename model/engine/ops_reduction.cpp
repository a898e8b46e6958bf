// Reductions: sum and mean, over everything or along one dimension.
#include "ops_common.h"

namespace gradlab {
namespace {

Tensor expandTo(const Tensor& g, const Shape& shape)
{
    Tensor out = makeTensor(shape, g.dtype(), g.device());
    backendFor(g.device()).expand(*g.impl(), *out.impl());
    return out;
}

// The shape with `dim` kept as 1.
Shape keptShape(const Shape& s, int dim)
{
    Shape k = s;
    if (k.ndim() > 0)
        k[dim] = 1;
    return k;
}

Shape droppedShape(const Shape& s, int dim)
{
    Shape d;
    for (int i = 0; i < s.ndim(); ++i)
        if (i != dim)
            d.push_back(s[i]);
    return d;
}

// Sum (scale 1) or mean (scale 1/n) of everything, or along `dim` (dim < 0: everything).
struct ReduceBackward final : Node {
    const char* opName;
    Shape inShape, keepShape; // keepShape: the gradient's shape with the reduced dimension as 1
    double scale;
    const char* name() const override { return opName; }
    std::vector<Tensor> apply(const Tensor& g) override
    {
        Tensor gk = g.shape() == keepShape ? g : g.reshape(keepShape);
        if (scale != 1.0)
            gk = detail::scaleRaw(gk, scale);
        return {expandTo(gk, inShape)};
    }
};

Tensor reduce(const Tensor& a, int dim, bool keepdim, bool mean, const char* nodeName)
{
    detail::defined(a, nodeName);
    const bool all = dim == INT32_MIN;
    const Shape& s = a.shape();
    int d = all ? 0 : s.wrapDim(dim);
    const Shape keep = all ? Shape{} : (s.ndim() == 0 ? Shape{} : keptShape(s, d));
    const std::int64_t count = all ? s.numel() : (s.ndim() == 0 ? 1 : s[d]);
    const double scale = mean ? 1.0 / static_cast<double>(count) : 1.0;
    Tensor out = makeTensor(keep, a.dtype(), a.device());
    backendFor(a.device()).sumTo(*a.impl(), *out.impl(), scale);
    if (!all && !keepdim && s.ndim() > 0) {
        // A view of the kept-shape result without the reduced dimension.
        out.impl()->shape = droppedShape(s, d);
    }
    if (autograd::anyRequiresGrad({&a})) {
        auto node = std::make_shared<ReduceBackward>();
        node->opName = nodeName;
        node->inShape = s;
        node->keepShape = all ? Shape{} : keep;
        node->scale = scale;
        autograd::setHistory(out, node, {&a});
    }
    return out;
}

} // namespace

Tensor sum(const Tensor& a) { return reduce(a, INT32_MIN, false, false, "SumBackward0"); }
Tensor sum(const Tensor& a, int dim, bool keepdim) { return reduce(a, dim, keepdim, false, "SumBackward1"); }
Tensor mean(const Tensor& a) { return reduce(a, INT32_MIN, false, true, "MeanBackward0"); }
Tensor mean(const Tensor& a, int dim, bool keepdim) { return reduce(a, dim, keepdim, true, "MeanBackward1"); }

} // namespace gradlab
