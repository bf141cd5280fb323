"""A small reader of the DOT that the graphviz package writes, for structural tests.

It reads the statements of a :class:`graphviz.Digraph`'s source: nodes and
edges with their attributes, and the (nested) subgraph each stands in. It
knows exactly the DOT the package produces (one statement per line), which
is all the tests need, and fails loudly on anything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Graph", "Node", "Edge", "parse_dot"]

_ID = r'(?:"(?:[^"\\]|\\.)*"|<(?:[^<>]|<(?:[^<>]|<(?:[^<>]|<[^<>]*>)*>)*>)*>|[^\s\[\]=;{}"<>-][^\s\[\]=;{}"<>]*|-?\.?\d[\w.]*)'


@dataclass
class Node:
    name: str
    attrs: dict[str, str]
    subgraphs: tuple[str, ...]


@dataclass
class Edge:
    tail: str
    head: str
    attrs: dict[str, str]
    subgraphs: tuple[str, ...]


@dataclass
class Graph:
    name: str
    graph_attrs: dict[str, str] = field(default_factory=dict)
    node_defaults: dict[str, str] = field(default_factory=dict)
    edge_defaults: dict[str, str] = field(default_factory=dict)
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    #: Each subgraph's name and its own graph attributes.
    subgraphs: dict[str, dict[str, str]] = field(default_factory=dict)

    def node(self, name: str) -> Node:
        found = [n for n in self.nodes if n.name == name]
        assert len(found) == 1, f"expected one node {name!r}, found {len(found)}"
        return found[0]

    def has_node(self, name: str) -> bool:
        return any(n.name == name for n in self.nodes)

    def edges_between(self, tail: str, head: str) -> list[Edge]:
        return [e for e in self.edges if e.tail == tail and e.head == head]

    def edge(self, tail: str, head: str) -> Edge:
        found = self.edges_between(tail, head)
        assert len(found) == 1, f"expected one edge {tail} -> {head}, found {len(found)}"
        return found[0]

    def node_names(self) -> list[str]:
        return [n.name for n in self.nodes]


def _unquote(token: str) -> str:
    if token.startswith('"') and token.endswith('"'):
        return re.sub(r'\\(["\\])', r"\1", token[1:-1])
    return token


def _attrs(text: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    pos = 0
    pattern = re.compile(rf"\s*({_ID})=({_ID})\s*")
    while pos < len(text):
        m = pattern.match(text, pos)
        assert m, f"cannot read attributes at {text[pos:pos + 60]!r}"
        attrs[_unquote(m.group(1))] = _unquote(m.group(2))
        pos = m.end()
    return attrs


def _split_statement(line: str) -> tuple[str, dict[str, str]]:
    """The statement's head (before ``[``) and its attributes."""
    m = re.match(rf"((?:{_ID})(?:\s*->\s*(?:{_ID}))?)\s*(?:\[(.*)\])?\s*$", line, re.S)
    assert m, f"cannot read statement {line!r}"
    return m.group(1), _attrs(m.group(2) or "")


def parse_dot(source: str) -> Graph:
    """The graph a DOT source describes (the graphviz package's layout of it)."""
    lines = source.splitlines()
    first = lines[0].strip()
    m = re.match(rf"(?:strict )?digraph ({_ID}) \{{$", first)
    assert m, f"not a digraph: {first!r}"
    graph = Graph(name=_unquote(m.group(1)))
    stack: list[str] = []
    anonymous = 0
    for raw in lines[1:]:
        line = raw.strip()
        if not line:
            continue
        if line == "}":
            if stack:
                stack.pop()
            continue
        m = re.match(rf"subgraph ({_ID}) \{{$", line)
        if m or line == "{":
            if m:
                name = _unquote(m.group(1))
            else:
                anonymous += 1
                name = f"<anonymous {anonymous}>"
            stack.append(name)
            graph.subgraphs.setdefault(name, {})
            continue
        if re.match(rf"{_ID}=", line):
            # a bare attribute statement: the graph's or a subgraph's own attributes
            (graph.subgraphs[stack[-1]] if stack else graph.graph_attrs).update(_attrs(line))
            continue
        head, attrs = _split_statement(line)
        where = tuple(stack)
        if head in ("graph", "node", "edge"):
            if head == "graph" and stack:
                graph.subgraphs[stack[-1]].update(attrs)
            elif head == "graph":
                graph.graph_attrs.update(attrs)
            elif head == "node" and not stack:
                graph.node_defaults.update(attrs)
            elif head == "edge" and not stack:
                graph.edge_defaults.update(attrs)
            continue
        if "->" in head:
            tail, target = (part.strip() for part in re.split(r"\s*->\s*", head, maxsplit=1))
            graph.edges.append(Edge(_unquote(tail), _unquote(target), attrs, where))
            continue
        if not attrs and any(n.name == _unquote(head) for n in graph.nodes):
            continue  # a node named again (in a rank=same group): not a new node
        graph.nodes.append(Node(_unquote(head), attrs, where))
    return graph
