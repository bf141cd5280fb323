"""Graph algorithms the checks and the semantics share; iterative, for large maps."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["strongly_connected"]


def strongly_connected(n: int, successors: Sequence[Sequence[int]]) -> list[list[int]]:
    """The strongly connected components in topological order: a component
    comes before every component it has an edge to. Tarjan's algorithm with
    an explicit stack."""
    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    stack: list[int] = []
    components: list[list[int]] = []
    counter = 0
    for root in range(n):
        if index[root] != -1:
            continue
        work = [(root, 0)]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            v, i = work[-1]
            succ = successors[v]
            if i < len(succ):
                work[-1] = (v, i + 1)
                w = succ[i]
                if index[w] == -1:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = True
                    work.append((w, 0))
                elif on_stack[w] and index[w] < low[v]:
                    low[v] = index[w]
                continue
            work.pop()
            if work:
                u = work[-1][0]
                if low[v] < low[u]:
                    low[u] = low[v]
            if low[v] == index[v]:
                component = []
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    component.append(w)
                    if w == v:
                        break
                components.append(component)
    # Tarjan finishes a component after everything it reaches.
    components.reverse()
    return components
