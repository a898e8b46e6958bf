#include "ordered_qr.h"

#include <Eigen/Householder>

#include <algorithm>
#include <numeric>

namespace gradlab::fit::detail {

OrderedQR orderedQR(Eigen::MatrixXd a, Eigen::VectorXd z, double tol)
{
    const Eigen::Index p = a.cols();
    Eigen::VectorXi order(p);
    std::iota(order.begin(), order.end(), 0);
    Eigen::VectorXd workspace(p);
    // The last row in which each column may be nonzero: a reflector need only span the pivot's
    // rows from k to there. On a triangular `a` (as the fit passes) each reflector is then as
    // long as the number of columns set aside before it, plus one, instead of p − k.
    Eigen::VectorXi last(p);
    for (Eigen::Index j = 0; j < p; ++j) {
        Eigen::Index i = p - 1;
        while (i >= 0 && a(i, j) == 0.0)
            --i;
        last(j) = static_cast<int>(i);
    }
    Eigen::Index k = 0;
    Eigen::Index candidates = p;
    while (k < candidates) {
        if (a.col(k).tail(p - k).norm() <= tol) {
            // Rotate the dependent column to the back, keeping the others' order.
            const Eigen::VectorXd column = a.col(k);
            const int original = order(k);
            const int bottom = last(k);
            for (Eigen::Index j = k; j + 1 < p; ++j) {
                a.col(j) = a.col(j + 1);
                order(j) = order(j + 1);
                last(j) = last(j + 1);
            }
            a.col(p - 1) = column;
            order(p - 1) = original;
            last(p - 1) = bottom;
            --candidates;
            continue;
        }
        const Eigen::Index length = std::max<Eigen::Index>(last(k), k) - k + 1;
        Eigen::VectorXd essential(length - 1);
        double tau = 0.0, beta = 0.0;
        a.col(k).segment(k, length).makeHouseholder(essential, tau, beta);
        a.block(k, k + 1, length, p - k - 1).applyHouseholderOnTheLeft(essential, tau, workspace.data());
        z.segment(k, length).applyHouseholderOnTheLeft(essential, tau, workspace.data());
        a(k, k) = beta;
        a.col(k).segment(k + 1, length - 1).setZero();
        for (Eigen::Index j = k + 1; j < p; ++j)
            last(j) = std::max(last(j), static_cast<int>(k + length - 1));
        ++k;
    }
    OrderedQR out;
    out.r = a.triangularView<Eigen::Upper>();
    out.c = z;
    out.order.indices() = order;
    out.rank = k;
    return out;
}

} // namespace gradlab::fit::detail
