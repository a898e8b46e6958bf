// NumPy's legacy random stream (numpy.random.RandomState, and the global np.random.* functions),
// reproduced bit for bit so that a seed gives the same numbers here as in the tutorial's Python.
//
// Reproduced (NumPy 1.17 and later; checked against NumPy 1.24 by tests/model/data/fixtures):
//   RandomState(int) / np.random.seed(int)   MT19937 init_genrand seeding, gauss cache cleared
//   RandomState([k0, k1, ...])               MT19937 init_by_array seeding
//   random_sample / rand                     53-bit doubles: (a>>5, b>>6) -> (a*2^26 + b) / 2^53
//   standard_normal / randn                  the legacy polar (Marsaglia) method, second value cached
//   uniform(low, high)                       low + (high - low) * random_sample
//   randint(0, max + 1, dtype=int64)         via randomInterval: masked rejection sampling
//   shuffle(1-d array)                       Fisher-Yates from the end with randomInterval
//   permutation(n)                           arange(n), then shuffle
// Not reproduced: NumPy's newer Generator API (default_rng), which draws differently.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace gradlab::data {

class RandomState {
public:
    // RandomState(seed): any seed NumPy accepts as an integer (0 … 2**32 - 1).
    explicit RandomState(std::uint32_t seed);
    // RandomState(np.array(key, dtype=np.uint32)); throws std::invalid_argument on an empty key.
    explicit RandomState(std::span<const std::uint32_t> key);

    // A seed read from a file or a form, checked: std::invalid_argument naming `field` when it is
    // outside NumPy's 0 … 2**32 - 1.
    static std::uint32_t checkedSeed(std::int64_t seed, const char* field = "seed");

    void seed(std::uint32_t seed);
    void seed(std::span<const std::uint32_t> key);

    // The raw generator: one tempered MT19937 word, and two of them high word first (NumPy's next_uint64).
    std::uint32_t nextUint32();
    std::uint64_t nextUint64();

    // random_sample(): uniform on [0, 1) with 53 random bits.
    double randomSample();
    std::vector<double> randomSample(std::int64_t count);
    // standard_normal(): the legacy polar method; the cached second value survives other draws,
    // as in NumPy, and is cleared only by seeding.
    double standardNormal();
    std::vector<double> standardNormal(std::int64_t count);
    // uniform(low, high); std::invalid_argument when high - low is not finite (NumPy: OverflowError).
    double uniform(double low, double high);
    std::vector<double> uniform(double low, double high, std::int64_t count);

    // A uniform integer in [0, max]: NumPy's random_interval (the legacy bounded integers), 32-bit
    // draws while max fits in 32 bits.
    std::uint64_t randomInterval(std::uint64_t max);

    // shuffle(x) of a 1-d array, in place.
    template <class T>
    void shuffle(std::span<T> values)
    {
        for (std::size_t i = values.size(); i-- > 1;) {
            const auto j = static_cast<std::size_t>(randomInterval(i));
            std::swap(values[i], values[j]);
        }
    }
    template <class T>
    void shuffle(std::vector<T>& values) { shuffle(std::span<T>(values)); }
    // permutation(n): a shuffled 0 … n-1.
    std::vector<std::int64_t> permutation(std::int64_t n);

    bool hasCachedGauss() const { return hasGauss_; }

private:
    static constexpr int kStateLength = 624;
    void initGenrand(std::uint32_t seed);
    void twist();

    std::array<std::uint32_t, kStateLength> key_ {};
    int pos_ = kStateLength;
    bool hasGauss_ = false;
    double gauss_ = 0.0;
};

} // namespace gradlab::data
