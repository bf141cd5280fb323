"""Random maps and brute-force semantics for the semantics tests.

``random_map`` draws small maps (at most 9 arguments) with every kind of
relation, self-attacks and odd cycles included; ``maps`` is the same as a
hypothesis strategy. The ``brute_*`` functions compute what argmap computes
straight from the definitions, by enumerating all subsets.
"""

from __future__ import annotations

import random
from itertools import combinations

from hypothesis import strategies as st

from argmap.model import ArgumentMap, Claim, Contradiction, Position, Rebuttal, Support, Undercut


def random_map(rng: random.Random, max_arguments: int = 9) -> ArgumentMap:
    """A random map with at most ``max_arguments`` claims and named supports."""
    n_claims = rng.randint(1, max_arguments)
    n_named = rng.randint(0, min(3, max_arguments - n_claims))
    claims = [f"c{i}" for i in range(n_claims)]
    items: list = [Claim(c, f"Claim {c}.") for c in claims]
    density = rng.random() * 0.35
    for a in claims:
        for b in claims:
            if a == b:
                if rng.random() < 0.08:
                    items.append(Rebuttal(a, a))  # a self-attack
                continue
            r = rng.random()
            if r < density:
                items.append(Rebuttal(a, b))
            elif r < density * 1.25 and a < b:
                items.append(Contradiction(a, b))
            elif r < density * 1.9:
                items.append(Support((a,), b))
    if n_claims >= 3 and rng.random() < 0.3:  # an odd cycle on purpose
        a, b, c = rng.sample(claims, 3)
        items += [Rebuttal(a, b), Rebuttal(b, c), Rebuttal(c, a)]
    if n_claims >= 3 and rng.random() < 0.3:  # a linked support
        p, q, c = rng.sample(claims, 3)
        items.append(Support((p, q), c))
    for k in range(n_named):
        premises = tuple(rng.sample(claims, rng.choice((1, 1, 2)) if n_claims >= 3 else 1))
        conclusion = rng.choice([c for c in claims if c not in premises] or claims)
        name = f"s{k}"
        items.append(Support(premises, conclusion, name=name))
        for attacker in rng.sample(claims, rng.randint(0, min(2, n_claims))):
            items.append(Undercut(attacker, name))
    rng.shuffle(items)
    return ArgumentMap(items)


@st.composite
def maps(draw, max_arguments: int = 9) -> ArgumentMap:
    """Hypothesis strategy: a random map, as :func:`random_map` draws them."""
    seed = draw(st.integers(min_value=0, max_value=2**32 - 1))
    return random_map(random.Random(seed), max_arguments)


@st.composite
def maps_with_positions(draw) -> ArgumentMap:
    """A random map with two random positions over its arguments."""
    m = draw(maps())
    ids = [c.id for c in m.claims] + [s.name for s in m.supports if s.name]
    positions = []
    for pid in ("p", "q"):
        accepts = draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))
        rejects = draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))
        positions.append(Position(pid, accepts, rejects))
    return ArgumentMap(list(m.items) + positions)


# -- brute force, straight from the definitions --------------------------------


def brute_framework(m: ArgumentMap, support: str) -> tuple[list[str], set[tuple[str, str]]]:
    """The arguments and attacks of ``m``, with derived attacks found by
    applying the two rules of the support mode until nothing new appears."""
    claims = [c.id for c in m.claims]
    names = [s.name for s in m.supports if s.name]
    attacks: set[tuple[str, str]] = set()
    for rel in m.relations:
        if isinstance(rel, Rebuttal):
            attacks.add((rel.attacker, rel.target))
        elif isinstance(rel, Contradiction):
            attacks |= {(rel.first, rel.second), (rel.second, rel.first)}
    undercuts = {(u.attacker, u.target) for u in m.undercuts}
    if support != "none":
        step = set()
        for s in m.supports:
            if support == "deductive" and len(s.premises) > 1:
                continue
            step |= {(p, s.conclusion) for p in s.premises}
        plus = set(step)  # supports+: the transitive closure
        while True:
            more = {(a, d) for a, b in plus for c, d in plus if b == c} - plus
            if not more:
                break
            plus |= more
        while True:
            new = set()
            for a, b in plus:
                for x, y in attacks:
                    if support == "deductive":
                        if x == b:
                            new.add((a, y))  # supported attack
                        if y == b:
                            new.add((x, a))  # mediated attack
                    else:
                        if x == a:
                            new.add((b, y))
                        if y == a:
                            new.add((x, b))
            if new <= attacks:
                break
            attacks |= new
    return claims + names, attacks | undercuts


def brute_extensions(arguments: list[str], attacks: set[tuple[str, str]]) -> dict[str, list[frozenset[str]]]:
    """Grounded, complete, preferred and stable extensions by enumerating every subset."""
    args = list(arguments)

    def attacked_by(s: frozenset[str]) -> set[str]:
        return {b for a, b in attacks if a in s}

    def conflict_free(s: frozenset[str]) -> bool:
        return not any(a in s and b in s for a, b in attacks)

    def defends(s: frozenset[str], x: str) -> bool:
        hit = attacked_by(s)
        return all(a in hit for a, b in attacks if b == x)

    subsets = [frozenset(c) for k in range(len(args) + 1) for c in combinations(args, k)]
    cf = [s for s in subsets if conflict_free(s)]
    admissible = [s for s in cf if all(defends(s, x) for x in s)]
    complete = [s for s in admissible if all(x in s for x in args if defends(s, x))]
    preferred = [s for s in admissible if not any(s < t for t in admissible)]
    stable = [s for s in cf if attacked_by(s) == set(args) - s]
    grounded = [min(complete, key=len)]
    assert all(grounded[0] <= s for s in complete), "the grounded extension is the least complete one"
    return {"grounded": grounded, "complete": complete, "preferred": preferred, "stable": stable}


def sorted_extensions(extensions) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(tuple(sorted(e)) for e in extensions))


def has_odd_cycle(arguments: list[str], attacks: set[tuple[str, str]]) -> bool:
    """True when some attack cycle has odd length (self-attacks included)."""
    succ: dict[str, list[str]] = {a: [] for a in arguments}
    for a, b in attacks:
        succ[a].append(b)
    for start in arguments:
        seen = {(start, 0)}
        todo = [(start, 0)]
        while todo:
            v, parity = todo.pop()
            for w in succ[v]:
                state = (w, 1 - parity)
                if state == (start, 1):
                    return True
                if state not in seen:
                    seen.add(state)
                    todo.append(state)
    return False
