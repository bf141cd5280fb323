"""Turning DOT into SVG, PNG or PDF with Graphviz's ``dot``, and writing files safely.

The only module that runs a program. ``dot`` runs with a time limit, so a
drawing can fail but never hang.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from itertools import islice
from pathlib import Path

from argmap.errors import ArgmapError, OptionError
from argmap._files import write_atomically

__all__ = [
    "FORMATS",
    "GraphvizNotFound",
    "RenderFailed",
    "format_for",
    "run_dot",
    "dot_bytes",
    "write_atomically",
    "INSTALL_HINT",
    "DEFAULT_TIMEOUT",
]

#: Output formats, by name. ``dot`` is the DOT source itself and needs no Graphviz.
FORMATS = ("svg", "png", "pdf", "dot")

_SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}

#: Seconds ``dot`` may take before the drawing fails (far above what a
#: 1,000-claim map needs; see docs/performance.md).
DEFAULT_TIMEOUT = 300.0

INSTALL_HINT = (
    "Graphviz's `dot` program is not installed; install it with "
    "`sudo apt-get install graphviz` (Debian, Ubuntu), `brew install graphviz` (macOS) "
    "or from https://graphviz.org/download/ — or use --format dot"
)

# Cairo draws PNG and PDF with real fonts (and fontconfig's fallback for
# scripts the main font lacks); the core SVG renderer writes text as text.
_DOT_FORMATS = {"svg": "svg", "png": "png:cairo", "pdf": "pdf:cairo"}


class GraphvizNotFound(ArgmapError, RuntimeError):
    """Graphviz's ``dot`` program is not installed (or not on PATH)."""

    def __init__(self, message: str = INSTALL_HINT):
        super().__init__(message)


class RenderFailed(ArgmapError, RuntimeError):
    """``dot`` failed or took longer than its time limit. ``stderr`` is what it said."""

    def __init__(self, message: str, stderr: str = ""):
        super().__init__(message)
        self.stderr = stderr


def format_for(path: str | os.PathLike | None, format: str | None = None) -> str:
    """The output format: ``format`` when given, else from the file's suffix
    (``.svg``, ``.png``, ``.pdf``, ``.dot``/``.gv``), else ``svg``.

    Raises ValueError for an unknown format or suffix.

    >>> format_for("map.PNG")
    'png'
    >>> format_for(None)
    'svg'
    """
    if format is not None:
        if format not in FORMATS:
            raise OptionError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
        return format
    if path is None or os.fspath(path) == "-":
        return "svg"
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise OptionError(f"cannot tell the format from {os.fspath(path)!r}; end it in .svg, .png, .pdf or .dot, or give a format")
    return _SUFFIXES[suffix]


def find_dot() -> str:
    """The path of ``dot``; raises :class:`GraphvizNotFound` when there is none."""
    import shutil  # here: `argmap render --format dot` needs no dot (and shutil costs 2 ms)

    found = shutil.which("dot")
    if found is None:
        raise GraphvizNotFound()
    return found


def run_dot(source: str, format: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> bytes:
    """``source`` (DOT) drawn by ``dot`` as ``format`` (svg, png or pdf).

    Raises :class:`GraphvizNotFound` when ``dot`` is missing and
    :class:`RenderFailed` when it fails or runs out of time.
    """
    if format == "dot":
        return source.encode("utf-8")
    if format not in _DOT_FORMATS:
        raise OptionError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    dot = find_dot()
    done = _dot(dot, _DOT_FORMATS[format], source, timeout)
    stderr = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0 and "not recognized" in stderr:
        # A Graphviz built without cairo: its own renderer still works.
        done = _dot(dot, format, source, timeout)
        stderr = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0 or not done.stdout:
        first = stderr.splitlines()[0] if stderr else f"exit code {done.returncode}"
        raise RenderFailed(f"Graphviz could not draw the map: {first}", stderr)
    return done.stdout


def dot_bytes(graph: Iterable[str]) -> bytes:
    """A graph's DOT source (``graph.source``, the lines the graphviz package
    writes) in UTF-8, encoded some hundred lines at a time: joining all of a
    large map's lines into one string first, then encoding that, takes twice
    as long (a single wide character in the legend widens the whole string)."""
    lines = iter(graph)
    parts: list[bytes] = []
    while True:
        chunk = list(islice(lines, 512))
        if not chunk:
            return b"".join(parts)
        parts.append("".join(chunk).encode("utf-8"))


def _dot(dot: str, renderer: str, source: str, timeout: float | None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([dot, f"-T{renderer}"], input=source.encode("utf-8"), capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise RenderFailed(f"Graphviz took longer than {timeout:g} s and was stopped") from None
    except OSError as exc:
        raise GraphvizNotFound(f"{INSTALL_HINT} ({exc.strerror or exc})") from None
