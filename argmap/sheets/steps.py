"""Slides that build a map up step by step, for the board or a projector.

Step 1 shows the thesis; each further step adds one layer: its reasons,
the objections to what is shown, the answers to those objections, and so
on (see :mod:`argmap.sheets._order`). The whole map is laid out once and the
claims not yet revealed are drawn invisible, so nothing moves from one
slide to the next; what a step adds has a thick border.
"""

from __future__ import annotations

from argmap.model import ArgumentMap
from argmap.render.output import DEFAULT_TIMEOUT
from argmap.sheets._graph import Drawing, dot_source
from argmap.sheets._layout import layout, pdf
from argmap.sheets._order import reading
from argmap.sheets._pdf import MARGIN, MM, Document, page_size
from argmap.sheets._words import sheet_words
from argmap.types import PaperName
from argmap.sheets.worksheet import UNKNOWN_THESIS, UNKNOWN_THESIS_GUESS, check_claims, check_paper, check_size

__all__ = ["steps", "SLIDE_FONT_SIZE"]

#: The font size of claims on a slide, before the slide's scale.
SLIDE_FONT_SIZE = 14.0
#: The most claims slides take (beyond that no slide is readable).
MAX_CLAIMS = 300
#: Slides are never enlarged beyond this.
MAX_SCALE = 2.0


def steps(
    argument_map: ArgumentMap,
    *,
    paper: PaperName = "a4",
    thesis: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> bytes:
    """Landscape slides of ``argument_map``, one page per step, as PDF bytes.

    Args:
        paper: ``"a4"`` or ``"letter"``.
        thesis: the claim shown first (default: the map's first main claim).
        timeout: seconds Graphviz may take for each drawing.

    Raises:
        SheetError: an unknown ``thesis`` or paper, more than :data:`MAX_CLAIMS` claims.
        argmap.sheets.PrintUnavailable: fpdf2 or a Unicode font is missing.
        argmap.render.GraphvizNotFound, argmap.render.RenderFailed: as for drawing.
    """
    check_size(argument_map, MAX_CLAIMS)
    if thesis is not None:
        check_claims(argument_map, (thesis,), (UNKNOWN_THESIS, UNKNOWN_THESIS_GUESS))
    check_paper(paper)
    width, height = page_size(paper, landscape=True)
    words = sheet_words(argument_map.lang)
    title = argument_map.title or words["untitled"]
    read = reading(argument_map, thesis)
    everything = frozenset(read.order)
    doc = Document(paper, title=title, footer=words["page"], lang=argument_map.lang)
    wrap, columns = _best_shape(argument_map, everything, (width - 2 * MARGIN, height * 0.75), timeout)
    shown: set[str] = set()
    for number, layer in enumerate(read.layers, 1):
        shown |= set(layer.claims)
        drawing = Drawing(
            shown=everything,
            hidden=everything - shown,
            new=frozenset(layer.claims) if number > 1 else frozenset(),
            size=SLIDE_FONT_SIZE,
            wrap=wrap,
            columns=columns,
            box_width=None,
        )
        source = dot_source(argument_map, drawing)
        doc.add_page(landscape=True)
        doc.text(title, size=18, style="B", gap=2)
        what = words[layer.kind]
        doc.text(words["step"].format(step=number, steps=len(read.layers), what=what), size=13, colour=60, gap=2)
        doc.rule(6)
        if number == 1:
            lay = layout(source, timeout)
            area = (width - 2 * MARGIN, doc.bottom() - doc.y)
            scale = min(area[0] / lay.width, area[1] / lay.height, MAX_SCALE)
            x = doc.pdf.l_margin + (area[0] - lay.width * scale) / 2
            y = doc.y
        doc.place(pdf(source, timeout), x, y, scale)
    return doc.output()


def _best_shape(argument_map: ArgumentMap, claims: frozenset[str], area: tuple[float, float], timeout: float | None) -> tuple[int, int | None]:
    """Characters per line, and how many reasons or objections of one claim
    stand side by side (see :class:`Drawing`): the choice that draws the map
    largest on the slide."""
    best: tuple[int, int | None] = (28, None)
    best_scale = 0.0
    for wrap in (28, 22, 18):
        for columns in (None, 4, 3, 2):
            drawing = Drawing(shown=claims, size=SLIDE_FONT_SIZE, wrap=wrap, columns=columns, box_width=None)
            lay = layout(dot_source(argument_map, drawing), timeout)
            scale = min(area[0] / lay.width, area[1] / lay.height)
            if scale > best_scale * 1.02:
                best, best_scale = (wrap, columns), scale
    return best
