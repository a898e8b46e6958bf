// Internal to the CUDA kernel table: error reporting, the caching allocator and the fusion of
// deferred expressions into kernels compiled at run time. Included only by .cu files.
#pragma once

#include "backend.h"
#include "fusion_params.h"
#include "lazy.h"

#include <cuda_runtime.h>

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace gradlab::cuda {

// "1.50 GiB".
std::string bytesText(double bytes);
// Throws EngineError naming the device, what was being done and CUDA's own words.
[[noreturn]] void raise(cudaError_t err, int device, const std::string& what);
void check(cudaError_t err, int device, const char* what);
// Makes `device` current on the calling thread.
void useDevice(int device);

// Keeps freed blocks by (rounded) size and hands them to the next request of that size. All work
// of a device runs on one stream, in order, so a block can be reused at once.
class Allocator {
public:
    explicit Allocator(int device) : device_(device) {}
    void* allocate(std::size_t nbytes);
    void deallocate(void* p, std::size_t nbytes);
    // Returns the cached blocks to the driver (when an allocation fails).
    void releaseCached();
    static std::size_t roundSize(std::size_t n);

private:
    int device_;
    std::mutex mutex_;
    std::unordered_map<std::size_t, std::vector<void*>> free_;
    std::size_t cached_ = 0;
};

// What the kernels of one device share.
struct DeviceState {
    explicit DeviceState(int i) : index(i), allocator(i) {}
    int index;
    Allocator allocator;
    cudaStream_t stream = nullptr;
    int multiprocessors = 1;
    int ccMajor = 0, ccMinor = 0;
    Backend* eager = nullptr; // the kernel table, for expressions that cannot be fused
};

// Deferred elementwise chains and their reductions, compiled with NVRTC into one kernel per
// expression shape (cached), so that a chain over many values costs one pass over memory.
class Fusion {
public:
    // GRADLAB_CUDA_FUSION=off in the environment turns fusion off (every op runs its own kernel);
    // =eager still defers, but computes deferred values with the ordinary kernels (the path taken
    // when a kernel cannot be compiled). The checks compare every way with the CPU.
    explicit Fusion(DeviceState& device);
    ~Fusion();
    Tensor deferBinary(BinaryOp op, const Tensor& a, const Tensor& b, const Shape& shape, double scalar);
    Tensor deferSum(const Tensor& a, const Tensor* b, const Shape& shape, double scale);
    Tensor deferLossGrad(LossKind kind, double param, const Tensor& input, const Tensor& target, const Tensor& gradOut,
                         double scale);
    Tensor deferLoss(LossKind kind, double param, const Tensor& input, const Tensor& target, bool mean);
    void materialize(Storage& storage);
    void prepareWrite(Storage& storage);

private:
    // A compiled expression: the kernel that runs it and the one that adds its partial sums.
    struct Kernels {
        cudaLibrary_t library = nullptr;
        cudaKernel_t fused = nullptr;
        cudaKernel_t finish = nullptr;
    };
    bool enabled();
    Tensor deferred(std::shared_ptr<LazyExpr> e, const Shape& shape, DType dtype);
    bool makeOperand(const Tensor& t, std::int64_t n, DType dtype, LazyOperand& o);
    void materializeElementwise(Storage& storage);
    void materializeReductions(Storage& first);
    void evaluateEagerly(Storage& storage);
    const Kernels* compile(const std::string& source, std::string& error);
    // Queues the compiled kernels; an error in loading them is returned, any other thrown.
    cudaError_t launchFused(const Kernels& kernels, FusedParams& params, int reductions);
    // The fused kernels of `storages` (all reductions, or one elementwise expression) if they
    // can be generated, compiled and launched; false leaves every storage pending.
    bool runFused(const std::vector<Storage*>& storages, bool reductions);
    // After a failed compilation: says why once, and defers nothing from then on.
    void disable(const std::string& why);

    DeviceState& dev_;
    std::mutex mutex_;
    // Pending reductions with the thread that made them: a thread computes only its own, as on
    // the CPU, so that two threads working on one device never touch each other's tensors.
    struct PendingReduction {
        std::thread::id thread;
        std::weak_ptr<Storage> storage;
    };
    std::vector<PendingReduction> pendingReductions_;
    std::unordered_map<std::string, std::unique_ptr<Kernels>> cache_;
    std::atomic<bool> disabled_{false};
    bool eagerOnly_ = false;
};

} // namespace gradlab::cuda
