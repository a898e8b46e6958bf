// Internal helpers shared by the op files: raw kernel calls without autograd, and the checks
// every op makes on its operands.
#pragma once

#include "autograd.h"
#include "backend.h"
#include "ops.h"

namespace gradlab::detail {

inline const Tensor& defined(const Tensor& t, const char* op)
{
    if (!t.defined())
        throw EngineError(std::string(op) + ": an operand is an undefined tensor (for example a .grad that was never computed)");
    return t;
}

// The result dtype of two operands by PyTorch's promotion (torch.result_type): a 0-dim tensor does
// not lift a tensor with dimensions (float32 [2] with a float64 0-dim is float32); two 0-dim
// tensors, or two with dimensions, meet as float64 when either is.
inline DType promotedDType(const Tensor& a, const Tensor& b)
{
    if (a.dtype() == b.dtype())
        return a.dtype();
    if ((a.dim() == 0) != (b.dim() == 0))
        return a.dim() == 0 ? b.dtype() : a.dtype();
    return DType::Float64;
}

// Two operands on one device, converted to promotedDType (the conversion's backward returns each
// operand's gradient in its own dtype).
inline std::pair<Tensor, Tensor> commonOperands(const Tensor& a, const Tensor& b, const char* op)
{
    defined(a, op);
    defined(b, op);
    if (a.device() != b.device())
        throw EngineError(std::string(op) + ": Expected all tensors to be on the same device, but found at least two devices, "
                          + a.device().str() + " and " + b.device().str() + "!");
    if (a.dtype() == b.dtype())
        return {a, b};
    const DType dt = promotedDType(a, b);
    return {a.to(dt), b.to(dt)};
}

inline Tensor unaryRaw(UnaryOp op, const Tensor& a, double p = 0.0)
{
    Tensor out = makeTensor(a.shape(), a.dtype(), a.device());
    backendFor(a.device()).unary(op, *a.impl(), *out.impl(), p);
    return out;
}

inline Tensor binaryRaw(BinaryOp op, const Tensor& a, const Tensor& b, double s = 1.0)
{
    const Shape shape = Shape::broadcast(a.shape(), b.shape());
    Backend& backend = backendFor(a.device());
    if (Tensor deferred = backend.deferBinary(op, a, b, shape, s); deferred.defined())
        return deferred;
    Tensor out = makeTensor(shape, a.dtype(), a.device());
    backend.binary(op, *a.impl(), *b.impl(), *out.impl(), s);
    return out;
}

inline Tensor scaleRaw(const Tensor& a, double s)
{
    Tensor out = makeTensor(a.shape(), a.dtype(), a.device());
    backendFor(a.device()).scale(*a.impl(), *out.impl(), s);
    return out;
}

// sumToShape(g · other, target) without the intermediate when it reduces to one element.
inline Tensor mulSumTo(const Tensor& g, const Tensor& other, const Shape& target)
{
    if (target.numel() == 1 && g.shape() == other.shape()) {
        Backend& backend = backendFor(g.device());
        if (Tensor deferred = backend.deferSum(g, &other, target, 1.0); deferred.defined())
            return deferred;
        Tensor out = makeTensor(target, g.dtype(), g.device());
        backend.mulSum(*g.impl(), *other.impl(), *out.impl(), 1.0);
        return out;
    }
    return autograd::sumToShape(binaryRaw(BinaryOp::Mul, g, other), target);
}

inline bool needsGrad(const Node& n, std::size_t i)
{
    return i < n.nextEdges().size() && n.nextEdges()[i].valid();
}

} // namespace gradlab::detail
