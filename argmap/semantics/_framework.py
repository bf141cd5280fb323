"""From an argument map to an abstract argumentation framework (Dung 1995).

The arguments are the claims and the named relations: named supports,
named rebuttals, named contradictions, named undercuts, and arguments (an
argument's id names its final inference, a linked support). A named
relation stands for the connection it writes (the inference, the
objection), which only undercuts attack; unnamed relations are not
arguments.

The attacks: ``a rebuts b`` gives a -> b; ``a contradicts b`` gives a -> b
and b -> a; ``u undercuts s`` gives u -> s. An attack that is named
(``r: a rebuts b``), or linked (``a + b rebuts c``), succeeds only when all
its attackers and the named relation hold. Such an attack cannot be a
single edge: the translation adds *auxiliary arguments* (after the map's
own, with ids no map id can take): for each attacker ``x`` an argument
"not x" attacked by ``x`` alone, and for each such attack an argument
"the attack succeeds" attacked by the "not" arguments of its attackers and
of its named relation, and attacking the target. In every complete
labelling "not x" is the opposite of ``x`` and "succeeds" is IN exactly
when all its parts are, so the semantics of the map's own arguments are
those of recursive attacks with sets of attackers (docs/semantics.md).

Supports add attacks according to the support mode:

``none``
    supports add no attacks.
``deductive``
    "accepting a commits you to b". The attacks are closed under the
    supported attack (a supports+ b, b -> c gives a -> c) and the mediated
    attack (a supports+ b, c -> b gives c -> a), where supports+ is the
    transitive closure of the single-premise supports. A linked support adds
    nothing (it says the premises imply the conclusion only together), and
    an info diagnostic says so.
``necessary``
    "b cannot stand without a". The attacks are closed under a supports+ b,
    a -> c gives b -> c, and a supports+ b, c -> a gives c -> b; every premise
    of a linked support counts as necessary for its conclusion.

Derived attacks are built from rebuttals and contradictions only (each
attacker of a linked one moves on its own; a derived attack keeps the name
of the relation it comes from, so undercutting that relation cancels it
too); undercuts stay as written and are never propagated along supports.

Relations that name unknown ids (``argmap check`` reports them) are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from operator import floordiv, mod

from attrs import field, frozen

from argmap.errors import ArgmapError, OptionError
from argmap.types import FrameworkFormat, SupportMode
from argmap._i18n import N_, phrase
from argmap._meaning import require_meaning
from argmap._resolved import Attacks, Resolved, arguments_in_order, resolve
from argmap.diagnostics import Diagnostic, info
from argmap.model import ArgumentMap, Contradiction, Rebuttal, Support

__all__ = [
    "SUPPORT_MODES",
    "MAX_DERIVED_ATTACKS",
    "TooManyAttacks",
    "Framework", "framework", "build", "plain_attacks", "attack_pairs", "arguments_of", "objections", "support_reach"]

#: The ways supports can add attacks; the first is the default.
SUPPORT_MODES = ("none", "deductive", "necessary")

#: The most attacks a support mode may derive. Their number can grow with the
#: square of the map (an attack on a claim that a whole tree of claims supports
#: moves to each of them), and every one is listed in the framework, so the
#: work is capped rather than allowed to run for minutes: beyond the cap,
#: :class:`TooManyAttacks` is raised.
MAX_DERIVED_ATTACKS = 1_000_000


class TooManyAttacks(ArgmapError, ValueError):
    """A support mode would derive more than ``limit`` attacks (``support``
    says which mode). Both survive pickling."""

    def __init__(self, support: str, limit: int):
        self.support = support
        self.limit = limit
        #: The message as a phrase, so that a command can say it in German.
        self.phrase = phrase(
            "{support} support derives more than {limit} attacks in this map, too many to list",
            support=support,
            limit=f"{limit:,}",
        )
        super().__init__(str(self.phrase))

    def __reduce__(self):
        return type(self), (self.support, self.limit), self.__dict__



# Typed converters (mypy reads ``converter=tuple`` as an unbound generic).
def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _attacks(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(value)


def _notes(value: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(value)


def _pairs(value: Iterable[tuple[str, str]] | None) -> tuple[tuple[str, str], ...]:
    return () if value is None else tuple(value)


@frozen
class Framework:
    """An abstract argumentation framework: arguments and who attacks whom.

    ``arguments`` are the map's claims and named relations in the order
    written, then the ``auxiliary`` arguments the translation adds for
    named and linked attacks (none for a map without them). ``attacks``
    holds every attack, the derived ones included; ``derived`` those that
    only the support mode added. Both are in the order of the arguments
    (attacker first, then target). ``visible_attacks`` are the attacks as
    the map's ids see them: ``(x, y)`` when ``x`` is an attacker, or the
    named relation, of an attack on ``y`` (the same as ``attacks`` when
    there are no auxiliary arguments).
    """

    arguments: tuple[str, ...] = field(converter=_names)
    attacks: tuple[tuple[str, str], ...] = field(converter=_attacks)
    support: str = "none"
    derived: tuple[tuple[str, str], ...] = field(default=(), converter=_attacks)
    diagnostics: tuple[Diagnostic, ...] = field(default=(), converter=_notes, eq=False)
    auxiliary: tuple[str, ...] = field(default=(), converter=_names)
    visible_attacks: tuple[tuple[str, str], ...] = field(default=None, converter=_pairs, eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.visible_attacks and not self.auxiliary:
            object.__setattr__(self, "visible_attacks", self.attacks)

    def attackers(self) -> list[list[int]]:
        """``attackers()[i]``: the indices of the arguments attacking argument ``i``."""
        index = {a: i for i, a in enumerate(self.arguments)}
        result: list[list[int]] = [[] for _ in self.arguments]
        for a, b in self.attacks:
            result[index[b]].append(index[a])
        return result

    def to_apx(self) -> str:
        """The framework in ICCMA's apx format: ``arg(a).`` and ``att(a,b).`` lines,
        auxiliary arguments included (the framework is not the same without them).
        Ids that are not plain ASCII constants are quoted, so any id is valid ASP.

        >>> print(Framework(["a", "ärger"], [("a", "ärger")]).to_apx(), end="")
        arg(a).
        arg("ärger").
        att(a,"ärger").
        """
        return self.to_format("apx")

    def to_format(self, fmt: FrameworkFormat) -> str:
        """The framework in ICCMA's ``apx``, ``i23`` (the ids as ``# i id``
        comments) or ``tgf`` format, auxiliary arguments included."""
        from argmap.formats.iccma import write

        return write(fmt, self.arguments, self.attacks)


def arguments_of(argument_map: ArgumentMap) -> tuple[list[str], dict[str, int], dict[str, int]]:
    """The argument ids in the order they are written (claims, named
    relations and arguments, each id once), and the index of each claim and
    of each relation name or argument id in that order."""
    order, claims, names, _ = arguments_in_order(argument_map)
    return order, claims, names


def objections(
    relations: Iterable, claims: dict[str, int], names: dict[str, int]
) -> Iterator[tuple[tuple[int, ...], int, int, bool]]:
    """Every attack the ``relations`` write, by index: ``(attackers, target,
    named, between_claims)``, where ``named`` is the index of the named
    relation the attack belongs to (-1 when unnamed) and ``between_claims``
    says whether it is a rebuttal or contradiction (which support modes move
    along supports). A contradiction gives two attacks (one when it relates
    a claim to itself). Supports, and relations naming unknown ids, are left out."""
    for rel in relations:
        kind = type(rel)
        if kind is Support:
            continue
        named = names.get(rel.name, -1) if rel.name is not None else -1
        if kind is Contradiction:
            a = claims.get(rel.first)
            b = claims.get(rel.second)
            if a is None or b is None:
                continue
            yield (a,), b, named, True
            if a != b:
                yield (b,), a, named, True
            continue
        if len(rel.attackers) == 1:
            attacker = claims.get(rel.attackers[0])
            if attacker is None:
                continue
            attackers = (attacker,)
        else:
            attackers = tuple(claims.get(x) for x in rel.attackers)
            if None in attackers:
                continue
        target = (claims if kind is Rebuttal else names).get(rel.target)
        if target is not None:
            yield attackers, target, named, kind is Rebuttal


def framework(argument_map: ArgumentMap, support: SupportMode = "none") -> Framework:
    """The framework of ``argument_map`` under the support mode ``support``.

    >>> from argmap import parse
    >>> m = parse("claim a: A.\\nclaim b: B.\\nclaim c: C.\\na supports b\\nc rebuts b\\n")
    >>> framework(m).attacks
    (('c', 'b'),)
    >>> framework(m, "deductive").attacks
    (('c', 'a'), ('c', 'b'))
    >>> framework(m, "necessary").attacks
    (('c', 'b'),)

    A named attack succeeds only while its relation holds; the translation
    adds auxiliary arguments for it:

    >>> m = parse("claim a: A.\\nclaim b: B.\\nclaim u: U.\\nr: a rebuts b\\nu undercuts r\\n")
    >>> framework(m).auxiliary
    ('aux_app1_r', 'aux_not_a', 'aux_not_r')
    >>> framework(m).visible_attacks
    (('a', 'b'), ('u', 'r'), ('r', 'b'))

    Raises ValueError for an unknown support mode, and
    :class:`argmap.semantics.MapError` when the map has errors that change
    what it means, such as a relation naming an unknown id.
    """
    resolved = require_meaning(argument_map, "build the framework of")
    return build(argument_map, support, resolved)[0]


def build(
    argument_map: ArgumentMap, support: str = "none", resolved: Resolved | None = None
) -> tuple[Framework, list[list[int]], list[list[int]]]:
    """The framework, and for each argument (by index, auxiliary ones
    included) the indices of its attackers and of the arguments it attacks.
    ``resolved`` is the map's ids resolved (:func:`argmap._resolved.resolve`,
    which :func:`require_meaning` returns), so they are looked up once."""
    if support not in SUPPORT_MODES:
        raise OptionError(f"unknown support mode {support!r}; use one of {', '.join(SUPPORT_MODES)}")
    if resolved is None:
        resolved = resolve(argument_map)
    order, claims, names = resolved.order, resolved.claims, resolved.names
    n = len(order)

    # Single unnamed attacks are edges (resolve keeps a pair (a, b) as the
    # number a * n + b: quick to hash and sort): between claims (the ones
    # support modes propagate) and the undercuts. Named and linked attacks
    # need auxiliary arguments (see _Auxiliary).
    base, undercuts, others = resolved.base.codes(n), resolved.undercuts.codes(n), resolved.others
    moving = support != "none"
    complex_attacks = [
        (attackers, target, named, between_claims and moving)
        for attackers, target, named, between_claims in objections(others, claims, names)
    ]

    reach, diagnostics = support_reach(argument_map, claims, n, support)
    derived: set[int] = set()
    if reach is not None:
        derived = _closure(base, reach, n, support) - base - undercuts

    codes = base | undercuts | derived if undercuts or derived else base  # base is only read
    if not complex_attacks:
        total = n
        arguments = order
        auxiliary: list[str] = []
        extra: list[tuple[int, int, bool]] = []
    else:
        aux = _Auxiliary(order, reach)
        for attackers, target, named, moves in complex_attacks:
            aux.add(attackers, target, named, moves)
        auxiliary = aux.names
        arguments = order + auxiliary
        total = len(arguments)
        extra = aux.edges
        codes = {a * total + b for a, b in map(lambda code: divmod(code, n), codes)}
        derived = {a * total + b for a, b in map(lambda code: divmod(code, n), derived)}
        for a, b, is_derived in extra:
            codes.add(a * total + b)
            if is_derived:
                derived.add(a * total + b)

    attackers_of: list[list[int]] = [[] for _ in range(total)]
    targets: list[list[int]] = [[] for _ in range(total)]
    ordered = sorted(codes)
    for a, b in map(divmod, ordered, repeat(total)):
        attackers_of[b].append(a)
        targets[a].append(b)
    visible = None
    if extra:
        visible = _visible_attacks(n, total, codes, aux)
    af = Framework(
        arguments,
        _named_pairs(arguments, ordered, total),
        support,
        attack_pairs(arguments, derived, total),
        diagnostics,
        auxiliary,
        visible,
    )
    return af, attackers_of, targets


def plain_attacks(resolved: Resolved, support: str) -> Attacks | None:
    """The framework's attacks when they are all single edges between the
    map's own arguments (no named or linked attack, which needs auxiliary
    arguments, and support mode ``none``), by index in ``resolved.order``,
    possibly with repeats; None for any other map or mode."""
    if support != "none" or resolved.others:
        return None
    base, undercuts = resolved.base, resolved.undercuts
    if not undercuts:
        return base
    return Attacks(base.attackers + undercuts.attackers, base.targets + undercuts.targets)


def attack_pairs(arguments: Sequence[str], codes: Iterable[int], width: int) -> tuple[tuple[str, str], ...]:
    """The attacks ``codes`` (each ``a -> b`` as ``a * width + b``, repeats
    allowed) as ``(attacker, target)`` pairs of ``arguments``, in the order of
    the arguments (attacker first, then target), as :class:`Framework` lists them."""
    return _named_pairs(arguments, sorted(set(codes)), width)


def _named_pairs(arguments: Sequence[str], ordered: list[int], width: int) -> tuple[tuple[str, str], ...]:
    name = arguments.__getitem__
    attackers = map(name, map(floordiv, ordered, repeat(width)))
    return tuple(zip(attackers, map(name, map(mod, ordered, repeat(width)))))


def support_reach(
    argument_map: ArgumentMap, claims: dict[str, int], n: int, support: str
) -> tuple[_Reach | None, list[Diagnostic]]:
    """Where the support mode moves the ends of an attack between claims:
    ``reach(i)`` is every argument index the claim ``i`` moves to, itself
    included (None in mode ``none``); and the I501 notes of deductive mode."""
    diagnostics: list[Diagnostic] = []
    if support == "none":
        return None, diagnostics
    edges: list[tuple[int, int]] = []  # premise -> conclusion
    for s in argument_map.supports:
        if s.conclusion not in claims or not all(p in claims for p in s.premises):
            continue
        if support == "deductive" and s.linked:
            diagnostics.append(_linked_note(s))
            continue
        for p in s.premises:
            edges.append((claims[p], claims[s.conclusion]))
    # Deductive: an attack moves to whatever supports its ends;
    # necessary: to whatever its ends support.
    if support == "deductive":
        return _Reach(n, [(c, p) for p, c in edges]), diagnostics
    return _Reach(n, edges), diagnostics


class _Auxiliary:
    """The auxiliary arguments for named and linked attacks, and their attacks.

    For an attack with attackers x1..xk and named relation r on target t:
    an argument ``app`` ("the attack succeeds") attacks t, and is attacked
    by ``not_x1`` .. ``not_xk`` and ``not_r``, where ``not_x`` is attacked
    by x alone. When the support mode moves the attack (``moves``), ``not_x``
    is attacked by everything x reaches along supports (it is then "none of
    them holds", ids ``notany_x``) and ``app`` attacks everything t reaches.
    Every id starts with a prefix no id of the map starts with.
    """

    def __init__(self, order: list[str], reach):
        self.order = order
        self.n = len(order)
        self.reach = reach
        prefix = "aux_"
        while any(ident.startswith(prefix) for ident in order):
            prefix = "_" + prefix
        self.prefix = prefix
        self.names: list[str] = []
        self.edges: list[tuple[int, int, bool]] = []  # attacker, target, derived
        self.negations: dict[tuple[int, bool], int] = {}
        self.seen: set[tuple[frozenset[int], int, int, bool]] = set()
        #: For each application: (its index, its attackers' indices, target, named).
        self.applications: list[tuple[int, tuple[int, ...], int, int, bool]] = []

    def _new(self, name: str) -> int:
        self.names.append(name)
        return self.n + len(self.names) - 1

    def negation(self, x: int, moves: bool) -> int:
        found = self.negations.get((x, moves))
        if found is None:
            word = "notany_" if moves else "not_"
            found = self.negations[(x, moves)] = self._new(f"{self.prefix}{word}{self.order[x]}")
            for y in sorted(self.reach(x)) if moves else (x,):
                self.edges.append((y, found, y != x))
        return found

    def add(self, attackers: tuple[int, ...], target: int, named: int, moves: bool) -> None:
        key = (frozenset(attackers), target, named, moves)
        if key in self.seen:
            return
        self.seen.add(key)
        suffix = f"_{self.order[named]}" if named >= 0 else ""
        app = self._new(f"{self.prefix}app{len(self.applications) + 1}{suffix}")
        self.applications.append((app, tuple(sorted(set(attackers))), target, named, moves))
        for x in sorted(set(attackers)):
            self.edges.append((self.negation(x, moves), app, False))
        if named >= 0:
            self.edges.append((self.negation(named, False), app, False))
        for t in sorted(self.reach(target)) if moves else (target,):
            self.edges.append((app, t, t != target))


def _visible_attacks(n: int, total: int, codes: set[int], aux: _Auxiliary) -> list[tuple[str, str]]:
    """The attacks as the map's ids see them: the edges between the map's
    own arguments, and (x, t) for each attacker or relation x of a named or
    linked attack on t (moved along supports as the attack is)."""
    found: set[int] = set()
    for code in codes:
        a, b = divmod(code, total)
        if a < n and b < n:
            found.add(a * n + b)
    for _, attackers, target, named, moves in aux.applications:
        targets = aux.reach(target) if moves else (target,)
        sources: set[int] = set()
        for x in attackers:
            sources.update(aux.reach(x) if moves else (x,))
        if named >= 0:
            sources.add(named)
        for x in sources:
            for t in targets:
                found.add(x * n + t)
    order = aux.order
    return [(order[a], order[b]) for a, b in map(lambda code: divmod(code, n), sorted(found))]


def _linked_note(s: Support) -> Diagnostic:
    if s.name:
        message = N_(
            "the support `{name}` ({written}) adds no attacks in deductive mode:"
            " premises that imply a conclusion only together are beyond an abstract framework"
        )
    else:
        message = N_(
            "this linked support ({written}) adds no attacks in deductive mode:"
            " premises that imply a conclusion only together are beyond an abstract framework"
        )
    return info(
        "I501",
        message,
        s.span,
        "use --support necessary to treat every premise as necessary for the conclusion",
        name=s.name,
        written=" + ".join(s.premises) + " supports " + s.conclusion,
    )


class _Reach:
    """Everything reachable from a node along the edges, the node included (memoised)."""

    def __init__(self, n: int, edges: Iterable[tuple[int, int]]):
        self.succ: list[list[int]] = [[] for _ in range(n)]
        for a, b in edges:
            self.succ[a].append(b)
        self.memo: dict[int, frozenset[int]] = {}

    def __call__(self, v: int) -> frozenset[int]:
        found = self.memo.get(v)
        if found is None:
            seen = {v}
            todo = [v]
            while todo:
                x = todo.pop()
                for y in self.succ[x]:
                    if y not in seen:
                        seen.add(y)
                        todo.append(y)
            found = self.memo[v] = frozenset(seen)
        return found


def _closure(base: set[int], reach: _Reach, n: int, support: str) -> set[int]:
    # Each rule moves one end of an attack one step along supports+, and
    # every such move is a rule step, so the closure of x -> y is every
    # x' in reach(x) attacking every y' in reach(y) (docs/semantics.md).
    by_attacker: dict[int, set[int]] = {}
    for code in base:
        a, b = divmod(code, n)
        by_attacker.setdefault(a, set()).update(reach(b))
    result: set[int] = set()
    limit = MAX_DERIVED_ATTACKS + len(base)  # the closure holds the attacks it started from
    for a, targets in by_attacker.items():
        for a2 in reach(a):
            start = a2 * n
            result.update(start + b2 for b2 in targets)
            if len(result) > limit:
                raise TooManyAttacks(support, MAX_DERIVED_ATTACKS)
    return result
