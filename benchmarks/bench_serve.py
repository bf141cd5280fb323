"""How long the editor of ``argmap serve`` takes to redraw each bundled example.

    .venv/bin/python benchmarks/bench_serve.py [RUNS]

One redraw is what the page asks for after each pause in typing: a POST of
the whole text to /api/render over HTTP, answered with the diagnostics and
the SVG (parse, check, draw with Graphviz). For each example: the best wall
time of RUNS requests (default 5), the CPU time of that request (the server's
thread and Graphviz's ``dot`` together), and the same with grounded
evaluation switched on. The aim is under half a second.
"""

from __future__ import annotations

import http.client
import json
import os
import resource
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argmap.serve import Document, make_server  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def cpu() -> float:
    """CPU seconds of this process and its finished children (dot)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def redraw(port: int, text: str, options: dict) -> dict:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    own = f"127.0.0.1:{port}"
    body = json.dumps({"text": text, "options": options, "lang": "de"}).encode()
    conn.request("POST", "/api/render", body, {"Host": own, "Origin": f"http://{own}", "Content-Type": "application/json"})
    answer = json.loads(conn.getresponse().read())
    conn.close()
    if not answer["svg"]:
        raise SystemExit(f"no picture: {answer['problem']}")
    return answer


def best(runs: int, port: int, text: str, options: dict) -> tuple[float, float]:
    """Best wall time and the CPU time of that same run."""
    found = (float("inf"), 0.0)
    for _ in range(runs):
        c0, t0 = cpu(), time.perf_counter()
        redraw(port, text, options)
        wall, used = time.perf_counter() - t0, cpu() - c0
        found = min(found, (wall, used))
    return found


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    server = make_server(Document(None, ROOT), port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; best of {runs}")
    print(f"{'example':<42}{'lines':>6}{'wall s':>9}{'cpu s':>8}{'grounded wall':>15}{'cpu':>7}")
    worst = 0.0
    for path in sorted((ROOT / "examples").glob("*.argmap")):
        text = path.read_text("utf-8")
        wall, used = best(runs, port, text, {})
        ewall, eused = best(runs, port, text, {"evaluate": "grounded"})
        worst = max(worst, wall, ewall)
        print(f"{path.name:<42}{text.count(chr(10)):>6}{wall:>9.3f}{used:>8.3f}{ewall:>15.3f}{eused:>7.3f}")
    print(f"slowest redraw: {worst:.3f} s")
    server.shutdown()


if __name__ == "__main__":
    main()
