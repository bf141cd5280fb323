"""Time the inputs that used to take quadratic time, at growing sizes.

    python benchmarks/bench_hostile.py           # every case at its default sizes
    python benchmarks/bench_hostile.py wrap      # only the cases whose name contains "wrap"

Each case is measured at a few sizes, ten times apart; the last column is
how much longer the case took than at the size before. Linear time shows a
ratio near 10, quadratic time a ratio near 100.

- ``check as text`` / ``check as JSON``: ``argmap check`` on a map of n
  positions that each name an unknown claim (n errors), printing every
  error as text (with its source line and caret) or as JSON;
- ``unknown ids``: ``argmap check`` on a map of n claims and n relations
  whose ids are all misspelt (n did-you-mean look-ups among n ids);
- ``long id``: a claim whose id is n characters long, used with one letter
  wrong (one did-you-mean look-up between two long ids);
- ``wrap long word``: wrapping a claim text that is one word of n characters
  into the lines of a label;
- ``DOT long word``: ``to_graphviz`` of a map whose one claim is such a word;
- ``line breaks``: ``argmap check`` on n claims whose texts hold a form
  feed and a line separator, each followed by a line with an unknown id
  (n errors, printed with their source lines).
"""

from __future__ import annotations

import io
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import best_of  # noqa: E402

import argmap  # noqa: E402
from argmap.cli import main as cli  # noqa: E402
from argmap.render import to_graphviz  # noqa: E402
from argmap.render.labels import wrap  # noqa: E402


def _check(text: str, *options: str):
    def run():
        stdin = io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8")
        old, sys.stdin = sys.stdin, stdin
        try:
            out = io.StringIO()
            cli(["check", *options, "-"], out=out, err=io.StringIO())
            return out.getvalue()
        finally:
            sys.stdin = old

    return run


def unknown_positions(n: int) -> str:
    return "claim a: A.\n" + "".join(f"position p{i}: accepts x{i}\n" for i in range(n))


def unknown_ids(n: int) -> str:
    claims = "".join(f"claim claim_{i:06d}: Claim {i}.\n" for i in range(n))
    return claims + "".join(f"clam_{i:06d} supports claim_{(i + 1) % n:06d}\n" for i in range(n))


def long_id(n: int) -> str:
    ident = "k" * n
    wrong = "k" * (n // 2) + "x" + "k" * (n - n // 2 - 1)
    return f"claim {ident}: A long id.\nclaim b: B.\n{wrong} supports b\n"


def line_breaks(n: int) -> str:
    return "".join(f"claim c{i}: page\x0cbreak\u2028here\nc{i} supports x{i}\n" for i in range(n))


CASES = [
    ("check as text", [1_000, 10_000, 100_000], lambda n: _check(unknown_positions(n))),
    ("check as JSON", [1_000, 10_000, 100_000], lambda n: _check(unknown_positions(n), "--format", "json")),
    ("unknown ids", [200, 2_000, 20_000], lambda n: _check(unknown_ids(n))),
    ("long id", [2_000, 20_000, 200_000], lambda n: _check(long_id(n))),
    ("wrap long word", [100_000, 1_000_000, 10_000_000], lambda n: lambda: wrap("w" * n)),
    ("DOT long word", [10_000, 100_000, 1_000_000], lambda n: (lambda m: lambda: to_graphviz(m).source)(
        argmap.parse(f"claim a: {'w' * n}\n"))),
    ("line breaks", [1_000, 10_000, 100_000], lambda n: _check(line_breaks(n))),
]


def main(only: list[str]) -> None:
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {sys.version.split()[0]}")
    print(f"{'case':<16} {'n':>11} {'seconds':>9} {'growth':>7}")
    for name, sizes, make in CASES:
        if only and not any(word in name for word in only):
            continue
        before = None
        for n in sizes:
            seconds, _ = best_of(3 if n <= sizes[0] else 1, make(n))
            growth = f"{seconds / before:>7.1f}" if before else f"{'':>7}"
            print(f"{name:<16} {n:>11,} {seconds:>9.3f} {growth}", flush=True)
            before = seconds


if __name__ == "__main__":
    main(sys.argv[1:])
