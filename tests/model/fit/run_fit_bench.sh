#!/usr/bin/env bash
# Runs GradLab's closed-form fit and numpy.linalg.lstsq on the same data (10 million rows × 8
# features by default) in one run, checks that they agree to 1e-9, and prints both times with
# their ratio (NumPy time / GradLab time).
#   tests/model/fit/run_fit_bench.sh [build-dir] [rows] [features] [repetitions]   (default build-bench, Release)
# Each time is a median of `repetitions` runs (default: GradLab 5, NumPy 3, after a warm-up); for
# wide problems, where one fit takes seconds, 1 times a single run of each without warm-up:
#   tests/model/fit/run_fit_bench.sh build-bench 3000 1000 1
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=${1:-$root/build-bench}
rows=${2:-10000000}
features=${3:-8}
repetitions=${4:-}
if [ ! -x "$build/tests/model/fit/bench_fit" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DGRADLAB_BUILD_TESTS=ON >/dev/null
    cmake --build "$build" --target bench_fit --parallel >/dev/null
fi
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
/usr/bin/python3 "$here/fixtures/bench_numpy.py" generate "$data" "$rows" "$features"
gradlab=$("$build/tests/model/fit/bench_fit" "$data" "$rows" "$features" $repetitions)
echo "$gradlab"
# This machine's docs: OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE (set for older OpenBLAS builds) slow a
# current numpy, so they are unset together, for this command alone.
numpy=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$here/fixtures/bench_numpy.py" solve "$data" "$rows" "$features" $repetitions)
echo "$numpy"
value() { echo "$1" | awk -v k="$2" '$1 == k { print $2 }'; }
awk -v g="$(value "$gradlab" gradlab_fit_ms)" -v c="$(value "$gradlab" gradlab_coefficients_ms)" \
    -v o="$(value "$gradlab" gradlab_fit_1thread_ms)" -v t="$(value "$gradlab" gradlab_threads)" \
    -v n="$(value "$numpy" numpy_lstsq_ms)" -v r="$rows" -v k="$features" \
    'BEGIN { printf "%d rows x %d features: numpy.linalg.lstsq %.1f ms; GradLab fit %.1f ms on %d threads (%.2fx faster), without residuals %.1f ms (%.2fx), on one thread %.1f ms (%.2fx)\n", r, k, n, g, t, n / g, c, n / c, o, n / o }'
echo "robust standard errors (HC0–HC3), one pass more: $(value "$gradlab" gradlab_sandwich_ms) ms; the normal Q–Q plot's points: $(value "$gradlab" gradlab_normal_qq_ms) ms"
difference=$(value "$numpy" max_relative_difference)
if awk -v d="$difference" 'BEGIN { exit !(d <= 1e-9) }'; then
    echo "coefficients agree: max relative difference $difference <= 1e-9"
else
    echo "coefficients DISAGREE: max relative difference $difference > 1e-9"
    exit 1
fi
