#include "design.h"

#include "householder.h"

#include <omp.h>

#include <algorithm>
#include <cmath>

namespace gradlab::fit::detail {
namespace {

// R factors stacked into one QR while reducing the blocks' factors to one.
constexpr std::int64_t kGroup = 32;

data::Message columnLabel(const Design& design, std::int64_t column)
{
    if (column == design.columns())
        return fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "the target"));
    data::Message name = data::Message::arg("'" + featureName(design.data, design.degree > 1 ? 0 : column - 1) + "'");
    if (design.degree > 1 && column > 1)
        return fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "%1 to the power %2 (it overflows)"),
                          {std::move(name), data::Message::arg(column)});
    return name;
}

// Only called once the factor has come out not finite, so a plain scan is fine.
[[noreturn]] void reportNonFinite(const Design& design)
{
    const std::int64_t w = design.columns() + 1;
    std::vector<double> row(static_cast<std::size_t>(w));
    for (std::int64_t i = 0; i < design.data.used(); ++i) {
        design.gather(i, 1, row.data(), 1);
        for (std::int64_t j = 0; j < w; ++j) {
            const double v = row[static_cast<std::size_t>(j)];
            if (!std::isfinite(v))
                throw FitError(fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "row index %1, %2: the value is %3; least "
                                                                            "squares needs finite numbers (remove or fill "
                                                                            "in that row)"),
                                          {data::Message::arg(design.source(i)), columnLabel(design, j),
                                           data::Message::arg(std::isnan(v) ? "NaN" : (v > 0 ? "+infinity" : "-infinity"))}));
        }
    }
    throw FitError(fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "the values are too large for least squares in double "
                                                                "precision (their squares overflow); rescale the data")));
}

// Columns per panel of the blocked QR; blocks up to twice as wide are factored unblocked.
constexpr std::int64_t kPanel = 32;
// Trailing columns per task when a panel's reflectors are applied.
constexpr std::int64_t kSlice = 128;

// householderTriangular, blocked for wide blocks (LAPACK's dgeqrf): each panel of kPanel columns
// is factored by householderTriangular, and its reflectors are then applied to all the columns
// right of it at once, as I − V·T·Vᵀ with matrix products, instead of one reflector at a time
// (which reads the whole trailing block once per column).
void blockedTriangular(double* a, std::int64_t m, std::int64_t w, std::int64_t ld, double* work)
{
    const std::int64_t steps = std::min(m, w);
    if (w <= 2 * kPanel) {
        householderTriangular(a, m, w, ld, work);
        return;
    }
    using Strided = Eigen::Map<Eigen::MatrixXd, 0, Eigen::OuterStride<>>;
    double tau[kPanel];
    Eigen::MatrixXd t(kPanel, kPanel), v;
    for (std::int64_t j = 0; j < steps; j += kPanel) {
        const std::int64_t b = std::min(kPanel, steps - j);
        const std::int64_t rows = m - j;
        double* panel = a + j * ld + j;
        if (j + b >= w) { // the last columns: nothing right of them to update
            householderTriangular(panel, rows, w - j, ld, work);
            break;
        }
        householderTriangular(panel, rows, b, ld, work, tau);
        // V, unit lower trapezoidal, and T upper triangular with Q = H₀⋯H_{b−1} = I − V·T·Vᵀ (dlarft).
        v = Strided(panel, rows, b, Eigen::OuterStride<>(ld)).triangularView<Eigen::UnitLower>();
        for (std::int64_t i = 0; i < b; ++i) {
            t(i, i) = tau[i];
            if (i == 0)
                continue;
            const Eigen::VectorXd s = -tau[i] * (v.leftCols(i).transpose() * v.col(i));
            t.col(i).head(i).noalias() = t.topLeftCorner(i, i).triangularView<Eigen::Upper>() * s;
        }
        // Qᵀ·C = C − V·Tᵀ·(Vᵀ·C) for the trailing columns C, in fixed slices of columns shared
        // among the threads: each slice's products are the same whichever thread (and however
        // many) computes them, so the result does not depend on the number of threads.
        const std::int64_t trailing = w - j - b;
        const std::int64_t slices = (trailing + kSlice - 1) / kSlice;
        const auto tt = t.topLeftCorner(b, b).triangularView<Eigen::Upper>().transpose();
        auto update = [&](std::int64_t s) {
            const std::int64_t first = s * kSlice;
            Strided c(panel + (b + first) * ld, rows, std::min(kSlice, trailing - first), Eigen::OuterStride<>(ld));
            Eigen::MatrixXd vc = v.transpose() * c;
            vc = tt * vc;
            c.noalias() -= v * vc;
        };
        // Eigen computes a product serially inside a team of threads, but splits it among the
        // threads, with a blocking that depends on their number, where it sees none: in a nested
        // (inactive) region, say. So the slices run in this team when there is one, else in a new one.
        if (omp_in_parallel()) {
            for (std::int64_t s = 0; s < slices; ++s)
                update(s);
        } else {
            std::exception_ptr failure;
#pragma omp parallel for schedule(dynamic, 1)
            for (std::int64_t s = 0; s < slices; ++s)
                captured(failure, [&] { update(s); });
            if (failure)
                std::rethrow_exception(failure);
        }
    }
}

// Overwrites the m × w column-major `a` with its QR and writes R, zero-padded to w × w, to `out`
// (leading dimension outLd).
void triangularFactor(double* a, std::int64_t m, std::int64_t w, std::int64_t ld, double* out, std::int64_t outLd,
                      double* work)
{
    blockedTriangular(a, m, w, ld, work);
    for (std::int64_t c = 0; c < w; ++c)
        for (std::int64_t r = 0; r < w; ++r)
            out[c * outLd + r] = r <= c && r < m ? a[c * ld + r] : 0.0;
}

} // namespace

std::string featureName(const DataView& data, std::int64_t feature)
{
    if (!data.featureNames.empty())
        return data.featureNames[static_cast<std::size_t>(feature)];
    std::string name = "x";
    if (data.features > 1)
        name += std::to_string(feature + 1); // appended: g++ 12 misreports "x" + std::string (-Wrestrict)
    return name;
}

void Design::gather(std::int64_t first, std::int64_t m, double* a, std::int64_t ld) const
{
    const std::int64_t k = data.features;
    const std::int64_t p = columns();
    std::fill(a, a + m, 1.0);
    // Column by column: the rows being read stay in cache, the block's columns are written in order.
    if (degree > 1) {
        for (std::int64_t i = 0; i < m; ++i)
            a[ld + i] = data.x[source(first + i)];
        for (std::int64_t d = 2; d <= degree; ++d)
            for (std::int64_t i = 0; i < m; ++i)
                a[d * ld + i] = a[(d - 1) * ld + i] * a[ld + i];
    } else if (data.pick.empty()) {
        const double* x = data.x + first * k;
        for (std::int64_t j = 0; j < k; ++j)
            for (std::int64_t i = 0; i < m; ++i)
                a[(j + 1) * ld + i] = x[i * k + j];
    } else {
        for (std::int64_t j = 0; j < k; ++j)
            for (std::int64_t i = 0; i < m; ++i)
                a[(j + 1) * ld + i] = data.x[source(first + i) * k + j];
    }
    for (std::int64_t i = 0; i < m; ++i)
        a[p * ld + i] = data.y[source(first + i)];
}

void Design::row(std::int64_t i, double* d) const
{
    const double* x = data.x + source(i) * data.features;
    d[0] = 1.0;
    if (degree > 1) {
        for (int p = 1; p <= degree; ++p)
            d[p] = d[p - 1] * x[0];
        return;
    }
    for (std::int64_t j = 0; j < data.features; ++j)
        d[j + 1] = x[j];
}

double Design::dot(std::int64_t i, const double* beta) const
{
    const double* x = data.x + source(i) * data.features;
    if (degree > 1) {
        double sum = beta[degree];
        for (int d = degree - 1; d >= 0; --d)
            sum = sum * x[0] + beta[d];
        return sum;
    }
    double sum = beta[0];
    for (std::int64_t j = 0; j < data.features; ++j)
        sum += beta[j + 1] * x[j];
    return sum;
}

void checkPick(const DataView& data)
{
    for (std::size_t i = 0; i < data.pick.size(); ++i) {
        const std::int64_t r = data.pick[i];
        if (r < 0 || r >= data.rows)
            throw FitError("picked row " + std::to_string(i) + " is row " + std::to_string(r)
                           + ", outside the data's " + std::to_string(data.rows) + " rows");
    }
}

// A tall-skinny QR: each block of rows is reduced to its R factor independently (in parallel,
// reading the caller's data once), then the stacked factors are reduced again. Householder QR
// keeps the accuracy that forming XᵀX would lose, and y rides along as the last column so that
// Qᵀy and the residual norm come out of the same pass. The intercept column (all ones) carries
// every value into R's first row, so a NaN or infinity anywhere shows up in the factor.
Eigen::MatrixXd augmentedTriangularFactor(const Design& design)
{
    const std::int64_t n = design.data.used();
    const std::int64_t w = design.columns() + 1;
    // Blocks of a wide design are taller: reducing two stacked w × w factors costs about as much
    // as factoring 2w rows, so rows are taken at least 4w at a time.
    const std::int64_t blockRows = std::max(kBlockRows, 4 * w);
    const std::int64_t blocks = (n + blockRows - 1) / blockRows;
    Eigen::MatrixXd factors(blocks * w, w);
    std::exception_ptr failure;
#pragma omp parallel if (blocks > 1)
    {
        const std::int64_t ld = std::min(blockRows, n);
        std::vector<double> a, work;
        captured(failure, [&] {
            a.resize(static_cast<std::size_t>(ld * w));
            work.resize(static_cast<std::size_t>(w));
        });
        // Every thread meets the loop (its barrier waits for all); one without its buffers does nothing.
#pragma omp for schedule(dynamic, 1)
        for (std::int64_t b = 0; b < blocks; ++b) {
            if (work.empty())
                continue;
            captured(failure, [&] {
                const std::int64_t first = b * blockRows;
                const std::int64_t m = std::min(blockRows, n - first);
                design.gather(first, m, a.data(), ld);
                triangularFactor(a.data(), m, w, ld, factors.data() + b * w, factors.rows(), work.data());
            });
        }
    }
    if (failure)
        std::rethrow_exception(failure);
    while (factors.rows() > w) {
        const std::int64_t count = factors.rows() / w;
        const std::int64_t groups = (count + kGroup - 1) / kGroup;
        Eigen::MatrixXd next(groups * w, w);
#pragma omp parallel for if (groups > 1) schedule(dynamic, 1)
        for (std::int64_t g = 0; g < groups; ++g) {
            captured(failure, [&] {
                const std::int64_t members = std::min(kGroup, count - g * kGroup);
                Eigen::MatrixXd stack = factors.middleRows(g * kGroup * w, members * w);
                std::vector<double> work(static_cast<std::size_t>(w));
                triangularFactor(stack.data(), stack.rows(), w, stack.rows(), next.data() + g * w, next.rows(),
                                 work.data());
            });
        }
        if (failure)
            std::rethrow_exception(failure);
        factors.swap(next);
    }
    if (!factors.allFinite())
        reportNonFinite(design);
    return factors;
}

} // namespace gradlab::fit::detail
