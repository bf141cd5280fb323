"""How long each format takes to write and to read a map, by its size.

    .venv/bin/python benchmarks/bench_formats.py [--quick]

A generated map (benchmarks/generate.py) of n claims and 2n relations is
written in each format and read back; the times are the best of three.
apx, i23 and tgf write the map's framework (the semantics stage builds it);
GraphML is written only, Kialo read only (not generated here).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import generate  # noqa: E402
from timing import best_of  # noqa: E402

from argmap import parse  # noqa: E402
from argmap.formats.registry import FORMATS, dumps, read_as  # noqa: E402

NAMES = ("argmap", "json", "aif", "argdown", "apx", "i23", "tgf", "graphml")


def main(quick: bool) -> None:
    sizes = (100, 1000) if quick else (100, 1000, 10000)
    print(f"{'format':8} {'claims':>7} {'bytes':>10} {'write s':>8} {'read s':>8}")
    for n in sizes:
        m = parse(generate(n, 2 * n))
        for name in NAMES:
            write_time, text = best_of(3, lambda: dumps(m, name))
            read_time = float("nan")
            if FORMATS[name].readable:
                read_time, (back, diagnostics) = best_of(3, lambda: read_as(name, text))
                assert not [d for d in diagnostics if d.is_error], (name, diagnostics[:3])
                if name in ("json", "aif", "argdown", "argmap"):
                    assert back == m, name
            print(f"{name:8} {n:7d} {len(text.encode('utf-8')):10d} {write_time:8.3f} {read_time:8.3f}")


if __name__ == "__main__":
    main("--quick" in sys.argv)
