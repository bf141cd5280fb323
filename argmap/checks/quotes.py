"""Checks that every quote appears in its source's text file."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from argmap.checks._texts import (
    MAX_TEXT_BYTES,
    TEXTS_VARIABLE,
    PathRefused,
    SourceText,
    TextRefused,
    find_text,
    read_text,
    refused_name,
    search_path,
)
from argmap.diagnostics import Diagnostic, error, info, warning

__all__ = ["check_quotes", "squash"]

_NOT_VERIFIED = "until then the quotes of this source are not verified"


#: A hyphen that ends a line inside a word: "Wasser-" / "anschluss" (text pasted from PDFs).
_LINE_END_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\r?\n\s*(?=\w)")


def squash(text: str) -> str:
    """Text without white space, line breaks or soft hyphens, with typographic
    quotes and dashes made plain, for comparing a quote with its source."""
    table = str.maketrans({"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "–": "-", "—": "-"})
    return "".join(text.replace("\u00ad", "").translate(table).split()).casefold()


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
    folders = search_path(base_dir if base_dir is not None else ".", texts)
    read: dict[str, SourceText] = {}
    missing = []
    for source in m.sources:
        if source.file is None:
            continue
        why = refused_name(source.file)
        if why is None:
            place = find_text(source.file, folders)
            if place is None:
                missing.append(source)
                continue
            try:
                read[source.id] = read_text(*place)
                continue
            except PathRefused as exc:
                why = str(exc)
            except TextRefused as exc:
                yield warning(
                    "W207",
                    f"source `{source.id}` names the file `{_shown(source.file)}`, which cannot be read: {exc}",
                    source.span,
                    f"use a plain text file of at most {MAX_TEXT_BYTES // 2**20} MB; {_NOT_VERIFIED}",
                )
                continue
        yield warning(
            "W209",
            f"source `{source.id}` names the file `{_shown(source.file)}`, which argmap does not open: {why}",
            source.span,
            "keep the text in the map's folder and write its name (`file: text.txt`), or name the"
            f" text's folder with `--texts DIR`; {_NOT_VERIFIED}",
        )
    if missing:
        yield _not_found(missing, folders)
    squashed = {sid: _forms(t.text) for sid, t in read.items()}
    for claim in m.claims:
        if claim.quote is None or claim.source not in squashed:
            continue
        quote = squash(claim.quote)
        if not any(quote in form for form in squashed[claim.source]):
            hint = "copy the words exactly as they stand in the source (line breaks do not matter)"
            if read[claim.source].encoding != "utf-8":
                hint += "; the text is not UTF-8 and was read as Windows-1252: if the words are there, save it as UTF-8"
            yield error(
                "E208",
                f"the quote of claim `{claim.id}` is not in the file of source `{claim.source}`",
                claim.quote_span or claim.span,
                hint,
            )


def _forms(text: str) -> tuple[str, ...]:
    """The squashed text, and the same with words hyphenated at a line end
    joined, so that a quote matches whether it keeps such a hyphen or not."""
    joined = _LINE_END_HYPHEN.sub("", text)
    return (squash(text),) if joined == text else (squash(text), squash(joined))


def _not_found(sources, folders: list[Path]) -> Diagnostic:
    """One note for every source whose text is in none of the folders."""
    if len(sources) == 1:
        [s] = sources
        message = f"the text of source `{s.id}` (`{_shown(s.file)}`) was not found, so its quotes are not verified"
    else:
        names = ", ".join(f"`{s.id}`" for s in sources[:5]) + (f" and {len(sources) - 5} more" if len(sources) > 5 else "")
        message = f"the texts of {len(sources)} sources ({names}) were not found, so their quotes are not verified"
    looked = f"the map's folder (`{folders[0]}`)" + "".join(f", `{f}`" for f in folders[1:])
    return info(
        "I210",
        message,
        sources[0].span,
        f"argmap looked in {looked}; put the texts there, or name their folder with `--texts DIR`"
        f" or the {TEXTS_VARIABLE} variable",
    )


def _shown(name: str) -> str:
    """``name`` with control characters (a NUL, a line break) written as escapes."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in name)
