#!/usr/bin/env bash
# Runs GradLab's engine benchmark and, when Debian's python3-torch is installed, the identical
# work in PyTorch, in one run, and prints both with their ratio (PyTorch time / GradLab time).
#   tests/model/engine/run_engine_bench.sh [build-dir]     (default: build-bench, configured in Release)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=${1:-$root/build-bench}
if [ ! -x "$build/tests/model/engine/bench_engine" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DGRADLAB_BUILD_TESTS=ON >/dev/null
    cmake --build "$build" --target bench_engine --parallel >/dev/null
fi
engine=$("$build/tests/model/engine/bench_engine" "$root/tests/reference")
echo "$engine"
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    echo "python3-torch is not installed: no PyTorch comparison (apt-get install python3-torch)"
    exit 0
fi
torch=$(/usr/bin/python3 "$here/fixtures/bench_torch.py")
echo "$torch"
value() { echo "$1" | awk -v k="$2" '$1 == k { print $2 }'; }
awk -v e="$(value "$engine" engine_tutorial_ms)" -v t="$(value "$torch" torch_tutorial_ms)" \
    'BEGIN { printf "tutorial (80 samples, 1000 epochs): GradLab %.2f ms, PyTorch %.2f ms, %.1fx faster\n", e, t, t / e }'
awk -v e="$(value "$engine" engine_large_epoch_ms)" -v t="$(value "$torch" torch_large_epoch_ms)" \
    'BEGIN { printf "10M samples, one epoch: GradLab %.2f ms, PyTorch %.2f ms, %.1fx faster\n", e, t, t / e }'
