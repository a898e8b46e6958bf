// Tensor: a cheap handle to shared data and autograd state, the engine's torch.Tensor.
#pragma once

#include "types.h"

#include <memory>
#include <string>
#include <vector>

namespace gradlab {

class Node;
class Generator;
struct LazyExpr;

// A block of memory on one device. Views (reshape, detach) share it, and with it the version
// counter that in-place operations bump, so that autograd can tell when a saved value changed.
//
// A storage may be deferred: its values are an elementwise expression of other tensors, computed
// when first read (or fused into the reduction that reads it, so that a chain of elementwise ops
// over millions of values costs one pass over memory instead of one per op).
struct Storage {
    enum class Allocate { Now, Deferred };
    Storage(std::size_t nbytes, Device device, Allocate when = Allocate::Now);
    ~Storage();
    Storage(const Storage&) = delete;
    Storage& operator=(const Storage&) = delete;

    void* data = nullptr;
    std::size_t nbytes = 0;
    Device device;
    std::uint32_t version = 0;
    std::shared_ptr<LazyExpr> pending;               // set while the values are not computed yet
    std::vector<std::weak_ptr<Storage>> lazyReaders; // deferred values that read this storage
};

// Computes a deferred storage's values now.
void materialize(Storage& storage);
// Call before writing into a storage in place: computes deferred values that read the old
// contents (and the storage's own, if deferred).
void prepareWrite(Storage& storage);

struct TensorImpl {
    TensorImpl() = default;
    ~TensorImpl(); // releases the graph behind gradFn without recursion
    TensorImpl(const TensorImpl&) = delete;
    TensorImpl& operator=(const TensorImpl&) = delete;

    std::shared_ptr<Storage> storage;
    std::int64_t offset = 0; // in elements
    Shape shape;
    DType dtype = DType::Float32;
    bool requiresGrad = false;
    std::uint32_t outputNr = 0;
    std::shared_ptr<TensorImpl> grad;
    std::shared_ptr<Node> gradFn;
    std::weak_ptr<Node> gradAccumulator; // leaves only
    std::weak_ptr<TensorImpl> viewBase;  // the tensor this one is a view of (reshape), if any
    std::string name;

    // The values; a deferred storage is computed first.
    void* data() const
    {
        if (storage->pending)
            materialize(*storage);
        return static_cast<char*>(storage->data) + offset * elementSize(dtype);
    }
    std::int64_t numel() const { return shape.numel(); }
    Device device() const { return storage->device; }
};

struct TensorOptions {
    DType dtype = DType::Float32;
    Device device = Device::cpu();
    bool requiresGrad = false;

    TensorOptions& withDType(DType d) { dtype = d; return *this; }
    TensorOptions& withDevice(Device d) { device = d; return *this; }
    TensorOptions& withRequiresGrad(bool r = true) { requiresGrad = r; return *this; }
};

class Tensor {
public:
    Tensor() = default;
    explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

    bool defined() const { return impl_ != nullptr; }
    TensorImpl* impl() const { return impl_.get(); }
    const std::shared_ptr<TensorImpl>& implPtr() const { return impl_; }

    const Shape& shape() const { return checked()->shape; }
    int dim() const { return shape().ndim(); }
    std::int64_t numel() const { return shape().numel(); }
    std::int64_t size(int dim) const { return shape().size(dim); }
    DType dtype() const { return checked()->dtype; }
    Device device() const { return checked()->device(); }

    // Autograd state.
    bool requiresGrad() const { return checked()->requiresGrad; }
    // Only a leaf may be switched; switching a non-leaf off throws as in PyTorch.
    Tensor& requiresGrad_(bool requiresGrad = true);
    // Undefined until a backward pass reached this leaf (and always for a non-leaf).
    Tensor grad() const;
    void setGrad(const Tensor& g);
    const std::shared_ptr<Node>& gradFn() const { return checked()->gradFn; }
    bool isLeaf() const { return checked()->gradFn == nullptr; }
    std::uint32_t version() const { return checked()->storage->version; }
    const std::string& name() const { return checked()->name; }
    Tensor& setName(std::string name);

    // Runs reverse-mode autograd from this tensor. A scalar gets an implicit gradient of 1; any
    // other tensor needs `gradient` of its own shape.
    void backward(const Tensor& gradient = Tensor(), bool retainGraph = false) const;

    // Shares data (and version counter) with this tensor, outside the graph.
    Tensor detach() const;
    Tensor& detach_();
    Tensor clone() const;
    // A copy on `device` with `dtype`; the result is a non-leaf (ToCopyBackward0) when this tensor
    // requires grad, exactly as the tutorial's section 2.2 shows. Returns *this when nothing changes.
    Tensor to(Device device, DType dtype) const;
    Tensor to(Device device) const { return to(device, dtype()); }
    Tensor to(DType dtype) const { return to(device(), dtype); }
    Tensor cpu() const { return to(Device::cpu()); }

    // The value of a one-element tensor.
    double item() const;
    // All values, in row-major order, as doubles (copied to the host).
    std::vector<double> toVector() const;
    // Direct access to CPU data of the given element type; throws on a mismatch.
    template <typename T> T* data() const;

    // In-place operations. They bump the version counter and refuse, as PyTorch does, to change a
    // leaf that requires grad while grad mode is on.
    Tensor& add_(const Tensor& other, double alpha = 1.0);
    Tensor& add_(double value);
    Tensor& sub_(const Tensor& other, double alpha = 1.0);
    Tensor& sub_(double value);
    Tensor& mul_(const Tensor& other);
    Tensor& mul_(double value);
    Tensor& zero_();
    Tensor& fill_(double value);
    Tensor& copy_(const Tensor& src);

    // Out-of-place operations (see ops.h for the free functions).
    Tensor reshape(const Shape& shape) const;
    Tensor view(const Shape& shape) const { return reshape(shape); }
    Tensor transpose(int dim0, int dim1) const;
    Tensor t() const;
    Tensor sum() const;
    Tensor sum(int dim, bool keepdim = false) const;
    Tensor mean() const;
    Tensor mean(int dim, bool keepdim = false) const;
    Tensor pow(double exponent) const;
    Tensor exp() const;
    Tensor log() const;
    Tensor sqrt() const;
    Tensor abs() const;
    Tensor relu() const;
    Tensor tanh() const;
    Tensor sigmoid() const;
    Tensor matmul(const Tensor& other) const;

    // "tensor([0.3367], requires_grad=True)", as PyTorch prints it.
    std::string str() const;

private:
    TensorImpl* checked() const;
    std::shared_ptr<TensorImpl> impl_;
};

Tensor operator+(const Tensor& a, const Tensor& b);
Tensor operator-(const Tensor& a, const Tensor& b);
Tensor operator*(const Tensor& a, const Tensor& b);
Tensor operator/(const Tensor& a, const Tensor& b);
Tensor operator-(const Tensor& a);
Tensor operator+(const Tensor& a, double b);
Tensor operator+(double a, const Tensor& b);
Tensor operator-(const Tensor& a, double b);
Tensor operator-(double a, const Tensor& b);
Tensor operator*(const Tensor& a, double b);
Tensor operator*(double a, const Tensor& b);
Tensor operator/(const Tensor& a, double b);
Tensor operator/(double a, const Tensor& b);
Tensor& operator+=(Tensor& a, const Tensor& b);
Tensor& operator-=(Tensor& a, const Tensor& b);
Tensor& operator*=(Tensor& a, const Tensor& b);

// Creation.
Tensor empty(const Shape& shape, const TensorOptions& options = {});
Tensor zeros(const Shape& shape, const TensorOptions& options = {});
Tensor ones(const Shape& shape, const TensorOptions& options = {});
Tensor full(const Shape& shape, double value, const TensorOptions& options = {});
// Values in row-major order; their count must match the shape.
Tensor fromData(const std::vector<double>& values, const Shape& shape, const TensorOptions& options = {});
Tensor scalarTensor(double value, const TensorOptions& options = {});
// Uniform on [0, 1) and standard normal, drawn exactly as PyTorch's CPU generator draws them.
// Without a generator they use the global one (seeded by manualSeed).
Tensor rand(const Shape& shape, const TensorOptions& options = {}, Generator* generator = nullptr);
Tensor randn(const Shape& shape, const TensorOptions& options = {}, Generator* generator = nullptr);

// Internal: a fresh contiguous tensor with no autograd state.
Tensor makeTensor(const Shape& shape, DType dtype, Device device);

} // namespace gradlab
