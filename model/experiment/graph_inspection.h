// The autograd graph of an experiment's model as the graph view shows it: make_dot's nodes for
// ŷ, the error or the loss on the training rows, each with the value it produced and the
// gradient a backward pass from the root sent into it.
#pragma once

#include "experiment_config.h"
#include "experiment_data.h"

#include "engine/graph.h"
#include "engine/nn.h"

#include <QString>

#include <optional>
#include <vector>

namespace gradlab::experiment {

// The tutorial's graphs: yhat = model(x), error = y - yhat, loss = loss_fn(y, yhat) (the configured
// loss, nn.MSELoss by default: one MseLossBackward0 node), and section 2.4's loss written out,
// (error ** 2).mean() (MeanBackward0 <- PowBackward0 <- SubBackward0 <- ...).
enum class GraphRoot { Yhat, Error, Loss, LossWrittenOut };

// Why `config` has no graph of `root`, or empty. The written-out loss is the mean squared error's
// formula, so it is offered only where the configured loss is the MSE with mean reduction: for any
// other loss it would be the graph of a loss the experiment does not train with.
QString graphRootUnavailable(GraphRoot root, const ExperimentConfig& config);

// The tensor whose graph is drawn, from the targets `y` and the prediction `yhat`, built with the
// engine's ops as the tutorial's code builds it. `loss` is the configured loss function.
Tensor graphRootTensor(GraphRoot root, const Loss& loss, const Tensor& y, const Tensor& yhat);

struct InspectedGraph {
    Graph graph;
    // Per node, in the order of graph.nodes, row-major. values: what the node produced (a
    // parameter's value, an operation's output). grads: the gradient of the root's sum with
    // respect to that value; empty where no gradient reached the node.
    std::vector<std::vector<double>> values, grads;
    std::vector<Shape> shapes;
};

// Builds the model as the Trainer does (same initialisation, frozen parameters, feature expansion
// and dtype; on the CPU), sets `params` (flat, in namedParameters() order; empty: the initial
// values), runs the forward pass on the training rows and backward from `root` (a non-scalar root
// is seeded with ones, i.e. the gradient of root.sum()). Frozen parameters have no node, as in
// make_dot. On a problem returns nullopt and says why in `error`.
std::optional<InspectedGraph> inspectGraph(const ExperimentConfig& config, const ExperimentData& data,
                                           const std::vector<double>& params, GraphRoot root, QString* error);

} // namespace gradlab::experiment
