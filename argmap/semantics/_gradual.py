"""Gradual strength: DF-QuAD (Rago, Toni, Aurisicchio, Baroni 2016).

Every argument gets a strength between 0 and 1 from its base score, the
strengths of its attackers and the strengths of its supporters:

* the attackers' strengths v1..vn are aggregated to ``va = 1 - (1-v1)...(1-vn)``
  (0 without attackers), the supporters' likewise to ``vs``;
* the strength is ``b - b*(va - vs)`` when ``va >= vs`` and
  ``b + (1-b)*(vs - va)`` when ``vs > va``, where ``b`` is the base score.

How the map enters:

* a claim's base score is its ``weight:`` (0.5 when it has none);
* a named relation (support, rebuttal, contradiction, undercut, or an
  argument's final inference) is an argument with base score 1: it holds
  until it is undercut; its undercuts are its attackers;
* rebuttals, contradictions (both ways) and undercuts are attacks; an
  attack that is linked or named is one attacker of its target, whose
  strength is the product of its attackers' strengths, times the named
  relation's own strength (as for supports, below);
* each support of a claim is one supporter of it, whose strength is the
  product of its premises' strengths, times the support's own strength when
  it is named. A linked support thus counts as strong as its premises are
  together; a single-premise unnamed support counts exactly as its premise,
  as in DF-QuAD itself.

Acyclic maps are computed exactly, in topological order. Where arguments
depend on each other in a circle, each such group is iterated from the base
scores, all of the group at once, until no strength changes by more than
1e-12; when that has not happened after 1,000 rounds, the mean of the
last two rounds is kept and a W502 warning says so. Strengths are rounded
to 10 decimals.
"""

from __future__ import annotations

from argmap._i18n import Phrase, phrase
from argmap._meaning import require_meaning
from argmap.diagnostics import Diagnostic, warning
from argmap.model import ArgumentMap, Claim
from argmap._graph import strongly_connected
from argmap.semantics._framework import arguments_of, objections

__all__ = ["dfquad", "DEFAULT_BASE", "combine", "aggregate"]

#: The base score of a claim without a ``weight:``.
DEFAULT_BASE = 0.5
_TOLERANCE = 1e-12
_ROUNDS = 1000


def aggregate(values) -> float:
    """DF-QuAD's aggregation of attackers' (or supporters') strengths:
    ``1 - (1-v1)(1-v2)...``, 0 for none."""
    rest = 1.0
    for v in values:
        rest *= 1.0 - v
    return 1.0 - rest


def combine(base: float, attack: float, support: float) -> float:
    """DF-QuAD's combination of a base score with the aggregated attack and support.

    >>> combine(0.5, 0.8, 0.5)
    0.35
    >>> combine(0.5, 0.0, 0.5)
    0.75
    """
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def dfquad(argument_map: ArgumentMap) -> tuple[dict[str, float], list[Diagnostic]]:
    """The DF-QuAD strength of every argument (claims and named relations), and
    a W502 warning for each circle of arguments whose strengths do not settle.

    >>> from argmap import parse
    >>> m = parse("claim a: A.\\nclaim b: B.\\n  weight: 0.8\\nclaim c: C.\\na supports c\\nb rebuts c\\n")
    >>> strengths, _ = dfquad(m)
    >>> round(strengths["c"], 6)
    0.35

    Raises :class:`argmap.semantics.MapError` (a ValueError) when the map has
    errors that change what it means, such as a relation naming an unknown id.
    """
    require_meaning(argument_map, "compute strengths of")
    return strengths_of(argument_map)


def strengths_of(argument_map: ArgumentMap) -> tuple[dict[str, float], list[Diagnostic]]:
    """:func:`dfquad` for a map known to have no errors."""
    order, claims, names = arguments_of(argument_map)
    index = {**claims, **names}
    n = len(order)
    base = [1.0] * n
    claim_items: dict[str, Claim] = {}
    for claim in argument_map.claims:
        if claim.id not in claim_items:
            claim_items[claim.id] = claim
            w = claim.weight
            base[index[claim.id]] = DEFAULT_BASE if w is None else min(1.0, max(0.0, float(w)))

    attackers: list[list[int]] = [[] for _ in range(n)]
    # An attack that is named or linked is one term, as a support is:
    # (attacker indices, index of the relation's name or -1), by target.
    attack_terms: dict[int, list[tuple[tuple[int, ...], int]]] = {}
    # Each supporter term: (premise indices, index of the support's name or -1).
    supporters: list[list[tuple[tuple[int, ...], int]]] = [[] for _ in range(n)]
    depends: list[set[int]] = [set() for _ in range(n)]  # a -> what a's strength feeds into

    for members, target, named, _ in objections(argument_map.relations, claims, names):
        if named < 0 and len(members) == 1:
            attackers[target].append(members[0])
        else:
            attack_terms.setdefault(target, []).append((members, named))
            if named >= 0:
                depends[named].add(target)
        for i in members:
            depends[i].add(target)
    for rel in argument_map.supports:
        if rel.conclusion not in claims or not all(p in claims for p in rel.premises):
            continue
        c = index[rel.conclusion]
        premises = tuple(index[p] for p in rel.premises)
        named = index[rel.name] if rel.name is not None and rel.name in names else -1
        supporters[c].append((premises, named))
        for p in premises:
            depends[p].add(c)
        if named >= 0:
            depends[named].add(c)

    strength = list(base)

    def values(members: list[int], s: list[float]) -> list[float]:
        """The strength of each of ``members`` from the strengths ``s``
        (aggregation and combination written out: this is the inner loop)."""
        result = []
        for a in members:
            rest = 1.0
            for b in attackers[a]:
                rest *= 1.0 - s[b]
            if attack_terms:  # (a map without named or linked attacks skips this)
                for parts, named in attack_terms.get(a, ()):
                    t = s[named] if named >= 0 else 1.0
                    for p in parts:
                        t *= s[p]
                    rest *= 1.0 - t
            va = 1.0 - rest
            rest = 1.0
            for premises, named in supporters[a]:
                t = s[named] if named >= 0 else 1.0
                for p in premises:
                    t *= s[p]
                rest *= 1.0 - t
            vs = 1.0 - rest
            b0 = base[a]
            result.append(b0 - b0 * (va - vs) if va >= vs else b0 + (1.0 - b0) * (vs - va))
        return result

    diagnostics: list[Diagnostic] = []
    successors = [list(d) for d in depends]
    for component in strongly_connected(n, successors):
        if len(component) == 1 and component[0] not in depends[component[0]]:
            strength[component[0]] = values(component, strength)[0]
            continue
        component.sort()
        settled = False
        previous = [strength[a] for a in component]
        for _ in range(_ROUNDS):
            new = values(component, strength)
            change = max(abs(x - y) for x, y in zip(new, previous))
            for x, a in zip(new, component):
                strength[a] = x
            if change <= _TOLERANCE:
                settled = True
                break
            previous = new
        if not settled:
            # A swing between two states is the usual way not to settle; its
            # midpoint says "undecided" better than either end.
            last = values(component, strength)
            for x, a in zip(last, component):
                strength[a] = (x + strength[a]) / 2
            diagnostics.append(_not_settled(argument_map, [order[a] for a in component]))
    # Rounded so that iteration leaves no noise such as 0.25000000000045.
    return {a: round(strength[i], 10) for i, a in enumerate(order)}, diagnostics


def _not_settled(argument_map: ArgumentMap, ids: list[str]) -> Diagnostic:
    span = None
    for claim in argument_map.claims:
        if claim.id in ids:
            span = claim.ref_spans[0] if claim.ref_spans else claim.span
            break
    shown: Phrase | str = ", ".join(f"`{i}`" for i in ids[:8])
    if len(ids) > 8:
        shown = phrase("{shown} and {count} more", shown=shown, count=len(ids) - 8)
    return warning(
        "W502",
        "the DF-QuAD strengths of {shown}, which depend on each other in a circle,"
        " do not settle after {rounds} rounds; the mean of the last two rounds is shown",
        span,
        "strong arguments attacking each other in a circle can swing back and forth;"
        " lower a `weight:` or break the circle",
        shown=shown,
        rounds=_ROUNDS,
    )
