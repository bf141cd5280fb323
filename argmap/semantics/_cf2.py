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
    once, as a sorted list.

    With auxiliary arguments (named and linked attacks) the same recursion
    runs on the translated framework, where an auxiliary argument is a gate:
    it is in exactly when none of its attackers (among the arguments still
    in play) is, so that a set is conflict-free as the recursive reading of
    the map says (docs/semantics.md); naive sets are then the sets of the
    map's own arguments that are maximal with that property."""
    naive = _naive if not p.has_aux else _Gated(p).naive
    for ext in _cf2(list(range(p.n)), p.attackers, deadline, naive):
        yield sorted(ext)


def _cf2(members: Sequence[int], attackers, deadline, naive) -> Iterator[list[int]]:
    inside = set(members)
    local = {a: i for i, a in enumerate(members)}
    succ: list[list[int]] = [[] for _ in members]
    for a in members:
        for b in attackers[a]:
            if b in inside:
                succ[local[b]].append(local[a])
    components = [[members[i] for i in comp] for comp in strongly_connected(len(members), succ)]
    if len(components) == 1:
        yield from naive(members, attackers, deadline)
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
            frames.append((_cf2(up, attackers, deadline, naive) if up else iter(([],)), []))
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


def _naive(members: Sequence[int], attackers, deadline) -> Iterator[list[int]]:
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
    steps = 0
    while stack:
        steps += 1
        if steps % 1000 == 0:
            deadline.check()
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


class _Gated:
    """Naive sets when auxiliary arguments are gates (see cf2_extensions)."""

    def __init__(self, p):
        self.p = p
        aux = p.aux
        # The gates in an order where each comes after the gates attacking it
        # (negations before applications: the translation has no cycle of gates).
        order: list[int] = []
        placed = [False] * p.n
        pending = [g for g in range(p.n) if aux[g]]
        while pending:
            rest = []
            for g in pending:
                if all(placed[b] or not aux[b] for b in p.attackers[g]):
                    order.append(g)
                    placed[g] = True
                else:
                    rest.append(g)
            if len(rest) == len(pending):  # a cycle of gates: not from the translation
                order.extend(rest)
                break
            pending = rest
        self.order = order

    def closure(self, chosen: set[int], inside: set[int]) -> set[int]:
        """``chosen`` (own arguments) with the gates among ``inside`` that are in."""
        result = set(chosen)
        attackers = self.p.attackers
        for g in self.order:
            if g in inside and not any(b in result and b in inside for b in attackers[g]):
                result.add(g)
        return result

    def conflict_free(self, chosen: set[int], inside: set[int]) -> bool:
        members = self.closure(chosen, inside)
        attackers = self.p.attackers
        return not any(b in members and b in inside for a in members for b in attackers[a])

    def naive(self, members: Sequence[int], attackers, deadline) -> Iterator[list[int]]:
        inside = set(members)
        own = [a for a in members if not self.p.aux[a]]
        # Adding an own argument only adds conflicts, so conflict-free sets
        # are closed under subsets: a search that adds arguments in order,
        # keeping the set conflict-free, reaches every maximal one.
        stack: list[tuple[int, list[int]]] = [(0, [])]
        steps = 0
        while stack:
            steps += 1
            if steps % 1000 == 0:
                deadline.check()
            i, chosen = stack.pop()
            if i == len(own):
                current = set(chosen)
                if all(
                    a in current or not self.conflict_free(current | {a}, inside) for a in own
                ):
                    yield sorted(self.closure(current, inside))
                continue
            stack.append((i + 1, chosen))
            if self.conflict_free(set(chosen) | {own[i]}, inside):
                stack.append((i + 1, chosen + [own[i]]))
