"""argmap's JSON format: lossless round trips, the schema, and diagnostics for bad JSON."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from argmap import ArgumentMap, Claim, ParseError, Support, load
from argmap.diagnostics import format_diagnostic
from argmap.formats import json as argjson
from argmap.formats._jsontext import json_path, load_json
from tests.strategies import maps
from tests.test_packaging import wheel  # noqa: F401 (the fixture that builds the wheel)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.argmap"))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALIDATOR = jsonschema.Draft202012Validator(argjson.schema())


def test_schema_is_a_valid_draft_2020_12_schema():
    """The shipped schema is itself valid under the 2020-12 meta-schema."""
    jsonschema.Draft202012Validator.check_schema(argjson.schema())
    assert argjson.schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_round_trip_and_schema(path):
    """Every example: its JSON is valid under the schema and reads back to an equal map."""
    m = load(path)
    text = argjson.write(m)
    VALIDATOR.validate(json.loads(text))
    back, diagnostics = argjson.read(text, "x.json")
    assert diagnostics == []
    assert back == m
    assert back.to_source() and ArgumentMap.from_dict(m.to_dict()) == m


@SETTINGS
@given(maps())
def test_generated_maps_round_trip(m):
    """Generated maps with every kind of item survive to_dict/from_dict and the JSON text, and validate."""
    data = m.to_dict()
    VALIDATOR.validate(data)
    assert ArgumentMap.from_dict(data) == m
    back, diagnostics = argjson.read(argjson.write(m))
    assert diagnostics == [] and back == m


def test_formatting_hints_are_kept():
    """A claim defined inside an outline is written back inside it (its outline depth is kept)."""
    from argmap import parse

    m = parse("claim a: Rain.\n  + b: Clouds.\n")
    back = ArgumentMap.from_dict(m.to_dict())
    assert back.to_source() == m.to_source()


def test_to_dict_is_plain_json_data():
    """Enums and tuples become strings and lists: json.dumps takes the dict as it is."""
    m = ArgumentMap([Claim("a", "Rain.", basis="Studie", tags=["x"]), Claim("b", "Wet."), Support(["a"], "b")])
    data = m.to_dict()
    assert data["items"][0] == {"type": "claim", "id": "a", "text": "Rain.", "basis": "study", "tags": ["x"]}
    assert json.loads(json.dumps(data)) == data


def codes(text):
    return [(d.code, d.span.line, d.span.column) for d in argjson.read(text, "m.json")[1]]


def test_invalid_json_has_line_and_column():
    """Text that is not JSON is one E601 at the place json stopped, never a traceback."""
    text = '{\n  "items": [\n    {"type": "claim", "id": "a" "text": "x"}\n  ]\n}\n'
    m, diagnostics = argjson.read(text, "m.json")
    assert [(d.code, d.span.line, d.span.column) for d in diagnostics] == [("E601", 3, 33)]
    assert "expected `,` between two values" in diagnostics[0].message
    assert m == ArgumentMap()
    assert "m.json:3:33: error[E601]" in format_diagnostic(diagnostics[0], text)


@pytest.mark.parametrize("text", ["", "[", '{"a": ', '{"a": 1} x', '"\\x"', "[" * 5000, '{"items": [1,]}'])
def test_broken_json_never_raises(text):
    """Truncated, trailing, badly escaped and deeply nested text each give E601."""
    assert [c[0] for c in codes(text)] == ["E601"]


def test_wrong_types_and_missing_fields_name_the_json_path():
    """E602 names the JSON path and points at the value; the bad item is left out, the others kept."""
    text = (
        '{"items": [\n'
        '  {"type": "claim", "id": "a", "text": "Rain."},\n'
        '  {"type": "claim", "id": "b", "text": 3},\n'
        '  {"type": "support", "premises": ["a"]},\n'
        '  {"type": "claim", "id": "c", "text": "x", "weight": 2},\n'
        '  {"type": "thing"}\n'
        "]}\n"
    )
    m, diagnostics = argjson.read(text, "m.json")
    assert [c.id for c in m.claims] == ["a"]
    found = [(d.code, d.message, d.span.line, d.span.column) for d in diagnostics]
    assert found == [
        ("E602", "`$.items[1].text`: expected a string", 3, 40),
        ("E602", "`$.items[2]` has no `conclusion`", 4, 3),
        ("E602", "`$.items[3].weight`: a weight is a number from 0 to 1", 5, 55),
        ("E602", "`$.items[4].type`: unknown item type `thing`", 6, 12),
    ]


def test_unknown_and_repeated_keys_are_warnings_that_say_what_was_ignored():
    """W603 for a key argmap does not know and for a key given twice; the map is still read."""
    text = '{"items": [{"type": "claim", "id": "a", "text": "Rain.", "colour": "red"}], "title": "A", "title": "B"}'
    m, diagnostics = argjson.read(text, "m.json")
    assert m.title == "B" and m.claim("a").text == "Rain."
    assert [d.code for d in diagnostics] == ["W603", "W603"]
    assert "`colour` at `$.items[0]`" in diagnostics[1].message and "`title` is given twice" in diagnostics[0].message


def test_other_json_is_reported_not_read_as_empty():
    """AIF read as argmap JSON is an error that suggests --from aif (and W603 for its keys), not an empty map."""
    m, diagnostics = argjson.read('{"nodes": [], "edges": []}', "x.json")
    assert [d.code for d in diagnostics] == ["W603", "W603", "E602"]
    assert any("`nodes`" in d.message for d in diagnostics)
    assert diagnostics[-1].hint == "is it an AIF file? read it with `--from aif`"
    assert [d.code for d in argjson.read('{"title": "x"}')[1]] == ["E602"]
    assert argjson.read('{"items": []}')[1] == []


def test_from_dict_raises_parse_error_with_the_diagnostics():
    """ArgumentMap.from_dict raises ParseError (a ValueError) carrying E602 diagnostics."""
    with pytest.raises(ParseError) as caught:
        ArgumentMap.from_dict({"items": [{"type": "claim", "id": "a"}]})
    assert [d.code for d in caught.value.diagnostics] == ["E602"]
    assert isinstance(caught.value, ValueError)


def test_diagnostics_translate():
    """The diagnostics keep their templates: German says the same path."""
    d = argjson.read('{"items": [{"type": "claim", "id": "a", "text": 3}]}')[1][0]
    assert "$.items[0].text" in d.localized("de").message


def test_json_path_and_positions():
    """Paths with odd keys are quoted; every value's offset is recorded."""
    doc, diagnostics = load_json('{"a b": [1, {"c": true}]}')
    assert diagnostics == [] and doc.value == {"a b": [1, {"c": True}]}
    assert json_path(("a b", 1, "c")) == '$["a b"][1].c'
    assert doc.span(("a b", 1, "c")).column == 19
    assert doc.span(("missing",)).column == 1


def test_schema_ships_in_the_wheel(wheel):
    """The schema is package data: the built wheel carries it, byte for byte."""
    import zipfile

    data = zipfile.ZipFile(wheel).read("argmap/formats/argmap.schema.json")
    assert data == (ROOT / "argmap" / "formats" / "argmap.schema.json").read_bytes()


def test_items_read_from_json_point_into_the_file():
    """Items and the ids they name carry spans in the JSON text, so argmap check points at the JSON."""
    from argmap import check

    text = (
        '{"items": [\n {"type": "claim", "id": "a", "text": "A", "source": "s"},\n'
        ' {"type": "support", "premises": ["a", "x"], "conclusion": "a"}\n]}'
    )
    m, diagnostics = argjson.read(text, "m.json")
    assert diagnostics == []
    found = {d.code: (d.span.line, d.span.column) for d in check(m)}
    assert found["E205"] == (2, 54) and found["E201"] == (3, 40)
