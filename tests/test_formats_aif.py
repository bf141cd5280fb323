"""AIF JSON: argmap -> AIF -> argmap, AIF files of other tools, and what is reported as lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from argmap import ArgumentMap, Position, Rebuttal, Support, Undercut, load, parse
from argmap.formats import aif
from tests.strategies import maps

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "aif"
EXAMPLES = sorted((ROOT / "examples").glob("*.argmap"))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def strip_argmap(data):
    """The AIF data as another tool would write it: without argmap's own objects."""
    if isinstance(data, dict):
        return {k: strip_argmap(v) for k, v in data.items() if k != "argmap"}
    if isinstance(data, list):
        return [strip_argmap(v) for v in data]
    return data


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_round_trip(path):
    """Every example: argmap -> AIF -> argmap gives an equal map and no diagnostic."""
    m = load(path)
    back, diagnostics = aif.read(aif.write(m), "x.json")
    assert diagnostics == []
    assert back == m


@SETTINGS
@given(maps())
def test_generated_maps_round_trip(m):
    """Generated maps with every kind of item survive AIF."""
    back, diagnostics = aif.read(aif.write(m))
    assert diagnostics == [] and back == m


MAP = parse(
    "claim a: Rain.\nclaim b: Clouds.\nclaim c: Wet streets.\nclaim d: The sun shines.\nclaim e: A sprinkler.\n"
    "claim f: Streets are dry.\n"
    "r: a + b supports c\nd rebuts a\ne undercuts r\nc contradicts f\n"
)


def test_aif_structure_as_other_tools_see_it():
    """Claims are I-nodes, linked premises share one RA-node, rebuttals and undercuts are CA-nodes, a
    contradiction two CA-nodes; every node is AIF's own type with its scheme."""
    data = aif.to_aif(MAP)
    types = {n["nodeID"]: n["type"] for n in data["nodes"]}
    assert [types[x] for x in "abcdef"] == ["I"] * 6
    edges = {(e["fromID"], e["toID"]) for e in data["edges"]}
    assert types["r"] == "RA" and {("a", "r"), ("b", "r"), ("r", "c")} <= edges
    ca = [n for n, t in types.items() if t == "CA"]
    assert len(ca) == 4  # rebuttal, undercut, and the contradiction's two
    assert any(("e", n) in edges and (n, "r") in edges for n in ca)  # undercut aims at the RA-node
    assert any(("c", n) in edges and (n, "f") in edges for n in ca) and any(("f", n) in edges for n in ca)


def test_foreign_reading_keeps_the_structure():
    """AIF without argmap's objects reads back the claims, supports, rebuttals and undercuts
    (a contradiction as two rebuttals)."""
    data = strip_argmap(aif.to_aif(MAP))
    m, diagnostics = aif.read(json.dumps(data))
    assert diagnostics == []
    assert [(c.id, c.text) for c in m.claims] == [(c.id, c.text) for c in MAP.claims]
    assert Support(["a", "b"], "c", name="r") in m.items
    assert Rebuttal("d", "a") in m.items
    assert any(type(i) is Undercut and i.attackers == ("e",) and i.target == "r" for i in m.items)
    assert {(r.attackers, r.target) for r in m.rebuttals} >= {(("c",), "f"), (("f",), "c")}


def test_sources_and_quotes_as_locutions():
    """A claim's quote is an L-node asserting it (YA), its source a locution's participant."""
    m = parse('source s: "Zeitung"\n  author: Kim\nclaim a: Rain.\n  source: s\n  quote: "es regnet"\n')
    data = aif.to_aif(m)
    said = [n for n in data["nodes"] if n["type"] == "L"]
    assert [n["text"] for n in said] == ["es regnet"]
    assert data["locutions"] == [{"nodeID": said[0]["nodeID"], "personID": "s", "source": "Zeitung"}]
    assert data["participants"] == [{"participantID": "s", "firstname": "Kim", "surname": ""}]
    foreign, diagnostics = aif.read(json.dumps(strip_argmap(data)))
    assert diagnostics == []
    assert foreign.claim("a").quote == "es regnet" and foreign.claim("a").source == "s"
    assert foreign.source("s").title == "Kim"


def read_sample(name):
    text = (DATA / name).read_text("utf-8")
    return aif.read(text, name)


def test_aifdb_nodeset():
    """A real AIFdb nodeset: its I-nodes are claims, its RA-nodes supports, what its speakers said
    quotes; the dialogue nodes argmap has no use for are reported by type and count."""
    m, diagnostics = read_sample("aifdb_6064.json")
    assert len(m.claims) == 9
    assert ("29053", "29054") in {(s.premises[0], s.conclusion) for s in m.supports}
    assert m.claim("29054").quote == "and therefore the only way forward was for Britain to withdraw"
    assert m.claim("29054").source == "p409"
    assert all(d.code == "W604" for d in diagnostics)
    lost = " ".join(d.message for d in diagnostics)
    assert "8 nodes left out" in lost and "TA-nodes" in lost and "YA-nodes" in lost


def test_own_sample_with_conflicts_and_lost_nodes():
    """An OVA-style file: CA-nodes become a rebuttal and an undercut (its RA-node named); MA and PA
    nodes, an RA-node without conclusion and an edge to a missing node are each reported."""
    m, diagnostics = read_sample("handy_conflicts.json")
    assert Rebuttal("3", "2") in m.items and Rebuttal("6", "5") in m.items
    assert Undercut("4", "10") in m.items and m.support("10").premises == ("2",)
    assert m.claim("2").quote == "Handys lenken einfach ab" and m.source("p7").title == "Frau Berger"
    messages = sorted(d.message for d in diagnostics)
    assert [d.code for d in diagnostics] == ["W604"] * 4
    assert any("no node `99`" in x for x in messages)
    assert any("RA-node `16`" in x for x in messages)
    assert any("MA-nodes (rephrases)" in x for x in messages)
    assert any("PA-nodes (preferences)" in x for x in messages)
    assert diagnostics[0].span.line == 35


@pytest.mark.parametrize(
    "text,code,path",
    [
        ('{"nodes": {}, "edges": []}', "E602", "$.nodes"),
        ('{"nodes": [{"text": "x", "type": "I"}], "edges": []}', "E602", "$.nodes[0]"),
        ('{"nodes": [{"nodeID": "1", "text": 3, "type": "I"}], "edges": []}', "E602", "$.nodes[0].text"),
        ('{"edges": []}', "E602", "$"),
        ('{"nodes": [], "edges": [], "colour": 1}', "W603", "$"),
        ("[1, 2", "E601", None),
    ],
)
def test_bad_aif_gives_diagnostics(text, code, path):
    """Wrong types and missing keys name their JSON path; nothing raises."""
    m, diagnostics = aif.read(text, "x.json")
    assert isinstance(m, ArgumentMap)
    assert [d.code for d in diagnostics] == [code]
    if path is not None:
        assert f"`{path}`" in diagnostics[0].message


def test_convert_reads_aif_by_name(tmp_path):
    """argmap convert --from aif reads an AIFdb file and prints what was lost like argmap check."""
    import io

    from argmap.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(["convert", str(DATA / "aifdb_6064.json"), "--from", "aif", "--to", "argmap"], out, err)
    assert code == 0
    assert parse(out.getvalue()).claim("29045")
    assert "warning[W604]" in err.getvalue() and "^" in err.getvalue()


def test_unknown_keys_and_bare_edges_are_reported():
    """A key AIF nodes or edges do not have is W603 (once per key); an edge straight from one I-node to
    another, with no RA- or CA-node to say what it means, is W604."""
    text = (
        '{"nodes": [{"nodeID": "1", "text": "A", "type": "I", "x": 1}, {"nodeID": "2", "text": "B", "type": "I", "x": 2}],'
        ' "edges": [{"fromID": "1", "toID": "2", "weight": 3}]}'
    )
    m, diagnostics = aif.read(text, "a.json")
    assert [d.code for d in diagnostics] == ["W603", "W603", "W604"]
    assert "`x` at `$.nodes[0]`" in diagnostics[0].message and "`weight`" in diagnostics[1].message
    assert "I-node `1` straight to I-node `2`" in diagnostics[2].message
    assert [c.id for c in m.claims] == ["1", "2"] and m.relations == ()


def structure(m):
    """The map's relations as AIF can say them: who supports or attacks what (a contradiction both ways)."""
    out = set()
    for r in m.relations:
        if isinstance(r, Support):
            out.add(("support", tuple(sorted(r.premises)), r.conclusion))
        elif isinstance(r, (Rebuttal, Undercut)):
            out.add((type(r).__name__, tuple(sorted(r.attackers)), r.target))
        else:
            out |= {("Rebuttal", (r.first,), r.second), ("Rebuttal", (r.second,), r.first)}
    return out


@SETTINGS
@given(maps())
def test_generated_maps_as_other_tools_see_them(m):
    """Without argmap's own objects, AIF still carries every claim with its text and every support,
    rebuttal, undercut and contradiction (as rebuttals both ways) of generated maps."""
    back, diagnostics = aif.read(json.dumps(strip_argmap(aif.to_aif(m))))
    assert not [d for d in diagnostics if d.is_error]
    assert {(c.id, c.text) for c in back.claims} == {(c.id, c.text) for c in m.claims}
    assert structure(back) == structure(m)


POSITIONS = parse(
    'source s: "Zeitung"\n  author: Kim\n'
    "claim a: Rain.\n  source: s\n  quote: \"es regnet\"\nclaim b: Wet streets.\nclaim c: A sprinkler.\n"
    "r: a supports b\nc rebuts b\n"
    "position p: accepts a, r; rejects c\nposition s: accepts c\n"
)


def test_positions_are_participants():
    """A position is a participant; each id it accepts an L-node asserting (YA Asserting) that node, each
    id it rejects one disagreeing with it (YA Disagreeing), the locution naming the participant; a
    position named like a source shares its participant. The map comes back equal."""
    data = aif.to_aif(POSITIONS)
    nodes = {n["nodeID"]: n for n in data["nodes"]}
    edges = {(e["fromID"], e["toID"]) for e in data["edges"]}
    speaker = {loc["nodeID"]: loc["personID"] for loc in data["locutions"]}
    held = []
    for n, node in nodes.items():
        if node["type"] == "L" and node.get("argmap", {}).get("position"):
            (anchor,) = [t for f, t in edges if f == n]
            (target,) = [t for f, t in edges if f == anchor]
            held.append((speaker[n], nodes[anchor]["text"], target, node["text"]))
    assert held == [
        ("p", "Asserting", "a", "p : Rain."),
        ("p", "Asserting", "r", "p : r"),
        ("p", "Disagreeing", "c", "p : A sprinkler."),
        ("s", "Asserting", "c", "s : A sprinkler."),
    ]
    assert [p["participantID"] for p in data["participants"]] == ["s", "p"]
    assert data["participants"][0]["firstname"] == "Kim"
    assert all(item["type"] != "position" for item in data["argmap"]["items"])
    back, diagnostics = aif.read(aif.write(POSITIONS))
    assert diagnostics == [] and back == POSITIONS
    assert back.position("p").rejects == ("c",)


def test_position_naming_no_node_stays_in_argmaps_object():
    """A position that names an id no node has (or a second position with the same id) stays in the
    top-level argmap object, and the map still comes back equal."""
    m = ArgumentMap(items=[*parse("claim a: A.\n").items, Position("p", ["a", "zz"]), Position("q", ["a"]),
                           Position("q", [], ["a"])])
    data = aif.to_aif(m)
    assert [p["participantID"] for p in data["participants"]] == ["q"]
    assert [(i["id"], i["at"]) for i in data["argmap"]["items"]] == [("p", 1), ("q", 3)]
    back, diagnostics = aif.read(aif.write(m))
    assert diagnostics == [] and back == m


def test_position_locutions_broken_by_hand_are_reported():
    """A position's L-node whose illocution leads nowhere is reported as lost, never a traceback."""
    data = aif.to_aif(POSITIONS)
    said = next(n["nodeID"] for n in data["nodes"] if n.get("argmap", {}).get("position") == "p")
    anchor = next(e["toID"] for e in data["edges"] if e["fromID"] == said)
    data["edges"] = [e for e in data["edges"] if e["fromID"] != anchor]
    back, diagnostics = aif.read(json.dumps(data))
    assert back.position("p").accepts == ("r",)
    assert {d.code for d in diagnostics} == {"W604"}
    assert any("L-nodes" in d.message for d in diagnostics) and any("YA-nodes" in d.message for d in diagnostics)
