"""Beginners' mistakes on a line that did not parse: what was meant, and the line as it was meant.

When a line fails to parse, the parser asks :func:`diagnose` whether it is
one of the mistakes people new to argmap make (a hyphen in an id, a German or
capitalised word where a keyword belongs). If so, the diagnostic names the
cause and the fix, and the repaired line is parsed in place of the broken one,
so that the rest of the map is read as meant and nothing follows on from the
mistake (no unknown ids, no unconnected claims).
"""

from __future__ import annotations

import re

from attrs import frozen

from argmap._i18n import N_
from argmap.diagnostics import Diagnostic, error
from argmap.model import Span

__all__ = ["Repair", "diagnose", "KEYWORD_WORDS"]


@frozen
class Repair:
    """The diagnostic for a broken line and the line as it was most likely meant."""

    diagnostic: Diagnostic
    line: str
    #: Where the replaced word ended (0-based, in the original line) and how
    #: many characters longer the replacement is: token columns after that
    #: point are moved back by this much.
    at: int = 0
    shift: int = 0


#: Words people write where a keyword belongs, by the keyword they most likely mean.
#: German words (a teacher's first guess), and the keywords capitalised.
_TOP = {
    "claim": ("behauptung", "these", "aussage", "grund", "einwand", "gegenargument", "argument", "pro", "contra",
              "kontra", "claim", "begründung", "gegengrund", "stütze", "beleg"),
    "implicit claim": ("annahme", "voraussetzung", "implizit", "implicit"),
    "source": ("quelle", "source", "text"),
    "group": ("gruppe", "group", "thema"),
    "position": ("position", "standpunkt", "haltung", "sicht"),
    "title": ("titel", "title", "überschrift"),
    "question": ("frage", "question", "leitfrage", "streitfrage"),
    "lang": ("sprache", "lang", "language"),
}
_STEP = {
    "premise": ("prämisse", "praemisse", "premise", "voraussetzung", "annahme"),
    "conclusion": ("konklusion", "schlussfolgerung", "folgerung", "schluss", "conclusion", "fazit"),
}
#: Every word :func:`diagnose` takes for a keyword, lower case.
KEYWORD_WORDS = frozenset(w for words in (*_TOP.values(), *_STEP.values()) for w in words)

_LOOKUP_TOP = {w: k for k, words in _TOP.items() for w in words}
_LOOKUP_STEP = {w: k for k, words in _STEP.items() for w in words}

#: A word at the start of a line, and what follows it: an id and a colon (group 3), or just a colon.
_START = re.compile(r"([ \t]*)([^\W\d_][\w-]*)(?:([ \t]+[^\W\d][\w-]*[ \t]*:)|[ \t]*:)")
_META = ("title", "question", "lang")
#: An id with hyphens in it: `nutzer-gewinnen`.
_HYPHENATED = re.compile(r"(?<![\w-])[^\W\d]\w*(?:-\w+)+(?![\w-])")


def diagnose(src: str, lineno: int, next_line: str | None, filename: str | None) -> Repair | None:
    """The beginner's mistake on line ``lineno`` (text ``src``), if it is one argmap knows."""
    return _hyphen(src, lineno, filename) or _keyword(src, lineno, next_line, filename)


def _keyword(src: str, lineno: int, next_line: str | None, filename: str | None) -> Repair | None:
    m = _START.match(src)
    if not m:
        return None
    indent, word = m.group(1), m.group(2)
    folded = word.casefold()
    if word in ("claim", "implicit", "source", "group", "position", "title", "question", "lang", "argument"):
        return None  # the keyword itself: the mistake is elsewhere on the line
    if indent:
        meant = _LOOKUP_STEP.get(folded)
        if meant is None or word in ("premise", "conclusion") or not m.group(3):
            return None
    else:
        meant = _LOOKUP_TOP.get(folded)
        if meant is None or (meant in _META) == bool(m.group(3)):
            return None
        if meant == "claim" and folded == "argument" and _starts_step(next_line):
            meant = "argument"
    start, end = m.span(2)
    line = src[:start] + meant + src[end:]
    column = start + 1
    span = Span(filename, lineno, column, lineno, end + 1)
    if folded == meant:
        message = N_("keywords are written in lower case: `{meant}`, not `{word}`")
    else:
        message = N_("`{word}` is not a keyword of argmap")
    diagnostic = error(
        "E122", message, span, "write `{meant}` (the statement is read as if you had)", word=word, meant=meant
    )
    return Repair(diagnostic, line, end, len(meant) - len(word))


def _starts_step(line: str | None) -> bool:
    if not line or not line[:1].isspace():
        return False
    words = line.split(None, 1)
    first = words[0].casefold() if words else ""
    return first in ("premise", "conclusion") or first in _LOOKUP_STEP


def _hyphen(src: str, lineno: int, filename: str | None) -> Repair | None:
    """An id written with hyphens; only ids are repaired, never a claim's text."""
    stripped = src.lstrip(" \t")
    head_end = src.find(":")
    words = stripped.split(None, 1)
    first = words[0] if words else ""
    if head_end < 0 or first.rstrip(":") == "position" or _is_relation_after(src, head_end):
        head_end = len(src)  # no text on this line: every word is an id or a keyword
    found = [m for m in _HYPHENATED.finditer(src, 0, head_end)]
    if not found:
        return None
    line = src
    for m in reversed(found):
        line = line[: m.start()] + m.group().replace("-", "_") + line[m.end() :]
    first_m = found[0]
    word = first_m.group()
    span = Span(filename, lineno, first_m.start() + 1, lineno, first_m.end() + 1)
    diagnostic = error(
        "E123",
        "ids have no hyphens: `{word}` is not an id",
        span,
        "write `{fixed}` (with underscores), here and wherever the id is used",
        word=word,
        fixed=word.replace("-", "_"),
    )
    return Repair(diagnostic, line)


_RELATION_WORDS = re.compile(r"\s(supports|rebuts|contradicts|undercuts)\s")


def _is_relation_after(src: str, colon: int) -> bool:
    """A named relation (``r-1: a-b supports c``): ids follow the colon too."""
    return bool(_RELATION_WORDS.search(src, colon)) and not src[:colon].strip().startswith(
        ("claim", "implicit", "group", "argument", "source", "+", "-", "~", "premise", "conclusion")
    )
