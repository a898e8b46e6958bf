// Internal to gradlab_fit: the inference statistics of a solved fit.
#pragma once

#include "least_squares.h"

#include <Eigen/Core>

namespace gradlab::fit::detail {

// Fills fit's standard errors, t, p, intervals, covariance, R², F, likelihood and their warnings
// from its estimates, rank, rss and tss. `unscaled` is (XᵀX)⁺; `yy` is ‖y‖².
void fillStatistics(FitResult& fit, const Eigen::MatrixXd& unscaled, double yy);
// The classical covariance σ̂²·unscaled and what follows from it: standard errors, t, p, F, intervals.
void fillClassicalInference(FitResult& fit, const Eigen::MatrixXd& unscaled);
// A robust covariance and what follows from it: standard errors, z, normal p-values, the robust
// Wald F, intervals (with the normal quantile).
void fillRobustInference(FitResult& fit, const Eigen::MatrixXd& covariance);
// The fit's critical t (or z, under a robust covariance) and its coefficients' intervals at fit.confidenceLevel.
void fillIntervals(FitResult& fit);

} // namespace gradlab::fit::detail
