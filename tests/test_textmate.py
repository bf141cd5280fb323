"""The TextMate grammar for editors (editors/textmate/argmap.tmLanguage.json).

A small TextMate tokenizer (match rules, captures with patterns, includes:
what the grammar uses) applies it to every example, and the result is
compared, character by character, with the Pygments lexer's: two grammars
written apart must agree on every keyword, id and operator.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from argmap.pygments_lexer import KEYWORDS

ROOT = Path(__file__).resolve().parent.parent
GRAMMAR_FILE = ROOT / "editors" / "textmate" / "argmap.tmLanguage.json"
EXAMPLES = sorted((ROOT / "examples").rglob("*.argmap"))
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^(`{3,})argmap\b[^\n]*\n(.*?)^\1[ ]*$", re.S | re.M)


def grammar() -> dict:
    return json.loads(GRAMMAR_FILE.read_text("utf-8"))


def rules(g: dict):
    """Every rule of the grammar, nested ones included."""
    stack = list(g["patterns"]) + list(g["repository"].values())
    while stack:
        rule = stack.pop()
        yield rule
        stack.extend(rule.get("patterns", []))
        for capture in rule.get("captures", {}).values():
            stack.append(capture)


class Tokenizer:
    """Scopes of each character of a line, as a TextMate editor gives them (for match rules)."""

    def __init__(self, g: dict):
        self.repository = g["repository"]
        self.top = g["patterns"]
        self.compiled: dict[str, re.Pattern] = {}

    def expand(self, patterns):
        for p in patterns:
            if "include" in p:
                yield from self.expand([self.repository[p["include"][1:]]])
            elif "match" in p:
                yield p
            else:
                yield from self.expand(p["patterns"])

    def regex(self, source: str) -> re.Pattern:
        if source not in self.compiled:
            self.compiled[source] = re.compile(source)
        return self.compiled[source]

    def line(self, text: str) -> list[list[str]]:
        scopes: list[list[str]] = [[] for _ in text]
        self.scan(text, 0, len(text), self.top, scopes)
        return scopes

    def scan(self, text: str, start: int, end: int, patterns, scopes) -> None:
        """Like an editor: at each position the earliest match wins; on a tie, the first rule."""
        candidates = list(self.expand(patterns))
        pos = start
        while pos < end:
            best = None
            for rule in candidates:
                m = self.regex(rule["match"]).search(text[:end], pos)
                if m and m.end() > m.start() and (best is None or m.start() < best[0].start()):
                    best = (m, rule)
            if best is None:
                return
            m, rule = best
            self.apply(text, m, rule, scopes)
            pos = m.end()

    def apply(self, text, m, rule, scopes) -> None:
        if "name" in rule:
            for i in range(m.start(), m.end()):
                scopes[i].append(rule["name"])
        for group, capture in sorted(rule.get("captures", {}).items(), key=lambda kv: int(kv[0])):
            a, b = m.span(int(group))
            if a < 0 or a == b:
                continue
            if "name" in capture:
                for i in range(a, b):
                    scopes[i].append(capture["name"])
            if "patterns" in capture:
                self.scan(text, a, b, capture["patterns"], scopes)


# TextMate scope -> the Pygments token type that means the same (None: plain text).
SCOPE_KIND = {
    "comment.line": "Comment",
    "storage.type": "Keyword.Declaration",
    "keyword.other.step": "Keyword",
    "keyword.other.meta": "Keyword.Reserved",
    "keyword.operator.relation": "Operator.Word",
    "keyword.operator.stance": "Operator.Word",
    "keyword.operator.outline": "Operator",
    "keyword.operator.link": "Operator",
    "entity.name.function": "Name.Function",
    "variable.other": "Name.Variable",
    "entity.other.attribute-name": "Name.Attribute",
    "entity.name.tag": "Name.Tag",
    "constant.language.basis": "Name.Constant",
    "constant.numeric": "Number",
    "constant.character.escape": "String.Escape",
    "string.quoted.double": "String",
    "punctuation": "Punctuation",
    "meta.text": None,
}


def textmate_kinds(tokenizer: Tokenizer, text: str) -> list[str | None]:
    kinds = []
    for line in text.split("\n"):
        for scopes in tokenizer.line(line):
            kind = None
            for scope in reversed(scopes):  # the innermost scope that means something
                prefix = next((p for p in SCOPE_KIND if scope.startswith(p)), None)
                if prefix is not None and SCOPE_KIND[prefix] is not None:
                    kind = SCOPE_KIND[prefix]
                    break
            kinds.append(kind)
        kinds.append(None)  # the line break
    return kinds[:-1]


def pygments_kinds(text: str) -> list[str | None]:
    from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String

    from argmap.pygments_lexer import ArgmapLexer

    order = [
        (String.Escape, "String.Escape"), (String, "String"), (Comment, "Comment"),
        (Keyword.Declaration, "Keyword.Declaration"), (Keyword.Reserved, "Keyword.Reserved"), (Keyword, "Keyword"),
        (Operator.Word, "Operator.Word"), (Operator, "Operator"), (Name.Function, "Name.Function"),
        (Name.Variable, "Name.Variable"), (Name.Attribute, "Name.Attribute"), (Name.Tag, "Name.Tag"),
        (Name.Constant, "Name.Constant"), (Number, "Number"), (Punctuation, "Punctuation"),
    ]  # fmt: skip
    kinds = []
    for _index, token, value in ArgmapLexer(stripnl=False, ensurenl=False).get_tokens_unprocessed(text):
        kind = next((name for t, name in order if token in t), None)
        kinds.extend([kind] * len(value))
    return kinds


def test_is_valid_json_with_a_scope():
    """The grammar is JSON that names the language, its scope and its file suffix."""
    g = grammar()
    assert g["scopeName"] == "source.argmap" and g["fileTypes"] == ["argmap"]
    assert all(p["include"][1:] in g["repository"] for p in g["patterns"])


def test_regexes_compile():
    """Every regular expression of the grammar compiles (Python's re, close to Oniguruma for what it uses)."""
    found = [rule["match"] for rule in rules(grammar()) if "match" in rule]
    assert len(found) > 20
    for source in found:
        re.compile(source)


def test_names_every_keyword():
    """Every keyword of the language appears in the grammar."""
    text = GRAMMAR_FILE.read_text("utf-8")
    assert [k for k in sorted(KEYWORDS) if not re.search(rf"\b{k}\b", text)] == []


def test_vscode_extension_points_at_the_grammar():
    """editors/vscode's package.json contributes the language and this grammar."""
    package = json.loads((ROOT / "editors" / "vscode" / "package.json").read_text("utf-8"))
    (language,) = package["contributes"]["languages"]
    (entry,) = package["contributes"]["grammars"]
    assert language["id"] == entry["language"] == "argmap" and ".argmap" in language["extensions"]
    assert entry["scopeName"] == "source.argmap"
    assert (ROOT / "editors" / "vscode" / entry["path"]).resolve() == GRAMMAR_FILE.resolve()
    assert (ROOT / "editors" / "vscode" / language["configuration"]).is_file()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_scopes_every_example_as_the_lexer_does(path):
    """On every bundled example, each keyword, id, operator, attribute and string gets the scope that matches the lexer's token."""
    text = path.read_text("utf-8")
    tm = textmate_kinds(Tokenizer(grammar()), text)
    py = pygments_kinds(text)
    assert len(tm) == len(py) == len(text)
    differ = [(text[max(0, i - 20) : i + 20], tm[i], py[i]) for i in range(len(text)) if tm[i] != py[i]]
    assert differ == []
    assert "Keyword.Declaration" in tm and "Name.Function" in tm


def doc_blocks():
    for doc in DOCS:
        for i, m in enumerate(BLOCK.finditer(doc.read_text("utf-8"))):
            yield pytest.param(m.group(2), id=f"{doc.name}-{i + 1}")


@pytest.mark.parametrize("src", list(doc_blocks()))
def test_scopes_doc_blocks_as_the_lexer_does(src):
    """The docs' argmap blocks (mistakes included) are scoped as the lexer tokenizes them."""
    assert textmate_kinds(Tokenizer(grammar()), src) == pygments_kinds(src)
