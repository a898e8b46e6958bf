// The parameter block of a fused CUDA kernel (cuda_fusion.cu), as the host fills it and as the
// kernel, compiled at run time by NVRTC from this same text, reads it.
#pragma once

namespace gradlab {

struct FusedParams {
    static constexpr int kMaxInputs = 32;
    static constexpr int kMaxConstants = 32;
    static constexpr int kMaxOutputs = 8;
    const void* in[kMaxInputs];  // the tensors the expression reads, by position
    void* out[kMaxOutputs];      // an elementwise result, or one element per reduction
    double c[kMaxConstants];     // scalars: captured one-element operands, alphas, loss parameters
    double scale[kMaxOutputs];   // a reduction's factor
    double divisor[kMaxOutputs]; // and its divisor (a mean's count; 1 otherwise)
    double* partial;             // reductions: one sum per block and output
    long long n;                 // values per operand
    int blocks;                  // reductions: how many blocks wrote partial sums
};

} // namespace gradlab
