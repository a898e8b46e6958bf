#include "least_squares.h"

#include "data/dataset.h"
#include "design.h"
#include "ordered_qr.h"
#include "statistics.h"

#include <Eigen/QR>
#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <optional>

namespace gradlab::fit {
namespace {

using detail::Design;
using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

std::vector<std::string> columnNames(const DataView& data, int degree)
{
    auto feature = [&](std::int64_t j) { return detail::featureName(data, j); };
    std::vector<std::string> names{"intercept"};
    if (degree > 1) {
        names.push_back(feature(0));
        for (int d = 2; d <= degree; ++d)
            names.push_back(feature(0) + "^" + std::to_string(d));
    } else {
        for (std::int64_t j = 0; j < data.features; ++j)
            names.push_back(feature(j));
    }
    return names;
}

void validate(const DataView& data, const FitOptions& options)
{
    if (options.degree < 1)
        throw FitError(fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "the polynomial degree must be at least 1, not %1"),
                                  {data::Message::arg(options.degree)}));
    if (options.degree > 1 && data.features != 1)
        throw FitError(fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "a polynomial fit needs exactly one feature, but the "
                                                                    "data has %1"),
                                  {data::Message::arg(data.features)}));
    if (!validConfidenceLevel(options.confidenceLevel))
        throw FitError("the confidence level must lie strictly between 0 and 1");
    if (data.rows < 0 || data.features < 0)
        throw FitError("the data's row and feature counts must not be negative");
    if (!data.featureNames.empty() && static_cast<std::int64_t>(data.featureNames.size()) != data.features)
        throw FitError("there are " + std::to_string(data.featureNames.size()) + " feature names for "
                       + std::to_string(data.features) + " features");
    detail::checkPick(data);
    if (data.used() == 0)
        throw FitError(fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "there are no rows to fit: least squares needs at "
                                                                    "least one observation")));
    if ((data.features > 0 && data.x == nullptr) || data.y == nullptr)
        throw FitError("the data has rows but no values");
}

// The statistics square the columns' and the target's norms (R's column norms) and divide by
// them: outside this range that would overflow or underflow in double precision.
void checkMagnitudes(const MatrixXd& factor, const std::vector<std::string>& names)
{
    constexpr double kSmallest = 1e-140, kLargest = 1e140;
    for (Index j = 1; j < factor.cols(); ++j) {
        const double norm = factor.col(j).stableNorm();
        if (norm == 0.0 || (norm >= kSmallest && norm <= kLargest))
            continue;
        char shown[32];
        std::snprintf(shown, sizeof shown, "%.1e", norm);
        const data::Message what = j + 1 == factor.cols()
                                       ? fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "the target"))
                                       : data::Message::arg("'" + names[static_cast<std::size_t>(j)] + "'");
        throw FitError(fitMessage(norm < kSmallest
                                      ? QT_TRANSLATE_NOOP("gradlab::fit", "%1 is too small in magnitude (its norm is %2) "
                                                                          "for least squares in double precision; rescale "
                                                                          "it, for example by changing its units")
                                      : QT_TRANSLATE_NOOP("gradlab::fit", "%1 is too large in magnitude (its norm is %2) "
                                                                          "for least squares in double precision; rescale "
                                                                          "it, for example by changing its units"),
                                  {what, data::Message::arg(std::string(shown))}));
    }
}

// Past this condition number (of the columns scaled to unit length), rounding alone moves the
// coefficients in their sixth significant digit.
constexpr double kCollinear = 1e10;

struct Solution {
    VectorXd beta;
    MatrixXd unscaled; // (XᵀX)⁺
    MatrixXd spread;   // p × rank, (XᵀX)⁺ = spread·spreadᵀ
    Index rank = 0;
    double rss = 0.0;
    double condition = 1.0; // of the kept columns, each scaled to unit norm; when at most
                            // kCollinear, possibly an upper bound instead
    std::optional<data::Message> deficiency; // none when the design has full column rank
    // Below full rank: an orthonormal basis of the design's null space, p × (p − rank), in the
    // coordinates of unit-norm columns (where a zero is judged alike for every column), and those
    // columns' norms.
    MatrixXd null;
    VectorXd scale;
};

// κ₂(R) = σ₁/σₖ, or, when that is certainly at most kCollinear, a bound: κ₂ ≤ ‖R‖_F·‖R⁻¹‖_F
// (which is at most k·κ₂). The singular values cost far more than the rest of the fit on wide
// designs, and are needed only to name a condition number past the threshold.
double conditionNumber(const MatrixXd& triangular, const MatrixXd& inverse)
{
    const double bound = triangular.norm() * inverse.norm();
    if (bound <= kCollinear)
        return bound;
    // Divide and conquer (BDCSVD) for large factors: Jacobi's rotations cost many sweeps of p³.
    const VectorXd sv = triangular.cols() <= 64 ? VectorXd(Eigen::JacobiSVD<MatrixXd>(triangular).singularValues())
                                                : VectorXd(Eigen::BDCSVD<MatrixXd>(triangular).singularValues());
    return sv(0) / sv(sv.size() - 1);
}

// S·Sᵀ, symmetric, computed once for each pair (a rank update, half a general product).
MatrixXd outerProduct(const MatrixXd& spread)
{
    MatrixXd out = MatrixXd::Zero(spread.rows(), spread.rows());
    out.selfadjointView<Eigen::Lower>().rankUpdate(spread);
    out.triangularView<Eigen::StrictlyUpper>() = out.transpose();
    return out;
}

// "'a', 'b' and 'c'", with the joining words translatable.
data::Message listNames(const std::vector<data::Message>& names)
{
    data::Message out = names.back();
    if (names.size() < 2)
        return out;
    out = fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "%1 and %2"), {names[names.size() - 2], out});
    for (std::size_t i = names.size() - 2; i-- > 0;)
        out = fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "%1, %2"), {names[i], out});
    return out;
}

// Which columns were set aside, and what each one is a combination of.
std::optional<data::Message> describeDeficiency(const detail::OrderedQR& qr, const std::vector<std::string>& names,
                                                std::int64_t observations)
{
    const Index p = qr.r.cols();
    const Index r = qr.rank;
    const auto& order = qr.order.indices();
    const auto r11 = qr.r.topLeftCorner(r, r).triangularView<Eigen::Upper>();
    if (r == p)
        return std::nullopt;
    auto label = [&](Index column) {
        return column == 0 ? fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "the intercept"))
                           : data::Message::arg("'" + names[static_cast<std::size_t>(column)] + "'");
    };
    const MatrixXd allWeights = r11.solve(qr.r.block(0, r, r, p - r)); // one solve for all the set-aside columns
    std::vector<data::Message> parts;
    for (Index t = r; t < p; ++t) {
        const auto weights = allWeights.col(t - r);
        const double largest = weights.cwiseAbs().maxCoeff();
        std::vector<data::Message> involved;
        bool interceptOnly = true;
        for (Index i = 0; i < r; ++i) {
            if (std::abs(weights(i)) > 1e-8 * largest) {
                involved.push_back(label(order(i)));
                interceptOnly = interceptOnly && order(i) == 0;
            }
        }
        const data::Message name = label(order(t));
        if (involved.empty())
            parts.push_back(fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "%1 is all zeros"), {name}));
        else if (interceptOnly)
            parts.push_back(fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "%1 is constant (the intercept already covers it)"),
                                       {name}));
        else
            parts.push_back(fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "%1 is a linear combination of %2"),
                                       {name, listNames(involved)}));
    }
    data::Message all = parts.front();
    for (std::size_t i = 1; i < parts.size(); ++i)
        all = fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "%1; %2"), {all, parts[i]});
    if (observations < p)
        return fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "with fewer observations (%1) than coefficients (%2), the design matrix is "
                                                            "rank-deficient (rank %3 of %4 columns): %5. The coefficients "
                                                            "given are the minimum-norm solution, one of many that fit "
                                                            "equally well"),
                          {data::Message::arg(observations), data::Message::arg(p), data::Message::arg(r),
                           data::Message::arg(p), all});
    return fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "the design matrix is rank-deficient (rank %1 of %2 columns): %3. "
                                                        "The coefficients given are the minimum-norm solution, one of many "
                                                        "that fit equally well"),
                      {data::Message::arg(r), data::Message::arg(p), all});
}

// Least squares from the augmented factor [R z; 0 ρ] of [X y]: X = QR, Qᵀy = z, residual norm ρ.
Solution solve(const MatrixXd& factor, std::int64_t observations, const std::vector<std::string>& names)
{
    const Index p = factor.cols() - 1;
    const MatrixXd r = factor.topLeftCorner(p, p);
    // Rank is judged on unit-norm columns, so that a feature measured in large units is not
    // mistaken for a collinear one (a polynomial's x³ next to the intercept, say).
    VectorXd scale = r.colwise().norm();
    for (Index j = 0; j < p; ++j)
        scale(j) = scale(j) > 0.0 ? scale(j) : 1.0;
    // An exact dependency leaves a remainder of rounding size, a few ε·√n (the tall QR's sums
    // have up to n terms); below this margin a column counts as dependent.
    const double n = static_cast<double>(std::max<std::int64_t>(observations, 1));
    const double tol = 8.0 * std::numeric_limits<double>::epsilon() * static_cast<double>(p) * std::sqrt(n);
    const detail::OrderedQR qr
        = detail::orderedQR(r * scale.cwiseInverse().asDiagonal(), factor.col(p).head(p), tol);

    Solution s;
    s.rank = qr.rank;
    const Index k = s.rank;
    s.rss = factor(p, p) * factor(p, p) + qr.c.tail(p - k).squaredNorm();
    const MatrixXd top = qr.r.topRows(k);
    const MatrixXd r11 = top.leftCols(k);
    const MatrixXd inverse = r11.triangularView<Eigen::Upper>().solve(MatrixXd::Identity(k, k));
    s.condition = conditionNumber(r11, inverse);
    if (k == p) {
        const MatrixXd spread = scale.cwiseInverse().asDiagonal() * (qr.order * inverse);
        s.beta = spread * qr.c;
        s.unscaled = outerProduct(spread);
        s.spread = spread;
        return s;
    }
    // The minimum-norm solution in the caller's units. M = [R11 R12]·Pᵀ·D is the rank-k part of
    // the factor (XᵀX = MᵀM); B = D⁻¹·P·[R11⁻¹; 0] is a right inverse of M and the columns of
    // D⁻¹·P·[−R11⁻¹R12; I] span its null space, so M⁺ = (I − Qn·Qnᵀ)·B with Qn an orthonormal
    // basis of that null space: β = M⁺·c₁ and (XᵀX)⁺ = M⁺·M⁺ᵀ. Apart from one product of
    // order p²k, this costs in proportion to the number of columns set aside.
    const Index d = p - k;
    const VectorXd unscale = scale.cwiseInverse();
    MatrixXd basic = MatrixXd::Zero(p, k);
    basic.topRows(k) = inverse;
    const MatrixXd right = unscale.asDiagonal() * (qr.order * basic);
    MatrixXd null(p, d);
    null.topRows(k) = -r11.triangularView<Eigen::Upper>().solve(top.rightCols(d));
    null.bottomRows(d).setIdentity();
    MatrixXd spread;
    // In one thread of a team: outside one, Eigen would split these products among the threads
    // with a blocking that depends on their number, and so would the rounding.
    std::exception_ptr failure;
#pragma omp parallel
#pragma omp single
    detail::captured(failure, [&] {
        const Eigen::HouseholderQR<MatrixXd> nqr(unscale.asDiagonal() * (qr.order * null));
        const MatrixXd qn = nqr.householderQ() * MatrixXd::Identity(p, d);
        spread = right - qn * (qn.transpose() * right);
        const Eigen::HouseholderQR<MatrixXd> sqr(qr.order * null);
        s.null = sqr.householderQ() * MatrixXd::Identity(p, d);
    });
    s.scale = scale;
    if (failure)
        std::rethrow_exception(failure);
    s.beta = spread * qr.c.head(k);
    s.unscaled = outerProduct(spread);
    s.spread = spread;
    s.deficiency = describeDeficiency(qr, names, observations);
    return s;
}

} // namespace

std::vector<double> FitResult::estimates() const
{
    std::vector<double> out;
    out.reserve(coefficients.size());
    for (const Coefficient& c : coefficients)
        out.push_back(c.estimate);
    return out;
}

DataView view(const data::Dataset& dataset, std::span<const std::int64_t> pick)
{
    DataView v;
    v.x = dataset.x.data();
    v.y = dataset.y.data();
    v.rows = dataset.rows();
    v.features = dataset.features();
    v.pick = pick;
    v.featureNames = dataset.featureNames;
    if (static_cast<std::int64_t>(dataset.x.size()) != v.rows * v.features)
        throw FitError("the dataset holds " + std::to_string(dataset.x.size()) + " feature values, not "
                       + std::to_string(v.rows) + " rows × " + std::to_string(v.features) + " features");
    return v;
}

FitResult fitLeastSquares(const DataView& data, const FitOptions& options)
{
    validate(data, options);
    const Design design{data, options.degree};
    const MatrixXd factor = detail::augmentedTriangularFactor(design);
    const std::vector<std::string> names = columnNames(data, options.degree);
    checkMagnitudes(factor, names);
    const Solution s = solve(factor, data.used(), names);

    FitResult fit;
    fit.degree = options.degree;
    fit.features = data.features;
    fit.observations = data.used();
    fit.rank = s.rank;
    fit.confidenceLevel = options.confidenceLevel;
    fit.rss = s.rss;
    const Index p = factor.cols() - 1;
    // The intercept is the first column, so Qᵀy's first entry carries the mean: the rest is the
    // spread about it, without the cancellation of Σy² − n·ȳ².
    fit.tss = factor.col(p).segment(1, p - 1).squaredNorm() + factor(p, p) * factor(p, p);
    const double yy = factor.col(p).squaredNorm();
    if (s.deficiency)
        fit.warnings.push_back(*s.deficiency);
    fit.covarianceFactor.resize(static_cast<std::size_t>(s.spread.size()));
    Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(fit.covarianceFactor.data(), s.spread.rows(), s.spread.cols())
        = s.spread;
    if (s.null.cols() > 0) {
        fit.nullSpace.assign(s.null.data(), s.null.data() + s.null.size());
        fit.columnScale.assign(s.scale.data(), s.scale.data() + s.scale.size());
    }
    if (s.condition > kCollinear) {
        char condition[32];
        std::snprintf(condition, sizeof condition, "%.1e", s.condition);
        fit.warnings.push_back(fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "the columns are nearly collinear (condition "
                                                                            "number %1 with each column scaled to unit "
                                                                            "length): the coefficients are poorly "
                                                                            "determined, though the fitted values are not"),
                                          {data::Message::arg(std::string(condition))}));
    }

    fit.coefficients.resize(static_cast<std::size_t>(p));
    for (Index j = 0; j < p; ++j) {
        fit.coefficients[static_cast<std::size_t>(j)].name = names[static_cast<std::size_t>(j)];
        fit.coefficients[static_cast<std::size_t>(j)].estimate = s.beta(j);
    }
    detail::fillStatistics(fit, s.unscaled, yy);
    // A coefficient is determined by the data when no null vector of the design moves it.
    for (Index j = 0; j < s.null.rows(); ++j)
        fit.coefficients[static_cast<std::size_t>(j)].identified = s.null.row(j).squaredNorm() <= kNotEstimable;

    // The residuals, for their diagnostics even where they are not kept.
    std::vector<double> residuals(static_cast<std::size_t>(fit.observations));
    const std::int64_t n = fit.observations;
    const double* beta = s.beta.data();
#pragma omp parallel for if (n > 4 * detail::kBlockRows) schedule(static)
    for (std::int64_t i = 0; i < n; ++i)
        residuals[static_cast<std::size_t>(i)] = data.y[design.source(i)] - design.dot(i, beta);
    Diagnostics& d = fit.diagnostics;
    if (!(fit.dfResidual > 0.0))
        d.residualsUndefined = fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "there are no residual degrees of freedom, so the "
                                                                            "residuals are all zero"));
    else if (fit.exact)
        d.residualsUndefined = fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "the fit is exact: the residuals are zero up to "
                                                                            "rounding"));
    else
        describeResiduals(residuals, d);
    // As numpy.linalg.cond of the design: R has X's singular values.
    if (fit.rankDeficient()) {
        d.conditionUndefined = fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "the design matrix is rank-deficient, so its "
                                                                            "condition number is infinite"));
    } else {
        const MatrixXd r = factor.topLeftCorner(p, p).triangularView<Eigen::Upper>();
        const VectorXd sv = p <= 64 ? VectorXd(Eigen::JacobiSVD<MatrixXd>(r).singularValues())
                                    : VectorXd(Eigen::BDCSVD<MatrixXd>(r).singularValues());
        d.conditionNumber = sv(0) / sv(p - 1);
    }
    if (options.keepResiduals)
        fit.residuals = std::move(residuals);
    return fit;
}

bool validConfidenceLevel(double level) { return level > 0.0 && level < 1.0; }

void setConfidenceLevel(FitResult& fit, double level)
{
    if (!validConfidenceLevel(level))
        throw FitError("the confidence level must lie strictly between 0 and 1");
    fit.confidenceLevel = level;
    detail::fillIntervals(fit);
}

std::vector<double> predict(const FitResult& fit, const DataView& data)
{
    if (data.features != fit.features)
        throw FitError("the fit has " + std::to_string(fit.features) + " features but the data has "
                       + std::to_string(data.features));
    detail::checkPick(data);
    if (data.used() > 0 && data.features > 0 && data.x == nullptr)
        throw FitError("the data has rows but no values");
    const std::vector<double> beta = fit.estimates();
    const Design design{data, fit.degree};
    const std::int64_t n = data.used();
    std::vector<double> out(static_cast<std::size_t>(n));
#pragma omp parallel for if (n > 4 * detail::kBlockRows) schedule(static)
    for (std::int64_t i = 0; i < n; ++i)
        out[static_cast<std::size_t>(i)] = design.dot(i, beta.data());
    return out;
}

std::vector<Prediction> predictWithIntervals(const FitResult& fit, const DataView& data)
{
    const std::vector<double> mean = predict(fit, data); // checks the data against the fit
    const std::size_t p = fit.coefficients.size();
    const std::size_t k = p > 0 ? fit.covarianceFactor.size() / p : 0;
    if (k == 0 || fit.covarianceFactor.size() != p * k)
        throw FitError("the fit has no covariance to give intervals with");
    const Design design{data, fit.degree};
    const double sigma2 = fit.residualStandardError * fit.residualStandardError;
    const double t = fit.criticalT;
    std::vector<Prediction> out(mean.size());
    std::vector<double> d(p), u(k);
    const bool robust = fit.covarianceType != CovarianceType::Classical;
    if (robust && fit.meat.size() != k * k)
        throw FitError("the fit's robust covariance is incomplete");
    const std::size_t nullity = fit.columnScale.size() == p ? fit.nullSpace.size() / p : 0;
    for (std::size_t i = 0; i < mean.size(); ++i) {
        design.row(static_cast<std::int64_t>(i), d.data());
        // Estimable when the row, in unit-norm column coordinates, has no part in the null space.
        if (nullity > 0) {
            double norm = 0.0, projected = 0.0;
            for (std::size_t a = 0; a < p; ++a)
                norm += (d[a] / fit.columnScale[a]) * (d[a] / fit.columnScale[a]);
            for (std::size_t k = 0; k < nullity; ++k) {
                double dot = 0.0;
                for (std::size_t a = 0; a < p; ++a)
                    dot += fit.nullSpace[k * p + a] * d[a] / fit.columnScale[a];
                projected += dot * dot;
            }
            out[i].estimable = projected <= kNotEstimable * norm;
        }
        // dᵀ Σ d as σ²‖Fᵀd‖²: summing squares, not the products of Σ's large entries of both
        // signs, which cancel to nothing for a polynomial of high degree.
        // Under a robust covariance F·M·Fᵀ: uᵀMu with u = Fᵀd.
        double variance = 0.0;
        for (std::size_t c = 0; c < k; ++c) {
            double dot = 0.0;
            for (std::size_t a = 0; a < p; ++a)
                dot += fit.covarianceFactor[a * k + c] * d[a];
            u[c] = dot;
            variance += dot * dot;
        }
        if (robust) {
            variance = 0.0;
            for (std::size_t a = 0; a < k; ++a)
                for (std::size_t b = 0; b < k; ++b)
                    variance += u[a] * fit.meat[a * k + b] * u[b];
        } else {
            variance *= sigma2;
        }
        Prediction& r = out[i];
        r.mean = mean[i];
        r.meanStandardError = std::isnan(variance) ? variance : std::sqrt(std::max(variance, 0.0));
        r.meanLower = r.mean - t * r.meanStandardError;
        r.meanUpper = r.mean + t * r.meanStandardError;
        const double observation = std::sqrt(sigma2 + r.meanStandardError * r.meanStandardError);
        r.observationLower = r.mean - t * observation;
        r.observationUpper = r.mean + t * observation;
    }
    return out;
}

std::vector<double> predict(std::span<const double> coefficients, std::span<const double> x, int degree)
{
    if (coefficients.empty())
        throw FitError("there are no coefficients to predict with");
    if (degree < 1)
        throw FitError("the polynomial degree must be at least 1, not " + std::to_string(degree));
    if (degree > 1 && static_cast<int>(coefficients.size()) != degree + 1)
        throw FitError("a polynomial of degree " + std::to_string(degree) + " has " + std::to_string(degree + 1)
                       + " coefficients, not " + std::to_string(coefficients.size()));
    FitResult fit;
    fit.degree = degree;
    fit.features = degree > 1 ? 1 : static_cast<std::int64_t>(coefficients.size()) - 1;
    fit.coefficients.resize(coefficients.size());
    for (std::size_t j = 0; j < coefficients.size(); ++j)
        fit.coefficients[j].estimate = coefficients[j];
    const std::int64_t width = std::max<std::int64_t>(fit.features, 1);
    if (static_cast<std::int64_t>(x.size()) % width != 0)
        throw FitError(std::to_string(x.size()) + " values do not make whole rows of " + std::to_string(width)
                       + " features");
    DataView data;
    data.x = x.data();
    data.rows = static_cast<std::int64_t>(x.size()) / width;
    data.features = fit.features;
    if (fit.features == 0) // an intercept alone: one constant prediction per value of x
        return std::vector<double>(x.size(), coefficients[0]);
    return predict(fit, data);
}

} // namespace gradlab::fit
