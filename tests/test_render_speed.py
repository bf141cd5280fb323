"""Drawing large maps: word-wise wrapping, DOT lines written directly, layout settings by size and shape.

Counted or compared, never timed (benchmarks/bench_render.py and
benchmarks/bench_render_shapes.py time them)."""

from __future__ import annotations

import doctest
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import graphviz
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.render import dot_lines, labels, layout, to_graphviz
from argmap.render.dot_lines import Lines, attribute_list, edge_line, node_line
from argmap.render.layout import LARGE_MAP, TANGLED, Shape, estimate, layout_attributes
from argmap.render.output import run_dot

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from generate import generate  # noqa: E402


def _reference_wrap(text: str, width: int) -> list[str]:
    """Wrapping as it was: every character of every word measured."""

    def size(ch: str) -> int:
        return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1

    lines: list[str] = []
    line: list[str] = []
    used = 0
    for word in labels.clean(text).split(" "):
        if not word:
            continue
        n = sum(size(ch) for ch in word)
        if line and used + 1 + n <= width:
            line.append(word)
            used += 1 + n
            continue
        if line:
            lines.append(" ".join(line))
        if n > width:
            start, n = 0, 0
            for i, ch in enumerate(word):
                if n + size(ch) > width and i > start:
                    lines.append(word[start:i])
                    start, n = i, 0
                n += size(ch)
            word = word[start:]
        line, used = [word], n
    if line:
        lines.append(" ".join(line))
    return lines


_pieces = st.sampled_from(["a", "Wort", "Größe", "日本語", "x" * 40, "ü" * 35, "中" * 20, " ", "  ", "\n", "\x00", "ﬀ"])


@given(st.lists(_pieces, max_size=30).map("".join) | st.text(), st.integers(min_value=1, max_value=40))
def test_wrap_by_words_breaks_where_measuring_every_character_did(text, width):
    """Measuring words (ASCII by length, others by a cache) gives the same lines as measuring each character."""
    assert labels.wrap(text, width) == _reference_wrap(text, width)


def test_wrap_measures_each_distinct_word_once(monkeypatch):
    """In text that may hold wide characters, a word that is not ASCII is measured once however often it comes; ASCII words are not measured at all."""
    calls = []
    monkeypatch.setattr(labels, "_width", lambda ch: calls.append(ch) or 1)
    labels._word_width.cache_clear()
    labels.wrap("Größe Straße Größe the quick 日本 fox " * 500, 32)
    assert len(calls) == len("Größe") + len("Straße") + len("日本")


def test_wrap_measures_nothing_in_text_of_narrow_characters(monkeypatch):
    """Text without characters from U+0378 on (German, French, ...) is broken by its length alone."""
    calls = []
    monkeypatch.setattr(labels, "_width", lambda ch: calls.append(ch) or 1)
    labels._word_width.cache_clear()
    assert labels.wrap("Größe Straße Größe the quick fox " * 3, 12) == ["Größe Straße", "Größe the", "quick fox"] * 3
    assert calls == []


def test_every_character_before_the_first_wide_one_is_one_column():
    """The narrow-text shortcut holds: no code point below U+0378 takes two columns, and U+0378 is where it starts."""
    assert all(labels._width(chr(c)) == 1 for c in range(0x378))
    assert labels._MAYBE_WIDE.search("\u0377") is None and labels._MAYBE_WIDE.search("\u0378")


def test_wrapped_escapes_each_line():
    """wrapped() is the escaped lines joined by <BR/>, as escaping each line was."""
    text = 'Tom & "Jerry" <b>laufen</b> \\N weg, immer weiter und weiter'
    assert labels.wrapped(text, 12) == "<BR/>".join(labels.escape(line) for line in labels.wrap(text, 12))


_names = st.text(st.sampled_from(list('ab c:"\\<>-_.1ä')), max_size=8)
_values = st.dictionaries(st.sampled_from(["label", "color", "style", "weight", "tooltip"]), _names, max_size=4)


@pytest.mark.filterwarnings("ignore::graphviz.exceptions.DotSyntaxWarning")
@given(_names, _names, _values)
def test_lines_are_what_digraph_writes(tail, head, attributes):
    """node_line and edge_line (and Lines) write what Digraph.node and Digraph.edge write, quoted by graphviz."""
    g = graphviz.Digraph()
    g.node(tail, **attributes)
    g.edge(tail, head, **attributes)
    listed = attribute_list(attributes)
    assert [node_line(tail, listed), edge_line(tail, head, listed)] == g.body
    lines = Lines()
    assert lines.node(tail, listed) == lines.node(tail, listed) == g.body[0]
    assert lines.edge(tail, head, listed) == lines.edge(tail, head, listed) == g.body[1]
    assert lines.node(tail, listed) == g.body[0]  # after the edge quoted the name as its end


@pytest.mark.filterwarnings("ignore::graphviz.exceptions.DotSyntaxWarning")
@given(_names, _values, st.sampled_from(["label", "color", "tooltip", "width"]), _names, _names)
def test_varying_lines_are_what_digraph_writes(name, attributes, key, value, other):
    """Lines.varying, which quotes the shared attributes once, writes what Digraph.node writes, for any attribute that varies."""
    attributes.pop(key, None)
    lines = Lines()
    for each in (value, other):
        g = graphviz.Digraph()
        g.node(name, **attributes, **{key: each})
        assert lines.varying(name, attributes, key, each) == g.body[0]


@pytest.mark.parametrize("module", [dot_lines, layout])
def test_docstring_examples(module):
    """The examples in the docstrings of the DOT-lines and layout modules hold."""
    assert doctest.testmod(module).failed == 0


def test_estimate_of_a_tree_has_no_bends_and_a_long_edge_has_its_ranks():
    """A tree of reasons needs no bends; an edge past two ranks bends twice; a chain of 100,000 is no recursion."""
    tree = [(f"r{i}", "c") for i in range(50)] + [(f"s{i}", f"r{i}") for i in range(50)]
    assert estimate(["c"], tree) == Shape(nodes=101, bends=0)
    assert estimate([], [("b", "a"), ("c", "b"), ("d", "c"), ("d", "a")]).bends == 2
    chain = [(f"n{i + 1}", f"n{i}") for i in range(100_000)]
    assert estimate([], chain) == Shape(nodes=100_001, bends=0)


def test_estimate_turns_cycles_round():
    """Mutual rebuttals rank like a chain: the edge that closes the cycle counts with its length."""
    ring = [(f"n{(i + 1) % 10}", f"n{i}") for i in range(10)]
    assert estimate([], ring) == Shape(nodes=10, bends=8)


@pytest.mark.parametrize(
    "options",
    [{}, {"legend": "beside", "compact": True}, {"theme": "print"}, {"ids": True, "sources": False}, {"dense": True}, {"font_size": 9}],
)
def test_plain_claims_are_labelled_as_every_claim_is(monkeypatch, options):
    """The short way to a plain claim's label (nothing but its id and text) gives the label the long way gives."""
    from argmap.render import graph

    examples = sorted((Path(__file__).resolve().parent.parent / "examples").rglob("*.argmap"))
    maps = [argmap.parse(generate(300, 450))] + [argmap.parse(p.read_text("utf-8")) for p in examples]
    short = [to_graphviz(m, **options).source for m in maps]
    original = graph._Panel.__init__

    def long_way(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.plain_label = None

    monkeypatch.setattr(graph._Panel, "__init__", long_way)
    assert [to_graphviz(m, **options).source for m in maps] == short


def test_dot_bytes_are_the_source_in_utf8():
    """DOT written a few hundred lines at a time is the graph's source in UTF-8, wide and astral characters too."""
    from argmap.render import draw
    from argmap.render.output import dot_bytes

    m = argmap.parse(generate(700, 1050) + "claim wide: 中文 und 😀 im Text.\n")
    graph = to_graphviz(m)
    assert len(graph.body) > 1500
    assert dot_bytes(graph) == graph.source.encode("utf-8")
    assert draw(m, "dot") == graph.source.encode("utf-8")
    assert dot_bytes([]) == b""


def _ranked(nodes, edges):
    """The estimate as its docstring defines it, plainly (recursive: small graphs only)."""
    order = list(dict.fromkeys([*nodes, *(end for edge in edges for end in edge)]))
    successors = {v: [h for t, h in edges if t == v] for v in order}
    above = {v: [] for v in order}
    state = dict.fromkeys(order, 0)
    depth = dict.fromkeys(order, 0)

    def visit(v):
        state[v] = 1
        for head in successors[v]:
            if state[head] == 1:
                above[head].append(v)
            else:
                above[v].append(head)
                if state[head] == 0:
                    visit(head)
        state[v] = 2
        depth[v] = 1 + max((depth[u] for u in above[v]), default=-1)

    for v in order:
        if not state[v]:
            visit(v)
    return Shape(len(order), sum(max(0, depth[v] - depth[u] - 1) for v in order for u in above[v]))


@given(st.lists(st.tuples(st.sampled_from("abcdefgh"), st.sampled_from("abcdefgh")), max_size=40), st.lists(st.sampled_from("abcdefgh")))
def test_estimate_is_its_definition(edges, nodes):
    """On any small graph (cycles, edges to themselves, repeated edges): the ranks and bends its docstring defines."""
    assert estimate(nodes, edges) == _ranked(nodes, edges)


@pytest.mark.parametrize("framed", [False, True])
@pytest.mark.parametrize("claims,relations", [(300, 300), (2000, 1000), (2000, 3000), (12_000, 18_000), (21_000, 100)])
def test_estimate_stopped_when_settled_gives_the_same_attributes(claims, relations, framed):
    """Counting bends only until more could not change the attributes: the
    attributes of every size and shape are those of the whole count."""
    import random

    rng = random.Random(claims + relations)
    nodes = [f"c{i}" for i in range(claims)]
    edges = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(relations)]
    edges += [(nodes[i + 1], nodes[i]) for i in range(0, claims - 1, 7)]  # chains: long edges bend
    whole = estimate(nodes, edges)
    stopped = estimate(nodes, edges, framed)
    assert stopped.nodes == whole.nodes and stopped.bends <= whole.bends
    assert layout_attributes(claims, stopped, framed) == layout_attributes(claims, whole, framed)


def test_estimate_stops_early_on_a_tangled_map():
    """A tangled map without frames is known to go to sfdp after a few thousand bends, with frames after some ten thousand."""
    import random

    rng = random.Random(1)
    nodes = [f"c{i}" for i in range(10_000)]
    edges = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(15_000)]
    whole = estimate(nodes, edges)
    assert whole.bends > 100 * TANGLED
    assert TANGLED < estimate(nodes, edges, False).work < 2 * TANGLED
    assert layout.BENDS_FOR_LINES < estimate(nodes, edges, True).bends < whole.bends / 10


def test_layout_attributes_by_size_and_shape():
    """Small maps get no settings; tangled maps without frames go to sfdp; with frames they stay with dot."""
    assert layout_attributes(LARGE_MAP - 1, Shape(10_000, 50_000)) == {}
    assert layout_attributes(LARGE_MAP, Shape(400, 0))["splines"] == "polyline"
    tangled = Shape(1000, TANGLED)
    assert layout_attributes(1000, tangled)["layout"] == "sfdp"
    framed = layout_attributes(1000, tangled, framed=True)
    assert "layout" not in framed and framed["splines"] == "line" and float(framed["nslimit"]) < 1
    assert layout_attributes(5000, None) == layout_attributes(5000)


def test_random_map_is_drawn_by_sfdp_and_a_tree_by_dot():
    """A random 1,000-claim map's settings ask for sfdp; the same claims in a tree keep dot's layered drawing."""
    random_map = argmap.parse(generate(1000, 1500))
    assert to_graphviz(random_map).graph_attr["layout"] == "sfdp"
    lines = [f"claim c{i}: Aussage {i}." for i in range(1000)] + [f"c{i} supports c{(i - 1) // 4}" for i in range(1, 1000)]
    tree = to_graphviz(argmap.parse("\n".join(lines) + "\n"))
    assert "layout" not in tree.graph_attr and tree.graph_attr["splines"] == "polyline"


def test_groups_keep_dot_however_tangled():
    """A tangled map with groups stays with dot, which draws the groups' frames (sfdp would drop them)."""
    text = generate(1000, 1500)
    assert to_graphviz(argmap.parse(text)).graph_attr["layout"] == "sfdp"
    grouped = ["group g: Gruppe"]
    for line in text.splitlines():
        grouped.append(line)
        if line.startswith("claim c") and int(line.split(":")[0][7:]) % 3 == 0:
            grouped.append("  group: g")
    g = to_graphviz(argmap.parse("\n".join(grouped) + "\n"))
    assert "layout" not in g.graph_attr and "cluster_group_1" in g.source


@pytest.mark.dot
def test_sfdp_drawing_has_every_claim():
    """A map drawn by sfdp is an SVG with a node for every claim."""
    m = argmap.parse(generate(1000, 1500))
    root = ET.fromstring(run_dot(to_graphviz(m, legend=False).source, "svg"))
    titles = {t.text for t in root.iter("{http://www.w3.org/2000/svg}title")}
    assert {c.id for c in m.claims} <= titles


@pytest.mark.parametrize(
    "size, options",
    [(400, {"legend": "beside"}), (400, {"legend": "below"}), (400, {"compact": True}), (400, {}), (120, {}), (120, {"compact": True})],
)
def test_edges_written_while_planning_are_the_edges_drawn_one_by_one(monkeypatch, size, options):
    """Edges from a claim to a claim, written while planning, are the same lines in the same places, and shape the
    drawing (the estimated layout, the legend below, staggered rows) as when each is drawn one by one."""
    from argmap.render import graph

    m = argmap.parse(generate(size, size * 3 // 2))
    calls = []
    original = graph._Panel._direct_ends
    monkeypatch.setattr(graph._Panel, "_direct_ends", lambda self, rel, kind: calls.append(kind) or original(self, rel, kind))
    planned = to_graphviz(m, **options).source
    assert {"support", "rebuttal"} <= set(calls)
    monkeypatch.setattr(graph._Panel, "_direct_ends", lambda self, rel, kind: None)  # every edge drawn one by one
    assert to_graphviz(m, **options).source == planned
