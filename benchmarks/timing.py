"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import time


def best_of(runs: int, fn, clock=time.perf_counter):
    """The best time of ``runs`` calls of ``fn`` (wall-clock; ``clock=time.process_time``
    for CPU time), and its last result."""
    best = float("inf")
    result = None
    for _ in range(runs):
        start = clock()
        result = fn()
        best = min(best, clock() - start)
    return best, result
