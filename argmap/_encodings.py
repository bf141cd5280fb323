"""Guessing how a text that is not UTF-8 was saved.

Teachers' texts come from old Windows programs (Windows-1252), from a Mac
(Mac OS Roman), from DOS tools (code page 850), or as UTF-8 that some program
decoded and saved once more (``GrÃ¼n``). Each decodes without error as any
single-byte encoding, so the guess is by plausibility: the letters and
typographic marks of European languages count for an encoding, control
characters and rare symbols count against it.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

__all__ = ["ENCODING_NAMES", "guess_single_byte", "undo_double_utf8", "utf16_codec"]

#: Names of the encodings argmap reads, as a user knows them.
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252 (Latin-1)",
    "latin-1": "Latin-1 (ISO 8859-1)",
    "mac_roman": "Mac OS Roman",
    "cp850": "DOS (code page 850)",
    "utf-8-twice": "UTF-8 saved twice",
}

#: The single-byte encodings tried.
_CANDIDATES = ("cp1252", "latin-1", "mac_roman", "cp850")

#: The most frequent letters and marks beyond ASCII in German, French, Spanish, ... texts.
_FREQUENT = set("äöüÄÖÜßéèêàçñóáí„“”‚‘’«»–—…€")
#: Less frequent, still likely.
_LIKELY = set("ëâåæìîïòôõøúùûÿÉÈÊÀÂÁÅÆÇÍÎÑÓÔØÚÛœŒšŠžŽ‹›°§·\u00a0\u00ad")

#: UTF-8 read as Windows-1252: `Ã¤` for `ä`, `â€ž` for `„`.
_DOUBLE = re.compile("[ÂÃ][\u0080-\u00bf\u2018-\u203a\u0152-\u0178\u02c6\u02dc\u20ac\u2122]|â€")


def _score(text: str) -> int:
    score = 0
    for ch in text:
        if ch < "\x80":
            if ch < " " and ch not in "\t\n\r\f":
                score -= 3
            continue
        if ch in _FREQUENT:
            score += 3
        elif ch in _LIKELY:
            score += 1
        elif unicodedata.category(ch) in ("Cc", "Co", "Cn", "So", "Sm"):
            score -= 3
        elif not ch.isalpha():
            score -= 1
    return score


def utf16_codec(data: bytes, sample: int = 65_536) -> str | None:
    """The codec to read ``data`` with when it is UTF-16 (Windows' "Unicode"):
    ``utf-16`` when it starts with a UTF-16 byte-order mark, ``utf-16-le`` or
    ``utf-16-be`` when, without one, every other byte of its first ``sample``
    bytes is zero and the bytes between are not (Latin-script text saved as
    UTF-16); None for anything else."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[:sample]
    if len(head) < 4 or head.count(0) * 4 <= len(head):
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if odd > 8 * even:
        return "utf-16-le"
    if even > 8 * odd:
        return "utf-16-be"
    return None


def guess_single_byte(data: bytes, sample: int = 200_000) -> tuple[str, str]:
    """``data`` (not UTF-8) decoded in the most plausible single-byte encoding,
    and that encoding's codec name. Judged on the first ``sample`` bytes."""
    head = data[:sample]
    scores = {}
    for codec in _CANDIDATES:
        try:
            scores[codec] = _score(head.decode(codec))
        except UnicodeDecodeError:
            continue
    # Windows-1252 (or Latin-1 for the bytes it leaves undefined) unless another is clearly better.
    best = "cp1252" if "cp1252" in scores else "latin-1"
    margin = 3 + abs(scores[best]) // 10
    for codec in ("mac_roman", "cp850"):
        if scores[codec] > scores[best] + margin and scores[codec] == max(scores.values()):
            best = codec
    return data.decode(best), best


def undo_double_utf8(text: str) -> str | None:
    """``text`` as it was before a program took its UTF-8 for Windows-1252
    and saved it again (``GrÃ¼n`` → ``Grün``); None when it does not look so."""
    if not _DOUBLE.search(text):
        return None
    try:
        fixed = text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return fixed if fixed != text else None
