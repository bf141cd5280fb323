"""Every value that reaches DOT is data, never DOT syntax (issue 8)."""

from __future__ import annotations

import json
import subprocess

import pytest

import argmap
from argmap.render import Theme, THEMES, ViewError, to_graphviz
from argmap.render.views import node_name
from cli_support import run
from dotparse import parse_dot
from render_support import needs_dot

MAP = """\
title: T
source s: "A <b>source</b>"
group g: A "group" ] x [
claim a: A
  group: g
claim b: B
  source: s
r: a supports b
claim c: C
c undercuts r
position p: accepts a, r
position q: rejects a
"""

#: Values written to break out of a quoted string, an HTML string or a statement.
HOSTILE = [
    'x" ] evil [ label="y',
    "<x> ] ; evil [label=<y>",
    "<b>bold</b>",
    "x\\",
    'x\\"',
    "\\N",
    "a; b -> c; {d}",
    "node",
    "x -> y",
]

#: What the map above draws: its claims, the named support's junction and the legend.
NODES = {"a", "b", "c", "r", "legend-table"}


def _drawn(source: str) -> tuple[set[str], int, dict]:
    """The node names, the number of edges and the graph attributes Graphviz itself reads from ``source``."""
    done = subprocess.run(["dot", "-Tjson0"], input=source.encode("utf-8"), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    graph = json.loads(done.stdout)
    nodes = {o["name"] for o in graph.get("objects", []) if "nodes" not in o}
    return nodes, len(graph.get("edges", [])), graph


@pytest.mark.parametrize("font", HOSTILE)
@needs_dot[0]
@needs_dot[1]
def test_a_hostile_font_is_a_font_name_to_graphviz(font):
    """A font with quotes, brackets, <...> or backslashes adds no node, edge or attribute."""
    m = argmap.parse(MAP)
    plain_nodes, plain_edges, _ = _drawn(to_graphviz(m).source)
    nodes, edges, graph = _drawn(to_graphviz(m, font=font).source)
    assert plain_nodes == NODES
    assert (nodes, edges) == (plain_nodes, plain_edges)
    assert graph["fontname"] == font.replace("\\", "\\\\")  # data: backslashes kept (doubled), nothing else changed


@pytest.mark.parametrize("font", HOSTILE)
def test_a_hostile_font_is_one_quoted_string_in_every_statement(font):
    """The DOT the graphviz package writes holds the font as one quoted value, in the graph, node and edge defaults."""
    g = parse_dot(to_graphviz(argmap.parse(MAP), font=font, positions=["p", "q"]).source)
    assert g.graph_attrs["fontname"] == font
    assert g.node_defaults["fontname"] == font
    assert g.edge_defaults["fontname"] == font
    assert {n.name for n in g.nodes} == {f"{p}.{n}" for p in "pq" for n in NODES - {"legend-table"}} | {"legend-table"}


@needs_dot[0]
@needs_dot[1]
def test_side_by_side_panels_with_a_hostile_font_keep_their_structure():
    """Two position panels draw exactly their own copies of the map."""
    m = argmap.parse(MAP)
    nodes, edges, _ = _drawn(to_graphviz(m, positions=["p", "q"], font=HOSTILE[0]).source)
    assert nodes == {f"{p}.{n}" for p in "pq" for n in NODES - {"legend-table"}} | {"legend-table"}


@pytest.mark.parametrize(
    "font", ["a\nb", "a\rb", "tab\there", "nul\x00", "line\u2028sep", "", "   ", "x" * 201, 12]
)
def test_a_font_no_font_can_have_is_refused(font):
    """Control characters, line breaks, empty and absurd names are a ViewError naming the value."""
    with pytest.raises(ViewError) as info:
        to_graphviz(argmap.parse(MAP), font=font)
    assert info.value.name == font


@pytest.mark.parametrize("font", ["a\nb", "x\x1b[31m", ""])
def test_the_command_line_refuses_a_bad_font_with_a_usage_error(tmp_path, capsys, font):
    """--font with a control character is exit code 2 and one line naming --font, nothing written."""
    path = tmp_path / "m.argmap"
    path.write_text(MAP, encoding="utf-8")
    code, _, _ = run("render", path, "--font", font, "-o", tmp_path / "m.dot")
    err = capsys.readouterr().err
    assert code == 2
    assert "--font" in err and "Traceback" not in err
    assert not (tmp_path / "m.dot").exists()


@pytest.mark.parametrize("field", ["font", "fontsize", "small_fontsize", "penwidth"])
@pytest.mark.parametrize("value", ['x"]', "13\"] evil [", float("nan"), -1.0, True, None])
def test_a_theme_holds_only_values_that_are_data(field, value):
    """A Theme refuses a font or a size that is not one (sizes must be numbers)."""
    if field == "font" and isinstance(value, str):
        return  # a font name with quotes is data; see the tests above
    with pytest.raises((ValueError, TypeError)):
        Theme(**{**_fields(THEMES["default"]), field: value})


def test_a_theme_with_a_hostile_font_draws_it_as_data():
    """The font of a Theme goes through the same quoting as font=."""
    theme = Theme(**{**_fields(THEMES["default"]), "font": HOSTILE[1]})
    g = parse_dot(to_graphviz(argmap.parse(MAP), theme=theme).source)
    assert g.graph_attrs["fontname"] == HOSTILE[1]
    assert {n.name for n in g.nodes} == NODES


def _fields(theme: Theme) -> dict:
    import attrs

    return attrs.asdict(theme)


@pytest.mark.parametrize("ident", ["a:b", "<x>", 'q"] y [', "a b", "x\\", "a-b", "é:ü"])
def test_a_name_that_is_not_a_word_becomes_a_safe_node_name(ident):
    """Ids the language cannot write (only a map built in Python could hold one) become id-<hex>: no port, no HTML string."""
    name = node_name(ident)
    assert name.startswith("id-") and all(ch.isalnum() or ch == "-" for ch in name)
    assert bytes.fromhex(name[3:]).decode("utf-8") == ident  # one name per id


@pytest.mark.parametrize("ident", ["a", "rain_2", "größe", "node", "123"])
def test_a_word_is_its_own_node_name(ident):
    """Every id the language can write keeps its name in the drawing."""
    assert node_name(ident) == ident


EVIL = 'x"] ; evil [label=<b>y</b>] } node z {\\N\\G\\ <TABLE>&amp;'


@needs_dot[0]
@needs_dot[1]
@pytest.mark.parametrize(
    "options",
    [{}, {"evaluate": "grounded"}, {"positions": ["p", "q"]}, {"group_by": "source"}, {"worksheet": True, "keep": "a"}],
    ids=["plain", "evaluate", "positions", "source", "worksheet"],
)
def test_hostile_texts_everywhere_draw_exactly_the_map(options):
    """Title, question, claim texts, group labels, source titles and authors full of DOT and HTML syntax add nothing."""
    b = argmap.MapBuilder(title=EVIL, question=EVIL, lang="en")
    b.source("s", EVIL, author=EVIL)
    b.group("g", EVIL)
    b.claim("a", EVIL, group="g", source="s")
    b.claim("b", EVIL, source="s")
    b.claim("c", EVIL)
    b.supports("a", "b", name="r")
    b.undercuts("c", "r")
    b.position("p", accepts=["a", "r"])
    b.position("q", rejects=["a"])
    m = b.build()
    plain = argmap.parse("claim a: A\n  group: g\nclaim b: B\nr: a supports b\nclaim c: C\nc undercuts r\n"
                         "group g: G\nposition p: accepts a, r\nposition q: rejects a\n")
    expected_nodes, expected_edges, _ = _drawn(to_graphviz(plain, **options).source)
    nodes, edges, _ = _drawn(to_graphviz(m, **options).source)
    assert (nodes, edges) == (expected_nodes, expected_edges)
