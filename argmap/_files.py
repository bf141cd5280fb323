"""Writing files so that a failure never destroys what was there before.

:func:`write_atomically` is how ``fmt``, ``render``, ``export -o``,
``outline -o`` and :func:`argmap.render` write (docs/api.md, "How files are written"):


- the new bytes go to a temporary file beside the file, named
  ``.NAME.argmap-XXXXXXXX.tmp``, which is flushed to disk (fsync) and then
  renamed over the file; the folder is synced after the rename. A reader
  sees the old file or the new one, never half of one; after a crash the
  old file is intact.
- a symbolic link is written through: its target gets the new text and the
  link stays a link.
- an existing file keeps its permission bits (and, best effort, its owner
  and group); a new file gets ``0o666`` less the umask, like any program's.
- refused, with the file unchanged: a read-only file (argmap does not
  overwrite what its owner protected), a file with several hard links (a
  rename would cut it off from its other names, and writing in place could
  leave it half written), and anything that is not a regular file.
- the temporary file is removed on every failure, on Ctrl-C and, in the
  ``argmap`` command, on SIGTERM. Only a hard kill (SIGKILL, power loss)
  can leave one; its name says what it is.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

__all__ = ["write_atomically", "TEMPORARY_SUFFIX"]

#: How the name of every temporary file ends: ``.NAME.argmap-XXXXXXXX.tmp``.
TEMPORARY_SUFFIX = ".tmp"


def write_atomically(path: str | os.PathLike, data: str | bytes) -> None:
    """Replace the file ``path`` by ``data`` (text is written as UTF-8), so
    that on any failure the earlier file stays as it was and no temporary
    file is left behind.

    Raises OSError with a message for people (its ``strerror``) when the file
    cannot be written: its folder is missing or not writable, it is
    read-only, it has several hard links, or it is not a regular file.
    """
    given = Path(path)
    target = _resolve(given)
    folder = target.parent
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None:
        _refuse_to_replace(target, given, existing)
    elif not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, f"the folder `{folder}` does not exist", os.fspath(path))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp, fd = _create_temporary(folder, target.name, path)
    try:
        try:
            if existing is not None:
                _keep_owner_and_mode(fd, existing)
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _sync_folder(folder)


def _resolve(path: Path) -> Path:
    """``path`` with every symbolic link followed (a link that points
    nowhere yet: the file it names)."""
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


def _refuse_to_replace(target: Path, given: Path, existing: os.stat_result) -> None:
    name = os.fspath(target)
    # The message follows the file's name on the command line: say which
    # file is meant only when a link led elsewhere.
    it = "it" if target == given else f"`{name}`, where the link points,"
    if not stat.S_ISREG(existing.st_mode):
        what = "a folder" if stat.S_ISDIR(existing.st_mode) else "not a regular file"
        raise IsADirectoryError(errno.EISDIR, f"{it} is {what}; argmap writes only regular files", name)
    writable = existing.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    if not writable or not os.access(target, os.W_OK):
        raise PermissionError(
            errno.EACCES,
            f"{it} is read-only; argmap does not overwrite a protected file (make it writable first: chmod u+w)",
            name,
        )
    if existing.st_nlink > 1:
        raise PermissionError(
            errno.EMLINK,
            f"{it} has {existing.st_nlink} hard links; replacing it would cut it off from its other names"
            " (write to a new file, or copy it: cp FILE FILE.new && mv FILE.new FILE)",
            name,
        )


def _create_temporary(folder: Path, name: str, shown: str | os.PathLike) -> tuple[Path, int]:
    """A new temporary file beside ``name``, created with mode 0o666 less the umask."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        # What secrets.token_hex(4) returns, without importing secrets (8 ms: random, hashlib, hmac).
        tmp = folder / f".{name}.argmap-{os.urandom(4).hex()}{TEMPORARY_SUFFIX}"
        try:
            return tmp, os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
        except PermissionError:
            raise PermissionError(
                errno.EACCES, f"cannot create a file in the folder `{folder}`: permission denied", os.fspath(shown)
            ) from None
    raise FileExistsError(errno.EEXIST, f"cannot find a free temporary name in `{folder}`", os.fspath(shown))


def _keep_owner_and_mode(fd: int, existing: os.stat_result) -> None:
    for uid in (existing.st_uid, -1):  # the owner only as root; the group when we are in it
        try:
            os.fchown(fd, uid, existing.st_gid)
            break
        except (OSError, AttributeError):
            continue
    os.fchmod(fd, stat.S_IMODE(existing.st_mode))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
