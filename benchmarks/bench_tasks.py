"""Time argmap's reasoning tasks on random frameworks (a quick local tuning aid).

    python benchmarks/bench_tasks.py [N] [ATTACKS_PER_ARGUMENT] [SEEDS]

For each seed: a random framework of N arguments with N * ATTACKS_PER_ARGUMENT
random attacks (self-attacks allowed), then SE, DC and DS for a random
argument under each semantics, with the time of each call. The side-by-side
comparison with clingo is benchmarks/bench_solve.py.
"""

from __future__ import annotations

import random
import sys
import time

from argmap.semantics import Framework, credulous, sceptical, some_extension

SEMANTICS = ("complete", "preferred", "stable", "semi-stable", "stage", "ideal", "eager", "naive")


def random_framework(n: int, per_argument: float, seed: int) -> Framework:
    rng = random.Random(seed)
    names = [f"a{i}" for i in range(n)]
    attacks = {(rng.randrange(n), rng.randrange(n)) for _ in range(int(n * per_argument))}
    return Framework(names, [(names[a], names[b]) for a, b in sorted(attacks)])


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    per = float(sys.argv[2]) if len(sys.argv) > 2 else 3
    seeds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    semantics = sys.argv[4].split(",") if len(sys.argv) > 4 else SEMANTICS
    worst: dict[str, float] = {}
    for seed in range(seeds):
        fw = random_framework(n, per, seed)
        arg = random.Random(seed).choice(fw.arguments)
        for s in semantics:
            row = []
            for task, call in (
                ("SE", lambda: some_extension(fw, s, timeout=60)),
                ("DC", lambda: credulous(fw, s, arg, timeout=60).accepted),
                ("DS", lambda: sceptical(fw, s, arg, timeout=60).accepted),
            ):
                start = time.perf_counter()
                result = call()
                took = time.perf_counter() - start
                key = f"{task}-{s}"
                worst[key] = max(worst.get(key, 0.0), took)
                shown = result if isinstance(result, bool) else (None if result is None else len(result))
                row.append(f"{task} {took:6.3f}s {shown!s:>5}")
            print(f"seed {seed} {s:12} " + "  ".join(row), flush=True)
    print("worst:", ", ".join(f"{k} {v:.3f}s" for k, v in worst.items()))


if __name__ == "__main__":
    main()
