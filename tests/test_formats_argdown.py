"""Argdown: statements, arguments, relations, pcs, tags, headings and front matter read; maps written and read back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from argmap import Argument, Contradiction, Rebuttal, Step, Support, Undercut, load, parse
from argmap.formats import argdown
from tests.strategies import maps

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.argmap"))
SAMPLE = ROOT / "tests" / "data" / "argdown" / "handyverbot.argdown"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read(text):
    return argdown.read(text, "x.argdown")


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_round_trip(path):
    """Every example: argmap -> Argdown -> argmap gives an equal map and no diagnostic."""
    m = load(path)
    back, diagnostics = read(argdown.write(m))
    assert diagnostics == []
    assert back == m


@SETTINGS
@given(maps())
def test_generated_maps_round_trip(m):
    """Generated maps (texts in any script, with #, braces, comment marks) survive Argdown."""
    back, diagnostics = read(argdown.write(m))
    assert diagnostics == [] and back == m


def test_sample_file():
    """A hand-written Argdown debate: statements, nested relations in both directions, an untitled
    statement with YAML data, a contradiction, a pcs, tags, a heading as a group, front matter."""
    m, diagnostics = argdown.read(SAMPLE.read_text("utf-8"), "handyverbot.argdown")
    assert m.title == "Handyverbot an unserer Schule?"
    assert m.claim("Verbot").text == "Die Schule sollte private Handys im Unterricht verbieten."
    assert m.claim("Verbot").tags == ("schule",) and m.claim("Verbot").group == "Gründe"
    assert Support(["Ablenkung"], "Verbot") in m.items
    assert Rebuttal("Regeln", "Ablenkung") in m.items
    assert Rebuttal("Notfall", "Verbot") in m.items  # `<- <Notfall>`: a sketched argument is a claim
    assert m.claim("Notfall").text == "Eltern müssen ihr Kind im Notfall erreichen können."
    assert Contradiction("Ablenkung", "Konzentration") in m.items
    s1 = m.claim("s1")
    assert s1.text == "Ohne Handys reden die Kinder in der Pause mehr." and s1.basis.value == "example"
    assert [(a.key, a.value) for a in s1.extra] == [("quelle", "Umfrage")]
    argument = m.argument("Ruhe_im_Unterricht")
    assert argument.title == "Wer nicht abgelenkt ist, lernt mehr."
    assert argument.steps == (Step(["Ablenkung", "s2"], "Verbot"),)
    assert m.claim("s2").group is None  # after a heading that is no group
    assert Undercut("Regeln", "Ruhe_im_Unterricht") in m.items
    assert m.comments[0].text == " Eine kleine Debatte, in Argdown geschrieben."
    lost = {d.span.line: d.message for d in diagnostics}
    assert set(lost) == {3, 17}
    assert "`author`" in lost[3] and "`<Notfall>`" in lost[17]
    assert all(d.code == "W604" for d in diagnostics)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("[a]: A.\n  + [b]: B.\n", Support(["b"], "a")),
        ("[a]: A.\n  <+ [b]: B.\n", Support(["b"], "a")),
        ("[a]: A.\n  +> [b]: B.\n", Support(["a"], "b")),
        ("[a]: A.\n  - [b]: B.\n", Rebuttal("b", "a")),
        ("[a]: A.\n  <- [b]: B.\n", Rebuttal("b", "a")),
        ("[a]: A.\n  -> [b]: B.\n", Rebuttal("a", "b")),
        ("[a]: A.\n  >< [b]: B.\n", Contradiction("a", "b")),
    ],
)
def test_relation_symbols_both_directions(text, expected):
    """+ - and >< with an implicit direction (the member relates to the element above) and explicit ones."""
    m, diagnostics = read(text)
    assert diagnostics == [] and expected in m.items


def test_undercut_of_a_reconstructed_argument_both_directions():
    """`_` and `<_` below an argument, `_>` from a statement to it: an undercut of the argument."""
    pcs = "<A>: Arg.\n\n(1) [p]: P.\n----\n(2) [c]: C.\n\n"
    for relation in ("<A>\n  _ [u]: U.\n", "<A>\n  <_ [u]: U.\n", "[u]: U.\n  _> <A>\n"):
        m, diagnostics = read(pcs + relation)
        assert diagnostics == [] and Undercut("u", "A") in m.items, relation


def test_complex_pcs_and_expanded_inference():
    """A pcs with an intermediate conclusion is an argument of two steps; an expanded inference its inference."""
    text = "<K>: Kette.\n\n(1) [a]: A.\n(2) [b]: B.\n--\nModus ponens\n--\n(3) [c]: C.\n(4) [d]: D.\n----\n(5) [e]: E.\n"
    m, diagnostics = read(text)
    assert diagnostics == []
    assert m.argument("K") == Argument(
        "K", "Kette.", inference="Modus ponens", steps=[Step(["a", "b"], "c"), Step(["d"], "e")]
    )


def test_titles_become_ids_and_references_share_a_claim():
    """Titles with spaces become ids; a reference names the same claim; an untitled statement gets s1."""
    m, diagnostics = read("[Life moves fast]: Life moves pretty fast.\n\nAnother one.\n\n[Life moves fast]\n  + [x]: X.\n")
    assert diagnostics == []
    assert [c.id for c in m.claims] == ["Life_moves_fast", "s1", "x"]
    assert Support(["x"], "Life_moves_fast") in m.items


def test_what_argmap_cannot_hold_is_reported():
    """A second text for a title, an attack on a whole reconstructed argument, unreadable data: W604 each."""
    text = (
        "[a]: A.\n\n[a]: A again, in other words.\n\n<R>: R.\n\n(1) [p]: P.\n----\n(2) [c]: C.\n\n"
        "<R>\n  - [x]: X.\n\n[y]: Y. {this is: not: data}\n"
    )
    m, diagnostics = read(text)
    assert [d.code for d in diagnostics] == ["W604"] * 3
    assert [d.span.line for d in diagnostics] == [3, 12, 14]
    assert m.claim("a").text == "A."


def test_broken_pcs_is_reported_not_raised():
    """A pcs without its conclusion is left out with a warning."""
    m, diagnostics = read("<A>: Arg.\n\n(1) [p]: P.\n(2) [q]: Q.\n")
    assert [d.code for d in diagnostics] == ["W604"]
    assert m.arguments == ()


def test_writer_output_is_argdown():
    """The writer writes statements with titles, relations below their elements and a pcs per argument."""
    m = parse(
        "title: T\nclaim a: A.\nclaim b: B.\nclaim c: C.\na supports b\nc rebuts b\n"
        "argument k: Kette\n  premise a\n  conclusion c\n"
    )
    text = argdown.write(m)
    assert text.startswith('===\ntitle: "T"\n===\n')
    assert "[a]: A.\n" in text and "[b]\n  <+ [a]\n" in text and "[b]\n  <- [c]\n" in text
    assert "<k>: Kette\n\n(1) [a]\n----\n(2) [c]\n" in text


def test_linked_support_is_an_argument_in_argdown():
    """A linked support is written as a pcs (how Argdown links premises) and read back as a support."""
    m = parse("claim a: A.\nclaim b: B.\nclaim c: C.\na + b supports c\n")
    text = argdown.write(m)
    assert "(1) [a]\n(2) [b]\n----\n(3) [c]" in text
    assert read(text)[0] == m


ARGDOWN_EXAMPLES = os.environ.get("ARGMAP_ARGDOWN_EXAMPLES")


@pytest.mark.skipif(
    not ARGDOWN_EXAMPLES,
    reason="set ARGMAP_ARGDOWN_EXAMPLES to a folder of Argdown's example files (from github.com/christianvoigt/argdown)",
)
def test_argdown_project_examples():
    """Argdown's own examples read without an error; every diagnostic is a warning with a line; what has
    statements gives claims; the map read is written and read back equal."""
    files = sorted(Path(ARGDOWN_EXAMPLES).rglob("*.argdown"))
    assert files, f"no .argdown files in {ARGDOWN_EXAMPLES}"
    for path in files:
        text = path.read_text("utf-8")
        m, diagnostics = argdown.read(text, str(path))
        assert all(d.code == "W604" and d.span.line >= 1 for d in diagnostics), path
        if "[" in text:
            assert m.claims, path
        assert read(argdown.write(m))[0] == m, path


ARGDOWN_CLI = os.environ.get("ARGMAP_ARGDOWN_CLI")


def expected_relations(m):
    """The relations Argdown's own parser should find in the writer's output: (type, from, to)."""
    out = set()
    for r in m.relations:
        if isinstance(r, Support) and not r.linked and r.argument is None:
            out.add(("support", r.premises[0], r.conclusion))
        elif isinstance(r, Rebuttal):
            out.add(("attack", r.attackers[0], r.target))
        elif isinstance(r, Undercut):
            out.add(("undercut", r.attackers[0], r.target))
        elif isinstance(r, Contradiction):
            out.add(("contradictory", r.first, r.second))
    return out


@pytest.mark.skipif(
    not ARGDOWN_CLI,
    reason="set ARGMAP_ARGDOWN_CLI to Argdown's command-line program (npm install @argdown/cli; node_modules/.bin/argdown)",
)
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_argdown_cli_reads_the_export(path, tmp_path):
    """Argdown's own parser reads the writer's output of every example with every claim as a statement
    and every support, rebuttal, undercut and contradiction as a relation."""
    import json
    import subprocess

    m = load(path)
    source = tmp_path / "map.argdown"
    source.write_text(argdown.write(m), "utf-8")
    done = subprocess.run(
        [ARGDOWN_CLI, "json", str(source), "--stdout", "--removeMap"], capture_output=True, text=True, timeout=120
    )
    text = done.stdout
    data = json.loads(text[: text.rindex("}") + 1])
    assert set(data["statements"]) == {c.id for c in m.claims}
    found = {(r["relationType"], r["from"], r["to"]) for r in data["relations"]}
    assert expected_relations(m) <= found
    assert {a.id for a in m.arguments} <= set(data["arguments"])


def test_data_argmap_refuses_is_left_out_field_by_field():
    """Simple YAML data gives numbers and booleans; a value argmap refuses is left out (W604) and the
    claim keeps the rest of its data."""
    text = "[a]: Regen. {weight: 0.5, basis: study, implicit: true}\n\n[b]: Nass. {basis: Glaskugel, weight: 2, note: x}\n"
    m, diagnostics = read(text)
    a, b = m.claim("a"), m.claim("b")
    assert (a.weight, a.basis.value, a.implicit) == (0.5, "study", True)
    assert (b.basis, b.weight, b.note) == (None, None, "x")
    assert [(d.code, d.span.line) for d in diagnostics] == [("W604", 3), ("W604", 3)]
    assert "`basis: \"Glaskugel\"`" in diagnostics[0].message
