"""Tests for argmap.semantics: extensions against brute force, status, DF-QuAD, acceptance notes."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings

import argmap
from argmap.model import ArgumentMap, Claim, Rebuttal, Support
from argmap.semantics import (
    SEMANTICS,
    SUPPORT_MODES,
    Evaluation,
    Status,
    acceptance_notes,
    evaluate,
    framework,
)
from argmap.semantics import _dung
from tests.strategies_semantics import (
    CLASSIC_SEMANTICS,
    brute_extensions,
    brute_framework,
    has_odd_cycle,
    maps,
    random_map,
    sorted_extensions,
)

SEED = Path(__file__).parent / "data" / "seed.argmap"

RANDOM_MAPS = 1000


def _random_maps():
    rng = random.Random(20250131)
    return [random_map(rng) for _ in range(RANDOM_MAPS)]


@pytest.mark.parametrize("support", SUPPORT_MODES)
def test_every_semantics_matches_brute_force(support):
    """On 1,000 random maps of up to 9 arguments, every semantics gives exactly the subsets the definitions give."""
    self_attacks = odd_cycles = 0
    for m in _random_maps():
        arguments, attacks = brute_framework(m, support)
        assert set(framework(m, support).attacks) == attacks
        self_attacks += any(a == b for a, b in attacks)
        odd_cycles += has_odd_cycle(arguments, attacks)
        expected = brute_extensions(arguments, attacks)
        for semantics in CLASSIC_SEMANTICS:
            result = evaluate(m, semantics, support)
            assert result.extensions == sorted_extensions(expected[semantics]), (semantics, m)
    # The random maps do exercise the hard cases.
    assert self_attacks >= 100
    assert odd_cycles >= 200


def test_brute_force_covers_up_to_nine_arguments():
    """The random maps reach nine arguments, the size the brute force is run on."""
    sizes = {len(framework(m).arguments) for m in _random_maps()}
    assert max(sizes) == 9 and min(sizes) == 1


def test_status_follows_the_definitions_on_random_maps():
    """Accepted = sceptically accepted, rejected = in no extension, undecided = credulously only; grounded uses its labelling."""
    for m in _random_maps()[:300]:
        for semantics in CLASSIC_SEMANTICS:
            result = evaluate(m, semantics)
            extensions = [set(e) for e in result.extensions]
            if semantics == "grounded":
                (ext,) = extensions
                attacked = {b for a, b in result.attacks if a in ext}
                for a in result.arguments:
                    want = Status.ACCEPTED if a in ext else Status.REJECTED if a in attacked else Status.UNDECIDED
                    assert result.status[a] is want
                continue
            for a in result.arguments:
                inside = sum(a in e for e in extensions)
                if extensions and inside == len(extensions):
                    want = Status.ACCEPTED
                elif inside == 0:
                    want = Status.REJECTED
                else:
                    want = Status.UNDECIDED
                assert result.status[a] is want, (semantics, a)


@settings(max_examples=150, deadline=None)
@given(maps())
def test_extensions_nest_as_theory_says(m):
    """Grounded is in every complete extension; stable extensions are preferred; preferred ones are complete."""
    grounded = set(evaluate(m, "grounded").extensions[0])
    complete = set(evaluate(m, "complete").extensions)
    preferred = set(evaluate(m, "preferred").extensions)
    stable = set(evaluate(m, "stable").extensions)
    assert all(grounded <= set(e) for e in complete)
    assert stable <= preferred <= complete
    assert preferred  # there is always a preferred extension


@settings(max_examples=100, deadline=None)
@given(maps())
def test_evaluation_does_not_depend_on_the_order_of_statements(m):
    """Writing the same statements in another order gives the same extensions."""
    shuffled = ArgumentMap(list(reversed(m.items)))
    for semantics in CLASSIC_SEMANTICS:
        assert evaluate(m, semantics).extensions == evaluate(shuffled, semantics).extensions


def test_labellings_of_the_core_match_brute_force_on_plain_frameworks():
    """The integer core finds every complete, preferred and stable labelling of 2,000 random frameworks."""
    rng = random.Random(7)
    for _ in range(2000):
        n = rng.randint(0, 9)
        p = rng.random() * 0.45
        attackers = [[a for a in range(n) if rng.random() < p] for _ in range(n)]
        names = [str(i) for i in range(n)]
        attacks = {(str(a), str(b)) for b in range(n) for a in attackers[b]}
        expected = brute_extensions(names, attacks)
        label = _dung.grounded(n, attackers)
        assert {str(i) for i in range(n) if label[i] == _dung.IN} == set(expected["grounded"][0])
        for semantics in ("complete", "preferred", "stable"):
            found = [{str(i) for i in ext} for ext in _dung.extensions(n, attackers, semantics)]
            assert sorted_extensions(found) == sorted_extensions(expected[semantics])


def test_grounded_on_a_long_chain_uses_no_recursion():
    """A chain of 20,000 rebuttals is evaluated (no recursion limit): every other claim stands."""
    n = 20_000
    items = [Claim(f"c{i}", "x") for i in range(n)] + [Rebuttal(f"c{i}", f"c{i + 1}") for i in range(n - 1)]
    m = ArgumentMap(items)
    result = evaluate(m)
    assert result.status["c0"] is Status.ACCEPTED
    assert result.status["c1"] is Status.REJECTED
    assert result.status[f"c{n - 1}"] is (Status.ACCEPTED if (n - 1) % 2 == 0 else Status.REJECTED)
    for semantics in ("preferred", "stable"):
        assert evaluate(m, semantics).extensions == result.extensions


def test_preferred_on_a_long_even_cycle_uses_no_recursion():
    """A cycle of 5,000 rebuttals has two preferred extensions, the odd and the even claims."""
    n = 5_000
    items = [Claim(f"c{i}", "x") for i in range(n)] + [Rebuttal(f"c{i}", f"c{(i + 1) % n}") for i in range(n)]
    result = evaluate(ArgumentMap(items), "preferred")
    assert len(result.extensions) == 2
    assert {len(e) for e in result.extensions} == {n // 2}


# -- the seed sketch --------------------------------------------------------------


def test_seed_grounded_extension():
    """On the seed sketch, bubble defeats invest, so no_race stands, and hot_air defeats r_gap."""
    result = evaluate(argmap.load(SEED))
    assert result.extensions == (("bubble", "gap", "hot_air", "lockin", "no_race"),)
    assert result.status["invest"] is Status.REJECTED
    assert result.status["r_gap"] is Status.REJECTED
    assert result.status["no_race"] is Status.ACCEPTED


@pytest.mark.parametrize("semantics", CLASSIC_SEMANTICS)
@pytest.mark.parametrize("support", SUPPORT_MODES)
def test_seed_has_one_extension_in_every_mode(semantics, support):
    """The seed sketch has no cycle left undecided: every semantics agrees on one extension."""
    result = evaluate(argmap.load(SEED), semantics, support)
    assert len(result.extensions) == 1
    assert "invest" not in result.extensions[0]


def test_seed_deductive_mode_attacks_the_premises_of_invest():
    """With deductive support, bubble's rebuttal of invest reaches gap and lockin, which fall."""
    result = evaluate(argmap.load(SEED), "grounded", "deductive")
    assert ("bubble", "gap") in result.attacks and ("bubble", "lockin") in result.attacks
    assert result.extensions == (("bubble", "hot_air", "no_race"),)


# -- the result object ------------------------------------------------------------


def test_evaluation_is_immutable_and_hashable():
    """An Evaluation cannot be changed, and can be hashed and compared."""
    m = argmap.load(SEED)
    result = evaluate(m)
    with pytest.raises(AttributeError):
        result.semantics = "stable"
    with pytest.raises(TypeError):
        result.status["invest"] = Status.ACCEPTED
    assert hash(result) == hash(evaluate(m))
    assert result == evaluate(m)
    assert isinstance(result, Evaluation) and argmap.Evaluation is Evaluation


def test_status_values_are_words():
    """Status values are the words accepted, rejected and undecided."""
    assert [s.value for s in Status] == ["accepted", "rejected", "undecided"]


def test_credulous_and_sceptical_acceptance():
    """In a two-cycle, each side is credulously but not sceptically accepted under preferred semantics."""
    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\na contradicts b\nb rebuts c\n")
    result = evaluate(m, "preferred")
    assert result.extensions == (("a", "c"), ("b",))
    assert result.credulous == {"a", "b", "c"}
    assert result.sceptical == set()
    assert [result.status[x] for x in "abc"] == [Status.UNDECIDED] * 3
    assert evaluate(m, "grounded").status["a"] is Status.UNDECIDED


def test_no_stable_extension_rejects_everything():
    """An odd cycle has no stable extension: nothing is accepted, everything is rejected."""
    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\na rebuts b\nb rebuts c\nc rebuts a\n")
    result = evaluate(m, "stable")
    assert result.extensions == ()
    assert set(result.status.values()) == {Status.REJECTED}
    assert result.sceptical == frozenset()
    assert evaluate(m, "preferred").extensions == ((),)


def test_to_dict_has_the_fixed_shape():
    """to_dict gives semantics, support and extensions (or semantics and strengths for dfquad)."""
    m = argmap.load(SEED)
    assert evaluate(m, "stable").to_dict() == {
        "semantics": "stable",
        "support": "none",
        "extensions": [["bubble", "gap", "hot_air", "lockin", "no_race"]],
    }
    assert set(evaluate(m, "dfquad").to_dict()) == {"semantics", "strengths"}


@pytest.mark.parametrize(
    "semantics,support",
    [("ideals", "none"), ("grounded", "abstract"), ("dfquad", "deductive")],
)
def test_unknown_semantics_or_mode_raises_value_error(semantics, support):
    """An unknown semantics or support mode, or a support mode with DF-QuAD, is a ValueError."""
    with pytest.raises(ValueError):
        evaluate(argmap.load(SEED), semantics, support)


def test_empty_map_has_the_empty_extension():
    """A map without claims has exactly the empty extension under every semantics."""
    for semantics in CLASSIC_SEMANTICS:
        assert evaluate(ArgumentMap(()), semantics).extensions == ((),)
    assert evaluate(ArgumentMap(()), "dfquad").strengths == {}


# -- DF-QuAD ----------------------------------------------------------------------


def _strengths(text: str) -> dict[str, float]:
    result = evaluate(argmap.parse(text), "dfquad")
    assert result.diagnostics == ()
    return dict(result.strengths)


@pytest.mark.parametrize(
    "text,expected",
    [
        # no relation: the base score
        ("claim a: A.\n", {"a": 0.5}),
        ("claim a: A.\n  weight: 0.7\n", {"a": 0.7}),
        # one supporter 0.5: 0.5 + 0.5 * 0.5
        ("claim a: A.\nclaim c: C.\na supports c\n", {"c": 0.75}),
        # attacker 0.8 against supporter 0.5: 0.5 - 0.5 * (0.8 - 0.5)
        ("claim a: A.\nclaim b: B.\n  weight: 0.8\nclaim c: C.\na supports c\nb rebuts c\n", {"c": 0.35}),
        # two attackers 0.5: aggregate 1 - 0.5 * 0.5 = 0.75; 0.5 - 0.5 * 0.75
        ("claim a: A.\nclaim b: B.\nclaim c: C.\na rebuts c\nb rebuts c\n", {"c": 0.125}),
        # a chain: b = 0.5 - 0.5*0.5 = 0.25; c = 0.5 - 0.5*0.25
        ("claim a: A.\nclaim b: B.\nclaim c: C.\na rebuts b\nb rebuts c\n", {"b": 0.25, "c": 0.375}),
        # linked premises count as their product: 0.5 * 0.6 = 0.3; 0.5 + 0.5 * 0.3
        ("claim a: A.\nclaim b: B.\n  weight: 0.6\nclaim c: C.\na + b supports c\n", {"c": 0.65}),
        # an undercut weakens the named support: s = 1 - 0.4; term 0.6 * 0.5; c = 0.5 + 0.5 * 0.3
        (
            "claim a: A.\nclaim u: U.\n  weight: 0.4\nclaim c: C.\ns: a supports c\nu undercuts s\n",
            {"s": 0.6, "c": 0.65},
        ),
        # a named support nobody undercuts counts as its premise: base 1, strength 1
        ("claim a: A.\nclaim c: C.\ns: a supports c\n", {"s": 1.0, "c": 0.75}),
        # equal attack and support leave the base: 0.5 vs 0.5
        ("claim a: A.\nclaim b: B.\nclaim c: C.\n  weight: 0.3\na supports c\nb rebuts c\n", {"c": 0.3}),
        # support stronger than attack: 0.2 + 0.8 * (0.5 - 0.25) with b = 0.25 attacked by d
        (
            "claim a: A.\nclaim b: B.\nclaim d: D.\nclaim c: C.\n  weight: 0.2\na supports c\nb rebuts c\nd rebuts b\n",
            {"b": 0.25, "c": 0.4},
        ),
    ],
)
def test_dfquad_matches_hand_computed_values(text, expected):
    """DF-QuAD strengths equal the values computed by hand from Rago et al.'s definitions."""
    strengths = _strengths(text)
    for ident, value in expected.items():
        assert strengths[ident] == pytest.approx(value, abs=1e-12)


def test_dfquad_cycle_converges_to_the_fixpoint():
    """Two claims of base 0.5 contradicting each other settle at x = 0.5 (1 - x), i.e. 1/3."""
    strengths = _strengths("claim a: A.\nclaim b: B.\na contradicts b\n")
    assert strengths["a"] == pytest.approx(1 / 3, abs=1e-9)
    assert strengths["b"] == pytest.approx(1 / 3, abs=1e-9)


def test_dfquad_reports_a_cycle_that_does_not_settle():
    """Two claims of weight 1 contradicting each other swing between 0 and 1: W502, and the midpoint is shown."""
    m = argmap.parse("claim a: A.\n  weight: 1\nclaim b: B.\n  weight: 1\na contradicts b\n")
    result = evaluate(m, "dfquad")
    assert [d.code for d in result.diagnostics] == ["W502"]
    assert "`a`, `b`" in result.diagnostics[0].message
    assert result.diagnostics[0].span.line == 1
    assert result.strengths == {"a": 0.5, "b": 0.5}
    assert result.status["a"] is Status.UNDECIDED


def test_dfquad_status_reads_the_strength():
    """Under DF-QuAD, above 0.5 is accepted, below rejected, exactly 0.5 undecided."""
    result = evaluate(argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\na supports b\nb rebuts c\n"), "dfquad")
    assert result.status["a"] is Status.UNDECIDED
    assert result.status["b"] is Status.ACCEPTED
    assert result.status["c"] is Status.REJECTED
    assert result.extensions == ()


# -- acceptance notes ---------------------------------------------------------------


def test_acceptance_notes_one_per_claim_not_accepted():
    """acceptance_notes gives one I503 per claim that is not accepted, pointing at the claim's id."""
    notes = acceptance_notes(argmap.load(SEED), "grounded")
    assert [(d.code, d.span.line) for d in notes] == [("I503", 9)]
    assert "`invest` is rejected under grounded semantics" in notes[0].message
    assert "line 11" in notes[0].message  # no_race contradicts it, written on line 11


def test_acceptance_notes_in_deductive_mode_include_the_linked_support_note():
    """In deductive mode the notes start with I501 for each linked support."""
    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\nclaim d: D.\na + b supports c\nd rebuts c\n")
    codes = [d.code for d in acceptance_notes(m, "preferred", "deductive")]
    assert codes == ["I501", "I503"]


def test_acceptance_notes_for_undecided_and_multiple_extensions():
    """Undecided claims get a note; under preferred semantics the note says they are in some extensions only."""
    m = argmap.parse("claim a: A.\nclaim b: B.\na contradicts b\n")
    grounded = acceptance_notes(m, "grounded")
    assert [d.message for d in grounded] == [
        "claim `a` is undecided under grounded semantics",
        "claim `b` is undecided under grounded semantics",
    ]
    assert grounded[0].hint
    preferred = acceptance_notes(m, "preferred")
    assert all("in some preferred extensions, not in all" in d.message for d in preferred)
    stable = acceptance_notes(argmap.parse("claim a: A.\na rebuts a\n"), "stable")
    assert stable[0].message == "claim `a` is rejected under stable semantics: it is in no stable extension"


def test_acceptance_notes_for_dfquad_give_the_strength():
    """Under DF-QuAD the note gives the claim's strength."""
    notes = acceptance_notes(argmap.parse("claim a: A.\nclaim b: B.\na rebuts b\n"), "dfquad")
    assert [d.message for d in notes] == [
        "claim `a` is undecided under DF-QuAD: its strength is 0.500",
        "claim `b` is rejected under DF-QuAD: its strength is 0.250",
    ]


@pytest.mark.parametrize("semantics", SEMANTICS)
def test_every_semantics_refuses_a_map_with_broken_references(semantics):
    """Relations naming unknown ids make every semantics refuse the map with MapError, listing each error."""
    from argmap.semantics import MapError

    m, _ = argmap.read("claim a: A.\na rebuts ghost\nghost undercuts a\nclaim b: B.\nb supports nobody\n")
    with pytest.raises(MapError) as info:
        evaluate(m, semantics)
    assert {d.code for d in info.value.diagnostics} == {"E201", "E204"}


def test_support_is_never_an_argument_unless_named():
    """Unnamed supports are not arguments; named ones are."""
    m = ArgumentMap([Claim("a", "A"), Claim("b", "B"), Support(("a",), "b"), Support(("b",), "a", name="back")])
    assert evaluate(m).arguments == ("a", "b", "back")


def test_too_many_extensions_raises_a_value_error():
    """More extensions than max_extensions raise TooManyExtensions, a ValueError carrying the limit."""
    from argmap.semantics import TooManyExtensions

    m = argmap.parse("".join(f"claim p{i}: P.\nclaim q{i}: Q.\np{i} contradicts q{i}\n" for i in range(4)))
    assert len(evaluate(m, "preferred", max_extensions=16).extensions) == 16
    with pytest.raises(TooManyExtensions) as info:
        evaluate(m, "preferred", max_extensions=15)
    assert isinstance(info.value, ValueError) and info.value.limit == 15
    assert evaluate(m, "grounded", max_extensions=1).extensions == ((),)


def test_default_limit_shrinks_for_huge_maps():
    """The default limit is 10,000 extensions, fewer for maps with very many arguments."""
    from argmap.semantics import default_limit

    assert default_limit(60) == 10_000
    assert default_limit(100_000) == 200
    assert default_limit(10**9) == 100


def test_acceptance_notes_beyond_the_limit_is_one_warning():
    """acceptance_notes gives a single W504 when the extensions are too many to list."""
    m = argmap.parse("".join(f"claim p{i}: P.\nclaim q{i}: Q.\np{i} contradicts q{i}\n" for i in range(9)))
    notes = acceptance_notes(m, "complete")
    assert [(d.code, d.span.line) for d in notes] == [("W504", 1)]
