"""Views: evaluation, strengths, positions, focus, worksheets, groups."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

import argmap
from argmap.render import ViewError, to_graphviz
from argmap.render.legend import LEGEND_NODE
from argmap.render.themes import THEMES
from render_support import dot_of, everything

DEFAULT = THEMES["default"]


def text_of(label: str) -> str:
    """The claim text in a node's label, lines joined."""
    m = re.search(r'BALIGN="LEFT"><FONT COLOR="[^"]+">(.*?)</FONT></TD>', label)
    return " ".join(re.sub(r"</?[BS]>", "", m.group(1)).split("<BR/>")) if m else ""


# -- evaluation -------------------------------------------------------------------


def test_evaluate_fills_claims_by_status():
    """evaluate="grounded" fills each claim with its status colour and names the status in the label."""
    g = dot_of(everything(), evaluate="grounded")
    assert g.node("invest").attrs["fillcolor"] == DEFAULT.rejected_fill
    assert "✗ fällt" in g.node("invest").attrs["label"]
    assert g.node("no_race").attrs["fillcolor"] == DEFAULT.accepted_fill
    assert "✓ steht" in g.node("no_race").attrs["label"]


def test_an_unchallenged_unsupported_claim_has_its_own_mark():
    """A claim that stands only because nothing attacks it: paler fill, dotted border, its own word."""
    g = dot_of(everything(), evaluate="grounded")
    bubble = g.node("bubble").attrs
    assert bubble["fillcolor"] == DEFAULT.unchallenged_fill != DEFAULT.accepted_fill
    assert "dotted" in bubble["style"]
    assert "(✓) unbestritten" in bubble["label"]
    # a claim with a basis (evidence) is not marked, nor one with a standing reason
    assert "dotted" not in g.node("gap").attrs.get("style", "")
    assert "dotted" not in g.node("no_race").attrs.get("style", "")
    legend = g.node(LEGEND_NODE).attrs["label"]
    assert "steht unbestritten, aber ohne Begründung" in legend and 'STYLE="dotted"' in legend


def test_the_unchallenged_mark_survives_the_print_theme():
    """In black and white the mark is the dotted border and the word, not a colour."""
    g = dot_of(everything(), evaluate="grounded", theme="print")
    assert "dotted" in g.node("bubble").attrs["style"]
    assert "dotted" not in g.node("no_race").attrs.get("style", "")
    assert "(✓) unbestritten" in g.node("bubble").attrs["label"]


def test_an_attack_takes_the_unchallenged_mark_away():
    """Once something attacks the claim (and is answered), it is drawn as standing, not unchallenged."""
    m = argmap.parse("lang: de\nclaim a: A.\nclaim b: B.\nclaim c: C.\nb rebuts a\nc rebuts b\n")
    g = dot_of(m, evaluate="grounded")
    assert g.node("a").attrs["fillcolor"] == DEFAULT.accepted_fill
    assert g.node("c").attrs["fillcolor"] == DEFAULT.unchallenged_fill


def test_evaluate_marks_a_rejected_named_support_hollow():
    """A named support that falls (undercut and not defended) has a hollow junction."""
    g = dot_of(everything(), evaluate="grounded")
    assert g.node("r_gap").attrs["fillcolor"] == DEFAULT.background


def test_evaluate_support_mode_changes_the_picture_and_the_legend():
    """--support deductive propagates attacks: gap and lockin fall; the legend names the mode."""
    g = dot_of(everything(), evaluate="grounded", support="deductive")
    assert g.node("gap").attrs["fillcolor"] == DEFAULT.rejected_fill
    legend = g.node(LEGEND_NODE).attrs["label"]
    assert "Semantik: grounded" in legend and "deductive" in legend


def test_evaluate_legend_shows_only_the_statuses_used():
    """The legend says what "steht" and "fällt" mean when no claim is open, one short line each."""
    legend = dot_of(everything(), evaluate="grounded").node(LEGEND_NODE).attrs["label"]
    assert "steht: jeder Einwand der Karte ist beantwortet" in legend
    assert "fällt: ein Einwand, der steht, trifft sie (sie ist deshalb nicht falsch)" in legend
    assert "offen" not in legend


def test_the_legend_words_follow_the_semantics_and_the_language():
    """Extension semantics get "in every extension" lines; English maps get stands, falls, open."""
    legend = dot_of(everything(), evaluate="preferred").node(LEGEND_NODE).attrs["label"]
    assert "steht: in jeder Erweiterung" in legend
    m = argmap.parse("lang: en\nclaim a: A.\nclaim b: B.\na contradicts b\nclaim c: C.\nc rebuts a\nclaim d: D.\nd supports c\n")
    g = dot_of(m, evaluate="grounded")
    legend = g.node(LEGEND_NODE).attrs["label"]
    for line in ("stands: every objection in the map is answered", "falls: an objection that stands hits it", "stands unchallenged, but without reasons"):
        assert line in legend
    assert "✗ falls" in g.node("a").attrs["label"] and "✓ stands" in g.node("b").attrs["label"]


def test_evaluate_accepts_a_result_object():
    """Any object with .status (and .strengths) draws: here a stand-in with an undecided claim."""
    result = SimpleNamespace(semantics="preferred", support="none", status={"invest": "undecided"}, strengths=None)
    g = dot_of(everything(), evaluate=result)
    assert g.node("invest").attrs["fillcolor"] == DEFAULT.undecided_fill
    assert "? offen" in g.node("invest").attrs["label"]
    assert "fillcolor" not in g.node("gap").attrs


def test_evaluate_accepts_argmap_evaluate_result():
    """The result of argmap.evaluate draws the same as naming the semantics."""
    m = everything()
    assert to_graphviz(m, evaluate=argmap.evaluate(m, "stable")).source == to_graphviz(m, evaluate="stable").source


def test_dfquad_shows_a_strength_bar_and_number():
    """evaluate="dfquad" adds a bar as long as the strength and the strength itself to every claim."""
    m = everything()
    strengths = argmap.evaluate(m, "dfquad").strengths
    g = dot_of(m, evaluate="dfquad")
    for claim in m.claims:
        label = g.node(claim.id).attrs["label"]
        assert f">{strengths[claim.id]:.2f}</FONT>" in label
        strong = re.search(rf'WIDTH="(\d+)" HEIGHT="7" BGCOLOR="{DEFAULT.bar}"', label)
        assert int(strong.group(1)) == round(80 * strengths[claim.id])
    assert "fillcolor" not in g.node("invest").attrs
    assert "Stärke" in g.node(LEGEND_NODE).attrs["label"]


def test_strength_zero_and_one_draw_one_part():
    """Strength 0 draws only the grey rest, 1 only the bar."""
    m = argmap.parse("claim a: A.\nclaim b: B.\n")
    result = SimpleNamespace(semantics="dfquad", support="none", status={}, strengths={"a": 0.0, "b": 1.0})
    g = dot_of(m, evaluate=result)
    assert DEFAULT.bar not in g.node("a").attrs["label"] and DEFAULT.bar_rest in g.node("a").attrs["label"]
    assert DEFAULT.bar in g.node("b").attrs["label"] and DEFAULT.bar_rest not in g.node("b").attrs["label"]


def test_unknown_semantics_is_a_view_error():
    """A semantics argmap does not know raises ViewError before anything is drawn."""
    with pytest.raises(ViewError, match="unknown semantics"):
        to_graphviz(everything(), evaluate="credulous")


# -- positions --------------------------------------------------------------------


def test_position_bolds_what_it_accepts_and_strikes_what_it_rejects():
    """One position: accepted claims bold with a thick border, rejected ones grey, struck and greyed."""
    g = dot_of(everything(), positions="skeptic")
    accepted = g.node("bubble")
    assert float(accepted.attrs["penwidth"]) > float(g.node_defaults["penwidth"]) * 2
    assert "<B>" in accepted.attrs["label"]
    rejected = g.node("invest")
    assert rejected.attrs["fillcolor"] == DEFAULT.position_rejected_fill
    assert "<S>" in rejected.attrs["label"] and DEFAULT.rejected_text in rejected.attrs["label"]
    neutral = g.node("gap")
    assert "penwidth" not in neutral.attrs and "<S>" not in neutral.attrs["label"]
    assert g.node("r_gap").attrs["fillcolor"] == DEFAULT.background  # a rejected named support: hollow


def test_one_position_keeps_node_names():
    """With one position the nodes are still named by the claim ids."""
    assert dot_of(everything(), positions=["gierse"]).has_node("invest")


def test_two_positions_side_by_side():
    """Two positions: one cluster each, the same claims in both, named position.id."""
    m = everything()
    g = dot_of(m, positions=["gierse", "skeptic"])
    assert {"cluster_position_1", "cluster_position_2"} <= set(g.subgraphs)
    assert "Position gierse" in g.subgraphs["cluster_position_1"]["label"]
    for prefix, cluster in (("gierse.", "cluster_position_1"), ("skeptic.", "cluster_position_2")):
        for claim in m.claims:
            assert g.node(prefix + claim.id).subgraphs[0] == cluster
    assert "<B>" in g.node("gierse.invest").attrs["label"]
    assert "<S>" in g.node("skeptic.invest").attrs["label"]
    assert g.edge("skeptic.hot_air", "skeptic.r_gap").attrs["arrowhead"] == "tee"


def test_unknown_position_is_an_unknown_id():
    """Naming a position the map lacks raises UnknownIdError listing the positions it has."""
    with pytest.raises(argmap.UnknownIdError, match="`gierse`, `skeptic`"):
        to_graphviz(everything(), positions=["teacher"])


# -- focus ------------------------------------------------------------------------


def test_focus_keeps_claims_within_depth_steps():
    """focus=gap, depth=1: gap and its conclusion only; invest shows how many neighbours are hidden."""
    g = dot_of(everything(), focus="gap", depth=1)
    shown = {n.name for n in g.nodes if n.name in {c.id for c in everything().claims}}
    assert shown == {"gap", "invest"}
    assert "+4 ausgeblendet" in g.node("invest").attrs["label"]
    assert float(g.node("gap").attrs["penwidth"]) > 2
    assert g.node("gap").attrs["color"] == DEFAULT.focus_border


def test_focus_depth_two_reaches_further():
    """depth=2 from gap also reaches invest's other reasons and objections, and the undercut."""
    g = dot_of(everything(), focus="gap", depth=2)
    names = set(g.node_names())
    assert {"gap", "invest", "lockin", "bubble", "hot_air", "no_race"} <= names
    assert "catch_up" not in names
    assert g.edge("hot_air", "r_gap").attrs["style"] == "dashed"


def test_focus_pulls_in_all_linked_premises():
    """A linked support is drawn whole: its co-premises come along."""
    g = dot_of(everything(), focus="no_race", depth=1)
    assert {"catch_up", "sovereign", "invest"} <= set(g.node_names())


def test_focus_depth_zero_is_the_claim_alone():
    """depth=0 draws only the focused claim."""
    g = dot_of(everything(), focus="bubble", depth=0, legend=False)
    assert g.node_names() == ["bubble"] and g.edges == []


def test_focus_on_unknown_claim_suggests_a_near_id():
    """An unknown focus raises UnknownIdError with a did-you-mean."""
    with pytest.raises(argmap.UnknownIdError, match="did you mean `invest`"):
        to_graphviz(everything(), focus="invst")


def test_depth_without_focus_is_a_view_error():
    """depth alone makes no sense."""
    with pytest.raises(ViewError, match="focus"):
        to_graphviz(everything(), depth=2)


# -- worksheets -------------------------------------------------------------------


def test_worksheet_has_numbered_empty_boxes():
    """Every claim gets a number in source order and an empty box of the same number of lines."""
    m = everything()
    g = dot_of(m, worksheet=True, group_by=None)
    for number, claim in enumerate(m.claims, 1):
        label = g.node(claim.id).attrs["label"]
        assert f"<B>{number}</B>" in label
        assert text_of(label) == ""
        assert claim.text.split()[0] not in label
        assert f">{claim.id}<" not in label  # the id would give the answer away


def test_worksheet_keep_leaves_claims_filled():
    """keep= keeps the given claims' texts, still numbered."""
    g = dot_of(everything(), worksheet=True, keep="invest,bubble")
    assert text_of(g.node("invest").attrs["label"]) == everything().claim("invest").text
    assert text_of(g.node("bubble").attrs["label"]) == everything().claim("bubble").text
    assert text_of(g.node("gap").attrs["label"]) == ""


def test_answer_key_numbers_match_the_worksheet():
    """answers=True fills every box; each claim has the same number as on the worksheet."""
    m = everything()
    sheet = dot_of(m, worksheet=True)
    key = dot_of(m, worksheet=True, answers=True)

    def number(label):
        return re.search(r"<B>(\d+)</B>", label).group(1)

    for claim in m.claims:
        assert number(sheet.node(claim.id).attrs["label"]) == number(key.node(claim.id).attrs["label"])
        assert text_of(key.node(claim.id).attrs["label"]) == claim.text


def test_worksheet_of_a_focus_numbers_what_is_shown():
    """In a focused worksheet the numbers run 1..n over the claims drawn."""
    g = dot_of(everything(), worksheet=True, focus="gap", depth=1)
    numbers = sorted(int(re.search(r"<B>(\d+)</B>", g.node(n).attrs["label"]).group(1)) for n in ("gap", "invest"))
    assert numbers == [1, 2]


def test_keep_unknown_or_without_worksheet_is_a_view_error():
    """keep= needs a worksheet and known ids."""
    with pytest.raises(ViewError, match="worksheet"):
        to_graphviz(everything(), keep=["invest"])
    with pytest.raises(argmap.UnknownIdError, match="cannot keep `nope`"):
        to_graphviz(everything(), worksheet=True, keep=["nope"])


# -- groups -----------------------------------------------------------------------


def test_explicit_groups_are_clusters_with_their_label():
    """Claims with group: are drawn inside one cluster labelled by the group's label."""
    g = dot_of(everything())
    assert g.node("gap").subgraphs == g.node("hot_air").subgraphs == ("cluster_group_1",)
    assert "Die Lage in den USA" in g.subgraphs["cluster_group_1"]["label"]
    assert g.node("invest").subgraphs == ()


def test_group_by_source_clusters_claims_of_one_source():
    """group_by="source": one cluster per cited source, labelled with its title and author."""
    g = dot_of(everything(), group_by="source")
    assert g.node("gap").subgraphs == ("cluster_group_1",)
    assert g.node("hot_air").subgraphs == ()
    assert "Wir laufen den Hyperscalern hinterher (David Gierse)" in g.subgraphs["cluster_group_1"]["label"]


def test_group_by_tag_uses_the_first_tag():
    """group_by="tag": a claim goes into the cluster of its first tag."""
    g = dot_of(everything(), group_by="tag")
    assert g.node("gap").subgraphs == ("cluster_group_1",)
    assert g.node("lockin").subgraphs == ("cluster_group_2",)
    assert "geld" in g.subgraphs["cluster_group_1"]["label"]
    assert "macht" in g.subgraphs["cluster_group_2"]["label"]


def test_group_by_none_draws_no_clusters():
    """group_by=None: no clusters at all."""
    assert not any(name.startswith("cluster") for name in dot_of(everything(), group_by=None).subgraphs)


def test_bad_group_by_is_a_view_error():
    """Only group, source, tag or None."""
    with pytest.raises(ViewError, match="cannot group by"):
        to_graphviz(everything(), group_by="colour")
