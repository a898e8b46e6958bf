#include "backend.h"

#ifdef GRADLAB_HAVE_CUDA
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

std::vector<DeviceInfo> availableDevices()
{
    std::vector<DeviceInfo> out;
    using S = DeviceInfo::Status;
    out.push_back({Device::cpu(), "CPU", 0, S::Usable, {}});
#ifdef GRADLAB_HAVE_CUDA
    int count = 0;
    const cudaError_t err = cudaGetDeviceCount(&count);
    if (err != cudaSuccess) {
        if (err == cudaErrorNoDevice)
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
        cudaGetDeviceProperties(&prop, i);
        out.push_back({Device::cuda(i), prop.name, static_cast<std::uint64_t>(prop.totalGlobalMem), S::NoKernels,
                       "this version of GradLab has no CUDA kernels yet"});
    }
#else
    out.push_back({Device::cuda(0), "CUDA", 0, S::BuiltWithoutCuda, "GradLab was built without CUDA"});
#endif
    return out;
}

void synchronize(Device device)
{
#ifdef GRADLAB_HAVE_CUDA
    if (device.isCuda() && cudaSetDevice(device.index) == cudaSuccess)
        cudaDeviceSynchronize();
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
    for (const DeviceInfo& info : availableDevices()) {
        if (info.device == device && !info.usable())
            throw EngineError("cannot use " + device.str() + ": " + info.reason);
    }
    throw EngineError("cannot use " + device.str() + ": no such device");
}

} // namespace gradlab
