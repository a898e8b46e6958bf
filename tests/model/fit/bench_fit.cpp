// Benchmark of the closed-form fit (not a test): reads the data that fixtures/bench_numpy.py
// generated (x.bin: rows × features float64, row-major; y.bin: rows float64), fits it, and prints
//   gradlab_threads <n>
//   gradlab_fit_ms <median>            the whole fit: coefficients, statistics and residuals
//   gradlab_coefficients_ms <median>   the same without keeping the residuals
//   gradlab_fit_1thread_ms <median>    the whole fit on one thread (numpy's reference BLAS uses one)
//   gradlab_sandwich_ms <median>       the pass more for the robust standard errors (computeSandwich)
//   gradlab_normal_qq_ms <median>      the Least squares tab's normal Q–Q plot (normalQQ, 20,000 points)
//   gradlab_coefficients <b0> <b1> …   (17 significant digits; also written to DIR/gradlab_coefficients.txt)
// Usage: bench_fit DIR ROWS FEATURES [REPETITIONS]   (run_fit_bench.sh does all of it)
// REPETITIONS (default 5) is the number of timed fits behind each median; with 1 (for wide
// problems, where one fit takes seconds) there is no warm-up and the one-thread median is of one.
#include "fit/least_squares.h"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

namespace {

bool readDoubles(const std::string& path, std::vector<double>& out)
{
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(out.size() * sizeof(double)));
    return static_cast<std::size_t>(in.gcount()) == out.size() * sizeof(double);
}

template <typename F> double medianMs(int repetitions, F&& run)
{
    std::vector<double> ms;
    for (int r = 0; r < repetitions; ++r) {
        const auto start = std::chrono::steady_clock::now();
        run();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 4 && argc != 5) {
        std::cerr << "usage: bench_fit DIR ROWS FEATURES [REPETITIONS]\n";
        return 2;
    }
    const std::string dir = argv[1];
    const std::int64_t rows = std::stoll(argv[2]);
    const std::int64_t features = std::stoll(argv[3]);
    const int repetitions = argc == 5 ? std::max(1, std::stoi(argv[4])) : 5;
    std::vector<double> x(static_cast<std::size_t>(rows * features)), y(static_cast<std::size_t>(rows));
    if (!readDoubles(dir + "/x.bin", x) || !readDoubles(dir + "/y.bin", y)) {
        std::cerr << "bench_fit: cannot read " << rows << " rows of " << features << " features from " << dir << "\n";
        return 1;
    }
    gradlab::fit::DataView data;
    data.x = x.data();
    data.y = y.data();
    data.rows = rows;
    data.features = features;

    gradlab::fit::FitResult result;
    if (repetitions > 1)
        result = gradlab::fit::fitLeastSquares(data); // warm-up: page in, start threads
    const double fitMs = medianMs(repetitions, [&] { result = gradlab::fit::fitLeastSquares(data); });
    gradlab::fit::FitOptions lean;
    lean.keepResiduals = false;
    const double coefficientsMs = medianMs(repetitions, [&] { (void)gradlab::fit::fitLeastSquares(data, lean); });
    const double sandwichMs = medianMs(repetitions, [&] { gradlab::fit::computeSandwich(result, data); });
    const double qqMs = medianMs(repetitions, [&] { (void)gradlab::fit::normalQQ(result, data, 20'000); });
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const double oneThreadMs = medianMs(std::min(repetitions, 3), [&] { (void)gradlab::fit::fitLeastSquares(data); });

    std::cout << "gradlab_threads " << threads << "\n"
              << std::fixed << std::setprecision(2) << "gradlab_fit_ms " << fitMs << "\n"
              << "gradlab_coefficients_ms " << coefficientsMs << "\n"
              << "gradlab_fit_1thread_ms " << oneThreadMs << "\n"
              << "gradlab_sandwich_ms " << sandwichMs << "\n"
              << "gradlab_normal_qq_ms " << qqMs << "\n"
              << std::defaultfloat << std::setprecision(17) << "gradlab_coefficients";
    std::ofstream file(dir + "/gradlab_coefficients.txt");
    file << std::setprecision(17);
    for (double b : result.estimates()) {
        std::cout << " " << b;
        file << b << "\n";
    }
    std::cout << "\n";
    for (const gradlab::data::Message& w : result.warnings)
        std::cout << "gradlab_warning " << w.english() << "\n";
    return file ? 0 : 1;
}
