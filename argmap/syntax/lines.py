"""From lark's reductions to flat line records.

The grammar is line-oriented, so the transformer (run inside the LALR parser,
no parse tree is built) turns each statement into one :class:`Line`; nesting
by indentation is done afterwards by :mod:`argmap.syntax.assemble`.
"""

from __future__ import annotations

from lark import Token, Transformer, v_args

__all__ = ["Line", "LineTransformer"]


class Line:
    """One statement: what kind it is, its parts, and the tokens that need spans."""

    __slots__ = ("kind", "parts", "indent", "lineno", "sub")

    def __init__(self, kind: str, parts: tuple, sub: str | None = None):
        self.kind = kind
        self.parts = parts
        self.sub = sub
        self.indent = ""
        self.lineno = 0

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Line({self.kind!r}, {self.parts!r}, indent={self.indent!r}, line={self.lineno})"


def _text(token: Token | None) -> str:
    return "" if token is None else str(token).strip()


@v_args(inline=True)
class LineTransformer(Transformer):
    """Callbacks for the embedded LALR transformer; each returns a Line or a part of one."""

    def start(self, *children):
        return children

    def claim(self, ident, text=None):
        return Line("claim", (ident, _text(text), text))

    def implicit(self, ident, text=None):
        return Line("implicit", (ident, _text(text), text))

    def source(self, ident, string):
        return Line("source", (ident, string))

    def group(self, ident, text=None):
        return Line("group", (ident, _text(text), text))

    def premises(self, *tokens):
        return tuple(t for t in tokens if t.type == "ID")

    def support(self, premises, keyword, conclusion):
        return Line("relation", (premises, conclusion, keyword), sub="support")

    def rebuttal(self, attacker, keyword, target):
        return Line("relation", ((attacker,), target, keyword), sub="rebuttal")

    def contradiction(self, first, keyword, second):
        return Line("relation", ((first,), second, keyword), sub="contradiction")

    def undercut(self, attacker, keyword, target):
        return Line("relation", ((attacker,), target, keyword), sub="undercut")

    def named_relation(self, name, relation):
        relation.parts = relation.parts + (name,)
        return relation

    def id_list(self, *tokens):
        return tokens

    def accepts(self, keyword, ids):
        return Line("stance", (keyword, ids), sub="accepts")

    def rejects(self, keyword, ids):
        return Line("stance", (keyword, ids), sub="rejects")

    def stance(self, line):  # pragma: no cover - stance is always aliased
        return line

    def position(self, ident, *stances):
        return Line("position", (ident, stances))

    def meta(self, key, text=None):
        return Line("meta", (key, _text(text), text), sub=str(key))

    def attribute(self, key, text=None):
        return Line("attribute", (key, _text(text), text))

    def continuation(self, token):
        return Line("continuation", (token, str(token)[1:].strip()))

    def label(self, ident):
        return ident

    def outline_item(self, sign, *rest):
        label = rest[0] if len(rest) == 2 else None
        target = rest[-1]
        return Line("item", (sign, label, target))

    def outline_ref(self, premises):
        return ("ref", premises)

    def outline_claim(self, ident, text=None):
        return ("claim", ident, _text(text), text)

    def outline_implicit(self, ident, text=None):
        return ("implicit", ident, _text(text), text)

    def comment(self, token):
        return Line("comment", (token, str(token)[1:].rstrip()))
