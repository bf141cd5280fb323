"""The SAT backend: the hard reasoning tasks as calls to a SAT solver (python-sat).

This is the only module that imports the SAT library. It works on a
:class:`Problem` (arguments as integers) and answers with sets of
integers; argmap.semantics._tasks says which task goes where.

The encodings are the standard ones of the ICCMA solvers (mu-toksia,
crustabri; Niskanen & Järvisalo 2020): for every argument ``a`` a
variable ``in_a`` (a is in the set) and ``out_a`` (an argument in the set
attacks a); complete labellings, admissible, conflict-free and stable
sets as clauses over them; a *range* variable ``r_a`` (a is in the set or
attacked by it) where semi-stable and stage semantics maximise the range.
Maximal sets are found by iterated SAT calls, each asking for a strict
superset of the last model; sceptical preferred, semi-stable and stage
acceptance by counterexample-guided loops that block what is already known.

Auxiliary arguments (the translation of named and linked attacks, see
_framework.py) are ordinary arguments for the semantics built on complete
labellings; where a semantics counts ranges or maximises sets, only the
map's own arguments count, and for conflict-free sets an auxiliary argument
is in exactly when none of its attackers is (it is a gate, not a choice).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence

from pysat.solvers import Solver  # type: ignore[import-untyped]

__all__ = ["Problem", "Deadline", "Stopped", "Sat", "sceptical_preferred", "credulous_preferred"]

#: CaDiCaL 1.9.5: of python-sat's solvers the fastest on these encodings
#: (ten times Glucose 4 on the frameworks of benchmarks/bench_solve.py).
SOLVER = "cadical195"
#: How many conflicts a solver call may take before the deadline is checked
#: again, at first; the budget then adapts so that a slice takes about
#: SLICE_SECONDS (2,000 conflicts take a second on 80,000 attacks).
CONFLICTS_PER_SLICE = 200
SLICE_SECONDS = 0.02
#: How many clauses are built between two looks at the deadline.
CLAUSES_PER_CHECK = 20000


class Stopped(Exception):
    """The deadline passed during a solver call."""


class Deadline:
    """When a task must stop (``seconds`` None: never)."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.start = time.monotonic()
        self.end = None if seconds is None else self.start + seconds
        self.budget = CONFLICTS_PER_SLICE

    def elapsed(self) -> float:
        return time.monotonic() - self.start

    def remaining(self) -> float | None:
        return None if self.end is None else self.end - time.monotonic()

    def check(self) -> None:
        if self.end is not None and time.monotonic() > self.end:
            raise Stopped


class Problem:
    """A framework of integers: ``attackers[a]`` attack ``a``; ``aux[a]``
    marks the auxiliary arguments; ``own`` lists the others."""

    __slots__ = ("n", "attackers", "targets", "aux", "own", "has_aux")

    def __init__(self, n: int, attackers: Sequence[Sequence[int]], targets: Sequence[Sequence[int]], aux: Sequence[bool]):
        self.n = n
        self.attackers = attackers
        self.targets = targets
        self.aux = aux
        self.has_aux = any(aux)
        self.own = [a for a in range(n) if not aux[a]] if self.has_aux else range(n)


class Sat:
    """One solver loaded with an encoding of ``problem``.

    ``base`` is "cf" (conflict-free sets), "adm" (admissible sets), "com"
    (complete extensions) or "stb" (stable extensions); ``ranges`` adds the
    range variables of the map's own arguments.
    """

    def __init__(self, problem: Problem, base: str, deadline: Deadline, ranges: bool = False):
        self.p = problem
        self.deadline = deadline
        n = problem.n
        self.top = 2 * n
        self.solver = Solver(name=SOLVER)
        self.range_var: list[int] = []  # by argument; empty without ranges
        try:
            self._load(base, ranges)
        except BaseException:  # the deadline passed while loading: free the solver
            self.solver.delete()
            raise

    def _load(self, base: str, ranges: bool) -> None:
        problem, deadline = self.p, self.deadline
        n = problem.n
        clauses: list[list[int]] = []
        add = clauses.append
        attackers = problem.attackers
        aux = problem.aux
        for a in range(n):
            ina = a + 1
            att = attackers[a]
            for b in att:
                if b <= a or a not in attackers[b]:
                    add([-ina, -(b + 1)])  # conflict-free (a self-attack gives [-ina])
            if len(clauses) >= CLAUSES_PER_CHECK:
                deadline.check()
                self.solver.append_formula(clauses)
                clauses.clear()
            if base == "stb":
                add([ina, *(b + 1 for b in att)])
            elif base == "cf":
                if problem.has_aux and aux[a]:
                    add([ina, *(b + 1 for b in att)])  # a gate: in when no attacker is
            else:
                outa = n + a + 1
                for b in att:
                    add([-ina, n + b + 1])  # defended: every attacker is attacked
                add([-outa, *(b + 1 for b in att)])  # attacked by the set
                if base == "com":
                    for b in att:
                        add([outa, -(b + 1)])
                    add([ina, *(-(n + b + 1) for b in att)])  # defended means in
        self.solver.append_formula(clauses)
        deadline.check()
        # No preferred phases: CaDiCaL with every in variable set to true
        # first was stuck for minutes where the default took a millisecond.
        if ranges:
            self.range_var = self._ranges(base)
        # Every model then covers every variable, mentioned in a clause or not.
        self.add([self.new_var()])

    def _ranges(self, base: str) -> list[int]:
        """``r_a`` for each own argument: a is in the set or attacked by it."""
        p = self.p
        n = p.n
        var = [0] * n
        clauses = []
        for a in p.own:
            self.top += 1
            r = var[a] = self.top
            ina = a + 1
            if base in ("com", "adm"):
                outa = n + a + 1
                clauses += [[-r, ina, outa], [r, -ina], [r, -outa]]
            else:
                att = p.attackers[a]
                clauses.append([-r, ina, *(b + 1 for b in att)])
                clauses.append([r, -ina])
                clauses.extend([r, -(b + 1)] for b in att)
        self.solver.append_formula(clauses)
        return var

    def new_var(self) -> int:
        self.top += 1
        return self.top

    def add(self, clause: list[int]) -> None:
        self.solver.add_clause(clause)

    def close(self) -> None:
        self.solver.delete()

    # -- solving ---------------------------------------------------------------

    def solve(self, assumptions: Sequence[int] = ()) -> bool:
        if self.deadline.end is None:
            return self.solver.solve(assumptions=assumptions)
        # CaDiCaL cannot be interrupted from another thread; it is run in
        # slices of a few thousand conflicts, and the deadline is checked
        # between them (what it learnt in one slice, it keeps for the next).
        deadline = self.deadline
        while True:
            deadline.check()
            self.solver.conf_budget(deadline.budget)
            began = time.monotonic()
            result = self.solver.solve_limited(assumptions=assumptions)
            if result is not None:
                return result
            took = time.monotonic() - began
            if took > SLICE_SECONDS:
                deadline.budget = max(10, deadline.budget // 2)
            elif took < SLICE_SECONDS / 4:
                deadline.budget = min(100_000, deadline.budget * 2)

    def in_set(self) -> list[int]:
        """The arguments in the set of the last model (auxiliary ones included)."""
        model = self.solver.get_model()
        return [a for a in range(self.p.n) if model[a] > 0]

    def range_of_model(self) -> list[int]:
        model = self.solver.get_model()
        return [a for a in self.p.own if model[self.range_var[a] - 1] > 0]

    # -- building blocks of the tasks -------------------------------------------

    def block_subsets(self, members: Sequence[int], variables: Sequence[int] | None = None, selector: int = 0) -> None:
        """From now on, a set must have an own argument outside ``members``
        (by ``variables``: the in variables, or the range variables)."""
        inside = set(members)
        var = variables or [a + 1 for a in range(self.p.n)]
        clause = [var[a] for a in self.p.own if a not in inside]
        if selector:
            clause.append(-selector)
        self.add(clause)

    def block(self, members: Sequence[int]) -> None:
        """From now on, a set must differ from ``members`` on an own argument."""
        inside = set(members)
        self.add([-(a + 1) if a in inside else a + 1 for a in self.p.own])

    def _measure(self, ranges: bool) -> list[int]:
        if ranges:
            return self.range_of_model()
        found = self.in_set()
        return [a for a in found if not self.p.aux[a]] if self.p.has_aux else found

    def maximise(self, assumptions: Sequence[int], ranges: bool = False) -> tuple[list[int], list[int]]:
        """From the last model, a model whose own in set (or range) is
        maximal among those satisfying ``assumptions``: returns that set (or
        range) and the model's in set."""
        current = self._measure(ranges)
        model = self.in_set()
        var = self.range_var if ranges else [a + 1 for a in range(self.p.n)]
        while True:
            self.deadline.check()
            selector = self.new_var()
            self.block_subsets(current, var, selector)
            found = self.solve([*assumptions, selector, *(var[a] for a in current)])
            if found:  # read the model before a new clause discards it
                current = self._measure(ranges)
                model = self.in_set()
            self.add([-selector])
            if not found:
                return current, model

    # -- the tasks -----------------------------------------------------------------

    def some(self, assumptions: Sequence[int] = ()) -> list[int] | None:
        return self.in_set() if self.solve(assumptions) else None

    def each(self, assumptions: Sequence[int] = ()) -> Iterator[list[int]]:
        """Every set, once per set of own arguments."""
        while self.solve(assumptions):
            found = self.in_set()
            yield found
            self.block(found)

    def each_maximal(self) -> Iterator[list[int]]:
        """Every set with a maximal set of own arguments."""
        while self.solve():
            found, model = self.maximise(())
            yield model
            self.block_subsets(found)

    def maximal_with(self, literal: int) -> list[int] | None:
        """A set with a maximal set of own arguments satisfying ``literal``
        (in_a: containing a, -in_a: not containing a), or None.

        For -in_a, a counterexample-guided loop: take a set maximal among
        those without a; if no superset of it adds a, it is maximal outright;
        otherwise every subset of a maximal set with a is ruled out, and the
        search goes on."""
        if literal > 0:
            if not self.solve([literal]):
                return None
            return self.maximise([literal])[1]
        while self.solve([literal]):
            found, model = self.maximise([literal])
            if not self.solve([-literal, *(a + 1 for a in found)]):
                return model
            self.block_subsets(self.maximise([-literal])[0])
        return None

    def each_range_maximal(self) -> Iterator[list[int]]:
        """Every set whose own range is maximal (semi-stable, stage)."""
        while self.solve():
            top = self.maximise((), ranges=True)[0]
            yield from self.each([self.range_var[a] for a in top])
            self.block_subsets(top, self.range_var)

    def range_maximal_with(self, literal: int) -> list[int] | None:
        """A set with a maximal own range satisfying ``literal``, or None:
        take a range maximal among the sets satisfying ``literal``; if no
        set at all has a larger range, done; otherwise take a maximal range
        above it, answer if some set with it satisfies ``literal``, else
        rule out every range inside it and go on."""
        var = self.range_var
        while self.solve([literal]):
            found, model = self.maximise([literal], ranges=True)
            selector = self.new_var()
            self.block_subsets(found, var, selector)
            larger = self.solve([selector, *(var[a] for a in found)])
            top = self.maximise((), ranges=True)[0] if larger else None
            self.add([-selector])
            if top is None:
                return model
            if self.solve([literal, *(var[a] for a in top)]):
                return self.in_set()
            self.block_subsets(top, var)
        return None

    def sceptical_core(self, ranges: bool) -> list[int]:
        """The own arguments in every set with a maximal own in set (or
        range): each round asks for a maximal set that leaves out one of
        the arguments still common to all found so far."""
        core: set[int] | None = None
        selector = 0
        while True:
            if core is None:
                if not self.solve():
                    return []
            elif not self.solve([selector]):
                return sorted(core)
            top, model = self.maximise((), ranges)
            if ranges and core is not None:  # is there one with this range that leaves out one?
                if not self.solve([selector, *(self.range_var[a] for a in top)]):
                    self.block_subsets(top, self.range_var)
                    continue
                model = self.in_set()
            elif not ranges:
                self.block_subsets(top)
            own = set(model) if not self.p.has_aux else {a for a in model if not self.p.aux[a]}
            core = own if core is None else core & own
            if selector:
                self.add([-selector])
            selector = self.new_var()
            self.add([-selector, *(-(a + 1) for a in core)])


def sceptical_preferred(problem: Problem, a: int, deadline: Deadline) -> list[int] | None:
    """A preferred extension without ``a``, or None when ``a`` is in every one.

    A counterexample-guided search over two solvers. The candidate: an
    admissible set S without a. The check: an admissible set A with a that
    does not conflict with S (then S and A together are admissible, and no
    preferred extension above S lacks a). When there is none, S extends to a
    preferred extension without a. When there is one, every later candidate
    must conflict with A (attack a member, or contain something A attacks);
    A is first shrunk, so that the lesson rules out as much as it can. This
    learns from the few arguments a's defence needs, where blocking the
    subsets of one preferred extension at a time can take exponentially many
    rounds (every independent even cycle doubles them).
    """
    n = problem.n
    attackers, targets = problem.attackers, problem.targets
    candidate = Sat(problem, "adm", deadline)
    check = Sat(problem, "adm", deadline)
    try:
        # A quick NO first: an admissible set that attacks a grows into a
        # preferred extension without it.
        if candidate.solve([n + a + 1]):
            return candidate.maximise([n + a + 1])[1]
        while candidate.solve([-(a + 1)]):
            s = candidate.in_set()
            # A may contain nothing S attacks, nor anything that attacks S.
            banned = {t for x in s for t in targets[x]} | {b for x in s for b in attackers[x]}
            if a in banned:
                witness = candidate.maximise([-(a + 1)])[1]
                return witness
            assumptions = [a + 1, *(-(x + 1) for x in banned)]
            if not check.solve(assumptions):
                return candidate.maximise([-(a + 1)])[1]
            found = _shrink(check, assumptions, check.in_set(), a)
            hit = {t for x in found for t in targets[x]}
            candidate.add([*(n + x + 1 for x in found), *(y + 1 for y in hit)])
        return None
    finally:
        candidate.close()
        check.close()


def _shrink(check: Sat, assumptions: list[int], found: list[int], a: int, rounds: int = 4) -> list[int]:
    """A smaller admissible set with ``a`` inside ``found``, by a few SAT calls."""
    for _ in range(rounds):
        allowed = set(found)
        outside = [-(x + 1) for x in range(check.p.n) if x not in allowed]
        selector = check.new_var()
        check.add([-selector, *(-(x + 1) for x in found if x != a)])
        ok = check.solve([*assumptions, *outside, selector])
        if ok:
            smaller = check.in_set()
        check.add([-selector])
        if not ok:
            break
        found = smaller
    return found


def credulous_preferred(problem: Problem, deadline: Deadline) -> set[int]:
    """Every argument in some admissible set (so in some preferred extension):
    each round asks for an admissible set with an argument not yet found."""
    sat = Sat(problem, "adm", deadline)
    try:
        found: set[int] = set()
        selector = 0
        while True:
            if selector:
                sat.add([-selector])
            selector = sat.new_var()
            sat.add([-selector, *(a + 1 for a in range(problem.n) if a not in found)])
            if not sat.solve([selector]):
                return found
            found.update(sat.in_set())
    finally:
        sat.close()
