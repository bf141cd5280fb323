"""The line shapes read without lark give exactly the records lark gives."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
from lark import UnexpectedInput

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
]

IDS = ["a", "c1", "ä_b", "9x", "claim", "supports", "premise", "accepts", "implicit", "source", "title", "Claim"]


@pytest.mark.parametrize("template", TEMPLATES)
def test_shapes_read_as_lark_reads_them(template):
    """Every shape, with ids that are keywords or look like them: the same record as lark's, or lark reads it."""
    read = 0
    for a, b, c in itertools.product(IDS, ["b", "rebuts", "x_1"], ["r", "title", "lang"]):
        read += _same_as_lark(template.format(a=a, b=b, c=c))
    assert read > 0


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
              ":", " ", "  ", "\t", "(", ")", "#", "|", '"', "x y", "source", "title", ",", ";", "accepts", "\f"]
    read = 0
    for _ in range(4000):
        src = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        read += _same_as_lark(src)
    assert read > 100


def test_errors_on_lines_between_read_lines():
    """A broken line among lines read without lark is reported at its own line and column."""
    text = "claim a: A.\nclaim b: B.\na suports b\nclaim c: C.\n  - a\nb rebuts c\n"
    _, diagnostics = read_text(text, "x.argmap")
    assert [(d.code, d.span.line, d.span.column) for d in diagnostics] == [("E101", 3, 3)]
