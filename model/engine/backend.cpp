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
    out.push_back({Device::cpu(), "CPU", 0, true, {}});
#ifdef GRADLAB_HAVE_CUDA
    int count = 0;
    const cudaError_t err = cudaGetDeviceCount(&count);
    if (err != cudaSuccess) {
        std::string reason = err == cudaErrorNoDevice ? "no CUDA device found"
                             : err == cudaErrorInsufficientDriver ? "no usable NVIDIA driver (the driver is older than the CUDA runtime or missing)"
                                                                   : std::string("CUDA is unavailable: ") + cudaGetErrorString(err);
        out.push_back({Device::cuda(0), "CUDA", 0, false, reason});
        return out;
    }
    for (int i = 0; i < count; ++i) {
        cudaDeviceProp prop{};
        cudaGetDeviceProperties(&prop, i);
        out.push_back({Device::cuda(i), prop.name, static_cast<std::uint64_t>(prop.totalGlobalMem), false,
                       "GradLab's CUDA kernels are not in this version yet; training runs on the CPU"});
    }
#else
    out.push_back({Device::cuda(0), "CUDA", 0, false, "GradLab was built without CUDA"});
#endif
    return out;
}

Backend& backendFor(Device device)
{
    if (device.isCpu())
        return cpuBackend();
    for (const DeviceInfo& info : availableDevices()) {
        if (info.device == device && !info.usable)
            throw EngineError("cannot use " + device.str() + ": " + info.reason);
    }
    throw EngineError("cannot use " + device.str() + ": no such device");
}

} // namespace gradlab
