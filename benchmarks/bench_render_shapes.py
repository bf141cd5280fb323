"""Time drawing maps of many shapes to SVG: every shape of 1,000 claims in under 5 s.

    python benchmarks/bench_render_shapes.py                 # 1,000 claims, every shape
    python benchmarks/bench_render_shapes.py 300 1000 2000   # other sizes
    python benchmarks/bench_render_shapes.py --png out/      # also a PNG of each, to look at
    python benchmarks/bench_render_shapes.py --shape chain   # one shape

The shapes (each deterministic for its size):

- ``debate``: trees of reasons and objections under a few main claims
  (bench_render.py's debate map);
- ``chain``: one deep chain, each claim supporting the one before
  (every few a rebuttal instead): as many ranks as claims;
- ``fan``: one conclusion with every other claim a direct reason or
  objection: one rank as wide as the map;
- ``fans``: ten conclusions, each with a hundred reasons, and a few
  reasons shared between two conclusions;
- ``random``: benchmarks/generate.py's map, 1.5 relations per claim
  between random pairs: edges that span many ranks and cross;
- ``dense``: groups of ten claims that all rebut each other (mutual
  rebuttals, three per claim) and a support between groups: many cycles;
- ``groups``: the debate with every claim in one of twenty groups
  (clusters);
- ``positions``: the random map drawn for two positions side by side
  (two panels of all claims).

Prints, per map, the claims and relations, the layout settings chosen
(``size``: claims times panels; the engine; the splines), the seconds to
build the DOT (CPU), the seconds ``dot`` takes (wall and CPU of the child
process), and the SVG's size. Needs Graphviz's ``dot``.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_render import debate  # noqa: E402
from generate import WORDS, generate  # noqa: E402

import argmap  # noqa: E402
from argmap.render import to_graphviz  # noqa: E402
from argmap.render.output import run_dot  # noqa: E402


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 14))) + "."


def _claims(n: int, rng: random.Random, groups: int = 0) -> list[str]:
    out = []
    for i in range(n):
        out.append(f"claim c{i}: {_text(rng)}")
        if groups:
            out.append(f"  group: g{i * groups // n}")
    return out


def chain(n: int) -> str:
    rng = random.Random(2)
    relations = [f"c{i} {'rebuts' if i % 5 == 0 else 'supports'} c{i - 1}" for i in range(1, n)]
    return "\n".join(["title: Chain", "lang: de", *_claims(n, rng), *relations]) + "\n"


def fan(n: int) -> str:
    rng = random.Random(3)
    relations = [f"c{i} {'rebuts' if i % 3 == 0 else 'supports'} c0" for i in range(1, n)]
    return "\n".join(["title: Fan", "lang: de", *_claims(n, rng), *relations]) + "\n"


def fans(n: int) -> str:
    rng = random.Random(4)
    roots = 10
    relations = []
    for i in range(roots, n):
        root = i % roots
        relations.append(f"c{i} {'rebuts' if i % 4 == 0 else 'supports'} c{root}")
        if i % 25 == 0:
            relations.append(f"c{i} supports c{(root + 1) % roots}")
    return "\n".join(["title: Fans", "lang: de", *_claims(n, rng), *relations]) + "\n"


def dense(n: int) -> str:
    rng = random.Random(5)
    relations = []
    size = 10
    for start in range(0, n, size):
        members = list(range(start, min(n, start + size)))
        for i in members:
            for j in rng.sample(members, min(3, len(members))):
                if i != j:
                    relations.append(f"c{i} rebuts c{j}")
        if start:
            relations.append(f"c{start} supports c{rng.randrange(start)}")
    return "\n".join(["title: Dense", "lang: de", *_claims(n, rng), *relations]) + "\n"


def groups(n: int) -> str:
    text = debate(n)
    out = []
    for line in text.splitlines():
        out.append(line)
        if line.startswith(("claim c", "implicit claim c")):
            i = int(line.split(":")[0].rsplit("c", 1)[1])
            out.append(f"  group: g{i % 20}")
    return "\n".join(out + [f"group g{k}: Gruppe {k}" for k in range(20)]) + "\n"


SHAPES = {
    "debate": (lambda n: debate(n), {}),
    "chain": (chain, {}),
    "fan": (fan, {}),
    "fans": (fans, {}),
    "random": (lambda n: generate(n, n * 3 // 2), {}),
    "dense": (dense, {}),
    "groups": (groups, {}),
    "positions": (lambda n: generate(n, n * 3 // 2), {"positions": ["p0", "p1"]}),
}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(shape: str, n: int, png: Path | None, timeout: float) -> None:
    make, options = SHAPES[shape]
    m = argmap.parse(make(n))
    start = time.process_time()
    g = to_graphviz(m, **options)
    source = g.source
    build = time.process_time() - start
    attributes = g.graph_attr
    size = len(m.claims) * max(1, len(options.get("positions", ())))
    settings = f"{attributes.get('layout', 'dot')}/{attributes.get('splines', 'spline')}"
    wall, cpu = time.perf_counter(), _children_cpu()
    try:
        svg = run_dot(source, "svg", timeout=timeout)
        layout, layout_cpu, result = time.perf_counter() - wall, _children_cpu() - cpu, f"{len(svg) / 1e6:7.2f}"
    except argmap.render.RenderFailed as exc:
        layout, layout_cpu, result = time.perf_counter() - wall, _children_cpu() - cpu, f"failed: {exc}"
    print(
        f"{shape:>9} {len(m.claims):>6} {len(m.relations):>9} {size:>6} {settings:>14} {build:>7.2f}"
        f" {layout:>7.2f} {layout_cpu:>7.2f} {result}",
        flush=True,
    )
    if png is not None:
        png.mkdir(parents=True, exist_ok=True)
        (png / f"{shape}-{n}.png").write_bytes(run_dot(source, "png", timeout=timeout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these shapes")
    parser.add_argument("--png", type=Path, help="write a PNG of each map into this folder")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds dot may take per map (default 120)")
    args = parser.parse_args()
    dot = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {sys.version.split()[0]}, {dot}, load {load:.1f}")
    print(f"{'shape':>9} {'claims':>6} {'relations':>9} {'size':>6} {'layout':>14} {'DOT s':>7} {'dot s':>7} {'dot CPU':>7} SVG MB")
    for n in args.sizes:
        for shape in args.shape or SHAPES:
            measure(shape, n, args.png, args.timeout)


if __name__ == "__main__":
    main()
