"""The keyword options of the drawing functions, as typed dictionaries.

:func:`argmap.render.to_graphviz` spells its options out;
:meth:`argmap.ArgumentMap.to_graphviz`, :func:`argmap.render.draw`,
:func:`argmap.render` and :func:`argmap.render.paper.paginate` pass them on
as ``**options``, typed with these dictionaries (``Unpack``), so a type
checker knows every name and value there too. docs/rendering.md says what
each option does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TypedDict

from argmap.types import ArgumentView, Direction, GroupBy, LegendPlace, PaperLayout, SemanticsName, SupportMode, ThemeName

if TYPE_CHECKING:
    from argmap.render.options import PageCut
    from argmap.render.themes import Theme
    from argmap.semantics import Evaluation

__all__ = ["GraphOptions", "PageOptions"]


class GraphOptions(TypedDict, total=False):
    """What :func:`argmap.render.to_graphviz` takes besides the map."""

    theme: ThemeName | Theme
    font: str | None
    evaluate: SemanticsName | Evaluation | None
    support: SupportMode
    positions: str | Iterable[str]
    focus: str | None
    depth: int | None
    worksheet: bool
    keep: str | Iterable[str]
    answers: bool
    group_by: GroupBy | None
    legend: bool | LegendPlace
    wrap: int
    arguments: ArgumentView
    ids: bool | None
    sources: bool
    font_size: float | None
    compact: bool
    dense: bool
    direction: Direction
    page: PageCut | None


class PageOptions(GraphOptions, total=False):
    """What :func:`argmap.render` and :func:`argmap.render.draw` take besides
    their own arguments: the drawing options and, on paper, the layout."""

    layout: PaperLayout
