"""Flat line records: one :class:`Line` per statement.

The grammar is line-oriented, so each statement becomes one record, read
either by a pattern (:mod:`argmap.syntax.shapes`) or by lark's LALR parser
(:mod:`argmap.syntax.transformer`); nesting by indentation is done
afterwards by :mod:`argmap.syntax.assemble`. Nothing here imports lark.
"""

from __future__ import annotations

__all__ = ["Line", "Word"]


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
