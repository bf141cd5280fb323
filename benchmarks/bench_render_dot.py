"""Time writing DOT for large maps: the DOT stage alone, and the whole `argmap render --format dot` process.

    python benchmarks/bench_render_dot.py                  # 1,000, 10,000 and 100,000 claims
    python benchmarks/bench_render_dot.py 100000 --runs 3  # best of three

For each size, benchmarks/generate.py's map (1.5 relations per claim,
texts of 5 to 12 German words) is written to a scratch file, then:

- ``parse``: ``argmap.load`` (CPU seconds, best of the runs), for scale;
- ``DOT``: ``to_graphviz(m).source`` on the parsed map (CPU, best of the runs);
- ``process``: ``argmap render FILE --format dot -o OUT`` as its own
  process: Python's start-up, reading, parsing, the DOT and writing it
  (wall and CPU seconds of the child, best of the runs).

Then, at the largest size, what the ``graphviz.Digraph`` methods cost
for the same nodes and edges: ``Digraph.node`` and ``Digraph.edge`` with
each edge's attributes as keywords (quoted on every call), against the
lines argmap writes (``argmap.render.dot_lines``: shared attributes
quoted once, each node name quoted once), and joining the body into
``.source``.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import generate  # noqa: E402

import argmap  # noqa: E402
from argmap.render import to_graphviz  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _cpu(fn, runs: int):
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.process_time()
        result = fn()
        best = min(best, time.process_time() - start)
    return best, result


def _process(path: Path, out: Path, runs: int) -> tuple[float, float]:
    """Best wall and CPU seconds of `argmap render PATH --format dot -o OUT` as a child process."""
    command = [sys.executable, "-m", "argmap", "render", str(path), "--format", "dot", "-o", str(out)]
    best_wall, best_cpu = float("inf"), float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    return best_wall, best_cpu


def _digraph_body(n: int) -> None:
    """Digraph.node and Digraph.edge against argmap's lines, for n nodes with a label each and 1.5 n edges of one style."""
    import random

    import graphviz
    from graphviz.quoting import quote

    from argmap.render.dot_lines import Lines, attribute_list
    from argmap.render.graph import edge_style
    from argmap.render.themes import THEMES

    rng = random.Random(1)
    nodes = [f"c{i}" for i in range(n)]
    edges = [(f"c{rng.randrange(n)}", f"c{rng.randrange(n)}") for _ in range(n * 3 // 2)]
    style = edge_style("support", THEMES["default"])
    label = "<" + "x" * 500 + ">"  # about a claim's label

    def with_digraph():
        g = graphviz.Digraph()
        for name in nodes:
            g.node(name, label=label)
        for tail, head in edges:
            g.edge(tail, head, **style)
        return g

    def with_lines():
        g = graphviz.Digraph()
        body = g.body
        lines = Lines()
        for name in nodes:
            body.append(lines.varying(name, {}, "label", label))
        listed = attribute_list(style)
        for tail, head in edges:
            body.append(lines.edge(tail, head, listed))
        return g

    methods, g = _cpu(with_digraph, 1)
    direct, h = _cpu(with_lines, 1)
    assert g.source == h.source, "the lines differ from Digraph's"
    joined, _ = _cpu(lambda: h.source, 1)
    quoted, _ = _cpu(lambda: [quote(name) for name in nodes], 1)
    print(f"\nat {n:,} nodes and {len(edges):,} edges (CPU s):")
    print(f"  Digraph.node + Digraph.edge (attributes as keywords) {methods:7.2f}")
    print(f"  dot_lines (shared attributes quoted once)             {direct:7.2f}")
    print(f"  of which quoting each node name once                  {quoted:7.2f}")
    print(f"  joining the body into .source                         {joined:7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=2, help="best of this many runs (default 2)")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f}")
    print(f"{'claims':>8} {'relations':>9} {'parse CPU':>9} {'DOT CPU':>8} {'process wall':>12} {'process CPU':>11} {'DOT MB':>7}")
    with tempfile.TemporaryDirectory() as scratch:
        for n in args.sizes:
            path = Path(scratch) / f"map{n}.argmap"
            path.write_text(generate(n, n * 3 // 2), encoding="utf-8")
            parse, m = _cpu(lambda: argmap.load(path), args.runs)
            build, source = _cpu(lambda: to_graphviz(m).source, args.runs)
            wall, cpu = _process(path, Path(scratch) / "out.dot", args.runs)
            print(f"{n:>8,} {len(m.relations):>9,} {parse:>9.2f} {build:>8.2f} {wall:>12.2f} {cpu:>11.2f} {len(source) / 1e6:>7.1f}", flush=True)
            del m, source
    if args.sizes:
        _digraph_body(max(args.sizes))


if __name__ == "__main__":
    main()
