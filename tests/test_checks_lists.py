"""The checks look a large map's ids up a list at a time and look again one by
one only at what fails: they report exactly what looking at everything one
by one reports."""

from __future__ import annotations

import random

import pytest

import argmap
from argmap.checks import references, structure
from argmap.checks._ids import MapIds
from argmap.model import Contradiction, Support

IDS = ["a", "b", "c", "d", "e", "r1", "r2", "g", "s0", "s1"]

LINES = [
    "claim {x}: Text {x}.",
    "claim {x}: Text.\n  source: {s}",
    "implicit claim {x}: Unstated.",
    "{x} supports {y}",
    "{x} + {y} supports {z}",
    "{x} + {x} supports {y}",
    "{x} rebuts {y}",
    "{x} + {y} rebuts {z}",
    "{x} contradicts {y}",
    "{x} undercuts {y}",
    "{x} + {y} undercuts {z}",
    "{n}: {x} supports {y}",
    "{n}: {x} rebuts {y}",
    "{n}: {x} + {x} rebuts {y}",
    "{n}: {x} contradicts {y}",
    "{n}: {x} undercuts {y}",
    'source {s}: "Quelle"',
    "position p{x}: accepts {x}, {y}; rejects {z}",
    "argument {n}: Titel\n  premise {x}\n  conclusion {y}",
    "argument {n}: Titel\n  premise {x}: P.\n  premise {y}\n  conclusion {z}: K.",
    "claim {x}: Text.\n  + {y}\n  - ({n}) {z}\n    ~ {x}",
]


def _random_map(seed: int, kinds: list[str] = LINES) -> argmap.ArgumentMap:
    rng = random.Random(seed)
    lines = []
    for _ in range(rng.randint(3, 30)):
        x, y, z, n = (rng.choice(IDS) for _ in range(4))
        lines.append(rng.choice(kinds).format(x=x, y=y, z=z, n=n, s=rng.choice(["s0", "s1", "s2"])))
    m, _ = argmap.read("\n".join(lines) + "\n", "m.argmap")
    return m


def _report(m) -> list[tuple]:
    return [(d.code, d.message, d.span, d.hint) for d in argmap.check(m)]


def _one_by_one(monkeypatch) -> None:
    """Make every check look at every relation, claim and undercut one by one."""
    monkeypatch.setattr(references, "_flagged_relations", lambda m, ids: list(m.relations))
    monkeypatch.setattr(references, "_each_once", lambda m, ids: False)
    monkeypatch.setattr(structure, "_against_support", lambda m, ids, pairs, sums: m.relations)
    monkeypatch.setattr(structure, "_linked_twice", lambda m, ids: m.relations)
    monkeypatch.setattr(structure, "_may_defeat_themselves", lambda m, ids: m.undercuts)

    def every_candidate(sources, targets, size, ends=None):
        return set(sources).intersection(targets)

    monkeypatch.setattr(structure, "_maybe_circular", every_candidate)


@pytest.mark.parametrize("seed", range(60))
def test_lists_report_what_one_by_one_reports(seed, monkeypatch):
    """Random maps full of mistakes: the same diagnostics, in the same order."""
    m = _random_map(seed)
    quick = _report(m)
    _one_by_one(monkeypatch)
    assert quick == _report(m)


def test_random_maps_have_mistakes_of_every_kind():
    """The random maps above do exercise what the lists look for."""
    codes = {code for seed in range(60) for code, *_ in _report(_random_map(seed))}
    assert {"E201", "E202", "E203", "E204", "E205", "E206", "E301", "W302", "W303", "W305", "W212"} <= codes


@pytest.mark.parametrize("seed", range(30))
def test_reasons_and_objections_in_order(seed):
    """The map's reasons and objections index: every relation at each end it is aimed at, in order."""
    m = _random_map(seed)
    ids = {i for r in m.relations for i, _ in r.references()} | {"nothing"}
    for ident in ids:
        assert m.reasons(ident) == tuple(r for r in m.relations if type(r) is Support and r.conclusion == ident)
        expected = tuple(
            r
            for r in m.relations
            if (type(r) is Contradiction and ident in (r.first, r.second))
            or (type(r) is not Support and type(r) is not Contradiction and r.target == ident)
        )
        assert m.objections(ident) == expected


def test_trimming_stops_when_a_round_takes_little():
    """Supports from and to claims outside any circle are taken away a list at a
    time only while that goes fast: a long chain (one link a round) is left to
    the one-by-one peeling, which still finds the circle it closes."""
    n = 2000
    claims = "".join(f"claim c{i}: C{i}.\n" for i in range(n))
    chain = "".join(f"c{i + 1} supports c{i}\n" for i in range(n - 1))
    fans = "".join(f"c{i} supports c0\nc{i} supports c1\n" for i in range(2, n))

    def ends(text):
        ids = MapIds(argmap.parse(text))
        return ids.premise_at, ids.premise_conclusions(), ids.size

    assert structure._maybe_circular(*ends(claims + fans)) == set()
    assert len(structure._maybe_circular(*ends(claims + chain))) >= n - 4  # one round, then it stops
    found = [d for d in argmap.check(argmap.parse(claims + chain + "c0 supports c1999\n")) if d.code == "W302"]
    assert len(found) == 1 and "`c1999` supports `c1998`" in found[0].message
