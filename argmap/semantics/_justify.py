"""Justifications as data: why an argument is in, out or undecided.

Given a :class:`~argmap.semantics.Framework` and an extension (the grounded
one when none is given), :func:`justify` says why an argument has its label
in that extension's labelling (IN: in the extension; OUT: attacked by it;
UNDEC: neither):

- IN: a :class:`Defence`, a dispute tree. Each attack on the argument gets an
  :class:`AnsweredAttack`: which of its attackers does not hold, and the accepted
  attack on that one, whose attackers are defended in turn, down to
  arguments nobody attacks. An argument is expanded once per tree; where it
  comes again it is a leaf marked ``repeated`` (it is justified above, or on
  the path, which is how an admissible extension defends itself in a
  circle). In the grounded extension the counter-attack is always taken from
  an earlier round of the grounded computation, so the tree is well-founded:
  no argument is repeated on its own path.
- OUT: a :class:`Refutation`: an accepted attack on the argument, and the
  defence of each of its attackers.
- UNDEC: a :class:`Cycle`: a chain of undecided attackers from the argument
  back to a circle of attacks among undecided arguments, and whether the
  circle is odd (then no way of taking sides settles it).

Everything is said in the map's ids. The auxiliary arguments of the
translation (named and linked attacks) never appear: such an attack is an
:class:`Attack` with several attackers (the claims that attack together,
and the name of the relation), and it fails when one of them does not hold.

Trees are bounded: at most ``limit`` defences and ``depth`` levels; beyond,
a defence is a leaf marked ``truncated``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Union

from attrs import field, frozen

from argmap._nogc import no_gc
from argmap.errors import UnknownIdError
from argmap.types import JSONDict, Semantics
from argmap.semantics import _dung
from argmap.semantics._framework import Framework

if TYPE_CHECKING:
    from argmap.semantics._tasks import Answer

__all__ = [
    "Attack",
    "AnsweredAttack",
    "Defence",
    "Refutation",
    "Cycle",
    "Justification",
    "justify",
    "justify_all",
    "justify_answer",
    "labelling_of",
]

IN, OUT, UNDEC = "in", "out", "undec"

#: Default bounds of a dispute tree: how many defences, how many levels.
LIMIT = 1000
DEPTH = 60


def _names(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _answer_tuple(values: Iterable[AnsweredAttack]) -> tuple[AnsweredAttack, ...]:
    return tuple(values)


def _defence_tuple(values: Iterable[Defence]) -> tuple[Defence, ...]:
    return tuple(values)


@frozen
class Attack:
    """An attack as the map's ids see it: ``attackers`` attack ``target``
    together (one id for a plain attack; the claims of a linked attack and
    the name of a named relation for the others)."""

    attackers: tuple[str, ...] = field(converter=_names)
    target: str

    def to_dict(self) -> JSONDict:
        return {"attackers": list(self.attackers), "target": self.target}


@frozen
class Defence:
    """Why ``argument`` is in: one :class:`AnsweredAttack` per attack on it (none
    when nothing attacks it). A ``repeated`` leaf is justified elsewhere in
    the same tree; a ``truncated`` one was not expanded (size bound)."""

    argument: str
    answers: tuple[AnsweredAttack, ...] = field(default=(), converter=_answer_tuple)
    repeated: bool = False
    truncated: bool = False

    label = IN

    @property
    def unattacked(self) -> bool:
        """Nothing attacks the argument (a leaf that needs no defence)."""
        return not self.answers and not self.repeated and not self.truncated

    def to_dict(self) -> JSONDict:
        result: dict[str, Any] = {"label": IN, "argument": self.argument}
        if self.repeated:
            result["repeated"] = True
        elif self.truncated:
            result["truncated"] = True
        else:
            result["answers"] = [a.to_dict() for a in self.answers]
        return result


@frozen
class AnsweredAttack:
    """An ``attack`` on an accepted argument and why it fails: ``broken``
    (one of its attackers) does not hold, because the accepted ``counter``
    attacks it; ``defences`` justify the counter's attackers. Outside the
    admissible semantics (naive, stage, CF2) an attack may go unanswered:
    ``broken`` and ``counter`` are then None."""

    attack: Attack
    broken: str | None
    counter: Attack | None
    defences: tuple[Defence, ...] = field(default=(), converter=_defence_tuple)

    def to_dict(self) -> JSONDict:
        return {
            "attack": self.attack.to_dict(),
            "broken": self.broken,
            "counter": None if self.counter is None else self.counter.to_dict(),
            "defences": [d.to_dict() for d in self.defences],
        }


@frozen
class Refutation:
    """Why ``argument`` is out: the accepted ``counter`` attacks it, and
    ``defences`` justify the counter's attackers."""

    argument: str
    counter: Attack
    defences: tuple[Defence, ...] = field(default=(), converter=_defence_tuple)

    label = OUT

    def to_dict(self) -> JSONDict:
        return {
            "label": OUT,
            "argument": self.argument,
            "counter": self.counter.to_dict(),
            "defences": [d.to_dict() for d in self.defences],
        }


@frozen
class Cycle:
    """Why ``argument`` is undecided: ``chain`` runs along undecided
    attackers, each attacking the next, from a member of ``cycle`` to the
    argument (just the argument when it is in the circle itself); ``cycle``
    lists a circle of undecided arguments, each attacking the next and the
    last the first. ``odd`` says whether the circle has an odd number of
    attacks (counted in the framework, where a named or linked attack takes
    three steps: the parity is the same). Outside the complete semantics an
    argument can be undecided without a circle (it is just left out of the
    extension): ``cycle`` is then empty."""

    argument: str
    chain: tuple[str, ...] = field(converter=_names)
    cycle: tuple[str, ...] = field(converter=_names)
    odd: bool = False

    label = UNDEC

    def to_dict(self) -> JSONDict:
        return {
            "label": UNDEC,
            "argument": self.argument,
            "chain": list(self.chain),
            "cycle": list(self.cycle),
            "odd": self.odd,
        }


Justification = Union[Defence, Refutation, Cycle]


def justify(
    fw: Framework,
    argument: str,
    extension: Iterable[str] | None = None,
    *,
    limit: int = LIMIT,
    depth: int = DEPTH,
) -> Justification:
    """Why ``argument`` (an argument of ``fw``, not an auxiliary one) has its
    label in the labelling of ``extension`` (the grounded extension when
    None). ``extension`` may hold the auxiliary arguments or only the map's
    own ids; then the auxiliary ones are labelled as every complete labelling
    labels them.

    >>> fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> justify(fw, "c").to_dict()["answers"][0]["counter"]
    {'attackers': ['a'], 'target': 'b'}
    >>> justify(fw, "b").counter
    Attack(attackers=('a',), target='b')

    Raises :class:`argmap.UnknownIdError` (a KeyError) for an argument ``fw`` does not have.
    """
    return _Justifier(fw, extension).justify(argument, limit, depth)


def justify_all(
    fw: Framework, extension: Iterable[str] | None = None, *, limit: int = LIMIT, depth: int = DEPTH
) -> dict[str, Justification]:
    """:func:`justify` for every argument of the map (not the auxiliary ones), sharing the labelling."""
    # Many small objects and no reference cycles (see argmap._nogc).
    with no_gc():
        j = _Justifier(fw, extension)
        return {a: j.justify(a, limit, depth) for a in fw.arguments[: j.n]}


def labelling_of(fw: Framework, extension: Iterable[str] | None = None) -> dict[str, str]:
    """The label (``in``, ``out``, ``undec``) of each of the map's arguments
    in the labelling of ``extension`` (grounded when None)."""
    j = _Justifier(fw, extension)
    return {fw.arguments[i]: j.label[i] for i in range(j.n)}


class _Justifier:
    def __init__(self, fw: Framework, extension: Iterable[str] | None):
        self.fw = fw
        names = fw.arguments
        total = len(names)
        self.n = n = total - len(fw.auxiliary)
        self.index = index = {a: i for i, a in enumerate(names)}
        self.attackers = attackers = fw.attackers()
        self.targets = targets = [[] for _ in range(total)]  # type: list[list[int]]
        for b in range(total):
            for a in attackers[b]:
                targets[a].append(b)
        # An auxiliary argument attacked by the map's own arguments is a
        # negation ("x does not hold"); one attacked by negations is an
        # application ("the attack succeeds"), whose parts are its negations.
        self.principal: dict[int, int] = {}
        for i in range(n, total):
            if attackers[i] and all(a < n for a in attackers[i]):
                self.principal[i] = _principal(names[i], [names[a] for a in attackers[i]], index)
        # Counter-attacks are taken in the grounded order: in the grounded
        # extension that makes trees well-founded, in others it prefers the
        # counters every complete extension has (the grounded ones).
        self.label, self.order = _grounded(total, attackers, targets)
        if extension is not None:
            self.label = self._labels(extension)

    def _labels(self, extension: Iterable[str]) -> list[str]:
        total = len(self.fw.arguments)
        n, attackers = self.n, self.attackers
        members = {self.index[a] for a in extension}
        label = [UNDEC] * total
        for i in members:
            label[i] = IN
        if any(i >= n for i in members):
            for i in range(total):
                if label[i] != IN and any(label[a] == IN for a in attackers[i]):
                    label[i] = OUT
            return label
        # Only the map's own ids: label the auxiliary arguments as every
        # complete labelling does (a negation is the opposite of what it
        # negates; an application is IN when all its parts are).
        negations = [i for i in range(n, total) if i in self.principal]
        applications = [i for i in range(n, total) if i not in self.principal]
        for i in negations:
            if any(label[a] == IN for a in attackers[i]):
                label[i] = OUT
        for i in applications:
            if attackers[i] and all(label[a] == OUT for a in attackers[i]):
                label[i] = IN
        for i in range(n):
            if label[i] != IN and any(label[a] == IN for a in attackers[i]):
                label[i] = OUT
        for i in negations:
            if label[i] == UNDEC and all(label[a] == OUT for a in attackers[i]):
                label[i] = IN
        for i in applications:
            if label[i] == UNDEC and any(label[a] == IN for a in attackers[i]):
                label[i] = OUT
        return label

    # -- the map's view of attacks ---------------------------------------------

    def _parts(self, app: int) -> list[int]:
        return self.attackers[app]

    def _visible(self, attacker: int, target: int) -> Attack:
        names = self.fw.arguments
        if attacker < self.n:
            return Attack((names[attacker],), names[target])
        ids = [names[self.principal.get(p, p)] for p in self._parts(attacker)]
        return Attack(tuple(dict.fromkeys(ids)), names[target])

    def _counter(self, target: int) -> tuple[Attack | None, list[int]]:
        """An accepted attack on ``target`` (the earliest in the grounded
        order), and the map's arguments that make it up (all IN)."""
        label, order = self.label, self.order
        best = None
        for a in self.attackers[target]:
            if label[a] == IN and (best is None or order[a] < order[best]):
                best = a
        if best is None:
            return None, []
        if best < self.n:
            return self._visible(best, target), [best]
        members = []
        for negation in self._parts(best):
            # The negation is OUT: one of the arguments it negates is IN.
            pick = self.principal.get(negation)
            if pick is None or label[pick] != IN:
                pick = min((x for x in self.attackers[negation] if label[x] == IN), key=order.__getitem__)
            members.append(pick)
        members = list(dict.fromkeys(members))
        return Attack(tuple(self.fw.arguments[m] for m in members), self.fw.arguments[target]), members

    def _broken(self, attacker: int) -> int | None:
        """Which of the map's arguments makes the OUT ``attacker`` fail: the
        attacker itself, or for an application a part that does not hold."""
        if attacker < self.n:
            return attacker
        label, order = self.label, self.order
        best = None
        for negation in self._parts(attacker):
            if label[negation] == IN and (best is None or order[negation] < order[best]):
                best = negation
        if best is None:
            return None
        pick = self.principal.get(best)
        if pick is None or label[pick] != OUT:
            pick = min(self.attackers[best], key=order.__getitem__)
        return pick

    # -- the three kinds ---------------------------------------------------------

    def justify(self, argument: str, limit: int, depth: int) -> Justification:
        i = self.index.get(argument)
        if i is None:
            raise UnknownIdError("argument", argument, tuple(self.fw.arguments[: self.n]))
        if i >= self.n:
            raise UnknownIdError("argument", argument, message=f"{argument!r} is an auxiliary argument, not one of the map's")
        label = self.label[i]
        if label == IN:
            return self._defences([i], limit, depth)[0]
        if label == OUT:
            counter, members = self._counter(i)
            assert counter is not None
            return Refutation(self.fw.arguments[i], counter, self._defences(members, limit, depth))
        return self._cycle(i, limit)

    def _defences(self, roots: list[int], limit: int, depth: int) -> list[Defence]:
        """The dispute trees of ``roots`` (IN arguments), built without
        recursion: a depth-first pass decides where each argument is
        expanded (its first visit), then the trees are built bottom-up."""
        names = self.fw.arguments
        # An occurrence: [argument, depth, plan or None, kind], where kind is
        # "expand", "repeated" or "truncated"; a plan lists for each attack
        # (attack, broken, counter, occurrence ids of the counter's members).
        occurrences: list[list] = []
        expanded: set[int] = set()
        for r in roots:
            occurrences.append([r, 0, None, ""])
        stack = list(reversed(range(len(roots))))
        visited: list[int] = []
        while stack:
            k = stack.pop()
            visited.append(k)
            occ = occurrences[k]
            v, level = occ[0], occ[1]
            if v in expanded:
                occ[3] = "repeated"
                continue
            if len(expanded) >= limit or level >= depth:
                occ[3] = "truncated"
                continue
            expanded.add(v)
            occ[3] = "expand"
            plan = []
            children: list[int] = []
            for a in self.attackers[v]:
                attack = self._visible(a, v)
                broken = self._broken(a)
                counter, members = (None, []) if broken is None else self._counter(broken)
                ids = []
                for m in members:
                    occurrences.append([m, level + 1, None, ""])
                    ids.append(len(occurrences) - 1)
                plan.append((attack, None if counter is None or broken is None else names[broken], counter, ids))
                children.extend(ids)
            occ[2] = plan
            stack.extend(reversed(children))
        built: dict[int, Defence] = {}
        for k in reversed(visited):
            v, _, plan, kind = occurrences[k]
            if kind != "expand":
                built[k] = Defence(names[v], (), repeated=kind == "repeated", truncated=kind == "truncated")
                continue
            answers = tuple(
                AnsweredAttack(attack, broken, counter, tuple(built[c] for c in ids)) for attack, broken, counter, ids in plan
            )
            built[k] = Defence(names[v], answers)
        return [built[k] for k in range(len(roots))]

    def _cycle(self, start: int, limit: int) -> Cycle:
        """A circle through ``start`` among the undecided arguments (looking
        at most ``limit`` arguments back), else a walk back along undecided
        attackers until an argument comes again."""
        label, attackers, n = self.label, self.attackers, self.n
        names = self.fw.arguments
        # Prefer a circle through the argument itself: search backwards from it.
        parent: dict[int, int] = {start: -1}
        queue = [start]
        found = -1
        for v in queue:
            for a in attackers[v]:
                if label[a] != UNDEC:
                    continue
                if a == start:
                    found = v
                    break
                if a not in parent:
                    parent[a] = v
                    queue.append(a)
            if found >= 0 or len(queue) > limit:
                break
        if found >= 0:
            # start <- ... <- found <- start: parent links lead from found to start.
            path = [found]
            while path[-1] != start:
                path.append(parent[path[-1]])
            # start attacks found, found attacks parent[found], ..., which attacks start.
            circle = [start] + path[:-1]
            return self._make_cycle(start, [start], circle)
        # Otherwise follow one undecided attacker at a time until one of the
        # map's arguments comes again (every circle passes through one).
        seen: dict[int, int] = {}
        walk = [start]
        v = start
        while v not in seen:
            if v < n:
                seen[v] = len(walk) - 1
            nxt = next((a for a in attackers[v] if label[a] == UNDEC), None)
            if nxt is None:
                return Cycle(names[start], [names[x] for x in reversed(walk) if x < n], (), False)
            walk.append(nxt)
            v = nxt
        first = seen[v]
        circle = list(reversed(walk[first + 1 :]))  # in attack order, ending before v comes again
        return self._make_cycle(start, list(reversed(walk[: first + 1])), circle)  # v ... start

    def _make_cycle(self, start: int, chain: list[int], circle: list[int]) -> Cycle:
        n, names = self.n, self.fw.arguments
        odd = len(circle) % 2 == 1
        own = [names[x] for x in circle if x < n]
        # Rotate the circle so that it starts where the chain meets it.
        head = names[chain[0]] if chain[0] < n else None
        if head in own:
            k = own.index(head)
            own = own[k:] + own[:k]
        return Cycle(names[start], [names[x] for x in chain if x < n], own, odd)


def _principal(name: str, attackers: list[str], index: Mapping[str, int]) -> int:
    """The argument a negation stands for: among its attackers, the one its
    name ends with (``aux_not_x``, ``aux_notany_x``); the first otherwise."""
    for a in attackers:
        if name.endswith("not_" + a) or name.endswith("notany_" + a):
            return index[a]
    return index[attackers[0]]


def _grounded(total: int, attackers: list[list[int]], targets: list[list[int]]) -> tuple[list[str], list[int]]:
    """The grounded labelling, and the step at which each argument got its
    label (an IN argument after all its attackers, an OUT one after the IN
    attacker that made it OUT): the order that makes dispute trees well-founded."""
    labels, queue = _dung.grounded_in_order(total, attackers, targets)
    order = [total] * total
    for step, a in enumerate(queue):
        order[a] = step
    word = {_dung.IN: IN, _dung.OUT: OUT, _dung.UNDEC: UNDEC}
    return [word[label] for label in labels], order


#: How many extensions the explanation of a DC-NO lists at most.
EXTENSIONS_SHOWN = 5

#: Semantics whose extensions are all admissible: what the grounded labelling
#: rejects is in none of them.
_ADMISSIBLE = frozenset({"grounded", "complete", "admissible", "preferred", "stable", "semi-stable", "ideal", "eager"})


def justify_answer(
    fw: Framework, semantics: Semantics, argument: str, answer: Answer, *, timeout: float | None = None,
    shown: int = EXTENSIONS_SHOWN,
) -> JSONDict:
    """The justification of a DC or DS ``answer`` (``accepted``, ``witness``
    and ``vacuous``, as :func:`argmap.semantics.credulous` and ``sceptical``
    give it), JSON-ready: what ``argmap solve ... --explain`` prints.

    - With a witness (DC-YES, DS-NO): why ``argument`` is (or is not) in it.
    - DC-NO: when the grounded labelling rejects the argument under a
      semantics of admissible sets, that refutation (``reason``
      "grounded"); otherwise its label in each of up to ``shown``
      extensions (``extensions``), and ``all_listed`` when those are all
      (``reason`` "in-no-extension").
    - A vacuous DS-YES or a DC-NO without any extension: ``reason`` "no-extension",
      with an odd circle of undecided arguments when the grounded labelling
      has one (``cycle``): no stable labelling can settle it.
    - DS-YES otherwise: why it is in some extension.

    Grounded semantics always uses the grounded extension. ``extension`` is
    the extension the justification speaks of (None when there is none).

    >>> from types import SimpleNamespace
    >>> fw = Framework(["a", "b"], [("a", "b")])
    >>> justify_answer(fw, "preferred", "b", SimpleNamespace(accepted=False, witness=None))["reason"]
    'grounded'
    """
    from argmap.semantics._tasks import iter_extensions, some_extension

    witness = getattr(answer, "witness", None)
    accepted = bool(getattr(answer, "accepted", False))
    vacuous = bool(getattr(answer, "vacuous", False))
    task = getattr(answer, "task", None)
    result: dict[str, Any] = {"accepted": accepted, "vacuous": vacuous}
    j: Justification | None = None
    if semantics == "grounded":
        j = justify(fw, argument)
        witness = [a for a, label in labelling_of(fw).items() if label == IN]
    elif witness is None and not accepted and task != "DS" and semantics in _ADMISSIBLE and (
        labelling_of(fw).get(argument) == OUT
    ):
        # DC-NO decided by the grounded labelling: an accepted attacker everyone has.
        result["reason"] = "grounded"
        j = justify(fw, argument)
        witness = None
    elif witness is None and not accepted:
        # DC-NO: the argument's label in each of a few extensions.
        listed: list[dict[str, Any]] = []
        for extension in iter_extensions(fw, semantics, limit=shown + 1, timeout=timeout):  # type: ignore[arg-type]
            if len(listed) == shown:
                break
            listed.append({"extension": sorted(extension), "justification": justify(fw, argument, extension).to_dict()})
        else:
            result["all_listed"] = True
        if listed:
            result.setdefault("all_listed", False)
            result["reason"] = "in-no-extension"
            result["extensions"] = listed
        else:  # no extension at all (stable semantics)
            result["reason"] = "no-extension"
            result["cycle"] = _odd_undecided_cycle(fw)
    elif witness is None:
        witness = some_extension(fw, semantics, timeout=timeout)  # type: ignore[arg-type]
        if witness is None:
            result["reason"] = "no-extension"
            result["cycle"] = _odd_undecided_cycle(fw)
    if witness is not None:
        j = justify(fw, argument, witness)
    result["extension"] = None if witness is None else sorted(witness)
    result["justification"] = None if j is None else j.to_dict()
    return result


def _odd_undecided_cycle(fw: Framework, tries: int = 100) -> list[str] | None:
    """An odd circle of arguments the grounded labelling leaves undecided, if
    one of the first ``tries`` undecided arguments lies on one."""
    j = _Justifier(fw, None)
    names = fw.arguments
    for i in range(j.n):
        if j.label[i] != UNDEC:
            continue
        tries -= 1
        if tries < 0:
            break
        found = j.justify(names[i], LIMIT, DEPTH)
        if isinstance(found, Cycle) and found.odd and found.cycle:
            return list(found.cycle)
    return None
