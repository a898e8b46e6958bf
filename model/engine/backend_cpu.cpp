// The CPU kernel table: Eigen for matrix products, plain loops that the compiler vectorises for
// everything else, OpenMP threads once a tensor is large enough to pay for them.
#include "backend.h"
#include "cpu_allocator.h"
#include "index_maps.h"
#include "kernel_dispatch.h"
#include "lazy.h"
#ifdef GRADLAB_HAVE_CUDA
#include "cuda_backend.h"
#endif

#include <Eigen/Core>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace gradlab {
namespace {

// Below this many elements a loop stays on the calling thread.
constexpr std::int64_t kParallelGrain = 1 << 16;

// Large loops are cut into blocks handed out to the OpenMP threads as they become free, so that a
// core busy with something else slows a loop down only by its share. Sums are added per block in
// block order: the result does not depend on the number of threads or their timing.
constexpr std::int64_t kBlock = 1 << 16;

// Runs body(begin, end) over [0, n): on the calling thread for small n (entering an OpenMP
// region costs more than such a loop), in blocks across the threads otherwise.
template <typename F> void parallelFor(std::int64_t n, F&& body)
{
    if (n <= kParallelGrain) {
        body(std::int64_t(0), n);
        return;
    }
    const std::int64_t blocks = (n + kBlock - 1) / kBlock;
#pragma omp parallel for schedule(dynamic, 1)
    for (std::int64_t k = 0; k < blocks; ++k)
        body(k * kBlock, std::min(n, (k + 1) * kBlock));
}

// Σ body(begin, end) -> double over the blocks of [0, n).
template <typename F> double parallelSum(std::int64_t n, F&& body)
{
    if (n <= kParallelGrain)
        return body(std::int64_t(0), n);
    const std::int64_t blocks = (n + kBlock - 1) / kBlock;
    std::vector<double> parts(static_cast<std::size_t>(blocks));
#pragma omp parallel for schedule(dynamic, 1)
    for (std::int64_t k = 0; k < blocks; ++k)
        parts[static_cast<std::size_t>(k)] = body(k * kBlock, std::min(n, (k + 1) * kBlock));
    double total = 0.0;
    for (double p : parts)
        total += p;
    return total;
}

template <typename T> T* ptr(TensorImpl& t) { return static_cast<T*>(t.data()); }
template <typename T> const T* ptr(const TensorImpl& t) { return static_cast<const T*>(t.data()); }

// Calls f(outIndex, aOffset, bOffset, count, aStep, bStep) for runs along the last dimension of
// `out`, with a and b broadcast to it.
template <typename F> void forEachBroadcastRun(const Shape& a, const Shape& b, const Shape& out, F&& f)
{
    const int n = out.ndim();
    if (n == 0) {
        f(0, 0, 0, 1, 0, 0);
        return;
    }
    std::int64_t sa[Shape::kMaxDims], sb[Shape::kMaxDims], idx[Shape::kMaxDims] = {};
    broadcastStrides(a, out, sa);
    broadcastStrides(b, out, sb);
    const std::int64_t inner = out[n - 1];
    const std::int64_t total = out.numel();
    if (inner == 0)
        return;
    std::int64_t oa = 0, ob = 0;
    for (std::int64_t o = 0; o < total; o += inner) {
        f(o, oa, ob, inner, sa[n - 1], sb[n - 1]);
        for (int d = n - 2; d >= 0; --d) {
            ++idx[d];
            oa += sa[d];
            ob += sb[d];
            if (idx[d] < out[d])
                break;
            oa -= sa[d] * out[d];
            ob -= sb[d] * out[d];
            idx[d] = 0;
        }
    }
}

template <typename T, UnaryOp Op> void unaryLoop(const T* a, T* out, std::int64_t n, T p)
{
    parallelFor(n, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t i = begin; i < end; ++i)
            out[i] = km::unaryFn(Op, a[i], p);
    });
}

using km::binaryFn;
using km::lossDerivative;
using km::lossValue;

template <BinaryOp Op, typename T>
void binaryTyped(const TensorImpl& ta, const TensorImpl& tb, TensorImpl& tout, double scalar)
{
    const T* a = ptr<T>(ta);
    const T* b = ptr<T>(tb);
    T* out = ptr<T>(tout);
    const T s = static_cast<T>(scalar);
    const std::int64_t n = tout.numel();
    const std::int64_t na = ta.numel(), nb = tb.numel();
    if (na == n && nb == n) {
        parallelFor(n, [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t i = begin; i < end; ++i)
                out[i] = binaryFn<Op>(a[i], b[i], s);
        });
    } else if (na == n && nb == 1) {
        const T bv = b[0];
        parallelFor(n, [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t i = begin; i < end; ++i)
                out[i] = binaryFn<Op>(a[i], bv, s);
        });
    } else if (na == 1 && nb == n) {
        const T av = a[0];
        parallelFor(n, [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t i = begin; i < end; ++i)
                out[i] = binaryFn<Op>(av, b[i], s);
        });
    } else {
        forEachBroadcastRun(ta.shape, tb.shape, tout.shape,
                            [&](std::int64_t o, std::int64_t oa, std::int64_t ob, std::int64_t count,
                                std::int64_t da, std::int64_t db) {
                                for (std::int64_t i = 0; i < count; ++i)
                                    out[o + i] = binaryFn<Op>(a[oa + i * da], b[ob + i * db], s);
                            });
    }
}

// ---- deferred expressions ------------------------------------------------------------------
// Values are produced in chunks small enough to stay in cache, so that a whole expression tree
// is evaluated in one pass over its inputs.
constexpr std::int64_t kChunk = 2048;
constexpr int kMaxLazyDepth = 6;

template <typename T> void evalExpr(const LazyExpr& e, std::int64_t begin, std::int64_t count, T* out);

// While pending reductions are computed together, each thread remembers the chunks of deferred
// values it has evaluated for the current range, so that a subexpression shared by several
// reductions is computed once per chunk.
template <typename T> struct ChunkMemo {
    static constexpr int kSlots = 8;
    bool active = false;
    int used = 0;
    const LazyExpr* keys[kSlots] = {};
    std::int64_t begins[kSlots] = {};
    std::vector<T> buffers;

    void start()
    {
        active = true;
        used = 0;
        if (buffers.empty())
            buffers.resize(static_cast<std::size_t>(kSlots * kChunk));
    }
    void clear() { used = 0; }
    T* find(const LazyExpr* e, std::int64_t begin)
    {
        for (int i = 0; i < used; ++i)
            if (keys[i] == e && begins[i] == begin)
                return buffers.data() + i * kChunk;
        return nullptr;
    }
    T* claim(const LazyExpr* e, std::int64_t begin)
    {
        if (used == kSlots)
            return nullptr;
        keys[used] = e;
        begins[used] = begin;
        return buffers.data() + (used++) * kChunk;
    }
};

template <typename T> ChunkMemo<T>& chunkMemo()
{
    thread_local ChunkMemo<T> memo;
    return memo;
}


// The values [begin, begin + count) of t, evaluated into `scratch` if t is deferred.
template <typename T> const T* valuesOf(const TensorImpl& t, std::int64_t begin, std::int64_t count, T* scratch)
{
    Storage& s = *t.storage;
    if (s.pending && s.pending->isReduction())
        materialize(s);
    if (s.pending) {
        const LazyExpr* e = s.pending.get();
        const std::int64_t at = t.offset + begin;
        ChunkMemo<T>& memo = chunkMemo<T>();
        if (memo.active && count <= kChunk) {
            if (T* hit = memo.find(e, at))
                return hit;
            if (T* slot = memo.claim(e, at)) {
                evalExpr<T>(*e, at, count, slot);
                return slot;
            }
        }
        evalExpr<T>(*e, at, count, scratch);
        return scratch;
    }
    const T* p = static_cast<const T*>(s.data) + t.offset + begin;
    // Ask for the next chunk now: between the reads of a chunk the expression's arithmetic runs,
    // and the memory would otherwise sit idle.
    const std::int64_t total = static_cast<std::int64_t>(s.nbytes / sizeof(T)) - t.offset - begin;
    const std::int64_t ahead = std::min(2 * count, total);
    for (std::int64_t i = count; i < ahead; i += 64 / static_cast<std::int64_t>(sizeof(T)))
        __builtin_prefetch(p + i);
    return p;
}

template <typename T>
const T* operandValues(const LazyOperand& o, std::int64_t begin, std::int64_t count, T* scratch, T& scalar)
{
    if (!o.tensor) {
        scalar = static_cast<T>(o.value);
        return &scalar;
    }
    return valuesOf<T>(*o.tensor, begin, count, scratch);
}

template <BinaryOp Op, typename T>
void binaryChunk(const T* a, bool aScalar, const T* b, bool bScalar, T* out, std::int64_t n, T s)
{
    if (aScalar) {
        const T av = a[0];
        for (std::int64_t i = 0; i < n; ++i)
            out[i] = binaryFn<Op>(av, b[i], s);
    } else if (bScalar) {
        const T bv = b[0];
        for (std::int64_t i = 0; i < n; ++i)
            out[i] = binaryFn<Op>(a[i], bv, s);
    } else {
        for (std::int64_t i = 0; i < n; ++i)
            out[i] = binaryFn<Op>(a[i], b[i], s);
    }
}

template <typename T> void evalExpr(const LazyExpr& e, std::int64_t begin, std::int64_t count, T* out)
{
    for (std::int64_t off = 0; off < count; off += kChunk) {
        const std::int64_t n = std::min(kChunk, count - off);
        T bufA[kChunk], bufB[kChunk];
        T sa{}, sb{};
        const T* a = operandValues<T>(e.a, begin + off, n, bufA, sa);
        const T* b = operandValues<T>(e.b, begin + off, n, bufB, sb);
        T* o = out + off;
        if (e.kind == LazyExpr::Kind::LossGrad) {
            dispatchLoss(e.loss, [&](auto k) {
                for (std::int64_t i = 0; i < n; ++i)
                    o[i] = lossDerivative<decltype(k)::value>(static_cast<T>(a[i] - b[i]), e.norm, e.scalar);
            });
            continue;
        }
        const bool as = !e.a.tensor, bs = !e.b.tensor;
        const T sc = static_cast<T>(e.scalar);
        switch (e.op) {
        case BinaryOp::Add: binaryChunk<BinaryOp::Add>(a, as, b, bs, o, n, sc); break;
        case BinaryOp::Sub: binaryChunk<BinaryOp::Sub>(a, as, b, bs, o, n, sc); break;
        case BinaryOp::Mul: binaryChunk<BinaryOp::Mul>(a, as, b, bs, o, n, sc); break;
        case BinaryOp::Div: binaryChunk<BinaryOp::Div>(a, as, b, bs, o, n, sc); break;
        case BinaryOp::ReluGrad: binaryChunk<BinaryOp::ReluGrad>(a, as, b, bs, o, n, sc); break;
        case BinaryOp::TanhGrad: binaryChunk<BinaryOp::TanhGrad>(a, as, b, bs, o, n, sc); break;
        case BinaryOp::SigmoidGrad: binaryChunk<BinaryOp::SigmoidGrad>(a, as, b, bs, o, n, sc); break;
        case BinaryOp::SqrtGrad: binaryChunk<BinaryOp::SqrtGrad>(a, as, b, bs, o, n, sc); break;
        case BinaryOp::AbsGrad: binaryChunk<BinaryOp::AbsGrad>(a, as, b, bs, o, n, sc); break;
        case BinaryOp::PowGrad: binaryChunk<BinaryOp::PowGrad>(a, as, b, bs, o, n, sc); break;
        }
    }
}

// Σ term(i) for i in [0, n) (one chunk), with sixteen independent accumulators of the element
// type, as PyTorch's vectorised sums do: one accumulator would make every addition wait for the
// previous one. Chunks are short, and their sums are added in double.
template <typename T, typename F> double sumTerms(std::int64_t n, F&& term)
{
    T acc[16] = {};
    std::int64_t i = 0;
    for (; i + 16 <= n; i += 16)
        for (int k = 0; k < 16; ++k)
            acc[k] += term(i + k);
    for (; i < n; ++i)
        acc[0] += term(i);
    double total = 0.0;
    for (int k = 0; k < 16; ++k)
        total += static_cast<double>(acc[k]);
    return total;
}

// Sum over [0, n) of body(values of a chunk..., count): chunked, split across threads.
template <typename T, typename F> double chunkedSum(std::int64_t n, F&& chunk)
{
    return parallelSum(n, [&](std::int64_t begin, std::int64_t end) {
        double part = 0.0;
        for (std::int64_t off = begin; off < end; off += kChunk)
            part += chunk(off, std::min(kChunk, end - off));
        return part;
    });
}

template <typename T> void optimizerTyped(const OptimizerStep& s, TensorImpl& tp, const TensorImpl& tg,
                                          TensorImpl* s0, TensorImpl* s1, TensorImpl* s2)
{
    const km::OptimizerCoefficients<T> c = optimizerCoefficients<T>(s);
    T* p = ptr<T>(tp);
    const T* g = ptr<T>(tg);
    T* b0 = s0 ? ptr<T>(*s0) : nullptr;
    T* b1 = s1 ? ptr<T>(*s1) : nullptr;
    T* b2 = s2 ? ptr<T>(*s2) : nullptr;
    const std::int64_t n = tp.numel();
    for (std::int64_t i = 0; i < n; ++i)
        km::optimizerUpdate(c, p[i], g[i], b0 ? b0 + i : nullptr, b1 ? b1 + i : nullptr, b2 ? b2 + i : nullptr);
}

class CpuBackend final : public Backend {
    // One element: captured by value. The result's size: referenced (deep expressions are
    // computed first, to bound the work and stack of an evaluation). Anything else: no deferral.
    static bool makeOperand(const Tensor& t, std::int64_t n, LazyOperand& o)
    {
        const std::int64_t m = t.numel();
        if (m == 1) {
            o.value = t.item();
            return true;
        }
        if (m != n)
            return false;
        const Storage& s = *t.impl()->storage;
        if (s.pending && s.pending->depth >= kMaxLazyDepth)
            materialize(*t.impl()->storage);
        o.tensor = operandView(t);
        return true;
    }

public:
    static std::vector<std::weak_ptr<Storage>>& pendingReductions()
    {
        thread_local std::vector<std::weak_ptr<Storage>> list;
        return list;
    }

private:
    static Tensor deferred(std::shared_ptr<LazyExpr> e, const Shape& shape, DType dtype)
    {
        return deferredTensor(std::move(e), shape, dtype, Device::cpu());
    }

public:
    Device device() const override { return Device::cpu(); }

    void* allocate(std::size_t nbytes) override { return cpuAllocate(nbytes); }
    void deallocate(void* p, std::size_t nbytes) override { cpuDeallocate(p, nbytes); }

    void copy(const TensorImpl& src, TensorImpl& dst) override
    {
        const std::int64_t n = src.numel();
        if (src.dtype == dst.dtype) {
            std::memcpy(dst.data(), src.data(), static_cast<std::size_t>(n) * elementSize(src.dtype));
            return;
        }
        if (src.dtype == DType::Float32) {
            const float* s = ptr<float>(src);
            double* d = ptr<double>(dst);
            for (std::int64_t i = 0; i < n; ++i)
                d[i] = s[i];
        } else {
            const double* s = ptr<double>(src);
            float* d = ptr<float>(dst);
            for (std::int64_t i = 0; i < n; ++i)
                d[i] = static_cast<float>(s[i]);
        }
    }

    void expand(const TensorImpl& src, TensorImpl& dst) override
    {
        dispatch(src.dtype, [&](auto tag) {
            using T = decltype(tag);
            const T* s = ptr<T>(src);
            T* d = ptr<T>(dst);
            forEachBroadcastRun(src.shape, Shape{}, dst.shape,
                                [&](std::int64_t o, std::int64_t os, std::int64_t, std::int64_t count,
                                    std::int64_t ds, std::int64_t) {
                                    for (std::int64_t i = 0; i < count; ++i)
                                        d[o + i] = s[os + i * ds];
                                });
        });
    }

    void fill(TensorImpl& dst, double value) override
    {
        dispatch(dst.dtype, [&](auto tag) {
            using T = decltype(tag);
            std::fill_n(ptr<T>(dst), dst.numel(), static_cast<T>(value));
        });
    }

    void upload(const std::vector<double>& values, TensorImpl& dst) override
    {
        dispatch(dst.dtype, [&](auto tag) {
            using T = decltype(tag);
            T* d = ptr<T>(dst);
            for (std::size_t i = 0; i < values.size(); ++i)
                d[i] = static_cast<T>(values[i]);
        });
    }

    std::vector<double> download(const TensorImpl& src) override
    {
        std::vector<double> out(static_cast<std::size_t>(src.numel()));
        dispatch(src.dtype, [&](auto tag) {
            using T = decltype(tag);
            const T* s = ptr<T>(src);
            for (std::size_t i = 0; i < out.size(); ++i)
                out[i] = static_cast<double>(s[i]);
        });
        return out;
    }

    void unary(UnaryOp op, const TensorImpl& a, TensorImpl& out, double scalar) override
    {
        dispatch(a.dtype, [&](auto tag) {
            using T = decltype(tag);
            const T* src = ptr<T>(a);
            T* dst = ptr<T>(out);
            const std::int64_t n = a.numel();
            const T p = static_cast<T>(scalar);
            switch (op) {
            case UnaryOp::Neg: return unaryLoop<T, UnaryOp::Neg>(src, dst, n, p);
            case UnaryOp::Exp: return unaryLoop<T, UnaryOp::Exp>(src, dst, n, p);
            case UnaryOp::Log: return unaryLoop<T, UnaryOp::Log>(src, dst, n, p);
            case UnaryOp::Sqrt: return unaryLoop<T, UnaryOp::Sqrt>(src, dst, n, p);
            case UnaryOp::Abs: return unaryLoop<T, UnaryOp::Abs>(src, dst, n, p);
            case UnaryOp::Relu: return unaryLoop<T, UnaryOp::Relu>(src, dst, n, p);
            case UnaryOp::Tanh: return unaryLoop<T, UnaryOp::Tanh>(src, dst, n, p);
            case UnaryOp::Sigmoid: return unaryLoop<T, UnaryOp::Sigmoid>(src, dst, n, p);
            case UnaryOp::Pow: return unaryLoop<T, UnaryOp::Pow>(src, dst, n, p);
            }
        });
    }

    void binary(BinaryOp op, const TensorImpl& a, const TensorImpl& b, TensorImpl& out, double scalar) override
    {
        dispatch(a.dtype, [&](auto tag) {
            dispatchBinary(op, [&](auto o) { binaryTyped<decltype(o)::value, decltype(tag)>(a, b, out, scalar); });
        });
    }

    void scale(const TensorImpl& a, TensorImpl& out, double scalar) override
    {
        dispatch(a.dtype, [&](auto tag) {
            using T = decltype(tag);
            const T* s = ptr<T>(a);
            T* d = ptr<T>(out);
            const T f = static_cast<T>(scalar);
            const std::int64_t n = a.numel();
            parallelFor(n, [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t i = begin; i < end; ++i)
                    d[i] = s[i] * f;
            });
        });
    }

    void sumTo(const TensorImpl& in, TensorImpl& out, double scalar) override
    {
        dispatch(in.dtype, [&](auto tag) {
            using T = decltype(tag);
            T* d = ptr<T>(out);
            const std::int64_t n = in.numel();
            if (out.numel() == 1) {
                const double total = chunkedSum<T>(n, [&](std::int64_t off, std::int64_t count) {
                    T scratch[kChunk];
                    const T* v = valuesOf<T>(in, off, count, scratch);
                    return sumTerms<T>(count, [&](std::int64_t i) { return v[i]; });
                });
                d[0] = static_cast<T>(total * scalar);
                return;
            }
            const T* s = ptr<T>(in);
            std::vector<double> acc(static_cast<std::size_t>(out.numel()), 0.0);
            // Walk the input; the output is the broadcast "a" operand in its index space.
            forEachBroadcastRun(out.shape, Shape{}, in.shape,
                                [&](std::int64_t o, std::int64_t oa, std::int64_t, std::int64_t count,
                                    std::int64_t da, std::int64_t) {
                                    for (std::int64_t i = 0; i < count; ++i)
                                        acc[static_cast<std::size_t>(oa + i * da)] += static_cast<double>(s[o + i]);
                                });
            for (std::size_t i = 0; i < acc.size(); ++i)
                d[i] = static_cast<T>(acc[i] * scalar);
        });
    }

    void mulSum(const TensorImpl& a, const TensorImpl& b, TensorImpl& out, double scalar) override
    {
        dispatch(a.dtype, [&](auto tag) {
            using T = decltype(tag);
            const double total = chunkedSum<T>(a.numel(), [&](std::int64_t off, std::int64_t count) {
                T sa[kChunk], sb[kChunk];
                const T* va = valuesOf<T>(a, off, count, sa);
                const T* vb = valuesOf<T>(b, off, count, sb);
                return sumTerms<T>(count, [&](std::int64_t i) { return va[i] * vb[i]; });
            });
            ptr<T>(out)[0] = static_cast<T>(total * scalar);
        });
    }

    void matmul(const TensorImpl& a, bool transA, const TensorImpl& b, bool transB, TensorImpl& out,
                const TensorImpl* bias) override
    {
        dispatch(a.dtype, [&](auto tag) {
            using T = decltype(tag);
            using Mat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
            using Vec = Eigen::Matrix<T, 1, Eigen::Dynamic>;
            Eigen::Map<const Mat> A(ptr<T>(a), a.shape[0], a.shape[1]);
            Eigen::Map<const Mat> B(ptr<T>(b), b.shape[0], b.shape[1]);
            Eigen::Map<Mat> C(ptr<T>(out), out.shape[0], out.shape[1]);
            if (!transA && !transB)
                C.noalias() = A * B;
            else if (transA && !transB)
                C.noalias() = A.transpose() * B;
            else if (!transA && transB)
                C.noalias() = A * B.transpose();
            else
                C.noalias() = A.transpose() * B.transpose();
            if (bias) {
                if (bias->numel() == 1)
                    C.array() += ptr<T>(*bias)[0];
                else
                    C.rowwise() += Eigen::Map<const Vec>(ptr<T>(*bias), bias->numel());
            }
        });
    }

    void transpose2d(const TensorImpl& a, TensorImpl& out) override { transpose(a, 0, 1, out); }

    void transpose(const TensorImpl& a, int dim0, int dim1, TensorImpl& out) override
    {
        dispatch(a.dtype, [&](auto tag) {
            using T = decltype(tag);
            const T* s = ptr<T>(a);
            T* d = ptr<T>(out);
            const int n = a.shape.ndim();
            std::int64_t inStride[Shape::kMaxDims];
            std::int64_t st = 1;
            for (int i = n - 1; i >= 0; --i) {
                inStride[i] = st;
                st *= a.shape[i];
            }
            std::swap(inStride[dim0], inStride[dim1]);
            std::int64_t idx[Shape::kMaxDims] = {};
            const std::int64_t total = out.numel();
            std::int64_t off = 0;
            for (std::int64_t o = 0; o < total; ++o) {
                d[o] = s[off];
                for (int k = n - 1; k >= 0; --k) {
                    ++idx[k];
                    off += inStride[k];
                    if (idx[k] < out.shape[k])
                        break;
                    off -= inStride[k] * out.shape[k];
                    idx[k] = 0;
                }
            }
        });
    }

    void indexSelect(const TensorImpl& src, const std::vector<std::int64_t>& indices, TensorImpl& out) override
    {
        const std::size_t rowBytes = static_cast<std::size_t>(src.numel() / std::max<std::int64_t>(src.shape[0], 1))
                                     * elementSize(src.dtype);
        const char* s = static_cast<const char*>(src.data());
        char* d = static_cast<char*>(out.data());
        for (std::size_t i = 0; i < indices.size(); ++i)
            std::memcpy(d + i * rowBytes, s + static_cast<std::size_t>(indices[i]) * rowBytes, rowBytes);
    }

    void indexAdd(TensorImpl& dst, const std::vector<std::int64_t>& indices, const TensorImpl& src) override
    {
        dispatch(dst.dtype, [&](auto tag) {
            using T = decltype(tag);
            const std::int64_t row = dst.numel() / std::max<std::int64_t>(dst.shape[0], 1);
            T* d = ptr<T>(dst);
            const T* s = ptr<T>(src);
            for (std::size_t i = 0; i < indices.size(); ++i)
                for (std::int64_t j = 0; j < row; ++j)
                    d[indices[i] * row + j] += s[static_cast<std::int64_t>(i) * row + j];
        });
    }

    void lossForward(LossKind kind, double param, const TensorImpl& input, const TensorImpl& target,
                     TensorImpl& out, bool mean) override
    {
        dispatch(input.dtype, [&](auto tag) {
            using T = decltype(tag);
            const std::int64_t n = input.numel();
            double total = 0.0;
            dispatchLoss(kind, [&](auto k) {
                total = chunkedSum<T>(n, [&](std::int64_t off, std::int64_t count) {
                    T sx[kChunk], sy[kChunk];
                    const T* x = valuesOf<T>(input, off, count, sx);
                    const T* y = valuesOf<T>(target, off, count, sy);
                    return sumTerms<T>(count, [&](std::int64_t i) {
                        return lossValue<decltype(k)::value>(static_cast<T>(x[i] - y[i]), static_cast<T>(param));
                    });
                });
            });
            ptr<T>(out)[0] = static_cast<T>(mean ? total / static_cast<double>(n) : total);
        });
    }

    void lossBackward(LossKind kind, double param, const TensorImpl& input, const TensorImpl& target,
                      const TensorImpl& gradOut, TensorImpl& gradInput, bool mean) override
    {
        dispatch(input.dtype, [&](auto tag) {
            using T = decltype(tag);
            const T* x = ptr<T>(input);
            const T* y = ptr<T>(target);
            T* g = ptr<T>(gradInput);
            const std::int64_t n = input.numel();
            const double norm = static_cast<double>(ptr<T>(gradOut)[0]) * (mean ? 1.0 / static_cast<double>(n) : 1.0);
            dispatchLoss(kind, [&](auto k) {
                parallelFor(n, [&](std::int64_t begin, std::int64_t end) {
                    for (std::int64_t i = begin; i < end; ++i)
                        g[i] = lossDerivative<decltype(k)::value>(static_cast<T>(x[i] - y[i]), norm, param);
                });
            });
        });
    }

    Tensor deferBinary(BinaryOp op, const Tensor& a, const Tensor& b, const Shape& shape, double scalar) override
    {
        const std::int64_t n = shape.numel();
        if (n <= kParallelGrain || a.dtype() != b.dtype())
            return {};
        auto e = std::make_shared<LazyExpr>();
        e->kind = LazyExpr::Kind::Binary;
        e->op = op;
        e->scalar = scalar;
        if (!makeOperand(a, n, e->a) || !makeOperand(b, n, e->b))
            return {};
        return deferred(std::move(e), shape, a.dtype());
    }

    Tensor deferSum(const Tensor& a, const Tensor* b, const Shape& shape, double scale) override
    {
        const std::int64_t n = a.numel();
        const bool reads = a.impl()->storage->pending || (b && b->impl()->storage->pending);
        if (n <= kParallelGrain || !reads || shape.numel() != 1 || (b && (b->numel() != n || b->dtype() != a.dtype())))
            return {};
        Tensor out = deferred(sumExpr(a, b, scale), shape, a.dtype());
        pendingReductions().push_back(out.impl()->storage);
        return out;
    }

    Tensor deferLossGrad(LossKind kind, double param, const Tensor& input, const Tensor& target, const Tensor& gradOut,
                         double scale) override
    {
        const std::int64_t n = input.numel();
        if (n <= kParallelGrain || input.dtype() != target.dtype() || target.numel() != n)
            return {};
        auto e = std::make_shared<LazyExpr>();
        e->kind = LazyExpr::Kind::LossGrad;
        e->loss = kind;
        e->scalar = param;
        e->norm = gradOut.item() * scale;
        if (!makeOperand(input, n, e->a) || !makeOperand(target, n, e->b))
            return {};
        return deferred(std::move(e), input.shape(), input.dtype());
    }

    void optimizerStep(const OptimizerStep& s, TensorImpl& param, const TensorImpl& grad, TensorImpl* s0,
                       TensorImpl* s1, TensorImpl* s2) override
    {
        if (param.dtype == DType::Float32)
            optimizerTyped<float>(s, param, grad, s0, s1, s2);
        else
            optimizerTyped<double>(s, param, grad, s0, s1, s2);
    }
};

} // namespace

namespace {

// Computes `first` and every other pending reduction of this thread over the same number of
// values of the same dtype, in one pass.
void materializeReductions(Storage& first)
{
    const LazyExpr& fe = *first.pending;
    std::vector<std::shared_ptr<Storage>> keep; // holds the group alive while it is computed
    std::vector<Storage*> group{&first};
    auto& pending = CpuBackend::pendingReductions();
    std::vector<std::weak_ptr<Storage>> rest;
    for (auto& weak : pending) {
        auto st = weak.lock();
        if (!st || !st->pending || !st->pending->isReduction())
            continue;
        if (st.get() != &first && st->pending->count == fe.count && st->pending->dtype == fe.dtype) {
            group.push_back(st.get());
            keep.push_back(std::move(st));
        } else if (st.get() != &first) {
            rest.push_back(weak);
        }
    }
    pending = std::move(rest);

    std::vector<std::shared_ptr<LazyExpr>> exprs;
    for (Storage* st : group)
        exprs.push_back(st->pending);
    const std::size_t r = exprs.size();
    const std::int64_t n = fe.count;
    std::vector<double> totals(r, 0.0);
    dispatch(fe.dtype, [&](auto tag) {
        using T = decltype(tag);
        auto sweep = [&](std::int64_t begin, std::int64_t end, double* part) {
            ChunkMemo<T>& memo = chunkMemo<T>();
            memo.start();
            for (std::int64_t off = begin; off < end; off += kChunk) {
                const std::int64_t count = std::min(kChunk, end - off);
                memo.clear();
                for (std::size_t k = 0; k < r; ++k) {
                    const LazyExpr& e = *exprs[k];
                    T sa[kChunk], sb[kChunk];
                    const T* va = valuesOf<T>(*e.a.tensor, off, count, sa);
                    if (e.kind == LazyExpr::Kind::Sum) {
                        part[k] += sumTerms<T>(count, [&](std::int64_t i) { return va[i]; });
                    } else {
                        const T* vb = valuesOf<T>(*e.b.tensor, off, count, sb);
                        part[k] += sumTerms<T>(count, [&](std::int64_t i) { return va[i] * vb[i]; });
                    }
                }
            }
            memo.active = false;
        };
        if (n <= kParallelGrain) {
            sweep(0, n, totals.data());
        } else {
            const std::int64_t blocks = (n + kBlock - 1) / kBlock;
            std::vector<double> parts(static_cast<std::size_t>(blocks) * r, 0.0);
#pragma omp parallel for schedule(dynamic, 1)
            for (std::int64_t b = 0; b < blocks; ++b)
                sweep(b * kBlock, std::min(n, (b + 1) * kBlock), parts.data() + static_cast<std::size_t>(b) * r);
            for (std::int64_t b = 0; b < blocks; ++b)
                for (std::size_t k = 0; k < r; ++k)
                    totals[k] += parts[static_cast<std::size_t>(b) * r + k];
        }
        for (std::size_t k = 0; k < r; ++k) {
            Storage& st = *group[k];
            if (!st.data)
                st.data = cpuAllocate(st.nbytes);
            static_cast<T*>(st.data)[0] = static_cast<T>(totals[k] * exprs[k]->scalar);
            st.pending.reset();
        }
    });
}

} // namespace

void materialize(Storage& storage)
{
    if (!storage.pending)
        return;
#ifdef GRADLAB_HAVE_CUDA
    if (storage.device.isCuda()) {
        cuda::materialize(storage);
        return;
    }
#endif
    if (storage.pending->isReduction()) {
        materializeReductions(storage);
        return;
    }
    // Keep the expression (and what it reads) alive while computing into this storage.
    const std::shared_ptr<LazyExpr> e = storage.pending;
    if (!storage.data)
        storage.data = cpuAllocate(storage.nbytes);
    dispatch(e->dtype, [&](auto tag) {
        using T = decltype(tag);
        T* out = static_cast<T*>(storage.data);
        parallelFor(e->numel, [&](std::int64_t begin, std::int64_t end) { evalExpr<T>(*e, begin, end - begin, out + begin); });
    });
    storage.pending.reset();
}

void prepareWrite(Storage& storage)
{
#ifdef GRADLAB_HAVE_CUDA
    if (storage.device.isCuda()) {
        cuda::prepareWrite(storage);
        return;
    }
#endif
    if (!storage.lazyReaders.empty()) {
        auto readers = std::move(storage.lazyReaders);
        storage.lazyReaders.clear();
        for (auto& weak : readers)
            if (auto reader = weak.lock())
                materialize(*reader);
    }
    materialize(storage);
}

Backend& cpuBackend()
{
    static CpuBackend backend;
    return backend;
}

} // namespace gradlab
