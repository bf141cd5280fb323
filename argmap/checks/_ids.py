"""A map's ids, read a list at a time and once for all the checks.

On a map of a million claims each pass over its relations costs a fetch
from memory per relation, tuple and id, so the checks share one reading:
the ids of the claims, the premises and conclusion of each support, the
attackers and target of each rebuttal and undercut, the two sides of each
contradiction, the names. Each list is in the order of the map's tuple it
was read from (``m.claims``, ``m.supports``, ...); reading them goes
through ``map`` (in C), not a Python loop.
"""

from __future__ import annotations

from itertools import chain
from operator import attrgetter

from argmap.model import ArgumentMap

__all__ = ["MapIds"]

_id = attrgetter("id")
_name = attrgetter("name")
_premises = attrgetter("premises")
_conclusion = attrgetter("conclusion")
_attackers = attrgetter("attackers")
_target = attrgetter("target")
_first = attrgetter("first")
_second = attrgetter("second")


class MapIds:
    """The ids of one map, by the place they stand in."""

    __slots__ = (
        "claim_ids", "claims", "premises", "conclusions", "rebuttal_attackers", "rebuttal_targets",
        "undercut_attackers", "undercut_targets", "firsts", "seconds", "relation_names", "names",
    )

    def __init__(self, m: ArgumentMap):
        #: The id of each claim (``m.claims``), and the set of them.
        self.claim_ids: list[str] = list(map(_id, m.claims))
        self.claims: set[str] = set(self.claim_ids)
        #: Of each support (``m.supports``, an argument's own included): its premises and conclusion.
        self.premises: list[tuple[str, ...]] = list(map(_premises, m.supports))
        self.conclusions: list[str] = list(map(_conclusion, m.supports))
        self.rebuttal_attackers: list[tuple[str, ...]] = list(map(_attackers, m.rebuttals))
        self.rebuttal_targets: list[str] = list(map(_target, m.rebuttals))
        self.undercut_attackers: list[tuple[str, ...]] = list(map(_attackers, m.undercuts))
        self.undercut_targets: list[str] = list(map(_target, m.undercuts))
        #: The two sides of each contradiction.
        self.firsts: list[str] = list(map(_first, m.contradictions))
        self.seconds: list[str] = list(map(_second, m.contradictions))
        #: The name (or None) of each support, rebuttal, contradiction and undercut, a list each.
        self.relation_names: tuple[list[str | None], ...] = tuple(
            list(map(_name, r)) for r in (m.supports, m.rebuttals, m.contradictions, m.undercuts)
        )
        #: Every name of a relation and id of an argument.
        self.names: set[str] = set(filter(None, chain.from_iterable(self.relation_names)))
        self.names.update(map(_id, m.arguments))

    def single_premises(self) -> list[str] | None:
        """The premise of each support, when every support has one (else None)."""
        if all(map((1).__eq__, map(len, self.premises))):
            return list(chain.from_iterable(self.premises))
        return None
