"""DOT statements as lines, quoted by the graphviz package.

``Digraph.node`` and ``Digraph.edge`` quote every attribute's name and
value on each call; a large map has the same few edge styles on thousands
of edges. These helpers quote an attribute list once (:func:`attribute_list`)
and write the statement line as ``Digraph.node`` and ``Digraph.edge`` do,
with ``graphviz.quoting`` doing all the quoting: the DOT text is the same
byte for byte.

>>> import graphviz
>>> g = graphviz.Digraph()
>>> g.edge("a b", "c", color="red", weight="2")
>>> g.body[-1] == edge_line("a b", "c", attribute_list({"color": "red", "weight": "2"}))
True
>>> Edges().line("a b", "c", "") == edge_line("a b", "c", "")
True
"""

from __future__ import annotations

from graphviz.quoting import attr_list, quote, quote_edge

__all__ = ["attribute_list", "node_line", "edge_line", "Edges"]


def attribute_list(values: dict[str, str]) -> str:
    """An attribute list, `` [name=value ...]`` (empty for no attributes),
    as ``Digraph.node(name, **values)`` and ``Digraph.edge`` write it:
    the label first, the others in the order of their names."""
    if "label" not in values:
        return attr_list(kwargs=values)
    rest = dict(values)
    return attr_list(rest.pop("label"), kwargs=rest)


def node_line(name: str, attribute_list: str) -> str:
    """A node statement, as ``Digraph.node`` writes it."""
    return f"\t{quote(name)}{attribute_list}\n"


def edge_line(tail: str, head: str, attribute_list: str) -> str:
    """An edge statement of a directed graph, as ``Digraph.edge`` writes it."""
    return f"\t{quote_edge(tail)} -> {quote_edge(head)}{attribute_list}\n"


class Edges:
    """Writes edge statements like :func:`edge_line`, quoting each node
    name once however many edges it has (a claim has several)."""

    __slots__ = ("_quoted",)

    def __init__(self) -> None:
        self._quoted: dict[str, str] = {}

    def line(self, tail: str, head: str, attribute_list: str) -> str:
        """The statement of an edge from ``tail`` to ``head``."""
        quoted = self._quoted
        t = quoted.get(tail)
        if t is None:
            t = quoted[tail] = quote_edge(tail)
        h = quoted.get(head)
        if h is None:
            h = quoted[head] = quote_edge(head)
        return f"\t{t} -> {h}{attribute_list}\n"
