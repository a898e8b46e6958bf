// Builds the engine's model for a ModelConfig: the module, its initial values and which
// parameters are frozen, and the input features it reads.
#pragma once

#include "experiment_config.h"

#include "engine/nn.h"

#include <memory>
#include <vector>

namespace gradlab::experiment {

// The module for `config` with `inputs` input columns (after feature expansion), in `dtype`.
// Initialisation: "torch" seeds PyTorch's generator with init.seed and constructs the module as
// PyTorch would; "zeros" sets everything to 0; "custom" takes init.values (every parameter
// named, each with the right number of values). Frozen parameters do not require grad.
// Throws std::invalid_argument with a message naming the problem.
std::shared_ptr<Module> buildModel(const ModelConfig& config, std::int64_t inputs, DType dtype);

// The columns the model reads for `features` raw feature values per row: a polynomial of degree
// d on one feature reads x, x², …, x^d; every other model reads the features as they are.
std::int64_t modelInputs(const ModelConfig& config, std::int64_t features);
// Expands row-major `x` (rows × features) into the model's input columns.
std::vector<double> expandFeatures(const ModelConfig& config, const std::vector<double>& x, std::int64_t features);

// Parameter names of the model `config` builds (for forms, frozen lists and custom values).
QStringList parameterNames(const ModelConfig& config, std::int64_t inputs);

} // namespace gradlab::experiment
