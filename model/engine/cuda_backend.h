// Internal to the engine: the CUDA kernel table (backend_cuda.cu) as backend.cpp and the deferred
// storages reach it. Only compiled with GRADLAB_HAVE_CUDA.
#pragma once

#include "backend.h"

#include <string>
#include <vector>

namespace gradlab {
struct FusedParams;
struct LazyExpr;
}

namespace gradlab::cuda {

// The kernel table of device `index`, created on first use.
Backend& backend(int index);
// Computes a deferred storage on a CUDA device (see Storage::pending).
void materialize(Storage& storage);
// Before `storage` is written in place: deferred values that read it as a one-element operand
// take a copy of its current value (on the device, without waiting); the others are computed.
void prepareWrite(Storage& storage);

// What the fusion compiles, for tests on machines without a GPU: the source of the fused kernel
// for one deferred elementwise expression or for reductions over the same values (empty when it
// cannot be fused; with the parameter block it reads, when asked), and NVRTC's machine code for it on compute capability major.minor (empty, with
// `error` set, when NVRTC fails).
std::string fusedSource(const std::vector<const LazyExpr*>& exprs, bool reductions, FusedParams* params = nullptr);
std::vector<char> compileCubin(const std::string& source, int major, int minor, std::string& error);

} // namespace gradlab::cuda
