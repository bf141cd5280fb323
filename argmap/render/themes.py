"""Colour themes: every colour, font and line width a drawing uses.

The drawing takes each colour from its :class:`Theme`, never from anywhere
else, so a theme fully decides how a map looks:

- ``default``: colour, the relation colours teachers know from Rationale and
  MindMup (supports green, rebuttals red, undercuts orange);
- ``print``: greys only, for black-and-white printers; every relation is
  still told apart by its line style and arrowhead;
- ``contrast``: larger type, thicker lines, and text on every fill at a
  WCAG contrast ratio of at least 4.5:1.
"""

from __future__ import annotations

import math
import re
import unicodedata

from attrs import evolve, field, fields, frozen

from argmap.errors import OptionError

__all__ = ["Theme", "THEMES", "theme_named", "contrast_ratio", "check_font", "DEFAULT_FONT"]

#: Covers Latin (umlauts, ß), Greek, Cyrillic, Hebrew, Arabic, Armenian and
#: Georgian, and every symbol the drawing uses. Debian: fonts-dejavu-core.
#: Other scripts (Chinese, Japanese, Korean, ...) come from fontconfig's
#: fallback when a font for them is installed (fonts-droid-fallback).
DEFAULT_FONT = "DejaVu Sans"

_HEX = re.compile(r"#[0-9a-f]{6}\Z")


def _colour(instance, attribute, value):
    if not _HEX.match(value):
        raise ValueError(f"{attribute.name} must be a colour written #rrggbb in lower case, not {value!r}")


def _c():
    return field(validator=_colour)


def check_font(font) -> str:
    """``font`` when it can be a font family's name; raises ValueError when it
    is not a string, is empty or blank, or holds a control character or a line
    break (which no font name has, and which only serve to break the DOT).

    >>> check_font("DejaVu Serif")
    'DejaVu Serif'
    """
    if not isinstance(font, str):
        raise ValueError(f"a font must be a font family's name, not {font!r}")
    if not font.strip():
        raise ValueError("a font name cannot be empty")
    for ch in font:
        if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp"):
            raise ValueError(f"a font name cannot hold control characters or line breaks: {font!r}")
    if len(font) > 200:
        raise ValueError(f"a font name has at most 200 characters, not {len(font)}")
    return font


def _font(instance, attribute, value):
    check_font(value)


def _size(instance, attribute, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or not 0 < value <= 1000:
        raise ValueError(f"{attribute.name} must be a number above 0 (at most 1000), not {value!r}")


@frozen
class Theme:
    """How a drawing looks. Colours are ``#rrggbb``.

    Text colours (``text``, ``muted``, ``rejected_text``) appear on the
    fills (``background``, the ``*_fill`` colours); :meth:`text_pairs`
    lists every such pair the drawing can produce.
    """

    name: str
    background: str = _c()
    text: str = _c()
    #: Small print: ids, basis labels, numbers.
    muted: str = _c()
    claim_fill: str = _c()
    claim_border: str = _c()
    implicit_fill: str = _c()
    badge_fill: str = _c()
    badge_border: str = _c()
    support: str = _c()
    rebuttal: str = _c()
    undercut: str = _c()
    contradiction: str = _c()
    accepted_fill: str = _c()
    rejected_fill: str = _c()
    undecided_fill: str = _c()
    #: What a position rejects: greyed out (and struck through).
    rejected_text: str = _c()
    position_rejected_fill: str = _c()
    #: The strength bar of DF-QuAD: the strong part and the rest.
    bar: str = _c()
    bar_rest: str = _c()
    cluster_fill: str = _c()
    cluster_border: str = _c()
    legend_fill: str = _c()
    focus_border: str = _c()
    font: str = field(default=DEFAULT_FONT, validator=_font)
    fontsize: float = field(default=13.0, validator=_size)
    small_fontsize: float = field(default=9.5, validator=_size)
    penwidth: float = field(default=1.2, validator=_size)
    #: An argument's box (expanded) or node (collapsed): fill and border.
    argument_fill: str = field(default="#fbf5e9", validator=_colour)
    argument_border: str = field(default="#8d6e63", validator=_colour)
    #: An accepted claim that nothing attacks and nothing supports: a paler
    #: fill than ``accepted_fill`` and a dotted border (which tells it apart
    #: in black and white too).
    unchallenged_fill: str = field(default="#f1f8f1", validator=_colour)

    def text_pairs(self) -> list[tuple[str, str]]:
        """Every (text colour, fill colour) pair the drawing can show."""
        fills = [
            self.background,
            self.claim_fill,
            self.implicit_fill,
            self.badge_fill,
            self.accepted_fill,
            self.rejected_fill,
            self.undecided_fill,
            self.unchallenged_fill,
            self.position_rejected_fill,
            self.cluster_fill,
            self.legend_fill,
            self.argument_fill,
        ]
        pairs = [(fg, bg) for fg in (self.text, self.muted) for bg in fills]
        pairs.append((self.rejected_text, self.position_rejected_fill))
        return pairs

    def colours(self) -> set[str]:
        """Every colour of the theme."""
        return {getattr(self, f.name) for f in fields(Theme) if f.validator is _colour}

    def with_font(self, font: str | None) -> Theme:
        """The same theme with another font (None keeps this one).

        Raises ValueError for a name no font can have (see :func:`check_font`).
        """
        return self if font is None else evolve(self, font=font)

    def with_font_size(self, size: float) -> Theme:
        """The same theme with body text of ``size`` points; small print
        (ids, badges, the legend) keeps its proportion to it."""
        return evolve(self, fontsize=size, small_fontsize=round(size * self.small_fontsize / self.fontsize, 2))


DEFAULT = Theme(
    name="default",
    background="#ffffff",
    text="#1a1a1a",
    muted="#4f4f4f",
    claim_fill="#fffdf7",
    claim_border="#5b5b5b",
    implicit_fill="#f2f2f2",
    badge_fill="#e1ecf7",
    badge_border="#7d9bbf",
    support="#2e7d32",
    rebuttal="#c62828",
    undercut="#e65100",
    contradiction="#c62828",
    accepted_fill="#c8e6c9",
    rejected_fill="#ffcdd2",
    undecided_fill="#fff3c4",
    rejected_text="#5e5e5e",
    position_rejected_fill="#ececec",
    bar="#2e7d32",
    bar_rest="#dcdcdc",
    cluster_fill="#f4f7fb",
    cluster_border="#9fb3c8",
    legend_fill="#fafafa",
    focus_border="#1565c0",
)

PRINT = Theme(
    name="print",
    background="#ffffff",
    text="#000000",
    muted="#333333",
    claim_fill="#ffffff",
    claim_border="#000000",
    implicit_fill="#ffffff",
    badge_fill="#e8e8e8",
    badge_border="#555555",
    support="#000000",
    rebuttal="#000000",
    undercut="#000000",
    contradiction="#000000",
    accepted_fill="#ffffff",
    rejected_fill="#c4c4c4",
    undecided_fill="#e8e8e8",
    rejected_text="#4d4d4d",
    position_rejected_fill="#e8e8e8",
    bar="#000000",
    bar_rest="#d0d0d0",
    cluster_fill="#f4f4f4",
    cluster_border="#777777",
    legend_fill="#ffffff",
    focus_border="#000000",
    argument_fill="#ffffff",
    argument_border="#000000",
    unchallenged_fill="#ffffff",
)

CONTRAST = Theme(
    name="contrast",
    background="#ffffff",
    text="#000000",
    muted="#2b2b2b",
    claim_fill="#ffffff",
    claim_border="#000000",
    implicit_fill="#f0f0f0",
    badge_fill="#dbe9ff",
    badge_border="#003c8f",
    support="#00632b",
    rebuttal="#b00020",
    undercut="#9a4100",
    contradiction="#b00020",
    accepted_fill="#bff0c8",
    rejected_fill="#ffd0d6",
    undecided_fill="#fff0a8",
    rejected_text="#3d3d3d",
    position_rejected_fill="#e6e6e6",
    bar="#00632b",
    bar_rest="#cccccc",
    cluster_fill="#f2f6ff",
    cluster_border="#003c8f",
    legend_fill="#ffffff",
    focus_border="#003c8f",
    argument_fill="#fff3dc",
    argument_border="#5d4037",
    unchallenged_fill="#effaf1",
    fontsize=15.0,
    small_fontsize=11.5,
    penwidth=2.0,
)

#: The themes ``--theme`` offers, by name.
THEMES: dict[str, Theme] = {t.name: t for t in (DEFAULT, PRINT, CONTRAST)}


def theme_named(theme: str | Theme) -> Theme:
    """A theme given by name or as a :class:`Theme`.

    Raises :class:`argmap.errors.OptionError` (a ValueError) for an unknown name.
    """
    if isinstance(theme, Theme):
        return theme
    try:
        return THEMES[theme]
    except KeyError:
        raise OptionError(f"unknown theme {theme!r}; use one of {', '.join(THEMES)}") from None


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG 2 contrast ratio of two ``#rrggbb`` colours, from 1 to 21.

    >>> round(contrast_ratio("#000000", "#ffffff"), 1)
    21.0
    >>> contrast_ratio("#777777", "#777777")
    1.0
    """
    a, b = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)
