"""lark's parser tables kept in a private cache file: loaded only when safe, written whole."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from argmap.syntax.parser import _parse_segment, grammar_text
from argmap.syntax.parser_cache import cache_folder, cached_lark
from argmap.syntax.transformer import LineTransformer

OPTIONS = {"parser": "lalr", "lexer": "contextual", "maybe_placeholders": False}
posix_only = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="file owners and modes are POSIX")


def _parser():
    return cached_lark(grammar_text(), transformer=LineTransformer(), **OPTIONS)


def _records(parser, text: str):
    return [(line.kind, line.sub, [str(p) for p in line.parts if isinstance(p, str)]) for line in parser.parse(text)[1::2]]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder of its own; the folder argmap's cache files go to."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "cache"))
    monkeypatch.delenv("ARGMAP_NO_CACHE", raising=False)
    folder = cache_folder()
    assert folder == str(tmp_path / "cache" / "argmap")
    return folder


SAMPLE = "\nclaim a: A.\na + b supports c\nposition p: accepts a; rejects c\n  note: n"


def test_tables_are_saved_then_loaded(cache):
    """The first parser is built and saved, the second loaded from the file; both parse alike."""
    built = _parser()
    assert built.source_path != "<deserialized>"
    (name,) = os.listdir(cache)
    assert name.startswith("lark-") and name.endswith(".pickle")
    loaded = _parser()
    assert loaded.source_path == "<deserialized>"
    assert _records(loaded, SAMPLE) == _records(built, SAMPLE)
    assert [r[0] for r in _records(loaded, SAMPLE)] == ["claim", "relation", "position", "attribute"]


@posix_only
def test_only_the_user_can_write_the_cache(cache):
    """The folder is made private (0o700) and the file is written with mode 0o600, no temporary file left."""
    _parser()
    assert stat.S_IMODE(os.stat(cache).st_mode) == 0o700
    (name,) = os.listdir(cache)
    assert stat.S_IMODE(os.stat(os.path.join(cache, name)).st_mode) == 0o600


@posix_only
def test_a_file_others_may_write_is_not_loaded(cache):
    """A cache file that others may write (it could hold any pickle) is not loaded, but replaced."""
    _parser()
    (name,) = os.listdir(cache)
    path = os.path.join(cache, name)
    os.chmod(path, 0o666)
    assert _parser().source_path != "<deserialized>"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert _parser().source_path == "<deserialized>"


@posix_only
def test_a_folder_others_may_write_is_not_used(cache):
    """In a cache folder that others may write, nothing is loaded or saved."""
    _parser()
    os.chmod(cache, 0o777)
    try:
        assert _parser().source_path != "<deserialized>"
    finally:
        os.chmod(cache, 0o700)


@pytest.mark.parametrize("content", [b"", b"garbage\n", b"\x80\x04garbage", None])
def test_a_damaged_file_is_rebuilt(cache, content, capfd):
    """An empty, foreign or truncated file: the parser is built (no error, nothing printed) and the file mended."""
    _parser()
    (name,) = os.listdir(cache)
    path = os.path.join(cache, name)
    if content is None:  # cut in the middle
        with open(path, "rb") as f:
            content = f.read()[: os.path.getsize(path) // 2]
    with open(path, "wb") as f:
        f.write(content)
    parser = _parser()
    assert parser.source_path != "<deserialized>"
    assert [r[0] for r in _records(parser, SAMPLE)] == ["claim", "relation", "position", "attribute"]
    assert _parser().source_path == "<deserialized>"
    assert capfd.readouterr() == ("", "")


def test_no_cache_when_there_is_no_folder(tmp_path, monkeypatch):
    """A cache folder that cannot be made (its parent is a file), or ARGMAP_NO_CACHE: built each time, nothing written."""
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setenv("LOCALAPPDATA", str(blocker))
    assert _parser().source_path != "<deserialized>"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("ARGMAP_NO_CACHE", "1")
    assert cache_folder() is None
    assert _parser().source_path != "<deserialized>"
    assert not (tmp_path / "cache").exists()


def test_syntax_errors_are_reported_alike_with_a_loaded_parser(cache):
    """Errors from a parser loaded from the cache say the same as from a built one."""
    from lark import UnexpectedInput

    def error(parser):
        try:
            parser.parse("\nclaim a: A.\nposition p: accepts a;")
        except UnexpectedInput as exc:
            return type(exc).__name__, exc.line, exc.column, sorted(exc.expected)
        raise AssertionError("no error")

    assert error(_parser()) == error(_parser())
    assert error(_parser())[:2] == ("UnexpectedToken", 3)


def test_the_reader_parses_with_the_cached_tables():
    """argmap's own parser (whatever the cache holds) reads a position line as the patterns do."""
    (line,) = _parse_segment("\nposition p: accepts a, b; rejects c", 0)
    assert line.kind == "position"
    assert [(s.sub, [str(i) for i in s.parts[1]]) for s in line.parts[1]] == [("accepts", ["a", "b"]), ("rejects", ["c"])]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths")
def test_cache_folder_follows_xdg(monkeypatch, tmp_path):
    """$XDG_CACHE_HOME/argmap, else ~/.cache/argmap; a relative XDG_CACHE_HOME is ignored, as the spec says."""
    monkeypatch.delenv("ARGMAP_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == str(tmp_path / "argmap")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder() == str(tmp_path / "home" / ".cache" / "argmap")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")
    assert cache_folder() == str(tmp_path / "home" / ".cache" / "argmap")


def test_grammar_is_found_through_the_package_resources(monkeypatch):
    """Where the grammar is no plain file beside the package (argmap imported
    from a zip file), it is read through importlib.resources."""
    from argmap.syntax import parser

    class Nowhere:
        def __init__(self, *_):
            pass

        def resolve(self):
            return self

        @property
        def parent(self):
            return self

        def __truediv__(self, _):
            return self

        def read_text(self, *_):
            raise FileNotFoundError

    import importlib.resources

    expected = parser.grammar_text()
    asked = []

    class Packaged:
        def joinpath(self, name):
            asked.append(name)
            return self

        def read_text(self, encoding):
            return expected

    monkeypatch.setattr(parser, "Path", Nowhere)
    monkeypatch.setattr(importlib.resources, "files", lambda package: Packaged())
    assert parser.grammar_text() == expected and asked == ["grammar/argmap.lark"]
