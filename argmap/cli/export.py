"""``argmap export FILE --to apx|i23|tgf``: the map's argumentation framework for other solvers.

Named and linked objections are written with the auxiliary arguments of
the translation (ids starting with ``aux_``; docs/semantics.md): a solver
finds argmap's extensions once it drops them from its answers. With the
default ``--support none`` the output is what ``argmap convert --to FMT``
writes for the same map.
"""

from __future__ import annotations

from argmap.cli._maps import read_one
from argmap.cli.common import _, print_diagnostics, write_output
from argmap.formats.iccma import FORMATS
from argmap.semantics import SUPPORT_MODES, TooManyAttacks, framework

HELP = "write the map's argumentation framework in ICCMA's apx or i23 format, or TGF"


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="an .argmap file; - reads standard input")
    parser.add_argument(
        "--to",
        choices=FORMATS,
        required=True,
        help="the format: apx (arg(a). / att(a,b).), i23 (p af N, numbered, ids as # comments) or tgf",
    )
    parser.add_argument(
        "--support",
        choices=SUPPORT_MODES,
        default="none",
        help="how supports add attacks (derived attacks are written too); default none",
    )
    parser.add_argument("-o", "--output", metavar="PATH", help="write to this file instead of standard output")


def run(args, out, err) -> int:
    inp, argument_map = read_one(args.file, err, "not exported")
    if argument_map is None:
        return 1
    try:
        af = framework(argument_map, args.support)
    except TooManyAttacks as exc:
        print(_("{file}: error: {reason}; use --support none", file=inp.display_name, reason=exc.phrase), file=err)
        return 1
    print_diagnostics(list(af.diagnostics), inp.text, err)
    return 0 if write_output("export", args.output, af.to_format(args.to), out, err) else 1
