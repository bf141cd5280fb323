"""Dung's semantics on frameworks of integers: the algorithms, without ids or spans.

A framework here is ``n`` (the arguments are ``0 .. n-1``) and ``attackers``,
where ``attackers[a]`` lists the arguments that attack ``a``. Every function
is iterative: frameworks with 100,000 arguments and long chains must not
exhaust Python's recursion limit.

Labellings (Caminada 2006; Baroni, Caminada, Giacomin 2011) give every
argument IN, OUT or UNDEC. A labelling is complete when

* an argument is IN exactly when all its attackers are OUT, and
* an argument is OUT exactly when some attacker is IN;

the complete extensions are the IN sets of the complete labellings.
"""

from __future__ import annotations

from array import array
from collections import defaultdict, deque
from collections.abc import Sequence
from itertools import compress, repeat

from argmap.errors import ArgmapError, OptionError
from argmap._graph import strongly_connected
from argmap._i18n import phrase

__all__ = [
    "UNDEC",
    "IN",
    "OUT",
    "TooManyExtensions",
    "invert",
    "grounded",
    "grounded_labels",
    "strongly_connected",
    "extensions",
]

# A label is also a bit of a domain (the set of labels still possible).
IN = 1
OUT = 2
UNDEC = 4
_ANY = IN | OUT | UNDEC

# How an argument of a strongly connected component is conditioned by the
# labels of its attackers in earlier components.
_FREE = 0  # every outside attacker is OUT
_BLOCKED = 1  # no outside attacker is IN, one is UNDEC: cannot be IN
_FORCED = 2  # an outside attacker is IN: must be OUT


class TooManyExtensions(ArgmapError, ValueError):
    """There are more extensions than the caller allowed to be listed.

    ``semantics`` and ``limit`` say which and how many; both survive pickling."""

    def __init__(self, semantics: str, limit: int):
        self.semantics = semantics
        self.limit = limit
        #: The message as a phrase, so that a command can say it in German.
        self.phrase = phrase(
            "there are more than {limit} {semantics} extensions, too many to list", limit=f"{limit:,}", semantics=semantics
        )
        super().__init__(str(self.phrase))

    def __reduce__(self):
        # The default would call TooManyExtensions(message) and fail for want of `limit`.
        return type(self), (self.semantics, self.limit), self.__dict__


def invert(n: int, attackers: Sequence[Sequence[int]]) -> list[list[int]]:
    """``targets[a]``: the arguments that ``a`` attacks."""
    targets: list[list[int]] = [[] for _ in range(n)]
    for b in range(n):
        for a in attackers[b]:
            targets[a].append(b)
    return targets


def grounded(n: int, attackers: Sequence[Sequence[int]], targets: Sequence[Sequence[int]] | None = None) -> list[int]:
    """The grounded labelling, in time linear in arguments plus attacks.

    An argument is IN once all its attackers are OUT, OUT once an attacker is
    IN; what never becomes either is UNDEC.
    """
    return grounded_in_order(n, attackers, targets)[0]


def grounded_in_order(
    n: int, attackers: Sequence[Sequence[int]], targets: Sequence[Sequence[int]] | None = None
) -> tuple[list[int], list[int]]:
    """The grounded labelling, and the arguments labelled IN or OUT in the
    order they got their label (an IN argument after all its attackers, an
    OUT one after the IN attacker that made it OUT)."""
    if targets is None:
        targets = invert(n, attackers)
    label = [UNDEC] * n
    # Attackers of each argument not yet known to be OUT.
    alive = list(map(len, attackers))
    queue = [a for a, count in enumerate(alive) if count == 0]
    _spread(label, targets, alive, queue)
    return label, queue


def _spread(label, targets, alive, queue: list[int]) -> None:
    """Label IN the arguments of ``queue`` (undecided, none of their
    attackers left ``alive``), and go on from them: an IN argument makes what
    it attacks OUT, an OUT one leaves one attacker fewer alive for everything
    it attacks. Everything labelled is appended to ``queue``, in order."""
    for a in queue:
        label[a] = IN
    i = 0
    while i < len(queue):
        a = queue[i]
        i += 1
        if label[a] == IN:
            for b in targets[a]:
                if label[b] == UNDEC:
                    label[b] = OUT
                    queue.append(b)
        else:  # OUT: one attacker fewer for everything it attacks
            for b in targets[a]:
                alive[b] -= 1
                if alive[b] == 0 and label[b] == UNDEC:
                    label[b] = IN
                    queue.append(b)


# Byte tables for bytes.translate: which labels (or marks) a byte has.
_IS_IN = bytes(int(i == IN) for i in range(256))
_IS_OUT = bytes(int(i == OUT) for i in range(256))
_IS_UNDEC = bytes(int(i == UNDEC) for i in range(256))
_IS_ZERO = bytes(int(i == 0) for i in range(256))

#: Below this many attacks left, :func:`grounded_labels` goes on one
#: argument at a time (the rounds' fixed costs no longer pay).
_FEW_ATTACKS = 20_000


def grounded_labels(n: int, attackers: Sequence[int], targets: Sequence[int], few: int = _FEW_ATTACKS) -> bytearray:
    """The grounded labelling (IN, OUT or UNDEC per argument, as :func:`grounded`
    gives it) of the framework whose attacks are ``attackers[k] -> targets[k]``
    (two lists of argument indices; an attack may be listed twice).

    Made for frameworks of a million arguments: it works in rounds, each
    one a few passes in C over the attacks left (through ``map``,
    ``compress`` and ``bytes.translate``) instead of a Python step per
    attack. A round labels IN every undecided argument no attack left
    reaches, OUT what those attack, and keeps only the attacks between
    arguments still undecided. Once a round removes few attacks (a long
    chain needs a round per link), or few are left, the rest is labelled
    one argument at a time over what is left, in time linear in it.
    """
    label = bytearray([UNDEC]) * n
    # Arrays rather than lists: reading an index from a list is a visit to
    # an int object somewhere in memory, from an array it is the next word.
    froms, tos = array("q", attackers), array("q", targets)
    hit = _marks(n, tos)
    ready = list(compress(range(n), hit.translate(_IS_ZERO)))  # undecided, no attack left reaches them
    while ready and len(froms) >= few:
        _fill(label, ready, IN)
        by_in = bytes(map(label.__getitem__, froms)).translate(_IS_IN)
        _fill(label, compress(tos, by_in), OUT)
        from_labels = bytes(map(label.__getitem__, froms))
        to_open = bytes(map(label.__getitem__, tos)).translate(_IS_UNDEC)
        keep = _both(from_labels.translate(_IS_UNDEC), to_open)
        # Only an argument that lost an attacker (now OUT) can be ready next.
        freed = set(compress(tos, _both(from_labels.translate(_IS_OUT), to_open)))
        before = len(froms)
        froms = array("q", compress(froms, keep))
        tos = array("q", compress(tos, keep))
        hit = _marks(n, tos)
        freed_list = list(freed)
        ready = list(compress(freed_list, bytes(map(hit.__getitem__, freed_list)).translate(_IS_ZERO)))
        if before - len(froms) < before // 8:
            break
    _propagate(label, froms, tos, ready)
    return label


def _marks(n: int, indices: Sequence[int]) -> bytearray:
    """A byte per argument: 1 for those in ``indices``, else 0."""
    marks = bytearray(n)
    _fill(marks, indices, 1)
    return marks


def _fill(into: bytearray, indices, value: int) -> None:
    """``into[i] = value`` for each of ``indices``, in C."""
    deque(map(into.__setitem__, indices, repeat(value)), maxlen=0)


def _both(first: bytes, second: bytes) -> bytes:
    """The bytewise AND of two strings of 0 and 1 bytes of the same length."""
    size = len(first)
    return (int.from_bytes(first, "little") & int.from_bytes(second, "little")).to_bytes(size, "little")


def _propagate(label: bytearray, froms: Sequence[int], tos: Sequence[int], ready: list[int]) -> None:
    """Finish the grounded labelling one argument at a time (as
    :func:`grounded_in_order` does): ``froms[k] -> tos[k]`` are the attacks
    between undecided arguments, ``ready`` the undecided arguments none of
    them reaches."""
    alive: dict[int, int] = {}
    targets: defaultdict[int, list[int]] = defaultdict(list)
    for a, b in zip(froms, tos):
        alive[b] = alive.get(b, 0) + 1
        targets[a].append(b)
    _spread(label, targets, alive, ready)


def extensions(
    n: int, attackers: Sequence[Sequence[int]], semantics: str, limit: int | None = None
) -> list[list[int]]:
    """Every complete, preferred or stable extension (``semantics`` says
    which), each as the sorted list of its arguments. Raises
    :class:`TooManyExtensions` as soon as there are more than ``limit``.

    Every complete labelling agrees with the grounded one where that says IN
    or OUT, so only the grounded UNDEC part is searched. That part is split
    into strongly connected components, taken in topological order: an
    argument's label depends only on its attackers, which lie in the same or
    an earlier component. For each choice made in the earlier components,
    a component is solved by a labelling search with constraint propagation.

    Preferred labellings are the complete ones with a maximal IN set. They are
    found component by component too: a labelling is preferred exactly when,
    in every component, its IN part is maximal among the complete labellings
    of that component given the labels chosen before it.
    """
    if semantics not in ("complete", "preferred", "stable"):
        raise OptionError(f"unknown semantics {semantics!r}")
    targets = invert(n, attackers)
    base = grounded(n, attackers, targets)
    base_in = [a for a in range(n) if base[a] == IN]
    open_args = [a for a in range(n) if base[a] == UNDEC]
    if not open_args:
        return [base_in]
    # The undecided part: its arguments' other attackers are all OUT.
    members = set(open_args)
    sub_attackers = {a: [b for b in attackers[a] if b in members] for a in open_args}
    sub_targets = {a: [b for b in targets[a] if b in members] for a in open_args}
    local = {a: i for i, a in enumerate(open_args)}
    succ = [[local[b] for b in sub_targets[a]] for a in open_args]
    components = [[open_args[i] for i in comp] for comp in strongly_connected(len(open_args), succ)]
    component_of = {}
    for k, comp in enumerate(components):
        for a in comp:
            component_of[a] = k

    solvers = [_ComponentSolver(comp, sub_attackers, sub_targets, component_of, k) for k, comp in enumerate(components)]
    found: list[list[int]] = []
    label = list(base)
    # Depth-first over the components, one frame per component: (its
    # solutions under the current choices, the next one to try).
    frames: list[tuple[list[tuple[int, ...]], int]] = []
    k = 0
    while True:
        if k == len(components):
            if limit is not None and len(found) >= limit:
                raise TooManyExtensions(semantics, limit)
            found.append(sorted(base_in + [a for a in open_args if label[a] == IN]))
            k -= 1
        else:
            if len(frames) == k:
                frames.append((solvers[k].solve(label, semantics), 0))
            solutions, next_i = frames[k]
            if next_i < len(solutions):
                frames[k] = (solutions, next_i + 1)
                for a, value in zip(components[k], solutions[next_i]):
                    label[a] = value
                k += 1
                continue
            frames.pop()
            k -= 1
        if k < 0:
            break
    return found


class _ComponentSolver:
    """The labellings of one strongly connected component, given the labels
    of the arguments in earlier components (cached per conditioning)."""

    def __init__(self, members, sub_attackers, sub_targets, component_of, k):
        self.members = members
        local = {a: i for i, a in enumerate(members)}
        self.size = len(members)
        self.attackers = [[local[b] for b in sub_attackers[a] if component_of[b] == k] for a in members]
        self.targets = [[local[b] for b in sub_targets[a] if component_of[b] == k] for a in members]
        self.outside = [[b for b in sub_attackers[a] if component_of[b] != k] for a in members]
        self.cache: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
        # Branch first on the arguments with the most attacks: they propagate most.
        self.order = sorted(range(self.size), key=lambda i: -(len(self.attackers[i]) + len(self.targets[i])))

    def condition(self, label: list[int]) -> tuple[int, ...]:
        cond = []
        for outside in self.outside:
            c = _FREE
            for b in outside:
                lb = label[b]
                if lb == IN:
                    c = _FORCED
                    break
                if lb == UNDEC:
                    c = _BLOCKED
            cond.append(c)
        return tuple(cond)

    def solve(self, label: list[int], semantics: str) -> list[tuple[int, ...]]:
        cond = self.condition(label)
        found = self.cache.get(cond)
        if found is None:
            found = self.cache[cond] = self._search(cond, semantics)
        return found

    # -- the search ---------------------------------------------------------

    def _search(self, cond: tuple[int, ...], semantics: str) -> list[tuple[int, ...]]:
        size = self.size
        domain = []
        for c in cond:
            if c == _FORCED:
                d = OUT
            elif c == _BLOCKED:
                d = OUT | UNDEC
            else:
                d = _ANY
            if semantics == "stable" and c != _FORCED:
                d &= ~UNDEC
                if d == 0:
                    return []
            domain.append(d)
        if not self._propagate(domain, cond, range(size)):
            return []
        preferred = semantics == "preferred"
        solutions: list[tuple[int, ...]] = []
        in_sets: list[int] = []
        stack = [domain]
        while stack:
            domain = stack.pop()
            if preferred and in_sets:
                upper = 0
                for i in range(size):
                    if domain[i] & IN:
                        upper |= 1 << i
                if any(upper & ~found == 0 for found in in_sets):
                    continue  # cannot beat a labelling already found
            pick = -1
            for i in self.order:
                d = domain[i]
                if d & (d - 1):  # more than one label still possible
                    pick = i
                    break
            if pick == -1:
                if self._is_complete(domain, cond):
                    solutions.append(tuple(domain))
                    if preferred:
                        in_sets.append(sum(1 << i for i in range(size) if domain[i] == IN))
                continue
            d = domain[pick]
            first = IN if d & IN else OUT
            rest = d & ~first
            # Pushed last, tried first: IN before the rest finds large IN sets early.
            for value in (rest, first):
                branch = list(domain)
                branch[pick] = value
                if self._propagate(branch, cond, (pick,)):
                    stack.append(branch)
        if preferred:
            pairs = list(zip(in_sets, solutions))
            solutions = [
                sol for s, sol in pairs if not any(s != t and s & ~t == 0 for t, _ in pairs)
            ]
        return solutions

    def _is_complete(self, labels: list[int], cond: tuple[int, ...]) -> bool:
        for i in range(self.size):
            c = cond[i]
            if c == _FORCED:
                want = OUT
            else:
                any_in = any_undec = False
                for b in self.attackers[i]:
                    lb = labels[b]
                    if lb == IN:
                        any_in = True
                        break
                    if lb == UNDEC:
                        any_undec = True
                if any_in:
                    want = OUT
                elif any_undec or c == _BLOCKED:
                    want = UNDEC
                else:
                    want = IN
            if labels[i] != want:
                return False
        return True

    def _propagate(self, domain: list[int], cond: tuple[int, ...], start) -> bool:
        """Narrow the domains by rules every complete labelling obeys; False
        when some domain becomes empty. Only soundness matters: every leaf of
        the search is checked in full."""
        attackers = self.attackers
        targets = self.targets
        queue = []
        queued = [False] * self.size
        for i in start:
            for j in (i, *targets[i]):
                if not queued[j]:
                    queued[j] = True
                    queue.append(j)

        def narrow(j: int, new: int) -> bool:
            if new == domain[j]:
                return True
            if new == 0:
                return False
            domain[j] = new
            for x in (j, *targets[j]):
                if not queued[x]:
                    queued[x] = True
                    queue.append(x)
            return True

        while queue:
            a = queue.pop()
            queued[a] = False
            c = cond[a]
            att = attackers[a]
            if c == _FORCED:
                if not narrow(a, domain[a] & OUT):
                    return False
                continue
            can_in = False
            all_can_out = True
            all_can_not_in = True
            can_undec = c == _BLOCKED
            for b in att:
                db = domain[b]
                if db & IN:
                    can_in = True
                if not db & OUT:
                    all_can_out = False
                if not db & (OUT | UNDEC):
                    all_can_not_in = False
                if db & UNDEC:
                    can_undec = True
            possible = 0
            if can_in:
                possible |= OUT
            if c == _FREE and all_can_out:
                possible |= IN
            if all_can_not_in and can_undec:
                possible |= UNDEC
            if not narrow(a, domain[a] & possible):
                return False
            d = domain[a]
            # What a's own domain says about its attackers.
            if d == IN:
                for b in att:
                    if not narrow(b, domain[b] & OUT):
                        return False
            elif not d & OUT:  # a is not OUT: no attacker is IN
                for b in att:
                    if not narrow(b, domain[b] & ~IN):
                        return False
            if d == OUT:  # some attacker must be IN
                candidates = [b for b in att if domain[b] & IN]
                if not candidates:
                    return False
                if len(candidates) == 1 and not narrow(candidates[0], IN):
                    return False
            if d == UNDEC and c != _BLOCKED:  # some attacker must be UNDEC
                candidates = [b for b in att if domain[b] & UNDEC]
                if not candidates:
                    return False
                if len(candidates) == 1 and not narrow(candidates[0], domain[candidates[0]] & UNDEC):
                    return False
            if c == _FREE and not d & IN:  # not every attacker is OUT
                candidates = [b for b in att if domain[b] & ~OUT]
                if not candidates:
                    return False
                if len(candidates) == 1 and not narrow(candidates[0], domain[candidates[0]] & ~OUT):
                    return False
        return True
