"""``argmap outline FILE``: an essay plan in Markdown, from the map or one position's view."""

from __future__ import annotations

from argmap.cli._maps import read_one, unknown_id
from argmap.cli.common import UsageError, _, write_output
from argmap.outline import outline

HELP = "write an essay plan (Markdown) from a map: thesis, reasons, objections, answers and concessions"


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="an .argmap file; - reads standard input")
    parser.add_argument("--position", metavar="P", help="plan the essay from the point of view of position P")
    parser.add_argument("--claim", metavar="ID", help="take claim ID as the thesis (default: the main claim)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write the plan to OUT (default: standard output)")


def run(args, out, err) -> int:
    inp, argument_map = read_one(args.file, err, "no essay plan")
    if argument_map is None:
        return 1
    positions = [p.id for p in argument_map.positions]
    if args.position is not None and args.position not in positions:
        raise unknown_id(_("unknown position `{id}`", id=args.position), args.position, positions)
    claims = [c.id for c in argument_map.claims]
    if args.claim is not None and args.claim not in claims:
        raise unknown_id(_("unknown claim `{id}`", id=args.claim), args.claim, claims)
    try:
        plan = outline(argument_map, position=args.position, claim=args.claim)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if not write_output("outline", args.output, plan, out, err):
        return 1
    if args.output not in (None, "-"):
        print(_("{file}: essay plan written to {output}", file=inp.display_name, output=args.output), file=err)
    return 0
