"""The common shapes of a line, read by one regular expression instead of lark.

Almost every line of a large map is a claim, a relation, an attribute, an
outline item, a step of an argument or a comment. :func:`read_line` reads
those with one ``fullmatch`` of a pattern made from the grammar's own
terminals (ID, TEXT, STRING, COMMENT, CONTINUATION, the ignored white space
and the keywords), so grammar/argmap.lark stays the one source of truth.
It makes the same line record as the LALR parser with
:class:`~argmap.syntax.transformer.LineTransformer` would.

The patterns accept a strict subset of what the grammar accepts: tokens
separated as lark's contextual lexer separates them (white space wherever
two words meet) and no keyword of the language used as an id. Every other
line, and so every line with a syntax error, goes to lark, which reports
it exactly as before (see :mod:`argmap.syntax.parser`).
"""

from __future__ import annotations

import functools
import re

from argmap.syntax.lines import Line, Word

__all__ = ["read_line", "scan_lines", "claim_text", "terminals", "keywords"]


@functools.lru_cache(maxsize=1)
def _grammar_parts() -> tuple[dict[str, str], str, frozenset[str]]:
    from argmap.syntax.parser import grammar_text

    text = grammar_text()
    patterns = {}
    for name, regex, string in re.findall(r'(?m)^([A-Z_]+):\s*(?:/(.*)/|"(.*)")\s*$', text):
        patterns[name] = regex if regex else re.escape(string)
    found = re.search(r"(?m)^%ignore\s+/(.*)/\s*$", text)
    ignore = found.group(1) if found else r"[\t ]+"
    rules = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    words = frozenset(re.findall(r'"([a-z]+)"', rules))
    return patterns, ignore, words


def terminals() -> dict[str, str]:
    """The grammar's named terminals: name → regular expression."""
    return dict(_grammar_parts()[0])


def keywords() -> frozenset[str]:
    """Every word of the language (``claim``, ``supports``, ``premise`` ...)."""
    return _grammar_parts()[2]


@functools.lru_cache(maxsize=1)
def _patterns():
    t, ignore, _ = _grammar_parts()
    ws, ows = f"(?:{ignore})", f"(?:{ignore})?"
    ident, text = t["ID"], t["TEXT"]
    # The rest of a line after a colon: optional text (TEXT keeps trailing blanks; they are stripped later).
    rest = f"{ows}:{ows}(?P<text>{text})?"
    ids = f"{ident}(?:{ows}{t['PLUS']}{ows}{ident})*"
    relation_words = "|".join(t[k] for k in ("SUPPORTS", "REBUTS", "CONTRADICTS", "UNDERCUTS"))
    # accepts a, b   (a group of its own in `inner`; several, `;` apart, after `position ID:`)
    stance_ids = f"{ident}(?:{ows},{ows}{ident})*"
    stance = f"(?:{t['ACCEPTS']}|{t['REJECTS']}){ws}{stance_ids}"
    top = re.compile(
        "|".join(
            (
                f"(?P<kw>claim|group|argument){ws}(?P<id>{ident}){rest}",
                f"implicit{ws}claim{ws}(?P<iid>{ident}){ows}:{ows}(?P<itext>{text})?",
                f"(?:(?P<name>{ident}){ows}:{ows})?(?P<premises>{ids}){ws}(?P<rel>{relation_words}){ws}"
                f"(?P<target>{ident}){ows}",
                f"source{ws}(?P<sid>{ident}){ows}:{ows}(?P<string>{t['STRING']}){ows}",
                f"(?P<meta>{t['TITLE']}|{t['LANG']}|{t['QUESTION']}){ows}:{ows}(?P<mtext>{text})?",
                f"position{ws}(?P<pid>{ident}){ows}:{ows}(?P<stances>{stance}(?:{ows};{ows}{stance})*)?{ows}",
                f"(?P<comment>{t['COMMENT']})",
            )
        )
    )
    sign = f"(?P<sign>{t['PLUS']}|{t['MINUS']}|{t['TILDE']})"
    inner = re.compile(
        "|".join(
            (
                f"{sign}{ows}(?:\\({ows}(?P<label>{ident}){ows}\\){ows})?"
                f"(?:(?P<refs>{ids}){ows}|(?P<implicit>implicit{ws})?(?P<item>{ident}){ows}:{ows}(?P<itext>{text})?)",
                f"(?P<step>{t['PREMISE']}|{t['CONCLUSION']}){ws}"
                f"(?:implicit{ws}(?P<isid>{ident}){ows}:{ows}(?P<istext>{text})?"
                f"|(?P<sid>{ident})(?:(?P<scolon>{ows}:){ows}(?P<stext>{text})?|{ows}))",
                f"(?P<stance>{t['ACCEPTS']}|{t['REJECTS']}){ws}(?P<ids>{stance_ids}){ows}",
                f"(?P<continuation>{t['CONTINUATION']})",
                f"(?P<comment>{t['COMMENT']})",
            )
        )
    )
    # The most frequent shapes first, each with few groups: a claim, a relation, an attribute.
    claim = re.compile(f"claim{ws}({ident}){ows}:{ows}({text})?")
    relation = re.compile(f"({ident}){ws}({relation_words}){ws}({ident}){ows}")
    attribute = re.compile(f"({ident}){ows}:{ows}({text})?")
    return (
        claim.fullmatch,
        relation.fullmatch,
        attribute.fullmatch,
        top.fullmatch,
        inner.fullmatch,
        re.compile(ident).finditer,
        keywords(),
        re.compile(f"({t['ACCEPTS']}|{t['REJECTS']}){ws}({stance_ids})").finditer,
    )


@functools.lru_cache(maxsize=1)
def _scanner():
    t, ignore, words = _grammar_parts()
    # An id that is no word of the language (those are for lark to read).
    keyword = "|".join(sorted(words, key=len, reverse=True))
    ident = f"(?!(?:{keyword})(?!\\w)){t['ID']}"
    relation_words = "|".join(t[k] for k in ("SUPPORTS", "REBUTS", "CONTRADICTS", "UNDERCUTS"))
    # The line ends, and the next one starts at the left margin with no
    # comment (or there is none): nothing can be added to the statement.
    after = r"(?:\n(?![\s#])|\Z)"
    # Text that normalising leaves as it is: words (runs of what `str.split`
    # does not split at) one space apart, none of them a lone `#` (W125).
    word = r"(?!#(?!\S))\S+"
    text = f"{word}(?: {word})*"
    # An attribute line, indented as the first one under the claim (`ind`).
    key = f"(?!(?:{'|'.join(sorted(_INDENTED_WORDS))})(?!\\w)){t['ID']}"
    attribute = f"{key}: {text}"
    pattern = re.compile(
        "|".join(
            (
                # The text of a claim is all the rest of the line: :func:`claim_text` looks at it.
                f"claim ({ident}): (\\S[^\\n]*+){after}",
                f"claim ({ident}): ({text})\\n((?P<ind> +){attribute}(?:\\n(?P=ind){attribute})*){after}",
                # (Blanks after the statement are ignored, as lark ignores them.)
                f"(?:({ident}): )?({ident}) ({relation_words}) ({ident})(?:{ignore})?\\r?{after}",
                r"([^\n]*\n|[^\n]+\Z)",
            )
        )
    )
    assert pattern.groups == OTHER + 1
    # A claim's text as above, without the blanks and a CR after it.
    rest = re.compile(f"({text})(?:{ignore})?\\r?")
    # Cut where the next line starts at the left margin with no comment:
    # the pattern reads a piece as it would read the whole text.
    return pattern.findall, rest.fullmatch, re.compile(r"\n(?![\s#])").search


#: The fields of :func:`scan_lines`' rows, by index.
ID, TEXT, BLOCK_ID, BLOCK_TEXT, BLOCK, INDENT, NAME, PREMISE, KEYWORD, TARGET, OTHER = range(11)

#: Characters of text :func:`scan_lines` reads in one piece, about.
_PIECE = 1 << 18


def scan_lines(text: str):
    """The lines of ``text``, a list of rows at a time (a row a line, in
    order, but for a claim with attributes; lines end at line feeds). A row
    is a tuple indexed by the names above; which shape the line has:

    - a claim, ``claim ID: text`` at the left margin, followed by a line at
      the left margin that is no comment (or by the end), so that no other
      line can add to it: ``ID`` and ``TEXT`` (all the rest of the line,
      which :func:`claim_text` has to accept before the claim is read so);
    - a claim with attributes, ``claim ID: text`` and the ``key: value``
      lines under it, all indented alike by spaces, each text written as
      normalising leaves it, followed likewise: ``BLOCK_ID``,
      ``BLOCK_TEXT``, ``BLOCK`` (the attribute lines, without the last
      line feed) and ``INDENT``;
    - a relation, ``[name: ]a supports b`` (or ``rebuts``, ``contradicts``,
      ``undercuts``) written the plain way (one space where two words meet)
      and followed likewise: ``NAME`` (or ``""``), ``PREMISE``, ``KEYWORD``,
      ``TARGET``;
    - any other line: ``OTHER``, the line with its line feed (the only
      field that is not empty).

    The first three accept less than :func:`read_line` (no keyword as an id, no
    linked ids, no other spacing) and read a line as it does (the same ids);
    their columns are those :func:`argmap.model._written_columns` works out.
    A text that ends with a line feed has no row for the empty line after it."""
    findall, _, cut = _scanner()
    start, size = 0, len(text)
    while start < size:
        found = cut(text, start + _PIECE)
        end = size if found is None else found.end()
        yield findall(text, start, end)
        start = end


def claim_text(text: str) -> str | None:
    """The text of a claim row's ``TEXT`` (see :func:`scan_lines`) when
    normalising leaves it as it is (blanks and a CR at its end aside) and no
    word of it is a lone ``#``; None when the line has to be read by
    :func:`read_line`. (Only a space is both a blank and printable, so the
    caller may take a printable text without a double space, a ``#`` or a
    space at its end as it is, without calling this.)"""
    found = _scanner()[1](text)
    return None if found is None else found.group(1)


#: The words lark's contextual lexer takes for keywords at the start of an
#: indented line (the others are ids there, as in `  source: s1`).
_INDENTED_WORDS = frozenset({"premise", "conclusion", "accepts", "rejects"})


_SUB = {"supports": "support", "rebuts": "rebuttal", "contradicts": "contradiction", "undercuts": "undercut"}


def _word(m, group, kind: str = "ID") -> Word:
    word = Word(m.group(group))
    word.type = kind
    word.column = m.start(group) + 1
    return word


def _ids(m, group: str, finditer) -> tuple[Word, ...]:
    if "+" not in m.group(group):
        return (_word(m, group),)
    return tuple(_word(i, 0) for i in finditer(m.string, m.start(group), m.end(group)))


def read_line(src: str, indent: str) -> Line | None:
    """The line record for line ``src`` (without its line break; ``indent`` is
    its leading blanks), or None when lark has to read it."""
    claim, relation, attribute, top, inner, finditer, words, stances = _patterns()
    if not indent:
        if src.startswith("claim"):
            m = claim(src)
            if m is not None:
                ident, text = m.groups()
                if ident in words:
                    return None
                return Line("claim", (_word(m, 1), text.strip() if text else "", None))
        else:
            m = relation(src)
            if m is not None:
                premise, keyword, target = m.groups()
                if premise in words or target in words:
                    return None
                return Line("relation", ((_word(m, 1),), _word(m, 3), _word(m, 2, keyword.upper())), sub=_SUB[keyword])
        m = top(src)
        if m is None:
            return None
        g = m.group
        if g("id") is not None:
            if g("id") in words:
                return None
            text = g("text")
            return Line(g("kw"), (_word(m, "id"), text.strip() if text else "", None))
        if g("premises") is not None:
            premises = _ids(m, "premises", finditer)
            name = g("name")
            if g("target") in words or name in words or any(p in words for p in premises):
                return None
            parts: tuple = (premises, _word(m, "target"), _word(m, "rel", g("rel").upper()))
            if name is not None:
                parts += (_word(m, "name"),)
            return Line("relation", parts, sub=_SUB[g("rel")])
        if g("iid") is not None:
            if g("iid") in words:
                return None
            text = g("itext")
            return Line("implicit", (_word(m, "iid"), text.strip() if text else "", None))
        if g("sid") is not None:
            if g("sid") in words:
                return None
            return Line("source", (_word(m, "sid"), _word(m, "string", "STRING")))
        if g("pid") is not None:
            return _position(m, finditer, words, stances)
        if g("meta") is not None:
            text = g("mtext")
            keyword = g("meta")
            return Line("meta", (_word(m, "meta", keyword.upper()), text.strip() if text else "", None), sub=keyword)
        comment = _word(m, "comment", "COMMENT")
        return Line("comment", (comment, comment[1:].rstrip()))
    m = attribute(src, len(indent))
    if m is not None:
        key, text = m.groups()
        if key in _INDENTED_WORDS:
            return None
        return Line("attribute", (_word(m, 1), text.strip() if text else "", None))
    m = inner(src, len(indent))
    if m is None:
        return None
    g = m.group
    if g("sign") is not None:
        sign = _word(m, "sign", _SIGN_TYPE[g("sign")])
        label = None
        if g("label") is not None:
            if g("label") in words:
                return None
            label = _word(m, "label")
        if g("refs") is not None:
            refs = _ids(m, "refs", finditer)
            if any(r in words for r in refs):
                return None
            return Line("item", (sign, label, ("ref", refs)))
        if g("item") in words:
            return None
        text = g("itext")
        form = "claim" if g("implicit") is None else "implicit"
        return Line("item", (sign, label, (form, _word(m, "item"), text.strip() if text else "", None)))
    if g("step") is not None:
        keyword = _word(m, "step", g("step").upper())
        if g("isid") is not None:
            if g("isid") in words:
                return None
            text = g("istext")
            return Line("step", (keyword, "implicit", _word(m, "isid"), text.strip() if text else ""))
        if g("sid") in words:
            return None
        if g("scolon") is None:
            return Line("step", (keyword, "ref", _word(m, "sid"), ""))
        text = g("stext")
        return Line("step", (keyword, "claim", _word(m, "sid"), text.strip() if text else ""))
    if g("stance") is not None:
        return _stance(m, "stance", "ids", finditer, words)
    if g("continuation") is not None:
        continuation = _word(m, "continuation", "CONTINUATION")
        return Line("continuation", (continuation, continuation[1:].strip()))
    comment = _word(m, "comment", "COMMENT")
    return Line("comment", (comment, comment[1:].rstrip()))


_SIGN_TYPE = {"+": "PLUS", "-": "MINUS", "~": "TILDE"}


def _stance(m, keyword, ids, finditer, words) -> Line | None:
    """``accepts a, b`` (or ``rejects``) in match ``m``: a stance record, as
    lark's transformer makes it; None when an id is a keyword."""
    found = tuple(_word(i, 0) for i in finditer(m.string, m.start(ids), m.end(ids)))
    if any(i in words for i in found):
        return None
    word = m.group(keyword)
    return Line("stance", (_word(m, keyword, word.upper()), found), sub=word)


def _position(m, finditer, words, stances) -> Line | None:
    """``position ID: accepts a, b; rejects c`` in match ``m``: the position's
    record with one stance record per part; None when an id is a keyword."""
    if m.group("pid") in words:
        return None
    parts = []
    if m.group("stances") is not None:
        for s in stances(m.string, m.start("stances"), m.end("stances")):
            stance = _stance(s, 1, 2, finditer, words)
            if stance is None:
                return None
            parts.append(stance)
    return Line("position", (_word(m, "pid"), tuple(parts)))
