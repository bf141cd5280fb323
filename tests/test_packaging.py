"""The built wheel carries the grammar and works when installed on its own (not editable)."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.test_syntax import SKETCH

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("argmap-*.whl")
    return found


def test_wheel_contains_the_grammar(wheel):
    """grammar/argmap.lark ships inside the wheel, next to the package."""
    names = zipfile.ZipFile(wheel).namelist()
    assert "argmap/grammar/argmap.lark" in names
    assert "argmap/__init__.py" in names
    grammar = zipfile.ZipFile(wheel).read("argmap/grammar/argmap.lark").decode()
    assert grammar == (ROOT / "grammar" / "argmap.lark").read_text("utf-8")


def test_installed_wheel_checks_the_sketch(wheel, tmp_path):
    """pip install of the wheel into a fresh venv, then `argmap check` on the sketch reports no error."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / "bin"
    subprocess.run([str(bindir / "python"), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True)
    sketch = tmp_path / "sketch.argmap"
    sketch.write_text(SKETCH, "utf-8")
    proc = subprocess.run(
        [str(bindir / "argmap"), "check", str(sketch)], cwd=tmp_path, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 errors" in proc.stdout or "no problems" in proc.stdout
    where = subprocess.run(
        [str(bindir / "python"), "-c", "import argmap; print(argmap.__file__)"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    ).stdout
    assert str(env_dir) in where
