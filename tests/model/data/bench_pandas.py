#!/usr/bin/env python3
"""The pandas side of run_csv_bench.sh: times pandas.read_csv with its defaults (C engine, the
"high" float converter) on the benchmark file, best of REPEATS, and the peak memory it added.
    bench_pandas.py FILE [REPEATS]
Output: one "key value" pair per line, like bench_csv."""
import os
import resource
import sys
import time

import pandas as pd


def resident_bytes():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    size = os.path.getsize(path)
    baseline = resident_bytes()
    best, rows = float("inf"), 0
    for _ in range(repeats):
        start = time.perf_counter()
        frame = pd.read_csv(path)
        best = min(best, time.perf_counter() - start)
        rows = len(frame)
        del frame
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - baseline
    print(f"pandas_version {pd.__version__}")
    print(f"pandas_rows {rows}")
    print(f"pandas_read_s {best:.3f}")
    print(f"pandas_mb_per_s {size / 1e6 / best:.1f}")
    print(f"pandas_peak_rss_mb {peak / 1e6:.1f}")


if __name__ == "__main__":
    main()
