"""Comparing two positions: where they agree, disagree, and attack each other."""

from __future__ import annotations

from typing import Any

from attrs import field, frozen

from argmap.model import ArgumentMap, Contradiction, Rebuttal, Undercut
from argmap._meaning import require_meaning
from argmap.semantics._framework import build

__all__ = ["Comparison", "CrossAttack", "compare_positions"]


@frozen
class CrossAttack:
    """An argument one position accepts attacking one the other accepts.

    ``by`` is the id of the position whose argument attacks; ``attacker`` is
    a claim, or a named relation whose attack succeeds only while it holds
    (``r`` in ``r: a rebuts b``); ``relation`` is ``rebuts``,
    ``contradicts``, ``undercuts`` or, for an attack only the support mode
    adds, ``derived``; ``line`` is where the relation is written.
    """

    by: str
    attacker: str
    target: str
    relation: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "attacker": self.attacker,
            "target": self.target,
            "relation": self.relation,
            "line": self.line,
        }


def _tuple(value):
    return tuple(value)


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

    def to_dict(self) -> dict[str, Any]:
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


def compare_positions(argument_map: ArgumentMap, first: str, second: str, support: str = "none") -> Comparison:
    """Compare the positions ``first`` and ``second`` of ``argument_map``.
    Attacks are the framework's under ``support`` (derived ones included),
    as the map's ids see them (:attr:`Framework.visible_attacks`).
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
    af = build(argument_map, support)[0]
    order = {a: i for i, a in enumerate(af.arguments)}

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

    written = _written_attacks(argument_map)
    accepted_p = {i for i, s in sp.items() if s == "accepts"}
    accepted_q = {i for i, s in sq.items() if s == "accepts"}
    attacks = []
    for a, b in af.visible_attacks:
        for by, mine, theirs in ((first, accepted_p, accepted_q), (second, accepted_q, accepted_p)):
            if a in mine and b in theirs:
                relation, line = written.get((a, b), ("derived", None))
                attacks.append(CrossAttack(by, a, b, relation, line))
    attacks.sort(key=lambda x: (x.by != first, key(x.attacker), key(x.target)))
    return Comparison(first, second, support, both_accept, both_reject, disagree, only_first, only_second, attacks)


def _written_attacks(argument_map: ArgumentMap) -> dict[tuple[str, str], tuple[str, int | None]]:
    """Each attack as the map's ids see it (an attacker, or the named
    relation, and the target) with the first relation that writes it and its line."""
    result: dict[tuple[str, str], tuple[str, int | None]] = {}
    for rel in argument_map.relations:
        line = rel.span.line if rel.span else None
        kind = type(rel)
        if kind is Contradiction:
            ends = [(rel.first, rel.second), (rel.second, rel.first)]
            if rel.name is not None:
                ends += [(rel.name, rel.second), (rel.name, rel.first)]
            for pair in ends:
                result.setdefault(pair, ("contradicts", line))
        elif kind is Rebuttal or kind is Undercut:
            verb = "rebuts" if kind is Rebuttal else "undercuts"
            sources = rel.attackers + ((rel.name,) if rel.name is not None else ())
            for source in sources:
                result.setdefault((source, rel.target), (verb, line))
    return result
