#include "autograd.h"
#include "backend.h"
#include "ops.h"

#include <atomic>

namespace gradlab {
namespace {

thread_local bool tGradMode = true;
thread_local bool tRecordGraph = false;
thread_local const BackwardObserver* tBackwardObserver = nullptr;
std::atomic<std::uint64_t> gSequence{0};
std::atomic<std::uint64_t> gBackwardPass{0};

std::string tensorTypeName(const Tensor& t)
{
    return std::string("torch.") + (t.device().isCuda() ? "cuda." : "") + dtypeTypeName(t.dtype()) + "Tensor "
           + t.shape().bracketStr();
}

} // namespace

bool gradModeEnabled() { return tGradMode; }
void setGradMode(bool enabled) { tGradMode = enabled; }

GraphRecordGuard::GraphRecordGuard(BackwardObserver observer)
    : observer_(std::move(observer)), prevRecording_(tRecordGraph), prevObserver_(tBackwardObserver)
{
    tRecordGraph = true;
    tBackwardObserver = observer_ ? &observer_ : nullptr;
}

GraphRecordGuard::~GraphRecordGuard()
{
    tRecordGraph = prevRecording_;
    tBackwardObserver = prevObserver_;
}

Node::Node() : seq_(gSequence.fetch_add(1, std::memory_order_relaxed)) {}

Node::~Node()
{
    for (Edge& e : next_)
        autograd::releaseNode(std::move(e.fn));
}

TensorImpl::~TensorImpl() { autograd::releaseNode(std::move(gradFn)); }

std::vector<Tensor> AccumulateGrad::apply(const Tensor& grad)
{
    TensorImpl& leaf = *leaf_;
    Tensor g = grad;
    if (g.shape() != leaf.shape) {
        if (g.numel() != leaf.numel())
            throw EngineError("gradient of shape " + g.shape().bracketStr() + " does not match the parameter's shape "
                              + leaf.shape.bracketStr());
        g = g.reshape(leaf.shape);
    }
    if (!leaf.grad) {
        // Take the incoming buffer when nobody else holds it; otherwise keep a copy of our own.
        const bool exclusive = g.implPtr().use_count() <= 2 && g.impl()->storage.use_count() == 1
                               && g.impl()->gradFn == nullptr;
        leaf.grad = exclusive ? g.implPtr() : g.detach().clone().implPtr();
    } else {
        Tensor existing(leaf.grad);
        existing.add_(g);
    }
    return {};
}

SavedTensor::SavedTensor(const Tensor& t, bool isOutput)
{
    if (!t.defined())
        return;
    data_ = isOutput ? t.detach() : t;
    version_ = t.version();
    producer_ = t.gradFn() ? t.gradFn()->name() : nullptr;
}

const Tensor& SavedTensor::unpack() const
{
    if (released_)
        throw EngineError(
            "Trying to backward through the graph a second time (or directly access saved tensors after they have "
            "already been freed). Saved intermediate values of the graph are freed when you call backward(). Specify "
            "retain_graph=true if you need to backward through the graph a second time.");
    if (data_.defined() && data_.version() != version_) {
        std::string what = "[" + tensorTypeName(data_) + "]";
        if (producer_)
            what += ", which is output 0 of " + std::string(producer_) + ",";
        throw EngineError("one of the variables needed for gradient computation has been modified by an inplace "
                          "operation: "
                          + what + " is at version " + std::to_string(data_.version()) + "; expected version "
                          + std::to_string(version_)
                          + " instead. Change the value outside the graph (under NoGradGuard) or after backward().");
    }
    return data_;
}

void SavedTensor::release()
{
    if (data_.defined() || !released_) {
        data_ = Tensor();
        released_ = true;
    }
}

namespace autograd {

namespace {
thread_local std::vector<std::shared_ptr<Node>> tDoomed;
thread_local bool tReleasing = false;
} // namespace

void releaseNode(std::shared_ptr<Node>&& node)
{
    if (!node)
        return;
    tDoomed.push_back(std::move(node));
    if (tReleasing)
        return;
    tReleasing = true;
    while (!tDoomed.empty()) {
        std::shared_ptr<Node> n = std::move(tDoomed.back());
        tDoomed.pop_back();
        n.reset(); // may push this node's inputs, which the loop then takes
    }
    tReleasing = false;
}

Edge gradientEdge(const Tensor& t)
{
    TensorImpl* impl = t.impl();
    if (impl->gradFn)
        return {impl->gradFn, impl->outputNr};
    if (!impl->requiresGrad)
        return {};
    std::shared_ptr<Node> acc = impl->gradAccumulator.lock();
    if (!acc) {
        acc = std::make_shared<AccumulateGrad>(t.implPtr());
        impl->gradAccumulator = acc;
    }
    return {acc, 0};
}

bool anyRequiresGrad(std::initializer_list<const Tensor*> inputs)
{
    if (!tGradMode)
        return false;
    for (const Tensor* t : inputs)
        if (t && t->defined() && t->requiresGrad())
            return true;
    return false;
}

void setHistory(Tensor& result, const std::shared_ptr<Node>& node, std::initializer_list<const Tensor*> inputs)
{
    auto& edges = node->nextEdges();
    edges.reserve(inputs.size());
    for (const Tensor* t : inputs)
        edges.push_back(t && t->defined() ? gradientEdge(*t) : Edge{});
    TensorImpl* r = result.impl();
    r->gradFn = node;
    r->outputNr = 0;
    r->requiresGrad = true;
    if (tRecordGraph) // a detached alias: the node must not own the tensor that owns it
        node->output_ = result.detach();
}

void runBackward(const Tensor& root, const Tensor& grad, bool retainGraph)
{
    const Edge rootEdge = gradientEdge(root);
    if (!rootEdge.valid())
        throw EngineError("element 0 of tensors does not require grad and does not have a grad_fn");

    NoGradGuard noGrad;
    const std::uint64_t pass = gBackwardPass.fetch_add(1) + 1;

    // Count, for every node reachable from the root, how many edges lead into it.
    std::vector<Node*> stack{rootEdge.fn.get()};
    rootEdge.fn->visit_ = pass;
    rootEdge.fn->pending_ = 0;
    rootEdge.fn->buffer_ = Tensor();
    while (!stack.empty()) {
        Node* n = stack.back();
        stack.pop_back();
        for (const Edge& e : n->next_) {
            if (!e.fn)
                continue;
            Node* child = e.fn.get();
            if (child->visit_ != pass) {
                child->visit_ = pass;
                child->pending_ = 0;
                child->buffer_ = Tensor();
                stack.push_back(child);
            }
            ++child->pending_;
        }
    }

    // Run nodes once all their inputs have arrived. Holding shared_ptrs keeps a node alive while
    // it runs even if releasing the graph drops the last other owner.
    // Leaves are accumulated last: by then every deferred reduction of the pass exists, and the
    // first one read computes them all in one sweep over the data.
    std::vector<std::shared_ptr<Node>> ready{rootEdge.fn};
    std::vector<std::shared_ptr<Node>> sinks;
    rootEdge.fn->buffer_ = grad;
    while (!ready.empty() || !sinks.empty()) {
        std::shared_ptr<Node> node;
        if (!ready.empty()) {
            node = std::move(ready.back());
            ready.pop_back();
            if (node->next_.empty() && node->variable() && !ready.empty()) {
                sinks.push_back(std::move(node));
                continue;
            }
        } else {
            node = std::move(sinks.back());
            sinks.pop_back();
        }
        Tensor g = std::move(node->buffer_);
        node->buffer_ = Tensor();
        if (tBackwardObserver && g.defined())
            (*tBackwardObserver)(*node, g);
        // A node that received no gradient still releases its children's dependency counts.
        std::vector<Tensor> grads = g.defined() ? node->apply(g) : std::vector<Tensor>{};
        auto& edges = node->next_;
        for (std::size_t i = 0; i < edges.size(); ++i) {
            const Edge& e = edges[i];
            if (!e.fn)
                continue;
            Node* child = e.fn.get();
            if (i < grads.size() && grads[i].defined()) {
                if (!child->buffer_.defined())
                    child->buffer_ = grads[i];
                else
                    child->buffer_ = add(child->buffer_, grads[i]);
            }
            if (--child->pending_ == 0)
                ready.push_back(e.fn);
        }
        if (!retainGraph)
            node->releaseVariables();
    }
}

Tensor sumToShape(const Tensor& grad, const Shape& shape)
{
    if (grad.shape() == shape)
        return grad;
    Backend& backend = backendFor(grad.device());
    if (shape.numel() == 1)
        if (Tensor deferred = backend.deferSum(grad, nullptr, shape, 1.0); deferred.defined())
            return deferred;
    Tensor out = makeTensor(shape, grad.dtype(), grad.device());
    if (shape.numel() == grad.numel()) {
        backend.copy(*grad.impl(), *out.impl());
        return out;
    }
    backend.sumTo(*grad.impl(), *out.impl(), 1.0);
    return out;
}

} // namespace autograd
} // namespace gradlab
