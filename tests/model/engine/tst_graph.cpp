// The autograd graph as data (buildGraph) and as Graphviz DOT (toDot), checked against what
// torchviz's make_dot draws for the tutorial's section 2.4 and for a Linear layer.
#include "engine/autograd.h"
#include "engine/generator.h"
#include "engine/graph.h"
#include "engine/nn.h"
#include "engine/ops.h"
#include "engine/tensor.h"

#include <QtTest>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace gradlab;

namespace {

const TensorOptions kGrad = TensorOptions{}.withRequiresGrad();

// The tutorial's tensors: parameters a and b of shape (1), data x and y of shape (80, 1).
struct Tutorial {
    Tensor a, b, x, y;
    Tutorial()
    {
        a = fromData({0.3367}, Shape{1}, kGrad).setName("a");
        b = fromData({0.1288}, Shape{1}, kGrad).setName("b");
        std::vector<double> xs, ys;
        for (int i = 0; i < 80; ++i) {
            xs.push_back(i / 80.0);
            ys.push_back(1.0 + 2.0 * i / 80.0);
        }
        x = fromData(xs, Shape{80, 1});
        y = fromData(ys, Shape{80, 1});
    }
};

std::vector<const GraphNode*> nodesWithOp(const Graph& g, const std::string& op)
{
    std::vector<const GraphNode*> out;
    for (const GraphNode& n : g.nodes)
        if (n.op == op)
            out.push_back(&n);
    return out;
}

// The single node with this op (nullptr when there is none or more than one).
const GraphNode* uniqueNode(const Graph& g, const std::string& op)
{
    const auto v = nodesWithOp(g, op);
    return v.size() == 1 ? v.front() : nullptr;
}

const GraphNode* parameterNode(const Graph& g, const Tensor& leaf)
{
    for (const GraphNode& n : g.nodes)
        if (n.kind == GraphNode::Kind::Parameter && n.tensor.get() == leaf.impl())
            return &n;
    return nullptr;
}

int countEdges(const Graph& g, const GraphNode* from, const GraphNode* to)
{
    if (!from || !to)
        return -1;
    return static_cast<int>(std::count_if(g.edges.begin(), g.edges.end(), [&](const GraphEdge& e) {
        return e.from == from->id && e.to == to->id;
    }));
}

int countKind(const Graph& g, GraphNode::Kind kind)
{
    return static_cast<int>(
        std::count_if(g.nodes.begin(), g.nodes.end(), [kind](const GraphNode& n) { return n.kind == kind; }));
}

// Ids are unique, every edge joins two nodes of the graph, and exactly one node is the root.
std::string structureProblem(const Graph& g)
{
    std::set<std::string> ids;
    for (const GraphNode& n : g.nodes)
        if (!ids.insert(n.id).second)
            return "duplicate node id " + n.id;
    for (const GraphEdge& e : g.edges)
        if (!ids.count(e.from) || !ids.count(e.to))
            return "edge " + e.from + " -> " + e.to + " names a missing node";
    if (!g.nodes.empty() && countKind(g, GraphNode::Kind::Root) != 1)
        return "expected exactly one root, found " + std::to_string(countKind(g, GraphNode::Kind::Root));
    for (const GraphEdge& e : g.edges)
        if (g.find(e.from)->kind == GraphNode::Kind::Root)
            return "the root " + e.from + " has an outgoing edge";
    return {};
}

// The DOT statement that declares node `id`.
std::string dotLine(const std::string& dot, const std::string& id)
{
    const std::string prefix = "\t" + id + " [";
    const auto pos = dot.find(prefix);
    if (pos == std::string::npos)
        return {};
    return dot.substr(pos, dot.find('\n', pos) - pos);
}

} // namespace

#define VERIFY_STRUCTURE(g)                                                                                    \
    do {                                                                                                       \
        const std::string problem_ = structureProblem(g);                                                      \
        QVERIFY2(problem_.empty(), problem_.c_str());                                                          \
    } while (false)

class TestGraph : public QObject {
    Q_OBJECT

private slots:
    void tutorialPredictionGraph();
    void tutorialErrorGraphAddsSub();
    void tutorialLossGraphHasMeanRoot();
    void parameterWithoutGradHasNoNode();
    void dotColoursByKind();
    void dotEscapesQuotesBackslashesAndNewlines();
    void linearLayerGraph();
    void namesMapOverridesTensorNames();
    void sharedInputAppearsOnce();
    void leafAndPlainTensorGraphs();
};

void TestGraph::tutorialPredictionGraph()
{
    const Tutorial t;
    const Tensor yhat = t.a + t.b * t.x;
    const Graph g = buildGraph(yhat);
    VERIFY_STRUCTURE(g);

    QCOMPARE(g.nodes.size(), std::size_t(4));
    QCOMPARE(g.edges.size(), std::size_t(3));

    const GraphNode* root = uniqueNode(g, "AddBackward0");
    QVERIFY(root);
    QCOMPARE(root->kind, GraphNode::Kind::Root);
    QCOMPARE(root->label, std::string("AddBackward0"));
    QCOMPARE(root->shape, (Shape{80, 1}));
    QCOMPARE(root->id, g.nodes.front().id);

    const GraphNode* mul = uniqueNode(g, "MulBackward0");
    QVERIFY(mul);
    QCOMPARE(mul->kind, GraphNode::Kind::Operation);
    QCOMPARE(mul->label, std::string("MulBackward0"));

    const GraphNode* pa = parameterNode(g, t.a);
    const GraphNode* pb = parameterNode(g, t.b);
    QVERIFY(pa);
    QVERIFY(pb);
    QCOMPARE(pa->op, std::string("AccumulateGrad"));
    QCOMPARE(pa->label, std::string("a\n(1)"));
    QCOMPARE(pb->label, std::string("b\n(1)"));
    QCOMPARE(pa->shape, (Shape{1}));
    QCOMPARE(countKind(g, GraphNode::Kind::Parameter), 2);
    QVERIFY(!parameterNode(g, t.x)); // x does not require grad: no node, as in make_dot

    QCOMPARE(countEdges(g, pa, root), 1);
    QCOMPARE(countEdges(g, mul, root), 1);
    QCOMPARE(countEdges(g, pb, mul), 1);
}

void TestGraph::tutorialErrorGraphAddsSub()
{
    const Tutorial t;
    const Tensor yhat = t.a + t.b * t.x;
    const Tensor error = t.y - yhat;
    const Graph g = buildGraph(error);
    VERIFY_STRUCTURE(g);
    QCOMPARE(g.nodes.size(), std::size_t(5));
    QCOMPARE(g.edges.size(), std::size_t(4));
    const GraphNode* root = uniqueNode(g, "SubBackward0");
    QVERIFY(root);
    QCOMPARE(root->kind, GraphNode::Kind::Root);
    const GraphNode* add = uniqueNode(g, "AddBackward0");
    QVERIFY(add);
    QCOMPARE(add->kind, GraphNode::Kind::Operation);
    QCOMPARE(countEdges(g, add, root), 1);
    QVERIFY(!parameterNode(g, t.y));
}

void TestGraph::tutorialLossGraphHasMeanRoot()
{
    const Tutorial t;
    const Tensor yhat = t.a + t.b * t.x;
    const Tensor error = t.y - yhat;
    const Tensor loss = error.pow(2.0).mean();
    const Graph g = buildGraph(loss);
    VERIFY_STRUCTURE(g);
    QCOMPARE(g.nodes.size(), std::size_t(7));
    QCOMPARE(g.edges.size(), std::size_t(6));
    const GraphNode* root = uniqueNode(g, "MeanBackward0");
    QVERIFY(root);
    QCOMPARE(root->kind, GraphNode::Kind::Root);
    QCOMPARE(root->shape, Shape{});
    const GraphNode* pow = uniqueNode(g, "PowBackward0");
    const GraphNode* sub = uniqueNode(g, "SubBackward0");
    const GraphNode* add = uniqueNode(g, "AddBackward0");
    const GraphNode* mul = uniqueNode(g, "MulBackward0");
    QVERIFY(pow && sub && add && mul);
    QCOMPARE(countEdges(g, pow, root), 1);
    QCOMPARE(countEdges(g, sub, pow), 1);
    QCOMPARE(countEdges(g, add, sub), 1);
    QCOMPARE(countEdges(g, mul, add), 1);
    QCOMPARE(countEdges(g, parameterNode(g, t.a), add), 1);
    QCOMPARE(countEdges(g, parameterNode(g, t.b), mul), 1);
    for (const GraphNode* op : {pow, sub, add, mul})
        QCOMPARE(op->kind, GraphNode::Kind::Operation);
}

void TestGraph::parameterWithoutGradHasNoNode()
{
    // The tutorial's a_nongrad: a plain tensor where a parameter was.
    const Tutorial t;
    const Tensor aNonGrad = fromData({0.3367}, Shape{1}).setName("a");
    const Tensor yhat = aNonGrad + t.b * t.x;
    const Graph g = buildGraph(yhat);
    VERIFY_STRUCTURE(g);
    QCOMPARE(g.nodes.size(), std::size_t(3));
    QCOMPARE(g.edges.size(), std::size_t(2));
    QVERIFY(!parameterNode(g, aNonGrad));
    QCOMPARE(countKind(g, GraphNode::Kind::Parameter), 1);
    for (const GraphNode& n : g.nodes)
        QVERIFY2(n.label.rfind("a", 0) != 0, n.label.c_str());
    QCOMPARE(countEdges(g, uniqueNode(g, "MulBackward0"), uniqueNode(g, "AddBackward0")), 1);
    QCOMPARE(countEdges(g, parameterNode(g, t.b), uniqueNode(g, "MulBackward0")), 1);
}

void TestGraph::dotColoursByKind()
{
    const Tutorial t;
    const Graph g = buildGraph(t.a + t.b * t.x);
    const std::string dot = toDot(g);
    QVERIFY2(dot.rfind("digraph {", 0) == 0, dot.c_str());
    QVERIFY2(dot.find("fillcolor=lightblue") != std::string::npos, dot.c_str());
    QVERIFY2(dot.find("fillcolor=lightgrey") != std::string::npos, dot.c_str());
    QVERIFY2(dot.find("fillcolor=darkolivegreen1") != std::string::npos, dot.c_str());
    for (const GraphNode& n : g.nodes) {
        const std::string line = dotLine(dot, n.id);
        QVERIFY2(!line.empty(), ("no statement for node " + n.id + " in\n" + dot).c_str());
        const char* colour = n.kind == GraphNode::Kind::Root        ? "fillcolor=darkolivegreen1"
                             : n.kind == GraphNode::Kind::Parameter ? "fillcolor=lightblue"
                                                                    : "fillcolor=lightgrey";
        QVERIFY2(line.find(colour) != std::string::npos, line.c_str());
    }
    for (const GraphEdge& e : g.edges) {
        const std::string edge = "\t" + e.from + " -> " + e.to + "\n";
        QVERIFY2(dot.find(edge) != std::string::npos, (edge + " missing from\n" + dot).c_str());
    }
    // Exactly one root colour.
    std::size_t roots = 0;
    for (std::size_t pos = dot.find("darkolivegreen1"); pos != std::string::npos;
         pos = dot.find("darkolivegreen1", pos + 1))
        ++roots;
    QCOMPARE(roots, std::size_t(1));
}

void TestGraph::dotEscapesQuotesBackslashesAndNewlines()
{
    Tensor p = fromData({1, 2}, Shape{2}, kGrad).setName("my \"param\\x\"");
    const Graph g = buildGraph(p * 2.0);
    const std::string dot = toDot(g);
    const GraphNode* param = parameterNode(g, p);
    QVERIFY(param);
    QCOMPARE(param->label, std::string("my \"param\\x\"\n(2)"));
    const std::string line = dotLine(dot, param->id);
    QVERIFY2(line.find("label=\"my \\\"param\\\\x\\\"\\n(2)\"") != std::string::npos, line.c_str());
    // No raw newline inside any statement: every line of the output is one statement.
    QVERIFY2(dot.find("\n(2)") == std::string::npos, dot.c_str());
}

void TestGraph::linearLayerGraph()
{
    Generator gen(0);
    Linear layer(3, 2, true, DType::Float32, &gen);
    std::map<const TensorImpl*, std::string> names;
    for (const auto& [name, param] : layer.namedParameters())
        names[param.impl()] = name;
    QCOMPARE(names.size(), std::size_t(2));

    const Tensor x = zeros(Shape{4, 3});
    const Tensor out = layer(x);
    const Graph g = buildGraph(out, names);
    VERIFY_STRUCTURE(g);
    QCOMPARE(g.nodes.size(), std::size_t(4));
    QCOMPARE(g.edges.size(), std::size_t(3));

    const GraphNode* root = uniqueNode(g, "AddmmBackward0");
    QVERIFY(root);
    QCOMPARE(root->kind, GraphNode::Kind::Root);
    QCOMPARE(root->shape, (Shape{4, 2}));
    const GraphNode* tr = uniqueNode(g, "TBackward0");
    QVERIFY(tr);
    QCOMPARE(tr->kind, GraphNode::Kind::Operation);
    const GraphNode* w = parameterNode(g, layer.weight());
    const GraphNode* b = parameterNode(g, layer.bias());
    QVERIFY(w);
    QVERIFY(b);
    QCOMPARE(w->label, std::string("weight\n(2, 3)"));
    QCOMPARE(b->label, std::string("bias\n(2)"));
    QCOMPARE(w->shape, (Shape{2, 3}));
    QCOMPARE(countEdges(g, b, root), 1);
    QCOMPARE(countEdges(g, tr, root), 1);
    QCOMPARE(countEdges(g, w, tr), 1);
    QVERIFY(!parameterNode(g, x));

    const std::string dot = toDot(g);
    QVERIFY2(dot.find("weight\\n(2, 3)") != std::string::npos, dot.c_str());
    QVERIFY2(dot.find("AddmmBackward0") != std::string::npos, dot.c_str());
    QVERIFY2(dot.find("TBackward0") != std::string::npos, dot.c_str());
}

void TestGraph::namesMapOverridesTensorNames()
{
    // In a Sequential the parameters are "0.weight" and "0.bias" (their own names stay "weight"
    // and "bias"); the names map wins, the tensor's name is the fallback.
    Generator gen(0);
    auto lin = std::make_shared<Linear>(1, 1, true, DType::Float32, &gen);
    Sequential model({lin});
    std::map<const TensorImpl*, std::string> names;
    for (const auto& [name, param] : model.namedParameters())
        names[param.impl()] = name;
    const Tensor out = model(zeros(Shape{5, 1}));

    const Graph named = buildGraph(out, names);
    QCOMPARE(parameterNode(named, lin->weight())->label, std::string("0.weight\n(1, 1)"));
    QCOMPARE(parameterNode(named, lin->bias())->label, std::string("0.bias\n(1)"));

    const Graph unnamed = buildGraph(out);
    QCOMPARE(parameterNode(unnamed, lin->weight())->label, std::string("weight\n(1, 1)"));
    QCOMPARE(parameterNode(unnamed, lin->bias())->label, std::string("bias\n(1)"));

    // A parameter without any name is labelled by its shape alone.
    const Tensor anon = fromData({1, 2, 3}, Shape{3}, kGrad);
    const Graph g = buildGraph(anon.sum());
    QCOMPARE(parameterNode(g, anon)->label, std::string("(3)"));
}

void TestGraph::sharedInputAppearsOnce()
{
    const Tensor x = fromData({1, 2}, Shape{2}, kGrad).setName("x");
    const Tensor h = x * 2.0;
    const Tensor y = h * h + x;
    const Graph g = buildGraph(y);
    VERIFY_STRUCTURE(g);
    QCOMPARE(countKind(g, GraphNode::Kind::Parameter), 1);
    QCOMPARE(nodesWithOp(g, "MulBackward0").size(), std::size_t(2)); // 2x and h·h
    QCOMPARE(nodesWithOp(g, "AddBackward0").size(), std::size_t(1));
    const GraphNode* px = parameterNode(g, x);
    QVERIFY(px);
    QCOMPARE(countEdges(g, px, uniqueNode(g, "AddBackward0")), 1);
}

void TestGraph::leafAndPlainTensorGraphs()
{
    // A parameter on its own is a one-node graph whose root is the parameter.
    const Tensor p = fromData({1, 2}, Shape{2}, kGrad).setName("p");
    const Graph g = buildGraph(p);
    QCOMPARE(g.nodes.size(), std::size_t(1));
    QVERIFY(g.edges.empty());
    QCOMPARE(g.nodes.front().kind, GraphNode::Kind::Root);
    QCOMPARE(g.nodes.front().op, std::string("AccumulateGrad"));
    QCOMPARE(g.nodes.front().label, std::string("p\n(2)"));
    QVERIFY(toDot(g).find("darkolivegreen1") != std::string::npos);

    // Nothing requires grad: an empty graph (and an empty digraph).
    const Tensor plain = fromData({1, 2}, Shape{2});
    QVERIFY(buildGraph(plain * 2.0).nodes.empty());
    QVERIFY(buildGraph(Tensor()).nodes.empty());
    const std::string dot = toDot(buildGraph(plain));
    QVERIFY2(dot.rfind("digraph {", 0) == 0 && dot.find("->") == std::string::npos, dot.c_str());

    // Graphs built under no_grad have no history either.
    NoGradGuard noGrad;
    QVERIFY(buildGraph(p * 2.0).nodes.empty());
}

QTEST_APPLESS_MAIN(TestGraph)
#include "tst_graph.moc"
