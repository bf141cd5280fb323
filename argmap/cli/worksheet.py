"""``argmap worksheet FILE -o blatt.pdf``: a worksheet to print, with its answer key."""

from __future__ import annotations

from argmap._i18n import N_
from argmap.cli._sheets import add_common, make
from argmap.cli.common import _
from argmap.sheets import worksheet
from argmap.sheets._sources import source_texts

HELP = "a worksheet to print (PDF): the map with numbered empty boxes, then the answer key"

_SUFFIX = ".worksheet.pdf"


def add_arguments(parser) -> None:
    add_common(parser)
    parser.add_argument("--keep", metavar="ID,...", help="claims whose boxes stay filled in")
    parser.add_argument("--task", metavar="TEXT", help="the task above the map (default: fill in the empty boxes)")
    parser.add_argument("--with-text", action="store_true", help="add the source texts with line numbers after the key")
    parser.add_argument(
        "--texts",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of source texts (after the map's folder; may be given twice; also ARGMAP_TEXTS)",
    )


def run(args, out, err) -> int:
    def warn_missing(argument_map) -> None:
        if not args.with_text:
            return
        for text in source_texts(argument_map, texts=args.texts):
            if text.lines is None:
                print(
                    _(
                        "warning: the text of source `{source}` (`{file}`) is not added: {why}",
                        source=text.source.id,
                        file=text.source.file,
                        why=text.why,
                    ),
                    file=err,
                )

    def build(argument_map) -> bytes:
        return worksheet(
            argument_map,
            keep=args.keep or (),
            task=args.task,
            with_text=args.with_text,
            paper=args.paper,
            thesis=args.thesis,
            texts=args.texts,
        )

    return make("worksheet", N_("no worksheet made"), args, out, err, _SUFFIX, build, warn_missing)
