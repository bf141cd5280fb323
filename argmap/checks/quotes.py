"""Checks that every quote appears in its source's text file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from argmap.diagnostics import Diagnostic, error, warning

__all__ = ["check_quotes", "squash"]


def squash(text: str) -> str:
    """Text without white space, line breaks or soft hyphens, with typographic
    quotes and dashes made plain, for comparing a quote with its source."""
    table = str.maketrans({"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "–": "-", "—": "-"})
    return "".join(text.replace("\u00ad", "").translate(table).split()).casefold()


def check_quotes(m, base_dir: str | os.PathLike | None) -> Iterator[Diagnostic]:
    """Each quote of a source with a ``file:`` must appear in that file
    (ignoring white space and line breaks). A file that cannot be read is a
    warning: the map is still fine, only its quotes go unverified."""
    base = Path(base_dir) if base_dir is not None else Path(".")
    texts: dict[str, str | None] = {}
    for source in m.sources:
        if source.file is None:
            continue
        path = base / source.file
        try:
            texts[source.id] = squash(path.read_text("utf-8", errors="replace"))
        except OSError as exc:
            texts[source.id] = None
            yield warning(
                "W207",
                f"source `{source.id}` names the file `{source.file}`, which cannot be read"
                f" ({exc.strerror or exc.__class__.__name__})",
                source.span,
                f"the path is relative to the map's folder ({base}); the quotes of this source are not verified",
            )
    for claim in m.claims:
        if claim.quote is None or claim.source is None:
            continue
        text = texts.get(claim.source)
        if text is None:
            continue
        if squash(claim.quote) not in text:
            yield error(
                "E208",
                f"the quote of claim `{claim.id}` is not in the file of source `{claim.source}`",
                claim.quote_span or claim.span,
                "copy the words exactly as they stand in the source (line breaks do not matter)",
            )

