"""Standard output that fails: a closed pipe ends quietly, a full disk in one line (issue 8).

These run the real command in a subprocess: the failures happen when Python
flushes its buffers, where an in-process test cannot see them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Every command that writes to standard output.
COMMANDS = [
    ["check", "{map}"],
    ["export", "{map}", "--to", "apx"],
    ["outline", "{map}"],
    ["evaluate", "{map}"],
    ["compare", "{map}", "p", "q"],
    ["render", "{map}", "--format", "dot", "-o", "-"],
    ["fmt", "-"],
]


@pytest.fixture(scope="module")
def big_map(tmp_path_factory) -> Path:
    """A map whose every output is far larger than a pipe's buffer."""
    lines = ["title: Big", "claim main: The main claim.", "position p: accepts main", "position q: rejects main"]
    for i in range(3000):
        lines += [f"claim c{i}: Reason number {i} for the main claim.", f"c{i} supports main"]
    path = tmp_path_factory.mktemp("big") / "big.argmap"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _argv(command: list[str], path: Path) -> list[str]:
    return [sys.executable, "-m", "argmap", *(part.format(map=path) for part in command)]


def _run(command: list[str], path: Path, stdout) -> subprocess.CompletedProcess:
    """The command on ``path`` (on standard input for ``fmt -``), its output going to ``stdout``."""
    return subprocess.run(
        _argv(command, path),
        input=path.read_bytes() if command[-1] == "-" else b"",
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_closed_pipe_ends_the_command_quietly(command, big_map):
    """Writing into a pipe nobody reads: exit code 141 (as a Unix tool killed by SIGPIPE), nothing on stderr."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte
    try:
        done = _run(command, big_map, write_end)
    finally:
        os.close(write_end)
    assert b"Traceback" not in done.stderr
    assert b"Exception ignored" not in done.stderr
    assert done.stderr == b""
    assert done.returncode == 141


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_exit_code_1(command, big_map):
    """Standard output on a full device: one line naming the reason, exit code 1, no traceback."""
    with open("/dev/full", "wb") as full:
        done = _run(command, big_map, full)
    err = done.stderr.decode("utf-8")
    assert "Traceback" not in err and "Exception ignored" not in err
    assert done.returncode == 1
    assert err.strip().splitlines()[-1] == f"argmap {command[0]}: error: cannot write the output: No space left on device"


def test_head_reads_the_first_line_and_the_command_stops_quietly(big_map):
    """`argmap export BIG --to apx | head -c1`: the shell pipeline of the issue, no traceback."""
    argv = " ".join(_argv(["export", "{map}", "--to", "apx"], big_map))
    done = subprocess.run(
        f"{argv} | head -c1", shell=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, timeout=120, check=False
    )
    assert done.stdout == b"a"
    assert b"Traceback" not in done.stderr and b"Exception ignored" not in done.stderr


def test_sigterm_stops_the_command_with_143_and_no_traceback(tmp_path):
    """SIGTERM while a command runs unwinds it (temporary files go) and exits 128 + 15."""
    script = (
        "import os, signal, sys\n"
        "from argmap.cli import main\n"
        "import argmap.cli.check as check\n"
        "def run(args, out, err):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    raise AssertionError('not stopped')\n"
        "check.run = run\n"
        "sys.exit(main(['check', sys.argv[1]]))\n"
    )
    path = tmp_path / "m.argmap"
    path.write_text("claim a: A\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, cwd=ROOT, timeout=60, check=False
    )
    assert done.returncode == 143
    assert done.stderr == b""


def test_an_output_encoding_that_cannot_hold_the_text_is_one_line(tmp_path):
    """PYTHONIOENCODING=ascii and a map in German: one line saying what to do, exit code 1."""
    path = tmp_path / "m.argmap"
    path.write_text("claim a: Schüler lernen besser.\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "outline", str(path)],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        timeout=60,
        check=False,
    )
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 1 and "Traceback" not in err
    assert err.count("\n") == 1 and "PYTHONIOENCODING=utf-8" in err
