#!/usr/bin/env bash
# How responsive the window stays while it trains: builds bench_window_stall in Release and runs
# it in a real X server (Xvfb). It prints, per run, the longest time the window's event loop was
# blocked (goal: under 50 ms) and the 99th percentile, beside the same measure for the idle window.
#   tests/app/run_stall_bench.sh [build-dir] [--quick]      (default: build-bench)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build-bench}
shift || true
if [ ! -x "$build/tests/app/bench_window_stall" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build" --target bench_window_stall --parallel >/dev/null
fi
if ! command -v xvfb-run >/dev/null; then
    echo "xvfb-run is not installed (apt-get install xvfb xauth): measuring off screen instead"
    QT_QPA_PLATFORM=offscreen "$build/tests/app/bench_window_stall" "$@"
    exit 0
fi
# Its own settings folder: the user's saved window layout does not change the measurement.
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT
XDG_CONFIG_HOME="$config" xvfb-run -a -s "-screen 0 1600x1000x24" "$build/tests/app/bench_window_stall" "$@" 2>&1 | grep -v XDG_RUNTIME_DIR
