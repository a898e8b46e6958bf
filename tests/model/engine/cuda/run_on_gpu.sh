#!/usr/bin/env bash
# On a machine with an NVIDIA GPU: builds the engine alone (no Qt needed) with CUDA, runs every
# CUDA check against the CPU, then the GPU benchmark (the tutorial's model on 100 million
# samples, one epoch, against the memory floor and the CPU) and, when PyTorch with CUDA is
# there, the same loop in PyTorch. Takes a few minutes; prints a summary table last.
#
#   tests/model/engine/cuda/run_on_gpu.sh [--samples N] [--build DIR]
#
# Needs CMake, a C++20 compiler with OpenMP, the CUDA toolkit (nvcc, cuBLAS, NVRTC) and Eigen 3.4
# headers: /usr/include/eigen3, or EIGEN3_INCLUDE_DIR, or a copy in build-gpu-eigen/eigen3 (for a
# machine where nothing can be installed: `mkdir -p build-gpu-eigen && cp -r /usr/include/eigen3
# build-gpu-eigen/` on a machine that has it, and bring that folder along).
set -uo pipefail

src=$(cd "$(dirname "$0")/../../../.." && pwd)
build="$src/build-gpu"
samples=100000000
while [ $# -gt 0 ]; do
    case "$1" in
    --samples) samples="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    *) echo "usage: $0 [--samples N] [--build DIR]" >&2; exit 3 ;;
    esac
done

eigen="${EIGEN3_INCLUDE_DIR:-}"
for candidate in "$eigen" /usr/include/eigen3 "$src/build-gpu-eigen/eigen3"; do
    if [ -n "$candidate" ] && [ -f "$candidate/Eigen/Core" ]; then eigen="$candidate"; break; fi
done
if [ ! -f "$eigen/Eigen/Core" ]; then
    echo "Eigen 3.4 headers not found: set EIGEN3_INCLUDE_DIR or copy them to build-gpu-eigen/eigen3" >&2
    exit 3
fi
export PATH="$PATH:/usr/local/cuda/bin"

begin=$(date +%s)
echo "== GPU"
nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.memory --format=csv,noheader 2>&1 || true
echo "== build (engine only, CUDA, native architecture)"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
start=$(date +%s)
cmake -S "$src" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DGRADLAB_ENGINE_ONLY=ON -DGRADLAB_CUDA=ON \
    -DCMAKE_CUDA_ARCHITECTURES="${CUDA_ARCHITECTURES:-native}" -DEIGEN3_INCLUDE_DIR="$eigen" >"$build.configure.log" 2>&1 \
    || { cat "$build.configure.log"; exit 1; }
cmake --build "$build" -j"$(nproc)" --target cuda_check bench_cuda 2>&1 | tail -n 20
[ "${PIPESTATUS[0]}" -eq 0 ] || exit 1
echo "built in $(( $(date +%s) - start )) s"

bin="$build/tests/model/engine/cuda"
echo "== CUDA checks (each op and its gradient against the CPU)"
"$bin/cuda_check" --require-device | tee "$build/cuda_check.log" | grep -v '^PASS'
checks=${PIPESTATUS[0]}
summary_checks=$(grep '^summary:' "$build/cuda_check.log" || echo "summary: none")
echo "== the same checks with fusion off (one kernel per operation)"
GRADLAB_CUDA_FUSION=off "$bin/cuda_check" --require-device | tee "$build/cuda_check_unfused.log" | grep -v '^PASS'
checks_unfused=${PIPESTATUS[0]}
summary_unfused=$(grep '^summary:' "$build/cuda_check_unfused.log" || echo "summary: none")
echo "== the same checks deferred but computed without fused kernels (the fallback when NVRTC fails)"
GRADLAB_CUDA_FUSION=eager "$bin/cuda_check" --require-device | tee "$build/cuda_check_eager.log" | grep -v '^PASS'
checks_eager=${PIPESTATUS[0]}
summary_eager=$(grep '^summary:' "$build/cuda_check_eager.log" || echo "summary: none")

# Code that has never met a GPU before: let compute-sanitizer look for out-of-bounds accesses
# while the large checks run (fused and ordinary kernels, copies, cuBLAS; skipped where the tool
# is missing; capped at 100 s).
sanitizer=skipped
if command -v compute-sanitizer >/dev/null; then
    echo "== compute-sanitizer memcheck over the large checks"
    if timeout 100 compute-sanitizer --tool memcheck --error-exitcode 9 --print-limit 20 "$bin/cuda_check" --require-device \
        --filter large/ >"$build/sanitizer.log" 2>&1; then
        sanitizer="no errors"
    else
        sanitizer="errors or time out (exit $?), see below"
        grep -v '^PASS' "$build/sanitizer.log" | tail -n 40
    fi
fi

echo "== GradLab benchmark"
"$bin/bench_cuda" --samples "$samples" --require-device | tee "$build/bench.log"
bench=${PIPESTATUS[0]}

echo "== GradLab benchmark with fusion off"
GRADLAB_CUDA_FUSION=off "$bin/bench_cuda" --samples "$samples" --no-cpu --require-device | tee "$build/bench_unfused.log"

echo "== PyTorch, same loop"
torch=skipped
if python3 -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)' 2>/dev/null; then
    python3 "$src/tests/model/engine/cuda/bench_cuda_torch.py" --samples "$samples" | tee "$build/torch.log"
    torch=ran
else
    echo "PyTorch with CUDA is not available here: no comparison"
fi

value() { grep "^$1:" "$2" 2>/dev/null | head -n 1 | sed 's/^[^:]*: *//'; }
ours=$(value gpu_epoch_ms_median "$build/bench.log")
echo
echo "== summary"
echo "device:              $(value device "$build/bench.log")"
echo "checks:              $summary_checks"
echo "checks, no fusion:   $summary_unfused"
echo "checks, fallback:    $summary_eager"
echo "memcheck:            $sanitizer"
echo "samples:             $samples (float32, one full-batch epoch)"
echo "GradLab epoch:       ${ours:-?} ms (median), floor $(value floor_ms "$build/bench.log") ms at $(value memory_bandwidth_gb_s "$build/bench.log") GB/s, ratio $(value ratio_to_floor "$build/bench.log")"
echo "GradLab, no fusion:  $(value gpu_epoch_ms_median "$build/bench_unfused.log") ms (median), ratio to floor $(value ratio_to_floor "$build/bench_unfused.log")"
echo "CPU epoch:           $(value cpu_epoch_ms "$build/bench.log") ms ($(nproc) cores), GPU speed-up $(value speedup_vs_cpu "$build/bench.log")"
if [ "$torch" = ran ]; then
    theirs=$(value torch_epoch_ms_median "$build/torch.log")
    echo "PyTorch epoch:       ${theirs:-?} ms (median, torch $(value torch_version "$build/torch.log"))"
    if [ -n "$ours" ] && [ -n "$theirs" ]; then
        echo "PyTorch / GradLab:   $(python3 -c "print(f'{$theirs / $ours:.2f}')")"
    fi
fi
echo "took:                $(( $(date +%s) - begin )) s"
[ "$checks" -eq 0 ] && [ "$checks_unfused" -eq 0 ] && [ "$checks_eager" -eq 0 ] && [ "$bench" -eq 0 ]
