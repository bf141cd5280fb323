"""``argmap steps FILE -o folien.pdf``: slides that reveal the map one layer at a time."""

from __future__ import annotations

from argmap._i18n import N_
from argmap.cli._sheets import add_common, make
from argmap.sheets import steps

HELP = "slides for the board (PDF): the thesis first, then its reasons, objections and answers, one layer per page"

_SUFFIX = ".steps.pdf"


def add_arguments(parser) -> None:
    add_common(parser)


def run(args, out, err) -> int:
    return make("steps", N_("no slides made"), args, out, err, _SUFFIX, lambda m: steps(m, paper=args.paper, thesis=args.thesis))
