"""ICCMA formats: apx, i23 and tgf read and written, bad files reported, frameworks as maps."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.formats.iccma import (
    MAX_ARGUMENTS,
    apx_term,
    make_ids,
    read,
    read_apx,
    read_i23,
    read_tgf,
    write,
    write_apx,
)
from argmap.semantics import framework

ODD_IDS = ["a", "ärger", "1a", "Bx", "x_y", "12", "not", "größe", "日本", "_u"]
ODD_ATTACKS = [("a", "ärger"), ("ärger", "a"), ("1a", "Bx"), ("12", "not"), ("größe", "größe"), ("日本", "_u")]


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("fmt", ["apx", "i23", "tgf"])
def test_written_framework_reads_back_with_its_ids(fmt):
    """Writing a framework with ids in any script and reading it back gives the same ids and attacks."""
    af, diagnostics = read(fmt, write(fmt, ODD_IDS, ODD_ATTACKS))
    assert diagnostics == []
    assert af.ids == tuple(ODD_IDS)
    assert [(af.ids[a], af.ids[b]) for a, b in af.attacks] == ODD_ATTACKS


@pytest.mark.parametrize("name,term", [("a", "a"), ("ärger", '"ärger"'), ("1a", '"1a"'), ("Bx", '"Bx"'),
                                       ("07", '"07"'), ("7", "7"), ("not", '"not"'), ('say "hi"', r'"say \"hi\""')])
def test_apx_terms(name, term):
    """Plain ASCII constants and integers stay as they are; everything else is a quoted ASP string."""
    assert apx_term(name) == term
    assert read_apx(f"arg({term}).")[0].names == (name,)


def test_clingo_reads_the_apx_of_odd_ids():
    """clingo accepts the apx of ids with umlauts, leading digits and capitals, and finds the stable extensions argmap finds."""
    clingo = pytest.importorskip("clingo")
    text = write_apx(ODD_IDS, ODD_ATTACKS)
    ctl = clingo.Control(["0", "--warn=none"])
    ctl.add("base", [], text + STABLE)
    ctl.ground([("base", [])])
    found = []
    ctl.solve(on_model=lambda model: found.append(sorted(str(s.arguments[0].string if s.arguments[0].type == clingo.SymbolType.String else s.arguments[0]) for s in model.symbols(shown=True))))
    m = read_apx(text)[0].to_map()
    assert sorted(found) == sorted(list(e) for e in argmap.evaluate(m, "stable").extensions)


STABLE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
:- out(X), not defeated(X).
#show in/1.
"""


def test_map_export_to_apx_reads_back_as_the_same_framework():
    """A map's framework written as apx and read back is the same framework, ids included."""
    m = argmap.parse("claim ärger: Ä.\nclaim 1a: Eins.\nclaim Bx: B.\närger rebuts 1a\n1a contradicts Bx\n")
    af = framework(m)
    back = read_apx(af.to_apx())[0].to_map()
    assert framework(back).arguments == af.arguments
    assert framework(back).attacks == af.attacks


def test_i23_names_from_comments():
    """`# i name` comments name the arguments; without them the numbers are the names."""
    af, diagnostics = read_i23("# made by hand\np af 3\n# 2 ärger\n1 2\n2 3\n3 3\n")
    assert diagnostics == []
    assert af.names == ("1", "ärger", "3")
    assert af.labels == ("1", "2", "3")
    assert af.attacks == ((0, 1), (1, 2), (2, 2))


def test_duplicate_attacks_are_read_once():
    """An attack written twice is one attack."""
    assert read_i23("p af 2\n1 2\n1 2\n")[0].attacks == ((0, 1),)
    assert read_apx("arg(a). arg(b). att(a,b). att(a,b).")[0].attacks == ((0, 1),)


def test_ids_made_from_names_that_are_not_ids():
    """Names with spaces, reserved words and clashes get ids of their own; the name stays the claim's text."""
    assert make_ids(["a b", "a_b", "claim", "", "x"]) == ["a_b_2", "a_b", "claim_2", "arg", "x"]
    m = read_apx('arg("a b"). arg(claim). att("a b",claim).')[0].to_map()
    assert [(c.id, c.text) for c in m.claims] == [("a_b", "a b"), ("claim_2", "claim")]
    assert m.rebuttals[0].attackers == ("a_b",) and m.rebuttals[0].target == "claim_2"


BAD = [
    ("i23", "", "E101", 1, 1),
    ("i23", "1 2\n", "E101", 1, 1),
    ("i23", "p af x\n", "E101", 1, 6),
    ("i23", "p xy 3\n", "E101", 1, 3),
    ("i23", f"p af {MAX_ARGUMENTS + 1}\n", "E101", 1, 6),
    ("i23", "p af 99999999999999999999999999999999999999\n", "E101", 1, 6),
    ("i23", "p af 2\n1 3\n", "E201", 2, 3),
    ("i23", "p af 2\n0 1\n", "E201", 2, 1),
    ("i23", "p af 2\n1 2 2\n", "E101", 2, 5),
    ("i23", "p af 2\n1\n", "E101", 2, 1),
    ("i23", "p af 2\n1 b\n", "E101", 2, 3),
    ("i23", "p af 2\np af 3\n", "E101", 2, 1),
    ("i23", "p af 2\n1 ²\n", "E101", 2, 3),
    ("apx", "arg(a).\natt(a,b).\n", "E201", 2, 7),
    ("apx", "arg(a).\narg(a).\n", "E202", 2, 5),
    ("apx", "arg(A).\n", "E101", 1, 5),
    ("apx", "arg(a)\n", "E101", 1, 1),
    ("apx", "  foo(a).\n", "E101", 1, 3),
    ("apx", 'arg("open).\n', "E101", 1, 1),
    ("tgf", "1 a\n1 b\n", "E202", 2, 1),
    ("tgf", "1 a\n#\n1 2\n", "E201", 3, 3),
    ("tgf", "1 a\n#\n1\n", "E101", 3, 1),
]


@pytest.mark.parametrize("fmt,text,code,line,column", BAD)
def test_bad_files_give_positioned_diagnostics(fmt, text, code, line, column):
    """Each kind of mistake is reported with its code, line and column, and a hint."""
    _, diagnostics = read(fmt, text, "f." + fmt)
    assert [(d.code, d.span.line, d.span.column) for d in diagnostics][:1] == [(code, line, column)]
    assert all(d.hint and d.span.file == "f." + fmt for d in diagnostics)


TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(
        st.sampled_from(["p af 3", "p af 0", "p", "1 2", "3 1", "4 4", "#", "# 1 x", "arg(a).", 'arg("b").',
                         "att(a,b).", "att(a,c).", "1 a", "2", "%", "%* c *%", "-1 2", "9" * 40, "\t", "\r", " "]),
        max_size=30,
    ).map("\n".join),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(["apx", "i23", "tgf"]), TEXT)
def test_readers_never_raise(fmt, text):
    """Any text gives a framework and diagnostics that point into the text; the framework becomes a map."""
    af, diagnostics = read(fmt, text, "fuzz")
    lines = text.split("\n")
    for d in diagnostics:
        assert 1 <= d.span.line <= len(lines)
        assert 1 <= d.span.column <= len(lines[d.span.line - 1]) + 1
    assert all(0 <= a < len(af) and 0 <= b < len(af) for a, b in af.attacks)
    m = af.to_map()
    assert len(m.claims) == len(af) and len(m.rebuttals) == len(af.attacks)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_give_a_traceback(tmp_path_factory, data):
    """`argmap check` on random bytes named .apx, .i23 or .tgf reports problems and exits 0 or 1."""
    folder = tmp_path_factory.mktemp("bytes")
    for suffix in ("apx", "i23", "tgf"):
        path = folder / f"x.{suffix}"
        path.write_bytes(data)
        code, _, err = run("check", path)
        assert code in (0, 1) and "Traceback" not in err


def test_commands_read_iccma_files(tmp_path):
    """check, evaluate and render take .i23, .apx and .tgf files as maps of claims and rebuttals."""
    (tmp_path / "x.i23").write_text("p af 3\n# 1 ärger\n1 2\n2 3\n", "utf-8")
    (tmp_path / "y.apx").write_text('arg(a). arg("b c").\natt(a,"b c").\n', "utf-8")
    (tmp_path / "z.tgf").write_text("1 a\n2 b\n#\n2 1\n", "utf-8")
    code, out, _ = run("evaluate", tmp_path / "x.i23", "--format", "json")
    assert code == 0 and '"ärger"' in out
    assert argmap.evaluate(argmap.load(tmp_path / "x.i23")).extensions == (("3", "ärger"),)
    assert argmap.evaluate(argmap.load(tmp_path / "y.apx")).extensions == (("a",),)
    assert argmap.evaluate(argmap.load(tmp_path / "z.tgf")).extensions == (("b",),)
    assert run("check", tmp_path / "y.apx")[0] == 0


def test_bad_iccma_file_is_reported_by_check(tmp_path):
    """`argmap check` prints a reader's diagnostic with file, line, caret and hint."""
    path = tmp_path / "bad.i23"
    path.write_text("p af 2\n1 3\n", "utf-8")
    code, out, err = run("check", path)
    text = out + err
    assert code == 1
    assert "bad.i23:2:3: error[E201]" in text and "^" in text and "hint:" in text
