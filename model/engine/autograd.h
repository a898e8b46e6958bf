// Autograd: graph nodes, saved tensors, grad mode and the backward pass.
#pragma once

#include "tensor.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace gradlab {

namespace autograd {
void runBackward(const Tensor& root, const Tensor& grad, bool retainGraph);
void setHistory(Tensor& result, const std::shared_ptr<Node>& node, std::initializer_list<const Tensor*> inputs);
}

struct Edge {
    std::shared_ptr<Node> fn;
    std::uint32_t inputNr = 0;
    bool valid() const { return fn != nullptr; }
};

// One step of the backward graph, named as PyTorch names it (MulBackward0, AccumulateGrad, ...).
// apply() receives the gradient of the node's output and returns one gradient per next edge
// (undefined where that input needs none).
class Node {
public:
    Node();
    virtual ~Node(); // releases the rest of the graph iteratively: a long chain cannot overflow the stack
    Node(const Node&) = delete;
    Node& operator=(const Node&) = delete;

    virtual const char* name() const = 0;
    virtual std::vector<Tensor> apply(const Tensor& grad) = 0;
    // Frees what backward saved; called after a backward pass without retain_graph.
    virtual void releaseVariables() {}

    const std::vector<Edge>& nextEdges() const { return next_; }
    std::vector<Edge>& nextEdges() { return next_; }
    std::uint64_t sequenceNr() const { return seq_; }

    // The leaf this node accumulates into (AccumulateGrad only).
    virtual std::shared_ptr<TensorImpl> variable() const { return nullptr; }

    // The value this node's operation produced (a detached alias of its output), kept only for
    // nodes made under a GraphRecordGuard; undefined otherwise.
    const Tensor& recordedOutput() const { return output_; }

private:
    friend void autograd::runBackward(const Tensor&, const Tensor&, bool);
    friend void autograd::setHistory(Tensor&, const std::shared_ptr<Node>&, std::initializer_list<const Tensor*>);
    std::vector<Edge> next_;
    Tensor output_;
    std::uint64_t seq_;
    // Scratch state of the backward pass in progress.
    std::uint64_t visit_ = 0;
    int pending_ = 0;
    Tensor buffer_;
};

// The sink of the graph: adds the incoming gradient into a leaf's .grad.
class AccumulateGrad final : public Node {
public:
    explicit AccumulateGrad(std::shared_ptr<TensorImpl> leaf) : leaf_(std::move(leaf)) {}
    const char* name() const override { return "AccumulateGrad"; }
    std::vector<Tensor> apply(const Tensor& grad) override;
    std::shared_ptr<TensorImpl> variable() const override { return leaf_; }

private:
    std::shared_ptr<TensorImpl> leaf_;
};

// A value saved for backward. It keeps the data (not the graph) and the version it had, so that
// a later in-place change, or use after the graph was freed, is reported instead of silently
// producing a wrong gradient.
class SavedTensor {
public:
    SavedTensor() = default;
    // `isOutput`: t is the output of the node that saves it (kept as a data alias, so that node and
    // tensor do not own each other).
    explicit SavedTensor(const Tensor& t, bool isOutput = false);
    const Tensor& unpack() const;
    void release();
    bool defined() const { return data_.defined(); }

private:
    Tensor data_;
    std::uint32_t version_ = 0;
    const char* producer_ = nullptr; // the grad_fn that made the value, for the error message
    bool released_ = false;
};

// Grad mode, per thread. NoGradGuard is `with torch.no_grad():`.
bool gradModeEnabled();
void setGradMode(bool enabled);

class NoGradGuard {
public:
    NoGradGuard() : prev_(gradModeEnabled()) { setGradMode(false); }
    ~NoGradGuard() { setGradMode(prev_); }
    NoGradGuard(const NoGradGuard&) = delete;
    NoGradGuard& operator=(const NoGradGuard&) = delete;

private:
    bool prev_;
};

// Graph inspection, for the graph view. Under a GraphRecordGuard every node made on this thread
// keeps the value its operation produced (Node::recordedOutput), and every backward pass run on
// this thread hands `observer` each node with the gradient flowing into it (the gradient of the
// node's output), just before the node runs. Outside a guard this costs one thread-local check
// per op and per backward node.
using BackwardObserver = std::function<void(const Node& node, const Tensor& grad)>;

class GraphRecordGuard {
public:
    explicit GraphRecordGuard(BackwardObserver observer = {});
    ~GraphRecordGuard();
    GraphRecordGuard(const GraphRecordGuard&) = delete;
    GraphRecordGuard& operator=(const GraphRecordGuard&) = delete;

private:
    BackwardObserver observer_;
    bool prevRecording_;
    const BackwardObserver* prevObserver_;
};

namespace autograd {

// Drops a reference to a graph node. When it was the last one, the node and whatever part of the
// graph only it kept alive are destroyed one after another rather than recursively.
void releaseNode(std::shared_ptr<Node>&& node);

// The edge through which a gradient reaches `t`'s history: its grad_fn, or for a leaf that
// requires grad its AccumulateGrad node. Invalid when no gradient is needed.
Edge gradientEdge(const Tensor& t);

// True when grad mode is on and any input requires grad.
bool anyRequiresGrad(std::initializer_list<const Tensor*> inputs);

// Connects `node` to the inputs and makes `result` its output 0.
void setHistory(Tensor& result, const std::shared_ptr<Node>& node, std::initializer_list<const Tensor*> inputs);

// Runs the backward pass from `root` seeded with `grad`.
void runBackward(const Tensor& root, const Tensor& grad, bool retainGraph);

// Reduces a broadcast gradient back to the shape of the input it flows to. Written once, used by
// every broadcasting op.
Tensor sumToShape(const Tensor& grad, const Shape& shape);

} // namespace autograd
} // namespace gradlab
