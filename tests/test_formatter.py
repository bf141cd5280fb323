"""The canonical formatter: lossless round trip and idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap.formatter import format_map
from tests.strategies import maps

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
