"""The legend: one table that explains only what the picture uses.

Each relation is shown by a line drawn in the same colour, line style and
arrowhead as in the map (solid with a triangle, heavy with a bar, dashed
with a bar, dotted with two triangles; a dot on the line where a named or
linked relation has its junction), so the legend reads correctly in black
and white too; claim styles are shown by sample cells with the same
fill and border.
"""

from __future__ import annotations

from attrs import Factory, define

from argmap.model import ArgumentMap, Basis
from argmap.render.labels import escape, html_label, wrapped
from argmap.render.themes import Theme
from argmap.render.words import BASIS_SYMBOLS

__all__ = ["Used", "legend_label", "LEGEND_NODE", "RELATION_SAMPLES", "STATUSES", "STATUS_SYMBOLS"]

#: The statuses a drawing shows, in legend order: the three of the
#: semantics, and "unchallenged", an accepted claim that nothing attacks and
#: nothing supports (argmap.grounds).
STATUSES = ("accepted", "unchallenged", "rejected", "undecided")
#: The symbol before each status word (a node's header, the legend).
STATUS_SYMBOLS = {"accepted": "✓", "unchallenged": "(✓)", "rejected": "✗", "undecided": "?"}

#: The name of the legend's node.
LEGEND_NODE = "legend-table"

#: Each relation kind drawn with box-drawing characters: the same line style
#: and arrowhead as its edges.
RELATION_SAMPLES = {
    "support": "────▶",
    "linked": "●───▶",
    "named": "●───▶",
    "rebuttal": "━━━━┫",
    "named_rebuttal": "━━●━┫",
    "linked_rebuttal": "━━●━┫",
    "undercut": "╍╍╍╍┫",
    "named_undercut": "╍╍●╍┫",
    "linked_undercut": "╍╍●╍┫",
    "undercut_objection": "╍╍╍╍┫",
    "undercut_undercut": "╍╍╍╍┫",
    "undercut_contradiction": "╍╍╍╍┫",
    "contradiction": "◀┈┈┈▶",
    "named_contradiction": "◀┈●┈▶",
}


@define
class Used:
    """What a drawing has used, collected while it is drawn."""

    relations: set[str] = Factory(set)
    flags: set[str] = Factory(set)
    statuses: set[str] = Factory(set)
    bases: set[Basis] = Factory(set)
    sources: set[str] = Factory(set)
    positions: list[str] = Factory(list)

    def __bool__(self) -> bool:
        return bool(self.relations or self.flags or self.statuses or self.bases or self.sources)


def legend_label(argument_map: ArgumentMap, used: Used, theme: Theme, words, view, columns: int = 1) -> str:
    """The legend as an HTML-like label: one row per thing the picture uses,
    in a fixed order; in ``columns`` columns side by side (a wide, low legend
    for a page)."""
    from argmap.render.graph import _num, _strength_bar

    rows: list[str] = []

    def row(sample: str, text: str, sample_attributes: str = "") -> None:
        rows.append(f'<TR><TD ALIGN="CENTER"{sample_attributes}>{sample}</TD><TD ALIGN="LEFT" BALIGN="LEFT">{text}</TD></TR>')

    def line(kind: str, colour: str, text: str) -> None:
        row(f'<FONT COLOR="{colour}">{RELATION_SAMPLES[kind]}</FONT>', escape(text))

    relations = used.relations
    if "support" in relations:
        line("support", theme.support, words["supports"])
    if "linked" in relations:
        line("linked", theme.support, words["linked"])
    if "named" in relations:
        line("named", theme.support, words["named"])
    for kind, colour in (("rebuttal", theme.rebuttal), ("undercut", theme.undercut), ("contradiction", theme.contradiction)):
        if kind in relations:
            line(kind, colour, words[kind])
        for variant in ("linked", "named"):
            if f"{variant}_{kind}" in relations:
                line(f"{variant}_{kind}", colour, words[f"{variant}_{kind}"])
        if kind == "undercut":
            for aimed in ("undercut_objection", "undercut_undercut", "undercut_contradiction"):
                if aimed in relations:
                    line(aimed, colour, words[aimed])

    if "argument" in used.flags or "argument_node" in used.flags:
        sample = f"<B>{escape(words['argument_sample'])}</B>"
        cell = f' BORDER="2" COLOR="{theme.argument_border}" BGCOLOR="{theme.argument_fill}"'
        for flag in ("argument", "argument_node"):
            if flag in used.flags:
                row(sample, escape(words[flag]), cell)
    if "folded" in used.flags:
        row(f'<FONT COLOR="{theme.muted}">{escape(words["folded_sample"])}</FONT>', escape(words["folded"]))

    sample = escape(words["claim_sample"])
    border = f' BORDER="1" COLOR="{theme.claim_border}"'
    if "implicit" in used.flags:
        row(sample, escape(words["implicit"]), f'{border} STYLE="dashed" BGCOLOR="{theme.implicit_fill}"')
    if "undefined" in used.flags:
        row("?", escape(words["undefined"]), f'{border} STYLE="dashed" BGCOLOR="{theme.background}"')
    if "focus" in used.flags and view.depth is not None:
        row(sample, escape(words["focus"].format(steps=f'{view.depth} {words["step" if view.depth == 1 else "steps"]}')), f' BORDER="3" COLOR="{theme.focus_border}" BGCOLOR="{theme.claim_fill}"')
    if "hidden" in used.flags:
        row(f'<FONT COLOR="{theme.muted}">{escape(words["hidden"].format(n="n"))}</FONT>', escape(words["hidden_legend"]))

    if view.evaluation is not None and (used.statuses or "strength" in used.flags):
        heading = words["evaluation"].format(semantics=view.evaluation.semantics or "?")
        if view.evaluation.support != "none":
            heading += "; " + words["support_mode"].format(support=view.evaluation.support)
        rows.append(f'<TR><TD COLSPAN="2" ALIGN="LEFT"><I>{escape(heading)}</I></TD></TR>')
    # One short line each on what the status words mean (docs/explanations.md).
    grounded = view.evaluation is not None and view.evaluation.semantics == "grounded"
    for status in STATUSES:
        if status in used.statuses:
            key = f"{status}_legend" if grounded or status == "unchallenged" else f"{status}_legend_extensions"
            style = ' STYLE="dotted"' if status == "unchallenged" else ""
            sample = escape(f"{STATUS_SYMBOLS[status]} {words[status]}")
            row(sample, escape(words[key]), f'{border}{style} BGCOLOR="{getattr(theme, status + "_fill")}"')
    if "strength" in used.flags:
        row(_strength_bar(0.75, theme, full=40), escape(words["strength"]))
    if "dot_rejected" in used.flags:
        row(f'<FONT COLOR="{theme.text}" POINT-SIZE="{_num(theme.fontsize + 2)}">○</FONT>', escape(words["dot_rejected"]))
    if "dot_undecided" in used.flags:
        dot = (
            f'<TABLE FIXEDSIZE="TRUE" WIDTH="11" HEIGHT="11" BORDER="1" STYLE="rounded" COLOR="{theme.text}" CELLPADDING="0" CELLSPACING="0">'
            f'<TR><TD FIXEDSIZE="TRUE" WIDTH="9" HEIGHT="9" BGCOLOR="{theme.undecided_fill}"></TD></TR></TABLE>'
        )
        row(dot, escape(words["dot_undecided"]))

    who = ", ".join(used.positions) or "…"
    if "position_accepts" in used.flags:
        row(f"<B>{sample}</B>", escape(words["position_accepts"].format(position=who)), f' BORDER="3" COLOR="{theme.claim_border}" BGCOLOR="{theme.claim_fill}"')
    if "position_rejects" in used.flags:
        row(
            f'<FONT COLOR="{theme.rejected_text}"><S>{sample}</S></FONT>',
            escape(words["position_rejects"].format(position=who)),
            f'{border} BGCOLOR="{theme.position_rejected_fill}"',
        )

    for basis in Basis:
        if basis in used.bases:
            row(escape(BASIS_SYMBOLS[basis]), escape(words[basis]))

    for source_id in _in_source_order(argument_map, used.sources):
        title, detail = source_id, ""
        try:
            source = argument_map.source(source_id)
        except KeyError:
            source = None
        if source is not None:
            title = source.title or source_id
            detail = ", ".join(x for x in (source.author, source.date) if x)
        text = wrapped(title, 40)
        if detail:
            text += f'<BR/><FONT COLOR="{theme.muted}">{escape(detail)}</FONT>'
        row(escape(source_id), text, f' BORDER="1" COLOR="{theme.badge_border}" BGCOLOR="{theme.badge_fill}"')

    span = 2
    body = "".join(rows)
    if columns > 1 and len(rows) > columns:
        per = -(-len(rows) // columns)
        parts = [rows[i : i + per] for i in range(0, len(rows), per)]
        span = len(parts)
        inner = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2">'
        body = "<TR>" + "".join(f'<TD VALIGN="TOP">{inner}{"".join(part)}</TABLE></TD>' for part in parts) + "</TR>"
    heading = f'<TR><TD COLSPAN="{span}" ALIGN="LEFT"><FONT POINT-SIZE="{_num(theme.fontsize)}"><B>{escape(words["legend"])}</B></FONT></TD></TR>'
    table = (
        f'<FONT POINT-SIZE="{_num(theme.small_fontsize + 0.5)}">'
        f'<TABLE BORDER="1" STYLE="rounded" COLOR="{theme.cluster_border}" BGCOLOR="{theme.legend_fill}" '
        f'CELLBORDER="0" CELLSPACING="3" CELLPADDING="2">{heading}{body}</TABLE></FONT>'
    )
    return html_label(table)


def _in_source_order(argument_map: ArgumentMap, ids: set[str]) -> list[str]:
    ordered = [s.id for s in argument_map.sources if s.id in ids]
    seen = set(ordered)
    return list(dict.fromkeys(ordered)) + sorted(i for i in ids if i not in seen)
