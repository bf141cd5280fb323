"""Line numbers agree everywhere: the parser, the printed excerpt and the checks break lines at LF only."""

from __future__ import annotations

import io
import unicodedata

import pytest

import argmap
from argmap._linebreaks import FALSE_LINE_BREAKS, SourceLines, visible
from argmap.cli import main
from argmap.diagnostics import format_diagnostic
from argmap.syntax import decode, read_text

#: Every character that ``str.splitlines`` breaks a line at, except LF itself.
SPLITLINES_BREAKS = [chr(c) for c in range(0x110000) if c != 10 and len(f"a{chr(c)}b".splitlines()) > 1]


def names(chars) -> list[str]:
    return [f"U+{ord(ch):04X}" for ch in chars]


def excerpt(d, text) -> list[str]:
    """The printed diagnostic, line by line."""
    return format_diagnostic(d, text).split("\n")


def test_the_table_holds_every_line_break_of_splitlines():
    """FALSE_LINE_BREAKS is exactly what splitlines breaks at besides LF (CR included)."""
    assert sorted(SPLITLINES_BREAKS) == sorted(FALSE_LINE_BREAKS)


@pytest.mark.parametrize("ch", SPLITLINES_BREAKS, ids=names(SPLITLINES_BREAKS))
def test_a_later_error_is_shown_on_its_own_line(ch):
    """A form feed, line separator, ... in a claim's text does not shift the lines after it."""
    text = f"claim a: page{ch}break\nclaim b: B.\nb suports a\n"
    _, diagnostics = argmap.read(text)
    last = diagnostics[-1]
    assert (last.span.line, last.span.column) == (3, 3)
    assert excerpt(last, text)[1:3] == ["    3 | b suports a", "      |   ^^^^^^^"]


@pytest.mark.parametrize("ch", SPLITLINES_BREAKS, ids=names(SPLITLINES_BREAKS))
def test_the_caret_points_at_the_character(ch):
    """An invisible line break where a word belongs is an error whose caret is under a visible stand-in."""
    text = f"claim a: A.\na{ch}supports b\nclaim b: B.\n"
    _, diagnostics = argmap.read(text)
    assert [(d.code, d.span.line, d.span.column) for d in diagnostics] == [("E101", 2, 2)]
    shown = excerpt(diagnostics[0], text)
    assert len(shown) == 4  # message, line, caret, hint: nothing broke the lines
    assert shown[1] == f"    2 | a{visible(ch)}supports b" and shown[2] == "      |  ^"
    assert f"U+{ord(ch):04X}" in shown[0] or ch == "\r"


IN_TEXT = [c for c in SPLITLINES_BREAKS if c != "\r"]


@pytest.mark.parametrize("ch", IN_TEXT, ids=names(IN_TEXT))
def test_in_claim_text_the_character_is_white_space(ch):
    """Inside a claim's text such a character is white space of its line, and the next line is the next line."""
    text = f"claim a: page{ch}break\n  source: s\n"
    m, diagnostics = argmap.read(text)
    assert diagnostics == [] and m.claim("a").text == "page break"
    assert m.claim("a").source == "s" and m.claim("a").span.line == 1


def test_a_lone_carriage_return_is_shown_in_its_line():
    """A CR without LF is an error on the line the parser names, with the caret under it."""
    text = "claim a: foo\rbar\nclaim b: B.\n"
    _, diagnostics = argmap.read(text)
    assert [(d.code, d.span.line, d.span.column) for d in diagnostics] == [("E101", 1, 13)]
    assert excerpt(diagnostics[0], text)[1:3] == ["    1 | claim a: foo␍bar", "      |             ^"]


@pytest.mark.parametrize("ch", SPLITLINES_BREAKS, ids=names(SPLITLINES_BREAKS))
def test_check_prints_each_excerpt_on_the_line_it_names(ch, tmp_path):
    """argmap check: every excerpt shows the line its `line:col` names, and the output has no raw breaks."""
    lines = [f"claim a: page{ch}one", "claim b: B.", f"claim c: C{ch}.", "a supports x", "b suports c"]
    path = tmp_path / "m.argmap"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="")
    out = io.StringIO()
    assert main(["check", str(path)], out, io.StringIO()) == 1
    printed = out.getvalue()
    assert not set(printed) & set(FALSE_LINE_BREAKS)
    shown = printed.split("\n")
    headers = [i for i, line in enumerate(shown) if line.startswith(str(path) + ":")]
    assert len(headers) >= 2
    for i in headers:
        number = int(shown[i][len(str(path)) + 1 :].split(":")[0])
        assert shown[i + 1] == f"{number:>5} | {visible(lines[number - 1])}"


@pytest.mark.parametrize("ch", SPLITLINES_BREAKS, ids=names(SPLITLINES_BREAKS))
def test_ids_of_a_broken_line_are_not_reported_again(ch, tmp_path):
    """check finds the words of a line that did not parse on the line the parser meant."""
    path = tmp_path / "m.argmap"
    path.write_text(f"claim x: X{ch}Y\nclaim a\x00b: A.\nb supports a\n", encoding="utf-8", newline="")
    out = io.StringIO()
    main(["check", str(path)], out, io.StringIO())
    codes = [line.split("[")[1][:4] for line in out.getvalue().split("\n") if "error[" in line]
    assert codes == (["E101", "E101"] if ch == "\r" else ["E101"])


def test_a_byte_order_mark_does_not_move_the_caret():
    """Columns on line 1 of a file with a BOM count as the parser counts them (without the BOM)."""
    text = "\ufeffa suports b\n"
    _, diagnostics = read_text(text)
    error = [d for d in diagnostics if d.code == "E101"][0]
    assert excerpt(error, text)[1:3] == ["    1 | a suports b", "      |   ^^^^^^^"]


def test_invalid_utf8_after_a_byte_order_mark():
    """The column of a bad byte on line 1 does not count the BOM."""
    _, plain = decode("claim a: Gr\xfcn\n".encode("latin-1"), "m")
    _, with_bom = decode(b"\xef\xbb\xbf" + "claim a: Gr\xfcn\n".encode("latin-1"), "m")
    assert plain[0].span == with_bom[0].span


def test_source_lines_break_at_line_feeds_only():
    """SourceLines: CRLF ends a line, every other break of splitlines stays in it."""
    text = "one\r\ntwo\fstill two\u2028\rtoo\nthree\r"
    lines = SourceLines(text)
    assert [lines.line(n) for n in range(1, len(lines) + 1)] == ["one", "two\fstill two\u2028\rtoo", "three\r"]


def _width(ch: str) -> int:
    return 0 if unicodedata.category(ch) in ("Mn", "Me", "Cf") else 1


@pytest.mark.parametrize(
    "ch",
    [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0), 0xAD, 0x200B, 0x2028, 0x2029, 0x202E, 0x2067, 0xFEFF)],
)
def test_visible_gives_every_character_one_printable_column(ch):
    """Control characters, separators, bidirectional overrides and zero-width characters show as one symbol."""
    shown = visible(ch)
    assert len(shown) == 1 and shown.isprintable() and _width(shown) == 1


def test_messages_and_hints_stay_on_one_line():
    """A message or hint holding a line separator or form feed is printed on one line each."""
    d = argmap.Diagnostic(
        argmap.Severity.ERROR, "E110", "unknown basis `stat\u2028istic`", argmap.Span("m", 1, 1, 1, 2), hint="a\fb"
    )
    shown = format_diagnostic(d, "claim a: A.\n")
    assert shown.split("\n") == [
        "m:1:1: error[E110]: unknown basis `stat␤istic`",
        "    1 | claim a: A.",
        "      | ^",
        "  hint: a␌b",
    ]


@pytest.mark.parametrize("ch", [ch for ch in FALSE_LINE_BREAKS if ch != "\r"])  # a lone CR is an error
def test_fmt_diff_counts_lines_as_the_parser_does(tmp_path, ch):
    """`fmt --check --diff` splits at LF only, so its hunk counts the lines argmap sees."""
    path = tmp_path / "m.argmap"
    path.write_text(f"claim a:   A{ch}B.\nclaim b: B.\n", "utf-8")
    out = io.StringIO()
    assert main(["fmt", "--check", "--diff", str(path)], out, io.StringIO()) == 1
    hunks = [line for line in out.getvalue().split("\n") if line.startswith("@@")]
    assert hunks == ["@@ -1,2 +1,2 @@"]
