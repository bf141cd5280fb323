"""argmap steps: one landscape page per layer, each adding to the one before."""

from __future__ import annotations

import io

import pytest

import argmap
from argmap.cli import main
from argmap.sheets import SheetError
from argmap.sheets._order import reading
from argmap.sheets._words import sheet_words

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("fpdf")

pytestmark = pytest.mark.dot

MAP = """title: Handys im Unterricht
lang: de
claim verbot: Die Schule sollte Handys verbieten.
claim ablenkung: Handys lenken ab.
claim notfall: Eltern wollen erreichbar sein.
claim sekretariat: Das Sekretariat ist erreichbar.
claim umfrage: Eine Umfrage zeigt viel Ablenkung.
claim allein: Eine Aussage ohne Verbindung.
ablenkung supports verbot
notfall rebuts verbot
sekretariat rebuts notfall
umfrage supports ablenkung
"""

TEXTS = {
    "verbot": "Die Schule sollte Handys verbieten.",
    "ablenkung": "Handys lenken ab.",
    "notfall": "Eltern wollen erreichbar sein.",
    "sekretariat": "Das Sekretariat ist erreichbar.",
    "umfrage": "Eine Umfrage zeigt viel Ablenkung.",
    "allein": "Eine Aussage ohne Verbindung.",
}


def text_of(page) -> str:
    return " ".join(page.extract_text().split())


def test_layers_thesis_reasons_objections_answers():
    """The reading order: the thesis, its reasons, objections, answers, then reasons further down, then the rest."""
    layers = reading(argmap.parse(MAP)).layers
    assert [(layer.kind, layer.claims) for layer in layers] == [
        ("thesis", ("verbot",)),
        ("reasons", ("ablenkung",)),
        ("objections", ("notfall",)),
        ("answers", ("sekretariat",)),
        ("reasons", ("umfrage",)),
        ("others", ("allein",)),
    ]


def test_one_landscape_page_per_layer_with_growing_content():
    """Each page shows what the pages before showed and its own layer, nothing of the layers after it."""
    m = argmap.parse(MAP)
    layers = reading(m).layers
    pages = pypdf.PdfReader(io.BytesIO(argmap.steps(m))).pages
    assert len(pages) == len(layers)
    shown: set[str] = set()
    for page, layer in zip(pages, layers):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
        shown |= set(layer.claims)
        text = text_of(page)
        for claim_id, claim_text in TEXTS.items():
            assert (claim_text in text) == (claim_id in shown), (layer.kind, claim_id)


def test_each_page_names_its_step():
    """The heading says which step of how many and what it adds, in the map's language."""
    m = argmap.parse(MAP)
    words = sheet_words("de")
    pages = pypdf.PdfReader(io.BytesIO(argmap.steps(m))).pages
    assert "Handys im Unterricht" in text_of(pages[0])
    assert words["step"].format(step=1, steps=6, what=words["thesis"]) in text_of(pages[0])
    assert words["step"].format(step=3, steps=6, what=words["objections"]) in text_of(pages[2])


def test_nodes_do_not_move_between_steps():
    """The map is laid out once: every step places it at the same scale and position."""
    data = argmap.steps(argmap.parse(MAP))
    placements = set()
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        content = page.get_contents().get_data().decode("latin-1")
        first = next(line for line in content.splitlines() if line.endswith(" cm") and not line.startswith("1 0 0"))
        placements.add(first)
    assert len(placements) == 1


def test_a_thesis_can_be_chosen():
    """--thesis starts from another claim."""
    layers = reading(argmap.parse(MAP), "notfall").layers
    assert layers[0].claims == ("notfall",)
    with pytest.raises(SheetError, match="did you mean `notfall`"):
        argmap.steps(argmap.parse(MAP), thesis="notfal")


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_writes_slides(tmp_path):
    """argmap steps FILE -o OUT writes the slides atomically."""
    (tmp_path / "k.argmap").write_text(MAP, encoding="utf-8")
    out = tmp_path / "folien.pdf"
    code, _, err = run("steps", str(tmp_path / "k.argmap"), "-o", str(out))
    assert code == 0, err
    assert len(pypdf.PdfReader(out).pages) == 6


def test_cli_unknown_thesis_is_a_usage_error(tmp_path):
    """An unknown --thesis: exit 2, no traceback, no file."""
    (tmp_path / "k.argmap").write_text(MAP, encoding="utf-8")
    out = tmp_path / "folien.pdf"
    code, _, err = run("steps", str(tmp_path / "k.argmap"), "-o", str(out), "--thesis", "nix")
    assert code == 2 and "nix" in err and "Traceback" not in err
    assert not out.exists()
