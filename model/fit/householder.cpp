#include "householder.h"

#include <algorithm>
#include <cmath>
#include <limits>

// Eigen's HouseholderQR is generic and, built for baseline x86-64, uses SSE2 only. This kernel is
// small, shares no templates with other translation units, and so can safely be built twice,
// with AVX2/FMA chosen at run time where the processor has them: about twice as fast.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define GRADLAB_FIT_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define GRADLAB_FIT_CLONES
#endif

namespace gradlab::fit::detail {

GRADLAB_FIT_CLONES
void householderTriangular(double* a, std::int64_t m, std::int64_t w, std::int64_t ld, double* work, double* tau)
{
    for (std::int64_t j = 0; j < std::min(m, w); ++j) {
        double* v = a + j * ld;
        double sigma = 0.0;
#pragma omp simd reduction(+ : sigma)
        for (std::int64_t i = j + 1; i < m; ++i)
            sigma += v[i] * v[i];
        const double alpha = v[j];
        double norm = std::sqrt(alpha * alpha + sigma);
        if (!(sigma >= std::numeric_limits<double>::min() && norm <= std::numeric_limits<double>::max())) {
            // Squares underflowed or overflowed (or the column is zero below the diagonal): the
            // norm again, scaled, as LAPACK's dnrm2 would.
            double largest = 0.0;
            for (std::int64_t i = j + 1; i < m; ++i)
                largest = std::max(largest, std::abs(v[i]));
            if (largest == 0.0) {
                if (tau != nullptr)
                    tau[j] = 0.0;
                continue; // already triangular in this column: the reflector is the identity
            }
            largest = std::max(largest, std::abs(alpha));
            double scaled = 0.0;
            for (std::int64_t i = j; i < m; ++i)
                scaled += (v[i] / largest) * (v[i] / largest);
            norm = largest * std::sqrt(scaled);
        }
        const double beta = -std::copysign(norm, alpha);
        const double scale = 1.0 / (alpha - beta);
#pragma omp simd
        for (std::int64_t i = j + 1; i < m; ++i)
            v[i] *= scale;
        const double t = (beta - alpha) / beta;
        if (tau != nullptr)
            tau[j] = t;
        v[j] = beta;
        // Four independent sums at a time keep the floating-point units busy.
        for (std::int64_t c = j + 1; c < w; c += 4) {
            const std::int64_t count = std::min<std::int64_t>(4, w - c);
            const double* p0 = a + c * ld;
            const double* p1 = a + (c + std::min<std::int64_t>(1, count - 1)) * ld;
            const double* p2 = a + (c + std::min<std::int64_t>(2, count - 1)) * ld;
            const double* p3 = a + (c + std::min<std::int64_t>(3, count - 1)) * ld;
            double s0 = p0[j], s1 = p1[j], s2 = p2[j], s3 = p3[j];
#pragma omp simd reduction(+ : s0, s1, s2, s3)
            for (std::int64_t i = j + 1; i < m; ++i) {
                s0 += v[i] * p0[i];
                s1 += v[i] * p1[i];
                s2 += v[i] * p2[i];
                s3 += v[i] * p3[i];
            }
            const double sums[4] = {s0, s1, s2, s3};
            for (std::int64_t u = 0; u < count; ++u)
                work[c + u] = t * sums[u];
        }
        for (std::int64_t c = j + 1; c < w; ++c) {
            double* p = a + c * ld;
            const double s = work[c];
            p[j] -= s;
#pragma omp simd
            for (std::int64_t i = j + 1; i < m; ++i)
                p[i] -= s * v[i];
        }
    }
}

} // namespace gradlab::fit::detail
