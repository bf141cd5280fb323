"""Reading argmap text: bytes → text → lines (lark) → the model.

Nothing here raises on bad input: every problem becomes a diagnostic.
"""

from __future__ import annotations

import functools
import gc
import re

from argmap._linebreaks import SourceLines
from argmap._i18n import N_
from argmap._nogc import no_gc
from argmap.diagnostics import Diagnostic, error, warning
from argmap.model import ArgumentMap, Span
from argmap.syntax.assemble import assemble
from argmap.syntax.parser import iter_lines

__all__ = ["decode", "read_text"]

_BOM = "\ufeff"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SAVE_AS_UTF8 = N_("save the file as UTF-8 (in most editors: Save As… → Encoding: UTF-8)")


def decode(data: bytes, filename: str | None) -> tuple[str, list[Diagnostic]]:
    """UTF-8 bytes to text. Invalid bytes are reported; a file that holds
    no UTF-8 at all is read in the single-byte encoding it most likely has
    (Windows-1252 for most), one that is partly UTF-8 with the bad bytes
    replaced, so that the rest of the file can still be checked."""
    diagnostics: list[Diagnostic] = []
    if data[:2] in _UTF16_BOMS or 0 in data[:4096]:
        from argmap._encodings import utf16_codec

        codec = utf16_codec(data)
        if codec is not None:
            # Windows' "Unicode": read as such, and reported, as a file in Windows-1252 is.
            text = data.decode(codec, errors="replace").removeprefix(_BOM)
            diagnostics.append(
                error(
                    "E001",
                    "the file is saved as UTF-16, not UTF-8; argmap read it as UTF-16",
                    Span(filename, 1, 1, 1, 2),
                    _SAVE_AS_UTF8,
                )
            )
            return text, diagnostics
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8", errors="replace")
        # Lines and columns as the parser counts them: at line feeds only, without a byte-order mark.
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1 - (line == 1 and good.startswith(_BOM))
        span = Span(filename, line, column, line, column + 1)
        hint = _SAVE_AS_UTF8
        byte, offset = f"{data[exc.start]:02x}", exc.start
        if _UTF8_SEQUENCE.search(data):
            # Part of it is UTF-8: a single-byte reading would garble that part.
            text = data.decode("utf-8", errors="replace")
            diagnostics.append(
                error(
                    "E001", "the file is not valid UTF-8 (byte 0x{byte} at offset {offset})", span, hint, byte=byte, offset=offset
                )
            )
        else:
            from argmap._encodings import ENCODING_NAMES, guess_single_byte

            text, codec = guess_single_byte(data)
            diagnostics.append(
                error(
                    "E001",
                    "the file is not valid UTF-8 (byte 0x{byte} at offset {offset}): it looks like {encoding},"
                    " and argmap read it so",
                    span,
                    hint,
                    encoding=ENCODING_NAMES[codec],
                    byte=byte,
                    offset=offset,
                )
            )
    return text, diagnostics


#: A character of more than one byte in UTF-8.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def read_text(text: str, filename: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Parse argmap ``text``; returns the map (built from whatever parsed) and the diagnostics."""
    diagnostics: list[Diagnostic] = []
    if text.startswith(_BOM):
        text = text[1:]
        diagnostics.append(
            warning(
                "W003",
                "the file starts with a byte-order mark; argmap ignored it",
                Span(filename, 1, 1, 1, 2),
                "save the file as UTF-8 without BOM",
            )
        )
    syntax: list[Diagnostic] = []
    source = SourceLines(text)
    with no_gc():
        # Line records are made and nested one at a time: they never all exist at once.
        lines = functools.partial(iter_lines, text, filename, syntax, source)
        argument_map, more = assemble(lines, text, filename, source)
        _settle()
    diagnostics.extend(syntax)
    diagnostics.extend(more)
    diagnostics.sort(key=_position)
    return argument_map, diagnostics


#: After making this many objects the collector tracks, the reader settles them.
_MANY_OBJECTS = 10_000


def _settle() -> None:
    """Put every object the cycle collector tracks in its oldest generation,
    without looking at any (``gc.freeze`` then ``gc.unfreeze``, each a splice
    of two lists), when the reader has just made many of them.

    A map of a million claims is millions of objects made while the collector
    was paused, all of them in its youngest generation: its next collections
    would go through each of them three times (young, middle-aged, old), for
    seconds, finding nothing, since reading makes no reference cycles. Skipped
    when the program has frozen objects of its own (they would be unfrozen)."""
    if gc.get_count()[0] >= _MANY_OBJECTS and gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def _position(d: Diagnostic):
    s = d.span
    return (0, 0) if s is None else (s.line, s.column)
