"""The grounded path for large maps: a labelling in rounds over lists of
indices, and an evaluation whose attack pairs and statuses are made only
when read; the same results as the general path."""

from __future__ import annotations

import pickle
import random

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import _resolved
from argmap._resolved import resolve
from argmap.model import ArgumentMap, Claim, Contradiction, Rebuttal, Undercut, Support
from argmap.semantics import _dung, _evaluation
from argmap.semantics._framework import build
from tests.strategies_semantics import random_map
from tests.test_grounded_million import random_map as random_map_with_errors


@st.composite
def frameworks(draw):
    """A random framework as attack lists: self-attacks, repeated attacks,
    now and then a chain or an odd cycle through every argument."""
    n = draw(st.integers(1, 40))
    index = st.integers(0, n - 1)
    pairs = draw(st.lists(st.tuples(index, index), max_size=3 * n))
    shape = draw(st.sampled_from(["random", "chain", "cycle"]))
    if shape != "random":
        pairs += [(i, i + 1) for i in range(n - 1)] + ([(n - 1, 0)] if shape == "cycle" else [])
    draw(st.randoms()).shuffle(pairs)
    return n, [a for a, _ in pairs], [b for _, b in pairs]


def reference(n, attackers, targets):
    lists: list[list[int]] = [[] for _ in range(n)]
    for a, b in zip(attackers, targets):
        lists[b].append(a)
    return _dung.grounded(n, lists)


@settings(max_examples=500, deadline=None)
@given(frameworks(), st.sampled_from([0, 2, 8, 10**9]))
def test_grounded_labels_is_the_grounded_labelling(framework, few):
    """Rounds only (few=0), one by one only (10**9), or both: the labelling of _dung.grounded."""
    n, attackers, targets = framework
    assert list(_dung.grounded_labels(n, attackers, targets, few)) == reference(n, attackers, targets)


def test_a_long_chain_leaves_the_rounds_for_one_argument_at_a_time(monkeypatch):
    """A chain needs a round per link; after one round that removes few attacks, the rest goes one by one."""
    calls = {"marks": 0, "propagate": 0}
    marks, propagate = _dung._marks, _dung._propagate

    def counting_marks(*args):
        calls["marks"] += 1
        return marks(*args)

    def counting_propagate(*args):
        calls["propagate"] += 1
        return propagate(*args)

    monkeypatch.setattr(_dung, "_marks", counting_marks)
    monkeypatch.setattr(_dung, "_propagate", counting_propagate)
    n = 20_000
    labels = _dung.grounded_labels(n, range(n - 1), range(1, n), few=100)
    assert labels == bytearray([_dung.IN, _dung.OUT]) * (n // 2)
    assert calls == {"marks": 2, "propagate": 1}


def general_evaluation(m: ArgumentMap, semantics: str = "grounded") -> argmap.Evaluation:
    """The evaluation by the general path: a framework with every attack named first."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_evaluation, "plain_attacks", lambda resolved, support: None)
        return argmap.evaluate(m, semantics)


def plain_map(rng: random.Random) -> ArgumentMap:
    """A random map whose attacks are all single and unnamed, self-attacks
    and attacks written twice included, and now and then a named support undercut."""
    claims = [f"c{i}" for i in range(rng.randint(1, 12))]
    items: list = [Claim(c, "C.") for c in claims]
    for _ in range(rng.randint(0, 25)):
        a, b = rng.choice(claims), rng.choice(claims)
        items.append(Contradiction(a, b) if rng.random() < 0.2 else Rebuttal(a, b))
    if len(claims) > 1 and rng.random() < 0.3:
        items.append(Support(claims[0], claims[1], name="s"))
        items.append(Undercut(rng.choice(claims), "s"))
    rng.shuffle(items)
    return ArgumentMap(items)


def assert_same(lazy: argmap.Evaluation, eager: argmap.Evaluation) -> None:
    assert lazy == eager and hash(lazy) == hash(eager)
    assert lazy.attacks == eager.attacks and lazy.status == eager.status
    assert list(lazy.status) == list(eager.status)
    assert repr(lazy) == repr(eager)
    assert lazy.to_dict(details=True) == eager.to_dict(details=True)


@pytest.mark.parametrize("seed", range(300))
def test_the_plain_grounded_path_gives_the_general_result(seed):
    """On plain maps (the quick path) and on maps with named and linked attacks (the general path)."""
    rng = random.Random(seed)
    for m in (plain_map(rng), random_map(rng)):
        lazy = argmap.evaluate(m, "grounded")
        assert_same(lazy, general_evaluation(m))
        assert_same(argmap.evaluate(m, "grounded"), lazy)  # read in another order: eager side first


def test_a_grounded_evaluation_names_no_attack_pair_until_they_are_read(monkeypatch):
    """No framework and no attack pairs are made for grounded semantics; the statuses wait too."""
    made = []
    pairs = _evaluation.attack_pairs
    monkeypatch.setattr(_evaluation, "attack_pairs", lambda *args: made.append(args) or pairs(*args))
    monkeypatch.setattr(_evaluation, "build", lambda *args: pytest.fail("a framework was built"))
    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\na rebuts b\nb rebuts c\na rebuts b\n")
    result = argmap.evaluate(m, "grounded")
    assert result.extensions == (("a", "c"),)
    assert made == []
    with pytest.raises(AttributeError):
        object.__getattribute__(result.status, "_data")  # not made yet
    assert result.attacks == (("a", "b"), ("b", "c"))
    assert result.attacks is result.attacks and len(made) == 1  # named once
    assert result.status["b"] is argmap.Status.REJECTED


def test_a_map_with_named_attacks_takes_the_general_path(monkeypatch):
    built = []
    original = _evaluation.build
    monkeypatch.setattr(_evaluation, "build", lambda *args: built.append(args) or original(*args))
    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim u: U.\nr: a rebuts b\nu undercuts r\n")
    assert argmap.evaluate(m, "grounded").extensions == (("a", "b", "u"),)
    assert argmap.evaluate(m, "grounded", "deductive").extensions == (("a", "b", "u"),)
    assert len(built) == 2


def test_lazy_results_pickle_copy_and_evolve_as_eager_ones():
    m = argmap.parse("claim a: A.\nclaim b: B.\na rebuts b\nb contradicts a\n")
    for read_first in (False, True):
        lazy = argmap.evaluate(m)
        if read_first:
            lazy.attacks, lazy.status["a"]
        back = pickle.loads(pickle.dumps(lazy))
        assert back == lazy and back.attacks == lazy.attacks and dict(back.status) == dict(lazy.status)
        changed = attrs.evolve(lazy, semantics="complete")
        assert changed.attacks == lazy.attacks and changed.semantics == "complete"
    status = _evaluation._FrozenMappingLater(lambda: [("a", 1)])
    assert status == {"a": 1} and hash(status) == hash(argmap.semantics.FrozenMapping({"a": 1}))
    assert repr(status) == "FrozenMapping({'a': 1})"
    assert type(pickle.loads(pickle.dumps(status))) is argmap.semantics.FrozenMapping
    with pytest.raises(AttributeError):
        status.missing


def slow_resolution(m: ArgumentMap) -> _resolved.Resolved:
    """The resolution without the quick paths: each relation looked at one by one."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_resolved, "_claims_only", lambda m: None)
        patch.setattr(_resolved, "any", lambda values: True, raising=False)  # as if some relation were named
        return resolve(m)


@pytest.mark.parametrize("seed", range(400))
def test_the_quick_resolution_is_the_one_by_one_resolution(seed):
    """The same ids, indices, attacks (each as often) and verdict, clean map or not."""
    rng = random.Random(seed)
    for m in (random_map(rng), random_map_with_errors(rng), plain_map(rng)):
        quick, slow = resolve(m), slow_resolution(m)
        assert (quick.order, quick.claims, quick.names, quick.clean) == (slow.order, slow.claims, slow.names, slow.clean)
        for kind in ("base", "undercuts"):
            a, b = getattr(quick, kind), getattr(slow, kind)
            assert sorted(zip(a.attackers, a.targets)) == sorted(zip(b.attackers, b.targets))
        assert quick.others == slow.others


def test_a_framework_from_the_quick_resolution_is_the_framework_built_one_by_one():
    rng = random.Random(7)
    for _ in range(100):
        m = random_map(rng)
        for support in ("none", "deductive", "necessary"):
            quick = build(m, support, resolve(m))
            assert quick[0] == build(m, support, slow_resolution(m))[0]
