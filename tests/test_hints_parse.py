"""Every hint that quotes a line of code suggests a line that parses."""

from __future__ import annotations

import re

import pytest

import argmap

#: Bad inputs; the line with the syntax error is replaced by the code a hint quotes.
BAD = [
    "claim t: T.\n  - a + b: Text B\n",
    "claim t: T.\n  + a + b: Text B\n",
    "claim t: T.\n  ~ (r) a + b: Text B\n",
    "r: gro\u0308\u00dfe rebuts b\n",
    "gro\u0308\u00dfe: Ein Satz.\n",
    "claim gro\u0308\u00dfe: Ein Satz.\n",
    "a: Ein Satz.\n",
    "einwand: a rebutts b\n",
    "a rebutts b\n",
    "a supprts b\n",
    "clam a: Ein Satz.\n",
    "claim my id: Ein Satz.\n",
    "a + b rebuts c: x\n",
    "claim a: A.\n  basis statistic\n",
    "- a\n",
    "position p accepts a\n",
    "source s: Titel\n",
    "a + b: x\n",
    "1a: Ein Satz.\n",
    "argument g: T\n  premis p: P.\n",
    "premise p: P.\n",
    "  claim a: A.\n",
]

#: Words that mark a quoted form as a pattern, not code to paste.
PLACEHOLDERS = re.compile(r"\bID\b|\btext\b|\bTitle\b|\blabel\b|\.\.\.|  or  |\bA, B\b|\bname\b")


def quoted_lines(hint: str) -> list[str]:
    """The backticked parts of ``hint`` that are whole lines of code to paste."""
    return [q for q in re.findall(r"`([^`]+)`", hint) if " " in q and not q.endswith(":") and not PLACEHOLDERS.search(q)]


def line_errors(text: str, lineno: int) -> list:
    _, diagnostics = argmap.read(text)
    return [d for d in diagnostics if d.code.startswith("E1") and d.span is not None and d.span.line == lineno]


@pytest.mark.parametrize("text", BAD)
def test_hints_quote_only_code_that_parses(text):
    _, diagnostics = argmap.read(text)
    syntax = [d for d in diagnostics if d.code.startswith("E1") and d.span is not None]
    assert syntax, "each bad input gives a syntax error"
    lines = text.splitlines(keepends=True)
    for d in syntax:
        for code in quoted_lines(d.hint or ""):
            bad = lines[d.span.line - 1]
            indent = bad[: len(bad) - len(bad.lstrip(" "))]
            fixed = lines[:]
            fixed[d.span.line - 1] = indent + code + "\n"
            assert line_errors("".join(fixed), d.span.line) == [], (d.hint, code)


@pytest.mark.parametrize("text", ["r: gro\u0308\u00dfe rebuts b\n", "claim gro\u0308\u00dfe: Ein Satz.\n"])
def test_a_combining_character_in_an_id_is_named(text):
    """An id typed with a combining accent (NFD): the hint says so, not "write a claim"."""
    [d] = argmap.read(text)[1]
    assert "combining diaeresis, U+0308" in d.hint
    assert "NFC" in d.hint
    assert "start the line with `claim`" not in d.hint


def test_a_linked_outline_item_with_text_is_told_to_drop_it():
    [d] = argmap.read("claim t: T.\n  - a + b: Text B\n")[1]
    assert "`- a + b`" in d.hint
    assert "claim - a" not in d.hint
