"""Where the time of parse + check + DOT goes, stage by stage, in fresh processes.

    .venv/bin/python benchmarks/bench_pipeline.py [CLAIMS] [RUNS]

The process is bench_argdown.py's ARGMAP_PIPELINE (read a generated map of
CLAIMS claims, default 10,000, every check, ``argmap.render`` to DOT), with
the wall-clock time taken around each stage: importing argmap's reading
modules, reading, checking (its imports included), importing the renderer,
writing DOT, and what is left of the whole process (the interpreter's
start and its exit). RUNS fresh processes (default 9); the median of each
stage is shown. docs/performance.md ("Against Argdown") has the figures.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import generate
from processes import compile_argmap, load, machine

STAGES = r"""
import json, sys, time
t = [time.perf_counter()]
import argmap, argmap.reading, argmap.diagnostics
t.append(time.perf_counter())
with open(sys.argv[1], encoding="utf-8") as f:
    text = f.read()
m, diagnostics = argmap.read(text, sys.argv[1])
t.append(time.perf_counter())
diagnostics += argmap.check(m)
t.append(time.perf_counter())
import argmap.render.graph
t.append(time.perf_counter())
argmap.render(m, sys.argv[2])
t.append(time.perf_counter())
print(json.dumps([b - a for a, b in zip(t, t[1:])]))
"""

NAMES = ("imports", "reading", "checking", "importing the renderer", "writing DOT")


def main() -> None:
    claims = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    compile_argmap()
    print(machine())
    print(f"load average: {load()}")
    with tempfile.TemporaryDirectory() as folder:
        source, out = Path(folder) / "m.argmap", Path(folder) / "m.dot"
        source.write_text(generate(claims, claims * 3 // 2), "utf-8")
        rows = []
        for _ in range(runs):
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", STAGES, str(source), str(out)], capture_output=True, text=True, check=True)
            whole = time.perf_counter() - start
            stages = json.loads(done.stdout)
            rows.append(stages + [whole - sum(stages), whole])
    print(f"{claims:,} claims, {claims * 3 // 2:,} relations; median of {runs} fresh processes (wall-clock s)")
    for k, name in enumerate(NAMES + ("start and exit of the interpreter", "whole process")):
        print(f"  {name:<36} {statistics.median(row[k] for row in rows):.3f}")


if __name__ == "__main__":
    main()
