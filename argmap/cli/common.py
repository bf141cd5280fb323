"""What the commands share: reading inputs, printing diagnostics, writing files safely."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from attrs import frozen

from argmap._files import write_atomically
from argmap._linebreaks import SourceLines
from argmap.diagnostics import Diagnostic, format_diagnostic
from argmap.model import ArgumentMap
from argmap.reading import read_file
from argmap.syntax import decode, read_text

__all__ = ["Input", "read_inputs", "print_diagnostics", "write_atomically", "write_output", "UsageError"]


class UsageError(Exception):
    """A mistake in how a command was called: exit code 2."""


@frozen
class Input:
    """One file named on the command line, read and parsed."""

    name: str  # as given; "-" for standard input
    text: str
    map: ArgumentMap | None
    diagnostics: list[Diagnostic]

    @property
    def display_name(self) -> str:
        return "<stdin>" if self.name == "-" else self.name


def read_inputs(names: list[str], stdin: TextIO | None = None) -> list[Input]:
    """Read each named file (``-`` is standard input); never raises for bad input."""
    out = []
    for name in names:
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin
            raw = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
            if isinstance(raw, bytes):
                text, diagnostics = decode(raw, "<stdin>")
            else:
                text, diagnostics = raw, []
            argument_map, more = read_text(text, "<stdin>")
            out.append(Input(name, text, argument_map, diagnostics + more))
        else:
            argument_map, text, diagnostics = read_file(name)
            out.append(Input(name, text, argument_map, diagnostics))
    return out


def print_diagnostics(diagnostics: list[Diagnostic], text: str, stream: TextIO) -> None:
    """Print each diagnostic with its source line and caret (the lines of
    ``text`` are found once, not once per diagnostic)."""
    lines = SourceLines(text)
    for d in diagnostics:
        print(format_diagnostic(d, lines), file=stream)


def write_output(command: str, output: str | None, text: str, out: TextIO, err: TextIO) -> bool:
    """Write ``text`` to the file ``output`` (atomically), or to standard
    output when ``output`` is None or ``-``. A file that cannot be written
    gives one line on ``err`` and False."""
    if output in (None, "-"):
        out.write(text)
        return True
    try:
        write_atomically(output, text)
    except OSError as exc:
        print(f"argmap {command}: cannot write `{output}`: {exc.strerror or exc}", file=err)
        return False
    return True
