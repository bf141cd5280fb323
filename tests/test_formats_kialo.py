"""Kialo's text export: claims, supports and rebuttals from the numbered tree, and what is reported as lost."""

from __future__ import annotations

import io
from pathlib import Path

from argmap import Claim, Rebuttal, Support, check, parse
from argmap.cli import main
from argmap.formats import kialo

SAMPLE = Path(__file__).resolve().parent / "data" / "kialo" / "handyverbot.txt"


def test_sample_export():
    """Pro supports, Con rebuts the claim above; continuation lines join; links keep their address;
    `-> See` relates the claim it names; a missing one is reported; the map has no errors."""
    m, diagnostics = kialo.read(SAMPLE.read_text("utf-8"), "handyverbot.txt")
    assert m.title == "Sollte unsere Schule private Handys verbieten?" and m.question is None
    assert m.claim("k1").text == "Unsere Schule sollte private Handys im Unterricht verbieten."
    assert m.claim("k1_1_1").text == "Ablenkung hängt von den Regeln ab, nicht vom Gerät."
    assert "Umfrage (https://example.org/umfrage)" in m.claim("k1_1_2").text
    assert Support(["k1_1"], "k1") in m.items and Rebuttal("k1_2", "k1") in m.items
    assert Rebuttal("k1_1_1", "k1_1") in m.items and Rebuttal("k1_2_1", "k1_2") in m.items
    assert Support(["k1_1_1"], "k1_3") in m.items  # 1.3.1. Pro: -> See 1.1.1.
    assert len(m.claims) == 7
    assert [(d.code, d.span.line) for d in diagnostics] == [("W604", 12)]
    assert "1.9." in diagnostics[0].message
    assert not [d for d in check(m) if d.is_error]


def test_several_theses_make_the_root_a_question():
    """Claims under the root without Pro or Con are theses; the root is the map's question."""
    text = "Discussion Title: Handys?\n\n1. Was tun mit Handys?\n1.1. Verbieten.\n1.2. Erlauben.\n1.1.1. Pro: Ruhe.\n"
    m, diagnostics = kialo.read(text)
    assert diagnostics == []
    assert m.question == "Was tun mit Handys?"
    assert [c.id for c in m.claims] == ["k1_1", "k1_2", "k1_1_1"]
    assert list(m.relations) == [Support(["k1_1_1"], "k1_1")]


def test_problems_are_warnings_never_errors():
    """A number given twice, a claim whose parent is missing, a line before the first claim, a claim without
    stance: W604 each, with its line."""
    text = "Vorwort\n1. These.\n1.1. Pro: A.\n1.1. Pro: B.\n1.5.1. Con: C.\n1.1.2. D.\n1.1.1. Pro: E.\n"
    m, diagnostics = kialo.read(text, "k.txt")
    assert [(d.code, d.span.line) for d in diagnostics] == [("W604", 1), ("W604", 4), ("W604", 5), ("W604", 6)]
    assert m.claim("k1_1_2").text == "D." and not m.objections("k1_1") and Support(["k1_1_1"], "k1_1") in m.items
    assert not m.objections("k1_5") and Claim("k1_5_1", "C.") in m.items


def test_convert_from_kialo(tmp_path):
    """argmap convert --from kialo writes an argmap map that parses to the same map."""
    out, err = io.StringIO(), io.StringIO()
    code = main(["convert", str(SAMPLE), "--from", "kialo", "--to", "argmap"], out, err)
    assert code == 0 and "W604" in err.getvalue()
    assert parse(out.getvalue()) == kialo.read(SAMPLE.read_text("utf-8"))[0]
