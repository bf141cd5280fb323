"""A map's ids resolved to indices once, for the meaning check and the framework.

:func:`resolve` reads a map in one pass: the order of its arguments (claims,
named relations and arguments, each id once), the index of every claim and
name, and every unnamed single attack as an index pair; and, on the way,
whether any id fails to resolve the way its place needs. That is what the
errors that change a map's meaning are (:data:`argmap._meaning.MEANING_CODES`),
so a map that resolves cleanly has none of them and needs no other check;
one that does not is checked in full (argmap.checks.references), which says
where and why. The framework (:func:`argmap.semantics._framework.build`)
starts from the same resolution, so on a map of a million claims each id is
looked up once rather than once per stage.
"""

from __future__ import annotations

from typing import Any

from attrs import define

from argmap.model import Argument, ArgumentMap, Claim, Contradiction, Rebuttal, Support, Undercut

__all__ = ["Resolved", "resolve", "arguments_in_order"]

_NAMED_RELATIONS = (Support, Rebuttal, Contradiction, Undercut)


@define(slots=True, eq=False)
class Resolved:
    """What :func:`resolve` found.

    ``order`` lists the argument ids as written; ``claims`` and ``names``
    give the index in ``order`` of each claim and of each relation name or
    argument id. ``base`` holds every unnamed single rebuttal and each
    direction of every unnamed contradiction, ``undercuts`` every unnamed
    single undercut, each attack ``a -> b`` as the number ``a * n + b``
    (``n = len(order)``); ``others`` the relations whose attacks are named
    or linked (rebuttals, then undercuts, then contradictions). Attacks
    naming unknown ids are left out. ``clean`` is True when the map has no
    error that changes its meaning.
    """

    order: list[str]
    claims: dict[str, int]
    names: dict[str, int]
    base: set[int]
    undercuts: set[int]
    others: list
    clean: bool


def resolve(argument_map: ArgumentMap) -> Resolved:
    """Resolve the ids of ``argument_map`` (see :class:`Resolved`)."""
    order, claims, names, unique = arguments_in_order(argument_map)
    n = len(order)
    clean = unique and _each_once(argument_map)
    base: set[int] = set()
    undercuts: set[int] = set()
    others: list = []
    claim_of = claims.get
    for relations, targets, into in ((argument_map.rebuttals, claims, base), (argument_map.undercuts, names, undercuts)):
        target_of = targets.get
        add = into.add
        for r in relations:
            if r.name is None and len(r.attackers) == 1:
                a = claim_of(r.attackers[0])
                b = target_of(r.target)
                if a is None or b is None:
                    clean = False
                else:
                    add(a * n + b)
            else:
                others.append(r)
                clean = clean and r.target in targets and all(x in claims for x in r.attackers)
    for k in argument_map.contradictions:
        if k.name is None:
            a = claim_of(k.first)
            b = claim_of(k.second)
            if a is None or b is None:
                clean = False
            else:
                base.add(a * n + b)
                base.add(b * n + a)
        else:
            others.append(k)
            clean = clean and k.first in claims and k.second in claims
    clean = clean and _supports_resolve(argument_map, claims) and _positions_resolve(argument_map, claims, names)
    return Resolved(order, claims, names, base, undercuts, others, clean)


def arguments_in_order(argument_map: ArgumentMap) -> tuple[list[str], dict[str, int], dict[str, int], bool]:
    """The argument ids in the order written, each once; the index of each
    claim and of each name; and whether no id was defined twice."""
    order: list[str] = []
    claims: dict[str, int] = {}
    names: dict[str, int] = {}
    unique = True
    items: tuple[Any, ...] = argument_map.items  # told apart by type(), which mypy does not narrow
    for item in items:
        kind = type(item)
        if kind is Claim:
            ident = item.id
            into = claims
        elif kind is Argument:
            ident = item.id
            into = names
        elif kind in _NAMED_RELATIONS:
            ident = item.name
            if ident is None:
                continue
            into = names
        else:
            continue
        if ident in claims or ident in names:
            unique = False
            continue
        into[ident] = len(order)
        order.append(ident)
    return order, claims, names, unique


def _each_once(argument_map: ArgumentMap) -> bool:
    """Whether every source, position and group has its own id."""
    for items in (argument_map.sources, argument_map.positions, argument_map.groups):
        if len({item.id for item in items}) != len(items):
            return False
    return True


def _supports_resolve(argument_map: ArgumentMap, claims: dict[str, int]) -> bool:
    """Whether every premise and conclusion, of supports and arguments, is a claim."""
    for s in argument_map.supports:
        if s.conclusion not in claims or not all(p in claims for p in s.premises):
            return False
    return all(ref in claims for a in argument_map.arguments for ref, _ in a.references())


def _positions_resolve(argument_map: ArgumentMap, claims: dict[str, int], names: dict[str, int]) -> bool:
    """Whether every id a position names is a claim, a named relation or an argument."""
    return all(
        ref in claims or ref in names for position in argument_map.positions for ref in position.accepts + position.rejects
    )
