"""The options of a drawing, checked once, as one immutable value."""

from __future__ import annotations

from typing import Any

from attrs import field, frozen

from argmap.render.labels import WRAP_WIDTH
from argmap.render.themes import Theme, check_font, theme_named

__all__ = ["RenderOptions", "ViewError", "GROUP_BY", "SUPPORT_MODES", "SEMANTICS", "ARGUMENT_VIEWS"]

GROUP_BY = ("group", "source", "tag")
SUPPORT_MODES = ("none", "deductive", "necessary")
SEMANTICS = ("grounded", "complete", "preferred", "stable", "dfquad")
#: How arguments are drawn: a box holding their premises and conclusions, or one node each.
ARGUMENT_VIEWS = ("expanded", "collapsed")

#: How many steps ``focus`` reaches when no ``depth`` is given.
DEFAULT_DEPTH = 2


class ViewError(ValueError):
    """A view asks for something the map does not have (an unknown claim or
    position, a bad depth). ``name`` is the offending value."""

    def __init__(self, message: str, name: Any = None):
        super().__init__(message)
        self.name = name


def _ids(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return tuple(value)


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
    legend: bool = True
    wrap: int = WRAP_WIDTH
    arguments: str = "expanded"

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
        if not isinstance(self.wrap, int) or self.wrap < 8:
            raise ViewError(f"wrap must be at least 8 characters, not {self.wrap!r}", self.wrap)

    @property
    def numbered(self) -> bool:
        """True for a worksheet and for its answer key."""
        return self.worksheet or self.answers

    @property
    def the_theme(self) -> Theme:
        """The theme with the chosen font."""
        return self.theme.with_font(self.font)
