"""How long a quote that is not found costs: finding the nearest passage, and checking omissions.

    .venv/bin/python benchmarks/bench_quotes.py [--quick]

- ``index``: building the word index of a source text once (per text, only
  when one of its quotes is not found);
- ``nearest``: the nearest passage of a quote with one word changed, in a
  text of n bytes made of common words (the worst case for a search by rare
  words) with the passage somewhere in the middle;
- ``omissions``: checking a quote of four parts (three `[…]`) that is not in
  the text, in a text where its first part occurs many times.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import best_of  # noqa: E402

from argmap.checks._nearest import TextIndex  # noqa: E402
from argmap.checks.quotes import _forms, _missing, squash_word  # noqa: E402

FILLER = "und die der das ist es in zu den mit sich auf für nicht auch als an "


def text_of(size: int) -> str:
    lines = []
    i = 0
    while sum(map(len, lines)) < size:
        lines.append(f"{FILLER * 3}Absatz {i} handelt von Thema {i % 97}.")
        i += 1
    lines[len(lines) // 2] = "Hier steht der seltene Satz über Gießkannen und Regenwürmer im Schulgarten."
    return "\n".join(lines)


def main(quick: bool) -> None:
    sizes = (100_000, 1_000_000) if quick else (100_000, 1_000_000, 5_000_000)
    print(f"{'text':>10} {'index':>9} {'nearest':>9} {'omissions':>10}")
    for size in sizes:
        text = text_of(size)
        build, index = best_of(3, lambda: TextIndex(text, squash_word))
        quote = "der seltene Satz über Gießkannen und Maulwürfe im Schulgarten"
        assert index.nearest(quote).text == "Regenwürmer"
        near, _ = best_of(3, lambda: index.nearest(quote))
        forms = _forms(text)
        parts = ["und die der", "Absatz 3", "Thema 5", "gibt es nicht"]
        omit, _ = best_of(3, lambda: _missing(parts, forms))
        print(f"{len(text) / 1e6:>8.1f}MB {build * 1000:>7.0f}ms {near * 1000:>7.1f}ms {omit * 1000:>8.1f}ms")


if __name__ == "__main__":
    main("--quick" in sys.argv)
