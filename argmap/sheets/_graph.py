"""The map as a sheet draws it: boxes of a fixed size, in points.

Unlike :mod:`argmap.render`, which draws a picture for the screen, a sheet
draws for paper: every box is at least :data:`BOX_WIDTH` by
:data:`BOX_HEIGHT` points when placed at scale 1, so that the page layout
(:mod:`argmap.sheets.worksheet`) can keep boxes big enough to write in. The
same builder draws the slides of :mod:`argmap.sheets.steps`, where claims
not yet revealed are drawn invisible, so that nothing moves between steps.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import graphviz  # type: ignore[import-untyped]
from attrs import field, frozen

from argmap.model import ArgumentMap, Claim
from argmap.render.graph import edge_style
from argmap.render.labels import escape, html_label, text_width, wrap
from argmap.render.themes import PRINT, Theme
from argmap.render.views import node_name
from argmap.render.words import BASIS_SYMBOLS, words_for
from argmap.sheets._order import Link, links_of

__all__ = ["Drawing", "dot_source", "ref_font_size", "text_width", "BOX_WIDTH", "BODY_HEIGHT", "BOX_MIN_HEIGHT", "THEME"]

#: The inside width of a box, in points (5.3 cm): room for a handwritten line.
BOX_WIDTH = 150
#: The height of an empty box's writing space, in points (2.05 cm): two handwritten lines.
BODY_HEIGHT = 58
#: The smallest height of any box, in inches (Graphviz's unit), header included.
BOX_MIN_HEIGHT = 1.0
#: Characters per line of a claim's text in a box at the sheet's font size.
WRAP = 26

#: Greys only (pages are printed), with text a little smaller than on screen.
THEME: Theme = attrs.evolve(PRINT, fontsize=11.0, small_fontsize=8.5)


@frozen
class Drawing:
    """What one picture shows.

    ``shown``: the claims drawn as boxes; ``numbers``: box numbers (a
    worksheet), else none; ``blank``: boxes left empty; ``refs``: claims on
    another page, each mapped to the small dashed box that stands for it
    (several claims may share one), ``ref_labels``: the lines of each such box;
    ``hidden``: claims drawn invisible (a slide's later steps);
    ``new``: claims drawn with a thick border (what a slide adds);
    ``size``: the body font size, ``wrap``: characters per line.
    """

    shown: frozenset[str]
    numbers: Mapping[str, int] = field(factory=dict)
    blank: frozenset[str] = frozenset()
    refs: Mapping[str, str] = field(factory=dict)
    ref_labels: Mapping[str, tuple[str, ...]] = field(factory=dict)
    hidden: frozenset[str] = frozenset()
    new: frozenset[str] = frozenset()
    size: float = THEME.fontsize
    wrap: int = WRAP
    #: At most this many boxes side by side below one box: more reasons or
    #: objections of one claim are staggered over several rows (None: one row).
    columns: int | None = None
    #: The width in points of each reference box's text, by box (so that a
    #: layout does not change when page numbers are filled in); a box not
    #: named is as wide as its text.
    ref_widths: Mapping[str, float] = field(factory=dict)
    #: The smallest width of a box's text, in points (None: as wide as the text).
    box_width: int | None = BOX_WIDTH


def dot_source(argument_map: ArgumentMap, drawing: Drawing) -> str:
    """The DOT text of ``drawing``."""
    theme = attrs.evolve(THEME, fontsize=drawing.size, small_fontsize=round(drawing.size * 0.78, 1))
    words = words_for(argument_map.lang)
    claims = {c.id: c for c in reversed(argument_map.claims)}
    g = graphviz.Digraph(
        name="sheet",
        graph_attr={
            "rankdir": "BT",
            "newrank": "true",
            "nodesep": "0.25",
            "ranksep": "0.5",
            "pad": "0.05",
            "margin": "0",
            "bgcolor": "transparent",
            "fontname": graphviz.escape(theme.font),
            "outputorder": "edgesfirst",
        },
    )
    g.attr(
        "node",
        shape="box",
        style="rounded",
        fontname=graphviz.escape(theme.font),
        fontsize=_num(theme.fontsize),
        color=theme.claim_border,
        penwidth=_num(theme.penwidth),
        margin="0.08,0.05",
    )
    g.attr("edge", arrowsize="0.9", penwidth=_num(theme.penwidth))
    drawn = set(drawing.shown) | set(drawing.refs)
    for claim_id in dict.fromkeys(c.id for c in argument_map.claims):
        if claim_id in drawing.shown:
            _box(g, claims[claim_id], drawing, theme, words)
    size = _num(ref_font_size(drawing))
    for group, lines in drawing.ref_labels.items():
        width = drawing.ref_widths.get(group)
        if width is None:
            cells = [f"<TD>{escape(line)}</TD>" for line in lines]
        else:
            height = _num(ref_font_size(drawing) * 1.4)
            cells = [f'<TD FIXEDSIZE="TRUE" WIDTH="{_num(width)}" HEIGHT="{height}">{escape(line)}</TD>' for line in lines]
        rows = "".join(f"<TR>{cell}</TR>" for cell in cells)
        table = f'<FONT POINT-SIZE="{size}"><TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0">{rows}</TABLE></FONT>'
        g.node(_ref_name(group), label=html_label(table), style="rounded,dashed", color=theme.muted)

    def name(claim: str) -> str:
        group = drawing.refs.get(claim)
        return node_name(claim) if group is None else _ref_name(group)

    links = {link.key: link for link in links_of(argument_map)}
    junctions = _junctions(links.values())
    visible: dict[str, bool] = {}

    def drawable(link: Link, depth: int = 0) -> bool:
        if not all(h in drawn for h in link.heads):
            return False
        if link.target_is_claim:
            return link.target in drawn
        target = links.get(link.target)
        return target is not None and link.target in junctions and depth < len(links) and drawable(target, depth + 1)

    def shows(link: Link, depth: int = 0) -> bool:
        if link.key in visible:
            return visible[link.key]
        ok = not any(h in drawing.hidden for h in link.heads)
        if link.target_is_claim:
            ok = ok and link.target not in drawing.hidden
        else:
            ok = ok and depth < len(links) and shows(links[link.target], depth + 1)
        visible[link.key] = ok
        return ok

    drawn_links = [link for link in links.values() if drawable(link)]
    ranks = _rows(drawn_links, drawing.columns)
    done: set[tuple[str, str, str]] = set()
    for link in drawn_links:
        _relation(g, link, junctions, theme, not shows(link), ranks.get(link.key, 1), name, done)
    return g.source


def _rows(links: list[Link], columns: int | None) -> dict[str, int]:
    """How many ranks below its target each link's heads stand: the links
    aimed at one claim or dot go round-robin over as many rows as needed to
    keep at most ``columns`` of them side by side."""
    if not columns:
        return {}
    aimed: dict[tuple[str, bool], list[str]] = {}
    for link in links:
        if link.kind != "contradiction":
            aimed.setdefault((link.target, link.target_is_claim), []).append(link.key)
    rows = {}
    for keys in aimed.values():
        count = -(-len(keys) // columns)
        for i, key in enumerate(keys):
            rows[key] = 1 + i % count
    return rows


def ref_font_size(drawing: Drawing) -> float:
    """The font size of reference boxes' text."""
    return round(drawing.size * 0.78, 1) + 1


def _junctions(links) -> set[str]:
    """Keys of the links drawn with a dot: linked ones, and those something aims at."""
    aimed = {link.target for link in links if not link.target_is_claim}
    return {link.key for link in links if len(link.heads) > 1 or link.key in aimed}


def _relation(g: graphviz.Digraph, link: Link, junctions: set[str], theme: Theme, invisible: bool, minlen: int, name, done: set) -> None:
    """Draw one link; ``name`` gives a claim's node, and an edge already in
    ``done`` (several claims in one reference box) is not drawn twice."""
    target = name(link.target) if link.target_is_claim else _junction_name(link.target)

    def edge(tail: str, head: str, kind: str) -> None:
        if (tail, head, kind) not in done:
            done.add((tail, head, kind))
            g.edge(tail, head, **style(kind))

    def style(kind: str) -> dict[str, str]:
        extra = {"style": "invis"} if invisible else {}
        if minlen > 1 and kind in ("support", "rebuttal", "undercut"):
            extra["minlen"] = str(minlen)
        return edge_style(kind, theme) | extra

    if link.key not in junctions:
        for head in link.heads:
            edge(name(head), target, link.kind)
        return
    dot = _junction_name(link.key)
    colour = getattr(theme, link.kind)
    point = "invis" if invisible else "filled"
    g.node(dot, label="", shape="point", width="0.11", height="0.11", style=point, color=colour, fillcolor=colour)
    if link.kind == "contradiction":
        edge(name(link.heads[0]), dot, "contradiction_second")
        edge(dot, target, "contradiction_first")
        return
    join = {"support": "link", "rebuttal": "rebuttal_link", "undercut": "undercut_link"}[link.kind]
    for head in link.heads:
        edge(name(head), dot, join)
    edge(dot, target, link.kind)


def _ref_name(group: str) -> str:
    return f"ref-{group}"


def _junction_name(key: str) -> str:
    # internal names have a "-", which no id has
    return f"dot-{node_name(key)}"


def _box(g: graphviz.Digraph, claim: Claim, drawing: Drawing, theme: Theme, words: Mapping) -> None:
    small = _num(theme.small_fontsize)
    header = []
    number = drawing.numbers.get(claim.id)
    if number is not None:
        header.append(f'<TD ALIGN="LEFT"><FONT POINT-SIZE="{_num(theme.fontsize + 2)}"><B>{number}</B></FONT></TD>')
    if claim.basis is not None:
        basis = f"{BASIS_SYMBOLS[claim.basis]} {words[claim.basis]}"
        header.append(f'<TD ALIGN="RIGHT"><FONT POINT-SIZE="{small}" COLOR="{theme.muted}">{escape(basis)}</FONT></TD>')
    span = max(1, len(header))
    rows = [f"<TR>{''.join(header)}</TR>"] if header else []
    if claim.id in drawing.blank:
        rows.append(f'<TR><TD COLSPAN="{span}" WIDTH="{BOX_WIDTH}" HEIGHT="{BODY_HEIGHT}"> </TD></TR>')
    else:
        lines = "<BR/>".join(escape(line) for line in wrap(claim.text, drawing.wrap)) or " "
        width = f' WIDTH="{drawing.box_width}"' if drawing.box_width else ""
        rows.append(f'<TR><TD COLSPAN="{span}" ALIGN="LEFT" BALIGN="LEFT"{width}>{lines}</TD></TR>')
    attributes = {}
    styles = ["rounded"]
    if claim.implicit:
        styles.append("dashed")
    if claim.id in drawing.hidden:
        styles = ["invis"]
    elif claim.id in drawing.new:
        attributes["penwidth"] = _num(theme.penwidth * 2.5)
    attributes["style"] = ",".join(styles)
    table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">' + "".join(rows) + "</TABLE>"
    g.node(node_name(claim.id), label=html_label(table), height=_num(BOX_MIN_HEIGHT), **attributes)


def _num(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")
