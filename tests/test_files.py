"""How argmap writes files: through links, keeping modes, refusing what it must not replace (issue 8)."""

from __future__ import annotations

import os
import signal
import stat

import pytest

from argmap import _files
from argmap._files import write_atomically
from cli_support import run

UGLY = "claim a:    A.\n"
CANONICAL = "claim a: A.\n"


def _names(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def umask():
    """Set the process's umask for one test."""
    saved = os.umask(0o022)
    os.umask(saved)

    def set_to(value: int) -> None:
        os.umask(value)

    yield set_to
    os.umask(saved)


# -- symbolic links -------------------------------------------------------------


def test_a_symbolic_link_is_written_through(tmp_path):
    """The link's target gets the new text; the link stays a link to it."""
    real = tmp_path / "real.argmap"
    real.write_text(UGLY, "utf-8")
    link = tmp_path / "link.argmap"
    link.symlink_to("real.argmap")
    write_atomically(link, CANONICAL)
    assert link.is_symlink() and os.readlink(link) == "real.argmap"
    assert real.read_text("utf-8") == CANONICAL
    assert _names(tmp_path) == ["link.argmap", "real.argmap"]


def test_a_chain_of_links_into_another_folder_is_written_through(tmp_path):
    """Links to links, across folders: the final file changes, its temporary file lived in its own folder."""
    (tmp_path / "data").mkdir()
    real = tmp_path / "data" / "real.argmap"
    real.write_text(UGLY, "utf-8")
    (tmp_path / "middle.argmap").symlink_to(real)
    link = tmp_path / "link.argmap"
    link.symlink_to("middle.argmap")
    write_atomically(link, CANONICAL)
    assert real.read_text("utf-8") == CANONICAL
    assert link.is_symlink() and (tmp_path / "middle.argmap").is_symlink()
    assert _names(tmp_path / "data") == ["real.argmap"]


def test_a_dangling_link_creates_the_file_it_names(tmp_path):
    """A link that points nowhere yet: the file it names is created, the link kept."""
    link = tmp_path / "out.svg"
    link.symlink_to("picture.svg")
    write_atomically(link, b"<svg/>")
    assert link.is_symlink() and (tmp_path / "picture.svg").read_bytes() == b"<svg/>"


def test_fmt_through_a_link_says_reformatted_and_means_it(tmp_path):
    """`argmap fmt LINK` formats the file the link points to and says so; the link stays."""
    real = tmp_path / "real.argmap"
    real.write_text(UGLY, "utf-8")
    link = tmp_path / "link.argmap"
    link.symlink_to(real)
    code, out, err = run("fmt", link)
    assert (code, err) == (0, "")
    assert out == f"{link}: reformatted\n"
    assert link.is_symlink() and real.read_text("utf-8") == CANONICAL


# -- modes, owners, umask -----------------------------------------------------------


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755, 0o2775])
def test_an_existing_file_keeps_its_mode(tmp_path, mode):
    """Every permission bit of the earlier file, set-group-id included, survives the rewrite."""
    target = tmp_path / "m.argmap"
    target.write_text(UGLY, "utf-8")
    os.chmod(target, mode)
    write_atomically(target, CANONICAL)
    assert stat.S_IMODE(target.stat().st_mode) == mode


@pytest.mark.parametrize("mask,mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664), (0o027, 0o640)])
def test_a_new_file_honours_the_umask(tmp_path, umask, mask, mode):
    """A new file gets 0o666 less the umask, like any program's."""
    umask(mask)
    target = tmp_path / "new.svg"
    write_atomically(target, b"x")
    assert stat.S_IMODE(target.stat().st_mode) == mode


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_as_root_an_existing_file_keeps_its_owner_and_group(tmp_path):
    """`sudo argmap fmt` on someone's file leaves it theirs."""
    target = tmp_path / "m.argmap"
    target.write_text(UGLY, "utf-8")
    os.chown(target, 12345, 23456)
    write_atomically(target, CANONICAL)
    assert (target.stat().st_uid, target.stat().st_gid) == (12345, 23456)


# -- what is refused --------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o000])
def test_a_read_only_file_is_refused_and_unchanged(tmp_path, mode):
    """A file its owner protected is not replaced, even by root; the message says why and what to do."""
    target = tmp_path / "m.argmap"
    target.write_text(UGLY, "utf-8")
    os.chmod(target, mode)
    with pytest.raises(PermissionError) as info:
        write_atomically(target, CANONICAL)
    assert "read-only" in info.value.strerror and "chmod u+w" in info.value.strerror
    os.chmod(target, 0o600)
    assert target.read_text("utf-8") == UGLY
    assert _names(tmp_path) == ["m.argmap"]


def test_fmt_on_a_read_only_file_is_one_line_and_exit_code_1(tmp_path):
    """fmt says the file is read-only and unchanged, and goes on with the other files."""
    protected = tmp_path / "a.argmap"
    protected.write_text(UGLY, "utf-8")
    os.chmod(protected, 0o444)
    other = tmp_path / "b.argmap"
    other.write_text(UGLY, "utf-8")
    code, out, err = run("fmt", protected, other)
    assert code == 1
    assert err.count("\n") == 1 and "read-only" in err and "unchanged" in err
    assert out == f"{other}: reformatted\n"
    assert protected.read_text("utf-8") == UGLY and other.read_text("utf-8") == CANONICAL


def test_a_file_with_several_hard_links_is_refused_and_every_name_unchanged(tmp_path):
    """A rename would cut the file off from its other names: refused, with a way out."""
    target = tmp_path / "m.argmap"
    target.write_text(UGLY, "utf-8")
    other = tmp_path / "copy.argmap"
    os.link(target, other)
    with pytest.raises(OSError) as info:
        write_atomically(target, CANONICAL)
    assert "2 hard links" in info.value.strerror
    assert target.read_text("utf-8") == UGLY and other.read_text("utf-8") == UGLY
    assert os.stat(target).st_ino == os.stat(other).st_ino
    assert _names(tmp_path) == ["copy.argmap", "m.argmap"]


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_something_that_is_not_a_regular_file_is_refused(tmp_path, kind):
    """A folder or a FIFO at the path: refused before anything is created."""
    target = tmp_path / "out.svg"
    if kind == "folder":
        target.mkdir()
    else:
        os.mkfifo(target)
    with pytest.raises(OSError) as info:
        write_atomically(target, b"x")
    assert "regular file" in info.value.strerror
    assert _names(tmp_path) == ["out.svg"]


def test_a_missing_folder_is_named(tmp_path):
    """Writing into a folder that does not exist says which folder."""
    with pytest.raises(FileNotFoundError) as info:
        write_atomically(tmp_path / "nowhere" / "out.svg", b"x")
    assert f"the folder `{tmp_path / 'nowhere'}` does not exist" == info.value.strerror


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write into any folder")
def test_a_folder_that_is_not_writable_is_named(tmp_path):
    """No permission to create a file in the folder: the message says so."""
    folder = tmp_path / "locked"
    folder.mkdir()
    os.chmod(folder, 0o555)
    try:
        with pytest.raises(PermissionError) as info:
            write_atomically(folder / "out.svg", b"x")
        assert "permission denied" in info.value.strerror
    finally:
        os.chmod(folder, 0o755)


@pytest.mark.parametrize(
    "args",
    [
        ["render", "{map}", "--format", "dot", "-o", "{tmp}/nowhere/out.dot"],
        ["export", "{map}", "--to", "apx", "-o", "{tmp}/nowhere/out.apx"],
        ["outline", "{map}", "-o", "{tmp}/nowhere/out.md"],
    ],
    ids=lambda a: a[0],
)
def test_commands_writing_into_a_missing_folder_say_so_in_one_line(tmp_path, args):
    """Exit code 1, one line naming the folder, nothing created."""
    path = tmp_path / "m.argmap"
    path.write_text("claim a: A.\nclaim b: B.\na supports b\n", "utf-8")
    code, out, err = run(*(a.format(map=path, tmp=tmp_path) for a in args))
    assert code == 1
    assert err.count("\n") == 1 and "does not exist" in err and "Traceback" not in err
    assert _names(tmp_path) == ["m.argmap"]


# -- durability and clean-up -------------------------------------------------------------


def test_the_file_is_synced_before_the_rename_and_the_folder_after(tmp_path, monkeypatch):
    """fsync(file) → rename → fsync(folder): a crash leaves the old file or the complete new one."""
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(src, dst):
        events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(_files.os, "fsync", fsync)
    monkeypatch.setattr(_files.os, "replace", replace)
    write_atomically(tmp_path / "m.argmap", CANONICAL)
    assert events == ["fsync file", "rename", "fsync folder"]


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()], ids=repr)
def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch, failure):
    """A full disk or Ctrl-C in the middle of writing: old file intact, temporary file gone."""
    target = tmp_path / "m.argmap"
    target.write_text(UGLY, "utf-8")

    def write(fd, data):
        raise failure

    monkeypatch.setattr(_files.os, "write", write)
    with pytest.raises(type(failure)):
        write_atomically(target, CANONICAL)
    assert target.read_text("utf-8") == UGLY
    assert _names(tmp_path) == ["m.argmap"]


def test_sigterm_during_fmt_leaves_no_temporary_and_exits_143(tmp_path, monkeypatch):
    """The command turns SIGTERM into an unwinding exception: the temporary file is removed, the file unchanged."""
    target = tmp_path / "m.argmap"
    target.write_text(UGLY, "utf-8")
    seen = []

    def fsync(fd):
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(_files.os, "fsync", fsync)
    before = signal.getsignal(signal.SIGTERM)
    code, out, err = run("fmt", target)
    assert code == 143
    assert len(seen[0]) == 2 and seen[0][0].startswith(".m.argmap.argmap-") and seen[0][0].endswith(".tmp")
    assert _names(tmp_path) == ["m.argmap"]
    assert target.read_text("utf-8") == UGLY
    assert signal.getsignal(signal.SIGTERM) == before  # the command put the earlier handler back


def test_a_link_to_a_read_only_file_names_the_file_it_points_to(tmp_path):
    """Written through a link, the refusal says which file was protected."""
    real = tmp_path / "real.argmap"
    real.write_text(UGLY, "utf-8")
    os.chmod(real, 0o444)
    link = tmp_path / "link.argmap"
    link.symlink_to(real)
    code, out, err = run("fmt", link)
    assert code == 1 and out == ""
    assert err == (
        f"{link}: cannot write: `{real}`, where the link points, is read-only; argmap does not overwrite"
        " a protected file (make it writable first: chmod u+w); the file is unchanged\n"
    )
