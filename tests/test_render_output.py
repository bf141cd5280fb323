"""Writing pictures: formats, atomic files, a missing dot, and real SVG, PNG and PDF."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from argmap.render import GraphvizNotFound, RenderFailed, draw, render, to_graphviz
from argmap.render import output
from argmap.render.output import format_for, write_atomically
from render_support import everything


@pytest.mark.parametrize(
    "path,fmt,expected",
    [("map.svg", None, "svg"), ("MAP.PNG", None, "png"), ("a/b.pdf", None, "pdf"), ("x.gv", None, "dot"), ("x.dot", None, "dot"), ("x.svg", "png", "png"), (None, None, "svg"), ("-", "pdf", "pdf")],
)
def test_format_for(path, fmt, expected):
    """The format is the one given, else the suffix's, else svg."""
    assert format_for(path, fmt) == expected


@pytest.mark.parametrize("path,fmt", [("map.jpeg", None), ("map", None), ("x.svg", "gif")])
def test_format_for_refuses_what_it_cannot_write(path, fmt):
    """Unknown suffixes and formats are a ValueError that names the choices."""
    with pytest.raises(ValueError, match="svg"):
        format_for(path, fmt)


def test_dot_format_needs_no_graphviz(monkeypatch, tmp_path):
    """With dot missing, the DOT format still works: it is the graph's source."""
    monkeypatch.setattr(shutil, "which", lambda name: None)
    m = everything()
    assert draw(m, "dot").decode("utf-8") == to_graphviz(m).source
    path = render(m, tmp_path / "map.dot")
    assert path.read_text("utf-8") == to_graphviz(m).source


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_missing_dot_says_how_to_install_graphviz(monkeypatch, tmp_path, fmt):
    """Without dot, other formats raise GraphvizNotFound (a RuntimeError) naming the install command; no file appears."""
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(GraphvizNotFound, match=r"apt-get install graphviz") as caught:
        render(everything(), tmp_path / f"map.{fmt}")
    assert isinstance(caught.value, RuntimeError)
    assert "\n" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_failed_render_leaves_the_earlier_file_untouched(monkeypatch, tmp_path):
    """A drawing that fails does not touch the file that was there, and leaves no temporary file."""
    target = tmp_path / "map.svg"
    target.write_text("earlier picture", "utf-8")

    def fail(*args, **kwargs):
        raise RenderFailed("Graphviz could not draw the map: boom")

    monkeypatch.setattr(sys.modules["argmap.render"], "run_dot", fail)
    with pytest.raises(RenderFailed):
        render(everything(), target)
    assert target.read_text("utf-8") == "earlier picture"
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]


def test_a_dot_that_runs_too_long_is_stopped(monkeypatch):
    """When dot exceeds its time limit the drawing fails with RenderFailed; nothing hangs."""
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/dot")

    def too_slow(*args, **kwargs):
        raise subprocess.TimeoutExpired(args[0], kwargs.get("timeout"))

    monkeypatch.setattr(output.subprocess, "run", too_slow)
    with pytest.raises(RenderFailed, match="longer than 5 s"):
        draw(everything(), "svg", timeout=5)


def test_write_atomically_replaces_and_keeps_mode(tmp_path):
    """The new content replaces the old at once; the file keeps its permissions."""
    target = tmp_path / "out.svg"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]
