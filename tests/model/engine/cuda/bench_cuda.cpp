// The tutorial's training loop on a large dataset on a CUDA device, against the memory floor (the
// time to read x and y once at the device's peak bandwidth) and the same loop on the CPU.
//
//   bench_cuda [--samples N] [--cpu-epochs K] [--no-cpu] [--device cuda:N] [--require-device]
//
// Output: one "key: value" line per result (see main). bench_cuda_torch.py times the same loop in
// PyTorch and prints the same keys prefixed with torch_. Without a usable device it prints
// "skip: reason" and exits 0 (2 with --require-device); a bad command line exits 3.
#include "../train_step.h"

#include "engine/autograd.h"
#include "engine/backend.h"
#include "engine/generator.h"
#include "engine/nn.h"
#include "engine/optim.h"
#include "engine/tensor.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

using namespace gradlab;

namespace {

void usage(std::FILE* to)
{
    std::fputs("usage: bench_cuda [--samples N] [--cpu-epochs K] [--no-cpu] [--device cuda:N] [--require-device]\n"
               "  --samples N       dataset size (default 100000000)\n"
               "  --cpu-epochs K    timed epochs on the CPU after one warm-up (default 1)\n"
               "  --no-cpu          skip the CPU run\n"
               "  --device D        the CUDA device (default cuda:0)\n"
               "  --require-device  exit 2 instead of 0 when the device cannot be used\n",
               to);
}

bool parseCount(const char* text, std::int64_t& out)
{
    const std::string s = text;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && out > 0;
}

struct Timing {
    std::vector<double> ms;
    double firstLoss = 0.0, lastLoss = 0.0, a = 0.0, b = 0.0;
    double median() const
    {
        std::vector<double> v = ms;
        std::sort(v.begin(), v.end());
        const std::size_t n = v.size();
        return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
    double min() const { return *std::min_element(ms.begin(), ms.end()); }
};

// The tutorial's training loop: model a + b·x (a, b from torch.manual_seed(42)), nn.MSELoss,
// optim.SGD lr 0.1, one full-batch step per epoch.
Timing run(Device device, const Tensor& xCpu, const Tensor& yCpu, int warmup, int timed)
{
    const Tensor x = xCpu.to(device);
    const Tensor y = yCpu.to(device);
    Generator seed(42);
    ManualLinearRegression model(DType::Float32, &seed);
    model.to(device);
    SGD optimizer(model.parameters(), SGDOptions{0.1});
    const Loss lossFn = MSELoss();
    const auto trainStep = makeTrainStep(model, lossFn, optimizer);
    auto epoch = [&] { return trainStep(x, y); };
    Timing t;
    for (int i = 0; i < warmup; ++i) {
        const double loss = epoch();
        if (i == 0)
            t.firstLoss = loss;
    }
    for (int i = 0; i < timed; ++i) {
        synchronize(device);
        const auto start = std::chrono::steady_clock::now();
        t.lastLoss = epoch();
        synchronize(device);
        t.ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    t.a = model.a().item();
    t.b = model.b().item();
    return t;
}

} // namespace

int main(int argc, char** argv)
{
    std::int64_t samples = 100'000'000, cpuEpochs = 1;
    bool cpu = true, requireDevice = false;
    Device device = Device::cuda(0);
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--samples" && i + 1 < argc) {
            if (!parseCount(argv[++i], samples)) {
                std::fprintf(stderr, "bench_cuda: --samples needs a positive whole number, got '%s'\n", argv[i]);
                return 3;
            }
        } else if (arg == "--cpu-epochs" && i + 1 < argc) {
            if (!parseCount(argv[++i], cpuEpochs)) {
                std::fprintf(stderr, "bench_cuda: --cpu-epochs needs a positive whole number, got '%s'\n", argv[i]);
                return 3;
            }
        } else if (arg == "--no-cpu") {
            cpu = false;
        } else if (arg == "--require-device") {
            requireDevice = true;
        } else if (arg == "--device" && i + 1 < argc) {
            try {
                device = Device::parse(argv[++i]);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "bench_cuda: %s\n", e.what());
                return 3;
            }
        } else if (arg == "--help" || arg == "-h") {
            usage(stdout);
            return 0;
        } else {
            std::fprintf(stderr, "bench_cuda: unknown or incomplete option '%s'\n", arg.c_str());
            usage(stderr);
            return 3;
        }
    }
    if (!device.isCuda()) {
        std::fprintf(stderr, "bench_cuda: --device must name a CUDA device (the CPU run is part of every run)\n");
        return 3;
    }

    const DeviceInfo* info = nullptr;
    const std::vector<DeviceInfo> devices = availableDevices();
    for (const DeviceInfo& d : devices)
        if (d.device == device)
            info = &d;
    if (!info || !info->usable()) {
        std::string reason = info ? info->reason : device.str() + " does not exist";
        for (const DeviceInfo& d : devices)
            if (!info && d.device.isCuda() && !d.usable())
                reason = d.reason;
        std::printf("skip: %s\n", reason.c_str());
        return requireDevice ? 2 : 0;
    }

    constexpr int kWarmup = 3, kTimed = 20;
    try {
        // The data, drawn on the CPU as the PyTorch script draws it.
        Tensor x, y;
        {
            NoGradGuard noGrad;
            Generator g(42);
            const TensorOptions f32 = TensorOptions{}.withDType(DType::Float32);
            x = rand(Shape{samples, 1}, f32, &g);
            y = 1.0 + 2.0 * x + 0.1 * randn(Shape{samples, 1}, f32, &g);
        }
        std::printf("device: %s\n", info->name.c_str());
        std::printf("device_id: %s\n", device.str().c_str());
        std::printf("samples: %lld\n", static_cast<long long>(samples));
        std::printf("dtype: float32\n");
        std::printf("warmup_epochs: %d\n", kWarmup);
        std::printf("timed_epochs: %d\n", kTimed);
        std::fflush(stdout);

        const Timing gpu = run(device, x, y, kWarmup, kTimed);
        const double bytes = static_cast<double>(x.numel() + y.numel()) * sizeof(float);
        const double bandwidth = memoryBandwidth(device);
        std::printf("gpu_epoch_ms_median: %.4f\n", gpu.median());
        std::printf("gpu_epoch_ms_min: %.4f\n", gpu.min());
        std::printf("gpu_first_loss: %.9g\n", gpu.firstLoss);
        std::printf("gpu_last_loss: %.9g\n", gpu.lastLoss);
        std::printf("gpu_a: %.9g\n", gpu.a);
        std::printf("gpu_b: %.9g\n", gpu.b);
        std::printf("bytes_x_plus_y: %.0f\n", bytes);
        if (bandwidth > 0.0) {
            const double floor = bytes / bandwidth * 1e3;
            std::printf("memory_bandwidth_gb_s: %.1f\n", bandwidth / 1e9);
            std::printf("floor_ms: %.4f\n", floor);
            std::printf("ratio_to_floor: %.3f\n", gpu.median() / floor);
        } else {
            std::printf("memory_bandwidth_gb_s: unknown\n");
            std::printf("floor_ms: unknown\n");
            std::printf("ratio_to_floor: unknown\n");
        }
        std::fflush(stdout);

        if (cpu) {
            const Timing host = run(Device::cpu(), x, y, 1, static_cast<int>(cpuEpochs));
            std::printf("cpu_epochs: %lld\n", static_cast<long long>(cpuEpochs));
            std::printf("cpu_epoch_ms: %.4f\n", host.median());
            std::printf("cpu_first_loss: %.9g\n", host.firstLoss);
            std::printf("speedup_vs_cpu: %.2f\n", host.median() / gpu.median());
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_cuda: %s\n", e.what());
        return 1;
    }
    return 0;
}
