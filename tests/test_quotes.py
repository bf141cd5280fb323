"""Quotes against source texts: finding the texts, reading them safely, refusing what a map may not name.

The texts in tests/data/quotes/ are written for these tests (German, English,
one saved as Windows-1252), so everything here runs without the seed texts.
"""

from __future__ import annotations

import io
import json
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

import argmap
from argmap.checks import _texts
from argmap.checks._texts import MAX_TEXT_BYTES, TextRefused, read_text
from argmap.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "quotes"
MAPS = sorted(DATA.glob("*.argmap"))
FILE_CODES = ("W207", "W209", "I210", "E208")


@pytest.fixture(autouse=True)
def no_texts_folders(monkeypatch):
    """Only the folders a test names are searched (not the seed texts the session may know)."""
    monkeypatch.delenv("ARGMAP_TEXTS", raising=False)


@contextmanager
def no_hang(seconds: int = 20):
    """Fail instead of hanging the whole suite if reading a text ever blocks."""

    def stop(signum, frame):
        raise AssertionError("reading a source text blocked")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def codes(found) -> list[str]:
    return [d.code for d in found if d.code in FILE_CODES]


def source_map(file: str, quote: str = "ein paar Worte") -> str:
    return f'source s: "T"\n  file: {file}\nclaim a: A.\n  source: s\n  quote: "{quote}"\n'


def check_text(text: str, folder: Path, **kwargs):
    return argmap.check(argmap.parse(text, str(folder / "m.argmap")), **kwargs)


# ---- the project's own texts ------------------------------------------------------


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_every_quote_of_the_test_maps_is_found(path):
    """Each test map's text is found beside it and each of its quotes is in it."""
    m = argmap.load(path)
    assert sum(1 for c in m.claims if c.quote) >= 3
    assert codes(argmap.check(m)) == []


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_a_changed_quote_is_an_error(path):
    """Changing one word of any quote gives E208 for exactly that claim."""
    text = path.read_text("utf-8")
    m = argmap.load(path)
    for claim in (c for c in m.claims if c.quote):
        changed = text.replace(f'quote: "{claim.quote}"', f'quote: "{claim.quote} Zebra"', 1)
        found = argmap.check(argmap.parse(changed, str(path)))
        assert [(d.code, d.message.split("`")[1]) for d in found if d.is_error] == [("E208", claim.id)]


def test_soft_hyphens_line_breaks_and_typographic_quotes_do_not_matter():
    """The German text has a soft hyphen, quotes across line breaks and „…“ marks; the quotes match."""
    text = (DATA / "schulgarten.txt").read_text("utf-8")
    assert "\u00ad" in text and "„" in text and "Wasser-\nanschluss" in text
    quotes = {c.id: c.quote for c in argmap.load(DATA / "schulgarten.argmap").claims if c.quote}
    assert quotes["beete"] == "vier Gemüsebeete angelegt"
    assert "im Garten" in quotes["lernen"]  # the text breaks the line between these two words


@pytest.mark.parametrize("quote", ["ein Wasseranschluss kosteten", "ein Wasser-anschluss kosteten", "EIN WASSER-ANSCHLUSS"])
def test_a_word_hyphenated_at_a_line_end_matches_with_or_without_its_hyphen(quote):
    """Text pasted from a PDF splits words at line ends; a quote may join them or keep the hyphen."""
    src = source_map("schulgarten.txt", quote)
    assert codes(check_text(src, DATA)) == []


def test_a_real_hyphen_is_not_dropped_inside_a_line():
    """Only a hyphen at a line end is optional: `Gieß-plan` is not in the text."""
    assert codes(check_text(source_map("schulgarten.txt", "Gieß-plan"), DATA)) == ["E208"]


def test_a_text_that_is_not_utf8_is_read_as_windows_1252():
    """The Windows-1252 text is read (umlauts, ß and the en dash intact), and a wrong quote's message says how."""
    raw = (DATA / "mensa_latin1.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "\u2013".encode("cp1252") in raw
    assert codes(argmap.check(argmap.load(DATA / "mensa.argmap"))) == []
    [d] = check_text(source_map("mensa_latin1.txt", "kalte Suppe"), DATA)
    assert d.code == "E208" and "read as Windows-1252 (Latin-1) (it is not UTF-8)" in d.message


@pytest.mark.parametrize(
    "data,text",
    [
        (b"\xef\xbb\xbfGr\xc3\xbcn", "Grün"),
        ("Grün".encode("utf-16"), "Grün"),
        (b"Gr\xfcn \x81", "Grün \x81"),  # 0x81 is undefined in Windows-1252: Latin-1
    ],
    ids=["utf-8 with BOM", "utf-16", "latin-1"],
)
def test_encodings(tmp_path, data, text):
    """A byte-order mark chooses UTF-8 or UTF-16; bytes Windows-1252 does not define fall back to Latin-1."""
    (tmp_path / "t.txt").write_bytes(data)
    assert read_text(tmp_path, tmp_path / "t.txt").text == text


# ---- where texts are looked for ----------------------------------------------------


def copy_text(folder: Path, name: str = "library.txt") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes((DATA / name).read_bytes())


def test_texts_folder_from_the_api_and_the_environment(tmp_path, monkeypatch):
    """A text not beside the map is found in a folder given as `texts=` or in ARGMAP_TEXTS."""
    copy_text(tmp_path / "texts")
    src = source_map("library.txt", "need a quiet place")
    assert codes(check_text(src, tmp_path)) == ["I210"]
    assert codes(check_text(src, tmp_path, texts=[tmp_path / "texts"])) == []
    assert codes(check_text(src, tmp_path, texts=str(tmp_path / "texts"))) == []  # one folder as a string
    monkeypatch.setenv("ARGMAP_TEXTS", os.pathsep.join(["", str(tmp_path / "none"), str(tmp_path / "texts")]))
    assert codes(check_text(src, tmp_path)) == []


def test_the_maps_folder_comes_first(tmp_path, monkeypatch):
    """With a text of the same name beside the map and in a texts folder, the one beside the map counts."""
    copy_text(tmp_path)
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "library.txt").write_text("Something else entirely.", "utf-8")
    monkeypatch.setenv("ARGMAP_TEXTS", str(tmp_path / "texts"))
    src = source_map("library.txt", "need a quiet place")
    assert codes(check_text(src, tmp_path, texts=[tmp_path / "texts"])) == []


def test_base_dir_still_names_the_maps_folder(tmp_path):
    """`check(m, base_dir=...)` (the older way) still says where the texts are."""
    m = argmap.parse(source_map("library.txt", "need a quiet place"))
    assert codes(argmap.check(m, base_dir=DATA)) == []
    assert codes(argmap.check(m, base_dir=tmp_path)) == ["I210"]


def test_a_subfolder_of_the_maps_folder_is_fine(tmp_path):
    """`file: texte/x.txt` stays inside the map's folder."""
    copy_text(tmp_path / "texte")
    assert codes(check_text(source_map("texte/library.txt", "need a quiet place"), tmp_path)) == []


def test_texts_not_found_are_one_note_for_the_whole_map(tmp_path):
    """Three sources without their texts give one I210 naming them, and the folders searched."""
    src = "".join(f'source s{i}: "T"\n  file: t{i}.txt\n' for i in range(3))
    found = check_text(src, tmp_path, texts=[tmp_path / "more"])
    [note] = [d for d in found if d.code == "I210"]
    assert note.severity is argmap.Severity.INFO
    assert "3 sources (`s0`, `s1`, `s2`)" in note.message
    assert str(tmp_path / "more") in note.hint and "ARGMAP_TEXTS" in note.hint
    assert codes(found) == ["I210"]


# ---- what a map may not name --------------------------------------------------------


def outside(tmp_path: Path) -> Path:
    """A real text outside the map's folder `tmp_path/map`."""
    copy_text(tmp_path)
    (tmp_path / "map").mkdir()
    return tmp_path / "library.txt"


REFUSED_NAMES = {
    "absolute": lambda tmp: str(outside(tmp)),
    "dotdot": lambda tmp: (outside(tmp), "../library.txt")[1],
    "dotdot inside": lambda tmp: (outside(tmp), "sub/../../library.txt")[1],
    "windows absolute": lambda tmp: "C:\\texts\\library.txt",
    "windows dotdot": lambda tmp: "..\\library.txt",
    "NUL": lambda tmp: "library\0.txt",
    "empty": lambda tmp: '""',
    "blank": lambda tmp: '"  "',
}


@pytest.mark.parametrize("kind", REFUSED_NAMES)
def test_paths_that_leave_the_folder_are_refused(tmp_path, kind):
    """Absolute paths, `..`, a NUL and empty names are refused with W209, before anything is opened."""
    name = REFUSED_NAMES[kind](tmp_path)
    found = check_text(source_map(name, "need a quiet place"), tmp_path / "map")
    assert codes(found) == ["W209"]
    [d] = [d for d in found if d.code == "W209"]
    assert d.severity is argmap.Severity.WARNING and d.span.line == 1
    assert "--texts" in d.hint and "not verified" in d.hint
    assert "\0" not in d.message


def test_a_link_that_leads_outside_is_refused(tmp_path):
    """A link in the map's folder to a text outside it, or to /dev/zero, is refused (W209)."""
    target = outside(tmp_path)
    (tmp_path / "map" / "copy.txt").symlink_to(target)
    (tmp_path / "map" / "zero.txt").symlink_to("/dev/zero")
    for name in ("copy.txt", "zero.txt"):
        with no_hang():
            found = check_text(source_map(name), tmp_path / "map")
        assert codes(found) == ["W209"], name
        assert "link that leads outside" in found[0].message


def test_a_link_inside_the_folder_is_followed(tmp_path):
    """A link to a text in the same folder is fine."""
    copy_text(tmp_path)
    (tmp_path / "alias.txt").symlink_to(tmp_path / "library.txt")
    assert codes(check_text(source_map("alias.txt", "need a quiet place"), tmp_path)) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_waiting(tmp_path):
    """A named pipe with no writer would block a plain open(); argmap refuses it at once (W207)."""
    os.mkfifo(tmp_path / "pipe.txt")
    with no_hang():
        found = check_text(source_map("pipe.txt"), tmp_path)
    assert codes(found) == ["W207"]
    assert "pipe (FIFO)" in found[0].message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev")
@pytest.mark.parametrize("name", ["zero", "null", "stdin", "tty"])
def test_devices_are_refused(tmp_path, name):
    """Even with /dev as a texts folder, devices are not read: /dev/zero would never end, /dev/stdin
    would wait (a device is W207; where a link such as /dev/stdin leads out of /dev, W209)."""
    with no_hang():
        found = check_text(source_map(name), tmp_path, texts=["/dev"])
    assert codes(found) in (["W207"], ["W209"])


def test_a_folder_is_refused(tmp_path):
    """`file:` naming a folder is W207."""
    (tmp_path / "texte").mkdir()
    found = check_text(source_map("texte"), tmp_path)
    assert codes(found) == ["W207"] and "folder" in found[0].message


def test_a_text_larger_than_the_limit_is_refused(tmp_path):
    """A text of 5 MB is read; one byte more is refused (W207) without being read."""
    with open(tmp_path / "big.txt", "wb") as f:
        f.truncate(MAX_TEXT_BYTES + 1)  # sparse: costs no disk space
    found = check_text(source_map("big.txt"), tmp_path)
    assert codes(found) == ["W207"] and "larger than 5 MB" in found[0].message
    with open(tmp_path / "big.txt", "r+b") as f:
        f.truncate(MAX_TEXT_BYTES)
    assert codes(check_text(source_map("big.txt"), tmp_path)) == ["E208"]


def test_the_limit_holds_while_reading(tmp_path, monkeypatch):
    """Reading stops after limit + 1 bytes even when the size was not known beforehand."""
    (tmp_path / "t.txt").write_bytes(b"x" * 100)
    calls = []
    real_read = os.read

    def counting_read(fd, n):
        calls.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(_texts, "_require_regular", lambda st, limit: None)  # as if stat said nothing
    monkeypatch.setattr(_texts.os, "read", counting_read)
    with pytest.raises(TextRefused, match="larger than"):
        read_text(tmp_path, tmp_path / "t.txt", limit=10)
    assert sum(calls) <= 11


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_refused(tmp_path):
    """A text without read permission is W207 with the system's reason."""
    (tmp_path / "t.txt").write_text("text", "utf-8")
    (tmp_path / "t.txt").chmod(0)
    found = check_text(source_map("t.txt"), tmp_path)
    assert codes(found) == ["W207"] and "Permission denied" in found[0].message


def test_a_broken_link_is_reported(tmp_path):
    """A link to nothing inside the folder is W207, not silently 'not found'."""
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nothing.txt")
    assert codes(check_text(source_map("gone.txt"), tmp_path)) == ["W207"]


HOSTILE = ["/dev/zero", "/dev/stdin", "/proc/self/mem", "../../../../etc/passwd", "a\0b", "\\\\server\\share", "~/x", ".", "./", "a/./b", "con", "*"]


@pytest.mark.parametrize("name", HOSTILE)
def test_no_file_name_makes_check_raise_or_hang(tmp_path, name):
    """Whatever `file:` says, checking gives diagnostics about the file (never a traceback, never a wait)."""
    m = argmap.parse(source_map(name), str(tmp_path / "m.argmap"))
    assert m.sources[0].file == name
    with no_hang():
        found = argmap.check(m)
    assert len(codes(found)) == 1


# ---- the command line ---------------------------------------------------------------


def run(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out, err)
    return code, out.getvalue() + err.getvalue()


def test_check_texts_option(tmp_path):
    """`argmap check --texts DIR` finds a text that is not beside the map."""
    copy_text(tmp_path / "texts")
    (tmp_path / "m.argmap").write_text(source_map("library.txt", "no such words here"), "utf-8")
    code, out = run("check", str(tmp_path / "m.argmap"), "--texts", str(tmp_path / "texts"))
    assert code == 1 and "error[E208]" in out


def test_check_shows_missing_texts_only_when_asked(tmp_path):
    """Without -v the note on missing texts is left out (the last line says so); -v and JSON show it."""
    (tmp_path / "m.argmap").write_text(source_map("library.txt"), "utf-8")
    code, out = run("check", str(tmp_path / "m.argmap"))
    assert code == 0 and "I210" not in out and "library.txt" not in out
    assert out.splitlines()[-1] == "1 file checked: no problems (1 more note: -v shows it)"
    code, out = run("check", "-v", str(tmp_path / "m.argmap"))
    assert "info[I210]" in out and out.splitlines()[-1] == "1 file checked: 0 errors, 0 warnings, 1 note"
    code, out = run("check", "--format", "json", str(tmp_path / "m.argmap"))
    assert [d["code"] for d in json.loads(out)] == ["I210"]


def test_refusals_are_shown_without_v(tmp_path):
    """A refused file is a warning and always shown."""
    (tmp_path / "m.argmap").write_text(source_map("/etc/passwd"), "utf-8")
    code, out = run("check", str(tmp_path / "m.argmap"))
    assert code == 0 and "warning[W209]" in out and "absolute path" in out


def test_demo_map_without_its_texts_prints_nothing_about_files():
    """`argmap check` on the demo map, with the seed texts nowhere to be found, says nothing about missing files."""
    code, out = run("check", str(ROOT / "examples" / "europa_ki_debatte.argmap"))
    assert code == 0
    for word in ("I210", "W207", "W209", "not found", "cannot be read", ".txt"):
        assert word not in out
