"""Building the :class:`graphviz.Digraph` of a map.

One pass in source order: the claims (each a node named by its id, grouped
into clusters), then the relations. A support with several premises, or
with a name, gets a junction point: its premises meet there, one arrow goes
on to the conclusion, and undercuts aim at that point. Conclusions are on
top (``rankdir=BT``), so every arrow points up, from reason to claim.
"""

from __future__ import annotations

from contextlib import contextmanager
from math import ceil

import graphviz

from argmap.model import ArgumentMap, Claim, Contradiction, Rebuttal, Support, Undercut
from argmap.render.labels import escape, html_label, text_width, wrap
from argmap.render.legend import LEGEND_NODE, Used, legend_label
from argmap.render.options import RenderOptions
from argmap.render.themes import Theme
from argmap.render.views import Panel, View, node_name, view_of
from argmap.render.words import BASIS_SYMBOLS, words_for

__all__ = ["build", "LARGE_MAP", "HUGE_MAP", "edge_style"]

#: From this many claims on, a drawing uses layout settings that stay fast:
#: polyline edges, fewer rounds of crossing minimisation and of placing
#: nodes, and a legend that stands beside the map (see docs/performance.md).
LARGE_MAP = 300
#: From this many claims on, edges are straight lines and the layout rounds
#: are cut further.
HUGE_MAP = 1500

_SPACER = '<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD FIXEDSIZE="TRUE" WIDTH="56" HEIGHT="1"></TD></TR></TABLE>'

_STATUS_SYMBOL = {"accepted": "✓", "rejected": "✗", "undecided": "?"}


def edge_style(kind: str, theme: Theme) -> dict[str, str]:
    """The DOT attributes of an edge of one kind: ``support``, ``link`` (a
    premise to its junction), ``rebuttal``, ``undercut``, ``contradiction``.

    Every kind differs in line style or arrowhead, not only in colour.
    """
    pw = theme.penwidth
    styles = {
        "support": {"color": theme.support, "arrowhead": "normal", "penwidth": _num(pw), "weight": "2"},
        "link": {"color": theme.support, "arrowhead": "none", "penwidth": _num(pw), "weight": "2"},
        "rebuttal": {"color": theme.rebuttal, "arrowhead": "tee", "arrowsize": "1.2", "penwidth": _num(pw * 1.8), "style": "bold"},
        "undercut": {"color": theme.undercut, "arrowhead": "tee", "arrowsize": "1.2", "penwidth": _num(pw * 1.5), "style": "dashed"},
        "contradiction": {
            "color": theme.contradiction,
            "style": "dotted",
            "dir": "both",
            "arrowhead": "normal",
            "arrowtail": "normal",
            "penwidth": _num(pw * 1.8),
            "constraint": "false",
        },
    }
    return styles[kind]


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
    theme = options.the_theme
    view = view_of(argument_map, options)
    words = words_for(argument_map.lang)
    size = len(view.claims) * len(view.panels)
    large = size >= LARGE_MAP
    g = graphviz.Digraph(name="argmap", graph_attr=_graph_attributes(argument_map, theme, size))
    g.attr("node", **_node_defaults(theme))
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
                    labelloc="b",  # the top, when the layout runs bottom to top
                    margin="14",
                )
                panels.append(_Panel(sub, argument_map, view, panel, theme, words, options, used))
                panels[-1].draw()
    if options.legend and used:
        g.node(LEGEND_NODE, label=legend_label(argument_map, used, theme, words, view), shape="plaintext", style="", margin="0")
        if not large and len(panels) == 1:
            # Invisible edges to every node nothing points at put the legend
            # on a rank of its own below the map, without moving the map.
            # Elsewhere the legend stands beside the lowest rank: in a large
            # map the edges would cost more than they help, and side by side
            # they would tie the panels together, which then no longer come
            # out in the same order.
            for name in panels[0].bottom_nodes():
                g.edge(LEGEND_NODE, name, style="invis", weight="0")
    return g


def _graph_attributes(argument_map: ArgumentMap, theme: Theme, size: int) -> dict[str, str]:
    attributes = {
        "rankdir": "BT",
        "newrank": "true",
        "bgcolor": theme.background,
        "fontname": _font(theme),
        "fontcolor": theme.text,
        "fontsize": _num(theme.fontsize),
        "nodesep": "0.3",
        "ranksep": "0.45",
        "pad": "0.25",
        "outputorder": "edgesfirst",
    }
    title = _title_label(argument_map, theme)
    if title:
        attributes.update(label=title, labelloc="t", labeljust="c")
    # dot's crossing minimisation and its network simplex (which places the
    # nodes) grow much faster than the map: bound their rounds.
    if size >= HUGE_MAP:
        rounds = _num(max(0.02, 300 / size))  # about 300 rounds, whatever the size
        attributes.update(splines="line", nslimit=rounds, nslimit1=rounds, mclimit="0.1", remincross="false", searchsize="10")
    elif size >= LARGE_MAP:
        attributes.update(splines="polyline", nslimit="1", nslimit1="1", mclimit="0.3", remincross="false", searchsize="20")
    return attributes


def _title_label(argument_map: ArgumentMap, theme: Theme) -> str | None:
    parts = []
    if argument_map.title:
        lines = "<BR/>".join(escape(line) for line in wrap(argument_map.title, 60))
        parts.append(f'<FONT POINT-SIZE="{_num(theme.fontsize + 5)}"><B>{lines}</B></FONT>')
    if argument_map.question:
        lines = "<BR/>".join(escape(line) for line in wrap(argument_map.question, 70))
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


class _Panel:
    """Draws the whole map once into ``g`` (the graph, or one position's cluster)."""

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
        self.junctions: dict[str, str] = {}
        self.nodes: list[str] = []  # claim nodes (and placeholders), in order
        self.heads: set[str] = set()  # nodes an edge that shapes the layout points at
        self.claim_ids = {c.id for c in argument_map.claims}
        self.large = len(view.claims) * len(view.panels) >= LARGE_MAP
        if panel.position is not None:
            used.positions.append(panel.position)

    # -- nodes ----------------------------------------------------------------

    def draw(self) -> None:
        self._claims()
        for number, support in enumerate(self.map.supports, 1):
            if support.name and support.name not in self.junctions and self._drawable(support):
                self.junctions[support.name] = self._junction_name(support, number)
        supports = 0
        for rel in self.map.relations:
            if isinstance(rel, Support):
                supports += 1
                self._support(rel, supports)
            elif isinstance(rel, Rebuttal):
                self._attack(rel.attacker, rel.target, "rebuttal")
            elif isinstance(rel, Undercut):
                self._attack(rel.attacker, rel.target, "undercut")
            elif isinstance(rel, Contradiction):
                self._contradiction(rel)

    def _claims(self) -> None:
        members: dict[str, list[Claim]] = {}
        for claim in self.view.claims:
            cluster = self.view.clusters.get(claim.id)
            if cluster is not None:
                members.setdefault(cluster.key, []).append(claim)
        done: set[str] = set()
        for claim in self.view.claims:
            cluster = self.view.clusters.get(claim.id)
            if cluster is None:
                self._claim(self.g, claim)
            elif cluster.key not in done:
                done.add(cluster.key)
                with _subgraph(self.g, f"cluster_{self.prefix.replace('.', '_')}group_{len(done)}") as sub:
                    sub.attr(
                        label=html_label(f"<B>{escape(cluster.label)}</B>"),
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
                    for member in members[cluster.key]:
                        self._claim(sub, member)

    def _claim(self, g, claim: Claim) -> None:
        theme, view = self.theme, self.view
        mark = self.panel.marks.get(claim.id)
        status = view.evaluation.status.get(claim.id) if view.evaluation else None
        attributes: dict[str, str] = {}
        style = "rounded,filled"
        if claim.implicit:
            style += ",dashed"
            attributes["fillcolor"] = theme.implicit_fill
            self.used.flags.add("implicit")
        if status:
            attributes["fillcolor"] = getattr(theme, f"{status}_fill")
            self.used.statuses.add(status)
        if mark == "rejects":
            if not status:
                attributes["fillcolor"] = theme.position_rejected_fill
            self.used.flags.add("position_rejects")
        if mark == "accepts":
            attributes["penwidth"] = _num(theme.penwidth * 3)
            self.used.flags.add("position_accepts")
        if claim.id == view.focus:
            attributes["penwidth"] = _num(theme.penwidth * 3)
            attributes["color"] = theme.focus_border
            self.used.flags.add("focus")
        if style != "rounded,filled":
            attributes["style"] = style
        g.node(self._name(claim.id), label=self._label(claim, mark, status), **attributes)
        self.nodes.append(self._name(claim.id))

    def _label(self, claim: Claim, mark: str | None, status: str | None) -> str:
        theme, view, words = self.theme, self.view, self.words
        small = _num(theme.small_fontsize)
        if claim.id in view.numbers:
            number = view.numbers[claim.id]
            left = f'<FONT POINT-SIZE="{_num(theme.fontsize + 2)}"><B>{number}</B></FONT>'
        else:
            left = f'<FONT POINT-SIZE="{small}" COLOR="{theme.muted}">{escape(claim.id)}</FONT>'
        right: list[tuple[str, int, str]] = []  # (plain text, padding and border, cell markup)
        if status:
            word = f"{_STATUS_SYMBOL[status]} {words[status]}"
            right.append((word, 0, f'<TD><FONT POINT-SIZE="{small}" COLOR="{theme.muted}">{escape(word)}</FONT></TD>'))
        if claim.basis is not None:
            self.used.bases.add(claim.basis)
            basis = f"{BASIS_SYMBOLS[claim.basis]} {words[claim.basis]}"
            right.append((basis, 0, f'<TD><FONT POINT-SIZE="{small}" COLOR="{theme.muted}">{escape(basis)}</FONT></TD>'))
        if claim.source:
            self.used.sources.add(claim.source)
            right.append(
                (
                    claim.source,
                    6,
                    f'<TD BGCOLOR="{theme.badge_fill}" COLOR="{theme.badge_border}" BORDER="1" CELLPADDING="1">'
                    f'<FONT POINT-SIZE="{small}" COLOR="{theme.text}">{escape(claim.source)}</FONT></TD>',
                )
            )
        hidden = view.hidden.get(claim.id)
        if hidden:
            self.used.flags.add("hidden")
            more = words["hidden"].format(n=hidden)
            right.append((more, 0, f'<TD><FONT POINT-SIZE="{small}" COLOR="{theme.muted}">{escape(more)}</FONT></TD>'))
        header = [f'<TD ALIGN="LEFT">{left}</TD>']
        if right:
            header.append(f'<TD ALIGN="RIGHT">{_right_aligned(right, theme)}</TD>')
        span = len(header)
        if claim.id in view.blank:
            lines = max(2, len(wrap(claim.text, self.options.wrap)))
            height = int(lines * theme.fontsize * 1.35)
            width = int(self.options.wrap * theme.fontsize * 0.55)
            body = f'<TD COLSPAN="{span}" WIDTH="{width}" HEIGHT="{height}"> </TD>'
        else:
            text = "<BR/>".join(escape(line) for line in wrap(claim.text, self.options.wrap)) or " "
            colour = theme.text
            if mark == "rejects":
                text = f"<S>{text}</S>"
                colour = theme.rejected_text
            if mark == "accepts":
                text = f"<B>{text}</B>"
            body = f'<TD COLSPAN="{span}" ALIGN="LEFT" BALIGN="LEFT"><FONT COLOR="{colour}">{text}</FONT></TD>'
        rows = [f"<TR>{''.join(header)}</TR>", f"<TR>{body}</TR>"]
        strengths = view.evaluation.strengths if view.evaluation else None
        if strengths is not None and claim.id in strengths:
            self.used.flags.add("strength")
            rows.append(f'<TR><TD COLSPAN="{span}" ALIGN="LEFT">{_strength_bar(strengths[claim.id], theme)}</TD></TR>')
        table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">' + "".join(rows) + "</TABLE>"
        return html_label(table)

    def _endpoint(self, claim_id: str) -> str | None:
        """The node name for a claim id: drawn, or drawn as a placeholder
        when the map does not define it; None when the view leaves it out."""
        if claim_id in self.view.shown:
            return self._name(claim_id)
        if self.view.focus is not None or claim_id in self.claim_ids:
            return None
        return self._name(claim_id)

    def _name(self, ident: str) -> str:
        return self.prefix + node_name(ident)

    def _placeholder(self, claim_id: str) -> str | None:
        """:meth:`_endpoint`, drawing an undefined id so that the mistake shows."""
        name = self._endpoint(claim_id)
        if name is None or claim_id in self.view.shown or claim_id in self.placeholders:
            return name
        self.placeholders.add(claim_id)
        self.used.flags.add("undefined")
        label = (
            f'<FONT COLOR="{self.theme.muted}" POINT-SIZE="{_num(self.theme.small_fontsize)}">{escape(claim_id)}</FONT>'
            f"<BR/>{escape(self.words['undefined'])}"
        )
        self.g.node(name, label=html_label(label), style="rounded,dashed,filled", fillcolor=self.theme.background)
        self.nodes.append(name)
        return name

    def _edge(self, tail: str, head: str, kind: str, spaced: bool = False) -> None:
        style = edge_style(kind, self.theme)
        if spaced:
            # An invisible label keeps two claims side by side far enough
            # apart for the dotted line between them to show.
            style["label"] = html_label(_SPACER)
        if style.get("constraint") != "false":
            self.heads.add(head)
        self.g.edge(tail, head, **style)

    def bottom_nodes(self) -> list[str]:
        """The claim nodes no edge points at, in order: the lowest of the map."""
        return [name for name in self.nodes if name not in self.heads]

    # -- relations ------------------------------------------------------------

    def _drawable(self, support: Support) -> bool:
        return self._endpoint(support.conclusion) is not None and any(
            self._endpoint(p) is not None for p in support.premises
        )

    def _junction_name(self, support: Support, number: int) -> str:
        if support.name and support.name not in self.claim_ids:
            return self._name(support.name)
        return f"{self.prefix}support-{number}"

    def _support(self, support: Support, number: int) -> None:
        if not self._drawable(support):
            return
        conclusion = self._placeholder(support.conclusion)
        premises = [p for p in (self._placeholder(p) for p in support.premises) if p is not None]
        self.used.relations.add("support")
        if not support.linked and support.name is None:
            self._edge(premises[0], conclusion, "support")
            return
        name = self._junction_name(support, number)
        if support.name and self.junctions.get(support.name) != name:
            # A second support with the same name (an error argmap check
            # reports): draw it, but undercuts aim at the first.
            name = f"{self.prefix}support-{number}"
        self.used.relations.add("linked" if support.linked else "named")
        self._junction(name, support.name)
        for premise in premises:
            self._edge(premise, name, "link")
        self._edge(name, conclusion, "support")

    def _junction(self, name: str, support_name: str | None) -> None:
        theme = self.theme
        attributes = {
            "shape": "point",
            "width": "0.11",
            "height": "0.11",
            "color": theme.support,
            "fillcolor": theme.support,
            "style": "filled",
            "label": "",
        }
        if support_name:
            attributes["tooltip"] = graphviz.escape(support_name)
            status = self.view.evaluation.status.get(support_name) if self.view.evaluation else None
            mark = self.panel.marks.get(support_name)
            if status == "rejected" or mark == "rejects":
                attributes["fillcolor"] = theme.background
            if status == "undecided":
                attributes["fillcolor"] = theme.undecided_fill
            if mark == "accepts":
                attributes.update(width="0.2", height="0.2")
        self.g.node(name, **attributes)

    def _attack(self, attacker_id: str, target_id: str, kind: str) -> None:
        junction = self.junctions.get(target_id)
        if junction is not None and (kind == "undercut" or target_id not in self.claim_ids):
            target = junction
        elif self._endpoint(target_id) is not None:
            target = None  # a claim, drawn below once the attacker is known to be drawn
        else:
            return
        if self._endpoint(attacker_id) is None:
            return
        attacker = self._placeholder(attacker_id)
        if target is None:
            target = self._placeholder(target_id)
        self.used.relations.add(kind)
        self._edge(attacker, target, kind)

    def _contradiction(self, contradiction: Contradiction) -> None:
        if self._endpoint(contradiction.first) is None or self._endpoint(contradiction.second) is None:
            return
        first = self._placeholder(contradiction.first)
        second = self._placeholder(contradiction.second)
        self.used.relations.add("contradiction")
        self._edge(first, second, "contradiction", spaced=not self.large)


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
