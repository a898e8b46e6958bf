#include "ordered_qr.h"

#include <Eigen/Householder>

#include <numeric>

namespace gradlab::fit::detail {

OrderedQR orderedQR(Eigen::MatrixXd a, Eigen::VectorXd z, double tol)
{
    const Eigen::Index p = a.cols();
    Eigen::VectorXi order(p);
    std::iota(order.begin(), order.end(), 0);
    Eigen::VectorXd workspace(p);
    Eigen::Index k = 0;
    Eigen::Index candidates = p;
    while (k < candidates) {
        if (a.col(k).tail(p - k).norm() <= tol) {
            // Rotate the dependent column to the back, keeping the others' order.
            const Eigen::VectorXd column = a.col(k);
            const int original = order(k);
            for (Eigen::Index j = k; j + 1 < p; ++j) {
                a.col(j) = a.col(j + 1);
                order(j) = order(j + 1);
            }
            a.col(p - 1) = column;
            order(p - 1) = original;
            --candidates;
            continue;
        }
        Eigen::VectorXd essential(p - k - 1);
        double tau = 0.0, beta = 0.0;
        a.col(k).tail(p - k).makeHouseholder(essential, tau, beta);
        a.bottomRightCorner(p - k, p - k - 1).applyHouseholderOnTheLeft(essential, tau, workspace.data());
        z.tail(p - k).applyHouseholderOnTheLeft(essential, tau, workspace.data());
        a(k, k) = beta;
        a.col(k).tail(p - k - 1).setZero();
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
