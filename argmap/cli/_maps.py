"""What evaluate, compare, export and outline share: reading one map that has no errors."""

from __future__ import annotations

from typing import TextIO

from argmap._meaning import meaning_errors
from argmap.cli.common import Input, _, print_diagnostics, read_inputs
from argmap.model import ArgumentMap

__all__ = ["read_one", "shorten"]


def read_one(name: str, err: TextIO, doing: str) -> tuple[Input, ArgumentMap | None]:
    """Read the map named ``name``; when it has syntax errors or the
    reference errors that change what the map means (the ones the Python API
    refuses with :class:`argmap.MapError`), print them to ``err``, then
    ``<file>: <doing>: the map has errors``, and return None for the map.
    Quote, structure and position problems do not stop it. ``doing`` is an
    English phrase such as ``"not drawn"``, said in the interface language
    (``make messages`` extracts it from the call)."""
    inp = read_inputs([name])[0]
    errors = [d for d in inp.diagnostics if d.is_error]
    if inp.map is not None and not errors:
        errors = meaning_errors(inp.map)
    if inp.map is None or errors:
        print_diagnostics(errors, inp.text, err)
        print(
            _("{file}: {doing}: the map has errors (see `argmap check`)", file=inp.display_name, doing=_(doing)),
            file=err,
        )
        return inp, None
    return inp, inp.map


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, with … where it was cut."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
