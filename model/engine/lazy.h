// A deferred elementwise expression (see Storage::pending): what a CPU storage's values will be.
#pragma once

#include "backend.h"

#include <memory>

namespace gradlab {

struct LazyOperand {
    std::shared_ptr<TensorImpl> tensor; // same number of elements as the result, or null
    double value = 0.0;                 // a one-element operand, captured by value
};

struct LazyExpr {
    enum class Kind : std::uint8_t { Binary, LossGrad };
    Kind kind = Kind::Binary;
    BinaryOp op = BinaryOp::Add;
    LossKind loss = LossKind::MSE;
    double scalar = 0.0; // Binary: alpha or exponent; LossGrad: the loss parameter (delta, beta)
    double norm = 0.0;   // LossGrad: incoming gradient × reduction scale
    DType dtype = DType::Float32;
    std::int64_t numel = 0;
    int depth = 1;
    LazyOperand a, b;
};

} // namespace gradlab
