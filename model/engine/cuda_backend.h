// Internal to the engine: the CUDA kernel table (backend_cuda.cu) as backend.cpp and the deferred
// storages reach it. Only compiled with GRADLAB_HAVE_CUDA.
#pragma once

#include "backend.h"

namespace gradlab::cuda {

// The kernel table of device `index`, created on first use.
Backend& backend(int index);
// Computes a deferred storage on a CUDA device (see Storage::pending).
void materialize(Storage& storage);

} // namespace gradlab::cuda
