// The differentiable operations. Each records its backward node (named as PyTorch names it) when
// grad mode is on and an input requires grad. Binary elementwise ops broadcast as NumPy does.
#pragma once

#include "tensor.h"

#include <cstdint>
#include <vector>

namespace gradlab {

enum class Reduction : std::uint8_t { Mean, Sum };

// Elementwise (ops_elementwise.cpp).
Tensor add(const Tensor& a, const Tensor& b, double alpha = 1.0);
Tensor sub(const Tensor& a, const Tensor& b, double alpha = 1.0);
// value − alpha·a (torch.rsub with a number; what `value - a` records: RsubBackward1).
Tensor rsub(const Tensor& a, double value, double alpha = 1.0);
Tensor mul(const Tensor& a, const Tensor& b);
Tensor div(const Tensor& a, const Tensor& b);
Tensor neg(const Tensor& a);
Tensor pow(const Tensor& a, double exponent);
Tensor exp(const Tensor& a);
Tensor log(const Tensor& a);
Tensor sqrt(const Tensor& a);
Tensor abs(const Tensor& a);
Tensor relu(const Tensor& a);
Tensor tanh(const Tensor& a);
Tensor sigmoid(const Tensor& a);

// Reductions (ops_reduction.cpp).
Tensor sum(const Tensor& a);
Tensor sum(const Tensor& a, int dim, bool keepdim = false);
Tensor mean(const Tensor& a);
Tensor mean(const Tensor& a, int dim, bool keepdim = false);

// Linear algebra (ops_linalg.cpp). matmul follows torch.matmul for 1-D and 2-D operands.
Tensor matmul(const Tensor& a, const Tensor& b);
// bias + input · weightᵀ, as torch.nn.functional.linear (AddmmBackward0 for 2-D input).
Tensor linear(const Tensor& input, const Tensor& weight, const Tensor& bias);

// Shape (ops_shape.cpp).
Tensor reshape(const Tensor& a, const Shape& shape);
Tensor transpose(const Tensor& a, int dim0, int dim1);
Tensor t(const Tensor& a);
// Rows of `a` (dimension 0) picked by `indices`: the mini-batch gather.
Tensor indexSelect(const Tensor& a, const std::vector<std::int64_t>& indices);

// Losses (ops_loss.cpp), as torch.nn.functional: the input and the target may both require grad.
Tensor mseLoss(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::Mean);
Tensor l1Loss(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::Mean);
Tensor huberLoss(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::Mean,
                 double delta = 1.0);
Tensor smoothL1Loss(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::Mean,
                    double beta = 1.0);

} // namespace gradlab
