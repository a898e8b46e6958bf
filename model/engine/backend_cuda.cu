// The CUDA kernel table. Each device has one stream, on which all of its work is queued in order,
// so the host waits only where it reads a value (item(), toVector(), a copy to the CPU). Memory
// comes from a caching allocator: a freed block is kept and handed to the next request of its
// size, which the stream's order makes safe without waiting. Matrix products go through cuBLAS;
// every other kernel computes one element with kernel_math.h's formulas, as the CPU does, and
// sums in double. Long elementwise chains and their reductions are fused (cuda_fusion.cpp).
#include "cuda_backend.h"
#include "cuda_internal.h"
#include "kernel_dispatch.h"
#include "index_maps.h"
#include "kernel_math.h"
#include "lazy.h"

#include <cublas_v2.h>
#include <cuda_runtime.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace gradlab::cuda {

// ---- errors ---------------------------------------------------------------------------------

std::string bytesText(double bytes)
{
    const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
    int u = 0;
    while (bytes >= 1024.0 && u < 5) {
        bytes /= 1024.0;
        ++u;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.2f %s", bytes, units[u]);
    return buf;
}

[[noreturn]] void raise(cudaError_t err, int device, const std::string& what)
{
    std::string msg = "CUDA error on cuda:" + std::to_string(device) + " while " + what + ": "
                      + cudaGetErrorString(err) + " (" + cudaGetErrorName(err) + ")";
    switch (err) {
    case cudaErrorIllegalAddress:
    case cudaErrorLaunchFailure:
    case cudaErrorIllegalInstruction:
    case cudaErrorMisalignedAddress:
    case cudaErrorHardwareStackError:
    case cudaErrorInvalidPc:
    case cudaErrorAssert:
    case cudaErrorLaunchTimeout:
    case cudaErrorECCUncorrectable:
    case cudaErrorUnknown:
        msg += " (the error may come from earlier work queued on the device). The device cannot be used again by this "
               "process; restart GradLab to use it, or continue on the CPU.";
        break;
    default:
        break;
    }
    throw EngineError(msg);
}

void check(cudaError_t err, int device, const char* what)
{
    if (err != cudaSuccess) {
        cudaGetLastError(); // clear a non-sticky error so that later calls do not report it again
        raise(err, device, what);
    }
}

void useDevice(int device)
{
    int current = -1;
    if (cudaGetDevice(&current) != cudaSuccess || current != device)
        check(cudaSetDevice(device), device, "selecting the device");
}

namespace {

constexpr int kThreads = 256;

// ---- kernels ----------------------------------------------------------------------------------

#define GRID_STRIDE(i, n)                                                                              \
    for (long long i = static_cast<long long>(blockIdx.x) * blockDim.x + threadIdx.x; i < (n);            \
         i += static_cast<long long>(gridDim.x) * blockDim.x)

template <typename T> __global__ void fillKernel(T* out, long long n, T v)
{
    GRID_STRIDE(i, n) out[i] = v;
}

template <typename S, typename D> __global__ void convertKernel(const S* in, D* out, long long n)
{
    GRID_STRIDE(i, n) out[i] = static_cast<D>(in[i]);
}

template <typename T> __global__ void expandKernel(const T* in, T* out, long long n, Indexer ix)
{
    GRID_STRIDE(i, n)
    {
        std::int64_t oa, ob;
        ix.offsets(i, oa, ob);
        out[i] = in[oa];
    }
}

template <typename T> __global__ void unaryKernel(const T* a, T* out, long long n, UnaryOp op, T p)
{
    GRID_STRIDE(i, n) out[i] = km::unaryFn(op, a[i], p);
}

// mode 0: same shape; 1: b one element; 2: a one element; 3: general broadcast.
template <BinaryOp Op, typename T>
__global__ void binaryKernel(const T* a, const T* b, T* out, long long n, T s, int mode, Indexer ix)
{
    GRID_STRIDE(i, n)
    {
        T av, bv;
        if (mode == 0) {
            av = a[i];
            bv = b[i];
        } else if (mode == 1) {
            av = a[i];
            bv = b[0];
        } else if (mode == 2) {
            av = a[0];
            bv = b[i];
        } else {
            std::int64_t oa, ob;
            ix.offsets(i, oa, ob);
            av = a[oa];
            bv = b[ob];
        }
        out[i] = km::binaryFn<Op>(av, bv, s);
    }
}

template <typename T> __global__ void scaleKernel(const T* a, T* out, long long n, T f)
{
    GRID_STRIDE(i, n) out[i] = a[i] * f;
}

template <typename T> __global__ void permuteKernel(const T* in, T* out, long long n, Permuter pm)
{
    GRID_STRIDE(i, n) out[i] = in[pm.offset(i)];
}

template <typename T>
__global__ void gatherRowsKernel(const T* src, const long long* idx, T* out, long long n, long long row)
{
    GRID_STRIDE(i, n) out[i] = src[idx[i / row] * row + i % row];
}

template <typename T>
__global__ void scatterAddRowsKernel(T* dst, const long long* idx, const T* src, long long n, long long row)
{
    GRID_STRIDE(i, n) atomicAdd(dst + idx[i / row] * row + i % row, src[i]);
}

template <typename T> __global__ void addBiasKernel(T* c, const T* bias, long long n, long long cols, bool scalar)
{
    GRID_STRIDE(i, n) c[i] = c[i] + bias[scalar ? 0 : i % cols];
}

// norm = the incoming gradient (one element of either dtype, or none: 1) × scale, in double.
template <LossKind K, typename T>
__global__ void lossGradKernel(const T* x, const T* y, const void* gradOut, bool gradOutDouble, T* g, long long n,
                               double scale, double p)
{
    const double in = !gradOut ? 1.0
                      : gradOutDouble ? static_cast<const double*>(gradOut)[0]
                                      : static_cast<double>(static_cast<const float*>(gradOut)[0]);
    const double norm = in * scale;
    GRID_STRIDE(i, n) g[i] = km::lossDerivative<K>(static_cast<T>(x[i] - y[i]), norm, p);
}

template <typename T>
__global__ void optimizerKernel(km::OptimizerCoefficients<T> c, T* p, const T* g, T* s0, T* s1, T* s2, long long n)
{
    GRID_STRIDE(i, n) km::optimizerUpdate(c, p[i], g[i], s0 ? s0 + i : nullptr, s1 ? s1 + i : nullptr, s2 ? s2 + i : nullptr);
}

// The terms a reduction adds, in double.
template <typename T> struct SumTerm {
    const T* in;
    __device__ double operator()(long long off) const { return static_cast<double>(in[off]); }
};
template <typename T> struct MulTerm {
    const T* a;
    const T* b;
    __device__ double operator()(long long off) const { return static_cast<double>(a[off] * b[off]); }
};
template <LossKind K, typename T> struct LossTerm {
    const T* x;
    const T* y;
    T p;
    __device__ double operator()(long long off) const
    {
        return static_cast<double>(km::lossValue<K>(static_cast<T>(x[off] - y[off]), p));
    }
};

// Block b sums its share of output b / splits; partial sums land in a fixed place, so the result
// does not depend on timing.
template <typename Term>
__global__ void reduceKernel(Term term, ReduceMap map, int splits, double* partial)
{
    const long long o = blockIdx.x / splits;
    const int part = static_cast<int>(blockIdx.x % splits);
    double acc = 0.0;
    for (long long r = static_cast<long long>(part) * blockDim.x + threadIdx.x; r < map.perOutput;
         r += static_cast<long long>(splits) * blockDim.x)
        acc += term(map.offset(o, r));
    __shared__ double shared[kThreads / 32];
    for (int off = 16; off > 0; off /= 2)
        acc += __shfl_down_sync(0xffffffffu, acc, off);
    if (threadIdx.x % 32 == 0)
        shared[threadIdx.x / 32] = acc;
    __syncthreads();
    if (threadIdx.x == 0) {
        double total = 0.0;
        for (int w = 0; w < kThreads / 32; ++w)
            total += shared[w];
        partial[blockIdx.x] = total;
    }
}

template <typename T>
__global__ void finishKernel(const double* partial, int splits, long long outputs, T* out, double scale, double divisor)
{
    GRID_STRIDE(o, outputs)
    {
        double total = 0.0;
        for (int s = 0; s < splits; ++s)
            total += partial[o * splits + s];
        total = total * scale;
        if (divisor != 1.0)
            total = total / divisor;
        out[o] = static_cast<T>(total);
    }
}

template <typename T> T* ptr(TensorImpl& t) { return static_cast<T*>(t.data()); }
template <typename T> const T* ptr(const TensorImpl& t) { return static_cast<const T*>(t.data()); }

} // namespace

// ---- the caching allocator --------------------------------------------------------------------

std::size_t Allocator::roundSize(std::size_t n)
{
    constexpr std::size_t small = 512, large = std::size_t{1} << 20;
    return n <= large ? (n + small - 1) / small * small : (n + large - 1) / large * large;
}

void* Allocator::allocate(std::size_t nbytes)
{
    if (nbytes == 0)
        return nullptr;
    const std::size_t size = roundSize(nbytes);
    {
        std::lock_guard lock(mutex_);
        auto it = free_.find(size);
        if (it != free_.end() && !it->second.empty()) {
            void* p = it->second.back();
            it->second.pop_back();
            cached_ -= size;
            return p;
        }
    }
    useDevice(device_);
    void* p = nullptr;
    cudaError_t err = cudaMalloc(&p, size);
    if (err == cudaErrorMemoryAllocation) {
        cudaGetLastError();
        releaseCached();
        err = cudaMalloc(&p, size);
    }
    if (err == cudaErrorMemoryAllocation) {
        cudaGetLastError();
        std::size_t freeBytes = 0, totalBytes = 0;
        cudaMemGetInfo(&freeBytes, &totalBytes);
        cudaGetLastError();
        throw EngineError("CUDA out of memory on cuda:" + std::to_string(device_) + ": tried to allocate "
                          + bytesText(static_cast<double>(size)) + ", but only " + bytesText(static_cast<double>(freeBytes))
                          + " of the device's " + bytesText(static_cast<double>(totalBytes))
                          + " are free. Use fewer samples, smaller batches or a smaller model, or the CPU.");
    }
    check(err, device_, "allocating device memory");
    return p;
}

void Allocator::deallocate(void* p, std::size_t nbytes)
{
    if (!p)
        return;
    const std::size_t size = roundSize(nbytes);
    std::lock_guard lock(mutex_);
    free_[size].push_back(p);
    cached_ += size;
}

void Allocator::releaseCached()
{
    // Blocks in the cache may still be read by queued kernels: wait for them before freeing (and
    // before locking, so that other threads can return blocks meanwhile).
    useDevice(device_);
    cudaDeviceSynchronize();
    std::lock_guard lock(mutex_);
    for (auto& [size, blocks] : free_)
        for (void* p : blocks)
            cudaFree(p);
    cudaGetLastError(); // an error here belongs to no operation; the next one reports its own
    free_.clear();
    cached_ = 0;
}

// ---- the kernel table -------------------------------------------------------------------------

class CudaBackend final : public Backend {
public:
    explicit CudaBackend(int index) : dev_(index)
    {
        useDevice(dev_.index);
        check(cudaStreamCreateWithFlags(&dev_.stream, cudaStreamNonBlocking), dev_.index, "creating a stream");
        int sms = 1;
        cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, dev_.index);
        dev_.multiprocessors = std::max(sms, 1);
        cudaDeviceGetAttribute(&dev_.ccMajor, cudaDevAttrComputeCapabilityMajor, dev_.index);
        cudaDeviceGetAttribute(&dev_.ccMinor, cudaDevAttrComputeCapabilityMinor, dev_.index);
        cudaGetLastError();
        dev_.eager = this;
    }

    Device device() const override { return Device::cuda(dev_.index); }

    void* allocate(std::size_t nbytes) override { return dev_.allocator.allocate(nbytes); }
    void deallocate(void* p, std::size_t nbytes) override { dev_.allocator.deallocate(p, nbytes); }

    void copy(const TensorImpl& src, TensorImpl& dst) override
    {
        const long long n = src.numel();
        if (n == 0)
            return;
        const bool fromDevice = src.device().isCuda(), toDevice = dst.device().isCuda();
        const std::size_t bytes = static_cast<std::size_t>(n) * elementSize(src.dtype);
        if (fromDevice && toDevice && src.device() != dst.device()) {
            // Between two GPUs through the host: rare, and always correct.
            const std::vector<double> values = backend(src.device().index).download(src);
            backend(dst.device().index).upload(values, dst);
            return;
        }
        useDevice(dev_.index);
        if (fromDevice && toDevice) {
            if (src.dtype == dst.dtype)
                check(cudaMemcpyAsync(dst.data(), src.data(), bytes, cudaMemcpyDeviceToDevice, dev_.stream), dev_.index, "copying on the device");
            else if (src.dtype == DType::Float32)
                launch("converting float32 to float64", n, convertKernel<float, double>, ptr<float>(src), ptr<double>(dst), n);
            else
                launch("converting float64 to float32", n, convertKernel<double, float>, ptr<double>(src), ptr<float>(dst), n);
            return;
        }
        if (toDevice) {
            if (src.dtype == dst.dtype) {
                check(cudaMemcpyAsync(dst.data(), src.data(), bytes, cudaMemcpyHostToDevice, dev_.stream), dev_.index, "copying to the device");
                return;
            }
            dispatch(dst.dtype, [&](auto tag) {
                using T = decltype(tag);
                std::vector<T> host(static_cast<std::size_t>(n));
                if (src.dtype == DType::Float32)
                    std::copy_n(static_cast<const float*>(src.data()), n, host.begin());
                else
                    std::copy_n(static_cast<const double*>(src.data()), n, host.begin());
                check(cudaMemcpyAsync(dst.data(), host.data(), host.size() * sizeof(T), cudaMemcpyHostToDevice, dev_.stream),
                      dev_.index, "copying to the device");
            });
            return;
        }
        // Device to host.
        if (src.dtype == dst.dtype) {
            check(cudaMemcpyAsync(dst.data(), src.data(), bytes, cudaMemcpyDeviceToHost, dev_.stream), dev_.index, "copying to the host");
            check(cudaStreamSynchronize(dev_.stream), dev_.index, "waiting for the device");
            return;
        }
        const std::vector<double> values = download(src);
        if (dst.dtype == DType::Float32)
            std::copy(values.begin(), values.end(), static_cast<float*>(dst.data()));
        else
            std::copy(values.begin(), values.end(), static_cast<double*>(dst.data()));
    }

    void expand(const TensorImpl& src, TensorImpl& dst) override
    {
        useDevice(dev_.index);
        const long long n = dst.numel();
        const Indexer ix = makeIndexer(src.shape, Shape{}, dst.shape);
        dispatch(src.dtype, [&](auto tag) {
            using T = decltype(tag);
            launch("broadcasting", n, expandKernel<T>, ptr<T>(src), ptr<T>(dst), n, ix);
        });
    }

    void fill(TensorImpl& dst, double value) override
    {
        useDevice(dev_.index);
        const long long n = dst.numel();
        dispatch(dst.dtype, [&](auto tag) {
            using T = decltype(tag);
            launch("filling", n, fillKernel<T>, ptr<T>(dst), n, static_cast<T>(value));
        });
    }

    void upload(const std::vector<double>& values, TensorImpl& dst) override
    {
        if (values.empty())
            return;
        useDevice(dev_.index);
        dispatch(dst.dtype, [&](auto tag) {
            using T = decltype(tag);
            const std::vector<T> host(values.begin(), values.end());
            check(cudaMemcpyAsync(dst.data(), host.data(), host.size() * sizeof(T), cudaMemcpyHostToDevice, dev_.stream),
                  dev_.index, "copying to the device");
        });
    }

    std::vector<double> download(const TensorImpl& src) override
    {
        std::vector<double> out(static_cast<std::size_t>(src.numel()));
        if (out.empty())
            return out;
        useDevice(dev_.index);
        dispatch(src.dtype, [&](auto tag) {
            using T = decltype(tag);
            std::vector<T> host(out.size());
            check(cudaMemcpyAsync(host.data(), src.data(), host.size() * sizeof(T), cudaMemcpyDeviceToHost, dev_.stream),
                  dev_.index, "copying to the host");
            check(cudaStreamSynchronize(dev_.stream), dev_.index, "waiting for the device");
            std::copy(host.begin(), host.end(), out.begin());
        });
        return out;
    }

    void unary(UnaryOp op, const TensorImpl& a, TensorImpl& out, double scalar) override
    {
        useDevice(dev_.index);
        const long long n = a.numel();
        dispatch(a.dtype, [&](auto tag) {
            using T = decltype(tag);
            launch("an elementwise function", n, unaryKernel<T>, ptr<T>(a), ptr<T>(out), n, op, static_cast<T>(scalar));
        });
    }

    void binary(BinaryOp op, const TensorImpl& a, const TensorImpl& b, TensorImpl& out, double scalar) override
    {
        useDevice(dev_.index);
        const long long n = out.numel(), na = a.numel(), nb = b.numel();
        const int mode = (na == n && nb == n && a.shape == b.shape) ? 0 : (na == n && nb == 1) ? 1 : (na == 1 && nb == n) ? 2 : 3;
        const Indexer ix = mode == 3 ? makeIndexer(a.shape, b.shape, out.shape) : Indexer{};
        dispatch(a.dtype, [&](auto tag) {
            using T = decltype(tag);
            dispatchBinary(op, [&](auto o) {
                launch("an elementwise operation", n, binaryKernel<decltype(o)::value, T>, ptr<T>(a), ptr<T>(b), ptr<T>(out), n,
                       static_cast<T>(scalar), mode, ix);
            });
        });
    }

    void scale(const TensorImpl& a, TensorImpl& out, double scalar) override
    {
        useDevice(dev_.index);
        const long long n = a.numel();
        dispatch(a.dtype, [&](auto tag) {
            using T = decltype(tag);
            launch("scaling", n, scaleKernel<T>, ptr<T>(a), ptr<T>(out), n, static_cast<T>(scalar));
        });
    }

    void sumTo(const TensorImpl& in, TensorImpl& out, double scalar) override
    {
        useDevice(dev_.index);
        const ReduceMap map = reduceMap(in.shape, out.shape);
        dispatch(in.dtype, [&](auto tag) {
            using T = decltype(tag);
            reduce(SumTerm<T>{ptr<T>(in)}, map, out.numel(), ptr<T>(out), scalar, 1.0);
        });
    }

    void mulSum(const TensorImpl& a, const TensorImpl& b, TensorImpl& out, double scalar) override
    {
        useDevice(dev_.index);
        ReduceMap map;
        map.perOutput = a.numel();
        dispatch(a.dtype, [&](auto tag) {
            using T = decltype(tag);
            reduce(MulTerm<T>{ptr<T>(a), ptr<T>(b)}, map, 1, ptr<T>(out), scalar, 1.0);
        });
    }

    void matmul(const TensorImpl& a, bool transA, const TensorImpl& b, bool transB, TensorImpl& out,
                const TensorImpl* bias) override
    {
        useDevice(dev_.index);
        const long long m = out.shape[0], n = out.shape[1];
        const long long k = transA ? a.shape[0] : a.shape[1];
        if (m == 0 || n == 0)
            return;
        if (k == 0) { // an empty sum: zeros (cuBLAS refuses leading dimensions of 0)
            fill(out, 0.0);
            if (bias)
                addBias(out, *bias);
            return;
        }
        std::lock_guard lock(blasMutex_);
        cublasHandle_t handle = blas();
        // Row-major C = op(A)·op(B) is column-major Cᵀ = op(B)ᵀ·op(A)ᵀ: swap the operands.
        const cublasOperation_t opA = transA ? CUBLAS_OP_T : CUBLAS_OP_N;
        const cublasOperation_t opB = transB ? CUBLAS_OP_T : CUBLAS_OP_N;
        const int M = static_cast<int>(n), N = static_cast<int>(m), K = static_cast<int>(k);
        const int lda = static_cast<int>(b.shape[1]), ldb = static_cast<int>(a.shape[1]), ldc = static_cast<int>(n);
        cublasStatus_t status;
        if (a.dtype == DType::Float32) {
            const float one = 1.0f, zero = 0.0f;
            status = cublasSgemm(handle, opB, opA, M, N, K, &one, ptr<float>(b), lda, ptr<float>(a), ldb, &zero, ptr<float>(out), ldc);
        } else {
            const double one = 1.0, zero = 0.0;
            status = cublasDgemm(handle, opB, opA, M, N, K, &one, ptr<double>(b), lda, ptr<double>(a), ldb, &zero, ptr<double>(out), ldc);
        }
        if (status != CUBLAS_STATUS_SUCCESS)
            throw EngineError("cuBLAS failed on cuda:" + std::to_string(dev_.index) + " in a matrix product of "
                              + a.shape.bracketStr() + " and " + b.shape.bracketStr() + ": "
                              + cublasGetStatusString(status));
        if (bias)
            addBias(out, *bias);
    }

    void addBias(TensorImpl& out, const TensorImpl& bias)
    {
        const long long total = out.numel(), cols = out.shape[1];
        dispatch(out.dtype, [&](auto tag) {
            using T = decltype(tag);
            launch("adding the bias", total, addBiasKernel<T>, ptr<T>(out), ptr<T>(bias), total, cols, bias.numel() == 1);
        });
    }

    void transpose2d(const TensorImpl& a, TensorImpl& out) override { transpose(a, 0, 1, out); }

    void transpose(const TensorImpl& a, int dim0, int dim1, TensorImpl& out) override
    {
        useDevice(dev_.index);
        const Permuter pm = makePermuter(a.shape, dim0, dim1, out.shape);
        const long long n = out.numel();
        dispatch(a.dtype, [&](auto tag) {
            using T = decltype(tag);
            launch("transposing", n, permuteKernel<T>, ptr<T>(a), ptr<T>(out), n, pm);
        });
    }

    void indexSelect(const TensorImpl& src, const std::vector<std::int64_t>& indices, TensorImpl& out) override
    {
        useDevice(dev_.index);
        const long long row = src.numel() / std::max<long long>(src.shape[0], 1);
        const long long n = static_cast<long long>(indices.size()) * row;
        if (n == 0)
            return;
        const DeviceBuffer idx(dev_.allocator, indices.size() * sizeof(long long));
        uploadIndices(indices, idx);
        dispatch(src.dtype, [&](auto tag) {
            using T = decltype(tag);
            launch("gathering rows", n, gatherRowsKernel<T>, ptr<T>(src), static_cast<const long long*>(idx.get()), ptr<T>(out), n, row);
        });
    }

    void indexAdd(TensorImpl& dst, const std::vector<std::int64_t>& indices, const TensorImpl& src) override
    {
        useDevice(dev_.index);
        const long long row = dst.numel() / std::max<long long>(dst.shape[0], 1);
        const long long n = static_cast<long long>(indices.size()) * row;
        if (n == 0)
            return;
        const DeviceBuffer idx(dev_.allocator, indices.size() * sizeof(long long));
        uploadIndices(indices, idx);
        dispatch(dst.dtype, [&](auto tag) {
            using T = decltype(tag);
            launch("adding rows", n, scatterAddRowsKernel<T>, ptr<T>(dst), static_cast<const long long*>(idx.get()), ptr<T>(src), n, row);
        });
    }

    void lossForward(LossKind kind, double param, const TensorImpl& input, const TensorImpl& target, TensorImpl& out,
                     bool mean) override
    {
        useDevice(dev_.index);
        ReduceMap map;
        map.perOutput = input.numel();
        const double divisor = mean ? static_cast<double>(input.numel()) : 1.0;
        dispatch(input.dtype, [&](auto tag) {
            using T = decltype(tag);
            dispatchLoss(kind, [&](auto k) {
                reduce(LossTerm<decltype(k)::value, T>{ptr<T>(input), ptr<T>(target), static_cast<T>(param)}, map, 1,
                       ptr<T>(out), 1.0, divisor);
            });
        });
    }

    void lossBackward(LossKind kind, double param, const TensorImpl& input, const TensorImpl& target,
                      const TensorImpl& gradOut, TensorImpl& gradInput, bool mean) override
    {
        useDevice(dev_.index);
        const long long n = input.numel();
        const double scale = mean ? 1.0 / static_cast<double>(n) : 1.0;
        dispatch(input.dtype, [&](auto tag) {
            using T = decltype(tag);
            dispatchLoss(kind, [&](auto k) {
                launch("the loss gradient", n, lossGradKernel<decltype(k)::value, T>, ptr<T>(input), ptr<T>(target),
                       static_cast<const void*>(gradOut.data()), gradOut.dtype == DType::Float64, ptr<T>(gradInput), n,
                       scale, param);
            });
        });
    }

    void optimizerStep(const OptimizerStep& s, TensorImpl& param, const TensorImpl& grad, TensorImpl* s0,
                       TensorImpl* s1, TensorImpl* s2) override
    {
        useDevice(dev_.index);
        const long long n = param.numel();
        dispatch(param.dtype, [&](auto tag) {
            using T = decltype(tag);
            launch("the optimizer step", n, optimizerKernel<T>, optimizerCoefficients<T>(s), ptr<T>(param), ptr<T>(grad),
                   s0 ? ptr<T>(*s0) : nullptr, s1 ? ptr<T>(*s1) : nullptr, s2 ? ptr<T>(*s2) : nullptr, n);
        });
    }

    Tensor deferBinary(BinaryOp op, const Tensor& a, const Tensor& b, const Shape& shape, double scalar) override
    {
        return fusion_.deferBinary(op, a, b, shape, scalar);
    }
    Tensor deferSum(const Tensor& a, const Tensor* b, const Shape& shape, double scale) override
    {
        return fusion_.deferSum(a, b, shape, scale);
    }
    Tensor deferLossGrad(LossKind kind, double param, const Tensor& input, const Tensor& target, const Tensor& gradOut,
                         double scale) override
    {
        return fusion_.deferLossGrad(kind, param, input, target, gradOut, scale);
    }
    Tensor deferLoss(LossKind kind, double param, const Tensor& input, const Tensor& target, bool mean) override
    {
        return fusion_.deferLoss(kind, param, input, target, mean);
    }

    Fusion& fusion() { return fusion_; }

    // Launches `kernel` over n elements on this device's stream; a failed launch throws.
    template <typename... Params, typename... Args>
    void launch(const char* what, long long n, void (*kernel)(Params...), Args&&... args)
    {
        if (n <= 0)
            return;
        // Enough blocks to fill every multiprocessor many times over; the loop strides the rest.
        const long long blocks = std::min((n + kThreads - 1) / kThreads, 32LL * dev_.multiprocessors);
        kernel<<<static_cast<unsigned>(blocks), kThreads, 0, dev_.stream>>>(std::forward<Args>(args)...);
        check(cudaGetLastError(), dev_.index, what);
    }

private:
    // A temporary block of device memory, returned to the cache when it goes out of scope (the
    // stream's order keeps it valid for the kernels already queued).
    class DeviceBuffer {
    public:
        DeviceBuffer(Allocator& a, std::size_t n) : alloc_(&a), n_(n), p_(a.allocate(n)) {}
        ~DeviceBuffer() { alloc_->deallocate(p_, n_); }
        DeviceBuffer(const DeviceBuffer&) = delete;
        DeviceBuffer& operator=(const DeviceBuffer&) = delete;
        void* get() const { return p_; }

    private:
        Allocator* alloc_;
        std::size_t n_;
        void* p_;
    };

    void uploadIndices(const std::vector<std::int64_t>& indices, const DeviceBuffer& buf)
    {
        check(cudaMemcpyAsync(buf.get(), indices.data(), indices.size() * sizeof(long long), cudaMemcpyHostToDevice, dev_.stream),
              dev_.index, "copying indices to the device");
    }

    template <typename Term, typename T>
    void reduce(const Term& term, const ReduceMap& map, long long outputs, T* out, double scale, double divisor)
    {
        if (outputs == 0)
            return;
        if (map.perOutput == 0) {
            launch("filling", outputs, fillKernel<T>, out, outputs, T(0));
            return;
        }
        const long long perBlock = static_cast<long long>(kThreads) * 8;
        const long long target = 4LL * dev_.multiprocessors; // blocks for the whole reduction
        const long long wanted = std::max<long long>(1, (target + outputs - 1) / outputs);
        const int splits = static_cast<int>(std::min<long long>(wanted, (map.perOutput + perBlock - 1) / perBlock));
        const long long blocks = outputs * std::max(splits, 1);
        DeviceBuffer partial(dev_.allocator, static_cast<std::size_t>(blocks) * sizeof(double));
        reduceKernel<Term><<<static_cast<unsigned>(blocks), kThreads, 0, dev_.stream>>>(term, map, std::max(splits, 1),
                                                                                    static_cast<double*>(partial.get()));
        check(cudaGetLastError(), dev_.index, "a reduction");
        launch("a reduction", outputs, finishKernel<T>, static_cast<const double*>(partial.get()), std::max(splits, 1),
               outputs, out, scale, divisor);
    }

    cublasHandle_t blas()
    {
        if (!blas_) {
            if (cublasCreate(&blas_) != CUBLAS_STATUS_SUCCESS) {
                dev_.allocator.releaseCached(); // the cache may hold the memory cuBLAS needs
                if (cublasCreate(&blas_) == CUBLAS_STATUS_SUCCESS)
                    return setUpBlas();
                blas_ = nullptr;
                throw EngineError("cuBLAS could not start on cuda:" + std::to_string(dev_.index)
                                  + " (out of memory, or a broken CUDA installation)");
            }
            return setUpBlas();
        }
        return blas_;
    }

    cublasHandle_t setUpBlas()
    {
        cublasSetStream(blas_, dev_.stream);
        cublasSetMathMode(blas_, CUBLAS_PEDANTIC_MATH); // full float32 products, as on the CPU
        return blas_;
    }

    DeviceState dev_;
    std::mutex blasMutex_;
    cublasHandle_t blas_ = nullptr;
    Fusion fusion_{dev_};
};

Backend& backend(int index)
{
    // Never destroyed: tensors released during the program's exit still return their memory here.
    static auto* mutex = new std::mutex;
    static auto* tables = new std::vector<CudaBackend*>();
    std::lock_guard lock(*mutex);
    if (index < 0)
        throw EngineError("cuda:" + std::to_string(index) + " is not a device");
    if (static_cast<std::size_t>(index) >= tables->size())
        tables->resize(static_cast<std::size_t>(index) + 1, nullptr);
    CudaBackend*& table = (*tables)[static_cast<std::size_t>(index)];
    if (!table)
        table = new CudaBackend(index);
    return *table;
}

void materialize(Storage& storage)
{
    static_cast<CudaBackend&>(backend(storage.device.index)).fusion().materialize(storage);
}

void prepareWrite(Storage& storage)
{
    static_cast<CudaBackend&>(backend(storage.device.index)).fusion().prepareWrite(storage);
}

} // namespace gradlab::cuda
