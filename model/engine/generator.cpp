#include "generator.h"

#include <cmath>
#include <numbers>

namespace gradlab {
namespace {

// Box-Muller over 16 uniforms in place, as ATen's normal_fill_16: the first 8 give the radii, the
// last 8 the angles.
template <typename T> void normalFill16(T* data, T mean, T stdv)
{
    for (int j = 0; j < 8; ++j) {
        const T u1 = T(1) - data[j];
        const T u2 = data[j + 8];
        const T radius = std::sqrt(T(-2) * std::log(u1));
        const T theta = T(2.0 * std::numbers::pi) * u2;
        data[j] = radius * std::cos(theta) * stdv + mean;
        data[j + 8] = radius * std::sin(theta) * stdv + mean;
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
    return x * (to - from) + from;
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
