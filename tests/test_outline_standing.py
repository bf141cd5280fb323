"""Essay plans never call a thesis founded when no reason for it stands, and every verdict phrase is true."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.semantics import MapError, evaluate
from tests.strategies import maps


def conclusion(plan: str) -> str:
    start = plan.index("Schluss" if "## 4. Schluss" in plan or "## 5. Schluss" in plan else "Conclusion")
    end = plan.find("\n## ", start)
    return plan[start : end if end != -1 else None]


def verdict(plan: str) -> str:
    return next(line for line in plan.splitlines() if line.startswith(("- argmap-Bewertung", "- argmap's verdict")))


REFUTED = """\
lang: {lang}
claim these: Schulen sollten Handys verbieten.
  + fokus: Ohne Handy lernen Schüler besser.
    - studie: Die Studie zeigt keinen Effekt.
"""


@pytest.mark.parametrize(
    "lang, words, missing",
    [
        (
            "de",
            "angenommen, aber nicht begründet: Kein Einwand der Karte widerlegt die These, doch jedes ihrer Argumente ist widerlegt.",
            "Der Karte fehlt ein Grund für die These, der nicht widerlegt ist.",
        ),
        (
            "en",
            "accepted, but not supported: no objection in the map refutes the thesis, but each of its reasons is refuted.",
            "The map lacks a reason for the thesis that is not refuted.",
        ),
    ],
)
def test_a_thesis_whose_only_reason_is_refuted(lang, words, missing):
    """The issue's case: the verdict says the reasons are refuted, the open list names what is missing."""
    plan = argmap.outline(argmap.parse(REFUTED.format(lang=lang)))
    assert verdict(plan).endswith(words)
    assert f"  - {missing}" in conclusion(plan)
    assert "widerlegen die These aber nicht" not in plan and "do not refute it" not in plan


def test_a_thesis_without_any_reason():
    """No reason at all: the plan has none, and says so."""
    plan = argmap.outline(argmap.parse("lang: de\nclaim t: T.\n  - e: E.\n    - f: F.\n"))
    assert verdict(plan).endswith("doch die Gliederung hat keinen Grund für sie.")
    assert "  - Der Karte fehlt ein Grund für die These, der nicht widerlegt ist." in conclusion(plan)


def test_a_thesis_whose_reason_is_disputed():
    """A reason caught in a circle of attacks does not stand either: "refuted or disputed"."""
    text = "lang: en\nclaim t: T.\n  + r: R.\n    - x: X.\n      - y: Y.\n        - x\n"
    plan = argmap.outline(argmap.parse(text))
    assert verdict(plan).endswith("but none of its reasons stands: they are refuted or disputed.")


def test_a_standing_reason_keeps_the_plain_verdict():
    """One reason refuted, another standing: accepted, and the open objection only weakens the case."""
    text = REFUTED.format(lang="de") + "  + ruhe: In den Pausen ist es ruhiger.\n"
    plan = argmap.outline(argmap.parse(text))
    assert verdict(plan) == (
        "- argmap-Bewertung (grounded): angenommen: Kein Einwand der Karte widerlegt die These."
        " Offene Einwände gegen ihre Argumente schwächen die Begründung, widerlegen die These aber nicht."
    )
    assert "fehlt ein Grund" not in plan


def test_a_reason_the_position_does_not_hold_does_not_count():
    """With a position, only the reasons it accepts can found the thesis."""
    text = "lang: de\nclaim t: T.\n  + r: R.\n  - e: E.\n    - f: F.\nposition p: accepts t, f\n"
    plan = argmap.outline(argmap.parse(text), position="p")
    assert "aber nicht begründet" in verdict(plan)
    assert "  - `p` nimmt keinen Grund für die These an, der nicht widerlegt ist." in conclusion(plan)
    plan = argmap.outline(argmap.parse(text.replace("accepts t, f", "accepts t, f, r")), position="p")
    assert verdict(plan).endswith("angenommen: Kein Einwand der Karte widerlegt die These.")


def test_an_undecided_thesis_is_described_as_evaluated():
    """The thesis does not attack its objection: the undecided verdict speaks of a circle, not of a mutual attack."""
    text = "lang: de\nclaim t: T.\n  - x: X.\n    - y: Y.\n      - x\n"
    plan = argmap.outline(argmap.parse(text))
    assert evaluate(argmap.parse(text), "grounded").status["t"].value == "undecided"
    assert verdict(plan).endswith(
        "unentschieden: Ein Einwand gegen die These ist selbst umstritten (Angriffe im Kreis); keine Seite setzt sich durch."
    )
    assert "umstritten: Die Angriffe um diesen Einwand gehen im Kreis" in plan


def _reason_stands(m, status, thesis: str) -> bool:
    for s in m.reasons(thesis):
        parts = [*s.premises, *([s.name] if s.name else [])]
        if all(status[p].value == "accepted" for p in parts if p in status):
            return True
    return False


@given(maps(), st.data())
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_verdict_never_calls_a_thesis_without_a_standing_reason_founded(m, data):
    """On random maps: the plain "accepted" verdict only with a reason that stands under grounded
    semantics, "not supported" only without one, and then the open list names what is missing."""
    m = attrs.evolve(m, lang="en")
    try:
        status = evaluate(m, "grounded").status
    except MapError:
        return
    thesis = data.draw(st.sampled_from([c.id for c in m.claims]))
    plan = argmap.outline(m, claim=thesis)
    line = verdict(plan)
    if status[thesis].value != "accepted":
        assert "accepted" not in line
        return
    stands = _reason_stands(m, status, thesis)
    if "Not:" in plan:  # the plan argues against the thesis: no founding is claimed
        return
    assert ("but not supported" in line) == (not stands)
    assert ("The map lacks a reason for the thesis that is not refuted." in plan) == (not stands)


CONCESSION = "lang: {lang}\nclaim these: T.\n  - (r_bus) bus: B.\n    ~ (u_plan) plan: P.\n{reply}"


@pytest.mark.parametrize(
    "lang, holds, fails",
    [
        ("de", "- Zugeständnis: Zwar trifft das zu, aber es widerlegt die These nicht: P.",
         "- Zugeständnis, das nicht standhält: Die Karte räumt das ein, meint aber, es widerlege die These nicht: P."),
        ("en", "- Concession: Admittedly this is true, but it does not refute the thesis: P.",
         "- Concession that does not hold: The map grants this but holds that it does not refute the thesis: P."),
    ],
)
def test_a_concession_is_asserted_only_while_it_holds(lang, holds, fails):
    """"It does not refute the thesis" only when the undercut stands under grounded semantics."""
    standing = argmap.outline(argmap.parse(CONCESSION.format(lang=lang, reply="")))
    assert holds in standing and fails not in standing
    for reply in ("      - falsch: X.\n", "      ~ teuer: X.\n"):
        answered = argmap.outline(argmap.parse(CONCESSION.format(lang=lang, reply=reply)))
        assert fails in answered and holds not in answered
