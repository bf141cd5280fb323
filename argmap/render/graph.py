"""Building the :class:`graphviz.Digraph` of a map.

In source order: the claims (each a node named by its id, in nested
clusters: groups, and arguments' boxes), then the relations. A relation
with a name, or with several premises or attackers, gets a junction point
(a dot): its premises or attackers meet there, one arrow goes on to its
target, and undercuts aim at that point, so that an undercut of a rebuttal
(a concession) ends on the rebuttal's line. Conclusions are on top
(``rankdir=BT``), so every arrow points up, from reason to claim."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from math import ceil
from typing import Any, NamedTuple

import attrs
import graphviz

from argmap._nogc import no_gc
from argmap.model import Argument, ArgumentMap, Claim, Contradiction, Rebuttal, Relation, Support, Undercut
from argmap.render.dot_lines import Lines, attribute_list, quote_name, quote_value
from argmap.render.labels import WORD_JOINER, clean, escape, html_label, text_width, wrap, wrapped
from argmap.render.layout import HUGE_MAP, LARGE_MAP, SHAPED_UP_TO, estimate, layout_attributes
from argmap.render.legend import LEGEND_NODE, Used, legend_label
from argmap.render.options import PageCut, RenderOptions
from argmap.render.themes import Theme
from argmap.render.views import Panel, View, node_name, view_of
from argmap.render.words import BASIS_SYMBOLS, words_for

__all__ = ["build", "LARGE_MAP", "HUGE_MAP", "edge_style"]

_SPACER = '<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD FIXEDSIZE="TRUE" WIDTH="56" HEIGHT="1"></TD></TR></TABLE>'

#: Characters per line of the first words in a mark for a claim on another page.
_STUB_WRAP = 24

_UNKNOWN = object()  # not looked up yet

# A label's table, around its rows.
_TABLE = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'

_STATUS_SYMBOL = {"accepted": "✓", "unchallenged": "(✓)", "rejected": "✗", "undecided": "?"}


def edge_style(kind: str, theme: Theme) -> dict[str, str]:
    """The DOT attributes of an edge of one kind: ``support``, ``link`` (a
    premise to its junction), ``rebuttal``, ``undercut``, ``contradiction``;
    ``rebuttal_link`` and ``undercut_link`` (an attacker to the junction of a
    named or linked objection), ``contradiction_first`` and
    ``contradiction_second`` (the two halves of a named contradiction, each
    with the arrowhead at its claim).

    Every kind differs in line style or arrowhead, not only in colour; a
    link has its kind's line without an arrowhead.
    """
    pw = theme.penwidth
    rebuttal = {"color": theme.rebuttal, "arrowhead": "tee", "arrowsize": "1.2", "penwidth": _num(pw * 1.8), "style": "bold"}
    undercut = {"color": theme.undercut, "arrowhead": "tee", "arrowsize": "1.2", "penwidth": _num(pw * 1.5), "style": "dashed"}
    contradiction = {"color": theme.contradiction, "style": "dotted", "penwidth": _num(pw * 1.8), "constraint": "false"}
    styles = {
        "support": {"color": theme.support, "arrowhead": "normal", "penwidth": _num(pw), "weight": "2"},
        "link": {"color": theme.support, "arrowhead": "none", "penwidth": _num(pw), "weight": "2"},
        "rebuttal": rebuttal,
        "rebuttal_link": {**rebuttal, "arrowhead": "none"},
        "undercut": undercut,
        "undercut_link": {**undercut, "arrowhead": "none"},
        "contradiction": {**contradiction, "dir": "both", "arrowhead": "normal", "arrowtail": "normal"},
        "contradiction_first": {**contradiction, "dir": "back", "arrowhead": "none", "arrowtail": "normal"},
        "contradiction_second": {**contradiction, "arrowhead": "normal"},
    }
    return dict(styles[kind])


@contextmanager
def _subgraph(parent: graphviz.Digraph, name: str):
    """A subgraph added to ``parent`` when the block ends. Unlike
    ``parent.subgraph(name=...)``, which copies the parent's body for each
    subgraph, this costs only the subgraph's own lines."""
    sub = graphviz.Digraph(name=name)
    yield sub
    parent.subgraph(sub)


def _num(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _font(theme: Theme) -> str:
    # Data, never DOT syntax: always a quoted string with its backslashes
    # doubled, even when it looks like <an HTML string>.
    return graphviz.escape(theme.font)


def build(argument_map: ArgumentMap, options: RenderOptions) -> graphviz.Digraph:
    """The map drawn as ``options`` say."""
    # Many small objects (lines, labels, plans) and no cycles: collecting
    # meanwhile costs a fifth of the time on a large map.
    with no_gc():
        return _build(argument_map, options)


def _build(argument_map: ArgumentMap, options: RenderOptions) -> graphviz.Digraph:
    theme = options.the_theme
    view = view_of(argument_map, options)
    words = words_for(argument_map.lang)
    whole = view
    if options.page is not None:
        view = _cut(view, options.page)
    size = len(view.claims) * len(view.panels)
    large = size >= LARGE_MAP
    g = graphviz.Digraph(name="argmap", graph_attr=_graph_attributes(argument_map, theme, size, options.page, words, options.compact, options.direction))
    g.attr("node", **_node_defaults(theme))
    if options.dense:
        g.attr("node", margin="0.08,0.04")
    g.attr("edge", arrowsize="0.8", penwidth=_num(theme.penwidth), fontname=_font(theme))
    used = Used()
    panels = []
    if len(view.panels) == 1:
        panels.append(_Panel(g, argument_map, view, view.panels[0], theme, words, options, used))
        panels[0].draw()
    else:
        for i, panel in enumerate(view.panels, 1):
            with _subgraph(g, f"cluster_position_{i}") as sub:
                sub.attr(
                    label=html_label(f"<B>{escape(words['position'].format(position=panel.position))}</B>"),
                    style="rounded",
                    color=theme.cluster_border,
                    fontcolor=theme.text,
                    fontsize=_num(theme.fontsize + 1),
                    labelloc=_top(options),
                    margin="14",
                )
                panels.append(_Panel(sub, argument_map, view, panel, theme, words, options, used))
                panels[-1].draw()
    if options.page is not None and options.legend != "none":
        # One legend, on the page chosen for it, for what all pages use.
        used = Used()
        if options.page.legend:
            _Panel(graphviz.Digraph(), argument_map, whole, whole.panels[0], theme, words, attrs.evolve(options, page=None), used).draw()
    g.graph_attr.update(_layout(size, view, panels))
    if options.legend != "none" and used:
        columns = options.page.legend_columns if options.page is not None else 1
        label = legend_label(argument_map, used, theme, words, whole, columns)
        g.node(LEGEND_NODE, label=label, shape="plaintext", style="", margin="0")
        below = options.legend == "below" or (options.legend == "auto" and not large)
        if below and len(panels) == 1:
            # Invisible edges to every node nothing points at put the legend
            # on a rank of its own below the map, without moving the map.
            # Elsewhere the legend stands beside the lowest rank: in a large
            # map the edges would cost more than they help, and side by side
            # they would tie the panels together, which then no longer come
            # out in the same order.
            for name in panels[0].bottom_nodes():
                g.edge(LEGEND_NODE, name, style="invis", weight="0")
    return g


def _layout(size: int, view: View, panels: list[_Panel]) -> dict[str, str]:
    """The layout settings for the map's size and shape (see :mod:`argmap.render.layout`)."""
    shape = None
    framed = bool(view.frames) or len(panels) > 1
    if LARGE_MAP <= size <= SHAPED_UP_TO:
        nodes = panels[0].nodes if len(panels) == 1 else [name for panel in panels for name in panel.nodes]
        edges = panels[0].layout_edges if len(panels) == 1 else [edge for panel in panels for edge in panel.layout_edges]
        # Counted only as far as they change the attributes.
        shape = estimate(nodes, edges, framed)
    return layout_attributes(size, shape, framed=framed)


def _top(options: RenderOptions) -> str:
    """A frame's ``labelloc`` for its top: ``b`` when the layout runs bottom to top."""
    return "t" if options.direction == "left" else "b"


def _cut(view: View, page: PageCut) -> View:
    """The view with only the claims of one page."""
    claims = tuple(c for c in view.claims if c.id in page.claims)
    shown = frozenset(c.id for c in claims)
    clusters = {k: v for k, v in view.clusters.items() if k in shown}
    # A frame is drawn where its claims are: a dot whose frame holds no
    # claim on this page stands outside, not in an empty frame.
    frames: set[str] = set()
    for cluster in clusters.values():
        key: str | None = cluster.key
        while key is not None and key not in frames:
            frames.add(key)
            key = view.frames[key].parent
    return attrs.evolve(
        view,
        claims=claims,
        shown=shown,
        blank=view.blank & shown,
        clusters=clusters,
        places={k: v for k, v in view.places.items() if v in frames},
    )


def _graph_attributes(
    argument_map: ArgumentMap, theme: Theme, size: int, page: PageCut | None = None, words=None, compact: bool = False, direction: str = "up"
) -> dict[str, str]:
    attributes = {
        "rankdir": "RL" if direction == "left" else "BT",
        "newrank": "true",
        "bgcolor": theme.background,
        "fontname": _font(theme),
        "fontcolor": theme.text,
        "fontsize": _num(theme.fontsize),
        "nodesep": "0.2" if compact else "0.3",
        "ranksep": "0.3" if compact else "0.45",
        "pad": "0.25",
        "outputorder": "edgesfirst",
    }
    title = _title_label(argument_map, theme, page, words)
    if title:
        attributes.update(label=title, labelloc="t", labeljust="c")
    return attributes


def _title_label(argument_map: ArgumentMap, theme: Theme, page: PageCut | None = None, words=None) -> str | None:
    """The title and question on top; on a page after the first of several,
    the title smaller and the page's number instead of the question."""
    parts = []
    later = page is not None and page.number > 1
    if argument_map.title:
        lines = wrapped(argument_map.title, 60)
        size = theme.fontsize + (1 if later else 5)
        parts.append(f'<FONT POINT-SIZE="{_num(size)}"><B>{lines}</B></FONT>')
    if page is not None and page.count > 1 and words is not None:
        number = words["page_of"].format(page=page.number, count=page.count)
        parts.append(f'<FONT POINT-SIZE="{_num(theme.fontsize)}">{escape(number)}</FONT>')
    if argument_map.question and not later:
        lines = wrapped(argument_map.question, 70)
        parts.append(f'<FONT POINT-SIZE="{_num(theme.fontsize + 1)}"><I>{lines}</I></FONT>')
    if not parts:
        return None
    rows = "".join(f"<TR><TD>{p}</TD></TR>" for p in parts)
    return html_label(f'<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2">{rows}<TR><TD> </TD></TR></TABLE>')


def _node_defaults(theme: Theme) -> dict[str, str]:
    return {
        "shape": "box",
        "style": "rounded,filled",
        "fontname": _font(theme),
        "fontsize": _num(theme.fontsize),
        "fontcolor": theme.text,
        "color": theme.claim_border,
        "fillcolor": theme.claim_fill,
        "penwidth": _num(theme.penwidth),
        "margin": "0.1,0.06",
    }


class _Plan(NamedTuple):
    """How one relation is drawn, decided before anything is drawn."""

    rel: Relation
    kind: str  # support, rebuttal, undercut, contradiction
    drawable: bool
    junction: str | None  # the dot's node name; None: one plain edge
    #: The edge's statement, written while planning when it joins two
    #: claims and nothing else about it needs to be known (see _plan).
    line: str | None = None
    #: With ``line``: the node names of its tail and head.
    ends: tuple[str, str] | None = None


class _Nested:
    """Where a frame's lines go in its parent's body."""

    __slots__ = ("key",)

    def __init__(self, key: str):
        self.key = key


_KIND = {Support: "support", Rebuttal: "rebuttal", Undercut: "undercut", Contradiction: "contradiction"}


class _Panel:
    """Draws the whole map once into ``g`` (the graph, or one position's cluster).

    Three passes: :meth:`_plan` decides which relations are drawn and names
    their dots; :meth:`_nodes` draws claims, collapsed arguments and the
    dots that stand in a frame, frame by frame (a frame at the place of its
    first node); :meth:`_relations` draws the edges (and the other dots) in
    source order.
    """

    def __init__(self, g, argument_map: ArgumentMap, view: View, panel: Panel, theme: Theme, words, options, used: Used):
        self.g = g
        self.map = argument_map
        self.view = view
        self.panel = panel
        self.theme = theme
        self.words = words
        self.options = options
        self.used = used
        self.prefix = panel.prefix
        self.placeholders: set[str] = set()
        self.stub_claims: dict[str, str] = {}  # a claim on another page: its mark's node -> the claim
        self.stubs: dict[str, list[str]] = {}  # marks drawn: node -> the claims it stands for
        self.stub_edges: set[tuple[str, str, str]] = set()
        self.layout_edges: list[tuple[str, str]] = []  # (tail, head)
        self.fan_edges: list[tuple[int, str, str, dict]] = []  # staggered: (line in the body, tail, head, attributes)
        self.junctions: dict[str, str] = {}  # relation name or argument id -> its dot (or collapsed node)
        self.placed: set[str] = set()  # dots drawn inside a frame
        self.nodes: list[str] = []  # claim nodes (and placeholders, argument nodes), in order
        self.heads: set[str] = set()  # nodes an edge that shapes the layout points at
        self.level: set[str] = set()  # first claims of named contradictions
        self.claim_ids = {c.id for c in argument_map.claims}
        self.arguments = {a.id: a for a in reversed(argument_map.arguments)}
        self.collapsed = view.arguments == "collapsed"
        self.drawn_arguments: set[str] = set()  # collapsed arguments with a node
        self.plans: list[_Plan] = []
        self.first: dict[str, int] = {}  # relation name -> index of its first plan
        self.frame_numbers: dict[str, int] = {}
        size = len(view.claims) * len(view.panels)
        self.large = size >= LARGE_MAP
        self.staggered = options.compact and options.direction == "up" and len(view.panels) == 1
        # The edges that shape the layout are kept where they are needed:
        # to stagger wide rows, and to estimate the shape of a large map.
        self.keep_layout = self.staggered or LARGE_MAP <= size <= SHAPED_UP_TO
        # Per edge kind: its style, that style quoted, and whether it shapes the layout; made once.
        self.styles: dict[str, tuple[dict[str, str], str, bool]] = {}
        self.dots: dict[str, str] = {}  # per kind: the quoted attributes of an unnamed dot
        self.names: dict[str, str] = {}  # id -> node name
        self.lines = Lines()
        self.status = view.evaluation.status if view.evaluation else None
        self.marks = panel.marks
        self.show_ids = options.show_ids
        self.dense = options.dense
        self.small = f'<FONT POINT-SIZE="{_num(theme.small_fontsize)}" COLOR="{theme.muted}">'
        self.badge_rows: dict[tuple, str] = {}  # badges -> their row (many claims share one)
        self.endpoints: dict[str, str | None] = {}  # claim id -> what _endpoint says
        # The claims drawn as nodes of their own (their ends are their
        # nodes): id -> (node name, quoted). A claim's id is looked up once
        # or twice per relation; in a large map each look-up in a large
        # table costs more than anything else done with it.
        self.plain: dict[str, tuple[str, str]] = {}
        prefix = self.prefix
        for claim in view.claims:
            name = prefix + node_name(claim.id)
            self.plain[claim.id] = (name, quote_name(name))
        # Edges written while planning (Plan.line) skip what drawing an edge
        # records for a page's marks (its ends); the heads and the edges that
        # shape the layout (for a legend below the map, for staggered rows and
        # to estimate the shape) are recorded from their ends when needed.
        below = options.legend == "below" or (options.legend == "auto" and not self.large)
        self.direct = options.page is None
        self.recorded = self.keep_layout or below
        if panel.position is not None:
            used.positions.append(panel.position)
        # The label of a claim with nothing but its id and text, in two
        # pieces (what _label makes of such a claim, in short), when the
        # view numbers, blanks, hides, marks, evaluates and focuses nothing.
        self.plain_label: tuple[str, str] | None = None
        if self.show_ids and not (view.numbers or view.blank or view.hidden or view.evaluation or self.marks or view.focus is not None):
            self.plain_label = (
                f'<{_TABLE}<TR><TD ALIGN="LEFT">{self.small}',
                f'<TR><TD COLSPAN="1" ALIGN="LEFT" BALIGN="LEFT"><FONT COLOR="{theme.text}">',
            )

    def draw(self) -> None:
        self._plan()
        self._nodes()
        self._relations()
        if self.stubs:
            self._draw_stubs()
        # Not beside another position's panel: dot cannot rank staggered
        # edges in side-by-side clusters ("trouble in init_rank").
        if self.staggered:
            self._stagger()

    def _stagger(self) -> None:
        """Compact: where many arrows meet one node, their tails stand on
        two ranks (three from eight arrows on), every second (third) one
        lower, so that a wide row becomes narrower ones; what Graphviz's
        ``unflatten`` does for leaves, here for whole subtrees. Claims that
        nothing points at come first (they move alone)."""
        fans: dict[str, list[tuple[int, str, str, dict]]] = {}
        for edge in self.fan_edges:
            fans.setdefault(edge[2], []).append(edge)
        for edges in fans.values():
            if len(edges) < 3:
                continue
            levels = 3 if len(edges) >= 8 else 2
            edges.sort(key=lambda edge: edge[1] in self.heads)
            for i, (line, tail, head, style) in enumerate(edges):
                if i % levels:
                    spare = graphviz.Digraph()
                    spare.edge(tail, head, **style, minlen=str(1 + i % levels))
                    self.g.body[line] = spare.body[0]

    # -- planning -------------------------------------------------------------

    def _plan(self) -> None:
        if self.collapsed:
            # First the arguments that stand for claims of their own (they
            # always have a node), then the others, whose ends may be those
            # nodes: a premise folded into another argument is its node.
            page = self.options.page
            # On one page of several: the arguments whose claims are on it.
            self.drawn_arguments.update(
                a for c, a in self.view.folded.items() if a in self.arguments and (page is None or c in page.claims)
            )
            for argument in self.arguments.values():
                if argument.id not in self.drawn_arguments and self._argument_drawable(argument):
                    if page is None or (argument.id not in self.view.folded.values() and argument.conclusion in page.claims):
                        self.drawn_arguments.add(argument.id)
            for ident in self.drawn_arguments:
                self.junctions[ident] = self._name(ident)
        numbers = dict.fromkeys(_KIND.values(), 0)
        first = self.first
        plans = self.plans
        plain = self.plain
        on_page = self.options.page is None
        direct = self.direct
        collapsed = self.collapsed
        direct_ends = self._direct_ends
        new = tuple.__new__  # makes a _Plan in half the time _Plan(...) takes (its __new__ is Python)
        listed = {kind: self._style(kind)[1] for kind in ("support", "rebuttal", "contradiction")}  # the kinds of direct edges
        # Gathered on the way, in order, for the passes below.
        objections: list[int] = []
        pending: list[int] = []  # not drawable
        named: list[int] = []
        for rel in self.map.relations:
            kind = _KIND[type(rel)]
            number = numbers[kind] = numbers[kind] + 1
            if collapsed and kind == "support" and rel.argument is not None:
                # Drawn by the argument's node.
                pending.append(len(plans))
                plans.append(_Plan(rel, kind, False, None))
                continue
            name = rel.name
            if direct and name is None:
                # The most common relations, in short: one arrow from a claim to a claim.
                ends = direct_ends(rel, kind)
                if ends is not None:
                    (tail, quoted_tail), (head, quoted_head) = ends
                    line = f"\t{quoted_tail} -> {quoted_head}{listed[kind]}\n"
                    plans.append(new(_Plan, (rel, kind, True, None, line, (tail, head))))
                    continue
            if kind == "support" and name is None and len(rel.premises) == 1:
                # One premise, one arrow: drawable when both ends are.
                ok = (rel.conclusion in plain or self._end(rel.conclusion) is not None) and (
                    rel.premises[0] in plain or self._end(rel.premises[0]) is not None
                )
                if not (ok and (on_page or self._on_page(rel))):
                    ok = False
                    pending.append(len(plans))
                plans.append(_Plan(rel, kind, ok, None))
                continue
            ok = self._ends_drawable(rel, kind) and (on_page or self._on_page(rel))
            junction = None
            if name is not None or (kind != "contradiction" and len(self._ins(rel)) > 1):
                junction = f"{self.prefix}{kind}-{number}"
                if name is not None and name not in first and name not in self.claim_ids:
                    junction = self._name(name)
            if name is not None:
                first.setdefault(name, len(plans))
                named.append(len(plans))
            if kind == "rebuttal" or kind == "undercut":
                objections.append(len(plans))
            if not ok:
                pending.append(len(plans))
            plans.append(_Plan(rel, kind, ok, junction))
        # An objection aimed at a relation is drawn only when that relation
        # is: take drawability away along the chains, each relation once.
        aimed: dict[int, list[int]] = {}
        for i in objections:
            j = self._target_plan(plans[i], first)
            if j is not None:
                aimed.setdefault(j, []).append(i)
        while pending:
            for i in aimed.get(pending.pop(), ()):
                if plans[i].drawable:
                    plans[i] = plans[i]._replace(drawable=False)
                    pending.append(i)
        for i in named:
            plan = plans[i]
            name = plan.rel.name
            if plan.drawable and plan.junction == self._name(name):
                self.junctions[name] = plan.junction

    def _direct_ends(self, rel: Relation, kind: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
        """The ends (node name, quoted) of an unnamed relation drawn as one
        edge from a claim to a claim (a support or rebuttal with one premise
        or attacker, a contradiction between claims far enough apart); None
        for any other."""
        plain = self.plain
        if kind == "support":
            if len(rel.premises) == 1:
                tail, head = plain.get(rel.premises[0]), plain.get(rel.conclusion)
                if tail is not None and head is not None:
                    return tail, head
        elif kind == "rebuttal":
            # A rebuttal aimed at a claim's id aims at the claim.
            if len(rel.attackers) == 1:
                tail, head = plain.get(rel.attackers[0]), plain.get(rel.target)
                if tail is not None and head is not None:
                    return tail, head
        elif kind == "contradiction" and self.large:  # else spaced
            tail, head = plain.get(rel.first), plain.get(rel.second)
            if tail is not None and head is not None:
                return tail, head
        return None

    def _style(self, kind: str) -> tuple[dict[str, str], str, bool]:
        """An edge kind's style, that style quoted, and whether it shapes the layout; made once."""
        made = self.styles.get(kind)
        if made is None:
            style = edge_style(kind, self.theme)
            made = self.styles[kind] = (style, attribute_list(style), style.get("constraint") != "false")
        return made

    @staticmethod
    def _ins(rel: Relation) -> tuple[str, ...]:
        """What a relation comes from: premises or attackers."""
        if isinstance(rel, Support):
            return rel.premises
        if isinstance(rel, Contradiction):
            return (rel.first,)
        return rel.attackers

    def _aims_at_relation(self, rel: Rebuttal | Undercut, kind: str) -> bool:
        """True when an objection ends at a relation's dot: an undercut
        always; a rebuttal when no claim has its target's id."""
        return (kind == "undercut" or rel.target not in self.claim_ids) and self._is_relation(rel.target)

    def _is_relation(self, name: str) -> bool:
        try:
            self.map.relation(name)
        except KeyError:
            return False
        return True

    def _target_plan(self, plan: _Plan, first: dict[str, int]) -> int | None:
        if not self._aims_at_relation(plan.rel, plan.kind):
            return None
        if self.collapsed and plan.rel.target in self.arguments:
            return None  # the argument's node: drawn or not, decided already
        return first.get(plan.rel.target)

    def _ends_drawable(self, rel: Relation, kind: str) -> bool:
        plain, end = self.plain, self._end  # a plain claim's end is its node
        if kind == "contradiction":
            return (rel.first in plain or end(rel.first) is not None) and (rel.second in plain or end(rel.second) is not None)
        if kind == "support":
            return (rel.conclusion in plain or end(rel.conclusion) is not None) and any(
                p in plain or end(p) is not None for p in rel.premises
            )
        if not any(a in plain or end(a) is not None for a in rel.attackers):
            return False
        if self._aims_at_relation(rel, kind):
            return not self.collapsed or rel.target not in self.arguments or rel.target in self.drawn_arguments
        return rel.target in plain or end(rel.target) is not None

    def _on_page(self, rel: Relation, seen: frozenset[str] = frozenset()) -> bool:
        """On one page of several: a relation is drawn when one of its
        claims is on the page, or it aims at a relation that is."""
        if isinstance(rel, Support):
            ends = (*rel.premises, rel.conclusion)
        elif isinstance(rel, Contradiction):
            ends = (rel.first, rel.second)
        else:
            ends = (*rel.attackers, rel.target)
        if any(end in self.view.shown for end in ends):
            return True
        target = getattr(rel, "target", None)
        if target is None or target in self.claim_ids or target in seen or not self._is_relation(target):
            return False
        return self._on_page(self.map.relation(target), seen | {target})

    def _argument_drawable(self, argument: Argument) -> bool:
        """Collapsed, for an argument that stands for no claim of its own: it
        has a node when its conclusion and one of its other claims (if it
        lists any) are drawn, as claims or inside another argument's node."""
        listed = [ref for step in argument.steps for ref in step.premises + (step.conclusion,) if ref != argument.conclusion]
        ends = [self._end(ref) for ref in listed]
        return self._end(argument.conclusion) is not None and (not ends or any(end is not None for end in ends))

    # -- nodes ----------------------------------------------------------------

    def _nodes(self) -> None:
        # (frame key, drawing method, what it draws)
        entries: list[tuple[str | None, Callable, Any]] = []
        view = self.view
        if not view.folded:
            # The claims drawn are the view's, each once, in order.
            clusters = view.clusters
            if not (clusters or self.drawn_arguments or view.places):
                self._claims(self.g, view.claims)  # nothing in frames: the claims in order
                return
            if clusters:
                entries = [(clusters[c.id].key if c.id in clusters else None, self._claim, c) for c in view.claims]
            else:
                entries = [(None, self._claim, c) for c in view.claims]
            seen: set[str] = self.claim_ids
        else:
            seen = set()
            for claim in self.map.claims:
                if claim.id in seen:
                    continue
                seen.add(claim.id)
                if claim.id in view.shown:
                    cluster = view.clusters.get(claim.id)
                    entries.append((cluster.key if cluster else None, self._claim, claim))
                elif view.folded.get(claim.id) in self.drawn_arguments:
                    argument_id = view.folded[claim.id]
                    if argument_id not in seen:
                        seen.add(argument_id)
                        entries.append((view.places.get(argument_id), self._argument_node, self.arguments[argument_id]))
        order = {ident: i for i, ident in enumerate(self.arguments)}
        for argument_id in sorted(self.drawn_arguments - seen, key=order.__getitem__):
            entries.append((view.places.get(argument_id), self._argument_node, self.arguments[argument_id]))
        if view.places:
            for plan in self.plans:
                if plan.drawable and plan.junction is not None:
                    place = view.places.get(getattr(plan.rel, "argument", None) or plan.rel.name or "")
                    if place is not None and plan.junction not in self.placed:
                        self.placed.add(plan.junction)
                        entries.append((place, self._junction, plan))
        self._emit(entries)

    def _emit(self, entries: list[tuple[str | None, Callable, Any]]) -> None:
        """Draw the entries, each frame (and the frames it nests) at the place of its first entry."""
        frames = self.view.frames
        if not frames:
            for _, draw, item in entries:
                draw(self.g, item)
            return
        content: dict[str | None, list] = {None: []}
        for key, draw, item in entries:
            chain = []
            here = key
            while here is not None and here not in content:
                chain.append(here)
                here = frames[here].parent
            for frame in reversed(chain):
                content[frames[frame].parent].append(_Nested(frame))
                content[frame] = []
            content[key].append((draw, item))
        subs: dict[str, graphviz.Digraph] = {}
        for entry in content[None]:
            if not isinstance(entry, _Nested):
                entry[0](self.g, entry[1])
                continue
            item = entry
            # The frame's subtree, without recursion: the subgraphs first ...
            stack = [item.key]
            while stack:
                key = stack.pop()
                sub = subs[key] = self._frame(key)
                nested = []
                for inner in content[key]:
                    if isinstance(inner, _Nested):
                        sub.body.append(inner)
                        nested.append(inner.key)
                    else:
                        inner[0](sub, inner[1])
                stack.extend(reversed(nested))  # numbered in the order they come
            # ... then their lines, nested ones where their parents hold them.
            lines = [(iter(subs[item.key].__iter__(subgraph=True)), "\t")]
            while lines:
                line = next(lines[-1][0], None)
                if line is None:
                    lines.pop()
                elif isinstance(line, _Nested):
                    lines.append((iter(subs[line.key].__iter__(subgraph=True)), lines[-1][1] + "\t"))
                else:
                    self.g.body.append(lines[-1][1] + line)

    def _frame(self, key: str) -> graphviz.Digraph:
        frame = self.view.frames[key]
        prefix = self.prefix.replace(".", "_")
        if frame.argument is not None:
            sub = graphviz.Digraph(name=f"cluster_{prefix}argument_{node_name(frame.argument.id)}")
            self._argument_box(sub, frame.argument)
            return sub
        self.frame_numbers[key] = len(self.frame_numbers) + 1
        sub = graphviz.Digraph(name=f"cluster_{prefix}group_{self.frame_numbers[key]}")
        sub.attr(
            label=html_label(f"<B>{escape(frame.label)}</B>"),
            style="rounded,filled",
            fillcolor=self.theme.cluster_fill,
            color=self.theme.cluster_border,
            fontcolor=self.theme.text,
            labeljust="l",
            # The bottom (the layout runs bottom to top): arrows
            # leave a group upwards, and would cross a label on top.
            labelloc="t",
            margin="12",
        )
        return sub

    def _claim(self, g, claim: Claim) -> None:
        self._claims(g, (claim,))

    def _claims(self, g, claims) -> None:
        """Claims' nodes, in order."""
        plain = self.plain_label
        if plain is None:
            for claim in claims:
                self._full_claim(g, claim)
            return
        head, cell = plain
        before, after = self.lines.cut({}, "label")
        names, append, add_node, width, sources = self.plain, g.body.append, self.nodes.append, self.options.wrap, self.options.sources
        for claim in claims:
            if claim.basis is None and not (claim.implicit or claim.note or claim.tags or claim.source and sources):
                # Most claims of most maps: no status, mark, badge or tooltip.
                name, quoted = names[claim.id]
                label = f"{head}{escape(claim.id)}</FONT></TD></TR>{cell}{wrapped(claim.text, width) or ' '}</FONT></TD></TR></TABLE>>"
                append(f"\t{quoted}{before}{quote_value(label)}{after}\n")
                add_node(name)
            else:
                self._full_claim(g, claim)

    def _full_claim(self, g, claim: Claim) -> None:
        """A claim's node with all it may have: status, mark, badges, tooltip."""
        name, quoted = self.plain[claim.id]
        theme, view = self.theme, self.view
        mark = self.marks.get(claim.id) if self.marks else None
        status = self.status.get(claim.id) if self.status else None
        attributes: dict[str, str] = {}
        style = "rounded,filled"
        if claim.implicit:
            style += ",dashed"
            attributes["fillcolor"] = theme.implicit_fill
            self.used.flags.add("implicit")
        elif status == "unchallenged":  # dotted: told apart in black and white too
            style += ",dotted"
            attributes["penwidth"] = _num(theme.penwidth * 1.5)
        if status or mark:
            attributes.update(self._filled(claim.id, mark, status))
        if claim.id == view.focus:
            attributes["penwidth"] = _num(theme.penwidth * 3)
            attributes["color"] = theme.focus_border
            self.used.flags.add("focus")
        if style != "rounded,filled":
            attributes["style"] = style
        label = self._label(claim, mark, status)
        tooltip = _tooltip(None, claim.note, claim.tags) if claim.note or claim.tags else None
        if tooltip:
            attributes["tooltip"] = tooltip
            g.body.append(self.lines.node(name, attribute_list({"label": label, **attributes})))
        else:
            # Claims share a few sets of attributes, each with its own label.
            g.body.append(self.lines.varying(name, attributes, "label", label, quoted))
        self.nodes.append(name)

    def _filled(self, ident: str, mark: str | None, status: str | None) -> dict[str, str]:
        """The fill and border of a claim's or an argument's node for its status and its position's mark."""
        attributes = {}
        if status:
            attributes["fillcolor"] = getattr(self.theme, f"{status}_fill")
            self.used.statuses.add(status)
        if mark == "rejects":
            if not status:
                attributes["fillcolor"] = self.theme.position_rejected_fill
            self.used.flags.add("position_rejects")
        if mark == "accepts":
            attributes["penwidth"] = _num(self.theme.penwidth * 3)
            self.used.flags.add("position_accepts")
        return attributes

    def _label(self, claim: Claim, mark: str | None, status: str | None) -> str:
        theme, view = self.theme, self.view
        if view.numbers and claim.id in view.numbers:
            number = view.numbers[claim.id]
            left = f'<FONT POINT-SIZE="{_num(theme.fontsize + 2)}"><B>{number}</B></FONT>'
        else:
            left = self._small(claim.id) if self.show_ids else ""
        right = self._badges(status) if status else []
        if claim.basis is not None:
            self.used.bases.add(claim.basis)
            basis = f"{BASIS_SYMBOLS[claim.basis]} {self.words[claim.basis]}"
            right.append((basis, 0, f"<TD>{self._small(basis)}</TD>"))
        if claim.source and self.options.sources:
            self.used.sources.add(claim.source)
            right.append(
                (
                    claim.source,
                    6,
                    f'<TD BGCOLOR="{theme.badge_fill}" COLOR="{theme.badge_border}" BORDER="1" CELLPADDING="1">'
                    f'<FONT POINT-SIZE="{_num(theme.small_fontsize)}" COLOR="{theme.text}">{escape(claim.source)}</FONT></TD>',
                )
            )
        hidden = view.hidden.get(claim.id) if view.hidden else None
        if hidden:
            self.used.flags.add("hidden")
            more = self.words["hidden"].format(n=hidden)
            right.append((more, 0, f"<TD>{self._small(more)}</TD>"))
        inline = None
        if self.dense and not left and right and claim.id not in view.blank:
            # Print: the badges follow the text in small print, no row of their own.
            inline, right = right, []
        header, span = self._header(left, right)
        if inline is not None:
            body = self._text_cell(claim.text, span, mark, after=self._inline_badges(claim.text, inline))
        elif view.blank and claim.id in view.blank:
            lines = max(2, len(wrap(claim.text, self.options.wrap)))
            height = int(lines * theme.fontsize * 1.35)
            width = int(self.options.wrap * theme.fontsize * 0.55)
            body = f'<TD COLSPAN="{span}" WIDTH="{width}" HEIGHT="{height}"> </TD>'
        else:
            body = self._text_cell(claim.text, span, mark)
        bar = ""
        strengths = view.evaluation.strengths if view.evaluation else None
        if strengths is not None and claim.id in strengths:
            self.used.flags.add("strength")
            bar = f'<TR><TD COLSPAN="{span}" ALIGN="LEFT">{_strength_bar(strengths[claim.id], theme)}</TD></TR>'
        return html_label(f"{_TABLE}{header}<TR>{body}</TR>{bar}</TABLE>")

    def _small(self, text: str) -> str:
        return f"{self.small}{escape(text)}</FONT>"

    def _badges(self, status: str | None) -> list[tuple[str, int, str]]:
        """The status cell of a header row, when there is a status: (plain text, padding and border, cell markup)."""
        if not status:
            return []
        word = f"{_STATUS_SYMBOL[status]} {self.words[status]}"
        return [(word, 0, f"<TD>{self._small(word)}</TD>")]

    def _header(self, left: str, right: list[tuple[str, int, str]]) -> tuple[str, int]:
        """A node's first row, id (or number) left, badges right (none when
        both are empty), and the columns it has (1 without a row)."""
        if not right:
            return (f'<TR><TD ALIGN="LEFT">{left}</TD></TR>', 1) if left else ("", 1)
        key = tuple(right)
        row = self.badge_rows.get(key)
        if row is None:
            row = self.badge_rows[key] = _right_aligned(right, self.theme)
        # A gap keeps the id apart from the status in a narrow node.
        return f'<TR><TD ALIGN="LEFT">{left}</TD><TD WIDTH="8"></TD><TD ALIGN="RIGHT">{row}</TD></TR>', 3

    def _inline_badges(self, text: str, cells: list[tuple[str, int, str]]) -> str:
        """Badges as small print after a claim's text: on its last line when they fit there, else on a line below."""
        plain = " · ".join(word for word, _, _ in cells)
        lines = wrap(text, self.options.wrap)
        room = self.options.wrap * 1.15 - len(lines[-1] if lines else "")
        # Small print: about two thirds of a body character each.
        joint = "  " if len(plain) * self.theme.small_fontsize / self.theme.fontsize <= room else "<BR/>"
        return joint + f'<FONT POINT-SIZE="{_num(self.theme.small_fontsize)}" COLOR="{self.theme.muted}">{escape(plain)}</FONT>'

    def _text_cell(self, text: str, span: int, mark: str | None, width: int | None = None, style: str = "", after: str = "") -> str:
        lines = wrapped(text, width or self.options.wrap) or " "
        colour = self.theme.text
        if style:
            lines = f"<{style}>{lines}</{style}>"
        if mark == "rejects":
            lines = f"<S>{lines}</S>"
            colour = self.theme.rejected_text
        if mark == "accepts":
            lines = f"<B>{lines}</B>"
        return f'<TD COLSPAN="{span}" ALIGN="LEFT" BALIGN="LEFT"><FONT COLOR="{colour}">{lines}</FONT>{after}</TD>'

    def _argument_rows(self, argument: Argument, mark: str | None, status: str | None) -> list[str]:
        """An argument's title (bold), gist (italic) and inference rule (small), under its id and status."""
        header, span = self._header(self._small(argument.id) if self.show_ids else "", self._badges(status))
        rows = [header] if header else []
        rows.append(f"<TR>{self._text_cell(argument.title, span, mark, style='B')}</TR>")
        if argument.gist:
            rows.append(f"<TR>{self._text_cell(argument.gist, span, mark, style='I')}</TR>")
        if argument.inference:
            inference = self.words["inference"].format(rule=argument.inference)
            rows.append(f'<TR><TD COLSPAN="{span}" ALIGN="LEFT">{self._small(inference)}</TD></TR>')
        if self.collapsed and self.view.evaluation is not None:
            # A claim folded into the node that does not hold is named, so
            # that the node does not look accepted as a whole.
            for ref, owner in self.view.folded.items():
                inner = self.view.evaluation.status.get(ref)
                if owner == argument.id and inner in ("rejected", "undecided"):
                    self.used.statuses.add(inner)
                    line = self.words["inside_status"].format(symbol=_STATUS_SYMBOL[inner], id=ref, status=self.words[inner])
                    rows.append(f'<TR><TD COLSPAN="{span}" ALIGN="LEFT">{self._small(line)}</TD></TR>')
        strengths = self.view.evaluation.strengths if self.view.evaluation else None
        if strengths is not None and argument.id in strengths:
            self.used.flags.add("strength")
            rows.append(f'<TR><TD COLSPAN="{span}" ALIGN="LEFT">{_strength_bar(strengths[argument.id], self.theme)}</TD></TR>')
        return rows

    def _argument_box(self, sub: graphviz.Digraph, argument: Argument) -> None:
        """Expanded: the frame of an argument, titled with its title and gist."""
        theme = self.theme
        mark = self.panel.marks.get(argument.id)
        status = self.view.evaluation.status.get(argument.id) if self.view.evaluation else None
        if status:
            self.used.statuses.add(status)
        rows = self._argument_rows(argument, mark, status)
        table = _TABLE + "".join(rows) + "</TABLE>"
        attributes = {
            "label": html_label(table),
            "style": "filled",
            "fillcolor": theme.argument_fill,
            "color": theme.argument_border,
            "penwidth": _num(theme.penwidth * (3 if mark == "accepts" else 1.5)),
            "fontcolor": theme.text,
            "labeljust": "l",
            "labelloc": _top(self.options),
            "margin": "10",
        }
        tooltip = _tooltip(argument.id, argument.note, argument.tags)
        if tooltip:
            attributes["tooltip"] = tooltip
        sub.attr(**attributes)
        self.used.flags.add("argument")

    def _argument_node(self, g, argument: Argument) -> None:
        """Collapsed: one node for an argument, with its title and gist."""
        mark = self.panel.marks.get(argument.id)
        status = self.view.evaluation.status.get(argument.id) if self.view.evaluation else None
        rows = self._argument_rows(argument, mark, status)
        table = _TABLE + "".join(rows) + "</TABLE>"
        attributes = {
            "style": "filled",
            "fillcolor": self.theme.argument_fill,
            "color": self.theme.argument_border,
            "penwidth": _num(self.theme.penwidth * 1.5),
        }
        attributes.update(self._filled(argument.id, mark, status))
        tooltip = _tooltip(argument.id, argument.note, argument.tags)
        if tooltip:
            attributes["tooltip"] = tooltip
        name = self._name(argument.id)
        g.node(name, label=html_label(table), **attributes)
        self.nodes.append(name)
        self.used.flags.add("argument_node")

    def _end(self, claim_id: str) -> str | None:
        """:meth:`_endpoint`, where a claim a collapsed argument stands for is the argument's node."""
        argument_id = self.view.folded.get(claim_id)
        if argument_id is not None:
            if argument_id in self.drawn_arguments:
                return self._name(argument_id)
            return self._elsewhere(claim_id)
        return self._endpoint(claim_id)

    def _elsewhere(self, claim_id: str) -> str | None:
        """The node of the mark for a claim on another page; None when there is no such page."""
        page = self.options.page
        if page is not None and claim_id in page.elsewhere:
            return f"{self.prefix}page-{node_name(claim_id)}"
        return None

    def _endpoint(self, claim_id: str) -> str | None:
        """The node name for a claim id: drawn, or drawn as a placeholder
        when the map does not define it; None when the view leaves it out."""
        # Asked for every end of every relation, several times: found once.
        found = self.endpoints.get(claim_id, _UNKNOWN)
        if found is _UNKNOWN:
            found = self.endpoints[claim_id] = self._find_endpoint(claim_id)
        return found

    def _find_endpoint(self, claim_id: str) -> str | None:
        if claim_id in self.view.shown:
            return self._name(claim_id)
        if self._elsewhere(claim_id) is not None:
            return self._elsewhere(claim_id)
        if self.view.focus is not None or claim_id in self.claim_ids:
            return None
        return self._name(claim_id)

    def _name(self, ident: str) -> str:
        name = self.names.get(ident)
        if name is None:
            name = self.names[ident] = self.prefix + node_name(ident)
        return name

    def _placeholder(self, claim_id: str) -> tuple[str, str | None] | None:
        """:meth:`_end`, drawing an undefined id so that the mistake shows;
        with the id of the claim a collapsed argument's node stands for."""
        plain = self.plain.get(claim_id)
        if plain is not None:
            return plain[0], None  # the common case, first
        if claim_id in self.view.folded:
            name = self._end(claim_id)
            if name is not None and name == self._elsewhere(claim_id):
                self.stub_claims[name] = claim_id
                return name, None
            return None if name is None else (name, claim_id)
        name = self._endpoint(claim_id)
        if name is not None and claim_id not in self.view.shown and name == self._elsewhere(claim_id):
            self.stub_claims[name] = claim_id
            return name, None
        if name is None or claim_id in self.view.shown or claim_id in self.placeholders:
            return None if name is None else (name, None)
        self.placeholders.add(claim_id)
        self.used.flags.add("undefined")
        label = (
            f'<FONT COLOR="{self.theme.muted}" POINT-SIZE="{_num(self.theme.small_fontsize)}">{escape(claim_id)}</FONT>'
            f"<BR/>{escape(self.words['undefined'])}"
        )
        self.g.node(name, label=html_label(label), style="rounded,dashed,filled", fillcolor=self.theme.background)
        self.nodes.append(name)
        return name, None

    def _stub_end(self, tail: str, head: str, kind: str, merge: bool = True) -> str | None:
        """The mark an edge from a claim on another page starts at, or None
        when it is drawn already. Claims on later pages share one mark
        (``→ page 2, 3``, and how many they are), so that a claim whose
        reasons fill several pages stays narrow."""
        claim_id = self.stub_claims[tail]
        page = self.options.page
        number = page.elsewhere[claim_id]
        if merge and number > page.number and head not in self.stub_claims:
            tail = f"{self.prefix}page-later"
        if (tail, head, kind) in self.stub_edges:
            return None
        self.stub_edges.add((tail, head, kind))
        claims = self.stubs.setdefault(tail, [])
        if claim_id not in claims:
            claims.append(claim_id)
        return tail

    def _draw_stubs(self) -> None:
        """The marks for claims on other pages: the page, and the claim's
        first words (or how many claims there are)."""
        page = self.options.page
        texts = {c.id: c.text for c in reversed(self.map.claims)}
        for name, claims in self.stubs.items():
            numbers = sorted({page.elsewhere[c] for c in claims})
            where = self.words["page_next" if numbers[0] > page.number else "page_from"].format(page=_ranges(numbers))
            if len(claims) == 1:
                lines = wrap(texts[claims[0]], min(self.options.wrap, _STUB_WRAP))
                text = "<BR/>".join(escape(line) for line in lines[:2]) + ("…" if len(lines) > 2 else "")
            else:
                text = escape(self.words["page_claims"].format(n=len(claims)))
            label = f"<B>{escape(where)}</B><BR/>" + f'<FONT COLOR="{self.theme.muted}">{text}</FONT>'
            self.g.node(name, label=html_label(label), style="rounded,dashed,filled", fillcolor=self.theme.background)
            self.nodes.append(name)

    def _edge(self, tail, head, kind: str, spaced: bool = False) -> None:
        """An edge of one kind; ``tail`` and ``head`` are node names, or
        (node name, id of the claim a collapsed argument stands for)."""
        tail, tail_id = tail if tail.__class__ is tuple else (tail, None)
        head, head_id = head if head.__class__ is tuple else (head, None)
        if self.stub_claims:
            if tail in self.stub_claims:
                tail = self._stub_end(tail, head, kind)
                if tail is None:
                    return
            elif head in self.stub_claims:
                if self._stub_end(head, tail, kind, merge=False) is None:
                    return
        style, listed, shapes = self.styles.get(kind) or self._style(kind)
        if spaced or tail_id is not None or head_id is not None:
            more = {}
            if spaced:
                # An invisible label keeps two claims side by side far enough
                # apart for the dotted line between them to show.
                more["label"] = html_label(_SPACER)
            for where, ident in (("taillabel", tail_id), ("headlabel", head_id)):
                if ident is not None and self.options.show_ids:
                    more[where] = html_label(self._small(ident))
                    more["labeldistance"] = "2.2"
                    self.used.flags.add("folded")
            if more:
                style = {**style, **more}
                listed = attribute_list(style)
        body = self.g.body
        if shapes:
            self.heads.add(head)
            if self.keep_layout:
                self.layout_edges.append((tail, head))
                if self.staggered:
                    self.fan_edges.append((len(body), tail, head, style))
        body.append(self.lines.edge(tail, head, listed))

    def bottom_nodes(self) -> list[str]:
        """The claim nodes no edge points at, in order: the lowest of the map
        (without those that stand level with a named contradiction's dot,
        unless nothing else is lowest)."""
        lowest = [name for name in self.nodes if name not in self.heads]
        return [name for name in lowest if name not in self.level] or lowest

    # -- relations ------------------------------------------------------------

    def _relations(self) -> None:
        draw = {"support": self._support, "rebuttal": self._objection, "undercut": self._objection, "contradiction": self._contradiction}
        body = self.g.body
        kinds = self.used.relations
        # What _edge records of an edge, for the edges written while planning.
        recorded, styles, heads, keep, layout_edges = self.recorded, self.styles, self.heads, self.keep_layout, self.layout_edges
        fans = self.fan_edges if self.staggered else None
        for plan in self.plans:
            _, kind, drawable, _, line, ends = plan
            if line is not None:
                if recorded:
                    style, _, shapes = styles[kind]
                    if shapes:
                        heads.add(ends[1])
                        if keep:
                            layout_edges.append(ends)
                            if fans is not None:
                                fans.append((len(body), *ends, style))
                body.append(line)
                kinds.add(kind)  # the legend's row: support, rebuttal or contradiction
            elif drawable:
                draw[kind](plan)
            elif self.collapsed and plan.kind == "support" and plan.rel.argument is not None:
                if plan.rel.name == plan.rel.argument and plan.rel.argument in self.drawn_arguments:
                    self._argument_edges(self.arguments[plan.rel.argument])

    def _support(self, plan: _Plan) -> None:
        support = plan.rel
        conclusion = self._placeholder(support.conclusion)
        premises = [p for p in (self._placeholder(p) for p in support.premises) if p is not None]
        self.used.relations.add("support")
        if plan.junction is None:
            self._edge(premises[0], conclusion, "support")
            return
        if support.linked:
            self.used.relations.add("linked")
        if support.name is not None:
            self.used.relations.add("named")
        self._junction(self.g, plan)
        for premise in premises:
            self._edge(premise, plan.junction, "link")
        self._edge(plan.junction, conclusion, "support")

    def _argument_edges(self, argument: Argument) -> None:
        """Collapsed: the claims an argument lists but does not stand for
        meet at its node; one arrow goes on to its conclusion."""
        node = self._name(argument.id)
        self.used.relations.add("support")
        listed = dict.fromkeys(ref for step in argument.steps for ref in step.premises + (step.conclusion,))
        for ref in listed:
            if ref != argument.conclusion and self.view.folded.get(ref) != argument.id:
                end = self._placeholder(ref)
                if end is not None:
                    self._edge(end, node, "link")
        conclusion = self._placeholder(argument.conclusion)
        if conclusion is not None:
            self._edge(node, conclusion, "support")

    def _junction(self, g, plan: _Plan) -> None:
        """A relation's dot."""
        if plan.junction in self.placed and g is self.g:
            return  # drawn in its frame
        name = plan.rel.name
        if name is None or plan.junction != self._name(name):
            listed = self.dots.get(plan.kind)
            if listed is None:
                listed = self.dots[plan.kind] = attribute_list(self._dot(plan.kind))
            g.body.append(self.lines.node(plan.junction, listed))
            return
        theme = self.theme
        attributes = self._dot(plan.kind)
        tooltip = _tooltip(name, plan.rel.note, plan.rel.tags)
        status = self.status.get(name) if self.status is not None else None
        mark = self.marks.get(name)
        if status == "rejected" or mark == "rejects":
            attributes["fillcolor"] = theme.background
            self.used.flags.add("dot_rejected")
        if status == "undecided":
            attributes["fillcolor"] = theme.undecided_fill
            self.used.flags.add("dot_undecided")
        if mark == "accepts":
            attributes.update(width="0.2", height="0.2")
        if tooltip is None:
            g.body.append(self.lines.node(plan.junction, attribute_list(attributes)))
        else:
            # The same few sets of attributes on many dots, each with its own tooltip.
            g.body.append(self.lines.varying(plan.junction, attributes, "tooltip", tooltip))

    def _dot(self, kind: str) -> dict[str, str]:
        """The attributes of a relation's dot, before its status and mark."""
        colour = getattr(self.theme, kind)
        return {
            "shape": "point",
            "width": "0.11",
            "height": "0.11",
            "color": colour,
            "fillcolor": colour,
            "style": "filled",
            "label": "",
        }

    def _aim(self, plan: _Plan):
        """The node an objection ends at: the dot of the relation (or the
        node of the collapsed argument) it aims at, or a claim."""
        target = plan.rel.target
        if self._aims_at_relation(plan.rel, plan.kind):
            return self.junctions.get(target) or self._first_junction(target)
        return self._placeholder(target)

    def _first_junction(self, name: str) -> str | None:
        index = self.first.get(name)
        return None if index is None else self.plans[index].junction

    def _objection(self, plan: _Plan) -> None:
        rel, kind = plan.rel, plan.kind
        target = self._aim(plan)
        attackers = [a for a in (self._placeholder(a) for a in rel.attackers) if a is not None]
        if target is None or not attackers:
            return
        aimed = self._aimed_kind(rel.target) if kind == "undercut" else None
        if aimed is not None:
            self.used.relations.add(aimed)
        elif plan.junction is None:
            self.used.relations.add(kind)
        if plan.junction is None:
            self._edge(attackers[0], target, kind)
            return
        if rel.linked:
            self.used.relations.add(f"linked_{kind}")
        if rel.name is not None:
            self.used.relations.add(f"named_{kind}")
        self._junction(self.g, plan)
        for attacker in attackers:
            self._edge(attacker, plan.junction, f"{kind}_link")
        self._edge(plan.junction, target, kind)

    def _aimed_kind(self, name: str) -> str | None:
        """The legend row of an undercut aimed at an objection, by the objection's kind."""
        try:
            aimed = self.map.relation(name)
        except KeyError:
            return None
        if isinstance(aimed, Rebuttal):
            return "undercut_objection"
        if isinstance(aimed, Undercut):
            return "undercut_undercut"
        if isinstance(aimed, Contradiction):
            return "undercut_contradiction"
        return None

    def _contradiction(self, plan: _Plan) -> None:
        contradiction = plan.rel
        first = self._placeholder(contradiction.first)
        second = self._placeholder(contradiction.second)
        if plan.junction is None:
            self.used.relations.add("contradiction")
            self._edge(first, second, "contradiction", spaced=not self.large)
            return
        # The dot stands between the two claims, on their rank: invisible
        # edges that may be flat place it (and keep the first claim left of
        # it, the second right); the dotted halves, like an unnamed
        # contradiction, leave the ranks alone. The first claim is not tied
        # to the legend, which would hold it a rank below the dot.
        self.used.relations.add("named_contradiction")
        self._junction(self.g, plan)
        self.g.edge(first[0], plan.junction, style="invis", minlen="0", weight="1")
        self.g.edge(plan.junction, second[0], style="invis", minlen="0", weight="1")
        self.heads.update((plan.junction, second[0]))
        self.level.add(first[0])
        self._edge(first, plan.junction, "contradiction_first", spaced=not self.large)
        self._edge(plan.junction, second, "contradiction_second", spaced=not self.large)


def _ranges(numbers: list[int]) -> str:
    """Page numbers in order, runs as ranges: ``2, 4–6``."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def _tooltip(name: str | None, note: str | None, tags: tuple[str, ...]) -> str | None:
    """The text shown when the pointer rests on a node or a dot: its name, note and tags."""
    parts = [part for part in (name, note) if part]
    if tags:
        parts.append("#" + " #".join(tags))
    if not parts:
        return None
    # As in labels, a word joiner after each backslash: Graphviz expands
    # \N and \G in a tooltip even when the backslash is doubled.
    text = clean(" — ".join(parts)).replace("\\", "\\" + WORD_JOINER)
    return graphviz.escape(text)


def _right_aligned(cells: list[tuple[str, int, str]], theme: Theme) -> str:
    """A row of small cells that keeps its own width when its column is wider.

    Graphviz spreads a table's spare width over all columns, which would
    stretch the source badge; a table of fixed size does not stretch, and
    its size is estimated from the text with a generous margin.
    """
    gap = 4
    spacer = f'<TD FIXEDSIZE="TRUE" WIDTH="{gap}" HEIGHT="1"></TD>'
    width = sum(text_width(text, theme.small_fontsize) * 1.03 + padding for text, padding, _ in cells) + gap * (len(cells) - 1) + 1
    height = theme.small_fontsize * 1.2 + 5
    return (
        f'<TABLE FIXEDSIZE="TRUE" WIDTH="{ceil(width)}" HEIGHT="{ceil(height)}" ALIGN="RIGHT" '
        f'BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
        + spacer.join(markup for _, _, markup in cells)
        + "</TR></TABLE>"
    )


def _strength_bar(strength: float, theme: Theme, full: int = 80) -> str:
    """A bar as long as the strength (0 to 1), then the number."""
    strength = min(1.0, max(0.0, strength))
    height = 7
    strong = round(full * strength)
    cells = []
    if strong:
        cells.append(f'<TD FIXEDSIZE="TRUE" WIDTH="{strong}" HEIGHT="{height}" BGCOLOR="{theme.bar}"></TD>')
    if full - strong:
        cells.append(f'<TD FIXEDSIZE="TRUE" WIDTH="{full - strong}" HEIGHT="{height}" BGCOLOR="{theme.bar_rest}"></TD>')
    number = f"{strength:.2f}"
    cells.append(f'<TD><FONT POINT-SIZE="{_num(theme.small_fontsize)}" COLOR="{theme.muted}">{number}</FONT></TD>')
    width = full + 6 + text_width(number, theme.small_fontsize) * 1.08 + 4
    return (
        f'<TABLE FIXEDSIZE="TRUE" WIDTH="{ceil(width)}" HEIGHT="{ceil(theme.small_fontsize * 1.2 + 4)}" ALIGN="LEFT" '
        'BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>' + "".join(cells) + "</TR></TABLE>"
    )
