"""The Pygments lexer (argmap/pygments_lexer.py) and its entry point."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pygments = pytest.importorskip("pygments")

from pygments.lexers import get_lexer_by_name, get_lexer_for_filename  # noqa: E402
from pygments.token import Comment, Error, Keyword, Name, Number, Operator, Punctuation, String, Text  # noqa: E402

import argmap  # noqa: E402
from argmap.pygments_lexer import KEYWORDS, ArgmapLexer  # noqa: E402
from tests.test_packaging import wheel  # noqa: E402, F401 (the fixture that builds the wheel)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").rglob("*.argmap"))
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Any ```argmap fence, with or without options on its line.
BLOCK = re.compile(r"^(`{3,})argmap\b[^\n]*\n(.*?)^\1[ ]*$", re.S | re.M)


def doc_blocks():
    for doc in DOCS:
        for i, m in enumerate(BLOCK.finditer(doc.read_text("utf-8"))):
            yield pytest.param(m.group(2), id=f"{doc.name}-{i + 1}")


def tokens(text: str) -> list[tuple[object, str]]:
    return [(t, v) for t, v in ArgmapLexer().get_tokens(text) if v]


def line_starts(text: str) -> list[tuple[object, str]]:
    """The first token of each line that has more than white space."""
    found, fresh = [], True
    for t, v in tokens(text):
        if fresh and v.strip():
            found.append((t, v))
            fresh = False
        if v.endswith("\n"):
            fresh = True
    return found


def defined_ids(m: argmap.ArgumentMap) -> set[str]:
    """Every id the map defines: claims, sources, groups, arguments, positions, named relations."""
    ids = {c.id for c in m.claims} | {s.id for s in m.sources} | {g.id for g in m.groups}
    ids |= {a.id for a in m.arguments} | {p.id for p in m.positions}
    for relations in (m.supports, m.rebuttals, m.contradictions, m.undercuts):
        ids |= {r.name for r in relations if r.name}
    return ids


def test_found_by_name_and_file_name():
    """The entry point lets Pygments find the lexer by name, alias and file name."""
    assert isinstance(get_lexer_by_name("argmap"), ArgmapLexer)
    assert isinstance(get_lexer_for_filename("debate.argmap"), ArgmapLexer)


def test_knows_every_keyword_of_the_grammar():
    """Each literal word of grammar/argmap.lark is one of the lexer's keywords."""
    grammar = (ROOT / "grammar" / "argmap.lark").read_text("utf-8")
    literals = set(re.findall(r'"([a-z]+)"', grammar))
    assert literals and literals <= KEYWORDS


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_lex_without_errors(path):
    """A bundled example gives no error token, and every line is recognized (none starts as plain text)."""
    text = path.read_text("utf-8")
    found = tokens(text)
    assert "".join(v for _, v in found) == text
    assert [v for t, v in found if t in Error] == []
    assert [v for t, v in line_starts(text) if t is Text] == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_definitions_are_names(path):
    """The ids lexed as definitions are exactly the ids the parser finds defined."""
    text = path.read_text("utf-8")
    lexed = {v for t, v in tokens(text) if t is Name.Function}
    assert lexed == defined_ids(argmap.parse(text))


@pytest.mark.parametrize("src", list(doc_blocks()))
def test_doc_blocks_lex_without_errors(src):
    """Every ```argmap block of the docs (diagnostics.md's mistakes included) gives no error token."""
    assert [v for t, v in tokens(src) if t in Error] == []


@pytest.mark.parametrize(
    "line,expected",
    [
        ("claim ban: Handys verbieten.", [(Keyword.Declaration, "claim"), (Name.Function, "ban"), (Text, "Handys verbieten.")]),
        ("implicit claim t: Geld.", [(Keyword.Declaration, "implicit"), (Keyword.Declaration, "claim"), (Name.Function, "t")]),
        ('source s: "Ein \\"Titel\\""', [(Keyword.Declaration, "source"), (Name.Function, "s"), (String.Escape, '\\"')]),
        ("r_gap: gap + lock supports invest", [(Name.Function, "r_gap"), (Name.Variable, "gap"), (Operator, "+"), (Operator.Word, "supports")]),
        ("a rebuts b", [(Name.Variable, "a"), (Operator.Word, "rebuts"), (Name.Variable, "b")]),
        ("hot undercuts r_gap", [(Operator.Word, "undercuts"), (Name.Variable, "r_gap")]),
        ("c: a contradicts b", [(Name.Function, "c"), (Operator.Word, "contradicts")]),
        ("position p: accepts a, b; rejects c", [(Keyword.Declaration, "position"), (Operator.Word, "accepts"), (Name.Variable, "b"), (Operator.Word, "rejects")]),
        ("title: Handyverbot", [(Keyword.Reserved, "title"), (Text, "Handyverbot")]),
        ("lang: de", [(Keyword.Reserved, "lang")]),
        ("question: Warum?", [(Keyword.Reserved, "question")]),
        ("group usa: USA", [(Keyword.Declaration, "group"), (Name.Function, "usa")]),
        ("argument k: Kosten", [(Keyword.Declaration, "argument"), (Name.Function, "k")]),
        ("# a comment", [(Comment.Single, "# a comment")]),
    ],
)
def test_statement_tokens(line, expected):
    """The key tokens of each kind of statement have the documented types."""
    found = tokens(line + "\n")
    for token in expected:
        assert token in found


@pytest.mark.parametrize(
    "line,expected",
    [
        ("  + (r) focus: Text", [(Operator, "+"), (Name.Function, "r"), (Name.Function, "focus"), (Text, "Text")]),
        ("  - a + b", [(Operator, "-"), (Name.Variable, "a"), (Operator, "+"), (Name.Variable, "b")]),
        ("  ~ implicit x: T", [(Operator, "~"), (Keyword.Declaration, "implicit"), (Name.Function, "x")]),
        ("  premise p1: Text", [(Keyword, "premise"), (Name.Function, "p1")]),
        ("  premise fehlt", [(Keyword, "premise"), (Name.Variable, "fehlt")]),
        ("  conclusion implicit k: T", [(Keyword, "conclusion"), (Keyword.Declaration, "implicit"), (Name.Function, "k")]),
        ("  source: gierse", [(Name.Attribute, "source"), (Name.Variable, "gierse")]),
        ('  quote: "massive Mittel"', [(Name.Attribute, "quote"), (String.Double, "massive Mittel")]),
        ("  basis: common belief", [(Name.Attribute, "basis"), (Name.Constant, "common belief")]),
        ("  tags: a, b", [(Name.Attribute, "tags"), (Name.Tag, "a")]),
        ("  weight: 0.8", [(Name.Attribute, "weight"), (Number, "0.8")]),
        ("  author: David Gierse", [(Name.Attribute, "author"), (Text, "David Gierse")]),
        ("  | more text", [(Punctuation, "|"), (Text, "more text")]),
        ("  accepts a, b", [(Operator.Word, "accepts"), (Name.Variable, "a")]),
        ("  # indented comment", [(Comment.Single, "# indented comment")]),
    ],
)
def test_indented_line_tokens(line, expected):
    """The key tokens of each kind of indented line have the documented types."""
    found = tokens("claim x: X.\n" + line + "\n")
    for token in expected:
        assert token in found


@pytest.mark.parametrize("line", ["Behauptung a: Text.", "a suports b", "foo: bar", "claim: no id"])
def test_a_line_that_is_not_argmap_is_plain_text(line):
    """A line the language does not know starts as plain text, not as an error or a keyword."""
    assert line_starts(line + "\n")[0][0] is Text
    assert all(t not in Error for t, _ in tokens(line + "\n"))


def test_wheel_registers_the_entry_points(wheel):
    """The built wheel declares the lexer for Pygments and the extension for Python-Markdown, and ships editors' files apart."""
    names = zipfile.ZipFile(wheel).namelist()
    (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[pygments.lexers]\nargmap = argmap.pygments_lexer:ArgmapLexer" in text
    assert "[markdown.extensions]\nargmap.markdown = argmap.markdown:ArgmapExtension" in text
    assert "argmap/pygments_lexer.py" in names and "argmap/markdown.py" in names


def test_import_argmap_loads_neither_pygments_nor_markdown():
    """The lexer and the extension are imported only when used: `import argmap` loads neither library."""
    code = "import sys, argmap; print(sorted(m for m in ('pygments', 'markdown') if m in sys.modules))"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert found.stdout.strip() == "[]"
