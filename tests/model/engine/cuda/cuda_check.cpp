// The checks of cuda_checks.h as a plain program, for GPU machines without Qt.
//
//   cuda_check [--device cpu|cuda|cuda:N] [--require-device] [--filter TEXT] [--list] [--help]
//
// Prints "PASS name", "FAIL name: message" or "SKIP name: reason" per check and a summary line;
// when the target device cannot be used, "SKIP: reason" alone. Exit status: 0 when every check
// that ran passed, 1 on any failure, 2 when the device is missing and --require-device was given,
// 3 on a bad command line. `--device cpu` runs every check with the CPU as the target (CPU against
// CPU), which proves the harness on machines without a GPU.
#include "cuda_checks.h"

#include "engine/backend.h"

#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

using namespace gradlab;

namespace {

void usage(std::FILE* to)
{
    std::fputs("usage: cuda_check [--device cpu|cuda|cuda:N] [--require-device] [--filter TEXT] [--list] [--help]\n"
               "  --device D        target device (default cuda:0); cpu runs every check CPU against CPU\n"
               "  --require-device  exit 2 instead of 0 when the target device cannot be used\n"
               "  --filter TEXT     run only the checks whose name contains TEXT\n"
               "  --list            print the check names and exit\n",
               to);
}

// Empty when `device` can run the checks; otherwise why not.
std::string unusableReason(Device device)
{
    if (device.isCpu())
        return {};
    for (const DeviceInfo& info : availableDevices())
        if (info.device == device)
            return info.usable() ? std::string() : info.reason;
    const std::string reason = cudacheck::skipReason();
    return reason.empty() ? device.str() + " does not exist" : reason;
}

} // namespace

int main(int argc, char** argv)
{
    Device target = Device::cuda(0);
    bool requireDevice = false, list = false;
    std::string filter;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--device" && i + 1 < argc) {
            try {
                target = Device::parse(argv[++i]);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "cuda_check: %s\n", e.what());
                return 3;
            }
        } else if (arg == "--require-device") {
            requireDevice = true;
        } else if (arg == "--filter" && i + 1 < argc) {
            filter = argv[++i];
        } else if (arg == "--list") {
            list = true;
        } else if (arg == "--help" || arg == "-h") {
            usage(stdout);
            return 0;
        } else {
            std::fprintf(stderr, "cuda_check: unknown or incomplete option '%s'\n", arg.c_str());
            usage(stderr);
            return 3;
        }
    }

    const std::vector<cudacheck::Check> all = cudacheck::checks();
    if (list) {
        for (const cudacheck::Check& c : all)
            std::printf("%s\n", c.name.c_str());
        return 0;
    }

    const std::string reason = unusableReason(target);
    if (!reason.empty()) {
        std::printf("SKIP: %s\n", reason.c_str());
        return requireDevice ? 2 : 0;
    }

    int passed = 0, failed = 0, skipped = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const cudacheck::Check& c : all) {
        if (!filter.empty() && c.name.find(filter) == std::string::npos)
            continue;
        try {
            c.run(target);
            std::printf("PASS %s\n", c.name.c_str());
            ++passed;
        } catch (const cudacheck::Skipped& e) {
            std::printf("SKIP %s: %s\n", c.name.c_str(), e.what());
            ++skipped;
        } catch (const std::exception& e) {
            std::printf("FAIL %s: %s\n", c.name.c_str(), e.what());
            ++failed;
        }
        std::fflush(stdout);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("summary: %d passed, %d failed, %d skipped on %s in %.1f s\n", passed, failed, skipped,
                target.str().c_str(), seconds);
    return failed ? 1 : 0;
}
