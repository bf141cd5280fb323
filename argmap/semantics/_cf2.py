"""CF2 semantics (Baroni, Giacomin, Guida 2005), in pure Python.

CF2 is SCC-recursive: the strongly connected components are taken in
topological order; in each, the arguments attacked by the extension built
so far from an earlier component are dropped (what remains is UP), and the
rest of the component gets a CF2 extension of its own, recursively; a
framework that is a single component gets its naive extensions (maximal
conflict-free sets). An odd cycle a -> b -> c -> a has the three CF2
extensions {a}, {b} and {c}, where preferred semantics has only {}.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from argmap._graph import strongly_connected

__all__ = ["cf2_extensions"]


def cf2_extensions(p, deadline) -> Iterator[list[int]]:
    """Every CF2 extension of the problem ``p`` (see _sat.Problem), each
    once, as a sorted list. Auxiliary arguments (named and linked attacks)
    are not part of CF2's definition: :func:`argmap.semantics._tasks`
    refuses them before calling this."""
    for ext in _cf2(list(range(p.n)), p.attackers, deadline):
        yield sorted(ext)


def _cf2(members: Sequence[int], attackers, deadline) -> Iterator[list[int]]:
    inside = set(members)
    local = {a: i for i, a in enumerate(members)}
    succ: list[list[int]] = [[] for _ in members]
    for a in members:
        for b in attackers[a]:
            if b in inside:
                succ[local[b]].append(local[a])
    components = [[members[i] for i in comp] for comp in strongly_connected(len(members), succ)]
    if len(components) == 1:
        yield from _naive(members, attackers)
        return
    # Depth-first over the components; chosen holds the extension so far.
    chosen: set[int] = set()
    frames: list[tuple[Iterator[list[int]], list[int]]] = []
    k = 0
    while k >= 0:
        deadline.check()
        if k == len(components):
            yield list(chosen)
            k -= 1
            continue
        if len(frames) == k:
            comp = components[k]
            comp_set = set(comp)
            up = [a for a in comp if not any(b in chosen and b not in comp_set for b in attackers[a])]
            frames.append((_cf2(up, attackers, deadline) if up else iter(([],)), []))
        solutions, current = frames[k]
        chosen.difference_update(current)
        nxt = next(solutions, None)
        if nxt is None:
            frames.pop()
            k -= 1
            continue
        frames[k] = (solutions, nxt)
        chosen.update(nxt)
        k += 1


def _naive(members: Sequence[int], attackers) -> Iterator[list[int]]:
    """The maximal conflict-free subsets of ``members`` (Bron-Kerbosch on the
    complement of the attack graph, with a pivot)."""
    inside = set(members)
    neighbours: dict[int, set[int]] = {a: set() for a in members}
    loops = set()
    for a in members:
        for b in attackers[a]:
            if b == a:
                loops.add(a)
            elif b in inside:
                neighbours[a].add(b)
                neighbours[b].add(a)
    candidates = {a for a in members if a not in loops}
    # Frames: (chosen, candidates, excluded, the vertices still to branch on).
    stack: list[tuple[list[int], set[int], set[int], list[int] | None]] = [([], candidates, set(), None)]
    while stack:
        chosen, cand, excl, todo = stack.pop()
        if todo is None:
            if not cand and not excl:
                yield chosen
                continue
            pivot = max(cand | excl, key=lambda u: len(cand & neighbours[u]) + (u in cand))
            todo = [v for v in cand if v == pivot or v in neighbours[pivot]]
        if not todo:
            continue
        v = todo.pop()
        stack.append((chosen, cand - {v}, excl | {v}, todo))
        stack.append((chosen + [v], cand - neighbours[v] - {v}, excl - neighbours[v] - {v}, None))
