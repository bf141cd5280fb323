"""argmap's own JSON: everything the language holds, as data.

The layout is described in :mod:`argmap._dicts` and by the JSON Schema
``argmap/formats/argmap.schema.json`` (draft 2020-12). Spans are left out;
comments are kept. :func:`read` never raises: bad JSON is E601 with line
and column, a value of the wrong type or a missing field is E602 with its
JSON path (the item is left out), an unknown key is W603 (ignored).

>>> from argmap import parse
>>> m = parse("claim a: Rain.\\nclaim b: Wet.\\na supports b\\n")
>>> text = write(m)
>>> read(text)[0] == m
True
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from argmap._dicts import map_from_dict, map_to_dict
from argmap.diagnostics import Diagnostic, warning
from argmap.formats._jsontext import json_path, load_json
from argmap.model import ArgumentMap

__all__ = ["read", "write", "schema", "SCHEMA_FILE"]

#: The schema's file name inside the package ``argmap.formats``.
SCHEMA_FILE = "argmap.schema.json"


def write(argument_map: ArgumentMap) -> str:
    """The map as argmap JSON text (indented, UTF-8 characters as they are)."""
    return json.dumps(map_to_dict(argument_map), ensure_ascii=False, indent=2) + "\n"


def read(text: str, filename: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    """The map in argmap JSON ``text`` and the diagnostics (see the module)."""
    doc, diagnostics = load_json(text, filename)
    if doc.value is None and diagnostics:
        return ArgumentMap(), diagnostics
    for path in doc.repeated:
        diagnostics.append(
            warning(
                "W603",
                "the key `{key}` is given twice at `{path}`; the last value is read",
                doc.span(path, key=True),
                key=str(path[-1]),
                path=json_path(path[:-1]),
            )
        )
    argument_map, more = map_from_dict(doc.value, doc.span)
    return argument_map, diagnostics + more


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of argmap JSON."""
    return json.loads(resources.files("argmap.formats").joinpath(SCHEMA_FILE).read_text("utf-8"))
