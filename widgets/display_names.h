// The names the forms show for a model type and an optimizer, shared by the settings form and the
// views that list runs, so that both say "a + b·x" and "SGD" rather than the JSON names.
#pragma once

#include "experiment/experiment_config.h"

#include <QString>

namespace gradlab::widgets {

QString modelTypeName(experiment::ModelConfig::Type type);         // "a + b·x", "Linear", ...
QString modelName(const experiment::ModelConfig& model);           // with a polynomial's degree
QString optimizerTypeName(experiment::OptimizerConfig::Type type); // "SGD", "Adam", ...
QString optimizerSummary(const experiment::OptimizerConfig& optimizer); // "SGD, lr 0.1"

} // namespace gradlab::widgets
