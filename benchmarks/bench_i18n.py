"""What saying things in German costs.

    python benchmarks/bench_i18n.py

- ``check --lang en`` / ``check --lang de``: ``argmap check`` on a map of n
  claims whose relations name misspelt ids (n errors with hints, and n
  warnings with phrases inside), printed as text in English and in German;
- ``localized``: ``Diagnostic.localized("de")`` on those diagnostics alone;
- ``make messages``: extracting every message from argmap/, merging the
  German catalog and compiling it (scripts/messages.py, no file written).

The German run should cost little more than the English one: the catalog
is read once per process and each message is one dictionary look-up.
"""

from __future__ import annotations

import io
import os
import platform
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from timing import best_of  # noqa: E402

import argmap  # noqa: E402
from argmap.cli import main as cli  # noqa: E402


def _map(n: int) -> str:
    lines = [f"claim c{i}: Aussage {i}." for i in range(n)]
    lines += [f"c{i} supports cx{i}" for i in range(n)]  # unknown ids: E201 with a hint
    lines += [f"claim lone{i}: Allein {i}." for i in range(n)]  # W303 each
    return "\n".join(lines) + "\n"


def main() -> None:
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"{'case':<22} {'n':>7} {'seconds':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for n in (1_000, 10_000):
            path = Path(folder, f"m{n}.argmap")
            path.write_text(_map(n), "utf-8")
            for lang in ("en", "de"):
                seconds, _ = best_of(3, lambda: cli(["--lang", lang, "check", str(path)], io.StringIO(), io.StringIO()))
                print(f"{'check --lang ' + lang:<22} {n:>7,} {seconds:>9.3f}")
            argument_map = argmap.parse(path.read_text("utf-8"), str(path))
            diagnostics = argmap.check(argument_map)
            seconds, _ = best_of(3, lambda: [d.localized("de") for d in diagnostics])
            print(f"{'localized':<22} {len(diagnostics):>7,} {seconds:>9.3f}")
    import messages

    seconds, _ = best_of(3, lambda: messages.mo_bytes(messages.update(messages.extract())))
    print(f"{'make messages':<22} {'':>7} {seconds:>9.3f}")


if __name__ == "__main__":
    main()
