"""Checks that every id a map uses is defined once and names the right kind of thing."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, compress, islice, repeat
from operator import and_, attrgetter, eq, is_, not_, or_

from argmap._i18n import N_, Phrase, phrase
from argmap.checks._ids import MapIds, aligned, any_of
from argmap.diagnostics import Diagnostic, error, suggest, warning
from argmap.model import Argument, ArgumentMap, Claim, Contradiction, Rebuttal, Support, Undercut

__all__ = ["check_references", "kind_of"]


def check_references(m: ArgumentMap, ids: MapIds | None = None) -> Iterator[Diagnostic]:
    """Unknown ids (E201), ids defined twice (E202), relations from a claim
    to itself (E203), ids naming the wrong kind of thing (E204: an undercut
    of a claim, a relation or an argument where a claim is needed), unknown
    sources (E205), and positions naming unknown ids (E206).

    Claims, named relations of every kind and arguments share one namespace;
    a position may name any of them. ``ids`` are the map's ids, if the
    caller has read them already.
    """
    # A large map is checked a list at a time (in C, through map): the ids
    # are looked up first, and only a relation or claim that fails is looked
    # at again one by one, for its diagnostics and their spans.
    if ids is None:
        ids = MapIds(m)
    yield from _duplicates(m, ids)
    named_ids = ids.names
    sources = set(map(_id, m.sources))

    flagged = _flagged_relations(m, ids)
    if flagged:
        named = _named(m)
        marked = set(map(id, flagged))
        for rel in compress(m.relations, map(marked.__contains__, map(id, m.relations))):
            yield from _relation_refs(rel, ids.claims, named, named_ids)

    if m.arguments:
        named = _named(m)
        for argument in m.arguments:
            conclusions = {step.conclusion for step in argument.steps}
            for ref in argument.references():
                yield from _claim_ref(ref, _CONCLUSION if ref[0] in conclusions else _PREMISE, ids.claims, named)

    cited = ids.cited
    if not cited <= sources:
        unknown = cited - sources
        for claim in compress(m.claims, map(unknown.__contains__, map(_source, m.claims))):
            for ref, span in claim.references():
                guess = suggest(ref, sources)
                yield error(
                    "E205",
                    "claim `{claim}` cites an unknown source `{ref}`",
                    span,
                    _DID_YOU_MEAN if guess else N_('define it with `source {ref}: "Title"`'),
                    claim=claim.id,
                    ref=ref,
                    guess=guess,
                )

    nodes: set[str] | None = None
    for position in m.positions:
        for ref, span in position.references():
            if not ids.is_claim(ref) and ref not in named_ids:
                if nodes is None:
                    nodes = ids.claims | named_ids
                guess = suggest(ref, nodes)
                yield error(
                    "E206",
                    "position `{pos}` names `{ref}`, which is neither a claim nor a named relation or argument",
                    span,
                    _DID_YOU_MEAN if guess else None,
                    position=position.id,
                    pos=position.id,
                    ref=ref,
                    guess=guess,
                )


_id = attrgetter("id")
_source = attrgetter("source")


def _relation_refs(rel, claims: set[str], named: dict[str, object], named_ids: set[str]) -> Iterator[Diagnostic]:
    """E201, E204, E203 and W212 for one relation."""
    if isinstance(rel, Support) and rel.argument is not None:
        return  # an argument's own supports: its claims are checked with the argument, once
    if isinstance(rel, Undercut):
        *attackers, target = rel.references()
        for ref in attackers:
            yield from _claim_ref(ref, _ATTACKER, claims, named)
        yield from _undercut_target(rel, target, claims, named, named_ids)
    else:
        before, last = _ROLES[type(rel)]
        refs = list(rel.references())
        for k, ref in enumerate(refs):
            yield from _claim_ref(ref, before if k < len(refs) - 1 else last, claims, named)
    yield from _self_relation(rel)


def _flagged_relations(m: ArgumentMap, ids: MapIds) -> list:
    """The relations :func:`_relation_refs` has something to say about: an id
    that does not name what its place needs, or a relation of a claim to
    itself (the supports of arguments are checked with the arguments).

    Looked for by the ids' numbers (:class:`MapIds`): the same number is the
    same object, and when every id in a claim's place is a claim's, no id
    needs a look-up at all."""
    known = None if ids.all_claims else ids.number.claims.__gt__  # a number -> whether it is a claim's
    flagged: list = []
    bad = _to_itself_or_unknown(ids.premise_at, ids.premise_of, ids.conclusion_at, known)
    if m.arguments:
        bad = map(and_, bad, map(_no_argument, m.supports))
    flagged += compress(m.supports, bad)
    flagged += compress(m.rebuttals, _to_itself_or_unknown(ids.attacker_at, ids.attacker_of, ids.target_at, known))
    aims = ids.undercut_targets
    bad = map(or_, map(not_, map(ids.names.__contains__, aims)), map(eq, ids.relation_names[3], aims))
    if known is not None:
        unknown = any_of(map(not_, map(known, ids.undercutter_at)), ids.undercutter_of, len(aims))
        bad = map(or_, bad, unknown)
    flagged += compress(m.undercuts, bad)
    first_at, second_at = ids.first_at, ids.second_at
    bad = map(is_, first_at, second_at)
    if known is not None:
        bad = map(or_, bad, map(or_, map(not_, map(known, first_at)), map(not_, map(known, second_at))))
    flagged += compress(m.contradictions, bad)
    return flagged


def _to_itself_or_unknown(sources: list[int], owners: list[int] | None, ends: list[int], known):
    """Per support or rebuttal: whether one of its ``sources`` (premises or
    attackers, by number, belonging to ``owners``, see :class:`MapIds`) is
    its end (conclusion or target), or (``known`` given) any of its ids is
    no claim's."""
    bad = map(is_, sources, aligned(ends, owners))
    if known is not None:
        bad = map(or_, bad, map(not_, map(known, sources)))
    bad = any_of(bad, owners, len(ends))
    if known is not None:
        bad = map(or_, bad, map(not_, map(known, ends)))
    return bad


def _no_argument(support: Support) -> bool:
    return support.argument is None


_PREMISE = phrase("a premise")
_CONCLUSION = phrase("a conclusion")
_ATTACKER = phrase("an attacker")
_TARGET = phrase("the target of a rebuttal")
_SIDE = phrase("a side of a contradiction")

#: What the ids of a relation are: every one but the last, and the last.
_ROLES = {
    Support: (_PREMISE, _CONCLUSION),
    Rebuttal: (_ATTACKER, _TARGET),
    Contradiction: (_SIDE, _SIDE),
}

_DID_YOU_MEAN = N_("did you mean `{guess}`?")


def _named(m: ArgumentMap) -> dict[str, object]:
    """Every named relation and argument by its name (the first one written wins)."""
    named: dict[str, object] = {}
    for item in m.items:
        if isinstance(item, Argument):
            named.setdefault(item.id, item)
        elif isinstance(item, (Support, Rebuttal, Contradiction, Undercut)) and item.name is not None:
            named.setdefault(item.name, item)
    return named


def kind_of(item) -> Phrase:
    """What an item is to a user: "a claim", "a named rebuttal", "an argument", ...
    (a :class:`~argmap._i18n.Phrase`: ``str()`` gives the English)."""
    if isinstance(item, Claim):
        return _KINDS[Claim]
    if isinstance(item, Argument) or (isinstance(item, Support) and item.argument is not None):
        return _KINDS[Argument]
    return _KINDS[type(item)]


_KINDS = {
    Claim: phrase("a claim"),
    Argument: phrase("an argument"),
    Support: phrase("a named support"),
    Rebuttal: phrase("a named rebuttal"),
    Contradiction: phrase("a named contradiction"),
    Undercut: phrase("a named undercut"),
}


def _claim_ref(ref, role: Phrase, claims: set[str], named: dict[str, object]) -> Iterator[Diagnostic]:
    """E201 or E204 unless ``ref`` names a claim."""
    ident, span = ref
    if ident in claims:
        return
    if ident in named:
        item = named[ident]
        conclusion = None
        if role in (_TARGET, _SIDE):
            hint = N_("to attack `{id}` itself, undercut it: `... undercuts {id}`")
        elif isinstance(item, Argument):
            hint = N_("name one of its claims instead, e.g. its conclusion `{conclusion}`")
            conclusion = item.conclusion
        else:
            hint = N_("name a claim instead: only claims are premises, attackers and targets")
        yield error(
            "E204",
            "`{id}` is {kind}, not a claim; {role} must be a claim",
            span,
            hint,
            id=ident,
            kind=kind_of(item),
            role=role,
            conclusion=conclusion,
        )
        return
    guess = suggest(ident, claims)
    yield error("E201", "unknown claim `{id}`", span, _DID_YOU_MEAN if guess else None, id=ident, guess=guess)


def _undercut_target(rel: Undercut, target, claims, named, named_ids: set[str]) -> Iterator[Diagnostic]:
    tid, tspan = target
    if tid in named:
        return
    attackers = " + ".join(rel.attackers)
    if tid in claims:
        yield error(
            "E204",
            "`{id}` is a claim, not a named relation or an argument; only those can be undercut",
            tspan,
            "to attack the claim, write `{attackers} rebuts {id}`; to undercut a relation, name it"
            " (`name: a supports b`, `name: a rebuts b`)",
            id=tid,
            attackers=attackers,
        )
    else:
        guess = suggest(tid, named_ids)
        yield error(
            "E204",
            "unknown relation `{id}`: an undercut needs the name of a relation or the id of an argument",
            tspan,
            _DID_YOU_MEAN if guess else "{undercuttable}",
            id=tid,
            guess=guess,
            undercuttable=_undercuttable(named),
        )


#: At most this many names are listed in a hint.
_LISTED = 5


def _undercuttable(named: dict[str, object]) -> Phrase:
    """A hint listing what the map lets one undercut, in the order written."""
    how = phrase("name the relation to undercut (`name: a supports b`, `name: a rebuts b`, ...)")
    if not named:
        return phrase("nothing in this map can be undercut yet: {how}", how=how)
    shown = ", ".join(f"`{n}`" for n in islice(named, _LISTED))  # not a copy of every name: hints stay cheap
    if len(named) > _LISTED:
        shown = phrase("{shown} and {count} more", shown=shown, count=len(named) - _LISTED)
    return phrase("what can be undercut here: {shown}; or {how}", shown=shown, how=how)


def _self_relation(rel) -> Iterator[Diagnostic]:
    hint = N_("a claim cannot support or attack itself; did you mean another claim?")
    if rel.name is None and _attacks_itself(rel):
        # Normal in an abstract framework (ICCMA's instances have them), and
        # kept as written by the semantics: a likely mistake, not an error.
        yield warning(
            "W212",
            "`{id}` attacks itself",
            rel.span,
            "so it is in no extension: normal in an abstract framework, in a map written by hand"
            " usually a mistake; did you mean another claim?",
            id=_attacks_itself(rel),
        )
        return
    if isinstance(rel, Support) and rel.conclusion in rel.premises:
        ident = rel.conclusion
    elif isinstance(rel, Rebuttal) and rel.target in rel.attackers:
        ident = rel.target
    elif isinstance(rel, Contradiction) and rel.first == rel.second:
        ident = rel.first
    elif isinstance(rel, Undercut) and rel.name is not None and rel.target == rel.name:
        ident, hint = rel.name, N_("an undercut cannot undercut itself; did you mean another relation?")
    else:
        return
    yield error("E203", "`{id}` is related to itself", rel.span, hint, id=ident)


def _attacks_itself(rel) -> str | None:
    """The claim that a rebuttal by one attacker or a contradiction makes attack itself, if any."""
    if type(rel) is Rebuttal and rel.attackers == (rel.target,):
        return rel.target
    if type(rel) is Contradiction and rel.first == rel.second:
        return rel.first
    return None


def _duplicates(m: ArgumentMap, ids: MapIds) -> Iterator[Diagnostic]:
    # Claims, named relations and arguments share one namespace: each can be
    # undercut, accepted or rejected by its id.
    first_node: dict[str, object] = {}
    for item in () if _each_once(m, ids) else m.items:
        ident = _node_id(item)
        if ident is None:
            continue
        if ident in first_node:
            yield _duplicate(ident, first_node[ident], _name_span(item))
        else:
            first_node[ident] = item
    for items, what in ((m.sources, _SOURCE), (m.positions, _POSITION), (m.groups, _GROUP)):
        seen: dict[str, object] = {}
        for item in items:
            span = item.ref_spans[0] if item.ref_spans else item.span
            if item.id in seen:
                yield _duplicate(item.id, seen[item.id], span, what)
            else:
                seen[item.id] = item


def _each_once(m: ArgumentMap, ids: MapIds) -> bool:
    """Whether no claim, named relation or argument shares its id with another."""
    if m.arguments:
        return False  # (an argument's own supports are named too, but are no items: see one by one)
    names = list(filter(None, chain.from_iterable(ids.relation_names)))
    claims = ids.number.claims
    no_claim = min(map(ids.number.get, names, repeat(claims)), default=claims) >= claims  # (numbers below are claims)
    return ids.distinct == len(ids.claim_ids) and len(set(names)) == len(names) and no_claim


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


#: The other kinds of things with ids: what one is, and the hint for two of them.
_SOURCE = (phrase("a source"), N_("give each source its own id"))
_POSITION = (phrase("a position"), N_("give each position its own id"))
_GROUP = (phrase("a group"), N_("give each group its own id"))


def _duplicate(ident, first, span, what=None) -> Diagnostic:
    if what is None:
        what, hint = kind_of(first), N_("give each claim, named relation and argument its own id")
    else:
        what, hint = what
    if first.span:
        message = N_("duplicate id `{id}`: {what} with this id already exists (first defined on line {line})")
    else:
        message = N_("duplicate id `{id}`: {what} with this id already exists")
    return error("E202", message, span, hint, id=ident, what=what, line=first.span.line if first.span else "")
