"""What the fuzzer checks on one input, as data: the checks that ran and the failures.

On every input: reading the bytes as a file is read never raises, printing
the diagnostics never raises and each excerpt is the line its ``line:col``
names, checking never raises, a ParseError survives pickling. On a map
without syntax errors: formatting never raises, keeps every comment, reads
back as the same map and is idempotent. On a map without any error:
every semantics and support mode, the essay plan and the DOT source of the
picture never raise.
"""

from __future__ import annotations

import os
import pickle
import re
import time
import traceback
from pathlib import Path

from attrs import frozen

import argmap
from argmap.diagnostics import format_diagnostic, format_diagnostics_json
from argmap.reading import read_file
from argmap.render import to_graphviz
from argmap.semantics import EXTENSION_SEMANTICS, SUPPORT_MODES, TooManyAttacks, TooManyExtensions

from .generate import SANDBOX_TEXT

__all__ = [
    "CHECKS", "Failure", "Outcome", "check_input", "run_checks", "run_api", "prepare_folder",
    "MAX_ARGUMENTS", "MAX_EXTENSIONS",
]

#: Every check, in the order they run.
CHECKS = (
    "api", "read", "diagnostics", "caret", "check", "pickle",
    "cli", "format", "comments", "roundtrip", "idempotent",
    "evaluate", "outline", "render",
)

#: Complete, preferred and stable semantics only on maps with at most this
#: many arguments (claims and named supports): their search is exponential.
MAX_ARGUMENTS = 40
#: ... and listing at most this many extensions (more is TooManyExtensions, not a failure).
MAX_EXTENSIONS = 64

ARGMAP_DIR = str(Path(argmap.__file__).resolve().parent)

#: Times are the worker's CPU time, which other processes on a busy machine
#: barely change, so that time per KB and the scaling probes compare like with
#: like. (Hangs are judged by the wall clock, in the pool.)
_clock = time.process_time
_GUTTER = re.compile(r"^ *(\d+) \| (.*)$")


@frozen
class Failure:
    """One failed check: ``key`` identifies its class (check, exception
    type and where it was raised, or the property that did not hold)."""

    check: str
    key: str
    message: str
    detail: str = ""


@frozen
class Outcome:
    """What happened to one input."""

    ran: tuple[str, ...]
    failures: tuple[Failure, ...]
    seconds: float  # CPU seconds
    #: CPU seconds per check ("read" includes decoding; "check" the checks on the map)
    times: tuple[tuple[str, float], ...] = ()


def prepare_folder(folder: Path) -> Path:
    """A folder for fuzzed files, with what their sources' ``file:`` may name:
    a text to quote from, a FIFO that nobody writes to, links that lead out."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "text.txt").write_text(SANDBOX_TEXT, encoding="utf-8")
    (folder / "sub").mkdir(exist_ok=True)
    fifo = folder / "fifo"
    if not fifo.exists() and hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
    for name, target in (("zero.txt", "/dev/zero"), ("up.txt", "../../text.txt")):
        if not (folder / name).is_symlink():
            os.symlink(target, folder / name)
    return folder


def _exception_key(check: str, exc: BaseException) -> str:
    """``check: Type at file:line (function)``, the innermost frame inside argmap."""
    frames = traceback.extract_tb(exc.__traceback__)
    inside = [f for f in frames if f.filename.startswith(ARGMAP_DIR)]
    f = (inside or frames or [None])[-1]
    where = f"{os.path.relpath(f.filename, os.path.dirname(ARGMAP_DIR))}:{f.lineno} ({f.name})" if f else "?"
    return f"{check}: {type(exc).__name__} at {where}"


class _Run:
    def __init__(self) -> None:
        self.ran: list[str] = []
        self.failures: list[Failure] = []
        self.times: dict[str, float] = {}

    def fail(self, check: str, key: str, message: str, detail: str = "") -> None:
        self.failures.append(Failure(check, key, message[:2000], detail[-4000:]))

    def guard(self, check: str, fn, *args, **kwargs):
        """``fn(*args)``; an exception becomes a failure of ``check`` (and the result None)."""
        if check not in self.ran:
            self.ran.append(check)
        start = _clock()
        try:
            return fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - every exception is the finding
            self.fail(check, _exception_key(check, exc), f"{type(exc).__name__}: {exc}", traceback.format_exc())
            return None
        finally:
            self.times[check] = self.times.get(check, 0.0) + _clock() - start


def run_checks(data: bytes, path: Path, deep: bool = True, sampled: bool = True) -> Outcome:
    """Write ``data`` to ``path`` (a file in a folder from :func:`prepare_folder`)
    and run every check that applies. ``deep=False`` stops after reading;
    ``sampled=False`` leaves out the checks that run on every n-th input only
    (the commands, argmap.read beside reading the file), as the scaling probes do."""
    start = _clock()
    run = _Run()
    path.write_bytes(data)
    read = run.guard("read", read_file, path)
    if read is not None:
        m, text, diagnostics = read
        if m is not None:
            _after_reading(run, m, text, diagnostics, deep, path if sampled else None)
    return Outcome(tuple(run.ran), tuple(run.failures), _clock() - start, tuple(run.times.items()))


def check_input(generator: str, data: bytes, path: Path, deep: bool = True) -> Outcome:
    """:func:`run_api` for the ``api`` generator's code, :func:`run_checks` for the rest."""
    return run_api(data) if generator == "api" else run_checks(data, path, deep)


_API_NAMES = {"MapBuilder": argmap.MapBuilder, "Basis": argmap.Basis, "Step": argmap.Step, "nan": float("nan"), "inf": float("inf")}


def run_api(code: bytes) -> Outcome:
    """Run builder code (see generate.api_code) a line at a time. A ValueError
    is a refusal, which is fine; any other exception raised inside argmap is a
    failure. The map built must then write itself as text that reads back as
    the same map, and pass the checks that a map read from text passes."""
    start = _clock()
    run = _Run()
    run.ran.append("api")
    names = dict(_API_NAMES)
    for line in code.decode("utf-8", errors="replace").splitlines():
        try:
            compiled = compile(line, "<api>", "exec")
        except (SyntaxError, ValueError):
            continue
        _api_call(run, compiled, names)
    builder = names.get("b")
    m = _api_call(run, compile("m = b.build()", "<api>", "exec"), names) and names.get("m")
    if isinstance(builder, argmap.MapBuilder) and isinstance(m, argmap.ArgumentMap):
        _round_trip(run, m, "")
        _stages(run, m, run.guard("check", argmap.check, m) or [], len(code))
    return Outcome(tuple(run.ran), tuple(run.failures), _clock() - start, tuple(run.times.items()))


def _api_call(run: _Run, compiled, names: dict) -> bool:
    try:
        exec(compiled, names)
    except ValueError as exc:
        _survives_pickling(run, exc)
        return False  # refused, as it should be: a ValueError subclass
    except Exception as exc:  # noqa: BLE001
        frames = traceback.extract_tb(exc.__traceback__)
        if any(f.filename.startswith(ARGMAP_DIR) for f in frames):
            run.fail("api", _exception_key("api", exc), f"{type(exc).__name__}: {exc}", traceback.format_exc())
        return False
    return True


def _after_reading(run: _Run, m, text: str, diagnostics: list, deep: bool, path: Path | None = None) -> None:
    syntax_errors = any(d.is_error for d in diagnostics)
    found = run.guard("check", argmap.check, m) or []
    everything = list(diagnostics) + list(found)
    printed = run.guard("diagnostics", _print, everything, text)
    if printed is not None:
        run.guard("caret", _carets, run, everything, printed, text)
    if syntax_errors:
        run.guard("pickle", _pickle, run, [d for d in diagnostics if d.is_error], text)
    if path is not None and len(text) % 10 == 3:
        run.guard("read", _same_as_file, run, m, diagnostics, text, str(path))
    if not deep:
        return
    if path is not None and len(text) % 6 == 0 and len(text) <= 100_000:
        run.guard("cli", _commands, run, path, text, syntax_errors, len(text) // 6)
    if syntax_errors:
        return
    _round_trip(run, m, text)
    _stages(run, m, found, len(text))


def _stages(run: _Run, m, found: list, turn: int) -> None:
    """Evaluating, the essay plan and the picture: on a map without errors they
    never raise; a map with errors may be refused with a ValueError (such as
    MapError), which must survive pickling, and nothing else."""
    if any(d.is_error for d in found):
        for check, fn in (("evaluate", _evaluate_all), ("outline", _outlines), ("render", lambda m: _pictures(m, 0))):
            run.guard(check, _refusable, run, fn, m)
        return
    run.guard("evaluate", _evaluate_all, m, run)
    run.guard("outline", _outlines, m)
    run.guard("render", _pictures, m, turn)


def _survives_pickling(run: _Run, exc: BaseException):
    """The exception read back from pickle (None, and a failure, when it cannot be or differs)."""
    if "pickle" not in run.ran:
        run.ran.append("pickle")
    try:
        again = pickle.loads(pickle.dumps(exc))
    except Exception as problem:  # noqa: BLE001
        run.fail("pickle", f"pickle: {type(exc).__name__} cannot be pickled", f"{type(problem).__name__}: {problem}")
        return None
    if type(again) is not type(exc) or str(again) != str(exc) or repr(again.args) != repr(exc.args):  # NaN != NaN
        run.fail("pickle", f"pickle: {type(exc).__name__} loses its data", f"{exc!r} became {again!r}")
        return None
    return again


#: The commands run on every sixth input (half of them in turn), with the exit codes they may give.
COMMANDS = (
    (["check"], (0, 1)),
    (["fmt", "--check", "--diff"], (0, 1)),
    (["evaluate", "--format", "json", "--semantics", "grounded", "--support", "deductive"], (0, 1)),
    (["render", "--format", "dot", "-o", "-", "--evaluate", "grounded"], (0, 1)),
    (["outline"], (0, 1)),
    (["export", "--to", "apx"], (0, 1)),
)


def _commands(run: _Run, path: Path, text: str, syntax_errors: bool, turn: int) -> None:
    """Each command exits with 0 or 1 (never a traceback); ``argmap fmt`` leaves
    a file with errors alone and otherwise writes what to_source() writes."""
    import io

    from argmap.cli import main

    for argv, codes in COMMANDS[turn % 2 :: 2]:
        out, err = io.StringIO(), io.StringIO()
        code = main(argv + [str(path)], out, err)
        if code not in codes:
            run.fail("cli", f"cli: argmap {argv[0]} exits with {code}", err.getvalue()[-1500:])
    copy = path.with_name("fmt.argmap")
    data = path.read_bytes()
    copy.write_bytes(data)
    code = main(["fmt", str(copy)], io.StringIO(), io.StringIO())
    after = copy.read_bytes()
    if syntax_errors and (code != 1 or after != data):
        run.fail("cli", "cli: argmap fmt touches a file with errors", f"exit code {code}")
    elif not syntax_errors:
        lost = [c for c in _comment_lines(text) if c not in set(_comment_lines(after.decode("utf-8", "replace")))]
        if code != 0:
            run.fail("cli", f"cli: argmap fmt exits with {code} on a file without errors", "")
        elif lost:
            run.fail("cli", "cli: argmap fmt drops a comment", f"first {lost[0][:80]!r}")


def _same_as_file(run: _Run, m, diagnostics, text: str, name: str) -> None:
    """``argmap.read`` of the decoded text gives what reading the file gave."""
    again, more = argmap.read(text, name)
    codes = [d.code for d in diagnostics if d.code != "E001"]  # E001: bytes that are not UTF-8
    if again != m or [d.code for d in more] != codes:
        run.fail("read", "read: argmap.read and reading the file disagree",
                 f"file: {codes[:5]}, read: {[d.code for d in more][:5]}, same map: {again == m}")


def _refusable(run: _Run, fn, m) -> None:
    try:
        fn(m)
    except ValueError as exc:
        _survives_pickling(run, exc)


def _print(diagnostics, text: str) -> list[str]:
    format_diagnostics_json(diagnostics)
    return [format_diagnostic(d, text) for d in diagnostics]


def _alnum(s: str) -> str:
    return "".join(ch for ch in s if ch.isalnum())


def _carets(run: _Run, diagnostics, printed: list[str], text: str) -> None:
    """The excerpt under each diagnostic is the line that its line number names
    (lines as the parser counts them: ended by LF or CRLF only)."""
    lines = text.split("\n")
    for d, out in zip(diagnostics, printed):
        s = d.span
        if s is None or not 1 <= s.line <= len(lines):
            continue
        expected = _alnum(lines[s.line - 1])
        shown = None
        for line in out.split("\n")[1:]:
            match = _GUTTER.match(line)
            if match and int(match.group(1)) == s.line:
                shown = _alnum(match.group(2))
                break
        line = lines[s.line - 1][:80]
        if shown is None:
            if expected:
                run.fail("caret", "caret: no excerpt for a line that exists",
                         f"{d.code} at line {s.line}: no excerpt printed, though line {s.line} is {line!r}")
            continue
        if shown not in expected:
            run.fail("caret", "caret: the excerpt is not the line the diagnostic names",
                     f"{d.code} at {s.line}:{s.column}: shows {shown[:80]!r}, line {s.line} is {line!r}")


def _pickle(run: _Run, errors: list, text: str) -> None:
    """The ParseError that parse() raises for this text survives pickling with its data."""
    exc = argmap.ParseError(errors, text)
    again = _survives_pickling(run, exc)
    if again is not None and again.diagnostics != exc.diagnostics:
        run.fail("pickle", "pickle: ParseError loses its diagnostics", "a ParseError read back from pickle differs")


def _comment_lines(text: str) -> list[str]:
    out = []
    for line in text.split("\n"):
        stripped = line.lstrip(" \t")
        if stripped.startswith("#"):
            out.append(stripped.rstrip())  # trailing white space is not what a comment says
    return out


def _round_trip(run: _Run, m, text: str) -> None:
    formatted = run.guard("format", m.to_source)
    if formatted is None:
        return
    run.ran.append("comments")
    kept = set(_comment_lines(formatted))
    lost = [c for c in _comment_lines(text) if c not in kept]
    if lost:
        run.fail("comments", "comments: fmt drops a comment", f"{len(lost)} comment(s) lost, first {lost[0][:80]!r}")
    run.ran.append("roundtrip")
    read = run.guard("roundtrip", argmap.read, formatted)
    if read is None:
        return
    again, diagnostics = read
    errors = [d for d in diagnostics if d.is_error]
    if errors:
        run.fail("roundtrip", f"roundtrip: formatted text has errors ({errors[0].code})",
                 f"{format_diagnostic(errors[0], formatted)}", formatted)
        return
    if again != m:
        run.fail("roundtrip", "roundtrip: parse(to_source(m)) != m", _difference(m, again), formatted)
        return
    run.ran.append("idempotent")
    twice = run.guard("idempotent", again.to_source)
    if twice is not None and twice != formatted:
        run.fail("idempotent", "idempotent: to_source changes its own output", _first_difference(formatted, twice))


def _difference(a, b) -> str:
    for key in ("title", "lang", "question"):
        if getattr(a, key) != getattr(b, key):
            return f"{key}: {getattr(a, key)!r} became {getattr(b, key)!r}"
    for i, (x, y) in enumerate(zip(a.items, b.items)):
        if x != y:
            return f"item {i}: {x!r}\n  became {y!r}"[:1500]
    return f"{len(a.items)} items became {len(b.items)}"


def _first_difference(a: str, b: str) -> str:
    for n, (x, y) in enumerate(zip(a.split("\n"), b.split("\n")), 1):
        if x != y:
            return f"line {n}: {x[:100]!r} became {y[:100]!r}"
    return f"{a.count(chr(10))} lines became {b.count(chr(10))}"


def _evaluate_all(m, run: _Run | None = None) -> None:
    """Every semantics and support mode (complete, preferred and stable on small
    maps only); the time of each goes into ``run.times`` as ``evaluate S/M``."""
    # Named relations and arguments are arguments of the framework too.
    arguments = len(m.claims) + len({r.name for r in m.relations if r.name})
    modes = [("dfquad", "none")] + [
        (semantics, support)
        for semantics in EXTENSION_SEMANTICS
        if semantics == "grounded" or arguments <= MAX_ARGUMENTS
        for support in SUPPORT_MODES
    ]
    for semantics, support in modes:
        start = _clock()
        try:
            argmap.evaluate(m, semantics, support, max_extensions=MAX_EXTENSIONS)
        except (TooManyExtensions, TooManyAttacks) as exc:  # documented caps, not failures
            if run is not None:
                _survives_pickling(run, exc)
        if run is not None:
            key = f"evaluate {semantics}/{support}"
            run.times[key] = run.times.get(key, 0.0) + _clock() - start


def _outlines(m) -> None:
    argmap.outline(m)
    if m.positions:
        argmap.outline(m, position=m.positions[-1].id)
    if m.claims:
        argmap.outline(m, claim=m.claims[-1].id)


#: The pictures drawn of every map: the plain one, and one of these in turn.
PICTURES = (
    lambda m: {"evaluate": "grounded", "support": "necessary", "legend": False, "group_by": "source"},
    lambda m: {"worksheet": True, "group_by": "tag", "theme": "print"},
    lambda m: {"positions": tuple(p.id for p in m.positions[:2])} if m.positions else {"answers": True},
    lambda m: {"focus": m.claims[0].id, "depth": 1, "evaluate": "dfquad", "wrap": 10} if m.claims else {},
)


def _pictures(m, turn: int) -> None:
    to_graphviz(m).source
    to_graphviz(m, **PICTURES[turn % len(PICTURES)](m)).source
