"""``argmap check FILE...``: report every problem, then one line per position and a summary."""

from __future__ import annotations

import re
from typing import get_args

from argmap.checks import check
from argmap.checks.positions import position_summary
from argmap._nogc import no_gc
from argmap.cli.common import _, diagnostics_json, ngettext, print_diagnostics, read_inputs
from argmap.diagnostics import Diagnostic, Severity
from argmap.types import Semantics, SupportMode

# The names argmap.semantics checks, from the types: check loads the semantics only for --semantics.
SEMANTICS = get_args(Semantics)
SUPPORT_MODES = get_args(SupportMode)

HELP = "check maps for mistakes and inconsistencies"



def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="an .argmap file; - reads standard input")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument(
        "--semantics",
        choices=SEMANTICS,
        help="also say which claims are not accepted under this semantics",
    )
    parser.add_argument("--support", choices=SUPPORT_MODES, default="none", help="how supports add attacks")
    parser.add_argument(
        "--texts",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of source texts, searched after the map's folder (may be given several times)",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also show notes on what could not be verified (source texts not found)",
    )


#: Notes that only say what argmap could not verify: shown with --verbose (and always in JSON).
QUIET = frozenset({"I210"})


def diagnose(inp, semantics=None, support="none", texts=()) -> list[Diagnostic]:
    """All diagnostics for one input: syntax, checks, and semantics notes;
    source texts are also looked for in the folders ``texts``."""
    diagnostics = list(inp.diagnostics)
    if inp.map is None:
        return diagnostics
    found = check(inp.map, texts=texts)
    if diagnostics:
        # Ids on lines that did not parse are not "unknown": do not report them twice.
        broken = _words_of_bad_lines(inp.text, diagnostics)
        found = [d for d in found if not (d.code == "E201" and _ident(d) in broken)]
    diagnostics.extend(found)
    if semantics:
        from argmap.semantics import acceptance_notes

        diagnostics.extend(acceptance_notes(inp.map, semantics, support))
    return diagnostics


def _words_of_bad_lines(text: str, diagnostics: list[Diagnostic]) -> set[str]:
    lines = text.split("\n")
    words: set[str] = set()
    for d in diagnostics:
        if d.code.startswith(("E1", "E0")) and d.span and 1 <= d.span.line <= len(lines):
            words.update(re.findall(r"\w+", lines[d.span.line - 1]))
    return words


def _ident(d: Diagnostic) -> str:
    m = re.search(r"`(\w+)`", d.message)
    return m.group(1) if m else ""


def _count(diagnostics, severity) -> int:
    return sum(1 for d in diagnostics if d.severity is severity)


def _errors(n: int) -> str:
    return ngettext("{n} error", "{n} errors", n)


def _warnings(n: int) -> str:
    return ngettext("{n} warning", "{n} warnings", n)


def _notes(n: int) -> str:
    return ngettext("{n} note", "{n} notes", n)


def position_lines(inp, diagnostics: list[Diagnostic]) -> list[str]:
    """One line per position of the map: consistent, or how many problems
    (in the interface language)."""
    if inp.map is None:
        return []
    out = []
    for pid, errors, warnings in position_summary(inp.map, diagnostics):
        if not errors and not warnings:
            out.append(_("position {id}: consistent", id=pid))
        else:
            parts = [p for p in (errors and _errors(errors), warnings and _warnings(warnings)) if p]
            out.append(_("position {id}: {problems}", id=pid, problems=", ".join(parts)))
    return out


def run(args, out, err) -> int:
    # A one-shot command that makes millions of objects on a large map and no
    # reference cycles worth collecting: the cycle collector only costs time.
    with no_gc():
        return _run(args, out, err)


def _run(args, out, err) -> int:
    inputs = read_inputs(args.files)
    results = [(inp, diagnose(inp, args.semantics, args.support, args.texts)) for inp in inputs]
    everything = [d for _, ds in results for d in ds]
    if args.format == "json":
        print(diagnostics_json(everything), file=out)
    else:
        hidden = 0
        if not args.verbose:
            shown = [(inp, [d for d in ds if d.code not in QUIET]) for inp, ds in results]
            hidden = len(everything) - sum(len(ds) for _, ds in shown)
            results = shown
            everything = [d for _, ds in results for d in ds]
        for inp, diagnostics in results:
            print_diagnostics(diagnostics, inp.text, out)
            for line in position_lines(inp, diagnostics):
                print(f"{inp.display_name}: {line}", file=out)
        errors = _count(everything, Severity.ERROR)
        warnings = _count(everything, Severity.WARNING)
        infos = _count(everything, Severity.INFO)
        more = ngettext(" ({n} more note: -v shows it)", " ({n} more notes: -v shows them)", hidden) if hidden else ""
        if not everything:
            print(
                ngettext("{n} file checked: no problems{more}", "{n} files checked: no problems{more}", len(inputs),
                         more=more),
                file=out,
            )
        else:
            print(
                ngettext(
                    "{n} file checked: {errors}, {warnings}, {notes}{more}",
                    "{n} files checked: {errors}, {warnings}, {notes}{more}",
                    len(inputs),
                    errors=_errors(errors),
                    warnings=_warnings(warnings),
                    notes=_notes(infos),
                    more=more,
                ),
                file=out,
            )
    return 1 if any(d.is_error for d in everything) else 0
