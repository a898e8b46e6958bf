// The kernel table: every computation on tensor data goes through the Backend of the device the
// data lives on. Outputs are allocated by the caller (contiguous, of the right shape and dtype);
// kernels only fill them. The CPU table is always there; a CUDA table is added when the engine is
// built with CUDA and a device is present.
#pragma once

#include "kernel_math.h"
#include "tensor.h"

#include <cmath>

#include <cstdint>
#include <string>
#include <vector>

namespace gradlab {

// Everything an optimizer update needs for one parameter tensor, as torch.optim documents it.
struct OptimizerStep {
    OptimizerKind kind = OptimizerKind::SGD;
    double lr = 0.01;
    double momentum = 0.0;
    double dampening = 0.0;
    bool nesterov = false;
    double weightDecay = 0.0;
    bool maximize = false;
    double beta1 = 0.9, beta2 = 0.999;
    double eps = 1e-8;
    bool amsgrad = false;
    double alpha = 0.99;
    bool centered = false;
    double lrDecay = 0.0;
    std::int64_t step = 1;       // the step count after this step (1 on the first step)
    bool firstStep = true;       // momentum buffers start from the gradient itself
};

// The step's constants in the element type T, as torch.optim computes them.
template <typename T> km::OptimizerCoefficients<T> optimizerCoefficients(const OptimizerStep& s)
{
    km::OptimizerCoefficients<T> c{};
    c.kind = s.kind;
    c.maximize = s.maximize;
    c.weightDecay = s.weightDecay != 0.0;
    c.momentum = s.kind == OptimizerKind::RMSprop ? s.momentum > 0.0 : s.momentum != 0.0;
    c.nesterov = s.nesterov;
    c.firstStep = s.firstStep;
    c.amsgrad = s.amsgrad;
    c.centered = s.centered;
    c.adamw = s.kind == OptimizerKind::AdamW;
    c.wd = static_cast<T>(s.weightDecay);
    c.m = static_cast<T>(s.momentum);
    c.damp = static_cast<T>(1.0 - s.dampening);
    c.negLr = static_cast<T>(-s.lr);
    c.b1 = static_cast<T>(s.beta1);
    c.b2 = static_cast<T>(s.beta2);
    c.omb1 = static_cast<T>(1.0 - s.beta1);
    c.omb2 = static_cast<T>(1.0 - s.beta2);
    c.eps = static_cast<T>(s.eps);
    const double step = static_cast<double>(s.step);
    c.negStepSize = static_cast<T>(-(s.lr / (1.0 - std::pow(s.beta1, step))));
    c.bc2Sqrt = static_cast<T>(std::sqrt(1.0 - std::pow(s.beta2, step)));
    c.decay = static_cast<T>(1.0 - s.lr * s.weightDecay);
    c.alpha = static_cast<T>(s.alpha);
    c.oma = static_cast<T>(1.0 - s.alpha);
    if (s.kind == OptimizerKind::Adagrad)
        c.negLr = static_cast<T>(-(s.lr / (1.0 + static_cast<double>(s.step - 1) * s.lrDecay)));
    return c;
}

class Backend {
public:
    virtual ~Backend() = default;
    virtual Device device() const = 0;

    virtual void* allocate(std::size_t nbytes) = 0;
    virtual void deallocate(void* p, std::size_t nbytes) = 0;

    // Copies between any two devices, converting dtype when they differ; same shapes.
    virtual void copy(const TensorImpl& src, TensorImpl& dst) = 0;
    // Broadcasts src to dst's shape.
    virtual void expand(const TensorImpl& src, TensorImpl& dst) = 0;
    virtual void fill(TensorImpl& dst, double value) = 0;
    // Values given in row-major order as doubles.
    virtual void upload(const std::vector<double>& values, TensorImpl& dst) = 0;
    virtual std::vector<double> download(const TensorImpl& src) = 0;

    virtual void unary(UnaryOp op, const TensorImpl& a, TensorImpl& out, double scalar) = 0;
    virtual void binary(BinaryOp op, const TensorImpl& a, const TensorImpl& b, TensorImpl& out, double scalar) = 0;
    // out = a · scalar (same shape); used for mean and scaling.
    virtual void scale(const TensorImpl& a, TensorImpl& out, double scalar) = 0;

    // Sums `in` into `out`, whose shape has in's rank with 1 in each reduced dimension (or is
    // broadcast-compatible with fewer leading dimensions). Multiplies by `scalar` at the end.
    virtual void sumTo(const TensorImpl& in, TensorImpl& out, double scalar) = 0;
    // out (one element) = scalar · Σ a·b over a and b of the same shape: a fused product and sum.
    virtual void mulSum(const TensorImpl& a, const TensorImpl& b, TensorImpl& out, double scalar) = 0;

    // 2-D matrix product out = op(a)·op(b) (+ bias broadcast over rows when given).
    virtual void matmul(const TensorImpl& a, bool transA, const TensorImpl& b, bool transB, TensorImpl& out,
                        const TensorImpl* bias) = 0;
    // 2-D transpose into out.
    virtual void transpose2d(const TensorImpl& a, TensorImpl& out) = 0;
    // General permutation of two dimensions into out.
    virtual void transpose(const TensorImpl& a, int dim0, int dim1, TensorImpl& out) = 0;

    // Rows of src (dimension 0) picked by indices into out; and the reverse, adding into dst.
    virtual void indexSelect(const TensorImpl& src, const std::vector<std::int64_t>& indices, TensorImpl& out) = 0;
    virtual void indexAdd(TensorImpl& dst, const std::vector<std::int64_t>& indices, const TensorImpl& src) = 0;

    // Loss of input against target (same shape) reduced to one element (mean when `mean`).
    virtual void lossForward(LossKind kind, double param, const TensorImpl& input, const TensorImpl& target,
                             TensorImpl& out, bool mean) = 0;
    // d loss / d input, times the incoming gradient `gradOut` (one element); d/d target is its negative.
    virtual void lossBackward(LossKind kind, double param, const TensorImpl& input, const TensorImpl& target,
                              const TensorImpl& gradOut, TensorImpl& gradInput, bool mean) = 0;

    // One optimizer update of `param` from `grad`; state buffers as the kind needs them
    // (SGD: momentum; Adam/AdamW: exp_avg, exp_avg_sq, max_exp_avg_sq; RMSprop: square_avg,
    // momentum_buffer, grad_avg; Adagrad: sum).
    virtual void optimizerStep(const OptimizerStep& s, TensorImpl& param, const TensorImpl& grad,
                               TensorImpl* state0, TensorImpl* state1, TensorImpl* state2) = 0;

    // Deferred evaluation. A backend may answer an elementwise op with a tensor whose values are
    // computed only when read, fusing a chain of such ops into the pass that finally reads them.
    // An undefined result means: compute it now with the kernels above.
    virtual Tensor deferBinary(BinaryOp /*op*/, const Tensor& /*a*/, const Tensor& /*b*/, const Shape& /*out*/,
                               double /*scalar*/)
    {
        return {};
    }
    // Σ a (b null) or Σ a·b over all elements, times `scale`, into a tensor of shape `shape`
    // (one element), deferred.
    virtual Tensor deferSum(const Tensor& /*a*/, const Tensor* /*b*/, const Shape& /*shape*/, double /*scale*/)
    {
        return {};
    }
    // d loss / d input (as lossBackward) deferred, for the incoming gradient `gradOut` (one
    // element) times `scale` (the reduction's: 1/n for a mean, 1 for a sum).
    virtual Tensor deferLossGrad(LossKind /*kind*/, double /*param*/, const Tensor& /*input*/,
                                 const Tensor& /*target*/, const Tensor& /*gradOut*/, double /*scale*/)
    {
        return {};
    }
    // The loss of input against target reduced to one element (as lossForward) deferred, so that
    // it can be computed in the same pass as the gradients' reductions.
    virtual Tensor deferLoss(LossKind /*kind*/, double /*param*/, const Tensor& /*input*/, const Tensor& /*target*/,
                             bool /*mean*/)
    {
        return {};
    }
};

// The kernel table for a device; throws EngineError naming the reason when none can serve it.
Backend& backendFor(Device device);
Backend& cpuBackend();

// What the engine can run on.
struct DeviceInfo {
    // Why a device can or cannot be used; the GUI shows (and translates) these.
    enum class Status { Usable, BuiltWithoutCuda, NoDriver, NoDevice, Error };
    Device device;
    std::string name;
    std::uint64_t totalMemory = 0;
    Status status = Status::Usable;
    std::string reason; // the same in English words (with the driver's message for Error)
    bool usable() const { return status == Status::Usable; }
};
std::vector<DeviceInfo> availableDevices();
bool builtWithCuda();
// Waits until the device has finished the work queued on it (nothing to wait for on the CPU);
// for timing. Reading a value (item(), toVector()) waits by itself.
void synchronize(Device device);
// The device's peak memory bandwidth in bytes per second, from its memory clock and bus width;
// 0 when unknown (the CPU, or no such device).
double memoryBandwidth(Device device);

} // namespace gradlab
