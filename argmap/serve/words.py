"""The words of the editor page, in the page's language.

The page (static/app.js) shows only these, looked up by key; the server
fills them in when it sends the page, in the language the browser asks for
(``Accept-Language``). ``make messages`` extracts them for the catalog.
"""

from __future__ import annotations

from argmap._i18n import LANGUAGES, N_, normalize, translator

__all__ = ["WORDS", "words", "page_language"]

WORDS = {
    "title": N_("argmap editor"),
    "new_map": N_("new map, not saved yet"),
    "save": N_("Save"),
    "save_tip": N_("Save the text to its file (Ctrl+S)"),
    "saved": N_("saved"),
    "unsaved": N_("changes not saved"),
    "saved_as": N_("saved as {name}"),
    "ask_name": N_("Name of the new file (it is saved in the folder {folder}):"),
    "default_name": N_("map.argmap"),
    "changed_on_disk": N_("Another program changed the file on disk."),
    "reload": N_("Load it"),
    "keep_mine": N_("Keep my text"),
    "lose_changes": N_("Your changes that are not saved will be lost. Load the file anyway?"),
    "messages": N_("Messages"),
    "no_messages": N_("No messages: the map is fine."),
    "line": N_("line {line}"),
    "drawing": N_("drawing…"),
    "no_picture": N_("No picture"),
    "zoom": N_("Click: the map at its own size, or fitted to the pane"),
    "stale": N_("The picture shows the last text that could be drawn."),
    "offline": N_("The server of the editor does not answer (was it stopped?)."),
    "theme": N_("Theme"),
    "theme_default": N_("colour"),
    "theme_print": N_("black and white"),
    "theme_contrast": N_("high contrast"),
    "evaluate": N_("Evaluate"),
    "no_evaluation": N_("no evaluation"),
    "evaluate_grounded": N_("grounded: which claims stand, which fall"),
    "more_semantics": N_("other semantics (docs/semantics.md)"),
    "support": N_("Supports"),
    "support_none": N_("only drawn"),
    "support_deductive": N_("deductive"),
    "support_necessary": N_("necessary"),
    "positions": N_("Positions"),
    "focus": N_("Focus"),
    "whole_map": N_("whole map"),
    "depth": N_("Steps"),
    "worksheet": N_("Worksheet"),
    "answers": N_("Answer key"),
    "paper": N_("Paper (PDF)"),
    "no_paper": N_("one page, any size"),
    "download": N_("Download"),
    "download_svg": N_("SVG"),
    "download_png": N_("PNG"),
    "download_pdf": N_("PDF"),
    "download_worksheet": N_("Worksheet PDF"),
    "download_outline": N_("Essay plan"),
}


def words(lang: str) -> dict[str, str]:
    """Every word of the page in ``lang``."""
    said = translator(lang).gettext
    return {key: said(text) for key, text in WORDS.items()}


def page_language(accept_language: str | None) -> str:
    """The first language of an ``Accept-Language`` header that argmap
    speaks (by the header's weights), else English.

    >>> page_language("fr-CH, de;q=0.9, en;q=0.8")
    'de'
    >>> page_language(None)
    'en'
    """
    ranked = []
    for n, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        code = tag.strip().replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES and weight > 0:
            ranked.append((-weight, n, code))
    return normalize(min(ranked)[2]) if ranked else LANGUAGES[0]
