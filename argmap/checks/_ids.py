"""A map's ids, read a list at a time and once for all the checks.

On a map of a million claims each pass over its relations costs a fetch
from memory per relation, tuple and id, so the checks share one reading:
the ids of the claims, the premises and conclusion of each support, the
attackers and target of each rebuttal and undercut, the two sides of each
contradiction, the names. Each list is in the order of the map's tuple it
was read from (``m.claims``, ``m.supports``, ...); reading them goes
through ``map`` (in C), not a Python loop.

Each id in a claim's place is also looked up once in :attr:`MapIds.number`,
which gives it a number: a claim's id its index in ``m.claims``, any other
id a number of its own after those. The checks that compare ids or mark
them (pairs of a support and an attack, circles, claims connected to
nothing) work on these numbers: a look-up of a string among a million
misses the processor's caches, a byte of a ``bytearray`` by number seldom
does, and two numbers are the same id exactly when they are the same
object (``operator.is_`` needs no look-up at all).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from itertools import chain, compress, repeat
from operator import attrgetter

from argmap.model import ArgumentMap

__all__ = ["MapIds", "Numbering", "aligned", "any_of", "marks"]

_id = attrgetter("id")
_name = attrgetter("name")
_premises = attrgetter("premises")
_conclusion = attrgetter("conclusion")
_attackers = attrgetter("attackers")
_target = attrgetter("target")
_first = attrgetter("first")
_source = attrgetter("source")
_second = attrgetter("second")


class Numbering(dict):
    """Ids to numbers: the claims' ids (given) to their index in the map's
    claims (a duplicated id to its last), and any other id, when first
    looked up, to the next number from :attr:`claims` on."""

    __slots__ = ("claims", "size")

    def __init__(self, claim_ids: list[str]):
        super().__init__(zip(claim_ids, range(len(claim_ids))))
        #: Numbers below this are claims.
        self.claims = len(claim_ids)
        #: Numbers below this are given.
        self.size = len(claim_ids)

    def __missing__(self, key: str) -> int:
        number = self[key] = self.size
        self.size += 1
        return number


def marks(size: int, *numbers: Iterable[int]) -> bytearray:
    """A byte per number below ``size``: 1 for each of ``numbers``, else 0."""
    marked = bytearray(size)
    for some in numbers:
        deque(map(marked.__setitem__, some, repeat(1)), maxlen=0)
    return marked


class MapIds:
    """The ids of one map, by the place they stand in."""

    __slots__ = (
        "claim_ids", "_claims", "premises", "conclusions", "rebuttal_attackers",
        "undercut_attackers", "undercut_targets", "relation_names", "names",
        "number", "distinct", "premise_at", "premise_of", "conclusion_at", "attacker_at", "attacker_of",
        "target_at", "undercutter_at", "undercutter_of", "first_at", "second_at", "_marks", "_cited", "_m",
    )

    def __init__(self, m: ArgumentMap):
        #: The id of each claim (``m.claims``).
        self.claim_ids: list[str] = list(map(_id, m.claims))
        self._claims: set[str] | None = None
        #: Of each support (``m.supports``, an argument's own included): its premises and conclusion.
        self.premises: list[tuple[str, ...]] = list(map(_premises, m.supports))
        self.conclusions: list[str] = list(map(_conclusion, m.supports))
        #: The attackers of each rebuttal and undercut, the target of each undercut.
        self.rebuttal_attackers: list[tuple[str, ...]] = list(map(_attackers, m.rebuttals))
        self.undercut_attackers: list[tuple[str, ...]] = list(map(_attackers, m.undercuts))
        self.undercut_targets: list[str] = list(map(_target, m.undercuts))
        #: The name (or None) of each support, rebuttal, contradiction and undercut, a list each.
        self.relation_names: tuple[list[str | None], ...] = tuple(
            list(map(_name, r)) for r in (m.supports, m.rebuttals, m.contradictions, m.undercuts)
        )
        #: Every name of a relation and id of an argument.
        self.names: set[str] = set(filter(None, chain.from_iterable(self.relation_names)))
        self.names.update(map(_id, m.arguments))

        number = self.number = Numbering(self.claim_ids)
        #: How many claims have an id of their own (fewer than the claims when one is defined twice).
        self.distinct = len(number)
        look_up = number.__getitem__
        #: The number of each premise of each support, in order (a list of all
        #: of them); ``premise_of`` the index of the support of each (None:
        #: every support has one premise, so the indices are the same).
        self.premise_at: list[int] = list(map(look_up, chain.from_iterable(self.premises)))
        self.premise_of = _owners(self.premises, self.premise_at)
        self.conclusion_at: list[int] = list(map(look_up, self.conclusions))
        #: The same for the attackers and the target of each rebuttal, the
        #: attackers of each undercut and the sides of each contradiction.
        self.attacker_at: list[int] = list(map(look_up, chain.from_iterable(self.rebuttal_attackers)))
        self.attacker_of = _owners(self.rebuttal_attackers, self.attacker_at)
        self.target_at: list[int] = list(map(look_up, map(_target, m.rebuttals)))
        self.undercutter_at: list[int] = list(map(look_up, chain.from_iterable(self.undercut_attackers)))
        self.undercutter_of = _owners(self.undercut_attackers, self.undercutter_at)
        self.first_at: list[int] = list(map(look_up, map(_first, m.contradictions)))
        self.second_at: list[int] = list(map(look_up, map(_second, m.contradictions)))
        self._marks: dict[str, bytearray] = {}
        self._cited: set[str] | None = None
        self._m = m

    @property
    def cited(self) -> set[str]:
        """The sources the claims cite (made when first asked for)."""
        if self._cited is None:
            self._cited = set(filter(None, map(_source, self._m.claims)))
        return self._cited

    @property
    def claims(self) -> set[str]:
        """The set of the claims' ids (made when first asked for)."""
        if self._claims is None:
            self._claims = set(self.claim_ids)
        return self._claims

    def is_claim(self, ident: str) -> bool:
        """Whether ``ident`` is a claim's id (without making :attr:`claims`)."""
        claims = self.number.claims
        return self.number.get(ident, claims) < claims

    def premise_marks(self) -> bytearray:
        """:func:`marks` of the premises (made once)."""
        if "premises" not in self._marks:
            self._marks["premises"] = marks(self.size, self.premise_at)
        return self._marks["premises"]

    def conclusion_marks(self) -> bytearray:
        """:func:`marks` of the conclusions (made once)."""
        if "conclusions" not in self._marks:
            self._marks["conclusions"] = marks(self.size, self.conclusion_at)
        return self._marks["conclusions"]

    @property
    def size(self) -> int:
        """How many numbers the ids were given (claims and other ids)."""
        return self.number.size

    @property
    def all_claims(self) -> bool:
        """Whether every id in a claim's place is a claim's."""
        return self.number.size == self.number.claims

    def premise_conclusions(self) -> list[int]:
        """The number of the conclusion of each premise's support (aligned with ``premise_at``)."""
        return aligned(self.conclusion_at, self.premise_of)

    def attacker_targets(self) -> list[int]:
        """The number of the target of each attacker's rebuttal (aligned with ``attacker_at``)."""
        return aligned(self.target_at, self.attacker_of)


def _owners(lists: list[tuple[str, ...]], flat: list[int]) -> list[int] | None:
    """The index in ``lists`` of each item of ``flat`` (their concatenation),
    or None when each list has one item."""
    if len(flat) == len(lists):
        return None  # (each has at least one: a support or objection without any is refused)
    return list(chain.from_iterable(map(repeat, range(len(lists)), map(len, lists))))


def aligned(values: list, owners: list[int] | None) -> list:
    """``values`` repeated to go with a flat list whose items belong to ``owners``."""
    return values if owners is None else list(map(values.__getitem__, owners))


def any_of(flags: Iterable, owners: list[int] | None, count: int) -> Iterable:
    """Per owner (``count`` of them): whether any of its items' ``flags`` is true."""
    if owners is None:
        return flags
    hit = set(compress(owners, flags))
    return list(map(hit.__contains__, range(count)))
