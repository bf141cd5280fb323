"""Items read from text keep their spans packed; reading them gives the same Spans as ever."""

from __future__ import annotations

import pickle

import attrs
import pytest

import argmap
from argmap.model import Claim, Rebuttal, Span, Support, pack_spans, unchecked

TEXT = "claim a: Rain.\nclaim bb: Wet streets.\na supports bb\nr: bb  rebuts\ta\n"


def test_spans_of_a_parsed_map():
    """Span and ref_spans of packed claims and relations: where each is written."""
    m = argmap.parse(TEXT, "m.argmap")
    a, bb = m.claims
    assert a.span == Span("m.argmap", 1, 1, 1, 15)
    assert a.ref_spans == (Span("m.argmap", 1, 7, 1, 8),)
    assert bb.ref_spans == (Span("m.argmap", 2, 7, 2, 9),)
    support, rebuttal = m.relations
    assert support.span == Span("m.argmap", 3, 1, 3, 14)
    assert support.ref_spans == (Span("m.argmap", 3, 1, 3, 2), Span("m.argmap", 3, 12, 3, 14))
    assert rebuttal.ref_spans == (
        Span("m.argmap", 4, 4, 4, 6),
        Span("m.argmap", 4, 15, 4, 16),
        Span("m.argmap", 4, 1, 4, 2),
    )
    assert [s for _, s in rebuttal.references()] == list(rebuttal.ref_spans[:2])
    assert type(a.ref_spans) is tuple and type(a.span) is Span


def test_packed_items_behave_as_items():
    """Equality, hashing, pickling and evolve see the same values as for an item made in Python."""
    m = argmap.parse(TEXT, "m.argmap")
    a = m.claims[0]
    assert a == Claim("a", "Rain.") and hash(a) == hash(Claim("a", "Rain."))
    again = pickle.loads(pickle.dumps(a))
    assert again == a and again.span == a.span and again.ref_spans == a.ref_spans
    moved = attrs.evolve(m.relations[0], name="s")
    assert moved.name == "s" and moved.ref_spans == m.relations[0].ref_spans
    assert m.relations[0] == Support(["a"], "bb")
    assert m.relations[1] == Rebuttal(["bb"], "a", name="r")


def test_unpackable_spans_are_kept_as_spans():
    """A column too large to pack: the item keeps Span objects."""
    assert pack_spans(1, (1, 1 << 24)) is None
    assert pack_spans(10**9, (1, 5, 2, 3)) is not None
    long = "claim a: " + "x" * (1 << 24) + "\nclaim b: B.\na supports b\n"
    claim = argmap.parse(long).claims[0]
    assert claim.span.end_column == (1 << 24) + 10


@pytest.mark.parametrize("line", [1, 255, 256, 70_000, 10**7])
def test_pack_round_trip(line):
    """Every line number and column comes back as packed."""
    span, ref = (3, 40), (9, 12)
    claim = unchecked(Claim)("a", "A.", packed=("f", pack_spans(line, span + ref)))
    assert claim.span == Span("f", line, 3, line, 40)
    assert claim.ref_spans == (Span("f", line, 9, line, 12),)
