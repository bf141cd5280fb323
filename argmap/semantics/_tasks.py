"""The standard reasoning tasks on a framework, for every semantics.

SE (some extension), EE (every extension, streamed), DC (credulous
acceptance), DS (sceptical acceptance) and counting, as ICCMA poses them.
Grounded semantics and CF2 are computed here in pure Python; the tasks that
are NP- or coNP-hard go to the SAT backend (_sat.py). Every call takes a
``timeout`` in seconds and raises :class:`SolverTimeout` when it passes.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Mapping, Sequence
from typing import Any, get_args

from attrs import field, frozen

from argmap.types import Label, Semantics
from argmap.errors import ArgmapError, OptionError, UnknownIdError
from argmap.types import JSONDict
from argmap.semantics import _dung
from argmap.semantics._framework import Framework

__all__ = [
    "Semantics",
    "ALL_SEMANTICS",
    "Answer",
    "SolverTimeout",
    "some_extension",
    "iter_extensions",
    "count_extensions",
    "credulous",
    "sceptical",
    "labelling",
]

#: Every semantics the tasks know, in the order docs/semantics.md gives them.
ALL_SEMANTICS: tuple[str, ...] = get_args(Semantics)


class SolverTimeout(ArgmapError, TimeoutError):
    """A task did not finish within its time limit.

    ``semantics``, ``task`` ("SE", "EE", "DC", "DS" or "count") and
    ``seconds`` say which and how long; all survive pickling."""

    def __init__(self, semantics: str, task: str, seconds: float, elapsed: float | None = None):
        self.semantics = semantics
        self.task = task
        self.seconds = seconds
        #: How long the task really ran, when known (it checks its deadline
        #: between steps, so it can overrun a little).
        self.elapsed = elapsed
        numeric = isinstance(seconds, (int, float))
        shown = format(seconds, "g") if numeric else seconds
        if numeric and elapsed is not None and abs(elapsed - seconds) > max(0.05, 0.1 * seconds):
            message = f"{task} under {semantics} semantics stopped after {elapsed:.2f} s (time limit {shown} s)"
        else:
            message = f"{task} under {semantics} semantics stopped after {shown} s"
        super().__init__(message)

    def __reduce__(self):
        return type(self), (self.semantics, self.task, self.seconds, self.elapsed), self.__dict__


def _witness(value: object) -> Any:
    return None if value is None else frozenset(value)


@frozen
class Answer:
    """The answer to a decision task (DC or DS) with its witness.

    ``accepted``: YES or NO. ``witness``: an extension that proves the
    answer where one exists: for DC-YES one containing the argument, for
    DS-NO one not containing it; None otherwise (DC-NO, DS-YES).
    ``vacuous`` is True for a DS-YES because there is no extension at all
    (as under stable semantics without a stable extension, by ICCMA's rule).
    """

    task: str
    semantics: str
    argument: str
    accepted: bool
    witness: frozenset[str] | None = field(default=None, converter=_witness)
    vacuous: bool = False

    def to_dict(self) -> JSONDict:
        """A JSON-ready dict; the witness as a sorted list."""
        return {
            "task": self.task,
            "semantics": self.semantics,
            "argument": self.argument,
            "accepted": self.accepted,
            "witness": None if self.witness is None else sorted(self.witness),
            "vacuous": self.vacuous,
        }


# -- from a Framework to integers ------------------------------------------------


class _Compiled:
    """A framework as integers: names, attackers, targets, auxiliary marks."""

    __slots__ = ("names", "index", "problem")

    def __init__(self, names: Sequence[str], problem, index: dict[str, int] | None = None):
        self.names = names
        self.index = {a: i for i, a in enumerate(names)} if index is None else index
        self.problem = problem

    @classmethod
    def of(cls, fw: Framework, deadline=None) -> _Compiled:
        """``fw`` as integers; ``deadline`` (a _sat.Deadline) is checked every
        few thousand attacks."""
        from argmap.semantics._sat import Problem

        names = fw.arguments
        index = {a: i for i, a in enumerate(names)}
        n = len(names)
        attackers: list[list[int]] = [[] for _ in range(n)]
        targets: list[list[int]] = [[] for _ in range(n)]
        check = deadline is not None and deadline.end is not None
        for k, (a, b) in enumerate(fw.attacks):
            if check and not k & 4095:
                deadline.check()
            i, j = index[a], index[b]
            attackers[j].append(i)
            targets[i].append(j)
        aux = [False] * n
        for a in fw.auxiliary:
            aux[index[a]] = True
        return cls(names, Problem(n, attackers, targets, aux), index)

    def named(self, members: Sequence[int]) -> frozenset[str]:
        """The set of names of the own arguments among ``members``."""
        names = self.names
        aux = self.problem.aux
        return frozenset(names[a] for a in members if not aux[a])


def _check(semantics: str) -> None:
    if semantics not in ALL_SEMANTICS:
        raise OptionError(f"unknown semantics {semantics!r}; use one of {', '.join(ALL_SEMANTICS)}")


def _argument(c: _Compiled, argument: str) -> int:
    found = c.index.get(argument)
    if found is None:
        raise UnknownIdError("argument", argument, message=f"unknown argument {argument!r}")
    return found


class _Run:
    """One task: the problem, its names, the deadline, what to say on timeout."""

    def __init__(self, fw: Framework | _Compiled, semantics: str, task: str, timeout: float | None):
        from argmap.semantics._sat import Deadline, Stopped

        _check(semantics)
        self.semantics = semantics
        self.task = task
        self.timeout = timeout
        # The deadline runs from the call's entry: building the index counts.
        self.deadline = Deadline(timeout)
        try:
            self.c = fw if isinstance(fw, _Compiled) else _Compiled.of(fw, self.deadline)
        except Stopped:
            raise self.timed_out() from None
        self.p = self.c.problem

    def timed_out(self) -> SolverTimeout:
        return SolverTimeout(self.semantics, self.task, self.timeout or 0.0, self.deadline.elapsed())

    def sat(self, base: str, ranges: bool = False):
        from argmap.semantics._sat import Sat

        return Sat(self.p, base, self.deadline, ranges)


# The SAT encoding each semantics is found with.
_BASE = {
    "complete": ("com", False),
    "preferred": ("com", False),
    "admissible": ("adm", False),
    "stable": ("stb", False),
    "conflict-free": ("cf", False),
    "naive": ("cf", False),
    "semi-stable": ("com", True),
    "stage": ("cf", True),
}


#: The semantics whose extensions are admissible (grounded-rejected arguments are in none).
_COMPLETE_BASED = frozenset({"complete", "admissible", "preferred", "stable", "semi-stable"})


def _grounded(p) -> list[int]:
    labels = _dung.grounded(p.n, p.attackers, p.targets)
    return [a for a in range(p.n) if labels[a] == _dung.IN]


def _unique(run: _Run) -> list[int]:
    """The extension of a semantics with exactly one: grounded, ideal, eager."""
    if run.semantics == "grounded":
        return _grounded(run.p)
    if run.semantics == "ideal":
        # Dunne (2009): the ideal extension is the largest admissible set of
        # credulously accepted arguments that no credulously accepted one attacks.
        from argmap.semantics._sat import credulous_preferred

        credulous = credulous_preferred(run.p, run.deadline)
        attackers = run.p.attackers
        core = [a for a in credulous if not any(b in credulous for b in attackers[a])]
    else:
        sat = run.sat("com", True)
        try:
            core = sat.sceptical_core(True)
        finally:
            sat.close()
    # The largest admissible set inside the core.
    inside = set(core)
    sat = run.sat("adm")
    try:
        outside = [-(a + 1) for a in run.p.own if a not in inside]
        sat.solve(outside)
        return sat.maximise(outside)[1]
    finally:
        sat.close()


#: Frameworks with at most SMALL_ARGUMENTS arguments and SMALL_DENSITY
#: attacks per argument (and no auxiliary ones) are solved in pure Python
#: under the semantics of _SMALL_SEMANTICS, when they have at most
#: SMALL_EXTENSIONS extensions: there the labelling search of _dung.py answers
#: faster than a SAT solver (1.1 to 2.2 times at 1.5 attacks per argument up
#: to 60 arguments); at 3 attacks per argument SAT is faster from 5 arguments
#: on (benchmarks/bench_small.py). Maps written by people are sparse.
SMALL_ARGUMENTS = 60
SMALL_DENSITY = 1.5
SMALL_EXTENSIONS = 64
_SMALL_SEMANTICS = frozenset({"complete", "preferred", "stable", "semi-stable"})


def _small(run: _Run) -> list[list[int]] | None:
    """Every extension by the pure-Python search, or None when the framework
    is not small (too many arguments or extensions, auxiliary arguments, a
    semantics the search does not give)."""
    p = run.p
    semantics = run.semantics
    if p.n > SMALL_ARGUMENTS or p.has_aux or semantics not in _SMALL_SEMANTICS:
        return None
    if sum(map(len, p.attackers)) > SMALL_DENSITY * p.n:
        return None
    try:
        found = _dung.extensions(p.n, p.attackers, "complete" if semantics == "semi-stable" else semantics,
                                 SMALL_EXTENSIONS)
    except _dung.TooManyExtensions:
        return None
    if semantics == "semi-stable":
        # The complete extensions with a maximal range (each admissible set
        # lies in a complete one with at least its range).
        targets = p.targets
        ranges = [frozenset(ext).union(*(targets[a] for a in ext)) for ext in found]
        found = [ext for ext, r in zip(found, ranges) if not any(r < other for other in ranges)]
    return found


def _stream(run: _Run) -> Generator[list[int], None, None]:
    semantics = run.semantics
    small = _small(run)
    if small is not None:
        yield from small
        return
    if semantics in ("grounded", "ideal", "eager"):
        yield _unique(run)
        return
    if semantics == "cf2":
        from argmap.semantics._cf2 import cf2_extensions

        yield from cf2_extensions(run.p, run.deadline)
        return
    base, ranges = _BASE[semantics]
    sat = run.sat(base, ranges)
    try:
        if semantics in ("preferred", "naive"):
            yield from sat.each_maximal()
        elif ranges:
            yield from sat.each_range_maximal()
        else:
            yield from sat.each()
    finally:
        sat.close()


def _first(run: _Run) -> list[int] | None:
    semantics = run.semantics
    if semantics in ("complete", "admissible", "conflict-free"):
        # The grounded extension is complete and admissible; the empty set is conflict-free.
        return _grounded(run.p) if semantics != "conflict-free" else []
    return next(_stream(run), None)


def _decide(run: _Run, a: int, positive: bool) -> list[int] | None:
    """An extension that contains ``a`` (``positive``) or does not, or None."""
    semantics = run.semantics
    if semantics in ("grounded", "ideal", "eager"):
        ext = _unique(run)
        return ext if (a in ext) == positive else None
    if semantics == "cf2":
        from argmap.semantics._cf2 import cf2_extensions

        for ext in cf2_extensions(run.p, run.deadline):
            if (a in ext) == positive:
                return ext
        return None
    if not positive and semantics in ("complete", "admissible", "conflict-free"):
        # The least extension decides: grounded for complete, empty otherwise.
        ext = _grounded(run.p) if semantics == "complete" else []
        return ext if a not in ext else None
    if positive and semantics in _COMPLETE_BASED:
        # The grounded labelling decides quickly where it is not undecided:
        # what it rejects is in no admissible set; what it accepts is in the
        # grounded extension, itself complete.
        labels = _dung.grounded(run.p.n, run.p.attackers, run.p.targets)
        if labels[a] == _dung.OUT:
            return None
        if labels[a] == _dung.IN and semantics in ("complete", "admissible"):
            return [x for x in range(run.p.n) if labels[x] == _dung.IN]
    small = _small(run)
    if small is not None:
        return next((ext for ext in small if (a in ext) == positive), None)
    if semantics == "preferred" and not positive:
        from argmap.semantics._sat import sceptical_preferred

        return sceptical_preferred(run.p, a, run.deadline)
    base, ranges = _BASE[semantics]
    literal = a + 1 if positive else -(a + 1)
    sat = run.sat(base, ranges)
    try:
        if ranges:
            return sat.range_maximal_with(literal)
        if semantics in ("preferred", "naive"):
            return sat.maximal_with(literal)
        return sat.some([literal])
    finally:
        sat.close()


def stream(names: Sequence[str], problem, semantics: str, timeout: float | None = None) -> Iterator[list[int]]:
    """EE on a problem of integers (for :func:`argmap.evaluate`): every
    extension as a list of argument indices, auxiliary ones included."""
    run = _Run(_Compiled(names, problem), semantics, "EE", timeout)
    from argmap.semantics._sat import Stopped

    try:
        yield from _stream(run)
    except Stopped:
        raise run.timed_out() from None


def _guarded(run: _Run, work):
    from argmap.semantics._sat import Stopped

    try:
        return work()
    except Stopped:
        raise run.timed_out() from None


# -- the public tasks ------------------------------------------------------------------


def some_extension(fw: Framework, semantics: Semantics, *, timeout: float | None = None) -> frozenset[str] | None:
    """SE: one extension of ``fw`` under ``semantics``, or None when there is
    none (only stable semantics can have none). Auxiliary arguments are never
    part of an answer.

    >>> fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
    >>> sorted(some_extension(fw, "grounded"))
    []
    >>> some_extension(fw, "stable") in ({"a", "c"}, {"b"})
    True
    """
    run = _Run(fw, semantics, "SE", timeout)
    found = _guarded(run, lambda: _first(run))
    return None if found is None else run.c.named(found)


def iter_extensions(
    fw: Framework, semantics: Semantics, *, limit: int | None = None, timeout: float | None = None
) -> Iterator[frozenset[str]]:
    """EE: the extensions of ``fw`` under ``semantics``, one at a time, in no
    fixed order, each once; at most ``limit`` of them. ``timeout`` bounds the
    whole enumeration.

    >>> fw = Framework(["a", "b"], [("a", "b"), ("b", "a")])
    >>> sorted(sorted(e) for e in iter_extensions(fw, "preferred"))
    [['a'], ['b']]
    """
    run = _Run(fw, semantics, "EE", timeout)
    if limit is not None and limit <= 0:
        return
    from argmap.semantics._sat import Stopped

    stream = _stream(run)
    count = 0
    try:
        for ext in stream:
            yield run.c.named(ext)
            count += 1
            if limit is not None and count >= limit:
                return
    except Stopped:
        raise run.timed_out() from None
    finally:
        stream.close()


def count_extensions(
    fw: Framework, semantics: Semantics, *, limit: int | None = None, timeout: float | None = None
) -> int:
    """How many extensions ``fw`` has under ``semantics`` (at most ``limit``:
    the count stops there). Cheap for grounded, ideal and eager (one), and
    for frameworks with few extensions; otherwise it enumerates them."""
    _check(semantics)
    if semantics in ("grounded", "ideal", "eager"):
        return 1 if limit is None or limit >= 1 else 0
    count = 0
    try:
        for _ in iter_extensions(fw, semantics, limit=limit, timeout=timeout):
            count += 1
    except SolverTimeout as exc:
        raise SolverTimeout(semantics, "count", exc.seconds, exc.elapsed) from None
    return count


def credulous(fw: Framework, semantics: Semantics, argument: str, *, timeout: float | None = None) -> Answer:
    """DC: is ``argument`` in some extension? The witness is one that contains it.

    >>> fw = Framework(["a", "b"], [("a", "b"), ("b", "a")])
    >>> credulous(fw, "preferred", "a").witness
    frozenset({'a'})
    >>> credulous(fw, "grounded", "a").accepted
    False
    """
    run = _Run(fw, semantics, "DC", timeout)
    a = _argument(run.c, argument)
    found = _guarded(run, lambda: _decide(run, a, True))
    if found is None:
        return Answer("DC", semantics, argument, False)
    return Answer("DC", semantics, argument, True, run.c.named(found))


def sceptical(fw: Framework, semantics: Semantics, argument: str, *, timeout: float | None = None) -> Answer:
    """DS: is ``argument`` in every extension? The witness of a NO is an
    extension without it. When there is no extension at all (stable
    semantics can have none), the answer is YES, as ICCMA rules it, and
    ``vacuous`` says so.

    >>> fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> sceptical(fw, "preferred", "c")
    Answer(task='DS', semantics='preferred', argument='c', accepted=True, witness=None, vacuous=False)
    >>> sceptical(Framework(["a"], [("a", "a")]), "stable", "a").vacuous
    True
    """
    run = _Run(fw, semantics, "DS", timeout)
    a = _argument(run.c, argument)
    found = _guarded(run, lambda: _decide(run, a, False))
    if found is not None:
        return Answer("DS", semantics, argument, False, run.c.named(found))
    vacuous = semantics == "stable" and _guarded(run, lambda: _decide(run, a, True)) is None
    return Answer("DS", semantics, argument, True, None, vacuous)


def labelling(fw: Framework, extension: frozenset[str] | Sequence[str]) -> Mapping[str, Label]:
    """The labelling of ``extension``: "in" for its members, "out" for what
    they defeat, "undec" for the rest (Caminada 2006). With named or linked
    attacks (auxiliary arguments) an attack defeats its target when all its
    attackers and its relation are in. Only the framework's own arguments
    are labelled.

    >>> fw = Framework(["a", "b", "c"], [("a", "b"), ("c", "c")])
    >>> dict(labelling(fw, {"a"}))
    {'a': 'in', 'b': 'out', 'c': 'undec'}
    """
    c = _Compiled.of(fw)
    members = [_argument(c, a) for a in extension]
    labels = labels_of(c.problem, members)
    aux = c.problem.aux
    return {c.names[i]: _LABEL_WORDS[labels[i]] for i in range(c.problem.n) if not aux[i]}


_LABEL_WORDS: dict[int, Label] = {_dung.IN: "in", _dung.OUT: "out", _dung.UNDEC: "undec"}


def labels_of(p, members: Sequence[int]) -> list[int]:
    """The labels (``_dung.IN``...) of the extension ``members`` of the
    problem ``p``, auxiliary arguments included: the members IN, then what
    follows by the rules of complete labellings, where an own argument that
    is not a member can only become OUT."""
    n = p.n
    label = [_dung.UNDEC] * n
    attackers, targets, aux = p.attackers, p.targets, p.aux
    queue = []
    for a in members:
        label[a] = _dung.IN
        queue.append(a)
    alive = [len(attackers[a]) for a in range(n)] if p.has_aux else None
    if alive is not None:
        for a in range(n):
            if aux[a] and alive[a] == 0 and label[a] == _dung.UNDEC:
                label[a] = _dung.IN
                queue.append(a)
    i = 0
    while i < len(queue):
        a = queue[i]
        i += 1
        if label[a] == _dung.IN:
            for b in targets[a]:
                if label[b] == _dung.UNDEC:
                    label[b] = _dung.OUT
                    queue.append(b)
        elif alive is not None:
            for b in targets[a]:
                alive[b] -= 1
                if alive[b] == 0 and aux[b] and label[b] == _dung.UNDEC:
                    label[b] = _dung.IN
                    queue.append(b)
    return label
