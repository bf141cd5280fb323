"""Checks that every id a map uses is defined once and names the right kind of thing."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.diagnostics import Diagnostic, error, suggest
from argmap.model import ArgumentMap, Contradiction, Rebuttal, Support, Undercut

__all__ = ["check_references"]


def check_references(m: ArgumentMap) -> Iterator[Diagnostic]:
    """Unknown ids, duplicate ids, relations from a claim to itself, undercuts
    of things that are not named supports, unknown sources, and positions
    naming unknown claims or supports."""
    yield from _duplicates(m)
    claims = {c.id for c in m.claims}
    names = {s.name for s in m.supports if s.name}
    arguments = claims | names
    sources = {s.id for s in m.sources}

    for rel in m.relations:
        if isinstance(rel, Undercut):
            attacker, target = rel.references()
            yield from _known(attacker, claims, "claim")
            tid, tspan = target
            if tid not in names:
                if tid in claims:
                    yield error(
                        "E204",
                        f"`{tid}` is a claim, not a named support; only a support can be undercut",
                        tspan,
                        f"to attack the claim, write `{rel.attacker} rebuts {tid}`;"
                        " to undercut a support, name it (`name: a supports b`)",
                    )
                else:
                    yield error(
                        "E204",
                        f"unknown support `{tid}`: an undercut needs the name of a support",
                        tspan,
                        _did_you_mean(tid, names) or "name a support with `name: a supports b`",
                    )
            continue
        for ref, span in rel.references():
            yield from _known((ref, span), claims, "claim")
        yield from _self_relation(rel)

    for claim in m.claims:
        for ref, span in claim.references():
            if ref not in sources:
                yield error(
                    "E205",
                    f"claim `{claim.id}` cites an unknown source `{ref}`",
                    span,
                    _did_you_mean(ref, sources) or f'define it with `source {ref}: "Title"`',
                )

    for position in m.positions:
        for ref, span in position.references():
            if ref not in arguments:
                yield error(
                    "E206",
                    f"position `{position.id}` names `{ref}`, which is neither a claim nor a named support",
                    span,
                    _did_you_mean(ref, arguments),
                    position=position.id,
                )


def _known(ref, known: set[str], what: str) -> Iterator[Diagnostic]:
    ident, span = ref
    if ident not in known:
        yield error("E201", f"unknown {what} `{ident}`", span, _did_you_mean(ident, known))


def _did_you_mean(ident: str, known) -> str | None:
    guess = suggest(ident, known)
    return f"did you mean `{guess}`?" if guess else None


def _self_relation(rel) -> Iterator[Diagnostic]:
    if isinstance(rel, Support) and rel.conclusion in rel.premises:
        ident = rel.conclusion
    elif isinstance(rel, Rebuttal) and rel.attacker == rel.target:
        ident = rel.target
    elif isinstance(rel, Contradiction) and rel.first == rel.second:
        ident = rel.first
    else:
        return
    yield error(
        "E203",
        f"`{ident}` is related to itself",
        rel.span,
        "a claim cannot support or attack itself; did you mean another claim?",
    )


def _duplicates(m: ArgumentMap) -> Iterator[Diagnostic]:
    # Claims and named supports share one namespace: both are arguments.
    first_argument: dict[str, object] = {}
    for item in m.items:
        ident = getattr(item, "id", None) if not isinstance(item, Support) else item.name
        kind = type(item).__name__.lower()
        if kind not in ("claim", "support") or ident is None:
            continue
        span = item.ref_spans[-1] if isinstance(item, Support) and item.ref_spans else (
            item.ref_spans[0] if item.ref_spans else item.span
        )
        if ident in first_argument:
            yield _duplicate(ident, first_argument[ident], span)
        else:
            first_argument[ident] = item
    for items, what in ((m.sources, "source"), (m.positions, "position"), (m.groups, "group")):
        seen: dict[str, object] = {}
        for item in items:
            span = item.ref_spans[0] if item.ref_spans else item.span
            if item.id in seen:
                yield _duplicate(item.id, seen[item.id], span, what)
            else:
                seen[item.id] = item


def _duplicate(ident, first, span, what=None) -> Diagnostic:
    where = f" (first defined on line {first.span.line})" if first.span else ""
    what = what or ("claim" if not isinstance(first, Support) else "support name")
    return error(
        "E202",
        f"duplicate id `{ident}`: a {what} with this id already exists{where}",
        span,
        "give each claim and named support its own id",
    )
