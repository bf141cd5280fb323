"""From lark's reductions to flat line records.

The grammar is line-oriented, so the transformer (run inside the LALR parser,
no parse tree is built) turns each statement into one :class:`Line`; nesting
by indentation is done afterwards by :mod:`argmap.syntax.assemble`.
"""

from __future__ import annotations

from lark import Token, Transformer

__all__ = ["Line", "LineTransformer", "Word"]


class Line:
    """One statement: what kind it is, its parts, and the tokens that need spans."""

    __slots__ = ("kind", "parts", "indent", "lineno", "sub", "end")

    def __init__(self, kind: str, parts: tuple, sub: str | None = None):
        self.kind = kind
        self.parts = parts
        self.sub = sub
        self.indent = ""
        self.lineno = 0
        #: Where the line's text ends (1-based, trailing blanks excluded); 0 when not known yet.
        self.end = 0

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Line({self.kind!r}, {self.parts!r}, indent={self.indent!r}, line={self.lineno})"


class Word(str):
    """A token read without lark (see :mod:`argmap.syntax.shapes`): its text,
    its terminal's name and its 1-based column, as a lark ``Token`` has them."""

    __slots__ = ("type", "column")
    type: str
    column: int

    @classmethod
    def at(cls, value: str, type: str, column: int) -> Word:
        word = cls(value)
        word.type = type
        word.column = column
        return word


def _text(token: Token | None) -> str:
    return "" if token is None else str(token).strip()


class LineTransformer(Transformer):
    """Callbacks for the embedded LALR transformer; each returns a Line or a part of one.

    The callbacks take the list of children (no ``v_args`` wrapper): they run
    once per statement of the file, so every call saved counts.
    """

    def start(self, c):
        return c

    def claim(self, c):
        return Line("claim", (c[0], _text(c[1]) if len(c) > 1 else "", None))

    def implicit(self, c):
        return Line("implicit", (c[0], _text(c[1]) if len(c) > 1 else "", None))

    def source(self, c):
        return Line("source", (c[0], c[1]))

    def group(self, c):
        return Line("group", (c[0], _text(c[1]) if len(c) > 1 else "", None))

    def argument(self, c):
        return Line("argument", (c[0], _text(c[1]) if len(c) > 1 else "", None))

    # A step line: (keyword token, "ref" | "claim" | "implicit", id token, text)
    def step_ref(self, c):
        return Line("step", (c[0], "ref", c[1], ""))

    def step_claim(self, c):
        return Line("step", (c[0], "claim", c[1], _text(c[2]) if len(c) > 2 else ""))

    def step_implicit(self, c):
        return Line("step", (c[0], "implicit", c[1], _text(c[2]) if len(c) > 2 else ""))

    def premises(self, c):
        return tuple(c[::2]) if len(c) > 1 else (c[0],)

    def linked(self, c):
        return tuple(c[::2])

    def support(self, c):
        premises = c[0] if type(c[0]) is tuple else (c[0],)
        return Line("relation", (premises, c[2], c[1]), sub="support")

    def rebuttal(self, c):
        return Line("relation", (c[0] if type(c[0]) is tuple else (c[0],), c[2], c[1]), sub="rebuttal")

    def contradiction(self, c):
        return Line("relation", (c[0] if type(c[0]) is tuple else (c[0],), c[2], c[1]), sub="contradiction")

    def undercut(self, c):
        return Line("relation", (c[0] if type(c[0]) is tuple else (c[0],), c[2], c[1]), sub="undercut")

    def named_relation(self, c):
        name, relation = c
        relation.parts = relation.parts + (name,)
        return relation

    def id_list(self, c):
        return tuple(c)

    def accepts(self, c):
        return Line("stance", (c[0], c[1]), sub="accepts")

    def rejects(self, c):
        return Line("stance", (c[0], c[1]), sub="rejects")

    def position(self, c):
        return Line("position", (c[0], tuple(c[1:])))

    def meta(self, c):
        return Line("meta", (c[0], _text(c[1]) if len(c) > 1 else "", None), sub=str(c[0]))

    def attribute(self, c):
        return Line("attribute", (c[0], _text(c[1]) if len(c) > 1 else "", None))

    def continuation(self, c):
        return Line("continuation", (c[0], str(c[0])[1:].strip()))

    def label(self, c):
        return c[0]

    def outline_item(self, c):
        label = c[1] if len(c) == 3 else None
        return Line("item", (c[0], label, c[-1]))

    def outline_ref(self, c):
        return ("ref", c[0])

    def outline_claim(self, c):
        return ("claim", c[0], _text(c[1]) if len(c) > 1 else "", None)

    def outline_implicit(self, c):
        return ("implicit", c[0], _text(c[1]) if len(c) > 1 else "", None)

    def comment(self, c):
        return Line("comment", (c[0], str(c[0])[1:].rstrip()))
