"""What the commands share: reading inputs, printing diagnostics, writing
files safely, and saying things in the interface language.

The interface language is chosen once per run by :func:`argmap.cli.main`
(``--lang``, else the locale) and holds while the command runs
(:func:`language`); :func:`_` and :func:`ngettext` say a message template
in it, with ``{name}`` fields filled from keyword arguments::

    print(_("{file}: essay plan written to {output}", file=name, output=path), file=err)
    print(ngettext("{n} file", "{n} files", n), file=out)
"""

from __future__ import annotations

import contextlib
import contextvars
import sys
from collections.abc import Iterator
from typing import TextIO

from attrs import frozen

from argmap._files import write_atomically
from argmap._i18n import interface_language, normalize, translate, translator
from argmap._linebreaks import SourceLines
from argmap.diagnostics import Diagnostic, format_diagnostics_json, format_each
from argmap.model import ArgumentMap
from argmap.reading import read_file
from argmap.syntax import decode, read_text

__all__ = [
    "Input",
    "read_inputs",
    "print_diagnostics",
    "diagnostics_json",
    "write_atomically",
    "write_output",
    "UsageError",
    "language",
    "speaking",
    "_",
    "ngettext",
]

# The language of the command that runs (None: the locale's). A context
# variable, not a global: each thread and each nested main() has its own.
_LANGUAGE: contextvars.ContextVar[str | None] = contextvars.ContextVar("argmap_interface_language", default=None)


def language() -> str:
    """The interface language of the running command: ``"en"`` or ``"de"``."""
    lang = _LANGUAGE.get()
    return lang if lang is not None else interface_language()


@contextlib.contextmanager
def speaking(lang: str | None) -> Iterator[str]:
    """Run the block with ``lang`` as the interface language (None: the locale's)."""
    token = _LANGUAGE.set(normalize(lang) if lang else interface_language())
    try:
        yield _LANGUAGE.get()
    finally:
        _LANGUAGE.reset(token)


def _(template: str, **args) -> str:
    """``template`` in the interface language, its ``{name}`` fields filled from ``args``."""
    return translate(template, language(), args)


def ngettext(singular: str, plural: str, n: int, **args) -> str:
    """The singular or plural template for ``n``, in the interface language,
    with ``{n}`` and the ``args`` fields filled."""
    return translator(language()).ngettext(singular, plural, n).format(n=n, **args)


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


def print_diagnostics(diagnostics: list[Diagnostic], text: str, stream: TextIO, lang: str | None = None) -> None:
    """Print each diagnostic with its source line and caret, in ``lang``
    (default: the interface language); the lines of ``text`` are found once,
    not once per diagnostic."""
    stream.writelines(map("{}\n".format, format_each(diagnostics, SourceLines(text), lang or language())))


def diagnostics_json(diagnostics: list[Diagnostic], lang: str | None = None) -> str:
    """The diagnostics as JSON: English keys, severities and codes; message
    and hint in ``lang`` (default: the interface language)."""
    return format_diagnostics_json(diagnostics, lang or language())


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
        print(
            _("argmap {command}: cannot write `{output}`: {reason}", command=command, output=output,
              reason=exc.strerror or exc),
            file=err,
        )
        return False
    return True
