#!/usr/bin/env bash
# Writes a CSV of ROWS rows (x uniform, y = 1 + 2x + 0.1·noise) with GradLab's writer, then reads
# it with GradLab's reader and, when Debian's python3-pandas is installed, with pandas.read_csv, in
# one run on the same file, and prints both speeds with their ratio.
#   tests/model/data/run_csv_bench.sh [build-dir] [rows]   (default: build-bench, 10000000 rows)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=${1:-$root/build-bench}
rows=${2:-10000000}
if [ ! -x "$build/tests/model/data/bench_csv" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DGRADLAB_BUILD_TESTS=ON >/dev/null
    cmake --build "$build" --target bench_csv --parallel >/dev/null
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/gradlab-csv-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
file=$work/bench.csv
"$build/tests/model/data/bench_csv" generate "$file" "$rows"
gradlab=$("$build/tests/model/data/bench_csv" read "$file" 3)
echo "$gradlab"
if ! /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
    echo "python3-pandas is not installed: no pandas comparison (apt-get install python3-pandas)"
    exit 0
fi
pandas=$(/usr/bin/python3 "$here/bench_pandas.py" "$file" 3)
echo "$pandas"
value() { echo "$1" | awk -v k="$2" '$1 == k { print $2 }'; }
awk -v g="$(value "$gradlab" gradlab_mb_per_s)" -v p="$(value "$pandas" pandas_mb_per_s)" -v n="$rows" \
    'BEGIN { printf "read %d rows: GradLab %.0f MB/s, pandas %.0f MB/s, %.1fx faster\n", n, g, p, g / p }'
