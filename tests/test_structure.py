"""Tests for argmap.checks.structure: E301, W302, W303, I304, E203 (self-defeating undercuts), W305."""

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


# -- E203 for an undercut by a claim of what it undercuts, W305 for a claim named twice -------

ARGUMENT = "argument g: T\n  premise p: P.\n  conclusion m: M.\n  premise q: Q.\n  conclusion k: K.\n"


@pytest.mark.parametrize(
    "text,message",
    [
        (ARGUMENT + "k undercuts g\n", "`k` undercuts `g`, an argument of which it is the conclusion: `g` defeats itself"),
        (ARGUMENT + "p undercuts g\n", "`p` undercuts `g`, an argument of which it is a premise: `g` defeats itself"),
        (
            ARGUMENT + "claim x: X.\nx + m undercuts g\n",
            "`m` undercuts `g`, an argument of which it is an intermediate conclusion: `g` defeats itself",
        ),
        (CLAIMS + "s: a supports b\nb undercuts s\n", "`b` undercuts `s`, a named support of which it is the conclusion: `s` defeats itself"),
        (CLAIMS + "r: a + c rebuts b\nc undercuts r\n", "`c` undercuts `r`, a named rebuttal of which it is an attacker: `r` defeats itself"),
        (
            CLAIMS + "s: a supports b\nu: c undercuts s\nc undercuts u\n",
            "`c` undercuts `u`, a named undercut of which it is an attacker: `u` defeats itself",
        ),
    ],
)
def test_e203_an_undercut_by_a_part_of_what_it_undercuts(text, message):
    """E203: an argument or named relation undercut by one of its own claims defeats itself."""
    assert [(d.code, d.message) for d in _found(text) if d.code == "E203"] == [("E203", message)]


@pytest.mark.parametrize(
    "text",
    [
        ARGUMENT + "claim x: X.\nx undercuts g\n",  # another claim
        CLAIMS + "r: a rebuts b\nb undercuts r\n",  # the target answers the attack on it
        CLAIMS + "k: a contradicts b\na undercuts k\n",  # each side of a contradiction is also a target
        CLAIMS + "u: a undercuts u\n",  # an undercut of itself: E203 of the reference checks, not twice
    ],
)
def test_no_structural_e203_for_an_undercut_by_something_else(text):
    assert [d for d in _found(text) if d.code == "E203"] == []


@pytest.mark.parametrize(
    "text,message,hint",
    [
        (CLAIMS + "a + a rebuts b\n", "`a` is named twice in `a + a rebuts b`", "`a rebuts b`"),
        (CLAIMS + "a + c + a supports b\n", "`a` is named twice in `a + c + a supports b`", "`a + c supports b`"),
        (CLAIMS + "s: a supports b\nu: c + c undercuts s\n", "`c` is named twice in `u: c + c undercuts s`", "`u: c undercuts s`"),
        ("claim t: T.\n  - a + a\nclaim a: A.\n", "`a` is named twice in `a + a rebuts t`", "`a rebuts t`"),
        ("claim t: T.\n  + a + a\nclaim a: A.\n", "`a` is named twice in `a + a supports t`", "`a supports t`"),
        (
            "argument g: T\n  premise p: P.\n  premise p\n  conclusion k: K.\n",
            "argument `g` lists `p` twice among the premises of one step",
            "list `p` once",
        ),
        (
            "argument g: T\n  premise p: P.\n  conclusion m: M.\n  premise m\n  conclusion k: K.\n",
            "argument `g` lists `m` twice among the premises of one step",
            "list `m` once",
        ),
    ],
)
def test_w305_a_claim_named_twice_in_one_relation(text, message, hint):
    """W305: the same claim twice among the premises or attackers of one relation or step,
    at the second mention; the hint's relation names each claim once."""
    [d] = [d for d in _found(text) if d.code == "W305"]
    assert d.message.startswith(message)
    assert hint in d.hint
    if hint.startswith("`"):
        fixed, diagnostics = argmap.read(CLAIMS.replace("claim a", "claim t: T.\nclaim a") + hint.strip("`") + "\n")
        assert diagnostics == []


def test_w305_for_an_argument_built_with_a_premise_twice():
    """MapBuilder.argument(premises=["p", "p"]) builds what the text cannot hide: W305, once."""
    b = argmap.MapBuilder()
    b.claim("p", "P.")
    b.claim("k", "K.")
    b.argument("g", "T", premises=["p", "p"], conclusion="k")
    assert [d.code for d in check_structure(b.build())] == ["W305"]


def test_no_w305_when_every_claim_is_named_once():
    assert [d for d in _found(CLAIMS + "a + c rebuts b\na + c supports d\n" + ARGUMENT) if d.code == "W305"] == []
