// The tutorial's synthetic data, drawn from NumPy's legacy random stream so that a seed gives the
// same rows as the tutorial's Python. With one feature:
//
//     np.random.seed(seed)
//     x = x_min + (x_max - x_min) * np.random.rand(n, 1)
//     y = a + b * x + noise * np.random.randn(n, 1)
//
// and with k features (weights w1..wk):
//
//     np.random.seed(seed)
//     x = x_min + (x_max - x_min) * np.random.rand(n, k)
//     y = a + x @ w + noise * np.random.randn(n, 1)
//
// For the range [0, 1) the scaling is exact (0 + 1 * r == r), so the defaults are the tutorial's
// `x = np.random.rand(100, 1); y = 1 + 2 * x + .1 * np.random.randn(100, 1)` bit for bit.
// x @ w is summed left to right (x1*w1 + x2*w2 + ...); NumPy hands `@` to BLAS, whose order and
// fused multiply-adds can differ from that by an ulp for k > 1.
#pragma once

#include "dataset.h"
#include "numpy_random.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace gradlab::data {

struct SyntheticConfig {
    std::int64_t n = 100;         // rows, ≥ 1
    double a = 1.0;               // intercept w0
    double b = 2.0;               // slope, used when there is one feature and `weights` is empty
    double noise = 0.1;           // σ ≥ 0
    double xMin = 0.0;            // x uniform on [xMin, xMax)
    double xMax = 1.0;
    std::int64_t features = 1;    // k ≥ 1
    std::vector<double> weights;  // w1..wk: exactly k values, or empty for one feature (then {b})
    std::int64_t seed = 42;       // 0 … 2**32 - 1, as np.random.seed accepts
};

// Throws std::invalid_argument naming the first bad field ("n", "noise", "xMin/xMax", ...).
void validate(const SyntheticConfig& config);

// The weights w1..wk that `config` stands for (b for the one-feature form).
std::vector<double> effectiveWeights(const SyntheticConfig& config);

struct SyntheticData {
    Dataset dataset; // features "x" (k = 1) or "x1".."xk"; target "y"
    RandomState stream; // where generation left the stream: the tutorial's split continues it
};

// Told how many of the random values are drawn so far, of how many; returning false stops the
// generation (a user cancelling a large dataset).
using SyntheticProgress = std::function<bool(std::uint64_t done, std::uint64_t total)>;

// The data of `config`, after validate(config). Throws std::invalid_argument, naming the settings,
// when a value overflows although every setting is finite (a = b = 1e308).
SyntheticData generateSynthetic(const SyntheticConfig& config);

// The same, reporting progress every million values or so; std::nullopt when `progress` returned
// false. The rows do not depend on whether progress is asked for.
std::optional<SyntheticData> generateSynthetic(const SyntheticConfig& config, const SyntheticProgress& progress);

} // namespace gradlab::data
