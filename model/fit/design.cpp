#include "design.h"

#include "householder.h"

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

// Overwrites the m × w column-major `a` with its QR and writes R, zero-padded to w × w, to `out`
// (leading dimension outLd).
void triangularFactor(double* a, std::int64_t m, std::int64_t w, std::int64_t ld, double* out, std::int64_t outLd,
                      double* work)
{
    householderTriangular(a, m, w, ld, work);
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
    const std::int64_t blocks = (n + kBlockRows - 1) / kBlockRows;
    Eigen::MatrixXd factors(blocks * w, w);
#pragma omp parallel if (blocks > 1)
    {
        std::vector<double> a(static_cast<std::size_t>(kBlockRows * w)), work(static_cast<std::size_t>(w));
#pragma omp for schedule(dynamic, 1)
        for (std::int64_t b = 0; b < blocks; ++b) {
            const std::int64_t first = b * kBlockRows;
            const std::int64_t m = std::min(kBlockRows, n - first);
            design.gather(first, m, a.data(), kBlockRows);
            triangularFactor(a.data(), m, w, kBlockRows, factors.data() + b * w, factors.rows(), work.data());
        }
    }
    while (factors.rows() > w) {
        const std::int64_t count = factors.rows() / w;
        const std::int64_t groups = (count + kGroup - 1) / kGroup;
        Eigen::MatrixXd next(groups * w, w);
#pragma omp parallel for if (groups > 1) schedule(dynamic, 1)
        for (std::int64_t g = 0; g < groups; ++g) {
            const std::int64_t members = std::min(kGroup, count - g * kGroup);
            Eigen::MatrixXd stack = factors.middleRows(g * kGroup * w, members * w);
            std::vector<double> work(static_cast<std::size_t>(w));
            triangularFactor(stack.data(), stack.rows(), w, stack.rows(), next.data() + g * w, next.rows(),
                             work.data());
        }
        factors.swap(next);
    }
    if (!factors.allFinite())
        reportNonFinite(design);
    return factors;
}

} // namespace gradlab::fit::detail
