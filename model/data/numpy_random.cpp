#include "numpy_random.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace gradlab::data {

namespace {

constexpr int kShift = 397; // MT19937's M
constexpr std::uint32_t kMatrixA = 0x9908b0dfU;
constexpr std::uint32_t kUpperMask = 0x80000000U;
constexpr std::uint32_t kLowerMask = 0x7fffffffU;

std::size_t checkedCount(std::int64_t count)
{
    if (count < 0)
        throw std::invalid_argument("a random draw count must not be negative (got " + std::to_string(count) + ")");
    return static_cast<std::size_t>(count);
}

} // namespace

RandomState::RandomState(std::uint32_t seed)
{
    this->seed(seed);
}

RandomState::RandomState(std::span<const std::uint32_t> key)
{
    seed(key);
}

std::uint32_t RandomState::checkedSeed(std::int64_t seed, const char* field)
{
    if (seed < 0 || seed > 0xffffffffLL)
        throw std::invalid_argument(std::string(field) + " must be between 0 and 2**32 - 1 (got "
                                    + std::to_string(seed) + ")");
    return static_cast<std::uint32_t>(seed);
}

void RandomState::initGenrand(std::uint32_t seed)
{
    key_[0] = seed;
    for (int i = 1; i < kStateLength; ++i) {
        const std::uint32_t prev = key_[static_cast<std::size_t>(i - 1)];
        key_[static_cast<std::size_t>(i)] = 1812433253U * (prev ^ (prev >> 30)) + static_cast<std::uint32_t>(i);
    }
    pos_ = kStateLength;
}

void RandomState::seed(std::uint32_t seed)
{
    initGenrand(seed);
    hasGauss_ = false;
    gauss_ = 0.0;
}

void RandomState::seed(std::span<const std::uint32_t> key)
{
    if (key.empty())
        throw std::invalid_argument("a RandomState seed array must not be empty");
    initGenrand(19650218U);
    std::size_t i = 1;
    std::size_t j = 0;
    const std::size_t n = kStateLength;
    for (std::size_t k = std::max(n, key.size()); k > 0; --k) {
        const std::uint32_t prev = key_[i - 1];
        key_[i] = (key_[i] ^ ((prev ^ (prev >> 30)) * 1664525U)) + key[j] + static_cast<std::uint32_t>(j);
        ++i;
        ++j;
        if (i >= n) {
            key_[0] = key_[n - 1];
            i = 1;
        }
        if (j >= key.size())
            j = 0;
    }
    for (std::size_t k = n - 1; k > 0; --k) {
        const std::uint32_t prev = key_[i - 1];
        key_[i] = (key_[i] ^ ((prev ^ (prev >> 30)) * 1566083941U)) - static_cast<std::uint32_t>(i);
        ++i;
        if (i >= n) {
            key_[0] = key_[n - 1];
            i = 1;
        }
    }
    key_[0] = 0x80000000U; // a non-zero state, whatever the key
    pos_ = kStateLength;
    hasGauss_ = false;
    gauss_ = 0.0;
}

void RandomState::twist()
{
    // In index order, wrapping around: entries past N - M read words already regenerated, as in
    // the reference implementation's three loops.
    for (int i = 0; i < kStateLength; ++i) {
        const auto at = [this](int k) { return key_[static_cast<std::size_t>(k % kStateLength)]; };
        const std::uint32_t y = (at(i) & kUpperMask) | (at(i + 1) & kLowerMask);
        key_[static_cast<std::size_t>(i)] = at(i + kShift) ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
    }
    pos_ = 0;
}

std::uint32_t RandomState::nextUint32()
{
    if (pos_ >= kStateLength)
        twist();
    std::uint32_t y = key_[static_cast<std::size_t>(pos_++)];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

std::uint64_t RandomState::nextUint64()
{
    const std::uint64_t high = nextUint32();
    return (high << 32) | nextUint32();
}

double RandomState::randomSample()
{
    const std::uint32_t a = nextUint32() >> 5;
    const std::uint32_t b = nextUint32() >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
}

std::vector<double> RandomState::randomSample(std::int64_t count)
{
    std::vector<double> out(checkedCount(count));
    for (double& v : out)
        v = randomSample();
    return out;
}

double RandomState::standardNormal()
{
    if (hasGauss_) {
        hasGauss_ = false;
        const double cached = gauss_;
        gauss_ = 0.0;
        return cached;
    }
    double x1 = 0.0;
    double x2 = 0.0;
    double r2 = 0.0;
    do {
        x1 = 2.0 * randomSample() - 1.0;
        x2 = 2.0 * randomSample() - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    const double f = std::sqrt(-2.0 * std::log(r2) / r2);
    gauss_ = f * x1;
    hasGauss_ = true;
    return f * x2;
}

std::vector<double> RandomState::standardNormal(std::int64_t count)
{
    std::vector<double> out(checkedCount(count));
    for (double& v : out)
        v = standardNormal();
    return out;
}

double RandomState::uniform(double low, double high)
{
    const double range = high - low;
    if (!std::isfinite(range))
        throw std::invalid_argument("uniform: high - low must be finite (low " + std::to_string(low) + ", high "
                                    + std::to_string(high) + ")");
    return low + range * randomSample();
}

std::vector<double> RandomState::uniform(double low, double high, std::int64_t count)
{
    std::vector<double> out(checkedCount(count));
    if (out.empty())
        return out;
    out[0] = uniform(low, high); // validates once
    for (std::size_t i = 1; i < out.size(); ++i)
        out[i] = low + (high - low) * randomSample();
    return out;
}

std::uint64_t RandomState::randomInterval(std::uint64_t max)
{
    if (max == 0)
        return 0;
    std::uint64_t mask = max;
    for (int shift = 1; shift <= 32; shift *= 2)
        mask |= mask >> shift; // the smallest all-ones mask covering max
    std::uint64_t value = 0;
    if (max <= 0xffffffffULL) {
        do
            value = nextUint32() & mask;
        while (value > max);
    } else {
        do
            value = nextUint64() & mask;
        while (value > max);
    }
    return value;
}

std::vector<std::int64_t> RandomState::permutation(std::int64_t n)
{
    std::vector<std::int64_t> out(checkedCount(n));
    std::iota(out.begin(), out.end(), std::int64_t {0});
    shuffle(out);
    return out;
}

} // namespace gradlab::data
