"""The grounded path at scale: ids resolved once, shared by the meaning check
and the framework (argmap/_resolved.py); self-attacks read from ICCMA files (W212)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
import argmap._resolved
from argmap._meaning import MEANING_CODES, MapError, meaning_errors, require_meaning
from argmap._resolved import resolve
from argmap.checks import check
from argmap.checks.references import check_references
from argmap.formats.iccma import read_i23
from argmap.model import (
    Argument,
    ArgumentMap,
    Claim,
    Contradiction,
    Group,
    Position,
    Rebuttal,
    Source,
    Step,
    Support,
    Undercut,
)
from argmap.semantics._framework import build


def random_map(rng: random.Random) -> ArgumentMap:
    """A small random map with every kind of relation, named and linked ones,
    arguments, positions, sources and groups; now and then an id is wrong
    (unknown, of the wrong kind, or defined twice)."""
    cs = [f"c{i}" for i in range(rng.randint(2, 6))]
    names: list[str] = []

    def ident(pool):
        roll = rng.random()
        if roll < 0.04:
            return "ghost"
        if roll < 0.08 and names:
            return rng.choice(names)  # a name where a claim is needed
        return rng.choice(pool)

    def name():
        if rng.random() < 0.4:
            names.append(f"n{len(names)}" if rng.random() < 0.95 else rng.choice(cs))  # now and then a duplicate
            return names[-1]
        return None

    items: list = [Claim(c, "C.") for c in cs]
    if rng.random() < 0.05:
        items.append(Claim(rng.choice(cs), "Again."))
    for _ in range(rng.randint(0, 7)):
        kind = rng.random()
        attackers = [ident(cs) for _ in range(rng.choice((1, 1, 2)))]
        if kind < 0.35:
            items.append(Rebuttal(attackers, ident(cs), name=name()))
        elif kind < 0.5:
            items.append(Contradiction(ident(cs), ident(cs), name=name()))
        elif kind < 0.7:
            items.append(Support(attackers, ident(cs), name=name()))
        elif names:
            target = rng.choice(names) if rng.random() < 0.9 else ident(cs)
            items.append(Undercut(attackers, target, name=name()))
    if len(cs) >= 3 and rng.random() < 0.4:
        p, q, c = rng.sample(cs, 3)
        names.append("arg")
        items.append(Argument("arg", "A", steps=[Step([p], ident([q])), Step([], c)]))
    nodes = cs + names
    for pid in ("p", "q" if rng.random() < 0.95 else "p"):
        items.append(Position(pid, [ident(nodes) for _ in range(rng.randint(0, 2))]))
    for sid in ("s", "t" if rng.random() < 0.95 else "s"):
        items.append(Source(sid, "A text"))
    for gid in ("g", "h" if rng.random() < 0.95 else "g"):
        items.append(Group(gid, "A group"))
    return ArgumentMap(items)


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_a_map_resolves_cleanly_exactly_when_it_has_no_error_that_changes_its_meaning(seed):
    """The one-pass resolution decides what the full reference check decides."""
    m = random_map(random.Random(seed))
    full = [d for d in check_references(m) if d.code in MEANING_CODES]
    assert resolve(m).clean == (not full)
    assert meaning_errors(m) == full


def test_the_random_maps_have_both_kinds():
    """The property above meets clean maps and maps with each meaning error."""
    codes: set[str] = set()
    clean = 0
    for seed in range(400):
        m = random_map(random.Random(seed))
        found = {d.code for d in check_references(m)} & MEANING_CODES
        codes |= found
        clean += not found
    assert codes == MEANING_CODES
    assert 50 < clean < 350


def test_require_meaning_returns_the_resolution_and_refuses_as_before():
    m = argmap.parse("claim a: A.\nclaim b: B.\na rebuts b\n")
    resolved = require_meaning(m, "evaluate")
    assert resolved.order == ["a", "b"] and resolved.base.codes(2) == {0 * 2 + 1} and resolved.clean
    bad = argmap.parse("claim a: A.\na rebuts b\n")
    with pytest.raises(MapError) as info:
        require_meaning(bad, "evaluate")
    assert [d.code for d in info.value.diagnostics] == ["E201"]


def test_evaluate_resolves_the_ids_once(monkeypatch):
    """evaluate looks every id up once: the meaning check's resolution is the framework's."""
    calls = []
    original = argmap._resolved.resolve

    def counting(m):
        calls.append(m)
        return original(m)

    monkeypatch.setattr("argmap._meaning.resolve", counting)
    monkeypatch.setattr("argmap.semantics._framework.resolve", counting)
    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\na rebuts b\nr: b rebuts c\nd: c contradicts a\nclaim d2: D.\n")
    result = argmap.evaluate(m, "grounded")
    assert len(calls) == 1
    assert result.extensions == (("d", "d2", "r"),)  # a and c contradict each other: undecided, so is b


def test_a_framework_built_from_a_resolution_is_the_framework_built_alone():
    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim u: U.\nr: a rebuts b\nu undercuts r\nb contradicts a\na rebuts b\n")
    alone = build(m, "deductive")
    shared = build(m, "deductive", resolve(m))
    assert shared[0] == alone[0] and shared[1:] == alone[1:]
    assert alone[0].attacks.count(("a", "b")) == 1  # a rebuttal written twice is one attack


# -- self-attacks ----------------------------------------------------------------------------


def test_a_self_attack_in_an_iccma_file_is_a_warning(tmp_path):
    framework, diagnostics = read_i23("p af 3\n1 1\n1 2\n2 3\n", str(tmp_path / "x.i23"))
    assert diagnostics == []
    m = framework.to_map()
    found = [d for d in check(m) if d.code in ("E203", "W212")]
    assert [(d.code, d.severity.value, d.message) for d in found] == [("W212", "warning", "`1` attacks itself")]
    assert found[0].span.line == 2
    assert argmap.evaluate(m).status["1"] is argmap.Status.UNDECIDED  # kept as written: it attacks itself


def test_a_self_attack_written_by_hand_is_a_warning_other_relations_to_themselves_stay_errors():
    """A single rebuttal or a contradiction of a claim with itself keeps its meaning (W212);
    a support of itself, a linked or named rebuttal of one of its attackers, an undercut of itself do not (E203)."""
    text = (
        "claim a: A.\nclaim b: B.\na rebuts a\nb contradicts b\n"
        "a supports a\na + b rebuts a\nr: b rebuts b\nu: a undercuts u\n"
    )
    m = argmap.read(text)[0]
    found = [(d.code, d.span.line) for d in check(m) if d.code in ("E203", "W212")]
    assert found == [("W212", 3), ("W212", 4), ("E203", 5), ("E203", 6), ("E203", 7), ("E203", 8)]
    assert meaning_errors(m) == []


def test_argmap_check_accepts_an_iccma_file_with_a_self_attack(tmp_path):
    import io

    from argmap.cli import main

    path = tmp_path / "x.i23"
    path.write_text("p af 2\n1 1\n1 2\n", "utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(path)], out, err) == 0
    assert "warning[W212]: `1` attacks itself" in out.getvalue() + err.getvalue()
