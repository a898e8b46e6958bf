// CSV benchmark (not a test): writes the tutorial's kind of data, x uniform and
// y = 1 + 2x + 0.1·noise, with GradLab's writer, then times GradLab's reader on it. Peak memory is
// measured in a process of its own (the `read` mode), so the generator's arrays do not count.
//   bench_csv generate FILE [ROWS]     (default 10,000,000 rows)
//   bench_csv read FILE [REPEATS] [THREADS]   (default 3, one thread per core; prints the best)
// Output: one "key value" pair per line.
#include "data/csv_reader.h"
#include "data/csv_writer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace gradlab::data;

namespace {

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Resident and peak resident memory of this process, in bytes (Linux).
std::pair<double, double> residentBytes()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    double rss = 0, hwm = 0;
    while (status >> key) {
        double kb = 0;
        if (key == "VmRSS:" && status >> kb)
            rss = kb * 1024;
        else if (key == "VmHWM:" && status >> kb)
            hwm = kb * 1024;
    }
    return {rss, hwm};
}

int generate(const char* path, long rows)
{
    const auto start = std::chrono::steady_clock::now();
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::vector<double> x(static_cast<std::size_t>(rows)), y(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        x[i] = uniform(rng);
        y[i] = 1.0 + 2.0 * x[i] + 0.1 * normal(rng);
    }
    const CsvColumnData columns[] = {{"x", x}, {"y", y}};
    auto written = writeCsvFile(path, columns);
    if (!written) {
        std::fprintf(stderr, "%s\n", written.error().message.c_str());
        return 1;
    }
    std::printf("rows %ld\nfile_mb %.1f\nwrite_s %.3f\n", rows, written.value() / 1e6, seconds(start));
    return 0;
}

int read(const char* path, int repeats, unsigned threads)
{
    CsvReadOptions options;
    options.threads = threads;
    const double baseline = residentBytes().first;
    double best = 1e300, bytes = 0, dataBytes = 0;
    long rows = 0;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        auto result = readCsvFile(path, options);
        const double s = seconds(start);
        if (!result) {
            std::fprintf(stderr, "%s\n", result.error().message.c_str());
            return 1;
        }
        const Dataset& d = result.value().dataset;
        rows = static_cast<long>(d.rows());
        dataBytes = static_cast<double>((d.x.size() + d.y.size()) * sizeof(double));
        best = std::min(best, s);
    }
    std::ifstream file(path, std::ios::binary | std::ios::ate);
    bytes = static_cast<double>(file.tellg());
    const double peak = residentBytes().second - baseline;
    std::printf("gradlab_rows %ld\ngradlab_read_s %.3f\ngradlab_mb_per_s %.1f\n", rows, best, bytes / 1e6 / best);
    std::printf("gradlab_data_mb %.1f\ngradlab_peak_rss_mb %.1f\ngradlab_peak_over_data %.2f\n", dataBytes / 1e6, peak / 1e6,
                peak / dataBytes);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc > 2 ? argv[1] : "";
    if (mode == "generate")
        return generate(argv[2], argc > 3 ? std::atol(argv[3]) : 10'000'000L);
    if (mode == "read")
        return read(argv[2], argc > 3 ? std::atoi(argv[3]) : 3, argc > 4 ? static_cast<unsigned>(std::atoi(argv[4])) : 0);
    std::fprintf(stderr, "usage: bench_csv generate FILE [ROWS] | bench_csv read FILE [REPEATS] [THREADS]\n");
    return 2;
}
