"""A Pygments lexer for the argmap language, so that Pygments-based tools
(Sphinx, MkDocs, Python-Markdown's codehilite, ...) highlight ``.argmap`` files.

Installed with argmap, it is found by name and by file name through the
``pygments.lexers`` entry point::

    >>> from pygments.lexers import get_lexer_by_name
    >>> get_lexer_by_name("argmap").name
    'argmap'

The language is line-oriented (grammar/argmap.lark), so each rule below
starts at the beginning of a line and decides what kind of line it is; a
line that is none of them (a typo, a German keyword) is plain text, never an
error token: ``argmap check`` says what is wrong with it. Token types:

- ``Keyword.Declaration``: ``claim``, ``implicit``, ``source``, ``group``,
  ``argument``, ``position``; ``Keyword``: ``premise``, ``conclusion``;
  ``Keyword.Reserved``: ``title``, ``lang``, ``question``;
- ``Operator.Word``: ``supports``, ``rebuts``, ``contradicts``,
  ``undercuts``, ``accepts``, ``rejects``; ``Operator``: the outline
  markers ``+ - ~`` and the ``+`` of linked premises;
- ``Name.Function``: an id where it is defined (a claim, source, group,
  argument, position, named relation, outline label, premise);
  ``Name.Variable``: an id used (in relations, outlines, positions,
  ``source:`` and ``group:`` attributes);
- ``Name.Attribute``: an attribute's key; ``String.Double``: a source's
  title and a ``quote:``; ``Name.Constant``: a ``basis:``; ``Name.Tag``:
  ``tags:``; ``Number``: ``weight:``;
- ``Comment.Single``: comments; ``Text``: claim texts and anything else.

This module uses no other part of argmap, so Pygments can load it cheaply.
"""

from __future__ import annotations

from pygments.lexer import RegexLexer, bygroups, default, include, words
from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text, Whitespace

__all__ = ["ArgmapLexer", "KEYWORDS"]

#: Every keyword of the language (the grammar's literal words).
KEYWORDS = frozenset(
    {
        "claim", "implicit", "source", "group", "argument", "position",
        "premise", "conclusion", "title", "lang", "question",
        "supports", "rebuts", "contradicts", "undercuts", "accepts", "rejects",
    }
)  # fmt: skip

_VERBS = r"(?:supports|rebuts|contradicts|undercuts)\b"
_WS = r"[ \t]"
# ids joined with +, then a relation's verb: the start of a relation line.
_RELATION_AHEAD = rf"(?=\w+(?:{_WS}*\+{_WS}*\w+)*{_WS}+{_VERBS})"


class ArgmapLexer(RegexLexer):
    """Lexer for argmap, the plain-text language of argument maps."""

    name = "argmap"
    aliases = ["argmap"]
    filenames = ["*.argmap"]
    mimetypes = ["text/x-argmap"]

    tokens = {
        "root": [
            (r"\n", Whitespace),
            (rf"^({_WS}*)(#[^\n]*)", bygroups(Whitespace, Comment.Single)),
            # Statements at the left margin.
            (
                rf"^(implicit)({_WS}+)(claim)({_WS}+)(\w+)({_WS}*)(:)",
                bygroups(Keyword.Declaration, Whitespace, Keyword.Declaration, Whitespace, Name.Function, Whitespace, Punctuation),
                "text",
            ),
            (
                rf"^(claim|group|argument)({_WS}+)(\w+)({_WS}*)(:)",
                bygroups(Keyword.Declaration, Whitespace, Name.Function, Whitespace, Punctuation),
                "text",
            ),
            (
                rf"^(source)({_WS}+)(\w+)({_WS}*)(:)",
                bygroups(Keyword.Declaration, Whitespace, Name.Function, Whitespace, Punctuation),
                "title",
            ),
            (
                rf"^(position)({_WS}+)(\w+)({_WS}*)(:)",
                bygroups(Keyword.Declaration, Whitespace, Name.Function, Whitespace, Punctuation),
                "ids",
            ),
            (rf"^(title|lang|question)({_WS}*)(:)", bygroups(Keyword.Reserved, Whitespace, Punctuation), "text"),
            (
                rf"^(\w+)({_WS}*)(:)({_WS}*){_RELATION_AHEAD}",
                bygroups(Name.Function, Whitespace, Punctuation, Whitespace),
                "relation",
            ),
            (rf"^(\w+)(?=(?:{_WS}*\+{_WS}*\w+)*{_WS}+{_VERBS})", Name.Variable, "relation"),
            # Indented lines: they belong to the statement above.
            (rf"^({_WS}+)(\|)", bygroups(Whitespace, Punctuation), "text"),
            (rf"^({_WS}+)([+~-])", bygroups(Whitespace, Operator), "item"),
            (
                rf"^({_WS}+)(premise|conclusion)({_WS}+)(implicit)({_WS}+)(\w+)({_WS}*)(:)",
                bygroups(Whitespace, Keyword, Whitespace, Keyword.Declaration, Whitespace, Name.Function, Whitespace, Punctuation),
                "text",
            ),
            (
                rf"^({_WS}+)(premise|conclusion)({_WS}+)(\w+)({_WS}*)(:)",
                bygroups(Whitespace, Keyword, Whitespace, Name.Function, Whitespace, Punctuation),
                "text",
            ),
            (
                rf"^({_WS}+)(premise|conclusion)({_WS}+)(\w+)({_WS}*)$",
                bygroups(Whitespace, Keyword, Whitespace, Name.Variable, Whitespace),
            ),
            (rf"^({_WS}+)(accepts|rejects)\b", bygroups(Whitespace, Operator.Word), "ids"),
            (
                rf"^({_WS}+)(source|group)({_WS}*)(:)({_WS}*)(\w+)({_WS}*)$",
                bygroups(Whitespace, Name.Attribute, Whitespace, Punctuation, Whitespace, Name.Variable, Whitespace),
            ),
            (rf"^({_WS}+)(quote)({_WS}*)(:)", bygroups(Whitespace, Name.Attribute, Whitespace, Punctuation), "quote"),
            (
                rf"^({_WS}+)(weight)({_WS}*)(:)({_WS}*)(\d+(?:\.\d*)?|\.\d+)({_WS}*)$",
                bygroups(Whitespace, Name.Attribute, Whitespace, Punctuation, Whitespace, Number, Whitespace),
            ),
            (
                rf"^({_WS}+)(basis)({_WS}*)(:)({_WS}*)([^\n]+)",
                bygroups(Whitespace, Name.Attribute, Whitespace, Punctuation, Whitespace, Name.Constant),
            ),
            (rf"^({_WS}+)(tags)({_WS}*)(:)", bygroups(Whitespace, Name.Attribute, Whitespace, Punctuation), "tags"),
            (rf"^({_WS}+)(\w+)({_WS}*)(:)", bygroups(Whitespace, Name.Attribute, Whitespace, Punctuation), "text"),
            # Anything else is not argmap; `argmap check` says why.
            (r"[^\n]+", Text),
        ],
        "end": [
            (r"\n", Whitespace, "#pop"),
            (rf"{_WS}+", Whitespace),
            (r"[^\n]", Text),
        ],
        "text": [
            (rf"{_WS}+", Whitespace),
            (r"[^\n]+", Text),
            include("end"),
        ],
        "title": [
            (r'"', String.Double, ("#pop", "string")),
            include("end"),
        ],
        "quote": [
            (r'"', String.Double, "string"),
            include("end"),
        ],
        "string": [
            (r"\\.", String.Escape),
            (r'[^"\\\n]+', String.Double),
            (r'"', String.Double, "#pop"),
            default("#pop"),
        ],
        "relation": [
            (words(("supports", "rebuts", "contradicts", "undercuts"), suffix=r"\b"), Operator.Word),
            (r"\+", Operator),
            (r"\w+", Name.Variable),
            include("end"),
        ],
        "ids": [
            (words(("accepts", "rejects"), suffix=r"\b"), Operator.Word),
            (r"\w+", Name.Variable),
            (r"[,;]", Punctuation),
            include("end"),
        ],
        "tags": [
            (rf"{_WS}+", Whitespace),
            (r"[^,\s](?:[^,\n]*[^,\s])?", Name.Tag),
            (r",", Punctuation),
            include("end"),
        ],
        # An outline item, after its + - ~.
        "item": [
            (r"(\()(\w+)(\))", bygroups(Punctuation, Name.Function, Punctuation)),
            (
                rf"(implicit)({_WS}+)(\w+)({_WS}*)(:)",
                bygroups(Keyword.Declaration, Whitespace, Name.Function, Whitespace, Punctuation),
                ("#pop", "text"),
            ),
            (rf"(\w+)({_WS}*)(:)", bygroups(Name.Function, Whitespace, Punctuation), ("#pop", "text")),
            (r"\+", Operator),
            (r"\w+", Name.Variable),
            include("end"),
        ],
    }
