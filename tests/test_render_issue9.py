"""Drawing what issue 9 added: named and linked objections, attacks on
attacks, arguments (expanded and collapsed), nested groups, notes and tags
on relations; each read back from the DOT, and one real SVG through dot."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest

from argmap.model import Argument, ArgumentMap, Claim, Contradiction, Group, Position, Rebuttal, Step, Support, Undercut
from argmap.render import ViewError, draw, to_graphviz
from argmap.render.graph import edge_style
from argmap.render.labels import WORD_JOINER
from argmap.render.legend import LEGEND_NODE
from argmap.render.themes import THEMES
from render_support import dot_of, needs_dot

DEFAULT = THEMES["default"]


def claims(*ids: str, **options) -> list[Claim]:
    return [Claim(i, f"Claim {i}.", **options) for i in ids]


def concession() -> ArgumentMap:
    """Thesis, reason, objection, and a concession that undercuts the objection."""
    return ArgumentMap(
        items=[
            *claims("thesis", "reason", "objection", "admit"),
            Support("reason", "thesis"),
            Rebuttal("objection", "thesis", name="r", note="The strongest objection.", tags=("safety",)),
            Undercut("admit", "r"),
        ]
    )


def kosten(**claim_options) -> ArgumentMap:
    """An argument with two steps: p1 + p2 give k1, k1 + p3 give k2 (all defined inside), k2 supports a thesis outside."""
    inside = {"argument": "kosten", **claim_options}
    return ArgumentMap(
        items=[
            Claim("thesis", "Europe should not join the race."),
            Claim("shared", "A premise defined outside the argument."),
            Argument(
                "kosten",
                "The costs are too high",
                gist="Europe cannot keep up because it lacks the money.",
                inference="modus ponens",
                steps=[Step(["p1", "p2", "shared"], "k1"), Step(["p3"], "k2")],
                note="From the Gierse interview.",
                tags=("money",),
            ),
            *claims("p1", "p2", "k1", "p3", "k2", **inside),
            Support("k2", "thesis"),
            *claims("funds", "cheaper"),
            Rebuttal("funds", "p2"),
            Undercut("cheaper", "kosten"),
        ]
    )


def legend(g) -> str:
    return g.node(LEGEND_NODE).attrs["label"]


# -- named and linked objections -------------------------------------------------


def test_named_rebuttal_has_a_junction_named_by_its_name():
    """r: a rebuts b draws a -> r (the rebuttal's line, no arrowhead) and r -> b (its bar), r a red dot."""
    g = dot_of(concession())
    dot = g.node("r")
    assert dot.attrs["shape"] == "point" and dot.attrs["color"] == DEFAULT.rebuttal
    into = g.edge("objection", "r")
    assert into.attrs["arrowhead"] == "none" and into.attrs["style"] == "bold"
    out = g.edge("r", "thesis")
    assert out.attrs["arrowhead"] == "tee" and out.attrs["style"] == "bold"
    assert not g.edges_between("objection", "thesis")


def test_concession_is_an_undercut_onto_the_rebuttals_dot():
    """u undercuts r ends at r's dot with the dashed undercut line; the legend calls it a concession."""
    g = dot_of(concession())
    edge = g.edge("admit", "r")
    assert edge.attrs["style"] == "dashed" and edge.attrs["arrowhead"] == "tee"
    text = legend(g)
    assert "a concession" in text and "a named rebuttal" in text
    assert "undercuts a support" not in text  # no undercut of a support in this map


def test_linked_rebuttal_meets_at_one_junction():
    """a + b rebuts c: both attackers end at one dot (no arrowhead), one bar goes on to c."""
    m = ArgumentMap(items=[*claims("a", "b", "c"), Rebuttal(["a", "b"], "c")])
    g = dot_of(m)
    assert g.node("rebuttal-1").attrs["shape"] == "point"
    for attacker in ("a", "b"):
        assert g.edge(attacker, "rebuttal-1").attrs["arrowhead"] == "none"
    assert g.edge("rebuttal-1", "c").attrs["arrowhead"] == "tee"
    assert "linked objection" in legend(g)


def test_linked_undercut_meets_at_one_junction():
    """a + b undercuts s: one dot, then one dashed bar onto the support's dot."""
    m = ArgumentMap(items=[*claims("p", "c", "a", "b"), Support("p", "c", name="s"), Undercut(["a", "b"], "s")])
    g = dot_of(m)
    assert {e.tail for e in g.edges if e.head == "undercut-1"} == {"a", "b"}
    edge = g.edge("undercut-1", "s")
    assert edge.attrs["arrowhead"] == "tee" and edge.attrs["style"] == "dashed"
    assert g.node("undercut-1").attrs["color"] == DEFAULT.undercut


def test_undercut_of_an_undercut_aims_at_its_dot():
    """v undercuts u1, where u1: x undercuts s: u1 has a dot of its own, and v's bar ends there."""
    m = ArgumentMap(
        items=[*claims("p", "c", "x", "v"), Support("p", "c", name="s"), Undercut("x", "s", name="u1"), Undercut("v", "u1")]
    )
    g = dot_of(m)
    assert g.edge("x", "u1").attrs["arrowhead"] == "none"
    assert g.edge("u1", "s").attrs["arrowhead"] == "tee"
    assert g.edge("v", "u1").attrs["style"] == "dashed"


def test_objection_written_before_the_relation_it_attacks_still_finds_its_dot():
    """Source order does not matter: an undercut of a rebuttal written first aims at the rebuttal's dot."""
    m = ArgumentMap(items=[*claims("a", "b", "u"), Undercut("u", "r"), Rebuttal("a", "b", name="r")])
    assert dot_of(m).edge("u", "r").attrs["arrowhead"] == "tee"


def test_named_contradiction_has_a_dot_between_its_claims():
    """k: a contradicts b: halves a <- k and k -> b (dotted, arrowheads at the claims, no rank constraint), undercuts at k."""
    m = ArgumentMap(items=[*claims("a", "b", "u"), Contradiction("a", "b", name="k"), Undercut("u", "k")])
    g = dot_of(m)
    assert g.node("k").attrs["color"] == DEFAULT.contradiction
    first = [e for e in g.edges_between("a", "k") if e.attrs.get("style") != "invis"][0]
    assert first.attrs["dir"] == "back" and first.attrs["arrowtail"] == "normal" and first.attrs["constraint"] == "false"
    second = [e for e in g.edges_between("k", "b") if e.attrs.get("style") != "invis"][0]
    assert second.attrs["arrowhead"] == "normal" and second.attrs["style"] == "dotted" and second.attrs["constraint"] == "false"
    # invisible edges that may be flat put the dot between the claims, on their rank
    for tail, head in (("a", "k"), ("k", "b")):
        placing = [e for e in g.edges_between(tail, head) if e.attrs.get("style") == "invis"]
        assert len(placing) == 1 and placing[0].attrs["minlen"] == "0"
    assert {e.head for e in g.edges if e.tail == LEGEND_NODE} == {"u"}  # a stays level with the dot
    assert g.edge("u", "k").attrs["arrowhead"] == "tee"
    assert "named contradiction" in legend(g)


def test_unnamed_objections_stay_single_edges():
    """An unnamed one-attacker rebuttal or undercut and an unnamed contradiction have no dot."""
    m = ArgumentMap(
        items=[*claims("a", "b", "c", "u"), Support("a", "b", name="s"), Rebuttal("c", "b"), Undercut("u", "s"), Contradiction("a", "c")]
    )
    g = dot_of(m)
    assert [n.name for n in g.nodes if n.attrs.get("shape") == "point"] == ["s"]
    assert g.edge("c", "b").attrs["arrowhead"] == "tee"


def test_relation_name_equal_to_a_claim_id_gets_an_internal_dot():
    """A rebuttal named like a claim keeps the claim's node a claim; undercuts aim at the rebuttal's internal dot."""
    m = ArgumentMap(items=[*claims("a", "b", "u"), Rebuttal("a", "b", name="a"), Undercut("u", "a")])
    g = dot_of(m)
    assert g.node("a").attrs.get("shape") is None
    assert g.edges_between("u", "rebuttal-1")


def test_objection_to_a_relation_left_out_is_left_out():
    """With focus, an undercut of a rebuttal that is not drawn is not drawn either, along chains of undercuts."""
    m = ArgumentMap(
        items=[
            *claims("far", "a", "b", "u", "v"),
            Support("far", "a"),
            Rebuttal("a", "b", name="r"),
            Undercut("u", "r", name="u1"),
            Undercut("v", "u1"),
        ]
    )
    g = dot_of(m, focus="far", depth=1)
    assert not g.has_node("r") and not g.has_node("u1")
    assert not any(e.head in ("r", "u1") for e in g.edges)


def test_undercuts_in_a_cycle_draw_once_each():
    """u1 and u2 undercut each other (argmap check reports it): both dots and both bars are drawn, nothing loops."""
    m = ArgumentMap(items=[*claims("a", "b"), Undercut("a", "u2", name="u1"), Undercut("b", "u1", name="u2")])
    g = dot_of(m)
    assert g.edge("u1", "u2").attrs["arrowhead"] == "tee" and g.edge("u2", "u1").attrs["arrowhead"] == "tee"


def test_link_kinds_differ_without_colour():
    """In the print theme a premise's, an attacker's and an undercutter's line to a dot differ in line style."""
    theme = THEMES["print"]
    looks = {kind: edge_style(kind, theme).get("style", "solid") for kind in ("link", "rebuttal_link", "undercut_link")}
    assert len(set(looks.values())) == 3
    for kind in ("rebuttal_link", "undercut_link", "link"):
        assert edge_style(kind, theme)["arrowhead"] == "none"


# -- focus -------------------------------------------------------------------------


def test_focus_steps_through_objections_to_relations():
    """An undercut of a rebuttal is one step from the rebuttal's target; a linked objection comes whole."""
    m = ArgumentMap(
        items=[*claims("t", "a", "b", "u"), Rebuttal(["a", "b"], "t", name="r"), Undercut("u", "r")]
    )
    g = dot_of(m, focus="u", depth=1)
    assert {"u", "t", "a", "b"} <= set(g.node_names())
    assert g.edge("u", "r").attrs["arrowhead"] == "tee"


# -- arguments ---------------------------------------------------------------------


def test_expanded_argument_is_a_box_with_its_claims_and_inferences():
    """The box holds the claims defined in the argument and its inferences' dots; claims defined outside stay outside."""
    g = dot_of(kosten(), legend=False)
    box = "cluster_argument_kosten"
    for claim_id in ("p1", "p2", "k1", "p3", "k2"):
        assert g.node(claim_id).subgraphs == (box,), claim_id
    assert g.node("thesis").subgraphs == () and g.node("shared").subgraphs == ()
    dots = [n.name for n in g.nodes if n.attrs.get("shape") == "point"]
    assert "kosten" in dots and all(g.node(d).subgraphs == (box,) for d in dots)
    # p1 + p2 + shared -> k1, then p3 + k1 -> k2, the final inference named by the argument's id
    k1 = g.edge("p1", dots[0]).head
    assert {e.tail for e in g.edges if e.head == k1} == {"p1", "p2", "shared"}
    assert {e.tail for e in g.edges if e.head == "kosten"} >= {"p3", "k1"}
    assert g.edge("kosten", "k2").attrs["arrowhead"] == "normal"


def test_expanded_box_is_titled_with_title_gist_and_inference():
    """The box's label: the id small, the title bold, the gist italic, the inference rule small."""
    g = dot_of(kosten())
    label = g.subgraphs["cluster_argument_kosten"]["label"]
    assert ">kosten</FONT>" in label
    assert "<B>The costs are too high</B>" in label
    assert "<I>Europe cannot keep up because it<BR/>lacks the money.</I>" in label or "<I>Europe cannot keep up" in label
    assert "inference: modus ponens" in label
    assert "From the Gierse interview." in g.subgraphs["cluster_argument_kosten"]["tooltip"]
    assert "an argument: title and gist" in legend(g)


def test_undercut_of_an_argument_aims_at_its_final_inference():
    """cheaper undercuts kosten: the bar ends at the dot of the argument's last inference (expanded)."""
    g = dot_of(kosten())
    assert g.edge("cheaper", "kosten").attrs["style"] == "dashed"
    assert g.edge("funds", "p2").attrs["arrowhead"] == "tee"


def test_collapsed_argument_is_one_node_for_what_it_stands_for():
    """Collapsed: a node named kosten with title and gist; the claims defined in it are gone, its conclusion stays."""
    g = dot_of(kosten(), arguments="collapsed")
    node = g.node("kosten")
    assert node.attrs.get("shape") is None and node.attrs["style"] == "filled"
    assert "<B>The costs are too high</B>" in node.attrs["label"] and "<I>Europe" in node.attrs["label"]
    names = set(g.node_names())
    assert not names & {"p1", "p2", "k1", "p3"}
    assert {"k2", "thesis", "shared"} <= names
    assert g.edge("kosten", "k2").attrs["arrowhead"] == "normal"
    assert g.edge("shared", "kosten").attrs["arrowhead"] == "none"  # a premise from outside meets the node
    assert not any(n.attrs.get("shape") == "point" for n in g.nodes)
    assert not any(name.startswith("cluster") for name in g.subgraphs)


def test_collapsed_objections_to_what_it_stands_for_point_at_the_node():
    """An attack on a folded premise ends at the node, labelled with the premise's id; an undercut of the argument too."""
    g = dot_of(kosten(), arguments="collapsed")
    edge = g.edge("funds", "kosten")
    assert edge.attrs["arrowhead"] == "tee" and ">p2</FONT>" in edge.attrs["headlabel"]
    assert g.edge("cheaper", "kosten").attrs["style"] == "dashed"
    text = legend(g)
    assert "collapsed" in text and "the id of the claim inside it" in text


def test_collapsed_claim_that_speaks_elsewhere_starts_at_the_node():
    """A folded claim that supports a claim outside: the arrow leaves the node, labelled with its id."""
    m = kosten()
    m = m.evolve(items=m.items + (Claim("other", "Other."), Support("p1", "other")))
    edge = dot_of(m, arguments="collapsed").edge("kosten", "other")
    assert ">p1</FONT>" in edge.attrs["taillabel"]


def test_arguments_chain_through_a_shared_claim_when_collapsed():
    """The conclusion of one argument listed as premise of another: node -> claim -> node."""
    m = ArgumentMap(
        items=[
            Argument("one", "First", steps=[Step(["a"], "mid")]),
            *claims("a", "mid", argument="one"),
            Argument("two", "Second", steps=[Step(["mid", "b"], "end")]),
            *claims("b", "end", argument="two"),
        ]
    )
    g = dot_of(m, arguments="collapsed")
    assert g.edge("one", "mid").attrs["arrowhead"] == "normal"
    assert g.edge("mid", "two").attrs["arrowhead"] == "none"
    assert g.edge("two", "end").attrs["arrowhead"] == "normal"


def test_bad_argument_view_and_focus_inside_a_collapsed_argument_are_view_errors():
    """arguments= takes expanded or collapsed; focus on a claim folded into a node says so."""
    with pytest.raises(ViewError, match="expanded, collapsed"):
        to_graphviz(kosten(), arguments="folded")
    with pytest.raises(ViewError, match="collapsed argument `kosten`"):
        to_graphviz(kosten(), arguments="collapsed", focus="p1")


def test_argument_in_a_group_stands_in_the_groups_frame():
    """An argument's box stands inside the frame of its group."""
    m = kosten()
    items = [Group("g", "Money")] + [
        Argument(i.id, i.title, steps=i.steps, group="g") if isinstance(i, Argument) else i for i in m.items
    ]
    g = dot_of(ArgumentMap(items=items))
    assert g.node("p1").subgraphs == ("cluster_group_1", "cluster_argument_kosten")
    assert g.node("thesis").subgraphs == ()


def test_two_positions_prefix_the_argument_boxes():
    """Side by side, each panel has its own box, named with the panel."""
    m = kosten()
    m = m.evolve(items=m.items + (Position("x", accepts=["kosten"]), Position("y", rejects=["kosten"])))
    g = dot_of(m, positions=["x", "y"])
    assert g.node("x.p1").subgraphs == ("cluster_position_1", "cluster_x_argument_kosten")
    assert g.node("y.kosten").attrs["fillcolor"] == DEFAULT.background  # rejected by y: hollow
    assert g.node("x.kosten").attrs["width"] == "0.2"


# -- evaluation and positions ----------------------------------------------------


def test_evaluation_marks_named_objections_as_named_supports():
    """A rejected named rebuttal has a hollow dot, an undecided one the undecided fill; the legend explains both."""
    result = SimpleNamespace(semantics="grounded", support="none", status={"r": "rejected", "thesis": "accepted"}, strengths=None)
    g = dot_of(concession(), evaluate=result)
    assert g.node("r").attrs["fillcolor"] == DEFAULT.background
    assert "hollow dot" in legend(g)
    result = SimpleNamespace(semantics="preferred", support="none", status={"r": "undecided"}, strengths=None)
    g = dot_of(concession(), evaluate=result)
    assert g.node("r").attrs["fillcolor"] == DEFAULT.undecided_fill
    assert "colour for open" in legend(g)


def test_evaluation_of_the_concession_from_argmap_evaluate():
    """Drawing with evaluate="grounded" uses the statuses argmap.evaluate gives for relation names."""
    import argmap

    m = concession()
    status = argmap.evaluate(m, "grounded").status
    g = dot_of(m, evaluate="grounded")
    unchallenged = {c for c, ground in argmap.grounds(m, argmap.evaluate(m)).items() if ground.value == "unchallenged"}
    for claim in ("thesis", "objection", "admit"):
        word = "unchallenged" if claim in unchallenged else str(getattr(status[claim], "value", status[claim]))
        assert g.node(claim).attrs["fillcolor"] == getattr(DEFAULT, f"{word}_fill")
    if "r" in status:
        hollow = str(getattr(status["r"], "value", status["r"])) == "rejected"
        assert (g.node("r").attrs["fillcolor"] == DEFAULT.background) == hollow


def test_evaluation_fills_collapsed_arguments_and_titles_boxes():
    """A collapsed argument is filled by its status like a claim; an expanded box writes the status in its title."""
    result = SimpleNamespace(semantics="grounded", support="none", status={"kosten": "accepted"}, strengths=None)
    g = dot_of(kosten(), arguments="collapsed", evaluate=result)
    assert g.node("kosten").attrs["fillcolor"] == DEFAULT.accepted_fill
    assert "✓ stands" in g.node("kosten").attrs["label"]
    g = dot_of(kosten(), evaluate=result)
    assert "✓ stands" in g.subgraphs["cluster_argument_kosten"]["label"]


def test_position_marks_a_named_rebuttal_as_a_named_support():
    """A position accepting a rebuttal enlarges its dot; one rejecting it makes it hollow."""
    m = concession()
    m = m.evolve(items=m.items + (Position("pro", accepts=["r"]), Position("contra", rejects=["r"])))
    assert dot_of(m, positions="pro").node("r").attrs["width"] == "0.2"
    assert dot_of(m, positions="contra").node("r").attrs["fillcolor"] == DEFAULT.background


# -- groups, notes and tags ------------------------------------------------------


def nested() -> ArgumentMap:
    return ArgumentMap(
        items=[
            Group("world", "The world"),
            Group("eu", "Europe", parent="world"),
            Group("de", "Germany", parent="eu"),
            Group("us", "USA", parent="world"),
            Claim("t", "Thesis.", group="world"),
            Claim("a", "EU.", group="eu"),
            Claim("b", "DE.", group="de"),
            Claim("c", "US.", group="us"),
            Claim("d", "Free."),
            Support("a", "t"),
            Support("b", "a"),
            Rebuttal("c", "a", name="r", group="us", note="A note.", tags=("x", "y")),
            Undercut("d", "r"),
        ]
    )


def test_nested_groups_are_nested_clusters_numbered_in_order():
    """A group with a parent is a cluster inside its parent's, numbered in the order the frames come."""
    g = dot_of(nested())
    assert g.node("t").subgraphs == ("cluster_group_1",)
    assert g.node("a").subgraphs == ("cluster_group_1", "cluster_group_2")
    assert g.node("b").subgraphs == ("cluster_group_1", "cluster_group_2", "cluster_group_3")
    assert g.node("c").subgraphs == ("cluster_group_1", "cluster_group_4")
    assert g.node("d").subgraphs == ()
    assert "Germany" in g.subgraphs["cluster_group_3"]["label"]


def test_group_with_only_subgroups_is_drawn():
    """A parent group without claims of its own still frames its subgroups."""
    m = ArgumentMap(items=[Group("top", "Top"), Group("low", "Low", parent="top"), Claim("a", "A.", group="low")])
    g = dot_of(m)
    assert g.node("a").subgraphs == ("cluster_group_1", "cluster_group_2")
    assert "Top" in g.subgraphs["cluster_group_1"]["label"]


def test_groups_in_a_cycle_and_unknown_parents_draw():
    """Parents that loop or are not declared (argmap check reports them) still give finite, valid nesting."""
    m = ArgumentMap(
        items=[
            Group("a", "A", parent="b"),
            Group("b", "B", parent="a"),
            Group("c", "C", parent="nowhere"),
            Claim("x", "X.", group="a"),
            Claim("y", "Y.", group="b"),
            Claim("z", "Z.", group="c"),
        ]
    )
    g = dot_of(m)
    assert len(g.node("x").subgraphs) <= 2 and len(g.node("y").subgraphs) <= 2
    assert g.node("z").subgraphs[-1] in g.subgraphs


def test_deeply_nested_groups_draw_without_recursion():
    """2,000 groups each inside the one before: the DOT nests 2,000 deep, built without Python recursion."""
    depth = 2000
    items = [Group("g0", "G0")] + [Group(f"g{i}", f"G{i}", parent=f"g{i - 1}") for i in range(1, depth)]
    items.append(Claim("deep", "Deep.", group=f"g{depth - 1}"))
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(400)
    try:
        source = to_graphviz(ArgumentMap(items=items), legend=False).source
    finally:
        sys.setrecursionlimit(limit)
    assert source.count("subgraph cluster_group_") == depth
    assert "\t" * depth + "deep [" in source


def test_named_relation_in_a_group_has_its_dot_in_the_groups_frame():
    """group: on a named rebuttal puts its dot into the group's cluster, as a claim's box would be."""
    g = dot_of(nested())
    assert g.node("r").subgraphs == ("cluster_group_1", "cluster_group_4")


def test_notes_and_tags_show_as_tooltips():
    """A named relation's dot and a claim show their note and tags when the pointer rests on them."""
    g = dot_of(nested())
    assert g.node("r").attrs["tooltip"] == "r — A note. — #x #y"
    m = ArgumentMap(items=[Claim("a", "A.", note="Said twice.", tags=("t",)), Claim("b", "B.")])
    g = dot_of(m)
    assert g.node("a").attrs["tooltip"] == "Said twice. — #t"
    assert "tooltip" not in g.node("b").attrs


def test_hostile_note_stays_text_in_the_tooltip():
    """Quotes, brackets, backslashes and line breaks in a note add no DOT: the tooltip holds the text on one line."""
    m = ArgumentMap(items=[*claims("a", "b"), Rebuttal("a", "b", name="r", note='x"] evil [\\N\nnext')])
    g = dot_of(m)
    assert g.node("r").attrs["tooltip"] == 'r — x"] evil [\\' + WORD_JOINER + 'N next'
    assert g.node_names() == ["a", "b", "r", LEGEND_NODE]


# -- the legend, the print theme and the command ---------------------------------


def test_legend_in_german_names_every_new_element():
    """lang de: concession, linked objection, named contradiction and the argument box are explained in German."""
    m = ArgumentMap(
        lang="de",
        items=[
            *claims("t", "a", "b", "u", "v"),
            Rebuttal(["a", "b"], "t", name="r"),
            Undercut("u", "r"),
            Contradiction("t", "v", name="k"),
        ],
    )
    text = legend(dot_of(m))
    for words in ("Zugeständnis", "verbundener Einwand", "benannter Einwand", "benannter Widerspruch"):
        assert words in text, words


def test_print_theme_draws_the_new_elements_in_black_with_distinct_lines():
    """Print: every dot and line is black or grey; rebuttal and undercut lines still differ in style."""
    g = dot_of(concession(), theme="print")
    for node in g.nodes:
        if node.attrs.get("shape") == "point":
            assert node.attrs["color"] == "#000000"
    assert g.edge("objection", "r").attrs["style"] != g.edge("admit", "r").attrs["style"]


def test_same_map_gives_the_same_dot():
    """Arguments, nested groups and named objections draw deterministically."""
    for make in (kosten, nested, concession):
        for mode in ("expanded", "collapsed"):
            assert to_graphviz(make(), arguments=mode).source == to_graphviz(make(), arguments=mode).source


@needs_dot[0]
@needs_dot[1]
@pytest.mark.parametrize("mode", ["expanded", "collapsed"])
@pytest.mark.parametrize("theme", sorted(THEMES))
def test_real_svg_has_every_new_element(mode, theme):
    """dot draws the SVG: the nodes and dots by name, the argument's box as a cluster (expanded) or a node (collapsed)."""
    m = kosten()
    m = m.evolve(items=m.items + tuple(concession().items) + tuple(nested().items[:5]))
    svg = draw(m, "svg", theme=theme, arguments=mode).decode("utf-8")
    root = ET.fromstring(svg)
    ns = {"s": "http://www.w3.org/2000/svg"}
    titles = {g.find("s:title", ns).text for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "node"}
    assert {"thesis", "r", "admit"} <= titles
    clusters = {g.find("s:title", ns).text for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "cluster"}
    if mode == "expanded":
        assert "cluster_argument_kosten" in clusters and "p1" in titles and "kosten" in titles
    else:
        assert "kosten" in titles and "p1" not in titles and not any("argument" in c for c in clusters)


def test_chains_of_undercuts_are_followed_once(monkeypatch):
    """Focus on a map where each undercut aims at the one before: relations are looked up a bounded number of times each."""
    n = 2000
    items = [Claim(f"c{i}", f"C{i}.") for i in range(n)] + [Rebuttal("c1", "c0", name="u1")]
    items += [Undercut(f"c{i}", f"u{i - 1}", name=f"u{i}") for i in range(2, n)]
    m = ArgumentMap(items=items)
    calls = []
    original = ArgumentMap.relation
    monkeypatch.setattr(ArgumentMap, "relation", lambda self, name: calls.append(name) or original(self, name))
    g = dot_of(m, focus="c0", depth=1, legend=False)
    assert g.has_node("u1")
    assert len(calls) <= 12 * n


ARGUMENT_TEXT = """\
claim ban: Schools should ban private phones.
argument distraction: Phones distract
  gist: Pupils learn less when their phones keep interrupting them.
  premise notifications: Phones interrupt pupils during lessons.
  premise interrupted: Pupils who are interrupted learn less.
  conclusion ban
claim silent: Phones can be switched to silent mode.
silent rebuts notifications
"""


def test_cli_draws_arguments_collapsed_or_expanded(tmp_path):
    """argmap render --arguments collapsed draws one node for the argument; the default draws its box."""
    from cli_support import run
    from dotparse import parse_dot

    path = tmp_path / "map.argmap"
    path.write_text(ARGUMENT_TEXT, encoding="utf-8")
    code, out, err = run("render", path, "--arguments", "collapsed", "--format", "dot", "-o", "-")
    assert code == 0, err
    g = parse_dot(out)
    assert "Phones distract" in g.node("distraction").attrs["label"]
    assert not g.has_node("notifications") and not any(name.startswith("cluster") for name in g.subgraphs)
    code, out, err = run("render", path, "--format", "dot", "-o", "-")
    assert code == 0, err
    assert parse_dot(out).node("notifications").subgraphs == ("cluster_argument_distraction",)
    code, out, err = run("render", path, "--arguments", "folded", "--format", "dot", "-o", "-")
    assert code == 2 and not out  # argparse names the choices


def test_concession_written_as_text_draws_its_undercut_onto_the_rebuttal():
    """The concession in the language's own words (a named rebuttal, undercut) draws as the built map does."""
    import argmap

    text = (
        "claim thesis: Claim thesis.\nclaim reason: Claim reason.\nclaim objection: Claim objection.\nclaim admit: Claim admit.\n"
        "reason supports thesis\nr: objection rebuts thesis\nadmit undercuts r\n"
    )
    g = dot_of(argmap.parse(text))
    assert g.edge("admit", "r").attrs["style"] == "dashed"
    assert g.edge("objection", "r").attrs["arrowhead"] == "none"


@needs_dot[0]
@needs_dot[1]
def test_hostile_note_is_the_exact_tooltip_in_the_svg():
    """dot shows a note with quotes, a backslash escape and markup as that text, on one line, in the dot's title."""
    note = 'x"] <b>evil</b> \\N \\G & more'
    m = ArgumentMap(items=[*claims("a", "b"), Rebuttal("a", "b", name="r", note=note)])
    root = ET.fromstring(draw(m, "svg", legend=False))
    titles = [a.get("{http://www.w3.org/1999/xlink}title") for a in root.iter("{http://www.w3.org/2000/svg}a")]
    assert f"r — {note}" in [t.replace(WORD_JOINER, "") for t in titles if t]
    assert not any(el.tag.endswith("}b") for el in root.iter())
