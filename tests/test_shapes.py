"""The line shapes read without lark give exactly the records lark gives."""

from __future__ import annotations

import functools
import itertools
import random
from pathlib import Path

import attrs
import pytest
from lark import UnexpectedInput

import argmap
from argmap.model import Span
from argmap.syntax import read_text
from argmap.syntax.lines import Line
from argmap.syntax.parser import _parse_segment, _parser
from argmap.syntax.shapes import keywords, read_line, terminals

ROOT = Path(__file__).resolve().parent.parent


def _by_lark(src: str) -> Line | None:
    try:
        records = _parse_segment("\n" + src, 0)
    except UnexpectedInput:
        return None
    assert len(records) == 1
    return records[0]


def _plain(value):
    """A record's parts as comparable data: each token as (text, type, column)."""
    if isinstance(value, Line):
        return (value.kind, value.sub, _plain(value.parts))
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, str) and hasattr(value, "column"):
        return (str(value), value.type, value.column)
    return value


def _same_as_lark(src: str) -> bool:
    """Whether read_line either declines ``src`` or reads it as lark does; True when it read it."""
    body = src.lstrip(" \t")
    fast = read_line(src, src[: len(src) - len(body)])
    if fast is None:
        return False
    slow = _by_lark(src)
    assert slow is not None, f"read without lark, but lark refuses: {src!r}"
    assert _plain(fast) == _plain(slow), src
    return True


def test_terminals_are_the_grammars():
    """The patterns are made from the grammar's terminals, as lark compiles them."""
    compiled = {t.name: t.pattern.to_regexp() for t in _parser().terminals}
    for name, regex in terminals().items():
        # lark turns the escapes \t, \r, \n of a /regex/ into the characters themselves
        assert compiled[name] == regex.replace("\\t", "\t").replace("\\r", "\r").replace("\\n", "\n"), name
    assert {"claim", "supports", "premise", "accepts", "implicit"} <= keywords()


TEMPLATES = [
    "claim {a}: Europa muss investieren.",
    "claim {a}:",
    "claim\t{a}\t:\ttext with\ttabs  ",
    "claim {a}:text",
    "implicit claim {a}: Unstated.",
    "group {a}: Die Lage",
    "argument {a}: Die Kosten",
    "{a} supports {b}",
    "{a}  rebuts\t{b}  ",
    "{a} contradicts {b}",
    "{a} undercuts {b}",
    "{a} + {b} supports {c}",
    "{a}+{b} rebuts {c}",
    "{c}: {a} supports {b}",
    "{c}:{a} + {b} undercuts {b}",
    "{a} + {b} contradicts {c}",
    'source {a}: "Ein \\"Titel\\""',
    'source {a}:"T"  ',
    "title: Eine Karte",
    "lang: de",
    "question:",
    "# a comment",
    "#",
    "  {a}: value",
    "  {a}:",
    "\t{a} :  value with spaces  ",
    "  + {a}",
    "  +{a}",
    "  - ({c}) {a} + {b}",
    "  ~ ( {c} ) {a}",
    "  + {a}: Ein Grund.",
    "  - implicit {a}: Unausgesprochen.",
    "  + ({c}) {a}:",
    "  premise {a}",
    "  premise {a}: Text.",
    "  conclusion implicit {a}: Text.",
    "  conclusion {a}:",
    "  | more text",
    "  # indented comment",
    "position {a}: accepts {b}, {c}; rejects {a}",
    "position {a}:",
    "position\t{a} :accepts {b},{c};rejects {a} ,{b}  ",
    "position {a}: rejects {b} ; accepts {c}",
    "  accepts {a}, {b}",
    "\trejects {b}\t,\t{c}  ",
]

IDS = ["a", "c1", "ä_b", "9x", "claim", "supports", "premise", "accepts", "implicit", "source", "title", "Claim"]


@pytest.mark.parametrize("template", TEMPLATES)
def test_shapes_read_as_lark_reads_them(template):
    """Every shape, with ids that are keywords or look like them: the same record as lark's, or lark reads it."""
    read = 0
    for a, b, c in itertools.product(IDS, ["b", "rebuts", "x_1"], ["r", "title", "lang"]):
        read += _same_as_lark(template.format(a=a, b=b, c=c))
    assert read > 0


@pytest.mark.parametrize(
    "template",
    [
        "position {a}: accepts {b};",
        "position {a}: accepts",
        "position {a}: accepts {b} rejects {c}",
        "position {a} accepts {b}",
        "  accepts {a}; rejects {b}",
        "  rejects {c},",
        "  accepts",
        "accepts {a}",
    ],
)
def test_broken_stances_are_left_to_lark(template):
    """A position or stance line with a mistake is not read without lark, and lark reports it."""
    for a, b, c in itertools.product(IDS, ["b", "rebuts"], ["r", "title"]):
        src = template.format(a=a, b=b, c=c)
        body = src.lstrip(" \t")
        assert read_line(src, src[: len(src) - len(body)]) is None, src
        assert _by_lark(src) is None, src


def test_lines_of_the_examples():
    """Every line of the bundled examples and test maps: read as lark reads it."""
    read = 0
    for path in sorted(ROOT.glob("examples/**/*.argmap")) + sorted(ROOT.glob("tests/data/**/*.argmap")):
        for src in path.read_text("utf-8").split("\n"):
            if src.strip():
                read += _same_as_lark(src.removesuffix("\r"))
    assert read > 100


def test_random_lines():
    """Lines made of the language's pieces at random: read as lark reads them, or left to lark."""
    rng = random.Random(4)
    pieces = ["claim", "implicit", "supports", "rebuts", "premise", "conclusion", "a", "b1", "ü", "+", "-", "~",
              ":", " ", "  ", "\t", "(", ")", "#", "|", '"', "x y", "source", "title", ",", ";", "accepts", "\f",
              "position", "rejects", "position p: accepts "]
    read = 0
    for _ in range(4000):
        src = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        read += _same_as_lark(src)
    assert read > 100


def test_random_position_lines():
    """Position and stance lines made at random (ids, keywords, commas, semicolons, blanks): read as lark reads them, or left to lark."""
    rng = random.Random(13)
    pieces = ["accepts", "rejects", "a", "b_2", "ö", "claim", ",", ";", ":", " ", " ", "\t", "position"]
    read = 0
    for _ in range(3000):
        head = rng.choice(["position p: ", "position q:", "  ", "\t", "position x :  "])
        read += _same_as_lark(head + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9))))
    assert read > 30


def test_errors_on_lines_between_read_lines():
    """A broken line among lines read without lark is reported at its own line and column."""
    text = "claim a: A.\nclaim b: B.\na suports b\nclaim c: C.\n  - a\nb rebuts c\n"
    _, diagnostics = read_text(text, "x.argmap")
    assert [(d.code, d.span.line, d.span.column) for d in diagnostics] == [("E101", 3, 3)]


# -- whole statements: claim and relation lines made into items at once -------------


def _read_both(text: str):
    """The map and diagnostics of ``text`` read with and without whole statements."""
    from argmap.syntax.assemble import assemble
    from argmap.syntax.parser import iter_lines

    out = []
    for whole in (True, False):
        syntax: list = []
        lines = functools.partial(iter_lines, text, "m.argmap", syntax, None) if whole else iter_lines(text, "m.argmap", syntax)
        argument_map, more = assemble(lines, text, "m.argmap")
        out.append((argument_map, syntax + more))
    return out


def _where(item):
    return (getattr(item, "span", None), getattr(item, "ref_spans", None))


def _same_either_way(text: str) -> None:
    (fast, found), (slow, expected) = _read_both(text)
    assert fast == slow, text
    assert [_where(i) for i in fast.items] == [_where(i) for i in slow.items], text
    assert [type(i) for i in fast.items] == [type(i) for i in slow.items]
    assert [(d.code, d.message, d.span, d.hint) for d in found] == [(d.code, d.message, d.span, d.hint) for d in expected]


def _whole_lines(text: str) -> int:
    from argmap.syntax.shapes import ID, OTHER, TEXT, claim_text, scan_lines

    return sum(1 for rows in scan_lines(text) for row in rows if not row[OTHER] and (not row[ID] or claim_text(row[TEXT])))


def test_whole_statements_of_the_examples():
    """Every bundled example and test map: the same items, spans and diagnostics with whole statements."""
    whole = 0
    for path in sorted(ROOT.glob("examples/**/*.argmap")) + sorted(ROOT.glob("tests/data/**/*.argmap")):
        text = path.read_text("utf-8")
        _same_either_way(text)
        whole += _whole_lines(text)
    assert whole > 50


LINES = [
    "claim {a}: Europa muss investieren.",
    "claim {a}: Zwei  Leerzeichen.",
    "claim {a}:  Vorne.",
    "claim {a}: Hinten.  ",
    "claim {a}: Tab\tim Text.",
    "claim {a}: Mit # Kommentar",
    "claim {a}: #MeToo und C#",
    "claim {a}: #",
    "claim {a}:# x",
    "claim {a}: Ende\f",
    "claim {a}: Text\u00a0mit festem Leerzeichen",
    "claim {a}:",
    "claim  {a}: Zwei Leerzeichen davor.",
    "claim {a} : Vor dem Doppelpunkt.",
    "{a} supports {b}",
    "{a}  supports {b}",
    "{a} rebuts {b}  ",
    "{a} contradicts {b}",
    "{a} undercuts {c}",
    "{c}: {a} supports {b}",
    "{c}:{a} rebuts {b}",
    "{a} + {b} supports {c}",
    "{a} + {b} contradicts {c}",
    "{a} supports {a}",
    "{c}: {a} contradicts {a}",
    "{a} suports {b}",
    "  source: s0",
    "  basis: statistic",
    "  basis: Statistik",
    "   source: s0",
    "  note: Ein  Hinweis",
    "  note: mit # darin",
    "  weight: 0.7",
    "  weight: viel",
    "  quote: \"wörtlich\"",
    "  tags: a, b",
    "  extra: Wert",
    "  source: s0  ",
    "  premise: x",
    "  | more text",
    "  + {b}",
    "  - {b}: Einwand.",
    "# a comment",
    "  # an indented comment",
    "",
    "   ",
    "\t",
    'source s0: "Eine Quelle"',
    "position p: accepts {a}; rejects {b}",
    "argument {c}: Titel",
    "  premise {a}",
    "  conclusion {b}",
    "title: Karte",
]
WORDS = ["a", "b", "c1", "ä_ü", "x9", "claim", "supports", "source", "r"]


@pytest.mark.parametrize("seed", range(40))
def test_whole_statements_of_random_maps(seed):
    """Maps of random lines (plain and odd spacing, keywords as ids, comments, blank and
    indented lines, CRLF): the same items, spans and diagnostics with whole statements."""
    rng = random.Random(seed)
    lines = []
    for _ in range(rng.randint(1, 40)):
        a, b, c = (rng.choice(WORDS) for _ in range(3))
        lines.append(rng.choice(LINES).format(a=a, b=b, c=c))
    ending = rng.choice(["\n", "\r\n"])
    text = ending.join(lines) + rng.choice(["", ending, ending * 2])
    _same_either_way(text)


ATTRIBUTES = [
    "source: s0",
    "basis: statistic",
    "basis: Statistik",
    "basis: Meinung",
    "note: Ein Hinweis",
    "note: Ein  Hinweis",
    "note: mit # darin",
    "note: C# und #MeToo",
    "weight: 0.7",
    "weight: viel",
    "quote: \"wörtlich\"",
    "tags: a, b",
    "group: g1",
    "extra: Wert",
    "source: s0  ",
    "source: nicht id",
    "source: s0",
    "premise: x",
    "claim: x",
]


@pytest.mark.parametrize("seed", range(60))
def test_whole_claims_with_attributes_of_random_maps(seed):
    """Claims with attribute lines (known and unknown keys, wrong values, keys
    given twice, odd spacing and indentation) between plain lines: the same
    items, spans and diagnostics with whole statements."""
    rng = random.Random(seed)
    lines = ['source s0: "Q"']
    for i in range(rng.randint(1, 12)):
        lines.append(f"claim c{i}: {rng.choice(['Text.', 'Zwei Wörter.', 'Hinten. ', 'Mit # Notiz'])}")
        indent = rng.choice(["  ", "  ", "    ", " ", "\t"])
        for _ in range(rng.randint(0, 3)):
            lines.append(rng.choice([indent, indent, indent, "   "]) + rng.choice(ATTRIBUTES))
        lines.append(rng.choice(["c0 supports c1", "", "# Kommentar", "claim x: X."]))
    text = "\n".join(lines) + rng.choice(["", "\n"])
    if seed == 0:
        assert _whole_lines("claim a: A.\n  source: s0\n  basis: Statistik\nclaim b: B.") == 2
    _same_either_way(text)


def _remade_alike(text: str) -> None:
    """Each claim read from ``text`` equals the claim the checking constructor
    makes of its fields (the reader makes them without converters and validators)."""
    m, _ = argmap.read(text, "m.argmap")
    for claim in m.claims:
        again = attrs.evolve(claim)
        assert again == claim
        assert (again.span, again.ref_spans, again.quote_span, again.outline, again.argument) == (
            claim.span, claim.ref_spans, claim.quote_span, claim.outline, claim.argument
        )
        assert all(type(getattr(claim, f)) is type(getattr(again, f)) for f in ("tags", "extra", "weight", "basis", "quote"))


def test_claims_read_are_what_the_constructor_makes():
    """Every claim of the examples and test maps, and of maps with every kind of attribute."""
    for path in sorted(ROOT.glob("examples/**/*.argmap")) + sorted(ROOT.glob("tests/data/**/*.argmap")):
        _remade_alike(path.read_text("utf-8"))
    lines = ['source s0: "Q"']
    for i, attribute in enumerate(ATTRIBUTES + ['quote: " Vorne  und hinten "', "tags: a,  b  c, , d", "note: x  y"]):
        lines += [f"claim c{i}: Text {i}.", f"  {attribute}"]
    _remade_alike("\n".join(lines) + "\n")


def test_whole_statements_are_read():
    """A map written the plain way is read in whole statements, with the spans its lines give."""
    text = "claim a: Rain.\nclaim bb: Wet streets here.\nname: a supports bb  \r\nbb rebuts a\nbb contradicts a"
    assert _whole_lines(text) == 5
    _same_either_way(text)
    m = argmap.parse(text, "m.argmap")
    assert m.relations[0].ref_spans[-1] == Span("m.argmap", 3, 1, 3, 5)
    assert m.relations[2].span == Span("m.argmap", 5, 1, 5, 17)
    # A claim with its attributes is one; a line that something may be added to
    # (a comment between it and its attribute) is not.
    assert _whole_lines("claim a: A.\n  source: s\nclaim b: B.\n# c\n  note: n\n") == 1
