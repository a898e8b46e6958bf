// The CPU kernel table: Eigen for matrix products, plain loops that the compiler vectorises for
// everything else, OpenMP threads once a tensor is large enough to pay for them.
#include "backend.h"
#include "cpu_allocator.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace gradlab {
namespace {

// Below this many elements a loop stays on the calling thread.
constexpr std::int64_t kParallelGrain = 1 << 16;

template <typename T> T* ptr(TensorImpl& t) { return static_cast<T*>(t.data()); }
template <typename T> const T* ptr(const TensorImpl& t) { return static_cast<const T*>(t.data()); }

template <typename F> void dispatch(DType dtype, F&& f)
{
    if (dtype == DType::Float32)
        f(float{});
    else
        f(double{});
}

// Strides of `in` (right-aligned, contiguous) in the index space of `out`, 0 where `in` is
// broadcast.
void broadcastStrides(const Shape& in, const Shape& out, std::int64_t* strides)
{
    const int n = out.ndim();
    const int off = n - in.ndim();
    std::int64_t s = 1;
    for (int i = n - 1; i >= 0; --i) {
        const int j = i - off;
        if (j < 0 || in[j] == 1) {
            strides[i] = 0;
        } else {
            strides[i] = s;
        }
        if (j >= 0)
            s *= in[j];
    }
}

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

template <typename T> struct UnaryFn {
    UnaryOp op;
    T p;
    T operator()(T x) const
    {
        switch (op) {
        case UnaryOp::Neg: return -x;
        case UnaryOp::Exp: return std::exp(x);
        case UnaryOp::Log: return std::log(x);
        case UnaryOp::Sqrt: return std::sqrt(x);
        case UnaryOp::Abs: return std::abs(x);
        case UnaryOp::Relu: return x > T(0) ? x : T(0);
        case UnaryOp::Tanh: return std::tanh(x);
        case UnaryOp::Sigmoid: return T(1) / (T(1) + std::exp(-x));
        case UnaryOp::Pow:
            if (p == T(2))
                return x * x;
            if (p == T(3))
                return x * x * x;
            if (p == T(0.5))
                return std::sqrt(x);
            if (p == T(1))
                return x;
            if (p == T(-1))
                return T(1) / x;
            return std::pow(x, p);
        }
        return x;
    }
};

template <typename T, UnaryOp Op> void unaryLoop(const T* a, T* out, std::int64_t n, T p)
{
    const UnaryFn<T> fn{Op, p};
#pragma omp parallel for simd if (n > kParallelGrain) schedule(static)
    for (std::int64_t i = 0; i < n; ++i)
        out[i] = fn(a[i]);
}

template <typename T> T signOf(T x) { return T((x > T(0)) - (x < T(0))); }

template <BinaryOp Op, typename T> inline T binaryFn(T a, T b, T s)
{
    if constexpr (Op == BinaryOp::Add)
        return a + s * b;
    else if constexpr (Op == BinaryOp::Sub)
        return a - s * b;
    else if constexpr (Op == BinaryOp::Mul)
        return a * b;
    else if constexpr (Op == BinaryOp::Div)
        return a / b;
    else if constexpr (Op == BinaryOp::ReluGrad)
        return b > T(0) ? a : T(0);
    else if constexpr (Op == BinaryOp::TanhGrad)
        return a * (T(1) - b * b);
    else if constexpr (Op == BinaryOp::SigmoidGrad)
        return a * ((T(1) - b) * b);
    else if constexpr (Op == BinaryOp::SqrtGrad)
        return a / (T(2) * b);
    else if constexpr (Op == BinaryOp::AbsGrad)
        return a * signOf(b);
    else { // PowGrad: grad * (p * x^(p-1))
        const T e = s - T(1);
        const T xp = e == T(1) ? b : (e == T(0) ? T(1) : (e == T(2) ? b * b : std::pow(b, e)));
        return a * (s * xp);
    }
}

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
#pragma omp parallel for simd if (n > kParallelGrain) schedule(static)
        for (std::int64_t i = 0; i < n; ++i)
            out[i] = binaryFn<Op>(a[i], b[i], s);
    } else if (na == n && nb == 1) {
        const T bv = b[0];
#pragma omp parallel for simd if (n > kParallelGrain) schedule(static)
        for (std::int64_t i = 0; i < n; ++i)
            out[i] = binaryFn<Op>(a[i], bv, s);
    } else if (na == 1 && nb == n) {
        const T av = a[0];
#pragma omp parallel for simd if (n > kParallelGrain) schedule(static)
        for (std::int64_t i = 0; i < n; ++i)
            out[i] = binaryFn<Op>(av, b[i], s);
    } else {
        forEachBroadcastRun(ta.shape, tb.shape, tout.shape,
                            [&](std::int64_t o, std::int64_t oa, std::int64_t ob, std::int64_t count,
                                std::int64_t da, std::int64_t db) {
                                for (std::int64_t i = 0; i < count; ++i)
                                    out[o + i] = binaryFn<Op>(a[oa + i * da], b[ob + i * db], s);
                            });
    }
}

template <typename T>
void binaryDispatch(BinaryOp op, const TensorImpl& a, const TensorImpl& b, TensorImpl& out, double s)
{
    switch (op) {
    case BinaryOp::Add: return binaryTyped<BinaryOp::Add, T>(a, b, out, s);
    case BinaryOp::Sub: return binaryTyped<BinaryOp::Sub, T>(a, b, out, s);
    case BinaryOp::Mul: return binaryTyped<BinaryOp::Mul, T>(a, b, out, s);
    case BinaryOp::Div: return binaryTyped<BinaryOp::Div, T>(a, b, out, s);
    case BinaryOp::ReluGrad: return binaryTyped<BinaryOp::ReluGrad, T>(a, b, out, s);
    case BinaryOp::TanhGrad: return binaryTyped<BinaryOp::TanhGrad, T>(a, b, out, s);
    case BinaryOp::SigmoidGrad: return binaryTyped<BinaryOp::SigmoidGrad, T>(a, b, out, s);
    case BinaryOp::SqrtGrad: return binaryTyped<BinaryOp::SqrtGrad, T>(a, b, out, s);
    case BinaryOp::AbsGrad: return binaryTyped<BinaryOp::AbsGrad, T>(a, b, out, s);
    case BinaryOp::PowGrad: return binaryTyped<BinaryOp::PowGrad, T>(a, b, out, s);
    }
}

template <typename T> double sumAll(const T* a, std::int64_t n)
{
    double acc = 0.0;
#pragma omp parallel for simd reduction(+ : acc) if (n > kParallelGrain) schedule(static)
    for (std::int64_t i = 0; i < n; ++i)
        acc += static_cast<double>(a[i]);
    return acc;
}

template <typename T> double dotAll(const T* a, const T* b, std::int64_t n)
{
    double acc = 0.0;
#pragma omp parallel for simd reduction(+ : acc) if (n > kParallelGrain) schedule(static)
    for (std::int64_t i = 0; i < n; ++i)
        acc += static_cast<double>(a[i] * b[i]);
    return acc;
}

// Elementwise loss f(d) and derivative f'(d) of d = input − target.
template <typename T> struct LossFn {
    LossKind kind;
    double p;
    double value(T d) const
    {
        const double x = static_cast<double>(d);
        const double ax = std::abs(x);
        switch (kind) {
        case LossKind::MSE: return static_cast<double>(d * d);
        case LossKind::L1: return ax;
        case LossKind::Huber: return ax < p ? 0.5 * x * x : p * (ax - 0.5 * p);
        case LossKind::SmoothL1: return ax < p ? 0.5 * x * x / p : ax - 0.5 * p;
        }
        return 0.0;
    }
    // Times `norm`, the incoming gradient already scaled by the reduction.
    double derivative(T d, double norm) const
    {
        const double x = static_cast<double>(d);
        switch (kind) {
        case LossKind::MSE: return 2.0 * norm * x;
        case LossKind::L1: return norm * static_cast<double>(signOf(d));
        // The kinks belong to the outer branches, as in ATen.
        case LossKind::Huber: return x <= -p ? -norm * p : (x >= p ? norm * p : norm * x);
        case LossKind::SmoothL1: return x <= -p ? -norm : (x >= p ? norm : norm * x / p);
        }
        return 0.0;
    }
};

template <typename T> void optimizerTyped(const OptimizerStep& s, TensorImpl& tp, const TensorImpl& tg,
                                          TensorImpl* s0, TensorImpl* s1, TensorImpl* s2)
{
    T* p = ptr<T>(tp);
    const T* gr = ptr<T>(tg);
    const std::int64_t n = tp.numel();
    const T wd = static_cast<T>(s.weightDecay);
    switch (s.kind) {
    case OptimizerKind::SGD: {
        T* buf = s0 ? ptr<T>(*s0) : nullptr;
        const T m = static_cast<T>(s.momentum), damp = static_cast<T>(1.0 - s.dampening);
        const T negLr = static_cast<T>(-s.lr);
        for (std::int64_t i = 0; i < n; ++i) {
            T g = s.maximize ? -gr[i] : gr[i];
            if (s.weightDecay != 0.0)
                g = g + wd * p[i];
            if (s.momentum != 0.0) {
                buf[i] = s.firstStep ? g : buf[i] * m + damp * g;
                g = s.nesterov ? g + m * buf[i] : buf[i];
            }
            p[i] = p[i] + negLr * g;
        }
        break;
    }
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW: {
        T* m = ptr<T>(*s0);
        T* v = ptr<T>(*s1);
        T* vmax = s2 ? ptr<T>(*s2) : nullptr;
        const double step = static_cast<double>(s.step);
        const double bc1 = 1.0 - std::pow(s.beta1, step);
        const double bc2 = 1.0 - std::pow(s.beta2, step);
        const T negStepSize = static_cast<T>(-(s.lr / bc1));
        const T bc2Sqrt = static_cast<T>(std::sqrt(bc2));
        const T b1 = static_cast<T>(s.beta1), b2 = static_cast<T>(s.beta2);
        const T omb1 = static_cast<T>(1.0 - s.beta1), omb2 = static_cast<T>(1.0 - s.beta2);
        const T eps = static_cast<T>(s.eps);
        const bool adamw = s.kind == OptimizerKind::AdamW;
        const T decay = static_cast<T>(1.0 - s.lr * s.weightDecay);
        for (std::int64_t i = 0; i < n; ++i) {
            T g = s.maximize ? -gr[i] : gr[i];
            if (adamw)
                p[i] = p[i] * decay;
            else if (s.weightDecay != 0.0)
                g = g + wd * p[i];
            m[i] = m[i] * b1 + omb1 * g;
            v[i] = v[i] * b2 + omb2 * g * g;
            T second = v[i];
            if (s.amsgrad) {
                vmax[i] = std::max(vmax[i], v[i]);
                second = vmax[i];
            }
            const T denom = std::sqrt(second) / bc2Sqrt + eps;
            p[i] = p[i] + negStepSize * m[i] / denom;
        }
        break;
    }
    case OptimizerKind::RMSprop: {
        T* sq = ptr<T>(*s0);
        T* buf = s1 ? ptr<T>(*s1) : nullptr;
        T* gavg = s2 ? ptr<T>(*s2) : nullptr;
        const T a = static_cast<T>(s.alpha), oma = static_cast<T>(1.0 - s.alpha);
        const T eps = static_cast<T>(s.eps), mom = static_cast<T>(s.momentum);
        const T negLr = static_cast<T>(-s.lr);
        for (std::int64_t i = 0; i < n; ++i) {
            T g = s.maximize ? -gr[i] : gr[i];
            if (s.weightDecay != 0.0)
                g = g + wd * p[i];
            sq[i] = sq[i] * a + oma * g * g;
            T avg;
            if (s.centered) {
                gavg[i] = gavg[i] * a + oma * g;
                avg = std::sqrt(sq[i] + T(-1) * gavg[i] * gavg[i]);
            } else {
                avg = std::sqrt(sq[i]);
            }
            avg = avg + eps;
            if (s.momentum > 0.0) {
                buf[i] = buf[i] * mom + g / avg;
                p[i] = p[i] + negLr * buf[i];
            } else {
                p[i] = p[i] + negLr * g / avg;
            }
        }
        break;
    }
    case OptimizerKind::Adagrad: {
        T* sum = ptr<T>(*s0);
        const T negClr = static_cast<T>(-(s.lr / (1.0 + static_cast<double>(s.step - 1) * s.lrDecay)));
        const T eps = static_cast<T>(s.eps);
        for (std::int64_t i = 0; i < n; ++i) {
            T g = s.maximize ? -gr[i] : gr[i];
            if (s.weightDecay != 0.0)
                g = g + wd * p[i];
            sum[i] = sum[i] + T(1) * g * g;
            const T stdv = std::sqrt(sum[i]) + eps;
            p[i] = p[i] + negClr * g / stdv;
        }
        break;
    }
    }
}

class CpuBackend final : public Backend {
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
        if (a.dtype == DType::Float32)
            binaryDispatch<float>(op, a, b, out, scalar);
        else
            binaryDispatch<double>(op, a, b, out, scalar);
    }

    void scale(const TensorImpl& a, TensorImpl& out, double scalar) override
    {
        dispatch(a.dtype, [&](auto tag) {
            using T = decltype(tag);
            const T* s = ptr<T>(a);
            T* d = ptr<T>(out);
            const T f = static_cast<T>(scalar);
            const std::int64_t n = a.numel();
#pragma omp parallel for simd if (n > kParallelGrain) schedule(static)
            for (std::int64_t i = 0; i < n; ++i)
                d[i] = s[i] * f;
        });
    }

    void sumTo(const TensorImpl& in, TensorImpl& out, double scalar) override
    {
        dispatch(in.dtype, [&](auto tag) {
            using T = decltype(tag);
            const T* s = ptr<T>(in);
            T* d = ptr<T>(out);
            const std::int64_t n = in.numel();
            if (out.numel() == 1) {
                d[0] = static_cast<T>(sumAll(s, n) * scalar);
                return;
            }
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
            ptr<T>(out)[0] = static_cast<T>(dotAll(ptr<T>(a), ptr<T>(b), a.numel()) * scalar);
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
            const T* x = ptr<T>(input);
            const T* y = ptr<T>(target);
            const std::int64_t n = input.numel();
            const LossFn<T> fn{kind, param};
            double acc = 0.0;
#pragma omp parallel for reduction(+ : acc) if (n > kParallelGrain) schedule(static)
            for (std::int64_t i = 0; i < n; ++i)
                acc += fn.value(static_cast<T>(x[i] - y[i]));
            ptr<T>(out)[0] = static_cast<T>(mean ? acc / static_cast<double>(n) : acc);
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
            const LossFn<T> fn{kind, param};
            const double norm = static_cast<double>(ptr<T>(gradOut)[0]) * (mean ? 1.0 / static_cast<double>(n) : 1.0);
#pragma omp parallel for simd if (n > kParallelGrain) schedule(static)
            for (std::int64_t i = 0; i < n; ++i)
                g[i] = static_cast<T>(fn.derivative(static_cast<T>(x[i] - y[i]), norm));
        });
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

Backend& cpuBackend()
{
    static CpuBackend backend;
    return backend;
}

} // namespace gradlab
