#include "backend.h"

#ifdef GRADLAB_HAVE_CUDA
#include "cuda_backend.h"

#include <cuda_runtime_api.h>
#endif

namespace gradlab {

bool builtWithCuda()
{
#ifdef GRADLAB_HAVE_CUDA
    return true;
#else
    return false;
#endif
}

namespace {

// What the driver reports, asked once: a device appears or goes away only with a restart.
std::vector<DeviceInfo> discover()
{
    std::vector<DeviceInfo> out;
    using S = DeviceInfo::Status;
    out.push_back({Device::cpu(), "CPU", 0, S::Usable, {}});
#ifdef GRADLAB_HAVE_CUDA
    int count = 0;
    const cudaError_t err = cudaGetDeviceCount(&count);
    if (err != cudaSuccess || count == 0) {
        cudaGetLastError();
        if (err == cudaErrorNoDevice || (err == cudaSuccess && count == 0))
            out.push_back({Device::cuda(0), "CUDA", 0, S::NoDevice, "no CUDA device found"});
        else if (err == cudaErrorInsufficientDriver)
            out.push_back({Device::cuda(0), "CUDA", 0, S::NoDriver,
                           "no usable NVIDIA driver (missing, or older than the CUDA runtime)"});
        else
            out.push_back({Device::cuda(0), "CUDA", 0, S::Error, std::string("CUDA is unavailable: ") + cudaGetErrorString(err)});
        return out;
    }
    for (int i = 0; i < count; ++i) {
        cudaDeviceProp prop{};
        if (cudaGetDeviceProperties(&prop, i) != cudaSuccess) {
            cudaGetLastError();
            out.push_back({Device::cuda(i), "CUDA", 0, S::Error, "the driver could not describe this device"});
            continue;
        }
        DeviceInfo info{Device::cuda(i), prop.name, static_cast<std::uint64_t>(prop.totalGlobalMem), S::Usable, {}};
        if (prop.major < 7 || (prop.major == 7 && prop.minor < 5)) {
            info.status = S::Error;
            info.reason = "compute capability " + std::to_string(prop.major) + "." + std::to_string(prop.minor)
                          + " is older than the 7.5 (Turing) this build supports";
        }
        out.push_back(std::move(info));
    }
#else
    out.push_back({Device::cuda(0), "CUDA", 0, S::BuiltWithoutCuda, "GradLab was built without CUDA"});
#endif
    return out;
}

// Never destroyed: tensors released while the program exits still find their device.
const std::vector<DeviceInfo>& devices()
{
    static const auto* found = new std::vector<DeviceInfo>(discover());
    return *found;
}

} // namespace

std::vector<DeviceInfo> availableDevices() { return devices(); }

void synchronize(Device device)
{
#ifdef GRADLAB_HAVE_CUDA
    if (!device.isCuda())
        return;
    cudaError_t err = cudaSetDevice(device.index);
    if (err == cudaSuccess)
        err = cudaDeviceSynchronize();
    if (err != cudaSuccess) {
        cudaGetLastError();
        throw EngineError("CUDA error on " + device.str() + " while waiting for the device: " + cudaGetErrorString(err));
    }
#else
    (void)device;
#endif
}

double memoryBandwidth(Device device)
{
#ifdef GRADLAB_HAVE_CUDA
    if (!device.isCuda())
        return 0.0;
    int clockKHz = 0, busBits = 0;
    if (cudaDeviceGetAttribute(&clockKHz, cudaDevAttrMemoryClockRate, device.index) != cudaSuccess
        || cudaDeviceGetAttribute(&busBits, cudaDevAttrGlobalMemoryBusWidth, device.index) != cudaSuccess)
        return 0.0;
    // Double data rate: two transfers per clock.
    return 2.0 * clockKHz * 1e3 * (busBits / 8.0);
#else
    (void)device;
    return 0.0;
#endif
}

Backend& backendFor(Device device)
{
    if (device.isCpu())
        return cpuBackend();
    int found = 0; // CUDA devices the driver reported
    const DeviceInfo* none = nullptr; // or the entry that says why there are none
    for (const DeviceInfo& info : devices()) {
        if (!info.device.isCuda())
            continue;
        using S = DeviceInfo::Status;
        if (info.status == S::BuiltWithoutCuda || info.status == S::NoDriver || info.status == S::NoDevice) {
            none = &info;
            continue;
        }
        ++found;
        if (info.device != device)
            continue;
        if (!info.usable())
            throw EngineError("cannot use " + device.str() + ": " + info.reason);
#ifdef GRADLAB_HAVE_CUDA
        return cuda::backend(device.index);
#endif
    }
    if (found == 0 && none)
        throw EngineError("cannot use " + device.str() + ": " + none->reason);
    throw EngineError("cannot use " + device.str() + ": no such device; the CUDA devices here are cuda:0 to cuda:"
                      + std::to_string(found - 1));
}

} // namespace gradlab
