"""Themes and text: contrast, greys for print, wrapping and escaping."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.render import THEMES, Theme, ViewError, contrast_ratio, to_graphviz
from argmap.render.labels import clean, escape, text_width, wrap
from render_support import everything

#: Every view at once, so that every colour a theme has can show up.
VIEWS = [
    {},
    {"evaluate": "grounded"},
    {"evaluate": "dfquad"},
    {"positions": ["skeptic"]},
    {"positions": ["gierse", "skeptic"]},
    {"focus": "gap", "depth": 1},
    {"worksheet": True, "keep": ["invest"]},
    {"group_by": "source"},
]

COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")


def test_contrast_ratio_matches_wcag():
    """Black on white is 21:1, a colour on itself 1:1, and WCAG's own example grey #767676 on white is 4.54:1."""
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#123456", "#123456") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("fg,bg", THEMES["contrast"].text_pairs())
def test_contrast_theme_text_reaches_4_5_to_1(fg, bg):
    """In the contrast theme every text colour on every fill it can stand on reaches 4.5:1."""
    assert contrast_ratio(fg, bg) >= 4.5


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_theme_keeps_text_readable(name):
    """Even the default and print themes keep text at 4.5:1 or more."""
    assert min(contrast_ratio(fg, bg) for fg, bg in THEMES[name].text_pairs()) >= 4.5


@pytest.mark.parametrize("name", sorted(THEMES))
@pytest.mark.parametrize("view", VIEWS, ids=lambda v: ",".join(v) or "plain")
def test_drawing_uses_only_its_theme_colours(name, view):
    """Every colour in the DOT comes from the theme, so the contrast checks cover the whole picture."""
    source = to_graphviz(everything(), theme=name, **view).source
    used = {c.lower() for c in COLOUR.findall(source)}
    assert used <= THEMES[name].colours()


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: ",".join(v) or "plain")
def test_print_theme_is_greys_only(view):
    """The print theme's DOT has no colour that is not a grey."""
    source = to_graphviz(everything(), theme="print", **view).source
    for colour in COLOUR.findall(source):
        r, g, b = colour[1:3], colour[3:5], colour[5:7]
        assert r == g == b, colour
    assert not re.search(r'color="?(?!#)[a-z]', source)


def test_contrast_theme_is_larger_and_thicker():
    """The contrast theme uses larger type and thicker lines than the default."""
    assert THEMES["contrast"].fontsize > THEMES["default"].fontsize
    assert THEMES["contrast"].penwidth > THEMES["default"].penwidth


def test_unknown_theme_is_a_view_error():
    """Themes are default, print and contrast."""
    with pytest.raises(ViewError, match="unknown theme"):
        to_graphviz(everything(), theme="neon")


def test_a_theme_object_can_be_passed():
    """A Theme of one's own works like a named one."""
    from attrs import evolve

    mine = evolve(THEMES["default"], name="mine", support="#0000ff")
    assert isinstance(mine, Theme)
    assert 'color="#0000ff"' in to_graphviz(everything(), theme=mine).source


def test_theme_rejects_colours_it_cannot_check():
    """Theme colours must be #rrggbb, so that contrast can be computed."""
    from attrs import evolve

    with pytest.raises(ValueError, match="#rrggbb"):
        evolve(THEMES["default"], text="black")


# -- text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("a & b", "a &amp; b"),
        ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
        ('say "hi"', "say &quot;hi&quot;"),
        ("it's", "it&#39;s"),
        ("back\\slash \\N \\\\", "back\\\u2060slash \\\u2060N \\\u2060\\\u2060"),
        ("{braces} | [brackets]", "{braces} | [brackets]"),
        ("line\nbreak\ttab", "line break tab"),
        ("bell\x07 nul\x00 esc\x1b del\x7f", "bell\ufffd nul\ufffd esc\ufffd del\ufffd"),
        ("umlauts äöü ß, 中文, русский", "umlauts äöü ß, 中文, русский"),
    ],
)
def test_escape(text, expected):
    """Escaping turns markup characters into entities and control characters into U+FFFD."""
    assert escape(text) == expected


@given(st.text())
def test_escaped_text_has_no_markup_left(text):
    """Whatever the text, its escaped form has no < > or " and no control characters."""
    escaped = escape(text)
    assert not set(escaped) & set('<>"\'')
    assert all(ord(ch) >= 0x20 and not 0x7F <= ord(ch) <= 0x9F for ch in escaped)
    assert all(part.split(";")[0] in ("amp", "lt", "gt", "quot", "#39") for part in escaped.split("&")[1:])
    assert all(after == "\u2060" for before, after in zip(escaped, escaped[1:]) if before == "\\")
    assert not escaped.endswith("\\")


@given(st.text(min_size=1), st.integers(min_value=8, max_value=60))
def test_wrap_keeps_every_character_and_the_width(text, width):
    """Wrapping loses no character (spaces aside) and no line is wider than the width."""
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == clean(text).replace(" ", "")
    for line in lines:
        assert sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) <= width


def test_wrap_counts_wide_characters_twice():
    """Chinese text without spaces is cut every 16 characters at width 32."""
    assert [len(line) for line in wrap("中" * 40, 32)] == [16, 16, 8]


def test_wrap_breaks_long_words():
    """A URL longer than a line is cut where the line is full."""
    assert wrap("see https://example.org/" + "x" * 40, 20) == ["see", "https://example.org/", "x" * 20, "x" * 20]


def test_text_width_estimates_dejavu_sans():
    """Wide letters take more room than narrow ones; wide characters a full em."""
    assert text_width("WWW", 10) > text_width("iii", 10) * 3
    assert text_width("中", 10) == pytest.approx(10)
