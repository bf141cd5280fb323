"""The DOT of a drawing, read back statement by statement: every kind of element."""

from __future__ import annotations

import re

import graphviz
import pytest

import argmap
from argmap.model import ArgumentMap, Claim, Rebuttal, Support, Undercut
from argmap.render import to_graphviz
from argmap.render.graph import edge_style
from argmap.render.legend import LEGEND_NODE
from argmap.render.themes import THEMES
from dotparse import parse_dot
from render_support import EVERYTHING, dot_of, everything


def claim_ids(m: ArgumentMap) -> list[str]:
    return [c.id for c in m.claims]


def test_returns_a_digraph_laid_out_bottom_to_top():
    """to_graphviz gives a graphviz.Digraph with conclusions on top (rankdir=BT)."""
    g = to_graphviz(everything())
    assert isinstance(g, graphviz.Digraph)
    assert parse_dot(g.source).graph_attrs["rankdir"] == "BT"


def test_map_method_gives_the_same_graph():
    """ArgumentMap.to_graphviz is argmap.render.to_graphviz."""
    m = everything()
    assert m.to_graphviz(theme="print").source == to_graphviz(m, theme="print").source


def test_every_claim_is_a_node_named_by_its_id_in_source_order():
    """Claim nodes are named by the claim ids and come in the order written (without clusters)."""
    m = everything()
    g = dot_of(m, legend=False, group_by=None)
    claims = [n for n in g.node_names() if n in claim_ids(m)]
    assert claims == claim_ids(m)


def test_claim_label_has_wrapped_text_and_small_id():
    """A claim's label holds its id in small type and its text wrapped to lines of at most 32 characters."""
    g = dot_of(everything())
    label = g.node("gap").attrs["label"]
    assert label.startswith("<<TABLE") and label.endswith("</TABLE>>")
    assert re.search(r'<FONT POINT-SIZE="9.5" COLOR="#4f4f4f">gap</FONT>', label)
    lines = re.search(r'BALIGN="LEFT"><FONT COLOR="#1a1a1a">(.*?)</FONT>', label).group(1).split("<BR/>")
    assert " ".join(lines) == everything().claim("gap").text
    assert len(lines) == 3 and all(len(line) <= 32 for line in lines)


def test_basis_and_source_badge_in_the_label():
    """The basis shows as symbol and short name (in the map's language), the source as a bordered badge."""
    label = dot_of(everything()).node("gap").attrs["label"]
    assert "∑ Statistik" in label
    badge = re.search(r'<TD BGCOLOR="#e1ecf7" COLOR="#7d9bbf" BORDER="1"[^>]*><FONT[^>]*>gierse</FONT></TD>', label)
    assert badge


def test_basis_name_is_english_for_other_languages():
    """Without lang: de, basis names and the legend are English."""
    m = argmap.parse("claim a: A.\n  basis: statistic\nclaim b: B.\na supports b\n")
    g = dot_of(m)
    assert "∑ statistic" in g.node("a").attrs["label"]
    assert "Legend" in g.node(LEGEND_NODE).attrs["label"]


def test_implicit_premise_has_a_dashed_border():
    """An implicit claim is drawn dashed (and only it)."""
    g = dot_of(everything())
    assert "dashed" in g.node("catch_up").attrs["style"].split(",")
    assert "dashed" not in g.node("sovereign").attrs.get("style", g.node_defaults["style"])


def test_simple_support_is_a_solid_green_arrow():
    """An unnamed one-premise support is one edge premise -> conclusion with a normal arrowhead."""
    g = dot_of(everything())
    edge = g.edge("lockin", "invest")
    assert edge.attrs["arrowhead"] == "normal"
    assert edge.attrs["color"] == THEMES["default"].support
    assert "style" not in edge.attrs


def test_linked_premises_meet_in_one_junction():
    """Co-premises each draw a line without arrowhead to one junction point; one arrow goes on to the conclusion."""
    g = dot_of(everything())
    junctions = [e.head for e in g.edges if e.tail == "catch_up"]
    assert len(junctions) == 1
    junction = junctions[0]
    assert junction == "support-3"
    assert g.node(junction).attrs["shape"] == "point"
    for premise in ("catch_up", "sovereign"):
        assert g.edge(premise, junction).attrs["arrowhead"] == "none"
    assert g.edge(junction, "no_race").attrs["arrowhead"] == "normal"


def test_named_support_junction_is_named_by_the_support():
    """A named support gets a junction named by its name, so tools can find it."""
    g = dot_of(everything())
    assert g.node("r_gap").attrs["shape"] == "point"
    assert g.edge("gap", "r_gap").attrs["arrowhead"] == "none"
    assert g.edge("r_gap", "invest").attrs["arrowhead"] == "normal"


def test_undercut_aims_at_the_junction_of_its_support():
    """An undercut is an orange dashed edge with a bar, ending at the support's junction point."""
    g = dot_of(everything())
    edge = g.edge("hot_air", "r_gap")
    assert edge.attrs["style"] == "dashed"
    assert edge.attrs["arrowhead"] == "tee"
    assert edge.attrs["color"] == THEMES["default"].undercut


def test_undercut_written_before_its_support_still_finds_the_junction():
    """Source order does not matter for aiming an undercut."""
    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim u: U.\nu undercuts r\nr: a supports b\n")
    assert dot_of(m).edge("u", "r").attrs["arrowhead"] == "tee"


def test_rebuttal_is_a_bold_red_edge_with_a_bar():
    """A rebuttal: red, bold, tee arrowhead."""
    edge = dot_of(everything()).edge("bubble", "invest")
    assert edge.attrs["style"] == "bold"
    assert edge.attrs["arrowhead"] == "tee"
    assert edge.attrs["color"] == THEMES["default"].rebuttal


def test_contradiction_is_double_headed_dotted_and_leaves_ranks_alone():
    """A contradiction: dotted, arrowheads at both ends, no rank constraint."""
    edge = dot_of(everything()).edge("invest", "no_race")
    assert edge.attrs["style"] == "dotted"
    assert edge.attrs["dir"] == "both"
    assert edge.attrs["arrowhead"] == edge.attrs["arrowtail"] == "normal"
    assert edge.attrs["constraint"] == "false"
    assert edge.attrs["color"] == THEMES["default"].contradiction


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_relation_kinds_differ_without_colour(theme):
    """Each relation kind differs from every other in line style or arrowheads, so black and white reads right."""
    looks = {}
    for kind in ("support", "rebuttal", "undercut", "contradiction"):
        style = edge_style(kind, THEMES[theme])
        looks[kind] = (style.get("style", "solid"), style.get("arrowhead"), style.get("dir", "forward"))
    assert len(set(looks.values())) == 4


def test_title_and_question_on_top():
    """The graph's label holds the title (bold) and the question (italic), placed on top."""
    attrs = dot_of(everything()).graph_attrs
    assert attrs["labelloc"] == "t"
    assert "<B>Soll Europa massiv in KI-Infrastruktur investieren?</B>" in attrs["label"]
    assert "<I>Lohnt sich die Investition?</I>" in attrs["label"]


def test_no_title_no_graph_label():
    """A map without title or question has no graph label."""
    g = dot_of(argmap.parse("claim a: A.\n"))
    assert "label" not in g.graph_attrs


def test_default_font_is_dejavu_sans_and_can_be_changed():
    """Graph, nodes and edges use DejaVu Sans; font= changes all three."""
    g = dot_of(everything())
    assert g.graph_attrs["fontname"] == g.node_defaults["fontname"] == g.edge_defaults["fontname"] == "DejaVu Sans"
    g = dot_of(everything(), font="Noto Sans")
    assert g.graph_attrs["fontname"] == g.node_defaults["fontname"] == "Noto Sans"


def test_legend_lists_only_what_the_picture_uses():
    """The legend explains the relation kinds, claim styles, basis types and sources the map has, and nothing else."""
    full = dot_of(everything()).node(LEGEND_NODE).attrs["label"]
    for word in ("stützt", "verbundene Prämissen", "widerlegt", "untergräbt", "widersprechen", "unausgesprochene", "Statistik", "Gesetz", "Wir laufen den Hyperscalern hinterher"):
        assert word in full, word
    m = argmap.parse("claim a: A.\nclaim b: B.\na supports b\n")
    small = dot_of(m).node(LEGEND_NODE).attrs["label"]
    assert "supports" in small
    for word in ("rebuts", "undercuts", "contradict", "implicit", "linked", "statistic", "accepted"):
        assert word not in small, word


def test_legend_stands_below_the_map():
    """Invisible edges from the legend to every claim nothing points at put it on the lowest rank."""
    g = dot_of(everything())
    tails = {e.head for e in g.edges if e.tail == LEGEND_NODE}
    assert tails == {"gap", "lockin", "bubble", "hot_air", "catch_up", "sovereign"}
    assert all(e.attrs["style"] == "invis" for e in g.edges if e.tail == LEGEND_NODE)


def test_no_legend_when_asked_or_nothing_to_explain():
    """legend=False leaves it out; so does a map with nothing to explain."""
    assert not dot_of(everything(), legend=False).has_node(LEGEND_NODE)
    assert not dot_of(argmap.parse("claim a: A.\n")).has_node(LEGEND_NODE)


def test_same_map_gives_byte_identical_dot():
    """The DOT is deterministic: the same map, parsed twice, gives the same bytes."""
    first = to_graphviz(argmap.parse(EVERYTHING)).source
    assert to_graphviz(argmap.parse(EVERYTHING)).source == first
    assert to_graphviz(argmap.parse(EVERYTHING), theme="print", positions=["gierse", "skeptic"]).source == to_graphviz(
        argmap.parse(EVERYTHING), theme="print", positions=["gierse", "skeptic"]
    ).source


def test_adding_a_claim_keeps_the_order_of_the_others():
    """A new claim at the end adds its statements; all other statements stay in the same order."""
    before = to_graphviz(everything(), legend=False).source.splitlines()
    after = to_graphviz(argmap.parse(EVERYTHING + "claim extra: Noch eine Aussage.\nextra supports bubble\n"), legend=False).source.splitlines()
    kept = [line for line in after if "extra" not in line]
    assert kept == before


def test_map_built_in_python_draws_like_the_parsed_one():
    """The drawing reads the model: a map built from model classes draws the same DOT as the parsed text."""
    text = "claim a: A.\nclaim b: B.\nclaim c: C.\nr: a supports b\nc rebuts b\nc undercuts r\n"
    built = ArgumentMap(
        items=[Claim("a", "A."), Claim("b", "B."), Claim("c", "C."), Support(["a"], "b", name="r"), Rebuttal("c", "b"), Undercut("c", "r")]
    )
    assert to_graphviz(built).source == to_graphviz(argmap.parse(text)).source


def test_undefined_ids_are_drawn_as_dashed_placeholders():
    """A relation naming an undefined claim still draws, with a dashed 'not defined' node under that id."""
    m = argmap.parse("claim a: A.\na supports ghost\nspook rebuts a\n")
    g = dot_of(m)
    for name in ("ghost", "spook"):
        node = g.node(name)
        assert "dashed" in node.attrs["style"]
        assert "not defined" in node.attrs["label"]
    assert g.edge("a", "ghost").attrs["arrowhead"] == "normal"
    assert "not defined" in g.node(LEGEND_NODE).attrs["label"]


def test_duplicate_claim_is_drawn_once():
    """When an id is defined twice, the first definition is drawn, once."""
    m = argmap.parse("claim a: First.\nclaim a: Second.\n")
    g = dot_of(m)
    assert g.node_names().count("a") == 1
    assert "First." in g.node("a").attrs["label"]


def test_support_name_equal_to_a_claim_id_does_not_merge_nodes():
    """A support named like a claim gets an internal junction name, so the claim's node stays a claim."""
    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim u: U.\nb: a supports b\nu undercuts b\n")
    g = dot_of(m)
    assert g.node("b").attrs.get("shape") is None
    assert g.has_node("support-1")
    assert g.edges_between("u", "support-1")


def test_ids_that_are_dot_keywords_and_unicode_are_quoted():
    """Claims named node, graph, edge or with umlauts still become nodes under exactly that name."""
    m = argmap.parse("claim node: N.\nclaim graph: G.\nclaim größe: Ä.\nnode supports graph\ngröße rebuts graph\n")
    g = dot_of(m)
    assert {"node", "graph", "größe"} <= set(g.node_names())
    assert g.edge("größe", "graph").attrs["arrowhead"] == "tee"


def test_internal_names_cannot_collide_with_ids():
    """Junction and legend nodes have a '-' in their names, which no id can have."""
    g = dot_of(everything())
    ids = set(claim_ids(everything())) | {"r_gap"}
    for name in g.node_names():
        assert name in ids or "-" in name


def test_empty_map_draws():
    """An empty map gives a valid, empty graph."""
    g = dot_of(ArgumentMap())
    assert g.nodes == [] and g.edges == []
