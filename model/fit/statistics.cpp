#include "statistics.h"

#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <Eigen/SVD>

#include <cmath>
#include <limits>
#include <numbers>

namespace gradlab::fit::detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Two-sided p-value of t; Boost refuses non-finite arguments, which have obvious answers.
double twoSided(const boost::math::students_t& distribution, double t)
{
    if (std::isnan(t))
        return kNaN;
    if (std::isinf(t))
        return 0.0;
    return 2.0 * boost::math::cdf(boost::math::complement(distribution, std::abs(t)));
}

} // namespace

void fillStatistics(FitResult& fit, const Eigen::MatrixXd& unscaled, double yy)
{
    const double n = static_cast<double>(fit.observations);
    const double rank = static_cast<double>(fit.rank);
    fit.dfResidual = n - rank;
    fit.dfModel = rank - 1.0;
    const bool dof = fit.dfResidual > 0.0;
    if (!dof)
        fit.warnings.push_back(fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "there are no residual degrees of freedom "
                                                                            "(observations %1, independent columns %2): "
                                                                            "the standard errors, t statistics, p-values, "
                                                                            "confidence intervals, adjusted R², residual "
                                                                            "standard error and F test are undefined (NaN)"),
                                          {data::Message::arg(fit.observations), data::Message::arg(fit.rank)}));
    // Rounding leaves residuals of about ε‖y‖; below a margin above that the fit is exact (or,
    // for the spread about the mean, the target constant).
    const double roundingRss = std::pow(1e3 * std::numeric_limits<double>::epsilon(), 2) * yy;
    fit.exact = dof && fit.rss <= roundingRss;
    if (fit.exact)
        fit.warnings.push_back(fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "the fit is exact: the residuals are zero up "
                                                                            "to rounding, so the standard errors measure "
                                                                            "only rounding and the t statistics and "
                                                                            "p-values mean nothing")));
    const double sigma2 = dof ? fit.rss / fit.dfResidual : kNaN;
    fit.residualStandardError = std::sqrt(sigma2);

    if (fit.tss > roundingRss) {
        fit.rSquared = 1.0 - fit.rss / fit.tss;
    } else {
        fit.rSquared = kNaN;
        fit.warnings.push_back(fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "the target is constant, so R² (the share of "
                                                                            "its variation explained) is undefined")));
    }
    fit.adjustedRSquared = dof ? 1.0 - (n - 1.0) / fit.dfResidual * (1.0 - fit.rSquared) : kNaN;

    fit.logLikelihood = -0.5 * n * (std::log(2.0 * std::numbers::pi * fit.rss / n) + 1.0);
    fit.aic = -2.0 * fit.logLikelihood + 2.0 * rank;
    fit.bic = -2.0 * fit.logLikelihood + std::log(n) * rank;

    fillClassicalInference(fit, unscaled);
}

void fillClassicalInference(FitResult& fit, const Eigen::MatrixXd& unscaled)
{
    const bool dof = fit.dfResidual > 0.0;
    const double sigma2 = dof ? fit.rss / fit.dfResidual : kNaN;
    fit.covarianceType = CovarianceType::Classical;
    fit.meat.clear();
    fit.covarianceUndefined.reset();
    fit.fStatistic = kNaN;
    fit.fPValue = kNaN;
    fit.fDfNumerator = fit.dfModel;
    if (dof && fit.dfModel > 0.0) {
        fit.fStatistic = (fit.tss - fit.rss) / fit.dfModel / sigma2;
        if (std::isinf(fit.fStatistic))
            fit.fPValue = 0.0;
        else if (std::isfinite(fit.fStatistic))
            fit.fPValue = boost::math::cdf(boost::math::complement(
                boost::math::fisher_f(fit.dfModel, fit.dfResidual), std::max(fit.fStatistic, 0.0)));
    }

    const Eigen::Index p = unscaled.rows();
    fit.covariance.resize(static_cast<std::size_t>(p * p));
    Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(fit.covariance.data(), p, p)
        = sigma2 * unscaled;

    const boost::math::students_t distribution(dof ? fit.dfResidual : 1.0);
    for (Eigen::Index j = 0; j < p; ++j) {
        Coefficient& c = fit.coefficients[static_cast<std::size_t>(j)];
        c.standardError = std::sqrt(sigma2 * unscaled(j, j));
        c.tValue = c.estimate / c.standardError;
        c.pValue = dof ? twoSided(distribution, c.tValue) : kNaN;
    }
    fillIntervals(fit);
}

void fillRobustInference(FitResult& fit, const Eigen::MatrixXd& covariance)
{
    const bool dof = fit.dfResidual > 0.0;
    const Eigen::Index p = covariance.rows();
    fit.covariance.resize(static_cast<std::size_t>(p * p));
    Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(fit.covariance.data(), p, p) = covariance;
    // statsmodels' robust results default to use_t=False: z statistics and the normal distribution.
    const boost::math::normal normal;
    for (Eigen::Index j = 0; j < p; ++j) {
        Coefficient& c = fit.coefficients[static_cast<std::size_t>(j)];
        c.standardError = dof ? std::sqrt(covariance(j, j)) : kNaN;
        c.tValue = c.estimate / c.standardError;
        if (std::isnan(c.tValue))
            c.pValue = kNaN;
        else
            c.pValue = std::isinf(c.tValue) ? 0.0 : 2.0 * boost::math::cdf(boost::math::complement(normal, std::abs(c.tValue)));
    }
    // statsmodels' fvalue for a robust covariance: the Wald statistic of every slope being zero,
    // β'ᵀ pinv(V') β' over J = rank(V') (numpy's matrix_rank), with V' the slopes' covariance, and
    // its p-value from F(J, residual dof).
    fit.fStatistic = kNaN;
    fit.fPValue = kNaN;
    fit.fDfNumerator = kNaN;
    if (!dof || p < 2 || !covariance.allFinite())
        return;
    const Eigen::MatrixXd slopes = covariance.bottomRightCorner(p - 1, p - 1);
    Eigen::VectorXd beta(p - 1);
    for (Eigen::Index j = 1; j < p; ++j)
        beta(j - 1) = fit.coefficients[static_cast<std::size_t>(j)].estimate;
    const Eigen::JacobiSVD<Eigen::MatrixXd> svd(slopes, Eigen::ComputeThinU | Eigen::ComputeThinV);
    const Eigen::VectorXd sv = svd.singularValues();
    const double largest = sv.size() > 0 ? sv(0) : 0.0;
    if (!(largest > 0.0))
        return;
    const double rankTolerance = largest * static_cast<double>(p - 1) * std::numeric_limits<double>::epsilon();
    const double pinvCutoff = 1e-15 * largest; // numpy.linalg.pinv's rcond
    const Eigen::VectorXd left = svd.matrixU().transpose() * beta, right = svd.matrixV().transpose() * beta;
    double wald = 0.0, rank = 0.0;
    for (Eigen::Index i = 0; i < sv.size(); ++i) {
        if (sv(i) > pinvCutoff)
            wald += left(i) * right(i) / sv(i);
        if (sv(i) > rankTolerance)
            rank += 1.0;
    }
    fit.fDfNumerator = rank;
    fit.fStatistic = wald / rank;
    if (std::isinf(fit.fStatistic))
        fit.fPValue = 0.0;
    else if (std::isfinite(fit.fStatistic))
        fit.fPValue = boost::math::cdf(boost::math::complement(boost::math::fisher_f(rank, fit.dfResidual), std::max(fit.fStatistic, 0.0)));
}

void fillIntervals(FitResult& fit)
{
    const bool dof = fit.dfResidual > 0.0;
    const double tail = 0.5 * (1.0 - fit.confidenceLevel);
    const boost::math::students_t distribution(dof ? fit.dfResidual : 1.0);
    const double quantile = !dof ? kNaN
                            : fit.covarianceType == CovarianceType::Classical
                                ? boost::math::quantile(boost::math::complement(distribution, tail))
                                : boost::math::quantile(boost::math::complement(boost::math::normal(), tail));
    fit.criticalT = quantile;
    for (Coefficient& c : fit.coefficients) {
        c.lower = c.estimate - quantile * c.standardError;
        c.upper = c.estimate + quantile * c.standardError;
    }
}

} // namespace gradlab::fit::detail
