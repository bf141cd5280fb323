"""How argmap's results show themselves in Jupyter (and other IPython front ends).

Each function here takes one result and returns what a ``_repr_*_`` method
of its class returns: HTML tables for an :class:`argmap.Evaluation`, a
:class:`argmap.Position`, a comparison of positions, a list of diagnostics
and an :class:`argmap.Explanation`; for an :class:`argmap.ArgumentMap` a
MIME bundle with the map drawn as SVG, or, when Graphviz is missing or
fails, the map's text, so that a cell never fails for want of ``dot``.

Every text from a map (claim texts, ids, messages) is HTML-escaped. The
words around them are in the interface language (``LANG``), the sentences
of an explanation in the explanation's language. Nothing here is imported
before a result is displayed; the renderer is imported only to draw a map.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from argmap._i18n import N_, interface_language, translate, translator

__all__ = [
    "evaluation_html",
    "position_html",
    "comparison_html",
    "diagnostics_html",
    "explanation_html",
    "map_mimebundle",
    "map_markdown",
]

#: At most this many extensions get a labelling column of their own.
MAX_LABELLING_COLUMNS = 8

# Jupyter's own style aligns cells right; texts read better aligned left.
_STYLE = "border-collapse:collapse"
_CELL = "text-align:left;vertical-align:top;padding:1px 8px"


def _say(template: str, lang: str | None = None, **args: object) -> str:
    return translate(template, lang or interface_language(), args or None)


def _escape(value: object) -> str:
    return html.escape(str(value), quote=True)


def _code(text: str) -> str:
    """Escaped ``text`` with its `backticked` ids set as code."""
    return re.sub(r"`([^`]*)`", r"<code>\1</code>", _escape(text))


class _Markup(str):
    """A cell that is HTML already (made here from escaped parts)."""


def _cell(value: object) -> str:
    return value if isinstance(value, _Markup) else _escape(value)


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]], caption: str | None = None) -> str:
    """An HTML table; every header and cell is escaped, but :class:`_Markup` cells."""
    out = [f'<table style="{_STYLE}">']
    if caption:
        out.append(f'<caption style="text-align:left">{_code(caption)}</caption>')
    out.append("<thead><tr>" + "".join(f'<th style="{_CELL}">{_escape(h)}</th>' for h in headers) + "</tr></thead>")
    out.append("<tbody>")
    for row in rows:
        out.append("<tr>" + "".join(f'<td style="{_CELL}">{_cell(c)}</td>' for c in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


# -- results ---------------------------------------------------------------------------------


_STATUS_WORDS = {"accepted": N_("accepted"), "rejected": N_("rejected"), "undecided": N_("undecided")}


def evaluation_html(evaluation: Any) -> str:
    """An :class:`argmap.Evaluation` as a table: each argument, its status,
    its DF-QuAD strength or, but for grounded semantics and for up to
    :data:`MAX_LABELLING_COLUMNS` extensions, its label in each; the
    evaluation's notes below."""
    e = evaluation
    lang = interface_language()
    if e.semantics == "dfquad":
        caption = "DF-QuAD"
    else:
        if e.support == "none":
            caption = _say(N_("{semantics} semantics"), lang, semantics=e.semantics)
        else:
            caption = _say(N_("{semantics} semantics, {support} support"), lang, semantics=e.semantics, support=e.support)
        caption += " · " + _say(N_("extensions: {n}"), lang, n=len(e.extensions))
    headers = [_say(N_("argument"), lang), _say(N_("status"), lang)]
    # Grounded semantics' one labelling is the status itself.
    shown = e.semantics not in ("grounded", "dfquad") and len(e.labels) <= MAX_LABELLING_COLUMNS
    labellings = e.labellings if shown else ()
    if e.strengths is not None:
        headers.append(_say(N_("strength"), lang))
    headers.extend(_say(N_("extension {n}"), lang, n=i) for i in range(1, len(labellings) + 1))
    rows = []
    for a in e.arguments:
        row = [a, _say(_STATUS_WORDS[e.status[a].value], lang)]
        if e.strengths is not None:
            row.append(f"{e.strengths[a]:.3f}")
        row.extend(lab[a] for lab in labellings)  # in, out, undec: the labels' own names
        rows.append(row)
    out = _table(headers, rows, caption)
    if e.diagnostics:
        out += diagnostics_html(e.diagnostics)
    return out


def position_html(position: Any) -> str:
    """A :class:`argmap.Position` as a table of the ids it accepts and rejects."""
    lang = interface_language()
    rows = [(i, _say(N_("accepts"), lang)) for i in position.accepts]
    rows += [(i, _say(N_("rejects"), lang)) for i in position.rejects]
    caption = _say(N_("position `{id}`"), lang, id=position.id)
    return _table([_say(N_("argument"), lang), _say(N_("stance"), lang)], rows, caption)


def comparison_html(comparison: Any) -> str:
    """A comparison of two positions: each id with both stances (a dash
    where a position says nothing), then the attacks between them."""
    c = comparison
    lang = interface_language()
    words = {"accepts": _say(N_("accepts"), lang), "rejects": _say(N_("rejects"), lang)}
    other = {"accepts": "rejects", "rejects": "accepts"}
    rows = [(i, words["accepts"], words["accepts"]) for i in c.both_accept]
    rows += [(i, words["rejects"], words["rejects"]) for i in c.both_reject]
    rows += [(i, words[s], words[other[s]]) for i, s in c.disagree]
    rows += [(i, words[s], "—") for i, s in c.only_first]
    rows += [(i, "—", words[s]) for i, s in c.only_second]
    caption = _say(N_("positions `{p}` and `{q}`"), lang, p=c.first, q=c.second)
    out = _table([_say(N_("argument"), lang), c.first, c.second], rows, caption)
    if c.attacks:
        headers = [_say(N_("position"), lang), _say(N_("attackers"), lang), _say(N_("relation"), lang),
                   _say(N_("target"), lang), _say(N_("line"), lang)]
        attacks = [
            (a.by, " + ".join(a.attackers), a.relation if a.name is None else f"{a.relation} ({a.name})", a.target,
             "" if a.line is None else a.line)
            for a in c.attacks
        ]
        out += _table(headers, attacks, _say(N_("attacks between them:"), lang).rstrip(":"))
    return out


def explanation_html(explanation: Any) -> str:
    """An :class:`argmap.Explanation`: its sentences as paragraphs, ids as code."""
    paragraphs = [p for p in explanation.text().split("\n") if p]
    return "".join(f"<p>{_code(p)}</p>" for p in paragraphs)


# -- diagnostics ------------------------------------------------------------------------------


def diagnostics_html(diagnostics: Sequence[Any], text: str | None = None) -> str:
    """Diagnostics as a table: place (file:line:col), severity, code, message
    and hint, with the source line and its caret in a ``<pre>``. The line
    comes from ``text``, else from the file the span names when it can be
    read (a caret is left out otherwise)."""
    from argmap.diagnostics import format_diagnostic

    lang = interface_language()
    if not diagnostics:
        return f"<p>{_escape(_say(N_('no problems found'), lang))}</p>"
    texts: dict[str | None, str | None] = {}
    rows = []
    for d in diagnostics:
        s = d.span
        where = f"{s.file or '<stdin>'}:{s.line}:{s.column}" if s else ""
        source = text if text is not None else (_file_text(s.file, texts) if s else None)
        excerpt = ""
        if s is not None and source is not None:
            # format_diagnostic's lines after the first: the source line and its caret.
            lines = format_diagnostic(d, source).split("\n")[1:]
            excerpt = "\n".join(line for line in lines[:2] if "|" in line)
        message = _code(d.localized(lang).message)
        hint = d.localized(lang).hint
        cell = message + (f"<br><i>{_code(hint)}</i>" if hint else "")
        if excerpt:
            cell += f'<pre style="margin:2px 0">{_escape(excerpt)}</pre>'
        severity = translator(lang).pgettext("severity", d.severity.value)
        rows.append((_Markup(f"<code>{_escape(where)}</code>"), severity, d.code, _Markup(cell)))
    headers = [_say(N_("place"), lang), _say(N_("severity"), lang), _say(N_("code"), lang), _say(N_("message"), lang)]
    return _table(headers, rows)


def _file_text(file: str | None, cache: dict[str | None, str | None]) -> str | None:
    """The text of ``file`` when it can be read as UTF-8, else None (once per file)."""
    if file not in cache:
        try:
            cache[file] = Path(file).read_text("utf-8") if file else None
        except (OSError, UnicodeDecodeError, ValueError):
            cache[file] = None
    return cache[file]


# -- maps -------------------------------------------------------------------------------------


def map_markdown(argument_map: Any, note: str | None = None) -> str:
    """The map's argmap text as a Markdown code block (so nothing in it is
    read as Markdown or HTML), after ``note`` in italics when given."""
    source = argument_map.to_source()
    longest = max((len(run) for run in re.findall(r"`+", source)), default=0)
    fence = "`" * max(3, longest + 1)
    head = f"*{_escape(note)}*\n\n" if note else ""
    return f"{head}{fence}argmap\n{source.rstrip()}\n{fence}\n"


def map_mimebundle(argument_map: Any, include: Any = None, exclude: Any = None) -> dict[str, str]:
    """The map as ``image/svg+xml`` drawn by Graphviz, with its text as
    ``text/plain``; when ``dot`` is missing or fails, its text as
    ``text/markdown`` and ``text/plain`` after a note saying why.
    ``include`` and ``exclude`` (MIME types, as IPython passes them) keep or
    drop entries."""
    from argmap.render import GraphvizNotFound, RenderFailed, draw

    try:
        bundle = {"image/svg+xml": draw(argument_map, "svg").decode("utf-8"), "text/plain": argument_map.to_source()}
    except (GraphvizNotFound, RenderFailed, OSError) as exc:
        note = _say(N_("Graphviz could not draw the map ({reason}); here is its text."), None, reason=_first_line(exc))
        bundle = {
            "text/markdown": map_markdown(argument_map, note),
            "text/plain": f"{note}\n\n{argument_map.to_source()}",
        }
    return {
        kind: value
        for kind, value in bundle.items()
        if (include is None or kind in include) and (exclude is None or kind not in exclude)
    }


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
