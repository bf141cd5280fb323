"""Running the command line inside the tests."""

from __future__ import annotations

import io
import sys

from argmap.cli import main


def run(*args, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of `argmap ARGS...`."""
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        saved = sys.stdin
        data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    try:
        code = main([str(a) for a in args], out, err)
    finally:
        if stdin is not None:
            sys.stdin = saved
    return code, out.getvalue(), err.getvalue()
