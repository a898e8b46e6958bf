// The one gradient checker of the engine tests, and the small value comparisons they share.
//
// gradcheck(f, inputs) compares reverse-mode gradients with central finite differences, as
// torch.autograd.gradcheck does: for a fixed pseudo-random projection v of f's output it checks
// dL/dx for L = sum(f(x) * v) on every element of every input that requires grad. Inputs must be
// float64 leaves; their values are perturbed in place (under NoGradGuard) and always restored.
#pragma once

#include "engine/autograd.h"
#include "engine/tensor.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <functional>
#include <string>
#include <vector>

namespace gradcheck {

using TensorFn = std::function<gradlab::Tensor(const std::vector<gradlab::Tensor>&)>;

struct Options {
    double eps = 1e-6;  // finite-difference step
    double atol = 1e-6; // |analytic - numeric| <= atol + rtol * |numeric|
    double rtol = 1e-5;
    std::uint64_t seed = 0x9E3779B97F4A7C15ULL; // of the projection v
};

struct Result {
    bool ok = true;
    std::string message; // names the input, the element and both values on failure
    int checkedElements = 0;
};

// Deterministic values in [-1.5, -0.5] ∪ [0.5, 1.5] (never near zero, so that no output element is
// projected away).
inline std::vector<double> projection(std::int64_t n, std::uint64_t seed)
{
    std::vector<double> v(static_cast<std::size_t>(n));
    std::uint64_t s = seed;
    for (auto& x : v) {
        // splitmix64
        s += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = s;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        const double u = static_cast<double>(z >> 11) * 0x1.0p-53; // [0, 1)
        x = u < 0.5 ? -(0.5 + 2.0 * u) : (0.5 + 2.0 * (u - 0.5));
    }
    return v;
}

inline std::string formatDouble(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

inline Result gradcheck(const TensorFn& f, const std::vector<gradlab::Tensor>& inputs, const Options& opt = {})
{
    using namespace gradlab;
    Result r;
    auto fail = [&r](std::string msg) {
        r.ok = false;
        r.message = std::move(msg);
        return r;
    };

    for (std::size_t i = 0; i < inputs.size(); ++i) {
        Tensor x = inputs[i]; // a handle: setGrad is not const
        if (!x.defined())
            return fail("gradcheck: input " + std::to_string(i) + " is undefined");
        if (x.dtype() != DType::Float64)
            return fail("gradcheck: input " + std::to_string(i) + " is not float64");
        if (!x.isLeaf())
            return fail("gradcheck: input " + std::to_string(i) + " is not a leaf");
        if (x.requiresGrad())
            x.setGrad(Tensor());
    }

    // Analytic: backward with gradient v is the gradient of L = sum(f(x) * v).
    std::vector<double> v;
    try {
        const Tensor y = f(inputs);
        if (!y.defined())
            return fail("gradcheck: f returned an undefined tensor");
        if (y.dtype() != DType::Float64)
            return fail("gradcheck: f returned a " + dtypeName(y.dtype()) + " tensor; expected float64");
        if (!y.requiresGrad())
            return fail("gradcheck: f's output does not require grad");
        v = projection(y.numel(), opt.seed);
        y.backward(fromData(v, y.shape(), TensorOptions{}.withDType(DType::Float64)));
    } catch (const std::exception& e) {
        return fail(std::string("gradcheck: forward/backward threw: ") + e.what());
    }

    auto evalL = [&]() {
        const Tensor y = f(inputs);
        const std::vector<double> yv = y.toVector();
        double acc = 0.0;
        for (std::size_t k = 0; k < yv.size(); ++k)
            acc += yv[k] * v[k];
        return acc;
    };

    for (std::size_t i = 0; i < inputs.size(); ++i) {
        Tensor x = inputs[i];
        if (!x.requiresGrad())
            continue;
        const Tensor g = x.grad();
        std::vector<double> analytic(static_cast<std::size_t>(x.numel()), 0.0); // undefined grad: zero
        if (g.defined()) {
            if (g.shape() != x.shape())
                return fail("input " + std::to_string(i) + ": grad has shape " + g.shape().bracketStr()
                            + " but the input has shape " + x.shape().bracketStr());
            if (g.dtype() != x.dtype())
                return fail("input " + std::to_string(i) + ": grad is " + dtypeName(g.dtype()) + ", input is "
                            + dtypeName(x.dtype()));
            analytic = g.toVector();
        }
        x.setGrad(Tensor());

        NoGradGuard noGrad;
        double* data = x.data<double>();
        for (std::int64_t k = 0; k < x.numel(); ++k) {
            const double orig = data[k];
            double lp = 0.0, lm = 0.0;
            try {
                data[k] = orig + opt.eps;
                lp = evalL();
                data[k] = orig - opt.eps;
                lm = evalL();
            } catch (const std::exception& e) {
                data[k] = orig;
                return fail(std::string("gradcheck: forward threw while perturbing: ") + e.what());
            }
            data[k] = orig;
            const double numeric = (lp - lm) / (2.0 * opt.eps);
            const double a = analytic[static_cast<std::size_t>(k)];
            ++r.checkedElements;
            if (!(std::abs(a - numeric) <= opt.atol + opt.rtol * std::abs(numeric)))
                return fail("gradient mismatch for input " + std::to_string(i) + " (shape " + x.shape().bracketStr()
                            + ") at element " + std::to_string(k) + ": analytic " + formatDouble(a) + ", numeric "
                            + formatDouble(numeric) + (g.defined() ? "" : " (the analytic grad was undefined)"));
        }
    }
    if (r.checkedElements == 0)
        return fail("gradcheck: no input requires grad");
    return r;
}

// Empty when `t` has `shape` and values within atol + rtol·|expected| of `expected`; otherwise a
// message naming the first difference.
inline std::string valuesMismatch(const gradlab::Tensor& t, const gradlab::Shape& shape,
                                  const std::vector<double>& expected, double atol = 1e-12, double rtol = 1e-12)
{
    if (!t.defined())
        return "the tensor is undefined";
    if (t.shape() != shape)
        return "shape " + t.shape().bracketStr() + ", expected " + shape.bracketStr();
    const std::vector<double> got = t.toVector();
    if (got.size() != expected.size())
        return std::to_string(got.size()) + " values, expected " + std::to_string(expected.size());
    for (std::size_t k = 0; k < got.size(); ++k) {
        const bool same = got[k] == expected[k] || (std::isnan(got[k]) && std::isnan(expected[k])); // ±inf too
        if (!same && !(std::abs(got[k] - expected[k]) <= atol + rtol * std::abs(expected[k])))
            return "element " + std::to_string(k) + ": got " + formatDouble(got[k]) + ", expected "
                   + formatDouble(expected[k]);
    }
    return {};
}

// Pseudo-random values in [lo, hi], kept at least `minAbs` away from zero (to stay off kinks).
inline std::vector<double> testValues(std::int64_t n, std::uint64_t seed, double lo, double hi, double minAbs = 0.0)
{
    std::vector<double> p = projection(n, seed);
    std::vector<double> out;
    out.reserve(p.size());
    for (double q : p) {
        // q is in ±[0.5, 1.5]; map |q| − 0.5 and the sign to a point of [lo, hi].
        const double u = (q < 0 ? (-q - 0.5) * 0.5 : 0.5 + (q - 0.5) * 0.5); // [0, 1)
        double x = lo + (hi - lo) * u;
        if (std::abs(x) < minAbs)
            x = x < 0 ? -minAbs : minAbs;
        out.push_back(x);
    }
    return out;
}

} // namespace gradcheck

// Qt Test glue: fails the current test with the helper's message.
#define GRADCHECK_VERIFY(result)                                                                               \
    do {                                                                                                       \
        const ::gradcheck::Result gcResult_ = (result);                                                        \
        QVERIFY2(gcResult_.ok, gcResult_.message.c_str());                                                     \
    } while (false)

#define VERIFY_VALUES(expr)                                                                                    \
    do {                                                                                                       \
        const std::string vvMessage_ = (expr);                                                                 \
        QVERIFY2(vvMessage_.empty(), vvMessage_.c_str());                                                      \
    } while (false)

// Runs `expr`, requires an EngineError whose message contains `needle` (may be empty).
#define VERIFY_ENGINE_ERROR(expr, needle)                                                                      \
    do {                                                                                                       \
        bool veThrown_ = false;                                                                                \
        std::string veWhat_;                                                                                   \
        try {                                                                                                  \
            (void)(expr);                                                                                      \
        } catch (const ::gradlab::EngineError& e) {                                                            \
            veThrown_ = true;                                                                                  \
            veWhat_ = e.what();                                                                                \
        } catch (const std::exception& e) {                                                                    \
            QFAIL((std::string("expected EngineError, got another exception: ") + e.what()).c_str());          \
        }                                                                                                      \
        QVERIFY2(veThrown_, "expected an EngineError, nothing was thrown: " #expr);                            \
        const std::string veNeedle_ = (needle);                                                                \
        QVERIFY2(veWhat_.find(veNeedle_) != std::string::npos,                                                 \
                 ("message \"" + veWhat_ + "\" does not contain \"" + veNeedle_ + "\"").c_str());              \
    } while (false)
