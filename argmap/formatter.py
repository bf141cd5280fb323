"""Writing a map back as canonical argmap text (``argmap fmt``).

The output parses to a map equal to the input (spans aside), and formatting
it again changes nothing. What was written as an outline is written back as
an outline (maps built in Python are written flat); blank lines separate
kinds of statements; comments stay where they were.
"""

from __future__ import annotations

import bisect
import textwrap

from argmap.model import (
    RESERVED_WORDS,
    Argument,
    ArgumentMap,
    Claim,
    Comment,
    Contradiction,
    Group,
    ModelError,
    Position,
    Rebuttal,
    Source,
    Support,
    Undercut,
)
from argmap.syntax.assemble import unquote

__all__ = ["format_map", "WIDTH"]

#: Claim texts longer than this are wrapped onto `|` continuation lines.
WIDTH = 120


def format_map(argument_map: ArgumentMap) -> str:
    """The canonical text of ``argument_map``.

    Raises :class:`ModelError` for the one kind of map that cannot be
    written: a relation read from an outline item that names a reserved word
    (``- claim``), moved out of its outline.
    """
    meta: list[str] = []
    for key in ("title", "lang", "question"):
        value = getattr(argument_map, key)
        if value is not None:
            meta.append(f"{key}: {value}")
    items = argument_map.items
    following = _next_statements(items)
    lead = following[0] if items else 0  # the comments before the first statement
    above = _comments_above_meta(items, lead) if meta else lead
    blocks: list[tuple[str, list[str]]] = []
    outlined: set[int] = set()  # blocks with outline items: set apart by blank lines
    outline = _Outline()
    i = 0
    while i < len(items):
        if i == above and meta:
            blocks.append(("meta", meta))
        item = items[i]
        if isinstance(item, Comment):
            below = following[i]
            planned = outline.plan(items, below)
            _comment(blocks, item, planned and planned[0], len(outline.stack), below < len(items) and items[below])
            i += 1
            continue
        written = outline.write(items, i)
        if written is not None:
            lines, i = written
            blocks[-1][1].extend(lines)  # an outline item stays in its claim's block
            outlined.add(len(blocks) - 1)
            continue
        outline.reset(item)
        if type(item) is Argument:
            lines, i = _argument(items, i)
            blocks.append(("argument", lines))
            outlined.add(len(blocks) - 1)  # set apart by blank lines, as outlines are
            continue
        blocks.append((_KIND[type(item)], _WRITERS[type(item)](item)))
        i += 1
    if above == len(items) and meta:
        blocks.append(("meta", meta))
    return _join(blocks, outlined)


def _next_statements(items) -> list[int]:
    """For each index, the index of the first item at or after it that is not a comment."""
    following = [len(items)] * (len(items) + 1)
    for i in range(len(items) - 1, -1, -1):
        following[i] = i if not isinstance(items[i], Comment) else following[i + 1]
    return following


def _comments_above_meta(items, lead: int) -> int:
    """How many of the ``lead`` comments at the top go above the title.

    The model does not know where the title was written, so: the comments
    that stand directly above the first statement stay with it, below the
    title, and so does an indented comment (it was under a title line); the
    others were above the title.
    """
    if lead == len(items):  # nothing but comments: below an indented one
        return next((i for i in range(lead) if _indented(items[i])), lead)
    line = getattr(items[lead].span, "line", None)
    k = lead
    while k > 0 and line is not None and items[k - 1].span is not None and items[k - 1].span.line == line - 1:
        k -= 1
        line -= 1
    return min(k, next((i for i in range(lead) if _indented(items[i])), lead))


def _indented(comment: Comment) -> bool:
    return comment.span is not None and comment.span.column > 1


def _comment(blocks, comment: Comment, depth: int | None, open_levels: int, below) -> None:
    """Write a comment where it stands.

    An indented comment stays in the block of the statement above it: at the
    depth of the outline item below it (``depth``, None when the statement
    below is not an outline item), unless it was indented deeper than that
    item; then at the depth of the attributes above it. A comment at the left
    margin stays there: inside an outline in its block, elsewhere it starts a
    block that the statement below it joins.
    """
    indented = _indented(comment)
    line = f"#{comment.text}"
    if indented:
        deeper = below and below.span is not None and comment.span.column > below.span.column
        line = "  " * (depth if depth is not None and not deeper else max(1, open_levels)) + line
    if blocks and (indented or depth is not None):
        blocks[-1][1].append(line)
    else:
        blocks.append(("comment", [line]))


def _join(blocks: list[tuple[str, list[str]]], outlined: set[int]) -> str:
    out: list[str] = []
    for n, (kind, lines) in enumerate(blocks):
        if n:
            pkind = blocks[n - 1][0]
            if pkind != "comment" and (kind != pkind or n in outlined or n - 1 in outlined):
                out.append("")
        out.extend(lines)
    return "\n".join(out) + "\n" if out else ""


class _Outline:
    """Writes relations that were written as outline items back as outline items,
    as long as the claim or item above them is still the one they belong to."""

    def __init__(self) -> None:
        # (claim id, sign, support name) of each open level; level 0 is a `claim` line
        self.stack: list[tuple[str | None, str | None, str | None]] = []

    def reset(self, item) -> None:
        if isinstance(item, Claim) and not item.outline:
            self.stack = [(item.id, None, None)]
        elif not isinstance(item, Comment):
            self.stack = []

    def plan(self, items, i):
        """How the item at ``items[i]`` (with the claim it defines) is written
        as an outline item: ``(depth, sign, label, ids, claim)``, or None when
        it cannot be."""
        if i >= len(items):
            return None
        item = items[i]
        claim = None
        if isinstance(item, Claim) and item.outline and i + 1 < len(items):
            claim, item = item, items[i + 1]
        depth = getattr(item, "outline", 0)
        if not 0 < depth <= len(self.stack) or isinstance(item, Claim):
            return None
        parent_claim, parent_sign, parent_label = self.stack[depth - 1]
        if _attributes(item):  # an outline item has no place for a relation's attributes
            return None
        if isinstance(item, Support) and item.conclusion == parent_claim:
            sign, label, ids = "+", item.name, item.premises
        elif isinstance(item, Rebuttal) and item.target == parent_claim:
            sign, label, ids = "-", item.name, item.attackers
        elif isinstance(item, Undercut) and parent_sign is not None and parent_label == item.target:
            sign, label, ids = "~", item.name, item.attackers
        else:
            return None
        if claim is not None and (claim.outline != depth or ids != (claim.id,)):
            return None
        if claim is None and ids[0] == "implicit":  # `+ implicit` would start an implicit claim
            return None
        return depth, sign, label, ids, claim

    def write(self, items, i):
        """The lines of the outline item at ``items[i]`` and the index after it, or None."""
        planned = self.plan(items, i)
        if planned is None:
            return None
        depth, sign, label, ids, claim = planned
        indent = "  " * depth
        head = f"{indent}{sign} " + (f"({label}) " if label else "")
        if claim is None:
            lines = [head + " + ".join(ids)]
        else:
            word = "implicit " if claim.implicit else ""
            lines = _claim_lines(f"{head}{word}{claim.id}:", claim, indent)
        del self.stack[depth:]
        self.stack.append((ids[0] if len(ids) == 1 else None, sign, label))
        return lines, i + (2 if claim is not None else 1)


def _wrapped(head: str, text: str, indent: str = "") -> list[str]:
    line = f"{head} {text}" if text else head
    if len(line) <= WIDTH or not text:
        return [line]
    parts = textwrap.wrap(text, max(20, WIDTH - len(head) - 1), break_long_words=False, break_on_hyphens=False)
    rest = textwrap.wrap(
        " ".join(parts[1:]), max(20, WIDTH - len(indent) - 4), break_long_words=False, break_on_hyphens=False
    )
    return [f"{head} {parts[0]}"] + [f"{indent}  | {p}" for p in rest]


def _claim(c: Claim) -> list[str]:
    head = f"implicit claim {c.id}:" if c.implicit else f"claim {c.id}:"
    return _claim_lines(head, c, "")


def _claim_lines(head: str, c: Claim, indent: str) -> list[str]:
    lines = _wrapped(head, c.text, indent)
    attrs = []
    if c.source is not None:
        attrs.append(("source", c.source))
    if c.basis is not None:
        attrs.append(("basis", c.basis.value))
    if c.quote is not None:
        attrs.append(("quote", f'"{c.quote}"'))
    if c.tags:
        attrs.append(("tags", ", ".join(c.tags)))
    if c.weight is not None:
        attrs.append(("weight", repr(float(c.weight))))
    if c.group is not None:
        attrs.append(("group", c.group))
    if c.note is not None:
        attrs.append(("note", c.note))
    attrs.extend((a.key, a.value) for a in c.extra)
    return lines + [f"{indent}  {k}: {v}".rstrip() for k, v in attrs]


def _source(s: Source) -> list[str]:
    title = s.title.replace("\\", "\\\\").replace('"', '\\"')
    lines = [f'source {s.id}: "{title}"']
    for key in ("author", "date", "kind", "url", "file"):
        value = getattr(s, key)
        if value is not None:
            if key == "file" and _quote_file(value):
                value = f'"{value}"'
            lines.append(f"  {key}: {value}")
    lines.extend(f"  {a.key}: {a.value}".rstrip() for a in s.extra)
    return lines


def _quote_file(value: str) -> bool:
    # The reader takes one pair of quotation marks off a file name, and reads `file:` as no file.
    return not value or unquote(value) != value


def _first(item, field: str, value: str) -> str:
    """``value`` as the first word of a line; a reserved word cannot be one."""
    if value in RESERVED_WORDS:
        raise ModelError(type(item).__name__, field, value, "a reserved word cannot start a statement")
    return value


def _attributes(r) -> list[tuple[str, str]]:
    """The attribute lines of a relation, an argument or a group: (key, value)."""
    out = []
    for key in ("gist", "inference"):
        value = getattr(r, key, None)
        if value is not None:
            out.append((key, value))
    if getattr(r, "tags", ()):
        out.append(("tags", ", ".join(r.tags)))
    if r.group is not None:
        out.append(("group", r.group))
    if getattr(r, "note", None) is not None:
        out.append(("note", r.note))
    return out


def _relation(r, first_field: str, first: tuple[str, ...], word: str, target: str) -> list[str]:
    """``name: a + b word target`` and the relation's attributes below it."""
    if r.name is not None:
        head = f"{_first(r, 'name', r.name)}: "
    else:
        head = ""
        _first(r, first_field, first[0])
    lines = [f"{head}{' + '.join(first)} {word} {target}"]
    return lines + [f"  {k}: {v}" for k, v in _attributes(r)]


def _support(s: Support) -> list[str]:
    return _relation(s, "premises", s.premises, "supports", s.conclusion)


def _group(g: Group) -> list[str]:
    lines = _wrapped(f"group {g.id}:", g.label)
    if g.parent is not None:
        lines.append(f"  group: {g.parent}")
    return lines


def _argument(items, i: int) -> tuple[list[str], int]:
    """The lines of the argument at ``items[i]``, with the claims defined in it
    (the claims after it marked with its id, in the order it lists them) and
    the comments written inside it; and the index of the item after them."""
    a: Argument = items[i]
    mentions = [(w, ref, span) for step in a.steps for w, ref, span in _mentions(step)]
    lines_at = [span.line if span is not None else None for _, _, span in mentions]
    if None in lines_at:  # built in Python: comments go above the claim after them
        lines_at = None
    last_line = lines_at[-1] if lines_at else None
    defined: dict[int, Claim] = {}
    before: dict[int, list[Comment]] = {}  # comments to write above the k-th mention
    pending: list[Comment] = []
    pointer = 0
    j = i + 1
    while j < len(items):
        item = items[j]
        if type(item) is Comment:
            pending.append(item)
            j += 1
            continue
        k = _defines(item, a, mentions, pointer)
        if k is None:
            break
        defined[k] = item
        for c in pending:
            before.setdefault(_comment_place(c, lines_at, k), []).append(c)
        pending = []
        pointer = k + 1
        j += 1
    # Comments after the last claim defined in the argument stay in it when they stood inside it.
    while pending and _inside(pending[0], last_line):
        c = pending.pop(0)
        before.setdefault(_comment_place(c, lines_at, len(mentions)), []).append(c)
    j -= len(pending)
    lines = _wrapped(f"argument {a.id}:", a.title)
    for key, value in _attributes(a):
        lines.extend(_wrapped(f"  {key}:", value, "  ") if key == "gist" else [f"  {key}: {value}"])
    for k, (word, ref, _) in enumerate(mentions + [(None, None, None)]):
        lines.extend(f"  #{c.text}" for c in before.get(k, ()))
        if word is None:
            break
        claim = defined.get(k)
        if claim is None:
            lines.append(f"  {word} {ref}")
        else:
            implicit = "implicit " if claim.implicit else ""
            lines.extend(_claim_lines(f"  {word} {implicit}{ref}:", claim, "  "))
    return lines, j


def _mentions(step):
    for n, premise in enumerate(step.premises):
        yield "premise", premise, step.ref_spans[n] if n < len(step.ref_spans) else None
    n = len(step.premises)
    yield "conclusion", step.conclusion, step.ref_spans[n] if n < len(step.ref_spans) else None


def _defines(item, a: Argument, mentions, pointer: int) -> int | None:
    """The index of the mention at or after ``pointer`` whose line defines ``item``, if it is a claim of ``a``."""
    if type(item) is not Claim or item.argument != a.id or item.outline:
        return None
    return next((k for k in range(pointer, len(mentions)) if mentions[k][1] == item.id), None)


def _comment_place(c: Comment, lines_at: list | None, default: int) -> int:
    """Above which mention a comment inside an argument goes: the first written
    below it, if the map was read from text (its lines ascend); else above the
    claim after it."""
    if c.span is None or lines_at is None:
        return default
    return bisect.bisect_right(lines_at, c.span.line)


def _inside(c: Comment, last_line: int | None) -> bool:
    return c.span is not None and last_line is not None and c.span.column > 1 and c.span.line < last_line


def _position(p: Position) -> list[str]:
    parts = []
    if p.accepts:
        parts.append("accepts " + ", ".join(p.accepts))
    if p.rejects:
        parts.append("rejects " + ", ".join(p.rejects))
    line = f"position {p.id}: " + "; ".join(parts)
    if len(line) <= WIDTH:
        return [line.rstrip()]
    lines = [f"position {p.id}:"]
    for word, ids in (("accepts", p.accepts), ("rejects", p.rejects)):
        chunks = textwrap.wrap(", ".join(ids), WIDTH - 10, break_long_words=False, break_on_hyphens=False)
        for chunk in chunks:
            lines.append(f"  {word} {chunk.rstrip(',')}")
    return lines


_WRITERS = {
    Claim: _claim,
    Source: _source,
    Support: _support,
    Rebuttal: lambda r: _relation(r, "attackers", r.attackers, "rebuts", r.target),
    Contradiction: lambda c: _relation(c, "first", (c.first,), "contradicts", c.second),
    Undercut: lambda u: _relation(u, "attackers", u.attackers, "undercuts", u.target),
    Position: _position,
    Group: _group,
    Comment: lambda c: [f"#{c.text}"],
}

_KIND = {
    Claim: "argument",
    Source: "source",
    Support: "argument",
    Rebuttal: "argument",
    Contradiction: "argument",
    Undercut: "argument",
    Position: "position",
    Group: "group",
    Comment: "comment",
}
