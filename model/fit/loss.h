// The losses GradLab trains with, evaluated for the closed-form fit so that the app can put the
// yardstick's loss beside the trained model's on the same split.
#pragma once

#include "least_squares.h"

namespace gradlab::fit {

enum class LossKind { MSE, L1, Huber, SmoothL1 };
enum class Reduction { Mean, Sum };

struct LossSpec {
    LossKind kind = LossKind::MSE;
    Reduction reduction = Reduction::Mean;
    double parameter = 1.0; // Huber's delta (> 0) or SmoothL1's beta (≥ 0)
};

// The loss of `prediction` against `target`, with torch.nn's definitions; throws FitError for
// empty or mismatched inputs and an invalid parameter.
double loss(std::span<const double> prediction, std::span<const double> target, const LossSpec& spec = {});

// The loss of the fit's predictions on the rows of `data` (pick a split's indices).
double loss(const FitResult& fit, const DataView& data, const LossSpec& spec = {});

} // namespace gradlab::fit
