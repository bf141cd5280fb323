"""Tests for argmap.checks.structure: E301, W302, W303, I304."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.checks.structure import check_structure
from argmap.model import ArgumentMap, Claim, Support

SEED = Path(__file__).parent / "data" / "seed.argmap"

CLAIMS = "claim a: A.\nclaim b: B.\nclaim c: C.\nclaim d: D.\n"


def _found(text: str):
    m, _ = argmap.read(text)
    return list(check_structure(m))


def test_seed_sketch_has_no_structural_problem():
    """The seed sketch of the language issue passes every structural check."""
    assert list(check_structure(argmap.load(SEED))) == []


@pytest.mark.parametrize(
    "relations,message",
    [
        ("a supports b\na rebuts b\n", "`a` both supports `b` (line 5) and rebuts it"),
        ("a supports b\nb rebuts a\n", "`a` supports `b` (line 5), but `b` rebuts `a`"),
        ("a supports b\na contradicts b\n", "`a` both supports `b` (line 5) and contradicts it"),
        ("a supports b\nb contradicts a\n", "`a` supports `b` (line 5), but `b` contradicts `a`"),
        ("a + c supports b\nc rebuts b\n", "`c` both supports `b` (line 5) and rebuts it"),
    ],
)
def test_e301_pair_both_supported_and_attacked(relations, message):
    """E301: a pair related by a support and by a rebuttal or contradiction, in either direction."""
    found = _found(CLAIMS + relations + "c supports d\nd rebuts a\n")
    e301 = [d for d in found if d.code == "E301"]
    assert [d.message for d in e301] == [message]
    assert e301[0].span.line == 6 and e301[0].is_error


def test_no_e301_for_different_pairs():
    """A claim may support one claim and rebut another."""
    assert _found(CLAIMS + "a supports b\na rebuts c\nd supports c\n") == []


def test_w302_names_the_whole_cycle():
    """W302: a supports b supports c supports a is one warning naming the cycle, at the support written last."""
    found = _found(CLAIMS + "a supports b\nb supports c\nc supports a\nd rebuts a\n")
    assert [d.code for d in found] == ["W302"]
    assert found[0].message == "circular support: `a` supports `b` supports `c` supports `a`"
    assert found[0].span.line == 7
    assert found[0].severity.value == "warning"


def test_w302_through_a_linked_support():
    """A premise of a linked support takes part in circular support too."""
    found = _found(CLAIMS + "a + d supports b\nb supports a\nc rebuts d\n")
    assert [d.message for d in found] == ["circular support: `a` supports `b` supports `a`"]


def test_w302_mentions_members_outside_the_named_cycle():
    """When the circle of supports is more than one cycle, the other members are named too."""
    found = _found(CLAIMS + "a supports b\nb supports a\nb supports c\nc supports a\nd supports a\n")
    assert len(found) == 1
    assert found[0].message == "circular support: `a` supports `b` supports `a`; the circle also takes in `c`"


def test_w302_one_warning_per_circle():
    """Two separate circles give two warnings; a chain gives none."""
    assert len(_found(CLAIMS + "a supports b\nb supports a\nc supports d\nd supports c\n")) == 2
    assert _found(CLAIMS + "a supports b\nb supports c\nc supports d\n") == []


def test_w302_on_a_long_cycle_uses_no_recursion():
    """A circle of 20,000 supports is found without hitting the recursion limit."""
    n = 20_000
    items = [Claim(f"c{i}", "x") for i in range(n)] + [Support((f"c{i}",), f"c{(i + 1) % n}") for i in range(n)]
    found = list(check_structure(ArgumentMap(items)))
    assert [d.code for d in found] == ["W302"]
    assert found[0].message.count("supports") == n


def test_w303_claim_connected_to_nothing():
    """W303: a claim in no relation, pointing at its id; positions do not count as connections."""
    found = _found(CLAIMS + "a supports b\nc rebuts b\nposition p: accepts d\n")
    assert [(d.code, d.span.line, d.span.column) for d in found] == [("W303", 4, 7)]
    assert "`d`" in found[0].message


def test_w303_not_for_a_single_claim_or_an_undercutter():
    """A map with one claim gets no W303; a claim that only undercuts is connected."""
    assert _found("claim a: A.\n") == []
    assert _found("claim a: A.\nclaim b: B.\nclaim u: U.\ns: a supports b\nu undercuts s\n") == []


def test_i304_source_nobody_cites():
    """I304: a source no claim cites; none for a cited source or one that has a position."""
    found = _found('source s: "S"\nsource t: "T"\nsource u: "U"\nclaim a: A.\n  source: t\nposition u: accepts a\n')
    assert [(d.code, d.span.line, d.severity.value) for d in found] == [("I304", 1, "info")]
    assert found[0].message == "source `s` is cited by no claim"


def test_check_includes_structural_diagnostics():
    """argmap.check runs the structural checks."""
    m = argmap.parse(CLAIMS + "a supports b\nb supports a\nc rebuts a\n")
    assert {d.code for d in argmap.check(m)} == {"W302", "W303"}
