// A random generator that draws exactly what PyTorch's CPU generator draws: the same Mersenne
// Twister, the same bit-to-float conversions, the same Box-Muller transform with its cached second
// value. torch.manual_seed(42); torch.randn(1) gives 0.33669036626815796 here too.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <random>

namespace gradlab {

class Generator {
public:
    // PyTorch's default seed.
    static constexpr std::uint64_t kDefaultSeed = 67280421310721ULL;

    explicit Generator(std::uint64_t seed = kDefaultSeed) { manualSeed(seed); }

    void manualSeed(std::uint64_t seed);
    std::uint64_t initialSeed() const { return seed_; }

    std::uint32_t random() { return engine_(); }
    std::uint64_t random64();

    // One value of torch's uniform_(from, to) for each dtype.
    float uniformFloat(float from, float to);
    double uniformDouble(double from, double to);
    // One value of at::normal_distribution<double>: Box-Muller on two 53-bit uniforms, the second
    // value cached for the next call.
    double normalDouble(double mean, double stdv);

    // torch.Tensor.uniform_ and normal_ over n contiguous values (randn's path for 16 values or more
    // differs from the one-at-a-time path, as in PyTorch; in float32 it reproduces the AVX2 kernel's
    // single-precision log, sin and cos, which every x86-64 CPU with AVX2 runs).
    void fillUniform(float* data, std::int64_t n, double from, double to);
    void fillUniform(double* data, std::int64_t n, double from, double to);
    void fillNormal(float* data, std::int64_t n, double mean, double stdv);
    void fillNormal(double* data, std::int64_t n, double mean, double stdv);

    // Generators are shared between threads (the global one); callers lock around a whole fill.
    std::mutex& mutex() { return mutex_; }

private:
    std::mt19937 engine_;
    std::uint64_t seed_ = kDefaultSeed;
    std::optional<double> nextDoubleNormal_;
    std::mutex mutex_;
};

// The process-wide generator behind rand/randn without an explicit one (torch's default generator).
Generator& defaultGenerator();
// torch.manual_seed.
void manualSeed(std::uint64_t seed);

} // namespace gradlab
