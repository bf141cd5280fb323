"""`argmap.check` and printing its diagnostics on one generated map, best of several runs.

    python benchmarks/bench_checks.py                    # 1,000,000 claims, best of 3
    python benchmarks/bench_checks.py 100000 --runs 5

The map of ``benchmarks/generate.py`` (relations = 1.5 × claims) is written
to a scratch folder and read once; then, each run, ``argmap.check`` on it
and ``print_diagnostics`` (what ``argmap check`` prints, to ``/dev/null``),
with the cycle collector paused as ``argmap check`` pauses it. The map's
own index of reasons and objections is dropped before each run, so that
every run pays for what the first one would. Wall-clock and CPU seconds
of the fastest run of each, and the load average before and after.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import argmap
    from argmap._nogc import no_gc
    from argmap.cli.common import print_diagnostics
    from argmap.reading import read_file
    from generate import generate

    with tempfile.TemporaryDirectory(prefix="argmap-checks-") as scratch:
        path = Path(scratch) / f"map{args.claims}.argmap"
        path.write_text(generate(args.claims, args.claims * 3 // 2), encoding="utf-8")
        with no_gc():
            m, text, read = read_file(path)
    load = os.getloadavg()
    checking, printing = [], []
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for _ in range(args.runs):
            for key in ("reasons", "objections"):
                m._index.pop(key, None)
            gc.collect()
            with no_gc():
                start = time.perf_counter(), time.process_time()
                found = argmap.check(m)
                middle = time.perf_counter(), time.process_time()
                print_diagnostics(read + found, text, sink, "en")
                end = time.perf_counter(), time.process_time()
            checking.append((middle[0] - start[0], middle[1] - start[1]))
            printing.append((end[0] - middle[0], end[1] - middle[1]))
            del found
    after = os.getloadavg()
    print(f"{args.claims:,} claims, best of {args.runs}, load average {load[0]:.1f} before, {after[0]:.1f} after")
    print(f"argmap.check:       {min(w for w, _ in checking):6.2f} s wall {min(c for _, c in checking):6.2f} s CPU")
    print(f"print_diagnostics:  {min(w for w, _ in printing):6.2f} s wall {min(c for _, c in printing):6.2f} s CPU")


if __name__ == "__main__":
    main()
