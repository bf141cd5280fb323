"""Text in a drawing: cleaning, escaping and wrapping.

Every piece of text a user wrote reaches Graphviz only through
:func:`escape`, inside an HTML-like label (``<...>``). There ``&``, ``<``,
``>``, ``"`` and ``'`` become entities and characters XML cannot hold
become U+FFFD, so no claim text can add a DOT attribute, an HTML tag or SVG
markup. One more rule: Graphviz replaces ``\\N``, ``\\G`` and ``\\\\`` in
label text even after decoding entities, so every backslash is followed by
an invisible WORD JOINER (U+2060), which no escape sequence starts with.
Record fields (``{``, ``|``) mean nothing in HTML-like labels.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["clean", "escape", "wrap", "wrapped", "html_label", "text_width", "WRAP_WIDTH", "WORD_JOINER"]

#: Characters per line of a claim's text (wide characters count twice).
WRAP_WIDTH = 32

#: Follows every backslash, so that Graphviz sees no escape sequence (\\N, \\G, \\\\).
WORD_JOINER = "\u2060"

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\\": "\\" + WORD_JOINER}


_SPECIAL = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")


def _entities(text: str) -> str:
    """``text`` with the characters of :data:`_ENTITIES` replaced: a replace
    per character (``&`` first) is many times faster than ``str.translate``
    on text that is not ASCII."""
    if not _SPECIAL.search(text):
        return text  # most text: one search
    for ch, entity in _ENTITIES.items():
        if ch in text:
            text = text.replace(ch, entity)
    return text


# What XML 1.0 (and so SVG) cannot hold: the characters _allowed refuses.
_NOT_ALLOWED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _allowed(ch: str) -> bool:
    """True when XML 1.0 (and so SVG) can hold ``ch``."""
    code = ord(ch)
    if code < 0x20:
        return False
    if 0x7F <= code <= 0x9F:  # DEL and the C1 controls
        return False
    if 0xD800 <= code <= 0xDFFF:  # lone surrogates
        return False
    return code not in (0xFFFE, 0xFFFF)


def clean(text: str) -> str:
    """``text`` on one line: white space runs made one space, control
    characters (which SVG cannot hold) made U+FFFD.

    >>> clean("a\\n  b\\x00c")
    'a b\\ufffdc'
    """
    # Printable text has no white space but the space, and nothing XML
    # refuses: clean already unless spaces lead, trail or come in twos.
    if text.isprintable() and text[:1] != " " and text[-1:] != " " and "  " not in text:
        return text
    return _NOT_ALLOWED.sub("\ufffd", " ".join(text.split()))


def escape(text: str) -> str:
    """``text`` cleaned and escaped for an HTML-like label.

    >>> escape('<b onload="x">&{}')
    '&lt;b onload=&quot;x&quot;&gt;&amp;{}'
    >>> escape("\\\\N") == "\\\\" + WORD_JOINER + "N"
    True
    """
    return _entities(clean(text))


# From the first code point _width counts as two columns (U+0378,
# unassigned, as are all wide ones before U+1100) on: text without these
# characters has a column per character. (Written as the complement of the
# narrow range: the class up to U+10FFFF takes 3 ms to compile.)
_MAYBE_WIDE = re.compile("[^\x00-\u0377]")


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


@lru_cache(maxsize=1 << 16)
def _word_width(word: str) -> int:
    """The columns of a word that is not ASCII, measured once per distinct
    word: words repeat, so a map's labels cost a look-up per word."""
    return sum(_width(ch) for ch in word)


def wrap(text: str, width: int = WRAP_WIDTH) -> list[str]:
    """``text`` cleaned and broken into lines of at most ``width`` columns.

    Lines break at spaces; a word longer than a line (a URL, or Chinese
    text without spaces) is cut where the line is full. East Asian wide
    characters take two columns. Text whose characters are all one column
    wide is broken a line at a time (at the last space that fits); other
    text word by word, a word measured by a look-up (its length when it is
    ASCII, else a cache of widths), and the characters of a word longer
    than a line each once, so the time grows linearly with the text,
    however long its words.

    >>> wrap("Europa muss massiv in eigene KI-Infrastruktur investieren.", 32)
    ['Europa muss massiv in eigene', 'KI-Infrastruktur investieren.']
    """
    text = clean(text)
    # Text where every character takes one column (most Latin-script text)
    # is broken a line at a time, at the last space that fits.
    if text.isascii() or not _MAYBE_WIDE.search(text):
        lines = _narrow_lines(text, width)
        if lines is not None:
            return lines
    lines = []
    line: list[str] = []  # the words of the line being filled
    used = 0  # its width, with one column per space between its words
    for word in text.split(" "):
        if not word:
            continue
        if len(word) > width:
            size = width + 1  # longer than a line, whatever its characters
        else:
            # An ASCII word has a column per character: nothing to measure.
            size = len(word) if word.isascii() else _word_width(word)
        if line and used + 1 + size <= width:
            line.append(word)
            used += 1 + size
            continue
        if line:
            lines.append(" ".join(line))
        if size > width:
            word, size = _cut(word, width, lines)
        line, used = [word], size
    if line:
        lines.append(" ".join(line))
    return lines


def _narrow_lines(text: str, width: int) -> list[str] | None:
    """:func:`wrap` for clean text whose characters are one column each;
    None when a word is longer than a line."""
    lines = []
    start, end = 0, len(text)
    while end - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        if cut <= start:
            return None
        lines.append(text[start:cut])
        start = cut + 1
    if start < end:
        lines.append(text[start:])
    return lines


def wrapped(text: str, width: int = WRAP_WIDTH) -> str:
    """``text`` wrapped and escaped for an HTML-like label, its lines joined by ``<BR/>``.

    >>> wrapped("Tom & Jerry laufen <weg>", 12)
    'Tom &amp; Jerry<BR/>laufen &lt;weg&gt;'
    """
    lines = wrap(text, width)
    if _SPECIAL.search(text) is None:
        return "<BR/>".join(lines)  # most text: nothing to escape (cleaning adds nothing to)
    # Wrapped lines are clean already (and hold no line break): escaping
    # them all at once is escaping each.
    return _entities("\n".join(lines)).replace("\n", "<BR/>")


def _cut(word: str, width: int, lines: list[str]) -> tuple[str, int]:
    """Cut a word longer than a line into full lines (appended to
    ``lines``); return the rest and its width."""
    if word.isascii():
        width = max(1, width)  # a line holds at least one character
        cut = len(word) - (len(word) - 1) % width - 1
        lines.extend(word[i : i + width] for i in range(0, cut, width))
        return word[cut:], len(word) - cut
    start, size = 0, 0
    for i, ch in enumerate(word):
        w = _width(ch)
        if size + w > width and i > start:
            lines.append(word[start:i])
            start, size = i, 0
        size += w
    return word[start:], size


# Advance widths of DejaVu Sans in em, as Graphviz measures them; other
# characters count as 0.62 em (2 for East Asian wide ones).
_EM = {}
for _width_em, _chars in (
    (0.28, "ijl'"), (0.3, "IJ"), (0.32, ",. "), (0.34, "/:;\\|"), (0.36, "f"), (0.37, "-"),
    (0.4, "t!()[]"), (0.42, "r"), (0.46, '"'), (0.51, "*_`"), (0.52, "s"), (0.53, "z"),
    (0.54, "?"), (0.55, "c"), (0.56, "L"), (0.58, "kF"), (0.6, "vxy"), (0.61, "PTY"),
    (0.62, "aeo"), (0.64, "0123456789bdghnpquES${}"), (0.66, "K"), (0.69, "ABVXZ"),
    (0.7, "CR"), (0.74, "U"), (0.76, "HN"), (0.78, "DG"), (0.79, "OQ&"), (0.82, "w"),
    (0.85, "#+<=>^~"), (0.87, "M"), (0.96, "%"), (0.98, "m"), (1.0, "W@"),
):
    _EM.update(dict.fromkeys(_chars, _width_em))


def text_width(text: str, size: float) -> float:
    """About how wide ``text`` is in points at font size ``size`` (exact
    enough for DejaVu Sans, an estimate for other fonts)."""
    return size * sum(_EM.get(ch, 1.0 if _width(ch) == 2 else 0.62) for ch in text)


def html_label(markup: str) -> str:
    """An HTML-like label for the graphviz package: ``markup`` in angle brackets."""
    return f"<{markup}>"
