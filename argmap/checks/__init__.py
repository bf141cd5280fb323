"""Checks on a parsed map: pure functions from the model to diagnostics."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from argmap._nogc import no_gc
from argmap.diagnostics import Diagnostic, Diagnostics
from argmap.model import ArgumentMap
from argmap.checks._ids import MapIds
from argmap.checks.quotes import check_quotes
from argmap.checks.references import check_references
from argmap.checks.structure import check_structure
from argmap.checks.positions import check_positions

__all__ = ["check"]


def check(
    argument_map: ArgumentMap,
    *,
    base_dir: str | os.PathLike[str] | None = None,
    texts: Iterable[str | os.PathLike[str]] = (),
) -> Diagnostics:
    """Every structural and consistency check on ``argument_map``.

    Sources' ``file:`` texts are looked for in ``base_dir`` (by default the
    folder of the map's file, or the current folder), then in each folder of
    ``texts``, then in each folder named in the ``ARGMAP_TEXTS`` environment
    variable. A ``file:`` must stay inside the folder it is found in (see
    docs/language.md, "Sources and quotes").

    >>> from argmap import parse
    >>> [d.code for d in check(parse("claim a: A.\\na supports b\\n"))]
    ['E201']
    """
    if isinstance(texts, (str, os.PathLike)):
        texts = [texts]
    if base_dir is None:
        base_dir = Path(argument_map.path).parent if argument_map.path else Path(".")
    diagnostics: list[Diagnostic] = []
    with no_gc():
        ids = MapIds(argument_map)  # read once for the checks that look ids up a list at a time
        diagnostics.extend(check_references(argument_map, ids))
        diagnostics.extend(check_quotes(argument_map, base_dir, texts))
        diagnostics.extend(check_structure(argument_map, ids))
        diagnostics.extend(check_positions(argument_map, ids))
        del ids
    diagnostics.sort(key=_position)
    return Diagnostics(diagnostics)


def _position(d: Diagnostic) -> tuple[str, int, int]:
    s = d.span
    return (s.file or "", s.line, s.column) if s else ("", 0, 0)
