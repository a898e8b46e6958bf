// The graph view's data: make_dot's nodes for the model's ŷ, error and loss, each with its value
// and the gradient a backward pass sent into it, checked against the tutorial's NumPy formulas.
#include "experiment/graph_inspection.h"
#include "experiment/model_factory.h"

#include "tutorial_fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace gradlab;
using namespace gradlab::experiment;
using namespace gradlab::testing;

namespace {

// The tutorial's gradients, in NumPy's words: a_grad = -2 * error.mean(), b_grad = -2 * (x * error).mean().
std::pair<double, double> numpyGradients(const ExperimentData& d, double a, double b)
{
    double ga = 0.0, gb = 0.0;
    const auto n = static_cast<double>(d.train.y.size());
    for (std::size_t i = 0; i < d.train.y.size(); ++i) {
        const double error = d.train.y[i] - (a + b * d.train.x[i]);
        ga += error;
        gb += d.train.x[i] * error;
    }
    return {-2.0 * ga / n, -2.0 * gb / n};
}

// The tutorial's loss in NumPy's words: (error ** 2).mean(), error = y - (a + b * x).
double numpyMse(const ExperimentData& d, double a, double b)
{
    double sum = 0.0;
    for (std::size_t i = 0; i < d.train.y.size(); ++i)
        sum += std::pow(d.train.y[i] - (a + b * d.train.x[i]), 2);
    return sum / static_cast<double>(d.train.y.size());
}

int nodeWithLabel(const InspectedGraph& g, const std::string& label)
{
    for (std::size_t i = 0; i < g.graph.nodes.size(); ++i)
        if (g.graph.nodes[i].label == label)
            return static_cast<int>(i);
    return -1;
}

std::multiset<std::string> ops(const InspectedGraph& g)
{
    std::multiset<std::string> out;
    for (const GraphNode& n : g.graph.nodes)
        out.insert(n.op);
    return out;
}

// The graph's edges as "input -> consumer" by backward-node name, a parameter as
// "AccumulateGrad(name)": PyTorch's grad_fn.next_functions, walked from the root.
std::multiset<std::string> edgesByName(const InspectedGraph& g)
{
    auto name = [&g](const std::string& id) {
        const GraphNode* n = g.graph.find(id);
        if (n->kind != GraphNode::Kind::Parameter)
            return n->op;
        return n->op + "(" + n->label.substr(0, n->label.find('\n')) + ")";
    };
    std::multiset<std::string> out;
    for (const GraphEdge& e : g.graph.edges)
        out.insert(name(e.from) + " -> " + name(e.to));
    return out;
}

bool closeRel(double actual, double expected, double tol)
{
    return std::abs(actual - expected) <= tol * std::max(1.0, std::abs(expected));
}

InspectedGraph inspect(const ExperimentConfig& c, const ExperimentData& d, GraphRoot root, const std::vector<double>& params = {})
{
    QString error;
    auto g = inspectGraph(c, d, params, root, &error);
    if (!g)
        qFatal("%s", qPrintable(error));
    return *g;
}

} // namespace

class TestGraphInspection : public QObject {
    Q_OBJECT

private slots:
    void lossGraphHasPyTorchsNodes();
    void parameterGradientsAreTheNumPyFormulas();
    void givenParametersAreUsed();
    void yhatAndErrorGraphs();
    void writtenOutLossIsTheTutorialsSection24Graph();
    void writtenOutLossOnlyForTheMse();
    void frozenParameterHasNoNode();
    void everyParameterFrozenIsAnError();
    void wrongParameterCountIsAnError();
    void mlpGraphHasEveryParameter();
};

void TestGraphInspection::lossGraphHasPyTorchsNodes()
{
    const ExperimentData d = tutorialData();
    const InspectedGraph g = inspect(ExperimentConfig::tutorial(), d, GraphRoot::Loss);
    // make_dot(loss_fn(y, yhat)) with nn.MSELoss and yhat = a + b * x.
    const std::multiset<std::string> want{"MseLossBackward0", "AddBackward0", "MulBackward0", "AccumulateGrad",
                                          "AccumulateGrad"};
    QCOMPARE(ops(g), want);
    QCOMPARE(g.graph.edges.size(), std::size_t(4));
    QCOMPARE(g.graph.nodes.front().kind, GraphNode::Kind::Root);
    QCOMPARE(g.graph.nodes.front().op, std::string("MseLossBackward0"));
    QVERIFY(nodeWithLabel(g, "a\n(1)") >= 0);
    QVERIFY(nodeWithLabel(g, "b\n(1)") >= 0);
    QCOMPARE(g.values.size(), g.graph.nodes.size());
    QCOMPARE(g.grads.size(), g.graph.nodes.size());
    QCOMPARE(g.shapes.size(), g.graph.nodes.size());

    // Every node has a value and a gradient, sized by its shape.
    for (std::size_t i = 0; i < g.graph.nodes.size(); ++i) {
        QCOMPARE(static_cast<std::int64_t>(g.values[i].size()), g.shapes[i].numel());
        QCOMPARE(static_cast<std::int64_t>(g.grads[i].size()), g.shapes[i].numel());
    }
    const int add = nodeWithLabel(g, "AddBackward0");
    QCOMPARE(g.shapes[static_cast<std::size_t>(add)], (Shape{80, 1}));
    QCOMPARE(g.shapes.front(), Shape{});

    // The root's value is the tutorial's loss at the initial parameters, its gradient 1.
    const QJsonObject init = expected().value(QStringLiteral("torch_init_seed42")).toObject();
    const double a = init.value(QStringLiteral("a")).toDouble(), b = init.value(QStringLiteral("b")).toDouble();
    const double mse = numpyMse(d, a, b);
    QVERIFY2(closeRel(g.values.front().at(0), mse, 1e-5), qPrintable(QString::number(g.values.front().at(0))));
    QCOMPARE(g.grads.front().at(0), 1.0);
    // The prediction node's gradient is dL/dŷ = -2 (y - ŷ) / n.
    const auto& gy = g.grads[static_cast<std::size_t>(add)];
    const auto& yhat = g.values[static_cast<std::size_t>(add)];
    for (std::size_t i = 0; i < d.train.y.size(); ++i) {
        QVERIFY(closeRel(yhat[i], a + b * d.train.x[i], 1e-5));
        QVERIFY(closeRel(gy[i], -2.0 * (d.train.y[i] - yhat[i]) / 80.0, 1e-5));
    }
}

void TestGraphInspection::parameterGradientsAreTheNumPyFormulas()
{
    const ExperimentData d = tutorialData();
    const InspectedGraph g = inspect(ExperimentConfig::tutorial(), d, GraphRoot::Loss);
    const QJsonObject init = expected().value(QStringLiteral("torch_init_seed42")).toObject();
    const double a = init.value(QStringLiteral("a")).toDouble(), b = init.value(QStringLiteral("b")).toDouble();
    const auto [ga, gb] = numpyGradients(d, a, b);
    const int ia = nodeWithLabel(g, "a\n(1)"), ib = nodeWithLabel(g, "b\n(1)");
    QVERIFY(ia >= 0 && ib >= 0);
    QVERIFY(closeRel(g.values[static_cast<std::size_t>(ia)].at(0), a, 1e-6));
    QVERIFY(closeRel(g.values[static_cast<std::size_t>(ib)].at(0), b, 1e-6));
    const double gotA = g.grads[static_cast<std::size_t>(ia)].at(0), gotB = g.grads[static_cast<std::size_t>(ib)].at(0);
    QVERIFY2(closeRel(gotA, ga, 1e-5), qPrintable(QStringLiteral("%1 vs %2").arg(gotA).arg(ga)));
    QVERIFY2(closeRel(gotB, gb, 1e-5), qPrintable(QStringLiteral("%1 vs %2").arg(gotB).arg(gb)));
}

void TestGraphInspection::givenParametersAreUsed()
{
    const ExperimentData d = tutorialData();
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.training.dtype = QStringLiteral("float64");
    const InspectedGraph g = inspect(c, d, GraphRoot::Loss, {1.5, -0.5});
    const auto [ga, gb] = numpyGradients(d, 1.5, -0.5);
    const int ia = nodeWithLabel(g, "a\n(1)"), ib = nodeWithLabel(g, "b\n(1)");
    QCOMPARE(g.values[static_cast<std::size_t>(ia)].at(0), 1.5);
    QCOMPARE(g.values[static_cast<std::size_t>(ib)].at(0), -0.5);
    QVERIFY(closeRel(g.grads[static_cast<std::size_t>(ia)].at(0), ga, 1e-12));
    QVERIFY(closeRel(g.grads[static_cast<std::size_t>(ib)].at(0), gb, 1e-12));
}

void TestGraphInspection::yhatAndErrorGraphs()
{
    const ExperimentData d = tutorialData();
    const InspectedGraph yhat = inspect(ExperimentConfig::tutorial(), d, GraphRoot::Yhat);
    QCOMPARE(ops(yhat), (std::multiset<std::string>{"AddBackward0", "MulBackward0", "AccumulateGrad", "AccumulateGrad"}));
    QCOMPARE(yhat.graph.nodes.front().op, std::string("AddBackward0"));
    // Seeded with ones: a's gradient is the number of rows, b's the sum of x.
    double sumX = 0.0;
    for (double x : d.train.x)
        sumX += x;
    QVERIFY(closeRel(yhat.grads[static_cast<std::size_t>(nodeWithLabel(yhat, "a\n(1)"))].at(0), 80.0, 1e-6));
    QVERIFY(closeRel(yhat.grads[static_cast<std::size_t>(nodeWithLabel(yhat, "b\n(1)"))].at(0), sumX, 1e-5));

    const InspectedGraph error = inspect(ExperimentConfig::tutorial(), d, GraphRoot::Error);
    QCOMPARE(ops(error),
             (std::multiset<std::string>{"SubBackward0", "AddBackward0", "MulBackward0", "AccumulateGrad", "AccumulateGrad"}));
    QCOMPARE(error.graph.nodes.front().op, std::string("SubBackward0"));
    QCOMPARE(error.shapes.front(), (Shape{80, 1}));
    QVERIFY(closeRel(error.grads[static_cast<std::size_t>(nodeWithLabel(error, "a\n(1)"))].at(0), -80.0, 1e-6));
}

void TestGraphInspection::writtenOutLossIsTheTutorialsSection24Graph()
{
    const ExperimentData d = tutorialData();
    const InspectedGraph g = inspect(ExperimentConfig::tutorial(), d, GraphRoot::LossWrittenOut);
    // PyTorch 1.13, the tutorial's section 2.4 (a, b = torch.randn(1, requires_grad=True);
    // yhat = a + b * x; error = y - yhat; loss = (error ** 2).mean()), loss.grad_fn walked through
    // next_functions:
    //   MeanBackward0
    //     PowBackward0
    //       SubBackward0                  (y does not require grad: no node)
    //         AddBackward0
    //           AccumulateGrad  (a)
    //           MulBackward0
    //             AccumulateGrad  (b)
    const std::multiset<std::string> pytorch{
        "PowBackward0 -> MeanBackward0",      "SubBackward0 -> PowBackward0",
        "AddBackward0 -> SubBackward0",       "AccumulateGrad(a) -> AddBackward0",
        "MulBackward0 -> AddBackward0",       "AccumulateGrad(b) -> MulBackward0"};
    QCOMPARE(edgesByName(g), pytorch);
    QCOMPARE(g.graph.nodes.size(), std::size_t(7));
    QCOMPARE(g.graph.nodes.front().kind, GraphNode::Kind::Root);
    QCOMPARE(g.graph.nodes.front().op, std::string("MeanBackward0"));

    // The same loss as nn.MSELoss: the root's value, and a's and b's gradients, are the NumPy formulas'.
    const QJsonObject init = expected().value(QStringLiteral("torch_init_seed42")).toObject();
    const double a = init.value(QStringLiteral("a")).toDouble(), b = init.value(QStringLiteral("b")).toDouble();
    const double mse = numpyMse(d, a, b);
    QVERIFY(closeRel(g.values.front().at(0), mse, 1e-5));
    QCOMPARE(g.grads.front().at(0), 1.0);
    const auto [ga, gb] = numpyGradients(d, a, b);
    QVERIFY(closeRel(g.grads[static_cast<std::size_t>(nodeWithLabel(g, "a\n(1)"))].at(0), ga, 1e-5));
    QVERIFY(closeRel(g.grads[static_cast<std::size_t>(nodeWithLabel(g, "b\n(1)"))].at(0), gb, 1e-5));
    // The square's gradient is dL/d(error²) = 1/n for every row.
    const auto& pow = g.grads[static_cast<std::size_t>(nodeWithLabel(g, "PowBackward0"))];
    QCOMPARE(pow.size(), std::size_t(80));
    for (double v : pow)
        QVERIFY(closeRel(v, 1.0 / 80.0, 1e-6));

    // The configured nn.MSELoss, by contrast: MseLossBackward0 <- AddBackward0 <- ... (PyTorch 1.13).
    const InspectedGraph configured = inspect(ExperimentConfig::tutorial(), d, GraphRoot::Loss);
    QCOMPARE(edgesByName(configured),
             (std::multiset<std::string>{"AddBackward0 -> MseLossBackward0", "AccumulateGrad(a) -> AddBackward0",
                                         "MulBackward0 -> AddBackward0", "AccumulateGrad(b) -> MulBackward0"}));
}

void TestGraphInspection::writtenOutLossOnlyForTheMse()
{
    QVERIFY(graphRootUnavailable(GraphRoot::LossWrittenOut, ExperimentConfig::tutorial()).isEmpty());
    for (auto type : {LossConfig::Type::L1, LossConfig::Type::Huber, LossConfig::Type::SmoothL1}) {
        ExperimentConfig c = ExperimentConfig::tutorial();
        c.loss.type = type;
        QString error;
        QVERIFY(!inspectGraph(c, tutorialData(), {}, GraphRoot::LossWrittenOut, &error));
        QVERIFY2(error.contains(QStringLiteral("another loss")), qPrintable(error));
        QVERIFY(inspectGraph(c, tutorialData(), {}, GraphRoot::Loss, &error)); // its own graph is there
    }
    ExperimentConfig sum = ExperimentConfig::tutorial();
    sum.loss.reduction = LossConfig::Reduction::Sum;
    QVERIFY(!graphRootUnavailable(GraphRoot::LossWrittenOut, sum).isEmpty());
}

void TestGraphInspection::frozenParameterHasNoNode()
{
    const ExperimentData d = tutorialData();
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.model.frozen = QStringList{QStringLiteral("b")};
    const InspectedGraph g = inspect(c, d, GraphRoot::Loss);
    QCOMPARE(nodeWithLabel(g, "b\n(1)"), -1);
    QVERIFY(nodeWithLabel(g, "a\n(1)") >= 0);
    QCOMPARE(ops(g), (std::multiset<std::string>{"MseLossBackward0", "AddBackward0", "AccumulateGrad"}));
    // Freezing b changes no gradient: a's is still the formula's.
    const QJsonObject init = expected().value(QStringLiteral("torch_init_seed42")).toObject();
    const auto [ga, gb] = numpyGradients(d, init.value(QStringLiteral("a")).toDouble(), init.value(QStringLiteral("b")).toDouble());
    Q_UNUSED(gb);
    QVERIFY(closeRel(g.grads[static_cast<std::size_t>(nodeWithLabel(g, "a\n(1)"))].at(0), ga, 1e-5));
}

void TestGraphInspection::everyParameterFrozenIsAnError()
{
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.model.frozen = QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QString error;
    QVERIFY(!inspectGraph(c, tutorialData(), {}, GraphRoot::Loss, &error));
    QVERIFY(error.contains(QStringLiteral("frozen")));
}

void TestGraphInspection::wrongParameterCountIsAnError()
{
    QString error;
    QVERIFY(!inspectGraph(ExperimentConfig::tutorial(), tutorialData(), {1.0, 2.0, 3.0}, GraphRoot::Loss, &error));
    QVERIFY(error.contains(QStringLiteral("2")) && error.contains(QStringLiteral("3")));
    ExperimentData empty;
    QVERIFY(!inspectGraph(ExperimentConfig::tutorial(), empty, {}, GraphRoot::Loss, &error));
    QVERIFY(!error.isEmpty());
}

void TestGraphInspection::mlpGraphHasEveryParameter()
{
    const ExperimentData d = tutorialData();
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.model.type = ModelConfig::Type::Mlp;
    c.model.hidden = {16, 16};
    const InspectedGraph g = inspect(c, d, GraphRoot::Loss);
    const QStringList names = parameterNames(c.model, 1);
    QCOMPARE(names.size(), 6);
    int params = 0;
    for (std::size_t i = 0; i < g.graph.nodes.size(); ++i) {
        const GraphNode& n = g.graph.nodes[i];
        if (n.kind != GraphNode::Kind::Parameter)
            continue;
        ++params;
        QVERIFY2(names.contains(QString::fromStdString(n.label.substr(0, n.label.find('\n')))), n.label.c_str());
        QCOMPARE(static_cast<std::int64_t>(g.grads[i].size()), n.shape.numel());
    }
    QCOMPARE(params, 6);
    QCOMPARE(std::count_if(g.graph.nodes.begin(), g.graph.nodes.end(), [](const GraphNode& n) { return n.op == "TanhBackward0"; }), 2);
    // Freezing one layer's weight removes exactly its node.
    c.model.frozen = QStringList{names.front()};
    const InspectedGraph frozen = inspect(c, d, GraphRoot::Loss);
    QCOMPARE(std::count_if(frozen.graph.nodes.begin(), frozen.graph.nodes.end(),
                           [](const GraphNode& n) { return n.kind == GraphNode::Kind::Parameter; }),
             5);
}

QTEST_GUILESS_MAIN(TestGraphInspection)
#include "tst_graph_inspection.moc"
