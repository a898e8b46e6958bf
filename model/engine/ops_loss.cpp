// Losses as single ops with their own backward (MseLossBackward0, ...), as torch.nn.functional.
// Both the input and the target may require grad: the tutorial calls loss_fn(y, yhat).
#include "ops_common.h"

namespace gradlab {
namespace {

// Below this size no backend defers a loss's gradient: reading the incoming gradient would cost
// more than it saves.
constexpr std::int64_t kDeferMin = 1 << 16;

struct LossBackward final : Node {
    const char* opName;
    LossKind kind;
    double param;
    bool mean;
    SavedTensor input, target;
    const char* name() const override { return opName; }
    std::vector<Tensor> apply(const Tensor& g) override
    {
        const Tensor& x = input.unpack();
        const Tensor& y = target.unpack();
        Backend& backend = backendFor(x.device());
        auto gradient = [&](const Tensor& in, const Tensor& other) {
            if (in.numel() >= kDeferMin) {
                const double scale = mean ? 1.0 / static_cast<double>(in.numel()) : 1.0;
                if (Tensor d = backend.deferLossGrad(kind, param, in, other, g, scale); d.defined())
                    return d;
            }
            Tensor out = makeTensor(in.shape(), in.dtype(), in.device());
            backend.lossBackward(kind, param, *in.impl(), *other.impl(), *g.impl(), *out.impl(), mean);
            return out;
        };
        Tensor gx, gy;
        if (detail::needsGrad(*this, 0))
            gx = gradient(x, y);
        // PyTorch differentiates the target with the roles swapped; it matters only on the kinks.
        if (detail::needsGrad(*this, 1))
            gy = gradient(y, x);
        return {gx, gy};
    }
    void releaseVariables() override
    {
        input.release();
        target.release();
    }
};

Tensor loss(const Tensor& input0, const Tensor& target0, Reduction reduction, LossKind kind, double param,
            const char* nodeName)
{
    auto [input, target] = detail::commonOperands(input0, target0, nodeName);
    if (input.shape() != target.shape())
        throw EngineError(std::string(nodeName) + ": the target's shape " + target.shape().bracketStr()
                          + " differs from the input's shape " + input.shape().bracketStr()
                          + "; reshape one of them so that they match");
    if (input.numel() == 0)
        throw EngineError(std::string(nodeName) + ": the loss of an empty tensor is undefined");
    const bool mean = reduction == Reduction::Mean;
    Backend& backend = backendFor(input.device());
    Tensor out = backend.deferLoss(kind, param, input, target, mean);
    if (!out.defined()) {
        out = makeTensor(Shape{}, input.dtype(), input.device());
        backend.lossForward(kind, param, *input.impl(), *target.impl(), *out.impl(), mean);
    }
    if (autograd::anyRequiresGrad({&input, &target})) {
        auto node = std::make_shared<LossBackward>();
        node->opName = nodeName;
        node->kind = kind;
        node->param = param;
        node->mean = mean;
        node->input = SavedTensor(input);
        node->target = SavedTensor(target);
        autograd::setHistory(out, node, {&input, &target});
    }
    return out;
}

} // namespace

Tensor mseLoss(const Tensor& input, const Tensor& target, Reduction reduction)
{
    return loss(input, target, reduction, LossKind::MSE, 0.0, "MseLossBackward0");
}

Tensor l1Loss(const Tensor& input, const Tensor& target, Reduction reduction)
{
    return loss(input, target, reduction, LossKind::L1, 0.0, "L1LossBackward0");
}

Tensor huberLoss(const Tensor& input, const Tensor& target, Reduction reduction, double delta)
{
    if (!(delta > 0.0))
        throw EngineError("huber_loss does not support non-positive values for delta.");
    return loss(input, target, reduction, LossKind::Huber, delta, "HuberLossBackward0");
}

Tensor smoothL1Loss(const Tensor& input, const Tensor& target, Reduction reduction, double beta)
{
    if (!(beta >= 0.0))
        throw EngineError("smooth_l1_loss does not support negative values for beta.");
    return loss(input, target, reduction, LossKind::SmoothL1, beta, "SmoothL1LossBackward0");
}

} // namespace gradlab
