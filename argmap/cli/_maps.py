"""What evaluate, compare, export and outline share: reading one map that has no errors."""

from __future__ import annotations

from typing import Collection, TextIO

from argmap._meaning import meaning_errors
from argmap.cli.common import Input, UsageError, _, print_diagnostics, read_inputs
from argmap.diagnostics import suggest
from argmap.model import ArgumentMap

__all__ = ["read_one", "shorten", "unknown_id"]


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


def unknown_id(message: str, ident: str, known: Collection[str]) -> UsageError:
    """A usage error for an id the map lacks: ``message`` (already in the
    interface language), then the nearest id the map has, or else the ids it
    has when there are a few."""
    guess = suggest(ident, known)
    if guess:
        return UsageError(message + "; " + _("did you mean `{guess}`?", guess=guess))
    if 0 < len(known) <= 12:
        return UsageError(message + " " + _("(the map has: {ids})", ids=", ".join(sorted(known))))
    return UsageError(message)


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, with … where it was cut."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
