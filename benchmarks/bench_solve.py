"""argmap against clingo on ICCMA's reasoning tasks, on the same random frameworks.

    python benchmarks/bench_solve.py            # the full run: 504 frameworks of 100-1,000 arguments
    python benchmarks/bench_solve.py --quick    # 36 of them (every semantics on every size), a few minutes

Each framework (seeded, so every run makes the same ones) is written as i23
and as apx into a scratch folder. argmap answers SE, DC and DS for one
semantics per framework (the semantics rotate, so each gets a sixth of the
frameworks): it reads the i23 file, builds the framework and calls
``argmap.semantics`` (``some_extension``, ``credulous``, ``sceptical``).
clingo loads the apx file with an ASPARTIX-style encoding from
benchmarks/encodings/ and answers the same question in one call (semi-stable,
stage and sceptical preferred by saturation, as ASPARTIX encodes them; some
preferred extension through clingo's domain heuristic, ``--enum-mode=domRec``).
Both times include reading the file.

The answers must agree: DC and DS answers are compared; for SE both must
find an extension or both none, and clingo checks that argmap's extension
is one (a member of the semantics' extensions, maximal where the semantics
asks for it). Then a few whole-process runs of ``argmap solve`` on the i23
files, and the issue's large targets (10,000 arguments: SE-ST and DC-PR;
a million: grounded). Prints a table: per semantics and task, the median
and slowest time of each, and the largest ratio argmap/clingo on one
instance. Exit code 1 when any answer disagrees.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import clingo  # noqa: E402

from argmap.formats.iccma import apx_term, read_i23, write_apx, write_i23  # noqa: E402
from argmap.semantics import Framework, credulous, sceptical, some_extension  # noqa: E402

ENCODINGS = HERE / "encodings"
#: ICCMA abbreviation, argmap's name, the encoding, whether it needs domain-heuristic enumeration.
SEMANTICS = [
    ("CO", "complete", "complete", False),
    ("PR", "preferred", "preferred", True),
    ("ST", "stable", "stable", False),
    ("SST", "semi-stable", "semi_stable", True),
    ("STG", "stage", "stage", True),
    ("GR", "grounded", "grounded", False),
]
TASKS = ("SE", "DC", "DS")
SIZES = (100, 200, 500, 1000)
DENSITIES = (1.5, 2.0, 3.0)  # attacks per argument


def random_framework(n: int, density: float, seed: int) -> tuple[list[str], list[tuple[str, str]]]:
    """``n`` arguments ``1..n`` and ``round(n * density)`` distinct random
    attacks (self-attacks possible); a third of them are answered by a
    counter-attack, so that mutual attacks and even cycles are common."""
    rng = random.Random(seed)
    names = [str(i) for i in range(1, n + 1)]
    pairs: set[tuple[int, int]] = set()
    want = round(n * density)
    while len(pairs) < want:
        a, b = rng.randrange(n), rng.randrange(n)
        pairs.add((a, b))
        if rng.random() < 0.33 and len(pairs) < want:
            pairs.add((b, a))
    return names, [(names[a], names[b]) for a, b in sorted(pairs)]


# -- clingo ---------------------------------------------------------------------


def _control(encoding: str, maximal: bool, extra: str = "") -> clingo.Control:
    args = ["--warn=none"]
    if maximal:
        args += ["--heuristic=Domain", "--enum-mode=domRec"]
    ctl = clingo.Control(args)
    ctl.load(str(ENCODINGS / f"{encoding}.lp"))
    return ctl


#: clingo's time limit per call (seconds); a call that reaches it raises ClingoTimeout.
CLINGO_TIMEOUT = 30.0


class ClingoTimeout(Exception):
    """clingo did not answer within CLINGO_TIMEOUT."""


def _first(ctl: clingo.Control, apx: Path, extra: str) -> set[str] | None:
    """The members (in/1) of the first answer set of the loaded encoding with
    the framework ``apx`` and the rules ``extra``, or None when there is none."""
    ctl.configuration.solve.models = 1
    ctl.load(str(apx))
    if extra:
        ctl.add("base", [], extra)
    ctl.ground([("base", [])])
    found: list[set[str]] = []

    def on_model(model) -> None:
        found.append({str(s.arguments[0]) for s in model.symbols(atoms=True) if s.name == "in"})

    with ctl.solve(on_model=on_model, async_=True) as handle:
        if not handle.wait(CLINGO_TIMEOUT):
            handle.cancel()
            raise ClingoTimeout
    return found[0] if found else None


def clingo_task(sem: tuple, task: str, apx: Path, argument: str | None):
    """clingo's answer: for SE an extension or None; for DC/DS (accepted, witness or None).

    One call each: DC asks for an extension with the argument, DS for one
    without it. Semi-stable and stage use saturation encodings; preferred
    the domain heuristic for SE, complete semantics for DC (credulous
    preferred is credulous complete) and saturation for DS."""
    _, name, encoding, _maximal = sem
    decide = ""
    if task == "DC":
        decide = f":- not in({apx_term(argument)}).\n"
    elif task == "DS":
        decide = f":- in({apx_term(argument)}).\n"
    heuristic = False
    if name == "preferred":
        encoding, heuristic = {"SE": ("preferred", True), "DC": ("complete", False)}.get(
            task, ("preferred_saturation", False)
        )
    found = _first(_control(encoding, heuristic), apx, decide)
    if task == "SE":
        return found
    return (found is not None, found) if task == "DC" else (found is None, found)


_RANGE = "range(X) :- in(X).\nrange(X) :- defeated(X).\n"


def clingo_confirms(sem: tuple, apx: Path, extension: set[str]) -> bool:
    """Whether clingo agrees that ``extension`` is an extension of the semantics."""
    _, name, encoding, maximal = sem
    fixed = "".join(f"e({a})." for a in extension) + ":- in(X), not e(X).\n:- e(X), not in(X).\n"
    base = "complete" if name in ("preferred", "semi-stable") else "conflict_free" if name == "stage" else encoding
    if _first(_control(base, False), apx, fixed) is None:
        return False
    if not maximal:
        return True
    # Maximal: no extension of the base semantics with strictly more members (range).
    members = "".join(f"e({a})." for a in extension)
    if name == "preferred":
        bigger = members + ":- e(X), not in(X).\nmore :- in(X), not e(X).\n:- not more.\n"
    else:
        bigger = (
            members
            + "er(X) :- e(X).\ner(X) :- e(Y), att(Y,X).\n" + _RANGE
            + ":- er(X), not range(X).\nmore :- range(X), not er(X).\n:- not more.\n"
        )
    return _first(_control(base, False), apx, bigger) is None


# -- argmap -----------------------------------------------------------------------


def argmap_task(sem: tuple, task: str, i23: Path, argument: str | None, timeout: float):
    af, diagnostics = read_i23(i23.read_text("utf-8"), str(i23))
    assert not diagnostics, diagnostics
    ids = af.ids
    fw = Framework(ids, [(ids[a], ids[b]) for a, b in af.attacks])
    name = sem[1]
    if task == "SE":
        found = some_extension(fw, name, timeout=timeout)
        return None if found is None else set(found)
    answer = (credulous if task == "DC" else sceptical)(fw, name, argument, timeout=timeout)
    return answer.accepted, None if answer.witness is None else set(answer.witness)


def timed(work):
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


# -- the run ----------------------------------------------------------------------


def instances(count: int, stride: int = 1):
    """``count`` (n, density, seed, semantics) tuples, every size, density and
    semantics in turn; with ``stride``, every stride-th of the full run's (the
    quick run takes every 13th: each semantics on each size, a subset of the
    full run's frameworks)."""
    for i in range(0, count * stride, stride):
        n = SIZES[i % len(SIZES)]
        density = DENSITIES[(i // len(SIZES)) % len(DENSITIES)]
        sem = SEMANTICS[(i // (len(SIZES) * len(DENSITIES))) % len(SEMANTICS)]
        yield n, density, 1000 + i, sem


def run(count: int, folder: Path, timeout: float, stride: int = 1) -> tuple[list[dict], list[str], list[str]]:
    """Every task on ``count`` frameworks: the timings, the answers that
    disagree, and the tasks a solver did not finish in time."""
    rows: list[dict] = []
    problems: list[str] = []
    stopped: list[str] = []
    for n, density, seed, sem in instances(count, stride):
        names, attacks = random_framework(n, density, seed)
        stem = f"af_{n}_{density:g}_{seed}"
        i23 = folder / f"{stem}.i23"
        apx = folder / f"{stem}.apx"
        i23.write_text(write_i23(names, attacks, names=False), "utf-8")
        apx.write_text(write_apx(names, attacks), "utf-8")
        argument = random.Random(seed).choice(names)
        for task in TASKS:
            where = f"{stem} {task}-{sem[0]}" + (f" -a {argument}" if task != "SE" else "")
            query = None if task == "SE" else argument
            try:
                a_s, mine = timed(lambda: argmap_task(sem, task, i23, query, timeout))
            except TimeoutError:
                stopped.append(f"{where}: argmap stopped at its {timeout:g} s limit")
                continue
            row = {"sem": sem[0], "task": task, "n": n, "argmap": a_s, "clingo": None, "file": i23}
            rows.append(row)
            try:
                c_s, theirs = timed(lambda: clingo_task(sem, task, apx, query))
            except ClingoTimeout:
                stopped.append(f"{where}: clingo stopped at its {CLINGO_TIMEOUT:g} s limit")
                continue
            row["clingo"] = c_s
            try:
                if task == "SE":
                    if (mine is None) != (theirs is None):
                        problems.append(f"{where}: argmap {mine is not None}, clingo {theirs is not None}")
                    elif mine is not None and not clingo_confirms(sem, apx, mine):
                        problems.append(f"{where}: clingo does not confirm argmap's extension")
                elif mine[0] != theirs[0]:
                    problems.append(f"{where}: argmap {'YES' if mine[0] else 'NO'}, clingo {'YES' if theirs[0] else 'NO'}")
                elif mine[1] is not None and not clingo_confirms(sem, apx, mine[1]):
                    problems.append(f"{where}: clingo does not confirm argmap's witness")
                else:
                    row["answer"] = mine[0]
                    row["argument"] = argument
            except ClingoTimeout:
                stopped.append(f"{where}: clingo's check of argmap's extension stopped at {CLINGO_TIMEOUT:g} s")
        print(f"\r{len(rows)} tasks", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return rows, problems, stopped


def table(rows: list[dict]) -> None:
    print(f"{'task':<8} {'n':>5} {'runs':>5} {'argmap median':>14} {'argmap max':>11}"
          f" {'clingo median':>14} {'clingo max':>11} {'ratio median':>13} {'ratio max':>10}")
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        groups.setdefault((r["task"], r["sem"], r["n"]), []).append(r)
    order = {s[0]: i for i, s in enumerate(SEMANTICS)}
    for (task, sem, n), rs in sorted(groups.items(), key=lambda kv: (order[kv[0][1]], TASKS.index(kv[0][0]), kv[0][2])):
        a = [r["argmap"] for r in rs]
        answered = [r for r in rs if r["clingo"] is not None]
        c = [r["clingo"] for r in answered]
        ratio = [r["argmap"] / r["clingo"] for r in answered]
        late = len(rs) - len(answered)
        c_max = f"{max(c):>10.3f}s" if not late else f">{CLINGO_TIMEOUT:>9g}s"
        c_med = f"{statistics.median(c):>13.3f}s" if c else f"{'-':>14}"
        r_med = f"{statistics.median(ratio):>13.2f}" if ratio else f"{'-':>13}"
        r_max = f"{max(ratio):>10.2f}" if ratio else f"{'-':>10}"
        print(f"{task + '-' + sem:<8} {n:>5} {len(rs):>5} {statistics.median(a):>13.3f}s {max(a):>10.3f}s"
              f" {c_med} {c_max} {r_med} {r_max}")


def whole_process(rows: list[dict], count: int) -> list[str]:
    """``argmap solve`` as a separate process on some of the i23 files; its answers must match."""
    problems = []
    picked = [r for r in rows if "answer" in r][:count]
    times = []
    for r in picked:
        argument = r["argument"]
        command = [sys.executable, "-m", "argmap", "solve", "-p", f"{r['task']}-{r['sem']}", "-f", str(r["file"]), "-a", argument]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        times.append(time.perf_counter() - start)
        first = done.stdout.splitlines()[0] if done.stdout else ""
        if first != ("YES" if r["answer"] else "NO"):
            problems.append(f"argmap solve {' '.join(command[4:])}: {first or done.stderr.strip()}")
    if times:
        print(f"argmap solve as a process: {len(times)} runs, median {statistics.median(times):.2f} s,"
              f" slowest {max(times):.2f} s (Python start-up and import included)")
    return problems


def large(folder: Path, timeout: float, quick: bool) -> None:
    """The issue's large targets, argmap beside clingo."""
    cases = [(10_000, 2.0, "ST", "SE"), (10_000, 2.0, "PR", "DC")]
    print(f"{'large':<24} {'argmap':>9} {'clingo':>9}")
    for n, density, abbreviation, task in cases if not quick else cases[:1]:
        sem = next(s for s in SEMANTICS if s[0] == abbreviation)
        names, attacks = random_framework(n, density, 7)
        i23, apx = folder / f"large_{n}.i23", folder / f"large_{n}.apx"
        i23.write_text(write_i23(names, attacks, names=False), "utf-8")
        apx.write_text(write_apx(names, attacks), "utf-8")
        argument = None if task == "SE" else names[0]
        try:
            a_s, mine = timed(lambda: argmap_task(sem, task, i23, argument, timeout))
            a_text = f"{a_s:>8.2f}s"
        except TimeoutError:
            mine, a_text = None, f">{timeout:g}s"
        try:
            c_s, theirs = timed(lambda: clingo_task(sem, task, apx, argument))
            c_text = f"{c_s:>8.2f}s"
        except ClingoTimeout:
            theirs, c_text = None, f">{CLINGO_TIMEOUT:g}s"
        agree = ""
        if mine is not None and theirs is not None:
            same = mine[0] == theirs[0] if task != "SE" else (mine is None) == (theirs is None)
            agree = "answers agree" if same else "ANSWERS DISAGREE"
        print(f"{task}-{abbreviation} {n:,} args x{density:g} {a_text:>9} {c_text:>9}  {agree}")
    # Grounded on a million arguments: argmap solve's path (integers from the i23 file), after reading.
    n = 100_000 if quick else 1_000_000
    names, attacks = random_framework(n, 1.5, 11)
    i23 = folder / f"grounded_{n}.i23"
    i23.write_text(write_i23(names, attacks, names=False), "utf-8")
    from argmap.cli.solve import grounded_members

    from argmap._nogc import no_gc

    with no_gc():  # as argmap solve runs
        read_s, (af, _) = timed(lambda: read_i23(i23.read_text("utf-8")))
        cpu = time.process_time()
        g_s, members = timed(lambda: grounded_members(len(af), af.attacks))
        g_cpu = time.process_time() - cpu
    accepted = len(members)
    try:
        c_s, _ = timed(lambda: clingo_task(SEMANTICS[5], "SE", write_big_apx(folder, names, attacks), None))
        c_text = f"{c_s:.2f} s"
    except ClingoTimeout:
        c_text = f"over {CLINGO_TIMEOUT:g} s"
    print(f"SE-GR {n:,} args x1.5: reading the i23 {read_s:.2f} s, then {g_s:.2f} s ({g_cpu:.2f} s CPU;"
          f" {accepted:,} accepted);"
          f" clingo {c_text} (reading the apx included)")


def write_big_apx(folder: Path, names, attacks) -> Path:
    path = folder / f"grounded_{len(names)}.apx"
    path.write_text(write_apx(names, attacks), "utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="36 frameworks and the smaller large cases")
    parser.add_argument("--count", type=int, help="how many frameworks (default 504, quick 36)")
    parser.add_argument("--timeout", type=float, default=60.0, help="argmap's time limit per task (s)")
    parser.add_argument("--keep", metavar="DIR", help="write the frameworks here and keep them")
    parser.add_argument("--no-large", action="store_true", help="skip the 10,000 and 1,000,000 argument cases")
    args = parser.parse_args()
    count = args.count or (36 if args.quick else 504)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, clingo {clingo.__version__}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        rows, problems, stopped = run(count, folder, args.timeout, 13 if args.quick and not args.count else 1)
        print(f"{count} frameworks of {SIZES[0]}-{SIZES[-1]} arguments, {len(rows)} tasks,"
              f" {time.perf_counter() - start:.0f} s in all; answers that disagree: {len(problems)};"
              f" not finished in time: {len(stopped)}")
        table(rows)
        problems += whole_process(rows, 4 if args.quick else 12)
        if not args.no_large:
            large(folder, args.timeout, args.quick)
    for p in stopped:
        print("STOPPED:", p)
    for p in problems:
        print("DISAGREE:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
