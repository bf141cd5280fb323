"""The `argmap render` command."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.cli import main
from dotparse import parse_dot
from render_support import EVERYTHING, needs_dot


def run(*args, stdin: bytes | None = None, binary_out: bool = False):
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8") if binary_out else io.StringIO()
    err = io.StringIO()
    saved = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        code = main(list(args), out, err)
    finally:
        sys.stdin = saved
    if binary_out:
        out.flush()
        return code, out.buffer.getvalue(), err.getvalue()
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def debate(tmp_path) -> Path:
    path = tmp_path / "debate.argmap"
    path.write_text(EVERYTHING, "utf-8")
    return path


@pytest.fixture
def no_dot(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)


def test_dot_to_stdout(debate, no_dot):
    """-o - --format dot prints the DOT; no Graphviz needed."""
    code, out, err = run("render", str(debate), "-o", "-", "--format", "dot")
    assert code == 0, err
    g = parse_dot(out)
    assert g.has_node("invest") and g.edge("hot_air", "r_gap")


def test_format_from_the_output_suffix(debate, tmp_path, no_dot):
    """-o map.dot writes DOT (taken from the suffix) and says where."""
    target = tmp_path / "out" / "map.dot"
    target.parent.mkdir()
    code, out, err = run("render", str(debate), "-o", str(target))
    assert code == 0, err
    assert out.strip() == f"wrote {target}"
    assert target.read_text("utf-8").startswith("digraph argmap {")


def test_view_options_reach_the_drawing(debate, no_dot):
    """Every view option of the command changes the DOT as the API option does."""
    base = ["render", str(debate), "-o", "-", "--format", "dot"]
    g = parse_dot(run(*base, "--theme", "print", "--position", "gierse", "--position", "skeptic")[1])
    assert "cluster_position_2" in g.subgraphs and g.node_defaults["color"] == "#000000"
    g = parse_dot(run(*base, "--focus", "gap", "--depth", "1", "--no-legend")[1])
    assert {n.name for n in g.nodes} == {"gap", "invest", "r_gap"}
    g = parse_dot(run(*base, "--worksheet", "--keep", "invest", "--group-by", "none")[1])
    assert "<B>1</B>" in g.node("invest").attrs["label"] and not g.subgraphs
    g = parse_dot(run(*base, "--evaluate", "grounded", "--support", "deductive", "--font", "Noto Sans")[1])
    assert g.node("gap").attrs["fillcolor"] == "#ffcdd2" and g.graph_attrs["fontname"] == "Noto Sans"
    g = parse_dot(run(*base, "--worksheet", "--answers", "--group-by", "source")[1])
    assert "Europa muss" in g.node("invest").attrs["label"]


def test_several_files_into_a_folder(tmp_path, no_dot):
    """Several files with -o FOLDER: one picture each, named after the file."""
    names = []
    for name in ("eins", "zwei"):
        path = tmp_path / f"{name}.argmap"
        path.write_text(f"claim {name}: Text.\n", "utf-8")
        names.append(str(path))
    folder = tmp_path / "pictures"
    folder.mkdir()
    code, out, err = run("render", *names, "-o", str(folder), "--format", "dot")
    assert code == 0, err
    assert sorted(p.name for p in folder.iterdir()) == ["eins.dot", "zwei.dot"]
    assert out.count("wrote ") == 2


def test_default_output_is_next_to_the_file(debate, no_dot):
    """Without -o the picture goes next to the map, with the format's suffix."""
    code, out, err = run("render", str(debate), "--format", "dot")
    assert code == 0, err
    assert debate.with_suffix(".dot").exists()


def test_stdin_goes_to_stdout(no_dot):
    """- reads the map from standard input and writes the picture to standard output."""
    code, out, err = run("render", "-", "--format", "dot", stdin="claim a: Ä.\n".encode())
    assert code == 0, err
    assert parse_dot(out).has_node("a")


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_missing_dot_is_one_clear_line(debate, no_dot, tmp_path, fmt):
    """Without Graphviz, svg/png/pdf fail with exit 1 and one line saying how to install it; no file is written."""
    target = tmp_path / f"map.{fmt}"
    code, out, err = run("render", str(debate), "-o", str(target))
    assert code == 1
    assert err.count("\n") == 1
    assert "apt-get install graphviz" in err and "Traceback" not in err
    assert not target.exists()


def test_missing_dot_in_a_real_process(debate, tmp_path):
    """In a real process with no dot on PATH: exit 1, one line, no traceback."""
    env = dict(os.environ, PATH=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(debate), "-o", str(tmp_path / "m.svg")],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "Graphviz" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "args,message",
    [
        (["--focus", "nope"], "cannot focus on `nope`"),
        (["--position", "teacher"], "no position `teacher`"),
        (["--keep", "invest"], "worksheet"),
        (["--depth", "2"], "focus"),
        (["--evaluate", "dfquad", "--support", "deductive"], "DF-QuAD"),
        (["-o", "map.jpeg"], "cannot tell the format"),
    ],
)
def test_usage_errors_exit_2(debate, no_dot, args, message):
    """Options that do not fit the map or each other: exit 2, one message, no traceback."""
    code, out, err = run("render", str(debate), "--format", "dot", *args) if "-o" not in args else run("render", str(debate), *args)
    assert code == 2
    assert message in err and "Traceback" not in err


def test_several_files_to_stdout_is_a_usage_error(debate, no_dot):
    """-o - takes one map."""
    code, out, err = run("render", str(debate), str(debate), "-o", "-")
    assert code == 2 and "one FILE" in err


def test_map_with_errors_is_not_drawn(tmp_path, no_dot):
    """A map with syntax or reference errors prints them and exit 1; nothing is written."""
    path = tmp_path / "bad.argmap"
    path.write_text("claim a: A.\na suports b\n", "utf-8")
    code, out, err = run("render", str(path), "--format", "dot")
    assert code == 1
    assert "E101" in err and "not drawn" in err
    assert not path.with_suffix(".dot").exists()


@pytest.mark.parametrize("fmt,magic", [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")])
@needs_dot[0]
@needs_dot[1]
def test_real_formats_to_files_and_stdout(debate, tmp_path, fmt, magic):
    """With dot: SVG, PNG and PDF to a file and to standard output."""
    target = tmp_path / f"map.{fmt}"
    code, out, err = run("render", str(debate), "-o", str(target))
    assert code == 0, err
    assert target.read_bytes().startswith(magic)
    code, data, err = run("render", str(debate), "-o", "-", "--format", fmt, binary_out=True)
    assert code == 0, err
    assert data.startswith(magic)
    if fmt == "svg":
        ET.fromstring(data)
