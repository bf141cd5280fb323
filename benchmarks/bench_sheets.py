"""How long worksheets and step-by-step slides take, and what they give.

    .venv/bin/python benchmarks/bench_sheets.py

For each bundled example (and a generated map of 100 claims): the time of
``argmap.worksheet`` and ``argmap.steps`` (best of 3), the pages, the
orientation, and the smallest numbered box on paper (it must be at least
5 × 2 cm). Most of the time is Graphviz laying out the candidate pages.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader  # noqa: E402
from timing import best_of  # noqa: E402

import argmap  # noqa: E402
from argmap.sheets.worksheet import plan_worksheet  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CM = 72 / 2.54


def generated(n: int) -> argmap.ArgumentMap:
    """A thesis, reasons, objections to them and answers: n claims in all."""
    lines = ["title: Generated", "claim t0: The thesis."]
    for i in range(1, n):
        lines.append(f"claim c{i}: Claim number {i} with a few words of text.")
        parent = "t0" if i < 8 else f"c{(i - 8) // 3 + 1}"
        lines.append(f"c{i} {'supports' if i % 3 else 'rebuts'} {parent}")
    return argmap.parse("\n".join(lines) + "\n")


def main() -> None:
    maps = [(p.name, argmap.load(p)) for p in sorted((ROOT / "examples").glob("*.argmap"))]
    maps.append(("generated 100 claims", generated(100)))
    print(f"{'map':45} {'claims':>6} {'worksheet s':>11} {'pages':>5} {'orient.':>9} {'min box cm':>11} {'steps s':>8} {'slides':>6}")
    for name, m in maps:
        seconds, data = best_of(3, lambda: argmap.worksheet(m))
        plan = plan_worksheet(m)
        sizes = plan.box_sizes()
        box = (min(w for _, w, _ in sizes) / CM, min(h for _, _, h in sizes) / CM) if sizes else (0, 0)
        steps_seconds, slides = best_of(3, lambda: argmap.steps(m))
        pages = plan.sheets
        print(
            f"{name:45} {len(m.claims):6} {seconds:11.2f} {pages:5} {'landscape' if plan.landscape else 'portrait':>9}"
            f" {box[0]:5.2f}×{box[1]:4.2f} {steps_seconds:8.2f} {len(PdfReader(io.BytesIO(slides)).pages):6}"
        )


if __name__ == "__main__":
    main()
