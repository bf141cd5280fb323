"""A delta-debugging minimizer (Zeller's ddmin, complements only): the
smallest input it can find, first by lines, then by characters, for which a
test still fails."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

__all__ = ["minimize", "ddmin"]


class _Budget:
    def __init__(self, seconds: float, tries: int):
        self.deadline = time.monotonic() + seconds
        self.tries = tries

    def spend(self) -> bool:
        self.tries -= 1
        return self.tries >= 0 and time.monotonic() < self.deadline


def ddmin(units: Sequence, fails: Callable[[Sequence], bool], budget: _Budget) -> list:
    """A 1-minimal (budget allowing) sublist of ``units`` that still ``fails``."""
    units = list(units)
    n = 2
    while len(units) >= 2:
        size = -(-len(units) // n)
        for start in range(0, len(units), size):
            rest = units[:start] + units[start + size :]
            if not budget.spend():
                return units
            if fails(rest):
                units = rest
                n = max(n - 1, 2)
                break
        else:
            if n >= len(units):
                return units
            n = min(len(units), n * 2)
    return units


def minimize(data: bytes, fails: Callable[[bytes], bool], seconds: float = 10.0, tries: int = 2000) -> bytes:
    """The smallest input found (within ``seconds`` and ``tries`` runs of
    ``fails``) that still fails; ``data`` itself when it does not fail."""
    budget = _Budget(seconds, tries)
    if not fails(data):
        return data
    lines = ddmin(data.splitlines(keepends=True), lambda u: fails(b"".join(u)), budget)
    data = b"".join(lines)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        units = [bytes([b]) for b in data]
        return b"".join(ddmin(units, lambda u: fails(b"".join(u)), budget))
    chars = ddmin(list(text), lambda u: fails("".join(u).encode("utf-8")), budget)
    return "".join(chars).encode("utf-8")
