"""Running Graphviz for sheets: the layout's sizes (``-Tjson``) and the
drawing as a one-page vector PDF (cairo).

The only module of :mod:`argmap.sheets` that runs a program. Both calls
run ``dot`` with a time limit and raise :class:`argmap.render.RenderFailed`
or :class:`argmap.render.GraphvizNotFound` like :func:`argmap.render.draw`.
"""

from __future__ import annotations

import json
import subprocess

from attrs import frozen

from argmap.render.output import DEFAULT_TIMEOUT, INSTALL_HINT, GraphvizNotFound, RenderFailed, find_dot, run_dot

__all__ = ["Layout", "layout", "pdf"]

POINTS_PER_INCH = 72.0


@frozen
class Layout:
    """A drawing's size in points (what its PDF page measures) and the size
    of each node in points, by node name."""

    width: float
    height: float
    nodes: dict[str, tuple[float, float]]


def layout(source: str, timeout: float | None = DEFAULT_TIMEOUT) -> Layout:
    """Lay ``source`` (DOT) out and measure it."""
    dot = find_dot()
    try:
        done = subprocess.run([dot, "-Tjson"], input=source.encode("utf-8"), capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise RenderFailed(f"Graphviz took longer than {timeout:g} s and was stopped") from None
    except OSError as exc:
        raise GraphvizNotFound(f"{INSTALL_HINT} ({exc.strerror or exc})") from None
    if done.returncode != 0 or not done.stdout:
        stderr = done.stderr.decode("utf-8", "replace").strip()
        first = stderr.splitlines()[0] if stderr else f"exit code {done.returncode}"
        raise RenderFailed(f"Graphviz could not lay the map out: {first}", stderr)
    data = json.loads(done.stdout)
    x0, y0, x1, y1 = (float(v) for v in data["bb"].split(","))
    pad = 2 * POINTS_PER_INCH * float(data.get("pad", 0.0555))
    nodes = {}
    for obj in data.get("objects", ()):
        if "nodes" in obj or "width" not in obj:
            continue  # a cluster
        nodes[obj["name"]] = (float(obj["width"]) * POINTS_PER_INCH, float(obj["height"]) * POINTS_PER_INCH)
    return Layout(x1 - x0 + pad, y1 - y0 + pad, nodes)


def pdf(source: str, timeout: float | None = DEFAULT_TIMEOUT) -> bytes:
    """``source`` drawn as a one-page vector PDF."""
    return run_dot(source, "pdf", timeout=timeout)
