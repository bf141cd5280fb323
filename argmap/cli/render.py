"""``argmap render FILE...``: draw maps as SVG, PNG, PDF or DOT."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from argmap._nogc import no_gc
from argmap.cli._maps import read_one
from argmap.cli.common import UsageError, _
from argmap.render import (
    ARGUMENT_VIEWS,
    FORMATS,
    GROUP_BY,
    SEMANTICS,
    SUPPORT_MODES,
    THEMES,
    GraphvizNotFound,
    RenderFailed,
    draw,
    paged_files,
)
from argmap.render.output import format_for, write_atomically
from argmap.render.options import DIRECTIONS
from argmap.render.paper import MIN_FONT, PAPERS, paginate
from argmap.render.themes import check_font

HELP = "draw maps as SVG, PNG, PDF or DOT with Graphviz"


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="an .argmap file; - reads standard input")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="the file to write (- for standard output), or a folder for several files; "
        "by default each FILE's name with the format's suffix",
    )
    parser.add_argument("--format", choices=FORMATS, help="svg, png, pdf or dot (default: from OUT's suffix, else svg; pdf with --paper)")
    parser.add_argument("--theme", choices=tuple(THEMES), default="default", help="default (colour), print (greys), contrast")
    parser.add_argument("--font", type=_font, help="the font family (default: DejaVu Sans)")
    view = parser.add_argument_group("views")
    view.add_argument("--evaluate", choices=SEMANTICS, metavar="SEMANTICS", help="fill claims by status (%(choices)s)")
    view.add_argument("--support", choices=SUPPORT_MODES, default="none", help="how supports add attacks for --evaluate")
    view.add_argument(
        "--position",
        action="append",
        default=[],
        metavar="P",
        help="bold what position P accepts, grey and strike what it rejects; twice: side by side",
    )
    view.add_argument("--focus", metavar="ID", help="only the claims near this claim")
    view.add_argument("--depth", type=int, metavar="N", help="with --focus: at most N steps away (default 2)")
    view.add_argument("--worksheet", action="store_true", help="empty, numbered boxes for students to fill in")
    view.add_argument("--keep", metavar="ID,...", help="with --worksheet: claims that stay filled in")
    view.add_argument("--answers", action="store_true", help="the worksheet's answer key: the same numbers, with the texts")
    view.add_argument(
        "--group-by",
        choices=(*GROUP_BY, "none"),
        default="group",
        help="draw clusters by explicit group (default), source, first tag, or none",
    )
    view.add_argument(
        "--arguments",
        choices=ARGUMENT_VIEWS,
        default="expanded",
        help="expanded: each argument a box holding its premises and conclusions (default); "
        "collapsed: one node with its title and gist",
    )
    view.add_argument(
        "--legend",
        choices=("beside", "below", "none"),
        help="where the legend stands: below the map, beside it, or none (default: below a small map, beside a large one)",
    )
    view.add_argument("--no-legend", action="store_true", help="leave out the legend (the same as --legend none)")
    ids = view.add_mutually_exclusive_group()
    ids.add_argument("--no-ids", dest="ids", action="store_false", default=None, help="hide claim ids (the default for --theme print, --paper and worksheets)")
    ids.add_argument("--ids", dest="ids", action="store_true", help="show claim ids")
    view.add_argument("--no-sources", action="store_true", help="hide the source badges (and the sources in the legend)")
    view.add_argument("--font-size", type=_points, metavar="PT", help="body text size in points (default 13; small print in proportion)")
    view.add_argument("--compact", action="store_true", help="a denser layout: less space, wide rows of reasons over two ranks (always on with --paper)")
    view.add_argument(
        "--direction",
        choices=DIRECTIONS,
        default="up",
        help="up: conclusions on top (default); left: conclusions on the left, reasons to their right (a wide map drawn taller)",
    )
    paper = parser.add_argument_group("paper")
    paper.add_argument(
        "--paper",
        choices=tuple(PAPERS),
        help="lay the map out on sheets of this size (PDF: one file with a page per sheet; "
        "SVG, PNG: one file per page, OUT-1.svg, OUT-2.svg, ... when there are several)",
    )
    turn = paper.add_mutually_exclusive_group()
    turn.add_argument("--landscape", dest="landscape", action="store_true", default=None, help="with --paper: landscape sheets")
    turn.add_argument("--portrait", dest="landscape", action="store_false", help="with --paper: portrait sheets (default: the larger print on one page; split: landscape for a wide map)")
    paper.add_argument(
        "--min-font",
        type=_points,
        default=MIN_FONT,
        metavar="PT",
        help="with --paper: the smallest printed body text in points; a map that would need smaller text is split over pages (default 9)",
    )
    paper.add_argument("--fit", action="store_true", help="with --paper: one page, shrunk as far as needed")
    paper.add_argument(
        "--layout",
        choices=("auto", "graph", "columns"),
        default="auto",
        help="with --paper: graph (the drawing with arrows, split over pages), columns (numbered boxes in reading order,"
        " relations named above each text) or auto (columns when the drawing needs more than two pages and they need fewer)",
    )


def run(args, out, err) -> int:
    # As `argmap check`: a one-shot command that makes many objects (a large
    # map's model, its DOT lines) and no reference cycles worth collecting.
    with no_gc():
        return _run(args, out, err)


def _run(args, out, err) -> int:
    if args.output == "-" and len(args.files) > 1:
        raise UsageError(_("-o - writes one map to standard output; give one FILE"))
    targets = [_target(name, args) for name in args.files]
    options = _options(args)
    status = 0
    for name, (path, fmt) in zip(args.files, targets):
        inp, argument_map = read_one(name, err, "not drawn")
        if argument_map is None:
            status = 1
            continue
        try:
            if args.paper:
                files = _on_paper(argument_map, fmt, path, args, options, err)
            else:
                files = [(path, draw(argument_map, fmt, **options))]
        except (GraphvizNotFound, RenderFailed) as exc:
            print(_("{command}: error: {message}", command="argmap render", message=exc), file=err)
            return 1
        except ValueError as exc:  # a ViewError, or a semantics that does not fit the support mode
            raise UsageError(str(exc)) from None
        for target, data in files:
            if target is None:
                _write_stdout(data, fmt, out)
                continue
            try:
                write_atomically(target, data)
            except OSError as exc:
                print(
                    _("{command}: error: cannot write `{file}`: {reason}", command="argmap render", file=target, reason=exc.strerror or exc),
                    file=err,
                )
                status = 1
                continue
            print(_("wrote {file}", file=target), file=out)
    return status


def _on_paper(argument_map, fmt: str, path: Path | None, args, options: dict, err) -> list[tuple[Path | None, bytes]]:
    """The files of a map laid out on sheets: one PDF, or an SVG or PNG per page."""
    if fmt == "dot":
        raise UsageError(_("--paper makes PDF, SVG or PNG pages, not DOT"))
    pages = paginate(argument_map, paper=args.paper, landscape=args.landscape, min_font=args.min_font, fit=args.fit, layout=args.layout, **options)
    count = len(pages.pages)
    if pages.shrunk and not args.fit:
        message = _(
            "a claim's part of the map is too big for one {paper} sheet even alone; it is printed with {size} pt text, below --min-font {min_font}",
            paper=args.paper.upper(),
            size=format(pages.printed_font(), ".1f"),
            min_font=format(args.min_font, "g"),
        )
        print(_("{command}: warning: {message}", command="argmap render", message=message), file=err)
    elif count > 1 and not args.fit:
        # Say why there are several sheets, and the two ways to one.
        print(
            _(
                "{file}: {count} pages with text of {size} pt or more; for one page: --fit (smaller text) or a larger --paper",
                file=path if path is not None else "-",
                count=count,
                size=format(args.min_font, "g"),
            ),
            file=err,
        )
    if fmt == "pdf":
        return [(path, pages.pdf())]
    data = pages.svgs() if fmt == "svg" else pages.pngs()
    if path is None:
        if count > 1:
            raise UsageError(_("the map takes {count} pages: give -o FILE for {format} pages, or write a PDF", count=count, format=fmt.upper()))
        return [(path, data[0])]
    return list(paged_files(path, data))


def _font(value: str) -> str:
    try:
        return check_font(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _points(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("a size in points is a number, like 9 or 10.5, not {value}", value=repr(value))) from None
    if not 4 <= number <= 72:
        raise argparse.ArgumentTypeError(_("a size in points must be from 4 to 72, not {value}", value=value))
    return number


def _options(args) -> dict:
    legend = "none" if args.no_legend else (args.legend or "auto")
    return {
        "theme": args.theme,
        "font": args.font,
        "evaluate": args.evaluate,
        "support": args.support,
        "positions": tuple(args.position),
        "focus": args.focus,
        "depth": args.depth,
        "worksheet": args.worksheet,
        "keep": args.keep or (),
        "answers": args.answers,
        "group_by": None if args.group_by == "none" else args.group_by,
        "legend": legend,
        "arguments": args.arguments,
        "ids": args.ids,
        "sources": not args.no_sources,
        "font_size": args.font_size,
        "compact": args.compact or bool(args.paper),
        "direction": args.direction,
    }


def _target(name: str, args) -> tuple[Path | None, str]:
    """Where one FILE's picture goes (None: standard output) and its format
    (when nothing says which: SVG, and PDF on paper)."""
    output = args.output
    chosen = args.format or ("pdf" if args.paper else None)
    try:
        if output == "-" or (output is None and name == "-"):
            return None, format_for(None, chosen)
        if output is not None and (len(args.files) > 1 or os.path.isdir(output)):
            folder = Path(output)
            if not folder.is_dir():
                raise UsageError(_("with several files, -o must be a folder, and `{output}` is not one", output=output))
            fmt = format_for(None, chosen)
            return folder / f"{Path(name).stem}.{fmt}", fmt
        if output is not None:
            return Path(output), format_for(output, args.format)
        fmt = format_for(None, chosen)
        return Path(name).with_suffix(f".{fmt}"), fmt
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _write_stdout(data: bytes, fmt: str, out) -> None:
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        buffer.write(data)
        buffer.flush()
    elif fmt in ("svg", "dot"):
        out.write(data.decode("utf-8"))
    else:
        raise UsageError(_("cannot write {format} to this output; use -o FILE", format=fmt.upper()))
