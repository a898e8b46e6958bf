// A deferred expression (see Storage::pending): what a storage's values will be.
#pragma once

#include "backend.h"

#include <memory>

namespace gradlab {

struct LazyOperand {
    // Same number of elements as the result; or, on CUDA, one element read where it is used
    // (a copy is taken before it is written: see cuda::prepareWrite). Null: `value`.
    std::shared_ptr<TensorImpl> tensor;
    double value = 0.0; // a one-element operand, captured by value (the CPU's way)
};

// Binary and LossGrad are elementwise (numel values). Sum and MulSum reduce `count` values of
// their operands to one (× scalar); LossSum (CUDA only) sums the loss of a against b (scalar: the
// loss parameter; norm: the divisor, n for a mean and 1 for a sum). Pending reductions over the
// same values are computed together, in one pass over the data they read.
struct LazyExpr {
    enum class Kind : std::uint8_t { Binary, LossGrad, Sum, MulSum, LossSum };
    Kind kind = Kind::Binary;
    BinaryOp op = BinaryOp::Add;
    LossKind loss = LossKind::MSE;
    double scalar = 0.0; // Binary: alpha or exponent; LossGrad: the loss parameter (delta, beta)
    double norm = 0.0;   // LossGrad: incoming gradient × reduction scale; LossSum: the divisor
    DType dtype = DType::Float32;
    std::int64_t numel = 0;
    std::int64_t count = 0; // Sum, MulSum: how many values are reduced
    int depth = 1;
    LazyOperand a, b;
    LazyOperand c; // CUDA's LossGrad: the incoming gradient (then `norm` is the reduction's scale)

    // One value from `count` (Sum, MulSum, LossSum), rather than `numel` values.
    bool isReduction() const { return kind == Kind::Sum || kind == Kind::MulSum || kind == Kind::LossSum; }
};

// What an operand refers to: t's data as it is now. A view of its own, so that a tensor given
// other storage later (Module::to) does not change what a deferred value reads.
std::shared_ptr<TensorImpl> operandView(const Tensor& t);

// Σ a (b null) or Σ a·b over a's values, times `scale`.
std::shared_ptr<LazyExpr> sumExpr(const Tensor& a, const Tensor* b, double scale);

// A tensor on `device` whose storage holds e's values once computed; the storages e reads learn
// of it, so that writing into them in place computes it first.
Tensor deferredTensor(std::shared_ptr<LazyExpr> e, const Shape& shape, DType dtype, Device device);

} // namespace gradlab
