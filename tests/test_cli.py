"""The `argmap check` and `argmap fmt` commands."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from argmap.cli import main
from tests.cli_support import run

BAD = "claim a: A.\nclaim b: B.\na suports b\nc rebuts a\nb supports a\n"
CLEAN = "claim a: A.\nclaim b: B.\nb supports a\nposition p: accepts a, b\n"


@pytest.fixture
def sketch(tmp_path):
    path = tmp_path / "sketch.argmap"
    path.write_text(CLEAN, "utf-8")
    return path


@pytest.fixture
def bad(tmp_path):
    path = tmp_path / "bad.argmap"
    path.write_text(BAD, "utf-8")
    return path


def test_check_clean_file(sketch):
    """A clean file exits 0 with a summary and one line per position."""
    code, out, _ = run("check", str(sketch))
    assert code == 0
    assert out.splitlines()[-1] == "1 file checked: no problems"
    assert f"{sketch}: position p: consistent" in out


def test_check_reports_every_error_with_caret(bad):
    """Errors are printed as file:line:col with the line and a caret, then a summary; exit 1."""
    code, out, _ = run("check", str(bad))
    assert code == 1
    assert f"{bad}:3:3: error[E101]: unexpected `suports`" in out
    assert "    3 | a suports b\n      |   ^^^^^^^\n  hint: did you mean `supports`?" in out
    assert f"{bad}:4:1: error[E201]: unknown claim `c`" in out
    assert out.splitlines()[-1] == "1 file checked: 2 errors, 0 warnings, 0 notes"


def test_check_json(bad):
    """--format json prints a list of objects with file, line, column, severity, code, message."""
    code, out, _ = run("check", "--format", "json", str(bad))
    assert code == 1
    data = json.loads(out)
    assert [(d["file"], d["line"], d["column"], d["severity"], d["code"]) for d in data] == [
        (str(bad), 3, 3, "error", "E101"),
        (str(bad), 4, 1, "error", "E201"),
    ]
    assert all(isinstance(d["message"], str) for d in data)


def test_check_stdin():
    """`-` reads standard input."""
    code, out, _ = run("check", "-", stdin=BAD)
    assert code == 1 and "<stdin>:3:3: error[E101]" in out


def test_check_several_files(sketch, bad):
    """Several files are checked in one run; any error makes the exit code 1."""
    code, out, _ = run("check", str(sketch), str(bad))
    assert code == 1 and out.splitlines()[-1].startswith("2 files checked: 2 errors")


def test_check_missing_file(tmp_path):
    """A missing file is a diagnostic, not a traceback."""
    code, out, err = run("check", str(tmp_path / "nope.argmap"))
    assert code == 1 and "error[E002]: cannot read" in out and "Traceback" not in out + err


def test_usage_errors_exit_2():
    """Calling a command wrongly exits with 2."""
    assert run("check")[0] == 2
    assert run("nonsense")[0] == 2
    assert run("check", "--format", "xml", "x")[0] == 2
    assert run()[0] == 2


def test_python_m_argmap_is_the_same_command(bad):
    """`python -m argmap` behaves exactly like `argmap`."""
    proc = subprocess.run([sys.executable, "-m", "argmap", "check", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stdout == run("check", str(bad))[1]


def test_fmt_rewrites_and_is_idempotent(tmp_path):
    """fmt writes the canonical form; a second run changes nothing."""
    path = tmp_path / "m.argmap"
    path.write_text("claim   a:   A.\nclaim b: B.\n   a supports b\n".replace("   a supports", "a supports"), "utf-8")
    assert run("fmt", str(path))[0] == 0
    assert path.read_text("utf-8") == "claim a: A.\nclaim b: B.\na supports b\n"
    code, out, _ = run("fmt", "--check", str(path))
    assert code == 0 and out == ""


def test_fmt_check_exits_1_and_does_not_write(tmp_path):
    """fmt --check reports a file that would change and leaves it alone."""
    path = tmp_path / "m.argmap"
    original = "claim a:    A.\n"
    path.write_text(original, "utf-8")
    code, out, _ = run("fmt", "--check", "--diff", str(path))
    assert code == 1 and "would be reformatted" in out and "+claim a: A." in out
    assert path.read_text("utf-8") == original


def test_fmt_diff_alone_does_not_write(tmp_path):
    """fmt --diff without --check shows the change and leaves the file alone."""
    path = tmp_path / "m.argmap"
    original = "claim a:    A.\n"
    path.write_text(original, "utf-8")
    code, out, _ = run("fmt", "--diff", str(path))
    assert code == 1 and "+claim a: A." in out
    assert path.read_text("utf-8") == original


def test_fmt_never_touches_a_file_with_errors(bad):
    """A file that does not parse is not rewritten."""
    before = bad.read_bytes()
    code, _, err = run("fmt", str(bad))
    assert code == 1 and "not formatted" in err
    assert bad.read_bytes() == before


def test_fmt_stdin_to_stdout():
    """fmt - formats standard input to standard output."""
    code, out, _ = run("fmt", "-", stdin="claim a:   A.\n")
    assert code == 0 and out == "claim a: A.\n"


def test_fmt_failure_keeps_the_file(tmp_path, monkeypatch):
    """If writing fails half-way, the earlier file is untouched and no temporary file is left."""
    from argmap import _files

    path = tmp_path / "m.argmap"
    path.write_text("claim a:    A.\n", "utf-8")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(_files.os, "replace", broken_replace)
    code, _, err = run("fmt", str(path))
    assert code == 1 and "cannot write" in err
    assert path.read_text("utf-8") == "claim a:    A.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["m.argmap"]


@pytest.mark.parametrize(
    "command, said",
    [
        (["compare", "{map}", "pro", "kontar"], "hat keine Position `kontar`; meintest du `kontra`?"),
        (["outline", "{map}", "--position", "zz"], "unbekannte Position `zz` (die Karte hat: kontra, pro)"),
        (["outline", "{map}", "--claim", "thesis"], "unbekannte Aussage `thesis`; meintest du `these`?"),
    ],
)
def test_unknown_ids_are_said_in_german(tmp_path, command, said):
    """compare and outline name an unknown position or claim, and the nearest one, in the interface language."""
    path = tmp_path / "m.argmap"
    path.write_text(
        "claim these: T.\n  - gegen: G.\nposition pro: accepts these\nposition kontra: accepts gegen\n", "utf-8"
    )
    code, _, err = run("--lang", "de", *[str(path) if c == "{map}" else c for c in command])
    assert code == 2 and said in err
