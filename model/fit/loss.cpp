#include "loss.h"

#include "design.h"

#include <cmath>
#include <string>

namespace gradlab::fit {
namespace {

// torch.nn's definitions; the kinks belong to the outer branches, as in the engine.
double elementLoss(LossKind kind, double d, double p)
{
    const double ad = std::abs(d);
    switch (kind) {
    case LossKind::MSE: return d * d;
    case LossKind::L1: return ad;
    case LossKind::Huber: return ad < p ? 0.5 * d * d : p * (ad - 0.5 * p);
    case LossKind::SmoothL1: return ad < p ? 0.5 * d * d / p : ad - 0.5 * p;
    }
    return d * d;
}

void checkSpec(const LossSpec& spec)
{
    if (spec.kind == LossKind::Huber && !(spec.parameter > 0.0))
        throw FitError("Huber loss needs a positive delta, not " + std::to_string(spec.parameter));
    if (spec.kind == LossKind::SmoothL1 && !(spec.parameter >= 0.0))
        throw FitError("SmoothL1 loss needs a beta of at least 0, not " + std::to_string(spec.parameter));
}

// Sums term(i) for i < n in fixed blocks added in order, so the result is the same whatever the
// number of threads, and long sums lose little to rounding.
template <typename Term> double blockSum(std::int64_t n, Term term)
{
    const std::int64_t blocks = (n + detail::kBlockRows - 1) / detail::kBlockRows;
    std::vector<double> partial(static_cast<std::size_t>(blocks), 0.0);
#pragma omp parallel for if (blocks > 4) schedule(static)
    for (std::int64_t b = 0; b < blocks; ++b) {
        double sum = 0.0;
        const std::int64_t end = std::min(n, (b + 1) * detail::kBlockRows);
        for (std::int64_t i = b * detail::kBlockRows; i < end; ++i)
            sum += term(i);
        partial[static_cast<std::size_t>(b)] = sum;
    }
    double total = 0.0;
    for (double s : partial)
        total += s;
    return total;
}

double reduce(double sum, std::int64_t n, Reduction reduction)
{
    return reduction == Reduction::Mean ? sum / static_cast<double>(n) : sum;
}

} // namespace

double loss(std::span<const double> prediction, std::span<const double> target, const LossSpec& spec)
{
    checkSpec(spec);
    if (prediction.size() != target.size())
        throw FitError(std::to_string(prediction.size()) + " predictions for " + std::to_string(target.size())
                       + " targets");
    if (prediction.empty())
        throw FitError("the loss of no rows is undefined");
    const auto n = static_cast<std::int64_t>(prediction.size());
    const double sum = blockSum(n, [&](std::int64_t i) {
        const auto k = static_cast<std::size_t>(i);
        return elementLoss(spec.kind, prediction[k] - target[k], spec.parameter);
    });
    return reduce(sum, n, spec.reduction);
}

double loss(const FitResult& fit, const DataView& data, const LossSpec& spec)
{
    checkSpec(spec);
    if (data.features != fit.features)
        throw FitError("the fit has " + std::to_string(fit.features) + " features but the data has "
                       + std::to_string(data.features));
    detail::checkPick(data);
    const std::int64_t n = data.used();
    if (n == 0)
        throw FitError("the loss of no rows is undefined");
    if ((data.features > 0 && data.x == nullptr) || data.y == nullptr)
        throw FitError("the data has rows but no values");
    const std::vector<double> beta = fit.estimates();
    const detail::Design design{data, fit.degree};
    const double sum = blockSum(n, [&](std::int64_t i) {
        return elementLoss(spec.kind, design.dot(i, beta.data()) - data.y[design.source(i)], spec.parameter);
    });
    return reduce(sum, n, spec.reduction);
}

} // namespace gradlab::fit
