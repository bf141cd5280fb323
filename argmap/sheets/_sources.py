"""Source texts for sheets: finding a source's ``file:`` the way ``argmap
check`` does (the map's folder, ``--texts``, ``ARGMAP_TEXTS``), and the line
a quote starts on."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from attrs import frozen

from argmap.checks._texts import TextRefused, find_text, read_text, refused_name, search_path
from argmap._i18n import Phrase, phrase
from argmap.model import ArgumentMap, Source

__all__ = ["Text", "source_texts", "quote_line"]

_PLAIN = str.maketrans({"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "–": "-", "—": "-"})


@frozen
class Text:
    """A source's text as found (``lines`` is None when it was not found or
    could not be read; ``why`` then says why)."""

    source: Source
    lines: tuple[str, ...] | None
    why: str | Phrase = ""


def source_texts(
    argument_map: ArgumentMap, base_dir: str | os.PathLike | None = None, texts: Iterable[str | os.PathLike] = ()
) -> list[Text]:
    """The text of each source with a ``file:`` that a claim cites, in map order."""
    if base_dir is None:
        base_dir = Path(argument_map.path).parent if argument_map.path else Path(".")
    folders = search_path(base_dir, texts)
    cited = {c.source for c in argument_map.claims if c.source}
    out = []
    for source in argument_map.sources:
        if source.file is None or source.id not in cited:
            continue
        why = refused_name(source.file)
        if why is not None:
            out.append(Text(source, None, why))
            continue
        place = find_text(source.file, folders)
        if place is None:
            out.append(Text(source, None, phrase("not found")))
            continue
        try:
            read = read_text(*place)
        except TextRefused as exc:
            out.append(Text(source, None, exc.reason))
            continue
        out.append(Text(source, tuple(read.text.splitlines())))
    return out


def _squashed(lines: tuple[str, ...]) -> tuple[str, list[int]]:
    """The text as quotes are compared with it (see argmap.checks.quotes.squash),
    with the 1-based line each of its characters comes from."""
    chars: list[str] = []
    where: list[int] = []
    for number, line in enumerate(lines, 1):
        for ch in line:
            if ch.isspace() or ch == "\u00ad":
                continue
            folded = ch.translate(_PLAIN).casefold()
            chars.append(folded)
            where.extend([number] * len(folded))
    return "".join(chars), where


def quote_line(quote: str, lines: tuple[str, ...]) -> int | None:
    """The line of ``lines`` where ``quote`` starts (white space and
    typographic quotes ignored, as ``argmap check`` compares), or None."""
    text, where = _squashed(lines)
    needle = "".join(quote.replace("\u00ad", "").translate(_PLAIN).split()).casefold()
    at = text.find(needle) if needle else -1
    return where[at] if at >= 0 else None
