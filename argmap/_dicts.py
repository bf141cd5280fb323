"""An argument map as plain data (dicts, lists, strings, numbers) and back.

This is argmap's JSON format (:mod:`argmap.formats.json` reads and writes
the text; ``argmap/formats/argmap.schema.json`` describes it):
``{"format": "argmap", "version": 1, "title": ..., "lang": ...,
"question": ..., "items": [...]}``, one object per item in the order the
map holds them, its ``type`` first (``claim``, ``source``, ``support``,
``rebuttal``, ``contradiction``, ``undercut``, ``argument``, ``position``,
``group``, ``comment``), then its fields by their names in the model.
A field at its default value is left out. Spans are left out; comments,
and what the formatter needs to write the map back as it was written (a
claim's ``argument``, an item's ``outline`` depth), are kept.

:func:`map_to_dict` never fails; :func:`map_from_dict` never raises: it
returns the map it could build and diagnostics that name the JSON path of
each problem (``$.items[3].text``), with line and column when the data was
read from text (:class:`argmap.formats._jsontext.JsonText`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from argmap._i18n import N_, phrase
from argmap.diagnostics import Diagnostic, error, warning
from argmap.model import (
    Argument,
    ArgumentMap,
    Basis,
    Claim,
    Comment,
    Contradiction,
    Group,
    ModelError,
    Position,
    Rebuttal,
    Source,
    Step,
    Support,
    Undercut,
)

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "KINDS", "map_to_dict", "map_from_dict"]

FORMAT_NAME = "argmap"
FORMAT_VERSION = 1

# What a field holds in JSON.
_STR, _STRS, _NUM, _BOOL, _INT, _MAP, _STEPS = "str", "strs", "num", "bool", "int", "map", "steps"

_WHAT = {
    _STR: N_("a string"),
    _STRS: N_("a list of strings"),
    _NUM: N_("a number"),
    _BOOL: N_("true or false"),
    _INT: N_("a whole number"),
    _MAP: N_("an object of strings"),
    _STEPS: N_("a list of steps"),
}

_OBJECTION = {
    "attackers": _STRS,
    "target": _STR,
    "name": _STR,
    "tags": _STRS,
    "note": _STR,
    "group": _STR,
    "outline": _INT,
}

#: Each kind: its class, its fields in the order written, and the fields it must have.
KINDS: dict[str, tuple[type, dict[str, str], tuple[str, ...]]] = {
    "claim": (
        Claim,
        {
            "id": _STR,
            "text": _STR,
            "source": _STR,
            "basis": _STR,
            "quote": _STR,
            "tags": _STRS,
            "weight": _NUM,
            "group": _STR,
            "note": _STR,
            "implicit": _BOOL,
            "extra": _MAP,
            "argument": _STR,
            "outline": _INT,
        },
        ("id", "text"),
    ),
    "source": (
        Source,
        {
            "id": _STR,
            "title": _STR,
            "author": _STR,
            "date": _STR,
            "kind": _STR,
            "url": _STR,
            "file": _STR,
            "extra": _MAP,
        },
        ("id", "title"),
    ),
    "support": (
        Support,
        {
            "premises": _STRS,
            "conclusion": _STR,
            "name": _STR,
            "tags": _STRS,
            "note": _STR,
            "group": _STR,
            "outline": _INT,
        },
        ("premises", "conclusion"),
    ),
    "rebuttal": (Rebuttal, _OBJECTION, ("attackers", "target")),
    "undercut": (Undercut, _OBJECTION, ("attackers", "target")),
    "contradiction": (
        Contradiction,
        {"first": _STR, "second": _STR, "name": _STR, "tags": _STRS, "note": _STR, "group": _STR},
        ("first", "second"),
    ),
    "argument": (
        Argument,
        {
            "id": _STR,
            "title": _STR,
            "gist": _STR,
            "inference": _STR,
            "tags": _STRS,
            "note": _STR,
            "group": _STR,
            "steps": _STEPS,
        },
        ("id", "title", "steps"),
    ),
    "position": (Position, {"id": _STR, "accepts": _STRS, "rejects": _STRS}, ("id",)),
    "group": (Group, {"id": _STR, "label": _STR, "parent": _STR}, ("id", "label")),
    "comment": (Comment, {"text": _STR}, ("text",)),
}
_KIND_OF = {cls: kind for kind, (cls, _, _) in KINDS.items()}
#: The fields whose ids each kind's ``ref_spans`` point at, in their order (see argmap.model).
_REFERENCES: dict[type, tuple[str, ...]] = {
    Claim: ("id", "source"),
    Source: ("id",),
    Support: ("premises", "conclusion", "name"),
    Rebuttal: ("attackers", "target", "name"),
    Undercut: ("attackers", "target", "name"),
    Contradiction: ("first", "second", "name"),
    Argument: ("id",),
    Position: ("id", "accepts", "rejects"),
    Group: ("id", "parent"),
}
_TOP = ("$schema", "format", "version", "title", "lang", "question", "items")
_STEP_FIELDS = ("premises", "conclusion")


# -- writing ------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Basis):
        return value.value
    return value


def _defaults(cls: type) -> dict[str, Any]:
    return {a.name: a.default for a in attrs.fields(cls) if a.default is not attrs.NOTHING}


_DEFAULTS = {cls: _defaults(cls) for cls, _, _ in KINDS.values()}


def item_to_dict(item: Any) -> dict[str, Any]:
    """One item as a dict: ``type`` and the fields not at their default."""
    kind = _KIND_OF[type(item)]
    out: dict[str, Any] = {"type": kind}
    defaults = _DEFAULTS[type(item)]
    for name, what in KINDS[kind][1].items():
        value = getattr(item, name)
        if name in defaults and value == defaults[name]:
            continue
        if what == _MAP:
            out[name] = {a.key: a.value for a in value}
        elif what == _STEPS:
            out[name] = [{"premises": list(s.premises), "conclusion": s.conclusion} for s in value]
        else:
            out[name] = _plain(value)
    return out


def map_to_dict(argument_map: ArgumentMap) -> dict[str, Any]:
    """The map as JSON-ready data (see the module's docstring)."""
    out: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    for key in ("title", "lang", "question"):
        value = getattr(argument_map, key)
        if value is not None:
            out[key] = value
    out["items"] = [item_to_dict(item) for item in argument_map.items]
    return out


# -- reading ------------------------------------------------------------------

Where = Callable[..., Any]


def _no_place(path: tuple, key: bool = False) -> None:
    return None


def _path_text(path: tuple) -> str:
    from argmap.formats._jsontext import json_path

    return json_path(path)


def _type_ok(value: Any, what: str) -> bool:
    if what == _STR:
        return isinstance(value, str)
    if what == _STRS:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if what == _NUM:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if what == _BOOL:
        return isinstance(value, bool)
    if what == _INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if what == _MAP:
        return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
    return isinstance(value, list)


class _Reader:
    def __init__(self, where: Where):
        self.where = where
        self.diagnostics: list[Diagnostic] = []

    def wrong(self, path: tuple, what: str) -> None:
        self.diagnostics.append(
            error(
                "E602",
                "`{path}`: expected {what}",
                self.where(path),
                path=_path_text(path),
                what=phrase(what),
            )
        )

    def missing(self, path: tuple, name: str) -> None:
        self.diagnostics.append(
            error(
                "E602",
                "`{path}` has no `{field}`",
                self.where(path),
                "add the field; the item is left out",
                path=_path_text(path),
                field=name,
            )
        )

    def refused(self, path: tuple, exc: ModelError) -> None:
        self.diagnostics.append(
            error(
                "E602",
                "`{path}`: {reason}",
                self.where(path),
                "the item is left out",
                path=_path_text(path),
                reason=exc.reason,
            )
        )

    def unknown(self, path: tuple, known: tuple[str, ...] | Any) -> None:
        self.diagnostics.append(
            warning(
                "W603",
                "unknown key `{key}` at `{path}` ignored",
                self.where(path, True),
                "the keys here are {known}",
                key=path[-1],
                path=_path_text(path[:-1]),
                known=", ".join(f"`{k}`" for k in known),
            )
        )

    def item(self, data: Any, path: tuple) -> Any:
        if not isinstance(data, dict):
            self.wrong(path, N_("an object"))
            return None
        kind = data.get("type")
        if kind not in KINDS:
            if kind is None:
                self.missing(path, "type")
            else:
                self.diagnostics.append(
                    error(
                        "E602",
                        "`{path}`: unknown item type `{kind}`",
                        self.where(path + ("type",)),
                        "the types are {kinds}",
                        path=_path_text(path + ("type",)),
                        kind=str(kind),
                        kinds=", ".join(f"`{k}`" for k in KINDS),
                    )
                )
            return None
        cls, fields, required = KINDS[kind]
        values: dict[str, Any] = {}
        ok = True
        for key, value in data.items():
            if key == "type":
                continue
            what = fields.get(key)
            if what is None:
                self.unknown(path + (key,), ("type",) + tuple(fields))
                continue
            if value is None and key not in required:
                continue
            if not _type_ok(value, what):
                self.wrong(path + (key,), _WHAT[what])
                ok = False
                continue
            if what == _STEPS:
                value = self.steps(value, path + (key,))
                if value is None:
                    ok = False
                    continue
            values[key] = value
        for name in required:
            if name not in data:
                self.missing(path, name)
                ok = False
        if not ok:
            return None
        try:
            item = cls(**values)
        except ModelError as exc:
            field_path = path + (exc.field,) if exc.field in data else path
            self.refused(field_path, exc)
            return None
        return self.placed(item, path, data)

    def placed(self, item: Any, path: tuple, data: dict[str, Any]) -> Any:
        """The item with the span of its object and the spans of the ids it
        names, when the data was read from text (so that ``argmap check``
        can point into the file)."""
        span = self.where(path)
        if span is None or isinstance(item, Comment):
            # A comment's span says where the formatter puts it, which a JSON file cannot tell.
            return item
        changes: dict[str, Any] = {"span": span}
        refs = _REFERENCES.get(type(item))
        if refs is not None:
            spans = []
            for name in refs:
                value = data.get(name)
                if isinstance(value, list):
                    spans.extend(self.where(path + (name, i)) for i in range(len(value)))
                elif value is not None:
                    spans.append(self.where(path + (name,)))
                elif name in ("name", "source", "parent"):
                    break  # optional and last: nothing after it
            if all(x is not None for x in spans):
                changes["ref_spans"] = tuple(spans)
        return attrs.evolve(item, **changes)

    def steps(self, data: list, path: tuple) -> list[Step] | None:
        out = []
        for i, step in enumerate(data):
            here = path + (i,)
            if not isinstance(step, dict):
                self.wrong(here, N_("an object"))
                return None
            for key in step:
                if key not in _STEP_FIELDS:
                    self.unknown(here + (key,), _STEP_FIELDS)
            premises, conclusion = step.get("premises", []), step.get("conclusion")
            if not _type_ok(premises, _STRS):
                self.wrong(here + ("premises",), _WHAT[_STRS])
                return None
            if not isinstance(conclusion, str):
                if conclusion is None:
                    self.missing(here, "conclusion")
                else:
                    self.wrong(here + ("conclusion",), _WHAT[_STR])
                return None
            try:
                out.append(Step(premises, conclusion))
            except ModelError as exc:
                self.refused(here + (exc.field,), exc)
                return None
        return out


def map_from_dict(data: Any, where: Where | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    """The map ``data`` describes (what could be read of it) and the
    diagnostics: E602 for a value of the wrong type or a missing field (the
    item is left out), W603 for a key argmap does not know (ignored).
    ``where(path, key=False)`` gives the span of the value at a JSON path (of
    its key with ``key=True``), or None."""
    reader = _Reader(where or _no_place)
    if not isinstance(data, Mapping):
        reader.wrong((), N_("an object"))
        return ArgumentMap(), reader.diagnostics
    fmt = data.get("format", FORMAT_NAME)
    if fmt != FORMAT_NAME:
        reader.diagnostics.append(
            warning(
                "W603",
                "`$.format` is `{format}`, not `argmap`; read as argmap's JSON",
                reader.where(("format",)),
                "convert other formats with `--from`",
                format=str(fmt),
            )
        )
    version = data.get("version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        reader.diagnostics.append(
            warning(
                "W603",
                "`$.version` is {version}; this argmap reads version {known}",
                reader.where(("version",)),
                version=str(version),
                known=str(FORMAT_VERSION),
            )
        )
    for key in data:
        if key not in _TOP:
            reader.unknown((key,), _TOP)
    meta: dict[str, Any] = {}
    for key in ("title", "lang", "question"):
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            meta[key] = value
        else:
            reader.wrong((key,), _WHAT[_STR])
    if "items" not in data:
        looks_like_aif = "nodes" in data or "AIF" in data
        reader.diagnostics.append(
            error(
                "E602",
                "`$` has no `items`: this is not a map in argmap's JSON",
                reader.where(()),
                "is it an AIF file? read it with `--from aif`" if looks_like_aif else None,
            )
        )
    raw_items = data.get("items", [])
    items = []
    if not isinstance(raw_items, list):
        reader.wrong(("items",), N_("a list of items"))
        raw_items = []
    for i, raw in enumerate(raw_items):
        item = reader.item(raw, ("items", i))
        if item is not None:
            items.append(item)
    try:
        built = ArgumentMap(items, **meta)
    except ModelError as exc:
        reader.refused((exc.field,), exc)
        built = ArgumentMap(items)
    return built, reader.diagnostics
