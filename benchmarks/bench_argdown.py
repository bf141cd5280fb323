"""argmap beside Argdown: parse + check + DOT on the same maps, whole process, side by side.

    make bench-argdown          # installs Argdown's CLI when it is missing, then runs this
    .venv/bin/python benchmarks/bench_argdown.py --install [--sizes 1000,10000,100000] [--runs 5]

Argdown's command line (@argdown/cli 1.7.5, the version issue 13 measured)
is installed with npm into a scratch folder outside the repository,
~/.cache/argmap-bench/argdown (or $ARGMAP_BENCH_CACHE/argdown, or --argdown
DIR), when --install is given. Without it and without an installed Argdown
the script says how to get it and stops, so `make bench` needs no npm.

For each size, benchmarks/generate.py writes a map (1.5 relations per
claim) and argmap's own Argdown writer (`argmap.dumps(m, "argdown")`) writes
the same map in Argdown; `argdown json` reads that back, and the script
checks that Argdown finds as many statements and relations as argmap has
claims and relations. Then, taking turns in one run, each of these is run
as a fresh process:

- argmap: read, check and write DOT in one process through the Python API
  (what `argmap check FILE` and `argmap render FILE -o FILE.dot` do);
- `argmap render FILE --format dot -o OUT` (reads, reports errors, writes DOT);
- `argdown map FILE DIR --format dot`.

Medians of RUNS runs (one at 100,000 claims and more), wall-clock and CPU
(user + system of each process, from os.wait4: what getrusage's
RUSAGE_CHILDREN adds up), and peak memory. The ratio is argmap's time over
Argdown's: 0.2 means five times faster; the first two ratios are the
Python API's (parse, every check, DOT), the last two `argmap render`'s. Argdown stops with a stack overflow
in its parser on the map of 100,000 claims; the script records that.
docs/performance.md ("Against Argdown") has the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import argmap
from generate import generate
from processes import compile_argmap, load, machine, measure, median

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ARGDOWN_PACKAGE = "@argdown/cli@1.7.5"
SIZES = (1_000, 10_000, 100_000)
#: From this size on, each command runs once (a run of argmap takes many seconds).
ONCE = 100_000

# argmap's parse + check + DOT in one process, through the public API.
ARGMAP_PIPELINE = """
import sys, argmap
path, out = sys.argv[1:]
with open(path, encoding="utf-8") as f:
    text = f.read()
m, diagnostics = argmap.read(text, path)
diagnostics += argmap.check(m)
argmap.render(m, out)
"""


def scratch_folder(given: str | None) -> Path:
    if given:
        return Path(given).expanduser()
    base = os.environ.get("ARGMAP_BENCH_CACHE") or Path(os.environ.get("XDG_CACHE_HOME", "~/.cache")).expanduser() / "argmap-bench"
    return Path(base) / "argdown"


def argdown_version(folder: Path) -> str | None:
    binary = folder / "node_modules" / ".bin" / "argdown"
    if not binary.exists():
        return None
    done = subprocess.run([str(binary), "--version"], capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else None


def install(folder: Path) -> None:
    """Argdown's CLI, installed with npm into ``folder`` (never into the repository)."""
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is not installed; Argdown's CLI needs Node.js and npm (apt-get install nodejs npm)")
    if folder.resolve().is_relative_to(ROOT):
        raise SystemExit(f"{folder} is inside the repository; give a scratch folder outside it")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"installing {ARGDOWN_PACKAGE} into {folder} with npm ...", flush=True)
    subprocess.run(
        [npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund", "--loglevel=error", ARGDOWN_PACKAGE],
        check=True,
    )


def argdown_counts(argdown: str, path: Path, folder: Path) -> tuple[int, int] | str:
    """The statements and relations Argdown reads from ``path``, or why it could not."""
    run = measure([argdown, "json", str(path), str(folder)])
    result = folder / (path.stem + ".json")
    if not run.ok or not result.exists():
        return failure(run.output)
    data = json.loads(result.read_text("utf-8"))
    return len(data["statements"]), len(data["relations"])


def distinct_relations(the_map) -> int:
    """The map's relations, a relation written twice (same kind, same ends,
    same name) counted once, as Argdown counts them."""
    seen = set()
    for relation in the_map.relations:
        ends = [getattr(relation, end, None) for end in ("premises", "conclusion", "attackers", "target", "first", "second")]
        if isinstance(relation, argmap.Contradiction):
            ends = sorted(ends[4:])  # a contradiction has no direction
        seen.add((type(relation).__name__, relation.name, *ends))
    return len(seen)


def failure(output: str) -> str:
    """The line of a crashed process's output that says what went wrong."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    for line in lines:
        if "Error" in line:
            return line
    return lines[-1] if lines else "failed without a message"


def versions(argdown_at: Path) -> str:
    import graphviz
    import lark

    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    return (
        f"argmap {argmap.__version__} ({commit or 'no git'}), lark {lark.__version__}, graphviz (Python) {graphviz.__version__};"
        f" Argdown CLI {argdown_version(argdown_at)}, Node.js {node}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="argmap beside Argdown: parse + check + DOT, whole process.")
    parser.add_argument("--install", action="store_true", help=f"install {ARGDOWN_PACKAGE} with npm when it is missing")
    parser.add_argument("--argdown", metavar="DIR", help="the scratch folder of Argdown's CLI (default ~/.cache/argmap-bench/argdown)")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="claims per map, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="runs per command below 100,000 claims (the median is shown)")
    args = parser.parse_args()
    compile_argmap()  # as installed: byte code written once, not compiled in every process

    folder = scratch_folder(args.argdown)
    if argdown_version(folder) is None:
        if not args.install:
            print(f"Argdown's CLI is not installed in {folder}: `make bench-argdown` (or --install) installs it with npm.")
            return
        install(folder)
    argdown = str(folder / "node_modules" / ".bin" / "argdown")
    sizes = [int(s) for s in args.sizes.split(",")]

    print(f"machine: {machine()}")
    print(f"versions: {versions(folder)}")
    print(f"load before: {load()}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as scratch:
        work = Path(scratch)
        for claims in sizes:
            rows.append(compare(claims, args.runs if claims < ONCE else 1, argdown, work))
    print(f"load after:  {load()}")
    print()
    print(
        "| claims | relations | argmap parse + check + DOT | `argmap render` → DOT | Argdown `map` → DOT"
        " | ratio (wall) | ratio (CPU) | `render` ratio (wall) | `render` ratio (CPU) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(row)


def compare(claims: int, runs: int, argdown: str, work: Path) -> str:
    """Time the three commands on a map of ``claims`` claims; a row of the table."""
    text = generate(claims, claims * 3 // 2)
    source = work / f"m{claims}.argmap"
    source.write_text(text, "utf-8")
    the_map = argmap.parse(text)
    translated = work / f"m{claims}.argdown"
    translated.write_text(argmap.dumps(the_map, "argdown"), "utf-8")
    relations = len(the_map.relations)
    print(f"\n{claims:,} claims, {relations:,} relations ({runs} run{'s' * (runs > 1)} each)", flush=True)

    counts = argdown_counts(argdown, translated, work)
    distinct = distinct_relations(the_map)
    if isinstance(counts, str):
        print(f"  Argdown cannot read the map: {counts}")
    elif counts != (len(the_map.claims), distinct):
        raise SystemExit(
            f"Argdown reads {counts[0]} statements and {counts[1]} relations;"
            f" argmap has {len(the_map.claims)} claims and {distinct} distinct relations"
        )
    else:
        twice = f" (argmap's {relations:,} less {relations - distinct} written twice, which Argdown merges)" if distinct < relations else ""
        print(f"  Argdown reads the same map: {counts[0]:,} statements, {counts[1]:,} relations{twice}")

    commands = {
        "argmap parse + check + DOT": [PYTHON, "-c", ARGMAP_PIPELINE, str(source), str(work / "pipeline.dot")],
        "argmap render → DOT": [PYTHON, "-m", "argmap", "render", str(source), "--format", "dot", "-o", str(work / "render.dot")],
        "Argdown map → DOT": [argdown, "map", str(translated), str(work / "argdown"), "--format", "dot"],
    }
    results: dict[str, list] = {label: [] for label in commands}
    for _ in range(runs):
        for label, argv in commands.items():
            results[label].append(measure(argv, cwd=str(work)))
    cells = []
    for label, done in results.items():
        if not all(run.ok for run in done):
            why = failure(done[-1].output)
            print(f"  {label:<28} fails after {median(done, 'wall'):.2f} s wall, {median(done, 'cpu'):.2f} s CPU: {why}")
            cells.append(f"fails after {median(done, 'wall'):.1f} s: {why.split(':')[0]}")
            continue
        print(
            f"  {label:<28} {median(done, 'wall'):7.3f} s wall {median(done, 'cpu'):7.3f} s CPU"
            f" {median(done, 'peak_mb'):6.0f} MB peak"
        )
        digits = 3 if median(done, "wall") < 1 else 2
        cells.append(f"{median(done, 'wall'):.{digits}f} s / {median(done, 'cpu'):.{digits}f} s CPU")
    theirs = results["Argdown map → DOT"]
    ratios = []
    for label in ("argmap parse + check + DOT", "argmap render → DOT"):
        ours = results[label]
        if all(r.ok for r in ours) and all(r.ok for r in theirs):
            wall = median(ours, "wall") / median(theirs, "wall")
            cpu = median(ours, "cpu") / median(theirs, "cpu")
            print(f"  {label} / Argdown: {wall:.2f} wall, {cpu:.2f} CPU (Argdown takes {1 / wall:.1f}× as long)")
            ratios += [f"{wall:.2f}", f"{cpu:.2f}"]
        else:
            ratios += ["—", "—"]
    return f"| {claims:,} | {relations:,} | " + " | ".join(cells + ratios) + " |"


if __name__ == "__main__":
    main()
