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

#: The semantics of the first tests (issue 9); tests/test_tasks*.py cover the rest.
CLASSIC_SEMANTICS = ("grounded", "complete", "preferred", "stable")


def random_map(rng: random.Random, max_arguments: int = 9) -> ArgumentMap:
    """A random map with at most ``max_arguments`` claims and named supports."""
    n_claims = rng.randint(1, max_arguments)
    n_named = rng.randint(0, min(3, max_arguments - n_claims))
    claims = [f"c{i}" for i in range(n_claims)]
    items: list = [Claim(c, f"Claim {c}.") for c in claims]
    items += _plain_relations(rng, claims, rng.random() * 0.35, 0.08, (1.25, 1.9))
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


def _plain_relations(rng: random.Random, claims: list[str], density: float, self_attacks: float, more) -> list:
    """Unnamed rebuttals, contradictions and supports between random pairs
    of claims (density: how likely a rebuttal; ``more``: the factors of the
    density up to which a pair gets a contradiction, then a support),
    self-attacks, and now and then an odd cycle on purpose."""
    items: list = []
    for a in claims:
        for b in claims:
            r = rng.random()
            if a == b:
                if r < self_attacks:
                    items.append(Rebuttal(a, a))  # a self-attack
            elif r < density:
                items.append(Rebuttal(a, b))
            elif r < density * more[0] and a < b:
                items.append(Contradiction(a, b))
            elif r < density * more[1]:
                items.append(Support((a,), b))
    if len(claims) >= 3 and rng.random() < 0.3:  # an odd cycle on purpose
        a, b, c = rng.sample(claims, 3)
        items += [Rebuttal(a, b), Rebuttal(b, c), Rebuttal(c, a)]
    return items


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


def _support_steps(m: ArgumentMap, support: str) -> set[tuple[str, str]]:
    """The pairs (premise, conclusion) the support mode moves attacks along:
    every premise in necessary mode, single-premise supports in deductive mode."""
    step = set()
    for s in m.supports:
        if support == "deductive" and len(s.premises) > 1:
            continue
        step |= {(p, s.conclusion) for p in s.premises}
    return step


def brute_framework(m: ArgumentMap, support: str) -> tuple[list[str], set[tuple[str, str]]]:
    """The arguments and attacks of ``m`` (a map of :func:`random_map`, whose
    attacks are unnamed, each with one attacker), with derived attacks found
    by applying the two rules of the support mode until nothing new appears."""
    claims = [c.id for c in m.claims]
    names = [s.name for s in m.supports if s.name]
    attacks: set[tuple[str, str]] = set()
    for rel in m.relations:
        if isinstance(rel, Rebuttal):
            attacks |= {(a, rel.target) for a in rel.attackers}
        elif isinstance(rel, Contradiction):
            attacks |= {(rel.first, rel.second), (rel.second, rel.first)}
    undercuts = {(a, u.target) for u in m.undercuts for a in u.attackers}
    if support != "none":
        step = _support_steps(m, support)
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


def brute_extensions(
    arguments: list[str], attacks: set[tuple[str, str]], cf2: bool = False
) -> dict[str, list[frozenset[str]]]:
    """The extensions of every semantics argmap knows, by enumerating every
    subset and reading the definitions of docs/semantics.md (Dung 1995;
    Baroni, Caminada, Giacomin 2011; Dung, Mancarella, Toni 2007 for ideal;
    Caminada 2007 for eager; Baroni, Giacomin, Guida 2005 for CF2, only
    with ``cf2``: it is the slowest to check)."""
    args = list(arguments)

    def attacked_by(s: frozenset[str]) -> set[str]:
        return {b for a, b in attacks if a in s}

    def conflict_free(s: frozenset[str]) -> bool:
        return not any(a in s and b in s for a, b in attacks)

    def defends(s: frozenset[str], x: str) -> bool:
        hit = attacked_by(s)
        return all(a in hit for a, b in attacks if b == x)

    def maximal(sets, key=lambda s: s):
        return [s for s in sets if not any(key(s) < key(t) for t in sets)]

    def in_all(sets) -> frozenset[str]:
        common = set(args)
        for s in sets:
            common &= s
        return frozenset(common)

    def rng(s: frozenset[str]) -> frozenset[str]:
        return s | attacked_by(s)

    subsets = [frozenset(c) for k in range(len(args) + 1) for c in combinations(args, k)]
    cf = [s for s in subsets if conflict_free(s)]
    admissible = [s for s in cf if all(defends(s, x) for x in s)]
    complete = [s for s in admissible if all(x in s for x in args if defends(s, x))]
    preferred = maximal(admissible)
    stable = [s for s in cf if attacked_by(s) == set(args) - s]
    grounded = [min(complete, key=len)]
    assert all(grounded[0] <= s for s in complete), "the grounded extension is the least complete one"
    semi_stable = maximal(complete, rng)
    ideal = maximal([s for s in admissible if s <= in_all(preferred)])
    eager = maximal([s for s in admissible if s <= in_all(semi_stable)])
    assert len(ideal) == len(eager) == 1, "ideal and eager extensions are unique"
    found = {
        "grounded": grounded,
        "complete": complete,
        "preferred": preferred,
        "stable": stable,
        "admissible": admissible,
        "conflict-free": cf,
        "naive": maximal(cf),
        "semi-stable": semi_stable,
        "stage": maximal(cf, rng),
        "ideal": ideal,
        "eager": eager,
    }
    if cf2:
        found["cf2"] = [s for s in subsets if _is_cf2(frozenset(args), attacks, s)]
    return found


def _components(arguments: frozenset[str], attacks) -> tuple[set[tuple[str, str]], set[frozenset[str]]]:
    """The attacks among ``arguments``, and their strongly connected components (by brute force)."""
    inner = {(a, b) for a, b in attacks if a in arguments and b in arguments}
    reach = {a: {a} for a in arguments}
    changed = True
    while changed:
        changed = False
        for a, b in inner:
            for x in arguments:
                if a in reach[x] and b not in reach[x]:
                    reach[x].add(b)
                    changed = True
    return inner, {frozenset(y for y in arguments if y in reach[x] and x in reach[y]) for x in arguments}


def _is_cf2(arguments: frozenset[str], attacks: set[tuple[str, str]], e: frozenset[str]) -> bool:
    """Whether ``e`` is a CF2 extension of the framework restricted to
    ``arguments``, by the recursive definition of Baroni, Giacomin and Guida
    (2005): one component: a naive extension; else for every component S,
    e & S is a CF2 extension of the framework restricted to UP(S, e), the
    members of S that no member of e outside S attacks."""
    if not e <= arguments:
        return False
    inner, components = _components(arguments, attacks)
    if len(components) <= 1:
        if any(a in e and b in e for a, b in inner):
            return False
        return all(any((x, y) in inner or (y, x) in inner for y in e | {x}) for x in arguments - e)
    for s in components:
        up = frozenset(a for a in s if not any(b in e and b not in s and t == a for b, t in inner))
        if not _is_cf2(up, inner, e & s):
            return False
    return True


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


# -- maps with the constructs of issue 9 ----------------------------------------
#
# Named rebuttals, contradictions and undercuts, undercuts of every named
# relation (undercuts and arguments included), linked rebuttals and
# undercuts, and arguments. The brute force below reads such a map as a
# framework with recursive attacks and sets of attackers, straight from the
# definitions, without the auxiliary arguments argmap's translation adds.


def random_extended_map(rng: random.Random, max_elements: int = 9) -> ArgumentMap:
    """A random map with at most ``max_elements`` claims and named relations,
    using every kind of named relation, undercuts of each, linked
    objections, arguments, self-attacks and odd cycles."""
    from argmap.model import Argument, Step

    n_claims = rng.randint(1, min(6, max_elements))
    claims = [f"c{i}" for i in range(n_claims)]
    items: list = [Claim(c, f"Claim {c}.") for c in claims]
    n_named = rng.randint(0, max_elements - n_claims)
    kinds = [rng.choice(("support", "rebuttal", "rebuttal", "contradiction", "undercut", "undercut", "argument"))
             for _ in range(n_named)]
    letter = {"support": "s", "rebuttal": "r", "contradiction": "k", "undercut": "u", "argument": "g"}
    names = [f"{letter[kind]}{k}" for k, kind in enumerate(kinds)]

    def some(k: int) -> tuple[str, ...]:
        return tuple(rng.sample(claims, min(k, n_claims)))

    def attackers() -> tuple[str, ...]:
        return some(2) if n_claims >= 2 and rng.random() < 0.35 else some(1)

    for name, kind in zip(names, kinds):
        if kind == "support":
            premises = some(rng.choice((1, 1, 2)))
            items.append(Support(premises, rng.choice(claims), name=name))
        elif kind == "rebuttal":
            items.append(Rebuttal(attackers(), rng.choice(claims), name=name))
        elif kind == "contradiction":
            a, b = (some(2) * 2)[:2]
            items.append(Contradiction(a, b, name=name))
        elif kind == "undercut":
            items.append(Undercut(attackers(), rng.choice(names), name=name))
        else:
            steps = [Step(some(rng.choice((1, 2))), rng.choice(claims))]
            if rng.random() < 0.4:
                steps.append(Step(some(1), rng.choice(claims)))
            items.append(Argument(name, f"Argument {name}.", steps=steps))
    items += _plain_relations(rng, claims, rng.random() * 0.3, 0.06, (1.2, 1.8))
    if n_claims >= 3 and rng.random() < 0.3:  # an unnamed linked rebuttal
        a, b, c = rng.sample(claims, 3)
        items.append(Rebuttal((a, b), rng.choice((c, a))))
    if n_claims >= 3 and rng.random() < 0.2:  # a linked support
        p, q, c = rng.sample(claims, 3)
        items.append(Support((p, q), c))
    for name in names:
        if rng.random() < 0.3:  # an unnamed undercut
            items.append(Undercut(attackers(), name))
    rng.shuffle(items)
    return ArgumentMap(items)


Attack = tuple[frozenset, str, "str | None"]


def brute_structure(m: ArgumentMap, support: str) -> tuple[list[str], set[Attack]]:
    """The elements (claims, then named relations and arguments) and the
    attacks ``(attackers, target, relation)`` of ``m``: ``relation`` is the
    named relation the attack belongs to, or None. Derived attacks come from
    applying the rules of the support mode, one attacker or target at a
    time, until nothing new appears."""
    claims = list(dict.fromkeys(c.id for c in m.claims))
    names = [a.id for a in m.arguments] + [r.name for r in m.relations if r.name]
    names = [x for x in dict.fromkeys(names) if x not in claims]
    moving: set[Attack] = set()  # rebuttals and contradictions
    fixed: set[Attack] = set()  # undercuts
    for rel in m.relations:
        if isinstance(rel, Rebuttal):
            moving.add((frozenset(rel.attackers), rel.target, rel.name))
        elif isinstance(rel, Contradiction):
            moving.add((frozenset([rel.first]), rel.second, rel.name))
            moving.add((frozenset([rel.second]), rel.first, rel.name))
        elif isinstance(rel, Undercut):
            fixed.add((frozenset(rel.attackers), rel.target, rel.name))
    if support != "none":
        step = _support_steps(m, support)
        while True:
            new = set()
            for p, c in step:
                # necessary: c stands only with p, so c attacks what p attacks
                # and whatever attacks p attacks c; deductive: the other way.
                old, now = (p, c) if support == "necessary" else (c, p)
                for members, target, via in moving:
                    if old in members:
                        new.add(((members - {old}) | {now}, target, via))
                    if target == old:
                        new.add((members, now, via))
            if new <= moving:
                break
            moving |= new
    return claims + names, moving | fixed


def brute_structure_extensions(elements: list[str], attacks: set[Attack]) -> dict[str, list[frozenset[str]]]:
    """The extensions of every semantics but CF2 of a framework with
    recursive attacks and sets of attackers, by enumerating every subset.

    For a set X of elements: an attack is *active* when its attackers and its
    relation (if named) are all in X; X *defeats* the targets of its active
    attacks (Def(X)); X is conflict-free when it defeats none of its members;
    X *defends* an element when every attack on it has an attacker or a
    relation that X defeats. Admissible, complete, preferred, stable and
    grounded then read as in Dung (1995); the range of X is X and Def(X),
    and naive, semi-stable, stage, ideal and eager read as in
    docs/semantics.md with that range: this is the semantics of recursive
    attacks in which an attack is accepted independently of its source
    (Cayrol et al. 2017), with sets of attackers (Nielsen & Parsons 2006).
    """
    bit = {e: 1 << i for i, e in enumerate(elements)}
    full = (1 << len(elements)) - 1
    coded = []
    for members, target, via in attacks:
        need = 0
        for x in members:
            need |= bit[x]
        parts = need | (bit[via] if via is not None else 0)
        coded.append((parts, bit[target]))
    on: dict[int, list[int]] = {}
    for parts, target in coded:
        on.setdefault(target, []).append(parts)

    def defeated(x: int) -> int:
        out = 0
        for parts, target in coded:
            if parts & x == parts:
                out |= target
        return out

    found = {"complete": [], "stable": [], "admissible": [], "conflict-free": []}
    ranges = {}
    for x in range(full + 1):
        d = defeated(x)
        if d & x:
            continue
        found["conflict-free"].append(x)
        ranges[x] = x | d
        defended = 0
        for e in bit.values():
            if all(parts & d for parts in on.get(e, ())):
                defended |= e
        if x & defended != x:
            continue
        found["admissible"].append(x)
        if defended == x:
            found["complete"].append(x)
        if d == full & ~x:
            found["stable"].append(x)

    def maximal(sets, key=lambda x: x):
        return [x for x in sets if not any(key(x) != key(y) and key(x) & key(y) == key(x) for y in sets)]

    def in_all(sets) -> int:
        common = full
        for x in sets:
            common &= x
        return common

    admissible = found["admissible"]
    preferred = maximal(admissible)
    grounded = [min(found["complete"], key=lambda x: bin(x).count("1"))]
    assert all(grounded[0] & c == grounded[0] for c in found["complete"]), "the grounded extension is least"
    semi_stable = maximal(found["complete"], ranges.__getitem__)
    core = in_all(preferred)
    ideal = maximal([x for x in admissible if x & core == x])
    core = in_all(semi_stable)
    eager = maximal([x for x in admissible if x & core == x])
    assert len(ideal) == len(eager) == 1, "ideal and eager extensions are unique"

    def named(x: int) -> frozenset[str]:
        return frozenset(e for e, b in bit.items() if b & x)

    every = {
        "grounded": grounded,
        "complete": found["complete"],
        "preferred": preferred,
        "stable": found["stable"],
        "admissible": admissible,
        "conflict-free": found["conflict-free"],
        "naive": maximal(found["conflict-free"]),
        "semi-stable": semi_stable,
        "stage": maximal(found["conflict-free"], ranges.__getitem__),
        "ideal": ideal,
        "eager": eager,
    }
    return {semantics: [named(x) for x in sets] for semantics, sets in every.items()}


# -- abstract frameworks for the reasoning tasks ----------------------------------


def random_framework(rng: random.Random, max_arguments: int = 7) -> tuple[list[str], set[tuple[str, str]]]:
    """A random abstract framework of 1 to ``max_arguments`` arguments: random
    attacks of a random density, self-attacks, and now and then an odd cycle."""
    n = rng.randint(1, max_arguments)
    args = [f"a{i}" for i in range(n)]
    density = rng.random() * 0.45
    attacks = {(a, b) for a in args for b in args if a != b and rng.random() < density}
    attacks |= {(a, a) for a in args if rng.random() < 0.07}
    if n >= 3 and rng.random() < 0.3:
        a, b, c = rng.sample(args, 3)
        attacks |= {(a, b), (b, c), (c, a)}
    return args, attacks


def brute_cf2_translated(arguments: list[str], attacks: set[tuple[str, str]], auxiliary: set[str]) -> list[frozenset[str]]:
    """CF2 on a translated framework whose ``auxiliary`` arguments are gates
    (in exactly when none of their attackers in play is), by checking every
    subset against the recursive definition: a naive set of a component is
    a set closed under the gates, conflict-free, with a maximal set of the
    map's own arguments. Returns the own part of each extension."""
    everything = frozenset(arguments)
    own = [a for a in arguments if a not in auxiliary]
    found = []
    for k in range(len(own) + 1):
        for chosen in combinations(own, k):
            for e in _gate_completions(frozenset(chosen), auxiliary, arguments):
                if _is_cf2_gated(everything, attacks, e, auxiliary):
                    found.append(frozenset(chosen))
                    break
    return found


def _gate_completions(chosen: frozenset[str], auxiliary: set[str], arguments: list[str]):
    """Every set of the chosen own arguments plus any auxiliary arguments."""
    aux = [a for a in arguments if a in auxiliary]
    for k in range(len(aux) + 1):
        for extra in combinations(aux, k):
            yield chosen | frozenset(extra)


def _is_cf2_gated(arguments: frozenset[str], attacks, e: frozenset[str], auxiliary: set[str]) -> bool:
    if not e <= arguments:
        return False
    inner, components = _components(arguments, attacks)
    if len(components) <= 1:
        def closed(s):
            return all((g in s) == (not any((b, g) in inner and b in s for b in arguments)) for g in arguments & auxiliary)

        if not closed(e) or any(a in e and b in e for a, b in inner):
            return False
        # maximal: no own argument can be added (with its own gate closure) keeping conflict-freeness
        own_e = {a for a in e if a not in auxiliary}
        for x in arguments - e - auxiliary:
            for bigger in _gate_completions(frozenset(own_e | {x}), auxiliary, sorted(arguments)):
                if closed(bigger) and not any(a in bigger and b in bigger for a, b in inner):
                    return False
        return True
    for s in components:
        up = frozenset(a for a in s if not any(b in e and b not in s and t == a for b, t in inner))
        if not _is_cf2_gated(up, inner, e & s, auxiliary):
            return False
    return True
