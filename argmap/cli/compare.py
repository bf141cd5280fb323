"""``argmap compare FILE P Q``: where two positions agree, disagree and attack each other."""

from __future__ import annotations

import json

from argmap.cli._maps import read_one, unknown_id
from argmap._i18n import N_
from argmap.cli.common import _
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
            raise unknown_id(_("{file} has no position `{id}`", file=inp.display_name, id=pid), pid, known)
    result = compare_positions(argument_map, args.first, args.second, args.support)
    texts = _Texts(argument_map)
    if args.format == "json":
        data = result.to_dict()
        # What each id named in the comparison says, in full, so a reader needs no second look-up.
        named = [*data["agree"]["accepts"], *data["agree"]["rejects"], *(d["id"] for d in data["disagree"])]
        for part in ("only_first", "only_second"):
            named += [*data[part]["accepts"], *data[part]["rejects"]]
        named += [i for a in data["attacks"] for i in (*a["attackers"], a["target"])]
        data["texts"] = {i: texts.plain(i) for i in dict.fromkeys(named) if texts.plain(i) is not None}
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
        return 0
    _print(result, inp.display_name, out, _relation_kinds(argument_map), texts)
    return 0


def _relation_kinds(argument_map) -> dict[str, str]:
    """The kind of each named relation and argument (``rebuttal``, ...), by name."""
    kinds = {a.id: "argument" for a in argument_map.arguments}
    for rel in argument_map.relations:
        if rel.name is not None:
            kinds.setdefault(rel.name, type(rel).__name__.lower())
    return kinds


#: The longest text shown for a claim; longer ones are cut at a word.
TEXT_WIDTH = 72

#: Kinds of named things, as the attack lines name them.
_KINDS = {
    "argument": N_("argument"),
    "support": N_("support"),
    "rebuttal": N_("rebuttal"),
    "contradiction": N_("contradiction"),
    "undercut": N_("undercut"),
    "relation": N_("relation"),
}

#: An attack line, by relation (and whether several claims attack together).
_ATTACKS = {
    ("rebuts", False): N_("{by}'s {attackers} rebuts {other}'s {target}"),
    ("rebuts", True): N_("{by}'s {attackers} rebut together {other}'s {target}"),
    ("contradicts", False): N_("{by}'s {attackers} contradicts {other}'s {target}"),
    ("contradicts", "mutual"): N_("{by}'s {attackers} and {other}'s {target} contradict each other"),
    ("undercuts", False): N_("{by}'s {attackers} undercuts {other}'s {target}"),
    ("undercuts", True): N_("{by}'s {attackers} undercut together {other}'s {target}"),
    ("derived", False): N_("{by}'s {attackers} attacks (derived with {support} support) {other}'s {target}"),
}


def shorten(text: str, width: int = TEXT_WIDTH) -> str:
    """``text`` cut at a word boundary to at most ``width`` characters, with "…" where it was cut."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


class _Texts:
    """What each id of the map says, shortened, in quotation marks of the interface language."""

    def __init__(self, argument_map):
        self.m = argument_map
        self.claims = {c.id: c.text for c in reversed(argument_map.claims)}
        self.arguments = {a.id: a.title for a in argument_map.arguments}
        self.relations = {r.name: r for r in argument_map.relations if r.name is not None}

    def plain(self, ident: str) -> str | None:
        """The full text of a claim, the title of an argument, or a named relation in words."""
        if ident in self.claims:
            return self.claims[ident]
        if ident in self.arguments:
            return self.arguments[ident]
        rel = self.relations.get(ident)
        if rel is None:
            return None
        kind = type(rel).__name__.lower()
        if kind == "contradiction":
            return _("{first} contradicts {second}", first=rel.first, second=rel.second)
        verb = {"support": N_("{a} supports {b}"), "rebuttal": N_("{a} rebuts {b}"), "undercut": N_("{a} undercuts {b}")}[kind]
        return _(verb, a=" + ".join(rel.attackers if kind != "support" else rel.premises), b=rel.target if kind != "support" else rel.conclusion)

    def quoted(self, ident: str) -> str:
        text = self.plain(ident)
        return _("“{text}”", text=shorten(text)) if text else ""

    def item(self, ident: str) -> str:
        """``id: “text”``."""
        quoted = self.quoted(ident)
        return f"{ident}: {quoted}" if quoted else ident


def _print(c, name, out, kinds: dict[str, str], texts: _Texts) -> None:
    p, q = c.first, c.second

    def say(line: str = "") -> None:
        print(line, file=out)

    def listing(label: str, ids, indent: str = "  ") -> None:
        if not ids:
            say(indent + _("{label}: nothing", label=label))
            return
        say(f"{indent}{label}:")
        for ident in ids:
            say(f"{indent}  {texts.item(ident)}")

    say(_("{name}: positions `{p}` and `{q}`", name=name, p=p, q=q))
    say()
    say(_("agree:"))
    listing(_("both accept"), c.both_accept)
    listing(_("both reject"), c.both_reject)
    say(_("disagree:"))
    if not c.disagree:
        say("  " + _("nowhere"))
    for ident, stance in c.disagree:
        if stance == "accepts":
            say("  " + _("{id}: {p} accepts, {q} rejects", id=ident, p=p, q=q))
        else:
            say("  " + _("{id}: {p} rejects, {q} accepts", id=ident, p=p, q=q))
        if texts.quoted(ident):
            say(f"    {texts.quoted(ident)}")
    for who, pairs in ((p, c.only_first), (q, c.only_second)):
        say(_("only {who}:", who=who))
        accepts = [i for i, s in pairs if s == "accepts"]
        rejects = [i for i, s in pairs if s == "rejects"]
        if not pairs:
            say("  " + _("nothing the other does not mention"))
        if accepts:
            listing(_("accepts"), accepts)
        if rejects:
            listing(_("rejects"), rejects)
    say(_("attacks between them:"))
    if not c.attacks:
        say("  " + _("none"))
    written = {(a.by, a.attackers, a.target, a.line) for a in c.attacks if a.relation == "contradicts"}
    for a in c.attacks:
        other = q if a.by == p else p
        together = len(a.attackers) > 1 and a.relation != "derived"
        if a.relation == "contradicts" and (other, (a.target,), a.attacker, a.line) in written:
            # A contradiction both hold one side of: one line, said once.
            if a.by != p:
                continue
            together = "mutual"
        template = _ATTACKS.get((a.relation, together)) or _ATTACKS[(a.relation, False)]
        line = _(template, by=a.by, attackers=" + ".join(a.attackers), other=other, target=a.target, support=c.support)
        if a.name is not None and a.relation != "derived":
            # The attack holds because the position accepts the relation too.
            kind = _(_KINDS.get(kinds.get(a.name, "relation"), _KINDS["relation"]))
            if a.line is not None:
                line += " " + _("({kind} {name}, line {line})", kind=kind, name=a.name, line=a.line)
            else:
                line += " " + _("({kind} {name})", kind=kind, name=a.name)
        elif a.line is not None and a.relation != "derived":
            line += " " + _("(line {line})", line=a.line)
        say(f"  {line}")
        for ident in (*a.attackers, a.target):
            if texts.quoted(ident):
                say(f"    {texts.item(ident)}")
