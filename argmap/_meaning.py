"""Refusing a map whose errors change what it means.

A relation naming an unknown id, an id defined twice, an undercut of a
claim, a rebuttal of a relation: such a map could be evaluated or
planned only by leaving parts of it out, so the answer would be about
another map than the one written. The functions that compute with a map's
meaning (:func:`argmap.evaluate`, :func:`argmap.outline`, and in
:mod:`argmap.semantics` ``framework``, ``dfquad`` and ``compare_positions``)
refuse it with :class:`MapError`, as the ``argmap`` commands do.

The errors that refuse are those that would make a computation leave
something out or read it as something else (:data:`MEANING_CODES`): an
unknown id (E201), an id defined twice (E202; claims, named relations and
arguments share one namespace), an id naming the wrong kind of thing
(E204: an undercut of a claim, a relation or an argument where a claim is
needed), a position naming an unknown id (E206).
A claim attacking itself (W212; E203 when the attack is named or
linked) is kept as written (a self-attack is meaningful in argumentation
theory); an unknown source (E205), quotes,
structure and positions' consistency do not change the framework. The
commands that compute with a map (``evaluate``, ``compare``, ``export``,
``outline``, ``render --evaluate``) stop at exactly these errors too.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap._resolved import Resolved, resolve
from argmap.diagnostics import Diagnostic, ParseError
from argmap.model import ArgumentMap

__all__ = ["MapError", "require_meaning", "meaning_errors", "MEANING_CODES"]

#: The reference errors that change what a map means (see above).
MEANING_CODES = frozenset({"E201", "E202", "E204", "E206"})


class MapError(ParseError):
    """A map with errors that change what it means was given to a function
    that computes with its meaning (``evaluate``, ``outline``, ...).

    ``diagnostics`` holds every such error, as :func:`argmap.check` reports
    them; ``doing`` says what was refused (``"evaluate"``). A subclass of
    :class:`argmap.ParseError` (so of ``ValueError``): one ``except`` catches
    a text that does not parse and a map that cannot be evaluated. It
    survives pickling with its data, so it can cross from a worker process.
    """

    def __init__(self, diagnostics: Sequence[Diagnostic], doing: str = "use", text: str | None = None):
        super().__init__(diagnostics, text)
        self.doing = doing
        count = sum(1 for d in self.diagnostics if d.is_error)
        noun = "error" if count == 1 else "errors"
        self.args = (f"cannot {doing} a map with {count} {noun} (see argmap.check): {self.args[0]}",)

    def __reduce__(self):
        return type(self), (self.diagnostics, self.doing, self.text), self.__dict__


def meaning_errors(argument_map: ArgumentMap, resolved: Resolved | None = None) -> list[Diagnostic]:
    """The errors that change what ``argument_map`` means (empty when there are none).

    A map whose ids all resolve (``resolved``, or :func:`argmap._resolved.resolve`)
    has none; only another one is checked in full, for the diagnostics."""
    from argmap.checks.references import check_references

    if (resolved or resolve(argument_map)).clean:
        return []
    return [d for d in check_references(argument_map) if d.code in MEANING_CODES]


def require_meaning(argument_map: ArgumentMap, doing: str) -> Resolved:
    """Raise :class:`MapError` when ``argument_map`` has errors that change its
    meaning; else return its ids resolved, for the framework to start from."""
    resolved = resolve(argument_map)
    errors = meaning_errors(argument_map, resolved)
    if errors:
        raise MapError(errors, doing)
    return resolved
