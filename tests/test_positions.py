"""Tests for argmap.checks.positions: E401, E402, W403, W404, I405 and the per-position summary."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings

import argmap
from argmap.checks.positions import check_positions, position_summary
from tests.strategies_semantics import maps_with_positions

SEED = Path(__file__).parent / "data" / "seed.argmap"

CLAIMS = "claim a: A.\nclaim b: B.\nclaim c: C.\nclaim d: D.\n"


def _codes(text: str) -> list[tuple[str, str]]:
    return [(d.code, d.position) for d in check_positions(argmap.parse(text))]


def _one(text: str):
    found = list(check_positions(argmap.parse(text)))
    assert len(found) == 1, found
    return found[0]


# -- the seed sketch -----------------------------------------------------------


def test_seed_skeptic_is_consistent_and_defended():
    """The skeptic accepts no_race, bubble, hot_air and rejects invest: conflict-free, and bubble answers invest's attack on no_race."""
    m = argmap.load(SEED)
    found = [d for d in check_positions(m) if d.position == "skeptic"]
    assert found == []
    assert ("skeptic", 0, 0) in position_summary(m, argmap.check(m))


def test_seed_skeptic_by_the_definitions():
    """Checked by hand from the definitions: no attack among the skeptic's claims, and every attacker of one is attacked by one."""
    m = argmap.load(SEED)
    af = argmap.semantics.framework(m)
    skeptic = set(m.position("skeptic").accepts)
    attacks = set(af.attacks)
    assert not any(a in skeptic and b in skeptic for a, b in attacks)
    for x in skeptic:
        for y in {a for a, b in attacks if b == x}:
            assert any((z, y) in attacks for z in skeptic)


def test_seed_gierse_leaves_bubble_unanswered():
    """gierse accepts invest but nothing that attacks bubble, which rebuts invest on line 20: W403 naming bubble and the line."""
    m = argmap.load(SEED)
    found = [d for d in check_positions(m) if d.position == "gierse"]
    assert [d.code for d in found] == ["W403"]
    assert "`bubble`" in found[0].message
    assert "`bubble rebuts invest` (line 20)" in found[0].message
    assert found[0].span.line == 24


# -- each code ---------------------------------------------------------------------


def test_e401_accepts_and_rejects_the_same_claim():
    """E401: a position that accepts and rejects `a`, pointing at the rejected `a`."""
    d = _one(CLAIMS + "position p: accepts a; rejects a\n")
    assert (d.code, d.position, d.span.line, d.span.column) == ("E401", "p", 5, 32)
    assert d.is_error


def test_e402_rebuttal_between_accepted_claims():
    """E402: accepting a and b where a rebuts b names the rebuttal and its line."""
    found = list(check_positions(argmap.parse(CLAIMS + "a rebuts b\nposition p: accepts a, b\n")))
    assert [d.code for d in found] == ["E402", "W403"]
    assert found[0].message == "position `p` accepts both `a` and `b`, but `a rebuts b` (line 5)"


def test_e402_contradiction_is_reported_once():
    """E402: a contradiction between two accepted claims is one error, not two."""
    codes = _codes(CLAIMS + "a contradicts b\nposition p: accepts a, b\n")
    assert codes.count(("E402", "p")) == 1


def test_e402_undercut_of_an_accepted_support():
    """E402: accepting a named support and its undercutter is a conflict."""
    text = CLAIMS + "s: a supports b\nc undercuts s\nposition p: accepts s, c\n"
    found = list(check_positions(argmap.parse(text)))
    assert found[0].code == "E402"
    assert "`c undercuts s`" in found[0].message


def test_e402_self_attack():
    """E402: accepting a claim that rebuts itself."""
    m, _ = argmap.read(CLAIMS + "a rebuts a\nposition p: accepts a\n")
    found = list(check_positions(m))
    assert found[0].code == "E402"
    assert "attacks itself" in found[0].message


def test_w403_not_defended_and_defended():
    """W403 when nothing accepted attacks the attacker; none once the position accepts a counter-attacker."""
    d = _one(CLAIMS + "b rebuts a\nposition p: accepts a\n")
    assert d.code == "W403"
    assert d.message == "position `p` accepts `a` but leaves its attacker `b` unanswered: `b rebuts a` (line 5)"
    assert _codes(CLAIMS + "b rebuts a\nc rebuts b\nposition p: accepts a, c\n") == []


def test_w403_counts_contradiction_and_undercut_as_answers():
    """A contradiction or an undercut of the attacker defends as well as a rebuttal."""
    assert _codes(CLAIMS + "b rebuts a\nc contradicts b\nposition p: accepts a, c\n") == []
    text = CLAIMS + "s: a supports b\nc undercuts s\nd rebuts c\nposition p: accepts s, d\n"
    assert _codes(text) == []


def test_w403_names_each_unanswered_attacker_once():
    """Two attackers give two warnings; the same attacker written twice gives one."""
    codes = _codes(CLAIMS + "b rebuts a\nc rebuts a\nc rebuts a\nposition p: accepts a\n")
    assert codes == [("W403", "p"), ("W403", "p")]


def test_w403_a_contradiction_answers_itself():
    """Accepting a, which contradicts its attacker c, defends a against c."""
    assert _codes(CLAIMS + "c contradicts a\nposition p: accepts a\n") == []


def test_w404_rejects_a_claim_whose_premises_it_accepts():
    """W404: rejecting b while accepting a, where a supports b."""
    d = _one(CLAIMS + "a supports b\nposition p: accepts a; rejects b\n")
    assert d.code == "W404"
    assert d.message == "position `p` rejects `b` but accepts every premise of `a supports b` (line 5)"


def test_w404_needs_every_premise_of_a_linked_support():
    """W404 only when every premise of a linked support is accepted."""
    assert _codes(CLAIMS + "a + c supports b\nposition p: accepts a; rejects b\n") == []
    assert _codes(CLAIMS + "a + c supports b\nposition p: accepts a, c; rejects b\n") == [("W404", "p")]


def test_w404_not_when_the_position_undercuts_or_rejects_the_support():
    """No W404 when the position accepts an undercut of the support, or rejects the named support."""
    base = CLAIMS + "s: a supports b\nc undercuts s\n"
    assert _codes(base + "position p: accepts a, c; rejects b\n") == []
    assert _codes(base + "position p: accepts a; rejects b, s\n") == []


def test_i405_accepts_a_claim_while_rejecting_all_its_supports():
    """I405 when every support of an accepted claim is rejected (a premise, or the named support)."""
    d = _one(CLAIMS + "a supports b\ns: c supports b\nposition p: accepts b; rejects a, s\n")
    assert (d.code, d.severity.value) == ("I405", "info")
    assert _codes(CLAIMS + "a supports b\nc supports b\nposition p: accepts b; rejects a\n") == []
    assert _codes(CLAIMS + "position p: accepts b\n") == []


def test_unknown_ids_in_positions_are_left_to_e206():
    """A position naming unknown ids gives no position diagnostics (E206 reports it)."""
    m, _ = argmap.read(CLAIMS + "a rebuts b\nposition p: accepts ghost, b; rejects phantom\n")
    codes = [d.code for d in check_positions(m)]
    assert codes == ["W403"]


def test_check_runs_position_checks_with_their_position():
    """argmap.check includes the position diagnostics, each carrying its position."""
    m = argmap.parse(CLAIMS + "a rebuts b\nposition p: accepts a, b\nposition q: accepts a; rejects a\n")
    found = [(d.code, d.position) for d in argmap.check(m) if d.code.startswith(("E4", "W4", "I4"))]
    assert found == [("E402", "p"), ("W403", "p"), ("E401", "q")]


# -- summary -------------------------------------------------------------------------


def test_position_summary_counts_errors_and_warnings_per_position():
    """position_summary gives (id, errors, warnings) per position in written order; infos do not count."""
    text = CLAIMS + "a rebuts b\na supports c\nposition p: accepts a, b\nposition q: accepts c; rejects a\nposition r: accepts a\n"
    m = argmap.parse(text)
    assert position_summary(m, argmap.check(m)) == [("p", 1, 1), ("q", 0, 0), ("r", 0, 0)]


def test_summary_of_a_map_without_positions_is_empty():
    """No positions, no summary lines."""
    m = argmap.parse(CLAIMS)
    assert position_summary(m, argmap.check(m)) == []


@settings(max_examples=150, deadline=None)
@given(maps_with_positions())
def test_position_checks_agree_with_the_definitions(m):
    """On random maps: E402 exactly when not conflict-free, W403 exactly when not defended, E401 exactly when overlapping."""
    af = argmap.semantics.framework(m)
    attacks = set(af.attacks)
    for p in m.positions:
        found = {d.code for d in check_positions(m) if d.position == p.id}
        accepted = set(p.accepts)
        conflict = any(a in accepted and b in accepted for a, b in attacks)
        undefended = any(
            b in accepted and not any((z, a) in attacks for z in accepted) for a, b in attacks
        )
        assert ("E402" in found) == conflict
        assert ("W403" in found) == undefended
        assert ("E401" in found) == bool(accepted & set(p.rejects))
