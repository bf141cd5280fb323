"""Jupyter display: the _repr_*_ methods of results, maps and diagnostics (argmap/_display.py)."""

from __future__ import annotations

import json
import pickle
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

import argmap
from argmap import Diagnostics
from argmap.semantics import compare_positions

HOSTILE = "A <script>alert('x')</script> & B"

MAP = f"""claim a: {HOSTILE}
claim b: B.
claim c: C.
a rebuts b
b rebuts a
c supports a
position p: accepts a, c
position q: accepts b; rejects a
"""


class _Tables(HTMLParser):
    """The tables of an HTML fragment: each a list of rows of cell texts (headers included);
    and every start tag seen, to find what should not be there."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.tags: list[str] = []
        self.pre: list[str] = []
        self._cell: list[str] | None = None
        self._in_pre = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "pre":
            self._in_pre = True
            self.pre.append("")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "pre":
            self._in_pre = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._in_pre:
            self.pre[-1] += data


def parsed(fragment: str) -> _Tables:
    p = _Tables()
    p.feed(fragment)
    p.close()
    return p


@pytest.fixture
def m():
    return argmap.parse(MAP)


@pytest.fixture(autouse=True)
def english(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def test_evaluation_shows_status_and_labellings(m):
    """An evaluation's table has a row per argument with its status and its label in each extension."""
    e = argmap.evaluate(m, "preferred")
    html = e._repr_html_()
    (table,) = parsed(html).tables
    assert table[0] == ["argument", "status", "extension 1", "extension 2"]
    rows = {row[0]: row[1:] for row in table[1:]}
    assert set(rows) == set(e.arguments)
    assert rows["c"][0] == "accepted"
    assert rows["a"][0] == "undecided" and sorted(rows["a"][1:]) == ["in", "out"]
    assert [rows[x][1] for x in e.arguments] == [e.labelling(0)[x] for x in e.arguments]
    assert "preferred semantics" in html


def test_dfquad_evaluation_shows_strengths(m):
    """A DF-QuAD evaluation shows each argument's strength instead of labellings."""
    e = argmap.evaluate(m, "dfquad")
    (table,) = parsed(e._repr_html_()).tables
    assert table[0] == ["argument", "status", "strength"]
    assert {row[0]: float(row[2]) for row in table[1:]} == pytest.approx(dict(e.strengths), abs=5e-4)


def test_position_shows_its_stances(m):
    """A position's table lists what it accepts, then what it rejects."""
    (table,) = parsed(m.position("q")._repr_html_()).tables
    assert table == [["argument", "stance"], ["b", "accepts"], ["a", "rejects"]]


def test_comparison_shows_both_stances_and_the_attacks(m):
    """A comparison shows each id with both positions' stances, and the attacks between them."""
    c = compare_positions(m, "p", "q")
    stances, attacks = parsed(c._repr_html_()).tables
    assert stances[0] == ["argument", "p", "q"]
    assert sorted(stances[1:]) == [["a", "accepts", "rejects"], ["b", "—", "accepts"], ["c", "accepts", "—"]]
    assert attacks[0] == ["position", "attackers", "relation", "target", "line"]
    assert sorted(tuple(r[:4]) for r in attacks[1:]) == sorted((a.by, a.attacker, a.relation, a.target) for a in c.attacks)


def test_texts_are_escaped(m):
    """A claim text with a <script> comes out as text, never as a tag."""
    for html in (argmap.explain(m, "b")._repr_html_(), argmap.explain(m, "a")._repr_html_()):
        p = parsed(html)
        assert "script" not in p.tags
        assert "&lt;script&gt;" in html
    from argmap.syntax import read_text

    text = "claim a: <script>.\na rebuts <script>\n"
    shown = Diagnostics(read_text(text)[1], text=text)._repr_html_()
    assert "script" not in parsed(shown).tags and "unexpected <script>" in parsed(shown).tables[0][1][3]


def test_explanation_shows_its_sentences(m):
    """An explanation shows its text, ids set as code."""
    x = argmap.explain(m, "c")
    html = x._repr_html_()
    assert html.startswith("<p>") and "<code>c</code>" in html
    assert html.count("<p>") == len([line for line in x.text().split("\n") if line])


def test_check_returns_a_list_that_shows_a_table(tmp_path):
    """check gives a list subclass: equal to the plain list, picklable, shown with file:line:col and a caret."""
    path = tmp_path / "bad.argmap"
    path.write_text("claim a: A <b>.\na supports zz\n", "utf-8")
    found = argmap.check(argmap.load(path))
    assert isinstance(found, list) and isinstance(found, Diagnostics)
    assert found == list(found) and pickle.loads(pickle.dumps(found)) == found
    p = parsed(found._repr_html_())
    (table,) = p.tables
    assert table[0] == ["place", "severity", "code", "message"]
    (row,) = table[1:]
    assert row[:3] == [f"{path}:2:12", "error", "E201"]
    assert row[3].startswith("unknown claim zz")
    assert p.pre == ["    2 | a supports zz\n      |            ^^"]


def test_diagnostics_take_the_text_they_point_into():
    """Diagnostics of a map parsed from a string show the caret when given the text; an empty list says so."""
    text = "claim a: A.\na rebuts <b>\n"
    from argmap.syntax import read_text

    diagnostics = read_text(text)[1]
    shown = Diagnostics(diagnostics, text=text)._repr_html_()
    p = parsed(shown)
    assert p.tables and "<b>" not in shown.replace("&lt;b&gt;", "")
    assert all("| a rebuts <b>" in pre for pre in p.pre) and p.pre
    assert "no problems found" in Diagnostics()._repr_html_()


def test_status_serializes_to_json(m):
    """Statuses are str-valued: json.dumps writes the words, and they equal them."""
    e = argmap.evaluate(m, "preferred")
    assert argmap.Status.ACCEPTED == "accepted" and e.status["c"] is argmap.Status.ACCEPTED
    assert json.loads(json.dumps(dict(e.status))) == {k: v.value for k, v in e.status.items()}
    data = json.loads(json.dumps(e.to_dict(details=True)))
    assert data["labellings"] == [dict(e.labelling(i)) for i in range(len(e.extensions))]


@pytest.mark.dot
def test_map_shows_as_svg(m):
    """With Graphviz, a map's bundle is SVG (a claim's text in it), with its text as text/plain."""
    bundle = m._repr_mimebundle_()
    assert set(bundle) == {"image/svg+xml", "text/plain"}
    root = ET.fromstring(bundle["image/svg+xml"])
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert bundle["text/plain"] == m.to_source()
    assert m._repr_svg_() == bundle["image/svg+xml"]
    assert set(m._repr_mimebundle_(include={"text/plain"})) == {"text/plain"}


def test_map_without_graphviz_shows_its_text(m, monkeypatch):
    """Without dot on PATH the map shows its text in a Markdown code block, and _repr_svg_ gives None."""
    monkeypatch.setenv("PATH", "/nonexistent")
    bundle = m._repr_mimebundle_()
    assert set(bundle) == {"text/markdown", "text/plain"}
    assert "Graphviz could not draw the map" in bundle["text/plain"]
    assert bundle["text/plain"].endswith(m.to_source())
    markdown = bundle["text/markdown"]
    body = markdown.split("```argmap\n", 1)[1].rsplit("\n```", 1)[0]
    assert body == m.to_source().rstrip()
    assert m._repr_svg_() is None


def test_map_falls_back_when_dot_fails(m, monkeypatch):
    """When dot fails the cell still shows the map's text, and a fence longer than any backtick run in it."""
    import sys

    from argmap.render import RenderFailed

    def fail(*args, **kwargs):
        raise RenderFailed("Graphviz could not draw the map: syntax error")

    monkeypatch.setattr(sys.modules["argmap.render"], "run_dot", fail)
    fenced = argmap.parse("claim a: A ````x.\n")
    bundle = fenced._repr_mimebundle_()
    assert "syntax error" in bundle["text/plain"]
    assert "`````argmap\n" in bundle["text/markdown"]


def test_reprs_through_ipython(m, monkeypatch):
    """IPython's display formatter, when installed, picks up the reprs."""
    formatters = pytest.importorskip("IPython.core.formatters")
    monkeypatch.setenv("PATH", "/nonexistent")
    f = formatters.DisplayFormatter()
    data, _ = f.format(m)
    assert "text/markdown" in data
    data, _ = f.format(argmap.evaluate(m))
    assert "text/html" in data


def test_words_follow_the_interface_language(m, monkeypatch):
    """With LANG=de the headers, statuses and severities are German; ids and codes stay."""
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    (table,) = parsed(argmap.evaluate(m)._repr_html_()).tables
    assert table[0] == ["Argument", "Status"] and ["c", "akzeptiert"] in table
    (table,) = parsed(argmap.check(argmap.parse("claim a: A.\na supports b\n"))._repr_html_()).tables
    assert table[1][1:3] == ["Fehler", "E201"]
