"""A worksheet to print: the map with numbered empty boxes, then its answer key.

Pages 1..n hold the title, the question, a line for name, class and date,
the task and the map; every numbered box is at least 5 × 2 cm on paper.
When the map does not fit one page at that size, it is split along the
tree of the map (the thesis, its reasons and objections, and theirs): a
box that continues on another page is drawn as a small dashed box naming
its number and page. Then the answer key: each number with its claim, its
basis, its quote and source (with the line, when the text is found), and
what it supports or speaks against. With ``with_text``, the source texts
follow with line numbers.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Sequence

from attrs import frozen

from argmap.errors import OptionError, UnknownIdError
from argmap._i18n import N_, translate
from argmap.model import ArgumentMap
from argmap.render.output import DEFAULT_TIMEOUT
from argmap.render.views import node_name
from argmap.render.words import words_for
from argmap.sheets._graph import Drawing, dot_source, ref_font_size, text_width
from argmap.sheets._layout import Layout, layout, pdf
from argmap.sheets._order import Link, links_of, reading
from argmap.sheets._pdf import MARGIN, MM, PAPERS, Document, page_size
from argmap.sheets._sources import Text, quote_line, source_texts
from argmap.sheets._words import sheet_words
from argmap.types import PaperName

__all__ = ["worksheet", "plan_worksheet", "Plan", "MapPage", "SheetError", "MIN_BOX"]

#: The smallest size of a numbered box on paper, in points (5 × 2 cm).
MIN_BOX = (50 * MM, 20 * MM)
#: A drawing is never enlarged beyond its natural size.
MAX_SCALE = 1.0


class SheetError(OptionError):
    """A sheet asks for something the map does not have (an unknown claim to
    keep, an unknown paper). ``name`` is the offending value; ``template``
    and ``args`` say the message again, for a translation
    (``str(error)`` is the English)."""

    def __init__(self, template: str, name: object = None, **args: object):
        super().__init__(template.format(**args))
        self.name = name
        self.template = template
        self.args_ = args

    def localized(self, lang: str | None) -> str:
        """The message in ``lang``."""
        return translate(self.template, lang, self.args_)


class UnknownClaimError(SheetError, UnknownIdError):
    """A claim id given to a sheet (``keep``, ``thesis``) that names no
    claim: a :class:`SheetError` (with its translation) and an
    :class:`argmap.UnknownIdError`."""

    def __init__(self, template: str, name: str, **args: object):
        UnknownIdError.__init__(self, "claim", name, (), template.format(**args))
        self.name = name
        self.template = template
        self.args_ = args

    def __reduce__(self) -> tuple[object, ...]:
        return _unknown_claim, (self.template, self.id, self.args_)


def _unknown_claim(template: str, name: str, args: dict[str, object]) -> UnknownClaimError:
    return UnknownClaimError(template, name, **args)


#: Messages of :class:`SheetError`.
UNKNOWN_KEEP = N_("cannot keep `{id}`: no claim has that id")
UNKNOWN_KEEP_GUESS = N_("cannot keep `{id}`: no claim has that id; did you mean `{guess}`?")
UNKNOWN_THESIS = N_("cannot start from `{id}`: no claim has that id")
UNKNOWN_THESIS_GUESS = N_("cannot start from `{id}`: no claim has that id; did you mean `{guess}`?")
UNKNOWN_PAPER = N_("unknown paper `{paper}`; use one of {papers}")
TOO_BIG = N_("the map has {claims} claims, too many for a sheet ({most} at most): make a smaller map of the part you teach")

#: The most claims a worksheet takes (about 30 pages; laying them out takes a minute).
MAX_CLAIMS = 120


def check_size(argument_map: ArgumentMap, most: int) -> None:
    """Raise :class:`SheetError` for a map with more than ``most`` claims."""
    claims = len({c.id for c in argument_map.claims})
    if claims > most:
        raise SheetError(TOO_BIG, claims, claims=claims, most=most)


def check_paper(paper: str) -> None:
    """Raise :class:`SheetError` for a paper argmap does not know."""
    if paper not in PAPERS:
        raise SheetError(UNKNOWN_PAPER, paper, paper=paper, papers=", ".join(PAPERS))


def _ids(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(p.strip() for p in value.split(",") if p.strip())
    return tuple(value)


def check_claims(argument_map: ArgumentMap, ids: Sequence[str], templates: tuple[str, str] = (UNKNOWN_KEEP, UNKNOWN_KEEP_GUESS)) -> None:
    """Raise :class:`SheetError` for an id in ``ids`` that names no claim
    (``templates``: the message without and with a suggestion)."""
    known = {c.id for c in argument_map.claims}
    for ident in ids:
        if ident not in known:
            close = difflib.get_close_matches(ident, sorted(known), n=1)
            if close:
                raise UnknownClaimError(templates[1], ident, id=ident, guess=close[0])
            raise UnknownClaimError(templates[0], ident, id=ident)


class _Planner:
    """Lays parts of the map out and decides which fit a page."""

    def __init__(self, argument_map: ArgumentMap, numbers: dict[str, int], blank: frozenset[str], timeout, words: dict[str, str]):
        self.columns: int | None = None
        self.words = words
        #: Pages too full for a reference box per claim they point at: one box per kind of relation.
        self.crowded: set[frozenset[str]] = set()
        self.map = argument_map
        self.numbers = numbers
        self.blank = blank
        self.timeout = timeout
        self.links = links_of(argument_map)
        self.by_key = {link.key: link for link in self.links}
        self.layouts: dict[tuple[frozenset[str], int | None, bool], tuple[str, Layout]] = {}

    def context(self, shown: frozenset[str]) -> set[str]:
        """The claims a page showing ``shown`` must also draw (as references)
        so that every relation touching ``shown`` can be drawn."""
        need: set[str] = set()
        for link in self.links:
            ends = set(link.heads) | ({link.target} if link.target_is_claim else set())
            if not ends & shown and not (not link.target_is_claim and self._ends(link.target) & shown):
                continue
            need |= ends
            seen = 0
            while not link.target_is_claim and seen <= len(self.links):
                link = self.by_key[link.target]
                need |= set(link.heads) | ({link.target} if link.target_is_claim else set())
                seen += 1
        return need - shown

    def _ends(self, key: str) -> set[str]:
        link = self.by_key[key]
        return set(link.heads) | ({link.target} if link.target_is_claim else set())

    def drawing(self, shown: frozenset[str], pages: dict[str, int] | None = None) -> Drawing:
        """What a page showing ``shown`` draws. Claims on other pages that
        point the same way at the same claim share one reference box, which
        names their numbers and (from ``pages``) their pages; its size does
        not depend on the pages, so a layout measured before the pages are
        known stays as it was."""
        groups: dict[str, list[str]] = {}
        for claim in sorted(self.context(shown), key=self.numbers.__getitem__):
            groups.setdefault(self._group(claim, shown), []).append(claim)
        refs, labels, widths = {}, {}, {}
        size = ref_font_size(Drawing(shown=shown))
        room = text_width(self.words["ref_pages"].format(pages="88, 88"), size)
        for group, members in groups.items():
            refs.update(dict.fromkeys(members, group))
            first = self.words["ref"].format(numbers=", ".join(str(self.numbers[c]) for c in members))
            on = sorted({pages[c] for c in members if c in pages}) if pages else []
            if not on:
                shown_pages = ""
            elif len(on) <= 2:
                shown_pages = ", ".join(map(str, on))
            else:
                shown_pages = f"{on[0]}–{on[-1]}"
            labels[group] = (first, self.words["ref_pages"].format(pages=shown_pages))
            widths[group] = max(room, text_width(first, size)) + 4
        return Drawing(
            shown=shown,
            numbers=self.numbers,
            blank=self.blank & shown,
            refs=refs,
            ref_labels=labels,
            columns=self.columns,
            ref_widths=widths,
        )

    def _group(self, claim: str, shown: frozenset[str]) -> str:
        """The reference box ``claim`` is drawn in: shared by the claims that
        alone support (rebut, ...) the same claim on the page; on a crowded
        page, by all claims that support (rebut, ...) anything on it."""
        for link in self.links:
            if shown in self.crowded and claim in link.heads:
                return link.kind
            if link.heads == (claim,) and link.target_is_claim and link.target in shown:
                return f"{link.kind}-{node_name(link.target)}"
        return node_name(claim)

    def measure(self, shown: frozenset[str]) -> tuple[str, Layout]:
        key = (shown, self.columns, shown in self.crowded)
        if key not in self.layouts:
            source = dot_source(self.map, self.drawing(shown))
            self.layouts[key] = (source, layout(source, self.timeout))
        return self.layouts[key]

    def scale(self, shown: frozenset[str], area: tuple[float, float]) -> float | None:
        """The scale ``shown`` is placed at in ``area``, or None when it does not fit."""
        _, lay = self.measure(shown)
        fit = min(area[0] / lay.width, area[1] / lay.height, MAX_SCALE)
        return fit if fit >= self.min_scale(shown, lay) - 1e-9 else None

    def min_scale(self, shown: frozenset[str], lay: Layout) -> float:
        """The smallest scale that keeps every numbered box at least :data:`MIN_BOX`."""
        need = 0.0
        for claim in shown:
            w, h = lay.nodes[node_name(claim)]
            need = max(need, MIN_BOX[0] / w, MIN_BOX[1] / h)
        return need


#: Points between two drawings stacked on one page.
GAP = 16


def plan_pages(planner: _Planner, order: Sequence[str], parent: dict[str, str | None], first: tuple[float, float], rest: tuple[float, float]) -> list[list[tuple[frozenset[str], float]]]:
    """The drawings of each page, with their scales: the whole map when it
    fits the first page; else the tree cut into pieces (the thesis with as
    many of its subtrees as fit, a subtree too big for a page cut the same
    way at its root), each piece laid out on its own and stacked on the
    first page that has room below what it holds."""
    children: dict[str | None, list[str]] = {}
    for claim in order:
        children.setdefault(parent.get(claim), []).append(claim)
    subtree: dict[str, frozenset[str]] = {}
    for claim in reversed(order):
        subtree[claim] = frozenset({claim}).union(*(subtree[c] for c in children.get(claim, ())))
    everything = frozenset(order)
    whole = planner.scale(everything, first)
    if whole is not None:
        return [[(everything, whole)]]

    def split(root: str, area: tuple[float, float]) -> list[frozenset[str]]:
        if planner.scale(subtree[root], area) is not None:
            return [subtree[root]]
        piece = frozenset({root})
        if planner.scale(piece, area) is None:
            planner.crowded.add(piece)
        left: list[str] = []
        for child in children.get(root, ()):
            grown = piece | subtree[child]
            if planner.scale(grown, area) is not None:
                piece = grown
            else:
                left.append(child)
        return [piece, *(p for child in left for p in split(child, rest))]

    pieces: list[frozenset[str]] = []
    for root in children.get(None, ()):
        pieces += split(root, first if not pieces else rest)
    pages: list[list[tuple[frozenset[str], float]]] = []
    used: list[float] = []  # height taken on each page, gaps included

    def fitted(piece: frozenset[str], height: float) -> float | None:
        """The scale ``piece`` takes in ``height`` at the page's width, or None."""
        _, lay = planner.measure(piece)
        scale = min(rest[0] / lay.width, height / lay.height, MAX_SCALE)
        return scale if height > 0 and scale >= planner.min_scale(piece, lay) - 1e-9 else None

    def height(piece: frozenset[str], scale: float) -> float:
        return planner.measure(piece)[1].height * scale

    for piece in pieces:
        placed = False
        if pages:
            # beside the last drawing of the last page, laid out together
            last, scale = pages[-1][-1]
            below = used[-1] - height(last, scale)
            room = (first if len(pages) == 1 else rest)[1] - below
            joined = last | piece
            together = fitted(joined, room)
            if together is not None:
                pages[-1][-1] = (joined, together)
                used[-1] = below + height(joined, together)
                placed = True
        for i, page in enumerate(pages):
            if placed:
                break
            # below what a page holds
            below_scale = fitted(piece, (first if i == 0 else rest)[1] - used[i] - GAP)
            if below_scale is not None:
                page.append((piece, below_scale))
                used[i] += GAP + height(piece, below_scale)
                placed = True
        if not placed:
            area = first if not pages else rest
            _, lay = planner.measure(piece)
            scale = min(area[0] / lay.width, area[1] / lay.height, MAX_SCALE)
            pages.append([(piece, scale)])
            used.append(height(piece, scale))
    return pages


@frozen
class MapPage:
    """One drawing of (part of) the map: the claims it shows, its DOT, its
    layout, the scale it is placed at, the page it is on (0-based) and how
    far below the top of that page's map area it starts, in points."""

    claims: frozenset[str]
    source: str
    layout: Layout
    scale: float
    page: int = 0
    top: float = 0.0


@frozen
class Plan:
    """How a worksheet lays the map out: box numbers, orientation, and the
    drawings (several may share a page)."""

    numbers: dict[str, int]
    order: tuple[str, ...]
    landscape: bool
    pages: tuple[MapPage, ...]
    links: tuple[Link, ...]

    @property
    def sheets(self) -> int:
        """How many pages the map takes."""
        return 1 + max((p.page for p in self.pages), default=0)

    def box_sizes(self) -> list[tuple[str, float, float]]:
        """(claim, width, height) in points on paper of every numbered box on every page."""
        out = []
        for page in self.pages:
            for claim in sorted(page.claims):
                w, h = page.layout.nodes[node_name(claim)]
                out.append((claim, w * page.scale, h * page.scale))
        return out


def plan_worksheet(
    argument_map: ArgumentMap,
    *,
    keep: str | Iterable[str] = (),
    task: str | None = None,
    paper: str = "a4",
    thesis: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Plan:
    """How :func:`worksheet` lays the map out (arguments as there)."""
    keep = _ids(keep)
    check_size(argument_map, MAX_CLAIMS)
    check_claims(argument_map, keep)
    if thesis is not None:
        check_claims(argument_map, (thesis,), (UNKNOWN_THESIS, UNKNOWN_THESIS_GUESS))
    check_paper(paper)
    words = sheet_words(argument_map.lang)
    title = argument_map.title or words["untitled"]
    read = reading(argument_map, thesis)
    numbers = {claim: i for i, claim in enumerate(read.order, 1)}
    planner = _Planner(argument_map, numbers, frozenset(numbers) - set(keep), timeout, words)
    first_top, rest_top, bottom_margin = _header_heights(argument_map, paper, title, words, task)
    best: tuple[bool, list[list[tuple[frozenset[str], float]]], tuple[float, float], tuple[float, float]] | None = None
    for landscape in (False, True):
        w, h = page_size(paper, landscape)
        first = (w - 2 * MARGIN, h - bottom_margin - first_top)
        rest = (w - 2 * MARGIN, h - bottom_margin - rest_top)
        planner.columns = _columns(first[0])
        pages = plan_pages(planner, read.order, read.parent, first, rest)
        if best is None or len(pages) < len(best[1]):
            best = (landscape, pages, first, rest)
    assert best is not None
    landscape, pages, first, rest = best
    planner.columns = _columns(first[0])
    on_page = {claim: i for i, page in enumerate(pages, 1) for piece, _ in page for claim in piece}
    placed = []
    for i, page in enumerate(pages):
        top = 0.0
        for shown, scale in page:
            # the same size as when planned: reference boxes have a fixed width
            source = dot_source(argument_map, planner.drawing(shown, on_page))
            lay = layout(source, timeout)
            placed.append(MapPage(shown, source, lay, scale, i, top))
            top += lay.height * scale + GAP
    return Plan(numbers, read.order, landscape, tuple(placed), planner.links)


def _header_heights(argument_map: ArgumentMap, paper: str, title: str, words: dict[str, str], task: str | None) -> tuple[float, float, float]:
    """Where the map starts on the first page and on later pages, and the
    height of the bottom margin, measured on pages that are thrown away."""
    probe = Document(paper, lang=argument_map.lang)
    probe.add_page()
    _header(probe, argument_map, title, words, task)
    first_top = probe.y
    probe.add_page()
    _continued(probe, title, words)
    return first_top, probe.y, probe.pdf.h - probe.bottom()


def worksheet(
    argument_map: ArgumentMap,
    *,
    keep: str | Iterable[str] = (),
    task: str | None = None,
    with_text: bool = False,
    paper: PaperName = "a4",
    thesis: str | None = None,
    base_dir: str | os.PathLike[str] | None = None,
    texts: Iterable[str | os.PathLike[str]] = (),
    timeout: float | None = DEFAULT_TIMEOUT,
) -> bytes:
    """The worksheet of ``argument_map`` as PDF bytes, ready to print.

    Args:
        keep: claim ids whose boxes stay filled in (a list or ``"a,b"``).
        task: the task printed above the map (default: "Complete the map: ..."
            in the map's language).
        with_text: add the source texts, with line numbers, after the answer key.
        paper: ``"a4"`` or ``"letter"``.
        thesis: the claim numbered 1 (default: the map's first main claim).
        base_dir, texts: where source texts are looked for (default: the
            map's folder; then ``texts``; then ``ARGMAP_TEXTS``), as ``argmap check``.
        timeout: seconds Graphviz may take for each layout.

    Raises:
        SheetError: an unknown claim in ``keep`` or ``thesis``, an unknown
            paper, more than :data:`MAX_CLAIMS` claims.
        argmap.sheets.PrintUnavailable: fpdf2 or a Unicode font is missing.
        argmap.render.GraphvizNotFound, argmap.render.RenderFailed: as for drawing.
    """
    plan = plan_worksheet(argument_map, keep=keep, task=task, paper=paper, thesis=thesis, timeout=timeout)
    words = sheet_words(argument_map.lang)
    title = argument_map.title or words["untitled"]
    doc = Document(paper, title=title, footer=words["page"], lang=argument_map.lang)
    top = 0.0
    for drawing in plan.pages:
        if drawing.page == doc.page + 1:
            doc.add_page(plan.landscape)
            if drawing.page == 0:
                _header(doc, argument_map, title, words, task)
            else:
                _continued(doc, title, words)
            top = doc.y
        x = doc.pdf.l_margin + (doc.width - drawing.layout.width * drawing.scale) / 2
        doc.place(pdf(drawing.source, timeout), x, top + drawing.top, drawing.scale)
    found = source_texts(argument_map, base_dir, texts)
    _answer_key(doc, argument_map, title, words, plan, set(_ids(keep)), found)
    if with_text:
        for text in found:
            _source_text(doc, text, words)
    return doc.output()


def _columns(width: float) -> int:
    """How many boxes stand side by side in ``width`` points at the smallest scale."""
    return max(2, int(width // (MIN_BOX[0] * 1.15)))


def _header(doc: Document, argument_map: ArgumentMap, title: str, words: dict[str, str], task: str | None) -> None:
    doc.text(title, size=16, style="B", gap=2)
    if argument_map.question:
        doc.text(argument_map.question, size=11, style="I", gap=4)
    doc.fields([words["name"], words["class"], words["date"]], [230, 110, 140])
    doc.text(f"{words['task_label']} {task or words['task']}", size=11, gap=2)
    legend = _legend(argument_map)
    if legend:
        doc.text(legend, size=8.5, colour=60, gap=2)
    doc.rule(6)


def _continued(doc: Document, title: str, words: dict[str, str]) -> None:
    doc.text(words["continued"].format(title=title), size=11, style="B", gap=2)
    doc.rule(6)


def _legend(argument_map: ArgumentMap) -> str:
    """One line naming the kinds of arrow (and box) the map uses."""
    w = words_for(argument_map.lang)
    kinds = {link.kind for link in links_of(argument_map)}
    parts = []
    for kind, symbol, word in (
        ("support", "──▶", w["supports"]),
        ("rebuttal", "━━┫", w["rebuttal"]),
        ("undercut", "╍╍┫", w["undercut"]),
        ("contradiction", "◀┈┈▶", w["contradiction"]),
    ):
        if kind in kinds:
            parts.append(f"{symbol} {word}")
    if any(c.implicit for c in argument_map.claims):
        parts.append(f"┆ ┆ {w['implicit']}")
    return "     ".join(parts)


def _answer_key(
    doc: Document,
    argument_map: ArgumentMap,
    title: str,
    words: dict[str, str],
    plan: Plan,
    kept: set[str],
    texts: list[Text],
) -> None:
    doc.add_page()
    doc.text(words["key"].format(title=title), size=15, style="B", gap=2)
    doc.rule(8)
    basis_words = words_for(argument_map.lang)
    lines = {t.source.id: t.lines for t in texts if t.lines is not None}
    links, numbers = plan.links, plan.numbers
    by_key = {link.key: link for link in links}
    claims = {c.id: c for c in reversed(argument_map.claims)}
    for claim_id in plan.order:
        claim = claims[claim_id]
        details = []
        marks = [m for m, on in ((words["given"], claim_id in kept), (words["implicit"], claim.implicit)) if on]
        for link in links:
            if claim_id in link.heads:
                target = link if link.target_is_claim else by_key[link.target]
                premises = ", ".join(str(numbers[h]) for h in target.heads)
                while not target.target_is_claim:
                    target = by_key[target.target]
                said = words[link.kind].format(numbers=numbers[target.target], premises=premises)
                others = [str(numbers[h]) for h in link.heads if h != claim_id]
                if others:
                    said = words["together"].format(relation=said, others=", ".join(others))
                details.append(said)
        if claim.basis is not None:
            details.append(words["basis"].format(basis=basis_words[claim.basis]))
        if claim.quote:
            details.append(words["quote"].format(quote=claim.quote))
        if claim.source:
            details.append(words["source"].format(source=_source_line(argument_map, claim, lines, words)))
        text = claim.text + ("  " + " ".join(marks) if marks else "")
        doc.item(str(numbers[claim_id]), text, details)


def _source_line(argument_map: ArgumentMap, claim, lines: dict, words: dict[str, str]) -> str:
    try:
        source = argument_map.source(claim.source)
    except KeyError:
        return claim.source
    parts = [source.title]
    who = ", ".join(p for p in (source.author, source.date) if p)
    if who:
        parts[0] += f" ({who})"
    if claim.quote and claim.source in lines:
        found = quote_line(claim.quote, lines[claim.source])
        if found is not None:
            parts.append(words["line"].format(line=found))
    return ", ".join(parts)


def _source_text(doc: Document, text: Text, words: dict[str, str]) -> None:
    doc.add_page()
    source = text.source
    doc.text(words["text"].format(title=source.title), size=13, style="B", gap=1)
    who = ", ".join(p for p in (source.author, source.date) if p)
    if who:
        doc.text(who, size=9, colour=70, gap=1)
    doc.rule(6)
    if text.lines is None:
        doc.text(words["text_missing"].format(title=source.title, file=source.file), size=10)
        return
    doc.numbered_lines(list(text.lines))
