"""lark's parser tables kept between runs, in a cache file only the user can write.

Building the LALR parser from the grammar takes lark about 0.03 s; loading
the tables it built before takes 0.004 s. lark's own ``cache=True`` keeps
them in a pickle in the shared temporary folder, where another user could
put a file of their own for argmap to load (a pickle can run code), so
argmap gives lark a file of its own instead:

- in the user's cache folder (``$XDG_CACHE_HOME/argmap``, else
  ``~/.cache/argmap``; ``%LOCALAPPDATA%\\argmap`` on Windows), made with
  mode 0o700;
- loaded only when that folder and the file belong to the user and nobody
  else may write them (on POSIX systems);
- named after a hash of the grammar, the parser's options, lark's version
  and Python's, so a new grammar or lark never reads old tables (the file
  starts with the whole hash, checked again on loading);
- written to a temporary file beside it and renamed, so a reader never sees
  half a file;
- ignored, with the parser built as without a cache, when anything about it
  fails: no folder, a read-only disk, an unreadable or damaged file.

``ARGMAP_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lark import Lark

__all__ = ["cached_lark", "cache_folder"]


def cache_folder() -> str | None:
    """The folder of argmap's cache files for this user; None when there is none to use."""
    if os.environ.get("ARGMAP_NO_CACHE"):
        return None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA", "")
    else:
        base = os.environ.get("XDG_CACHE_HOME", "")
        if not os.path.isabs(base):  # unset, or relative: ignored, as the XDG spec says
            base = os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    return os.path.join(base, "argmap")


def cached_lark(grammar: str, **options: Any) -> Lark:
    """``Lark(grammar, **options)`` (an LALR parser), with its tables from the
    cache file when there is a safe one, else built and saved there."""
    import lark

    folder = _private_folder()
    if folder is None:
        return lark.Lark(grammar, **options)
    described = repr(sorted((k, repr(v)) for k, v in options.items() if k != "transformer"))
    key = hashlib.sha256("\0".join((grammar, described, lark.__version__, sys.version)).encode("utf-8")).hexdigest()
    path = os.path.join(folder, f"lark-{key[:32]}.pickle")
    if _ours(path):
        try:
            with open(path, "rb") as f:
                if f.readline() == key.encode("ascii") + b"\n":
                    # What lark's own cache= does on loading: only the options
                    # that do not change the tables (the transformer) are given.
                    return lark.Lark.__new__(lark.Lark)._load(f, transformer=options.get("transformer"))
        except Exception:  # a damaged or foreign file: build the parser instead
            pass
    parser = lark.Lark(grammar, **options)
    _save(parser, key, path)
    return parser


def _save(parser: Lark, key: str, path: str) -> None:
    """Write the parser's tables to ``path`` through a temporary file beside it."""
    temporary = f"{path}.{os.getpid()}-{os.urandom(4).hex()}.tmp"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(key.encode("ascii") + b"\n")
            parser.save(f, exclude_options=("transformer",))
        os.replace(temporary, path)
    except Exception:  # a full or read-only disk: no cache this time
        try:
            os.unlink(temporary)
        except OSError:
            pass


def _private_folder() -> str | None:
    """The cache folder, made when missing; None unless only the user can write it."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return None
    return folder if _ours(folder) else None


def _ours(path: str) -> bool:
    """Whether ``path`` exists, belongs to the user and only the user may
    write it (a plain file or a folder, not a symbolic link)."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
        return False
    if not hasattr(os, "geteuid"):  # Windows: the folder is private to the user
        return True
    return st.st_uid == os.geteuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
