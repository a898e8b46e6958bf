// Host-side dispatch from run-time values (dtype, loss kind, binary op) to the compile-time
// arguments of the kernels in kernel_math.h; shared by the CPU and CUDA kernel tables.
#pragma once

#include "kernel_math.h"
#include "types.h"

#include <type_traits>

namespace gradlab {

// Calls f(float{}) or f(double{}).
template <typename F> void dispatch(DType dtype, F&& f)
{
    if (dtype == DType::Float32)
        f(float{});
    else
        f(double{});
}

// Calls f with std::integral_constant<LossKind, kind>.
template <typename F> void dispatchLoss(LossKind kind, F&& f)
{
    switch (kind) {
    case LossKind::MSE: return f(std::integral_constant<LossKind, LossKind::MSE>{});
    case LossKind::L1: return f(std::integral_constant<LossKind, LossKind::L1>{});
    case LossKind::Huber: return f(std::integral_constant<LossKind, LossKind::Huber>{});
    case LossKind::SmoothL1: return f(std::integral_constant<LossKind, LossKind::SmoothL1>{});
    }
}

// Calls f with std::integral_constant<BinaryOp, op>.
template <typename F> void dispatchBinary(BinaryOp op, F&& f)
{
    switch (op) {
    case BinaryOp::Add: return f(std::integral_constant<BinaryOp, BinaryOp::Add>{});
    case BinaryOp::Sub: return f(std::integral_constant<BinaryOp, BinaryOp::Sub>{});
    case BinaryOp::Mul: return f(std::integral_constant<BinaryOp, BinaryOp::Mul>{});
    case BinaryOp::Div: return f(std::integral_constant<BinaryOp, BinaryOp::Div>{});
    case BinaryOp::ReluGrad: return f(std::integral_constant<BinaryOp, BinaryOp::ReluGrad>{});
    case BinaryOp::TanhGrad: return f(std::integral_constant<BinaryOp, BinaryOp::TanhGrad>{});
    case BinaryOp::SigmoidGrad: return f(std::integral_constant<BinaryOp, BinaryOp::SigmoidGrad>{});
    case BinaryOp::SqrtGrad: return f(std::integral_constant<BinaryOp, BinaryOp::SqrtGrad>{});
    case BinaryOp::AbsGrad: return f(std::integral_constant<BinaryOp, BinaryOp::AbsGrad>{});
    case BinaryOp::PowGrad: return f(std::integral_constant<BinaryOp, BinaryOp::PowGrad>{});
    }
}

} // namespace gradlab
