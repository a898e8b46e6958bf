#include "generator.h"

#include <bit>
#include <cmath>
#include <numbers>

namespace gradlab {
namespace {

// Box-Muller over 16 uniforms in place, as ATen's normal_fill_16: the first 8 give the radii, the
// last 8 the angles. float64 uses the C library's log, cos and sin.
void normalFill16(double* data, double mean, double stdv)
{
    for (int j = 0; j < 8; ++j) {
        const double u1 = 1.0 - data[j];
        const double u2 = data[j + 8];
        const double radius = std::sqrt(-2.0 * std::log(u1));
        const double theta = 2.0 * std::numbers::pi * u2;
        data[j] = std::fma(radius * std::cos(theta), stdv, mean);
        data[j + 8] = std::fma(radius * std::sin(theta), stdv, mean);
    }
}

// float32 takes PyTorch's AVX2 kernel (normal_fill_16_AVX2, the one every x86-64 CPU with AVX2
// runs): log, sin and cos are the Cephes single-precision approximations (avx_mathfun), evaluated
// with the fused multiply-adds GCC forms from their multiply-then-add steps. The C library's
// correctly rounded functions differ from them by an ulp or two in ~15% of the values. Each
// std::fma below stands for one such contraction; the remaining products are rounded on their own.
std::uint32_t floatBits(float f) { return std::bit_cast<std::uint32_t>(f); }
float bitsFloat(std::uint32_t u) { return std::bit_cast<float>(u); }

// Cephes logf for x in (0, 1] (1 − a uniform draw: never 0, never subnormal).
float cephesLog(float x)
{
    float e = static_cast<float>(static_cast<std::int32_t>(floatBits(x) >> 23) - 0x7f) + 1.0f;
    float m = bitsFloat((floatBits(x) & ~0x7f800000u) | floatBits(0.5f)); // mantissa in [0.5, 1)
    if (m < 0.707106781186547524f) {
        e -= 1.0f;
        m = m - 1.0f + m;
    } else {
        m = m - 1.0f;
    }
    const float z = m * m;
    float y = 7.0376836292E-2f;
    for (float c : {-1.1514610310E-1f, 1.1676998740E-1f, -1.2420140846E-1f, 1.4249322787E-1f, -1.6668057665E-1f,
                    2.0000714765E-1f, -2.4999993993E-1f, 3.3333331174E-1f})
        y = std::fma(y, m, c);
    y = std::fma(y * m, z, e * -2.12194440e-4f);
    y = std::fma(-z, 0.5f, y);
    return std::fma(e, 0.693359375f, m + y);
}

// Cephes sinf and cosf of one angle, sharing the range reduction to [−π/4, π/4].
void cephesSinCos(float x, float& sinOut, float& cosOut)
{
    std::uint32_t sinSign = floatBits(x) & 0x80000000u;
    x = std::fabs(x);
    const std::int32_t octant = (static_cast<std::int32_t>(x * 1.27323954473516f) + 1) & ~1; // 4/π
    const float y = static_cast<float>(octant);
    sinSign ^= static_cast<std::uint32_t>(octant & 4) << 29;
    const std::uint32_t cosSign = static_cast<std::uint32_t>(~(octant - 2) & 4) << 29;
    const bool sinPoly = (octant & 2) == 0;
    // x − y·π/4 with π/4 split in three parts (extended precision).
    x = std::fma(y, -0.78515625f, x);
    x = std::fma(y, -2.4187564849853515625e-4f, x);
    x = std::fma(y, -3.77489497744594108e-8f, x);
    const float z = x * x;
    float c = std::fma(2.443315711809948E-005f, z, -1.388731625493765E-003f);
    c = std::fma(c, z, 4.166664568298827E-002f);
    c = std::fma(c * z, z, -(z * 0.5f)) + 1.0f;
    float s = std::fma(-1.9515295891E-4f, z, 8.3321608736E-3f);
    s = std::fma(s, z, -1.6666654611E-1f);
    s = std::fma(s * z, x, x);
    sinOut = bitsFloat(floatBits(sinPoly ? s : c) ^ sinSign);
    cosOut = bitsFloat(floatBits(sinPoly ? c : s) ^ cosSign);
}

void normalFill16(float* data, float mean, float stdv)
{
    for (int j = 0; j < 8; ++j) {
        const float u1 = 1.0f - data[j];
        const float u2 = data[j + 8];
        const float radius = std::sqrt(-2.0f * cephesLog(u1));
        const float theta = static_cast<float>(2.0 * std::numbers::pi) * u2;
        float sinTheta = 0.0f, cosTheta = 0.0f;
        cephesSinCos(theta, sinTheta, cosTheta);
        data[j] = std::fma(radius * cosTheta, stdv, mean);
        data[j + 8] = std::fma(radius * sinTheta, stdv, mean);
    }
}

template <typename T> void normalFill(Generator& g, T* data, std::int64_t n, T mean, T stdv)
{
    for (std::int64_t i = 0; i < n; ++i)
        data[i] = sizeof(T) == 4 ? T(g.uniformFloat(0.0f, 1.0f)) : T(g.uniformDouble(0.0, 1.0));
    for (std::int64_t i = 0; i + 16 <= n; i += 16)
        normalFill16(data + i, mean, stdv);
    if (n % 16 != 0) {
        // The last 16 values are drawn again and transformed together.
        T* tail = data + n - 16;
        for (int i = 0; i < 16; ++i)
            tail[i] = sizeof(T) == 4 ? T(g.uniformFloat(0.0f, 1.0f)) : T(g.uniformDouble(0.0, 1.0));
        normalFill16(tail, mean, stdv);
    }
}

} // namespace

void Generator::manualSeed(std::uint64_t seed)
{
    seed_ = seed;
    engine_.seed(static_cast<std::uint32_t>(seed & 0xffffffffu));
    nextDoubleNormal_.reset();
}

std::uint64_t Generator::random64()
{
    const std::uint64_t hi = engine_();
    const std::uint64_t lo = engine_();
    return (hi << 32) | lo;
}

float Generator::uniformFloat(float from, float to)
{
    // 24 random bits scaled to [0, 1); the affine map to [from, to) is done in double and rounded
    // once, as ATen does.
    const double x = static_cast<double>(random() & ((1u << 24) - 1)) * (1.0 / static_cast<double>(1u << 24));
    return static_cast<float>(x * (static_cast<double>(to) - static_cast<double>(from)) + static_cast<double>(from));
}

double Generator::uniformDouble(double from, double to)
{
    const double x = static_cast<double>(random64() & ((std::uint64_t(1) << 53) - 1))
                     * (1.0 / static_cast<double>(std::uint64_t(1) << 53));
    // One rounding, as PyTorch's build evaluates x * (to - from) + from (contracted to a fused
    // multiply-add): an unfused product loses up to ~60 ulp of values near 0 (a float64 Linear's
    // initial weights).
    return std::fma(x, to - from, from);
}

double Generator::normalDouble(double mean, double stdv)
{
    if (nextDoubleNormal_) {
        const double r = *nextDoubleNormal_;
        nextDoubleNormal_.reset();
        return r * stdv + mean;
    }
    const double u1 = uniformDouble(0.0, 1.0);
    const double u2 = uniformDouble(0.0, 1.0);
    const double r = std::sqrt(-2.0 * std::log(1.0 - u2));
    const double theta = 2.0 * std::numbers::pi * u1;
    nextDoubleNormal_ = r * std::sin(theta);
    return r * std::cos(theta) * stdv + mean;
}

void Generator::fillUniform(float* data, std::int64_t n, double from, double to)
{
    const float f = static_cast<float>(from), t = static_cast<float>(to);
    for (std::int64_t i = 0; i < n; ++i)
        data[i] = uniformFloat(f, t);
}

void Generator::fillUniform(double* data, std::int64_t n, double from, double to)
{
    for (std::int64_t i = 0; i < n; ++i)
        data[i] = uniformDouble(from, to);
}

void Generator::fillNormal(float* data, std::int64_t n, double mean, double stdv)
{
    if (n >= 16) {
        normalFill(*this, data, n, static_cast<float>(mean), static_cast<float>(stdv));
        return;
    }
    for (std::int64_t i = 0; i < n; ++i)
        data[i] = static_cast<float>(normalDouble(mean, stdv));
}

void Generator::fillNormal(double* data, std::int64_t n, double mean, double stdv)
{
    if (n >= 16) {
        normalFill(*this, data, n, mean, stdv);
        return;
    }
    for (std::int64_t i = 0; i < n; ++i)
        data[i] = normalDouble(mean, stdv);
}

Generator& defaultGenerator()
{
    static Generator g;
    return g;
}

void manualSeed(std::uint64_t seed)
{
    Generator& g = defaultGenerator();
    std::lock_guard lock(g.mutex());
    g.manualSeed(seed);
}

} // namespace gradlab
