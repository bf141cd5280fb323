"""Named, linked and undercut attacks in every semantics: brute force from the definitions, worked examples."""

from __future__ import annotations

import random

import pytest

from argmap.model import Argument, ArgumentMap, Claim, Contradiction, Rebuttal, Step, Support, Undercut
from argmap.semantics import SUPPORT_MODES, Status, evaluate, framework
from argmap.semantics import _dung
from tests.strategies_semantics import (
    CLASSIC_SEMANTICS,
    has_odd_cycle,
    brute_structure,
    brute_structure_extensions,
    random_extended_map,
    sorted_extensions,
)

RANDOM_MAPS = 400


def _random_maps():
    rng = random.Random(20261201)
    return [random_extended_map(rng) for _ in range(RANDOM_MAPS)]


def _claims(*ids: str) -> list:
    return [Claim(i, f"Claim {i}.") for i in ids]


@pytest.mark.parametrize("support", SUPPORT_MODES)
def test_every_semantics_matches_brute_force_with_named_linked_and_undercut_attacks(support):
    """On 400 random maps with named and linked attacks, undercuts of every relation, self-attacks and odd cycles, every semantics gives the brute-force extensions."""
    kinds = ("support", "rebuttal", "contradiction", "undercut", "argument")
    seen = dict.fromkeys(("named rebuttal", "named contradiction", "linked", "self-attack", "odd cycle",
                          "undecided", "auxiliary") + tuple(f"undercut of: {k}" for k in kinds), 0)
    for m in _random_maps():
        elements, attacks = brute_structure(m, support)
        expected = brute_structure_extensions(elements, attacks)
        for semantics in CLASSIC_SEMANTICS:
            result = evaluate(m, semantics, support)
            assert result.extensions == sorted_extensions(expected[semantics]), (semantics, m)
            assert set(result.arguments) == set(elements)
        kind_of = {r.name: type(r).__name__.lower() for r in m.relations if r.name}
        kind_of.update({a.id: "argument" for a in m.arguments})
        for k in kinds:
            seen[f"undercut of: {k}"] += any(kind_of.get(u.target) == k for u in m.undercuts)
        seen["named rebuttal"] += any(isinstance(r, Rebuttal) and r.name for r in m.relations)
        seen["named contradiction"] += any(isinstance(r, Contradiction) and r.name for r in m.relations)
        seen["linked"] += any(len(getattr(r, "attackers", ())) > 1 for r in m.relations)
        seen["self-attack"] += any(target in members for members, target, _ in attacks)
        pairs = {(x, target) for members, target, via in attacks for x in members | {via} - {None}}
        seen["odd cycle"] += has_odd_cycle(elements, pairs)
        seen["undecided"] += Status.UNDECIDED in evaluate(m, "grounded", support).status.values()
        seen["auxiliary"] += bool(framework(m, support).auxiliary)
    # The random maps do exercise every construct and the hard cases.
    assert min(seen.values()) >= 40, seen


def test_random_maps_reach_the_size_of_the_brute_force():
    """The random maps have up to nine claims and named relations, and some only one."""
    sizes = {len(evaluate(m).arguments) for m in _random_maps()}
    assert max(sizes) == 9 and min(sizes) == 1


# -- worked examples ------------------------------------------------------------------


def _status(items, semantics="grounded", support="none") -> dict[str, str]:
    return {k: v.value for k, v in evaluate(ArgumentMap(items), semantics, support).status.items()}


@pytest.mark.parametrize("semantics", CLASSIC_SEMANTICS)
def test_the_concession_lets_the_thesis_stand(semantics):
    """claim a, b, u; r: a rebuts b; u undercuts r: a, b and u are accepted, the rebuttal r is rejected."""
    items = _claims("a", "b", "u") + [Rebuttal("a", "b", name="r"), Undercut("u", "r")]
    assert _status(items, semantics) == {"a": "accepted", "b": "accepted", "u": "accepted", "r": "rejected"}


def test_a_named_rebuttal_nobody_undercuts_works_as_an_unnamed_one():
    """r: a rebuts b alone defeats b, and r itself is accepted."""
    assert _status(_claims("a", "b") + [Rebuttal("a", "b", name="r")]) == {
        "a": "accepted", "b": "rejected", "r": "accepted"}


def test_defeating_the_source_frees_the_target_but_not_the_relation():
    """c rebuts a, r: a rebuts b: a falls, so b stands; r is still accepted (the objection would hold if a did)."""
    items = _claims("a", "b", "c") + [Rebuttal("c", "a"), Rebuttal("a", "b", name="r")]
    assert _status(items) == {"a": "rejected", "b": "accepted", "c": "accepted", "r": "accepted"}


def test_a_linked_rebuttal_needs_all_its_attackers():
    """a + b rebuts c defeats c; once d rebuts b, c stands again (and stays undecided if b is)."""
    base = _claims("a", "b", "c", "d") + [Rebuttal(("a", "b"), "c")]
    assert _status(base)["c"] == "rejected"
    assert _status(base + [Rebuttal("d", "b")])["c"] == "accepted"
    assert _status(base + [Contradiction("d", "b")])["c"] == "undecided"
    assert _status(base + [Contradiction("d", "b")], "preferred")["c"] == "undecided"


def test_a_linked_undercut_needs_all_its_attackers():
    """x + y undercuts s cancels s only while both x and y stand."""
    base = _claims("a", "b", "x", "y", "z") + [Support("a", "b", name="s"), Undercut(("x", "y"), "s")]
    assert _status(base)["s"] == "rejected"
    assert _status(base + [Rebuttal("z", "y")])["s"] == "accepted"


def test_undercutting_a_named_contradiction_cancels_both_directions():
    """k: a contradicts b, u undercuts k: a and b both stand; without the undercut both are undecided."""
    items = _claims("a", "b", "u") + [Contradiction("a", "b", name="k")]
    assert _status(items) == {"a": "undecided", "b": "undecided", "u": "accepted", "k": "accepted"}
    assert _status(items + [Undercut("u", "k")]) == {"a": "accepted", "b": "accepted", "u": "accepted", "k": "rejected"}


def test_an_undercut_of_an_undercut_reinstates_the_inference():
    """s: a supports b, v: x undercuts s, y undercuts v: s holds again, v does not."""
    items = _claims("a", "b", "x", "y") + [Support("a", "b", name="s"), Undercut("x", "s", name="v"), Undercut("y", "v")]
    status = _status(items)
    assert (status["s"], status["v"]) == ("accepted", "rejected")
    assert _status(items[:-1])["s"] == "rejected"


def test_undercutting_an_argument_undercuts_its_final_inference():
    """u undercuts the argument g: g (its final inference) is rejected; its premises and conclusion keep their status."""
    items = _claims("p1", "p2", "k1", "p3", "k2", "u") + [
        Argument("g", "G.", steps=[Step(["p1", "p2"], "k1"), Step(["p3"], "k2")]),
        Undercut("u", "g"),
    ]
    status = _status(items)
    assert status["g"] == "rejected"
    assert all(status[c] == "accepted" for c in ("p1", "p2", "k1", "p3", "k2", "u"))
    assert "g" in evaluate(ArgumentMap(items)).arguments


def test_support_modes_carry_the_name_of_the_relation_along():
    """necessary: a supports b, r: a rebuts c gives b -> c through r, so undercutting r frees c in every mode."""
    items = _claims("a", "b", "c", "u") + [Support("a", "b"), Rebuttal("a", "c", name="r"), Undercut("u", "r")]
    for mode in SUPPORT_MODES:
        assert _status(items, support=mode)["c"] == "accepted"
    without = items[:-1] + [Rebuttal("u", "a")]
    assert _status(without, support="necessary")["c"] == "accepted"  # a falls, and with it b's share of r
    af = framework(ArgumentMap(items[:-1]), "necessary")
    assert ("b", "c") in af.visible_attacks and ("r", "c") in af.visible_attacks


# -- what users see ---------------------------------------------------------------------


def test_auxiliary_arguments_are_never_reported():
    """An evaluation lists claims and named relations only; the framework lists the auxiliary arguments after them."""
    items = _claims("a", "b", "u") + [Rebuttal(("a", "u"), "b", name="r"), Undercut("u", "r", name="w")]
    m = ArgumentMap(items)
    af = framework(m)
    assert af.arguments[: len(af.arguments) - len(af.auxiliary)] == ("a", "b", "u", "r", "w")
    assert af.auxiliary and all(x.startswith("aux_") for x in af.auxiliary)
    for semantics in CLASSIC_SEMANTICS + ("dfquad",):
        result = evaluate(m, semantics)
        assert result.arguments == ("a", "b", "u", "r", "w")
        assert set(result.status) == set(result.arguments)
        assert all(x in result.arguments for ext in result.extensions for x in ext)
        assert all(x in result.arguments and y in result.arguments for x, y in result.attacks)


def test_auxiliary_ids_never_clash_with_the_maps_ids():
    """When a map's ids start with aux_, the auxiliary arguments get a longer prefix."""
    items = _claims("aux_not_a", "a", "b", "_aux_x") + [Rebuttal("a", "b", name="aux_app1_r")]
    af = framework(ArgumentMap(items))
    assert len(set(af.arguments)) == len(af.arguments)
    assert all(x.startswith("__aux_") for x in af.auxiliary)
    assert _status(items)["b"] == "rejected"


def test_the_translation_is_linear():
    """Each named or linked attack adds one argument, each attacker and relation at most one more per mode."""
    k = 300
    items = _claims(*(f"c{i}" for i in range(k)))
    items += [Rebuttal((f"c{i}", f"c{(i + 1) % k}"), f"c{(i + 2) % k}", name=f"r{i}") for i in range(k)]
    items += [Undercut(f"c{i}", f"r{(i + 5) % k}") for i in range(k)]
    af = framework(ArgumentMap(items))
    assert len(af.auxiliary) == k + k + k  # one application per rebuttal, one "not" per claim and per rebuttal
    # c -> not_c, r -> not_r, three "not"s into each application, application -> target, the undercuts
    assert len(af.attacks) == k * (1 + 1 + 3 + 1) + k


def test_apx_export_includes_the_auxiliary_arguments():
    """to_apx writes the whole framework, auxiliary arguments and their attacks included."""
    af = framework(ArgumentMap(_claims("a", "b", "u") + [Rebuttal("a", "b", name="r"), Undercut("u", "r")]))
    text = af.to_apx()
    assert text.count("arg(") == len(af.arguments) == 7
    assert text.count("att(") == len(af.attacks)
    assert "att(aux_app1_r,b)." in text


# -- the decision about sources, checked against AFRA -----------------------------------


def _afra(m: ArgumentMap):
    """AFRA (Baroni et al. 2011) of a map whose attacks have one attacker each
    and whose named attacks are rebuttals and undercuts, as a Dung framework:
    its nodes are the arguments (claims, named supports, arguments) and every
    attack; an attack defeats its target (direct defeat) and every attack
    whose source is its target (indirect defeat)."""
    arguments = list(dict.fromkeys([c.id for c in m.claims] + [a.id for a in m.arguments]
                                   + [s.name for s in m.supports if s.name]))
    attacks = []  # (node id, source, target)
    for k, rel in enumerate(m.relations):
        if isinstance(rel, Contradiction):
            attacks += [(f"#{k}a", rel.first, rel.second), (f"#{k}b", rel.second, rel.first)]
        elif isinstance(rel, (Rebuttal, Undercut)):
            attacks.append((rel.name or f"#{k}", rel.attackers[0], rel.target))
    nodes = arguments + [a for a, _, _ in attacks]
    index = {x: i for i, x in enumerate(nodes)}
    attackers: list[list[int]] = [[] for _ in nodes]
    for alpha, _, target in attacks:
        attackers[index[target]].append(index[alpha])
        for beta, source, _ in attacks:
            if source == target:
                attackers[index[beta]].append(index[alpha])
    return nodes, attackers, {a: s for a, s, _ in attacks}


def _afra_maps():
    for m in _random_maps():
        if any(len(getattr(r, "attackers", ())) > 1 or (isinstance(r, Contradiction) and r.name) for r in m.relations):
            continue
        yield m


def test_claims_stand_or_fall_as_in_afra():
    """On random maps with named rebuttals and undercuts of every relation, every semantics accepts the same claims as AFRA."""
    checked = 0
    for m in _afra_maps():
        claims = {c.id for c in m.claims}
        nodes, attackers, _ = _afra(m)
        for semantics in CLASSIC_SEMANTICS:
            ours = {tuple(x for x in e if x in claims) for e in evaluate(m, semantics).extensions}
            if semantics == "grounded":
                labels = _dung.grounded(len(nodes), attackers)
                found = [[i for i, label in enumerate(labels) if label == _dung.IN]]
            else:
                found = _dung.extensions(len(nodes), attackers, semantics)
            afra = {tuple(sorted(nodes[i] for i in e if nodes[i] in claims)) for e in found}
            assert ours == afra, (semantics, m)
        checked += 1
    assert checked >= 100


def test_an_afra_attack_holds_exactly_when_its_relation_and_its_source_do():
    """Under grounded semantics, AFRA accepts a named attack exactly when argmap accepts both the relation and its attacker."""
    checked = 0
    for m in _afra_maps():
        nodes, attackers, sources = _afra(m)
        labels = dict(zip(nodes, _dung.grounded(len(nodes), attackers)))
        ours = evaluate(m).status
        for rel in m.relations:
            if isinstance(rel, (Rebuttal, Undercut)) and rel.name:
                both = ours[rel.name] is Status.ACCEPTED and ours[sources[rel.name]] is Status.ACCEPTED
                assert (labels[rel.name] == _dung.IN) == both
                checked += 1
    assert checked >= 100


# -- DF-QuAD, from its definition -------------------------------------------------------


def _dfquad_by_definition(m: ArgumentMap) -> dict[str, float] | None:
    """DF-QuAD strengths by recursion over the map (None when it has a cycle):
    named relations have base score 1; each attack and each support is one
    term, the product of its attackers' (premises') strengths and, when it is
    named, of the relation's strength."""
    claims = {c.id: c for c in reversed(m.claims)}
    elements, _ = brute_structure(m, "none")
    attack_terms: dict[str, list] = {e: [] for e in elements}
    support_terms: dict[str, list] = {e: [] for e in elements}
    for rel in m.relations:
        if isinstance(rel, Support):
            support_terms[rel.conclusion].append((rel.premises, rel.name))
        elif isinstance(rel, Contradiction):
            attack_terms[rel.second].append(((rel.first,), rel.name))
            if rel.first != rel.second:
                attack_terms[rel.first].append(((rel.second,), rel.name))
        else:
            attack_terms[rel.target].append((rel.attackers, rel.name))
    memo: dict[str, float] = {}
    busy: set[str] = set()

    def strength(x: str) -> float:
        if x in memo:
            return memo[x]
        if x in busy:
            raise RecursionError
        busy.add(x)

        def aggregate(terms):
            rest = 1.0
            for parts, name in terms:
                t = strength(name) if name else 1.0
                for p in parts:
                    t *= strength(p)
                rest *= 1.0 - t
            return 1.0 - rest

        base = 1.0 if x not in claims else (0.5 if claims[x].weight is None else claims[x].weight)
        va, vs = aggregate(attack_terms[x]), aggregate(support_terms[x])
        memo[x] = base - base * (va - vs) if va >= vs else base + (1 - base) * (vs - va)
        busy.discard(x)
        return memo[x]

    try:
        return {e: strength(e) for e in elements}
    except RecursionError:
        return None


def test_dfquad_matches_its_definition_on_random_acyclic_maps():
    """On 150 random maps without cycles, DF-QuAD strengths equal the definition computed by recursion."""
    checked = 0
    rng = random.Random(9)
    while checked < 150:
        m = random_extended_map(rng, 7)
        expected = _dfquad_by_definition(m)
        if expected is None:
            continue
        found = evaluate(m, "dfquad").strengths
        assert set(found) == set(expected)
        for x, value in expected.items():
            assert found[x] == pytest.approx(value, abs=1e-9), (x, m)
        checked += 1


@pytest.mark.parametrize(
    "items,expected",
    [
        # a named rebuttal nobody undercuts counts as its attacker: 0.5 - 0.5 * 0.5
        (_claims("a", "b") + [Rebuttal("a", "b", name="r")], {"r": 1.0, "b": 0.25}),
        # undercut by u (0.5): r = 0.5; the attack is 0.5 * 0.5; b = 0.5 - 0.5 * 0.25
        (_claims("a", "b", "u") + [Rebuttal("a", "b", name="r"), Undercut("u", "r")], {"r": 0.5, "b": 0.375}),
        # a linked rebuttal counts as the product of its attackers: 0.25; c = 0.5 - 0.5 * 0.25
        (_claims("a", "b", "c") + [Rebuttal(("a", "b"), "c")], {"c": 0.375}),
        # a named contradiction, undercut to 0.5: each side is attacked with 0.5 * x; x = 0.5 - 0.25 x = 0.4
        (_claims("a", "b", "u") + [Contradiction("a", "b", name="k"), Undercut("u", "k")], {"a": 0.4, "b": 0.4}),
    ],
)
def test_dfquad_hand_computed_values_for_named_and_linked_attacks(items, expected):
    """DF-QuAD strengths of named, undercut, linked and contradicting attacks, computed by hand."""
    strengths = evaluate(ArgumentMap(items), "dfquad").strengths
    for ident, value in expected.items():
        assert strengths[ident] == pytest.approx(value, abs=1e-9)


# -- comparing positions ------------------------------------------------------------------


@pytest.mark.parametrize("support", SUPPORT_MODES)
def test_compare_finds_exactly_the_attacks_between_two_positions(support):
    """On random maps and positions: a cross attack exactly when one position accepts all attackers and the relation of an attack on what the other accepts."""
    from argmap.model import Position
    from argmap.semantics import compare_positions

    rng = random.Random(5)
    found_some = 0
    for m in _random_maps()[:250]:
        elements, attacks = brute_structure(m, support)
        picks = [rng.sample(elements, rng.randint(0, len(elements))) for _ in range(2)]
        m = ArgumentMap(list(m.items) + [Position("p", picks[0]), Position("q", picks[1])])
        result = compare_positions(m, "p", "q", support)
        got = {(a.by, a.target) for a in result.attacks}
        accepted = {"p": set(picks[0]), "q": set(picks[1])}
        want = set()
        for members, target, via in attacks:
            for by, other in (("p", "q"), ("q", "p")):
                if members | ({via} if via else set()) <= accepted[by] and target in accepted[other]:
                    want.add((by, target))
        assert got == want, m
        _, written = brute_structure(m, "none")
        for a in result.attacks:
            assert a.attacker == a.attackers[0] and set(a.attackers) <= accepted[a.by]
            if a.relation != "derived":
                assert (frozenset(a.attackers), a.target, a.name) in written
        found_some += bool(got)
    assert found_some >= 100


# -- the same, written as text ---------------------------------------------------------------

CONCESSION = "claim a: A.\nclaim b: B.\nclaim u: U.\nr: a rebuts b\nu undercuts r\n"
CONCESSION_OUTLINE = "claim b: B.\n  - (r) a: A.\n    ~ u: U.\n"


@pytest.mark.parametrize("text", [CONCESSION, CONCESSION_OUTLINE], ids=["statements", "outline"])
@pytest.mark.parametrize("semantics", CLASSIC_SEMANTICS)
@pytest.mark.parametrize("support", SUPPORT_MODES)
def test_the_worked_concession_example_as_text(text, semantics, support):
    """The issue's worked example, parsed as statements or as an outline: a, b and u accepted in every semantics and mode."""
    import argmap

    status = evaluate(argmap.parse(text), semantics, support).status
    assert {x: status[x] for x in "abu"} == dict.fromkeys("abu", Status.ACCEPTED)
    assert status["r"] is Status.REJECTED


def test_every_named_relation_is_an_argument_and_no_unnamed_one():
    """Claims, named supports, rebuttals, contradictions, undercuts and arguments are arguments, in the order written."""
    import argmap

    m = argmap.parse(
        "claim a: A.\nclaim b: B.\nclaim c: C.\ns: a supports b\nr: a + b rebuts c\nk: a contradicts c\n"
        "u: c undercuts k\na rebuts b\nc undercuts s\nargument g: G\n  premise a\n  conclusion c\n"
    )
    assert evaluate(m).arguments == ("a", "b", "c", "s", "r", "k", "u", "g")


def test_acceptance_notes_name_a_linked_objection():
    """A claim defeated by a linked objection gets a note naming all its attackers."""
    import argmap
    from argmap.semantics import acceptance_notes

    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\na + b rebuts c\n")
    assert [d.message for d in acceptance_notes(m)] == [
        "claim `c` is rejected under grounded semantics: `a` and `b`, which are accepted, rebut it together (line 4)"
    ]


def test_acceptance_notes_skip_an_objection_whose_relation_is_undercut():
    """An undercut objection is not given as the reason; a claim it alone attacks is accepted and gets no note."""
    import argmap
    from argmap.semantics import acceptance_notes

    m = argmap.parse(CONCESSION + "claim z: Z.\nz rebuts b\nclaim y: Y.\ny contradicts z\n")
    notes = [d.message for d in acceptance_notes(m, "preferred")]
    assert notes == [
        "claim `b` is undecided under preferred semantics: it is in some preferred extensions, not in all",
        "claim `z` is undecided under preferred semantics: it is in some preferred extensions, not in all",
        "claim `y` is undecided under preferred semantics: it is in some preferred extensions, not in all",
    ]
    assert [d.message for d in acceptance_notes(argmap.parse(CONCESSION))] == []


def test_evaluation_does_not_depend_on_the_order_of_statements():
    """Writing the same statements in another order (so the auxiliary arguments come in another order) changes no extension and no strength."""
    for m in _random_maps()[:150]:
        shuffled = ArgumentMap(list(reversed(m.items)))
        for semantics in CLASSIC_SEMANTICS:
            assert evaluate(m, semantics).extensions == evaluate(shuffled, semantics).extensions
        a, b = evaluate(m, "dfquad").strengths, evaluate(shuffled, "dfquad").strengths
        assert all(a[x] == pytest.approx(b[x], abs=1e-9) for x in a)
