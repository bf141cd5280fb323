"""Time drawing large maps: building the DOT and running Graphviz's dot to SVG.

    python benchmarks/bench_render.py               # 100, 300, 1,000 and 2,000 claims
    python benchmarks/bench_render.py 1000 5000     # other sizes

Two kinds of map per size:

- ``debate``: shaped like a real debate, a forest of claims with their
  reasons and objections (some linked, some undercut, a few contradictions),
  with sources and basis types, wrapped texts of 6 to 18 words;
- ``random``: benchmarks/generate.py's map (relations between random pairs
  of claims), the worst case for a layered layout: its edges span many
  ranks.

Prints, per map, the number of claims and relations, the seconds to build
the DOT (``to_graphviz``), the seconds ``dot -Tsvg`` takes, and the SVG's
size. Needs Graphviz's ``dot``.
"""

from __future__ import annotations

import os
import platform
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import WORDS, generate  # noqa: E402

import argmap  # noqa: E402
from argmap.render import to_graphviz  # noqa: E402
from argmap.render.output import run_dot  # noqa: E402


def debate(claims: int, seed: int = 1) -> str:
    """A debate-shaped map: trees of reasons and objections under a few main claims."""
    rng = random.Random(seed)
    out = ["title: Benchmark debate", "question: Does it scale?", "lang: de", ""]
    for s in range(5):
        out.append(f'source s{s}: "Quelle {s}"')
        out.append(f"  author: Autorin {s}")
    roots = max(1, claims // 200)
    relations = []
    named = []
    for i in range(claims):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 18)))
        out.append(f"{'implicit claim' if i % 37 == 5 else 'claim'} c{i}: {text}.")
        if i % 4 == 0:
            out.append(f"  source: s{rng.randrange(5)}")
        if i % 6 == 0:
            out.append(f"  basis: {rng.choice(['statistic', 'study', 'expert', 'example'])}")
        if i < roots:
            continue
        parent = rng.randrange(max(roots, i - 40), i) if i > roots else 0
        kind = rng.random()
        if kind < 0.55:
            if i % 7 == 0:
                named.append(f"r{i}")
                relations.append(f"r{i}: c{i} supports c{parent}")
            else:
                relations.append(f"c{i} supports c{parent}")
        elif kind < 0.65 and i > roots + 1:
            relations.append(f"c{i} + c{i - 1} supports c{parent}")
        elif kind < 0.9:
            relations.append(f"c{i} rebuts c{parent}")
        elif kind < 0.95 and named:
            relations.append(f"c{i} undercuts {rng.choice(named)}")
        else:
            relations.append(f"c{i} contradicts c{parent}")
    return "\n".join(out + relations) + "\n"


def measure(kind: str, text: str) -> None:
    m = argmap.parse(text)
    start = time.perf_counter()
    source = to_graphviz(m).source
    build = time.perf_counter() - start
    start = time.perf_counter()
    svg = run_dot(source, "svg", timeout=None)
    layout = time.perf_counter() - start
    print(
        f"{kind:>7} {len(m.claims):>7} {len(m.relations):>9} {build:>8.2f} {layout:>8.2f}"
        f" {build + layout:>8.2f} {len(svg) / 1e6:>7.2f}",
        flush=True,
    )


def main(sizes: list[int]) -> None:
    dot = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {sys.version.split()[0]}, {dot}")
    print(f"{'map':>7} {'claims':>7} {'relations':>9} {'DOT s':>8} {'dot s':>8} {'total s':>8} {'SVG MB':>7}")
    for claims in sizes:
        measure("debate", debate(claims))
        measure("random", generate(claims, claims * 3 // 2))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 300, 1000, 2000])
