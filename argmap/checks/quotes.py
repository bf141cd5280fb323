"""Checks that every quote appears in its source's text file."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from argmap._i18n import N_, Phrase
from argmap.diagnostics import Diagnostic, error, info, warning

if TYPE_CHECKING:
    from argmap.checks._nearest import Nearest
    from argmap.checks._texts import SourceText

__all__ = ["check_quotes", "squash"]

#: A hyphen that ends a line inside a word: "Wasser-" / "anschluss" (text pasted from PDFs).
_LINE_END_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\r?\n\s*(?=\w)")


_PLAIN = str.maketrans(
    {"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "–": "-", "—": "-", "\u00ad": None}
)


def squash(text: str) -> str:
    """Text without white space, line breaks or soft hyphens, with typographic
    quotes and dashes made plain, for comparing a quote with its source."""
    return "".join(text.translate(_PLAIN).split()).casefold()


def squash_word(word: str) -> str:
    """:func:`squash` of one word (no white space in it), faster."""
    return word.translate(_PLAIN).casefold()


def check_quotes(
    m, base_dir: str | os.PathLike | None, texts: Iterable[str | os.PathLike] = ()
) -> Iterator[Diagnostic]:
    """Each quote of a source with a ``file:`` must appear in that file
    (ignoring white space and line breaks).

    The file is looked for in ``base_dir`` (the map's folder), then in each
    folder of ``texts``, then in each folder of ``ARGMAP_TEXTS``. A file that
    is refused or cannot be read is a warning, and texts found nowhere are one
    note for the whole map: the map is still fine, only its quotes go
    unverified."""
    if all(source.file is None for source in m.sources):
        return  # (and the modules that find, read and search texts are not loaded)
    from argmap.checks._nearest import TextIndex
    from argmap.checks._texts import MAX_TEXT_BYTES, PathRefused, TextRefused, find_text, read_text, refused_name, search_path

    folders = search_path(base_dir if base_dir is not None else ".", texts)
    read: dict[str, SourceText] = {}
    missing = []
    for source in m.sources:
        if source.file is None:
            continue
        why: Phrase | str | None = refused_name(source.file)
        if why is None:
            place = find_text(source.file, folders)
            if place is None:
                missing.append(source)
                continue
            try:
                read[source.id] = read_text(*place)
                continue
            except PathRefused as exc:
                why = exc.reason
            except TextRefused as exc:
                yield warning(
                    "W207",
                    "source `{id}` names the file `{file}`, which cannot be read: {why}",
                    source.span,
                    "use a plain text file of at most {mb} MB; until then the quotes of this source are not verified",
                    id=source.id,
                    file=_shown(source.file),
                    why=exc.reason,
                    mb=MAX_TEXT_BYTES // 2**20,
                )
                continue
        yield warning(
            "W209",
            "source `{id}` names the file `{file}`, which argmap does not open: {why}",
            source.span,
            "keep the text in the map's folder and write its name (`file: text.txt`), or name the"
            " text's folder with `--texts DIR`; until then the quotes of this source are not verified",
            id=source.id,
            file=_shown(source.file),
            why=why,
        )
    if missing:
        yield _not_found(missing, folders)
    squashed = {sid: _forms(t.text) for sid, t in read.items()}
    indexes: dict[str, TextIndex] = {}
    found: dict[str, int] = {}
    total: dict[str, int] = {}
    for claim in m.claims:
        if claim.quote is None or claim.source not in squashed:
            continue
        total[claim.source] = total.get(claim.source, 0) + 1
        parts = [p for p in _OMISSION.split(claim.quote) if squash(p)]
        missing_part = _missing(parts, squashed[claim.source])
        if missing_part is None:
            found[claim.source] = found.get(claim.source, 0) + 1
            continue
        source_text = read[claim.source]
        if claim.source not in indexes:
            indexes[claim.source] = TextIndex(source_text.text, squash_word)
        nearest = indexes[claim.source].nearest(missing_part)
        yield _not_in_text(claim, source_text, nearest)
    for source in m.sources:
        text = read.get(source.id)
        if text is not None and text.encoding != "utf-8" and found.get(source.id):
            yield _not_utf8(source, text, found[source.id], total[source.id])


#: An omission in a quote: `[…]`, `[...]`, `…` or `...` (in round brackets too).
_OMISSION = re.compile(r"[\[(]\s*(?:…|\.\.\.)\s*[\])]|…|\.\.\.")
#: The most text one omission in a quote stands for (squashed characters: about 150 words).
MAX_OMITTED = 1000


def _missing(parts: list[str], forms: tuple[str, ...]) -> str | None:
    """The first part of a quote (split at its omissions) that is not in the
    text in order after the parts before it, each omission standing for at
    most :data:`MAX_OMITTED` characters; None when the whole quote is found."""
    if not parts:
        return None
    squashed = [squash(p) for p in parts]
    worst = 0  # the index of the furthest part any start reached
    for form in forms:
        start = form.find(squashed[0])
        while start >= 0:
            end = start + len(squashed[0])
            for k, part in enumerate(squashed[1:], 1):
                at = form.find(part, end, end + MAX_OMITTED + len(part))
                if at < 0:
                    worst = max(worst, k)
                    break
                end = at + len(part)
            else:
                return None
            start = form.find(squashed[0], start + 1)
    return parts[worst]


def _not_in_text(claim, source_text: SourceText, nearest: Nearest | None) -> Diagnostic:
    """E208, with how the text was read and the passage nearest to the quote."""
    fields = {"id": claim.id, "source": claim.source, "encoding": _encoding_name(source_text.encoding)}
    if source_text.encoding == "utf-8":
        message = N_("the quote of claim `{id}` is not in the file of source `{source}`")
    else:
        message = N_("the quote of claim `{id}` is not in the file of source `{source}`, read as {encoding} (it is not UTF-8)")
    if nearest is None:
        hint = N_("copy the words exactly as they stand in the source (line breaks do not matter)")
    else:
        hint = _NEAREST_HINTS[nearest.change]
        fields.update(line=nearest.line, passage=nearest.passage, text=nearest.text, quote=nearest.quote)
    return error("E208", message, claim.quote_span or claim.span, hint, **fields)


_NEAREST_HINTS = {
    "replace": N_("nearest is line {line} of the text: “{passage}”; the text has `{text}` where the quote has `{quote}`"),
    "insert": N_(
        "nearest is line {line} of the text: “{passage}”; the text has `{text}` there, which the quote"
        " leaves out (mark an omission with […])"
    ),
    "delete": N_(
        "nearest is line {line} of the text: “{passage}”; the quote has `{quote}`, which the text does"
        " not have there"
    ),
    "equal": N_("nearest is line {line} of the text: “{passage}”"),
}


def _not_utf8(source, text: SourceText, found: int, total: int) -> Diagnostic:
    """I211: a text that is not UTF-8, whose quotes were found once it was decoded."""
    return info(
        "I211",
        "the text of source `{id}` (`{file}`) is not UTF-8: argmap read it as {encoding}, and found"
        " {found} of its {total} quotes in it",
        source.span,
        "save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8), so that every program reads its"
        " letters alike",
        id=source.id,
        file=_shown(source.file),
        encoding=_encoding_name(text.encoding),
        found=found,
        total=total,
    )


def _encoding_name(codec: str) -> str:
    """The name people know the encoding ``codec`` by (Windows-1252, Mac OS Roman ...)."""
    from argmap._encodings import ENCODING_NAMES

    return ENCODING_NAMES.get(codec, codec)


def _forms(text: str) -> tuple[str, ...]:
    """The squashed text, and the same with words hyphenated at a line end
    joined, so that a quote matches whether it keeps such a hyphen or not."""
    joined = _LINE_END_HYPHEN.sub("", text)
    return (squash(text),) if joined == text else (squash(text), squash(joined))


def _not_found(sources, folders: list[Path]) -> Diagnostic:
    """One note for every source whose text is in none of the folders."""
    from argmap.checks._texts import TEXTS_VARIABLE

    fields: dict[str, str | int | Path] = {
        "folder": folders[0],
        "others": "".join(f", `{f}`" for f in folders[1:]),
        "variable": TEXTS_VARIABLE,
        "n": len(sources),
        "more": len(sources) - 5,
    }
    if len(sources) == 1:
        [s] = sources
        message = N_("the text of source `{id}` (`{file}`) was not found, so its quotes are not verified")
        fields.update(id=s.id, file=_shown(s.file))
    else:
        fields["names"] = ", ".join(f"`{s.id}`" for s in sources[:5])
        if len(sources) > 5:
            message = N_(
                "the texts of {n} sources ({names} and {more} more) were not found, so their quotes are not verified"
            )
        else:
            message = N_("the texts of {n} sources ({names}) were not found, so their quotes are not verified")
    return info(
        "I210",
        message,
        sources[0].span,
        "argmap looked in the map's folder (`{folder}`){others}; put the texts there, or name their folder"
        " with `--texts DIR` or the {variable} variable",
        **fields,
    )


def _shown(name: str) -> str:
    """``name`` with control characters (a NUL, a line break) written as escapes."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in name)
