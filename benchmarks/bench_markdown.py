"""What argmap in Markdown and editors costs.

    .venv/bin/python benchmarks/bench_markdown.py

- the Pygments lexer on every bundled example (wall and CPU time);
- the Markdown extension drawing every bundled example into one page
  (wall, our CPU, and the CPU of Graphviz's dot, which does the drawing);
- the cost of Pygments loading the lexer through its entry point
  (a fresh ``python -c "import argmap.pygments_lexer"``);
- ``argmap watch``: its CPU use while nothing changes, and the time from
  saving the debate map to the new picture being written.

Wall times are the best of several runs; the machine's load is printed.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import markdown  # noqa: E402
from pygments.lexers import get_lexer_by_name  # noqa: E402

EXAMPLES = sorted((ROOT / "examples").rglob("*.argmap"))
DEBATE = ROOT / "examples" / "europa_ki_debatte.argmap"


def timed(runs: int, fn):
    """Best wall time, best CPU time of this process, best CPU time of its children."""
    best = (float("inf"),) * 3
    for _ in range(runs):
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu, wall = time.process_time(), time.perf_counter()
        fn()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        child = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
        best = tuple(min(a, b) for a, b in zip(best, (wall, cpu, child)))
    return best


def lexer() -> None:
    lex = get_lexer_by_name("argmap")
    texts = [p.read_text("utf-8") for p in EXAMPLES]
    size = sum(len(t) for t in texts)
    wall, cpu, _ = timed(5, lambda: [list(lex.get_tokens(t)) for t in texts])
    print(f"lexer, {len(texts)} examples ({size:,} characters): {wall * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU")


def extension() -> None:
    page = "\n".join("```argmap\n" + p.read_text("utf-8") + "```\n" for p in EXAMPLES)
    wall, cpu, dot = timed(3, lambda: markdown.markdown(page, extensions=["argmap.markdown"]))
    print(
        f"Markdown page of {len(EXAMPLES)} examples: {wall:.2f} s wall, {cpu:.2f} s CPU in Python, {dot:.2f} s CPU in dot"
    )


def plugin_import() -> None:
    def fresh(code: str) -> float:
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
            best = min(best, time.perf_counter() - start)
        return best

    base = fresh("import pygments.lexers")
    ours = fresh("import pygments.lexers, argmap.pygments_lexer")
    print(f"loading the lexer through its entry point: +{(ours - base) * 1000:.0f} ms (Python with Pygments alone: {base * 1000:.0f} ms)")


def watch() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "debatte.argmap"
        text = DEBATE.read_text("utf-8")
        path.write_text(text, "utf-8")
        env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONPATH": str(ROOT)}
        process = subprocess.Popen(
            [sys.executable, "-m", "argmap", "watch", str(path)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=folder,
        )  # fmt: skip
        lines = iter(process.stdout)
        next(line for line in lines if "wrote" in line)
        latencies = []
        for k in range(3):
            time.sleep(1)
            start = time.perf_counter()
            path.write_text(text + f"\n# {k}\n", "utf-8")
            next(line for line in lines if "wrote" in line)
            latencies.append(time.perf_counter() - start)
        before = _cpu(process.pid)
        time.sleep(10)
        idle = (_cpu(process.pid) - before) / 10
        process.send_signal(signal.SIGINT)
        process.wait(30)
    print(f"watch: saved to picture written {min(latencies):.2f} s (best of 3, the debate map); idle {idle * 100:.2f}% of a core")


def _cpu(pid: int) -> float:
    """CPU seconds of a running process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}, {os.cpu_count()} cores")
    lexer()
    plugin_import()
    extension()
    watch()


if __name__ == "__main__":
    main()
