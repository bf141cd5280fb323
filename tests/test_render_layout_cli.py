"""argmap render --paper --layout: the drawing or the columns, chosen on the command line."""

import io
from pathlib import Path

import pypdf
import pytest

from argmap.cli import main

ROOT = Path(__file__).resolve().parents[1]
DEBATE = str(ROOT / "examples" / "europa_ki_debatte.argmap")


def _pages(path: Path) -> int:
    return len(pypdf.PdfReader(str(path)).pages)


@pytest.mark.dot
def test_layout_graph_keeps_the_drawing_and_auto_chooses_columns(tmp_path):
    """--layout graph splits the drawing over more pages than the default, which takes the columns."""
    graph, auto = tmp_path / "graph.pdf", tmp_path / "auto.pdf"
    err = io.StringIO()
    assert main(["render", DEBATE, "-o", str(graph), "--paper", "a4", "--layout", "graph"], io.StringIO(), err) == 0
    # Several sheets are announced, with the ways to one.
    assert f"{_pages(graph)} pages with text of 9 pt or more" in err.getvalue() and "--fit" in err.getvalue()
    assert main(["render", DEBATE, "-o", str(auto), "--paper", "a4"], io.StringIO(), io.StringIO()) == 0
    assert _pages(auto) <= 2 < _pages(graph)
    assert "stützt" in pypdf.PdfReader(str(auto)).pages[0].extract_text()


@pytest.mark.dot
def test_layout_columns_with_a_view_is_a_usage_error(tmp_path):
    """The columns show the whole map; with --evaluate they are refused in one line, nothing written."""
    err = io.StringIO()
    out = tmp_path / "x.pdf"
    code = main(["render", DEBATE, "-o", str(out), "--paper", "a4", "--layout", "columns", "--evaluate", "grounded"], io.StringIO(), err)
    assert code == 2
    assert "columns" in err.getvalue() and "Traceback" not in err.getvalue()
    assert not out.exists()
