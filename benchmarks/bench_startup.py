"""Start-up: `import argmap` and `argmap check` on a small map, whole process.

    .venv/bin/python benchmarks/bench_startup.py [RUNS]

Each command runs RUNS times (default 15) as a fresh process, the commands
taking turns so that the machine's load falls on all of them alike; the
table gives the best and the median wall-clock and CPU time (user + system
of the process, from os.wait4). Then, inside fresh processes, where the
time of `argmap check` goes (imports, building lark's parser on the first
parse, parsing, checking), and what `-X importtime` says about `import argmap`.
docs/performance.md ("Start-up") has the figures.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from processes import best, load, machine, measure, median

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "examples" / "phone_ban_school.argmap"
PYTHON = sys.executable
#: What `argmap check` must not load (tests/test_startup.py asserts it).
HEAVY = ("graphviz", "pypdf", "fpdf", "pysat", "argmap.render", "argmap.semantics", "argmap.sheets", "argmap.formats")

# One fresh process: the time (wall, CPU) of each step of `argmap check SMALL`.
INSIDE = """
import json, sys, time
def now():
    return time.perf_counter(), time.process_time()
def since(t):
    w, c = now()
    return [w - t[0], c - t[1]]
t = now()
import argmap.cli, argmap.cli.check
from argmap import check, read
steps = {"imports": since(t)}
text = open(sys.argv[1], encoding="utf-8").read()
t = now(); m, _ = read(text, sys.argv[1]); steps["first parse"] = since(t)
t = now(); m, _ = read(text, sys.argv[1]); steps["parse again"] = since(t)
t = now(); check(m); steps["checks"] = since(t)
steps["modules"] = sorted(sys.modules)
print(json.dumps(steps))
"""


def argmap_command() -> list[str]:
    script = Path(PYTHON).with_name("argmap")
    return [str(script)] if script.exists() else [PYTHON, "-m", "argmap"]


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    print(f"machine: {machine()}")
    # Every process starts in an empty folder: in the repository, `python -c`
    # would import argmap from there instead of the installed one.
    with tempfile.TemporaryDirectory() as scratch:
        width = whole_processes(runs, scratch)
        inside_check(runs, scratch, width)
        times = []
        for _ in range(runs):
            done = subprocess.run(
                [PYTHON, "-X", "importtime", "-c", "import argmap"], capture_output=True, text=True, check=True, cwd=scratch
            )
            found = re.search(r"\|\s*(\d+) \| argmap$", done.stderr, re.M)
            times.append(int(found[1]) / 1e6)
    print(f"\npython -X importtime -c 'import argmap': {min(times):.4f} s (best of {runs}; cumulative time of the argmap line)")


def whole_processes(runs: int, scratch: str) -> int:
    """Print the table of whole processes; the width of its first column."""
    argmap = argmap_command()
    name = SMALL.relative_to(ROOT)
    commands = {
        "python -c pass (the interpreter)": [PYTHON, "-c", "pass"],
        'python -c "import argmap"': [PYTHON, "-c", "import argmap"],
        f"argmap check {name}": [*argmap, "check", str(SMALL)],
        f"argmap render {name} --format dot": [*argmap, "render", str(SMALL), "--format", "dot", "-o", f"{scratch}/m.dot"],
        "argmap --help (imports every command)": [*argmap, "--help"],
    }
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    print(f"load before: {load()}")
    results: dict[str, list] = {label: [] for label in commands}
    for _ in range(runs):
        for label, argv in commands.items():
            run = measure(argv, cwd=scratch, env=env)
            if run.returncode not in (0, 1):
                raise SystemExit(f"{label} failed:\n{run.output}")
            results[label].append(run)
    print(f"load after:  {load()}")
    print()
    width = max(map(len, results))
    print(f"{f'whole process, {runs} runs each':<{width}}  best wall  best CPU  median wall median CPU peak MB")
    for label, done in results.items():
        print(
            f"{label:<{width}} {best(done, 'wall'):7.3f} s {best(done, 'cpu'):7.3f} s"
            f" {median(done, 'wall'):9.3f} s {median(done, 'cpu'):9.3f} s {median(done, 'peak_mb'):6.0f}"
        )
    return width


def inside_check(runs: int, scratch: str, width: int) -> None:
    """Print where the time of `argmap check SMALL` goes, and what it loads."""
    steps: dict[str, list[list[float]]] = {}
    modules: list[str] = []
    for _ in range(runs):
        done = subprocess.run([PYTHON, "-c", INSIDE, str(SMALL)], capture_output=True, text=True, check=True, cwd=scratch)
        found = json.loads(done.stdout)
        modules = found.pop("modules")
        for step, figures in found.items():
            steps.setdefault(step, []).append(figures)
    print()
    print(f"{f'inside `argmap check {SMALL.name}`, best of {runs} processes:':<{width}}      wall       CPU")
    for step, figures in steps.items():
        label = {"first parse": "first parse (builds lark's parser)"}.get(step, step)
        print(f"  {label:<{width - 2}} {min(f[0] for f in figures):7.4f} s {min(f[1] for f in figures):7.4f} s")
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY or m.startswith(HEAVY))
    print(f"  modules loaded: {len(modules)}; of {', '.join(HEAVY)}: {', '.join(heavy) or 'none'}")

if __name__ == "__main__":
    main()
