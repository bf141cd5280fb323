"""Maps on paper: sheet sizes, the smallest printed font, splitting over pages, and the options a teacher needs."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

import argmap
from argmap.cli import main
from argmap.render import ViewError, to_graphviz
from argmap.render.paper import PAPERS, page_size, paginate, units

from render_support import needs_dot as _needs_dot


def needs_dot(test):
    for mark in _needs_dot:
        test = mark(test)
    return test

ROOT = Path(__file__).resolve().parent.parent

SMALL = """\
title: Handys in der Schule
lang: de
claim verbot: Schulen sollten private Handys im Unterricht verbieten.
claim ruhe: Ohne Handys können sich Schülerinnen und Schüler besser konzentrieren.
claim notfall: Eltern wollen ihre Kinder im Notfall erreichen können.
ruhe supports verbot
notfall rebuts verbot
"""


def _wide(lang: str = "de", reasons: int = 14) -> argmap.ArgumentMap:
    """A thesis with many reasons of long text: too wide for one A4 sheet at 9 pt."""
    return argmap.parse(_wide_text(lang, reasons))


def _wide_text(lang: str = "de", reasons: int = 14) -> str:
    lines = [f"lang: {lang}", "claim these: Die Schule sollte Hausaufgaben ganz abschaffen und durch Übungszeit ersetzen."]
    for i in range(reasons):
        lines.append(f"claim grund{i}: Grund Nummer {i}: ein langer Satz, der genug Platz braucht, damit die Karte breit wird.")
        lines.append(f"claim beleg{i}: Beleg Nummer {i}: noch ein langer Satz mit vielen Wörtern für eine zweite Zeile.")
        lines.append(f"grund{i} supports these")
        lines.append(f"beleg{i} supports grund{i}")
    return "\n".join(lines) + "\n"


def _pdf(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def _size(page) -> tuple[float, float]:
    return round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)


@pytest.mark.parametrize(("paper", "landscape", "size"), [("a4", False, (595.28, 841.89)), ("a4", True, (841.89, 595.28)), ("a3", False, (841.89, 1190.55)), ("letter", True, (792.0, 612.0))])
def test_page_size_in_points(paper, landscape, size):
    """Sheets are measured in points, turned for landscape."""
    assert page_size(paper, landscape) == size


def test_an_unknown_paper_is_a_clean_error():
    """A paper that does not exist names the ones that do."""
    with pytest.raises(ViewError, match="a4, a3, letter"):
        page_size("a5")
    assert set(PAPERS) == {"a4", "a3", "letter"}


def test_units_put_reasons_under_their_claim():
    """The forest for splitting: the thesis is the root, each reason under it, each piece of evidence under its reason."""
    roots, children = units(_wide(reasons=2))
    assert roots == ["these"]
    assert children["these"] == ["grund0", "grund1"]
    assert children["grund1"] == ["beleg1"]


@needs_dot
def test_a_small_map_fits_one_a4_page_at_a_readable_size():
    """One sheet of A4 size; the body text printed at 9 pt or more."""
    pages = paginate(argmap.parse(SMALL), paper="a4")
    reader = _pdf(pages.pdf())
    assert len(reader.pages) == 1
    assert sorted(_size(reader.pages[0])) == [595.3, 841.9]
    assert pages.printed_font() >= 9
    assert "Handys in der Schule" in reader.pages[0].extract_text()


@needs_dot
def test_a_wide_map_is_split_not_shrunk():
    """Too wide for one portrait sheet at 9 pt: several pages, each at 9 pt or more, with marks where they connect."""
    pages = paginate(_wide(), paper="a4", landscape=False, layout="graph")
    assert len(pages.pages) > 1
    assert not pages.shrunk
    assert all(pages.font_size * page.scale >= 9 for page in pages.pages)
    claims = [c for page in pages.pages for c in page.claims]
    assert sorted(claims) == sorted(c.id for c in _wide().claims)  # every claim on exactly one page
    reader = _pdf(pages.pdf())
    assert len(reader.pages) == len(pages.pages)
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert "→ Seite 2" in texts[0]
    assert "von Seite 1" in texts[1]
    assert f"Seite 2 von {len(pages.pages)}" in texts[1]
    assert all(_size(page) == (595.3, 841.9) for page in reader.pages)


@needs_dot
def test_every_mark_names_a_page_that_holds_its_claim():
    """Split drawing: ``von Seite 1: <first words>`` names a page holding a claim with those words; ``→ Seite k`` a later page."""
    m = _wide()
    pages = paginate(m, paper="a4", landscape=False, layout="graph")
    texts = {c.id: _flat(c.text) for c in m.claims}
    printed = [_flat(page.extract_text()) for page in _pdf(pages.pdf()).pages]
    seen = 0
    for i, text in enumerate(printed, 1):
        for number, words in re.findall(r"von Seite (\d+): (\S+ \S+ \S+)", text):
            assert int(number) != i
            assert any(texts[c].startswith(words) for c in pages.pages[int(number) - 1].claims), (number, words)
            seen += 1
        for first, last in re.findall(r"→ Seite (\d+)(?:[–-](\d+))?", text):
            assert i < int(first) <= int(last or first) <= len(pages.pages)
            seen += 1
    assert seen >= 2


@needs_dot
def test_english_maps_say_page():
    """The marks are in the map's language."""
    pages = paginate(_wide("en"), paper="a4", landscape=False, layout="graph")
    text = " ".join(_pdf(pages.pdf()).pages[0].extract_text().split())
    assert "→ page 2" in text


@needs_dot
def test_fit_gives_one_page_below_the_smallest_font():
    """--fit shrinks instead of splitting, and says so."""
    pages = paginate(_wide(), paper="a4", landscape=False, fit=True)
    assert len(pages.pages) == 1
    assert pages.shrunk
    assert pages.printed_font() < 9


@needs_dot
def test_a_smaller_min_font_needs_fewer_pages():
    """The smallest font decides where the map is split."""
    strict = paginate(_wide(), paper="a4", landscape=False, min_font=11, layout="graph")
    loose = paginate(_wide(), paper="a4", landscape=False, min_font=6, layout="graph")
    assert len(loose.pages) < len(strict.pages)
    assert strict.printed_font() >= 11


@needs_dot
def test_the_orientation_is_the_one_with_the_larger_print_or_the_drawings_own():
    """Without --landscape or --portrait: on one page, the larger print; split, the drawing's own shape."""
    tall = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\nclaim d: D.\nb supports a\nc supports b\nd supports c\n")
    one = paginate(tall, paper="a4", legend="none")
    assert len(one.pages) == 1
    assert one.landscape is False  # four claims in a column print larger upright
    split = paginate(_wide(), paper="a4", layout="graph")
    assert len(split.pages) > 1
    assert split.landscape is True  # a wide tree splits into wide parts


def test_bad_page_options_are_clean_errors():
    """Bad values raise ViewError before anything is drawn."""
    m = argmap.parse(SMALL)
    for bad in ({"min_font": 0}, {"min_font": "9"}, {"margin": -1}, {"landscape": "yes"}, {"font_size": 2}, {"legend": "left"}):
        with pytest.raises(ViewError):
            paginate(m, **bad)


def test_ids_are_hidden_for_print_and_paper_and_shown_otherwise():
    """--no-ids is the default for the print theme; --ids shows them; the default theme shows them."""
    m = argmap.parse(SMALL)
    assert ">verbot<" in to_graphviz(m).source
    assert ">verbot<" not in to_graphviz(m, theme="print").source
    assert ">verbot<" in to_graphviz(m, theme="print", ids=True).source
    assert ">verbot<" not in to_graphviz(m, ids=False).source


def test_no_sources_hides_the_badges():
    """sources=False leaves out the badge and the legend's source rows."""
    m = argmap.parse('source zeit: "Ein Artikel"\nclaim a: A.\n  source: zeit\nclaim b: B.\na supports b\n')
    assert "Ein Artikel" in to_graphviz(m).source
    source = to_graphviz(m, sources=False).source
    assert "Ein Artikel" not in source and ">zeit<" not in source


@pytest.mark.parametrize(("legend", "node", "below"), [("below", True, True), ("beside", True, False), ("none", False, False), (True, True, True), (False, False, False)])
def test_legend_placement(legend, node, below):
    """below: tied under the lowest claims by invisible edges; beside: free; none (or False): no legend."""
    source = to_graphviz(argmap.parse(SMALL), legend=legend).source
    assert ('"legend-table" [' in source) == node
    assert ('"legend-table" ->' in source) == below


def test_font_size_sets_the_body_text_and_scales_small_print():
    """--font-size 10: claim text at 10 pt, ids in proportion."""
    source = to_graphviz(argmap.parse(SMALL), font_size=10).source
    assert "fontsize=10 " in source or "fontsize=10]" in source
    assert 'POINT-SIZE="7.31"' in source  # 9.5 / 13 * 10


DEBATE = ROOT / "examples" / "europa_ki_debatte.argmap"


def _flat(text: str) -> str:
    """Text with its whitespace made single spaces and ligatures (ﬂ) undone, as extracted from a PDF."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@needs_dot
def test_the_debate_map_prints_on_two_a4_landscape_pages():
    """Issue 10: the five-text debate map on at most two A4 landscape pages, its
    claim text printed at 9 pt or more (read from the PDF), every claim's text on a page."""
    m = argmap.load(DEBATE)
    pages = paginate(m, paper="a4", landscape=True)
    reader = _pdf(pages.pdf())
    assert 1 <= len(reader.pages) <= 2
    assert all(_size(page) == (841.9, 595.3) for page in reader.pages)
    texts = [_flat(claim.text) for claim in m.claims]
    body = [size for page in reader.pages for line, size in _text_sizes(page).items() if len(line) > 12 and any(line in t for t in texts)]
    assert len(body) >= len(texts)  # at least a line of each claim
    assert min(body) >= 9 - 0.01
    printed = _flat(" ".join(page.extract_text() for page in reader.pages))
    missing = [t for t in texts if t not in printed]
    assert not missing
    assert sorted(c for page in pages.pages for c in page.claims) == sorted({c.id for c in m.claims})


@needs_dot
def test_the_columns_number_every_claim_and_name_what_it_does():
    """In the columns every claim has a number; ``stützt 1`` / ``widerlegt 1`` name the box a claim
    supports or attacks, and every number named is a box's number on some page."""
    pages = paginate(argmap.parse(SMALL), paper="a4", landscape=True, layout="columns")
    text = _flat(" ".join(page.extract_text() for page in _pdf(pages.pdf()).pages))
    assert "stützt 1" in text and "widerlegt 1" in text
    m = argmap.load(DEBATE)
    laid = paginate(m, paper="a4", landscape=True)
    printed = [_flat(page.extract_text()) for page in _pdf(laid.pdf()).pages]
    named = {int(n) for page in printed for n in re.findall(r"(?:stützt|widerlegt|untergräbt|widerspricht) (\d+)", page)}
    assert named and max(named) <= len({c.id for c in m.claims})
    boxes = {int(n) for page in printed for n in re.findall(r"(?:^|\s)(\d+) (?:stützt|widerlegt|untergräbt|widerspricht|\S)", page)}
    assert named <= boxes


def test_rows_follow_the_tree_and_tag_each_relation():
    """The columns' rows: thesis first, its reasons and objections below it one level deeper, each tagged with its relation."""
    from argmap.render.columns import rows

    laid = rows(argmap.parse(SMALL + "claim gegen: Handys helfen beim Lernen.\ngegen contradicts verbot\n"))
    assert [(r.claim, r.number, r.depth) for r in laid][:3] == [("verbot", 1, 0), ("ruhe", 2, 1), ("notfall", 3, 1)]
    tags = {r.claim: r.tags for r in laid}
    assert tags["ruhe"] == (("support", 1),) and tags["notfall"] == (("rebuttal", 1),)
    assert ("contradiction", 1) in tags["gegen"] and ("contradiction", tags and {r.claim: r.number for r in laid}["gegen"]) in tags["verbot"]


@needs_dot
def test_small_maps_keep_the_drawing():
    """A map that the drawing puts on one or two sheets keeps the drawing (edges), not the columns."""
    pages = paginate(argmap.parse(SMALL), paper="a4")
    assert "digraph argmap" in pages.pages[0].source
    pages = paginate(argmap.parse(SMALL), paper="a4", layout="columns")
    assert "digraph columns" in pages.pages[0].source


def test_a_bad_layout_is_refused():
    with pytest.raises(ViewError, match="columns"):
        paginate(argmap.parse(SMALL), paper="a4", layout="rows")
    with pytest.raises(ViewError, match="whole map"):
        paginate(argmap.parse(SMALL), paper="a4", layout="columns", worksheet=True)


def test_the_readme_picture_is_at_most_about_twice_as_wide_as_tall():
    """The README's first picture reads on a laptop screen: aspect ratio at most 2.1."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.search(r"!\[[^\]]*\]\(([^)]+)\)", readme).group(1)
    svg = (ROOT / first).read_text(encoding="utf-8")
    width, height = (float(x) for x in re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups())
    assert width / height <= 2.1


def _cli(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


@needs_dot
def test_cli_paper_pdf(tmp_path):
    """argmap render --paper a4 --landscape writes one PDF of A4 landscape sheets."""
    source = tmp_path / "karte.argmap"
    source.write_text(SMALL, encoding="utf-8")
    code, out, err = _cli("render", str(source), "-o", str(tmp_path / "karte.pdf"), "--paper", "a4", "--landscape")
    assert code == 0, err
    reader = PdfReader(tmp_path / "karte.pdf")
    assert [_size(p) for p in reader.pages] == [(841.9, 595.3)]
    assert "verbot" not in reader.pages[0].extract_text()  # ids hidden on paper


@needs_dot
def test_cli_paper_svg_pages_are_numbered_files(tmp_path):
    """SVG pages: one file per page, karte-1.svg, karte-2.svg, ..., each the size of the sheet."""
    source = tmp_path / "karte.argmap"
    source.write_text(_wide_text(reasons=60), encoding="utf-8")
    code, out, err = _cli("render", str(source), "-o", str(tmp_path / "karte.svg"), "--paper", "a4", "--portrait")
    assert code == 0, err
    files = sorted(tmp_path.glob("karte-*.svg"))
    assert len(files) > 1 and not (tmp_path / "karte.svg").exists()
    assert 'width="595.28pt" height="841.89pt"' in files[0].read_text(encoding="utf-8")


def test_cli_bad_font_size_is_a_usage_error(tmp_path, capsys):
    """A font size that is not a number of points exits 2 with a message, no traceback."""
    source = tmp_path / "karte.argmap"
    source.write_text(SMALL, encoding="utf-8")
    code, out, err = _cli("render", str(source), "--font-size", "klein")
    said = err + capsys.readouterr().err
    assert code == 2
    assert "a size in points is a number" in said and "Traceback" not in said


@needs_dot
def test_python_render_on_paper(tmp_path):
    """argmap.render(..., paper="a4") writes the pages: one PDF, or an SVG per page; draw() refuses several SVG pages."""
    from argmap.render import draw, render

    pdf = render(_wide(), tmp_path / "karte.pdf", paper="a4", landscape=False, layout="graph")
    assert len(PdfReader(pdf).pages) > 1
    first = render(_wide(), tmp_path / "karte.svg", paper="a4", landscape=False, layout="graph")
    assert first.name == "karte-1.svg" and (tmp_path / "karte-2.svg").exists()
    with pytest.raises(ViewError, match="pages"):
        draw(_wide(), "svg", paper="a4", landscape=False, layout="graph")
    one = draw(argmap.parse(SMALL), "svg", paper="a4", landscape=True)
    assert b'width="841.89pt" height="595.28pt"' in one
    with pytest.raises(ViewError):
        draw(argmap.parse(SMALL), "dot", paper="a4")


def _text_sizes(page) -> dict[str, float]:
    """Each line of text on a PDF page with its printed size in points, read by pypdf."""
    sizes: dict[str, float] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
            c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            sizes[text.strip()] = size * abs(a * d - b * c) ** 0.5

    page.extract_text(visitor_text=visit)
    return sizes


@needs_dot
def test_the_pdf_prints_claim_text_at_9_pt_or_more():
    """Read from the PDF itself: every claim's text on every page is printed at 9 pt or more, as the layout says."""
    pages = paginate(_wide(), paper="a4", landscape=False, layout="graph")
    reader = _pdf(pages.pdf())
    seen = 0
    for page, laid in zip(reader.pages, pages.pages):
        for text, size in _text_sizes(page).items():
            if text.startswith(("Grund Nummer", "Beleg Nummer", "Die Schule sollte")):
                seen += 1
                assert size >= 9 - 0.01, (text, size)
                assert size == pytest.approx(pages.font_size * laid.scale, abs=0.05)
    assert seen >= 29  # the first line of each claim


@needs_dot
def test_fit_prints_smaller_than_9_pt_in_the_pdf():
    """With fit, the PDF's claim text is smaller than 9 pt: the map was shrunk, not split."""
    pages = paginate(_wide(), paper="a4", landscape=False, fit=True)
    sizes = [size for text, size in _text_sizes(_pdf(pages.pdf()).pages[0]).items() if text.startswith("Grund Nummer")]
    assert sizes and max(sizes) < 9


@needs_dot
def test_cli_paper_without_output_writes_a_pdf_beside_the_map(tmp_path):
    """argmap render karte.argmap --paper a4 writes karte.pdf: on paper the format is PDF unless told otherwise."""
    source = tmp_path / "karte.argmap"
    source.write_text(SMALL, encoding="utf-8")
    code, out, err = _cli("render", str(source), "--paper", "a4")
    assert code == 0, err
    assert len(PdfReader(tmp_path / "karte.pdf").pages) == 1
    assert not (tmp_path / "karte.svg").exists()


def _with_argument(extra: int = 12) -> str:
    """The argument example and many more reasons for its thesis: too wide for one portrait page."""
    text = (ROOT / "examples" / "rendering" / "argument.argmap").read_text(encoding="utf-8")
    for i in range(extra):
        text += f"claim more{i}: Another reason, number {i}, written long enough to need a few lines of its own.\nmore{i} supports ban\n"
    return text


@needs_dot
@pytest.mark.parametrize("arguments", ["expanded", "collapsed"])
def test_an_argument_is_drawn_on_the_page_of_its_claims_only(arguments):
    """Split over pages, an argument's box (or collapsed node) stands once, on the page that holds its premises."""
    pages = paginate(argmap.parse(_with_argument()), paper="a4", landscape=False, arguments=arguments, legend="none", layout="graph")
    assert len(pages.pages) > 1
    texts = [" ".join(page.extract_text().split()) for page in _pdf(pages.pdf()).pages]
    assert sum("Phones distract" in text for text in texts) == 1
    claims = [c for page in pages.pages for c in page.claims]
    assert sorted(claims) == sorted({c.id for c in argmap.parse(_with_argument()).claims})


@needs_dot
def test_compact_positions_side_by_side_draw():
    """Two positions side by side in the compact layout: Graphviz draws them (no staggered ranks across panels)."""
    from argmap.render import draw

    m = argmap.load(ROOT / "examples" / "europa_ki_debatte.argmap")
    assert draw(m, "svg", compact=True, positions=["gierse", "gastbeitrag"]).startswith(b"<?xml")
