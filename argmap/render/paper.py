"""Maps on paper: the drawing placed on A4, A3 or Letter sheets at a
readable size, split over several pages when it does not fit on one.

Layout is a stage after drawing: Graphviz draws each page's part of the map
as a PDF of its natural size; this module measures it, decides the scale,
and places it on a sheet with pypdf. The rule:

- the drawing is printed at most at its natural size (body text at the
  theme's size, 13 pt, or ``font_size``) and shrunk to fit the sheet, but
  never so far that the body text falls below ``min_font`` (9 pt);
- when the whole map does not fit at that size, it is split: the claims
  that nothing else points at (the main claims) with as many of their
  reasons and objections as fit, and the rest on further pages, each
  subtree whole where it fits. Where a relation crosses a cut, a small
  dashed node names the other page (``→ Seite 2``, ``von Seite 1:``) and
  the claim's first words;
- ``fit=True`` gives one page, shrunk as far as needed;
- the orientation, when not given, is the one with the larger print when
  the map fits one page, else the drawing's own (landscape for a drawing
  wider than tall).

>>> page_size("a4")
(595.28, 841.89)
>>> page_size("a4", landscape=True)
(841.89, 595.28)
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from attrs import frozen

from argmap.model import ArgumentMap
from argmap.render.options import PageCut, RenderOptions, ViewError
from argmap.render.output import DEFAULT_TIMEOUT, RenderFailed, run_dot
from argmap.render.views import neighbours, reason_ends
from argmap.render.words import words_for
from argmap.types import PaperLayout, PaperName

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from argmap.render.keywords import GraphOptions

__all__ = [
    "PAPERS",
    "MARGIN",
    "MIN_FONT",
    "LAYOUTS",
    "page_size",
    "Page",
    "Pages",
    "paginate",
    "measure",
    "units",
]

#: Sheet sizes in points (1/72 inch), portrait: (width, height).
PAPERS: dict[str, tuple[float, float]] = {
    "a4": (595.28, 841.89),
    "a3": (841.89, 1190.55),
    "letter": (612.0, 792.0),
}

#: The white border around the drawing on each sheet: 1 cm, in points.
MARGIN = 28.35

# How much larger than needed a page's drawing is measured to fit, while
# cutting: exactly first, then with room to spare (see _Cutter.pages).
_SPARE = (1.0, 1.02, 1.05)

_SVG_SIZE = re.compile(rb'<svg width="([\d.]+)pt" height="([\d.]+)pt"')

# The pad Graphviz draws around a picture (graph.py: pad=0.25), in inches.
_PAD = 0.25

#: How a map is laid out on paper (see :func:`paginate`).
LAYOUTS = ("auto", "graph", "columns")

#: The smallest body text a printed map has, in points, unless told otherwise.
MIN_FONT = 9.0


def page_size(paper: str, landscape: bool = False) -> tuple[float, float]:
    """A sheet's (width, height) in points.

    Raises ViewError for an unknown paper (use one of :data:`PAPERS`).
    """
    try:
        width, height = PAPERS[paper]
    except (KeyError, TypeError):
        raise ViewError(f"unknown paper {paper!r}; use one of {', '.join(PAPERS)}", paper) from None
    return (height, width) if landscape else (width, height)


@frozen
class Page:
    """One page's drawing: Graphviz's PDF at its natural size, and the scale it is printed at."""

    #: A one-page PDF, ``width`` x ``height`` points.
    pdf: bytes
    #: The DOT it is drawn from.
    source: str
    width: float
    height: float
    #: The claims drawn on this page (besides the marks for other pages).
    claims: tuple[str, ...]
    #: Printed size / natural size (at most 1).
    scale: float


@frozen
class Pages:
    """A map laid out on sheets. :meth:`pdf` joins them into one PDF."""

    pages: tuple[Page, ...]
    paper: str
    landscape: bool
    #: The sheet, in points.
    size: tuple[float, float]
    margin: float
    #: The body text's size in the drawing, in points; printed at ``font_size * page.scale``.
    font_size: float
    #: The smallest printed body text asked for, in points.
    min_font: float

    @property
    def shrunk(self) -> bool:
        """True when some page prints its body text below ``min_font`` (``fit``, or one claim too big for a sheet)."""
        return any(self.font_size * page.scale < self.min_font - 1e-6 for page in self.pages)

    def printed_font(self) -> float:
        """The smallest printed body text size on any page, in points."""
        return min(self.font_size * page.scale for page in self.pages)

    def offset(self, page: Page) -> tuple[float, float]:
        """Where a page's drawing stands on its sheet: (left, top) in points."""
        return (self.size[0] - page.width * page.scale) / 2, self.margin

    def svgs(self, timeout: float | None = DEFAULT_TIMEOUT) -> list[bytes]:
        """Each page as an SVG of the sheet's size, the drawing in it as in :meth:`pdf`."""
        width, height = self.size
        out = []
        for page in self.pages:
            inner = run_dot(page.source, "svg", timeout=timeout).decode("utf-8")
            inner = inner[inner.index("<svg") :]
            left, top = self.offset(page)
            # The drawing's own <svg> becomes a nested viewport of its printed size.
            w, h = page.width * page.scale, page.height * page.scale
            inner = re.sub(
                r'<svg width="[^"]*" height="[^"]*"',
                f'<svg x="{left:.2f}" y="{top:.2f}" width="{w:.2f}" height="{h:.2f}"',
                inner,
                count=1,
            )
            out.append(
                (
                    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
                    f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                    f'width="{width:.2f}pt" height="{height:.2f}pt" viewBox="0 0 {width:.2f} {height:.2f}">\n'
                    f'<rect width="100%" height="100%" fill="#ffffff"/>\n{inner}</svg>\n'
                ).encode("utf-8")
            )
        return out

    def pngs(self, dpi: int = 150, timeout: float | None = DEFAULT_TIMEOUT) -> list[bytes]:
        """Each page as a PNG of the sheet at ``dpi`` dots per inch, the drawing centred across it."""
        width, height = self.size
        out = []
        for page in self.pages:
            # Graphviz scales the drawing and its pad by dpi / 72: a pad that
            # fills the rest of the sheet, at the page's scale.
            pad_x = (width / page.scale - page.width) / 2 / 72 + _PAD
            pad_y = (height / page.scale - page.height) / 2 / 72 + _PAD
            extra = f'\tgraph [dpi="{dpi * page.scale:.3f}" pad="{pad_x:.3f},{pad_y:.3f}"]\n}}'
            source = page.source.rstrip()
            out.append(run_dot(source[: source.rindex("}")] + extra + "\n", "png", timeout=timeout))
        return out

    def pdf(self) -> bytes:
        """One PDF with a sheet per page: each drawing scaled, centred across
        the sheet and set below its top margin."""
        from pypdf import PageObject, PdfReader, PdfWriter, Transformation

        writer = PdfWriter()
        width, height = self.size
        for page in self.pages:
            drawing = PdfReader(io.BytesIO(page.pdf)).pages[0]
            sheet = PageObject.create_blank_page(width=width, height=height)
            x, top = self.offset(page)
            y = height - top - page.height * page.scale
            sheet.merge_transformed_page(drawing, Transformation().scale(page.scale).translate(x, y))
            writer.add_page(sheet)
        writer.add_metadata({"/Producer": "argmap"})
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()


def measure(pdf: bytes) -> tuple[float, float]:
    """The (width, height) in points of a one-page PDF, as Graphviz drew it."""
    from pypdf import PdfReader

    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return float(box.width), float(box.height)


def units(argument_map: ArgumentMap) -> tuple[list[str], dict[str, list[str]]]:
    """The map as a forest for splitting: its roots, and each claim's
    children (the claims right below it), all in source order.

    A claim's parent is what its first relation points at (a support's
    conclusion, an objection's target claim); contradictions stand side by
    side and make no parent. Claims defined in one argument stay with the
    argument's conclusion.
    """
    claims = list(dict.fromkeys(c.id for c in argument_map.claims))
    known = set(claims)
    home = {c.id: c.argument for c in argument_map.claims if c.argument is not None}
    conclusion_of = {a.id: a.conclusion for a in argument_map.arguments}
    parent: dict[str, str] = {}
    memo: dict[str, str] = {}
    for rel in argument_map.relations:
        ends = reason_ends(argument_map, rel, memo)
        if ends is None:
            continue
        ins, target = ends
        if target not in known:
            continue
        for claim in ins:
            if claim in known and claim != target:
                parent.setdefault(claim, target)
    for claim, argument in home.items():
        conclusion = conclusion_of.get(argument)
        if conclusion in known and conclusion != claim:
            parent[claim] = conclusion
    # Break cycles: a claim whose chain of parents comes back to it is a root.
    for claim in claims:
        seen = [claim]
        here = parent.get(claim)
        while here is not None and here not in seen:
            seen.append(here)
            here = parent.get(here)
        if here is not None:
            parent.pop(here, None)
    children: dict[str, list[str]] = {c: [] for c in claims}
    for claim in claims:
        if claim in parent:
            children[parent[claim]].append(claim)
    return [c for c in claims if c not in parent], children


def _subtree(children: dict[str, list[str]], root: str) -> list[str]:
    out, stack = [], [root]
    while stack:
        here = stack.pop()
        out.append(here)
        stack.extend(reversed(children[here]))
    return out


def paginate(
    argument_map: ArgumentMap,
    *,
    paper: PaperName = "a4",
    landscape: bool | None = None,
    min_font: float = MIN_FONT,
    fit: bool = False,
    margin: float = MARGIN,
    area: tuple[float, float] | None = None,
    min_scale: float | None = None,
    layout: PaperLayout = "auto",
    timeout: float | None = DEFAULT_TIMEOUT,
    **options: Unpack[GraphOptions],
) -> Pages:
    """The map laid out on sheets of ``paper``.

    Args:
        paper: ``a4``, ``a3`` or ``letter`` (see :data:`PAPERS`).
        landscape: True or False; None: the one with the larger print when
            the map fits one page, else landscape for a drawing wider than tall.
        min_font: the smallest printed body text, in points.
        fit: one page, shrunk as far as needed.
        margin: the white border on each side, in points.
        area: (width, height) in points the drawing may fill on a sheet,
            instead of the sheet less its margins (e.g. a worksheet with a
            heading); ``landscape`` must be given then.
        min_scale: the smallest scale, instead of ``min_font`` / body text
            size (e.g. 1.0 to print boxes at their drawn size).
        layout: ``graph``: the map's drawing, split over pages where it
            must be; ``columns``: numbered boxes in columns, each saying what
            it supports or attacks (:mod:`argmap.render.columns`); ``auto``:
            the columns when the drawing takes more than two sheets and the
            columns fewer.
        options: as for :func:`argmap.render.to_graphviz`; ids are hidden
            unless ``ids=True``.

    Returns:
        :class:`Pages`; ``.pdf()`` is the joined PDF, each ``.pages[i].pdf``
        one page's drawing at its natural size.

    Raises:
        ViewError: bad options, an unknown paper, or a min_font or margin
            out of range. GraphvizNotFound, RenderFailed: as :func:`argmap.render.draw`.
    """
    if isinstance(min_font, bool) or not isinstance(min_font, (int, float)) or not 1 <= min_font <= 72:
        raise ViewError(f"the smallest font must be a number of points from 1 to 72, not {min_font!r}", min_font)
    if isinstance(margin, bool) or not isinstance(margin, (int, float)) or not 0 <= margin <= 144:
        raise ViewError(f"the margin must be from 0 to 144 points, not {margin!r}", margin)
    if landscape not in (None, True, False):
        raise ViewError(f"landscape must be True, False or None, not {landscape!r}", landscape)
    if layout not in LAYOUTS:
        raise ViewError(f"cannot lay out a map on paper as {layout!r}; use one of {', '.join(LAYOUTS)}", layout)
    # The columns show the whole map's claims and relations, nothing a view adds.
    plain = not any(options.get(name) for name in ("worksheet", "answers", "evaluate", "positions", "focus", "page"))
    if layout == "columns" and not plain:
        raise ViewError("the columns layout shows the whole map: not with worksheet, answers, evaluate, positions, focus or page", layout)
    if area is not None and landscape is None:
        raise ViewError("with an area, say landscape=True or False", area)
    if options.get("ids") is None:
        options["ids"] = False
    options.setdefault("compact", True)
    # Print: badges after the text, not in a row of their own (worksheets keep their numbered rows).
    options.setdefault("dense", not options.get("worksheet", False))
    base = RenderOptions(**options)  # checks the options once, before any drawing
    font_size = base.the_theme.fontsize
    if min_scale is None:
        min_scale = min(1.0, min_font / font_size)
    cutter = _Cutter(argument_map, options, timeout)

    def box_of(turn: bool) -> tuple[float, float]:
        sheet = page_size(paper, turn)
        box = area or (sheet[0] - 2 * margin, sheet[1] - 2 * margin)
        if box[0] <= 0 or box[1] <= 0:
            raise ViewError(f"no room for a drawing: {box[0]:.0f} x {box[1]:.0f} points", area or margin)
        return box

    if landscape is None:
        # On one page: the orientation with the larger print. Split: the
        # drawing's own (landscape when it is wider than tall), since its
        # parts are shaped like it.
        width, height = cutter.whole()
        room = {turn: min(box_of(turn)[0] / width, box_of(turn)[1] / height) for turn in (False, True)}
        scales = {turn: min(1.0, room[turn]) for turn in room}
        # At full size either way: the orientation the drawing fills better.
        landscape = max(room, key=lambda turn: (scales[turn], room[turn]))
        if not fit and scales[landscape] < min_scale:
            landscape = width > height
    pages = [] if layout == "columns" else cutter.pages(box_of(landscape), min_scale, fit)
    if layout == "columns" or (layout == "auto" and plain and len(pages) > 2 and not fit):
        # A big map: numbered boxes in columns, when that takes fewer sheets.
        boxed = _column_pages(argument_map, base, box_of(landscape), min_scale, timeout)
        if boxed is not None and (layout == "columns" or len(boxed) < len(pages)):
            pages = boxed
    return Pages(tuple(pages), paper, landscape, page_size(paper, landscape), margin, font_size, float(min_font))


def _even(labels: list[str], theme, font: str, timeout: float | None) -> list[str]:
    """Columns made as tall as the tallest with an empty row at the end
    (Graphviz would stretch the boxes of a short column instead)."""
    from argmap.render.columns import page_source

    if len(labels) < 2:
        return labels
    heights = []
    for label in labels:
        size = _SVG_SIZE.search(run_dot(page_source(None, [label], theme, font), "svg", timeout=timeout))
        heights.append(float(size[2]) if size else 0.0)
    top = max(heights)
    return [
        label[: -len("</TABLE>")] + f'<TR><TD HEIGHT="{int(top - h)}"></TD></TR></TABLE>' if top - h >= 1 else label
        for label, h in zip(labels, heights)
    ]


def _column_pages(argument_map: ArgumentMap, options: RenderOptions, box: tuple[float, float], min_scale: float, timeout: float | None) -> list[Page] | None:
    """The map as numbered boxes flowing down columns (:mod:`argmap.render.columns`),
    in as many columns as fill a sheet's width at the smallest print; None
    when a box is too big for a column."""
    from argmap._i18n import translate
    from argmap.render.columns import KEY, box_label, column_label, column_width, estimate, page_source, rows, text_columns
    from argmap.render.graph import _font, _title_label

    theme, font = options.the_theme, _font(options.the_theme)
    rows_ = rows(argument_map)
    key = translate(KEY, argument_map.lang)
    pad = 2 * _PAD * 72
    room = (box[0] / min_scale - pad, box[1] / min_scale - pad)
    best: list[Page] | None = None
    for count in (3, 4, 2):
        wraps = [text_columns(theme, room[0], count, row.depth) for row in rows_]
        width = column_width(room[0], count)
        for tight in (1.0, 0.96, 0.92, 0.88, 0.84):
            sheets: list[list[list[int]]] = []
            height = room[1] + 1  # start a sheet with the first box
            for i, row in enumerate(rows_):
                h = estimate(argument_map, row, theme, wraps[i])
                title = 30 if sheets and len(sheets) > 1 else 90
                if height + h > (room[1] - title) * tight:
                    if not sheets or len(sheets[-1]) == count:
                        sheets.append([])
                    sheets[-1].append([])
                    height = 0.0
                sheets[-1][-1].append(i)
                height += h
            pages = []
            for number, columns in enumerate(sheets, 1):
                cut = PageCut(claims=(), number=number, count=len(sheets))
                labels = []
                for c, column in enumerate(columns):
                    last = number == len(sheets) and c == len(columns) - 1
                    boxes = [box_label(argument_map, rows_[i], theme, wraps[i], options.sources, width) for i in column]
                    labels.append(column_label(boxes, key if last else None, theme, width))
                labels = _even(labels, theme, font, timeout)
                source = page_source(_title_label(argument_map, theme, cut, words_for(argument_map.lang)), labels, theme, font)
                pdf = run_dot(source, "pdf", timeout=timeout)
                wide, tall = measure(pdf)
                claims = tuple(rows_[i].claim for column in columns for i in column)
                pages.append(Page(pdf, source, wide, tall, claims, _scale(box, wide, tall)))
            if all(p.scale >= min_scale - 1e-6 for p in pages):
                if best is None or len(pages) < len(best):
                    best = pages
                break
    return best


class _Cutter:
    """Draws parts of one map and finds the cuts that fit a box."""

    def __init__(self, argument_map: ArgumentMap, options: dict, timeout: float | None):
        self.map = argument_map
        self.options = options
        self.timeout = timeout
        self.roots, self.children = units(argument_map)
        self.order = {c: i for i, c in enumerate(self.children)}
        self.links = neighbours(argument_map)
        self.spare = 1.0
        self.legend = options.get("legend", "auto") not in ("none", False)
        self.drawn: dict[tuple, tuple[str, float, float]] = {}

    def draw(self, claims: Sequence[str], number: int, count: int, where: dict[str, int], legend: int = 0) -> tuple[bytes, str, float, float]:
        """One page's drawing: PDF, DOT, width and height; ``legend``: in how many columns (0: none)."""
        source, _, _ = self.measure(claims, number, count, where, legend)
        pdf = run_dot(source, "pdf", timeout=self.timeout)
        return (pdf, source, *measure(pdf))

    def measure(self, claims: Sequence[str], number: int, count: int, where: dict[str, int], legend: int = 0) -> tuple[str, float, float]:
        """A page's DOT and its size in points, from Graphviz's SVG (faster than its PDF, the same size)."""
        from argmap.render import to_graphviz

        key = (tuple(claims), number, count, tuple(sorted(where.items())), legend)
        if key not in self.drawn:
            cut = PageCut(claims=claims, elsewhere=where, number=number, count=count, legend=legend > 0, legend_columns=max(1, legend))
            graph = to_graphviz(self.map, **self.options, page=None if count == 1 else cut)
            # No margin of the PDF device's own (half an inch each side): the sheet has one.
            graph.attr(margin="0")
            source = graph.source
            svg = run_dot(source, "svg", timeout=self.timeout)
            size = _SVG_SIZE.search(svg)
            if size is None:
                raise RenderFailed("Graphviz drew an SVG without a size")
            self.drawn[key] = (source, float(size[1]), float(size[2]))
        return self.drawn[key]

    def whole(self) -> tuple[float, float]:
        """The size of the whole map's drawing, in points."""
        _, width, height = self.measure(list(self.order), 1, 1, {})
        return width, height

    def pages(self, box: tuple[float, float], min_scale: float, fit: bool) -> list[Page]:
        everything = list(self.order)
        _, width, height = self.measure(everything, 1, 1, {})
        whole = _scale(box, width, height)
        if fit or whole >= min_scale or len(everything) <= 1:
            pdf, source, width, height = self.draw(everything, 1, 1, {})
            return [Page(pdf, source, width, height, tuple(everything), _scale(box, width, height))]
        # The cuts are measured with marks that only guess the later pages'
        # numbers: when a final page comes out too small after all, cut again
        # with room to spare.
        for spare in _SPARE:
            self.spare = spare
            plan = self._plan(box, min_scale)
            if all(len(cut) <= 1 or _scale(box, width, height) >= min_scale for cut, (_, width, height) in plan):
                break
        pages = []
        for i, (cut, (source, width, height)) in enumerate(plan, 1):
            pdf = run_dot(source, "pdf", timeout=self.timeout)
            width, height = measure(pdf)
            pages.append(Page(pdf, source, width, height, tuple(cut), _scale(box, width, height)))
        return pages

    def _plan(self, box: tuple[float, float], min_scale: float) -> list[tuple[list[str], tuple[str, float, float]]]:
        """The cuts, each with its final DOT and measured size."""
        cuts = self._cut(box, min_scale)
        where = {claim: i for i, cut in enumerate(cuts, 1) for claim in cut}
        # The legend goes on the last page with room for it (in one, two or
        # three columns: a wide page has room below, a narrow one beside),
        # else on a page of its own.
        legend, columns = None, 1
        if self.legend:
            for i, columns in ((i, c) for i in range(len(cuts), 0, -1) for c in (1, 2, 3)):
                if self._fits(cuts[i - 1], box, min_scale, cuts[: i - 1], legend=columns):
                    legend = i
                    break
            else:
                # A page of its own: in the columns that print it largest.
                cuts.append([])
                legend = len(cuts)
                sizes = {c: self._measure_legend(cuts, c) for c in (1, 2, 3)}
                columns = max(sizes, key=lambda c: (_scale(box, *sizes[c]), -c))
        plan = []
        for i, cut in enumerate(cuts, 1):
            elsewhere = {c: p for c, p in where.items() if p != i}
            plan.append((cut, self.measure(cut, i, len(cuts), elsewhere, columns if legend == i else 0)))
        return plan

    def _cut(self, box: tuple[float, float], min_scale: float) -> list[list[str]]:
        """Subtrees onto pages, first fit: each page takes every subtree that
        still fits on it: the theses (claims nothing points at) first, then
        those with the most relations to what the page holds (so that fewer
        relations cross pages), else in source order; a subtree too big for a page of its own gives way to its root
        and its children's subtrees; a claim too big for a page alone gets
        one (printed smaller)."""
        queue: list[list[str]] = [_subtree(self.children, r) for r in self.roots]
        roots = set(self.roots)
        fits_alone: dict[tuple[str, ...], bool] = {}

        def alone(item: list[str]) -> bool:
            # Whether a subtree fits on a page of its own: asked once, on the first page it meets.
            key = tuple(item)
            if key not in fits_alone:
                fits_alone[key] = self._fits(item, box, min_scale, cuts)
            return fits_alone[key]

        cuts: list[list[str]] = []
        while queue:
            page: list[str] = []
            failed: set[tuple[str, ...]] = set()  # subtrees that did not fit on this page
            while True:
                held = set(page)
                ranked = sorted(
                    (i for i in range(len(queue)) if tuple(queue[i]) not in failed),
                    key=lambda i: (queue[i][0] not in roots, -sum(len(self.links.get(c, set()) & held) for c in queue[i]), i),
                )
                for i in ranked:
                    item = queue[i]
                    if self._fits(page + item, box, min_scale, cuts):
                        page += queue.pop(i)
                        break
                    if len(item) > 1 and not alone(item):
                        queue[i : i + 1] = [[item[0]], *(_subtree(self.children, c) for c in self.children[item[0]])]
                        break
                    failed.add(tuple(item))
                else:
                    break
            cuts.append(page or queue.pop(0))
        return [sorted(cut, key=self.order.__getitem__) for cut in cuts]

    def _measure_legend(self, cuts: list[list[str]], columns: int) -> tuple[float, float]:
        """The size of the last page, the legend's own, in ``columns`` columns."""
        where = {claim: i for i, cut in enumerate(cuts, 1) for claim in cut}
        _, width, height = self.measure([], len(cuts), len(cuts), where, columns)
        return width, height

    def _fits(self, claims: list[str], box: tuple[float, float], min_scale: float, before: Sequence[list[str]] = (), legend: int = 0) -> bool:
        """Whether ``claims`` fit on the page after the pages ``before``, with
        the marks they will have: a claim on an earlier page is its own mark,
        the claims not yet placed share one for later pages."""
        number = len(before) + 1
        where = {c: number + 1 for c in self.order}
        for i, cut in enumerate(before, 1):
            where.update(dict.fromkeys(cut, i))
        for claim in claims:
            del where[claim]
        _, width, height = self.measure(claims, number, number + 1, where, legend)
        # A little room to spare: the final marks name the real pages of
        # what comes later, which may take a few more characters.
        return _scale(box, width, height) >= min_scale * self.spare


def _scale(box: tuple[float, float], width: float, height: float) -> float:
    return min(1.0, box[0] / width, box[1] / height)
