"""``argmap watch``: redraw on change, keep the last good picture, stop cleanly."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from cli_support import run

ROOT = Path(__file__).resolve().parent.parent
MAP = "claim a: Es regnet.\nclaim b: Die Straße ist nass.\na supports b\n"
WAIT = 60  # seconds; generous, for a loaded machine


class Watcher:
    """``argmap watch`` in a real process, its output lines collected as they come."""

    def __init__(self, folder: Path, *args: str):
        env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "argmap", "watch", *args, "--interval", "0.1"],
            cwd=folder,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.errors: list[str] = []
        threading.Thread(target=self._read, args=(self.process.stdout, self.lines.put), daemon=True).start()
        threading.Thread(target=self._read, args=(self.process.stderr, self.errors.append), daemon=True).start()

    @staticmethod
    def _read(stream, put):
        for line in stream:
            put(line)

    def expect(self, words: str) -> str:
        """The next output line that contains ``words`` (fails after WAIT seconds)."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                assert self.process.poll() is None, f"watch ended: {self.seen} {self.errors}"
                continue
            self.seen.append(line)
            if words in line:
                return line
        raise AssertionError(f"no line with {words!r} in {self.seen}")

    def expect_error(self, words: str) -> None:
        """Wait until a line of standard error contains ``words`` (it is read by its own thread, so it may
        arrive after the standard-output line that follows it); fails after WAIT seconds."""
        deadline = time.monotonic() + WAIT
        while not any(words in line for line in self.errors):
            assert time.monotonic() < deadline, f"no error line with {words!r} in {self.errors}"
            time.sleep(0.05)

    def stop(self, signum=signal.SIGINT) -> int:
        self.process.send_signal(signum)
        try:
            return self.process.wait(WAIT)
        finally:
            if self.process.poll() is None:
                self.process.kill()


@pytest.fixture
def watcher():
    started = []

    def start(folder, *args):
        started.append(Watcher(folder, *args))
        return started[-1]

    yield start
    for w in started:
        if w.process.poll() is None:
            w.process.kill()
            w.process.wait()


def save(path: Path, text: str) -> None:
    """Write as an editor does: a new file renamed over the old one."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, "utf-8")
    os.replace(tmp, path)


@pytest.mark.dot
def test_redraws_on_change_and_keeps_the_last_good_picture(tmp_path, watcher):
    """A change redraws OUT; a map that does not parse leaves OUT as it was, with the errors reported; Ctrl+C ends it cleanly."""
    source = tmp_path / "karte.argmap"
    source.write_text(MAP, "utf-8")
    w = watcher(tmp_path, "karte.argmap", "-o", "bild.svg")
    w.expect("wrote bild.svg")
    out = tmp_path / "bild.svg"
    assert "Es regnet" in out.read_text("utf-8")

    (tmp_path / "karte.argmap").write_text(MAP + "claim c: Neue Aussage.\nc supports b\n", "utf-8")  # in place
    w.expect("wrote bild.svg")
    good = out.read_bytes()
    assert b"Neue Aussage" in good

    save(source, MAP + "c suports b\n")
    assert "keeps the last picture" in w.expect("not drawn")
    assert out.read_bytes() == good
    w.expect_error("error[E101]")

    save(source, MAP + "claim d: Wieder gut.\n")  # renamed over the old file
    w.expect("wrote bild.svg")
    assert b"Wieder gut" in out.read_bytes()

    assert w.stop(signal.SIGINT) == 130
    assert not any("Traceback" in line for line in w.errors)


@pytest.mark.dot
def test_waits_for_a_missing_file_and_names_outputs_like_render(tmp_path, watcher):
    """A file that is not there yet is reported as such (not as a map with errors, as before) and
    drawn once it appears, to FILE's name with the format's suffix; SIGTERM ends it."""
    w = watcher(tmp_path, "spaeter.argmap", "--format", "png")
    w.expect("spaeter.argmap: not there (yet)")
    assert not any("E002" in line for line in w.errors) and not any("not drawn" in line for line in w.seen)
    (tmp_path / "spaeter.argmap").write_text(MAP, "utf-8")
    w.expect("wrote spaeter.png")
    assert (tmp_path / "spaeter.png").read_bytes().startswith(b"\x89PNG")
    assert w.stop(signal.SIGTERM) == 143
    assert not any("Traceback" in line for line in w.errors)


@pytest.mark.dot
def test_several_files_into_a_folder(tmp_path, watcher):
    """With several FILEs, -o names a folder, as for `argmap render`."""
    for name in ("eins", "zwei"):
        (tmp_path / f"{name}.argmap").write_text(MAP, "utf-8")
    (tmp_path / "bilder").mkdir()
    w = watcher(tmp_path, "eins.argmap", "zwei.argmap", "-o", "bilder", "--theme", "print")
    w.expect("eins.svg")
    w.expect("zwei.svg")
    assert w.stop() == 130


@pytest.mark.parametrize(
    "args,message",
    [
        (["-"], "not standard input"),
        (["m.argmap", "-o", "-"], "not -"),
        (["m.argmap", "--interval", "0"], "from 0.05 to 60"),
        (["m.argmap", "--interval", "oft"], "is a number"),
        (["a.argmap", "b.argmap", "-o", "nofolder"], "must be a folder"),
    ],
)
def test_wrong_calls(args, message, capsys):
    """Calls that can never work end at once with exit code 2 and one line."""
    code, _, err = run("watch", *args)
    err += capsys.readouterr().err  # argparse's own complaints
    assert code == 2 and message in err and "Traceback" not in err


def test_listed_in_help(capsys):
    """`argmap --help` lists watch with its one-line help."""
    code, out, err = run("--help")
    assert code == 0 and "watch         redraw maps whenever their files change" in capsys.readouterr().out
