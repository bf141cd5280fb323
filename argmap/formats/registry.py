"""The table of formats that ``argmap convert``, :func:`load` and :func:`dumps` read.

Each :class:`Format` has a name, the file suffixes that choose it, and a
reader (text to map and diagnostics, never raising for bad input) and/or a
writer (map to text). ``aif`` and ``kialo`` have no suffix of their own
(AIF files end in ``.json``, Kialo exports in ``.txt``): name them.

>>> sorted(FORMATS)
['aif', 'apx', 'argdown', 'argmap', 'graphml', 'i23', 'json', 'kialo', 'tgf']
>>> format_of("debate.argdown").name, format_of("x.json").name, format_of("notes.txt")
('argdown', 'json', None)
"""

from __future__ import annotations

import importlib
import os
from typing import Any
from collections.abc import Callable
from pathlib import Path

from attrs import frozen

from argmap.errors import OptionError
from argmap.types import FrameworkFormat, ReadFormat, WriteFormat
from argmap.diagnostics import Diagnostic, ParseError, has_errors
from argmap.model import ArgumentMap

__all__ = ["Format", "FORMATS", "format_of", "get_format", "read_as", "load", "loads", "dumps", "UnknownFormat"]

Reader = Callable[[str, "str | None"], "tuple[ArgumentMap, list[Diagnostic]]"]
Writer = Callable[[ArgumentMap], str]


class UnknownFormat(OptionError):
    """A format name no reader or writer has, or a file suffix that names none."""


@frozen
class Format:
    """One format: ``reader``/``writer`` name a function ``module:function``
    (imported when first used, so that a format's module costs nothing until
    then); None when the format cannot be read or written."""

    name: str
    suffixes: tuple[str, ...]
    reader: str | None
    writer: str | None
    #: What the format is, for ``argmap convert --help``.
    summary: str

    @property
    def readable(self) -> bool:
        return self.reader is not None

    @property
    def writable(self) -> bool:
        return self.writer is not None

    def read(self, text: str, filename: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
        """The map in ``text`` and the diagnostics (never raises for bad input)."""
        if self.reader is None:
            raise UnknownFormat(f"argmap cannot read {self.name}; it can read {', '.join(readable())}")
        reader: Reader = _function(self.reader)
        return reader(text, filename)

    def write(self, argument_map: ArgumentMap) -> str:
        """The map as text in this format."""
        if self.writer is None:
            raise UnknownFormat(f"argmap cannot write {self.name}; it can write {', '.join(writable())}")
        writer: Writer = _function(self.writer)
        return writer(argument_map)


def _function(spec: str) -> Callable[..., Any]:
    module, name = spec.split(":")
    found: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return found


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("argmap", (".argmap",), "argmap.syntax:read_text", "argmap.formatter:format_map", "argmap's own text"),
        Format("json", (".json",), "argmap.formats.json:read", "argmap.formats.json:write", "argmap's JSON"),
        Format("aif", (), "argmap.formats.aif:read", "argmap.formats.aif:write", "AIF JSON (AIFdb, OVA)"),
        Format(
            "argdown", (".argdown", ".ad"), "argmap.formats.argdown:read", "argmap.formats.argdown:write", "Argdown"
        ),
        Format("apx", (".apx",), "argmap.formats.registry:_read_apx", "argmap.formats.registry:_write_apx", "ICCMA apx"),
        Format("i23", (".i23",), "argmap.formats.registry:_read_i23", "argmap.formats.registry:_write_i23", "ICCMA i23"),
        Format("tgf", (".tgf",), "argmap.formats.registry:_read_tgf", "argmap.formats.registry:_write_tgf", "TGF"),
        Format("kialo", (), "argmap.formats.kialo:read", None, "Kialo's text export (read only)"),
        Format("graphml", (".graphml",), None, "argmap.formats.graphml:write", "GraphML for yEd, Gephi (write only)"),
    )
}


def readable() -> list[str]:
    """The names of the formats argmap reads."""
    return [name for name, f in FORMATS.items() if f.readable]


def writable() -> list[str]:
    """The names of the formats argmap writes."""
    return [name for name, f in FORMATS.items() if f.writable]


def format_of(path: str | os.PathLike[str]) -> Format | None:
    """The format a file's suffix names (case does not matter), or None."""
    suffix = Path(os.fspath(path)).suffix.lower()
    for f in FORMATS.values():
        if suffix in f.suffixes:
            return f
    return None


def get_format(name: str | None, path: str | os.PathLike[str] | None = None) -> Format:
    """The format called ``name``, else the one ``path``'s suffix names.
    Raises :class:`UnknownFormat` (a ``ValueError``) when there is none."""
    if name is not None:
        found = FORMATS.get(name.lower())
        if found is None:
            raise UnknownFormat(f"unknown format {name!r}; the formats are {', '.join(FORMATS)}")
        return found
    found = format_of(path) if path is not None else None
    if found is None:
        raise UnknownFormat(
            f"cannot tell the format of {os.fspath(path) if path is not None else 'the input'!s} from its suffix;"
            f" name it ({', '.join(FORMATS)})"
        )
    return found


def read_as(fmt: ReadFormat | Format, text: str, filename: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    """The map ``text`` holds in the format ``fmt``, and the diagnostics; never raises for bad input."""
    found = fmt if isinstance(fmt, Format) else get_format(fmt)
    return found.read(text, filename)


def loads(text: str, format: ReadFormat = "argmap", filename: str | None = None) -> ArgumentMap:
    """The map ``text`` holds in ``format``. Raises :class:`ParseError`
    carrying the diagnostics when the text has errors; warnings (what had no
    counterpart and was left out) are in :func:`read_as`'s diagnostics."""
    argument_map, diagnostics = read_as(format, text, filename)
    if has_errors(diagnostics):
        raise ParseError(diagnostics, text)
    return argument_map


def load(path: str | os.PathLike[str], format: ReadFormat | None = None) -> ArgumentMap:
    """Read a map from a file in any format argmap reads, chosen by
    ``format`` or else by the file's suffix (``.argmap`` when it has none
    of the known ones). Raises ``OSError`` when the file cannot be read,
    :class:`ParseError` when it has errors, :class:`UnknownFormat` for a
    format name argmap does not know."""
    from argmap.syntax import decode

    name = os.fspath(path)
    found = get_format(format) if format is not None else (format_of(name) or FORMATS["argmap"])
    data = Path(name).read_bytes()
    text, diagnostics = decode(data, name)
    argument_map, more = found.read(text, name)
    diagnostics += more
    if has_errors(diagnostics):
        raise ParseError(diagnostics, text)
    return argument_map if argument_map.path is not None else argument_map.evolve(path=name)


def dumps(argument_map: ArgumentMap, format: WriteFormat = "argmap") -> str:
    """The map as text in ``format`` (one of :func:`writable`). Raises
    :class:`UnknownFormat` for a format argmap cannot write; ICCMA formats
    and GraphML hold less than a map (docs/formats.md says what is left out)."""
    return get_format(format).write(argument_map)


# -- ICCMA, through argmap.formats.iccma ------------------------------------------


def _read_iccma(fmt: FrameworkFormat, text: str, filename: str | None) -> tuple[ArgumentMap, list[Diagnostic]]:
    from argmap.formats import iccma

    af, diagnostics = iccma.read(fmt, text, filename)
    return af.to_map(), diagnostics


def _write_iccma(fmt: FrameworkFormat, argument_map: ArgumentMap) -> str:
    from argmap.semantics import framework

    return framework(argument_map, "none").to_format(fmt)


def _read_apx(text: str, filename: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    return _read_iccma("apx", text, filename)


def _read_i23(text: str, filename: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    return _read_iccma("i23", text, filename)


def _read_tgf(text: str, filename: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    return _read_iccma("tgf", text, filename)


def _write_apx(argument_map: ArgumentMap) -> str:
    return _write_iccma("apx", argument_map)


def _write_i23(argument_map: ArgumentMap) -> str:
    return _write_iccma("i23", argument_map)


def _write_tgf(argument_map: ArgumentMap) -> str:
    return _write_iccma("tgf", argument_map)
