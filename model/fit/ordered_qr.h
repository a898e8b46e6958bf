// Internal to gradlab_fit: the rank decision on the small triangular factor.
#pragma once

#include <Eigen/Core>

namespace gradlab::fit::detail {

// A QR of the p × p matrix `a` that keeps its columns in order except for those found dependent:
// a column whose part outside the span of the columns kept before it has a norm of at most `tol`
// (relative to columns of unit norm) is moved to the back, as R's lm (LINPACK dqrdc2 with
// limited pivoting) does. So of two collinear columns the later one is set aside, a constant
// feature rather than the intercept.
struct OrderedQR {
    Eigen::MatrixXd r;                                       // upper-trapezoidal, columns in `order`
    Eigen::VectorXd c;                                       // Qᵀz
    Eigen::PermutationMatrix<Eigen::Dynamic, Eigen::Dynamic> order; // column i of r is column order(i) of a
    Eigen::Index rank = 0;
};

OrderedQR orderedQR(Eigen::MatrixXd a, Eigen::VectorXd z, double tol);

} // namespace gradlab::fit::detail
