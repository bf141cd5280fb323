"""From flat line records to the model: nesting by indentation, outlines, attributes.

Indented lines belong to the nearest less-indented line above them. The
nesting is done with an explicit stack, so an outline nested thousands of
levels deep costs no recursion.
"""

from __future__ import annotations

import re

from lark import Token

from argmap.diagnostics import Diagnostic, error, suggest, warning
from argmap.model import (
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
    Support,
    Undercut,
    normalize,
)
from argmap.syntax.lines import Line

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


def _describe(indent: str) -> str:
    """How a line is indented, in words: ``2 spaces``, ``1 tab``, ``1 tab and 2 spaces``."""
    tabs = indent.count("\t")
    spaces = len(indent) - tabs
    parts = []
    if tabs:
        parts.append(f"{tabs} tab{'s' if tabs > 1 else ''}")
    if spaces or not tabs:
        parts.append(f"{spaces} space{'s' if spaces != 1 else ''}")
    return " and ".join(parts)


def _mixed_hint(indent: str, other: str) -> str | None:
    if ("\t" in indent) != ("\t" in other) or ("\t" in indent and indent != other):
        return "do not mix tabs and spaces: indent every line of a level with the same characters (argmap fmt uses 2 spaces a level)"
    return None


class _Node:
    """An open line that later, more indented lines can belong to."""

    __slots__ = ("kind", "indent", "child_indent", "line", "builder", "claim", "sign", "label", "id_span", "depth")

    def __init__(self, kind, line, builder=None, claim=None, sign=None, label=None, id_span=None, depth=0):
        self.depth = depth  # outline depth: 0 for a top-level line
        self.kind = kind
        self.indent = line.indent
        self.child_indent = None
        self.line = line
        self.builder = builder
        self.claim = claim  # the single claim id this node stands for, if any
        self.sign = sign
        self.label = label
        self.id_span = id_span


class _ClaimBuilder:
    __slots__ = ("id", "parts", "attrs", "implicit", "span", "id_span", "outline")

    def __init__(self, ident, text, implicit, span, id_span, outline=0):
        self.outline = outline
        self.id = ident
        self.parts = [text] if text else []
        self.attrs = []  # (key token, value, span)
        self.implicit = implicit
        self.span = span
        self.id_span = id_span


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


class _Assembler:
    def __init__(self, text: str, filename: str | None):
        self.filename = filename
        self.source_lines = text.split("\n")
        self.out: list = []  # builders and finished items, in source order
        self.meta: dict[str, tuple[_TextBuilder, Span]] = {}
        self.diagnostics: list[Diagnostic] = []

    # -- spans --------------------------------------------------------------

    def line_span(self, line: Line) -> Span:
        src = self.source_lines[line.lineno - 1].rstrip("\r") if line.lineno <= len(self.source_lines) else ""
        content = src.rstrip()
        col = len(line.indent) + 1
        return Span(self.filename, line.lineno, col, line.lineno, max(col + 1, len(content) + 1))

    def tok_span(self, line: Line, tok: Token) -> Span:
        col = tok.column or 1
        return Span(self.filename, line.lineno, col, line.lineno, col + len(str(tok)))

    def err(self, code, message, span, hint=None):
        self.diagnostics.append(error(code, message, span, hint))

    # -- the walk -----------------------------------------------------------

    def run(self, lines: list[Line]) -> ArgumentMap:
        stack: list[_Node] = []
        for line in lines:
            if line.kind == "comment":
                self.out.append(Comment(line.parts[1], span=self.line_span(line)))
                continue
            if not line.indent:
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
            if parent.kind == "broken" or line.kind == "broken":
                # Under a line that did not parse: already reported, nothing to attach to.
                stack.append(_Node("broken", line))
                continue
            if line.kind == "item" and parent.kind == "claim" and parent.depth > 0:
                # Reported, then read as written, so that its claim exists
                # and nothing under it is reported a second time.
                self.check_step(stack, line)
            if parent.child_indent is None:
                parent.child_indent = indent
            elif parent.child_indent != indent:
                self.err(
                    "E103",
                    f"inconsistent indentation: this line is indented {_describe(indent)},"
                    f" the lines beside it {_describe(parent.child_indent)}",
                    self.line_span(line),
                    _mixed_hint(indent, parent.child_indent)
                    or "indent lines at the same level alike (do not mix tabs and spaces)",
                )
                continue
            node = self.inner(parent, line)
            if node is not None:
                stack.append(node)
        return self.finish()

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
        role = {"+": "to make it a reason for", "-": "to make it an objection to"}.get(str(line.parts[0]), "to put it under")
        places = [
            f"{_describe(node.indent + top.child_indent)} {role} `{node.claim}`"
            for node in stack
            if node.kind == "claim" and node.claim is not None
        ]
        self.err(
            "E118",
            f"this outline item is indented {_describe(line.indent)}, but the outline above"
            f" is indented in steps of {_describe(top.child_indent)}",
            self.line_span(line),
            "indent it by " + ", or by ".join(reversed(places)) if places else None,
        )

    def top(self, line: Line) -> _Node:
        kind, parts, span = line.kind, line.parts, self.line_span(line)
        if kind in ("claim", "implicit"):
            ident, text, _ = parts
            id_span = self.tok_span(line, ident)
            builder = _ClaimBuilder(str(ident), text, kind == "implicit", span, id_span)
            self.out.append(builder)
            return _Node("claim", line, builder, claim=str(ident), id_span=id_span)
        if kind == "source":
            ident, string = parts
            title = _unescape(str(string)[1:-1])
            builder = _SourceBuilder(str(ident), title, span, self.tok_span(line, ident))
            self.out.append(builder)
            return _Node("source", line, builder)
        if kind == "group":
            ident, text, _ = parts
            builder = _TextBuilder(text)
            self.out.append(("group", str(ident), builder, span, self.tok_span(line, ident)))
            return _Node("text", line, builder)
        if kind == "relation":
            self.relation(line, span)
            return _Node("leaf", line)
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
                self.err("E114", f"`{line.sub}` is given twice", span, "keep one of them")
            else:
                self.meta[line.sub] = (builder, span)
            return _Node("text", line, builder)
        # An indented kind at the left margin cannot happen: the grammar
        # only allows them after an indented line break.
        raise AssertionError(kind)  # pragma: no cover

    def relation(self, line: Line, span: Span) -> None:
        premises, target, keyword = line.parts[:3]
        name = line.parts[3] if len(line.parts) > 3 else None
        spans = [self.tok_span(line, t) for t in premises] + [self.tok_span(line, target)]
        ids = tuple(str(t) for t in premises)
        kind = line.sub
        if name is not None:
            spans.append(self.tok_span(line, name))
            if kind != "support":
                self.err(
                    "E108",
                    f"only a support can be named; this is a {_KIND_WORD[kind]}",
                    self.tok_span(line, name),
                    f"remove `{name}:` from the start of the line",
                )
                name = None
        if kind != "support" and len(ids) != 1:  # pragma: no cover - the grammar allows `+` only before supports
            return
        if kind == "support":
            item = Support(ids, str(target), name=str(name) if name else None, span=span, ref_spans=spans)
        elif kind == "rebuttal":
            item = Rebuttal(ids[0], str(target), span=span, ref_spans=spans)
        elif kind == "contradiction":
            item = Contradiction(ids[0], str(target), span=span, ref_spans=spans)
        else:
            item = Undercut(ids[0], str(target), span=span, ref_spans=spans)
        self.out.append(item)

    def stance(self, builder: _PositionBuilder, stance: Line, line: Line) -> None:
        ids = [(str(t), self.tok_span(line, t)) for t in stance.parts[1]]
        (builder.accepts if stance.sub == "accepts" else builder.rejects).extend(ids)

    def inner(self, parent: _Node, line: Line) -> _Node | None:
        kind, span = line.kind, self.line_span(line)
        pk = parent.kind
        if kind == "continuation":
            if pk == "claim" and isinstance(parent.builder, _ClaimBuilder):
                parent.builder.parts.append(line.parts[1])
                return None
            if pk in ("text", "attribute"):
                parent.builder.parts.append(line.parts[1])
                return None
            self.misplaced(line, span, "a `|` line continues the text of the claim above it")
            return None
        if kind == "attribute":
            key, text, _ = line.parts
            if pk == "claim" and isinstance(parent.builder, _ClaimBuilder) or pk == "source":
                value = _TextBuilder(text)
                parent.builder.attrs.append((key, value, span, self.tok_span(line, key)))
                return _Node("attribute", line, value)
            if pk == "claim":
                self.misplaced(
                    line, span, f"attributes belong under the line where claim `{parent.claim}` is defined"
                )
                return None
            self.misplaced(line, span, "`key: value` attributes belong under a claim or a source")
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
            self.misplaced(line, span, "an outline item (`+`, `-`, `~`) belongs under a claim or another item")
            return None
        raise AssertionError(kind)  # pragma: no cover

    def misplaced(self, line: Line, span: Span, hint: str) -> None:
        self.err("E104", "this indented line does not fit under the line it is indented under", span, hint)

    def item(self, parent: _Node, line: Line, span: Span) -> _Node | None:
        sign, label, target = line.parts
        sign = str(sign)
        if target[0] == "ref":
            toks = target[1]
            builder = None
        else:
            _, ident, text, _ = target
            toks = (ident,)
            builder = _ClaimBuilder(
                str(ident), text, target[0] == "implicit", span, self.tok_span(line, ident), parent.depth + 1
            )
            self.out.append(builder)
        depth = parent.depth + 1
        ids = tuple(str(t) for t in toks)
        spans = [self.tok_span(line, t) for t in toks]
        node = _Node(
            "claim",
            line,
            builder,
            claim=ids[0] if len(ids) == 1 else None,
            sign=sign,
            label=str(label) if label is not None else None,
            id_span=spans[0] if len(spans) == 1 else None,
            depth=depth,
        )
        if sign in "-~" and len(ids) > 1:
            self.err(
                "E107",
                "linked premises (`a + b`) can only support a claim; an objection is a single claim",
                span,
                f"write one `{sign}` line per claim",
            )
            return node
        if sign == "~":
            if parent.sign != "+":
                self.err(
                    "E109",
                    "`~` undercuts the support above it, but the line above is not a `+` item",
                    span,
                    "put the `~` line under a `+ (name) ...` item",
                )
            elif parent.label is None:
                self.err(
                    "E109",
                    "to undercut a support, the support needs a name",
                    span,
                    "name the support above: `+ (name) " + " + ".join(_item_ids(parent.line)) + "`",
                )
            else:
                self.out.append(
                    Undercut(ids[0], parent.label, span=span, ref_spans=spans + [span], outline=depth)
                )
            if label is not None:
                self.label_error(line, label, "an undercut")
            return node
        if parent.claim is None:
            self.err(
                "E106",
                "a linked reason has no single claim to support or attack",
                span,
                "put this line under one of the linked claims, defined on its own line",
            )
            return node
        target_spans = spans + [parent.id_span or parent.builder and parent.builder.id_span or span]
        if sign == "+":
            name = str(label) if label is not None else None
            if name is not None:
                target_spans.append(self.tok_span(line, label))
            self.out.append(
                Support(ids, parent.claim, name=name, span=span, ref_spans=target_spans, outline=depth)
            )
        else:
            self.out.append(Rebuttal(ids[0], parent.claim, span=span, ref_spans=target_spans, outline=depth))
            if label is not None:
                self.label_error(line, label, "a rebuttal")
        return node

    def label_error(self, line, label, what):
        self.err(
            "E108",
            f"only a support can be named; this is {what}",
            self.tok_span(line, label),
            f"remove `({label})`",
        )

    # -- building the model ---------------------------------------------------

    def finish(self) -> ArgumentMap:
        items = []
        for entry in self.out:
            if isinstance(entry, _ClaimBuilder):
                items.append(self.claim(entry))
            elif isinstance(entry, _SourceBuilder):
                items.append(self.source(entry))
            elif isinstance(entry, _PositionBuilder):
                items.append(
                    Position(
                        entry.id,
                        [i for i, _ in entry.accepts],
                        [i for i, _ in entry.rejects],
                        span=entry.span,
                        ref_spans=[entry.id_span] + [s for _, s in entry.accepts + entry.rejects],
                    )
                )
            elif isinstance(entry, tuple):
                _, ident, builder, span, id_span = entry
                items.append(Group(ident, normalize(" ".join(builder.parts)), span=span, ref_spans=[id_span]))
            else:
                items.append(entry)
        meta = {k: normalize(" ".join(b.parts)) or None for k, (b, _) in self.meta.items()}
        return ArgumentMap(
            items,
            title=meta.get("title"),
            lang=meta.get("lang"),
            question=meta.get("question"),
            path=self.filename,
        )

    def attributes(self, attrs, known):
        seen: dict[str, Span] = {}
        values = {}
        extra = []
        for key_tok, value_builder, span, key_span in attrs:
            key = str(key_tok)
            value = normalize(" ".join(value_builder.parts))
            if key in seen:
                self.err("E113", f"attribute `{key}` is given twice", key_span, "keep one of them")
                continue
            seen[key] = key_span
            if key in known:
                values[key] = (value, span, key_span)
            else:
                guess = suggest(key, known)
                if guess:
                    self.diagnostics.append(
                        warning(
                            "W112",
                            f"unknown attribute `{key}`; it is kept but has no effect",
                            key_span,
                            f"did you mean `{guess}`?",
                        )
                    )
                extra.append(Attribute(key, value, span=span))
        return values, extra

    def claim(self, b: _ClaimBuilder) -> Claim:
        values, extra = self.attributes(b.attrs, CLAIM_ATTRIBUTES)
        text = normalize(" ".join(b.parts))
        if b.id in RESERVED_WORDS:
            self.err(
                "E116",
                f"`{b.id}` is a reserved word and cannot be the id of a claim",
                b.id_span,
                f"rename it, for example to `{b.id}_1`",
            )
        if not text:
            self.err("E115", f"claim `{b.id}` has no text", b.span, f"write `claim {b.id}: what it says`")
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
                    f"unknown basis `{value}`",
                    _value_span(span, key_span, value),
                    (f"did you mean `{guess}`?" if guess else "use one of: " + ", ".join(names))
                    + " (German words such as Statistik, Studie, Beispiel work too)",
                )
            fields["basis"] = basis
        if "quote" in values:
            fields["quote"] = unquote(values["quote"][0]) or None
            fields["quote_span"] = values["quote"][1]
        if "tags" in values:
            fields["tags"] = tuple(t.strip() for t in values["tags"][0].split(",") if t.strip())
        if "weight" in values:
            value, span, key_span = values["weight"]
            weight = _weight(value)
            if weight is None:
                self.err(
                    "E111",
                    f"a weight must be a number from 0 to 1, not `{value}`",
                    _value_span(span, key_span, value),
                    "write for example `weight: 0.7`",
                )
            fields["weight"] = weight
        if "group" in values:
            value, span, key_span = values["group"]
            if self.is_id("group", value, span, key_span):
                fields["group"] = value
        if "note" in values:
            fields["note"] = values["note"][0] or None
        return Claim(
            b.id,
            text,
            implicit=b.implicit,
            extra=extra,
            span=b.span,
            ref_spans=ref_spans,
            outline=b.outline,
            **fields,
        )

    def is_id(self, key: str, value: str, span: Span, key_span: Span) -> bool:
        if _ID.match(value):
            return True
        self.err(
            "E117",
            f"`{key}:` takes the id of a {key} (letters, digits and underscores), not `{value}`",
            _value_span(span, key_span, value),
            f"write the id given in the `{key} ID: ...` line",
        )
        return False

    def source(self, b: _SourceBuilder) -> Source:
        values, extra = self.attributes(b.attrs, SOURCE_ATTRIBUTES)
        fields = {k: v[0] or None for k, v in values.items()}
        if fields.get("file"):
            fields["file"] = unquote(fields["file"])
        return Source(b.id, b.title, extra=extra, span=b.span, ref_spans=[b.id_span], **fields)


_KIND_WORD = {"support": "support", "rebuttal": "rebuttal", "contradiction": "contradiction", "undercut": "undercut"}


def _item_ids(line: Line) -> list[str]:
    target = line.parts[2]
    if target[0] == "ref":
        return [str(t) for t in target[1]]
    return [str(target[1])]


def _value_span(span: Span, key_span: Span, value: str) -> Span:
    start = key_span.end_column + 2
    return Span(span.file, span.line, start, span.line, max(start + 1, start + len(value)))


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


def assemble(lines: list[Line], text: str, filename: str | None) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Nest ``lines`` by indentation and build the :class:`ArgumentMap`."""
    a = _Assembler(text, filename)
    argument_map = a.run(lines)
    return argument_map, a.diagnostics
