"""What a line of a map's text is, for every place that counts lines or shows one.

The language breaks lines at LF only: CRLF is an LF with a CR before it,
and every other character that :meth:`str.splitlines` takes for a line
break (a lone CR, VT, FF, the separators U+001C to U+001E, NEL U+0085,
LINE SEPARATOR U+2028, PARAGRAPH SEPARATOR U+2029) is an ordinary
character of the line it stands in. Text pasted from PDFs holds such
characters, so line numbers agree with the parser's only when nothing
splits a map's text with ``splitlines``: :class:`SourceLines` splits it
the parser's way, once, and :func:`visible` shows a line on one line.
"""

from __future__ import annotations

import re
from array import array

__all__ = ["FALSE_LINE_BREAKS", "SourceLines", "visible"]

_LINE_FEED = re.compile("\n")
_end = re.Match.end

#: Characters that ``str.splitlines`` breaks lines at and argmap does not.
FALSE_LINE_BREAKS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


class SourceLines:
    """The lines of one text, found once; any line by its number in constant time.

    A byte-order mark at the start is not part of line 1 (the parser never
    sees it), so columns count as the parser's do.

    >>> lines = SourceLines("claim a: A\\fB\\r\\nclaim b: C\\n")
    >>> len(lines), lines.line(1), lines.line(2), lines.line(3)
    (3, 'claim a: A\\x0cB', 'claim b: C', '')
    """

    __slots__ = ("text", "starts")

    def __init__(self, text: str):
        self.text = text
        #: Offset of the first character of each line (line 1 is ``starts[0]``),
        #: 8 bytes a line (a map of a million claims has millions of lines).
        #: (Found one line feed at a time: no list of all the lines is made.)
        self.starts = array("q", [1 if text.startswith("\ufeff") else 0])
        self.starts.extend(map(_end, _LINE_FEED.finditer(text)))

    def __len__(self) -> int:
        return len(self.starts)

    def bounds(self, number: int) -> tuple[int, int]:
        """Offsets of the first character of line ``number`` (1-based) and
        just after its last one (the line break and a CR before it excluded)."""
        start = self.starts[number - 1]
        stop = self.starts[number] - 1 if number < len(self.starts) else len(self.text)
        if stop > start and self.text[stop - 1] == "\r" and number < len(self.starts):
            stop -= 1
        return start, stop

    def raw(self, number: int) -> str:
        """Line ``number`` (1-based) without its line feed, but with a CR before it, if any."""
        start = self.starts[number - 1]
        return self.text[start : self.starts[number] - 1] if number < len(self.starts) else self.text[start:]

    def line(self, number: int) -> str:
        """Line ``number`` (1-based) without its line break."""
        start, stop = self.bounds(number)
        return self.text[start:stop]


def _visible_table() -> dict[int, str]:
    table = {code: chr(0x2400 + code) for code in range(0x20)}  # ␀ … ␟
    table[ord("\t")] = " "
    table[0x7F] = "\u2421"  # ␡
    table.update({code: "\ufffd" for code in range(0x80, 0xA0)})
    for ch in "\x85\u2028\u2029":
        table[ord(ch)] = "\u2424"  # ␤
    # Bidirectional embeddings, overrides and isolates reorder what a terminal
    # shows; a zero-width space, word joiner, byte-order mark or soft hyphen
    # would take no column.
    invisible = (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x2060, 0xFEFF, 0xAD)
    table.update({code: "\ufffd" for code in invisible})
    return table


_VISIBLE = _visible_table()
#: Finds a character :data:`_VISIBLE` replaces (most lines have none).
_INVISIBLE = re.compile("[" + "".join(map(re.escape, map(chr, sorted(_VISIBLE)))) + "]")


def visible(text: str) -> str:
    """``text`` with every character that would break or garble a printed
    line or take no column (control characters, line and paragraph
    separators, bidirectional overrides, zero-width characters) replaced by
    one visible character, so that columns still count.

    >>> visible("a\\fb\\u2028c\\td")
    'a␌b␤c d'
    """
    return text.translate(_VISIBLE) if _INVISIBLE.search(text) else text
