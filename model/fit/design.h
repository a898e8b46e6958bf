// Internal to gradlab_fit: the design matrix [1, x…] read in blocks from a DataView, and its
// triangular factor by a tall-skinny QR.
#pragma once

#include "least_squares.h"

#include <Eigen/Core>

#include <exception>

namespace gradlab::fit::detail {

// Runs `body`, keeping the first exception any thread throws (running out of memory, say) in
// `failure`: an exception must not leave an OpenMP region, where it would end the program, so the
// caller rethrows it once the region is over.
template <typename Body>
void captured(std::exception_ptr& failure, Body&& body) noexcept
{
    try {
        body();
    } catch (...) {
#pragma omp critical(gradlab_fit_captured)
        if (!failure)
            failure = std::current_exception();
    }
}

// Rows are processed in fixed blocks so that results do not depend on the number of threads.
inline constexpr std::int64_t kBlockRows = 2048;

struct Design {
    const DataView& data;
    int degree;

    std::int64_t columns() const { return 1 + (degree > 1 ? degree : data.features); }
    std::int64_t source(std::int64_t i) const { return data.pick.empty() ? i : data.pick[static_cast<std::size_t>(i)]; }
    // Used rows first … first+m−1 as a column-major block (leading dimension ld): the design's
    // columns, intercept first, then y.
    void gather(std::int64_t first, std::int64_t m, double* a, std::int64_t ld) const;
    double dot(std::int64_t i, const double* beta) const;
    // Used row i of the design (columns() values, intercept first) into `d`.
    void row(std::int64_t i, double* d) const;
};

// The feature's name as the caller gave it, or x1, x2, … (x when there is only one).
std::string featureName(const DataView& data, std::int64_t feature);

// R (upper triangular, (p+1)×(p+1)) of the QR of [design, y]. Throws FitError naming the first
// value that is not finite.
Eigen::MatrixXd augmentedTriangularFactor(const Design& design);

// Checks the picked row indices; throws FitError naming the first one out of range.
void checkPick(const DataView& data);

} // namespace gradlab::fit::detail
