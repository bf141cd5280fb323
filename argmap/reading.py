"""Reading maps from text and files: the outermost layer that may raise."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from argmap._i18n import N_, Phrase, phrase
from argmap.diagnostics import Diagnostic, ParseError, error, has_errors
from argmap.model import ArgumentMap, Span
from argmap.syntax import decode, read_text

__all__ = ["parse", "load", "read", "read_file"]


def read(text: str, filename: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Parse ``text`` without raising: the map (built from whatever parsed)
    and every syntax diagnostic. Use :func:`argmap.check` for the checks on
    the map itself.

    >>> m, diagnostics = read("claim a: Rain.\\na suports b\\n")
    >>> [d.code for d in diagnostics]
    ['E101']
    >>> m.claim("a").text
    'Rain.'
    """
    return read_text(text, filename)


def read_file(path: str | os.PathLike[str]) -> tuple[ArgumentMap | None, str, list[Diagnostic]]:
    """Read a file without raising: the map (None when the file cannot be
    read at all), its text, and the diagnostics. ICCMA framework files
    (``.apx``, ``.i23``, ``.tgf``) are read as maps of claims and rebuttals."""
    name = os.fspath(path)
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        span = Span(name, 1, 1, 1, 1)
        hint = N_("did you mean `{name}.argmap`?") if _argmap_beside(name) else None
        return None, "", [error("E002", "cannot read `{name}`: {reason}", span, hint, name=name, reason=os_reason(exc))]
    text, diagnostics = decode(data, name)
    del data  # a large map's bytes need not stay beside its text while it is read
    argument_map, more = _read_by_suffix(text, name)
    return argument_map, text, diagnostics + more


def _read_by_suffix(text: str, name: str) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read argmap text, or the format the file's suffix names (``.json``,
    ``.argdown``, ``.apx``, ``.i23``, ``.tgf``; docs/formats.md)."""
    if Path(name).suffix.lower() in ("", ".argmap"):
        return read_text(text, name)  # without loading the table of formats
    from argmap.formats.registry import format_of

    fmt = format_of(name)
    if fmt is None or fmt.name == "argmap" or not fmt.readable:
        return read_text(text, name)
    return fmt.read(text, name)


def _argmap_beside(name: str) -> bool:
    """``name`` lacks the suffix of a file that exists with it."""
    return not name.endswith(".argmap") and Path(name + ".argmap").exists()


#: The operating system's reasons a user meets most, so they can be said in German.
_OS_REASONS = {
    errno.ENOENT: phrase("No such file or directory"),
    errno.EACCES: phrase("Permission denied"),
    errno.EISDIR: phrase("Is a directory"),
    errno.ENOTDIR: phrase("Not a directory"),
    errno.ELOOP: phrase("Too many levels of symbolic links"),
    errno.ENAMETOOLONG: phrase("File name too long"),
}


def os_reason(exc: OSError) -> Phrase | str:
    """Why the operating system refused, as a phrase when it is a common reason."""
    return (_OS_REASONS.get(exc.errno) if exc.errno is not None else None) or exc.strerror or exc.__class__.__name__


def parse(text: str, filename: str | None = None) -> ArgumentMap:
    """Parse argmap text into an :class:`ArgumentMap`.

    Raises :class:`ParseError` (a ``ValueError``) carrying every diagnostic
    when the text has syntax errors. Warnings do not raise; use :func:`read`
    to see them.

    >>> m = parse("claim a: Rain.\\nclaim b: Wet streets.\\na supports b\\n")
    >>> m.reasons("b")[0].premises
    ('a',)
    """
    argument_map, diagnostics = read_text(text, filename)
    if has_errors(diagnostics):
        raise ParseError(diagnostics, text)
    return argument_map


def load(path: str | os.PathLike[str]) -> ArgumentMap:
    """Read and parse an ``.argmap`` file (UTF-8); an ICCMA framework file
    (``.apx``, ``.i23``, ``.tgf``) is read as a map of claims and rebuttals.

    Raises ``OSError`` when the file cannot be read and :class:`ParseError`
    when it is not valid argmap text.
    """
    data = Path(path).read_bytes()
    name = os.fspath(path)
    text, diagnostics = decode(data, name)
    del data
    argument_map, more = _read_by_suffix(text, name)
    diagnostics += more
    if has_errors(diagnostics):
        raise ParseError(diagnostics, text)
    return argument_map
