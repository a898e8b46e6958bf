// Heteroskedasticity-robust covariances (statsmodels' HC0–HC3) and the normal Q–Q plot of the
// studentized residuals: both from one pass over the rows fitted, reusing the fit's factor
// (XᵀX)⁺ = F·Fᵀ, so that nothing is fitted again. With uᵢ = Fᵀdᵢ, the leverage is hᵢᵢ = ‖uᵢ‖²
// (the hat matrix's diagonal, without forming it; a projection also where the design is
// rank-deficient) and the sandwich is F·(Σ ωᵢ uᵢuᵢᵀ)·Fᵀ.
#include "least_squares.h"

#include "design.h"
#include "statistics.h"

#include <boost/math/distributions/normal.hpp>

#include <Eigen/Core>

#if defined(__GLIBCXX__)
#include <parallel/algorithm>
#endif

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

namespace gradlab::fit {
namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;
using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// A leverage this close to 1 is 1 up to rounding: the fit passes through that row.
constexpr double kLeverageOne = 1e-10;

struct Factor {
    Index p = 0, k = 0;
    MatrixXd f; // p × k
};

Factor factorOf(const FitResult& fit)
{
    Factor out;
    out.p = static_cast<Index>(fit.coefficients.size());
    out.k = out.p > 0 ? static_cast<Index>(fit.covarianceFactor.size()) / out.p : 0;
    if (out.k == 0 || static_cast<std::size_t>(out.p * out.k) != fit.covarianceFactor.size())
        throw FitError("the fit has no covariance factor");
    out.f = Eigen::Map<const RowMajor>(fit.covarianceFactor.data(), out.p, out.k);
    return out;
}

void checkData(const FitResult& fit, const DataView& data)
{
    if (data.features != fit.features || data.used() != fit.observations || data.y == nullptr
        || (data.features > 0 && data.x == nullptr))
        throw FitError("the data is not the rows the fit was fitted on");
    detail::checkPick(data);
}

// Calls body(first, m, residuals, leverages, u) for consecutive blocks of the rows fitted, u the
// m × k block of the uᵢ, in the order of the rows.
template <typename Body>
void forEachBlock(const FitResult& fit, const DataView& data, const Factor& factor, std::int64_t first, std::int64_t end,
                  Body&& body)
{
    const detail::Design design{data, fit.degree};
    const VectorXd beta = Eigen::Map<const VectorXd>(fit.estimates().data(), factor.p);
    MatrixXd block;
    for (std::int64_t start = first; start < end; start += detail::kBlockRows) {
        const std::int64_t m = std::min(detail::kBlockRows, end - start);
        block.resize(m, factor.p + 1);
        design.gather(start, m, block.data(), m);
        const VectorXd e = block.col(factor.p) - block.leftCols(factor.p) * beta;
        const MatrixXd u = block.leftCols(factor.p) * factor.f;
        const VectorXd h = u.rowwise().squaredNorm();
        body(start, m, e, h, u);
    }
}

} // namespace

const char* covarianceTypeName(CovarianceType type)
{
    switch (type) {
    case CovarianceType::HC0: return "hc0";
    case CovarianceType::HC1: return "hc1";
    case CovarianceType::HC2: return "hc2";
    case CovarianceType::HC3: return "hc3";
    case CovarianceType::Classical: break;
    }
    return "classical";
}

std::optional<CovarianceType> covarianceTypeFrom(const std::string& name)
{
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "nonrobust")
        return CovarianceType::Classical;
    for (CovarianceType t : kCovarianceTypes)
        if (lower == covarianceTypeName(t))
            return t;
    return std::nullopt;
}

void computeSandwich(FitResult& fit, const DataView& data)
{
    checkData(fit, data);
    const Factor factor = factorOf(fit);
    const std::int64_t n = fit.observations;
    const Index k = factor.k;
    // Partial sums over a fixed number of chunks of whole blocks, added in order: the result does
    // not depend on the number of threads. Fewer chunks for large k, to bound their memory.
    const std::int64_t blocks = (n + detail::kBlockRows - 1) / detail::kBlockRows;
    const std::int64_t budget = std::max<std::int64_t>(1, (std::int64_t{64} << 20) / (3 * 8 * k * k));
    const std::int64_t chunks = std::max<std::int64_t>(1, std::min({blocks, std::int64_t{64}, budget}));
    const std::int64_t perChunk = (blocks + chunks - 1) / chunks;
    std::vector<MatrixXd> g0(static_cast<std::size_t>(chunks)), g2(g0.size()), g3(g0.size());
    std::vector<std::int64_t> ones(g0.size(), 0);
    std::exception_ptr failure;
    // Always in a team, also for few rows: outside one, Eigen would split the products among the threads
    // with a blocking, and so a rounding, that depends on their number.
#pragma omp parallel for schedule(static)
    for (std::int64_t c = 0; c < chunks; ++c) {
        detail::captured(failure, [&] {
            const auto i = static_cast<std::size_t>(c);
            g0[i] = g2[i] = g3[i] = MatrixXd::Zero(k, k);
            MatrixXd scaled;
            const std::int64_t first = std::min(n, c * perChunk * detail::kBlockRows);
            const std::int64_t end = std::min(n, (c + 1) * perChunk * detail::kBlockRows);
            forEachBlock(fit, data, factor, first, end, [&](std::int64_t, std::int64_t m, const VectorXd& e, const VectorXd& h, const MatrixXd& u) {
                // Σ ωᵢ uᵢuᵢᵀ as (√ω ⊙ U)ᵀ(√ω ⊙ U): a symmetric rank update, half a product.
                VectorXd s0(m), s2(m), s3(m);
                for (Index r = 0; r < m; ++r) {
                    const double a = std::abs(e(r)), rest = 1.0 - h(r);
                    s0(r) = a;
                    if (rest <= kLeverageOne) {
                        ++ones[i];
                        s2(r) = s3(r) = 0.0; // unused: HC2 and HC3 are undefined
                    } else {
                        s2(r) = a / std::sqrt(rest);
                        s3(r) = a / rest;
                    }
                }
                scaled.resize(m, k);
                scaled.noalias() = s0.asDiagonal() * u;
                g0[i].selfadjointView<Eigen::Lower>().rankUpdate(scaled.transpose());
                scaled.noalias() = s2.asDiagonal() * u;
                g2[i].selfadjointView<Eigen::Lower>().rankUpdate(scaled.transpose());
                scaled.noalias() = s3.asDiagonal() * u;
                g3[i].selfadjointView<Eigen::Lower>().rankUpdate(scaled.transpose());
            });
        });
    }
    if (failure)
        std::rethrow_exception(failure);
    MatrixXd s0 = MatrixXd::Zero(k, k), s2 = s0, s3 = s0;
    auto out = std::make_shared<Sandwich>();
    out->k = k;
    for (std::size_t i = 0; i < g0.size(); ++i) {
        for (MatrixXd* g : {&g0[i], &g2[i], &g3[i]}) // the rank updates filled the lower triangles
            g->triangularView<Eigen::StrictlyUpper>() = g->transpose();
        s0 += g0[i];
        s2 += g2[i];
        s3 += g3[i];
        out->leverageOne += ones[i];
    }
    const auto keep = [k](const MatrixXd& m) {
        std::vector<double> v(static_cast<std::size_t>(k * k));
        Eigen::Map<RowMajor>(v.data(), k, k) = m;
        return v;
    };
    out->hc0 = keep(s0);
    if (out->leverageOne == 0) {
        out->hc2 = keep(s2);
        out->hc3 = keep(s3);
    }
    fit.sandwich = std::move(out);
}

void setCovarianceType(FitResult& fit, CovarianceType type)
{
    const Factor factor = factorOf(fit);
    if (type == CovarianceType::Classical) {
        MatrixXd unscaled = MatrixXd::Zero(factor.p, factor.p);
        unscaled.selfadjointView<Eigen::Lower>().rankUpdate(factor.f);
        unscaled.triangularView<Eigen::StrictlyUpper>() = unscaled.transpose();
        detail::fillClassicalInference(fit, unscaled);
        return;
    }
    if (!fit.sandwich || fit.sandwich->k != factor.k)
        throw FitError("the fit has no sandwich for a robust covariance: computeSandwich first");
    const Sandwich& s = *fit.sandwich;
    fit.covarianceType = type;
    fit.covarianceUndefined.reset();
    MatrixXd meat;
    if (type == CovarianceType::HC2 || type == CovarianceType::HC3) {
        if (s.leverageOne > 0) {
            fit.covarianceUndefined =
                s.leverageOne == 1
                    ? fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "one of the rows fitted has leverage 1 (the fit passes through it whatever "
                                                                   "its target), so HC2 and HC3, which divide by 1 − leverage, are undefined; "
                                                                   "HC0 and HC1 are not"))
                    : fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "%1 of the rows fitted have leverage 1 (the fit passes through them "
                                                                   "whatever their target), so HC2 and HC3, which divide by 1 − leverage, "
                                                                   "are undefined; HC0 and HC1 are not"),
                                 {data::Message::arg(s.leverageOne)});
            meat = MatrixXd::Constant(factor.k, factor.k, kNaN);
        } else {
            meat = Eigen::Map<const RowMajor>((type == CovarianceType::HC2 ? s.hc2 : s.hc3).data(), factor.k, factor.k);
        }
    } else {
        meat = Eigen::Map<const RowMajor>(s.hc0.data(), factor.k, factor.k);
        if (type == CovarianceType::HC1)
            meat *= static_cast<double>(fit.observations) / fit.dfResidual;
    }
    if (!(fit.dfResidual > 0.0)) {
        meat.setConstant(kNaN);
        fit.covarianceUndefined = fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "there are no residual degrees of freedom"));
    }
    fit.meat.resize(static_cast<std::size_t>(factor.k * factor.k));
    Eigen::Map<RowMajor>(fit.meat.data(), factor.k, factor.k) = meat;
    const MatrixXd covariance = factor.f * meat * factor.f.transpose();
    detail::fillRobustInference(fit, covariance);
    detail::fillIntervals(fit);
}

NormalQQ normalQQ(const FitResult& fit, const DataView& data, std::int64_t maxPoints)
{
    checkData(fit, data);
    if (maxPoints < 2)
        throw FitError("a Q–Q plot shows at least 2 points");
    if (!(fit.dfResidual > 0.0))
        throw FitError(fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "there are no residual degrees of freedom, so the "
                                                                    "residuals are all zero")));
    if (fit.exact)
        throw FitError(fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "the fit is exact: the residuals are zero up to rounding")));
    const Factor factor = factorOf(fit);
    const double sigma = fit.residualStandardError;
    NormalQQ out;
    // In parallel over fixed chunks of whole blocks; a row of leverage 1 is marked NaN and dropped.
    const std::int64_t n0 = fit.observations;
    std::vector<double> r(static_cast<std::size_t>(n0));
    const std::int64_t blocks = (n0 + detail::kBlockRows - 1) / detail::kBlockRows;
    std::exception_ptr failure;
#pragma omp parallel for schedule(static) // in a team, as computeSandwich
    for (std::int64_t b = 0; b < blocks; ++b)
        detail::captured(failure, [&] {
            forEachBlock(fit, data, factor, b * detail::kBlockRows, std::min(n0, (b + 1) * detail::kBlockRows),
                         [&](std::int64_t first, std::int64_t m, const VectorXd& e, const VectorXd& h, const MatrixXd&) {
                             for (Index i = 0; i < m; ++i) {
                                 const double rest = 1.0 - h(i);
                                 r[static_cast<std::size_t>(first + i)] = rest <= kLeverageOne ? kNaN : e(i) / (sigma * std::sqrt(rest));
                             }
                         });
        });
    if (failure)
        std::rethrow_exception(failure);
    r.erase(std::remove_if(r.begin(), r.end(), [](double v) { return std::isnan(v); }), r.end());
    out.leftOut = n0 - static_cast<std::int64_t>(r.size());
    // libstdc++'s parallel mode (OpenMP): the sort is most of the work on large data. Elsewhere
    // (libc++, MSVC) the standard sort, which gives the same order.
#if defined(__GLIBCXX__)
    __gnu_parallel::sort(r.begin(), r.end());
#else
    std::sort(r.begin(), r.end());
#endif
    const auto n = static_cast<std::int64_t>(r.size());
    out.total = n;
    if (n < 2)
        throw FitError(fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "there are fewer than 2 residuals")));
    // scipy.stats.probplot's plotting positions (Filliben's): the extremes 1 − 0.5^(1/n) and 0.5^(1/n),
    // (i − 0.3175)/(n + 0.365) between them.
    const double nd = static_cast<double>(n);
    const double top = std::pow(0.5, 1.0 / nd);
    // Without promotion to long double: several times faster, still accurate to a few ulps.
    using Policy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
    const boost::math::normal_distribution<double, Policy> normal;
    const auto quantile = [&](std::int64_t i) { // i from 0
        const double position = i == 0 ? 1.0 - top : i == n - 1 ? top : (static_cast<double>(i + 1) - 0.3175) / (nd + 0.365);
        return boost::math::quantile(normal, position);
    };
    std::vector<double> q(r.size());
#pragma omp parallel for if (n > 4 * detail::kBlockRows) schedule(static)
    for (std::int64_t i = 0; i < n; ++i)
        q[static_cast<std::size_t>(i)] = quantile(i);
    // The least-squares line through all the points, as probplot(fit=True) (scipy.stats.linregress).
    double mx = 0.0, my = 0.0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        mx += q[i];
        my += r[i];
    }
    mx /= nd;
    my /= nd;
    double sxx = 0.0, sxy = 0.0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        sxx += (q[i] - mx) * (q[i] - mx);
        sxy += (q[i] - mx) * (r[i] - my);
    }
    out.slope = sxy / sxx;
    out.intercept = my - out.slope * mx;
    // Evenly spaced order statistics, the first and the last among them.
    const std::int64_t shown = std::min(n, maxPoints);
    out.theoretical.reserve(static_cast<std::size_t>(shown));
    out.sample.reserve(static_cast<std::size_t>(shown));
    for (std::int64_t j = 0; j < shown; ++j) {
        const auto i = static_cast<std::size_t>(shown == n ? j : (j * (n - 1) + (shown - 1) / 2) / (shown - 1));
        out.theoretical.push_back(q[i]);
        out.sample.push_back(r[i]);
    }
    return out;
}

} // namespace gradlab::fit
