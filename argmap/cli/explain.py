"""``argmap explain FILE ID``: why a claim stands, falls or stays open, in plain sentences."""

from __future__ import annotations

import difflib
import json

from argmap.cli._maps import read_one
from argmap.cli.common import UsageError, _
from argmap.explanation import explain
from argmap.semantics import SEMANTICS, SUPPORT_MODES, TooManyAttacks, TooManyExtensions

HELP = "say why a claim stands, falls or stays open, in plain sentences in the map's language"

#: The semantics an explanation can follow: those with extensions.
CHOICES = tuple(s for s in SEMANTICS if s != "dfquad")


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="an .argmap file; - reads standard input")
    parser.add_argument("id", metavar="ID", help="the claim (or named relation, or argument) to explain")
    parser.add_argument(
        "--semantics", choices=CHOICES, default="grounded", help="the semantics to follow (default: grounded)"
    )
    parser.add_argument(
        "--support", choices=SUPPORT_MODES, default="none", help="how supports add attacks: none (default), deductive or necessary"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def run(args, out, err) -> int:
    inp, argument_map = read_one(args.file, err, "not explained")
    if argument_map is None:
        return 1
    try:
        explanation = explain(argument_map, args.id, args.semantics, args.support)
    except KeyError:
        known = sorted({c.id for c in argument_map.claims})
        close = difflib.get_close_matches(args.id, known, n=1)
        hint = "; " + _("did you mean `{guess}`?", guess=close[0]) if close else ""
        raise UsageError(_("the map has no claim `{id}`", id=args.id) + hint) from None
    except (TooManyExtensions, TooManyAttacks, ValueError) as exc:  # ValueError: a semantics that refuses this map
        print(_("{file}: error: {reason}; use grounded semantics or --support none", file=inp.display_name, reason=exc), file=err)
        return 1
    if args.format == "json":
        print(json.dumps(explanation.to_dict(), ensure_ascii=False, indent=2), file=out)
    else:
        print(explanation.text(), file=out)
    return 0

