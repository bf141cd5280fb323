"""From an argument map to an abstract argumentation framework (Dung 1995).

The arguments are the claims and the named supports (a named support is the
inference from its premises to its conclusion, an argument that can be
undercut). Unnamed supports are not arguments.

The attacks: ``a rebuts b`` gives a -> b; ``a contradicts b`` gives a -> b
and b -> a; ``u undercuts s`` gives u -> s. Supports add attacks according to
the support mode:

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

Derived attacks are built from rebuttals and contradictions only; undercuts
stay as written and are never propagated along supports.

Relations that name unknown ids (``argmap check`` reports them) are left out.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
from attrs import field, frozen

from argmap._meaning import require_meaning
from argmap.diagnostics import Diagnostic, info
from argmap.model import ArgumentMap, Claim, Support

__all__ = ["SUPPORT_MODES", "Framework", "framework", "build", "arguments_of"]

#: The ways supports can add attacks; the first is the default.
SUPPORT_MODES = ("none", "deductive", "necessary")


@frozen
class Framework:
    """An abstract argumentation framework: arguments and who attacks whom.

    ``attacks`` holds every attack, the derived ones included; ``derived``
    those that only the support mode added. Both are in the order of the
    arguments (attacker first, then target).
    """

    arguments: tuple[str, ...] = field(converter=tuple)
    attacks: tuple[tuple[str, str], ...] = field(converter=tuple)
    support: str = "none"
    derived: tuple[tuple[str, str], ...] = field(default=(), converter=tuple)
    diagnostics: tuple[Diagnostic, ...] = field(default=(), converter=tuple, eq=False)

    def attackers(self) -> list[list[int]]:
        """``attackers()[i]``: the indices of the arguments attacking argument ``i``."""
        index = {a: i for i, a in enumerate(self.arguments)}
        result: list[list[int]] = [[] for _ in self.arguments]
        for a, b in self.attacks:
            result[index[b]].append(index[a])
        return result

    def to_apx(self) -> str:
        """The framework in ICCMA's apx format: ``arg(a).`` and ``att(a,b).`` lines.

        >>> print(Framework(["a", "b"], [("a", "b")]).to_apx(), end="")
        arg(a).
        arg(b).
        att(a,b).
        """
        lines = [f"arg({a})." for a in self.arguments]
        lines.extend(f"att({a},{b})." for a, b in self.attacks)
        return "".join(line + "\n" for line in lines)


def arguments_of(argument_map: ArgumentMap) -> tuple[list[str], dict[str, int], dict[str, int]]:
    """The argument ids in the order they are written (claims and named
    supports, each id once), and the index of each claim and of each
    support name in that order."""
    order: list[str] = []
    claims: dict[str, int] = {}
    names: dict[str, int] = {}
    for item in argument_map.items:
        kind = type(item)
        if kind is Claim:
            ident = item.id
            if ident in claims or ident in names:
                continue
            claims[ident] = len(order)
        elif kind is Support and item.name is not None:
            ident = item.name
            if ident in claims or ident in names:
                continue
            names[ident] = len(order)
        else:
            continue
        order.append(ident)
    return order, claims, names


def framework(argument_map: ArgumentMap, support: str = "none") -> Framework:
    """The framework of ``argument_map`` under the support mode ``support``.

    >>> from argmap import parse
    >>> m = parse("claim a: A.\\nclaim b: B.\\nclaim c: C.\\na supports b\\nc rebuts b\\n")
    >>> framework(m).attacks
    (('c', 'b'),)
    >>> framework(m, "deductive").attacks
    (('c', 'a'), ('c', 'b'))
    >>> framework(m, "necessary").attacks
    (('c', 'b'),)

    Raises ValueError for an unknown support mode, and
    :class:`argmap.semantics.MapError` when the map has errors that change
    what it means, such as a relation naming an unknown id.
    """
    require_meaning(argument_map, "build the framework of")
    return build(argument_map, support)[0]


def build(
    argument_map: ArgumentMap, support: str = "none"
) -> tuple[Framework, list[list[int]], list[list[int]]]:
    """The framework, and for each argument (by index) the indices of its
    attackers and of the arguments it attacks."""
    if support not in SUPPORT_MODES:
        raise ValueError(f"unknown support mode {support!r}; use one of {', '.join(SUPPORT_MODES)}")
    order, claims, names = arguments_of(argument_map)
    n = len(order)

    # Attacks between claims (the ones support modes propagate), then undercuts.
    # A pair (a, b) is kept as the number a * n + b: quick to hash and sort.
    claim_index = claims
    base: set[int] = set()
    for r in argument_map.rebuttals:
        a = claim_index.get(r.attacker)
        b = claim_index.get(r.target)
        if a is not None and b is not None:
            base.add(a * n + b)
    for k in argument_map.contradictions:
        a = claim_index.get(k.first)
        b = claim_index.get(k.second)
        if a is not None and b is not None:
            base.add(a * n + b)
            base.add(b * n + a)
    undercuts: set[int] = set()
    for u in argument_map.undercuts:
        a = claim_index.get(u.attacker)
        b = names.get(u.target)
        if a is not None and b is not None:
            undercuts.add(a * n + b)

    diagnostics: list[Diagnostic] = []
    derived: set[int] = set()
    if support != "none":
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
            reach = _Reach(n, [(c, p) for p, c in edges])
        else:
            reach = _Reach(n, edges)
        derived = _closure(base, reach, n) - base - undercuts

    attackers: list[list[int]] = [[] for _ in range(n)]
    targets: list[list[int]] = [[] for _ in range(n)]
    pairs = []
    for code in sorted(base | undercuts | derived):
        a, b = divmod(code, n)
        attackers[b].append(a)
        targets[a].append(b)
        pairs.append((order[a], order[b]))
    af = Framework(
        order,
        pairs,
        support,
        [(order[a], order[b]) for a, b in map(lambda code: divmod(code, n), sorted(derived))],
        diagnostics,
    )
    return af, attackers, targets


def _linked_note(s: Support) -> Diagnostic:
    what = f"the support `{s.name}`" if s.name else "this linked support"
    premises = " + ".join(s.premises)
    return info(
        "I501",
        f"{what} ({premises} supports {s.conclusion}) adds no attacks in deductive mode:"
        " premises that imply a conclusion only together are beyond an abstract framework",
        s.span,
        "use --support necessary to treat every premise as necessary for the conclusion",
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


def _closure(base: set[int], reach: _Reach, n: int) -> set[int]:
    # Each rule moves one end of an attack one step along supports+, and
    # every such move is a rule step, so the closure of x -> y is every
    # x' in reach(x) attacking every y' in reach(y) (docs/semantics.md).
    by_attacker: dict[int, set[int]] = {}
    for code in base:
        a, b = divmod(code, n)
        by_attacker.setdefault(a, set()).update(reach(b))
    result: set[int] = set()
    for a, targets in by_attacker.items():
        for a2 in reach(a):
            start = a2 * n
            result.update(start + b2 for b2 in targets)
    return result
