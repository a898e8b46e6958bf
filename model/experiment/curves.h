// What the plots draw, computed here so that widgets only show it: a model's curve for given
// parameter values, the loss over a grid of two parameters (the loss landscape) and its contour
// lines.
#pragma once

#include "experiment_config.h"
#include "project.h"

#include "data/dataset.h"

#include <QString>

#include <optional>
#include <vector>

namespace gradlab::experiment {

// The parameters of the model `config` builds for `features` raw feature columns, in
// namedParameters() order. Throws std::invalid_argument where the model cannot take the data.
std::vector<ParamSlot> parameterLayout(const ModelConfig& config, std::int64_t features);

// The flat parameter values the model of `config` starts from (its init scheme and seed).
// Throws std::invalid_argument as buildModel does.
std::vector<double> initialParameters(const ModelConfig& config, std::int64_t features);

// The one-feature model of `config` carrying flat `values` (in `layout` order), evaluated at
// `xs` in float64. Returns nullopt and says why when the values do not fit the model.
std::optional<std::vector<double>> predict(const ModelConfig& config, const std::vector<ParamSlot>& layout,
                                           const std::vector<double>& values, const std::vector<double>& xs, QString* error);

// The model of `config` carrying flat `values` (in `layout` order), evaluated in float64 at each
// row of row-major `x` (rows × `features` raw feature values, expanded as for training): the
// predictions, one per row. Returns nullopt and says why when the values or `x` do not fit the
// model.
std::optional<std::vector<double>> predictRows(const ModelConfig& config, const std::vector<ParamSlot>& layout,
                                               const std::vector<double>& values, const std::vector<double>& x,
                                               std::int64_t features, QString* error);

struct Landscape {
    std::vector<double> aAxis, bAxis; // the first and second parameter value, ascending
    std::vector<double> loss;         // row-major: loss[j * aAxis.size() + i] at (aAxis[i], bAxis[j])
    QString aName, bName;             // flat parameter names
    double minLoss = 0.0;             // the lowest loss on the grid ...
    double minA = 0.0, minB = 0.0;    // ... and where it is
    bool exact = true;                // false when the loss was evaluated on a subsample of the rows
};

// Rows at most used for a loss that has no closed form over the grid (all but MSE).
inline constexpr std::int64_t kLandscapeMaxRows = 20'000;

// The configured loss on the training rows, in double, over `steps` × `steps` values of the two
// parameters of the model, centre ± half-width on each axis. Only for models with exactly two
// parameter values (a + b·x; linear or polynomial of degree 1 on one feature); otherwise, or for
// unusable arguments, nullopt and a message that says why. MSE is exact for any number of rows
// (a quadratic form from sums); the other losses use at most kLandscapeMaxRows rows evenly spaced
// through the training set (a sum is scaled up to all rows) and then `exact` is false.
std::optional<Landscape> lossLandscape(const ExperimentConfig& config, const data::Dataset& train, const std::vector<double>& center,
                                       double halfWidthA, double halfWidthB, int steps, QString* error);

// An iso-line of the landscape: points (a[k], b[k]); a closed one ends where it starts.
struct Polyline {
    double level = 0.0;
    std::vector<double> a, b;
    bool closed = false;
};

// The contour lines at each of `levels` (marching squares, linear interpolation along the cell
// edges; saddles decided by the cell's mean).
std::vector<Polyline> contours(const Landscape& landscape, const std::vector<double>& levels);

// `count` levels between the lowest and highest loss, spaced as the squares of 1..count so that a
// quadratic bowl gets evenly spaced rings.
std::vector<double> contourLevels(const Landscape& landscape, int count);

} // namespace gradlab::experiment
