"""JSON read with the place of every value, for diagnostics that point into the file.

:func:`load_json` parses JSON text like :func:`json.loads` and also records
where each value (and each object key) starts, by its path from the root
(``("items", 3, "text")``), so a reader can say
``map.json:12:17: error[E602]: $.items[3].text: expected a string``.
Bad JSON gives one E601 diagnostic with line and column, never an exception.
"""

from __future__ import annotations

import bisect
import re
from json.decoder import JSONDecodeError, scanstring  # type: ignore[attr-defined]
from typing import Any, Union

from argmap._i18n import N_, phrase
from argmap.diagnostics import Diagnostic, error
from argmap.model import Span

__all__ = ["Path", "JsonText", "load_json", "json_path"]

#: A value's path from the root: object keys and array indices.
Path = tuple[Union[str, int], ...]

_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_LITERALS = (("true", True), ("false", False), ("null", None))
_SIMPLE_KEY = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*\Z")
#: Deeper nesting is refused as a mistake (and would exhaust Python's stack).
MAX_DEPTH = 200


def json_path(path: Path) -> str:
    """``path`` written as a JSON path: ``$.items[3].text``.

    >>> json_path(("items", 3, "text")), json_path(()), json_path(("a b",))
    ('$.items[3].text', '$', '$["a b"]')
    """
    out = ["$"]
    for step in path:
        if isinstance(step, int):
            out.append(f"[{step}]")
        elif _SIMPLE_KEY.match(step):
            out.append(f".{step}")
        else:
            out.append("[" + _quote(step) + "]")
    return "".join(out)


def _quote(key: str) -> str:
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


class JsonText:
    """A JSON document: its value, and where each value and key starts."""

    def __init__(self, text: str, filename: str | None):
        self.text = text
        self.filename = filename
        self.value: Any = None
        #: Offset where the value at a path starts.
        self.offsets: dict[Path, int] = {}
        #: Offset where the key of an object member starts (by the member's path).
        self.key_offsets: dict[Path, int] = {}
        #: Offset just after each string, number and literal (objects and arrays have none).
        self.ends: dict[Path, int] = {}
        self.key_ends: dict[Path, int] = {}
        #: Paths of keys an object gave twice (the last value wins, as in json.loads).
        self.repeated: list[Path] = []
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def span(self, path: Path, key: bool = False) -> Span | None:
        """Where the value at ``path`` (or, with ``key``, its key) starts, or
        the nearest enclosing value that was written."""
        table = self.key_offsets if key else self.offsets
        while path not in table and path:
            if key:
                table = self.offsets
            path = path[:-1]
        offset = table.get(path)
        if offset is None:
            return Span(self.filename, 1, 1, 1, 1)
        line, column = self.position(offset)
        end = (self.key_ends if table is self.key_offsets else self.ends).get(path)
        end_line, end_column = self.position(end) if end is not None else (line, column + 1)
        if end_line != line:
            end_line, end_column = line, column + 1
        return Span(self.filename, line, column, end_line, end_column)


def load_json(text: str, filename: str | None = None) -> tuple[JsonText, list[Diagnostic]]:
    """Parse ``text``; the document (its value None when the text is not
    JSON) and an E601 diagnostic for text that is not JSON."""
    doc = JsonText(text, filename)
    parser = _Parser(doc)
    try:
        end = parser.value(_skip(text, 1 if text.startswith("\ufeff") else 0), (), 0)
        end = _skip(text, end)
        if end != len(text):
            raise JSONDecodeError("Extra data", text, end)
    except JSONDecodeError as exc:
        doc.value = None
        line, column = doc.position(exc.pos)
        span = Span(filename, line, column, line, column + 1)
        known = next((said for start, said in _REASONS.items() if exc.msg.startswith(start)), None)
        reason = phrase(known) if known is not None else exc.msg
        return doc, [
            error("E601", "not valid JSON: {reason}", span, "check the brackets, commas and quotes", reason=reason)
        ]
    doc.value = parser.result
    return doc, []


# json's own messages, said more plainly.
_REASONS = {
    "Expecting value": N_("a value is missing here"),
    "Expecting property name enclosed in double quotes": N_("expected a key in double quotes"),
    "Expecting ':' delimiter": N_("expected `:` after the key"),
    "Expecting ',' delimiter": N_("expected `,` between two values"),
    "Extra data": N_("more text after the end of the JSON value"),
    "Unterminated string starting at": N_("a string without its closing quote"),
    "Invalid control character at": N_("a line break or control character inside a string"),
    "Invalid \\escape": N_("an invalid backslash escape"),
    "Invalid \\uXXXX escape": N_("an invalid \\u escape"),
    "nested too deeply": N_("nested too deeply"),
}


def _skip(text: str, pos: int) -> int:
    return _SPACE.match(text, pos).end()  # type: ignore[union-attr]


class _Parser:
    def __init__(self, doc: JsonText):
        self.doc = doc
        self.text = doc.text
        self.result: Any = None

    def value(self, pos: int, path: Path, depth: int) -> int:
        """Parse the value at ``pos`` into ``self.result``; the offset after it."""
        text = self.text
        self.doc.offsets[path] = pos
        char = text[pos : pos + 1]
        if depth > MAX_DEPTH:
            raise JSONDecodeError("nested too deeply", text, pos)
        if char == "{":
            return self._object(pos + 1, path, depth)
        if char == "[":
            return self._array(pos + 1, path, depth)
        if char == '"':
            self.result, end = scanstring(text, pos + 1, True)
        elif (number := _NUMBER.match(text, pos)) and number.end() > pos:
            literal = number.group()
            self.result = float(literal) if number.group(1) or number.group(2) else int(literal)
            end = number.end()
        else:
            for word, value in _LITERALS:
                if text.startswith(word, pos):
                    self.result = value
                    end = pos + len(word)
                    break
            else:
                raise JSONDecodeError("Expecting value", text, pos)
        self.doc.ends[path] = end
        return end

    def _object(self, pos: int, path: Path, depth: int) -> int:
        text = self.text
        out: dict[str, Any] = {}
        pos = _skip(text, pos)
        if text[pos : pos + 1] == "}":
            self.result = out
            return pos + 1
        while True:
            if text[pos : pos + 1] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", text, pos)
            key_at = pos
            key, key_end = scanstring(text, pos + 1, True)
            pos = _skip(text, key_end)
            if text[pos : pos + 1] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", text, pos)
            member = path + (key,)
            if key in out:
                self.doc.repeated.append(member)
            self.doc.key_offsets[member] = key_at
            self.doc.key_ends[member] = key_end
            pos = self.value(_skip(text, pos + 1), member, depth + 1)
            out[key] = self.result
            pos, closed = self._after_member(pos, "}")
            if closed:
                self.result = out
                return pos

    def _array(self, pos: int, path: Path, depth: int) -> int:
        text = self.text
        out: list[Any] = []
        pos = _skip(text, pos)
        if text[pos : pos + 1] == "]":
            self.result = out
            return pos + 1
        while True:
            pos = self.value(pos, path + (len(out),), depth + 1)
            out.append(self.result)
            pos, closed = self._after_member(pos, "]")
            if closed:
                self.result = out
                return pos

    def _after_member(self, pos: int, close: str) -> tuple[int, bool]:
        """After a member of an object or array: past the closing bracket
        (and True), or past the comma to the next member (and False)."""
        text = self.text
        pos = _skip(text, pos)
        char = text[pos : pos + 1]
        if char == close:
            return pos + 1, True
        if char != ",":
            raise JSONDecodeError("Expecting ',' delimiter", text, pos)
        return _skip(text, pos + 1), False
