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

from itertools import chain, repeat
from operator import add, attrgetter, mul
from typing import Any

from attrs import define, field

from argmap.model import Argument, ArgumentMap, Claim, Contradiction, Rebuttal, Support, Undercut

__all__ = ["Attacks", "Resolved", "resolve", "arguments_in_order"]

_NAMED_RELATIONS = (Support, Rebuttal, Contradiction, Undercut)
_id = attrgetter("id")
_name = attrgetter("name")
_attackers = attrgetter("attackers")
_target = attrgetter("target")
_first = attrgetter("first")
_second = attrgetter("second")


@define(slots=True, eq=False)
class Attacks:
    """Single attacks by index: ``attackers[k]`` attacks ``targets[k]``.

    Kept as two lists in the order the map writes them, duplicates included
    (a rebuttal written twice is one attack of the framework, so
    :meth:`codes` merges them; the grounded labelling counts each copy on
    both sides and needs no merging)."""

    attackers: list[int] = field(factory=list)
    targets: list[int] = field(factory=list)

    def __len__(self) -> int:
        return len(self.attackers)

    def codes(self, n: int) -> set[int]:
        """Each distinct attack ``a -> b`` as the number ``a * n + b``."""
        return set(map(add, map(mul, self.attackers, repeat(n)), self.targets))


@define(slots=True, eq=False)
class Resolved:
    """What :func:`resolve` found.

    ``order`` lists the argument ids as written; ``claims`` and ``names``
    give the index in ``order`` of each claim and of each relation name or
    argument id. ``base`` holds every unnamed single rebuttal and each
    direction of every unnamed contradiction, ``undercuts`` every unnamed
    single undercut (:class:`Attacks`, by index in ``order``); ``others``
    the relations whose attacks are named or linked (rebuttals, then
    undercuts, then contradictions). Attacks naming unknown ids are left
    out. ``clean`` is True when the map has no error that changes its
    meaning.
    """

    order: list[str]
    claims: dict[str, int]
    names: dict[str, int]
    base: Attacks
    undercuts: Attacks
    others: list
    clean: bool


def resolve(argument_map: ArgumentMap) -> Resolved:
    """Resolve the ids of ``argument_map`` (see :class:`Resolved`)."""
    order, claims, names, unique = arguments_in_order(argument_map)
    clean = unique and _each_once(argument_map)
    others: list = []
    base, rebuttals_clean = _single_attacks(argument_map.rebuttals, claims, claims, others)
    undercuts, undercuts_clean = _single_attacks(argument_map.undercuts, claims, names, others)
    contradictions_clean = _contradictions(argument_map.contradictions, claims, base, others)
    clean = clean and rebuttals_clean and undercuts_clean and contradictions_clean
    clean = clean and _supports_resolve(argument_map, claims) and _positions_resolve(argument_map, claims, names)
    return Resolved(order, claims, names, base, undercuts, others, clean)


def _single_attacks(
    relations: tuple, claims: dict[str, int], targets: dict[str, int], others: list
) -> tuple[Attacks, bool]:
    """The unnamed single ones of ``relations`` (rebuttals or undercuts) as
    :class:`Attacks` (their targets looked up in ``targets``), the others
    appended to ``others``; and whether every id resolved."""
    # A large map is mostly unnamed single attacks: look them up a list at a
    # time (in C, through map), and go through them one by one only when
    # some relation is named or linked or some id does not resolve.
    # The ids are read from the relations first, then looked up: a pass that
    # does both at once takes half as long again on a million relations.
    if not any(map(_name, relations)):
        attackers = list(chain.from_iterable(map(_attackers, relations)))
        if len(attackers) == len(relations):
            target_ids = list(map(_target, relations))
            try:
                return Attacks(list(map(claims.__getitem__, attackers)), list(map(targets.__getitem__, target_ids))), True
            except KeyError:
                pass  # an unknown id: found one by one below
    found = Attacks()
    clean = True
    claim_of = claims.get
    target_of = targets.get
    add_attacker = found.attackers.append
    add_target = found.targets.append
    for r in relations:
        if r.name is None and len(r.attackers) == 1:
            a = claim_of(r.attackers[0])
            b = target_of(r.target)
            if a is None or b is None:
                clean = False
            else:
                add_attacker(a)
                add_target(b)
        else:
            others.append(r)
            clean = clean and r.target in targets and all(x in claims for x in r.attackers)
    return found, clean


def _contradictions(contradictions: tuple, claims: dict[str, int], base: Attacks, others: list) -> bool:
    """Add both directions of every unnamed contradiction to ``base``, the
    named ones to ``others``; return whether every id resolved."""
    if not any(map(_name, contradictions)):
        first_ids, second_ids = list(map(_first, contradictions)), list(map(_second, contradictions))
        try:
            firsts = list(map(claims.__getitem__, first_ids))
            seconds = list(map(claims.__getitem__, second_ids))
        except KeyError:
            pass  # an unknown id: found one by one below
        else:
            base.attackers.extend(firsts + seconds)
            base.targets.extend(seconds + firsts)
            return True
    clean = True
    for k in contradictions:
        if k.name is None:
            a = claims.get(k.first)
            b = claims.get(k.second)
            if a is None or b is None:
                clean = False
            else:
                base.attackers += (a, b)
                base.targets += (b, a)
        else:
            others.append(k)
            clean = clean and k.first in claims and k.second in claims
    return clean


def arguments_in_order(argument_map: ArgumentMap) -> tuple[list[str], dict[str, int], dict[str, int], bool]:
    """The argument ids in the order written, each once; the index of each
    claim and of each name; and whether no id was defined twice."""
    found = _claims_only(argument_map)
    if found is not None:
        return found
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


def _claims_only(argument_map: ArgumentMap) -> tuple[list[str], dict[str, int], dict[str, int], bool] | None:
    """:func:`arguments_in_order` for a map whose only arguments are its
    claims, each defined once (a large map usually is): their ids taken a
    list at a time. None for any other map."""
    relations = (argument_map.supports, argument_map.rebuttals, argument_map.contradictions, argument_map.undercuts)
    if argument_map.arguments or any(any(map(_name, r)) for r in relations):
        return None
    order = list(map(_id, argument_map.claims))
    # The keys copied (a string joined with "" is a new one): copies made one
    # after another lie side by side in memory, where the ids lie among the
    # claims' texts, so the look-ups that follow (three million on a map of
    # a million claims) reach them with fewer cache misses.
    keys = map("".join, zip(order, repeat("")))
    claims = dict(zip(keys, range(len(order))))
    return (order, claims, {}, True) if len(claims) == len(order) else None


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
