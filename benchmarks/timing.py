"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import time


def best_of(runs: int, fn):
    """The best wall-clock time of ``runs`` calls of ``fn``, and its last result."""
    best = float("inf")
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result
