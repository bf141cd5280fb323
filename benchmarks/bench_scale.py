"""`argmap check` on maps of 10,000, 100,000 and 1,000,000 claims: time, CPU and memory.

    python benchmarks/bench_scale.py                  # 10,000, 100,000 and 1,000,000 claims
    python benchmarks/bench_scale.py 10000 100000     # other sizes (claims; relations = 1.5 × claims)
    python benchmarks/bench_scale.py --runs 3         # best of three runs of each command

For each size it writes the map of ``benchmarks/generate.py`` to a scratch
folder and runs, each command in a fresh process (so that the peak memory
is that command's own):

- *floor*: pure Python reading the same file and matching one regular
  expression per line (``text.split("\\n")``, then ``match`` on each line):
  what any Python tool must at least spend;
- *check*: the whole ``argmap check FILE`` command, start-up and printing
  of the diagnostics included (output thrown away);
- *stages* (in one process): reading (``argmap.read_file``: text to model),
  checking (``argmap.check``) and formatting the diagnostics.

It prints wall-clock and CPU seconds and the peak resident memory the
operating system reports (``ru_maxrss``), the ratio of ``argmap check`` to
the floor, and per size step how much time and memory grew (10 per tenfold
size is linear growth).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

FLOOR = r"""
import re, sys
pattern = re.compile(r"[ \t]*(\w+)")
text = open(sys.argv[1], encoding="utf-8").read()
for line in text.split("\n"):
    pattern.match(line)
"""

STAGES = r"""
import json, sys, time
t0 = time.perf_counter(), time.process_time()
import argmap
from argmap.diagnostics import format_diagnostic
from argmap._linebreaks import SourceLines
t1 = time.perf_counter(), time.process_time()
from argmap.reading import read_file
m, text, diagnostics = read_file(sys.argv[1])
t2 = time.perf_counter(), time.process_time()
found = argmap.check(m)
t3 = time.perf_counter(), time.process_time()
lines = SourceLines(text)
shown = [format_diagnostic(d, lines) for d in diagnostics + found]
t4 = time.perf_counter(), time.process_time()
def span(a, b):
    return [round(b[0] - a[0], 3), round(b[1] - a[1], 3)]
print(json.dumps({"import": span(t0, t1), "read": span(t1, t2), "check": span(t2, t3), "format": span(t3, t4),
                  "diagnostics": len(shown)}))
"""


def measure(command: list[str]) -> dict:
    """Run ``command`` in a fresh child of a fresh process: wall, CPU and peak RSS of that command alone."""
    wrapper = [sys.executable, str(Path(__file__).resolve()), "--measure", "--", *command]
    out = subprocess.run(wrapper, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def _measure_here(command: list[str]) -> None:
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.PIPE if "-c" in command else subprocess.DEVNULL)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.stdout:
        sys.stdout.write(result.stdout.decode())
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": usage.ru_utime + usage.ru_stime,
                "rss_mb": usage.ru_maxrss / 1024,
                "status": result.returncode,
            }
        )
    )


def best(command: list[str], runs: int) -> dict:
    results = [measure(command) for _ in range(runs)]
    return {
        "wall": min(r["wall"] for r in results),
        "cpu": min(r["cpu"] for r in results),
        "rss_mb": min(r["rss_mb"] for r in results),
    }


def stages(path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", STAGES, str(path)], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=1, help="best of this many runs of each command")
    parser.add_argument("--no-stages", action="store_true", help="skip the in-process breakdown")
    args = parser.parse_args()

    from generate import generate

    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average {load[0]:.1f} {load[1]:.1f}")
    print(f"{'claims':>9} {'MB':>6} | {'floor s':>7} {'cpu':>6} {'MB':>6} | {'check s':>7} {'cpu':>6} {'MB':>6} |"
          f" {'× floor wall':>12} {'× cpu':>6}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="argmap-scale-") as scratch:
        for claims in args.sizes:
            path = Path(scratch) / f"map{claims}.argmap"
            path.write_text(generate(claims, claims * 3 // 2), encoding="utf-8")
            size = path.stat().st_size / 1e6
            floor = best([sys.executable, "-c", FLOOR, str(path)], args.runs)
            check = best([sys.executable, "-m", "argmap", "check", str(path)], args.runs)
            parts = None if args.no_stages else stages(path)
            path.unlink()
            rows.append((claims, floor, check, parts))
            print(
                f"{claims:>9,} {size:>6.1f} | {floor['wall']:>7.2f} {floor['cpu']:>6.2f} {floor['rss_mb']:>6.0f} |"
                f" {check['wall']:>7.2f} {check['cpu']:>6.2f} {check['rss_mb']:>6.0f} |"
                f" {check['wall'] / floor['wall']:>12.1f} {check['cpu'] / floor['cpu']:>6.1f}",
                flush=True,
            )
    if any(parts for *_, parts in rows):
        print("\nin one process (wall s / CPU s):")
        print(f"{'claims':>9} {'import':>13} {'read':>13} {'check':>13} {'format':>13} {'diagnostics':>11}")
        for claims, _, _, parts in rows:
            cells = " ".join(f"{parts[k][0]:>6.2f}/{parts[k][1]:<6.2f}" for k in ("import", "read", "check", "format"))
            print(f"{claims:>9,} {cells} {parts['diagnostics']:>11,}")
    if len(rows) > 1:
        print("\ngrowth from one size to the next (10 per tenfold size is linear):")
        for (n0, _, c0, _), (n1, _, c1, _) in zip(rows, rows[1:]):
            print(
                f"{n0:>9,} → {n1:>9,}: size ×{n1 / n0:.0f}, wall ×{c1['wall'] / c0['wall']:.1f},"
                f" CPU ×{c1['cpu'] / c0['cpu']:.1f}, peak memory ×{c1['rss_mb'] / c0['rss_mb']:.1f}"
            )


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--measure":
        _measure_here(sys.argv[3:])
    else:
        main()
