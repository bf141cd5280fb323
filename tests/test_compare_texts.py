"""`argmap compare` says what the claims say, not only their ids, in the interface language."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.cli.compare import TEXT_WIDTH, shorten

MAP = """\
lang: de
claim handy: Schulen sollten private Handys im Unterricht und in den Pausen verbieten, weil sie ablenken und die Noten sinken.
claim notfall: Eltern müssen ihr Kind im Notfall erreichen.
claim ruhe: In den Pausen ist es ohne Handys ruhiger.
claim frei: Schüler sollen selbst entscheiden.
r_not: notfall rebuts handy
ruhe supports handy
frei contradicts handy
argument arg: Lernen braucht Ruhe
  premise p1: Lärm stört.
  conclusion ruhe
position lehrer: accepts handy, ruhe, arg; rejects frei
position eltern: accepts notfall, r_not, frei; rejects handy, arg
"""


def run(tmp_path: Path, *args: str, lang: str = "en") -> str:
    path = tmp_path / "m.argmap"
    path.write_text(MAP, "utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["--lang", lang, "compare", str(path), *args], out, err) == 0, err.getvalue()
    return out.getvalue()


def test_every_point_shows_the_claim_text_with_its_id(tmp_path):
    """Disagreements, what only one holds and the attacks each show what the claim says."""
    out = run(tmp_path, "lehrer", "eltern")
    assert "  handy: lehrer accepts, eltern rejects\n    “Schulen sollten private Handys" in out
    assert "  frei: lehrer rejects, eltern accepts\n    “Schüler sollen selbst entscheiden.”" in out
    assert "only lehrer:\n  accepts:\n    ruhe: “In den Pausen ist es ohne Handys ruhiger.”" in out
    assert "    notfall: “Eltern müssen ihr Kind im Notfall erreichen.”" in out
    assert "  eltern's notfall rebuts lehrer's handy (rebuttal r_not, line 6)\n    notfall: “Eltern" in out


def test_an_argument_shows_its_title_and_a_named_relation_its_claims(tmp_path):
    """Ids that are not claims are said in words: an argument by its title, a relation by what it relates."""
    out = run(tmp_path, "lehrer", "eltern")
    assert "  arg: lehrer accepts, eltern rejects\n    “Lernen braucht Ruhe”" in out
    assert "    r_not: “notfall rebuts handy”" in out


def test_long_texts_are_shortened_at_a_word():
    """A text longer than the width is cut at a word boundary and marked with an ellipsis."""
    text = "Schulen sollten private Handys im Unterricht und in den Pausen verbieten, weil sie ablenken."
    short = shorten(text)
    assert len(short) <= TEXT_WIDTH and short.endswith("…")
    assert text.startswith(short[:-1]) and text[len(short) - 1] == " "
    assert shorten("Kurz.") == "Kurz."


def test_a_contradiction_both_sides_hold_is_said_once(tmp_path):
    """`frei contradicts handy`, one side each: one line, not two."""
    out = run(tmp_path, "lehrer", "eltern")
    body = out.split("\n", 1)[1]  # the first line names the file, whose folder is named after this test
    assert body.count("contradict") == 1
    assert "  lehrer's handy and eltern's frei contradict each other (line 8)" in out


def test_german_interface(tmp_path):
    """With --lang de the headings, stances, attacks and quotation marks are German."""
    out = run(tmp_path, "lehrer", "eltern", lang="de")
    assert out.startswith(f"{tmp_path / 'm.argmap'}: Positionen `lehrer` und `eltern`\n")
    assert "uneinig:\n  handy: lehrer nimmt an, eltern lehnt ab\n    „Schulen sollten" in out
    assert "nur lehrer:\n  nimmt an:\n    ruhe: „In den Pausen ist es ohne Handys ruhiger.“" in out
    assert "Angriffe zwischen ihnen:" in out
    assert "  notfall von eltern spricht gegen handy von lehrer (Einwand r_not, Zeile 6)" in out
    assert "accepts" not in out and "rejects" not in out


def test_json_gives_the_full_texts(tmp_path):
    """JSON adds each named id's full text (not shortened)."""
    data = json.loads(run(tmp_path, "lehrer", "eltern", "--format", "json"))
    assert data["texts"]["handy"].endswith("weil sie ablenken und die Noten sinken.")
    assert data["texts"]["arg"] == "Lernen braucht Ruhe"
    assert set(data["texts"]) >= {"handy", "notfall", "frei", "ruhe", "arg"}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_nothing_in_common_is_said_in_words(tmp_path, lang):
    """Empty parts say so instead of leaving a blank."""
    out = run(tmp_path, "lehrer", "eltern", lang=lang)
    assert ("  both accept: nothing" if lang == "en" else "  beide nehmen an: nichts") in out
