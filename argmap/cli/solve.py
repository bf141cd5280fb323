"""``argmap solve -p TASK -f FILE [-a ARG]``: argmap as an ICCMA-style solver.

Task names and output follow ICCMA 2023 (docs/solver.md): ``DC-PR`` asks
whether an argument is credulously accepted under preferred semantics,
``DS-ST`` whether it is sceptically accepted under stable semantics,
``SE-CO`` for some complete extension; argmap adds ``EE`` (every extension)
and ``CE`` (count them). The answer is ``YES``/``NO``, with a witness line
``w 1 4 7`` where there is one, or ``w ...`` for an extension and ``NO``
when there is none. Arguments are named as the file names them: numbers for
i23 and tgf, names for apx, ids for argmap maps.

Exit codes: 0 answered, 1 the file has errors, 2 called wrongly (unknown
task, missing or unknown argument), 124 stopped at ``--timeout``.
"""

from __future__ import annotations

import json
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from argmap._nogc import no_gc
from argmap.cli.common import UsageError, _, print_diagnostics
from argmap.formats import iccma
from argmap.syntax import decode

HELP = "answer an ICCMA reasoning task on a framework file (i23, apx, tgf) or a map"

if TYPE_CHECKING:
    from argmap.semantics import Semantics

#: ICCMA's semantics abbreviations, and argmap's extras (docs/solver.md).
SEMANTICS: dict[str, Semantics] = {
    "CO": "complete",
    "PR": "preferred",
    "ST": "stable",
    "SST": "semi-stable",
    "STG": "stage",
    "ID": "ideal",
    "GR": "grounded",
    "ADM": "admissible",
    "CF": "conflict-free",
    "NA": "naive",
    "EG": "eager",
    "CF2": "cf2",
}

#: The task kinds: DC and DS need an argument; SE, EE and CE do not.
TASKS = ("DC", "DS", "SE", "EE", "CE")

#: Exit code when --timeout stops a task (as timeout(1) has it).
TIMED_OUT = 124


def problems() -> list[str]:
    """Every task name ``argmap solve`` answers, ICCMA's first."""
    return [f"{task}-{sem}" for task in TASKS for sem in SEMANTICS]


def add_arguments(parser) -> None:
    parser.add_argument("-p", dest="problem", metavar="TASK", help="the task, e.g. DC-PR, DS-ST, SE-CO (--problems lists them)")
    parser.add_argument("-f", dest="file", metavar="FILE", help="the framework: .i23, .apx, .tgf or .argmap")
    parser.add_argument("-a", dest="argument", metavar="ARG", help="the argument DC and DS ask about (its number in i23 and tgf)")
    parser.add_argument("--fo", choices=("i23", "apx", "tgf", "argmap"), help="the file's format (default: from its suffix, else i23)")
    parser.add_argument("--timeout", type=float, metavar="S", help="stop after S seconds (exit code 124)")
    parser.add_argument("--limit", type=int, metavar="N", help="EE: print at most N extensions (says so when there are more)")
    parser.add_argument("--explain", action="store_true", help="after a DC or DS answer, print its justification as JSON")
    parser.add_argument("--problems", action="store_true", help="list the supported tasks and exit")
    parser.add_argument("--formats", action="store_true", help="list the supported file formats and exit")


def run(args, out, err) -> int:
    if args.problems:
        print("[" + ",".join(problems()) + "]", file=out)
        return 0
    if args.formats:
        print("[i23,apx,tgf,argmap]", file=out)
        return 0
    if not args.problem or not args.file:
        raise UsageError(_("give a task and a file: -p TASK -f FILE (--problems lists the tasks)"))
    task, _dash, abbreviation = args.problem.upper().partition("-")
    semantics = SEMANTICS.get(abbreviation)
    if task not in TASKS or semantics is None:
        raise UsageError(_("unknown task `{task}` (--problems lists the tasks)", task=args.problem))
    if task in ("DC", "DS") and args.argument is None:
        raise UsageError(_("{task} needs an argument: -a ARG", task=task))
    if args.limit is not None and args.limit < 1:
        raise UsageError(_("--limit takes a positive number of extensions"))
    if args.timeout is not None and not args.timeout > 0:
        raise UsageError(_("--timeout takes a positive number of seconds"))
    fmt = args.fo or iccma.format_of(args.file) or ("argmap" if args.file.endswith(".argmap") else "i23")
    from argmap import semantics as sem

    started = time.monotonic()
    try:
        with _alarm(args.timeout, semantics, task):
            with no_gc():  # reading a large framework makes millions of objects and no cycles
                problem = _read(args.file, fmt, err)
            if problem is None:
                return 1
            target = None
            if args.argument is not None:
                target = problem.index(args.argument)
                if target is None:
                    raise UsageError(
                        _("`{argument}` is not an argument of {file}", argument=args.argument, file=args.file)
                    )
            return _solve(problem, task, semantics, target, args, out, err, started)
    except sem.SolverTimeout:
        elapsed = time.monotonic() - started
        print(_("argmap solve: stopped after {seconds} s without an answer (--timeout)", seconds=format(round(elapsed, 2), "g")),
              file=err)
        return TIMED_OUT


@contextmanager
def _alarm(timeout: float | None, semantics: str, task: str) -> Iterator[None]:
    """``--timeout`` for the whole command, reading included: a SIGALRM timer
    (main thread only, where signals are delivered) raises the tasks'
    SolverTimeout between two Python steps; the old handler comes back after."""
    usable = (
        timeout is not None and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if timeout is None or not usable:
        yield
        return
    from argmap.semantics import SolverTimeout

    def ring(signum, frame):
        raise SolverTimeout(semantics, task, timeout)

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _Problem:
    """The framework to solve, the names answers use, and how to index them."""

    def __init__(self, fw, labels, index, attacks=None):
        self.fw = fw  # an argmap.semantics.Framework, built on first use
        self.labels = labels  # what an answer prints for argument i
        self.index = index  # argument label -> i, or None
        self.attacks = attacks  # index pairs (ICCMA files), for the fast grounded path

    def framework(self):
        if callable(self.fw):
            self.fw = self.fw()
        return self.fw


def _read(name: str, fmt: str, err) -> _Problem | None:
    from argmap.semantics import MapError, framework

    try:
        with open(name, "rb") as f:
            data = f.read()
    except OSError as exc:
        print(_("argmap solve: cannot read `{file}`: {reason}", file=name, reason=exc.strerror or exc), file=err)
        return None
    text, diagnostics = decode(data, name)
    if fmt == "argmap":
        from argmap.reading import read

        argument_map, more = read(text, name)
        diagnostics += more
        if not any(d.is_error for d in diagnostics):
            try:
                fw = framework(argument_map)
            except MapError as exc:
                diagnostics += list(exc.diagnostics)
    else:
        af, more = iccma.read(fmt, text, name)
        diagnostics += more
    errors = [d for d in diagnostics if d.is_error]
    if errors:
        print_diagnostics(errors, text, err)
        print(_("{file}: not solved: the file has errors", file=name), file=err)
        return None
    if fmt == "argmap":
        own = fw.arguments[: len(fw.arguments) - len(fw.auxiliary)]
        position = {a: i for i, a in enumerate(own)}
        return _Problem(fw, own, position.get)
    from argmap.semantics import Framework

    ids = af.ids

    def build():
        return Framework(ids, [(ids[a], ids[b]) for a, b in af.attacks])

    return _Problem(build, af.labels, af.index, af.attacks)


def _solve(
    problem: _Problem, task: str, semantics: Semantics, target: int | None, args, out, err, started: float
) -> int:
    from argmap import semantics as sem

    if semantics == "grounded" and problem.attacks is not None and not args.explain:
        with no_gc():
            _grounded(problem, task, target, out)
        return 0
    fw = problem.framework()
    # What is left of --timeout after reading (the alarm stops the rest too).
    timeout = None if args.timeout is None else max(1e-3, args.timeout - (time.monotonic() - started))
    names = fw.arguments
    position = {a: i for i, a in enumerate(names)}

    def line(extension) -> str:
        members = sorted(position[a] for a in extension)
        return " ".join(["w"] + [problem.labels[i] for i in members])

    if task == "SE":
        found = sem.some_extension(fw, semantics, timeout=timeout)
        print("NO" if found is None else line(found), file=out)
    elif task == "EE":
        count = 0
        limit = args.limit
        for extension in sem.iter_extensions(fw, semantics, timeout=timeout, limit=None if limit is None else limit + 1):
            if count == limit:
                print(_("argmap solve: stopped at --limit {limit}: there are more extensions", limit=limit), file=err)
                break
            print(line(extension), file=out)
            count += 1
        if not count:
            print("NO", file=out)
    elif task == "CE":
        print(sem.count_extensions(fw, semantics, timeout=timeout), file=out)
    else:
        assert target is not None  # DC and DS have an argument
        argument = names[target]
        ask = sem.credulous if task == "DC" else sem.sceptical
        answer = ask(fw, semantics, argument, timeout=timeout)
        print("YES" if answer.accepted else "NO", file=out)
        if answer.witness is not None:
            print(line(answer.witness), file=out)
        if args.explain:
            from argmap.semantics import justify_answer

            explained = justify_answer(fw, semantics, argument, answer, timeout=timeout)
            print(json.dumps(explained, ensure_ascii=False, indent=2), file=out)
    return 0


def grounded_members(n: int, attacks) -> list[int]:
    """The grounded extension of arguments ``0 .. n-1`` under the index pairs
    ``attacks``, ascending: the framework is never built from names, and
    attackers and targets are collected in one pass."""
    from argmap.semantics._dung import IN, grounded

    attackers: list[list[int]] = [[] for _ in range(n)]
    targets: list[list[int]] = [[] for _ in range(n)]
    for a, b in attacks:
        attackers[b].append(a)
        targets[a].append(b)
    labels = grounded(n, attackers, targets)
    return [i for i, label in enumerate(labels) if label == IN]


def _grounded(problem: _Problem, task: str, target: int | None, out) -> None:
    """Grounded semantics on an ICCMA file, on integers throughout: a
    framework of a million arguments is answered in seconds."""
    members = grounded_members(len(problem.labels), problem.attacks)
    labels = problem.labels
    witness = " ".join(["w", *map(labels.__getitem__, members)])
    if task in ("SE", "EE"):
        print(witness, file=out)
    elif task == "CE":
        print(1, file=out)
    else:
        assert target is not None  # DC and DS have an argument
        accepted = target in set(members)
        print("YES" if accepted else "NO", file=out)
        if task == "DC" and accepted or task == "DS" and not accepted:
            print(witness, file=out)
