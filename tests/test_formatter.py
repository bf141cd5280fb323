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


def test_outline_is_written_flat():
    """An outline is formatted as the equivalent flat statements."""
    m = argmap.parse("claim ban: Verbot.\n  + (r) focus: Fokus.\n    ~ old: Alt.\n  - call: Notfall.\n")
    assert m.to_source() == (
        "claim ban: Verbot.\nclaim focus: Fokus.\nr: focus supports ban\n"
        "claim old: Alt.\nold undercuts r\nclaim call: Notfall.\ncall rebuts ban\n"
    )


def test_long_text_wraps_onto_continuation_lines():
    """A claim text longer than the line width continues on `|` lines and reads back the same."""
    text = " ".join(["Wort"] * 60)
    m = argmap.parse(f"claim a: {text}\n")
    out = m.to_source()
    assert "\n  | " in out
    assert max(len(line) for line in out.splitlines()) <= 100
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
