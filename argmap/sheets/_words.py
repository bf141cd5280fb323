"""The words of printed sheets, in the map's language, from argmap's catalog
(context ``worksheet``; see :mod:`argmap._i18n`)."""

from __future__ import annotations

from argmap._i18n import translator

__all__ = ["sheet_words"]


def sheet_words(lang: str | None) -> dict[str, str]:
    """Every word a worksheet, its answer key or a slide prints, in ``lang``
    (English when the catalog has no translation)."""
    t = translator(lang)
    return {
        "untitled": t.pgettext("worksheet", "Argument map"),
        "name": t.pgettext("worksheet", "Name"),
        "class": t.pgettext("worksheet", "Class"),
        "date": t.pgettext("worksheet", "Date"),
        "task_label": t.pgettext("worksheet", "Task:"),
        "task": t.pgettext(
            "worksheet", "Complete the map: write into each empty box the claim that belongs there."
        ),
        "continued": t.pgettext("worksheet", "{title} (continued)"),
        "page": t.pgettext("worksheet", "Page {page} of {pages}"),
        "ref": t.pgettext("worksheet", "→ {numbers}"),
        "ref_pages": t.pgettext("worksheet", "p. {pages}"),
        "key": t.pgettext("worksheet", "Answer key: {title}"),
        "given": t.pgettext("worksheet", "(given)"),
        "implicit": t.pgettext("worksheet", "(unstated premise)"),
        "basis": t.pgettext("worksheet", "Basis: {basis}"),
        "quote": t.pgettext("worksheet", "Quote: “{quote}”"),
        "source": t.pgettext("worksheet", "Source: {source}"),
        "line": t.pgettext("worksheet", "line {line}"),
        "support": t.pgettext("worksheet", "supports {numbers}"),
        "rebuttal": t.pgettext("worksheet", "speaks against {numbers}"),
        "undercut": t.pgettext("worksheet", "questions the step from {premises} to {numbers}"),
        "contradiction": t.pgettext("worksheet", "contradicts {numbers}"),
        "together": t.pgettext("worksheet", "{relation} (together with {others})"),
        "text": t.pgettext("worksheet", "Text: {title}"),
        "text_missing": t.pgettext("worksheet", "The text of “{title}” ({file}) was not found."),
        "step": t.pgettext("worksheet", "Step {step} of {steps}: {what}"),
        "thesis": t.pgettext("worksheet", "the thesis"),
        "reasons": t.pgettext("worksheet", "reasons"),
        "objections": t.pgettext("worksheet", "objections"),
        "answers": t.pgettext("worksheet", "answers to the objections"),
        "others": t.pgettext("worksheet", "further claims"),
    }
