"""Evaluating a map: which claims stand under a semantics, as an immutable result."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import compress
from typing import Any, Generic, TypeVar

import attrs
from attrs import field, frozen

from argmap._i18n import N_, Phrase, joined, phrase
from argmap._meaning import MapError, require_meaning
from argmap._resolved import Attacks
from argmap._nogc import no_gc
from argmap.diagnostics import Diagnostic, info, warning
from argmap.errors import OptionError
from argmap.types import JSONDict, SemanticsName, SupportMode
from argmap.model import ArgumentMap, Contradiction, Span, Undercut
from argmap.semantics import _dung
from argmap.semantics._dung import TooManyExtensions
from argmap.semantics._framework import SUPPORT_MODES, TooManyAttacks, attack_pairs, build, plain_attacks
from argmap.semantics._gradual import DEFAULT_BASE, strengths_of
from argmap.semantics._tasks import ALL_SEMANTICS, labels_of, stream

__all__ = [
    "SEMANTICS",
    "EXTENSION_SEMANTICS",
    "Status",
    "Evaluation",
    "FrozenMapping",
    "TooManyExtensions",
    "default_limit",
    "evaluate",
    "acceptance_notes",
]

#: The semantics :func:`evaluate` knows; the first is the default.
EXTENSION_SEMANTICS = ALL_SEMANTICS
SEMANTICS = EXTENSION_SEMANTICS + ("dfquad",)


class Status(str, enum.Enum):
    """Whether an argument stands under a semantics (a ``str``: ``Status.ACCEPTED ==
    "accepted"``, and ``json.dumps`` writes the word).

    Grounded semantics gives one labelling: ACCEPTED is IN (every attacker
    is rejected), REJECTED is OUT (an accepted argument attacks it),
    UNDECIDED is neither. For the other semantics, which may have several
    extensions: ACCEPTED is sceptically accepted (in every extension, and
    there is at least one), REJECTED is in no extension, UNDECIDED is
    credulously but not sceptically accepted (in some extensions, not all).
    For DF-QuAD: ACCEPTED above the neutral strength 0.5, REJECTED below
    it, UNDECIDED at it.
    """

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    UNDECIDED = "undecided"


_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenMapping(Mapping[_K, _V], Generic[_K, _V]):
    """A read-only, hashable dictionary."""

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[_K, _V] | None = None):
        self._data: dict[_K, _V] = dict(data or {})
        self._hash: int | None = None

    def __getitem__(self, key: _K) -> _V:
        return self._data[key]

    def __iter__(self) -> Iterator[_K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMapping):
            return self._data == other._data
        return self._data == other

    def __repr__(self) -> str:
        return f"FrozenMapping({self._data!r})"


def _frozen_mapping(value: object) -> Any:
    return value if value is None or isinstance(value, FrozenMapping) else FrozenMapping(value)


class _FrozenMappingLater(FrozenMapping):
    """A FrozenMapping of the pairs ``make()`` gives, put in its dict when
    first read (a million statuses take a third of a second to put in one)."""

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[], Iterable[tuple[Any, Any]]]):
        self._make: Callable[[], Iterable[tuple[Any, Any]]] | None = make
        self._hash = None

    def __getattr__(self, name: str) -> dict[Any, Any]:
        # Python calls this only while the slot ``_data`` is still empty.
        if name != "_data" or self._make is None:
            raise AttributeError(name)
        self._data, self._make = dict(self._make()), None
        return self._data

    def __reduce__(self):
        return FrozenMapping, (self._data,)


class _Pairs:
    """Attack pairs made the first time they are read: a grounded evaluation
    of a large map need not name its million attacks to label them."""

    __slots__ = ("_make", "_pairs")

    def __init__(self, make: Callable[[], tuple[tuple[str, str], ...]]):
        self._make: Callable[[], tuple[tuple[str, str], ...]] | None = make
        self._pairs: tuple[tuple[str, str], ...] | None = None

    def read(self) -> tuple[tuple[str, str], ...]:
        if self._pairs is None:
            assert self._make is not None
            self._pairs, self._make = self._make(), None
        return self._pairs

    def __reduce__(self):
        return tuple, (self.read(),)


def _attack_pairs(value: Iterable[tuple[str, str]] | _Pairs) -> tuple[tuple[str, str], ...] | _Pairs:
    return value if isinstance(value, _Pairs) else tuple(value)


def _read_pairs(value: tuple[tuple[str, str], ...] | _Pairs) -> tuple[tuple[str, str], ...]:
    return value.read() if isinstance(value, _Pairs) else value


@frozen(repr=False)
class Evaluation:
    """The result of :func:`evaluate`.

    ``arguments`` are the claim ids, the names of named relations and the
    argument ids, in the order written (never the auxiliary arguments of
    the translation); ``attacks`` the framework's attacks between them
    (derived ones included; ``(x, y)`` when ``x`` is an attacker, or the
    named relation, of an attack on ``y``);
    ``extensions`` each extension as a sorted tuple of argument ids, the
    tuple of extensions sorted (empty for DF-QuAD); ``status`` every
    argument's :class:`Status`; ``strengths`` the DF-QuAD strengths (None
    for the other semantics); ``diagnostics`` notes about the evaluation;
    ``labels`` the labelling of each extension, one letter per argument in
    the order of ``arguments`` (``i`` in, ``o`` out, ``u`` undecided; read
    them with :meth:`labelling`).
    """

    semantics: str
    support: str
    arguments: tuple[str, ...] = field(converter=tuple)
    _attacks: tuple[tuple[str, str], ...] | _Pairs = field(converter=_attack_pairs, eq=_read_pairs, alias="attacks")
    extensions: tuple[tuple[str, ...], ...] = field(converter=tuple)
    status: Mapping[str, Status] = field(converter=_frozen_mapping)
    strengths: Mapping[str, float] | None = field(default=None, converter=_frozen_mapping)
    diagnostics: tuple[Diagnostic, ...] = field(default=(), converter=tuple)
    labels: tuple[str, ...] = field(default=(), converter=tuple)

    @property
    def attacks(self) -> tuple[tuple[str, str], ...]:
        """The attacks between ``arguments`` (see above), as ``(attacker, target)`` pairs."""
        return _read_pairs(self._attacks)

    def __repr__(self) -> str:
        fields = ", ".join(f"{a.alias}={getattr(self, a.alias)!r}" for a in attrs.fields(type(self)))
        return f"Evaluation({fields})"

    def labelling(self, i: int) -> Mapping[str, str]:
        """The labelling of the ``i``-th extension: each argument's label,
        "in", "out" (defeated by the extension) or "undec"."""
        return FrozenMapping(zip(self.arguments, map(_LABEL_WORDS.__getitem__, self.labels[i])))

    @property
    def labellings(self) -> tuple[Mapping[str, str], ...]:
        """The labelling of every extension, in the order of ``extensions``."""
        return tuple(self.labelling(i) for i in range(len(self.labels)))

    @property
    def credulous(self) -> frozenset[str]:
        """The arguments in at least one extension."""
        return frozenset(a for ext in self.extensions for a in ext)

    @property
    def sceptical(self) -> frozenset[str]:
        """The arguments in every extension (none when there is no extension)."""
        if not self.extensions:
            return frozenset()
        common = set(self.extensions[0])
        for ext in self.extensions[1:]:
            common.intersection_update(ext)
        return frozenset(common)

    def _repr_html_(self) -> str:
        from argmap._display import evaluation_html  # Jupyter: a table of the statuses and labellings

        return evaluation_html(self)

    def accepted(self) -> tuple[str, ...]:
        """The arguments whose status is ACCEPTED, in the order written."""
        return tuple(a for a in self.arguments if self.status[a] is Status.ACCEPTED)

    def to_dict(self, *, details: bool = False) -> JSONDict:
        """What ``argmap evaluate --format json`` prints: ``semantics``,
        ``support`` and ``extensions``, or for DF-QuAD ``semantics`` and
        ``strengths``. With ``details``, also ``status`` (each argument's
        status as a word) and, but for DF-QuAD, ``labellings`` (one dict per
        extension)."""
        status = {a: s.value for a, s in self.status.items()}
        if self.semantics == "dfquad":
            result = {"semantics": "dfquad", "strengths": dict(self.strengths or {})}
            if details:
                result["status"] = status
            return result
        result = {
            "semantics": self.semantics,
            "support": self.support,
            "extensions": [list(ext) for ext in self.extensions],
        }
        if details:
            result["status"] = status
            result["labellings"] = [dict(lab) for lab in self.labellings]
        return result


_LABEL_WORDS = {"i": "in", "o": "out", "u": "undec"}
_LETTERS = {_dung.IN: "i", _dung.OUT: "o", _dung.UNDEC: "u"}


def default_limit(arguments: int) -> int:
    """How many extensions :func:`evaluate` lists at most by default: 10,000,
    fewer for maps so large that so many would not fit in memory."""
    return min(10_000, max(100, 20_000_000 // max(arguments, 1)))


def evaluate(
    argument_map: ArgumentMap,
    semantics: SemanticsName = "grounded",
    support: SupportMode = "none",
    *,
    max_extensions: int | None = None,
    timeout: float | None = None,
) -> Evaluation:
    """Evaluate ``argument_map`` under ``semantics`` (one of
    :data:`SEMANTICS`: grounded, complete, preferred, stable, admissible,
    conflict-free, naive, semi-stable, stage, ideal, eager, cf2, or dfquad;
    docs/semantics.md defines them) with supports read as ``support`` (none,
    deductive or necessary; DF-QuAD takes supports as they are and accepts
    only ``none``). Raises ValueError for an unknown semantics or mode, and
    :class:`argmap.semantics.MapError` (a ValueError carrying the
    diagnostics) when the map has errors that change what it means, such as
    a relation naming an unknown id: the answer would be about another map.

    Most semantics can have exponentially many extensions (every
    independent pair of contradicting claims doubles them). When there are
    more than ``max_extensions`` (by default :func:`default_limit`),
    :class:`TooManyExtensions`, a ValueError, is raised; when the search
    takes more than ``timeout`` seconds, :class:`SolverTimeout`. To ask
    about one claim without listing every extension, use
    :func:`argmap.semantics.credulous` and :func:`argmap.semantics.sceptical`.

    >>> from argmap import parse
    >>> m = parse("claim a: A.\\nclaim b: B.\\nclaim c: C.\\na rebuts b\\nb rebuts c\\n")
    >>> e = evaluate(m)
    >>> e.extensions
    (('a', 'c'),)
    >>> e.status["b"]
    <Status.REJECTED: 'rejected'>
    """
    if semantics not in SEMANTICS:
        raise OptionError(f"unknown semantics {semantics!r}; use one of {', '.join(SEMANTICS)}")
    if support not in SUPPORT_MODES:
        raise OptionError(f"unknown support mode {support!r}; use one of {', '.join(SUPPORT_MODES)}")
    # Checking and evaluating make many objects and no reference cycles (see argmap._nogc).
    with no_gc():
        resolved = require_meaning(argument_map, "evaluate")
        return _evaluate(argument_map, semantics, support, max_extensions, timeout, resolved)


def _evaluate(argument_map, semantics, support, max_extensions, timeout, resolved) -> Evaluation:
    if semantics == "dfquad":
        if support != "none":
            raise OptionError("DF-QuAD takes supports as they are; it has no support modes other than none")
        af = build(argument_map, "none", resolved)[0]
        names = af.arguments[: len(af.arguments) - len(af.auxiliary)]
        strengths, diagnostics = strengths_of(argument_map)
        status = {a: _strength_status(v) for a, v in strengths.items()}
        return Evaluation("dfquad", support, names, af.visible_attacks, (), status, strengths, diagnostics)

    if semantics == "grounded":
        plain = plain_attacks(resolved, support)
        if plain is not None:
            return _grounded_plain(resolved.order, plain)
    af, attackers, targets = build(argument_map, support, resolved)
    total = len(af.arguments)
    # The auxiliary arguments come last; users see only the map's own.
    n = total - len(af.auxiliary)
    names = af.arguments[:n]
    if semantics == "grounded":
        labels = _dung.grounded(total, attackers, targets)
        extensions = [tuple(sorted([names[i] for i, label in enumerate(labels[:n]) if label == _dung.IN]))]
        by_label = {_dung.IN: Status.ACCEPTED, _dung.OUT: Status.REJECTED, _dung.UNDEC: Status.UNDECIDED}
        status = FrozenMapping(zip(names, map(by_label.__getitem__, labels)))
        letters = ["".join(map(_LETTERS.__getitem__, labels[:n]))]
    else:
        limit = default_limit(total) if max_extensions is None else max_extensions
        from argmap.semantics._sat import Problem  # python-sat is loaded only when a search needs it

        problem = Problem(total, attackers, targets, [i >= n for i in range(total)])
        found = []
        for ext in stream(af.arguments, problem, semantics, timeout):
            if len(found) >= limit:
                raise TooManyExtensions(semantics, limit)
            found.append(ext)
        by_extension = sorted(
            ((tuple(sorted(names[i] for i in ext if i < n)), ext) for ext in found), key=lambda pair: pair[0]
        )
        extensions = [names_of for names_of, _ in by_extension]
        letters = []
        for _, ext in by_extension:
            labels = labels_of(problem, ext)
            letters.append("".join(_LETTERS[labels[i]] for i in range(n)))
        count = [0] * n
        for ext in found:
            for i in ext:
                if i < n:
                    count[i] += 1
        total_found = len(found)
        status = {
            names[i]: (
                Status.ACCEPTED
                if total_found and count[i] == total_found
                else Status.REJECTED
                if count[i] == 0
                else Status.UNDECIDED
            )
            for i in range(n)
        }
    return Evaluation(
        semantics, support, names, af.visible_attacks, extensions, status, None, af.diagnostics, letters
    )


_IS_IN = bytes(int(i == _dung.IN) for i in range(256))
_LABEL_LETTERS = bytes.maketrans(bytes([_dung.IN, _dung.OUT, _dung.UNDEC]), b"iou")
_LABEL_STATUS = {_dung.IN: Status.ACCEPTED, _dung.OUT: Status.REJECTED, _dung.UNDEC: Status.UNDECIDED}


def _grounded_plain(order: list[str], attacks: Attacks) -> Evaluation:
    """The grounded evaluation of a map whose attacks are single edges
    between its own arguments (:func:`plain_attacks`), from the indices
    alone: the attack pairs are named only when read."""
    names = tuple(order)
    n = len(names)
    labels = _dung.grounded_labels(n, attacks.attackers, attacks.targets)
    extension = tuple(sorted(compress(names, labels.translate(_IS_IN))))
    status = _FrozenMappingLater(lambda: zip(names, map(_LABEL_STATUS.__getitem__, labels)))
    letters = labels.translate(_LABEL_LETTERS).decode("ascii")
    pairs = _Pairs(lambda: attack_pairs(names, attacks.codes(n), n))
    return Evaluation("grounded", "none", names, pairs, [extension], status, None, (), [letters])


def _strength_status(value: float) -> Status:
    if value > DEFAULT_BASE + 1e-9:
        return Status.ACCEPTED
    if value < DEFAULT_BASE - 1e-9:
        return Status.REJECTED
    return Status.UNDECIDED


_NAMES = {name: phrase("{semantics} semantics", semantics=name) for name in EXTENSION_SEMANTICS}
_NAMES["cf2"] = phrase("{semantics} semantics", semantics="CF2")
_NAMES["dfquad"] = "DF-QuAD"


def acceptance_notes(
    argument_map: ArgumentMap, semantics: SemanticsName = "grounded", support: SupportMode = "none"
) -> list[Diagnostic]:
    """What ``argmap check --semantics S --support M`` adds: the evaluation's
    own notes, then one I503 info line per claim that is not accepted under
    ``semantics``, saying why where that is simple to say. A map with
    errors that change its meaning gets no notes: :func:`argmap.check`
    reports those errors, and notes would be about another map.

    >>> from argmap import parse
    >>> m = parse("claim a: A.\\nclaim b: B.\\na rebuts b\\n")
    >>> [d.message for d in acceptance_notes(m)]
    ['claim `b` is rejected under grounded semantics: `a`, which is accepted, rebuts it (line 3)']
    """
    try:
        result = evaluate(argument_map, semantics, support)
    except MapError:
        return []
    except TooManyExtensions as exc:
        where = Span(argument_map.path, 1, 1, 1, 1)
        return [
            warning(
                "W504",
                "no acceptance notes: {reason}",
                where,
                "use grounded semantics, which always has one extension",
                reason=exc.phrase,
            )
        ]
    except TooManyAttacks as exc:
        where = Span(argument_map.path, 1, 1, 1, 1)
        return [warning("W504", "no acceptance notes: {reason}", where, "use --support none", reason=exc.phrase)]
    notes = list(result.diagnostics)
    where = _NAMES[semantics]
    if support != "none":
        where = phrase("{semantics} with {support} support", semantics=where, support=support)
    seen: set[str] = set()
    for claim in argument_map.claims:
        if claim.id in seen:
            continue
        seen.add(claim.id)
        status = result.status.get(claim.id)
        if status is None or status is Status.ACCEPTED:
            continue
        message = N_("claim `{id}` is {status} under {where}")
        hint = reason = None
        if semantics == "dfquad":
            message = N_("claim `{id}` is {status} under {where}: its strength is {strength}")
        elif status is Status.REJECTED:
            reason = _accepted_attacker(argument_map, claim.id, result)
            if reason:
                message = N_("claim `{id}` is {status} under {where}: {reason}")
            elif semantics != "grounded":
                message = N_("claim `{id}` is {status} under {where}: it is in no {semantics} extension")
        elif semantics == "grounded":
            hint = N_("its attackers are themselves undecided, as in a circle of attacks nobody breaks")
        else:
            message = N_("claim `{id}` is {status} under {where}: it is in some {semantics} extensions, not in all")
        span = claim.ref_spans[0] if claim.ref_spans else claim.span
        strength = f"{result.strengths[claim.id]:.3f}" if semantics == "dfquad" else ""
        notes.append(
            info(
                "I503",
                message,
                span,
                hint,
                id=claim.id,
                status=_STATUS_WORDS[status],
                where=where,
                strength=strength,
                reason=reason or "",
                semantics=semantics,
            )
        )
    return notes


_STATUS_WORDS = {Status.ACCEPTED: phrase("accepted"), Status.REJECTED: phrase("rejected"), Status.UNDECIDED: phrase("undecided")}


def _accepted_attacker(argument_map: ArgumentMap, ident: str, result: Evaluation) -> Phrase | None:
    accepted = Status.ACCEPTED
    for rel in argument_map.objections(ident):
        if isinstance(rel, Contradiction):
            attackers, verb = ((rel.second if rel.first == ident else rel.first),), "contradicts"
        elif isinstance(rel, Undercut):
            continue
        else:
            attackers, verb = rel.attackers, "rebuts"
        if ident in attackers or any(result.status.get(a) is not accepted for a in attackers):
            continue
        if rel.name is not None and result.status.get(rel.name) is not accepted:
            continue
        line = phrase(" (line {line})", line=rel.span.line) if rel.span else ""
        if len(attackers) > 1:
            who = joined(" and ", [f"`{a}`" for a in attackers])
            return phrase("{who}, which are accepted, rebut it together{line}", who=who, line=line)
        if verb == "rebuts":
            return phrase("`{who}`, which is accepted, rebuts it{line}", who=attackers[0], line=line)
        return phrase("`{who}`, which is accepted, contradicts it{line}", who=attackers[0], line=line)
    return None
