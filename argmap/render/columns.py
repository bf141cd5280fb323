"""A big map on few sheets: its claims as numbered boxes in columns.

The layered drawing of a big map leaves most of a sheet white: the ranks
are as wide as their widest row, and a claim with many reasons spreads
them over the whole width. For paper, :func:`argmap.render.paper.paginate`
also tries this denser view and keeps it when it takes fewer sheets:

- every claim is a box with a number, in reading order: a thesis, then its
  reasons and objections, each with its own, indented one step per level
  (the tree of :func:`argmap.render.paper.units`);
- above the text, in small print, what the claim does and to which number
  (``stützt 3``, ``widerlegt 5``, ``untergräbt 7``, ``widerspricht 2``),
  in the colour of that kind of arrow, then its basis and source;
- the boxes flow down columns, and from column to column and sheet to
  sheet like a newspaper's text; a number names a claim wherever it is.
"""

from __future__ import annotations

from attrs import frozen

from argmap._i18n import N_, translate
from argmap.model import ArgumentMap, Contradiction, Rebuttal, Support, Undercut
from argmap.render.labels import escape, text_width, wrap, wrapped
from argmap.render.themes import Theme
from argmap.render.views import anchor
from argmap.render.words import BASIS_SYMBOLS, words_for

__all__ = ["Row", "rows", "column_label", "page_source", "TAGS"]

#: What a claim does to another, as the small print above its text.
TAGS = {
    "support": N_("supports {n}"),
    "rebuttal": N_("rebuts {n}"),
    "undercut": N_("undercuts {n}"),
    "contradiction": N_("contradicts {n}"),
}

#: The explanation under the last column.
KEY = N_(
    "Each box is numbered. Small print above the text: what the claim does and to which number "
    "(it supports, rebuts or undercuts that claim, or contradicts it). Indented boxes belong to the box above them."
)

# Indentation per level, in points at natural size.
INDENT = 14


@frozen
class Row:
    """One claim's box: its number, how deep it stands in the tree, and its tags (kind, number)."""

    claim: str
    number: int
    depth: int
    tags: tuple[tuple[str, int], ...]


def rows(argument_map: ArgumentMap) -> list[Row]:
    """The claims in reading order (each tree of :func:`~argmap.render.paper.units` depth first), numbered from 1."""
    from argmap.render.paper import units

    roots, children = units(argument_map)
    order: list[tuple[str, int]] = []
    stack = [(r, 0) for r in reversed(roots)]
    while stack:
        claim, depth = stack.pop()
        order.append((claim, depth))
        stack.extend((c, depth + 1) for c in reversed(children[claim]))
    number = {claim: i for i, (claim, _) in enumerate(order, 1)}
    tags: dict[str, list[tuple[str, int]]] = {claim: [] for claim in number}

    def tag(source: str, kind: str, target: str | None) -> None:
        if source in tags and target in number and target != source and (kind, number[target]) not in tags[source]:
            tags[source].append((kind, number[target]))

    memo: dict[str, str] = {}
    for rel in argument_map.relations:
        if isinstance(rel, Support):
            for premise in rel.premises:
                tag(premise, "support", rel.conclusion)
        elif isinstance(rel, Contradiction):
            tag(rel.first, "contradiction", rel.second)
            tag(rel.second, "contradiction", rel.first)
        elif isinstance(rel, (Rebuttal, Undercut)):
            kind = "rebuttal" if isinstance(rel, Rebuttal) else "undercut"
            for attacker in rel.attackers:
                tag(attacker, kind, anchor(argument_map, rel.target, memo))
    # Claims inside an argument support its conclusion, unless told otherwise.
    conclusion = {a.id: a.conclusion for a in argument_map.arguments}
    for inside in argument_map.claims:
        if inside.argument is not None and inside.id in tags and not tags[inside.id]:
            tag(inside.id, "support", conclusion.get(inside.argument))
    return [Row(claim, number[claim], depth, tuple(tags[claim])) for claim, depth in order]


def _colour(kind: str, theme: Theme) -> str:
    return {"support": theme.support, "rebuttal": theme.rebuttal, "undercut": theme.undercut}.get(kind, theme.contradiction)


def _small(theme: Theme) -> float:
    # Small print stays at least 7 pt when the body text prints at 9 pt.
    return max(theme.small_fontsize, theme.fontsize * 0.8)


def box_label(argument_map: ArgumentMap, row: Row, theme: Theme, width: int, sources: bool = True, column: float = 0) -> str:
    """One claim's box: a row of a column's table, ``width`` characters of
    text wide; the box and its indentation ``column`` points wide."""
    claim = next(c for c in argument_map.claims if c.id == row.claim)
    lang = argument_map.lang
    words = words_for(lang)
    small = _small(theme)
    head = [f"<B>{row.number}</B>"]
    for kind, n in row.tags:
        head.append(f'<FONT COLOR="{_colour(kind, theme)}">{escape(translate(TAGS[kind], lang, {"n": n}))}</FONT>')
    extra = []
    if claim.basis is not None:
        extra.append(f"{BASIS_SYMBOLS[claim.basis]} {words[claim.basis]}")
    if claim.source and sources:
        extra.append(claim.source)
    if extra:
        head.append(f'<FONT COLOR="{theme.muted}">{escape(" · ".join(extra))}</FONT>')
    lines = wrapped(claim.text, width) or " "
    if row.depth == 0:
        lines = f"<B>{lines}</B>"
    indent = f'<TD WIDTH="{INDENT * row.depth}"></TD>' if row.depth else ""
    fill = theme.implicit_fill if claim.implicit else theme.claim_fill
    return (
        f'<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>{indent}'
        f'<TD BORDER="1" COLOR="{theme.claim_border}" BGCOLOR="{fill}" CELLPADDING="3" ALIGN="LEFT" BALIGN="LEFT"'
        f' WIDTH="{max(0, int(column - INDENT * row.depth))}">'
        f'<FONT POINT-SIZE="{small:g}">{"  ".join(head)}</FONT><BR/>'
        f'<FONT COLOR="{theme.text}">{lines}</FONT></TD></TR></TABLE></TD></TR>'
    )


def column_label(boxes: list[str], key: str | None = None, theme: Theme | None = None, width: float = 0) -> str:
    """A column's table: its boxes one under another (and the key in small print below the last)."""
    rows_ = list(boxes)
    if key is not None and theme is not None:
        lines = "<BR/>".join(escape(line) for line in wrap(key, max(20, int(width / (_small(theme) * 0.55)))))
        rows_.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{_small(theme):g}" COLOR="{theme.muted}">{lines}</FONT></TD></TR>')
    return '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="0">' + "".join(rows_) + "</TABLE>"


def page_source(title: str | None, columns: list[str], theme: Theme, font: str) -> str:
    """The DOT of one sheet: the title on top, the columns side by side."""
    lines = [
        "digraph columns {",
        f'\tgraph [margin=0 pad=0.25 nodesep=0.25 ranksep=0 bgcolor="{theme.background}" fontname="{font}" fontsize={theme.fontsize:g}'
        + (f" labelloc=t labeljust=c label={title}" if title else "")
        + "]",
        f'\tnode [shape=plaintext margin=0 fontname="{font}" fontsize={theme.fontsize:g} fontcolor="{theme.text}"]',
    ]
    # One node: the columns are cells of one row, each from the top.
    cells = "".join(f'<TD VALIGN="TOP">{label}</TD>' for label in columns)
    lines.append(f'\tcolumns [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="12" CELLPADDING="0"><TR>{cells}</TR></TABLE>>]')
    lines.append("}")
    return "\n".join(lines) + "\n"


def estimate(argument_map: ArgumentMap, row: Row, theme: Theme, width: int) -> float:
    """A box's height in points at natural size, from its lines (Graphviz's own is measured after)."""
    claim = next(c for c in argument_map.claims if c.id == row.claim)
    lines = max(1, len(wrap(claim.text, width)))
    return lines * theme.fontsize * 1.18 + _small(theme) * 1.2 + 6 + 2 + 4


def column_width(room: float, count: int) -> float:
    """A column's width in points when ``count`` of them fill ``room`` points."""
    return (room - 24 * (count + 1)) / count - 8


def text_columns(theme: Theme, room: float, count: int, depth: int) -> int:
    """Characters per line so that ``count`` columns fill ``room`` points, with ``depth`` levels of indentation."""
    column = column_width(room, count) - INDENT * depth - 8
    per_char = text_width("abcdefghijklmnopqrstuvwxyz ", theme.fontsize) / 27
    return max(16, int(column / per_char))
