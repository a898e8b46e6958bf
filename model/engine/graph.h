// The autograd graph as data: a plain node/edge structure for the GUI, and Graphviz DOT coloured
// as torchviz's make_dot colours it.
#pragma once

#include "tensor.h"

#include <map>
#include <string>
#include <vector>

namespace gradlab {

struct GraphNode {
    enum class Kind { Parameter, Operation, Root };
    Kind kind = Kind::Operation;
    std::string id;    // stable within one export: "n0", "n1", ...
    std::string label; // "AddBackward0", or a parameter's name and shape, "b\n(1)"
    std::string op;    // the backward node's name (AccumulateGrad for parameters)
    Shape shape;       // of the tensor the node produces (parameters: the parameter's shape); known for
                       // the root, and for operations recorded under a GraphRecordGuard
    // Parameters: the leaf itself. Operations: the value they produced, when recorded under a
    // GraphRecordGuard (Node::recordedOutput); null otherwise.
    std::shared_ptr<TensorImpl> tensor;
    std::uint64_t sequenceNr = 0; // the backward node's Node::sequenceNr, as a BackwardObserver sees it
};

struct GraphEdge {
    std::string from; // the input side
    std::string to;   // the node that consumes it
};

struct Graph {
    std::vector<GraphNode> nodes;
    std::vector<GraphEdge> edges;
    const GraphNode* find(const std::string& id) const;
};

// The graph that produced `t`, from its parameters (leaves that require grad) to `t`'s own
// grad_fn, which is the root. Tensors that do not require grad have no node, exactly as in
// make_dot. `names` labels parameters (a model's named_parameters), falling back to a tensor's
// own name.
Graph buildGraph(const Tensor& t, const std::map<const TensorImpl*, std::string>& names = {});

// Graphviz DOT: parameters lightblue, operations lightgrey, the root darkolivegreen1.
std::string toDot(const Graph& graph);

} // namespace gradlab
