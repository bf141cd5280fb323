"""Argdown: its statements, arguments and relations, read and written.

Argdown (https://argdown.org) writes a debate as text: statements
``[title]: text``, arguments ``<title>: description``, relations as indented
lines below an element (``+``/``-``/``_`` for support, attack and undercut
of the element above, ``<+``/``<-``/``<_`` the same written explicitly,
``+>``/``->``/``_>`` from the element above to the member, ``><`` for a
contradiction), premise–conclusion structures (``(1) ...``, ``----``,
``(3) ...``), ``#tags``, ``#`` headings, ``{...}`` data and a front matter
between ``===`` lines.

=====================================  ===================================
Argdown                                argmap
=====================================  ===================================
``[title]: text``, ``[title]``         a claim (its id made from the title)
an untitled statement                  a claim with the id ``s1``, ``s2``...
``<title>: description`` without pcs   a claim (the description as text)
``<title>`` with a pcs                 an argument: each inference a step
``+`` support                          a support
``-`` attack                           a rebuttal
``_`` undercut of an argument          an undercut
``><`` contradiction                   a contradiction
``#tag``, ``#(a tag)``                 the claim's tags
``# heading``                          a group of the statements below it
``{key: value}`` data                  the claim's fields (``source``,
                                       ``basis``, ``quote``...), other keys
                                       its extra attributes
front matter ``title:``                the map's title
``// comment`` on a line of its own    a comment
=====================================  ===================================

What argmap cannot hold is left out with a W604 warning: a second text for
the same statement title, a support or attack of a reconstructed
argument as a whole, an undercut of a statement, data that is neither
JSON nor simple YAML.

The writer writes every item of a map in its order, so reading its output
gives an equal map. What Argdown has no syntax for goes into ``{...}``
data that Argdown keeps and ignores: a claim's fields, a relation's name,
tags, note and group (``{"relation": {...}}`` on the member), the further
attackers of a linked objection. A linked support is written as an
argument with a premise–conclusion structure (marked ``{"argmap":
"support"}``), which is how Argdown says it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from attrs import define, field

from argmap._dicts import _Reader, item_to_dict
from argmap.diagnostics import Diagnostic, warning
from argmap.model import (
    CLAIM_ATTRIBUTES,
    RESERVED_WORDS,
    Argument,
    ArgumentMap,
    Claim,
    Comment,
    Contradiction,
    Group,
    Rebuttal,
    Span,
    Step,
    Support,
    Undercut,
    is_id,
)

__all__ = ["read", "write"]


# -- writing ------------------------------------------------------------------


def _data(values: dict[str, Any]) -> str:
    return " " + json.dumps(values, ensure_ascii=False) if values else ""


def _tag(tag: str) -> str:
    return f"#{tag}" if re.fullmatch(r"[\w-]+", tag) else f"#({tag})"


_ZWSP = "\u200b"


def _text(text: str) -> str:
    """Text Argdown reads back as it is: braces, backslashes and the
    emphasis marks ``*`` and ``_`` escaped (``\\{``), and a zero-width
    space (which the reader removes) keeps ``#``, comment starts and a
    line's first word from being read as tags, comments or syntax."""
    text = re.sub(r"([\\{}*_])", r"\\\1", text.replace(_ZWSP, ""))
    for token in ("#", "//", "/*", "<!--"):
        text = text.replace(token, token[0] + _ZWSP + token[1:]) if len(token) > 1 else text.replace(token, _ZWSP + token)
    if re.match(r"(\(\d+\)|\[|<|-{2,}|[+\-_]>?\s|<[+\-_]|><|===)", text):
        text = _ZWSP + text
    return text


def _braces(text: str, data: dict[str, Any]) -> str:
    # The text's own braces are escaped (`\{`), so data is only what follows it.
    return _data(data)


def write(argument_map: ArgumentMap) -> str:
    """The map as Argdown text (see the module for what goes where)."""
    out: list[str] = []
    if argument_map.title is not None or argument_map.lang is not None or argument_map.question is not None:
        out.append("===")
        for key in ("title", "lang", "question"):
            value = getattr(argument_map, key)
            if value is not None:
                out.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        out.append("===")
        out.append("")
    heading: str | None = None
    used: set[str] = set()
    for item in argument_map.items:
        if isinstance(item, Claim):
            data = {k: v for k, v in item_to_dict(item).items() if k not in ("type", "id", "text", "tags")}
            if heading is not None and "group" not in data and item.group != heading:
                data["group"] = None
            tags = "".join(" " + _tag(t) for t in item.tags)
            if _ZWSP in item.text:
                data["text"] = item.text
            out.append(f"[{item.id}]: {_text(item.text)}{tags}{_braces(item.text, data)}")
        elif isinstance(item, Group):
            heading = item.id
            extra = {"id": item.id} | ({"parent": item.parent} if item.parent else {})
            if _ZWSP in item.label:
                extra["label"] = item.label
            out.append(f"# {_text(item.label)}{_data(extra)}")
        elif isinstance(item, Comment):
            out.append(f"//{item.text}")
        elif isinstance(item, Argument):
            data = {k: v for k, v in item_to_dict(item).items() if k not in ("type", "id", "title", "steps")}
            if _ZWSP in item.title:
                data["title"] = item.title
            out.append(f"<{item.id}>: {_text(item.title)}{_braces(item.title, data)}")
            out.append("")
            out.extend(_pcs(item.steps))
        elif isinstance(item, Support) and item.linked:
            name = item.name or _fresh("support", argument_map, used)
            data = {"argmap": "support"} | {k: v for k, v in item_to_dict(item).items() if k in ("tags", "note", "group", "outline")}
            if item.name is None:
                data["unnamed"] = True
            out.append(f"<{name}>{_data(data)}")
            out.append("")
            out.extend(_pcs((Step(item.premises, item.conclusion),)))
        elif isinstance(item, (Support, Rebuttal, Undercut, Contradiction)):
            out.extend(_relation(item, argument_map))
        else:  # a source or a position: Argdown has none; kept in a comment argmap reads
            out.append(f"// argmap item {json.dumps(item_to_dict(item), ensure_ascii=False)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _fresh(base: str, argument_map: ArgumentMap, used: set[str]) -> str:
    k = 1
    while f"{base}{k}" in used or argument_map.has(f"{base}{k}"):
        k += 1
    used.add(f"{base}{k}")
    return f"{base}{k}"


def _pcs(steps) -> list[str]:
    lines = []
    n = 0
    for step in steps:
        for premise in step.premises:
            n += 1
            lines.append(f"({n}) [{premise}]")
        lines.append("----")
        n += 1
        lines.append(f"({n}) [{step.conclusion}]")
    return lines


def _member(ref: str, argument_map: ArgumentMap) -> str:
    return f"<{ref}>" if ref in argument_map._index["argument"] or ref in argument_map._index["relation"] else f"[{ref}]"


def _relation(item: Any, argument_map: ArgumentMap) -> list[str]:
    kind = type(item)
    meta = {k: v for k, v in item_to_dict(item).items() if k in ("name", "tags", "note", "group", "outline")}
    if kind is Support:
        parent, symbol, members = item.conclusion, "<+", item.premises
    elif kind is Rebuttal:
        parent, symbol, members = item.target, "<-", item.attackers
    elif kind is Undercut:
        parent, symbol, members = item.target, "<_", item.attackers
    else:
        parent, symbol, members = item.first, "><", (item.second,)
    data: dict[str, Any] = {}
    if meta:
        data["relation"] = meta
    if len(members) > 1:
        data.setdefault("relation", {})["linked"] = list(members[1:])
    parent_ref = f"<{parent}>" if kind is Undercut else _member(parent, argument_map)
    return [parent_ref, f"  {symbol} {_member(members[0], argument_map)}{_data(data)}"]


# -- reading ------------------------------------------------------------------

#: The fields that make an item what it is; without the others it can still be read.
_STRUCTURE = frozenset(
    {"type", "id", "text", "tags", "premises", "conclusion", "attackers", "target", "first", "second", "title",
     "steps", "label", "parent"}
)
_RELATION = re.compile(r"(<\+|\+>|<-|->|<_|_>|><|\+|-|_)\s+(?=\S)")
_PCS = re.compile(r"\((\d+)\)\s+")
_STATEMENT = re.compile(r"\[([^\]]+)\](:?)\s*")
_ARGUMENT = re.compile(r"<([^>]+)>(:?)\s*")
_TAG = re.compile(r"(?<![\w@\u200b\\])#(?:\(([^)]*)\)|([\w-]+))")
#: A character Argdown takes as it is: ``\{``, ``\[``, ``\#``...
_ESCAPE = re.compile(r"\\(.)")
_HEADING = re.compile(r"(#{1,6})\s+(.*)")
_STARTS = re.compile(r"\s*(\[[^\]]+\]|<[^>]+>|\(\d+\)\s|#{1,6}\s)")


@define
class _Element:
    """A statement or argument as written at one place: its kind, title
    (None: untitled), whether it defines (has a text), text and where."""

    kind: str  # "statement" or "argument"
    title: str | None
    defines: bool
    text: str
    line: int
    column: int
    data: Any = None
    tags: list[str] = field(factory=list)
    key: str | None = None  # the statement's or argument's title, or its generated key


@define
class _Relation:
    symbol: str
    parent: _Element
    member: _Element
    line: int
    column: int


class _ArgdownReader:
    def __init__(self, text: str, filename: str | None):
        self.filename = filename
        self.lines = text.replace("\r\n", "\n").split("\n")
        self.diagnostics: list[Diagnostic] = []
        self.events: list[tuple[str, Any]] = []
        self.meta: dict[str, str] = {}
        self.anonymous = 0
        self.top_comment = False

    def span(self, line: int, column: int = 1, length: int = 1) -> Span:
        return Span(self.filename, line, column, line, column + max(length, 1))

    def lost(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    # -- lines to blocks

    def blocks(self) -> Iterator[list[tuple[int, str]]]:
        """Blocks of (line number, line) without comments, split at empty lines."""
        lines = self.lines
        start = 0
        if lines and lines[0].strip() in ("===", "---"):
            fence = lines[0].strip()
            for k in range(1, len(lines)):
                if lines[k].strip() == fence:
                    self.front_matter(lines[1:k], 2)
                    start = k + 1
                    break
        block: list[tuple[int, str]] = []
        in_comment: str | None = None
        for number in range(start + 1, len(lines) + 1):
            line = lines[number - 1]
            if in_comment is not None:
                end = line.find(in_comment)
                if self.top_comment:
                    said = line if end < 0 else line[:end]
                    if said.strip():
                        self.comment(" " + said.strip(), number)
                if end < 0:
                    continue
                line = " " * (end + len(in_comment)) + line[end + len(in_comment) :]
                in_comment = None
            line, in_comment = self.strip_comments(line, number, bool(block))
            if not line.strip():
                if block and in_comment is None:
                    yield block
                    block = []
                continue
            block.append((number, line))
        if block:
            yield block

    def strip_comments(self, line: str, number: int, inside: bool) -> tuple[str, str | None]:
        stripped = line.strip()
        if stripped.startswith("//"):
            if not inside and not line[:1].isspace():
                self.comment(stripped[2:], number)
            return "", None
        out = line
        for opener, closer in (("/*", "*/"), ("<!--", "-->")):
            while opener in out:
                begin = out.index(opener)
                end = out.find(closer, begin + len(opener))
                # A comment on lines of its own, outside a block, is kept as a comment.
                self.top_comment = not inside and not out[:begin].strip()
                said = out[begin + len(opener) : end if end >= 0 else len(out)].strip()
                if self.top_comment and said:
                    self.comment(" " + said, number)
                if end < 0:
                    return out[:begin], closer
                out = out[:begin] + " " * (end + len(closer) - begin) + out[end + len(closer) :]
        cut = re.search(r"\s//\s", out)
        if cut and "://" not in out[cut.start() - 1 : cut.start() + 3]:
            out = out[: cut.start()]
        return out, None

    def comment(self, text: str, number: int) -> None:
        match = re.match(r"\s*argmap item (\{.*\})\s*$", text)
        if match:
            try:
                self.events.append(("item", (json.loads(match.group(1)), number)))
                return
            except ValueError:
                pass
        self.events.append(("comment", text))

    def front_matter(self, lines: list[str], first: int) -> None:
        merged: list[str] = []
        for line in lines:
            # An indented line continues the value above it (YAML's folded plain scalars).
            if merged and line[:1].isspace() and re.match(r"\w+:\s*\S", merged[-1]) and ":" not in line:
                merged[-1] += " " + line.strip()
                merged.append("")
            else:
                merged.append(line)
        lines = merged
        for k, line in enumerate(lines):
            match = re.match(r"(\w+):\s*(.*)$", line)
            if not match or line[:1].isspace():
                continue
            key, value = match.groups()
            if key in ("title", "lang", "question") and value:
                try:
                    parsed = json.loads(value)
                except ValueError:
                    parsed = value.strip().strip("'\"")
                self.meta[key] = str(parsed)
            elif value or key not in ("model", "map", "color", "group", "selection"):
                self.lost(
                    warning(
                        "W604", "front matter `{key}` left out: argmap keeps only the title, lang and question",
                        self.span(first + k, 1, len(key)), key=key,
                    )
                )

    # -- blocks to elements

    def read(self) -> None:
        previous: _Element | None = None
        for block in self.blocks():
            number, first = block[0]
            heading = _HEADING.fullmatch(first.strip()) if not first[:1].isspace() else None
            if heading:
                # A heading goes on over the lines below it that start nothing else.
                said = [heading.group(2)]
                block = block[1:]
                while block and not block[0][1][:1].isspace() and not _STARTS.match(block[0][1]):
                    said.append(block.pop(0)[1].strip())
                text, data = self.split_data(" ".join(said), number)
                text = " ".join(_ESCAPE.sub(r"\1", text).replace(_ZWSP, "").split())
                if isinstance(data, dict) and str(data.get("isGroup", "")).lower() == "false":
                    self.events.append(("comment", f" {heading.group(1)} {text}"))
                    self.events.append(("section", len(heading.group(1))))
                else:
                    self.events.append(("group", (len(heading.group(1)), text, data, number)))
                previous = None
                if not block:
                    continue
                number, first = block[0]
            if _PCS.match(first.strip()):
                self.pcs(block, previous)
                previous = None
                continue
            previous = self.tree(block)

    def tree(self, block: list[tuple[int, str]]) -> _Element | None:
        """A block of an element and its relations; the top element."""
        stack: list[tuple[int, _Element]] = []
        top: _Element | None = None
        current: tuple[_Element, list[str], int] | None = None  # element, text lines, indent

        def finish() -> None:
            nonlocal current
            if current is not None:
                self.complete(current[0], current[1])
                current = None

        for number, line in block:
            indent = len(line) - len(line.lstrip())
            stripped = line.strip()
            relation = _RELATION.match(stripped) if indent > 0 or top is None else None
            if relation and indent > 0 and stack:
                finish()
                while stack and stack[-1][0] >= indent:
                    stack.pop()
                if not stack:
                    stack = [(-1, top)] if top is not None else []
                parent = stack[-1][1] if stack else None
                column = indent + relation.end() + 1
                member = self.element(stripped[relation.end() :], number, column)
                if parent is not None:
                    self.events.append(("relation", _Relation(relation.group(1), parent, member, number, indent + 1)))
                stack.append((indent, member))
                current = (member, [member.text], indent)
                continue
            if current is not None and (top is not None):
                current[1].append(stripped)
                continue
            element = self.element(stripped, number, indent + 1)
            top = element
            stack = [(indent, element)]
            current = (element, [element.text], indent)
        finish()
        return top

    def element(self, text: str, number: int, column: int) -> _Element:
        for pattern, kind in ((_STATEMENT, "statement"), (_ARGUMENT, "argument")):
            match = pattern.match(text)
            if match:
                return _Element(kind, match.group(1).strip(), bool(match.group(2)), text[match.end() :], number, column)
        return _Element("statement", None, True, text, number, column)

    def complete(self, element: _Element, lines: list[str]) -> None:
        """Join an element's lines; take its tags and data out of the text; note it as an event."""
        text = " ".join(x for x in lines if x)
        text, element.data = self.split_data(text, element.line)
        tags = []
        for match in _TAG.finditer(text):
            tags.append((match.group(1) or match.group(2)).strip().replace(",", " "))
        text = _TAG.sub("", text) if tags else text
        element.tags = [t for t in tags if t]
        element.text = " ".join(_ESCAPE.sub(r"\1", text).replace(_ZWSP, "").split())
        if element.title is None:
            self.anonymous += 1
            element.key = f"\u0000{self.anonymous}"
        else:
            element.key = element.title
        if element.text == "" and element.title is None:
            return
        self.events.append((element.kind, element))

    def split_data(self, text: str, number: int) -> tuple[str, Any]:
        stripped = text.rstrip()
        if not stripped.endswith("}") or _escaped(stripped, len(stripped) - 1):
            return text, None
        for start in (m.start() for m in re.finditer(r"\{", stripped)):
            if _escaped(stripped, start):
                continue
            try:
                value = json.loads(stripped[start:])
            except ValueError:
                continue
            if isinstance(value, dict):
                return stripped[:start], value
        depth = 0
        for k in range(len(stripped) - 1, -1, -1):
            if _escaped(stripped, k):
                continue
            if stripped[k] == "}":
                depth += 1
            elif stripped[k] == "{":
                depth -= 1
                if depth == 0:
                    return stripped[:k], self.parse_data(stripped[k:], number)
        return text, None

    def parse_data(self, raw: str, number: int) -> Any:
        try:
            return json.loads(raw)
        except ValueError:
            pass
        inner = raw[1:-1].strip()
        parts = [p for p in re.split(r",\s*(?![^\[]*\])|\n", inner) if p.strip()]
        data: dict[str, Any] = {}
        for part in parts:
            match = re.match(r"\s*([\w-]+)\s*:\s*(.*?)\s*$", part)
            if not match:
                shown = raw if len(raw) < 60 else raw[:57] + "..."
                self.lost(
                    warning("W604", "data `{data}` left out: it is neither JSON nor simple YAML", self.span(number),
                            data=shown))
                return None
            key, value = match.groups()
            value = value.strip()
            if value.startswith("[") and value.endswith("]"):
                data[key] = [v.strip().strip("'\"") for v in value[1:-1].split(",") if v.strip()]
            else:
                data[key] = _scalar(value)
        return data

    # -- premise–conclusion structures

    def pcs(self, block: list[tuple[int, str]], owner: _Element | None) -> None:
        steps: list[tuple[list[_Element], _Element | None]] = [([], None)]
        inference: list[str] = []
        pending: list[_Element] = []
        statements: list[tuple[int, list[tuple[int, str]]]] = []
        expanded = False
        base = len(block[0][1]) - len(block[0][1].lstrip())
        for number, line in block:
            stripped = line.strip()
            if re.fullmatch(r"-{4,}", stripped) and not expanded:
                statements.append((number, [(number, "----")]))
            elif re.fullmatch(r"--", stripped):
                expanded = not expanded
                if expanded:
                    statements.append((number, [(number, "----")]))
            elif expanded:
                inference.append(stripped)
            elif _PCS.match(stripped) and len(line) - len(line.lstrip()) <= base:
                statements.append((number, [(number, line.strip())]))
            elif statements:
                statements[-1][1].append((number, line))
        conclusion_next = False
        for number, lines in statements:
            if lines[0][1] == "----":
                conclusion_next = True
                continue
            first = _PCS.match(lines[0][1].strip())
            skip = first.end() if first is not None else 0
            body = [(lines[0][0], " " * skip + lines[0][1].strip()[skip:])] + lines[1:]
            element = self.tree([(n, ln) for n, ln in body])
            if element is None:
                continue
            if conclusion_next:
                premises = pending
                steps.append((premises, element))
                pending = []
                conclusion_next = False
            else:
                pending.append(element)
        steps = [s for s in steps if s[1] is not None]
        number = block[0][0]
        if not steps or pending:
            self.lost(
                warning(
                    "W604",
                    "a premise–conclusion structure that does not end in a conclusion is left out",
                    self.span(number), "end it with a line of four hyphens and the conclusion",
                )
            )
            return
        self.events.append(("pcs", (owner, steps, " ".join(inference).strip() or None, number)))


def _escaped(text: str, index: int) -> bool:
    """True when the character at ``index`` follows an odd number of backslashes."""
    k = index
    while k > 0 and text[k - 1] == "\\":
        k -= 1
    return (index - k) % 2 == 1


def _scalar(value: str) -> Any:
    """A plain YAML scalar: a number, true or false, null, else the text without its quotes."""
    if value in ("true", "false"):
        return value == "true"
    if value in ("null", "~"):
        return None
    if re.fullmatch(r"-?\d+(\.\d+)?", value):
        return float(value) if "." in value else int(value)
    return value.strip("'\"")


# -- events to items ---------------------------------------------------------------


class _Builder:
    def __init__(self, reader: _ArgdownReader):
        self.reader = reader
        self.items = _Reader(lambda path, key=False: None)
        self.used: set[str] = set()
        self.ids: dict[tuple[str, str], str] = {}
        self.claims: dict[str, dict[str, Any]] = {}  # id -> claim fields
        self.arguments: dict[str, dict[str, Any]] = {}  # argument key -> entry
        self.order: list[tuple[str, Any]] = []
        self.groups: list[tuple[int, str]] = []
        self.heading_group: str | None = None
        #: Where each claim stands in ``order`` (a claim defined below its first reference moves there).
        self.place: dict[str, int] = {}
        self.names_of_relations: set[str] | None = None
        #: The element that defines each claim (for the place of a diagnostic).
        self.defined_at: dict[str, _Element] = {}

    def id_for(self, kind: str, key: str) -> str:
        found = self.ids.get((kind, key))
        if found is not None:
            return found
        base = key if not key.startswith("\u0000") else "s" + key[1:]
        if not (is_id(base) and base not in RESERVED_WORDS):
            base = re.sub(r"\W+", "_", base).strip("_") or "s"
        candidate, k = base, 1
        while candidate in self.used or candidate in RESERVED_WORDS or not is_id(candidate):
            k += 1
            candidate = f"{base}_{k}"
        self.used.add(candidate)
        self.ids[(kind, key)] = candidate
        return candidate

    def span(self, element: _Element) -> Span:
        return self.reader.span(element.line, element.column)

    def claim(self, element: _Element) -> str:
        """The id of the claim a statement (or unreconstructed argument) stands for; defines it if new."""
        kind = "argument" if element.kind == "argument" else "statement"
        ident = self.id_for(kind, element.key or "")
        fields = self.claims.get(ident)
        if element.defines and element.text:
            self.defined_at.setdefault(ident, element)
        if fields is None:
            fields = {"type": "claim", "id": ident, "text": None}
            self.claims[ident] = fields
            self.place[ident] = len(self.order)
            self.order.append(("claim", ident))
        if element.text and fields["text"] is None and element.defines:
            # Defined here: the claim stands here, not where it was first referred to.
            self.place[ident] = len(self.order)
            self.order.append(("claim", ident))
            if self.heading_group is not None:
                fields["group"] = self.heading_group
        if element.text:
            if fields["text"] is None:
                fields["text"] = element.text
            elif fields["text"] != element.text:
                self.reader.lost(
                    warning(
                        "W604",
                        "a second text for `{title}` left out: argmap keeps one text per statement",
                        self.span(element), "give the statement its own title",
                        title=element.title or ident,
                    )
                )
        if element.tags:
            fields["tags"] = list(dict.fromkeys(fields.get("tags", []) + element.tags))
        if isinstance(element.data, dict):
            self.claim_data(fields, element)
        elif element.data is not None:
            self.reader.lost(warning("W604", "data `{data}` left out: it is neither JSON nor simple YAML",
                                     self.span(element), data=json.dumps(element.data)[:60]))
        return ident

    def claim_data(self, fields: dict[str, Any], element: _Element) -> None:
        extra = dict(fields.get("extra", {}))
        for key, value in element.data.items():
            if key == "relation":
                continue
            if key == "text" and isinstance(value, str):
                fields["text"] = value  # a text with characters the Argdown text cannot show
                continue
            if key in CLAIM_ATTRIBUTES or key in ("implicit", "argument", "outline"):
                if value is None:
                    fields.pop(key, None)
                else:
                    fields[key] = value
            elif key == "extra" and isinstance(value, dict):
                extra.update({k: str(v) for k, v in value.items()})
            elif is_id(key):
                extra[key] = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            else:
                self.reader.lost(warning("W604", "data key `{key}` left out: it cannot be an attribute key",
                                         self.span(element), key=key))
        if extra:
            fields["extra"] = extra

    def run(self) -> ArgumentMap:
        relations: list[_Relation] = []
        for kind, value in self.reader.events:
            if kind == "comment":
                self.order.append(("item", {"type": "comment", "text": value}))
            elif kind == "item":
                self.order.append(("item", value[0]))
            elif kind == "group":
                self.group(*value)
            elif kind == "section":
                # A heading that is no group ends the groups of its level and below.
                while self.groups and self.groups[-1][0] >= value:
                    self.groups.pop()
                self.heading_group = self.groups[-1][1] if self.groups else None
            elif kind == "statement":
                self.claim(value)
            elif kind == "argument":
                self.argument(value)
            elif kind == "relation":
                relations.append(value)
                self.order.append(("relation", value))
            elif kind == "pcs":
                self.pcs(*value)
        return self.build()

    def group(self, level: int, label: str, data: Any, number: int) -> None:
        data = data if isinstance(data, dict) else {}
        ident = data.get("id")
        if not isinstance(ident, str):
            # Groups have ids of their own: a group may share its id with a claim.
            ident = re.sub(r"\W+", "_", label).strip("_") or "group"
            ident = ident if is_id(ident) and ident not in RESERVED_WORDS else "group_" + ident
        while self.groups and self.groups[-1][0] >= level:
            self.groups.pop()
        parent = data.get("parent") if "parent" in data else (self.groups[-1][1] if self.groups else None)
        self.groups.append((level, ident))
        self.heading_group = ident
        written = data.get("label")
        item: dict[str, Any] = {"type": "group", "id": ident, "label": written if isinstance(written, str) else label or ident}
        if parent:
            item["parent"] = parent
        self.order.append(("item", item))

    def argument(self, element: _Element) -> None:
        key = element.key or ""
        entry = self.arguments.get(key)
        if entry is None:
            entry = {"element": element, "texts": [], "data": {}, "steps": None, "at": len(self.order)}
            self.arguments[key] = entry
            self.order.append(("argument", key))
        if element.text:
            entry["texts"].append(element.text)
        if isinstance(element.data, dict):
            entry["data"].update(element.data)
        if element.tags:
            entry.setdefault("tags", []).extend(element.tags)

    def pcs(self, owner: _Element | None, steps, inference: str | None, number: int) -> None:
        if owner is None or owner.kind != "argument":
            self.reader.anonymous += 1
            owner = _Element("argument", None, False, "", number, 1, key=f"\u0000pcs{self.reader.anonymous}")
            self.argument(owner)
        entry = self.arguments[owner.key or ""]
        made = []
        for premises, conclusion in steps:
            made.append(([self.claim(p) for p in premises], self.claim(conclusion)))
        entry["steps"] = made
        entry["inference"] = inference

    def ref(self, element: _Element) -> tuple[str, str]:
        """(kind, id) of a relation member: a claim, an argument with a pcs, or a named relation."""
        if element.kind == "argument":
            key = element.key or ""
            if key not in self.arguments:
                self.argument(element)
            return "argument", key
        return "claim", self.claim(element)

    def build(self) -> ArgumentMap:
        reconstructed = {k for k, entry in self.arguments.items() if entry["steps"] is not None}
        relation_names: dict[str, str] = {}
        out: list[tuple[Any, _Element | None]] = []
        for at, (kind, value) in enumerate(list(self.order)):
            if kind == "claim":
                if self.place[value] != at:
                    continue  # the claim was defined further down; it stands there
                fields = self.claims[value]
                if fields["text"] is None:
                    fields["text"] = value.replace("_", " ")
                out.append((fields, None))
            elif kind == "item":
                out.append((value, None))
            elif kind == "argument":
                made = self.argument_item(value, value in reconstructed, relation_names)
                if made is not None:
                    out.append(made)
            else:
                made = self.relation_item(value, reconstructed, relation_names)
                if made is not None:
                    out.append(made)
        items = []
        for data, element in out:
            if data is None:
                continue
            element = element or self.defined_at.get(data.get("id", ""))
            where = (lambda path, key=False, e=element: self.span(e) if e is not None else None)
            self.items.where = where
            before = len(self.items.diagnostics)
            item = self.items.item(data, ())
            if item is None:
                # Data argmap refuses (a weight of 2, a basis it does not know): the item without it.
                del self.items.diagnostics[before:]
                kept = {k: v for k, v in data.items() if k in _STRUCTURE}
                for key, value in data.items():
                    if key in kept:
                        continue
                    if self.items.item({**kept, key: value}, ()) is not None:
                        kept[key] = value
                    else:
                        del self.items.diagnostics[before:]
                        self.reader.lost(warning(
                            "W604", "data `{key}: {value}` left out: argmap cannot read it as the {key} of `{id}`",
                            where(()), key=key, value=json.dumps(value, ensure_ascii=False)[:60],
                            id=str(data.get("id") or data.get("name") or "?"),
                        ))
                item = self.items.item(kept, ())
            if item is not None:
                items.append(item)
        self.reader.diagnostics.extend(self.items.diagnostics)
        meta = self.reader.meta
        return ArgumentMap(items, **{k: v for k, v in meta.items() if k in ("title", "lang", "question")})

    def argument_item(self, key: str, reconstructed: bool, names: dict[str, str]):
        entry = self.arguments[key]
        element: _Element = entry["element"]
        data = dict(entry["data"])
        if not reconstructed:
            # An argument Argdown only sketches is, to argmap, a claim.
            text = " ".join(entry["texts"]) or (element.title or "")
            sketch = _Element("argument", element.title, True, text, element.line, element.column,
                              data=data or None, tags=entry.get("tags", []), key=key)
            ident = self.id_for("argument", key)
            if not entry["texts"] and key in self.relation_names():
                return None  # `<r>` above an undercut: the relation named r
            if ident not in self.claims:
                self.claim(sketch)
                return self.claims[ident], sketch
            return None
        ident = self.id_for("argument", key)
        names[key] = ident
        steps = [{"premises": p, "conclusion": c} for p, c in entry["steps"]]
        if data.get("argmap") == "support":
            premises = [p for s in steps for p in s["premises"]]
            item = {"type": "support", "premises": premises, "conclusion": steps[-1]["conclusion"]}
            if not data.get("unnamed"):
                item["name"] = ident
            item.update({k: v for k, v in data.items() if k in ("tags", "note", "group", "outline")})
            return item, element
        item = {"type": "argument", "id": ident, "title": " ".join(entry["texts"]) or element.title or ident,
                "steps": steps}
        for k in ("title", "gist", "inference", "note", "group", "tags"):
            if k in data:
                item[k] = data[k]
        if "tags" in entry:
            item["tags"] = list(dict.fromkeys(item.get("tags", []) + entry["tags"]))
        if entry.get("inference") and "inference" not in item:
            item["inference"] = entry["inference"]
        return item, element

    def relation_item(self, relation: _Relation, reconstructed: set[str], names: dict[str, str]):
        symbol = relation.symbol
        parent_kind, parent = self.ref(relation.parent)
        member_kind, member = self.ref(relation.member)
        outward = symbol.endswith(">") and symbol != "><"
        source, target = ((parent_kind, parent), (member_kind, member)) if outward else (
            (member_kind, member), (parent_kind, parent))
        data = relation.member.data if isinstance(relation.member.data, dict) else {}
        meta = dict(data.get("relation", {})) if isinstance(data.get("relation"), dict) else {}
        linked = meta.pop("linked", [])
        letter = symbol.strip("<>") or "><"

        def as_id(kind: str, value: str) -> str | None:
            if kind == "claim":
                return value
            if value in reconstructed:
                return None
            return self.id_for("argument", value)

        if letter == "_":
            if target[0] == "argument" and target[1] not in reconstructed and target[1] not in self.relation_names():
                self.reader.lost(warning(
                    "W604", "an undercut of `<{target}>` left out: it has no premise–conclusion structure, and argmap"
                    " undercuts only relations and reconstructed arguments",
                    self.reader.span(relation.line, relation.column), target=target[1]))
                return None
            if target[0] == "argument":
                target_id = self.id_for("argument", target[1])
            else:
                target_id = target[1]
                if target_id not in self.relation_names():
                    self.reader.lost(warning(
                        "W604", "an undercut of the statement `{target}` left out: argmap undercuts only relations"
                        " and arguments", self.reader.span(relation.line, relation.column), target=target_id))
                    return None
            attacker = as_id(*source)
            if attacker is None:
                return self.whole_argument(relation)
            return {"type": "undercut", "attackers": [attacker, *linked], "target": target_id, **meta}, relation.member
        first, second = as_id(*source), as_id(*target)
        if first is None or second is None:
            return self.whole_argument(relation)
        if letter == "+":
            return {"type": "support", "premises": [first], "conclusion": second, **meta}, relation.member
        if letter == "-":
            return {"type": "rebuttal", "attackers": [first, *linked], "target": second, **meta}, relation.member
        return {"type": "contradiction", "first": parent, "second": member, **meta}, relation.member

    def relation_names(self) -> set[str]:
        if self.names_of_relations is not None:
            return self.names_of_relations
        out = set()
        for kind, value in self.order:
            if kind == "relation" and isinstance(value.member.data, dict):
                rel = value.member.data.get("relation")
                if isinstance(rel, dict) and isinstance(rel.get("name"), str):
                    out.add(rel["name"])
        self.names_of_relations = out
        return out

    def whole_argument(self, relation: _Relation):
        self.reader.lost(
            warning(
                "W604",
                "a relation of a reconstructed argument as a whole left out: in argmap, relate its premises"
                " or conclusion",
                self.reader.span(relation.line, relation.column),
            )
        )
        return None


def read(text: str, filename: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    """The map in Argdown ``text`` and the diagnostics (W604 for what was left out)."""
    reader = _ArgdownReader(text, filename)
    reader.read()
    builder = _Builder(reader)
    argument_map = builder.run()
    return argument_map, sorted(reader.diagnostics, key=lambda d: (d.span.line, d.span.column) if d.span else (0, 0))
