"""Maps on paper: how many pages, at what printed size, in how long.

    .venv/bin/python benchmarks/bench_paper.py

For each example map and paper: the pages :func:`argmap.render.paper.paginate`
makes at the default 9 pt floor (the layout and orientation it chose), the smallest
printed body text, how many times Graphviz ran, and the time of one layout
(best of 3). The figures are in docs/rendering.md.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import best_of  # noqa: E402

import argmap  # noqa: E402

paper = importlib.import_module("argmap.render.paper")  # argmap.render is also a function's name

ROOT = Path(__file__).resolve().parent.parent
MAPS = ["europa_ki_debatte.argmap", "europe_ai_debate.argmap", "gastbeitrag_kein_ki_wettrennen.argmap", "erste_karte_gastbeitrag.argmap"]
CASES = [("a4", {}), ("a4", {"landscape": True}), ("a4", {"landscape": True, "layout": "graph"}), ("a4", {"min_font": 7}), ("a3", {}), ("a4", {"fit": True})]


def main() -> int:
    runs = [0]
    real = paper.run_dot

    def counting(*args, **kwargs):
        runs[0] += 1
        return real(*args, **kwargs)

    paper.run_dot = counting
    print(f"{'map':40} {'paper':5} {'options':30} {'pages':>5} {'layout':7} {'turn':9} {'print pt':>8} {'dot runs':>8} {'seconds':>8}")
    for name in MAPS:
        m = argmap.load(ROOT / "examples" / name)
        for sheet, options in CASES:
            runs[0] = 0
            paper.paginate(m, paper=sheet, **options)
            count = runs[0]
            seconds, pages = best_of(3, lambda: paper.paginate(m, paper=sheet, **options))
            turn = "landscape" if pages.landscape else "portrait"
            layout = "columns" if pages.pages[0].source.startswith("digraph columns") else "graph"
            shown = ", ".join(f"{k}={v}" for k, v in options.items()) or "-"
            print(f"{name:40} {sheet:5} {shown:30} {len(pages.pages):5} {layout:7} {turn:9} {pages.printed_font():8.1f} {count:8} {seconds:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
