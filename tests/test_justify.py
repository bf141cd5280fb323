"""Justifications as data (argmap.semantics.justify): valid dispute trees, refutations and circles."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import parse
from argmap.model import ArgumentMap, Claim, Contradiction, Rebuttal, Support, Undercut
from argmap.semantics import (
    Attack,
    Cycle,
    Defence,
    Framework,
    Refutation,
    Status,
    evaluate,
    framework,
    justify,
    justify_all,
    labelling,
)
from argmap.semantics._dung import IN, OUT, grounded
from tests.strategies_semantics import maps

_LABELS = {IN: "in", OUT: "out"}


def random_framework(rng: random.Random, n: int | None = None) -> Framework:
    """A random framework of up to 9 arguments, self-attacks and cycles included."""
    n = n or rng.randint(1, 9)
    names = [f"a{i}" for i in range(n)]
    density = rng.random() * 0.4
    attacks = [(x, y) for x in names for y in names if rng.random() < (density / 3 if x == y else density)]
    return Framework(names, attacks)


def random_named_map(rng: random.Random) -> ArgumentMap:
    """A random map with named, linked and undercut attacks (which need auxiliary arguments)."""
    n = rng.randint(2, 7)
    claims = [f"c{i}" for i in range(n)]
    items: list = [Claim(c, f"Claim {c}.") for c in claims]
    names: list[str] = []
    for k in range(rng.randint(1, 6)):
        target = rng.choice(claims + names) if names else rng.choice(claims)
        attackers = tuple(rng.sample(claims, rng.choice((1, 1, 2)) if n >= 2 else 1))
        name = f"r{k}" if rng.random() < 0.6 else None
        if target in names:
            items.append(Undercut(attackers, target, name=name))
        else:
            items.append(Rebuttal(attackers, target, name=name))
        if name:
            names.append(name)
    for _ in range(rng.randint(0, 3)):
        a, b = rng.sample(claims, 2)
        items.append(rng.choice((Rebuttal((a,), b), Contradiction(a, b), Support((a,), b))))
    rng.shuffle(items)
    return ArgumentMap(items)


def labels_of(fw: Framework, extension) -> dict[str, str]:
    """The labelling of ``extension`` in a framework without auxiliary arguments, from the definition."""
    ext = set(extension)
    return {
        a: "in" if a in ext else "out" if any(x in ext for x, y in fw.attacks if y == a) else "undec"
        for a in fw.arguments
    }


def check_tree(fw: Framework, node: Defence, label: dict[str, str], ancestors: tuple[str, ...], expanded: set[str], well_founded: bool) -> None:
    """Every attacker of an IN node is answered by an IN node of the tree; leaves are unattacked or repeated."""
    visible = set(fw.visible_attacks)
    attacked_by = [x for x, y in fw.attacks if y == node.argument]
    assert label[node.argument] == "in"
    assert not node.truncated
    if node.repeated:
        assert node.argument in expanded
        if well_founded:
            assert node.argument not in ancestors, "grounded trees never come back to an argument on the path"
        return
    expanded.add(node.argument)
    assert len(node.answers) == len(attacked_by), "one answer per attack"
    for answer in node.answers:
        assert answer.attack.target == node.argument
        assert all((x, node.argument) in visible for x in answer.attack.attackers)
        assert answer.broken in answer.attack.attackers
        assert label[answer.broken] == "out"
        assert answer.counter is not None and answer.counter.target == answer.broken
        assert all((x, answer.broken) in visible for x in answer.counter.attackers)
        assert [d.argument for d in answer.defences] == list(answer.counter.attackers)
        for d in answer.defences:
            check_tree(fw, d, label, ancestors + (node.argument,), expanded, well_founded)


def check(fw: Framework, j, label: dict[str, str], well_founded: bool) -> None:
    visible = set(fw.visible_attacks)
    assert j.label == label[j.argument]
    json.dumps(j.to_dict())
    if isinstance(j, Defence):
        check_tree(fw, j, label, (), set(), well_founded)
    elif isinstance(j, Refutation):
        assert j.counter.target == j.argument
        assert all((x, j.argument) in visible for x in j.counter.attackers)
        assert [d.argument for d in j.defences] == list(j.counter.attackers)
        expanded: set[str] = set()
        for d in j.defences:
            check_tree(fw, d, label, (), expanded, well_founded)
    else:
        assert isinstance(j, Cycle)
        assert j.chain[-1] == j.argument
        assert j.cycle, "in a complete labelling an undecided argument is downstream of a circle"
        assert j.chain[0] in j.cycle
        for x, y in zip(j.chain, j.chain[1:]):
            assert (x, y) in visible
        for x, y in zip(j.cycle, j.cycle[1:] + j.cycle[:1]):
            assert (x, y) in visible
        assert all(label[x] == "undec" for x in j.chain + j.cycle)
        if not fw.auxiliary:
            assert j.odd == (len(j.cycle) % 2 == 1)


def test_grounded_labels_match_the_grounded_semantics_on_random_frameworks():
    """The label of every justification is the argument's grounded label, on 500 random frameworks."""
    rng = random.Random(12)
    for _ in range(500):
        fw = random_framework(rng)
        expected = grounded(len(fw.arguments), fw.attackers())
        label = {a: _LABELS.get(expected[i], "undec") for i, a in enumerate(fw.arguments)}
        for a, j in justify_all(fw).items():
            check(fw, j, label, well_founded=True)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_trees_are_valid_in_every_complete_extension(seed):
    """In each complete extension of a random framework, every justification is valid."""
    fw = random_framework(random.Random(seed))
    m = ArgumentMap([Claim(a, "X.") for a in fw.arguments] + [Rebuttal((x,), y) for x, y in fw.attacks])
    for semantics in ("complete", "preferred", "stable"):
        for ext in evaluate(m, semantics).extensions:
            label = labels_of(fw, ext)
            for j in justify_all(fw, ext).values():
                check(fw, j, label, well_founded=False)


@settings(max_examples=150, deadline=None)
@given(maps())
def test_justifications_agree_with_evaluate_in_every_support_mode(m):
    """On random maps, in every support mode, the justification's label is the grounded status."""
    for support in ("none", "deductive", "necessary"):
        fw = framework(m, support)
        result = evaluate(m, "grounded", support)
        word = {Status.ACCEPTED: "in", Status.REJECTED: "out", Status.UNDECIDED: "undec"}
        label = {a: word[s] for a, s in result.status.items()}
        for a, j in justify_all(fw).items():
            check(fw, j, label, well_founded=True)


@pytest.mark.parametrize("support", ["none", "deductive", "necessary"])
def test_named_and_linked_attacks_are_explained_in_the_maps_ids(support):
    """Maps with auxiliary arguments: trees name only the map's ids and are valid, grounded and preferred."""
    rng = random.Random(7)
    for _ in range(300):
        m = random_named_map(rng)
        fw = framework(m, support)
        word = {Status.ACCEPTED: "in", Status.REJECTED: "out", Status.UNDECIDED: "undec"}
        label = {a: word[s] for a, s in evaluate(m, "grounded", support).status.items()}
        for j in justify_all(fw).values():
            check(fw, j, label, well_founded=True)
            assert not any(aux in json.dumps(j.to_dict()) for aux in fw.auxiliary)
        for semantics in ("complete", "preferred", "stable"):
            for ext in evaluate(m, semantics, support).extensions:
                labels = dict(labelling(fw, ext))  # the solver's labelling, computed apart
                for j in justify_all(fw, ext).values():
                    check(fw, j, labels, well_founded=False)


def test_a_chain_exactly():
    """a attacks b attacks c: c is defended by a against b."""
    fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])
    c = justify(fw, "c")
    assert c.to_dict() == {
        "label": "in",
        "argument": "c",
        "answers": [
            {
                "attack": {"attackers": ["b"], "target": "c"},
                "broken": "b",
                "counter": {"attackers": ["a"], "target": "b"},
                "defences": [{"label": "in", "argument": "a", "answers": []}],
            }
        ],
    }
    assert justify(fw, "b") == Refutation("b", Attack(("a",), "b"), (Defence("a"),))
    assert justify(fw, "a").unattacked


def test_circles_odd_and_even():
    """An odd circle is odd, an even one even; an argument downstream of a circle gets the chain."""
    fw = Framework(["a", "b", "c", "d", "e", "f"], [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("e", "f"), ("f", "e")])
    assert justify(fw, "a") == Cycle("a", ("a",), ("a", "b", "c"), True)
    assert justify(fw, "d") == Cycle("d", ("c", "d"), ("c", "a", "b"), True)
    assert justify(fw, "e") == Cycle("e", ("e",), ("e", "f"), False)
    assert justify(Framework(["s"], [("s", "s")]), "s") == Cycle("s", ("s",), ("s",), True)


def test_even_circle_in_a_preferred_extension_defends_itself():
    """In the extension {a} of a <-> b, a is defended by itself: a repeated leaf."""
    fw = Framework(["a", "b"], [("a", "b"), ("b", "a")])
    a = justify(fw, "a", ["a"])
    assert a.answers[0].counter == Attack(("a",), "b")
    assert a.answers[0].defences == (Defence("a", repeated=True),)
    assert justify(fw, "b", ["a"]).label == "out"


def test_an_undercut_named_relation_is_the_broken_part():
    """r: a rebuts b; u undercuts r: b stands because r does not hold; when v rebuts u, r holds and b falls."""
    m = parse("claim a: A.\nclaim b: B.\nclaim u: U.\nr: a rebuts b\nu undercuts r\n")
    fw = framework(m)
    b = justify(fw, "b")
    assert b == Defence(
        "b", (Answer_(("a", "r"), "b", "r", ("u",)),)
    )
    m2 = parse("claim a: A.\nclaim b: B.\nclaim u: U.\nclaim v: V.\nr: a rebuts b\nu undercuts r\nv rebuts u\n")
    j = justify(framework(m2), "b")
    assert isinstance(j, Refutation) and j.counter == Attack(("a", "r"), "b")
    assert [d.argument for d in j.defences] == ["a", "r"]


def Answer_(attackers, target, broken, counter):
    from argmap.semantics import AnsweredAttack

    return AnsweredAttack(Attack(attackers, target), broken, Attack(counter, broken), tuple(Defence(c) for c in counter))


def test_trees_are_bounded_and_need_no_recursion():
    """A chain of 20,000 attacks: the tree stops at the depth bound, marked truncated."""
    n = 20_000
    names = [f"a{i}" for i in range(n)]
    fw = Framework(names, [(names[i], names[i + 1]) for i in range(n - 1)])
    last = justify(fw, names[-1] if n % 2 == 1 else names[-2], depth=50)
    depth, node = 0, last
    while node.answers:
        node = node.answers[0].defences[0]
        depth += 1
    assert depth == 50 and node.truncated
    json.dumps(last.to_dict())


def test_unknown_argument_raises_key_error():
    """Asking about an id the framework does not have is a KeyError."""
    with pytest.raises(KeyError):
        justify(Framework(["a"], []), "b")


@pytest.mark.parametrize("semantics", ["grounded", "complete", "preferred", "stable"])
def test_answers_of_reasoning_tasks_are_justified_with_their_witness(semantics):
    """DC/DS answers: the justification is about the witness (or some extension), and its label fits the answer."""
    from argmap.semantics import credulous, justify_answer, sceptical

    rng = random.Random(3)
    for _ in range(60):
        fw = random_framework(rng)
        for a in fw.arguments:
            for task in (credulous, sceptical):
                answer = task(fw, semantics, a)
                data = justify_answer(fw, semantics, a, answer)
                json.dumps(data)
                assert data["vacuous"] == answer.vacuous
                if data.get("reason") == "in-no-extension":
                    assert not answer.accepted and data["extensions"]
                    for listed in data["extensions"]:
                        assert a not in listed["extension"]
                        assert listed["justification"]["label"] != "in"
                    continue
                if data.get("reason") == "grounded":
                    assert not answer.accepted and data["justification"]["label"] == "out"
                    continue
                if data["extension"] is None:
                    assert semantics == "stable" and data["justification"] is None
                    assert data["reason"] == "no-extension" and (answer.vacuous or not answer.accepted)
                    continue
                label = data["justification"]["label"]
                assert (label == "in") == (a in data["extension"])
                if task is credulous and answer.accepted or task is sceptical and not answer.accepted:
                    assert (label == "in") == answer.accepted


def test_explaining_a_vacuous_yes_names_the_odd_circle():
    """DS-ST without any stable extension: vacuous, no extension, and the odd circle that prevents one."""
    from argmap.semantics import justify_answer, sceptical

    fw = Framework(["1", "2", "3"], [("1", "2"), ("2", "3"), ("3", "1")])
    answer = sceptical(fw, "stable", "1")
    data = justify_answer(fw, "stable", "1", answer)
    assert data["accepted"] and data["vacuous"] and data["reason"] == "no-extension"
    assert data["extension"] is None and sorted(data["cycle"]) == ["1", "2", "3"]


def test_explaining_a_credulous_no():
    """DC-NO: the grounded refutation when grounded already rejects the argument; otherwise its
    label in each extension, all of them when there are few, and a bounded list when not."""
    from argmap.semantics import credulous, justify_answer

    fw = Framework(["a", "b"], [("a", "b")])
    data = justify_answer(fw, "preferred", "b", credulous(fw, "preferred", "b"))
    assert data["reason"] == "grounded" and data["justification"]["counter"]["attackers"] == ["a"]
    # 1 <-> 2, and 3 -> 4 -> 5 -> 3: 3 is out with 2, undecided with 1.
    fw = Framework(["1", "2", "3", "4", "5"], [("1", "2"), ("2", "1"), ("2", "3"), ("3", "4"), ("4", "5"), ("5", "3")])
    data = justify_answer(fw, "preferred", "3", credulous(fw, "preferred", "3"))
    assert data["reason"] == "in-no-extension" and data["all_listed"]
    labels = {tuple(e["extension"]): e["justification"]["label"] for e in data["extensions"]}
    assert labels == {("2", "4"): "out", ("1",): "undec"}
    # Three independent even pairs and an argument attacked by all of one side: 8 extensions.
    names = [f"x{i}" for i in range(6)] + ["t"]
    attacks = [(f"x{2 * i}", f"x{2 * i + 1}") for i in range(3)] + [(f"x{2 * i + 1}", f"x{2 * i}") for i in range(3)]
    attacks += [("x0", "t"), ("x1", "t")]
    fw = Framework(names, attacks)
    data = justify_answer(fw, "preferred", "t", credulous(fw, "preferred", "t"), shown=3)
    assert data["reason"] == "in-no-extension" and not data["all_listed"] and len(data["extensions"]) == 3
