"""Drawing maps with Graphviz: :func:`to_graphviz` builds the DOT graph,
:func:`render` writes it as SVG, PNG, PDF or DOT.

The drawing reads the model (and, when asked, an evaluation); it never
parses text. A claim's node is named by the claim's id; a named relation's
junction point by the relation's name; an argument's final junction (or,
collapsed, its node) by the argument's id. Internal nodes (unnamed
junctions, the legend) have a ``-`` in their names, which no id can have.

>>> import argmap
>>> m = argmap.parse("claim a: Rain.\\nclaim b: Wet streets.\\na supports b\\n")
>>> g = to_graphviz(m, legend=False)
>>> print(g.body[-1].strip())
a -> b [arrowhead=normal color="#2e7d32" penwidth=1.2 weight=2]
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import graphviz

from argmap._nogc import no_gc
from argmap.model import ArgumentMap
from argmap.render.labels import WRAP_WIDTH
from argmap.render.options import (
    ARGUMENT_VIEWS,
    GROUP_BY,
    LEGEND_PLACES,
    SEMANTICS,
    SUPPORT_MODES,
    PageCut,
    RenderOptions,
    ViewError,
)
from argmap.render.output import (
    DEFAULT_TIMEOUT,
    FORMATS,
    GraphvizNotFound,
    RenderFailed,
    dot_bytes,
    format_for,
    run_dot,
    write_atomically,
)
from argmap.render.keywords import GraphOptions, PageOptions
from argmap.render.themes import DEFAULT_FONT, THEMES, Theme, contrast_ratio
from argmap.types import ArgumentView, Direction, GroupBy, ImageFormat, LegendPlace, PaperName, SemanticsName, SupportMode, ThemeName

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from argmap.semantics import Evaluation

__all__ = [
    "to_graphviz",
    "render",
    "draw",
    "paged_files",
    "Theme",
    "THEMES",
    "DEFAULT_FONT",
    "FORMATS",
    "GROUP_BY",
    "ARGUMENT_VIEWS",
    "LEGEND_PLACES",
    "PageCut",
    "RenderOptions",
    "SEMANTICS",
    "SUPPORT_MODES",
    "ViewError",
    "GraphvizNotFound",
    "RenderFailed",
    "contrast_ratio",
    "GraphOptions",
    "PageOptions",
]


def to_graphviz(
    argument_map: ArgumentMap,
    *,
    theme: ThemeName | Theme = "default",
    font: str | None = None,
    evaluate: SemanticsName | Evaluation | None = None,
    support: SupportMode = "none",
    positions: str | Iterable[str] = (),
    focus: str | None = None,
    depth: int | None = None,
    worksheet: bool = False,
    keep: str | Iterable[str] = (),
    answers: bool = False,
    group_by: GroupBy | None = "group",
    legend: bool | LegendPlace = True,
    wrap: int = WRAP_WIDTH,
    arguments: ArgumentView = "expanded",
    ids: bool | None = None,
    sources: bool = True,
    font_size: float | None = None,
    compact: bool = False,
    dense: bool = False,
    direction: Direction = "up",
    page: PageCut | None = None,
) -> graphviz.Digraph:
    """The map as a :class:`graphviz.Digraph`.

    Args:
        theme: ``"default"``, ``"print"`` (greys only) or ``"contrast"``, or a :class:`Theme`.
        font: the font family (default ``DejaVu Sans``, see :data:`DEFAULT_FONT`).
        evaluate: a semantics (``"grounded"``, ``"complete"``, ``"preferred"``,
            ``"stable"``, ``"dfquad"``) to fill claims by status or show
            strengths; or a result of :func:`argmap.evaluate` to draw.
        support: how supports add attacks when ``evaluate`` names a semantics.
        positions: one position id (what it accepts is bold, what it rejects
            struck and grey), or several, drawn side by side.
        focus: a claim id: draw only the claims within ``depth`` steps of it (default 2).
        worksheet: empty, numbered boxes; ``keep`` lists claims that stay filled.
        answers: the worksheet's answer key: the same numbers, with the texts.
        group_by: draw clusters by ``"group"`` (the ``group:`` attribute),
            ``"source"`` or ``"tag"`` (a claim's first tag); None for no clusters.
        legend: where the legend of what the picture uses stands:
            ``"auto"`` (True: below a small map, beside a large one),
            ``"below"``, ``"beside"``, or ``"none"`` (False).
        wrap: characters per line of a claim's text.
        arguments: ``"expanded"``: each argument is a box titled with its
            title and gist, holding the claims defined in it and its
            inferences; ``"collapsed"``: one node with the title and gist
            stands for the premises and intermediate conclusions defined in
            it (its conclusion stays a claim of its own, and objections to
            what it stands for point at the node).
        ids: show claim ids; None (the default) hides them for the print
            theme and worksheets and shows them otherwise.
        sources: show each claim's source badge and the sources in the legend.
        font_size: the body text's size in points (default: the theme's,
            13 pt); small print keeps its proportion to it.
        compact: a denser layout (for pages and wide maps): less space
            between nodes and ranks, wide rows of reasons over two ranks.
        dense: labels for print: badges (basis, source) in small print
            after the claim's text, not in a row above it; less padding.
        direction: ``"up"``: arrows point up, conclusions on top; ``"left"``:
            conclusions on the left, their reasons to the right (a wide
            map drawn taller).
        page: one page of a map split over pages (:class:`PageCut`); made by
            :func:`argmap.render.paper.paginate`.

    Returns:
        The graph; ``.source`` is its DOT text, the same bytes for the same map.

    Raises:
        ViewError: an unknown claim, position or theme, or options that do not fit together.
    """
    with no_gc():  # importing makes many objects: no collection of the map's meanwhile
        from argmap.render.graph import build

    options = RenderOptions(
        theme=theme,
        font=font,
        evaluate=evaluate,
        support=support,
        positions=positions,
        focus=focus,
        depth=depth,
        worksheet=worksheet,
        keep=keep,
        answers=answers,
        group_by=group_by,
        legend=legend,
        wrap=wrap,
        arguments=arguments,
        ids=ids,
        sources=sources,
        font_size=font_size,
        compact=compact,
        dense=dense,
        direction=direction,
        page=page,
    )
    return build(argument_map, options)


def draw(
    argument_map: ArgumentMap,
    format: ImageFormat = "svg",
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    paper: PaperName | None = None,
    landscape: bool | None = None,
    min_font: float = 9.0,
    fit: bool = False,
    **options: Unpack[PageOptions],
) -> bytes:
    """The map drawn as ``format`` (svg, png, pdf or dot), as bytes.

    Options as for :func:`to_graphviz`. With ``paper`` (``a4``, ``a3``,
    ``letter``) the map is laid out on sheets as
    :func:`argmap.render.paper.paginate` says (``landscape``, ``min_font``,
    ``fit``, ``layout``: ``graph``, ``columns`` or ``auto``): a PDF holds every page; SVG and PNG are one sheet, and a map
    that takes several pages raises :class:`ViewError` (use :func:`render`,
    which writes a file per page, or a PDF).

    Raises :class:`GraphvizNotFound` for svg, png and pdf when Graphviz is
    not installed, and :class:`RenderFailed` when ``dot`` fails or exceeds
    ``timeout`` seconds.
    """
    chosen = format_for(None, format)
    if paper is None:
        graph = to_graphviz(argument_map, **options)
        if chosen == "dot":
            return dot_bytes(graph)
        return run_dot(graph.source, chosen, timeout=timeout)
    pages = _sheets(argument_map, chosen, paper, landscape, min_font, fit, timeout, options)
    if len(pages) > 1:
        raise ViewError(f"the map takes {len(pages)} {paper} pages: draw it as PDF, or render() it into one file per page", paper)
    return pages[0]


def _sheets(argument_map, format: str, paper, landscape, min_font, fit, timeout, options) -> list[bytes]:
    """The map on sheets: [one PDF], or an SVG or PNG per page."""
    from argmap.render.paper import paginate

    if format == "dot":
        raise ViewError("paper makes PDF, SVG or PNG pages, not DOT", format)
    pages = paginate(argument_map, paper=paper, landscape=landscape, min_font=min_font, fit=fit, timeout=timeout, **options)
    if format == "pdf":
        return [pages.pdf()]
    return pages.svgs(timeout=timeout) if format == "svg" else pages.pngs(timeout=timeout)


def render(
    argument_map: ArgumentMap,
    path: str | os.PathLike[str],
    format: ImageFormat | None = None,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    paper: PaperName | None = None,
    landscape: bool | None = None,
    min_font: float = 9.0,
    fit: bool = False,
    **options: Unpack[PageOptions],
) -> Path:
    """Draw the map into the file ``path`` and return its path.

    The format is ``format``, else the file's suffix (``.svg``, ``.png``,
    ``.pdf``, ``.dot``). The file is written atomically: when drawing fails,
    an earlier file at ``path`` stays as it was. Options as for
    :func:`to_graphviz`, and ``paper``, ``landscape``, ``min_font``, ``fit``
    as for :func:`draw`: on paper, a map of several pages as SVG or PNG is
    written one file per page, ``name-1.svg``, ``name-2.svg``, ... (the
    first one's path is returned).

    Raises:
        ValueError: an unknown format or suffix (and :class:`ViewError` for bad options).
        GraphvizNotFound: Graphviz's ``dot`` is missing (not for ``.dot``).
        RenderFailed: ``dot`` failed or exceeded ``timeout`` seconds.
    """
    chosen = format_for(path, format)
    if paper is None:
        files = [(Path(path), draw(argument_map, chosen, timeout=timeout, **options))]
    else:
        files = paged_files(Path(path), _sheets(argument_map, chosen, paper, landscape, min_font, fit, timeout, options))
    for target, data in files:
        write_atomically(target, data)
    return files[0][0]


def paged_files(path: Path, pages: list[bytes]) -> list[tuple[Path, bytes]]:
    """Where each page goes: ``path`` for one, ``name-1.svg``, ``name-2.svg``, ... for several."""
    if len(pages) == 1:
        return [(path, pages[0])]
    return [(path.with_name(f"{path.stem}-{i}{path.suffix}"), page) for i, page in enumerate(pages, 1)]
