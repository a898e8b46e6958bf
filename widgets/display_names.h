// The names the forms show for a model type and an optimizer, shared by the settings form and the
// views that list runs, so that both say "a + b·x" and "SGD" rather than the JSON names.
#pragma once

#include "engine/backend.h"
#include "experiment/experiment_config.h"

#include <QString>

#include <string>

namespace gradlab::widgets {

QString modelTypeName(experiment::ModelConfig::Type type);         // "a + b·x", "Linear", ...
QString modelName(const experiment::ModelConfig& model);           // with a polynomial's degree
QString optimizerTypeName(experiment::OptimizerConfig::Type type); // "SGD", "Adam", ...
QString optimizerSummary(const experiment::OptimizerConfig& optimizer); // "SGD, lr 0.1"
// The same for a run's configuration, which also says when the gradients were not zeroed
// ("SGD, lr 0.1, gradients not zeroed"), so that such a run is told apart from the others.
QString optimizerSummary(const experiment::ExperimentConfig& config);
// For a loss other than the squared error: that the closed form (least squares) is not that
// loss's minimum, so a trained model may rightly differ from it and reach a lower loss. Empty for MSE.
QString closedFormLossNote(const experiment::LossConfig& loss);
// Why a device cannot be used, as a sentence in the user's language ("No CUDA device was found.");
// empty for a usable one. The engine's own reason is English and kept for logs.
QString deviceProblem(const gradlab::DeviceInfo& device);

// A column's name as it is shown on one line (a table's header, a combo box, a list, a plot's axis,
// gradlab-cli's table): a line feed, carriage return or tab in it as \n, \r, \t, and any other
// control or line-breaking character as \xNN or \uNNNN, as the CSV reader's messages quote names.
// Only for showing: the name itself (in the project, the JSON exports) stays as read.
QString oneLineName(const QString& name);
QString oneLineName(const std::string& name);

} // namespace gradlab::widgets
