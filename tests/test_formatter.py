"""The canonical formatter: lossless round trip and idempotence."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.formatter import format_map
from argmap import ArgumentMap, Claim, Comment, Support
from tests.strategies import comment_texts, maps

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").rglob("*.argmap"))
TOP_EXAMPLES = sorted((ROOT / "examples").glob("*.argmap"))


@given(maps())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_round_trip_generated(m):
    """parse(fmt(m)) equals m for generated maps, and fmt is idempotent."""
    text = format_map(m)
    again = argmap.parse(text)
    assert again == m
    assert format_map(again) == text


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_round_trip_examples(path):
    """Every bundled example survives formatting unchanged as a model."""
    original = argmap.load(path)
    text = original.to_source()
    assert argmap.parse(text) == original
    assert argmap.parse(text).to_source() == text


def test_outline_is_written_back_as_an_outline():
    """An outline is formatted as an outline, with its nesting, names and attributes."""
    src = (
        "claim ban: Verbot.\n"
        "  + (r) focus: Fokus.\n"
        "    basis: study\n"
        "    ~ old: Alt.\n"
        "  - call: Notfall.\n"
        "    - office: Sekretariat.\n"
        "  + focus + call\n"
        "  + implicit hidden: Still.\n"
    )
    assert argmap.parse(src).to_source() == src


def test_outline_written_flat_when_its_claim_is_gone():
    """An outline item whose claim above was removed is written as a flat statement."""
    m = argmap.parse("claim ban: Verbot.\n  + focus: Fokus.\n  - call\nclaim call: Notfall.\n")
    without_ban = m.evolve(items=m.items[1:])
    text = without_ban.to_source()
    assert text == "claim focus: Fokus.\nfocus supports ban\ncall rebuts ban\nclaim call: Notfall.\n"
    assert argmap.parse(text) == without_ban


def test_built_maps_are_written_flat():
    """A map built in Python has no outline and is written as flat statements."""
    b = argmap.MapBuilder()
    b.claim("a", "A.")
    b.claim("b", "B.")
    b.supports("a", "b")
    assert b.build().to_source() == "claim a: A.\nclaim b: B.\na supports b\n"


def test_long_text_wraps_onto_continuation_lines():
    """A claim text longer than the line width continues on `|` lines and reads back the same."""
    text = " ".join(["Wort"] * 60)
    m = argmap.parse(f"claim a: {text}\n")
    out = m.to_source()
    assert "\n  | " in out
    assert max(len(line) for line in out.splitlines()) <= 120
    assert argmap.parse(out).claim("a").text == text


def test_comments_are_kept():
    """Comments survive formatting in their place."""
    src = "# Kopf\nclaim a: A.\n# zwischen\nclaim b: B.\n"
    out = argmap.parse(src).to_source()
    assert out.index("# Kopf") < out.index("claim a") < out.index("# zwischen") < out.index("claim b")


def test_german_basis_is_written_in_english():
    """A basis given in German is written in its canonical English name."""
    m = argmap.parse("claim a: A.\n  basis: Statistik\n")
    assert "basis: statistic" in m.to_source()


def test_title_with_quotes_and_backslash():
    """A source title with quotes and backslashes is escaped and read back."""
    m = argmap.MapBuilder()
    m.source("s", 'Er sagte "nein" \\ ja')
    built = m.build()
    assert argmap.parse(built.to_source()) == built


@pytest.mark.parametrize("path", TOP_EXAMPLES, ids=[p.name for p in TOP_EXAMPLES])
def test_examples_are_in_canonical_form(path):
    """`argmap fmt --check` passes on every bundled example."""
    text = path.read_text("utf-8")
    assert argmap.parse(text).to_source() == text


# -- comments anywhere ---------------------------------------------------------------------------

COMMENTS = [
    ("the issue's example", "claim a: A\n  # note\nposition p: accepts a\n"),
    ("at the top", "# head\nclaim a: A.\n"),
    ("above the title", "# head\ntitle: T\n\nclaim a: A.\n"),
    ("under the title", "title: T\n  # about the title\nlang: de\n\nclaim a: A.\n"),
    ("between title and the first claim", "title: T\n\n# first\nclaim a: A.\n"),
    ("only comments and a title", "# one\ntitle: T\n  # two\n"),
    ("only comments", "# one\n  # two\n# three\n"),
    ("an indented comment first", "  # odd\nclaim a: A.\n"),
    ("under a claim", "claim a: A.\n  # c\nclaim b: B.\n"),
    ("between a claim's attributes", "claim a: A.\n  basis: study\n  # c\n  note: n\n"),
    ("after a claim's attributes", "claim a: A.\n  basis: study\n  # c\n\nposition p: accepts a\n"),
    ("between continuation lines", "claim a: one\n  # c\n  | two\n"),
    ("under a source", 'source s: "S"\n  # c\n  author: X\nclaim a: A.\n'),
    ("before a source", 'claim a: A.\n\n# c\nsource s: "S"\n'),
    ("under a group", "group g: G\n  # c\n  | more\nclaim a: A.\n"),
    ("before and after a group", "claim a: A.\n# before\ngroup g: G\n# after\n"),
    ("under a relation", "claim a: A.\nclaim b: B.\na supports b\n  # c\nb rebuts a\n"),
    ("under a named relation", "claim a: A.\nclaim b: B.\nr: a supports b\n  # c\n"),
    ("under a position", "claim a: A.\n\nposition p: accepts a\n  # c\n"),
    ("between a position's lines", "claim a: A.\nclaim b: B.\n\nposition p:\n  accepts a\n  # c\n  rejects b\n"),
    ("before a position", "claim a: A.\n\n# c\nposition p: accepts a\n"),
    ("between outline items", "claim a: A.\n  + b: B.\n  # c\n  - d: D.\n"),
    ("deep in an outline", "claim a: A.\n  + (r) b: B.\n    # on b\n    ~ u: U.\n      # on u\n  - d\n"),
    ("at the margin in an outline", "claim a: A.\n  + b: B.\n# c\n  - d: D.\n"),
    ("after an outline item's attributes", "claim a: A.\n  + b: B.\n    basis: study\n    # c\nclaim d: D.\n"),
    ("at the end of the file", "claim a: A.\n# end\n"),
    ("indented at the end of the file", "claim a: A.\n  + b\n    # end\n"),
    ("empty comments", "#\nclaim a: A.\n  #\n"),
    ("tab-indented", "claim a: A.\n\t# c\n"),
    ("many in a row", "claim a: A.\n# 1\n  # 2\n    # 3\n# 4\nclaim b: B.\n"),
]


def comment_lines(text: str) -> list[str]:
    """The text of every comment line, in order."""
    return [line.lstrip(" \t")[1:].rstrip() for line in text.split("\n") if line.lstrip(" \t").startswith("#")]


@pytest.mark.parametrize("src", [c[1] for c in COMMENTS], ids=[c[0] for c in COMMENTS])
def test_every_comment_survives_fmt(src):
    """fmt keeps every comment, in order, does not change the map, and is idempotent."""
    m = argmap.parse(src)
    out = m.to_source()
    assert comment_lines(out) == comment_lines(src)
    again = argmap.parse(out)
    assert again == m
    assert again.to_source() == out


@pytest.mark.parametrize(
    "src, expected",
    [
        ("claim a: A\n  # note\nposition p: accepts a\n", "claim a: A\n  # note\n\nposition p: accepts a\n"),
        ("title: T\n# first\nclaim a: A.\n", "title: T\n\n# first\nclaim a: A.\n"),
        ("# head\ntitle: T\nclaim a: A.\n", "# head\ntitle: T\n\nclaim a: A.\n"),
        ("claim a: A.\n    + b: B.\n        # c\n    - d: D.\n", "claim a: A.\n  + b: B.\n    # c\n  - d: D.\n"),
        ("claim a: A.\n    + b: B.\n    # c\n    - d: D.\n", "claim a: A.\n  + b: B.\n  # c\n  - d: D.\n"),
        ("claim a: A.\n  + b: B.\n# c\n  - d: D.\n", "claim a: A.\n  + b: B.\n# c\n  - d: D.\n"),
        ("claim a: A.\n    # c\nclaim b: B.\n", "claim a: A.\n  # c\nclaim b: B.\n"),
    ],
)
def test_comments_stay_in_place(src, expected):
    """A comment stays under the statement above it, at the depth of the outline item below it."""
    assert argmap.parse(src).to_source() == expected


def test_comments_in_a_built_map_round_trip():
    """Comments anywhere in a map built in Python (no spans) are written at the left margin and read back."""
    m = ArgumentMap(
        [Comment(" a"), Claim("x", "X."), Comment(" b"), Support(["x"], "y"), Comment(" c")],
        title="T",
    )
    text = m.to_source()
    assert text == "# a\ntitle: T\n\nclaim x: X.\n\n# b\nx supports y\n\n# c\n"
    assert argmap.parse(text) == m
    assert argmap.parse(text).to_source() == text


EXAMPLE_TEXTS = [p.read_text("utf-8") for p in TOP_EXAMPLES]


@st.composite
def texts_with_comments(draw):
    """A canonical map text (generated or a bundled example) with comment lines inserted anywhere."""
    if EXAMPLE_TEXTS and draw(st.booleans()):
        text = draw(st.sampled_from(EXAMPLE_TEXTS))
    else:
        text = format_map(draw(maps(max_claims=4)))
    lines = text.splitlines()
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(lines)))
        indent = draw(st.sampled_from(["", "  ", "    ", "      ", "\t", " "]))
        lines.insert(at, f"{indent}#{draw(comment_texts)}")
    return "\n".join(lines) + draw(st.sampled_from(["\n", ""]))


@given(texts_with_comments())
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_comments_inserted_anywhere_survive_fmt(text):
    """Comments inserted at random places: fmt keeps every one, in order, and is idempotent."""
    m = argmap.parse(text)
    out = m.to_source()
    assert comment_lines(out) == comment_lines(text)
    again = argmap.parse(out)
    assert again == m
    assert again.to_source() == out


def test_exact_text_of_issue9_constructs_built_in_python():
    """Named and linked objections with attributes, an argument and nested groups, as fmt writes them."""
    b = argmap.MapBuilder()
    b.claim("a", "A.")
    b.claim("b", "B.")
    b.claim("c", "C.")
    b.rebuts(["a", "b"], "c", name="r", tags=["zug"], note="Ein Einwand.", group="g")
    b.contradicts("a", "b", name="k")
    b.undercuts("c", "r")
    b.argument("x", "Titel", gist="Kurz.", inference="MP", steps=[(["a"], "b"), ([], "c")], group="g")
    b.group("g", "G", parent="h")
    b.group("h", "H")
    assert b.build().to_source() == (
        "claim a: A.\nclaim b: B.\nclaim c: C.\n"
        "r: a + b rebuts c\n  tags: zug\n  group: g\n  note: Ein Einwand.\n"
        "k: a contradicts b\n"
        "c undercuts r\n"
        "\n"
        "argument x: Titel\n  gist: Kurz.\n  inference: MP\n  group: g\n"
        "  premise a\n  conclusion b\n  conclusion c\n"
        "\n"
        "group g: G\n  group: h\ngroup h: H\n"
    )


def test_outline_relation_with_attributes_is_written_flat():
    """A relation read from an outline that gains a note leaves the outline (an item has no place for it)."""
    m = argmap.parse("claim t: T.\n  - (r) a: A.\n    ~ u: U.\n")
    items = [attrs.evolve(i, note="N") if isinstance(i, argmap.Rebuttal) else i for i in m.items]
    text = m.evolve(items=items).to_source()
    assert text == "claim t: T.\nclaim a: A.\nr: a rebuts t\n  note: N\nclaim u: U.\nu undercuts r\n"
    assert argmap.parse(text) == m.evolve(items=items)


def test_fmt_rewrites_a_map_whose_errors_are_not_syntax_errors_and_keeps_it_exact(tmp_path):
    """fmt refuses only syntax errors; a map with reference errors is formatted losslessly."""
    from cli_support import run

    path = tmp_path / "m.argmap"
    path.write_text("claim a:   A\nr: a rebuts ghost\n", "utf-8")
    code, out, err = run("fmt", path)
    assert code == 0, err
    assert path.read_text("utf-8") == "claim a: A\nr: a rebuts ghost\n"
    path.write_text("claim a:   A\na suports b\n", "utf-8")
    code, out, err = run("fmt", path)
    assert code == 1 and "not formatted: it has syntax errors" in err
    assert path.read_text("utf-8") == "claim a:   A\na suports b\n"
