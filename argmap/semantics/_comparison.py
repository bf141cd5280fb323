"""Comparing two positions: where they agree, disagree, and attack each other."""

from __future__ import annotations

from typing import Any

from attrs import field, frozen

from argmap.model import ArgumentMap, Contradiction, Rebuttal, Undercut
from argmap._meaning import require_meaning
from argmap.errors import OptionError
from argmap.types import JSONDict, SupportMode
from argmap.semantics._framework import SUPPORT_MODES, arguments_of, support_reach

__all__ = ["Comparison", "CrossAttack", "compare_positions"]


def _tuple(value: object) -> Any:
    return tuple(value)


@frozen
class CrossAttack:
    """An argument one position accepts attacking one the other accepts.

    ``by`` is the id of the position that accepts the attackers (all of
    them, for a linked objection) and the named relation the attack belongs
    to, if it has one (an attack succeeds only while its relation holds);
    ``relation`` is ``rebuts``, ``contradicts``, ``undercuts`` or, for an
    attack only the support mode adds, ``derived``; ``line`` is where the
    relation is written.
    """

    by: str
    attacker: str
    target: str
    relation: str
    line: int | None = None
    #: Every attacker (more than one for a linked objection; ``attacker`` is the first).
    attackers: tuple[str, ...] = field(default=(), kw_only=True, converter=_tuple)
    #: The named relation the attack belongs to, if any; the position accepts it too.
    name: str | None = field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not self.attackers:
            object.__setattr__(self, "attackers", (self.attacker,))

    def to_dict(self) -> JSONDict:
        return {
            "by": self.by,
            "attacker": self.attacker,
            "attackers": list(self.attackers),
            "name": self.name,
            "target": self.target,
            "relation": self.relation,
            "line": self.line,
        }


@frozen
class Comparison:
    """How two positions relate. Ids are in the order the map writes them.

    ``both_accept`` / ``both_reject``: where they agree; ``disagree``: pairs
    ``(id, stance of first)`` where one accepts what the other rejects (the
    stance is ``"accepts"`` or ``"rejects"``); ``only_first`` /
    ``only_second``: pairs ``(id, stance)`` the other position says nothing
    about; ``attacks``: each argument accepted by one that attacks one
    accepted by the other.
    """

    first: str
    second: str
    support: str
    both_accept: tuple[str, ...] = field(converter=_tuple)
    both_reject: tuple[str, ...] = field(converter=_tuple)
    disagree: tuple[tuple[str, str], ...] = field(converter=_tuple)
    only_first: tuple[tuple[str, str], ...] = field(converter=_tuple)
    only_second: tuple[tuple[str, str], ...] = field(converter=_tuple)
    attacks: tuple[CrossAttack, ...] = field(converter=_tuple)

    def _repr_html_(self) -> str:
        from argmap._display import comparison_html  # Jupyter: the stances side by side, the attacks

        return comparison_html(self)

    def to_dict(self) -> JSONDict:
        """What ``argmap compare --format json`` prints."""

        def stances(pairs):
            return {
                "accepts": [i for i, s in pairs if s == "accepts"],
                "rejects": [i for i, s in pairs if s == "rejects"],
            }

        return {
            "first": self.first,
            "second": self.second,
            "support": self.support,
            "agree": {"accepts": list(self.both_accept), "rejects": list(self.both_reject)},
            "disagree": [{"id": i, "first": s, "second": _other(s)} for i, s in self.disagree],
            "only_first": stances(self.only_first),
            "only_second": stances(self.only_second),
            "attacks": [a.to_dict() for a in self.attacks],
        }


def _other(stance: str) -> str:
    return "rejects" if stance == "accepts" else "accepts"


def compare_positions(argument_map: ArgumentMap, first: str, second: str, support: SupportMode = "none") -> Comparison:
    """Compare the positions ``first`` and ``second`` of ``argument_map``.
    Attacks are the map's rebuttals, contradictions and undercuts, and the
    attacks the support mode ``support`` derives from them.
    Raises KeyError when a position does not exist, and
    :class:`argmap.semantics.MapError` (a ValueError) when the map has errors
    that change what it means, such as a relation naming an unknown id.

    >>> from argmap import parse
    >>> m = parse('''claim a: A.
    ... claim b: B.
    ... a rebuts b
    ... position p: accepts a
    ... position q: accepts b; rejects a
    ... ''')
    >>> c = compare_positions(m, "p", "q")
    >>> c.disagree
    (('a', 'accepts'),)
    >>> [(x.by, x.attacker, x.target, x.line) for x in c.attacks]
    [('p', 'a', 'b', 3)]
    """
    p = argument_map.position(first)
    q = argument_map.position(second)
    require_meaning(argument_map, "compare positions of")
    if support not in SUPPORT_MODES:
        raise OptionError(f"unknown support mode {support!r}; use one of {', '.join(SUPPORT_MODES)}")
    order = {a: i for i, a in enumerate(arguments_of(argument_map)[0])}

    def key(ident: str):
        return (order.get(ident, len(order)), ident)

    def stances(position) -> dict[str, str]:
        result: dict[str, str] = {}
        for i in position.accepts:
            result.setdefault(i, "accepts")
        for i in position.rejects:
            result.setdefault(i, "rejects")
        return result

    sp, sq = stances(p), stances(q)
    both_accept = sorted((i for i, s in sp.items() if s == "accepts" and sq.get(i) == "accepts"), key=key)
    both_reject = sorted((i for i, s in sp.items() if s == "rejects" and sq.get(i) == "rejects"), key=key)
    disagree = sorted(((i, s) for i, s in sp.items() if i in sq and sq[i] != s), key=lambda x: key(x[0]))
    only_first = sorted(((i, s) for i, s in sp.items() if i not in sq), key=lambda x: key(x[0]))
    only_second = sorted(((i, s) for i, s in sq.items() if i not in sp), key=lambda x: key(x[0]))

    attacks = _cross_attacks(argument_map, support, first, second, sp, sq)
    attacks.sort(key=lambda x: (x.by != first, key(x.attacker), key(x.target)))
    return Comparison(first, second, support, both_accept, both_reject, disagree, only_first, only_second, attacks)


_VERBS = {Rebuttal: "rebuts", Contradiction: "contradicts", Undercut: "undercuts"}


def _cross_attacks(argument_map: ArgumentMap, support: str, first: str, second: str, sp, sq) -> list[CrossAttack]:
    """Each attack whose attackers (and named relation) one position accepts,
    on something the other accepts; derived ones where the support mode moves
    an end of the attack to another claim both hold."""
    order, claims, names = arguments_of(argument_map)
    reach, _ = support_reach(argument_map, claims, len(order), support)
    accepted = {first: {i for i, s in sp.items() if s == "accepts"}, second: {i for i, s in sq.items() if s == "accepts"}}
    other = {first: second, second: first}
    found: dict[tuple, CrossAttack] = {}
    for rel in argument_map.relations:
        kind = type(rel)
        verb = _VERBS.get(kind)
        if verb is None:
            continue
        if kind is Contradiction:
            instances = [((rel.first,), rel.second), ((rel.second,), rel.first)]
        else:
            instances = [(rel.attackers, rel.target)]
        moves = kind is not Undercut and reach is not None
        line = rel.span.line if rel.span else None
        for attackers, target in instances:
            for by in (first, second):
                mine, theirs = accepted[by], accepted[other[by]]
                if rel.name is not None and rel.name not in mine:
                    continue
                chosen = [_held(x, mine, claims, order, reach if moves else None) for x in attackers]
                if None in chosen:
                    continue
                targets = [target] if target in theirs else []
                if moves and target in claims:
                    targets += [order[t] for t in sorted(reach(claims[target])) if order[t] in theirs and order[t] != target]
                for t in targets:
                    written = t == target and tuple(chosen) == tuple(attackers)
                    cross = CrossAttack(
                        by, chosen[0], t, verb if written else "derived", line if written else None,
                        attackers=tuple(dict.fromkeys(chosen)), name=rel.name,
                    )
                    k = (by, cross.attackers, t)
                    if k not in found or (written and found[k].relation == "derived"):
                        found[k] = cross
    return list(found.values())


def _held(ident: str, mine: set[str], claims: dict[str, int], order: list[str], reach) -> str | None:
    """``ident`` if the position accepts it, else the first claim the support
    mode moves ``ident`` to that the position accepts, else None."""
    if ident in mine:
        return ident
    if reach is None or ident not in claims:
        return None
    for i in sorted(reach(claims[ident])):
        if order[i] in mine:
            return order[i]
    return None
