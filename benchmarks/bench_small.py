"""Small frameworks: the pure-Python labelling search against the SAT solver.

For random frameworks of n arguments (1.5 attacks per argument by default), the time of
SE, DC and DS under complete, preferred, stable and semi-stable semantics,
once with every framework sent to the pure-Python search of _dung.py and once
with every one sent to SAT. argmap.semantics._tasks.SMALL_ARGUMENTS is chosen
from this table (docs/semantics.md, "Algorithms").

    .venv/bin/python benchmarks/bench_small.py [FRAMEWORKS_PER_SIZE [ATTACKS_PER_ARGUMENT]]
"""

from __future__ import annotations

import random
import sys
import time

from argmap.semantics import Framework, _tasks, credulous, sceptical, some_extension

SIZES = (3, 5, 10, 20, 30, 40, 60, 80, 120, 200)
SEMANTICS = ("complete", "preferred", "stable", "semi-stable")


def framework(n: int, rng: random.Random, density: float = 1.5) -> Framework:
    names = [f"a{i}" for i in range(n)]
    attacks = {(rng.choice(names), rng.choice(names)) for _ in range(round(density * n))}
    return Framework(names, sorted(attacks))


def timed(frameworks, small: bool) -> tuple[float, int]:
    """Seconds for every task on every framework, and how many went to the small path."""
    _tasks.SMALL_ARGUMENTS = 10**9 if small else 0
    _tasks.SMALL_DENSITY = 10**9
    taken = sum(
        _tasks._small(_tasks._Run(fw, semantics, "SE", None)) is not None for fw in frameworks for semantics in SEMANTICS
    ) if small else 0
    start = time.perf_counter()
    for fw in frameworks:
        a = fw.arguments[0]
        for semantics in SEMANTICS:
            some_extension(fw, semantics)
            credulous(fw, semantics, a)
            sceptical(fw, semantics, a)
    return time.perf_counter() - start, taken


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    density = float(sys.argv[2]) if len(sys.argv) > 2 else 1.5
    saved = _tasks.SMALL_ARGUMENTS, _tasks.SMALL_DENSITY
    print(f"{density} attacks per argument")
    print(f"{'n':>4} {'pure Python':>12} {'SAT':>10} {'ratio':>6} {'small path taken':>17}  (ms per framework, 12 tasks)")
    for n in SIZES:
        rng = random.Random(n)
        frameworks = [framework(n, rng, density) for _ in range(count)]
        pure, taken = timed(frameworks, True)
        sat, _ = timed(frameworks, False)
        total = count * len(SEMANTICS)
        print(f"{n:>4} {1000 * pure / count:>12.2f} {1000 * sat / count:>10.2f} {sat / pure:>6.1f} {taken:>8}/{total}")
    _tasks.SMALL_ARGUMENTS, _tasks.SMALL_DENSITY = saved


if __name__ == "__main__":
    main()
