#include "graph_inspection.h"
#include "model_factory.h"
#include "trainer.h"

#include "engine/autograd.h"

#include <QCoreApplication>

#include <exception>
#include <map>
#include <unordered_map>

namespace gradlab::experiment {
namespace {

struct GraphInspectionText {
    Q_DECLARE_TR_FUNCTIONS(GraphInspectionText)
};

} // namespace

QString graphRootUnavailable(GraphRoot root, const ExperimentConfig& config)
{
    if (root == GraphRoot::LossWrittenOut
        && (config.loss.type != LossConfig::Type::Mse || config.loss.reduction != LossConfig::Reduction::Mean))
        return GraphInspectionText::tr(
            "The written-out loss is the tutorial's (error ** 2).mean(), the mean squared error, but this "
            "experiment trains with another loss: choose the configured loss function's graph instead.");
    return {};
}

Tensor graphRootTensor(GraphRoot root, const Loss& loss, const Tensor& y, const Tensor& yhat)
{
    switch (root) {
    case GraphRoot::Yhat: return yhat;
    case GraphRoot::Error: return y - yhat;
    case GraphRoot::Loss: return loss(y, yhat);
    case GraphRoot::LossWrittenOut: {
        const Tensor error = y - yhat;
        return error.pow(2.0).mean();
    }
    }
    return yhat;
}

std::optional<InspectedGraph> inspectGraph(const ExperimentConfig& config, const ExperimentData& data,
                                           const std::vector<double>& params, GraphRoot root, QString* error)
{
    auto fail = [error](const QString& message) -> std::optional<InspectedGraph> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const data::Dataset& train = data.train;
    if (train.rows() == 0)
        return fail(GraphInspectionText::tr("The training set has no rows, so there is no graph to show."));
    if (const QString why = graphRootUnavailable(root, config); !why.isEmpty())
        return fail(why);
    try {
        // The CPU, whatever the run's device: the graph is the same, and a run in progress on the
        // GPU keeps it to itself.
        const DType dtype = parseDType(config.training.dtype.toStdString());
        const std::int64_t k = train.features();
        const std::int64_t inputs = modelInputs(config.model, k);
        const std::shared_ptr<Module> model = buildModel(config.model, inputs, dtype);
        const NamedTensors named = model->namedParameters();

        if (!params.empty()) {
            std::size_t total = 0;
            for (const auto& [name, p] : named)
                total += static_cast<std::size_t>(p.numel());
            if (params.size() != total)
                return fail(GraphInspectionText::tr("The model has %1 parameter values but %2 were given.")
                                .arg(total)
                                .arg(params.size()));
            NoGradGuard noGrad;
            std::size_t at = 0;
            for (const auto& [name, p] : named) {
                const auto n = static_cast<std::size_t>(p.numel());
                const std::vector<double> v(params.begin() + static_cast<std::ptrdiff_t>(at),
                                            params.begin() + static_cast<std::ptrdiff_t>(at + n));
                Tensor(p).copy_(fromData(v, p.shape(), TensorOptions{}.withDType(p.dtype())));
                at += n;
            }
        }

        const TensorOptions options = TensorOptions{}.withDType(dtype);
        const Tensor x = fromData(expandFeatures(config.model, train.x, k), Shape{train.rows(), inputs}, options);
        const Tensor y = fromData(train.y, Shape{train.rows(), 1}, options);
        const Loss loss = buildLoss(config.loss);

        // The gradient into every backward node, by sequence number.
        std::unordered_map<std::uint64_t, std::vector<double>> grads;
        GraphRecordGuard record(
            [&grads](const Node& node, const Tensor& grad) { grads[node.sequenceNr()] = grad.toVector(); });
        model->train();
        const Tensor yhat = (*model)(x);
        const Tensor out = graphRootTensor(root, loss, y, yhat);
        if (!out.requiresGrad())
            return fail(GraphInspectionText::tr(
                "Every parameter is frozen, so nothing requires a gradient and autograd records no graph."));

        std::map<const TensorImpl*, std::string> names;
        for (const auto& [name, p] : named)
            names[p.impl()] = name;
        InspectedGraph result;
        result.graph = buildGraph(out, names);
        out.backward(out.numel() == 1 ? Tensor() : ones(out.shape(), options));

        for (GraphNode& node : result.graph.nodes) {
            result.shapes.push_back(node.shape);
            result.values.push_back(node.tensor ? Tensor(node.tensor).toVector() : std::vector<double>{});
            const auto it = grads.find(node.sequenceNr);
            result.grads.push_back(it != grads.end() ? it->second : std::vector<double>{});
            if (node.kind != GraphNode::Kind::Parameter)
                node.tensor.reset(); // the values are copied; the engine's buffers can go
        }
        return result;
    } catch (const std::exception& e) {
        return fail(GraphInspectionText::tr("Could not build the graph: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace gradlab::experiment
