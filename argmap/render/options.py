"""The options of a drawing, checked once, as one immutable value."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, get_args

from attrs import field, frozen

from argmap.errors import OptionError
from argmap.render.labels import WRAP_WIDTH
from argmap.render.themes import Theme, check_font, theme_named
from argmap.types import SemanticsName, SupportMode

__all__ = ["RenderOptions", "ViewError", "PageCut", "GROUP_BY", "SUPPORT_MODES", "SEMANTICS", "ARGUMENT_VIEWS", "LEGEND_PLACES", "DIRECTIONS"]

#: Every semantics evaluate() knows, DF-QuAD included, and the support modes
#: (from the types, so that drawing does not import argmap.semantics).
SEMANTICS: tuple[str, ...] = get_args(SemanticsName)
SUPPORT_MODES: tuple[str, ...] = get_args(SupportMode)

GROUP_BY = ("group", "source", "tag")
#: How arguments are drawn: a box holding their premises and conclusions, or one node each.
ARGUMENT_VIEWS = ("expanded", "collapsed")

#: Where the legend stands: ``auto`` (below a small map, beside a large one), ``below``, ``beside``, or ``none``.
LEGEND_PLACES = ("auto", "below", "beside", "none")

#: Where arrows point: up (conclusions on top) or left (conclusions on the left).
DIRECTIONS = ("up", "left")

#: How many steps ``focus`` reaches when no ``depth`` is given.
DEFAULT_DEPTH = 2


class ViewError(OptionError):
    """A view asks for something the map does not have (an unknown claim or
    position, a bad depth). ``name`` is the offending value."""

    def __init__(self, message: str, name: object = None):
        super().__init__(message)
        self.name = name


def _ids(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return tuple(value)


def _legend(value) -> str:
    # True and False stay accepted: legend=False was the way to leave it out.
    if value is True:
        return "auto"
    if value is False or value is None:
        return "none"
    return value


def _font_size(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 4 <= value <= 72:
        raise ViewError(f"the font size must be a number of points from 4 to 72, not {value!r}", value)
    return float(value)


def _frozen(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


@frozen
class PageCut:
    """One page of a map split over several pages (see :mod:`argmap.render.paper`).

    ``claims`` are drawn on this page; a claim in ``elsewhere`` is drawn as a
    small node that names the page it is on, where a relation crosses the cut.
    """

    claims: frozenset[str] = field(converter=_frozen)
    elsewhere: Mapping[str, int] = field(factory=dict)
    number: int = 1
    count: int = 1
    #: Whether this page has the legend (of what every page uses).
    legend: bool = False
    #: The legend's columns side by side.
    legend_columns: int = 1


def _theme(value) -> Theme:
    try:
        return theme_named(value)
    except ValueError as exc:
        raise ViewError(str(exc), value) from None


@frozen
class RenderOptions:
    """Everything :func:`argmap.render.to_graphviz` accepts besides the map."""

    theme: Theme = field(default="default", converter=_theme)
    font: str | None = None
    #: A semantics name, or an evaluation result with ``.status`` (and ``.strengths``).
    evaluate: Any = None
    support: str = "none"
    positions: tuple[str, ...] = field(default=(), converter=_ids)
    focus: str | None = None
    depth: int | None = None
    worksheet: bool = False
    keep: tuple[str, ...] = field(default=(), converter=_ids)
    answers: bool = False
    group_by: str | None = "group"
    #: ``auto``, ``below``, ``beside`` or ``none`` (True means ``auto``, False ``none``).
    legend: str = field(default="auto", converter=_legend)
    wrap: int = WRAP_WIDTH
    arguments: str = "expanded"
    #: Show claim ids; None: not for the print theme and worksheets, else yes.
    ids: bool | None = None
    #: Show each claim's source badge (and the sources in the legend).
    sources: bool = True
    #: The body text's size in points (None: the theme's); small print scales with it.
    font_size: float | None = field(default=None, converter=_font_size)
    #: A denser layout for pages and wide maps: less space between nodes and
    #: ranks, and wide rows of reasons staggered over two ranks.
    compact: bool = False
    #: Labels for print: a claim's badges (basis, source) in small print
    #: after its text instead of a row of their own, and tighter padding.
    dense: bool = False
    #: Where arrows point: ``up`` (reasons below their claim) or ``left``
    #: (reasons to the right of it: a wide map becomes a taller one).
    direction: str = "up"
    #: Set when the map is drawn over several pages: what this page holds.
    page: PageCut | None = None

    def __attrs_post_init__(self):
        if self.support not in SUPPORT_MODES:
            raise ViewError(f"unknown support mode {self.support!r}; use one of {', '.join(SUPPORT_MODES)}", self.support)
        if isinstance(self.evaluate, str) and self.evaluate not in SEMANTICS:
            raise ViewError(f"unknown semantics {self.evaluate!r}; use one of {', '.join(SEMANTICS)}", self.evaluate)
        if self.group_by not in (None, *GROUP_BY):
            raise ViewError(f"cannot group by {self.group_by!r}; use one of {', '.join(GROUP_BY)} or None", self.group_by)
        if self.depth is not None and (not isinstance(self.depth, int) or self.depth < 0):
            raise ViewError(f"depth must be a whole number of steps, 0 or more, not {self.depth!r}", self.depth)
        if self.depth is not None and self.focus is None:
            raise ViewError("depth needs focus: the claim the steps are counted from", self.depth)
        if self.keep and not self.numbered:
            raise ViewError("keep is for worksheets: add worksheet=True (--worksheet)", self.keep)
        if self.font is not None:
            try:
                check_font(self.font)
            except ValueError as exc:
                raise ViewError(str(exc), self.font) from None
        if self.arguments not in ARGUMENT_VIEWS:
            raise ViewError(f"cannot draw arguments {self.arguments!r}; use one of {', '.join(ARGUMENT_VIEWS)}", self.arguments)
        if self.direction not in DIRECTIONS:
            raise ViewError(f"cannot draw arrows pointing {self.direction!r}; use one of {', '.join(DIRECTIONS)}", self.direction)
        if self.legend not in LEGEND_PLACES:
            raise ViewError(f"cannot place the legend {self.legend!r}; use one of {', '.join(LEGEND_PLACES)}", self.legend)
        for name in ("ids", "sources", "compact", "dense"):
            value = getattr(self, name)
            if not isinstance(value, bool) and not (name == "ids" and value is None):
                raise ViewError(f"{name} must be True or False, not {value!r}", value)
        if self.page is not None and not isinstance(self.page, PageCut):
            raise ViewError(f"page must be a PageCut, not {self.page!r}", self.page)
        if not isinstance(self.wrap, int) or self.wrap < 8:
            raise ViewError(f"wrap must be at least 8 characters, not {self.wrap!r}", self.wrap)

    @property
    def numbered(self) -> bool:
        """True for a worksheet and for its answer key."""
        return self.worksheet or self.answers

    @property
    def show_ids(self) -> bool:
        """Whether claim ids are drawn: ``ids``, else not for print and worksheets."""
        if self.ids is not None:
            return self.ids
        return not (self.theme.name == "print" or self.numbered)

    @property
    def the_theme(self) -> Theme:
        """The theme with the chosen font and font size."""
        theme = self.theme.with_font(self.font)
        if self.font_size is not None:
            theme = theme.with_font_size(self.font_size)
        return theme
