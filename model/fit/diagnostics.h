// Diagnostics of a least-squares fit as statsmodels' OLS summary prints them under the
// coefficients: the residuals' Durbin–Watson statistic, normality tests (omnibus, Jarque–Bera),
// skew and kurtosis, and the design matrix's condition number.
#pragma once

#include "data/message.h"

#include <limits>
#include <optional>
#include <span>

namespace gradlab::fit {

// A value the data does not define is NaN, and the matching reason says why.
struct Diagnostics {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    double durbinWatson = kNaN;     // Σ(eᵢ − eᵢ₋₁)² / Σeᵢ², in the order the rows were read
    double omnibus = kNaN;          // D'Agostino–Pearson K² (scipy.stats.normaltest)
    double omnibusPValue = kNaN;    // χ² with 2 degrees of freedom
    double jarqueBera = kNaN;       // n/6 · (S² + (K − 3)²/4)
    double jarqueBeraPValue = kNaN; // χ² with 2 degrees of freedom
    double skew = kNaN;             // S = m₃ / m₂^{3/2} (central moments over n)
    double kurtosis = kNaN;         // K = m₄ / m₂², 3 for a normal distribution (not the excess)
    double conditionNumber = kNaN;  // σmax / σmin of the design matrix as fitted, intercept column included
    std::optional<data::Message> residualsUndefined; // why the residuals' statistics are NaN
    std::optional<data::Message> omnibusUndefined;   // why the omnibus test alone is NaN
    std::optional<data::Message> durbinWatsonUndefined; // why Durbin–Watson alone is NaN (rows in no meaningful order)
    std::optional<data::Message> conditionUndefined; // why the condition number is NaN
};

// Fills the residuals' statistics of `d` (all but the condition number) from `residuals`, in the
// order the rows were read; where they are not defined (fewer than 2 residuals, all of them
// equal; the omnibus test with fewer than 8, as scipy requires) leaves NaN and says why.
void describeResiduals(std::span<const double> residuals, Diagnostics& d);

} // namespace gradlab::fit
