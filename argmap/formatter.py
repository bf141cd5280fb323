"""Writing a map back as canonical argmap text (``argmap fmt``).

The output parses to a map equal to the input (spans aside), and formatting
it again changes nothing. Outline items are written in the flat form; blank
lines separate kinds of statements; comments stay where they were.
"""

from __future__ import annotations

import textwrap

from argmap.model import (
    ArgumentMap,
    Claim,
    Comment,
    Contradiction,
    Group,
    Position,
    Rebuttal,
    Source,
    Support,
    Undercut,
)

__all__ = ["format_map", "WIDTH"]

#: Claim texts longer than this are wrapped onto `|` continuation lines.
WIDTH = 100


def format_map(argument_map: ArgumentMap) -> str:
    """The canonical text of ``argument_map``."""
    out: list[str] = []
    for key in ("title", "lang", "question"):
        value = getattr(argument_map, key)
        if value:
            out.append(f"{key}: {value}")
    previous = "meta" if out else None
    for item in argument_map.items:
        kind = _KIND[type(item)]
        block = _WRITERS[type(item)](item)
        multi_line = len(block) > 1
        if previous is not None and (
            (kind != previous and previous != "comment") or multi_line or previous == "block"
        ):
            out.append("")
        out.extend(block)
        previous = "block" if multi_line and kind != "comment" else kind
    return "\n".join(out) + "\n" if out else ""


def _wrapped(head: str, text: str) -> list[str]:
    line = f"{head} {text}" if text else head
    if len(line) <= WIDTH or not text:
        return [line]
    parts = textwrap.wrap(text, WIDTH - len(head) - 1, break_long_words=False, break_on_hyphens=False)
    return [f"{head} {parts[0]}"] + [f"  | {p}" for p in _rewrap(parts[1:])]


def _rewrap(parts: list[str]) -> list[str]:
    return textwrap.wrap(" ".join(parts), WIDTH - 4, break_long_words=False, break_on_hyphens=False)


def _claim(c: Claim) -> list[str]:
    head = f"implicit claim {c.id}:" if c.implicit else f"claim {c.id}:"
    lines = _wrapped(head, c.text)
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
    return lines + [f"  {k}: {v}".rstrip() for k, v in attrs]


def _source(s: Source) -> list[str]:
    title = s.title.replace("\\", "\\\\").replace('"', '\\"')
    lines = [f'source {s.id}: "{title}"']
    for key in ("author", "date", "kind", "url", "file"):
        value = getattr(s, key)
        if value is not None:
            lines.append(f"  {key}: {value}")
    lines.extend(f"  {a.key}: {a.value}".rstrip() for a in s.extra)
    return lines


def _support(s: Support) -> list[str]:
    name = f"{s.name}: " if s.name else ""
    return [f"{name}{' + '.join(s.premises)} supports {s.conclusion}"]


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
    Rebuttal: lambda r: [f"{r.attacker} rebuts {r.target}"],
    Contradiction: lambda c: [f"{c.first} contradicts {c.second}"],
    Undercut: lambda u: [f"{u.attacker} undercuts {u.target}"],
    Position: _position,
    Group: lambda g: _wrapped(f"group {g.id}:", g.label),
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
