"""The one map an ``argmap serve`` edits: where it lives, how it is read and
saved.

A document has a file (``argmap serve FILE``) or not yet (``argmap serve``:
the page starts from a short example and the first save names a file in the
server's folder). Saving is atomic (:func:`argmap._files.write_atomically`);
it is refused, until the user confirms, when the text does not parse, when
another program changed the file since the page read it, or when a new name
is taken. A file's *version* is the SHA-256 of its bytes: the page polls it
to notice changes made by another program.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import threading
from pathlib import Path

from attrs import frozen

from argmap._files import write_atomically
from argmap._i18n import N_, translate
from argmap.diagnostics import Diagnostic, has_errors
from argmap.reading import read, os_reason
from argmap.syntax import decode

__all__ = ["Document", "Saved", "SaveRefused", "EXAMPLES", "MAX_TEXT"]

#: The largest map (in bytes of UTF-8) the editor reads, draws or saves.
MAX_TEXT = 2_000_000

#: The map the page starts from when no FILE is given, in the page's language.
EXAMPLES = {
    "de": """title: Handyverbot an Schulen
lang: de

claim ban: Schulen sollten private Handys verbieten.
  + focus: Ohne Handy lernen Schüler konzentrierter.
  - emergency: Eltern müssen ihr Kind im Notfall erreichen.
    - office: Das Sekretariat ist im Notfall erreichbar.

position eltern: accepts emergency; rejects ban
""",
    "en": """title: A phone ban at school
lang: en

claim ban: Schools should ban private phones.
  + focus: Without phones, students concentrate better.
  - emergency: Parents must be able to reach their child in an emergency.
    - office: The school office can be reached in an emergency.

position parents: accepts emergency; rejects ban
""",
}


@frozen
class Saved:
    """A save that happened: the file's name as shown and its new version."""

    name: str
    version: str


@frozen
class SaveRefused:
    """A save that did not happen. ``needs`` says what the user may confirm
    (``"errors"``, ``"overwrite"``, ``"exists"``) or is None when the save
    cannot happen at all (a bad name, a file that cannot be written);
    ``message`` says why in the page's language."""

    needs: str | None
    message: str
    diagnostics: tuple[Diagnostic, ...] = ()


class Document:
    """The map being edited: ``path`` (None until the first save) inside or
    outside ``folder``, the folder where a new file may be created."""

    def __init__(self, path: str | os.PathLike | None, folder: str | os.PathLike):
        self.folder = Path(folder).resolve()
        self.path = None if path is None else Path(path)
        self._crlf = False
        self._lock = threading.Lock()

    @property
    def name(self) -> str | None:
        """The file's name as the user gave it (None before the first save)."""
        return None if self.path is None else os.fspath(self.path)

    @property
    def stem(self) -> str:
        """A name for downloads: the file's stem, or ``map``."""
        return self.path.stem if self.path is not None else "map"

    def load(self, lang: str) -> tuple[str, str | None, list[Diagnostic]]:
        """The text to edit, its version (None: no file yet) and any problem
        decoding it. Without a file, or with one that does not exist yet: the
        example in ``lang``. Raises OSError when the file cannot be read."""
        if self.path is None or not self.path.exists():
            return EXAMPLES.get(lang, EXAMPLES["en"]), None, []
        found = self.path.stat()
        if not stat.S_ISREG(found.st_mode):  # a FIFO or a device would block or never end
            raise OSError(errno.EINVAL, translate(N_("it is not a regular file"), lang))
        if found.st_size > MAX_TEXT:
            raise OSError(errno.EFBIG, translate(N_("it has {size} bytes, more than the editor takes ({limit})"), lang, {"size": found.st_size, "limit": MAX_TEXT}))
        data = self.path.read_bytes()
        text, diagnostics = decode(data, self.name)
        self._crlf = b"\r\n" in data
        return text.replace("\r\n", "\n"), _version_of(data), diagnostics

    def version(self) -> str | None:
        """The version of the file on disk now (None: there is none)."""
        if self.path is None:
            return None
        try:
            if not stat.S_ISREG(self.path.stat().st_mode):
                return None
            return _version_of(self.path.read_bytes())
        except OSError:
            return None

    def save(self, text: str, lang: str, *, base: str | None, name: str | None = None, confirm: tuple[str, ...] = ()) -> Saved | SaveRefused:
        """Save ``text`` to the file (or, without one, to ``name`` in the
        folder) unless one of the refusals above applies and is not among
        ``confirm``. ``base`` is the version the page last read or saved."""
        with self._lock:
            if self.path is None:
                target = self._new_file(name, lang)
                if isinstance(target, SaveRefused):
                    return target
                if os.path.lexists(target) and "exists" not in confirm:
                    return SaveRefused("exists", translate(N_("a file named `{name}` exists already; replace it?"), lang, {"name": target.name}))
            else:
                target = self.path
                if self.version() != base and os.path.lexists(target) and "overwrite" not in confirm:
                    return SaveRefused("overwrite", translate(N_("another program changed `{name}` since you opened it; replace its text with yours?"), lang, {"name": self.name}))
            _, diagnostics = read(text, os.fspath(target))
            errors = tuple(d for d in diagnostics if d.is_error)
            if has_errors(errors) and "errors" not in confirm:
                return SaveRefused("errors", translate(N_("the text has errors and cannot be read as a map; save it anyway?"), lang), errors)
            data = (text.replace("\n", "\r\n") if self._crlf else text).encode("utf-8")
            if not target.parent.is_dir():
                folder = os.path.dirname(os.fspath(target)) or "."
                return SaveRefused(None, translate(N_("cannot save `{name}`: the folder `{folder}` does not exist (create it, then save again)"), lang, {"name": target.name, "folder": folder}))
            try:
                write_atomically(target, data)
            except OSError as exc:
                reason = os_reason(exc)
                return SaveRefused(None, translate(N_("cannot save `{name}`: {reason}"), lang, {"name": target.name, "reason": reason}))
            self.path = target
            return Saved(os.fspath(target), _version_of(data))

    def _new_file(self, name: str | None, lang: str) -> Path | SaveRefused:
        """The file in the folder that ``name`` names. Refused: a name with a
        folder in it (``/``, ``\\``, ``..``), a control character, an absolute path, a hidden
        name, and a symbolic link that leads out of the folder."""
        name = (name or "").strip()
        if not name.endswith(".argmap"):
            name += ".argmap"
        plain = name not in (".argmap",) and not name.startswith(".") and not any(c in name for c in "/\\:") and name.isprintable() and len(name.encode()) <= 255
        if not plain:
            return SaveRefused(None, translate(N_("give a file name without a folder, like `karte.argmap`"), lang))
        target = self.folder / name
        if target.is_symlink() and Path(os.path.realpath(target)).parent != self.folder:
            return SaveRefused(None, translate(N_("`{name}` is a link that leads out of the folder; choose another name"), lang, {"name": name}))
        return target


def _version_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
