"""Two short German texts written for these tests, mapped in the forms of issue 9.

``bibliothek``: thesis, reason, objection, and a concession that undercuts the
objection ("Zwar ..., aber das spricht nicht gegen ..."): a named rebuttal and an
undercut of it. ``schulbeginn``: an argument in premise-conclusion form with an
intermediate conclusion, and a linked objection (``a + b rebuts c``) of which one
premise is answered. Each map checks clean (its quotes are found in its text),
evaluates as its text intends, renders, and round-trips through ``fmt``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import argmap
from argmap import Rebuttal, Status, Undercut
from argmap.render import to_graphviz
from tests.dotparse import parse_dot

DATA = Path(__file__).resolve().parent / "data" / "concession"
MAPS = sorted(DATA.glob("*.argmap"))


@pytest.fixture(autouse=True)
def no_texts_folders(monkeypatch):
    """Each map's text lies in its own folder; no other folder is searched."""
    monkeypatch.delenv("ARGMAP_TEXTS", raising=False)


def load(stem: str) -> argmap.ArgumentMap:
    return argmap.load(DATA / f"{stem}.argmap")


def test_both_texts_are_mapped():
    """The folder holds the two maps, each next to its text."""
    assert [p.stem for p in MAPS] == ["bibliothek", "schulbeginn"]
    for path in MAPS:
        assert path.with_suffix(".txt").is_file()


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_map_checks_clean_and_its_quotes_are_found(path):
    """No error and no warning; every quote is verified against the text beside the map."""
    m = argmap.load(path)
    found = argmap.check(m)
    assert [argmap.format_diagnostic(d) for d in found if d.severity is not argmap.Severity.INFO] == []
    assert [d.code for d in found if d.code in ("W207", "W209", "I210", "E208")] == []
    assert sum(1 for c in m.claims if c.quote) >= 5


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_map_round_trips(path):
    """parse(to_source(m)) == m; the file is already in `argmap fmt` form."""
    m = argmap.load(path)
    text = m.to_source()
    assert argmap.parse(text, str(path)) == m
    assert text == path.read_text("utf-8")


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_map_renders(path):
    """The map is drawn: every claim is a node, and Graphviz lays the DOT out."""
    m = argmap.load(path)
    dot = to_graphviz(m).source
    g = parse_dot(dot)
    shown = set(g.node_names()) | {e.tail for e in g.edges} | {e.head for e in g.edges}
    drawn_as_text = {c.id for c in m.claims if c.id not in shown and f">{c.id}<" in dot}
    assert {c.id for c in m.claims} <= shown | drawn_as_text
    result = subprocess.run(["dot", "-Tsvg"], input=dot.encode("utf-8"), capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert b"<svg" in result.stdout


def test_concession_and_linked_objection_meet_at_their_junctions():
    """The undercut meets the named rebuttal's junction; both bus premises meet at the linked objection's."""
    g = parse_dot(to_graphviz(load("bibliothek"), legend=False).source)
    assert g.edges_between("zuschlaege", "r_kosten") and g.edges_between("r_kosten", "sonntag")
    assert g.edges_between("eine_aufsicht", "r_kosten")
    g = parse_dot(to_graphviz(load("schulbeginn"), legend=False).source)
    assert g.edges_between("ein_bus", "r_bus") and g.edges_between("kein_zweiter", "r_bus")
    assert g.edges_between("r_bus", "neun") and g.edges_between("schlaf", "neun")


# ---- the concession ------------------------------------------------------------------


def test_concession_is_a_named_rebuttal_undercut():
    """The objection is the named rebuttal `r_kosten`; the concession undercuts it."""
    m = load("bibliothek")
    rebuttal = m.relation("r_kosten")
    assert isinstance(rebuttal, Rebuttal)
    assert (rebuttal.attackers, rebuttal.target) == (("zuschlaege",), "sonntag")
    assert [(type(r), r.attackers) for r in m.objections("r_kosten")] == [(Undercut, ("eine_aufsicht",))]


def test_concession_keeps_the_thesis_and_the_conceded_premise():
    """Grounded: the thesis stands, and so do the conceded objection's premise and the concession."""
    status = argmap.evaluate(load("bibliothek"), semantics="grounded").status
    for claim in ("sonntag", "zuschlaege", "eine_aufsicht", "keine_zeit"):
        assert status[claim] is Status.ACCEPTED, claim


def test_concession_plan_says_admittedly_but():
    """The German essay plan presents the conceded objection as "Zwar ..., aber ..."."""
    plan = argmap.outline(load("bibliothek"))
    assert "Zwar" in plan and "aber" in plan.split("Zwar", 1)[1]


# ---- the argument and the linked objection ------------------------------------------------


def test_argument_has_steps_with_an_intermediate_conclusion():
    """The argument lists its premises per step; each step's conclusion feeds the next."""
    m = load("schulbeginn")
    [a] = m.arguments
    assert a.id == "schlaf" and a.inference == "Modus ponens"
    assert [(s.premises, s.conclusion) for s in a.steps] == [
        (("biologie", "frueh_auf"), "zu_wenig"),
        (("muede_lernen",), "erste_stunde"),
        (("stunde_zurueck",), "neun"),
    ]
    assert a.conclusion == "neun"
    derived = [s for s in m.supports if s.argument == "schlaf"]
    assert [(s.premises, s.conclusion) for s in derived] == [
        (("biologie", "frueh_auf"), "zu_wenig"),
        (("muede_lernen", "zu_wenig"), "erste_stunde"),
        (("stunde_zurueck", "erste_stunde"), "neun"),
    ]
    assert m.relation("schlaf") is derived[-1]


def test_linked_objection_is_one_rebuttal_with_two_attackers():
    """`ein_bus + kein_zweiter rebuts neun` is one rebuttal, named `r_bus`."""
    r = load("schulbeginn").relation("r_bus")
    assert isinstance(r, Rebuttal) and r.linked
    assert (r.attackers, r.target) == (("ein_bus", "kein_zweiter"), "neun")


def test_linked_objection_fails_when_one_premise_falls():
    """Grounded: one premise of the bus objection is answered, so the thesis and the argument stand."""
    status = argmap.evaluate(load("schulbeginn"), semantics="grounded").status
    for ident in ("neun", "ein_bus", "zu_wenig", "erste_stunde", "gemeinsam_spaeter"):
        assert status[ident] is Status.ACCEPTED, ident
    assert status["kein_zweiter"] is Status.REJECTED


def test_argument_plan_numbers_the_premises():
    """The essay plan shows the argument with numbered premises and its conclusion."""
    plan = argmap.outline(load("schulbeginn"))
    assert "(1) " in plan and "Modus ponens" in plan


# ---- without the answer, the objection wins ------------------------------------------------

WITHOUT_ANSWER = [
    # (map, lines removed, the thesis, the objection's premise that then stands)
    ("bibliothek", ["eine_aufsicht undercuts r_kosten\n"], "sonntag", "zuschlaege"),
    ("schulbeginn", ["gemeinsam_spaeter rebuts kein_zweiter\n"], "neun", "kein_zweiter"),
]


@pytest.mark.parametrize("stem,removed,thesis,premise", WITHOUT_ANSWER, ids=lambda x: str(x))
def test_without_the_answer_the_objection_wins(stem, removed, thesis, premise):
    """Dropping the concession (or the answer to one premise of the linked objection) leaves the
    objection standing: the thesis falls, so the answer is what keeps it."""
    path = DATA / f"{stem}.argmap"
    text = path.read_text("utf-8")
    for line in removed:
        assert line in text
        text = text.replace(line, "")
    text = text[: text.index("position ")]
    status = argmap.evaluate(argmap.parse(text, str(path)), semantics="grounded").status
    assert status[thesis] is Status.REJECTED
    assert status[premise] is Status.ACCEPTED
