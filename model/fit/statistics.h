// Internal to gradlab_fit: the inference statistics of a solved fit.
#pragma once

#include "least_squares.h"

#include <Eigen/Core>

namespace gradlab::fit::detail {

// Fills fit's standard errors, t, p, intervals, covariance, R², F, likelihood and their warnings
// from its estimates, rank, rss and tss. `unscaled` is (XᵀX)⁺; `yy` is ‖y‖².
void fillStatistics(FitResult& fit, const Eigen::MatrixXd& unscaled, double yy);
// The fit's critical t and its coefficients' intervals at fit.confidenceLevel.
void fillIntervals(FitResult& fit);

} // namespace gradlab::fit::detail
