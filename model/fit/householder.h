// Internal to gradlab_fit: the one numerical kernel written by hand.
#pragma once

#include <cstdint>

namespace gradlab::fit::detail {

// Householder QR of the column-major m × w block `a` (leading dimension ld), in place: R is left
// in the upper triangle of its first min(m, w) rows, the reflectors below it. `work` holds w
// doubles; `tau`, when given, receives the min(m, w) reflectors' coefficients (H = I − τvvᵀ).
// (LAPACK's dgeqr2, with the reflector's dot products taken four columns at a time.)
void householderTriangular(double* a, std::int64_t m, std::int64_t w, std::int64_t ld, double* work,
                           double* tau = nullptr);


} // namespace gradlab::fit::detail
