"""From lark's reductions to flat line records.

The transformer runs inside the LALR parser (no parse tree is built) and
turns each statement into one :class:`~argmap.syntax.lines.Line`. Only
:func:`argmap.syntax.parser._parser` imports this module, so lark is loaded
only when a line needs it.
"""

from __future__ import annotations

from lark import Token, Transformer

from argmap.syntax.lines import Line

__all__ = ["LineTransformer"]


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
