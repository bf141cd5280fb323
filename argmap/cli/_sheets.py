"""What ``argmap worksheet`` and ``argmap steps`` share: making the PDF and writing it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from argmap.cli._maps import read_one
from argmap.cli.common import UsageError, _, language, write_atomically
from argmap.model import ArgumentMap
from argmap.render import GraphvizNotFound, RenderFailed
from argmap.sheets import PAPERS, PrintUnavailable, SheetError

__all__ = ["add_common", "make"]


def add_common(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="an .argmap file; - reads standard input")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="the PDF to write (- for standard output; default: beside FILE, named FILE.worksheet.pdf or FILE.steps.pdf)",
    )
    parser.add_argument("--paper", choices=tuple(PAPERS), default="a4", help="the paper size (default: a4)")
    parser.add_argument("--thesis", metavar="ID", help="the claim to start from (default: the map's main claim)")


def make(
    command: str,
    doing: str,
    args,
    out: TextIO,
    err: TextIO,
    default_suffix: str,
    build: Callable[[ArgumentMap], bytes],
    before: Callable[[ArgumentMap], None] | None = None,
) -> int:
    """Read the map, ``build`` its PDF and write it to ``-o`` (atomically)
    or standard output. ``doing`` says what did not happen when the map has
    errors (an English phrase marked with ``N_``, see :func:`read_one`)."""
    target = _target(args.file, args.output, default_suffix)
    inp, argument_map = read_one(args.file, err, doing)
    if argument_map is None:
        return 1
    if argument_map.path is None and args.file != "-":
        argument_map = argument_map.evolve(path=args.file)
    if before is not None:
        before(argument_map)
    try:
        data = build(argument_map)
    except SheetError as exc:
        raise UsageError(exc.localized(language())) from None
    except (PrintUnavailable, GraphvizNotFound, RenderFailed) as exc:
        print(_("argmap {command}: error: {problem}", command=command, problem=str(exc)), file=err)
        return 1
    if target is None:
        buffer = getattr(out, "buffer", None)
        if buffer is None:
            raise UsageError(_("cannot write a PDF to this output; use -o FILE"))
        out.flush()
        buffer.write(data)
        buffer.flush()
        return 0
    try:
        write_atomically(target, data)
    except OSError as exc:
        print(
            _("argmap {command}: error: cannot write `{path}`: {problem}", command=command, path=str(target), problem=exc.strerror or str(exc)),
            file=err,
        )
        return 1
    print(_("{file}: wrote {path}", file=inp.display_name, path=str(target)), file=err)
    return 0


def _target(name: str, output: str | None, suffix: str) -> Path | None:
    if output == "-" or (output is None and name == "-"):
        return None
    if output is not None:
        if Path(output).suffix.lower() != ".pdf":
            raise UsageError(_("the output is a PDF: end its name in .pdf, not `{output}`", output=output))
        return Path(output)
    return Path(name).with_name(Path(name).stem + suffix)
