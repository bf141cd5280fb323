"""``argmap convert IN -o OUT``: a map from one format to another.

The formats come from ``--from``/``--to``, else from the file suffixes
(docs/formats.md); ``-`` is standard input or output. Problems in the input
are printed like ``argmap check`` prints them; what the input holds and
argmap has no place for is a warning that says what was left out. With
errors nothing is written; the output file is written atomically.
"""

from __future__ import annotations

import sys

from argmap.cli.common import UsageError, _, print_diagnostics, write_output
from argmap.diagnostics import ParseError
from argmap.formats.registry import FORMATS, Format, UnknownFormat, format_of, readable, writable
from argmap.syntax import decode

HELP = "convert a map between formats: argmap, json, aif, argdown, apx, i23, tgf, kialo (read), graphml (write)"


def add_arguments(parser) -> None:
    parser.add_argument("input", metavar="IN", help="the file to read; - reads standard input")
    parser.add_argument("-o", "--output", metavar="OUT", help="the file to write; - or none writes standard output")
    parser.add_argument(
        "--from", dest="source_format", metavar="FMT", choices=readable(),
        help="the input's format (default: from its suffix; aif and kialo must be named)",
    )
    parser.add_argument(
        "--to", dest="target_format", metavar="FMT", choices=writable(),
        help="the output's format (default: from its suffix; aif must be named)",
    )


def _chosen(name: str | None, path: str | None, default: str | None, which: str) -> Format:
    if name is not None:
        return FORMATS[name]
    found = format_of(path) if path not in (None, "-") else None
    if found is not None:
        return found
    if default is not None:
        return FORMATS[default]
    if which == "input":
        raise UsageError(_("cannot tell the input's format from `{file}`; name it with --from", file=path or "-"))
    raise UsageError(_("cannot tell the output's format from `{file}`; name it with --to", file=path or "-"))


def run(args, out, err) -> int:
    try:
        source = _chosen(args.source_format, args.input, "argmap" if args.input == "-" else None, "input")
        target = _chosen(args.target_format, args.output, None, "output")
    except UnknownFormat as exc:  # pragma: no cover - the choices make this unreachable
        raise UsageError(str(exc)) from exc
    if not source.readable:
        raise UsageError(_("argmap cannot read {format}", format=source.name))
    if not target.writable:
        raise UsageError(_("argmap cannot write {format}", format=target.name))
    name = "<stdin>" if args.input == "-" else args.input
    text = _read(args.input, err)
    if text is None:
        return 1
    text, diagnostics = decode(text, name) if isinstance(text, bytes) else (text, [])
    argument_map, more = source.read(text, name)
    diagnostics += more
    print_diagnostics(diagnostics, text, err)
    if any(d.is_error for d in diagnostics):
        print(_("{file}: not converted: it has errors", file=name), file=err)
        return 1
    try:
        result = target.write(argument_map)
    except ParseError as exc:
        # A map whose references are broken has no framework (MapError).
        print_diagnostics(list(exc.diagnostics), text, err)
        print(_("{file}: not converted: it has errors", file=name), file=err)
        return 1
    except ValueError as exc:
        # More attacks than a framework is made of (TooManyAttacks).
        print(_("{file}: not converted: {reason}", file=name, reason=getattr(exc, "phrase", None) or exc), file=err)
        return 1
    if not write_output("convert", args.output, result, out, err):
        return 1
    if target.name in ("apx", "i23", "tgf"):
        print(_("{file}: note: {format} holds only the argumentation framework; texts, supports, sources and"
                " positions are not written (docs/formats.md)", file=name, format=target.name), file=err)
    elif target.name == "graphml":
        print(_("{file}: note: GraphML holds the claims and relations; sources, positions, groups and comments"
                " are not written (docs/formats.md)", file=name), file=err)
    return 0


def _read(path: str, err) -> bytes | str | None:
    if path == "-":
        stream = sys.stdin
        return stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        print(_("argmap convert: cannot read `{file}`: {reason}", file=path, reason=exc.strerror or exc), file=err)
        return None

