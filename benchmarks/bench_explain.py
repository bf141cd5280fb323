"""How long justifications and explanations take.

    .venv/bin/python benchmarks/bench_explain.py [--quick]

- ``justify_all`` (grounded) on random frameworks of n arguments with 2
  attacks per argument: one dispute tree, refutation or circle per argument,
  each tree bounded (1,000 defences, 60 levels);
- ``justify`` of one argument in a preferred extension of the same size;
- ``explain_all`` on the five-text debate map (every claim, German sentences).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import best_of  # noqa: E402

import argmap  # noqa: E402
from argmap.explanation import explain_all  # noqa: E402
from argmap.semantics import Framework, justify, justify_all  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def random_framework(n: int, per: float, seed: int) -> Framework:
    rng = random.Random(seed)
    names = [f"a{i}" for i in range(n)]
    attacks = {(rng.randrange(n), rng.randrange(n)) for _ in range(int(n * per))}
    return Framework(names, [(names[a], names[b]) for a, b in sorted(attacks)])


def main() -> None:
    quick = "--quick" in sys.argv
    sizes = (1_000, 10_000) if quick else (1_000, 10_000, 100_000)
    print(f"{'task':<44}{'n':>9}{'seconds':>10}")
    for n in sizes:
        fw = random_framework(n, 2.0, n)
        seconds, result = best_of(1 if n > 10_000 else 3, lambda: justify_all(fw))
        labels = {j.label for j in result.values()}
        print(f"{'justify_all, grounded (' + '/'.join(sorted(labels)) + ')':<44}{n:>9,}{seconds:>10.3f}")
    for n in sizes[:2]:
        fw = random_framework(n, 2.0, n)
        ext = argmap.semantics.some_extension(fw, "preferred")
        member = sorted(ext)[0] if ext else fw.arguments[0]
        seconds, _ = best_of(3, lambda: justify(fw, member, ext))
        print(f"{'justify one argument, preferred extension':<44}{n:>9,}{seconds:>10.3f}")
    m = argmap.load(ROOT / "examples" / "europa_ki_debatte.argmap")
    seconds, result = best_of(3, lambda: explain_all(m))
    print(f"{'explain_all, debate map (claims)':<44}{len(result):>9,}{seconds:>10.3f}")


if __name__ == "__main__":
    main()
