"""DOT statements as lines, quoted by the graphviz package.

``Digraph.node`` and ``Digraph.edge`` quote every attribute's name and
value on each call; a large map has the same few edge styles on thousands
of edges, and thousands of nodes that differ in their label alone. These
helpers quote an attribute list once (:func:`attribute_list`, and
:class:`Lines`, which quotes only what differs from node to node) and
write the statement line as ``Digraph.node`` and ``Digraph.edge`` do, with
``graphviz.quoting`` doing all the quoting: the DOT text is the same byte
for byte.

>>> import graphviz
>>> g = graphviz.Digraph()
>>> g.edge("a b", "c", color="red", weight="2")
>>> g.node("d", label="<<B>D</B>>", color="red", tooltip="a d")
>>> lines = Lines()
>>> g.body[0] == edge_line("a b", "c", attribute_list({"color": "red", "weight": "2"})) == lines.edge("a b", "c", ' [color=red weight=2]')
True
>>> g.body[1] == lines.varying("d", {"label": "<<B>D</B>>", "color": "red"}, "tooltip", "a d")
True
"""

from __future__ import annotations

from graphviz.quoting import a_list, attr_list, quote, quote_edge

__all__ = ["attribute_list", "node_line", "edge_line", "quote_name", "quote_value", "Lines"]

# graphviz.quoting.quote itself, without the wrapper that checks each call
# for positional arguments it deprecates (a third of its time).
_quote = getattr(quote, "__wrapped__", quote)
#: An attribute value quoted as ``Digraph.node`` quotes it (an HTML-like label stays as it is).
quote_value = _quote


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


def quote_name(name: str) -> str:
    """A node's name quoted as an edge's end (as a node statement quotes
    it too, when the name has no ``:``)."""
    return _quote(name) if ":" not in name else quote_edge(name)


def _around(values: dict[str, str], key: str) -> tuple[str, str]:
    """The attribute list of ``values`` and ``key``, cut where ``key``'s
    quoted value goes: what comes before it and what after."""

    def place(name: str) -> tuple[int, str]:
        return (0, "") if name == "label" else (1, name)  # the label first, then by name

    entries = sorted(
        (place(name), a_list(value) if name == "label" else a_list(kwargs={name: value}))
        for name, value in values.items()
        if value is not None and name != key
    )
    at = place(key)
    before = "".join(f"{entry} " for where, entry in entries if where < at)
    after = "".join(f" {entry}" for where, entry in entries if where > at)
    return f" [{before}{_quote(key)}=", f"{after}]"


class Lines:
    """Writes node and edge statements as :func:`node_line` and
    :func:`edge_line` do, quoting each node name once however many edges it
    has (a claim has several), and, in :meth:`varying`, the attributes that
    nodes share once for all of them."""

    __slots__ = ("_names", "_cuts")

    def __init__(self) -> None:
        self._names: dict[str, str] = {}  # name -> quoted as an edge's end
        self._cuts: dict[tuple, tuple[str, str]] = {}

    def name(self, name: str) -> str:
        """``name`` quoted as an edge's end (and, without a ``:``, as a node's)."""
        quoted = self._names.get(name)
        if quoted is None:
            quoted = self._names[name] = quote_name(name)
        return quoted

    def _node_name(self, name: str) -> str:
        # Without a port (a ":"), a node's name is quoted as an edge's end is.
        return self.name(name) if ":" not in name else quote(name)

    def edge(self, tail: str, head: str, attribute_list: str) -> str:
        """The statement of an edge from ``tail`` to ``head``."""
        names = self._names
        t = names.get(tail) or self.name(tail)
        h = names.get(head) or self.name(head)
        return f"\t{t} -> {h}{attribute_list}\n"

    def node(self, name: str, attribute_list: str) -> str:
        """The statement of a node."""
        return f"\t{self._node_name(name)}{attribute_list}\n"

    def cut(self, attributes: dict[str, str], key: str) -> tuple[str, str]:
        """What :meth:`varying` writes around the quoted ``value`` of ``key``
        (after the node's name): ``f"\\t{quoted}{cut[0]}{quote(value)}{cut[1]}\\n"``
        is its statement, for a loop that writes many."""
        cut = (key, *attributes.items())
        around = self._cuts.get(cut)
        if around is None:
            around = self._cuts[cut] = _around(attributes, key)
        return around

    def varying(self, name: str, attributes: dict[str, str], key: str, value: str, quoted: str | None = None) -> str:
        """The statement of a node with ``attributes`` and ``key=value``:
        the same as ``node(name, attribute_list({**attributes, key: value}))``,
        where nodes share ``attributes`` (quoted once) and ``value`` (a label,
        a tooltip) is each one's own. ``quoted``: the name as :meth:`name`
        quoted it already, for a name without a ``:``."""
        cut = (key, *attributes.items())
        around = self._cuts.get(cut)
        if around is None:
            around = self._cuts[cut] = _around(attributes, key)
        return f"\t{quoted or self._node_name(name)}{around[0]}{_quote(value)}{around[1]}\n"
