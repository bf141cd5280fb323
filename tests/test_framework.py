"""Tests for argmap.semantics.framework: from a map to arguments and attacks in each support mode."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from argmap.semantics import SUPPORT_MODES, Framework, framework

SEED = Path(__file__).parent / "data" / "seed.argmap"


def _af(text: str, support: str = "none") -> Framework:
    return framework(argmap.parse(text), support)


def test_arguments_are_claims_and_named_supports_in_written_order():
    """Claims and named supports are the arguments, in the order written; unnamed supports are not."""
    af = framework(argmap.load(SEED))
    assert af.arguments == ("invest", "no_race", "gap", "lockin", "r_gap", "bubble", "hot_air")


def test_direct_attacks_of_the_seed():
    """Rebuttals give one attack, contradictions two, undercuts one against the named support."""
    af = framework(argmap.load(SEED))
    assert set(af.attacks) == {("invest", "no_race"), ("no_race", "invest"), ("bubble", "invest"), ("hot_air", "r_gap")}
    assert af.derived == ()


def test_attacks_are_listed_once_in_argument_order():
    """A rebuttal written twice, or also a contradiction, is one attack; attacks follow the argument order."""
    af = _af("claim a: A.\nclaim b: B.\nb rebuts a\na rebuts b\na rebuts b\na contradicts b\n")
    assert af.attacks == (("a", "b"), ("b", "a"))


def test_supported_attack_in_deductive_mode():
    """a supports b, b rebuts c gives a -> c in deductive mode."""
    af = _af("claim a: A.\nclaim b: B.\nclaim c: C.\na supports b\nb rebuts c\n", "deductive")
    assert af.derived == (("a", "c"),)


def test_mediated_attack_in_deductive_mode():
    """a supports b, c rebuts b gives c -> a in deductive mode."""
    af = _af("claim a: A.\nclaim b: B.\nclaim c: C.\na supports b\nc rebuts b\n", "deductive")
    assert af.derived == (("c", "a"),)


def test_deductive_mode_follows_support_chains_both_ways():
    """Supports+ is transitive: a1 -> a2 -> b, c1 -> c2 -> d, b rebuts d: every supporter of b attacks every supporter of d."""
    text = (
        "claim a1: A1.\nclaim a2: A2.\nclaim b: B.\nclaim c1: C1.\nclaim c2: C2.\nclaim d: D.\n"
        "a1 supports a2\na2 supports b\nc1 supports c2\nc2 supports d\nb rebuts d\n"
    )
    af = _af(text, "deductive")
    assert set(af.attacks) == {(x, y) for x in ("a1", "a2", "b") for y in ("c1", "c2", "d")}


def test_necessary_mode_moves_attacks_forward():
    """a supports b, a rebuts c gives b -> c; a supports b, c rebuts a gives c -> b in necessary mode."""
    af = _af("claim a: A.\nclaim b: B.\nclaim c: C.\na supports b\na rebuts c\n", "necessary")
    assert af.derived == (("b", "c"),)
    af = _af("claim a: A.\nclaim b: B.\nclaim c: C.\na supports b\nc rebuts a\n", "necessary")
    assert af.derived == (("c", "b"),)


def test_necessary_mode_counts_every_linked_premise():
    """In necessary mode each premise of a linked support is necessary for the conclusion."""
    af = _af("claim a: A.\nclaim b: B.\nclaim c: C.\nclaim d: D.\na + b supports c\nd rebuts b\n", "necessary")
    assert af.derived == (("d", "c"),)
    assert af.diagnostics == ()


def test_deductive_mode_skips_linked_supports_with_a_note():
    """In deductive mode a linked support adds no attacks, and an I501 note says so at the support's line."""
    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\nclaim d: D.\nr: a + b supports c\nd rebuts c\n")
    af = framework(m, "deductive")
    assert af.derived == ()
    assert [(d.code, d.span.line) for d in af.diagnostics] == [("I501", 5)]
    assert "`r`" in af.diagnostics[0].message
    assert framework(m, "none").diagnostics == ()


def test_derived_attacks_ignore_undercuts():
    """An undercut is never moved along supports, in either mode."""
    text = "claim a: A.\nclaim b: B.\nclaim u: U.\nclaim p: P.\ns: a supports b\nu undercuts s\np supports u\n"
    for mode in SUPPORT_MODES:
        assert _af(text, mode).attacks == (("u", "s"),)


def test_support_modes_do_not_change_maps_without_supports():
    """Without supports, all three modes give the same attacks."""
    text = "claim a: A.\nclaim b: B.\nclaim c: C.\na rebuts b\nb contradicts c\n"
    assert len({_af(text, mode).attacks for mode in SUPPORT_MODES}) == 1


def test_circular_supports_do_not_loop():
    """Circular support (a warning for check) still gives a finite closure."""
    af = _af("claim a: A.\nclaim b: B.\nclaim c: C.\na supports b\nb supports a\nc rebuts a\n", "deductive")
    assert set(af.attacks) == {("c", "a"), ("c", "b")}


def test_self_attack_is_kept():
    """A claim rebutting itself is a self-attack in the framework."""
    m, _ = argmap.read("claim a: A.\na rebuts a\n")
    assert framework(m).attacks == (("a", "a"),)


def test_unknown_ids_are_refused():
    """Relations naming unknown ids, or undercutting a claim, make framework() refuse the map in every mode."""
    from argmap.semantics import MapError

    m, _ = argmap.read("claim a: A.\nclaim b: B.\na rebuts ghost\nghost rebuts a\na undercuts b\nghost supports a\n")
    for mode in SUPPORT_MODES:
        with pytest.raises(MapError) as info:
            framework(m, mode)
        assert {d.code for d in info.value.diagnostics} == {"E201", "E204"}


def test_unknown_support_mode_is_a_value_error():
    """An unknown support mode is a ValueError naming the modes."""
    with pytest.raises(ValueError, match="none, deductive, necessary"):
        framework(argmap.load(SEED), "abstract")


def test_apx_lists_every_argument_and_attack():
    """to_apx writes arg(x). for every argument and att(x,y). for every attack, derived ones included."""
    af = framework(argmap.load(SEED), "deductive")
    text = af.to_apx()
    args = re.findall(r"^arg\((\w+)\)\.$", text, re.M)
    atts = re.findall(r"^att\((\w+),(\w+)\)\.$", text, re.M)
    assert tuple(args) == af.arguments
    assert tuple(atts) == af.attacks
    assert len(text.splitlines()) == len(args) + len(atts)


def test_apx_quotes_unicode_ids():
    """Ids with umlauts are quoted as ASP strings (unquoted, an ASP solver cannot read them)."""
    af = _af("claim größe: Groß.\nclaim maß: Maß.\ngröße rebuts maß\n")
    assert af.to_apx() == 'arg("größe").\narg("maß").\natt("größe","maß").\n'


def test_framework_is_immutable():
    """A Framework is a frozen value."""
    af = framework(argmap.load(SEED))
    with pytest.raises(AttributeError):
        af.arguments = ()
    assert af == framework(argmap.load(SEED))
