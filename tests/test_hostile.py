"""Hostile input never raises and never hangs: it becomes diagnostics."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.syntax import decode, read_text
from tests.test_syntax import SKETCH

FRAGMENTS = [
    "claim", "implicit", "source", "position", "group", "title", "lang", "question", "supports", "rebuts",
    "contradicts", "undercuts", "accepts", "rejects", "a", "b", "größe", ":", ";", ",", "+", "-", "~", "(", ")",
    "|", "#", '"', "\\", " ", "  ", "\t", "\n", "\r\n", "\r", "\ufeff", "\x00", "ß", "日本", "{", "<b>", "&amp;",
]


def read_anything(data: bytes):
    text, diagnostics = decode(data, "x.argmap")
    m, more = read_text(text, "x.argmap")
    return m, diagnostics + more + argmap.check(m)


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_random_bytes(data):
    """Random bytes give a map and diagnostics, never an exception."""
    read_anything(data)


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=200).map("".join))
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_random_statements(text):
    """Text made of the language's own pieces in random order never raises."""
    m, diagnostics = read_anything(text.encode("utf-8", errors="replace"))
    for d in diagnostics:
        assert d.span is None or d.span.line >= 1


def test_every_truncation_of_a_valid_file():
    """Every prefix of a valid file reads without an exception."""
    data = SKETCH.encode("utf-8")
    for cut in range(len(data)):
        read_anything(data[:cut])


def test_ten_megabytes_of_garbage_stops_early():
    """A 10 MB file of garbage stops after a bounded number of errors."""
    data = ("das ist §§ kein argmap ::: \n" * 400_000).encode("utf-8")
    assert len(data) > 10_000_000
    _, diagnostics = read_anything(data)
    assert [d.code for d in diagnostics][-1] == "I105"
    assert len(diagnostics) == 101


def test_ten_megabytes_on_one_line():
    """A claim 10 MB long is read in one piece."""
    text = "claim a: " + "Wort " * 2_100_000 + "\n"
    m, diagnostics = read_anything(text.encode())
    assert diagnostics == [] and len(m.claim("a").text) > 10_000_000


def test_invalid_utf8_is_reported_and_the_rest_checked():
    """Invalid UTF-8 is an error at its line and column; later errors are still found."""
    _, diagnostics = read_anything("claim a: Gr\xfcn\n".encode("latin-1") + b"a suports b\n")
    assert [(d.code, d.span.line, d.span.column) for d in diagnostics][:2] == [("E001", 1, 12), ("E101", 2, 3)]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_read_as_utf16(codec):
    """A map saved as UTF-16 (Windows' "Unicode", with or without a byte-order
    mark) is read as such: one E001 naming UTF-16 at 1:1, then the map as written."""
    text = "claim a: Schüler lernen „konzentrierter“.\nclaim b: Größe.\na supports b\nclaim c: Ascii only.\nc rebuts b\n"
    m, diagnostics = read_anything(text.encode(codec))
    assert [(d.code, d.span.line, d.span.column) for d in diagnostics] == [("E001", 1, 1)]
    assert "UTF-16" in diagnostics[0].message
    assert m.claim("a").text == "Schüler lernen „konzentrierter“." and [c.id for c in m.claims] == ["a", "b", "c"]


def test_nul_bytes_alone_are_not_utf16():
    """NUL bytes here and there, or everywhere, do not make a text UTF-16."""
    for data in (b"claim a\x00: A.\nclaim b: B.\n", b"\x00" * 64, b"claim a: A.\n" + b"\x00\x00\x00\x00" * 8):
        _, diagnostics = read_anything(data)
        assert not any("UTF-16" in d.message for d in diagnostics)


def test_bom_is_a_warning():
    """A byte-order mark is dropped with a warning."""
    m, diagnostics = read_anything("\ufeffclaim a: A.\n".encode())
    assert [d.code for d in diagnostics] == ["W003"] and m.claim("a").text == "A."


def test_nul_and_control_characters():
    """NUL bytes and control characters in a line are reported, not crashed on."""
    m, diagnostics = read_anything(b"claim a\x00: A.\nclaim b: B\x07.\n")
    assert [d.code for d in diagnostics] == ["E101"]
    assert m.claim("b").text == "B\x07."


def test_cli_on_hostile_input_has_no_traceback(tmp_path):
    """The command line prints diagnostics for binary junk and exits 1."""
    path = tmp_path / "junk.argmap"
    path.write_bytes(bytes(range(256)) * 10)
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(path)], out, err) == 1
    assert "Traceback" not in out.getvalue() + err.getvalue()
    assert "error[E001]" in out.getvalue()
