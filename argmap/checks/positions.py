"""Checks on positions: does what a text, speaker or student holds hang together?

Attacks here are the ones the map writes: ``a rebuts b`` (a attacks b),
``a contradicts b`` (each attacks the other) and ``u undercuts s`` (u attacks
the named support s). Supports add no attacks to these checks.

Every diagnostic carries ``position=`` the position's id, so that
:func:`position_summary` can count them per position.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from argmap.diagnostics import Diagnostic, Severity, error, info, warning
from argmap.model import ArgumentMap, Contradiction, Position, Rebuttal, Support, Undercut

__all__ = ["check_positions", "position_summary"]


def check_positions(m: ArgumentMap) -> Iterator[Diagnostic]:
    """For every position: E401 accepts and rejects the same thing; E402 not
    conflict-free; W403 not defended; W404 rejects a claim while accepting
    every premise of a support for it; I405 accepts a claim while rejecting
    every support of it."""
    seen: set[str] = set()
    for p in m.positions:
        if p.id in seen:
            continue
        seen.add(p.id)
        yield from _check_one(m, p)


def _attackers(m: ArgumentMap, target: str) -> Iterator[tuple[str, object]]:
    """(attacker, relation) for every attack on ``target`` the map writes,
    from the map's index (so a position costs only what it names)."""
    for rel in m.objections(target):
        if isinstance(rel, Contradiction):
            yield (rel.second if rel.first == target else rel.first), rel
        else:
            yield rel.attacker, rel


def _written(a: str, b: str, rel) -> str:
    """The attack as the map writes it, with its line: "`a rebuts b` (line 3)"."""
    if isinstance(rel, Rebuttal):
        text = f"{a} rebuts {b}"
    elif isinstance(rel, Undercut):
        text = f"{a} undercuts {b}"
    else:
        text = f"{rel.first} contradicts {rel.second}"
    line = f" (line {rel.span.line})" if rel.span is not None else ""
    return f"`{text}`{line}"


def _support_text(s: Support) -> str:
    text = " + ".join(s.premises) + f" supports {s.conclusion}"
    if s.name:
        text = f"{s.name}: {text}"
    line = f" (line {s.span.line})" if s.span is not None else ""
    return f"`{text}`{line}"


def _check_one(m: ArgumentMap, p: Position) -> Iterator[Diagnostic]:
    accepted: dict[str, object] = {}
    rejected: dict[str, object] = {}
    refs = list(p.references())
    for k, (ref, span) in enumerate(refs):
        target = accepted if k < len(p.accepts) else rejected
        target.setdefault(ref, span or p.span)
    P = p.id

    # E401: accepts and rejects the same thing.
    for ref, span in rejected.items():
        if ref in accepted:
            yield error(
                "E401",
                f"position `{P}` both accepts and rejects `{ref}`",
                span,
                f"keep `{ref}` in one of the two lists",
                position=P,
            )

    # E402: not conflict-free.
    for b in accepted:
        for a, rel in _attackers(m, b):
            if a not in accepted:
                continue
            if isinstance(rel, Contradiction) and a == rel.second and a != b:
                continue  # one diagnostic per contradiction
            yield _conflict(P, a, b, rel, accepted[b])

    # W403: not defended.
    for x in accepted:
        reported: set[str] = set()
        for y, rel in _attackers(m, x):
            if y in reported:
                continue
            if any(z in accepted for z, _ in _attackers(m, y)):
                continue
            reported.add(y)
            yield warning(
                "W403",
                f"position `{P}` accepts `{x}` but leaves its attacker `{y}` unanswered: {_written(y, x, rel)}",
                accepted[x],
                f"accept something that attacks `{y}`, or give up `{x}`",
                position=P,
            )

    # W404: rejects a claim whose support it grants.
    for c, span in rejected.items():
        if c in accepted:
            continue
        for s in m.reasons(c):
            if not all(q in accepted for q in s.premises):
                continue
            if s.name is not None and (s.name in rejected or _undercuts(m, accepted, s.name)):
                continue
            yield warning(
                "W404",
                f"position `{P}` rejects `{c}` but accepts every premise of {_support_text(s)}",
                span,
                f"accept `{c}`, give up a premise, or undercut the support",
                position=P,
            )

    # I405: accepts a claim while rejecting all its supports.
    for c, span in accepted.items():
        reasons = m.reasons(c)
        if reasons and all(_rejects_support(s, rejected) for s in reasons):
            yield info(
                "I405",
                f"position `{P}` accepts `{c}` but rejects every support given for it",
                span,
                f"the position holds `{c}` for reasons the map does not show",
                position=P,
            )


def _conflict(P: str, a: str, b: str, rel, span) -> Diagnostic:
    if a == b:
        message = f"position `{P}` accepts `{a}`, which attacks itself: {_written(a, b, rel)}"
    else:
        message = f"position `{P}` accepts both `{a}` and `{b}`, but {_written(a, b, rel)}"
    return error(
        "E402",
        message,
        span,
        "a position cannot hold two things of which one attacks the other; drop one",
        position=P,
    )


def _undercuts(m: ArgumentMap, accepted, name: str) -> bool:
    return any(isinstance(rel, Undercut) and rel.attacker in accepted for rel in m.objections(name))


def _rejects_support(s: Support, rejected) -> bool:
    return (s.name is not None and s.name in rejected) or any(q in rejected for q in s.premises)


def position_summary(m: ArgumentMap, diagnostics: Iterable[Diagnostic]) -> list[tuple[str, int, int]]:
    """``(position id, errors, warnings)`` for every position of ``m`` in the
    order written, counting the diagnostics that name it with ``position=``."""
    counts: dict[str, list[int]] = {}
    for p in m.positions:
        counts.setdefault(p.id, [0, 0])
    for d in diagnostics:
        if d.position in counts:
            if d.severity is Severity.ERROR:
                counts[d.position][0] += 1
            elif d.severity is Severity.WARNING:
                counts[d.position][1] += 1
    return [(pid, e, w) for pid, (e, w) in counts.items()]
