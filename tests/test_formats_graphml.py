"""GraphML and ArgumentMap.to_networkx: the same graph, read back by networkx; networkx imported only when used."""

from __future__ import annotations

import io
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx
import pytest
from hypothesis import HealthCheck, given, settings

from argmap import dumps, load, parse
from tests.strategies import maps

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.argmap"))

MAP = parse(
    "title: Wetter & <Straße>\nclaim a: Regen.\n  basis: study\nclaim b: Wolken.\nclaim c: Nasse Straßen.\n"
    "claim d: Sonne.\nclaim e: Ein Sprenger.\nclaim f: Trocken.\n"
    "r: a + b supports c\nd rebuts a\ne undercuts r\nc contradicts f\n"
)


def edges_of(g):
    return sorted((u, v, d["kind"], d["relation"]) for u, v, d in g.edges(data=True))


def test_to_networkx():
    """Claims are nodes with their text; a linked support is one edge per premise sharing the relation;
    a rebuttal, an undercut (to a node for the relation) and a contradiction (both ways) are edges."""
    g = MAP.to_networkx()
    assert isinstance(g, networkx.MultiDiGraph)
    assert g.nodes["a"] == {"kind": "claim", "label": "a", "text": "Regen.", "basis": "study"}
    assert g.nodes["r"]["kind"] == "relation"
    assert edges_of(g) == [
        ("a", "c", "support", "r"),
        ("b", "c", "support", "r"),
        ("c", "f", "contradiction", "contradiction1"),
        ("d", "a", "rebuttal", "rebuttal1"),
        ("e", "r", "undercut", "undercut1"),
        ("f", "c", "contradiction", "contradiction1"),
    ]
    assert all(d["linked"] for u, v, d in g.edges(data=True) if d["kind"] == "support")
    assert g.graph["title"] == "Wetter & <Straße>"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_graphml_is_the_networkx_graph(path):
    """Every example: its GraphML is valid XML that networkx reads back as the same graph as to_networkx."""
    m = load(path)
    text = dumps(m, "graphml")
    ET.fromstring(text.encode("utf-8"))
    back = networkx.read_graphml(io.StringIO(text), force_multigraph=True)
    g = m.to_networkx()
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    assert edges_of(back) == edges_of(g)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_generated_maps(m):
    """Generated maps (ids and texts in any script, with <, & and quotes): GraphML read back equals
    to_networkx, but for U+FFFD in place of each character XML cannot hold."""
    back = networkx.read_graphml(io.StringIO(dumps(m, "graphml")), force_multigraph=True)
    g = networkx.relabel_nodes(m.to_networkx(), _xml_safe)
    for _, data in g.nodes(data=True):
        data.update((k, _xml_safe(v)) for k, v in data.items() if isinstance(v, str))
    for *_, data in g.edges(keys=True, data=True):
        data.update((k, _xml_safe(v)) for k, v in data.items() if isinstance(v, str))
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    assert edges_of(back) == edges_of(g)


def _xml_safe(text: str) -> str:
    return "".join("\ufffd" if ch in "\ufffe\uffff" or ord(ch) < 0x20 and ch not in "\t\n\r" else ch for ch in text)


def test_characters_xml_cannot_hold():
    """A title and texts with U+FFFE, U+FFFF or a control character give well-formed GraphML with U+FFFD."""
    m = parse("title: Karte\ufffe\nclaim a: A\uffff und \x01.\nclaim b: B.\na supports b\n")
    text = dumps(m, "graphml")
    ET.fromstring(text.encode("utf-8"))
    assert "<desc>Karte\ufffd</desc>" in text
    back = networkx.read_graphml(io.StringIO(text), force_multigraph=True)
    assert back.nodes["a"]["text"] == m.claim("a").text.replace("\uffff", "\ufffd").replace("\x01", "\ufffd")


def test_networkx_is_imported_only_when_called():
    """Importing argmap and writing GraphML does not import networkx."""
    code = (
        "import sys, argmap\n"
        "m = argmap.parse('claim a: A.\\nclaim b: B.\\na supports b\\n')\n"
        "argmap.dumps(m, 'graphml')\n"
        "assert 'networkx' not in sys.modules\n"
        "m.to_networkx()\n"
        "assert 'networkx' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
