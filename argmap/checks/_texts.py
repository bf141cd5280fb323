"""Finding and reading the source texts that sources name with ``file:``.

A map is data that someone else may have written, so ``file:`` is not trusted:
it must be a relative path that stays inside the folder it is found in, and it
must name a regular file of at most :data:`MAX_TEXT_BYTES`. The file is opened
without blocking (a FIFO or a terminal cannot hang argmap) and read only up to
the limit (``/dev/zero`` cannot fill the memory).
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath

from attrs import frozen

from argmap._encodings import guess_single_byte, undo_double_utf8, utf16_codec
from argmap._i18n import Phrase, phrase

__all__ = [
    "MAX_TEXT_BYTES",
    "TEXTS_VARIABLE",
    "SourceText",
    "TextRefused",
    "PathRefused",
    "refused_name",
    "search_path",
    "find_text",
    "read_text",
]

#: The largest source text argmap reads (5 MB; a long book is about 1 MB).
MAX_TEXT_BYTES = 5 * 1024 * 1024

#: The environment variable naming further folders of source texts.
TEXTS_VARIABLE = "ARGMAP_TEXTS"

_FLAGS = os.O_RDONLY
for _name in ("O_NONBLOCK", "O_NOCTTY", "O_NOFOLLOW", "O_CLOEXEC", "O_BINARY"):
    _FLAGS |= getattr(os, _name, 0)


@frozen
class SourceText:
    """A source text as read: where it was found, its text and how it was decoded."""

    path: Path
    text: str
    encoding: str


class TextRefused(Exception):
    """The named text was found but argmap does not read it; ``reason`` says
    why (a phrase where argmap words it, so that a message can say it in German)."""

    def __init__(self, reason: Phrase | str):
        super().__init__(str(reason))
        self.reason = reason

    def __reduce__(self):
        return type(self), (self.reason,)


class PathRefused(TextRefused):
    """The ``file:`` path (or where its links lead) is outside the folders argmap reads texts from."""


def refused_name(name: str) -> Phrase | None:
    """Why ``name`` may not be used as a ``file:`` path (a phrase, so that a
    message can say it in German), or None when it may. Paths are read the
    same way on every system: absolute paths, drive letters and ``..`` are
    refused whether written with ``/`` or ``\\``."""
    if not name.strip():
        return phrase("an empty name")
    if "\0" in name:
        return phrase("a name with a NUL character in it")
    for pure in (PurePosixPath(name), PureWindowsPath(name)):
        if pure.is_absolute() or pure.drive or pure.root:
            return phrase("an absolute path")
        if ".." in pure.parts:
            return phrase("a path that goes up out of its folder (`..`)")
    return None


def search_path(map_folder: str | os.PathLike, texts: Iterable[str | os.PathLike] = ()) -> list[Path]:
    """The folders searched for source texts, in order: the map's folder,
    then each folder of ``texts``, then each folder named in the
    ``ARGMAP_TEXTS`` environment variable (separated by ``os.pathsep``)."""
    folders = [Path(map_folder), *map(Path, texts)]
    folders += [Path(p) for p in os.environ.get(TEXTS_VARIABLE, "").split(os.pathsep) if p]
    seen: set[Path] = set()
    return [f for f in folders if not (f in seen or seen.add(f))]


def find_text(name: str, folders: Sequence[Path]) -> tuple[Path, Path] | None:
    """The first folder holding ``name`` (a name that :func:`refused_name`
    accepts), with the path in it; None when no folder has it. A broken link
    counts as found, so that it is reported rather than passed over."""
    for folder in folders:
        candidate = folder / name
        if os.path.lexists(candidate):
            return folder, candidate
    return None


def read_text(folder: Path, candidate: Path, limit: int = MAX_TEXT_BYTES) -> SourceText:
    """Read the text at ``candidate`` (inside ``folder``) safely.

    Raises :class:`PathRefused` when the path, with its links followed,
    leaves ``folder``, and :class:`TextRefused` when it is not a regular
    file, is larger than ``limit`` bytes or cannot be read. Text that is not
    UTF-8 is read as Windows-1252 (Latin-1 for the five bytes that
    Windows-1252 leaves undefined), or as Mac OS Roman or DOS code page 850
    when its letters clearly say so; UTF-8 saved twice (``GrÃ¼n``) is undone;
    a byte-order mark selects UTF-8 or UTF-16. ``encoding`` says which.
    """
    real = os.path.realpath(candidate)
    root = os.path.realpath(folder)
    if not _inside(real, root):
        raise PathRefused(phrase("it is a link that leads outside `{folder}`, to `{real}`", folder=folder, real=real))
    try:
        before = os.stat(real)
        _require_regular(before, limit)
        fd = os.open(real, _FLAGS)
    except OSError as exc:
        raise TextRefused(_reason(exc)) from None
    try:
        after = os.fstat(fd)
        if (after.st_dev, after.st_ino) != (before.st_dev, before.st_ino):
            raise TextRefused(phrase("it changed while argmap opened it"))
        _require_regular(after, limit)
        data = _read_at_most(fd, limit + 1)
    except OSError as exc:
        raise TextRefused(_reason(exc)) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise TextRefused(_too_large(limit))
    text, encoding = _decode(data)
    return SourceText(Path(candidate), text, encoding)


def _inside(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # on different drives
        return False


def _require_regular(st: os.stat_result, limit: int) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise TextRefused(phrase("it is a folder, not a file"))
    if not stat.S_ISREG(st.st_mode):
        if stat.S_ISFIFO(st.st_mode):
            raise TextRefused(phrase("it is a pipe (FIFO), not a regular file"))
        raise TextRefused(phrase("it is a device or other special file, not a regular file"))
    if st.st_size > limit:
        raise TextRefused(_too_large(limit))


def _too_large(limit: int) -> Phrase:
    return phrase("it is larger than {mb} MB, the limit for a source text", mb=format(limit / 2**20, "g"))


def _read_at_most(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    codec = utf16_codec(data)
    if codec is not None:
        return data.decode(codec, errors="replace"), "utf-16"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return guess_single_byte(data)
    fixed = undo_double_utf8(text)
    return (fixed, "utf-8-twice") if fixed is not None else (text, "utf-8")
