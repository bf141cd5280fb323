"""Start-up: `import argmap` and `argmap check` on a small map, whole process.

    .venv/bin/python benchmarks/bench_startup.py [RUNS]

Each command runs RUNS times (default 15) as a fresh process, the commands
taking turns so that the machine's load falls on all of them alike; the
table gives the best and the median wall-clock and CPU time (user + system
of the process, from os.wait4). Then, inside fresh processes, where the
time of `argmap check` goes (imports, the first parse, parsing again,
checking), and what `-X importtime` says about `import argmap`. Two runs of
`argmap check` on the small map with a misspelt keyword (a line only lark
reads) show what lark costs: with its tables from argmap's cache file, and
built from the grammar (ARGMAP_NO_CACHE=1).
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

from processes import compile_argmap, best, load, machine, measure, median

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "examples" / "phone_ban_school.argmap"
PYTHON = sys.executable
#: What `argmap check` must not load (tests/test_startup.py asserts it).
HEAVY = ("graphviz", "pypdf", "fpdf", "pysat", "argmap.render", "argmap.semantics", "argmap.sheets", "argmap.formats", "lark")

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
    compile_argmap()  # as installed: byte code written once, not compiled in every process
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
    # The small map with a misspelt keyword: lark reads that line (and reports it).
    broken = Path(scratch) / "broken.argmap"
    broken.write_text(SMALL.read_text("utf-8") + "\nhandout suports focus\n", "utf-8")
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    # lark's tables from the user's cache (written by the first run), and built each time.
    uncached = {**env, "ARGMAP_NO_CACHE": "1"}
    commands = {
        "python -c pass (the interpreter)": ([PYTHON, "-c", "pass"], env),
        'python -c "import argmap"': ([PYTHON, "-c", "import argmap"], env),
        f"argmap check {name}": ([*argmap, "check", str(SMALL)], env),
        f"argmap render {name} --format dot": ([*argmap, "render", str(SMALL), "--format", "dot", "-o", f"{scratch}/m.dot"], env),
        "argmap --help (imports every command)": ([*argmap, "--help"], env),
        "argmap check (a line for lark, cached tables)": ([*argmap, "check", str(broken)], env),
        "argmap check (a line for lark, ARGMAP_NO_CACHE=1)": ([*argmap, "check", str(broken)], uncached),
    }
    print(f"load before: {load()}")
    results: dict[str, list] = {label: [] for label in commands}
    for _ in range(runs):
        for label, (argv, environment) in commands.items():
            run = measure(argv, cwd=scratch, env=environment)
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
        print(f"  {step:<{width - 2}} {min(f[0] for f in figures):7.4f} s {min(f[1] for f in figures):7.4f} s")
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY or m.startswith(HEAVY))
    print(f"  modules loaded: {len(modules)}; of {', '.join(HEAVY)}: {', '.join(heavy) or 'none'}")

if __name__ == "__main__":
    main()
