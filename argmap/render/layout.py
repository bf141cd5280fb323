"""Graphviz's layout settings, chosen by a drawing's size and shape.

A small map gets ``dot``'s defaults: curved edges and as many rounds of
crossing minimisation and node placement as ``dot`` wants. What ``dot``
costs grows with the nodes *and* the bends of long edges: an edge that
spans k ranks becomes k - 1 invisible nodes, and crossing minimisation,
placement (network simplex) and edge routing all work on them. A tree of
reasons has few; a map whose relations join random claims has thirty
times as many as claims. So from :data:`LARGE_MAP` claims on, the settings
depend on an estimate of that work (:func:`estimate`), made from the edges
that shape the layout before ``dot`` runs (see docs/rendering.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

__all__ = ["LARGE_MAP", "HUGE_MAP", "SHAPED_UP_TO", "TANGLED", "BENDS_FOR_LINES", "Shape", "estimate", "layout_attributes"]

#: From this many claims on (claims times panels), a drawing uses layout
#: settings that stay fast: polyline edges, fewer rounds of crossing
#: minimisation and of placing nodes, and a legend beside the map.
LARGE_MAP = 300
#: From this many claims on, edges are straight lines and the layout rounds
#: are cut further.
HUGE_MAP = 1500
#: Up to this many claims the shape is estimated; above, the map is drawn
#: with the settings for its size alone (no picture of it is readable).
SHAPED_UP_TO = 20_000
#: Nodes plus bends above which ``dot`` takes more than a few seconds: a
#: map without frames is then placed by ``sfdp`` (force-directed).
TANGLED = 20_000
#: Bends above which edges are straight lines (routing polylines through
#: that many bends takes seconds).
BENDS_FOR_LINES = 8_000
# Rounds of network simplex times the nodes and bends they work on: about
# half a second of dot's time on the reference machine.
_PLACING_BUDGET = 12_000_000


class Shape(NamedTuple):
    """What ``dot`` will work on: the nodes, and the bends of long edges."""

    nodes: int
    bends: int

    @property
    def work(self) -> int:
        return self.nodes + self.bends


def estimate(nodes: Iterable[str], edges: Iterable[tuple[str, str]], framed: bool | None = None) -> Shape:
    """The shape of a layout of ``nodes`` and ``edges`` (tail, head: the
    head is ranked above the tail), found as ``dot`` starts: edges that
    close a cycle (found depth first, in order) are turned round; then each
    node is ranked one below the lowest thing it points at, and an edge
    spanning more ranks bends once per rank between. ``dot`` shortens some
    edges afterwards, so this is an upper bound. Linear in the nodes and
    edges.

    With ``framed`` (what :func:`layout_attributes` is told), counting
    stops as soon as more bends could not change the layout attributes
    (:func:`_settled`); the bends are then a lower bound, past that point.
    A large tangled map settles after a fraction of its nodes.

    >>> estimate("abcd", [("b", "a"), ("c", "b"), ("d", "c"), ("d", "a")])
    Shape(nodes=4, bends=2)
    >>> estimate("abc", [("b", "a"), ("c", "b"), ("a", "c")])
    Shape(nodes=3, bends=1)
    """
    index: dict[str, int] = {}
    for name in nodes:
        index.setdefault(name, len(index))
    successors: list[list[int]] = [[] for _ in range(len(index))]
    get = index.get
    for tail, head in edges:
        t = get(tail)
        if t is None:
            t = index[tail] = len(successors)
            successors.append([])
        h = get(head)
        if h is None:
            h = index[head] = len(successors)
            successors.append([])
        successors[t].append(h)
    n = len(successors)
    enough = _settled(n, framed) if framed is not None else None
    if enough is not None and enough < 0:
        return Shape(n, 0)  # as many nodes as that settle the attributes alone
    above: list[list[int]] = [[] for _ in range(n)]  # what each node is ranked below
    state = [0] * n  # 0: not seen, 1: on the path being followed, 2: ranked
    depth = [0] * n
    looped: set[int] = set()  # nodes with an edge to themselves
    bends = 0
    for root in range(n):
        if state[root]:
            continue
        state[root] = 1
        path = [root]
        ahead = [iter(successors[root])]  # per node on the path: the edges not followed yet
        while path:
            v = path[-1]
            for w in ahead[-1]:  # v -> w
                seen = state[w]
                if seen == 1:
                    if w == v:
                        looped.add(v)  # ranked below itself: one rank up from the bottom, no bend
                    else:
                        above[w].append(v)  # closes a cycle: turned round
                    continue
                above[v].append(w)
                if seen == 0:
                    state[w] = 1
                    path.append(w)
                    ahead.append(iter(successors[w]))
                    break
            else:
                path.pop()
                ahead.pop()
                state[v] = 2
                # Everything above v is ranked by now (a turned edge's tail is
                # finished before the node it points back at), and nothing is
                # added above v any more. v is one rank below the lowest of
                # them, so an edge to a node of rank r bends top - r times.
                ranks = [depth[u] for u in above[v]]
                if ranks:
                    top = max(ranks)
                    depth[v] = top + 1
                    bends += top * len(ranks) - sum(ranks)
                    if enough is not None and bends > enough:
                        return Shape(n, bends)
                elif looped and v in looped:
                    depth[v] = 1
    return Shape(n, bends)


def _settled(nodes: int, framed: bool) -> int | None:
    """Bends beyond which :func:`layout_attributes` of a shape with
    ``nodes`` nodes gives the same attributes however many more there are;
    None when there is no such number."""
    if not framed:
        return TANGLED - nodes  # from then on the work is above TANGLED: sfdp
    if nodes == 0:
        return None
    # Straight lines, and as few rounds of placing as there can be (0.02).
    bends = max(BENDS_FOR_LINES, int(_PLACING_BUDGET / 0.02 / nodes) - nodes)
    while _PLACING_BUDGET / (nodes * (nodes + bends + 1)) > 0.02:
        bends += 1
    return bends


def _num(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def layout_attributes(size: int, shape: Shape | None = None, framed: bool = False) -> dict[str, str]:
    """The graph attributes that choose how Graphviz lays out a map of
    ``size`` claims (times panels): none for a small map. ``shape`` is its
    :func:`estimate` (None: by size alone); ``framed`` says whether it has
    frames (groups, arguments, positions), which only ``dot`` draws."""
    if size < LARGE_MAP:
        return {}
    if shape is not None and shape.work > TANGLED and not framed:
        # dot would take many seconds to route thousands of long edges
        # through dozens of ranks, and the picture would be a weave of them;
        # placed by their ties, related claims stand near each other.
        return {"layout": "sfdp", "overlap": "prism", "splines": "line"}
    # dot's crossing minimisation and its network simplex (which places the
    # nodes) grow much faster than the map: bound their rounds.
    attributes: dict[str, str | float]
    if size >= HUGE_MAP:
        rounds = max(0.02, 300 / size)  # about 300 rounds, whatever the size
        attributes = {"splines": "line", "nslimit": rounds, "nslimit1": rounds, "mclimit": "0.1", "remincross": "false", "searchsize": "10"}
    else:
        attributes = {"splines": "polyline", "nslimit": 1.0, "nslimit1": 1.0, "mclimit": "0.3", "remincross": "false", "searchsize": "20"}
    if shape is not None:
        if shape.bends > BENDS_FOR_LINES:
            attributes["splines"] = "line"
        # Placing takes rounds (nslimit times the nodes) over the nodes and bends.
        affordable = _PLACING_BUDGET / (shape.nodes * shape.work) if shape.nodes else 1.0
        attributes["nslimit"] = max(0.02, min(float(attributes["nslimit"]), affordable))
    return {k: _num(v) if isinstance(v, float) else v for k, v in attributes.items()}
