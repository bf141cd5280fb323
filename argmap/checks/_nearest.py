"""The passage of a source text nearest to a quote that is not in it, and what differs.

A quote that is not found is most often a near copy: a word changed, a
comma, an ending, words left out. The search is bounded: the quote's rarest
words (those that occur least often in the text) point to a few candidate
windows, and only those are compared with :mod:`difflib`, so a failed quote
costs about as much in a 5 MB text as in a short one (apart from indexing
the text's words once).
"""

from __future__ import annotations

import bisect
import difflib
import math
import re
from collections import Counter
from collections.abc import Callable

from attrs import frozen

__all__ = ["Nearest", "TextIndex"]

_WORD = re.compile(r"\S+")
_PUNCTUATION = "\"'.,;:!?()[]{}<>„“”‚‘’«»‹›–—-…*/"
#: How many occurrences of one rare word are tried, and how many rare words.
_PER_WORD = 40
_RARE_WORDS = 4
#: Below this similarity (difflib's ratio of matching words) nothing is shown.
MIN_RATIO = 0.5


@frozen
class Nearest:
    """The nearest passage: its line in the text, its words, and the first difference."""

    line: int
    passage: str
    ratio: float
    #: ``"replace"`` (the text has ``text`` where the quote has ``quote``),
    #: ``"insert"`` (the text has ``text`` that the quote leaves out),
    #: ``"delete"`` (the quote has ``quote`` that the text has not) or ``"equal"``.
    change: str
    text: str
    quote: str


class TextIndex:
    """A source text's words with their places, built once per text."""

    def __init__(self, text: str, squash: Callable[[str], str]):
        self.text = text
        self.squash = squash
        keys: dict[str, str] = {}  # each distinct word is squashed once
        self.keys = [keys[w] if w in keys else keys.setdefault(w, _key(w, squash)) for w in _WORD.findall(text)]
        self.counts = Counter(self.keys)
        self._starts: list[int] | None = None
        self._line_starts: list[int] | None = None

    def places(self, key: str, limit: int) -> list[int]:
        """The first ``limit`` places of the word ``key`` (list.index runs in C: fast for rare words)."""
        out: list[int] = []
        at = -1
        while len(out) < limit:
            try:
                at = self.keys.index(key, at + 1)
            except ValueError:
                break
            out.append(at)
        return out

    @property
    def starts(self) -> list[int]:
        """Where each word starts in the text (found once, when a passage is first shown)."""
        if self._starts is None:
            self._starts = [m.start() for m in _WORD.finditer(self.text)]
        return self._starts

    def end(self, i: int) -> int:
        """Where word ``i`` ends in the text."""
        start = self.starts[i]
        found = _WORD.match(self.text, start)
        return found.end() if found else start

    def nearest(self, quote: str) -> Nearest | None:
        """The passage most like ``quote`` (None when no passage is at least half alike)."""
        words = _WORD.findall(quote)
        keys = [_key(w, self.squash) for w in words]
        if not keys:
            return None
        present = sorted((self.counts[k], i) for i, k in enumerate(keys) if k in self.counts)
        if not present:
            return None
        n = len(keys)
        # A rare word shared says more than a common one: weigh each quote word by its rarity in the
        # text, and a capitalised one (a name, a German noun) above a small word such as `an`.
        total = len(self.keys)
        weights = [
            math.log(2 + total / (1 + self.counts.get(k, 0))) * (1.5 if w[:1].isupper() else 1.0)
            for w, k in zip(words, keys)
        ]
        whole = sum(weights)
        seen: set[int] = set()
        best: tuple[float, int, int, float] | None = None
        for _, i in present[:_RARE_WORDS]:
            for place in self.places(keys[i], _PER_WORD):
                start = max(0, place - i - 2)
                if start in seen:
                    continue
                seen.add(start)
                window = self.keys[start : place - i + n + 2]
                blocks = difflib.SequenceMatcher(None, keys, window, autojunk=False).get_matching_blocks()
                ratio = 2.0 * sum(b.size for b in blocks) / (n + min(len(window), n))
                weight = sum(sum(weights[b.a : b.a + b.size]) for b in blocks) / whole
                if ratio >= MIN_RATIO and (best is None or weight > best[3]):
                    best = (ratio, start, start + len(window), weight)
        if best is None:
            return None
        ratio, start, stop, _ = best
        return self._describe(words, keys, start, stop, min(ratio, 1.0))

    def _describe(self, words: list[str], keys: list[str], start: int, stop: int, ratio: float) -> Nearest:
        window = self.keys[start:stop]
        matcher = difflib.SequenceMatcher(None, keys, window, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        first = start + blocks[0].b
        last = start + blocks[-1].b + blocks[-1].size  # one past the last matched word
        # Compare exactly as the quote check does (punctuation counts), over the matched stretch.
        strict_text = [self.squash(self.text[self.starts[j] : self.end(j)]) for j in range(first, last)]
        strict_quote = [self.squash(w) for w in words]
        q_lo = blocks[0].a
        q_hi = blocks[-1].a + blocks[-1].size
        # A quote may start or end inside the text's words: "bekommen" matches "bekommen;".
        if strict_text and strict_text[-1].startswith(strict_quote[q_hi - 1]):
            strict_text[-1] = strict_quote[q_hi - 1]
        if strict_text and strict_text[0].endswith(strict_quote[q_lo]):
            strict_text[0] = strict_quote[q_lo]
        # Where the quote's unmatched first and last words would stand in the text, within the sentence.
        shown_first = first
        while shown_first > max(0, first - q_lo) and not self.keys_end_sentence(shown_first - 1):
            shown_first -= 1
        shown_last = last
        while shown_last < min(len(self.keys), last + len(words) - q_hi) and not self.keys_end_sentence(shown_last - 1):
            shown_last += 1
        change, text_part, quote_part = "equal", "", ""
        ops = difflib.SequenceMatcher(None, strict_quote[q_lo:q_hi], strict_text, autojunk=False).get_opcodes()
        diff = next((op for op in ops if op[0] != "equal"), None)
        if diff is not None:
            tag, i1, i2, j1, j2 = diff
            change = tag
            quote_part = " ".join(words[q_lo + i1 : q_lo + i2])
            text_part = self._words(first + j1, first + j2)
        elif q_lo > 0:
            # The quote starts with words the passage does not have: what the text has there instead.
            quote_part, text_part = " ".join(words[:q_lo]), self._words(shown_first, first)
            change = "replace" if text_part else "delete"
        elif q_hi < len(words):
            quote_part, text_part = " ".join(words[q_hi:]), self._words(last, shown_last)
            change = "replace" if text_part else "delete"
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        return Nearest(
            line=bisect.bisect_right(self._line_starts, self.starts[shown_first]),
            passage=_shorten(self._words(shown_first, shown_last)),
            ratio=ratio,
            change=change,
            text=_shorten(text_part, 60),
            quote=_shorten(quote_part, 60),
        )

    def keys_end_sentence(self, i: int) -> bool:
        """Whether the text's word ``i`` ends a sentence."""
        return self.text[self.end(i) - 1] in ".!?:;"

    def _words(self, lo: int, hi: int) -> str:
        if lo >= hi:
            return ""
        return " ".join(self.text[self.starts[lo] : self.end(hi - 1)].split())


def _key(word: str, squash: Callable[[str], str]) -> str:
    """A word as the search compares it: squashed, without punctuation around it."""
    squashed = squash(word)
    return squashed.strip(_PUNCTUATION) or squashed


def _shorten(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
