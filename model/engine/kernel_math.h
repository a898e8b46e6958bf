// The arithmetic of one element, shared by every kernel table: the CPU loops, the CUDA kernels
// and the CUDA kernels generated at run time (NVRTC compiles this file's own text), so that one
// formula gives the same value on every device. Plain C++ with no library headers under NVRTC.
#pragma once

#if defined(__CUDACC__) || defined(__CUDACC_RTC__)
#define GRADLAB_HD __host__ __device__
#else
#define GRADLAB_HD
#endif
#if !defined(__CUDACC_RTC__)
#include <math.h>
#endif

namespace gradlab {

enum class UnaryOp : unsigned char { Neg, Exp, Log, Sqrt, Abs, Relu, Tanh, Sigmoid, Pow };

// Binary ops broadcast a and b to out's shape. `scalar` is alpha for Add/Sub (a ± alpha·b) and the
// exponent for PowGrad. The *Grad ops are the backward formulas that need one pass: a is the
// incoming gradient, b the saved value.
enum class BinaryOp : unsigned char {
    Add,
    Sub,
    Mul,
    Div,
    ReluGrad,    // b ≤ 0 ? 0 : a, b the result (a NaN result passes the gradient, as threshold_backward)
    TanhGrad,    // a · (1 − b²), b the result
    SigmoidGrad, // a · b · (1 − b), b the result
    SqrtGrad,    // a / (2b), b the result
    AbsGrad,     // a · sign(b), b the input
    PowGrad,     // a · p · b^(p−1), b the input
};

enum class LossKind : unsigned char { MSE, L1, Huber, SmoothL1 };

enum class OptimizerKind : unsigned char { SGD, Adam, AdamW, RMSprop, Adagrad };

namespace km {

// The C library's functions, by element type (float: expf, ...), as std::exp picks them.
GRADLAB_HD inline float mexp(float x) { return ::expf(x); }
GRADLAB_HD inline double mexp(double x) { return ::exp(x); }
GRADLAB_HD inline float mlog(float x) { return ::logf(x); }
GRADLAB_HD inline double mlog(double x) { return ::log(x); }
GRADLAB_HD inline float msqrt(float x) { return ::sqrtf(x); }
GRADLAB_HD inline double msqrt(double x) { return ::sqrt(x); }
GRADLAB_HD inline float mabs(float x) { return ::fabsf(x); }
GRADLAB_HD inline double mabs(double x) { return ::fabs(x); }
GRADLAB_HD inline float mtanh(float x) { return ::tanhf(x); }
GRADLAB_HD inline double mtanh(double x) { return ::tanh(x); }
GRADLAB_HD inline float mpow(float x, float p) { return ::powf(x, p); }
GRADLAB_HD inline double mpow(double x, double p) { return ::pow(x, p); }

template <typename T> GRADLAB_HD inline T signOf(T x) { return T((x > T(0)) - (x < T(0))); }

template <typename T> GRADLAB_HD inline T unaryFn(UnaryOp op, T x, T p)
{
    switch (op) {
    case UnaryOp::Neg: return -x;
    case UnaryOp::Exp: return mexp(x);
    case UnaryOp::Log: return mlog(x);
    case UnaryOp::Sqrt: return msqrt(x);
    case UnaryOp::Abs: return mabs(x);
    case UnaryOp::Relu: return x < T(0) ? T(0) : x; // as clamp_min: NaN stays NaN, -0 stays -0
    case UnaryOp::Tanh: return mtanh(x);
    case UnaryOp::Sigmoid: return T(1) / (T(1) + mexp(-x));
    case UnaryOp::Pow:
        if (p == T(2))
            return x * x;
        if (p == T(3))
            return x * x * x;
        if (p == T(0.5))
            return msqrt(x);
        if (p == T(1))
            return x;
        if (p == T(-1))
            return T(1) / x;
        return mpow(x, p);
    }
    return x;
}

template <BinaryOp Op, typename T> GRADLAB_HD inline T binaryFn(T a, T b, T s)
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
        return b <= T(0) ? T(0) : a;
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
        const T xp = e == T(1) ? b : (e == T(0) ? T(1) : (e == T(2) ? b * b : mpow(b, e)));
        return a * (s * xp);
    }
}

// Elementwise loss f(d) and its derivative times `norm` (the incoming gradient already scaled by
// the reduction), for d = input − target. The kinks belong to the outer branches, as in ATen.
template <LossKind K, typename T> GRADLAB_HD inline T lossValue(T d, T p)
{
    const T ad = mabs(d);
    if constexpr (K == LossKind::MSE)
        return d * d;
    else if constexpr (K == LossKind::L1)
        return ad;
    else if constexpr (K == LossKind::Huber)
        return ad < p ? T(0.5) * d * d : p * (ad - T(0.5) * p);
    else
        return ad < p ? T(0.5) * d * d / p : ad - T(0.5) * p;
}

// As ATen: the scale is applied in double and the result rounded once.
template <LossKind K, typename T> GRADLAB_HD inline T lossDerivative(T d, double norm, double p)
{
    const double x = static_cast<double>(d);
    if constexpr (K == LossKind::MSE)
        return static_cast<T>(2.0 * norm * x);
    else if constexpr (K == LossKind::L1)
        return static_cast<T>(norm * static_cast<double>(signOf(d)));
    else if constexpr (K == LossKind::Huber)
        return static_cast<T>(x <= -p ? -norm * p : (x >= p ? norm * p : norm * x));
    else
        return static_cast<T>(x <= -p ? -norm : (x >= p ? norm : norm * x / p));
}

// The constants of one optimizer update in the parameter's element type, computed once per step
// on the host (see optimizerCoefficients in backend.h) in the order torch.optim computes them.
template <typename T> struct OptimizerCoefficients {
    OptimizerKind kind;
    bool maximize, weightDecay, momentum, nesterov, firstStep, amsgrad, centered, adamw;
    T wd, m, damp, negLr, b1, b2, omb1, omb2, eps, negStepSize, bc2Sqrt, decay, alpha, oma;
};

// One element's update; s0, s1, s2 point at its state (null where the kind keeps none):
// SGD: momentum; Adam/AdamW: exp_avg, exp_avg_sq, max_exp_avg_sq; RMSprop: square_avg,
// momentum_buffer, grad_avg; Adagrad: sum.
template <typename T>
GRADLAB_HD inline void optimizerUpdate(const OptimizerCoefficients<T>& c, T& p, T grad, T* s0, T* s1, T* s2)
{
    T g = c.maximize ? -grad : grad;
    switch (c.kind) {
    case OptimizerKind::SGD:
        if (c.weightDecay)
            g = g + c.wd * p;
        if (c.momentum) {
            *s0 = c.firstStep ? g : *s0 * c.m + c.damp * g;
            g = c.nesterov ? g + c.m * *s0 : *s0;
        }
        p = p + c.negLr * g;
        break;
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW: {
        if (c.adamw)
            p = p * c.decay;
        else if (c.weightDecay)
            g = g + c.wd * p;
        *s0 = *s0 * c.b1 + c.omb1 * g;
        *s1 = *s1 * c.b2 + c.omb2 * g * g;
        T second = *s1;
        if (c.amsgrad) {
            *s2 = *s2 < *s1 ? *s1 : *s2;
            second = *s2;
        }
        const T denom = msqrt(second) / c.bc2Sqrt + c.eps;
        p = p + c.negStepSize * *s0 / denom;
        break;
    }
    case OptimizerKind::RMSprop: {
        if (c.weightDecay)
            g = g + c.wd * p;
        *s0 = *s0 * c.alpha + c.oma * g * g;
        T avg;
        if (c.centered) {
            *s2 = *s2 * c.alpha + c.oma * g;
            avg = msqrt(*s0 + T(-1) * *s2 * *s2);
        } else {
            avg = msqrt(*s0);
        }
        avg = avg + c.eps;
        if (c.momentum) {
            *s1 = *s1 * c.m + g / avg;
            p = p + c.negLr * *s1;
        } else {
            p = p + c.negLr * g / avg;
        }
        break;
    }
    case OptimizerKind::Adagrad: {
        if (c.weightDecay)
            g = g + c.wd * p;
        *s0 = *s0 + T(1) * g * g;
        const T stdv = msqrt(*s0) + c.eps;
        p = p + c.negLr * g / stdv;
        break;
    }
    }
}

} // namespace km
} // namespace gradlab
