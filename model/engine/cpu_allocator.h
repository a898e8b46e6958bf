// Host memory for tensors. Large blocks are cached and reused, so that a training loop over
// millions of samples does not pay for fresh pages (and their faults) on every operation.
#pragma once

#include <cstddef>

namespace gradlab {

void* cpuAllocate(std::size_t nbytes);
void cpuDeallocate(void* p, std::size_t nbytes);
// Returns every cached block to the system.
void cpuReleaseCache();

} // namespace gradlab
