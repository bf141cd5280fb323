"""Checks that every id a map uses is defined once and names the right kind of thing."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from argmap.diagnostics import Diagnostic, error, suggest
from argmap.model import Argument, ArgumentMap, Claim, Contradiction, Rebuttal, Support, Undercut

__all__ = ["check_references", "kind_of"]


def check_references(m: ArgumentMap) -> Iterator[Diagnostic]:
    """Unknown ids (E201), ids defined twice (E202), relations from a claim
    to itself (E203), ids naming the wrong kind of thing (E204: an undercut
    of a claim, a relation or an argument where a claim is needed), unknown
    sources (E205), and positions naming unknown ids (E206).

    Claims, named relations of every kind and arguments share one namespace;
    a position may name any of them.
    """
    yield from _duplicates(m)
    claims = {c.id for c in m.claims}
    named = _named(m)
    named_ids = set(named)  # a set, so that did-you-mean indexes it once
    sources = {s.id for s in m.sources}

    for rel in m.relations:
        if isinstance(rel, Support) and rel.argument is not None:
            continue  # an argument's own supports: its claims are checked below, once
        if isinstance(rel, Undercut):
            *attackers, target = rel.references()
            for ref in attackers:
                yield from _claim_ref(ref, "an attacker", claims, named)
            yield from _undercut_target(rel, target, claims, named, named_ids)
        else:
            before, last = _ROLES[type(rel)]
            refs = list(rel.references())
            for k, ref in enumerate(refs):
                yield from _claim_ref(ref, before if k < len(refs) - 1 else last, claims, named)
        yield from _self_relation(rel)

    for argument in m.arguments:
        conclusions = {step.conclusion for step in argument.steps}
        for ref in argument.references():
            yield from _claim_ref(ref, "a conclusion" if ref[0] in conclusions else "a premise", claims, named)

    for claim in m.claims:
        for ref, span in claim.references():
            if ref not in sources:
                yield error(
                    "E205",
                    f"claim `{claim.id}` cites an unknown source `{ref}`",
                    span,
                    _did_you_mean(ref, sources) or f'define it with `source {ref}: "Title"`',
                )

    nodes = claims | named_ids
    for position in m.positions:
        for ref, span in position.references():
            if ref not in nodes:
                yield error(
                    "E206",
                    f"position `{position.id}` names `{ref}`, which is neither a claim nor a named relation or argument",
                    span,
                    _did_you_mean(ref, nodes),
                    position=position.id,
                )


#: What the ids of a relation are: every one but the last, and the last.
_ROLES = {
    Support: ("a premise", "a conclusion"),
    Rebuttal: ("an attacker", "the target of a rebuttal"),
    Contradiction: ("a side of a contradiction", "a side of a contradiction"),
}


def _named(m: ArgumentMap) -> dict[str, object]:
    """Every named relation and argument by its name (the first one written wins)."""
    named: dict[str, object] = {}
    for item in m.items:
        if isinstance(item, Argument):
            named.setdefault(item.id, item)
        elif isinstance(item, (Support, Rebuttal, Contradiction, Undercut)) and item.name is not None:
            named.setdefault(item.name, item)
    return named


def kind_of(item) -> str:
    """What an item is to a user: "a claim", "a named rebuttal", "an argument", ..."""
    if isinstance(item, Claim):
        return "a claim"
    if isinstance(item, Argument) or (isinstance(item, Support) and item.argument is not None):
        return "an argument"
    return {
        Support: "a named support",
        Rebuttal: "a named rebuttal",
        Contradiction: "a named contradiction",
        Undercut: "a named undercut",
    }[type(item)]


def _claim_ref(ref, role: str, claims: set[str], named: dict[str, object]) -> Iterator[Diagnostic]:
    """E201 or E204 unless ``ref`` names a claim."""
    ident, span = ref
    if ident in claims:
        return
    if ident in named:
        item = named[ident]
        if role in ("the target of a rebuttal", "a side of a contradiction"):
            hint = f"to attack `{ident}` itself, undercut it: `... undercuts {ident}`"
        elif isinstance(item, Argument):
            hint = f"name one of its claims instead, e.g. its conclusion `{item.conclusion}`"
        else:
            hint = "name a claim instead: only claims are premises, attackers and targets"
        yield error(
            "E204",
            f"`{ident}` is {kind_of(item)}, not a claim; {role} must be a claim",
            span,
            hint,
        )
        return
    yield error("E201", f"unknown claim `{ident}`", span, _did_you_mean(ident, claims))


def _undercut_target(rel: Undercut, target, claims, named, named_ids: set[str]) -> Iterator[Diagnostic]:
    tid, tspan = target
    if tid in named:
        return
    attackers = " + ".join(rel.attackers)
    if tid in claims:
        yield error(
            "E204",
            f"`{tid}` is a claim, not a named relation or an argument; only those can be undercut",
            tspan,
            f"to attack the claim, write `{attackers} rebuts {tid}`; to undercut a relation, name it"
            " (`name: a supports b`, `name: a rebuts b`)",
        )
    else:
        yield error(
            "E204",
            f"unknown relation `{tid}`: an undercut needs the name of a relation or the id of an argument",
            tspan,
            _did_you_mean(tid, named_ids) or _undercuttable(named),
        )


#: At most this many names are listed in a hint.
_LISTED = 5


def _undercuttable(named: dict[str, object]) -> str:
    """A hint listing what the map lets one undercut, in the order written."""
    how = "name the relation to undercut (`name: a supports b`, `name: a rebuts b`, ...)"
    if not named:
        return f"nothing in this map can be undercut yet: {how}"
    shown = ", ".join(f"`{n}`" for n in islice(named, _LISTED))  # not a copy of every name: hints stay cheap
    more = f" and {len(named) - _LISTED} more" if len(named) > _LISTED else ""
    return f"what can be undercut here: {shown}{more}; or {how}"


def _did_you_mean(ident: str, known) -> str | None:
    guess = suggest(ident, known)
    return f"did you mean `{guess}`?" if guess else None


def _self_relation(rel) -> Iterator[Diagnostic]:
    if isinstance(rel, Support) and rel.conclusion in rel.premises:
        ident, hint = rel.conclusion, None
    elif isinstance(rel, Rebuttal) and rel.target in rel.attackers:
        ident, hint = rel.target, None
    elif isinstance(rel, Contradiction) and rel.first == rel.second:
        ident, hint = rel.first, None
    elif isinstance(rel, Undercut) and rel.name is not None and rel.target == rel.name:
        ident, hint = rel.name, "an undercut cannot undercut itself; did you mean another relation?"
    else:
        return
    yield error(
        "E203",
        f"`{ident}` is related to itself",
        rel.span,
        hint or "a claim cannot support or attack itself; did you mean another claim?",
    )


def _duplicates(m: ArgumentMap) -> Iterator[Diagnostic]:
    # Claims, named relations and arguments share one namespace: each can be
    # undercut, accepted or rejected by its id.
    first_node: dict[str, object] = {}
    for item in m.items:
        ident = _node_id(item)
        if ident is None:
            continue
        if ident in first_node:
            yield _duplicate(ident, first_node[ident], _name_span(item))
        else:
            first_node[ident] = item
    for items, what in ((m.sources, "source"), (m.positions, "position"), (m.groups, "group")):
        seen: dict[str, object] = {}
        for item in items:
            span = item.ref_spans[0] if item.ref_spans else item.span
            if item.id in seen:
                yield _duplicate(item.id, seen[item.id], span, what)
            else:
                seen[item.id] = item


def _node_id(item) -> str | None:
    """The id by which a claim, a named relation or an argument is named."""
    if isinstance(item, (Claim, Argument)):
        return item.id
    if isinstance(item, (Support, Rebuttal, Contradiction, Undercut)):
        return item.name
    return None


def _name_span(item):
    """Where the item's id or name is written (its line if that is not known)."""
    if isinstance(item, (Claim, Argument)):
        return item.ref_spans[0] if item.ref_spans else item.span
    refs = sum(1 for _ in item.references())
    return item.ref_spans[refs] if len(item.ref_spans) > refs else item.span


def _duplicate(ident, first, span, what=None) -> Diagnostic:
    where = f" (first defined on line {first.span.line})" if first.span else ""
    if what is None:
        what = kind_of(first)
        hint = "give each claim, named relation and argument its own id"
    else:
        what = f"a {what}"
        hint = f"give each {what[2:]} its own id"
    return error(
        "E202",
        f"duplicate id `{ident}`: {what} with this id already exists{where}",
        span,
        hint,
    )
