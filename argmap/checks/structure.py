"""Checks on the shape of a map: relations that contradict each other,
circular support, claims connected to nothing and sources nobody cites."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from argmap._graph import strongly_connected
from argmap.diagnostics import Diagnostic, error, info, warning
from argmap.model import ArgumentMap, Claim, Contradiction, Rebuttal, Support

__all__ = ["check_structure"]

#: At most this many extra members of a circle of supports are named.
_SHOWN = 10


def check_structure(m: ArgumentMap) -> Iterator[Diagnostic]:
    """E301 a pair related both by support and by rebuttal or contradiction;
    W302 circular support; W303 a claim connected to nothing; I304 a source
    nobody cites."""
    yield from _support_and_attack(m)
    yield from _circular_support(m)
    yield from _unconnected(m)
    yield from _uncited(m)


def _line(item) -> str:
    return f" (line {item.span.line})" if item.span is not None else ""


def _support_and_attack(m: ArgumentMap) -> Iterator[Diagnostic]:
    supports: dict[tuple[str, str], Support] = {}
    for s in m.supports:
        for p in s.premises:
            if p != s.conclusion:
                supports.setdefault((p, s.conclusion), s)
    if not supports:
        return
    for rel in m.relations:
        if isinstance(rel, Rebuttal):
            a, b, verb = rel.attacker, rel.target, "rebuts"
        elif isinstance(rel, Contradiction):
            a, b, verb = rel.first, rel.second, "contradicts"
        else:
            continue
        if a == b:
            continue
        for x, y in ((a, b), (b, a)):
            s = supports.get((x, y))
            if s is None:
                continue
            if (x, y) == (a, b):
                message = f"`{a}` both supports `{b}`{_line(s)} and {verb} it"
            else:
                message = f"`{x}` supports `{y}`{_line(s)}, but `{a}` {verb} `{b}`"
            yield error(
                "E301",
                message,
                rel.span,
                "a claim cannot be a reason for another and speak against it; remove one of the two",
            )
            break


def _circular_support(m: ArgumentMap) -> Iterator[Diagnostic]:
    # Only a claim that is both a premise and a conclusion can lie on a circle.
    premises = {p for s in m.supports for p in s.premises}
    candidates = premises.intersection(s.conclusion for s in m.supports)
    if not candidates:
        return
    names = [c.id for c in m.claims if c.id in candidates]
    ids = {c: i for i, c in enumerate(names)}
    edge_support: dict[tuple[int, int], Support] = {}
    successors: list[list[int]] = [[] for _ in names]
    for s in m.supports:
        c = ids.get(s.conclusion)
        if c is None:
            continue
        for p in s.premises:
            i = ids.get(p)
            if i is None or i == c or (i, c) in edge_support:
                continue
            edge_support[(i, c)] = s
            successors[i].append(c)
    if not edge_support:
        return
    for component in strongly_connected(len(names), successors):
        if len(component) < 2:
            continue
        members = set(component)
        cycle = _shortest_cycle(min(component), successors, members)
        steps = [edge_support[(cycle[k], cycle[k + 1])] for k in range(len(cycle) - 1)]
        closing = max(steps, key=lambda s: (s.span.line, s.span.column) if s.span else (0, 0))
        message = "circular support: " + " supports ".join(f"`{names[i]}`" for i in cycle)
        others = sorted(members - set(cycle))
        if others:
            shown = ", ".join(f"`{names[i]}`" for i in others[:_SHOWN])
            more = f" and {len(others) - _SHOWN} more" if len(others) > _SHOWN else ""
            message += f"; the circle also takes in {shown}{more}"
        yield warning(
            "W302",
            message,
            closing.span,
            "a claim cannot be a reason for itself, however many steps lie between; remove one support",
        )


def _shortest_cycle(start: int, successors: list[list[int]], members: set[int]) -> list[int]:
    """The shortest path from ``start`` back to itself inside ``members``
    (a strongly connected component, so there is one), both ends included."""
    parent = {start: -1}
    queue = deque([start])
    while queue:
        v = queue.popleft()
        for w in successors[v]:
            if w not in members:
                continue
            if w == start:
                path = [v]
                while parent[path[-1]] != -1:
                    path.append(parent[path[-1]])
                path.reverse()
                return path + [start]
            if w not in parent:
                parent[w] = v
                queue.append(w)
    raise AssertionError("a strongly connected component always has a cycle")


def _unconnected(m: ArgumentMap) -> Iterator[Diagnostic]:
    if len(m.claims) < 2 or len({c.id for c in m.claims}) < 2:
        return
    connected: set[str] = set()
    for s in m.supports:
        connected.update(s.premises)
        connected.add(s.conclusion)
    for r in m.rebuttals:
        connected.add(r.attacker)
        connected.add(r.target)
    for u in m.undercuts:
        connected.add(u.attacker)
    for k in m.contradictions:
        connected.add(k.first)
        connected.add(k.second)
    seen: set[str] = set()
    for c in m.claims:
        if c.id in seen:
            continue
        seen.add(c.id)
        if c.id not in connected:
            yield warning(
                "W303",
                f"claim `{c.id}` is connected to nothing: it supports, attacks and is attacked by no other claim",
                _id_span(c),
                f"relate it, e.g. `{c.id} supports ...`, or remove it",
            )


def _uncited(m: ArgumentMap) -> Iterator[Diagnostic]:
    cited = {c.source for c in m.claims if c.source is not None}
    owners = {p.id for p in m.positions}
    seen: set[str] = set()
    for s in m.sources:
        if s.id in seen:
            continue
        seen.add(s.id)
        if s.id not in cited and s.id not in owners:
            yield info(
                "I304",
                f"source `{s.id}` is cited by no claim",
                s.ref_spans[0] if s.ref_spans else s.span,
                f"cite it under a claim with `source: {s.id}`, or remove it",
            )


def _id_span(c: Claim):
    return c.ref_spans[0] if c.ref_spans else c.span
