"""argmap convert, argmap.load/dumps and the format registry; ICCMA round trips through a map."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ParseError
from argmap.cli import main
from argmap.formats import iccma
from argmap.formats.registry import FORMATS, UnknownFormat, dumps, format_of, get_format, load, loads, read_as
from tests.strategies import ids

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.argmap"))
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_registry_names_every_format():
    """The registry has the nine formats; kialo is read only, graphml write only."""
    assert set(FORMATS) == {"argmap", "json", "aif", "argdown", "apx", "i23", "tgf", "kialo", "graphml"}
    assert not FORMATS["kialo"].writable and not FORMATS["graphml"].readable
    assert format_of("A.JSON").name == "json" and format_of("x.txt") is None
    with pytest.raises(UnknownFormat):
        get_format("docx")
    with pytest.raises(UnknownFormat):
        get_format(None, "notes.txt")


def test_public_load_and_dumps():
    """argmap.load reads any format (by suffix or name); argmap.dumps writes any."""
    assert argmap.load is load and argmap.dumps is dumps
    m = argmap.load(EXAMPLES[0])
    assert loads(dumps(m, "json"), "json") == m
    assert loads(dumps(m), "argmap") == m


def test_load_by_suffix_and_by_name(tmp_path):
    """A .json file is read as JSON; format= overrides the suffix; the map remembers its path."""
    m = argmap.load(EXAMPLES[0])
    (tmp_path / "m.json").write_text(dumps(m, "json"), "utf-8")
    (tmp_path / "m.txt").write_text(dumps(m, "json"), "utf-8")
    assert load(tmp_path / "m.json") == m
    assert load(tmp_path / "m.txt", format="json") == m
    assert load(tmp_path / "m.json").path == str(tmp_path / "m.json")
    with pytest.raises(ParseError):
        load(tmp_path / "m.txt")  # read as argmap text


def test_loads_raises_parse_error_for_errors():
    """Bad input raises ParseError with its diagnostics; read_as returns them."""
    with pytest.raises(ParseError) as caught:
        loads("{", "json")
    assert caught.value.diagnostics[0].code == "E601"
    assert [d.code for d in read_as("json", "{")[1]] == ["E601"]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_convert_example_to_json_and_back(path, tmp_path):
    """convert x.argmap -o x.json, then back: an equal map, and nothing printed."""
    code, out, err = run("convert", str(path), "-o", str(tmp_path / "x.json"))
    assert (code, out, err) == (0, "", "")
    code, out, err = run("convert", str(tmp_path / "x.json"), "-o", str(tmp_path / "x.argmap"))
    assert (code, err) == (0, "")
    assert argmap.load(tmp_path / "x.argmap") == argmap.load(path)


def test_convert_to_standard_output_and_from_standard_input(tmp_path, monkeypatch):
    """-o - (or no -o) writes standard output, - reads standard input (argmap text unless --from)."""
    code, out, err = run("convert", str(EXAMPLES[0]), "--to", "json")
    assert code == 0 and loads(out, "json") == argmap.load(EXAMPLES[0])
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(out.encode("utf-8"))))
    code, out2, err = run("convert", "-", "--from", "json", "--to", "argmap", "-o", "-")
    assert code == 0 and argmap.parse(out2) == argmap.load(EXAMPLES[0])


def test_convert_needs_a_format_it_can_tell(tmp_path):
    """An output suffix that names no format, or a format that cannot be written, is a usage error (exit 2)."""
    code, _, err = run("convert", str(EXAMPLES[0]), "-o", str(tmp_path / "x.txt"))
    assert code == 2 and "--to" in err
    code, _, err = run("convert", str(EXAMPLES[0]), "--to", "kialo")
    assert code == 2
    assert not (tmp_path / "x.txt").exists()


def test_convert_with_errors_writes_nothing(tmp_path):
    """Input with errors: its diagnostics like argmap check, exit 1, the output file untouched."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"items": [{"type": "claim", "id": "a"}]}', "utf-8")
    target = tmp_path / "out.argmap"
    target.write_text("claim old: Old.\n", "utf-8")
    code, out, err = run("convert", str(bad), "-o", str(target))
    assert code == 1
    assert "bad.json:1:12: error[E602]: `$.items[0]` has no `text`" in err
    assert "^" in err and "not converted" in err
    assert target.read_text("utf-8") == "claim old: Old.\n"


def test_convert_refuses_a_framework_of_a_broken_map(tmp_path):
    """A map with an unknown id has no framework: apx output is refused with the diagnostic, no traceback."""
    bad = tmp_path / "bad.argmap"
    bad.write_text("claim a: A.\nb rebuts a\n", "utf-8")
    code, out, err = run("convert", str(bad), "--to", "apx")
    assert code == 1 and "E201" in err and "Traceback" not in err and out == ""


def test_convert_missing_file(tmp_path):
    """A file that cannot be read is one line and exit 1."""
    code, _, err = run("convert", str(tmp_path / "none.json"), "-o", str(tmp_path / "x.argmap"))
    assert code == 1 and "cannot read" in err


def test_convert_help_lists_formats(capsys):
    """argmap convert --help names the formats."""
    code, _, _ = run("convert", "--help")
    out = capsys.readouterr().out
    assert code == 0 and "graphml" in out and "--from" in out


# -- ICCMA frameworks through a map ------------------------------------------------


@st.composite
def frameworks(draw):
    names = draw(st.lists(ids, min_size=1, max_size=8, unique=True))
    pairs = st.tuples(st.sampled_from(names), st.sampled_from(names))
    attacks = draw(st.lists(pairs, max_size=15, unique=True))
    return names, attacks


@SETTINGS
@given(frameworks(), st.sampled_from(["apx", "i23", "tgf"]))
def test_iccma_to_map_to_iccma(af, fmt):
    """apx, i23 and tgf files (names in any script, self-attacks) read as a map and written back
    give the same framework: the same arguments in the same order and the same attacks."""
    names, attacks = af
    text = iccma.write(fmt, names, attacks)
    m, diagnostics = read_as(fmt, text, f"x.{fmt}")
    assert diagnostics == []
    assert [c.id for c in m.claims] == names
    assert same_framework(dumps(m, fmt), text, fmt)


def same_framework(first: str, second: str, fmt: str) -> bool:
    a, b = iccma.read(fmt, first)[0], iccma.read(fmt, second)[0]
    return a.names == b.names and set(a.attacks) == set(b.attacks) and len(a.attacks) == len(b.attacks)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
@pytest.mark.parametrize("fmt", ["apx", "i23", "tgf"])
def test_example_framework_round_trip(path, fmt):
    """An example's framework written in apx/i23/tgf, read as a map and written again, is the same file."""
    text = dumps(argmap.load(path), fmt)
    assert same_framework(dumps(loads(text, fmt), fmt), text, fmt)


STABLE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X, Y).
defeated(X) :- in(Y), att(Y, X).
:- out(X), not defeated(X).
#show in/1.
"""


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_clingo_reads_every_examples_apx(path):
    """clingo accepts `argmap convert --to apx` of every example and, with a standard stable encoding,
    finds the stable extensions argmap evaluate finds (auxiliary arguments dropped)."""
    clingo = pytest.importorskip("clingo")
    m = argmap.load(path)
    ctl = clingo.Control(["0", "--warn=none"])
    ctl.add("base", [], dumps(m, "apx") + STABLE)
    ctl.ground([("base", [])])
    found = []

    def name(symbol):
        return symbol.string if symbol.type == clingo.SymbolType.String else str(symbol)

    ctl.solve(on_model=lambda model: found.append(
        tuple(sorted(n for n in (name(s.arguments[0]) for s in model.symbols(shown=True)) if not n.startswith("aux_")))
    ))
    expected = argmap.evaluate(m, semantics="stable").extensions
    assert sorted(found) == sorted(tuple(sorted(e)) for e in expected)


@pytest.mark.parametrize("fmt", ["apx", "graphml"])
def test_convert_says_what_a_framework_or_graph_leaves_out(fmt, tmp_path):
    """Writing apx or GraphML prints a note that says what the format cannot hold."""
    code, out, err = run("convert", str(EXAMPLES[0]), "--to", fmt, "-o", str(tmp_path / f"x.{fmt}"))
    assert code == 0 and out == ""
    assert "note:" in err and "not written" in err
    assert (tmp_path / f"x.{fmt}").read_text("utf-8") == dumps(argmap.load(EXAMPLES[0]), fmt)


def test_check_reads_json_and_argdown_by_suffix(tmp_path):
    """argmap check reads a .json or .argdown file by its suffix and points into it."""
    bad = tmp_path / "m.json"
    bad.write_text('{"items": [\n  {"type": "support", "premises": ["x"], "conclusion": "y"}\n]}\n', "utf-8")
    code, out, err = run("check", str(bad))
    assert code == 1 and "m.json:2:36: error[E201]: unknown claim `x`" in out + err
    good = tmp_path / "m.argdown"
    good.write_text("[a]: A.\n  + [b]: B.\n", "utf-8")
    assert run("check", str(good))[0] == 0
