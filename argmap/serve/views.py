"""What the editor page asks for, answered with the public API: the
diagnostics of a text, its drawing with the chosen view, and the downloads.

Each function takes the text and the page's choices as plain data and
returns plain data; nothing here knows HTTP. Every call to Graphviz and to a
semantics' search has a time limit, so that a hostile map cannot hold the
server: it gets a :class:`Problem` instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

import argmap
from argmap._i18n import N_, translate
from argmap.diagnostics import Diagnostic, has_errors
from argmap.render import SEMANTICS, SUPPORT_MODES, THEMES, GraphvizNotFound, RenderFailed, draw
from argmap.render.paper import PAPERS
from argmap.sheets import PAPERS as SHEET_PAPERS
from argmap.sheets import PrintUnavailable
from argmap.types import ImageFormat, PaperName, SemanticsName, SupportMode

__all__ = ["Problem", "diagnose", "preview", "download", "DOWNLOADS", "DEFAULT_TIMEOUT"]

#: Seconds that drawing (each run of ``dot``) or evaluating may take.
DEFAULT_TIMEOUT = 10.0

#: What the page can download: name -> (suffix of the file, media type).
DOWNLOADS = {
    "svg": (".svg", "image/svg+xml"),
    "png": (".png", "image/png"),
    "pdf": (".pdf", "application/pdf"),
    "worksheet": (".worksheet.pdf", "application/pdf"),
    "outline": (".outline.md", "text/markdown; charset=utf-8"),
}


class Problem(ValueError):
    """Why a request could not be answered, said in the page's language."""


def diagnose(text: str, lang: str, *, filename: str | None = None, base_dir=None) -> tuple[argmap.ArgumentMap, list[Diagnostic]]:
    """The map in ``text`` (whatever parsed) and every diagnostic, syntax
    and checks, in ``lang``."""
    argument_map, diagnostics = argmap.read(text, filename)
    if not has_errors(diagnostics):
        diagnostics = diagnostics + argmap.check(argument_map, base_dir=base_dir)
    return argument_map, [d.localized(lang) for d in diagnostics]


def preview(text: str, choices: Mapping, lang: str, *, filename=None, base_dir=None, timeout: float = DEFAULT_TIMEOUT) -> dict:
    """The drawing (SVG text, or None with a ``problem``), the diagnostics
    as dicts, and the ids the view controls offer (claims, positions)."""
    argument_map, diagnostics = diagnose(text, lang, filename=filename, base_dir=base_dir)
    answer = {
        "diagnostics": [d.to_dict() for d in diagnostics],
        "claims": [c.id for c in argument_map.claims],
        "positions": [p.id for p in argument_map.positions],
        "svg": None,
        "problem": None,
    }
    try:
        options = _view(argument_map, choices, lang, timeout)
        answer["svg"] = _call(lambda: draw(argument_map, "svg", timeout=timeout, **options), lang).decode("utf-8")
    except Problem as exc:
        answer["problem"] = str(exc)
    return answer


def download(text: str, choices: Mapping, what: str, lang: str, *, filename=None, base_dir=None, timeout: float = DEFAULT_TIMEOUT) -> tuple[bytes, str, str]:
    """The bytes of one download, its suffix and its media type. Raises
    :class:`Problem` when the map cannot be made into it."""
    if what not in DOWNLOADS:
        raise Problem(translate(N_("unknown download `{name}`"), lang, {"name": what}))
    suffix, media = DOWNLOADS[what]
    argument_map, diagnostics = argmap.read(text, filename)
    if has_errors(diagnostics):
        raise Problem(translate(N_("the text has errors; correct them first (see the messages)"), lang))
    paper = cast("PaperName | None", _choice(choices, "paper", tuple(PAPERS), lang) or None)
    if what == "outline":
        # The essay plan from the first chosen position's view, the focused claim as its thesis.
        position = next(iter(_positions(choices)), None)
        plan = _call(lambda: argmap.outline(argument_map, position=position, claim=_text(choices, "focus") or None), lang)
        return plan.encode("utf-8"), suffix, media
    if what == "worksheet":
        sheet: PaperName = paper if paper in SHEET_PAPERS else "a4"
        data = _call(lambda: argmap.worksheet(argument_map, paper=sheet, base_dir=base_dir, timeout=timeout), lang)
        return data, suffix, media
    options = _view(argument_map, choices, lang, timeout)
    if what == "pdf" and paper:
        return _call(lambda: draw(argument_map, "pdf", timeout=timeout, paper=paper, compact=True, **options), lang), suffix, media
    image = cast(ImageFormat, what)  # one of DOWNLOADS' drawings, checked above
    return _call(lambda: draw(argument_map, image, timeout=timeout, **options), lang), suffix, media


def _view(argument_map, choices: Mapping, lang: str, timeout: float) -> dict:
    """The drawing options the page chose, checked; an evaluation is made
    here, with the time limit, and handed to the drawing."""
    semantics = cast("SemanticsName | None", _choice(choices, "evaluate", SEMANTICS, lang))
    support = cast(SupportMode, _choice(choices, "support", SUPPORT_MODES, lang) or "none")
    evaluation = None
    if semantics:
        evaluation = _call(lambda: argmap.evaluate(argument_map, semantics, support, timeout=timeout), lang)
    depth = choices.get("depth")
    return {
        "theme": _choice(choices, "theme", tuple(THEMES), lang) or "default",
        "evaluate": evaluation,
        "positions": tuple(_positions(choices)),
        "focus": _text(choices, "focus") or None,
        "depth": depth if isinstance(depth, int) and not isinstance(depth, bool) and 0 <= depth <= 50 else None,
        "worksheet": choices.get("worksheet") is True,
        "answers": choices.get("answers") is True,
    }


def _call(make, lang: str):
    """``make()``, with the API's refusals said as a :class:`Problem`."""
    try:
        return make()
    except GraphvizNotFound as exc:
        raise Problem(str(exc)) from None
    except RenderFailed as exc:
        raise Problem(translate(N_("the map could not be drawn: {reason}"), lang, {"reason": exc})) from None
    except PrintUnavailable as exc:
        raise Problem(str(exc)) from None
    except (ValueError, TimeoutError) as exc:  # ViewError, MapError, SheetError, TooManyExtensions, SolverTimeout
        raise Problem(_said(exc, lang)) from None


def _said(exc: Exception, lang: str) -> str:
    """An API error's message; a map's errors in ``lang``."""
    diagnostics = getattr(exc, "diagnostics", None)
    if diagnostics:
        first = diagnostics[0].localized(lang)
        return translate(N_("the map has errors that change what it means: {message}"), lang, {"message": first.message})
    return str(exc)


def _choice(choices: Mapping, key: str, allowed: tuple[str, ...], lang: str) -> str:
    """The page's choice for ``key``: one of ``allowed``, or "" when none is made."""
    value = choices.get(key)
    if value in (None, ""):
        return ""
    if value not in allowed:
        raise Problem(translate(N_("`{value}` is not a choice for {name}"), lang, {"value": str(value)[:40], "name": key}))
    return value


def _text(choices: Mapping, key: str) -> str:
    value = choices.get(key)
    return value if isinstance(value, str) else ""


def _positions(choices: Mapping) -> list[str]:
    value = choices.get("positions")
    return [p for p in value if isinstance(p, str)][:4] if isinstance(value, list) else []

