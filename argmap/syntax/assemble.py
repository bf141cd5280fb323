"""From flat line records to the model: nesting by indentation, outlines, attributes.

Indented lines belong to the nearest less-indented line above them. The
nesting is done with an explicit stack, so an outline nested thousands of
levels deep costs no recursion.
"""

from __future__ import annotations

import os
import re
from itertools import compress, count
from operator import not_
from typing import TYPE_CHECKING

import attrs

from argmap._linebreaks import SourceLines
from argmap._i18n import N_, Phrase, joined, phrase, plural_phrase
from argmap.diagnostics import Diagnostic, error, suggest, warning
from argmap.model import (
    ARGUMENT_ATTRIBUTES,
    RELATION_ATTRIBUTES,
    Argument,
    ArgumentMap,
    Attribute,
    Basis,
    Claim,
    Comment,
    Contradiction,
    Group,
    RESERVED_WORDS,
    Position,
    Rebuttal,
    Source,
    Span,
    Step,
    Support,
    Undercut,
    normalize,
    pack_spans,
    unchecked,
    unchecked_written,
)
from argmap.model import _blank_is_none, _span, _tags
from argmap.syntax.lines import Line

if TYPE_CHECKING:
    from lark import Token

__all__ = ["assemble", "CLAIM_ATTRIBUTES", "SOURCE_ATTRIBUTES"]

CLAIM_ATTRIBUTES = ("source", "basis", "quote", "tags", "weight", "group", "note")
SOURCE_ATTRIBUTES = ("author", "date", "kind", "url", "file")
_ID = re.compile(r"\w+\Z")
_QUOTES = "\"'“”„‚‘’«»"


def unquote(value: str) -> str:
    """A value without one pair of surrounding quotation marks."""
    if len(value) >= 2 and value[0] in _QUOTES and value[-1] in _QUOTES:
        return value[1:-1].strip()
    return value


def _describe(indent: str) -> Phrase:
    """How a line is indented, in words: ``2 spaces``, ``1 tab``, ``1 tab and 2 spaces``."""
    tabs = indent.count("\t")
    spaces = len(indent) - tabs
    parts = []
    if tabs:
        parts.append(plural_phrase("{n} tab", "{n} tabs", tabs))
    if spaces or not tabs:
        parts.append(plural_phrase("{n} space", "{n} spaces", spaces))
    return joined(" and ", parts)


class _Node:
    """An open line that later, more indented lines can belong to."""

    __slots__ = (
        "kind", "indent", "child_indent", "aliases", "line", "builder", "claim", "sign", "label", "id_span", "depth"
    )

    def __init__(self, kind, line, builder=None, claim=None, sign=None, label=None, id_span=None, depth=0):
        self.depth = depth  # outline depth: 0 for a top-level line
        self.kind = kind
        self.indent = line.indent
        self.child_indent = None
        self.aliases: frozenset[str] | set[str] = _NO_ALIASES  # other indentations of its children, already reported
        self.line = line
        self.builder = builder
        self.claim = claim  # the single claim id this node stands for, if any
        self.sign = sign
        self.label = label
        self.id_span = id_span


_NO_ALIASES: frozenset[str] = frozenset()


class _ClaimBuilder:
    """A claim being read; its line and id are where it is defined, on one line
    (spans are made only when asked for: most claims need none)."""

    __slots__ = ("id", "parts", "attrs", "implicit", "file", "line", "columns", "outline", "argument")

    def __init__(self, ident, text, implicit, file, line, columns, outline=0, argument=None):
        self.outline = outline
        self.argument = argument  # the argument whose step line defines the claim
        self.id = ident
        self.parts = [text] if text else []
        self.attrs = []  # (key token, value, span)
        self.implicit = implicit
        self.file = file
        self.line = line
        self.columns = columns  # start and end of the line's statement, then of the id

    @classmethod
    def at(cls, ident, text, implicit, span, id_span, outline=0, argument=None):
        columns = (span.column, span.end_column, id_span.column, id_span.end_column)
        return cls(ident, text, implicit, span.file, span.line, columns, outline, argument)

    @property
    def span(self) -> Span:
        return _span(self.file, self.line, self.columns[0], self.line, self.columns[1])

    @property
    def id_span(self) -> Span:
        return _span(self.file, self.line, self.columns[2], self.line, self.columns[3])


class _SourceBuilder:
    __slots__ = ("id", "title", "attrs", "span", "id_span")

    def __init__(self, ident, title, span, id_span):
        self.id = ident
        self.title = title
        self.attrs = []
        self.span = span
        self.id_span = id_span


class _PositionBuilder:
    __slots__ = ("id", "accepts", "rejects", "span", "id_span")

    def __init__(self, ident, span, id_span):
        self.id = ident
        self.accepts = []  # (id, span)
        self.rejects = []
        self.span = span
        self.id_span = id_span


class _TextBuilder:
    """Text that continuation lines extend: a group's label, a title, an attribute's value."""

    __slots__ = ("parts",)

    def __init__(self, text):
        self.parts = [text] if text else []


class _AttributedBuilder(_TextBuilder):
    """Text with attributes of fixed keys: a group (label), an argument (title),
    or a named relation (no text; ``item`` is the relation read from its line)."""

    __slots__ = ("id", "attrs", "span", "id_span", "item", "steps", "broken")

    def __init__(self, ident, text, span, id_span, item=None):
        super().__init__(text)
        self.id = ident
        self.attrs = []
        self.span = span
        self.id_span = id_span
        self.item = item
        self.steps = []  # an argument's step lines: (keyword, id, id span, line span)
        self.broken = False  # a line under it did not parse (it may have been a step)


class _Assembler:
    def __init__(self, text: str, filename: str | None, source: SourceLines | None = None):
        self.filename = None if filename is None else os.fspath(filename)
        self.text_lines = SourceLines(text) if source is None else source
        self.out: list = []  # builders and finished items, in source order
        #: Where in ``out`` the claims of the current top-level statement are;
        #: they are made when the next top-level line shows no line can add to them.
        self.open_claims: list[int] = []
        #: Each id once, for the lines read one by one (see :meth:`statements`).
        self.ids: dict[str, str] = {}
        self.meta: dict[str, tuple[_TextBuilder, Span]] = {}
        self.diagnostics: list[Diagnostic] = []

    # -- spans --------------------------------------------------------------

    def ident(self, token) -> str:
        """The id ``token`` names, as one string object for every use of the id in the map."""
        ident = str(token)
        return self.ids.setdefault(ident, ident)

    def line_columns(self, line: Line) -> tuple[int, int]:
        """Where the statement on ``line`` starts and ends (1-based, end exclusive)."""
        col = len(line.indent) + 1
        if line.end:
            return col, max(col + 1, line.end)
        return col, max(col + 1, len(self.src(line.lineno).rstrip()) + 1)

    def src(self, number: int) -> str:
        """Line ``number`` (1-based) as written, a CR before its line feed included."""
        return self.text_lines.raw(number) if number <= len(self.text_lines) else ""

    def line_span(self, line: Line) -> Span:
        col, end = self.line_columns(line)
        return _span(self.filename, line.lineno, col, line.lineno, end)

    def tok_span(self, line: Line, tok: Token) -> Span:
        col = tok.column or 1
        return _span(self.filename, line.lineno, col, line.lineno, col + len(tok))

    def err(self, code, message, span, hint=None, **args):
        """An error; ``message`` and ``hint`` are templates with ``{name}`` fields from ``args``."""
        self.diagnostics.append(error(code, message, span, hint, **args))

    # -- the walk -----------------------------------------------------------

    def run(self, lines) -> ArgumentMap:
        stack: list[_Node] = []
        for line in lines:
            if line.kind == "comment":
                self.out.append(Comment(line.parts[1], span=self.line_span(line)))
                continue
            if not line.indent:
                if self.open_claims:
                    self.close_claims()
                node = self.top(line)
                stack = [node]
                continue
            indent = line.indent
            while stack and not (indent.startswith(stack[-1].indent) and len(indent) > len(stack[-1].indent)):
                stack.pop()
            if not stack:
                self.err(
                    "E104",
                    "this line is indented, but there is no statement above it to belong to",
                    self.line_span(line),
                    "remove the indentation",
                )
                continue
            parent = stack[-1]
            realigned = False
            if _too_deep(parent, line.kind):
                realigned = self.realign(stack, line)
                parent = stack[-1]
            if line.kind == "broken" and parent.kind == "argument":
                parent.builder.broken = True
            if parent.kind == "broken" or line.kind == "broken":
                # Under a line that did not parse: already reported, nothing to attach to.
                stack.append(_Node("broken", line))
                continue
            if line.kind == "item" and parent.kind == "claim" and parent.depth > 0 and not realigned:
                # Reported, then read as written, so that its claim exists
                # and nothing under it is reported a second time.
                self.check_step(stack, line)
            if parent.child_indent is None:
                parent.child_indent = indent
            elif parent.child_indent != indent and indent not in parent.aliases:
                if "\t" in indent or "\t" in parent.child_indent:
                    message = N_("inconsistent indentation: this line is indented {this}, the lines beside it {beside}")
                elif len(parent.child_indent) == 1:
                    message = N_("inconsistent indentation: this line is indented by {actual}, the lines beside it by 1 space")
                else:
                    message = N_(
                        "inconsistent indentation: this line is indented by {actual}, the lines beside it by {expected} spaces"
                    )
                self.indent_error(
                    "E103", message, parent, line, this=_describe(indent), beside=_describe(parent.child_indent)
                )
            node = self.inner(parent, line)
            if node is not None:
                stack.append(node)
        return self.finish()

    def realign(self, stack: list[_Node], line: Line) -> bool:
        """A line indented deeper than its siblings, so that it landed under a
        line that cannot hold it (``premise`` under a premise, ``quote:``
        under ``source:``): when a line above can hold it, report how far to
        indent it (once for every line indented alike) and read it there.
        Returns whether the line was moved; ``stack`` is cut back to its new parent."""
        indent = line.indent
        for i in range(len(stack) - 2, -1, -1):
            node = stack[i]
            if node.kind == "broken":
                return False
            if not _accepts(node, line.kind) or node.child_indent is None:
                continue
            if not (indent.startswith(node.child_indent) and len(indent) > len(node.child_indent)):
                return False
            del stack[i + 1 :]
            if indent not in node.aliases:
                self.indent_error(
                    "E124", N_("this line is indented deeper than the lines beside it under `{head}`"), node, line
                )
            return True
        return False

    def indent_error(self, code: str, message: str, parent: _Node, line: Line, **fields) -> None:
        """Report ``line``, indented unlike the lines under ``parent``, with how far to indent it;
        lines after it indented alike are read as its siblings, without another report."""
        if parent.aliases is _NO_ALIASES:
            parent.aliases = set()
        parent.aliases.add(line.indent)
        hint, args = _indent_hint(parent.child_indent, line.indent, self.src(parent.line.lineno))
        self.diagnostics.append(error(code, message, self.line_span(line), hint, **args, **fields))

    def check_step(self, stack: list[_Node], line: Line) -> None:
        """E118 when an outline item under an item is not indented one step
        (the outline's first indentation) further than that item.

        One space more or less would otherwise silently move the item under
        another claim: three spaces under an item at two is a reason for that
        item, where a reason for the claim above it was most likely meant.
        """
        top = stack[0]
        if top.kind != "claim" or top.child_indent is None or top.indent:
            return
        step = len(top.child_indent)
        parent = stack[-1]
        if len(line.indent) == len(parent.indent) + step:
            return
        role = _ROLES.get(str(line.parts[0]), _ROLES[""])
        places = [
            phrase(role, indent=_describe(node.indent + top.child_indent), id=node.claim)
            for node in stack
            if node.kind == "claim" and node.claim is not None
        ]
        self.err(
            "E118",
            "this outline item is indented {this}, but the outline above is indented in steps of {step}",
            self.line_span(line),
            phrase("indent it by {places}", places=joined(", or by ", list(reversed(places)))) if places else None,
            this=_describe(line.indent),
            step=_describe(top.child_indent),
        )

    def close_claims(self) -> None:
        out = self.out
        for i in self.open_claims:
            out[i] = self.claim(out[i])
        self.open_claims.clear()

    def add_claim(self, builder: _ClaimBuilder) -> None:
        self.open_claims.append(len(self.out))
        self.out.append(builder)

    def top(self, line: Line) -> _Node:
        kind, parts = line.kind, line.parts
        if kind in ("claim", "implicit"):
            token, text, _ = parts
            start = token.column or 1
            end = start + len(token)
            ident = self.ident(token)
            if "#" in text:  # the text is all of the line after the colon
                self.comment_in_text(line, ident, end)
            columns = self.line_columns(line) + (start, end)
            builder = _ClaimBuilder(ident, text, kind == "implicit", self.filename, line.lineno, columns)
            self.add_claim(builder)
            return _Node("claim", line, builder, claim=ident)
        if kind == "relation":
            index = self.relation(line)
            # The relation's attributes, if any follow, replace it in `out` by a builder.
            return _Node("relation", line, index) if index is not None else _Node("broken", line)
        span = self.line_span(line)
        if kind == "source":
            ident, string = parts
            title = _unescape(str(string)[1:-1])
            builder = _SourceBuilder(str(ident), title, span, self.tok_span(line, ident))
            self.out.append(builder)
            return _Node("source", line, builder)
        if kind in ("group", "argument"):
            ident, text, _ = parts
            builder = _AttributedBuilder(str(ident), text, span, self.tok_span(line, ident))
            self.out.append((kind, builder))
            return _Node(kind, line, builder)
        if kind == "position":
            ident, stances = parts
            builder = _PositionBuilder(str(ident), span, self.tok_span(line, ident))
            for stance in stances:
                self.stance(builder, stance, line)
            self.out.append(builder)
            return _Node("position", line, builder)
        if kind == "broken":
            return _Node("broken", line)
        if kind == "meta":
            key, text, _ = parts
            builder = _TextBuilder(text)
            if line.sub in self.meta:
                self.err("E114", "`{key}` is given twice", span, "keep one of them", key=line.sub)
            else:
                self.meta[line.sub] = (builder, span)
            return _Node("text", line, builder)
        # An indented kind at the left margin cannot happen: the grammar
        # only allows them after an indented line break.
        raise AssertionError(kind)  # pragma: no cover

    def statements(self, lineno: int, rows: list[tuple[str, ...]]) -> None:
        """The items of a run of claim and relation lines that no other line
        adds to, from line ``lineno`` on, read by
        :func:`~argmap.syntax.shapes.scan_lines` (one row a line): written the
        plain way, so their spans are packed as ``-lineno`` and nothing is to be
        reported. (They need no nodes: the next line, at the left margin,
        starts a new stack.)

        Their ids are not interned (:meth:`ident`): on a map of a million
        claims, looking each of three million ids up among a million costs
        about 3.5 s, each look-up a few misses of the processor's caches, for
        150 MB of memory saved (docs/performance.md, "Scale")."""
        if self.open_claims:
            self.close_claims()
        filename, append = self.filename, self.out.append
        lineno = -lineno
        for ident, text, block_id, block_text, block, indent, name, premise, keyword, target, _ in rows:
            if ident:
                append(_written_claim(ident, text, filename, lineno))
            elif premise:
                name = name or None
                if keyword == "supports":
                    append(_written_support((premise,), target, name, filename, lineno))
                elif keyword == "rebuts":
                    append(_written_rebuttal((premise,), target, name, filename, lineno))
                elif keyword == "contradicts":
                    append(_written_contradiction(premise, target, name, filename, lineno))
                else:
                    append(_written_undercut((premise,), target, name, filename, lineno))
            else:
                append(self.claim(self.attributed_claim(-lineno, block_id, block_text, block, indent)))
                lineno -= block.count("\n") + 1
            lineno -= 1

    def attributed_claim(self, lineno: int, ident: str, text: str, block: str, indent: str) -> _ClaimBuilder:
        """The builder of a claim written the plain way on line ``lineno`` with
        ``key: value`` lines under it (``block``, each line indented by
        ``indent``), as the line records of these lines would make it."""
        end = len(ident) + 7  # `claim ` before the id
        b = _ClaimBuilder(self.ident(ident), text, False, self.filename, lineno, (1, end + 2 + len(text), 7, end))
        start, filename = len(indent) + 1, self.filename
        for line in block.split("\n"):
            lineno += 1
            key, value = line[start - 1 :].split(": ", 1)
            b.attrs.append(
                (
                    key,
                    _TextBuilder(value),
                    _span(filename, lineno, start, lineno, len(line) + 1),
                    _span(filename, lineno, start, lineno, start + len(key)),
                )
            )
        return b

    def relation(self, line: Line) -> int | None:
        """Read a relation's line; returns its index in ``out`` (None when it was refused)."""
        premises, target, keyword = line.parts[:3]
        name = line.parts[3] if len(line.parts) > 3 else None
        columns = list(self.line_columns(line))
        for t in premises:
            columns += (t.column, t.column + len(t))
        columns += (target.column, target.column + len(target))
        ids = tuple([self.ident(t) for t in premises])
        kind = line.sub
        if name is not None:
            columns += (name.column, name.column + len(name))
            name = self.ident(name)
        packed = pack_spans(line.lineno, columns)
        span = refs = None
        if packed is None:
            span = _span(self.filename, line.lineno, columns[0], line.lineno, columns[1])
            refs = [self.tok_span(line, t) for t in premises] + [self.tok_span(line, target)]
            if name is not None:
                refs.append(self.tok_span(line, line.parts[3]))
            refs = tuple(refs)
        else:
            packed = (self.filename, packed)
        target = self.ident(target)
        if kind == "support":
            item = _make_support(ids, target, name=name, span=span, ref_spans=refs, packed=packed)
        elif kind == "rebuttal":
            item = _make_rebuttal(ids, target, name=name, span=span, ref_spans=refs, packed=packed)
        elif kind == "undercut":
            item = _make_undercut(ids, target, name=name, span=span, ref_spans=refs, packed=packed)
        elif len(ids) == 1:
            item = _make_contradiction(ids[0], target, name=name, span=span, ref_spans=refs, packed=packed)
        else:
            span = span or _span(self.filename, line.lineno, columns[0], line.lineno, columns[1])
            self.err(
                "E107",
                "a contradiction is between two claims; linked claims (`a + b`) cannot contradict one",
                span,
                "to say that {ids} together speak against `{target}`, write `{linked} rebuts {target}`",
                ids=", ".join(f"`{i}`" for i in ids),
                target=target,
                linked=" + ".join(ids),
            )
            return None
        self.out.append(item)
        return len(self.out) - 1

    def stance(self, builder: _PositionBuilder, stance: Line, line: Line) -> None:
        ids = [(str(t), self.tok_span(line, t)) for t in stance.parts[1]]
        (builder.accepts if stance.sub == "accepts" else builder.rejects).extend(ids)

    def inner(self, parent: _Node, line: Line) -> _Node | None:
        kind, span = line.kind, self.line_span(line)
        pk = parent.kind
        # A claim defined here: by a `claim` line, an outline item or an argument's step line.
        defines = type(parent.builder) is _ClaimBuilder
        if kind == "continuation":
            if defines:
                self.comment_in_text(line, parent.builder.id, 1)
            if defines or pk in ("text", "attribute", "group", "argument"):
                parent.builder.parts.append(line.parts[1])
                return None
            self.misplaced(line, span, "a `|` line continues the text of the claim above it")
            return None
        if kind == "attribute":
            key, text, _ = line.parts
            value = _TextBuilder(text)
            attribute = (key, value, span, self.tok_span(line, key))
            if defines or pk in ("source", "argument", "group"):
                parent.builder.attrs.append(attribute)
                return _Node("attribute", line, value)
            if pk == "relation":
                builder = self.relation_builder(parent)
                if builder is None:
                    self.err(
                        "E108",
                        "only a named relation can have attributes (`{key}:`)",
                        span,
                        "name the relation: `name: {relation}`",
                        key=key,
                        relation=self.src(parent.line.lineno).strip(),
                    )
                    return None
                builder.attrs.append(attribute)
                return _Node("attribute", line, value)
            if pk in ("claim", "step"):
                self.misplaced(
                    line, span, "attributes belong under the line where claim `{id}` is defined", id=parent.claim
                )
                return None
            self.misplaced(
                line, span, "`key: value` attributes belong under a claim, a source, an argument or a named relation"
            )
            return None
        if kind == "step":
            if pk == "argument":
                return self.step(parent, line, span)
            self.misplaced(line, span, "`premise` and `conclusion` lines belong under an `argument` line")
            return None
        if kind == "stance":
            if pk == "position":
                self.stance(parent.builder, line, line)
                return None
            self.misplaced(line, span, "`accepts` and `rejects` lines belong under a `position` line")
            return None
        if kind == "item":
            if pk == "claim":
                return self.item(parent, line, span)
            if pk == "step":
                self.misplaced(
                    line,
                    span,
                    "an argument's premises and conclusions take no outline items; write the relation"
                    " on a line of its own (`x supports {id}`, `x rebuts {id}`)",
                    id=parent.claim,
                )
                return None
            self.misplaced(line, span, "an outline item (`+`, `-`, `~`) belongs under a claim or another item")
            return None
        raise AssertionError(kind)  # pragma: no cover

    def relation_builder(self, node: _Node) -> _AttributedBuilder | None:
        """The builder collecting the attributes of the relation read at ``node`` (None when it has no name)."""
        if type(node.builder) is _AttributedBuilder:
            return node.builder
        entry = self.out[node.builder]
        if entry.name is None:
            return None
        builder = _AttributedBuilder(entry.name, "", entry.span, None, entry)
        self.out[node.builder] = node.builder = builder
        return builder

    def step(self, parent: _Node, line: Line, span: Span) -> _Node:
        keyword, form, ident, text = line.parts
        id_span = self.tok_span(line, ident)
        builder = None
        if form != "ref":
            self.comment_in_text(line, str(ident), id_span.end_column)
            argument = parent.builder.id
            builder = _ClaimBuilder.at(self.ident(ident), text, form == "implicit", span, id_span, argument=argument)
            self.add_claim(builder)
        parent.builder.steps.append((str(keyword), str(ident), id_span, span))
        return _Node("step", line, builder, claim=str(ident), id_span=id_span)

    def comment_in_text(self, line: Line, claim: str, after: int) -> None:
        """W125 when a claim's text on this line holds `` # ``: written as a
        comment, but a `#` after text is part of the text (the language keeps
        it so, since texts may contain `#`)."""
        src = self.src(line.lineno)
        if "#" not in src:
            return
        start = src.find("|" if line.kind == "continuation" else ":", after - 1)
        found = _COMMENT_IN_TEXT.search(src, start + 1) if start >= 0 else None
        if found is None:
            return
        col = found.start() + 1
        comment = src[found.start() :].rstrip()
        self.diagnostics.append(
            warning(
                "W125",
                "`{comment}` is part of the text of claim `{id}`: after text, `#` does not start a comment",
                Span(self.filename, line.lineno, col, line.lineno, col + len(comment)),
                "put the comment on a line of its own, above the claim",
                comment=comment if len(comment) <= 40 else comment[:39] + "…",
                id=claim,
            )
        )

    def misplaced(self, line: Line, span: Span, hint: str, **args) -> None:
        self.err("E104", "this indented line does not fit under the line it is indented under", span, hint, **args)

    def item(self, parent: _Node, line: Line, span: Span) -> _Node | None:
        sign, label, target = line.parts
        sign = str(sign)
        if target[0] == "ref":
            toks = target[1]
            builder = None
        else:
            _, ident, text, _ = target
            toks = (ident,)
            self.comment_in_text(line, str(ident), self.tok_span(line, ident).end_column)
            builder = _ClaimBuilder.at(
                self.ident(ident), text, target[0] == "implicit", span, self.tok_span(line, ident), parent.depth + 1
            )
            self.add_claim(builder)
        depth = parent.depth + 1
        ids = tuple(str(t) for t in toks)
        spans = [self.tok_span(line, t) for t in toks]
        name = str(label) if label is not None else None
        node = _Node(
            "claim",
            line,
            builder,
            claim=ids[0] if len(ids) == 1 else None,
            sign=sign,
            label=name,
            id_span=spans[0] if len(spans) == 1 else None,
            depth=depth,
        )
        name_spans = [self.tok_span(line, label)] if label is not None else []
        if sign == "~":
            if parent.sign is None:
                self.err(
                    "E109",
                    "`~` undercuts the relation of the item above it, but the line above is a claim, not an item",
                    span,
                    "put the `~` line under a `+ (name) ...` or `- (name) ...` item, or write `x undercuts name`",
                )
            elif parent.label is None:
                message, hint = _UNNAMED[parent.sign]
                self.err("E109", message, span, hint, item=f"{parent.sign} (name) " + " + ".join(_item_ids(parent.line)))
            else:
                refs = spans + [span] + name_spans
                self.out.append(Undercut(ids, parent.label, name=name, span=span, ref_spans=refs, outline=depth))
            return node
        if parent.claim is None:
            self.err(
                "E106",
                "a linked reason has no single claim to support or attack",
                span,
                "put this line under one of the linked claims, defined on its own line",
            )
            return node
        target_spans = spans + [parent.id_span or parent.builder and parent.builder.id_span or span] + name_spans
        kind = Support if sign == "+" else Rebuttal
        self.out.append(kind(ids, parent.claim, name=name, span=span, ref_spans=target_spans, outline=depth))
        return node

    # -- building the model ---------------------------------------------------

    def finish(self) -> ArgumentMap:
        if self.open_claims:
            self.close_claims()
        # What only reading needed goes before the map makes its indexes (on a
        # map of a million claims, each of these holds millions of entries).
        self.ids.clear()
        out, self.out = self.out, []
        # Most entries are items already: the builders among them are found a list at a time (in C).
        unmade = list(compress(count(), map(not_, map(_MADE.__contains__, map(type, out)))))
        for i in unmade:
            out[i] = self.built(out[i])
        items = tuple(out) if None not in map(out.__getitem__, unmade) else tuple(e for e in out if e is not None)
        del out
        meta = {k: normalize(" ".join(b.parts)) or None for k, (b, _) in self.meta.items()}
        return ArgumentMap(
            items,
            title=meta.get("title"),
            lang=meta.get("lang"),
            question=meta.get("question"),
            path=self.filename,
        )

    def built(self, entry):
        """The item of a builder of ``out`` (None for a group or an argument that was refused)."""
        if isinstance(entry, _ClaimBuilder):
            return self.claim(entry)
        if isinstance(entry, _SourceBuilder):
            return self.source(entry)
        if isinstance(entry, _PositionBuilder):
            return Position(
                entry.id,
                [i for i, _ in entry.accepts],
                [i for i, _ in entry.rejects],
                span=entry.span,
                ref_spans=[entry.id_span] + [s for _, s in entry.accepts + entry.rejects],
            )
        if type(entry) is tuple:
            kind, builder = entry
            return self.group(builder) if kind == "group" else self.argument(builder)
        if type(entry) is _AttributedBuilder:
            return self.named_relation(entry)
        return entry

    def attributes(self, attrs, known):
        seen: dict[str, Span] = {}
        values = {}
        extra = []
        for key_tok, value_builder, span, key_span in attrs:
            key = str(key_tok)
            value = normalize(" ".join(value_builder.parts))
            if key in seen:
                self.err("E113", "attribute `{key}` is given twice", key_span, "keep one of them", key=key)
                continue
            seen[key] = key_span
            if key in known:
                values[key] = (value, span, key_span)
            else:
                guess = suggest(key, known) or _key_meant(key, known)
                if guess:
                    self.diagnostics.append(
                        warning(
                            "W112",
                            "unknown attribute `{key}`; it is kept but has no effect",
                            key_span,
                            "did you mean `{guess}`?",
                            key=key,
                            guess=guess,
                        )
                    )
                extra.append(Attribute(key, value, span=span))
        return values, extra

    def fixed_attributes(self, attrs, known: tuple[str, ...], what: str) -> dict:
        """The attributes of an item that keeps no others (an argument, a relation,
        a group): an unknown key is an error, as its value would be lost."""
        seen: set[str] = set()
        values = {}
        for key_tok, value_builder, span, key_span in attrs:
            key = str(key_tok)
            if key in seen:
                self.err("E113", "attribute `{key}` is given twice", key_span, "keep one of them", key=key)
                continue
            seen.add(key)
            if key in known:
                values[key] = (normalize(" ".join(value_builder.parts)), span, key_span)
                continue
            guess = suggest(key, known)
            if key_tok.type in ("PREMISE", "CONCLUSION"):
                hint = N_("a {key} needs an id: `{key} ID: text`, or `{key} ID` for a claim written elsewhere")
            elif key in CLAIM_ATTRIBUTES and what == "argument":
                hint = N_("`{key}:` belongs to a claim: indent it under the premise or conclusion it is about")
            else:
                hint = N_("did you mean `{guess}`?") if guess else N_("use one of: {known}")
            self.err(*_NO_ATTRIBUTE[what], key_span, hint, key=key, guess=guess or "", known=", ".join(known))
        return values

    def shared_fields(self, values: dict) -> dict:
        """``tags``, ``note`` and ``group``, as claims, arguments and relations take them."""
        fields: dict = {}
        if "tags" in values:
            fields["tags"] = tuple(t.strip() for t in values["tags"][0].split(",") if t.strip())
        if "group" in values:
            value, span, key_span = values["group"]
            if self.is_id("group", value, span, key_span):
                fields["group"] = value
        if "note" in values:
            fields["note"] = values["note"][0] or None
        return fields

    def reserved(self, ident: str, span: Span, what: str) -> None:
        if ident in RESERVED_WORDS:
            message, hint = _RESERVED[what]
            self.err("E116", message, span, hint, id=ident)

    def group(self, b: _AttributedBuilder) -> Group:
        values = self.fixed_attributes(b.attrs, ("group",), "group")
        parent = None
        ref_spans = [b.id_span]
        if "group" in values:
            value, span, key_span = values["group"]
            if self.is_id("group", value, span, key_span):
                parent = value
                ref_spans.append(_value_span(span, key_span, value))
        return Group(b.id, normalize(" ".join(b.parts)), parent=parent, span=b.span, ref_spans=ref_spans)

    def named_relation(self, b: _AttributedBuilder):
        fields = self.shared_fields(self.fixed_attributes(b.attrs, RELATION_ATTRIBUTES, "relation"))
        return attrs.evolve(b.item, **fields)

    def argument(self, b: _AttributedBuilder) -> Argument | None:
        values = self.fixed_attributes(b.attrs, ARGUMENT_ATTRIBUTES, "argument")
        title = normalize(" ".join(b.parts))
        self.reserved(b.id, b.id_span, "argument")
        if not title:
            self.err("E120", "argument `{id}` has no title", b.span, "write `argument {id}: a short title`", id=b.id)
        steps: list[Step] = []
        listed: list[tuple[str, Span, Span]] = []  # premises since the last conclusion
        for keyword, ident, id_span, span in b.steps:
            if keyword == "premise":
                listed.append((ident, id_span, span))
                continue
            if not steps and not listed:
                if b.broken:  # the line that did not parse is reported; it may have been the premise
                    return None
                self.err(
                    "E121",
                    "the first conclusion of argument `{id}` follows from no premise",
                    span,
                    "list the premises it follows from above it: `premise ID: text`",
                    id=b.id,
                )
                return None
            premises = [p for p, _, _ in listed]
            steps.append(Step(premises, ident, span=span, ref_spans=[s for _, s, _ in listed] + [id_span]))
            listed = []
        if not steps:
            if b.broken:
                return None
            self.err(
                "E121",
                "argument `{id}` has no conclusion",
                b.span,
                "end it with the conclusion its premises lead to: `conclusion ID: text`",
                id=b.id,
            )
            return None
        if listed and not b.broken:
            self.err(
                "E121",
                "the last premises of argument `{id}` lead to no conclusion",
                listed[0][2],
                "end the argument with the conclusion they lead to (`conclusion ID: text`),"
                " or move them above a conclusion",
                id=b.id,
            )
        fields = self.shared_fields(values)
        for key in ("gist", "inference"):
            if key in values:
                fields[key] = values[key][0] or None
        return Argument(b.id, title, steps=steps, span=b.span, ref_spans=[b.id_span], **fields)

    def claim(self, b: _ClaimBuilder) -> Claim:
        if not b.attrs:
            return self.plain_claim(b)
        values, extra = self.attributes(b.attrs, CLAIM_ATTRIBUTES)
        text = self.claim_text(b)
        fields: dict = {}
        ref_spans = [b.id_span]
        if "source" in values:
            value, span, key_span = values["source"]
            if self.is_id("source", value, span, key_span):
                fields["source"] = value
                ref_spans.append(_value_span(span, key_span, value))
        if "basis" in values:
            value, span, key_span = values["basis"]
            basis = Basis.lookup(value)
            if basis is None:
                names = [x.value for x in Basis]
                guess = suggest(value, names)
                self.err(
                    "E110",
                    "unknown basis `{value}`",
                    _value_span(span, key_span, value),
                    N_("did you mean `{guess}`? (German words such as Statistik, Studie, Beispiel work too)")
                    if guess
                    else N_("use one of: {names} (German words such as Statistik, Studie, Beispiel work too)"),
                    value=value,
                    guess=guess or "",
                    names=", ".join(names),
                )
            fields["basis"] = basis
        if "quote" in values:
            fields["quote"] = _blank_is_none(unquote(values["quote"][0]))
            fields["quote_span"] = values["quote"][1]
        if "weight" in values:
            value, span, key_span = values["weight"]
            weight = _weight(value)
            if weight is None:
                self.err(
                    "E111",
                    "a weight must be a number from 0 to 1, not `{value}`",
                    _value_span(span, key_span, value),
                    "write for example `weight: 0.7`",
                    value=value,
                )
            fields["weight"] = weight
        if values:
            fields.update(self.shared_fields(values))
            if "tags" in fields:
                fields["tags"] = _tags(fields["tags"])
            if "note" in fields:
                fields["note"] = _blank_is_none(fields["note"])
        # Every value as the class's converters would leave it, and as its
        # validators accept it (tests/test_shapes.py remakes each claim read
        # with the checking constructor): made without them.
        return _make_claim(
            b.id,
            text,
            implicit=b.implicit,
            extra=tuple(extra),
            span=b.span,
            ref_spans=tuple(ref_spans),
            outline=b.outline,
            argument=b.argument,
            **fields,
        )

    def claim_text(self, b: _ClaimBuilder) -> str:
        """The claim's text; E116 for a reserved word as its id, E115 when it has no text."""
        text = normalize(" ".join(b.parts))
        if b.id in RESERVED_WORDS:
            self.reserved(b.id, b.id_span, "claim")
        if not text:
            form = f"claim {b.id}" if b.argument is None else f"{self.step_word(b)} {b.id}"
            self.err("E115", "claim `{id}` has no text", b.span, "write `{form}: what it says`", id=b.id, form=form)
        return text

    def plain_claim(self, b: _ClaimBuilder) -> Claim:
        """A claim without attributes, its spans packed when they fit."""
        text = self.claim_text(b)
        packed = pack_spans(b.line, b.columns)
        if packed is None:
            return _make_claim(
                b.id, text, implicit=b.implicit, span=b.span, ref_spans=(b.id_span,), outline=b.outline, argument=b.argument
            )
        return _make_claim(
            b.id, text, implicit=b.implicit, outline=b.outline, argument=b.argument, packed=(self.filename, packed)
        )

    def step_word(self, b: _ClaimBuilder) -> str:
        """`premise` or `conclusion`: the word the step line defining ``b`` starts with."""
        return self.src(b.span.line).split(None, 1)[0]

    def is_id(self, key: str, value: str, span: Span, key_span: Span) -> bool:
        if _ID.match(value):
            return True
        self.err(
            "E117",
            "`{key}:` takes the id of a {key} (letters, digits and underscores), not `{value}`",
            _value_span(span, key_span, value),
            "write the id given in the `{key} ID: ...` line",
            key=key,
            value=value,
        )
        return False

    def source(self, b: _SourceBuilder) -> Source:
        values, extra = self.attributes(b.attrs, SOURCE_ATTRIBUTES)
        fields = {k: v[0] or None for k, v in values.items()}
        if fields.get("file"):
            fields["file"] = unquote(fields["file"])
        return Source(b.id, b.title, extra=extra, span=b.span, ref_spans=[b.id_span], **fields)


_SIGN_WORD = {"+": "support", "-": "rebuttal", "~": "undercut"}

#: Where an outline item would go, by its sign (E118's hint).
_ROLES = {
    "+": N_("{indent} to make it a reason for `{id}`"),
    "-": N_("{indent} to make it an objection to `{id}`"),
    "": N_("{indent} to put it under `{id}`"),
}

#: E109 for an item without a name under a `~` line: message and hint, by the item's sign.
_UNNAMED = {
    "+": (N_("to undercut a support, the support needs a name"), N_("name the support above: `{item}`")),
    "-": (N_("to undercut a rebuttal, the rebuttal needs a name"), N_("name the rebuttal above: `{item}`")),
    "~": (N_("to undercut an undercut, the undercut needs a name"), N_("name the undercut above: `{item}`")),
}

#: E119 by what has no such attribute.
_NO_ATTRIBUTE = {
    "argument": ("E119", N_("an argument has no attribute `{key}`; it is not kept")),
    "relation": ("E119", N_("a relation has no attribute `{key}`; it is not kept")),
    "group": ("E119", N_("a group has no attribute `{key}`; it is not kept")),
}

#: E116: message and hint, by what has the reserved word as its id.
_RESERVED = {
    "claim": (
        N_("`{id}` is a reserved word and cannot be the id of a claim"),
        N_("rename it, for example to `{id}_1`"),
    ),
    "argument": (
        N_("`{id}` is a reserved word and cannot be the id of an argument"),
        N_("rename it, for example to `{id}_1`"),
    ),
}


def _accepts(node: _Node, kind: str) -> bool:
    """Whether a line of ``kind`` can stand under ``node`` (as :meth:`_Assembler.inner` reads it)."""
    pk = node.kind
    if kind == "continuation":
        return type(node.builder) is _ClaimBuilder or pk in ("text", "attribute", "group", "argument")
    if kind == "attribute":
        return type(node.builder) is _ClaimBuilder or pk in ("source", "argument", "group", "relation")
    if kind == "step":
        return pk == "argument"
    if kind == "stance":
        return pk == "position"
    if kind == "item":
        return pk == "claim"
    return True


def _indent_hint(expected: str, actual: str, statement: str) -> tuple[str, dict]:
    """The hint (a template) and its fields for a line indented ``actual``
    where its siblings under ``statement`` are indented ``expected``."""
    args = {"head": _head(statement), "expected": len(expected), "actual": len(actual)}
    if ("\t" in actual) != ("\t" in expected) or ("\t" in actual and actual != expected):
        return _MIXED, args
    if "\t" in actual:  # pragma: no cover - equal tab indentation is no error
        return N_("indent lines at the same level alike"), args
    if len(expected) == 1:
        return N_("indent it by 1 space under `{head}`; this line has {actual}"), args
    return N_("indent it by {expected} spaces under `{head}`; this line has {actual}"), args


_MIXED = N_(
    "do not mix tabs and spaces: indent every line of a level with the same characters"
    " (argmap fmt uses 2 spaces a level)"
)


#: Attribute keys written in German or capitalised, by the key most likely meant.
_KEYS_MEANT = {
    "quelle": "source", "zitat": "quote", "grundlage": "basis", "beleg": "basis", "art": "kind",
    "schlagwörter": "tags", "stichwörter": "tags", "gewicht": "weight", "gruppe": "group",
    "notiz": "note", "anmerkung": "note", "bemerkung": "note", "autor": "author", "autorin": "author",
    "datum": "date", "textsorte": "kind", "datei": "file", "link": "url", "adresse": "url",
}


def _key_meant(key: str, known) -> str | None:
    """The known key a German or capitalised attribute key stands for (`Quelle` → `source`)."""
    folded = key.casefold()
    meant = folded if folded in known else _KEYS_MEANT.get(folded)
    return meant if meant in known else None


def _too_deep(parent: _Node, kind: str) -> bool:
    """Whether a line of ``kind`` under ``parent`` is most likely just indented
    too far (a step under a step, anything but a `|` line under an attribute),
    rather than written under the wrong statement."""
    if parent.kind in ("attribute", "text"):
        return kind in ("attribute", "item", "step", "stance")
    return parent.kind == "step" and kind == "step"


def _head(src: str) -> str:
    """The start of a statement's line, to name it: ``argument x:``, ``+ gap:``, ``a supports b``."""
    stripped = src.strip()
    colon = stripped.find(":")
    if colon > 0 and not _RELATION_WORD.search(stripped, colon):
        stripped = stripped[: colon + 1]
    return stripped if len(stripped) <= 40 else stripped[:39] + "…"


#: `` # `` in a claim's text: what a comment looks like (a hashtag such as `#MeToo` does not).
_COMMENT_IN_TEXT = re.compile(r"(?<=[ \t])#(?=[ \t]|$)")
_RELATION_WORD = re.compile(r"\s(supports|rebuts|contradicts|undercuts)\s")


def _item_ids(line: Line) -> list[str]:
    target = line.parts[2]
    if target[0] == "ref":
        return [str(t) for t in target[1]]
    return [str(target[1])]


def _value_span(span: Span, key_span: Span, value: str) -> Span:
    start = key_span.end_column + 2
    return _span(span.file, span.line, start, span.line, max(start + 1, start + len(value)))


def _weight(value: str) -> float | None:
    try:
        weight = float(value.replace(",", "."))
    except ValueError:
        return None
    if not 0.0 <= weight <= 1.0 or weight != weight:
        return None
    return weight


def _unescape(s: str) -> str:
    out = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s):
            out.append(s[i + 1])
            i += 2
        else:
            out.append(ch)
            i += 1
    return normalize("".join(out))


#: Entries of ``out`` that are items already.
_MADE = frozenset({Claim, Support, Rebuttal, Undercut, Contradiction, Comment})
_make_claim = unchecked(Claim)
_make_support = unchecked(Support)
_make_rebuttal = unchecked(Rebuttal)
_make_undercut = unchecked(Undercut)
_make_contradiction = unchecked(Contradiction)
_written_claim = unchecked_written(Claim)
_written_support = unchecked_written(Support)
_written_rebuttal = unchecked_written(Rebuttal)
_written_undercut = unchecked_written(Undercut)
_written_contradiction = unchecked_written(Contradiction)


def assemble(
    lines, text: str, filename: str | None, source: SourceLines | None = None
) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Nest ``lines`` (line records, any iterable) by indentation and build the
    :class:`ArgumentMap`; ``source`` is ``SourceLines(text)`` if the caller has it.

    ``lines`` may also be a function that takes the assembler's callback for
    whole statements and returns the line records (``iter_lines`` with all
    but its last argument given, see :func:`~argmap.syntax.parser.iter_lines`)."""
    a = _Assembler(text, filename, source)
    argument_map = a.run(lines(a.statements) if callable(lines) else lines)
    return argument_map, a.diagnostics
