#include "tensor.h"
#include "autograd.h"
#include "backend.h"
#include "generator.h"
#include "ops.h"

#include <cmath>
#include <cstdio>
#include <functional>

namespace gradlab {

Storage::Storage(std::size_t n, Device d, Allocate when) : nbytes(n), device(d)
{
    if (when == Allocate::Now)
        data = backendFor(d).allocate(n);
}

Storage::~Storage()
{
    if (data)
        backendFor(device).deallocate(data, nbytes);
}

Tensor makeTensor(const Shape& shape, DType dtype, Device device)
{
    auto impl = std::make_shared<TensorImpl>();
    impl->storage = std::make_shared<Storage>(static_cast<std::size_t>(shape.numel()) * elementSize(dtype), device);
    impl->shape = shape;
    impl->dtype = dtype;
    return Tensor(std::move(impl));
}

TensorImpl* Tensor::checked() const
{
    if (!impl_)
        throw EngineError("the tensor is undefined (the .grad of a non-leaf tensor, or of a leaf before any "
                          "backward(), is undefined, as None is in PyTorch)");
    return impl_.get();
}

namespace {

// Work that needs a gradient graph of its own goes through the differentiable ops; these are
// the small pieces shared by the in-place operations.
void checkInplaceAllowed(const Tensor& self)
{
    if (!gradModeEnabled())
        return;
    if (self.isLeaf() && self.requiresGrad())
        throw EngineError("a leaf Variable that requires grad is being used in an in-place operation. Update "
                          "parameters under NoGradGuard (torch.no_grad()), or through an optimizer.");
    const auto base = self.impl()->viewBase.lock();
    if (base && base->gradFn == nullptr && base->requiresGrad)
        throw EngineError("a view of a leaf Variable that requires grad is being used in an in-place operation.");
}

// In a graph, an in-place change seen through another tensor sharing the data (a view, or a
// value saved for backward) would need PyTorch's view rebasing, which GradLab does not do: it
// refuses rather than produce a wrong gradient.
void checkNotShared(const Tensor& self)
{
    if (self.impl()->storage.use_count() > 1 && (self.requiresGrad() || !self.impl()->viewBase.expired()))
        throw EngineError("an in-place operation on a tensor whose data is shared with another tensor of the "
                          "autograd graph (a view such as reshape, or a value saved for backward) is not "
                          "supported; use the out-of-place form (y = y * 3 instead of y.mul_(3))");
}

void checkSameDevice(const Tensor& a, const Tensor& b)
{
    if (a.device() != b.device())
        throw EngineError("Expected all tensors to be on the same device, but found at least two devices, "
                          + a.device().str() + " and " + b.device().str() + "!");
}

// Writes `result`'s values into `self` and makes `self` carry `result`'s history, as PyTorch's
// in-place ops on tensors inside a graph do.
void assignWithHistory(Tensor& self, const Tensor& result)
{
    prepareWrite(*self.impl()->storage);
    backendFor(self.device()).copy(*result.impl(), *self.impl());
    TensorImpl* s = self.impl();
    ++s->storage->version;
    if (result.gradFn()) {
        s->gradFn = result.gradFn();
        s->outputNr = result.impl()->outputNr;
        s->requiresGrad = true;
    }
}

bool recordsHistory(const Tensor& self, const Tensor* other)
{
    return gradModeEnabled() && (self.requiresGrad() || (other && other->requiresGrad()));
}

Tensor asOperand(const Tensor& self, const Tensor& other)
{
    checkSameDevice(self, other);
    Shape::broadcast(self.shape(), other.shape()); // throws with both shapes on a mismatch
    if (Shape::broadcast(self.shape(), other.shape()) != self.shape())
        throw EngineError("output with shape " + self.shape().bracketStr() + " doesn't match the broadcast shape "
                          + Shape::broadcast(self.shape(), other.shape()).bracketStr());
    return other.dtype() == self.dtype() ? other : other.to(self.dtype());
}

template <typename Op> Tensor& inplaceBinary(Tensor& self, const Tensor& otherIn, BinaryOp op, double alpha, Op graphOp)
{
    checkInplaceAllowed(self);
    const Tensor other = asOperand(self, otherIn);
    if (recordsHistory(self, &other)) {
        checkNotShared(self);
        assignWithHistory(self, graphOp(self, other));
        return self;
    }
    prepareWrite(*self.impl()->storage);
    backendFor(self.device()).binary(op, *self.impl(), *other.impl(), *self.impl(), alpha);
    ++self.impl()->storage->version;
    return self;
}

std::string formatNumber(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

// Nested brackets as PyTorch prints them; long dimensions show their first and last three.
void formatValues(std::string& out, const std::vector<double>& v, const Shape& shape, int dim, std::int64_t base,
                  int indent)
{
    if (shape.ndim() == 0) {
        out += formatNumber(v[0]);
        return;
    }
    const std::int64_t n = shape[dim];
    std::int64_t stride = 1;
    for (int d = dim + 1; d < shape.ndim(); ++d)
        stride *= shape[d];
    const bool last = dim == shape.ndim() - 1;
    const std::string sep = last ? ", " : ",\n" + std::string(static_cast<std::size_t>(indent + 1), ' ');
    out += '[';
    for (std::int64_t i = 0; i < n; ++i) {
        if (v.size() > 1000 && n > 6 && i == 3) {
            out += "..." + sep;
            i = n - 3;
        }
        if (last)
            out += formatNumber(v[static_cast<std::size_t>(base + i)]);
        else
            formatValues(out, v, shape, dim + 1, base + i * stride, indent + 1);
        if (i + 1 < n)
            out += sep;
    }
    out += ']';
}

} // namespace

Tensor& Tensor::requiresGrad_(bool requiresGrad)
{
    TensorImpl* impl = checked();
    if (!isLeaf()) {
        if (!requiresGrad)
            throw EngineError("you can only change requires_grad flags of leaf variables. If you want to use a "
                              "computed variable in a subgraph that doesn't require differentiation use "
                              "detach().");
        return *this;
    }
    impl->requiresGrad = requiresGrad;
    return *this;
}

Tensor Tensor::grad() const { return Tensor(checked()->grad); }

void Tensor::setGrad(const Tensor& g)
{
    if (g.defined() && (g.shape() != shape() || g.dtype() != dtype()))
        throw EngineError("assigned grad has data of a different size or type: " + g.shape().bracketStr() + " vs "
                          + shape().bracketStr());
    checked()->grad = g.implPtr();
}

Tensor& Tensor::setName(std::string name)
{
    checked()->name = std::move(name);
    return *this;
}

void Tensor::backward(const Tensor& gradient, bool retainGraph) const
{
    Tensor g = gradient;
    if (!g.defined()) {
        if (numel() != 1)
            throw EngineError("grad can be implicitly created only for scalar outputs (this tensor has shape "
                              + shape().bracketStr() + "; pass a gradient of that shape to backward())");
        g = ones(shape(), TensorOptions{}.withDType(dtype()).withDevice(device()));
    } else if (g.shape() != shape()) {
        throw EngineError("the gradient passed to backward() has shape " + g.shape().bracketStr()
                          + " but the tensor has shape " + shape().bracketStr());
    } else if (g.device() != device()) {
        throw EngineError("invalid gradient passed to backward(): expected device " + device().str() + " but got "
                          + g.device().str());
    }
    autograd::runBackward(*this, g.dtype() == dtype() ? g : g.to(dtype()), retainGraph);
}

Tensor Tensor::detach() const
{
    const TensorImpl* s = checked();
    auto impl = std::make_shared<TensorImpl>();
    impl->storage = s->storage;
    impl->offset = s->offset;
    impl->shape = s->shape;
    impl->dtype = s->dtype;
    impl->name = s->name;
    return Tensor(std::move(impl));
}

Tensor& Tensor::detach_()
{
    TensorImpl* s = checked();
    s->gradFn.reset();
    s->requiresGrad = false;
    return *this;
}

namespace {

struct CloneBackward0 final : Node {
    const char* name() const override { return "CloneBackward0"; }
    std::vector<Tensor> apply(const Tensor& grad) override { return {grad}; }
};

struct ToCopyBackward0 final : Node {
    Device srcDevice;
    DType srcDType;
    const char* name() const override { return "ToCopyBackward0"; }
    std::vector<Tensor> apply(const Tensor& grad) override { return {grad.to(srcDevice, srcDType)}; }
};

} // namespace

Tensor Tensor::clone() const
{
    Tensor out = makeTensor(shape(), dtype(), device());
    backendFor(device()).copy(*impl(), *out.impl());
    if (autograd::anyRequiresGrad({this}))
        autograd::setHistory(out, std::make_shared<CloneBackward0>(), {this});
    return out;
}

Tensor Tensor::to(Device dev, DType dt) const
{
    if (dev == device() && dt == dtype())
        return *this;
    Tensor out = makeTensor(shape(), dt, dev);
    // Between devices the destination's table does the transfer (CUDA knows about host memory).
    Backend& backend = dev.isCpu() ? backendFor(device()) : backendFor(dev);
    backend.copy(*impl(), *out.impl());
    if (autograd::anyRequiresGrad({this})) {
        auto node = std::make_shared<ToCopyBackward0>();
        node->srcDevice = device();
        node->srcDType = dtype();
        autograd::setHistory(out, node, {this});
    }
    return out;
}

double Tensor::item() const
{
    if (numel() != 1)
        throw EngineError("a Tensor with " + std::to_string(numel()) + " elements cannot be converted to Scalar");
    if (device().isCpu())
        return dtype() == DType::Float32 ? static_cast<double>(*data<float>()) : *data<double>();
    return backendFor(device()).download(*impl())[0];
}

std::vector<double> Tensor::toVector() const { return backendFor(device()).download(*checked()); }

template <typename T> T* Tensor::data() const
{
    const TensorImpl* s = checked();
    constexpr DType want = sizeof(T) == 4 ? DType::Float32 : DType::Float64;
    if (s->dtype != want)
        throw EngineError("expected a " + dtypeName(want) + " tensor but got " + dtypeName(s->dtype));
    if (!s->device().isCpu())
        throw EngineError("the data of a tensor on " + s->device().str() + " cannot be read directly; use cpu()");
    // The caller may write through the pointer.
    prepareWrite(*s->storage);
    return static_cast<T*>(s->data());
}
template float* Tensor::data<float>() const;
template double* Tensor::data<double>() const;

Tensor& Tensor::add_(const Tensor& other, double alpha)
{
    return inplaceBinary(*this, other, BinaryOp::Add, alpha,
                         [alpha](const Tensor& a, const Tensor& b) { return add(a, b, alpha); });
}

Tensor& Tensor::sub_(const Tensor& other, double alpha)
{
    return inplaceBinary(*this, other, BinaryOp::Sub, alpha,
                         [alpha](const Tensor& a, const Tensor& b) { return sub(a, b, alpha); });
}

Tensor& Tensor::mul_(const Tensor& other)
{
    // mul saves its inputs for backward, so the graph path works on a copy of the old value.
    return inplaceBinary(*this, other, BinaryOp::Mul, 1.0,
                         [](const Tensor& a, const Tensor& b) { return mul(a.clone(), b); });
}

Tensor& Tensor::add_(double value) { return add_(scalarTensor(value, TensorOptions{}.withDType(dtype()).withDevice(device()))); }
Tensor& Tensor::sub_(double value) { return sub_(scalarTensor(value, TensorOptions{}.withDType(dtype()).withDevice(device()))); }
Tensor& Tensor::mul_(double value) { return mul_(scalarTensor(value, TensorOptions{}.withDType(dtype()).withDevice(device()))); }

Tensor& Tensor::zero_() { return fill_(0.0); }

Tensor& Tensor::fill_(double value)
{
    checkInplaceAllowed(*this);
    if (recordsHistory(*this, nullptr)) {
        checkNotShared(*this);
        // The new value does not depend on the old one: its gradient is zero.
        const Tensor s = scalarTensor(value, TensorOptions{}.withDType(dtype()).withDevice(device()));
        assignWithHistory(*this, add(mul(clone(), scalarTensor(0.0, TensorOptions{}.withDType(dtype()).withDevice(device()))), s));
        return *this;
    }
    prepareWrite(*impl()->storage);
    backendFor(device()).fill(*impl(), value);
    ++impl()->storage->version;
    return *this;
}

Tensor& Tensor::copy_(const Tensor& src)
{
    checkInplaceAllowed(*this);
    if (src.numel() != numel() && Shape::broadcast(shape(), src.shape()) != shape())
        throw EngineError("copy_: cannot copy a tensor of shape " + src.shape().bracketStr() + " into one of shape "
                          + shape().bracketStr());
    Tensor converted = src.to(device(), dtype());
    if (recordsHistory(*this, &src)) {
        checkNotShared(*this);
        Tensor r = converted.shape() == shape() ? converted : add(zeros(shape(), TensorOptions{}.withDType(dtype()).withDevice(device())), converted);
        if (r.implPtr() == src.implPtr())
            r = r.clone();
        assignWithHistory(*this, r);
        return *this;
    }
    Backend& backend = backendFor(device());
    prepareWrite(*impl()->storage);
    if (converted.shape() == shape() || converted.numel() == numel())
        backend.copy(*converted.impl(), *impl());
    else
        backend.expand(*converted.impl(), *impl());
    ++impl()->storage->version;
    return *this;
}

Tensor Tensor::reshape(const Shape& s) const { return gradlab::reshape(*this, s); }
Tensor Tensor::transpose(int d0, int d1) const { return gradlab::transpose(*this, d0, d1); }
Tensor Tensor::t() const { return gradlab::t(*this); }
Tensor Tensor::sum() const { return gradlab::sum(*this); }
Tensor Tensor::sum(int dim, bool keepdim) const { return gradlab::sum(*this, dim, keepdim); }
Tensor Tensor::mean() const { return gradlab::mean(*this); }
Tensor Tensor::mean(int dim, bool keepdim) const { return gradlab::mean(*this, dim, keepdim); }
Tensor Tensor::pow(double e) const { return gradlab::pow(*this, e); }
Tensor Tensor::exp() const { return gradlab::exp(*this); }
Tensor Tensor::log() const { return gradlab::log(*this); }
Tensor Tensor::sqrt() const { return gradlab::sqrt(*this); }
Tensor Tensor::abs() const { return gradlab::abs(*this); }
Tensor Tensor::relu() const { return gradlab::relu(*this); }
Tensor Tensor::tanh() const { return gradlab::tanh(*this); }
Tensor Tensor::sigmoid() const { return gradlab::sigmoid(*this); }
Tensor Tensor::matmul(const Tensor& o) const { return gradlab::matmul(*this, o); }

std::string Tensor::str() const
{
    if (!defined())
        return "None";
    std::string out = "tensor(";
    formatValues(out, toVector(), shape(), 0, 0, 7);
    if (device().isCuda())
        out += ", device='" + device().str() + "'";
    if (dtype() == DType::Float64)
        out += ", dtype=torch.float64";
    if (gradFn())
        out += std::string(", grad_fn=<") + gradFn()->name() + ">";
    else if (requiresGrad())
        out += ", requires_grad=True";
    return out + ")";
}

namespace {
Tensor scalarLike(const Tensor& t, double v)
{
    return scalarTensor(v, TensorOptions{}.withDType(t.dtype()).withDevice(t.device()));
}
} // namespace

Tensor operator+(const Tensor& a, const Tensor& b) { return add(a, b); }
Tensor operator-(const Tensor& a, const Tensor& b) { return sub(a, b); }
Tensor operator*(const Tensor& a, const Tensor& b) { return mul(a, b); }
Tensor operator/(const Tensor& a, const Tensor& b) { return div(a, b); }
Tensor operator-(const Tensor& a) { return neg(a); }
Tensor operator+(const Tensor& a, double b) { return add(a, scalarLike(a, b)); }
Tensor operator+(double a, const Tensor& b) { return add(scalarLike(b, a), b); }
Tensor operator-(const Tensor& a, double b) { return sub(a, scalarLike(a, b)); }
Tensor operator-(double a, const Tensor& b) { return rsub(b, a); }
Tensor operator*(const Tensor& a, double b) { return mul(a, scalarLike(a, b)); }
Tensor operator*(double a, const Tensor& b) { return mul(scalarLike(b, a), b); }
Tensor operator/(const Tensor& a, double b) { return div(a, scalarLike(a, b)); }
Tensor operator/(double a, const Tensor& b) { return div(scalarLike(b, a), b); }
Tensor& operator+=(Tensor& a, const Tensor& b) { return a.add_(b); }
Tensor& operator-=(Tensor& a, const Tensor& b) { return a.sub_(b); }
Tensor& operator*=(Tensor& a, const Tensor& b) { return a.mul_(b); }

Tensor empty(const Shape& shape, const TensorOptions& o)
{
    Tensor t = makeTensor(shape, o.dtype, o.device);
    t.impl()->requiresGrad = o.requiresGrad;
    return t;
}

Tensor full(const Shape& shape, double value, const TensorOptions& o)
{
    Tensor t = makeTensor(shape, o.dtype, o.device);
    backendFor(o.device).fill(*t.impl(), value);
    t.impl()->requiresGrad = o.requiresGrad;
    return t;
}

Tensor zeros(const Shape& shape, const TensorOptions& o) { return full(shape, 0.0, o); }
Tensor ones(const Shape& shape, const TensorOptions& o) { return full(shape, 1.0, o); }

Tensor fromData(const std::vector<double>& values, const Shape& shape, const TensorOptions& o)
{
    if (static_cast<std::int64_t>(values.size()) != shape.numel())
        throw EngineError("fromData: " + std::to_string(values.size()) + " values do not fill a tensor of shape "
                          + shape.bracketStr());
    Tensor t = makeTensor(shape, o.dtype, o.device);
    backendFor(o.device).upload(values, *t.impl());
    t.impl()->requiresGrad = o.requiresGrad;
    return t;
}

Tensor scalarTensor(double value, const TensorOptions& o) { return full(Shape{}, value, o); }

namespace {
template <typename Fill> Tensor randomTensor(const Shape& shape, const TensorOptions& o, Generator* gen, Fill fill)
{
    Generator& g = gen ? *gen : defaultGenerator();
    Tensor host = makeTensor(shape, o.dtype, Device::cpu());
    {
        std::lock_guard lock(g.mutex());
        if (o.dtype == DType::Float32)
            fill(g, host.data<float>(), shape.numel());
        else
            fill(g, host.data<double>(), shape.numel());
    }
    Tensor t = o.device.isCpu() ? host : host.to(o.device);
    t.impl()->requiresGrad = o.requiresGrad;
    return t;
}
} // namespace

Tensor rand(const Shape& shape, const TensorOptions& o, Generator* gen)
{
    return randomTensor(shape, o, gen, [](Generator& g, auto* p, std::int64_t n) { g.fillUniform(p, n, 0.0, 1.0); });
}

Tensor randn(const Shape& shape, const TensorOptions& o, Generator* gen)
{
    return randomTensor(shape, o, gen, [](Generator& g, auto* p, std::int64_t n) { g.fillNormal(p, n, 0.0, 1.0); });
}

} // namespace gradlab
