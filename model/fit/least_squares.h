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

struct Coefficient {
    std::string name; // "intercept", a feature's name, or "x^2"
    double estimate = 0.0;
    double standardError = 0.0;
    double tValue = 0.0;
    double pValue = 0.0; // two-sided, Student's t with dfResidual degrees of freedom
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
    std::vector<double> covariance;           // p × p, row-major, σ²(XᵀX)⁻¹ (pseudo-inverse if rank-deficient)
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
    double fStatistic = 0.0;                  // all slopes zero vs the fit
    double fPValue = 0.0;
    double logLikelihood = 0.0;               // Gaussian, as statsmodels and gretl report it
    double aic = 0.0;
    double bic = 0.0;
    double confidenceLevel = 0.95;            // of the coefficients' and predictions' intervals
    double criticalT = 0.0;                   // Student's t quantile of the intervals (NaN without residual dof)
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

// ŷ for the rows of data.x (data.y is not read), with the fit's design.
std::vector<double> predict(const FitResult& fit, const DataView& data);
// ŷ at a row with its uncertainty, as statsmodels' OLS get_prediction() reports it: the standard
// error of the mean response √(dᵀ Σ d) (d the row of the design, Σ the fit's covariance), the
// confidence interval of the mean, and the prediction interval of a new observation,
// ŷ ± t √(σ̂² + se²), both at the fit's confidence level. NaN where the fit has no residual degrees
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
