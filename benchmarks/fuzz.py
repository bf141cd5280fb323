"""Fuzz argmap: generated maps, mutated examples and random bytes through
every stage, each input under a time limit.

    python benchmarks/fuzz.py                                  # 100,000 inputs, seed 1, 2 jobs
    python benchmarks/fuzz.py --inputs 5000 --seed 7 --jobs 2 --time-limit 5
    python benchmarks/fuzz.py --inputs 2000 --no-timing        # no time outliers, no scaling probes
    python benchmarks/fuzz.py --inputs 0                       # the scaling probes alone

Inputs: maps written by the language's rules (claims, implicit claims,
sources, quotes, linked and named supports, rebuttals, contradictions,
undercuts, positions, groups, nested outlines, comments anywhere, odd
Unicode and white space, very long ids and texts, source files that are
devices, FIFOs or links out of the folder), the bundled examples mutated,
random bytes, and MapBuilder code with hostile values. Input i of seed s is
always the same bytes.

Per input: reading never raises; printed diagnostics never raise and show
the line they name; every refusal (ParseError, ModelError, MapError,
TooManyExtensions) survives pickling; on a map without syntax errors
formatting keeps every comment, reads back as the same map and is
idempotent; on a map without errors every semantics and support mode, the
essay plan and the DOT source never raise (on a map with errors they may
only refuse with a ValueError); on every sixth input the commands exit with
0 or 1 and ``fmt`` leaves a file with errors alone. A hang (beyond
``--time-limit`` seconds of wall clock) is a failure, and so (unless
``--no-timing``) is an input whose CPU time per KB is far above the median,
and a scaling probe whose CPU time grows faster than its input. Prints
counts per generator and check, the throughput and each distinct failure
(by check, exception type and where it was raised) with a minimized
reproducer; exits with 1 on any failure. The parts are in benchmarks/fuzzing/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fuzzing.runner import Options, format_report, run, save  # noqa: E402

__all__ = ["Options", "run", "format_report", "main"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fuzz.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="how many inputs (default 100,000)")
    parser.add_argument("--seed", type=int, default=1, help="the run's seed; input i of seed s is always the same")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--time-limit", type=float, default=5.0, help="seconds per input before it counts as a hang")
    parser.add_argument("--no-timing", action="store_true", help="skip time outliers and the scaling probes")
    parser.add_argument("--shallow", action="store_true", help="only read, check and print diagnostics")
    parser.add_argument("--minimize-seconds", type=float, default=10.0, help="time to minimize each failure (0: none)")
    parser.add_argument("--save", type=Path, help="write each failure's input and reproducer into this folder")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    options = Options(
        inputs=args.inputs,
        seed=args.seed,
        jobs=args.jobs,
        time_limit=args.time_limit,
        deep=not args.shallow,
        timing=not args.no_timing,
        minimize_seconds=args.minimize_seconds,
        progress=None if args.quiet else (lambda line: print(line, file=sys.stderr, flush=True)),
    )
    report = run(options)
    print(format_report(report))
    if args.save and report.findings:
        save(report, args.save)
        print(f"reproducers written to {args.save}")
    return 1 if report.findings else 0


if __name__ == "__main__":
    sys.exit(main())
