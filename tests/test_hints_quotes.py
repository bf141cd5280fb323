"""Quotes: omissions, the nearest passage of a quote that is not found, texts and maps that are not UTF-8."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import argmap
from argmap._encodings import guess_single_byte, undo_double_utf8
from argmap.checks._nearest import TextIndex
from argmap.checks._texts import read_text
from argmap.checks.quotes import squash_word
from argmap.syntax import decode

TEXT = (
    "Die Mensa bleibt geöffnet\n"
    "\n"
    "Ab Montag gibt es in der Mensa wieder warmes Essen. Die Küche\n"
    "hat über die Ferien neue Öfen bekommen; die Schülervertretung\n"
    "begrüßt, dass es nun auch täglich ein vegetarisches Gericht gibt.\n"
    "Der Preis steigt allerdings um zwanzig Cent – für manche Familien\n"
    "ist das viel Geld.\n"
)


@pytest.fixture(autouse=True)
def no_texts_folders(monkeypatch):
    monkeypatch.delenv("ARGMAP_TEXTS", raising=False)


def check_quote(tmp_path: Path, quote: str, data: bytes | None = None) -> list:
    (tmp_path / "t.txt").write_bytes(TEXT.encode("utf-8") if data is None else data)
    src = f'source s: "S"\n  file: t.txt\nclaim a: A.\n  source: s\n  quote: "{quote}"\n'
    return [d for d in argmap.check(argmap.parse(src, str(tmp_path / "m.argmap"))) if d.code in ("E208", "I211")]


# ---- omissions --------------------------------------------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        "Die Küche hat […] neue Öfen bekommen",
        "Die Küche hat [...] neue Öfen bekommen",
        "Die Küche hat … neue Öfen bekommen",
        "Die Küche hat ... neue Öfen bekommen",
        "Die Küche hat (…) Öfen bekommen",
        "…neue Öfen bekommen",
        "warmes Essen. […] ein vegetarisches Gericht […] zwanzig Cent",
    ],
)
def test_an_omission_matches_the_words_left_out(tmp_path, quote):
    """`[…]`, `[...]`, `…`, `...` (and in round brackets) stand for any words, in order."""
    assert check_quote(tmp_path, quote) == []


@pytest.mark.parametrize(
    "quote",
    ["neue Öfen bekommen […] Die Küche hat", "Die Küche hat […] kalte Suppe"],
    ids=["wrong order", "second part missing"],
)
def test_the_parts_around_an_omission_must_be_there_in_order(tmp_path, quote):
    """Parts in the wrong order or a part that is not in the text: E208."""
    assert [d.code for d in check_quote(tmp_path, quote)] == ["E208"]


def test_an_omission_stands_for_a_bounded_stretch(tmp_path):
    """An omission does not bridge more than about 150 words."""
    data = ("Am Anfang stand dies. " + "Wort " * 400 + "Am Ende stand das.\n").encode()
    assert [d.code for d in check_quote(tmp_path, "Am Anfang stand dies. […] Am Ende stand das.", data)] == ["E208"]
    data = ("Am Anfang stand dies. " + "Wort " * 40 + "Am Ende stand das.\n").encode()
    assert check_quote(tmp_path, "Am Anfang stand dies. […] Am Ende stand das.", data) == []


# ---- the nearest passage ------------------------------------------------------------------


@pytest.mark.parametrize(
    "quote, hint",
    [
        (
            "hat über die Ferien neue Ofen bekommen",
            "nearest is line 4 of the text: “hat über die Ferien neue Öfen bekommen;”;"
            " the text has `Öfen` where the quote has `Ofen`",
        ),
        (
            "hat über die Ferien Öfen bekommen",
            "nearest is line 4 of the text: “hat über die Ferien neue Öfen bekommen;”;"
            " the text has `neue` there, which the quote leaves out (mark an omission with […])",
        ),
        (
            "neue Öfen bekommen und alte verkauft",
            "nearest is line 4 of the text: “neue Öfen bekommen;”;"
            " the quote has `und alte verkauft`, which the text does not have there",
        ),
        (
            "Die Küche hat über die Ferien neue Öfen bekommen, die Schülervertretung",
            "nearest is line 3 of the text: “Die Küche hat über die Ferien neue Öfen bekommen; die Schülervertretung”;"
            " the text has `bekommen;` where the quote has `bekommen,`",
        ),
        ("Der Mond ist aus Käse", "copy the words exactly as they stand in the source (line breaks do not matter)"),
    ],
    ids=["a changed word", "a word left out", "words added", "a comma for a semicolon", "nothing alike"],
)
def test_the_hint_shows_the_nearest_passage_and_what_differs(tmp_path, quote, hint):
    """The passage (with its line: the text's line where it starts) and the first difference."""
    [d] = check_quote(tmp_path, quote)
    assert d.code == "E208"
    assert d.hint == hint
    assert d.message == "the quote of claim `a` is not in the file of source `s`"


def test_the_nearest_passage_is_found_in_a_long_text_in_bounded_time():
    """A 2 MB text: the passage with one changed word is found, among many with common words."""
    filler = "und die der das ist es in zu den mit " * 20
    lines = [f"{filler} Absatz {i} handelt von Thema {i}." for i in range(5000)]
    lines[3210] = "Hier steht der seltene Satz über Gießkannen und Regenwürmer im Schulgarten."
    index = TextIndex("\n".join(lines), squash_word)
    started = time.process_time()
    found = index.nearest("der seltene Satz über Gießkannen und Maulwürfe im Schulgarten")
    assert time.process_time() - started < 5  # a generous bound: it must not compare every window
    assert found.line == 3211 and found.text == "Regenwürmer" and found.quote == "Maulwürfe"


# ---- texts that are not UTF-8 ----------------------------------------------------------------


@pytest.mark.parametrize("codec, name", [("cp1252", "Windows-1252 (Latin-1)"), ("mac_roman", "Mac OS Roman"), ("cp850", "DOS (code page 850)")])
def test_a_text_in_another_encoding_is_read_and_named(tmp_path, codec, name):
    """Its quotes are found, and a note (I211) names the encoding; a wrong quote's E208 names it too."""
    data = TEXT.replace("–", "-").encode(codec)
    [note] = check_quote(tmp_path, "neue Öfen bekommen", data)
    assert note.code == "I211"
    assert note.message == (
        f"the text of source `s` (`t.txt`) is not UTF-8: argmap read it as {name}, and found 1 of its 1 quotes in it"
    )
    [d] = check_quote(tmp_path, "neue Ofen bekommen", data)
    assert d.code == "E208" and d.message.endswith(f"read as {name} (it is not UTF-8)")
    assert "the text has `Öfen` where the quote has `Ofen`" in d.hint


def test_utf8_saved_twice_is_undone(tmp_path):
    """`GrÃ¼n` (UTF-8 read as Windows-1252 and saved again) is read as `Grün`."""
    data = TEXT.encode("utf-8").decode("cp1252").encode("utf-8")
    (tmp_path / "t.txt").write_bytes(data)
    read = read_text(tmp_path, tmp_path / "t.txt")
    assert read.encoding == "utf-8-twice" and "Öfen" in read.text
    assert undo_double_utf8("Grün ist gut.") is None


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(tmp_path, codec):
    """Every other byte zero: UTF-16, read in the right byte order."""
    (tmp_path / "t.txt").write_bytes(TEXT.encode(codec))
    read = read_text(tmp_path, tmp_path / "t.txt")
    assert read.encoding == "utf-16" and read.text == TEXT


def test_short_undecided_bytes_stay_windows_1252_or_latin_1():
    """Without clear letters, the guess stays with Windows-1252 (Latin-1 where it has no character)."""
    assert guess_single_byte(b"Gr\xfcn") == ("Grün", "cp1252")
    assert guess_single_byte(b"Gr\xfcn \x81")[1] == "latin-1"


def test_a_map_saved_as_latin_1_is_read_as_meant():
    """E001 names the encoding; the claim's text and quote have their umlauts (so quotes can match)."""
    data = 'claim a: Grün ist gut.\n  quote: "Öfen"\n'.encode("cp1252")
    text, [d] = decode(data, "m.argmap")
    assert d.code == "E001"
    assert d.message == "the file is not valid UTF-8 (byte 0xfc at offset 11): it looks like Windows-1252 (Latin-1), and argmap read it so"
    assert (d.span.line, d.span.column) == (1, 12)
    m = argmap.parse(text)
    assert m.claim("a").text == "Grün ist gut." and m.claim("a").quote == "Öfen"


def test_a_map_partly_utf8_keeps_replacement_characters():
    """A file with UTF-8 in it and one bad byte: the UTF-8 stays right, the bad byte is replaced."""
    text, [d] = decode("claim a: Grün\nclaim b: Gr".encode() + b"\xfcn\n", "m.argmap")
    assert d.code == "E001" and "looks like" not in d.message
    assert text == "claim a: Grün\nclaim b: Gr\ufffdn\n"
