"""A map is a container of its claims: len, in, iteration; == is exact, same_content ignores order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Claim, Comment, Rebuttal, Support
from tests.strategies import maps

TEXT = "claim a: A.\nclaim b: B.\nclaim c: C.\na supports b\nc rebuts b\nposition p: accepts a\n"


def test_len_is_the_number_of_claims():
    """len(m) counts claims, not relations or positions."""
    m = argmap.parse(TEXT)
    assert len(m) == 3 == len(m.claims)


def test_in_takes_a_claim_id_or_a_claim():
    """`id in m` is True for claim ids only; a Claim of the map is in it too."""
    m = argmap.parse(TEXT)
    assert "a" in m and "c" in m
    assert "p" not in m and "nothing" not in m and 3 not in m
    assert m.claim("a") in m and Claim("a", "Other.") not in m


def test_iteration_gives_the_claims_in_written_order():
    """Iterating over a map gives its Claim objects in the order written."""
    m = argmap.parse(TEXT)
    assert [c.id for c in m] == ["a", "b", "c"]
    assert list(m) == list(m.claims)


def test_a_map_without_claims_is_still_true():
    """bool(m) does not follow len: a map with only a title is a value, not an empty container."""
    m = ArgumentMap(items=[], title="Leer")
    assert len(m) == 0 and bool(m)


def test_equality_follows_the_written_order():
    """== compares the items in order (the order to_source writes), same_content does not."""
    a, b = Claim("a", "A."), Claim("b", "B.")
    one = ArgumentMap(items=[a, b, Support(["a"], "b")])
    other = ArgumentMap(items=[Support(["a"], "b"), b, a])
    assert one != other
    assert one.same_content(other) and other.same_content(one)
    assert one.to_source() != other.to_source()


def test_same_content_sees_changes_to_items_and_metadata():
    """A different text, a missing relation, another title make the content differ."""
    a, b = Claim("a", "A."), Claim("b", "B.")
    base = ArgumentMap(items=[a, b, Rebuttal("a", "b")], title="T")
    assert not base.same_content(base.evolve(items=[a, Claim("b", "Other."), Rebuttal("a", "b")]))
    assert not base.same_content(base.evolve(items=[a, b]))
    assert not base.same_content(base.evolve(title="U"))
    assert not base.same_content(base.evolve(items=[a, b, Rebuttal("a", "b"), Rebuttal("a", "b")]))


def test_same_content_leaves_out_comments():
    """Comments say something only where they stand, so content comparison skips them."""
    a = Claim("a", "A.")
    assert ArgumentMap(items=[a, Comment(" note")]).same_content(ArgumentMap(items=[a]))


def test_same_content_ignores_spans_like_equality():
    """A map read from text has the same content as the same map built in code."""
    m = argmap.parse(TEXT, "x.argmap")
    assert m.same_content(argmap.parse(m.to_source()))


def test_same_content_is_false_for_other_types():
    """Comparing with something that is not a map is False, not an error."""
    assert not argmap.parse(TEXT).same_content("claim a: A.")  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(maps(), st.randoms(use_true_random=False))
def test_shuffled_items_have_the_same_content(m, random):
    """Any order of the same items has the same content; == holds only when the order is kept."""
    items = list(m.items)
    random.shuffle(items)
    shuffled = m.evolve(items=items)
    assert shuffled.same_content(m) and m.same_content(shuffled)
    assert (shuffled == m) == (tuple(items) == m.items)
    assert len(shuffled) == len(m)
    assert sorted(c.id for c in shuffled) == sorted(c.id for c in m)


@settings(max_examples=60, deadline=None)
@given(maps())
def test_containers_agree_with_the_claim_tuple(m):
    """len, in and iteration agree with m.claims and m.claim() for every generated map."""
    assert len(m) == len(m.claims)
    assert list(m) == list(m.claims)
    for c in m:
        assert c.id in m and c in m
        assert m.claim(c.id) == next(d for d in m.claims if d.id == c.id)
    assert all(p.id not in m for p in m.positions if p.id not in {c.id for c in m.claims})


@settings(max_examples=60, deadline=None)
@given(maps())
def test_equal_maps_have_the_same_content_and_removing_an_item_changes_it(m):
    """m == n implies same content; dropping one item that is not a comment breaks it."""
    copy = argmap.parse(m.to_source()) if m.items else m
    assert copy == m and copy.same_content(m)
    kept = [i for i in m.items if not isinstance(i, Comment)]
    if kept:
        smaller = m.evolve(items=[i for i in m.items if i is not kept[-1]])
        assert not smaller.same_content(m)
