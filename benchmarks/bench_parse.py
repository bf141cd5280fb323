"""Time parse + check of large generated maps.

    python benchmarks/bench_parse.py            # 10,000 and 100,000 claims
    python benchmarks/bench_parse.py 2000 5000   # other sizes (claims; relations = 1.5 × claims)

Prints, per size, the text size and the best of several runs of parsing
(text → model) and checking (every check of ``argmap check``), wall-clock
and CPU seconds (on a busy machine the CPU time says more), and the load.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import generate  # noqa: E402
from timing import best_of  # noqa: E402

import argmap  # noqa: E402


def main(sizes: list[int]) -> None:
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average {load:.1f}")
    print(
        f"{'claims':>8} {'relations':>9} {'MB':>6} {'parse s':>8} {'check s':>8} {'total s':>8} {'µs/claim':>9}"
        f" | {'parse CPU':>9} {'check CPU':>9} {'µs/claim':>9}"
    )
    argmap.parse("claim warm: up.\n")
    for claims in sizes:
        relations = claims * 3 // 2
        text = generate(claims, relations)
        runs = 5 if claims <= 20_000 else 2
        parse_s, m = best_of(runs, lambda: argmap.parse(text))
        check_s, diagnostics = best_of(runs, lambda: argmap.check(m))
        parse_cpu, _ = best_of(runs, lambda: argmap.parse(text), time.process_time)
        check_cpu, _ = best_of(runs, lambda: argmap.check(m), time.process_time)
        total = parse_s + check_s
        cpu = parse_cpu + check_cpu
        print(
            f"{claims:>8} {relations:>9} {len(text.encode()) / 1e6:>6.2f} {parse_s:>8.3f} {check_s:>8.3f}"
            f" {total:>8.3f} {total / claims * 1e6:>9.1f} | {parse_cpu:>9.3f} {check_cpu:>9.3f} {cpu / claims * 1e6:>9.1f}"
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
