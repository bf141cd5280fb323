"""The checks compare ids by number and find the reasons and objections the
position checks need a round at a time: they report exactly what comparing
strings and the map's own index report."""

from __future__ import annotations

import pytest

import argmap
from argmap.checks import positions, structure
from argmap.checks._ids import MapIds, marks
from argmap.diagnostics import format_diagnostic, format_each
from argmap._linebreaks import _VISIBLE, visible

from tests.test_checks_lists import LINES, _random_map

#: Positions and undercuts of undercuts, so that the position checks have work.
MORE_LINES = [
    "position q{x}: accepts {x}, {n}; rejects {y}",
    "position q{n}: accepts {n}, {z}",
    "{n}: {x} undercuts {y}",
    "{n}: {x} + {y} undercuts {z}",
    "{x} rebuts {n}",
]


def _map_with_positions(seed: int) -> argmap.ArgumentMap:
    return _random_map(seed, LINES + MORE_LINES * 3)


def _report(diagnostics) -> list[tuple]:
    return [(d.code, d.message, d.span, d.hint, d.position) for d in diagnostics]


@pytest.mark.parametrize("seed", range(40))
def test_numbers_name_ids(seed):
    """Two places hold the same number exactly when they hold the same id; a
    claim's id is numbered by its last index among the claims, any other id
    after all of them."""
    m = _random_map(seed)
    ids = MapIds(m)
    claim_ids = [c.id for c in m.claims]
    places = [
        ([p for s in m.supports for p in s.premises], ids.premise_at),
        ([s.conclusion for s in m.supports], ids.conclusion_at),
        ([a for r in m.rebuttals for a in r.attackers], ids.attacker_at),
        ([r.target for r in m.rebuttals], ids.target_at),
        ([a for u in m.undercuts for a in u.attackers], ids.undercutter_at),
        ([k.first for k in m.contradictions], ids.first_at),
        ([k.second for k in m.contradictions], ids.second_at),
    ]
    seen: dict[str, int] = {}
    for written, numbers in places:
        assert len(written) == len(numbers)
        for ident, number in zip(written, numbers):
            assert seen.setdefault(ident, number) is number
            if ident in claim_ids:
                assert number == len(claim_ids) - 1 - claim_ids[::-1].index(ident)
            else:
                assert number >= len(claim_ids)
            assert ids.is_claim(ident) == (ident in claim_ids)
    assert ids.all_claims == all(ident in claim_ids for ident in seen)
    assert ids.distinct == len(set(claim_ids))


def test_marks():
    """A byte per number: 1 for the numbers given, in any of the lists."""
    assert marks(5, [0, 3], iter([3, 4])) == bytearray([1, 0, 0, 1, 1])


@pytest.mark.parametrize("seed", range(60))
def test_index_gives_what_the_map_gives(seed):
    """The position checks' index: the same reasons and objections, in the
    same order, as the map's own, for every id asked (names, unknown ids and
    ids the lists hold nowhere too), fetched ahead or one at a time."""
    m = _map_with_positions(seed)
    asked = {i for r in m.relations for i, _ in r.references()} | {r.name for r in m.relations if r.name}
    asked |= {"nothing", "p"}
    ahead = positions._Index(m, MapIds(m))
    positions._fetch_ahead(m, ahead) if m.positions else None
    one_by_one = positions._Index(m, MapIds(m))
    for ident in sorted(asked):
        for index in (ahead, one_by_one):
            assert index.objections(ident) == m.objections(ident), ident
            assert index.reasons(ident) == m.reasons(ident), ident


@pytest.mark.parametrize("seed", range(60))
def test_position_checks_as_with_the_maps_index(seed, monkeypatch):
    """Random maps full of positions and undercuts: the same diagnostics as
    when every look-up goes to the map's own index."""
    m = _map_with_positions(seed)
    quick = _report(argmap.check(m))
    monkeypatch.setattr(positions, "_ROUNDS", 0)
    monkeypatch.setattr(positions, "_fetch_ahead", lambda m, index: None)
    assert quick == _report(argmap.check(m))


def test_sums_that_agree_are_not_pairs():
    """A support and a rebuttal whose claims' numbers add up to the same sum
    but that relate other claims are no E301; the same pair is."""
    claims = "".join(f"claim c{i}: C{i}.\n" for i in range(4))
    found = argmap.check(argmap.parse(claims + "c0 supports c3\nc1 rebuts c2\n"))
    assert "E301" not in [d.code for d in found]
    found = argmap.check(argmap.parse(claims + "c0 supports c3\nc1 rebuts c2\nc3 rebuts c0\n"))
    assert [d.message for d in found if d.code == "E301"] == ["`c0` supports `c3` (line 5), but `c3` rebuts `c0`"]


def test_first_round_marks_change_nothing():
    """The circle check's first round from shared marks finds what marking afresh finds."""
    claims = "".join(f"claim c{i}: C{i}.\n" for i in range(6))
    m = argmap.parse(claims + "c0 supports c1\nc1 supports c2\nc2 supports c0\nc3 supports c4\nc5 supports c3\n")
    ids = MapIds(m)
    sources, targets = ids.premise_at, ids.premise_conclusions()
    shared = structure._maybe_circular(sources, targets, ids.size, (ids.conclusion_marks(), ids.premise_marks()))
    assert shared == structure._maybe_circular(sources, targets, ids.size) == {0, 1, 2}


@pytest.mark.parametrize("lang", [None, "en", "de"])
def test_format_each_formats_each(lang):
    """format_each gives format_diagnostic of each diagnostic (wide and
    control characters, long lines and German included)."""
    text = (
        "claim a: Ä\fB 漢字 text.\nclaim b: \u2028Zeile.\na supports x\n"
        f"claim c: {'lang ' * 100}\nc rebuts y\nd rebuts 漢\n"
    )
    m, diagnostics = argmap.read(text, "m.argmap")
    found = diagnostics + list(argmap.check(m))
    assert len(found) >= 3
    assert list(format_each(found, text, lang)) == [format_diagnostic(d, text, lang) for d in found]


def test_visible_leaves_clean_text_alone():
    """visible() replaces every character of its table, and returns other text as it is."""
    for code, shown in _VISIBLE.items():
        assert visible(f"a{chr(code)}b") == f"a{shown}b"
    clean = "claim a: Größe – 漢字 “quoted”."
    assert visible(clean) is clean
