"""Diagnostics: every problem argmap finds, as data.

Stages return lists of :class:`Diagnostic`; only the outermost layer (the
command line, or :func:`argmap.parse` raising :class:`ParseError`) decides
to print or to raise.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Sequence

from attrs import field, frozen

from argmap.model import Span

__all__ = [
    "Severity",
    "Diagnostic",
    "ParseError",
    "format_diagnostic",
    "format_diagnostics_json",
    "suggest",
    "has_errors",
]


class Severity(enum.Enum):
    """How bad a diagnostic is. Only errors make ``argmap check`` fail."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@frozen
class Diagnostic:
    """One problem, with a stable code such as ``E201`` and where it is."""

    severity: Severity
    code: str
    message: str
    span: Span | None = None
    hint: str | None = field(default=None, kw_only=True)
    #: The id of the position this diagnostic is about, for position checks.
    position: str | None = field(default=None, kw_only=True)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict:
        """The diagnostic as plain JSON-ready data."""
        s = self.span
        return {
            "file": s.file if s else None,
            "line": s.line if s else None,
            "column": s.column if s else None,
            "end_line": s.end_line if s else None,
            "end_column": s.end_column if s else None,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
            "position": self.position,
        }


def error(
    code: str, message: str, span: Span | None, hint: str | None = None, *, position: str | None = None
) -> Diagnostic:
    return Diagnostic(Severity.ERROR, code, message, span, hint=hint, position=position)


def warning(
    code: str, message: str, span: Span | None, hint: str | None = None, *, position: str | None = None
) -> Diagnostic:
    return Diagnostic(Severity.WARNING, code, message, span, hint=hint, position=position)


def info(
    code: str, message: str, span: Span | None, hint: str | None = None, *, position: str | None = None
) -> Diagnostic:
    return Diagnostic(Severity.INFO, code, message, span, hint=hint, position=position)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """True when any of the diagnostics is an error."""
    return any(d.is_error for d in diagnostics)


class ParseError(ValueError):
    """Raised by :func:`argmap.parse` and :func:`argmap.load` when the text has errors.

    ``diagnostics`` holds every diagnostic found (all errors, not only the first).
    """

    def __init__(self, diagnostics: Sequence[Diagnostic], text: str | None = None):
        self.diagnostics = tuple(diagnostics)
        self.text = text
        errors = [d for d in self.diagnostics if d.is_error]
        first = errors[0] if errors else (self.diagnostics[0] if self.diagnostics else None)
        summary = format_diagnostic(first, text) if first else "invalid argument map"
        more = len(errors) - 1
        if more > 0:
            summary += f"\n(and {more} more error{'s' if more > 1 else ''})"
        super().__init__(summary)


def _display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_diagnostic(d: Diagnostic, text: str | None = None) -> str:
    """``file:line:col: severity[CODE]: message``, the source line with a caret
    under the span, and ``hint: ...`` when there is a hint.

    ``text`` is the whole text of the file the span points into; without it
    only the first line is given.
    """
    s = d.span
    where = f"{s.file or '<stdin>'}:{s.line}:{s.column}: " if s else ""
    out = [f"{where}{d.severity.value}[{d.code}]: {d.message}"]
    if s is not None and text is not None:
        lines = text.splitlines()
        if 1 <= s.line <= len(lines):
            src = lines[s.line - 1].replace("\t", " ")
            if len(src) > 200:
                start = max(0, s.column - 80)
                src = src[start : start + 200]
                col = s.column - start
            else:
                col = s.column
            end = s.end_column if s.end_line == s.line and s.end_column > s.column else s.column + 1
            width = max(1, min(end - s.column, len(src) - col + 2))
            lead = _display_width(src[: col - 1])
            caret_width = max(1, _display_width(src[col - 1 : col - 1 + width]))
            gutter = f"{s.line:>5} | "
            out.append(f"{gutter}{src}")
            out.append(" " * (len(gutter) - 2) + "| " + " " * lead + "^" * caret_width)
    if d.hint:
        out.append(f"  hint: {d.hint}")
    return "\n".join(out)


def format_diagnostics_json(diagnostics: Iterable[Diagnostic]) -> str:
    """The diagnostics as a JSON list of objects."""
    return json.dumps([d.to_dict() for d in diagnostics], ensure_ascii=False, indent=2)


def _distance(a: str, b: str, limit: int) -> int:
    """Edit distance counting a swap of two neighbouring letters as one edit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                d = min(d, before[j - 2] + 1)
            cur.append(d)
        before, prev = prev, cur
    return prev[-1]


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to ``word`` by edit distance, if it is close enough."""
    limit = 0 if len(word) < 3 else min(3, max(1, len(word) // 3))
    best, best_d = None, limit + 1
    lower = word.lower()
    for c in candidates:
        d = _distance(lower, c.lower(), limit)
        if d < best_d or (d == best_d and best is not None and c < best):
            best, best_d = c, d
    return best if best_d <= limit else None
