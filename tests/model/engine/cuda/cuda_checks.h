// Checks of a compute device against the CPU: every op of ops.h forward and backward, the Tensor
// methods, the optimizers, large tensors (the fused code paths), the tutorial experiment and the
// device rules. Each check runs the same computation on the CPU and on the target device and
// throws std::runtime_error naming the element, both values and the tolerance on a mismatch.
//
// Qt-free on purpose: the checks run under Qt Test (tst_cuda) and as a plain program (cuda_check)
// on GPU machines that have no Qt.
#pragma once

#include "engine/types.h"

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace gradlab::cudacheck {

struct Check {
    std::string name;
    std::function<void(Device)> run; // throws std::runtime_error on a mismatch, Skipped when it cannot run
};

// Thrown by a check that cannot run on the given target (the device rules need a CUDA target
// beside the CPU); the message says why.
class Skipped : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::vector<Check> checks();

// Empty when availableDevices() lists a usable CUDA device; otherwise the reason its CUDA entry
// gives ("GradLab was built without CUDA", "no CUDA device found", ...).
std::string skipReason();

} // namespace gradlab::cudacheck
