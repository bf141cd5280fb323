"""Checks on the shape of a map: relations that contradict each other,
circular support, claims connected to nothing, sources nobody cites,
arguments that conclude their own premises and groups inside themselves."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from itertools import compress, repeat
from operator import add, and_, itemgetter, mul, not_

from argmap._graph import strongly_connected
from argmap._i18n import N_, Phrase, joined, phrase
from argmap.diagnostics import Diagnostic, error, info, suggest, warning
from argmap.checks._ids import MapIds, aligned, marks
from argmap.checks.references import kind_of
from argmap.model import Argument, ArgumentMap, Claim, Contradiction, Rebuttal, Support, Undercut

__all__ = ["check_structure"]

#: At most this many extra members of a circle of supports are named.
_SHOWN = 10


def check_structure(m: ArgumentMap, ids: MapIds | None = None) -> Iterator[Diagnostic]:
    """E301 a pair related both by support and by rebuttal or contradiction;
    W302 circular support (through arguments' steps too); W303 a claim
    connected to nothing; I304 a source nobody cites; E203 an argument that
    concludes one of its own premises, an undercut by one of the claims the
    undercut relation or argument is made of, or a group inside itself; E201
    a group inside an unknown group; W305 a claim named twice in one
    relation or one step of an argument.

    An argument's steps are supports (``m.supports`` holds them), so every
    check on supports covers arguments too. ``ids`` are the map's ids, if
    the caller has read them already."""
    if ids is None:
        ids = MapIds(m)
    yield from _support_and_attack(m, ids)
    circular = set()
    for argument in m.arguments:
        for d in _circular_argument(argument):
            circular.add(argument.id)
            yield d
    yield from _circular_support(m, ids, circular)
    yield from _self_defeating(m, ids)
    yield from _named_twice(m, ids)
    yield from _unconnected(m, ids)
    yield from _uncited(m, ids)
    yield from _group_parents(m)


def _line(item) -> Phrase | str:
    """" (line 3)", and for a step of an argument " (in argument `g`, line 3)"."""
    argument = getattr(item, "argument", None)
    if argument is not None and item.span is not None:
        return phrase(" (in argument `{argument}`, line {line})", argument=argument, line=item.span.line)
    if argument is not None:
        return phrase(" (in argument `{argument}`)", argument=argument)
    if item.span is not None:
        return phrase(" (line {line})", line=item.span.line)
    return ""


def _support_and_attack(m: ArgumentMap, ids: MapIds) -> Iterator[Diagnostic]:
    if not m.supports:
        return
    size, number = ids.size, ids.number
    premise_at, conclusion_at = ids.premise_at, ids.premise_conclusions()
    # A support and an attack relate the same two claims only if the sums of
    # their numbers are equal: first the supports and the attacks whose sum
    # the other side has (a byte per sum), then, of those, each pair as the
    # number premise * size + conclusion.
    attack_sums = marks(2 * size, map(add, _first_attackers(ids), ids.target_at), map(add, ids.first_at, ids.second_at))
    chosen = list(compress(range(len(premise_at)), map(attack_sums.__getitem__, map(add, premise_at, conclusion_at))))
    del attack_sums
    premises, conclusions = list(map(premise_at.__getitem__, chosen)), list(map(conclusion_at.__getitem__, chosen))
    pairs = list(map(add, map(mul, premises, repeat(size)), conclusions))
    found = list(_against_support(m, ids, set(pairs), marks(2 * size, map(add, premises, conclusions))))
    if not found:
        return
    wanted = {number[x] * size + number[y] for rel in found for x, y in _ends(rel)}
    supports = _first_supports(m, ids, pairs, chosen, wanted)
    for rel in found:
        if isinstance(rel, Rebuttal):
            if rel.linked:
                # `a supports c` and `a + b rebuts c` is a real pattern: a reason
                # for c that, together with another claim, speaks against it.
                continue
            a, b, verb = rel.attackers[0], rel.target, "rebuts"
        elif isinstance(rel, Contradiction):
            a, b, verb = rel.first, rel.second, "contradicts"
        else:
            continue
        if a == b:
            continue
        for x, y in ((a, b), (b, a)):
            s = supports.get(number[x] * size + number[y])
            if s is None:
                continue
            if (x, y) == (a, b):
                if verb == "rebuts":
                    message = N_("`{a}` both supports `{b}`{line} and rebuts it")
                else:
                    message = N_("`{a}` both supports `{b}`{line} and contradicts it")
            else:
                message = N_("`{x}` supports `{y}`{line}, but `{a}` {verb} `{b}`")
            yield error(
                "E301",
                message,
                rel.span,
                "a claim cannot be a reason for another and speak against it; remove one of the two",
                a=a,
                b=b,
                x=x,
                y=y,
                verb=verb,
                line=_line(s),
            )
            break


def _ends(rel) -> tuple[tuple[str, str], ...]:
    """The pairs of claims a single rebuttal or a contradiction relates, both ways."""
    if isinstance(rel, Rebuttal) and not rel.linked:
        a, b = rel.attackers[0], rel.target
    elif isinstance(rel, Contradiction):
        a, b = rel.first, rel.second
    else:
        return ()
    return (a, b), (b, a)


def _against_support(m: ArgumentMap, ids: MapIds, pairs: set[int], sums: bytearray):
    """The relations, in order, that may rebut or contradict a claim that a
    support relates to the same claim (``pairs``: premise * size +
    conclusion; ``sums``: a byte per premise + conclusion, 1 for each such
    support): a large map has many and few such, found a list at a time (in C)."""
    size = ids.size
    marked: set[int] = set()
    for relations, firsts, seconds, single in (
        (m.rebuttals, _first_attackers(ids), ids.target_at, ids.attacker_of is None),
        (m.contradictions, ids.first_at, ids.second_at, True),
    ):
        maybe = compress(range(len(firsts)), map(sums.__getitem__, map(add, firsts, seconds)))
        for k in maybe:
            a, b = firsts[k], seconds[k]
            if (a * size + b in pairs or b * size + a in pairs) and (single or len(relations[k].attackers) == 1):
                marked.add(id(relations[k]))
    return _in_order(m.relations, marked)


def _first_attackers(ids: MapIds) -> list[int]:
    """The number of the first attacker of each rebuttal."""
    if ids.attacker_of is None:
        return ids.attacker_at
    return list(map(ids.number.__getitem__, map(_first_of, ids.rebuttal_attackers)))


def _in_order(items, marked: set[int]):
    """Those of ``items`` whose ``id()`` is in ``marked``, in order."""
    return compress(items, map(marked.__contains__, map(id, items))) if marked else ()


def _first_supports(m: ArgumentMap, ids: MapIds, pairs: list[int], chosen: list[int], wanted: set[int]) -> dict[int, Support]:
    """Of each of the ``wanted`` pairs (see :func:`_support_and_attack`), the
    first support that makes it (``pairs[j]`` is premise ``chosen[j]``'s)."""
    found: dict[int, Support] = {}
    owners = ids.premise_of
    for j in compress(range(len(pairs)), map(wanted.__contains__, pairs)):
        k = chosen[j]
        found.setdefault(pairs[j], m.supports[k if owners is None else owners[k]])
    return found


_first_of = itemgetter(0)


def _circular_argument(argument: Argument) -> Iterator[Diagnostic]:
    """E203 for each conclusion of ``argument`` that was already one of its
    premises or conclusions (a step cannot lead back to where the argument
    started)."""
    before: dict[str, str] = {}
    for step in argument.steps:
        for p in step.premises:
            before.setdefault(p, N_("argument `{argument}` concludes `{id}`, which is already one of its premises:"
                                    " the argument goes in a circle"))
        c = step.conclusion
        if c in before:
            yield error(
                "E203",
                before[c],
                step.span or argument.span,
                "an argument cannot conclude what it starts from; conclude another claim, or remove the premise",
                argument=argument.id,
                id=c,
            )
        before.setdefault(c, N_("argument `{argument}` concludes `{id}`, which is already one of its conclusions:"
                                " the argument goes in a circle"))


def _parts(m: ArgumentMap, name: str) -> tuple[object, dict[str, str]] | None:
    """The argument or named relation ``name`` and the claims it is made of,
    each with its role ("the conclusion", "a premise", ...); None for a
    contradiction (each side is also the target of the other) or an unknown
    name."""
    try:
        argument = m.argument(name)
    except KeyError:
        pass
    else:
        roles: dict[str, Phrase] = {}
        for step in argument.steps:
            for p in step.premises:
                roles.setdefault(p, _PREMISE)
            roles.setdefault(step.conclusion, _INTERMEDIATE)
        roles[argument.conclusion] = _CONCLUSION
        return argument, roles
    try:
        rel = m.relation(name)
    except KeyError:
        return None
    if isinstance(rel, Support):
        return rel, {**{p: _PREMISE for p in rel.premises}, rel.conclusion: _CONCLUSION}
    if isinstance(rel, (Rebuttal, Undercut)):
        return rel, {a: _ATTACKER for a in rel.attackers}
    return None


_PREMISE = phrase("a premise")
_INTERMEDIATE = phrase("an intermediate conclusion")
_CONCLUSION = phrase("the conclusion")
_ATTACKER = phrase("an attacker")


def _self_defeating(m: ArgumentMap, ids: MapIds) -> Iterator[Diagnostic]:
    """E203 for an undercut of an argument or named relation by one of the
    claims it is made of: whenever the relation holds, so does that claim,
    and the relation is defeated: it defeats itself."""
    for u in _may_defeat_themselves(m, ids):
        if u.name is not None and u.name == u.target:
            continue  # an undercut of itself: E203 from the reference checks
        found = _parts(m, u.target)
        if found is None:
            continue
        item, roles = found
        a = next((a for a in u.attackers if a in roles), None)
        if a is None:
            continue
        yield error(
            "E203",
            "`{id}` undercuts `{target}`, {kind} of which it is {role}: `{target}` defeats itself",
            u.span,
            "a claim cannot undercut what it is part of; did you mean another claim, or to rebut a premise?",
            id=a,
            target=u.target,
            kind=kind_of(item),
            role=roles[a],
        )


def _may_defeat_themselves(m: ArgumentMap, ids: MapIds):
    """The undercuts, in order, that may have an attacker among the claims of
    the argument or named relation they target (:func:`_parts`): a large map
    has many undercuts and few such. First, a list at a time (a byte per
    claim's number), those whose attacker is a claim of any argument or
    named relation; then, of those, one by one, the ones whose attacker is
    a claim of the relation they target (an argument's are left to
    :func:`_self_defeating`)."""
    if ids.undercutter_of is not None:
        return m.undercuts
    attackers, targets = ids.undercut_attackers, ids.undercut_targets
    support_names, rebuttal_names, _, undercut_names = ids.relation_names
    number = ids.number.get  # (not [ ]: an id no relation names gets no number)
    part = marks(
        ids.size,
        compress(ids.premise_at, aligned(support_names, ids.premise_of)),
        compress(ids.conclusion_at, support_names),
        compress(ids.attacker_at, aligned(rebuttal_names, ids.attacker_of)),
        compress(ids.undercutter_at, undercut_names),
        [k for a in m.arguments for k in (number(claim) for claim, _ in a.references()) if k is not None],
    )
    arguments = {a.id for a in m.arguments}
    hit = bytearray(len(targets))
    for k in compress(range(len(targets)), map(part.__getitem__, ids.undercutter_at)):
        target = targets[k]
        if target in arguments:
            hit[k] = 1
        elif target in ids.names:  # (else m.relation would list every name in its error)
            rel, attacker = m.relation(target), attackers[k][0]
            if type(rel) is Support:
                hit[k] = attacker in rel.premises or attacker == rel.conclusion
            elif type(rel) is not Contradiction:
                hit[k] = attacker in rel.attackers
    return compress(m.undercuts, hit)


def _linked_twice(m: ArgumentMap, ids: MapIds):
    """The relations, in order, that list a claim twice among their premises or attackers."""
    marked: set[int] = set()
    for relations, listed in (
        (m.supports, ids.premises),
        (m.rebuttals, ids.rebuttal_attackers),
        (m.undercuts, ids.undercut_attackers),
    ):
        linked = map((1).__lt__, map(len, listed))
        marked.update(id(r) for r, claims in compress(zip(relations, listed), linked) if _second_mention(claims) is not None)
    return _in_order(m.relations, marked)


def _named_twice(m: ArgumentMap, ids: MapIds) -> Iterator[Diagnostic]:
    """W305 for a claim listed twice among the premises of one support or
    step of an argument, or among the attackers of one linked objection:
    the second mention adds nothing."""
    for rel in _linked_twice(m, ids):
        if isinstance(rel, Contradiction):
            continue
        ids = rel.premises if isinstance(rel, Support) else rel.attackers
        twice = _second_mention(ids)
        if twice is None:
            continue
        ident, k = twice
        span = rel.ref_spans[k] if len(rel.ref_spans) > k and rel.ref_spans[k] else rel.span
        if isinstance(rel, Support) and rel.argument is not None:
            yield warning(
                "W305",
                N_("argument `{argument}` lists `{id}` twice among the premises of one step (line {line})")
                if rel.span
                else N_("argument `{argument}` lists `{id}` twice among the premises of one step"),
                span,
                "list `{id}` once; an intermediate conclusion is a premise of the next step without being listed",
                argument=rel.argument,
                id=ident,
                line=rel.span.line if rel.span else "",
            )
            continue
        once = " + ".join(dict.fromkeys(ids))
        verb = "supports" if isinstance(rel, Support) else "rebuts" if isinstance(rel, Rebuttal) else "undercuts"
        written = f"{' + '.join(ids)} {verb} {rel.conclusion if isinstance(rel, Support) else rel.target}"
        fixed = f"{once} {verb} {rel.conclusion if isinstance(rel, Support) else rel.target}"
        if rel.name is not None:
            written, fixed = f"{rel.name}: {written}", f"{rel.name}: {fixed}"
        yield warning(
            "W305",
            "`{id}` is named twice in `{written}`: the second mention adds nothing",
            span,
            "name each claim once: `{fixed}`",
            id=ident,
            written=written,
            fixed=fixed,
        )


def _second_mention(ids: tuple[str, ...]) -> tuple[str, int] | None:
    """The first id listed a second time, and the index of that mention."""
    seen: set[str] = set()
    for k, ident in enumerate(ids):
        if ident in seen:
            return ident, k
        seen.add(ident)
    return None


def _circular_support(m: ArgumentMap, ids: MapIds, circular: set[str] = frozenset()) -> Iterator[Diagnostic]:
    # The supports of an argument that concludes its own premise (E203) would
    # report that circle twice.
    supports, sources, targets = m.supports, ids.premise_at, ids.premise_conclusions()
    ends = None
    if circular:
        kept = [s.argument not in circular for s in supports]
        supports = list(compress(supports, kept))
        if ids.premise_of is not None:
            kept = list(map(kept.__getitem__, ids.premise_of))
        sources, targets = list(compress(sources, kept)), list(compress(targets, kept))
    else:
        ends = (ids.conclusion_marks(), ids.premise_marks())
    found = _maybe_circular(sources, targets, ids.size, ends)
    claim_ids = ids.claim_ids
    candidates = {claim_ids[i] for i in found if i < len(claim_ids)}  # (an unknown id is on no circle)
    if not candidates:
        return
    names = list(filter(candidates.__contains__, ids.claim_ids))
    del candidates
    ids = {c: i for i, c in enumerate(names)}
    successors: list[list[int]] = [[] for _ in names]
    for s in supports:
        c = ids.get(s.conclusion)
        if c is None:
            continue
        for p in s.premises:
            i = ids.get(p)
            if i is not None and i != c:
                successors[i].append(c)
    # A claim that no remaining support leads to lies on no circle: take such
    # claims away, again and again (on a large map without circles that is all
    # of them, and the components, a list per claim, are never computed).
    into = [0] * len(names)
    for targets in successors:
        for c in targets:
            into[c] += 1
    free = [i for i, k in enumerate(into) if k == 0]
    while free:
        for c in successors[free.pop()]:
            into[c] -= 1
            if into[c] == 0:
                free.append(c)
    left = [i for i, k in enumerate(into) if k]
    if not left:
        return
    # Renumbered in the same order, so the smallest member stays the smallest.
    new = {i: j for j, i in enumerate(left)}
    successors = [[new[c] for c in successors[i] if c in new] for i in left]
    names = [names[i] for i in left]
    components = [c for c in strongly_connected(len(names), successors) if len(c) > 1]
    if not components:
        return
    n = len(names)
    ids = {c: i for i, c in enumerate(names)}
    component_of = {i: k for k, component in enumerate(components) for i in component}
    edge_support: dict[int, Support] = {}
    for s in supports:
        c = ids.get(s.conclusion)
        if c is None:
            continue
        for p in s.premises:
            i = ids.get(p)
            if i is not None and i != c and component_of.get(i, -1) == component_of.get(c, -2):
                edge_support.setdefault(i * n + c, s)
    for component in components:
        members = set(component)
        cycle = _shortest_cycle(min(component), successors, members)
        steps = [edge_support[cycle[k] * n + cycle[k + 1]] for k in range(len(cycle) - 1)]
        closing = max(steps, key=lambda s: (s.span.line, s.span.column) if s.span else (0, 0))
        # The ids and the verb between them are written as in the map, in every language.
        circle = " supports ".join(f"`{names[i]}`" for i in cycle)
        through = list(dict.fromkeys(s.argument for s in steps if s.argument is not None))
        arguments: Phrase | str = ""
        if through:
            named = Phrase(", ", items=tuple(phrase("argument `{id}`", id=a) for a in through))
            arguments = phrase(" (through {arguments})", arguments=named)
        others = sorted(members - set(cycle))
        also: Phrase | str = ""
        if others:
            shown: Phrase | str = ", ".join(f"`{names[i]}`" for i in others[:_SHOWN])
            if len(others) > _SHOWN:
                shown = phrase("{shown} and {count} more", shown=shown, count=len(others) - _SHOWN)
            also = phrase("; the circle also takes in {shown}", shown=shown)
        yield warning(
            "W302",
            "circular support: {circle}{arguments}{also}",
            closing.span,
            "a claim cannot be a reason for itself, however many steps lie between; remove one support",
            circle=circle,
            arguments=arguments,
            also=also,
        )


def _maybe_circular(
    sources: list[int], targets: list[int], size: int, ends: tuple[bytearray, bytearray] | None = None
) -> set[int]:
    """The numbers (below ``size``) of the ids that may lie on a circle of
    the supports from ``sources[k]`` to ``targets[k]``: each is both a
    premise and a conclusion, also once the supports from a claim no
    support leads to, or to a claim that supports nothing, are taken away,
    as long as a round of that (a list at a time, in C) takes away a tenth
    of them. ``ends``, if given, are :func:`marks` of ``targets`` and of
    ``sources`` (for the first round)."""
    while sources:
        into, out_of = ends if ends is not None else (marks(size, targets), marks(size, sources))
        ends = None
        keep = list(map(and_, map(into.__getitem__, sources), map(out_of.__getitem__, targets)))
        left = keep.count(1)
        if left < len(keep):
            sources, targets = list(compress(sources, keep)), list(compress(targets, keep))
        if left * 10 > len(keep) * 9:
            break
    return set(sources).intersection(targets)


def _shortest_cycle(start: int, successors: list[list[int]], members: set[int]) -> list[int]:
    """The shortest path from ``start`` back to itself inside ``members``
    (a strongly connected component, so there is one), both ends included."""
    parent = {start: -1}
    queue = deque([start])
    while queue:
        v = queue.popleft()
        for w in successors[v]:
            if w not in members:
                continue
            if w == start:
                path = [v]
                while parent[path[-1]] != -1:
                    path.append(parent[path[-1]])
                path.reverse()
                return path + [start]
            if w not in parent:
                parent[w] = v
                queue.append(w)
    raise AssertionError("a strongly connected component always has a cycle")


def _unconnected(m: ArgumentMap, ids: MapIds) -> Iterator[Diagnostic]:
    claims = m.claims
    if len(claims) < 2 or all(c.id == claims[0].id for c in claims):
        return
    others = marks(ids.size, ids.attacker_at, ids.target_at, ids.undercutter_at, ids.first_at, ids.second_at)
    connected = _either(_either(ids.premise_marks(), ids.conclusion_marks()), others)
    if ids.distinct == len(claims):
        # Each claim's number is its index: the claims connected to nothing are the bytes left 0.
        lonely = compress(claims, connected[: len(claims)].translate(_ZERO_TO_ONE))
    else:
        # The first claim with an id, once (the others are reported as duplicates).
        number, reported = ids.number, set()
        lonely = []
        for ident in compress(ids.claim_ids, map(not_, map(connected.__getitem__, map(number.__getitem__, ids.claim_ids)))):
            if ident not in reported:
                reported.add(ident)
                lonely.append(m.claim(ident))
    for c in lonely:
        yield warning(
            "W303",
            "claim `{id}` is connected to nothing: it supports, attacks and is attacked by no other claim",
            _id_span(c),
            "relate it, e.g. `{id} supports ...`, or remove it",
            id=c.id,
        )


def _either(a: bytes, b: bytes) -> bytes:
    """Of two sequences of bytes 0 and 1 of one length, 1 where either has 1."""
    return (int.from_bytes(a, "little") | int.from_bytes(b, "little")).to_bytes(len(a), "little")


#: Turns a byte 0 into 1 and every other byte into 0.
_ZERO_TO_ONE = bytes([1] + [0] * 255)


def _uncited(m: ArgumentMap, ids: MapIds) -> Iterator[Diagnostic]:
    cited = ids.cited
    owners = {p.id for p in m.positions}
    seen: set[str] = set()
    for s in m.sources:
        if s.id in seen:
            continue
        seen.add(s.id)
        if s.id not in cited and s.id not in owners:
            yield info(
                "I304",
                "source `{id}` is cited by no claim",
                s.ref_spans[0] if s.ref_spans else s.span,
                "cite it under a claim with `source: {id}`, or remove it",
                id=s.id,
            )


def _id_span(c: Claim):
    refs = c.ref_spans  # once: a claim read from text unpacks them when asked
    return refs[0] if refs else c.span


def _group_parents(m: ArgumentMap) -> Iterator[Diagnostic]:
    """E201 for a parent group declared nowhere; E203 once per circle of
    groups inside each other, at the ``group:`` line written last in it.

    (Reported here, not with the other unknown ids: a group's place changes
    the picture, not what the map means, so evaluation need not stop.)"""
    parent: dict[str, str] = {}
    groups: dict[str, object] = {}
    for g in m.groups:
        groups.setdefault(g.id, g)
    ids = set(groups)  # a set, so that did-you-mean indexes it once
    for g in groups.values():
        for ref, span in g.references():
            if ref in groups:
                parent[g.id] = ref
                continue
            guess = suggest(ref, ids)
            yield error(
                "E201",
                "unknown group `{ref}`: group `{id}` is declared to be part of it",
                span or g.span,
                N_("did you mean `{guess}`?") if guess else N_("declare it with `group {ref}: label`"),
                ref=ref,
                id=g.id,
                guess=guess,
            )
    done: set[str] = set()
    for start in groups:
        path: list[str] = []
        on_path: set[str] = set()
        g = start
        while g in parent and g not in done and g not in on_path:
            path.append(g)
            on_path.add(g)
            g = parent[g]
        done.update(path)
        if g not in on_path:
            continue
        circle = path[path.index(g) :]
        last = max((groups[x] for x in circle), key=_parent_line)
        if len(circle) == 1:
            yield error(
                "E203",
                "group `{id}` is declared to be part of itself",
                _at_parent(last),
                "a group cannot contain itself; remove its `group:` line",
                id=g,
            )
            continue
        chain = [last.id]
        while len(chain) <= len(circle):
            chain.append(parent[chain[-1]])
        rest = joined(", which is part of ", [f"`{x}`" for x in chain[1:]])
        yield error(
            "E203",
            "groups inside each other in a circle: `{id}` is part of {rest}",
            _at_parent(last),
            "a group cannot contain itself; remove one of these `group:` lines",
            id=chain[0],
            rest=rest,
        )


def _parent_line(g):
    span = _at_parent(g)
    return (span.line, span.column) if span is not None else (0, 0)


def _at_parent(g):
    return g.ref_spans[1] if len(g.ref_spans) > 1 else g.span
