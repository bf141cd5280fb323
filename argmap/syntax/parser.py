"""Running the LALR parser over a whole text, reporting every syntax error.

Every statement of the language is one line, so after a syntax error the
parser resumes at the next line: one run reports all the errors of a file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from argmap._linebreaks import FALSE_LINE_BREAKS, SourceLines
from argmap._i18n import N_, Phrase, joined, phrase
from argmap.diagnostics import Diagnostic, error, info, suggest
from argmap.model import Span
from argmap.syntax._repair import Repair, diagnose
from argmap.syntax.lines import Line
from argmap.syntax.shapes import BLOCK, BLOCK_ID, ID, OTHER, TEXT, claim_text, read_line, scan_lines

if TYPE_CHECKING:
    # lark is imported when a line needs it (see _parser), not with this module.
    from lark import Lark, Token, UnexpectedInput

__all__ = ["grammar_text", "parse_lines", "iter_lines", "MAX_SYNTAX_ERRORS"]

#: After this many syntax errors in one file argmap stops looking for more.
MAX_SYNTAX_ERRORS = 100

KEYWORDS = ("supports", "rebuts", "contradicts", "undercuts")
_STEP_WORDS = ("premise", "conclusion")
_TOP_WORDS = ("claim", "implicit", "source", "group", "position", "title", "lang", "question", "argument")
STATEMENT_WORDS = ("claim", "implicit", "source", "group", "position", "title", "lang", "question", "argument")


def grammar_text() -> str:
    """The text of the grammar, from the installed package or the source tree."""
    package = Path(__file__).resolve().parent.parent
    # A plain file first (importlib.resources costs an import of 4 ms); the
    # package's resources when argmap is imported from a zip file.
    for path in (package / "grammar" / "argmap.lark", package.parent / "grammar" / "argmap.lark"):
        try:
            return path.read_text("utf-8")
        except (FileNotFoundError, NotADirectoryError):
            continue
    from importlib import resources

    return resources.files("argmap").joinpath("grammar/argmap.lark").read_text("utf-8")


@functools.lru_cache(maxsize=1)
def _parser() -> Lark:
    from argmap.syntax.parser_cache import cached_lark
    from argmap.syntax.transformer import LineTransformer

    return cached_lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        transformer=LineTransformer(),
        maybe_placeholders=False,
    )


def parse_lines(text: str, filename: str | None) -> tuple[list[Line], list[Diagnostic]]:
    """Parse ``text`` into line records; syntax errors become diagnostics.

    The text is expected without a byte-order mark; line endings may be LF
    or CRLF. Lines break at LF only, as the grammar's NL does: a form feed,
    a line separator (U+2028) or any other character that
    ``str.splitlines`` breaks at belongs to the line it stands in.
    """
    diagnostics: list[Diagnostic] = []
    return list(iter_lines(text, filename, diagnostics)), diagnostics


def iter_lines(
    text: str,
    filename: str | None,
    diagnostics: list[Diagnostic],
    source: SourceLines | None = None,
    statements: Callable[[int, list[tuple[str, ...]]], None] | None = None,
):
    """The line records of ``text``, one at a time, adding syntax errors to
    ``diagnostics`` as they are found; ``source`` is ``SourceLines(text)`` when
    the caller has it already.

    With ``statements``, claim and relation lines that no other line can add
    to (see :func:`argmap.syntax.shapes.scan_lines`) make no records: each run
    of them is given to ``statements(number of its first line, rows)`` instead,
    in its turn (after the records of the lines above it have been taken), for
    the assembler to make their items at once. Other lines of the common
    shapes are read by :func:`argmap.syntax.shapes.read_line`; each run of
    other lines goes to lark, which reports their errors."""
    if source is None:
        source = SourceLines(text)
    n_lines = len(source.starts)
    slow = -1  # the first line of the run of lines lark has to read, if any
    index = 0  # the (0-based) number of the line the row starts at
    for rows in scan_lines(text):
        whole = -1  # the first row of the run of whole statements in this piece, if any
        for j, row in enumerate(rows):
            src = row[OTHER]
            if not src:
                block = row[BLOCK]
                if statements is not None:
                    if row[ID]:
                        # The shortcut claim_text's docstring allows, since almost every text passes it.
                        t = row[TEXT]
                        if t[-1] == " " or "  " in t or "#" in t or not t.isprintable():
                            t = claim_text(t)
                            if t is None:
                                src = source.raw(index + 1)
                            else:
                                rows[j] = (row[ID], t) + row[BLOCK_ID:]
                    if not src:
                        if whole < 0:
                            whole, first = j, index + 1
                            if slow >= 0:
                                yield from _parse_run(source, slow, index, n_lines, filename, diagnostics)
                                slow = -1
                                if diagnostics and diagnostics[-1].code == "I105":
                                    return
                        index += block.count("\n") + 2 if block else 1
                        continue
                elif block:
                    src = "\n".join(source.raw(i) for i in range(index + 1, index + block.count("\n") + 3))
                else:
                    src = source.raw(index + 1)
            if whole >= 0:
                statements(first, rows[whole:j])
                whole = -1
            # Other lines one at a time (a claim with attributes is read line by line without `statements`).
            for src in src.split("\n") if "\n" in src[:-1] else (src,):
                if src[-1:] == "\n":
                    src = src[:-1]
                if src[-1:] == "\r":
                    src = src[:-1]
                body = src.lstrip(" \t")
                record = read_line(src, src[: len(src) - len(body)]) if body else _BLANK
                if record is None:
                    if slow < 0:
                        slow = index
                    index += 1
                    continue
                if slow >= 0:
                    yield from _parse_run(source, slow, index, n_lines, filename, diagnostics)
                    slow = -1
                    if diagnostics and diagnostics[-1].code == "I105":
                        return
                if record is not _BLANK:
                    record.lineno = index + 1
                    record.indent = src[: len(src) - len(body)]
                    record.end = len(body.rstrip()) + len(src) - len(body) + 1
                    yield record
                index += 1
        if whole >= 0:
            statements(first, rows[whole:])
    if slow >= 0:
        yield from _parse_run(source, slow, n_lines, n_lines, filename, diagnostics)


#: Stands for a blank line, which makes no record.
_BLANK = Line("blank", ())


def _parse_run(source: SourceLines, first: int, end: int, n_lines: int, filename: str | None, diagnostics: list):
    """Lines ``first`` to ``end`` (0-based, end excluded) read by lark; after a
    syntax error it resumes at the next line, so every error is reported."""
    from lark import UnexpectedInput

    text, starts = source.text, source.starts
    out: list[Line] = []
    while first < end:
        segment = _segment(text, starts, first, end)
        if not segment.strip():
            break
        try:
            out.extend(_parse_segment(segment, first))
            break
        except UnexpectedInput as exc:
            bad = _error_line(exc, first, end)
            repairs, repaired = _repaired(source, bad, filename)
            if repairs:
                diagnostics.extend(r.diagnostic for r in repairs)
            else:
                diagnostics.append(_describe(exc, source, bad, filename))
            if bad > first:
                try:
                    out.extend(_parse_segment(_segment(text, starts, first, bad), first))
                except UnexpectedInput:  # pragma: no cover - every prefix of whole lines parses
                    pass
            out.extend(repaired or [_broken_line(source, bad)])
            first = bad + 1
            if len(diagnostics) >= MAX_SYNTAX_ERRORS and first < n_lines:
                diagnostics.append(
                    info(
                        "I105",
                        "stopped after {n} syntax errors; the rest of the file was not read",
                        _line_span(source, first, filename),
                        "fix these errors first, then run argmap check again",
                        n=MAX_SYNTAX_ERRORS,
                    )
                )
                break
    return out


def _repaired(source: SourceLines, index: int, filename: str | None) -> tuple[list[Repair], list[Line]]:
    """A beginner's mistake on line ``index`` (0-based) that argmap can name and
    mend: the diagnostics, and the line records of the mended line (which
    stand in for the broken line, so nothing follows on from the mistake).
    Nothing when no known mistake explains the error."""
    src = source.line(index + 1)
    following = source.line(index + 2) if index + 1 < len(source) else None
    from lark import UnexpectedInput

    line = src
    repairs: list[Repair] = []
    # A hyphen first: mending it moves no column, so a keyword found after it is placed right.
    for _ in range(2):
        repair = diagnose(line, index + 1, following, filename)
        if repair is None:
            break
        repairs.append(repair)
        line = repair.line
        try:
            records = _parse_segment("\n" + line.rstrip(), index)
        except UnexpectedInput:
            continue
        for repair in repairs:
            if repair.shift:
                for record in records:
                    record.parts = _shifted(record.parts, repair.at + 1 + repair.shift, repair.shift)
        return repairs, records
    return [], []


def _shifted(parts, after: int, shift: int):
    """``parts`` with the columns of tokens at or after column ``after`` moved back by ``shift``."""
    from lark import Token

    if isinstance(parts, Token):
        if parts.column is not None and parts.column >= after:
            parts.column -= shift
        return parts
    if isinstance(parts, tuple):
        return tuple(_shifted(p, after, shift) for p in parts)
    if isinstance(parts, Line):
        parts.parts = _shifted(parts.parts, after, shift)
    return parts


def _broken_line(source: SourceLines, index: int) -> Line:
    """A stand-in for a line that did not parse, so that the lines indented
    under it are not taken for part of the statement above it."""
    src = source.line(index + 1)
    line = Line("broken", ())
    line.indent = src[: len(src) - len(src.lstrip(" \t"))]
    line.lineno = index + 1
    return line


def _segment(text: str, starts: list[int], first: int, end: int) -> str:
    stop = starts[end] - 1 if end < len(starts) else len(text)
    return "\n" + text[starts[first] : stop].rstrip()


def _parse_segment(segment: str, first: int) -> list[Line]:
    children = _parser().parse(segment)
    out = []
    lineno = first  # the "\n" put in front makes line 1 of the segment line `first` (0-based)
    for i in range(0, len(children), 2):
        newline: Token = children[i]
        line: Line = children[i + 1]
        value = str(newline)
        lineno = newline.line + value.count("\n") - 1 + first
        line.lineno = lineno  # 1-based
        cut = value.rfind("\n")
        line.indent = value[cut + 1 :]
        out.append(line)
    return out


def _error_line(exc: UnexpectedInput, first: int, n_lines: int) -> int:
    """The 0-based index (in the whole text) of the line an error is on."""
    from lark import UnexpectedToken

    line = getattr(exc, "line", None)
    if isinstance(exc, UnexpectedToken) and exc.token.type in ("NL", "INL"):
        # The statement before the line break is incomplete.
        line = exc.token.line
    if not isinstance(line, int) or line < 1:
        return n_lines - 1
    return min(n_lines - 1, max(first, first + line - 2))


def _line_span(source: SourceLines, index: int, filename: str | None) -> Span:
    src = source.line(index + 1)
    indent = len(src) - len(src.lstrip(" \t"))
    return Span(filename, index + 1, indent + 1, index + 1, max(indent + 2, len(src.rstrip()) + 1))


_TERMINALS = {
    "ID": N_("an id"),
    "TEXT": N_("text"),
    "STRING": N_('a title in double quotes ("...")'),
    "COLON": N_("a colon `:`"),
    "COMMA": N_("a comma `,`"),
    "SEMICOLON": N_("a semicolon `;`"),
    "LPAR": "`(`",
    "RPAR": "`)`",
    "PLUS": "`+`",
    "MINUS": "`-`",
    "TILDE": "`~`",
    "SUPPORTS": "`supports`",
    "REBUTS": "`rebuts`",
    "CONTRADICTS": "`contradicts`",
    "UNDERCUTS": "`undercuts`",
    "ACCEPTS": "`accepts`",
    "REJECTS": "`rejects`",
    "PREMISE": "`premise`",
    "CONCLUSION": "`conclusion`",
    "NL": N_("the end of the line"),
    "INL": N_("the end of the line"),
    "$END": N_("the end of the file"),
    "CLAIM": "`claim`",
}


def _expected_words(expected) -> Phrase:
    """What the parser expected, as words in the reader's language: "an id, a colon `:` or ..."."""
    words: list[str] = []
    for name in sorted(expected):
        word = _TERMINALS.get(name, f"`{name.lower()}`")
        if word not in words and name not in ("COMMENT", "CONTINUATION"):
            words.append(word)
    said = [phrase(w) for w in words]
    if not said:
        return phrase("something else")
    if len(said) == 1:
        return said[0]
    return phrase("{first} or {last}", first=joined(", ", said[:-1]), last=said[-1])


def _describe(exc: UnexpectedInput, source: SourceLines, bad: int, filename: str | None) -> Diagnostic:
    from lark import UnexpectedCharacters, UnexpectedToken

    src = source.line(bad + 1)
    stripped = src.strip()
    first_word = stripped.split(" ", 1)[0].split(":", 1)[0] if stripped else ""
    hint = None
    if isinstance(exc, UnexpectedCharacters):
        col = exc.column
        span = Span(filename, bad + 1, col, bad + 1, col + 1)
        char = getattr(exc, "char", "") or ""
        if char == "#":
            message = "a comment must stand on a line of its own"
            hint = "move the `# ...` comment to the line above"
        elif char == "\r":
            message = "a carriage return without a line feed"
            hint = "save the file with LF or CRLF line endings"
        elif char == '"' or first_word == "source":
            message = "a source's title must be in double quotes"
            hint = 'write `source ID: "Title"`'
        elif not char.isprintable():
            return _invisible(char, span)
        else:
            hint = _combining_hint(src, col) or _statement_hint(stripped, first_word)
            return error("E101", "unexpected character `{char}`", span, hint, char=char)
        return error("E101", message, span, hint)
    assert isinstance(exc, UnexpectedToken)
    token = exc.token
    if token.type in ("NL", "INL", "$END"):
        end = len(src.rstrip()) + 1
        if src[:1] in " \t" and first_word in _TOP_WORDS:
            return error(
                "E102",
                "a `{word}` line cannot be indented",
                _line_span(source, bad, filename),
                "a `{word}` line starts at the left margin: remove the indentation",
                word=first_word,
            )
        span = Span(filename, bad + 1, max(1, end), bad + 1, end + 1)
        return error(
            "E102",
            "this line ends too early: expected {expected}",
            span,
            _statement_hint(stripped, first_word),
            expected=_expected_words(exc.expected),
        )
    col = token.column
    if str(token)[:1] and not str(token)[0].isprintable():
        # A token of the rest of the line that starts with an invisible character.
        return _invisible(str(token)[0], Span(filename, bad + 1, col, bad + 1, col + 1))
    value = str(token).split()[0] if str(token).split() else str(token)
    span = Span(filename, bad + 1, col, bad + 1, col + len(value))
    combining = _combining_hint(src, col)
    if combining:
        return error(
            "E101", "unexpected `{value}`: expected {expected}", span, combining, value=value, expected=_expected_words(exc.expected)
        )
    if token.type == "COMMENT" or value.startswith("#"):
        return error(
            "E101",
            "a comment must stand on a line of its own",
            span,
            "move the `# ...` comment to the line above",
        )
    relation_words = {"SUPPORTS", "REBUTS", "CONTRADICTS", "UNDERCUTS"}
    misspelled = suggest(first_word, STATEMENT_WORDS) if first_word not in STATEMENT_WORDS else None
    indented = src[:1] in " \t"
    step_word = suggest(first_word, _STEP_WORDS) if indented and first_word not in _STEP_WORDS else None
    hint: Phrase | None = None
    if indented and first_word in _TOP_WORDS:
        hint = phrase("a `{word}` line starts at the left margin: remove the indentation", word=first_word)
    elif first_word in _STEP_WORDS and not indented:
        hint = phrase(
            "a `{word}` line belongs to an argument: indent it under the `argument ID: title` line", word=first_word
        )
    elif step_word and " " in stripped:
        hint = phrase("did you mean `{guess}`? (`{form}`)", guess=step_word, form=_FORMS[step_word])
    elif misspelled and " " in stripped:
        hint = phrase("did you mean `{guess}`? (`{form}`)", guess=misspelled, form=_FORMS[misspelled])
    elif relation_words & set(exc.expected) and token.type in ("ID", "TEXT"):
        guess = suggest(value, KEYWORDS)
        if guess:
            hint = phrase("did you mean `{guess}`?", guess=guess)
        elif ":" in src and first_word not in STATEMENT_WORDS:
            hint = _claim_hint(stripped)
    if hint is None:
        hint = _statement_hint(stripped, first_word)
    return error(
        "E101", "unexpected `{value}`: expected {expected}", span, hint, value=value, expected=_expected_words(exc.expected)
    )


_INVISIBLE_NAMES = {
    "\v": "vertical tab",
    "\f": "form feed",
    "\x1c": "file separator",
    "\x1d": "group separator",
    "\x1e": "record separator",
    "\x1f": "unit separator",
    "\x85": "next-line character",
    "\x00": "NUL byte",
}


def _invisible(char: str, span: Span) -> Diagnostic:
    """An invisible character where the grammar expects a word: name it."""
    name = _INVISIBLE_NAMES.get(char) or unicodedata.name(char, "control character").lower()
    if char in FALSE_LINE_BREAKS:
        hint = N_(
            "argmap breaks lines only at line feeds: delete the character or put a real line break"
            " (text copied from a PDF often holds such characters)"
        )
    else:
        hint = N_("delete the character or replace it with a space")
    return error(
        "E101", "unexpected invisible character: {name} (U+{hex})", span, hint, name=name, hex=f"{ord(char):04X}"
    )


_FORMS = {
    "claim": "claim ID: text",
    "implicit": "implicit claim ID: text",
    "source": 'source ID: "Title"',
    "group": "group ID: label",
    "argument": "argument ID: title",
    "premise": "premise ID: text  or  premise ID (indented under an argument)",
    "conclusion": "conclusion ID: text  or  conclusion ID (indented under an argument)",
    "position": "position ID: accepts A, B; rejects C",
    "title": "title: text",
    "lang": "lang: de",
    "question": "question: text",
    "accepts": "accepts A, B (indented under a position)",
    "rejects": "rejects A, B (indented under a position)",
    "+": "+ ID  or  + ID: text  or  + (name) ID",
    "-": "- ID  or  - ID: text  or  - (name) ID",
    "~": "~ ID  or  ~ ID: text  or  ~ (name) ID",
}


_ID_WITH_SPACE = re.compile(
    r"^(claim|implicit claim|source|position|group|argument|premise|conclusion)\s+(\w+(?:\s+\w+)+)\s*:"
)


def _claim_hint(stripped: str) -> Phrase | None:
    """For a line with a colon that is no statement: how to write it as one.

    Only a form that parses is suggested: an outline item of linked claims
    (`- a + b: text`) takes no text, and a line with ``claim`` before it must
    start with an id and a colon."""
    if stripped[:1] in "+-~":
        sign = stripped[0]
        ids = stripped[1:].split(":", 1)[0].strip()
        if "+" in ids and all(_ID_ONLY.fullmatch(i.strip()) for i in ids.split("+")):
            return phrase(
                "an outline item of linked claims takes no text: write `{item}` and define each claim with"
                " `claim ID: text`",
                item=f"{sign} {' + '.join(i.strip() for i in ids.split('+'))}",
            )
        return phrase("an outline item looks like `{form}`", form=_FORMS[sign])
    if _CLAIM_START.match(stripped):
        return phrase("to write a claim, start the line with `claim`: `{line}`", line=f"claim {stripped}")
    return None


#: An id as the grammar reads it: letters, digits and underscores, not starting with a digit.
_ID_ONLY = re.compile(r"[^\W\d]\w*")
#: A line that becomes a claim with ``claim`` before it: an id, a colon, text.
_CLAIM_START = re.compile(r"[^\W\d]\w*\s*:(?:\s|$)")


def _combining_hint(src: str, col: int) -> Phrase | None:
    """The error is at a combining character (a letter typed as base letter
    plus accent, as macOS file names and some editors store it): say so."""
    at = src[col - 1 : col] if col >= 1 else ""
    if not at or not unicodedata.combining(at) and not unicodedata.category(at).startswith("M"):
        return None
    def in_word(ch: str) -> bool:
        return ch.isalnum() or ch == "_" or bool(unicodedata.combining(ch))

    start = col - 1
    while start > 0 and in_word(src[start - 1]):
        start -= 1
    end = col - 1
    while end < len(src) and in_word(src[end]):
        end += 1
    word = src[start:end]
    name = unicodedata.name(at, "combining character").lower()
    return phrase(
        "`{word}` holds a combining character ({name}, U+{hex}) after a letter: an id cannot;"
        " retype it, or save the file in Unicode NFC form (which writes it `{nfc}`)",
        word=word,
        name=name,
        hex=f"{ord(at):04X}",
        nfc=unicodedata.normalize("NFC", word),
    )


def _statement_hint(stripped: str, first_word: str) -> Phrase | None:
    spaced = _ID_WITH_SPACE.match(stripped)
    if spaced:
        ident = "_".join(spaced.group(2).split())
        return phrase("an id has no spaces: write `{head}`", head=f"{spaced.group(1)} {ident}:")
    if stripped[:1] in "+-~" and stripped:
        return phrase("an outline item looks like `{form}`", form=_FORMS[stripped[:1]])
    if first_word in _FORMS:
        return phrase("write it as `{form}`", form=_FORMS[first_word])
    guess = suggest(first_word, STATEMENT_WORDS) if first_word else None
    if guess and guess != first_word and " " not in first_word:
        return phrase("did you mean `{guess}`? (`{form}`)", guess=guess, form=_FORMS[guess])
    words = stripped.split()
    if len(words) >= 2:
        guess = suggest(words[1], KEYWORDS)
        if guess and guess != words[1]:
            return phrase("did you mean `{guess}`?", guess=guess)
    return None
