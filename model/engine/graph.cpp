#include "graph.h"
#include "autograd.h"

#include <unordered_map>

namespace gradlab {

const GraphNode* Graph::find(const std::string& id) const
{
    for (const GraphNode& n : nodes)
        if (n.id == id)
            return &n;
    return nullptr;
}

namespace {

std::string escapeDot(const std::string& s)
{
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

} // namespace

Graph buildGraph(const Tensor& t, const std::map<const TensorImpl*, std::string>& names)
{
    Graph g;
    if (!t.defined() || (!t.gradFn() && !t.requiresGrad()))
        return g;

    auto paramLabel = [&](const std::shared_ptr<TensorImpl>& leaf) {
        auto it = names.find(leaf.get());
        std::string name = it != names.end() ? it->second : leaf->name;
        std::string label = name;
        if (!label.empty())
            label += '\n';
        return label.append(leaf->shape.str());
    };

    if (!t.gradFn()) {
        // A parameter on its own is its whole graph.
        GraphNode node{GraphNode::Kind::Root, "n0", paramLabel(t.implPtr()), "AccumulateGrad", t.shape(), t.implPtr(), 0};
        if (const auto acc = t.impl()->gradAccumulator.lock())
            node.sequenceNr = acc->sequenceNr();
        g.nodes.push_back(std::move(node));
        return g;
    }

    std::unordered_map<const Node*, std::string> ids;
    std::vector<Node*> stack;
    auto visit = [&](Node* n) -> std::string {
        auto it = ids.find(n);
        if (it != ids.end())
            return it->second;
        const std::string id = std::string(1, 'n').append(std::to_string(g.nodes.size()));
        ids.emplace(n, id);
        GraphNode node;
        node.id = id;
        node.op = n->name();
        node.sequenceNr = n->sequenceNr();
        if (auto leaf = n->variable()) {
            node.kind = GraphNode::Kind::Parameter;
            node.label = paramLabel(leaf);
            node.shape = leaf->shape;
            node.tensor = leaf;
        } else {
            node.kind = GraphNode::Kind::Operation;
            node.label = n->name();
            if (const Tensor& out = n->recordedOutput(); out.defined()) {
                node.shape = out.shape();
                node.tensor = out.implPtr();
            }
        }
        g.nodes.push_back(std::move(node));
        stack.push_back(n);
        return id;
    };

    visit(t.gradFn().get());
    g.nodes.front().kind = GraphNode::Kind::Root;
    g.nodes.front().shape = t.shape();
    while (!stack.empty()) {
        Node* n = stack.back();
        stack.pop_back();
        const std::string to = ids.at(n);
        for (const Edge& e : n->nextEdges()) {
            if (!e.fn)
                continue;
            const std::string from = visit(e.fn.get());
            g.edges.push_back({from, to});
        }
    }
    return g;
}

std::string toDot(const Graph& graph)
{
    std::string dot = "digraph {\n"
                      "\tgraph [size=\"12,12\"]\n"
                      "\tnode [align=left fontname=monospace fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled]\n";
    for (const GraphNode& n : graph.nodes) {
        const char* color = n.kind == GraphNode::Kind::Root        ? "darkolivegreen1"
                            : n.kind == GraphNode::Kind::Parameter ? "lightblue"
                                                                   : "lightgrey";
        dot.append("\t").append(n.id).append(" [label=\"").append(escapeDot(n.label)).append("\" fillcolor=").append(color).append("]\n");
    }
    for (const GraphEdge& e : graph.edges)
        dot.append("\t").append(e.from).append(" -> ").append(e.to).append("\n");
    dot += "}\n";
    return dot;
}

} // namespace gradlab
