"""argmap worksheet: pages, boxes, answer key and source text, read back from the PDF."""

from __future__ import annotations

import io
import re
import sys

import pytest

import argmap
from argmap.cli import main
from argmap.sheets import MIN_BOX, PrintUnavailable, SheetError
from argmap.sheets._words import sheet_words
from argmap.sheets.worksheet import plan_worksheet

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("fpdf")

pytestmark = pytest.mark.dot

A4 = (595, 842)
#: The worksheet's words in the test map's language (German once the catalog has them).
WORDS = sheet_words("de")

TEXT = """Die Schule plant ein Verbot.
Eine Umfrage zeigt: 70 Prozent der Lehrkräfte
sind für klare Regeln im Unterricht.
Eltern wollen ihre Kinder erreichen können.
"""

MAP = """title: Handys im Unterricht
lang: de
question: Sollen Handys im Unterricht verboten werden?

source umfrage: "Umfrage unter Lehrkräften"
  author: Schulamt
  date: 2025
  file: umfrage.txt

claim verbot: Die Schule sollte Handys im Unterricht verbieten.
claim regeln: Die meisten Lehrkräfte wollen klare Regeln.
  source: umfrage
  basis: statistic
  quote: "70 Prozent der Lehrkräfte sind für klare Regeln"
claim ablenkung: Handys lenken vom Unterricht ab.
  basis: example
claim notfall: Eltern müssen ihr Kind im Notfall erreichen.
claim sekretariat: Das Sekretariat ist im Notfall immer erreichbar.
implicit claim lernen: Wer abgelenkt ist, lernt weniger.
regeln supports verbot
ablenkung + lernen supports verbot
notfall rebuts verbot
sekretariat rebuts notfall
"""

TEXTS = {
    "verbot": "Die Schule sollte Handys im Unterricht verbieten.",
    "regeln": "Die meisten Lehrkräfte wollen klare Regeln.",
    "ablenkung": "Handys lenken vom Unterricht ab.",
    "notfall": "Eltern müssen ihr Kind im Notfall erreichen.",
    "sekretariat": "Das Sekretariat ist im Notfall immer erreichbar.",
    "lernen": "Wer abgelenkt ist, lernt weniger.",
}


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "karte.argmap").write_text(MAP, encoding="utf-8")
    (tmp_path / "umfrage.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


@pytest.fixture
def the_map(folder):
    return argmap.load(folder / "karte.argmap")


def pages(data: bytes):
    return pypdf.PdfReader(io.BytesIO(data)).pages


def text_of(page) -> str:
    """The page's text with white space made single spaces (Graphviz and fpdf2 break lines differently)."""
    return " ".join(page.extract_text().split())


def key_pages(data: bytes) -> tuple[list, list]:
    """(map pages, the rest) of a worksheet: the answer key starts the first page whose text starts with its heading."""
    all_pages = list(pages(data))
    heading = WORDS["key"].split("{")[0].strip()
    for i, page in enumerate(all_pages):
        if text_of(page).startswith(heading):
            return all_pages[:i], all_pages[i:]
    raise AssertionError("no answer key")


def test_pdf_is_a4_with_a_map_page_and_a_key(the_map):
    """One A4 PDF: the map page(s), then the answer key."""
    data = argmap.worksheet(the_map)
    assert data.startswith(b"%PDF-")
    sheet, key = key_pages(data)
    assert len(sheet) == 1 and len(key) == 1
    for page in (*sheet, *key):
        size = sorted((round(float(page.mediabox.width)), round(float(page.mediabox.height))))
        assert size == sorted(A4)


def test_worksheet_page_has_title_question_name_line_task_and_numbers_but_no_claim_text(the_map):
    """The page for the students: everything a worksheet needs, and none of the answers."""
    sheet, _ = key_pages(argmap.worksheet(the_map))
    text = text_of(sheet[0])
    assert "Handys im Unterricht" in text
    assert "Sollen Handys im Unterricht verboten werden?" in text
    for word in (WORDS["name"], WORDS["class"], WORDS["date"]):
        assert f"{word}:" in text, word
    assert WORDS["task"] in text
    numbers = set(re.findall(r"\b([1-6])\b", text))
    assert numbers == {"1", "2", "3", "4", "5", "6"}
    for claim_id, claim_text in TEXTS.items():
        assert claim_text not in text, claim_id


def test_kept_claims_are_filled_in(the_map):
    """--keep: those boxes show their text; the others stay empty."""
    sheet, _ = key_pages(argmap.worksheet(the_map, keep=["verbot", "notfall"]))
    text = text_of(sheet[0])
    assert TEXTS["verbot"] in text
    assert TEXTS["notfall"] in text
    for claim_id in ("regeln", "ablenkung", "sekretariat", "lernen"):
        assert TEXTS[claim_id] not in text


def test_task_can_be_given(the_map):
    """--task replaces the default task."""
    sheet, _ = key_pages(argmap.worksheet(the_map, task="Lies den Text und fülle die Kästchen aus."))
    text = text_of(sheet[0])
    assert "Lies den Text und fülle die Kästchen aus." in text
    assert WORDS["task"] not in text


def test_answer_key_has_every_claim_with_basis_quote_source_and_line(the_map):
    """The key: each number with its claim's text, its basis, its quote and its source with the line."""
    _, key = key_pages(argmap.worksheet(the_map))
    text = " ".join(text_of(p) for p in key)
    for claim_text in TEXTS.values():
        assert claim_text in text
    assert "70 Prozent der Lehrkräfte sind für klare Regeln" in text
    assert "Umfrage unter Lehrkräften (Schulamt, 2025)" in text
    assert WORDS["line"].format(line=2) in text  # the quote starts on line 2 of umfrage.txt
    assert "Statisti" in text  # statistic / Statistik, in the map's language


def test_numbers_follow_the_reading_order(the_map):
    """Box 1 is the thesis, then its reasons, then the objections, then the answers."""
    plan = plan_worksheet(the_map)
    assert plan.numbers["verbot"] == 1
    assert {plan.numbers[c] for c in ("regeln", "ablenkung", "lernen")} == {2, 3, 4}
    assert plan.numbers["notfall"] == 5
    assert plan.numbers["sekretariat"] == 6


def test_with_text_adds_the_source_text_with_line_numbers(the_map):
    """--with-text: the source text follows the key, each line with its number."""
    data = argmap.worksheet(the_map, with_text=True)
    without = argmap.worksheet(the_map)
    assert len(pages(data)) == len(pages(without)) + 1
    text = pages(data)[-1].extract_text()
    assert "Umfrage unter Lehrkräften" in text
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "2 Eine Umfrage zeigt: 70 Prozent der Lehrkräfte" in lines
    assert "4 Eltern wollen ihre Kinder erreichen können." in lines


def test_with_text_says_when_the_text_is_missing(the_map, folder):
    """A text that is not found: the page says so instead of failing."""
    (folder / "umfrage.txt").unlink()
    data = argmap.worksheet(the_map, with_text=True)
    assert "umfrage.txt" in pages(data)[-1].extract_text()


def test_boxes_are_at_least_5_by_2_cm_on_paper(the_map):
    """Every numbered box, at the scale it is placed at, is at least 5 × 2 cm."""
    plan = plan_worksheet(the_map)
    sizes = plan.box_sizes()
    assert len(sizes) == len(TEXTS)
    for claim, width, height in sizes:
        assert width >= MIN_BOX[0] - 0.01, claim
        assert height >= MIN_BOX[1] - 0.01, claim
    assert MIN_BOX[0] == pytest.approx(50 / 25.4 * 72) and MIN_BOX[1] == pytest.approx(20 / 25.4 * 72)


def test_the_pdf_places_the_map_at_the_planned_scale(the_map):
    """The drawing in the PDF is scaled as the plan says (so the measured box sizes are the printed ones)."""
    plan = plan_worksheet(the_map)
    page = pages(argmap.worksheet(the_map))[0]
    content = page.get_contents().get_data().decode("latin-1")
    number = r"-?[0-9.]+"
    pattern = rf"({number}) ({number}) ({number}) ({number}) {number} {number} cm"
    scales = [float(m.group(1)) for m in re.finditer(pattern, content) if float(m.group(2)) == float(m.group(3)) == 0 and m.group(1) == m.group(4)]
    assert any(s == pytest.approx(plan.pages[0].scale, rel=1e-3) for s in scales), scales


BIG = "title: Viele Gründe\nlang: de\nclaim these: Die These.\n" + "".join(
    f"claim g{i}: Grund Nummer {i}.\ng{i} supports these\nclaim e{i}: Einwand gegen Grund {i}.\ne{i} rebuts g{i}\n" for i in range(14)
)


def test_a_big_map_is_split_over_pages_with_references():
    """A map too big for one page: several pages, every box on exactly one, big enough, and references between them."""
    m = argmap.parse(BIG)
    plan = plan_worksheet(m)
    assert plan.sheets > 1
    claims = [c for page in plan.pages for c in page.claims]
    assert sorted(claims) == sorted(c.id for c in m.claims)
    for claim, width, height in plan.box_sizes():
        assert width >= MIN_BOX[0] - 0.01 and height >= MIN_BOX[1] - 0.01, claim
    data = argmap.worksheet(m)
    sheet, key = key_pages(data)
    assert len(sheet) == plan.sheets
    later = text_of(sheet[1])
    assert WORDS["ref"].format(numbers=1) in later  # the thesis, on page 1
    assert WORDS["ref_pages"].format(pages=1) in later
    assert "Die These." not in " ".join(text_of(p) for p in sheet)
    assert "Einwand gegen Grund 13." in " ".join(text_of(p) for p in key)


def test_drawings_sharing_a_page_do_not_overlap_and_stay_on_it():
    """Pieces stacked on one page: each starts below the one before and the last ends inside the page."""
    from argmap.sheets._pdf import MARGIN, page_size

    m = argmap.parse(BIG)
    plan = plan_worksheet(m)
    width, height = page_size("a4", plan.landscape)
    for sheet in range(plan.sheets):
        drawings = [d for d in plan.pages if d.page == sheet]
        assert drawings
        for above, below in zip(drawings, drawings[1:]):
            assert below.top >= above.top + above.layout.height * above.scale
        for d in drawings:
            assert d.layout.width * d.scale <= width - 2 * MARGIN + 0.01
        last = drawings[-1]
        assert last.top + last.layout.height * last.scale <= height - 2 * MARGIN


def test_letter_paper():
    """--paper letter gives US letter pages."""
    data = argmap.worksheet(argmap.parse("claim a: A.\nclaim b: B.\nb supports a\n"), paper="letter")
    for page in pages(data):
        assert sorted((round(float(page.mediabox.width)), round(float(page.mediabox.height)))) == [612, 792]


def test_unknown_keep_and_paper_are_refused(the_map):
    """Bad options: a SheetError naming the value (with a suggestion)."""
    with pytest.raises(SheetError, match="did you mean `verbot`"):
        argmap.worksheet(the_map, keep="verbto")
    with pytest.raises(SheetError, match="unknown paper"):
        argmap.worksheet(the_map, paper="a5")


def test_a_map_too_big_for_a_sheet_is_refused_at_once():
    """More claims than a worksheet takes: a SheetError before any layout, with the numbers."""
    from argmap.sheets.worksheet import MAX_CLAIMS

    claims = "".join(f"claim c{i}: Claim {i}.\n" for i in range(MAX_CLAIMS + 1))
    with pytest.raises(SheetError, match=rf"{MAX_CLAIMS + 1} claims.*{MAX_CLAIMS} at most"):
        argmap.worksheet(argmap.parse(claims))


def test_without_fpdf2_the_error_says_what_to_install(the_map, monkeypatch):
    """fpdf2 missing: PrintUnavailable says to install argmap[print]."""
    monkeypatch.setitem(sys.modules, "fpdf", None)
    with pytest.raises(PrintUnavailable, match=r"argmap\[print\]"):
        argmap.worksheet(the_map)


def test_doctests_of_the_package():
    """The examples in argmap.sheets' docstrings run."""
    import doctest

    import argmap.sheets

    result = doctest.testmod(argmap.sheets)
    assert result.attempted > 0 and result.failed == 0


# -- the command ------------------------------------------------------------------


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_writes_the_pdf(folder):
    """argmap worksheet FILE -o OUT --keep --with-text writes one PDF."""
    out = folder / "blatt.pdf"
    code, _, err = run("worksheet", str(folder / "karte.argmap"), "-o", str(out), "--keep", "verbot", "--with-text")
    assert code == 0, err
    data = out.read_bytes()
    sheet, rest = key_pages(data)
    assert TEXTS["verbot"] in text_of(sheet[0])
    assert "Umfrage unter Lehrkräften" in text_of(rest[-1])


def test_cli_default_output_name(folder):
    """Without -o the PDF is written beside the map as NAME.worksheet.pdf."""
    code, _, err = run("worksheet", str(folder / "karte.argmap"))
    assert code == 0, err
    assert (folder / "karte.worksheet.pdf").read_bytes().startswith(b"%PDF-")


def test_cli_refuses_unknown_keep_without_writing(folder):
    """An unknown --keep id: exit code 2, a clear message, the old file untouched."""
    out = folder / "blatt.pdf"
    out.write_bytes(b"old")
    code, _, err = run("worksheet", str(folder / "karte.argmap"), "-o", str(out), "--keep", "nope")
    assert code == 2
    assert "cannot keep `nope`" in err
    assert "Traceback" not in err
    assert out.read_bytes() == b"old"


def test_cli_bad_map_gives_diagnostics_not_a_pdf(folder):
    """A map with errors: diagnostics with line and caret, exit 1, no file."""
    bad = folder / "kaputt.argmap"
    bad.write_text("claim a: A.\nb supports a\n", encoding="utf-8")
    out = folder / "kaputt.pdf"
    code, _, err = run("worksheet", str(bad), "-o", str(out))
    assert code == 1
    assert "kaputt.argmap:2:" in err and "^" in err
    assert not out.exists()


def test_cli_output_must_be_a_pdf(folder):
    """-o with another suffix is a usage error."""
    code, _, err = run("worksheet", str(folder / "karte.argmap"), "-o", str(folder / "blatt.png"))
    assert code == 2 and ".pdf" in err


def test_cli_warns_when_the_text_is_missing(folder):
    """--with-text and a text that is not there: a warning, and the worksheet is still written."""
    (folder / "umfrage.txt").unlink()
    out = folder / "blatt.pdf"
    code, _, err = run("worksheet", str(folder / "karte.argmap"), "-o", str(out), "--with-text")
    assert code == 0
    assert "umfrage.txt" in err and out.exists()
