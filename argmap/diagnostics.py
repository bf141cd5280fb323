"""Diagnostics: every problem argmap finds, as data.

Stages return lists of :class:`Diagnostic`; only the outermost layer (the
command line, or :func:`argmap.parse` raising :class:`ParseError`) decides
to print or to raise.
"""

from __future__ import annotations

import bisect
import enum
import functools
import json
import weakref
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from unicodedata import east_asian_width

import attrs
from attrs import field, frozen

from argmap.errors import ArgmapError
from argmap.types import JSONDict
from argmap._linebreaks import SourceLines, visible
from argmap.model import Span

__all__ = [
    "Severity",
    "Diagnostic",
    "ParseError",
    "format_diagnostic",
    "format_diagnostics_json",
    "suggest",
    "Suggester",
    "has_errors",
    "Diagnostics",
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
    #: The English templates ``message`` and ``hint`` were made from (their
    #: catalog keys) and the values of their ``{name}`` fields, so that
    #: :meth:`localized` can say the same in another language.
    template: str | None = field(default=None, kw_only=True, eq=False, repr=False)
    hint_template: str | None = field(default=None, kw_only=True, eq=False, repr=False)
    #: A value is a string, or an :class:`argmap._i18n.Phrase` said in the
    #: diagnostic's language ("a premise", "`a` and `b`").
    args: tuple[tuple[str, object], ...] = field(default=(), kw_only=True, eq=False, repr=False, converter=tuple)

    def localized(self, lang: str | None) -> Diagnostic:
        """The same diagnostic with its message and hint in ``lang`` (``"de"``, ``"en"``).

        The code, severity and place stay as they are.

        >>> from argmap import check, parse
        >>> check(parse("claim a: A.\\na supports b\\n"))[0].localized("de").message
        'unbekannte Aussage `b`'
        """
        message, hint = self._said(lang)
        if message is self.message and hint is self.hint:
            return self
        return attrs.evolve(self, message=message, hint=hint)

    def _said(self, lang: str | None) -> tuple[str, str | None]:
        """The message and the hint in ``lang`` (the same objects when they need no translating)."""
        from argmap._i18n import normalize, translate

        if self.template is None and self.hint_template is None and normalize(lang) == "en":
            return self.message, self.hint
        values = dict(self.args)
        message = translate(self.template if self.template is not None else self.message, lang, values)
        hint = self.hint
        if hint is not None:
            hint = translate(self.hint_template if self.hint_template is not None else hint, lang, values)
        return message, hint

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_dict(self) -> JSONDict:
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


def _make(severity, code, message, span, hint, position, args) -> Diagnostic:
    Phrase = _phrase_class()
    # A message or hint built elsewhere as a Phrase (a hint chosen by a helper
    # function, say) is kept whole as a field of its own.
    if isinstance(message, Phrase):
        args = {**args, "_message": message}
        message = "{_message}"
    if isinstance(hint, Phrase):
        args = {**args, "_hint": hint}
        hint = "{_hint}"
    if not args:
        return Diagnostic(severity, code, message, span, hint=hint, position=position)

    values = tuple((k, v if isinstance(v, Phrase) else str(v)) for k, v in args.items())
    english = {name: value if type(value) is str else str(value) for name, value in values}
    return Diagnostic(
        severity,
        code,
        message.format_map(english),
        span,
        hint=None if hint is None else hint.format_map(english),
        position=position,
        template=message,
        hint_template=hint,
        args=values,
    )


@functools.cache
def _phrase_class() -> type:
    from argmap._i18n import Phrase  # (imported when the first diagnostic is made, not with this module)

    return Phrase


def error(
    code: str, message: str, span: Span | None, hint: str | None = None, *, position: str | None = None, **args
) -> Diagnostic:
    """An error. With keyword ``args``, ``message`` and ``hint`` are English
    templates with ``{name}`` fields (the catalog keys); the diagnostic keeps
    them so it can be translated (:meth:`Diagnostic.localized`). A field's
    value may be an :class:`argmap._i18n.Phrase`, and so may ``message`` or
    ``hint`` itself (a hint that a helper function builds, say)."""
    return _make(Severity.ERROR, code, message, span, hint, position, args)


def warning(
    code: str, message: str, span: Span | None, hint: str | None = None, *, position: str | None = None, **args
) -> Diagnostic:
    """A warning; see :func:`error` for ``args``."""
    return _make(Severity.WARNING, code, message, span, hint, position, args)


def info(
    code: str, message: str, span: Span | None, hint: str | None = None, *, position: str | None = None, **args
) -> Diagnostic:
    """A note; see :func:`error` for ``args``."""
    return _make(Severity.INFO, code, message, span, hint, position, args)


class Diagnostics(list[Diagnostic]):
    """A list of diagnostics (what :func:`argmap.check` returns) that shows
    itself in Jupyter as a table; in every other respect a ``list``.
    ``text``, when given, is the text the spans point into, for the caret
    excerpts (else the file a span names is read when it can be)."""

    def __init__(self, diagnostics: Iterable[Diagnostic] = (), text: str | None = None):
        super().__init__(diagnostics)
        self.text = text

    def _repr_html_(self) -> str:
        from argmap._display import diagnostics_html

        return diagnostics_html(self, self.text)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """True when any of the diagnostics is an error."""
    return any(d.is_error for d in diagnostics)


class ParseError(ArgmapError, ValueError):
    """Raised by :func:`argmap.parse` and :func:`argmap.load` when the text has errors.

    ``diagnostics`` holds every diagnostic found (all errors, not only the
    first); ``text`` is the text that was parsed. A ParseError survives
    pickling with both, so it can cross from a worker process to its parent.
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

    def __reduce__(self):
        # The default would call ParseError(summary): rebuild from the data instead.
        return type(self), (self.diagnostics, self.text), self.__dict__


#: A line longer than this is shown as this many characters around the span.
EXCERPT_WIDTH = 200


def _display_width(text: str) -> int:
    if not text or max(text) < _FIRST_WIDE:
        return len(text)  # (German, French, English ...: a column a character)
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


#: No character before this one takes two columns.
_FIRST_WIDE = "\u0378"


@functools.lru_cache(maxsize=1)
def _lines_of(text: str) -> SourceLines:
    # Formatting one diagnostic after another for the same text finds its lines once.
    return SourceLines(text)


def format_diagnostic(d: Diagnostic, text: str | SourceLines | None = None, lang: str | None = None) -> str:
    """``file:line:col: severity[CODE]: message``, the source line with a caret
    under the span, and ``hint: ...`` when there is a hint.

    With ``lang`` (``"de"``), the message, the hint, the severity word and
    ``hint:`` are in that language (``Fehler[E201]``, ``Warnung``,
    ``Hinweis``, ``Tipp:``); the code and the place never change, so a
    German and an English report of the same map differ only in words.

    ``text`` is the whole text of the file the span points into; without it
    only the first line is given. Lines are counted as the parser counts
    them (at line feeds only), and characters that would break or garble
    the printed line (form feeds, line separators, control characters) are
    shown as symbols such as ``␌``, one column each, so the caret stays
    under the column that ``line:col`` names.
    """
    return _Wording(lang).format(d, text)


def format_each(diagnostics: Iterable[Diagnostic], text: str | SourceLines | None, lang: str | None = None) -> Iterator[str]:
    """:func:`format_diagnostic` of each diagnostic, the words of ``lang`` found once for all."""
    wording = _Wording(lang)
    if isinstance(text, str):
        text = SourceLines(text)
    return map(wording.format, diagnostics, repeat(text))


class _Wording:
    """The words of a report in one language (None: English as the diagnostics say it)."""

    __slots__ = ("lang", "severities", "hint")

    def __init__(self, lang: str | None):
        self.lang = lang
        if lang is None:
            self.severities = {s: s.value for s in Severity}
            self.hint = "hint"
        else:
            from argmap._i18n import translator

            words = translator(lang)
            self.severities = {s: _severity_word(s, words) for s in Severity}
            self.hint = words.pgettext("diagnostic", "hint")

    def format(self, d: Diagnostic, text: str | SourceLines | None) -> str:
        message, hint = (d.message, d.hint) if self.lang is None else d._said(self.lang)
        s = d.span
        where = f"{s.file or '<stdin>'}:{s.line}:{s.column}: " if s else ""
        out = [visible(f"{where}{self.severities[d.severity]}[{d.code}]: {message}")]
        if s is not None and text is not None:
            lines = text if isinstance(text, SourceLines) else _lines_of(text)
            if 1 <= s.line <= len(lines):
                start, stop = lines.bounds(s.line)
                col = s.column
                if stop - start > EXCERPT_WIDTH:
                    # Cut before anything else, so a long line costs no more than a short one.
                    skip = max(0, min(col - 80, stop - start - EXCERPT_WIDTH))
                    start += skip
                    stop = start + EXCERPT_WIDTH
                    col -= skip
                src = visible(lines.text[start:stop])
                end = s.end_column if s.end_line == s.line and s.end_column > s.column else s.column + 1
                width = max(1, min(end - s.column, len(src) - col + 2))
                lead = _display_width(src[: col - 1])
                caret_width = max(1, _display_width(src[col - 1 : col - 1 + width]))
                gutter = f"{s.line:>5} | "
                out.append(f"{gutter}{src}")
                out.append(" " * (len(gutter) - 2) + "| " + " " * lead + "^" * caret_width)
        if hint:
            out.append(visible(f"  {self.hint}: {hint}"))
        return "\n".join(out)


def _severity_word(severity: Severity, words) -> str:
    """"error", "warning", "info" in the language of the translator ``words``."""
    if severity is Severity.ERROR:
        return words.pgettext("severity", "error")
    if severity is Severity.WARNING:
        return words.pgettext("severity", "warning")
    return words.pgettext("severity", "info")


def format_diagnostics_json(diagnostics: Iterable[Diagnostic], lang: str | None = None) -> str:
    """The diagnostics as a JSON list of objects. With ``lang``, ``message``
    and ``hint`` are in that language; keys, severities and codes are always
    the English ones."""
    return json.dumps([_dict_in(d, lang) for d in diagnostics], ensure_ascii=False, indent=2)


def _dict_in(d: Diagnostic, lang: str | None) -> JSONDict:
    """``d.localized(lang).to_dict()``, without making the localized diagnostic."""
    data = d.to_dict()
    if lang is not None:
        data["message"], data["hint"] = d._said(lang)
    return data


#: Words longer than this get no did-you-mean hint: nobody types such an
#: id, and comparing it would cost time that grows with its length.
MAX_SUGGEST_LENGTH = 100

#: At most this many candidates are compared with one word.
MAX_COMPARISONS_PER_WORD = 2_000

#: At most this many comparisons in all for one collection of ids that
#: :func:`suggest` is given again and again (a map's claims, say); the
#: words after that get no hint. A map with a few typos stays far below it.
MAX_COMPARISONS_PER_COLLECTION = 50_000

#: Collections up to this size are compared in full at every call.
_SMALL = 64


def _limit(word: str) -> int:
    """How many edits a suggestion for ``word`` may be away from it."""
    return 0 if len(word) < 3 else min(3, max(1, len(word) // 3))


def _distance(a: str, b: str, limit: int) -> int:
    """Edit distance counting a swap of two neighbouring letters as one
    edit, when it is at most ``limit``; else ``limit + 1``.

    Only cells within ``limit`` of the diagonal are computed, and the
    computation stops as soon as a whole row exceeds ``limit``, so it
    costs at most about ``len(a) * (2 * limit + 1)`` steps.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if a == b:
        return 0
    # A common start and end do not change the distance.
    start = 0
    for ca, cb in zip(a, b):
        if ca != cb:
            break
        start += 1
    a, b = a[start:], b[start:]
    end = 0
    for ca, cb in zip(reversed(a), reversed(b)):
        if ca != cb:
            break
        end += 1
    if end:
        a, b = a[: len(a) - end], b[: len(b) - end]
    # Each edit adds or removes at most two letters to or from the letters
    # that only one of the words has: a quick bound before the full count.
    if len(set(a).symmetric_difference(b)) > 2 * limit:
        return limit + 1
    n, m = len(a), len(b)
    over = limit + 1
    before: list[int] = []
    prev = [j if j <= limit else over for j in range(m + 1)]
    for i in range(1, n + 1):
        ca = a[i - 1]
        lo, hi = max(1, i - limit), min(m, i + limit)
        cur = [over] * (m + 1)
        if i <= limit:
            cur[0] = i
        best = cur[lo - 1]
        for j in range(lo, hi + 1):
            cb = b[j - 1]
            d = prev[j - 1] + (ca != cb)
            if prev[j] + 1 < d:
                d = prev[j] + 1
            if cur[j - 1] + 1 < d:
                d = cur[j - 1] + 1
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and before[j - 2] + 1 < d:
                d = before[j - 2] + 1
            cur[j] = d if d < over else over
            if cur[j] < best:
                best = cur[j]
        if best > limit:
            return over
        before, prev = prev, cur
    return prev[m]


class Suggester:
    """Did-you-mean look-ups among one collection of ids, in bounded time.

    The ids are grouped by length once, so a word is compared only with the
    ids whose length is within its edit limit; the ids next to the word in
    alphabetical order, and in the order of their endings, come first (they
    share its start or its end, where a typo is likeliest to have left them
    alike); each comparison stops as soon as it cannot beat the best so far;
    at most ``per_word`` ids are compared with one word, and at most
    ``budget`` in all (None: no limit). Below these limits the suggestion is
    the one comparing with every id would give. Words longer than
    :data:`MAX_SUGGEST_LENGTH` get no suggestion.

    >>> Suggester(["invest", "gap", "lockin"]).suggest("invst")
    'invest'
    """

    def __init__(
        self,
        candidates: Iterable[str],
        budget: int | None = None,
        per_word: int = MAX_COMPARISONS_PER_WORD,
    ):
        by_length: dict[int, list[tuple[str, str]]] = {}
        for c in candidates:
            low = c.lower()
            by_length.setdefault(len(low), []).append((low, c))
        self._by_length = {
            n: (sorted(group), sorted((low[::-1], c) for low, c in group)) for n, group in by_length.items()
        }
        self.budget = budget
        self.per_word = per_word
        #: How many comparisons were made so far.
        self.comparisons = 0

    def suggest(self, word: str) -> str | None:
        """The id closest to ``word`` by edit distance, if it is close enough."""
        if len(word) > MAX_SUGGEST_LENGTH:
            return None
        limit = _limit(word)
        lower = word.lower()
        allowed = self.per_word
        if self.budget is not None:
            allowed = min(allowed, self.budget - self.comparisons)
        best, best_d = None, limit + 1
        for low, c in self._nearest(lower, limit):
            if allowed <= 0:
                break
            allowed -= 1
            self.comparisons += 1
            d = _distance(lower, low, min(best_d, limit))
            if d < best_d or (d == best_d and best is not None and c < best):
                best, best_d = c, d
        return best if best_d <= limit else None

    def _nearest(self, lower: str, limit: int) -> Iterator[tuple[str, str]]:
        """Each id of a length within ``limit`` of ``lower``'s once, the likeliest first."""
        streams = []
        for delta in sorted(range(-limit, limit + 1), key=abs):
            group = self._by_length.get(len(lower) + delta)
            if group:
                streams.append(_outward(group[0], lower, backward=False))
                streams.append(_outward(group[1], lower[::-1], backward=True))
        seen: set[str] = set()
        while streams:
            for stream in list(streams):
                item = next(stream, None)
                if item is None:
                    streams.remove(stream)
                elif item[1] not in seen:
                    seen.add(item[1])
                    yield item


def _outward(items: list[tuple[str, str]], key: str, backward: bool) -> Iterator[tuple[str, str]]:
    """The items of the sorted list ``items`` from where ``key`` would stand, outwards."""
    after = bisect.bisect_left(items, (key,))
    before = after - 1
    while before >= 0 or after < len(items):
        for index in (after, before):
            if 0 <= index < len(items):
                low, c = items[index]
                yield (low[::-1] if backward else low), c
        after += 1
        before -= 1


# The suggesters of the last few large sets of ids given to suggest(), by
# identity: a check asks for many hints among the same set of a map's ids.
# A set that grew or shrank is indexed again; one changed in place to the
# same size would keep its old index (argmap's checks never change them).
_SUGGESTERS: dict[int, tuple[weakref.ref, int, Suggester]] = {}
_MAX_SUGGESTERS = 8


def _suggester_for(candidates: Iterable[str]) -> Suggester:
    if not isinstance(candidates, (set, frozenset)) or len(candidates) <= _SMALL:
        return Suggester(candidates)
    key = id(candidates)
    entry = _SUGGESTERS.get(key)
    if entry is not None and entry[0]() is candidates and entry[1] == len(candidates):
        return entry[2]
    suggester = Suggester(candidates, budget=MAX_COMPARISONS_PER_COLLECTION)
    while len(_SUGGESTERS) >= _MAX_SUGGESTERS:
        try:
            _SUGGESTERS.pop(next(iter(_SUGGESTERS)), None)
        except (RuntimeError, StopIteration):  # another thread changed it meanwhile
            break
    forget = weakref.ref(candidates, lambda _, key=key: _SUGGESTERS.pop(key, None))
    _SUGGESTERS[key] = (forget, len(candidates), suggester)
    return suggester


def suggest(word: str, candidates: Iterable[str] | Suggester) -> str | None:
    """The candidate closest to ``word`` by edit distance, if it is close enough.

    The work is bounded (see :class:`Suggester`): a set of more than a few
    dozen ids given again and again is indexed once and shares one budget
    of comparisons, so that a map with thousands of unknown ids is checked
    in linear time (the ids after the budget get no hint).

    >>> suggest("suports", ("supports", "rebuts"))
    'supports'
    """
    if isinstance(candidates, Suggester):
        return candidates.suggest(word)
    return _suggester_for(candidates).suggest(word)
