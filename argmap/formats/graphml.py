"""The map as a graph: GraphML for yEd and Gephi, and a networkx graph.

Both show the same graph:

- a node per claim (``kind`` ``claim``; ``label`` its id, ``text`` its text,
  and ``basis``, ``source``, ``tags``, ``group`` when set); a node per
  argument (``kind`` ``argument``, ``label`` its title) and per named
  relation that an undercut aims at (``kind`` ``relation``);
- an edge per premise of a support (premise → conclusion, ``kind``
  ``support``), per attacker of a rebuttal (attacker → target, ``rebuttal``),
  per attacker of an undercut (attacker → the relation or argument,
  ``undercut``), two per contradiction (``contradiction``, one each way).
  ``relation`` names the relation an edge belongs to (its name, or
  ``support1``, ``rebuttal2``... for unnamed ones), so the edges of one
  linked support share it and have ``linked`` true; an argument's edges
  carry its id as ``argument``.

Sources, positions, groups, comments and notes are not in the graph.
networkx is imported only by :func:`to_networkx`.

XML 1.0 cannot hold every character a map may (the noncharacters U+FFFE
and U+FFFF, control characters, lone surrogates), not even as a character
reference: GraphML writes U+FFFD (the replacement character) for each.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape as _escape, quoteattr as _quoteattr

from argmap.model import ArgumentMap, Contradiction, Rebuttal, Support, Undercut

__all__ = ["graph", "to_networkx", "write"]

#: The characters XML 1.0 cannot hold (tab, line feed and carriage return aside).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """``text`` as XML character data; U+FFFD for each character XML cannot hold."""
    return _escape(_NOT_XML.sub("\ufffd", text))


def quoteattr(text: str) -> str:
    """``text`` as a quoted XML attribute value; U+FFFD for each character XML cannot hold."""
    return _quoteattr(_NOT_XML.sub("\ufffd", text))

Node = tuple[str, dict[str, Any]]
Edge = tuple[str, str, str, dict[str, Any]]


def graph(argument_map: ArgumentMap) -> tuple[list[Node], list[Edge]]:
    """The nodes (id, attributes) and edges (source, target, key, attributes) of the map's graph."""
    nodes: dict[str, dict[str, Any]] = {}
    for claim in argument_map.claims:
        if claim.id in nodes:
            continue
        data: dict[str, Any] = {"kind": "claim", "label": claim.id, "text": claim.text}
        if claim.basis is not None:
            data["basis"] = claim.basis.value
        for key in ("source", "group"):
            if getattr(claim, key) is not None:
                data[key] = getattr(claim, key)
        if claim.tags:
            data["tags"] = ", ".join(claim.tags)
        if claim.implicit:
            data["implicit"] = True
        nodes[claim.id] = data
    for argument in argument_map.arguments:
        nodes.setdefault(argument.id, {"kind": "argument", "label": argument.title})
    edges: list[Edge] = []
    counters: dict[str, int] = {}

    def key_of(item: Any, kind: str) -> str:
        if item.name:
            return item.name
        counters[kind] = counters.get(kind, 0) + 1
        return f"{kind}{counters[kind]}"

    for relation in argument_map.relations:
        if isinstance(relation, Support):
            key = key_of(relation, "support")
            extra: dict[str, Any] = {"argument": relation.argument} if relation.argument else {}
            for premise in relation.premises:
                data = {"kind": "support", "relation": key, "linked": relation.linked, **extra}
                edges.append((premise, relation.conclusion, key, data))
        elif isinstance(relation, Contradiction):
            key = key_of(relation, "contradiction")
            edges.append((relation.first, relation.second, key, {"kind": "contradiction", "relation": key}))
            edges.append((relation.second, relation.first, key, {"kind": "contradiction", "relation": key}))
        else:
            word = "rebuttal" if isinstance(relation, Rebuttal) else "undercut"
            key = key_of(relation, word)
            if isinstance(relation, Undercut):
                nodes.setdefault(relation.target, {"kind": "relation", "label": relation.target})
            for attacker in relation.attackers:
                data = {"kind": word, "relation": key, "linked": relation.linked}
                edges.append((attacker, relation.target, key, data))
    for source, target, _, _ in edges:
        for end in (source, target):
            nodes.setdefault(end, {"kind": "claim", "label": end, "text": end})
    return list(nodes.items()), edges


def to_networkx(argument_map: ArgumentMap) -> Any:
    """The map as a ``networkx.MultiDiGraph`` (see the module); the map's
    title, if any, as the graph's ``title``."""
    import networkx

    nodes, edges = graph(argument_map)
    result = networkx.MultiDiGraph()
    if argument_map.title is not None:
        result.graph["title"] = argument_map.title
    result.add_nodes_from(nodes)
    for source, target, key, data in edges:
        # A premise listed twice gives a second parallel edge of the same relation (networkx numbers its key).
        result.add_edge(source, target, key=None if result.has_edge(source, target, key) else key, **data)
    return result


_TYPES = {bool: "boolean", int: "int", float: "double", str: "string"}


def write(argument_map: ArgumentMap) -> str:
    """The map as GraphML (see the module), readable by yEd, Gephi and networkx."""
    nodes, edges = graph(argument_map)
    keys: dict[tuple[str, str], str] = {}
    for domain, rows in (("node", [d for _, d in nodes]), ("edge", [d for *_, d in edges])):
        for data in rows:
            for name, value in data.items():
                keys.setdefault((domain, name), _TYPES[type(value)])
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
        ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ]
    ids = {}
    for n, ((domain, name), kind) in enumerate(sorted(keys.items())):
        ids[(domain, name)] = f"d{n}"
        out.append(f'  <key id="d{n}" for="{domain}" attr.name={quoteattr(name)} attr.type="{kind}"/>')
    out.append('  <graph id="G" edgedefault="directed">')
    if argument_map.title is not None:
        out.append(f"    <desc>{escape(argument_map.title)}</desc>")
    for node, data in nodes:
        out.append(f"    <node id={quoteattr(node)}>")
        out.extend(_data(ids, "node", data))
        out.append("    </node>")
    for n, (source, target, key, data) in enumerate(edges):
        out.append(f'    <edge id="e{n}" source={quoteattr(source)} target={quoteattr(target)}>')
        out.extend(_data(ids, "edge", data))
        out.append("    </edge>")
    out.append("  </graph>")
    out.append("</graphml>")
    return "\n".join(out) + "\n"


def _data(ids: dict[tuple[str, str], str], domain: str, data: dict[str, Any]) -> list[str]:
    lines = []
    for name, value in data.items():
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        lines.append(f'      <data key="{ids[(domain, name)]}">{escape(text)}</data>')
    return lines
