// Fusion on the GPU. An elementwise op over many values is answered with a deferred tensor (see
// Storage::pending), as on the CPU; when its values are needed, the whole expression, or every
// pending reduction over the same values, becomes the source of one kernel that NVRTC compiles
// for this device. The source depends only on the expression's shape (values travel as
// parameters), so an epoch compiles nothing after the first. The tutorial's step, forward loss
// and both gradients, reads x and y once. Where NVRTC cannot compile, the expression is computed
// with the ordinary kernels, and nothing is deferred from then on.
#include "cuda_internal.h"
#include "fusion_params.h"
#include "lazy.h"

#include <nvrtc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>

namespace gradlab::cuda {

// The texts NVRTC compiles with, embedded at build time (cuda_sources.cpp).
extern const char* const kKernelMathSource;
extern const char* const kFusionParamsSource;

namespace {

// Below this many values an op is computed at once: a kernel launch costs more than it saves.
constexpr std::int64_t kFuseMin = 1 << 16;
// Deeper expressions are computed first, which bounds the size of a fused kernel.
constexpr int kMaxDepth = 6;
constexpr int kFusedThreads = 256;

const char* binaryName(BinaryOp op)
{
    switch (op) {
    case BinaryOp::Add: return "Add";
    case BinaryOp::Sub: return "Sub";
    case BinaryOp::Mul: return "Mul";
    case BinaryOp::Div: return "Div";
    case BinaryOp::ReluGrad: return "ReluGrad";
    case BinaryOp::TanhGrad: return "TanhGrad";
    case BinaryOp::SigmoidGrad: return "SigmoidGrad";
    case BinaryOp::SqrtGrad: return "SqrtGrad";
    case BinaryOp::AbsGrad: return "AbsGrad";
    case BinaryOp::PowGrad: return "PowGrad";
    }
    return "Add";
}

const char* lossName(LossKind k)
{
    switch (k) {
    case LossKind::MSE: return "MSE";
    case LossKind::L1: return "L1";
    case LossKind::Huber: return "Huber";
    case LossKind::SmoothL1: return "SmoothL1";
    }
    return "MSE";
}

// Writes the body of a fused kernel for expressions over n values of one dtype, and fills the
// parameter block it reads. Fails (false) when the expression needs more inputs or constants than
// the block holds.
class Codegen {
public:
    Codegen(DType dtype, FusedParams& params) : dtype_(dtype), p_(params) {}

    bool expr(const LazyExpr& e, std::string& var)
    {
        if (auto it = memo_.find(&e); it != memo_.end()) {
            var = it->second;
            return true;
        }
        std::string a, b;
        if (!operand(e.a, a) || !operand(e.b, b))
            return false;
        var = "v" + std::to_string(vars_++);
        if (e.kind == LazyExpr::Kind::Binary) {
            int s;
            if (!constant(e.scalar, s))
                return false;
            body_ += "    const T " + var + " = km::binaryFn<BinaryOp::" + binaryName(e.op) + ">(" + a + ", " + b
                     + ", (T)p.c[" + std::to_string(s) + "]);\n";
        } else if (e.kind == LazyExpr::Kind::LossGrad) {
            // norm = the incoming gradient (as double) × the reduction's scale, as on the CPU.
            int scale, param;
            std::string g;
            if (!operand(e.c, g) || !constant(e.norm, scale) || !constant(e.scalar, param))
                return false;
            body_ += "    const T " + var + " = km::lossDerivative<LossKind::" + lossName(e.loss) + ">((T)(" + a + " - " + b
                     + "), (double)" + g + " * p.c[" + std::to_string(scale) + "], p.c[" + std::to_string(param) + "]);\n";
        } else {
            return false;
        }
        memo_.emplace(&e, var);
        return true;
    }

    // Adds reduction r of `e` (Sum, MulSum or LossSum) to the body.
    bool reduction(const LazyExpr& e, int r)
    {
        std::string a, b;
        if (!operand(e.a, a))
            return false;
        if (e.kind != LazyExpr::Kind::Sum && !operand(e.b, b))
            return false;
        const std::string acc = "    acc[" + std::to_string(r) + "] += (double)";
        if (e.kind == LazyExpr::Kind::Sum) {
            body_ += acc + a + ";\n";
            p_.scale[r] = e.scalar;
            p_.divisor[r] = 1.0;
        } else if (e.kind == LazyExpr::Kind::MulSum) {
            body_ += acc + "(" + a + " * " + b + ");\n";
            p_.scale[r] = e.scalar;
            p_.divisor[r] = 1.0;
        } else {
            int param;
            if (!constant(e.scalar, param))
                return false;
            body_ += acc + "km::lossValue<LossKind::" + lossName(e.loss) + ">((T)(" + a + " - " + b + "), (T)p.c["
                     + std::to_string(param) + "]);\n";
            p_.scale[r] = 1.0;
            p_.divisor[r] = e.norm;
        }
        return true;
    }

    void store(const std::string& var) { body_ += "    ((T*)p.out[0])[i] = " + var + ";\n"; }

    std::string source(int reductions) const
    {
        const std::string R = std::to_string(reductions);
        std::string s;
        s += "#include \"kernel_math.h\"\n#include \"fusion_params.h\"\n";
        s += "using namespace gradlab;\n";
        s += dtype_ == DType::Float32 ? "typedef float T;\n" : "typedef double T;\n";
        s += "#define R " + R + "\n";
        s += "__device__ __forceinline__ void body(const FusedParams& p, long long i, double* acc)\n{\n";
        s += "    (void)acc;\n" + body_ + "}\n";
        s += R"src(
extern "C" __global__ void __launch_bounds__(256) fused(const FusedParams p)
{
    double acc[R > 0 ? R : 1] = {};
    const long long stride = (long long)gridDim.x * blockDim.x;
    long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    for (; i + 3 * stride < p.n; i += 4 * stride) {
        body(p, i, acc);
        body(p, i + stride, acc);
        body(p, i + 2 * stride, acc);
        body(p, i + 3 * stride, acc);
    }
    for (; i < p.n; i += stride)
        body(p, i, acc);
#if R > 0
    __shared__ double shared[R][8];
    for (int r = 0; r < R; ++r) {
        double v = acc[r];
        for (int off = 16; off > 0; off /= 2)
            v += __shfl_down_sync(0xffffffffu, v, off);
        if (threadIdx.x % 32 == 0)
            shared[r][threadIdx.x / 32] = v;
    }
    __syncthreads();
    if (threadIdx.x < R) {
        double t = 0.0;
        for (int w = 0; w < 8; ++w)
            t += shared[threadIdx.x][w];
        p.partial[(long long)blockIdx.x * R + threadIdx.x] = t;
    }
#endif
}

extern "C" __global__ void finish(const FusedParams p)
{
    const int r = threadIdx.x;
    if (r >= R)
        return;
    double t = 0.0;
    for (int b = 0; b < p.blocks; ++b)
        t += p.partial[(long long)b * R + r];
    t = t * p.scale[r];
    if (p.divisor[r] != 1.0)
        t = t / p.divisor[r];
    *(T*)p.out[r] = (T)t;
}
)src";
        return s;
    }

private:
    bool operand(const LazyOperand& o, std::string& var)
    {
        if (!o.tensor) {
            int k;
            if (!constant(o.value, k))
                return false;
            var = "((T)p.c[" + std::to_string(k) + "])";
            return true;
        }
        // Everything read stays alive until the kernel is queued, even where computing a part of
        // the expression releases it (memory handed back could be handed to the kernel's output).
        keep_.push_back(o.tensor);
        const TensorImpl& t = *o.tensor;
        Storage& s = *t.storage;
        if (s.pending && !s.pending->isReduction() && t.offset == 0) {
            keep_.push_back(s.pending);
            return expr(*s.pending, var);
        }
        if (s.pending)
            gradlab::materialize(s);
        const void* data = static_cast<const char*>(s.data) + t.offset * static_cast<std::int64_t>(elementSize(t.dtype));
        if (auto it = loads_.find(data); it != loads_.end()) {
            var = it->second;
            return true;
        }
        if (inputs_ == FusedParams::kMaxInputs)
            return false;
        p_.in[inputs_] = data;
        var = "x" + std::to_string(inputs_);
        // A one-element operand is the same value for every i.
        body_ += "    const T " + var + " = ((const T*)p.in[" + std::to_string(inputs_) + "])[" + (t.numel() == 1 ? "0" : "i") + "];\n";
        ++inputs_;
        loads_.emplace(data, var);
        return true;
    }

    bool constant(double value, int& k)
    {
        if (constants_ == FusedParams::kMaxConstants)
            return false;
        p_.c[constants_] = value;
        k = constants_++;
        return true;
    }

    DType dtype_;
    FusedParams& p_;
    std::string body_;
    int vars_ = 0, inputs_ = 0, constants_ = 0;
    std::map<const LazyExpr*, std::string> memo_;
    std::map<const void*, std::string> loads_;
    std::vector<std::shared_ptr<const void>> keep_;
};

} // namespace

Fusion::Fusion(DeviceState& device) : dev_(device)
{
    const char* setting = std::getenv("GRADLAB_CUDA_FUSION");
    disabled_ = setting && (std::strcmp(setting, "off") == 0 || std::strcmp(setting, "0") == 0);
    eagerOnly_ = setting && std::strcmp(setting, "eager") == 0;
}

Fusion::~Fusion() = default;

bool Fusion::enabled() { return !disabled_; }

std::vector<char> compileCubin(const std::string& source, int major, int minor, std::string& error)
{
    const char* headers[] = {kKernelMathSource, kFusionParamsSource};
    const char* names[] = {"kernel_math.h", "fusion_params.h"};
    nvrtcProgram program = nullptr;
    if (nvrtcCreateProgram(&program, source.c_str(), "gradlab_fused.cu", 2, headers, names) != NVRTC_SUCCESS) {
        error = "NVRTC could not create a program";
        return {};
    }
    const std::string arch = "--gpu-architecture=sm_" + std::to_string(major) + std::to_string(minor);
    // No contraction into fused multiply-adds: the same rounding as the CPU and the other kernels.
    const char* options[] = {arch.c_str(), "-std=c++17", "--fmad=false"};
    const nvrtcResult compiled = nvrtcCompileProgram(program, 3, options);
    std::vector<char> cubin;
    if (compiled == NVRTC_SUCCESS) {
        std::size_t size = 0;
        if (nvrtcGetCUBINSize(program, &size) == NVRTC_SUCCESS && size > 0) {
            cubin.resize(size);
            if (nvrtcGetCUBIN(program, cubin.data()) != NVRTC_SUCCESS)
                cubin.clear();
        }
    } else {
        std::size_t logSize = 0;
        nvrtcGetProgramLogSize(program, &logSize);
        std::string log(logSize, '\0');
        if (logSize > 0)
            nvrtcGetProgramLog(program, log.data());
        error = std::string("NVRTC failed (") + nvrtcGetErrorString(compiled) + "): " + log;
    }
    nvrtcDestroyProgram(&program);
    if (cubin.empty() && error.empty())
        error = "NVRTC produced no code for " + arch;
    return cubin;
}

std::string fusedSource(const std::vector<const LazyExpr*>& exprs, bool reductions, FusedParams* out)
{
    if (exprs.empty() || (!reductions && exprs.size() != 1))
        return {};
    FusedParams local{};
    FusedParams& params = out ? *out : local;
    params = FusedParams{};
    Codegen gen(exprs.front()->dtype, params);
    if (reductions) {
        for (std::size_t r = 0; r < exprs.size(); ++r)
            if (!gen.reduction(*exprs[r], static_cast<int>(r)))
                return {};
        return gen.source(static_cast<int>(exprs.size()));
    }
    std::string var;
    if (!gen.expr(*exprs.front(), var))
        return {};
    gen.store(var);
    return gen.source(0);
}

const Fusion::Kernels* Fusion::compile(const std::string& source, std::string& error)
{
    {
        std::lock_guard lock(mutex_);
        if (auto it = cache_.find(source); it != cache_.end())
            return it->second.get();
    }
    const std::vector<char> cubin = compileCubin(source, dev_.ccMajor, dev_.ccMinor, error);
    if (cubin.empty())
        return nullptr;
    auto kernels = std::make_unique<Kernels>();
    useDevice(dev_.index);
    cudaError_t err = cudaLibraryLoadData(&kernels->library, cubin.data(), nullptr, nullptr, 0, nullptr, nullptr, 0);
    if (err == cudaErrorMemoryAllocation) { // the allocator's cache may hold the memory it needs
        cudaGetLastError();
        dev_.allocator.releaseCached();
        err = cudaLibraryLoadData(&kernels->library, cubin.data(), nullptr, nullptr, 0, nullptr, nullptr, 0);
    }
    if (err == cudaSuccess)
        err = cudaLibraryGetKernel(&kernels->fused, kernels->library, "fused");
    if (err == cudaSuccess)
        err = cudaLibraryGetKernel(&kernels->finish, kernels->library, "finish");
    if (err != cudaSuccess) {
        cudaGetLastError();
        if (kernels->library)
            cudaLibraryUnload(kernels->library);
        error = std::string("loading the compiled kernel failed: ") + cudaGetErrorString(err);
        return nullptr;
    }
    std::lock_guard lock(mutex_);
    auto [it, inserted] = cache_.try_emplace(source, std::move(kernels)); // leaves `kernels` when not inserted
    if (!inserted) // another thread compiled the same source meanwhile
        cudaLibraryUnload(kernels->library);
    return it->second.get();
}

Tensor Fusion::deferred(std::shared_ptr<LazyExpr> e, const Shape& shape, DType dtype)
{
    const bool reduction = e->isReduction();
    Tensor out = deferredTensor(std::move(e), shape, dtype, Device::cuda(dev_.index));
    if (reduction) {
        std::lock_guard lock(mutex_);
        pendingReductions_.push_back({std::this_thread::get_id(), out.impl()->storage});
    }
    return out;
}

// The result's size, or one element (read on the device when the values are computed: no
// waiting for it now). Too deep an expression is computed first. Anything else cannot be deferred.
bool Fusion::makeOperand(const Tensor& t, std::int64_t n, DType dtype, LazyOperand& o)
{
    if (t.dtype() != dtype || t.device() != Device::cuda(dev_.index))
        return false;
    const std::int64_t m = t.numel();
    if (m != n && m != 1)
        return false;
    Storage& s = *t.impl()->storage;
    if (s.pending && s.pending->depth >= kMaxDepth)
        gradlab::materialize(s);
    o.tensor = operandView(t);
    return true;
}

Tensor Fusion::deferBinary(BinaryOp op, const Tensor& a, const Tensor& b, const Shape& shape, double scalar)
{
    const std::int64_t n = shape.numel();
    if (n < kFuseMin || a.dtype() != b.dtype() || !enabled())
        return {};
    auto e = std::make_shared<LazyExpr>();
    e->kind = LazyExpr::Kind::Binary;
    e->op = op;
    e->scalar = scalar;
    if (!makeOperand(a, n, a.dtype(), e->a) || !makeOperand(b, n, a.dtype(), e->b))
        return {};
    return deferred(std::move(e), shape, a.dtype());
}

Tensor Fusion::deferSum(const Tensor& a, const Tensor* b, const Shape& shape, double scale)
{
    const std::int64_t n = a.numel();
    const bool reads = a.impl()->storage->pending || (b && b->impl()->storage->pending);
    if (n < kFuseMin || !reads || shape.numel() != 1 || !enabled()
        || (b && (b->numel() != n || b->dtype() != a.dtype() || b->device() != a.device())))
        return {};
    return deferred(sumExpr(a, b, scale), shape, a.dtype());
}

Tensor Fusion::deferLossGrad(LossKind kind, double param, const Tensor& input, const Tensor& target, const Tensor& gradOut,
                             double scale)
{
    const std::int64_t n = input.numel();
    if (n < kFuseMin || target.numel() != n || gradOut.numel() != 1 || !enabled())
        return {};
    auto e = std::make_shared<LazyExpr>();
    e->kind = LazyExpr::Kind::LossGrad;
    e->loss = kind;
    e->scalar = param;
    e->norm = scale;
    if (!makeOperand(input, n, input.dtype(), e->a) || !makeOperand(target, n, input.dtype(), e->b)
        || !makeOperand(gradOut, n, input.dtype(), e->c))
        return {};
    return deferred(std::move(e), input.shape(), input.dtype());
}

Tensor Fusion::deferLoss(LossKind kind, double param, const Tensor& input, const Tensor& target, bool mean)
{
    const std::int64_t n = input.numel();
    if (n < kFuseMin || target.numel() != n || !enabled())
        return {};
    auto e = std::make_shared<LazyExpr>();
    e->kind = LazyExpr::Kind::LossSum;
    e->loss = kind;
    e->scalar = param;
    e->norm = mean ? static_cast<double>(n) : 1.0;
    e->count = n;
    if (!makeOperand(input, n, input.dtype(), e->a) || !makeOperand(target, n, input.dtype(), e->b))
        return {};
    return deferred(std::move(e), Shape{}, input.dtype());
}

void Fusion::prepareWrite(Storage& storage)
{
    auto readers = std::move(storage.lazyReaders);
    storage.lazyReaders.clear();
    std::size_t done = 0;
    // On an error (out of memory), the readers not yet handled stay registered: the write has not
    // happened, and they must still be handled before it does.
    struct Restore {
        Storage& storage;
        std::vector<std::weak_ptr<Storage>>& readers;
        std::size_t& done;
        ~Restore()
        {
            if (done < readers.size())
                storage.lazyReaders.insert(storage.lazyReaders.end(), readers.begin() + static_cast<std::ptrdiff_t>(done),
                                           readers.end());
        }
    } restore{storage, readers, done};
    for (; done < readers.size(); ++done) {
        const auto reader = readers[done].lock();
        if (!reader || !reader->pending)
            continue;
        LazyExpr& e = *reader->pending;
        bool scalarOnly = true;
        for (const LazyOperand* o : {&e.a, &e.b, &e.c})
            if (o->tensor && o->tensor->storage.get() == &storage && o->tensor->numel() != 1)
                scalarOnly = false;
        if (!scalarOnly) {
            gradlab::materialize(*reader);
            continue;
        }
        // Read as one value: the reader keeps a copy of the value before the write (a copy on the
        // stream, queued before the write, so nothing waits), and stays deferred. This is what
        // lets an optimizer step update the parameters that a deferred prediction reads.
        for (LazyOperand* o : {&e.a, &e.b, &e.c}) {
            if (!o->tensor || o->tensor->storage.get() != &storage)
                continue;
            Tensor copy = makeTensor(Shape{}, o->tensor->dtype, Device::cuda(dev_.index));
            dev_.eager->copy(*o->tensor, *copy.impl());
            o->tensor = copy.implPtr();
        }
    }
    materialize(storage);
}

void Fusion::materialize(Storage& storage)
{
    if (!storage.pending)
        return;
    if (storage.pending->isReduction())
        materializeReductions(storage);
    else
        materializeElementwise(storage);
}

void Fusion::materializeElementwise(Storage& storage)
{
    if (!runFused({&storage}, false))
        evaluateEagerly(storage);
}

void Fusion::materializeReductions(Storage& first)
{
    const LazyExpr& fe = *first.pending;
    const std::thread::id self = std::this_thread::get_id();
    std::vector<std::shared_ptr<Storage>> group; // holds the group alive while it is computed
    {
        std::lock_guard lock(mutex_);
        std::vector<PendingReduction> rest;
        for (PendingReduction& entry : pendingReductions_) {
            auto st = entry.storage.lock();
            if (!st || !st->pending || !st->pending->isReduction() || st.get() == &first)
                continue;
            if (entry.thread == self && st->pending->count == fe.count && st->pending->dtype == fe.dtype
                && group.size() + 1 < static_cast<std::size_t>(FusedParams::kMaxOutputs))
                group.push_back(std::move(st));
            else
                rest.push_back(std::move(entry));
        }
        pendingReductions_ = std::move(rest);
    }
    std::vector<Storage*> storages{&first};
    for (const auto& st : group)
        storages.push_back(st.get());
    if (runFused(storages, true))
        return;
    // Too many inputs or constants together: the first alone, the others stay pending (each is
    // then computed the same way whatever else was pending), or the ordinary kernels.
    if (storages.size() > 1) {
        {
            std::lock_guard lock(mutex_);
            for (const auto& st : group)
                pendingReductions_.push_back({self, st});
        }
        // Generating the group's code may have computed `first` already (an operand that read it).
        if (!first.pending || runFused({&first}, true))
            return;
    }
    evaluateEagerly(first);
}

bool Fusion::runFused(const std::vector<Storage*>& storages, bool reductions)
{
    if (!enabled() || eagerOnly_ || std::any_of(storages.begin(), storages.end(), [](Storage* st) { return !st->pending; }))
        return false;
    // The expressions, held until the kernels are queued (code generation may compute and
    // release parts of them; a storage computed that way is simply computed again).
    std::vector<std::shared_ptr<LazyExpr>> exprs;
    for (Storage* st : storages)
        exprs.push_back(st->pending);
    FusedParams params{};
    Codegen gen(exprs.front()->dtype, params);
    std::string var;
    bool ok = true;
    if (reductions) {
        for (std::size_t r = 0; ok && r < exprs.size(); ++r)
            ok = gen.reduction(*exprs[r], static_cast<int>(r));
    } else {
        ok = gen.expr(*exprs.front(), var);
        if (ok)
            gen.store(var);
    }
    if (!ok)
        return false;
    std::string error;
    const int R = reductions ? static_cast<int>(exprs.size()) : 0;
    const Kernels* kernels = compile(gen.source(R), error);
    if (!kernels) {
        disable(error);
        return false;
    }
    useDevice(dev_.index);
    for (std::size_t r = 0; r < storages.size(); ++r) {
        if (!storages[r]->data)
            storages[r]->data = dev_.allocator.allocate(storages[r]->nbytes);
        params.out[r] = storages[r]->data;
    }
    params.n = reductions ? exprs.front()->count : exprs.front()->numel;
    const cudaError_t err = launchFused(*kernels, params, R);
    if (err != cudaSuccess) {
        // The compiled code could not be loaded on this device (loading is lazy): as a failed
        // compilation, the ordinary kernels take over.
        disable(std::string("loading the compiled kernel failed: ") + cudaGetErrorString(err));
        return false;
    }
    for (Storage* st : storages)
        st->pending.reset();
    return true;
}

cudaError_t Fusion::launchFused(const Kernels& kernels, FusedParams& params, int reductions)
{
    const long long perBlock = static_cast<long long>(kFusedThreads) * 4;
    const long long blocks = std::max<long long>(
        1, std::min<long long>((params.n + perBlock - 1) / perBlock, static_cast<long long>(dev_.multiprocessors) * 8));
    params.blocks = static_cast<int>(blocks);
    void* partial = nullptr;
    const std::size_t partialBytes = static_cast<std::size_t>(blocks) * static_cast<std::size_t>(std::max(reductions, 1)) * sizeof(double);
    if (reductions > 0)
        partial = dev_.allocator.allocate(partialBytes);
    params.partial = static_cast<double*>(partial);
    void* args[] = {&params};
    cudaError_t err = cudaLaunchKernel(reinterpret_cast<const void*>(kernels.fused), dim3(static_cast<unsigned>(blocks)),
                                       dim3(kFusedThreads), args, 0, dev_.stream);
    if (err == cudaSuccess && reductions > 0)
        err = cudaLaunchKernel(reinterpret_cast<const void*>(kernels.finish), dim3(1), dim3(32), args, 0, dev_.stream);
    if (partial)
        dev_.allocator.deallocate(partial, partialBytes); // reused only by work queued after these kernels
    switch (err) {
    case cudaSuccess: return err;
    case cudaErrorInvalidKernelImage:
    case cudaErrorNoKernelImageForDevice:
    case cudaErrorInvalidPtx:
    case cudaErrorUnsupportedPtxVersion:
    case cudaErrorInvalidSource:
    case cudaErrorSharedObjectInitFailed:
    case cudaErrorJitCompilerNotFound:
        cudaGetLastError();
        return err;
    default: check(err, dev_.index, "running a fused kernel"); return err;
    }
}

void Fusion::disable(const std::string& why)
{
    if (disabled_.exchange(true))
        return;
    std::fprintf(stderr, "GradLab: fused CUDA kernels are unavailable on cuda:%d, so each operation runs on its own: %s\n",
                 dev_.index, why.c_str());
}

void Fusion::evaluateEagerly(Storage& storage)
{
    // The expression stays pending until its kernel is queued, so that an error on the way (out
    // of memory) leaves it to be computed later rather than lost.
    const std::shared_ptr<LazyExpr> e = storage.pending;
    if (!e)
        return; // computed meanwhile (by a group that read it)
    Backend& eager = *dev_.eager;
    const TensorOptions options = TensorOptions{}.withDType(e->dtype).withDevice(Device::cuda(dev_.index));
    const std::int64_t n = e->isReduction() ? e->count : e->numel;
    // Flat views: deferred operands have n values, or one, whatever their shapes.
    auto view = [&](const LazyOperand& o) {
        if (!o.tensor)
            return full(Shape{}, o.value, options);
        auto impl = std::make_shared<TensorImpl>();
        impl->storage = o.tensor->storage;
        impl->offset = o.tensor->offset;
        impl->shape = o.tensor->numel() == 1 ? Shape{} : Shape{n};
        impl->dtype = o.tensor->dtype;
        return Tensor(std::move(impl));
    };
    const Tensor a = view(e->a);
    const Tensor b = e->kind == LazyExpr::Kind::Sum ? Tensor() : view(e->b);
    const Tensor gradOut = e->kind == LazyExpr::Kind::LossGrad ? view(e->c) : Tensor();
    // The operands first, while this storage is still pending: computing one may compute other
    // pending values, which may read this one.
    for (const Tensor* t : {&a, &b, &gradOut})
        if (t->defined())
            t->impl()->data();
    if (!storage.pending)
        return;
    if (!storage.data)
        storage.data = dev_.allocator.allocate(storage.nbytes);
    TensorImpl out;
    out.storage = std::shared_ptr<Storage>(&storage, [](Storage*) {}); // this storage, not owned
    out.shape = e->isReduction() ? Shape{} : Shape{e->numel};
    out.dtype = e->dtype;
    storage.pending.reset(); // the kernels below read `out` as computed
    try {
        switch (e->kind) {
        case LazyExpr::Kind::Binary: eager.binary(e->op, *a.impl(), *b.impl(), out, e->scalar); break;
        // The scale is 1/n for a mean (as lossBackward computes it for `mean`) or 1 for a sum.
        case LazyExpr::Kind::LossGrad:
            eager.lossBackward(e->loss, e->scalar, *a.impl(), *b.impl(), *gradOut.impl(), out, e->norm != 1.0);
            break;
        case LazyExpr::Kind::Sum: eager.sumTo(*a.impl(), out, e->scalar); break;
        case LazyExpr::Kind::MulSum: eager.mulSum(*a.impl(), *b.impl(), out, e->scalar); break;
        case LazyExpr::Kind::LossSum: eager.lossForward(e->loss, e->scalar, *a.impl(), *b.impl(), out, e->norm != 1.0); break;
        }
    } catch (...) {
        storage.pending = e;
        throw;
    }
}

} // namespace gradlab::cuda
