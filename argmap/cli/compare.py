"""``argmap compare FILE P Q``: where two positions agree, disagree and attack each other."""

from __future__ import annotations

import json

from argmap.cli._maps import read_one
from argmap.cli.common import UsageError
from argmap.diagnostics import suggest
from argmap.semantics import SUPPORT_MODES, compare_positions

HELP = "compare two positions: agreement, disagreement, and attacks between them"


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="an .argmap file; - reads standard input")
    parser.add_argument("first", metavar="P", help="a position of the map")
    parser.add_argument("second", metavar="Q", help="another position of the map")
    parser.add_argument(
        "--support",
        choices=SUPPORT_MODES,
        default="none",
        help="also count the attacks this support mode derives (default: none)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def run(args, out, err) -> int:
    inp, argument_map = read_one(args.file, err, "not compared")
    if argument_map is None:
        return 1
    known = [p.id for p in argument_map.positions]
    for pid in (args.first, args.second):
        if pid not in known:
            guess = suggest(pid, known)
            listed = ", ".join(f"`{k}`" for k in known) if known else "none"
            hint = f"; did you mean `{guess}`?" if guess else f" (its positions: {listed})"
            raise UsageError(f"{inp.display_name} has no position `{pid}`{hint}")
    result = compare_positions(argument_map, args.first, args.second, args.support)
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2), file=out)
        return 0
    _print(result, inp.display_name, out, _relation_kinds(argument_map))
    return 0


def _relation_kinds(argument_map) -> dict[str, str]:
    """The kind of each named relation and argument (``rebuttal``, ...), by name."""
    kinds = {a.id: "argument" for a in argument_map.arguments}
    for rel in argument_map.relations:
        if rel.name is not None:
            kinds.setdefault(rel.name, type(rel).__name__.lower())
    return kinds


def _ids(ids) -> str:
    return ", ".join(ids) if ids else "nothing"


def _print(c, name, out, kinds: dict[str, str]) -> None:
    p, q = c.first, c.second
    print(f"{name}: positions `{p}` and `{q}`", file=out)
    print(file=out)
    print("agree:", file=out)
    print(f"  both accept: {_ids(c.both_accept)}", file=out)
    print(f"  both reject: {_ids(c.both_reject)}", file=out)
    print("disagree:", file=out)
    if not c.disagree:
        print("  nowhere", file=out)
    for ident, stance in c.disagree:
        other = "rejects" if stance == "accepts" else "accepts"
        print(f"  {ident}: {p} {stance}, {q} {other}", file=out)
    for who, pairs in ((p, c.only_first), (q, c.only_second)):
        print(f"only {who}:", file=out)
        accepts = [i for i, s in pairs if s == "accepts"]
        rejects = [i for i, s in pairs if s == "rejects"]
        if not pairs:
            print("  nothing the other does not mention", file=out)
        if accepts:
            print(f"  accepts {_ids(accepts)}", file=out)
        if rejects:
            print(f"  rejects {_ids(rejects)}", file=out)
    print("attacks between them:", file=out)
    if not c.attacks:
        print("  none", file=out)
    for a in c.attacks:
        other = q if a.by == p else p
        if a.relation == "derived":
            how = f"attacks (derived with {c.support} support)"
            where = ""
        else:
            how = a.relation
            where = f" (line {a.line})" if a.line is not None else ""
        attackers = " + ".join(a.attackers)
        if len(a.attackers) > 1 and a.relation != "derived":
            how = {"rebuts": "rebut", "undercuts": "undercut"}.get(how, how) + " together"
        if a.name is not None and a.relation != "derived":
            # The attack holds because the position accepts the relation too.
            kind = kinds.get(a.name, "relation")
            where = f" ({kind} {a.name}, line {a.line})" if a.line is not None else f" ({kind} {a.name})"
        print(f"  {a.by}'s {attackers} {how} {other}'s {a.target}{where}", file=out)
