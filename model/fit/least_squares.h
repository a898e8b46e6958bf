// The closed-form least-squares fit: GradLab's yardstick for every trained model.
// Ordinary least squares with an intercept on k features, or a polynomial of degree d in one
// feature, by Householder QR in double precision (a tall-skinny QR over blocks of rows, then a
// rank-revealing QR of the small factor that sets dependent columns aside, as R's lm does), with
// the statistics LabPlot and gretl show. A rank-deficient design gets the minimum-norm solution
// (as numpy.linalg.lstsq) and a warning naming the dependent columns.
#pragma once

#include "data/message.h"
#include "diagnostics.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace gradlab::data {
struct Dataset;
}

namespace gradlab::fit {

// Input the fit cannot use (empty, NaN or infinite values, mismatched sizes); the message names
// the row and column.
// The message is kept as a data::Message too, for translation.
class FitError : public std::runtime_error, public data::MessageCarrier {
public:
    explicit FitError(data::Message message)
        : std::runtime_error(message.english()), data::MessageCarrier(std::move(message))
    {
    }
    // For mistakes of the calling code rather than of the data: English only.
    explicit FitError(const std::string& what) : std::runtime_error(what), data::MessageCarrier(data::Message::arg(what)) {}
};

inline constexpr const char* kFitContext = "gradlab::fit";

// A unit vector (a coefficient's, or a row's in unit-norm column coordinates) whose squared
// projection on the design's null space is above this is not determined by the data.
inline constexpr double kNotEstimable = 1e-8;

// A message of the fit; `text` must be written as QT_TRANSLATE_NOOP("gradlab::fit", "...") at the
// call so that lupdate finds it.
inline data::Message fitMessage(const char* text, std::vector<data::Message> args = {})
{
    return data::Message(kFitContext, text, std::move(args));
}

// Caller-owned data, read in place and never copied whole.
struct DataView {
    const double* x = nullptr; // rows × features, row-major
    const double* y = nullptr; // rows targets (may be null for predict())
    std::int64_t rows = 0;
    std::int64_t features = 0;
    std::span<const std::int64_t> pick;        // only these rows, in this order (a split); empty: all
    std::span<const std::string> featureNames; // empty: x1, x2, … (x for a single feature)

    std::int64_t used() const { return pick.empty() ? rows : static_cast<std::int64_t>(pick.size()); }
};

// A view of `dataset` (which must outlive it), optionally restricted to the rows in `pick`.
DataView view(const data::Dataset& dataset, std::span<const std::int64_t> pick = {});

struct FitOptions {
    int degree = 1;                // > 1: the powers x, x², …, x^degree of the single feature
    double confidenceLevel = 0.95; // of the coefficients' confidence intervals
    bool keepResiduals = true;
};

// The coefficients' covariance: the classical σ̂²(XᵀX)⁻¹, or one of the heteroskedasticity-robust
// sandwiches (XᵀX)⁻¹ Xᵀ diag(ωᵢ) X (XᵀX)⁻¹ of statsmodels' OLS fit(cov_type='HC0'…'HC3'), with
// ωᵢ = eᵢ² (HC0), n/(n − rank)·eᵢ² (HC1), eᵢ²/(1 − hᵢᵢ) (HC2), eᵢ²/(1 − hᵢᵢ)² (HC3), hᵢᵢ the leverages.
enum class CovarianceType { Classical, HC0, HC1, HC2, HC3 };
inline constexpr CovarianceType kCovarianceTypes[] = {CovarianceType::Classical, CovarianceType::HC0, CovarianceType::HC1,
                                                      CovarianceType::HC2, CovarianceType::HC3};
// "classical", "hc0", … "hc3": the CLI's and the report's names; covarianceTypeFrom reads them
// (any case; "nonrobust", statsmodels' name, too).
const char* covarianceTypeName(CovarianceType type);
std::optional<CovarianceType> covarianceTypeFrom(const std::string& name);

// The middle of the robust sandwiches in the coordinates of FitResult::covarianceFactor F:
// Σ ωᵢ uᵢuᵢᵀ with uᵢ = Fᵀdᵢ (dᵢ the design's row i), k × k row-major, so that the covariance is
// F·meat·Fᵀ; one pass over the rows fitted (computeSandwich) gives all of them.
struct Sandwich {
    std::int64_t k = 0;
    std::vector<double> hc0, hc2, hc3; // hc2 and hc3 empty where a row's leverage is 1
    std::int64_t leverageOne = 0;      // rows with hᵢᵢ = 1 up to rounding (the fit passes through them)
};

struct Coefficient {
    std::string name; // "intercept", a feature's name, or "x^2"
    double estimate = 0.0;
    double standardError = 0.0;
    double tValue = 0.0; // estimate / standardError: t, or z under a robust covariance
    double pValue = 0.0; // two-sided: Student's t with dfResidual degrees of freedom (classical), else normal
    double lower = 0.0;  // confidence interval at confidenceLevel
    double upper = 0.0;
    // False for a coefficient that a rank-deficient design does not determine: its column is a
    // combination of others, so its estimate is one of many that fit equally well (the minimum-norm
    // one) and its standard error, t, p and interval describe that choice, not the data. R's lm
    // reports such a coefficient as NA.
    bool identified = true;
};

// Statistics that need residual degrees of freedom are NaN when there are none (n ≤ rank); the
// reason is then among the warnings.
struct FitResult {
    int degree = 1;
    std::int64_t features = 0;                // of the input; the design adds the intercept
    std::vector<Coefficient> coefficients;    // intercept first, then one per feature or power
    std::vector<double> covariance;           // p × p, row-major, σ²(XᵀX)⁻¹ (pseudo-inverse if rank-deficient), or the robust sandwich chosen
    std::vector<double> covarianceFactor;     // p × rank, row-major: (XᵀX)⁺ = F·Fᵀ, for dᵀΣd = σ²‖Fᵀd‖² without cancellation
    std::vector<double> residuals;            // y − ŷ, in the order rows were read (if kept)
    std::int64_t observations = 0;
    std::int64_t rank = 0;                    // numerical rank of the design matrix
    double dfResidual = 0.0;                  // observations − rank
    double dfModel = 0.0;                     // rank − 1
    double rss = 0.0;                         // residual sum of squares
    double tss = 0.0;                         // total sum of squares about the mean of y
    double rSquared = 0.0;
    double adjustedRSquared = 0.0;
    double residualStandardError = 0.0;       // sqrt(rss / dfResidual)
    double fStatistic = 0.0;                  // all slopes zero vs the fit; under a robust covariance the Wald
                                              // statistic with it over its rank, as statsmodels' fvalue
    double fPValue = 0.0;                     // Fisher's F with (fDfNumerator, dfResidual) degrees of freedom
    double fDfNumerator = 0.0;                // dfModel, or the rank of the slopes' robust covariance
    double logLikelihood = 0.0;               // Gaussian, as statsmodels and gretl report it
    double aic = 0.0;
    double bic = 0.0;
    double confidenceLevel = 0.95;            // of the coefficients' and predictions' intervals
    double criticalT = 0.0;                   // the intervals' quantile: Student's t (classical; NaN without residual
                                              // dof), the standard normal's under a robust covariance (statsmodels'
                                              // use_t=False default)
    CovarianceType covarianceType = CovarianceType::Classical; // of the standard errors, t, p, intervals, F, predictions
    std::shared_ptr<const Sandwich> sandwich; // computeSandwich's; null before
    std::vector<double> meat;                 // k × k of the robust covariance in use (F·meat·Fᵀ); empty when classical
    std::optional<data::Message> covarianceUndefined; // why the robust standard errors are NaN
    Diagnostics diagnostics;                  // of the residuals and the design, as statsmodels' summary
    bool exact = false;                       // the residuals are zero up to rounding (then a warning says so)
    // Below full rank: an orthonormal basis of the design's null space (p × (p − rank), column-major)
    // in the coordinates of the design's columns scaled to unit norm, and those norms (p). A row d
    // is estimable when d ⊘ columnScale is orthogonal to it. Empty at full rank.
    std::vector<double> nullSpace;
    std::vector<double> columnScale;
    std::vector<data::Message> warnings;        // rank deficiency (naming the columns), near collinearity,
                                              // no residual dof, exact fit, constant target

    std::vector<double> estimates() const;
    bool rankDeficient() const { return rank < static_cast<std::int64_t>(coefficients.size()); }
};

// Fits y on [1, features] (or [1, x, …, x^degree]); throws FitError for input it cannot use.
FitResult fitLeastSquares(const DataView& data, const FitOptions& options = {});

// The confidence levels a fit takes: strictly between 0 and 1.
bool validConfidenceLevel(double level);
// `fit` with its intervals (the coefficients', and predictWithIntervals') at `level` instead;
// nothing else changes, and nothing is fitted again. Throws FitError for a level outside (0, 1).
void setConfidenceLevel(FitResult& fit, double level);

// One pass over the rows `fit` was fitted on (the same `data`, rows and order) for the robust
// covariances' sandwich, kept in fit.sandwich; nothing is fitted again. Throws FitError for data that
// is not the fit's.
void computeSandwich(FitResult& fit, const DataView& data);
// `fit` with its standard errors, t (a z under a robust type), p-values, intervals, covariance, F
// test and predictWithIntervals' standard errors from the covariance `type`: a robust one uses the
// normal distribution for p-values and intervals, as statsmodels does by default, and the robust
// Wald F. Nothing is fitted again. A robust type needs fit.sandwich (FitError without). Where a
// row's leverage is 1, HC2 and HC3 are undefined: NaN, and covarianceUndefined says why.
void setCovarianceType(FitResult& fit, CovarianceType type);

// The normal Q–Q plot of the internally studentized residuals rᵢ = eᵢ / (σ̂ √(1 − hᵢᵢ)) (statsmodels'
// OLSInfluence.resid_studentized_internal), as scipy.stats.probplot draws it: the sorted values
// against the standard normal's quantiles at Filliben's plotting positions, and the least-squares
// line through all of them. At most maxPoints (≥ 2) order statistics, evenly spaced, the smallest
// and the largest always among them. Rows with leverage 1 (no residual to studentize) are left
// out and counted. Throws FitError where the residuals are undefined (no residual dof, an exact fit).
struct NormalQQ {
    std::vector<double> theoretical, sample;
    double slope = 0.0, intercept = 0.0;
    std::int64_t total = 0;   // the order statistics, before thinning
    std::int64_t leftOut = 0; // rows with leverage 1
};
NormalQQ normalQQ(const FitResult& fit, const DataView& data, std::int64_t maxPoints);

// ŷ for the rows of data.x (data.y is not read), with the fit's design.
std::vector<double> predict(const FitResult& fit, const DataView& data);
// ŷ at a row with its uncertainty, as statsmodels' OLS get_prediction() reports it: the standard
// error of the mean response √(dᵀ Σ d) (d the row of the design, Σ the fit's covariance, robust
// where the fit's covariance type is), the confidence interval of the mean, and the prediction
// interval of a new observation, ŷ ± q √(σ̂² + se²), both at the fit's confidence level (q its
// criticalT: Student's t, or the normal's under a robust covariance). NaN where the fit has no residual degrees
// of freedom.
struct Prediction {
    // False for a row a rank-deficient design does not determine (not in its row space): ŷ there
    // depends on which of the equally good coefficients was taken, and so does its interval.
    bool estimable = true;
    double mean = 0.0;
    double meanStandardError = 0.0;
    double meanLower = 0.0, meanUpper = 0.0;
    double observationLower = 0.0, observationUpper = 0.0;
};
std::vector<Prediction> predictWithIntervals(const FitResult& fit, const DataView& data);

// ŷ from bare coefficients (intercept first) for the rows of `x`, row-major with
// coefficients.size() − 1 features, or one feature when degree > 1 — e.g. to draw the fitted line.
// A lone intercept gives one constant value per element of x.
std::vector<double> predict(std::span<const double> coefficients, std::span<const double> x, int degree = 1);

} // namespace gradlab::fit
