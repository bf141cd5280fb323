"""Maps built in Python: whatever the API accepts is written so that it reads back the same,
and what the language cannot say is refused with ModelError."""

from __future__ import annotations

import importlib
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap import (
    Argument,
    ArgumentMap,
    Attribute,
    Basis,
    Claim,
    Comment,
    Contradiction,
    Group,
    MapBuilder,
    ModelError,
    Position,
    Rebuttal,
    Source,
    Span,
    Step,
    Support,
    Undercut,
)
from argmap.model import CLAIM_ATTRIBUTES, SOURCE_ATTRIBUTES
from tests.strategies import builder_calls, issue9_texts, item_arguments

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_round_trip(m: ArgumentMap) -> None:
    """parse(to_source(m)) == m, and formatting the result again changes nothing."""
    text = m.to_source()
    again = argmap.parse(text)
    assert again == m, text
    assert again.to_source() == text


# -- properties --------------------------------------------------------------------------------


@given(builder_calls())
@SETTINGS
def test_builder_accepts_only_what_round_trips(calls):
    """Every MapBuilder call either raises ModelError or adds something the text can say."""
    b = MapBuilder()
    for name, args, kwargs in calls:
        try:
            getattr(b, name)(*args, **kwargs)
        except ModelError as error:
            assert error.field in str(error)
    assert_round_trip(b.build())


@given(item_arguments())
@SETTINGS
def test_model_classes_accept_only_what_round_trips(arguments):
    """Every model constructor either raises ModelError or makes an item that round-trips."""
    cls, args, kwargs = arguments
    try:
        item = cls(*args, **kwargs)
        if cls is Attribute:
            item = Claim("a", "A.", extra=[item])
    except ModelError as error:
        assert isinstance(error, ValueError)
        assert f"{error.item}.{error.field}" in str(error)
        return
    assert_round_trip(ArgumentMap([item]))


@given(builder_calls())
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_meta_round_trips(calls):
    """Title, lang and question given as any text either are refused or round-trip."""
    texts = [args[-1] for _, args, _ in calls if args and isinstance(args[-1], str)][:3]
    texts += [None] * (3 - len(texts))
    try:
        b = MapBuilder(title=texts[0], lang=texts[1], question=texts[2])
    except ModelError:
        return
    assert_round_trip(b.build())


# -- the classes of values the language cannot say -------------------------------------------

REFUSED = [
    ("weight above 1", lambda: Claim("a", "A.", weight=2), "weight"),
    ("weight below 0", lambda: Claim("a", "A.", weight=-0.5), "weight"),
    ("weight not a number", lambda: Claim("a", "A.", weight=float("nan")), "weight"),
    ("weight as a string", lambda: Claim("a", "A.", weight="0.5"), "weight"),
    ("weight as a bool", lambda: Claim("a", "A.", weight=True), "weight"),
    ("empty claim text", lambda: Claim("a", ""), "text"),
    ("blank claim text", lambda: Claim("a", " \n "), "text"),
    ("claim text not a string", lambda: Claim("a", None), "text"),
    ("reserved claim id", lambda: Claim("title", "T."), "id"),
    ("id with a space", lambda: Claim("a b", "A."), "id"),
    ("id with a line break", lambda: Claim("a\nclaim", "A."), "id"),
    ("empty id", lambda: Claim("", "A."), "id"),
    ("id not a string", lambda: Claim(3, "A."), "id"),
    ("support named title", lambda: Support(["a"], "b", name="title"), "name"),
    ("support named claim", lambda: Support(["a"], "b", name="claim"), "name"),
    ("support without premises", lambda: Support([], "b"), "premises"),
    ("reserved premise", lambda: Support(["lang"], "b"), "premises"),
    ("reserved attacker", lambda: Rebuttal("question", "b"), "attackers"),
    ("reserved contradiction", lambda: Contradiction("source", "b"), "first"),
    ("reserved undercutter", lambda: Undercut("group", "r"), "attackers"),
    ("reserved id in a position", lambda: Position("p", accepts=["implicit"]), "accepts"),
    ("invalid id in a position", lambda: Position("p", rejects=["a,b"]), "rejects"),
    ("unknown basis", lambda: Claim("a", "A.", basis="hearsay"), "basis"),
    ("basis of the wrong type", lambda: Claim("a", "A.", basis=1), "basis"),
    ("tag with a comma", lambda: Claim("a", "A.", tags=["x, y"]), "tags"),
    ("empty tag", lambda: Claim("a", "A.", tags=[""]), "tags"),
    ("tag not a string", lambda: Claim("a", "A.", tags=[1]), "tags"),
    ("implicit not a bool", lambda: Claim("a", "A.", implicit="no"), "implicit"),
    ("source not an id", lambda: Claim("a", "A.", source="a b"), "source"),
    ("group not an id", lambda: Claim("a", "A.", group="g\nclaim x: X"), "group"),
    ("extra key that is a field", lambda: Claim("a", "A.", extra={"note": "n"}), "extra"),
    ("extra key twice", lambda: Claim("a", "A.", extra=[Attribute("k", "1"), Attribute("k", "2")]), "extra"),
    ("extra key of a source field", lambda: Source("s", "S", extra={"file": "f"}), "extra"),
    ("attribute key accepts", lambda: Attribute("accepts", "x"), "key"),
    ("attribute key not an id", lambda: Attribute("a key", "x"), "key"),
    ("attribute value not a string", lambda: Attribute("k", None), "value"),
    ("source title not a string", lambda: Source("s", None), "title"),
    ("source field not a string", lambda: Source("s", "S", author=3), "author"),
    ("group id not an id", lambda: Group("g g", "G"), "id"),
    ("comment not a string", lambda: Comment(3), "text"),
    ("span of the wrong type", lambda: Claim("a", "A.", span=(1, 1)), "span"),
    ("span with a line that is not a number", lambda: Span(None, "1", 1, 1, 2), "line"),
    ("span file not a string", lambda: Span(3, 1, 1, 1, 2), "file"),
    ("ref_spans holding something else", lambda: Rebuttal("a", "b", ref_spans=[None]), "ref_spans"),
    ("negative outline depth", lambda: Support(["a"], "b", outline=-1), "outline"),
    ("an item that is not an item", lambda: ArgumentMap(["claim a: A."]), "items"),
    ("title not a string", lambda: ArgumentMap(title=3), "title"),
    ("path not a path", lambda: ArgumentMap(path=3), "path"),
    ("builder: title not a string", lambda: MapBuilder(title=["T"]), "title"),
    ("builder: adding a non-item", lambda: MapBuilder().add(Attribute("k", "v")), "items"),
    ("builder: comment not a string", lambda: MapBuilder().comment(None), "text"),
    ("rebuttal without attackers", lambda: Rebuttal([], "b"), "attackers"),
    ("reserved linked attacker", lambda: Undercut(["a", "title"], "r"), "attackers"),
    ("note on an unnamed rebuttal", lambda: Rebuttal("a", "b", note="n"), "name"),
    ("tags on an unnamed support", lambda: Support("a", "b", tags=["t"]), "name"),
    ("group on an unnamed contradiction", lambda: Contradiction("a", "b", group="g"), "name"),
    ("relation tag with a comma", lambda: Undercut("a", "r", name="u", tags=["x,y"]), "tags"),
    ("relation group not an id", lambda: Rebuttal("a", "b", name="r", group="g h"), "group"),
    ("relation note not a string", lambda: Rebuttal("a", "b", name="r", note=3), "note"),
    ("contradiction named lang", lambda: Contradiction("a", "b", name="lang"), "name"),
    ("argument named argument", lambda: Argument("argument", "T", steps=[Step("a", "b")]), "id"),
    ("argument without a title", lambda: Argument("x", " ", steps=[Step("a", "b")]), "title"),
    ("argument without steps", lambda: Argument("x", "T"), "steps"),
    ("argument's first step without premises", lambda: Argument("x", "T", steps=[Step([], "b")]), "steps"),
    ("argument step of the wrong type", lambda: Argument("x", "T", steps=["a"]), "steps"),
    ("reserved premise of a step", lambda: Step(["claim"], "b"), "premises"),
    ("step's conclusion not an id", lambda: Step(["a"], "b c"), "conclusion"),
    ("argument gist not a string", lambda: Argument("x", "T", gist=1, steps=[Step("a", "b")]), "gist"),
    ("derived support as an item", lambda: ArgumentMap([Support("a", "b", argument="x")]), "items"),
    ("claim marked with a bad argument id", lambda: Claim("a", "A.", argument="x y"), "argument"),
    ("group parent not an id", lambda: Group("g", "G", parent="a b"), "parent"),
    ("builder: argument without steps", lambda: MapBuilder().argument("x", "T"), "steps"),
    (
        "builder: argument with steps and premises",
        lambda: MapBuilder().argument("x", "T", steps=[], premises="a", conclusion="b"),
        "steps",
    ),
    ("builder: a step that is not a pair", lambda: MapBuilder().argument("x", "T", steps=[("a",)]), "steps"),
]


@pytest.mark.parametrize("make, field", [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_refused_at_construction(make, field):
    """A value the language cannot say is refused with a ModelError naming the field and the value."""
    with pytest.raises(ModelError) as caught:
        make()
    assert isinstance(caught.value, ValueError)
    assert caught.value.field == field
    assert field in str(caught.value) and repr(caught.value.value) in str(caught.value)


KEPT = [
    ("tag with a line break and a claim", Claim("a", "A.", tags=["x\nclaim b: B."])),
    ("text with line breaks", Claim("a", "one\ntwo\r\n\u2028three")),
    ("title with quotes", Source("s", 'He said "no" \\ yes')),
    ("empty source title", Source("s", "")),
    ("empty file", Source("s", "S", file="")),
    ("file in quotation marks", Source("s", "S", file="'x.txt'")),
    ("file with one quotation mark", Source("s", "S", file='"x.txt')),
    ("quote in quotation marks", Claim("a", "A.", quote='"Wort"')),
    ("note starting with a bar", Claim("a", "A.", note="| x # y")),
    ("empty attribute value", Claim("a", "A.", extra={"k": ""})),
    ("empty group label", Group("g", "")),
    ("empty position", Position("p")),
    ("keywords as ids where they can stand", Support(["supports"], "rebuts", name="accepts")),
    ("reserved words as ids of sources, groups, positions", Source("title", "T")),
    ("weight as an int", Claim("a", "A.", weight=1)),
    ("tiny weight", Claim("a", "A.", weight=1e-300)),
    ("basis by name", Claim("a", "A.", basis="Studie")),
    ("comment with line breaks", Comment(" one\ntwo\rthree")),
    ("claim text with a hash", Claim("a", "#nohashtag")),
    ("linked rebuttal", Rebuttal(["a", "b"], "c")),
    ("named rebuttal with attributes", Rebuttal("a", "b", name="r", tags=["x"], note="| n # m", group="g")),
    ("named contradiction", Contradiction("a", "b", name="c")),
    ("named linked undercut", Undercut(["a", "b"], "r", name="u", note="n")),
    ("keywords of arguments as names", Rebuttal(["premise"], "conclusion", name="premise")),
    ("argument with every field", Argument("x", "T", gist="G " * 80, inference="MP", tags="t", note="n", group="g",
                                           steps=[Step(["a", "b"], "c"), Step([], "d"), Step("e", "f")])),
    ("argument over keywords", Argument("premise", "# T", steps=[Step(["conclusion", "premise"], "gist")])),
    ("nested group", Group("g", "", parent="h")),
]


@pytest.mark.parametrize("item", [k[1] for k in KEPT], ids=[k[0] for k in KEPT])
def test_accepted_values_round_trip(item):
    """A value the API accepts is written so that it reads back as the same map."""
    assert_round_trip(ArgumentMap([item]))


def test_converted_values():
    """Values are made canonical at construction, the way the reader reads them."""
    c = Claim("a", " A \n b ", basis="Studie", weight=1, tags="x", quote="", note="  ", extra={"k": "v"})
    assert (c.text, c.basis, c.weight, c.tags, c.quote, c.note) == ("A b", Basis.STUDY, 1.0, ("x",), None, None)
    assert c.extra == (Attribute("k", "v"),)
    assert Support("ab", "c").premises == ("ab",)
    assert Position("p", accepts="ab").accepts == ("ab",)
    assert ArgumentMap(title="", lang=" ").title is None
    assert Source("s", "S", file="", author="").file == "" and Source("s", "S", author="").author is None
    assert ArgumentMap(path=Path("m.argmap")).path == "m.argmap"
    assert argmap.parse("claim a: A.\n", Path("m.argmap")).claim("a").span.file == "m.argmap"


def test_empty_file_survives_fmt():
    """`file: ""` is kept by fmt, and `file:` (no file) stays no file."""
    text = 'source s: "S"\n  file: ""\n'
    assert argmap.parse(text).to_source() == text
    assert argmap.parse(text).source("s").file == ""
    assert argmap.parse('source s: "S"\n  file:\n').source("s").file is None


def test_model_error_is_public_and_pickles():
    """ModelError is exported, is a ValueError, and survives pickling with its data."""
    assert "ModelError" in argmap.__all__
    with pytest.raises(ModelError) as caught:
        Claim("a", "A.", weight=2)
    again = pickle.loads(pickle.dumps(caught.value))
    assert (again.item, again.field, again.value, again.reason) == ("Claim", "weight", 2.0, caught.value.reason)
    assert str(again) == str(caught.value) == "Claim.weight = 2.0: a weight is a number from 0 to 1"


def test_known_attributes_agree_with_the_reader():
    """The model refuses in `extra` exactly the keys the reader takes for fields."""
    reader = importlib.import_module("argmap.syntax.assemble")
    assert CLAIM_ATTRIBUTES == reader.CLAIM_ATTRIBUTES
    assert SOURCE_ATTRIBUTES == reader.SOURCE_ATTRIBUTES


@pytest.mark.parametrize(
    "text",
    [
        "claim title: T.\n",
        "claim a:\n",
        "claim a: A.\n  + (title) b\n  - claim\n    ~ lang\n",
        "claim a: A.\n  + title\n",
        "position p: accepts claim; rejects title\n",
    ],
)
def test_reader_is_not_refused(text):
    """What the reader reports as a diagnostic (or writes as an outline) is not refused by the model."""
    m, _ = argmap.read(text)
    assert argmap.read(m.to_source())[0] == m


def test_span_marks_items_read_from_text():
    """Only items without a span (built in Python) are refused for reserved words and empty texts."""
    span = Span(None, 1, 1, 1, 2)
    assert Claim("title", "", span=span).id == "title"
    with pytest.raises(ModelError):
        Claim("title", "T.")


def test_outline_item_with_reserved_word_cannot_be_written_flat():
    """A relation read from an outline that names a reserved word cannot leave its outline."""
    m = argmap.parse("claim a: A.\n  - claim\n")
    assert m.to_source() == "claim a: A.\n  - claim\n"
    with pytest.raises(ModelError) as caught:
        m.evolve(items=m.items[1:]).to_source()
    assert caught.value.field == "attackers"


@given(issue9_texts())
@SETTINGS
def test_issue9_texts_are_canonical_and_round_trip(text):
    """Outlines with named and linked objections and undercuts, and arguments defining claims,
    read without syntax errors and are written back exactly as they were (outlines stay outlines)."""
    m, diagnostics = argmap.read(text)
    assert [d for d in diagnostics if d.is_error] == []
    assert m.to_source() == text
    assert argmap.parse(text) == m
