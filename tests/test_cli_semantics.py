"""The `argmap evaluate`, `argmap compare` and `argmap export` commands, and the documented codes E301-I503."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.checks import check
from argmap.cli import main
from tests.cli_support import run
from argmap.syntax import decode, read_text

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(__file__).parent / "data" / "seed.argmap"
SEED_EXTENSION = ["bubble", "gap", "hot_air", "lockin", "no_race"]
CYCLE = "claim a: A.\nclaim b: B.\nclaim c: C.\na contradicts b\nb rebuts c\n"


@pytest.fixture
def cycle(tmp_path):
    path = tmp_path / "cycle.argmap"
    path.write_text(CYCLE, "utf-8")
    return path


# -- evaluate -------------------------------------------------------------------


@pytest.mark.parametrize("semantics", ["grounded", "complete", "preferred", "stable"])
def test_evaluate_json_on_the_seed_sketch(semantics):
    """The seed sketch's JSON has exactly semantics, support and the sorted extensions."""
    code, out, err = run("evaluate", SEED, "--semantics", semantics, "--format", "json")
    assert code == 0 and err == ""
    assert json.loads(out) == {"semantics": semantics, "support": "none", "extensions": [SEED_EXTENSION]}


def test_evaluate_json_lists_sorted_extensions(cycle):
    """Several extensions: each sorted, and the list sorted."""
    code, out, _ = run("evaluate", cycle, "--semantics", "preferred", "--format", "json")
    assert code == 0
    assert json.loads(out)["extensions"] == [["a", "c"], ["b"]]
    code, out, _ = run("evaluate", cycle, "--semantics", "complete", "--format", "json")
    assert json.loads(out)["extensions"] == [[], ["a", "c"], ["b"]]


def test_evaluate_json_with_support_mode():
    """--support is echoed and changes the attacks."""
    code, out, _ = run("evaluate", SEED, "--support", "deductive", "--format", "json")
    assert code == 0
    assert json.loads(out) == {
        "semantics": "grounded",
        "support": "deductive",
        "extensions": [["bubble", "hot_air", "no_race"]],
    }


def test_evaluate_dfquad_json():
    """--semantics dfquad prints exactly semantics and a number per argument."""
    code, out, _ = run("evaluate", SEED, "--semantics", "dfquad", "--format", "json")
    data = json.loads(out)
    assert code == 0 and set(data) == {"semantics", "strengths"}
    assert data["semantics"] == "dfquad"
    assert set(data["strengths"]) == {"invest", "no_race", "gap", "lockin", "r_gap", "bubble", "hot_air"}
    assert data["strengths"]["no_race"] == 0.25
    assert all(isinstance(v, (int, float)) for v in data["strengths"].values())


def test_evaluate_text_table():
    """Without --format json: the extension and one row per argument with its status and text."""
    code, out, _ = run("evaluate", SEED)
    assert code == 0
    assert "grounded semantics: 1 extension" in out
    assert "  1. {bubble, gap, hot_air, lockin, no_race}" in out
    assert re.search(r"^invest\s+claim\s+rejected\s+Europa muss massiv", out, re.M)
    assert re.search(r"^r_gap\s+support\s+rejected\s+gap supports invest$", out, re.M)


def test_evaluate_text_without_stable_extension(tmp_path):
    """An odd cycle: the text says there is no stable extension."""
    path = tmp_path / "odd.argmap"
    path.write_text("claim a: A.\nclaim b: B.\nclaim c: C.\na rebuts b\nb rebuts c\nc rebuts a\n", "utf-8")
    code, out, _ = run("evaluate", path, "--semantics", "stable")
    assert code == 0 and "no stable extension" in out


def test_evaluate_text_dfquad():
    """The DF-QuAD table shows base and strength."""
    code, out, _ = run("evaluate", SEED, "--semantics", "dfquad")
    assert code == 0
    assert re.search(r"^no_race\s+claim\s+0\.50\s+0\.250\s", out, re.M)


def test_evaluate_reads_stdin():
    """- reads the map from standard input."""
    code, out, _ = run("evaluate", "-", "--format", "json", stdin=CYCLE.encode())
    assert code == 0 and json.loads(out)["extensions"] == [[]]


def test_evaluate_prints_notes_to_stderr(tmp_path):
    """Evaluation notes (I501) go to standard error, so JSON output stays clean."""
    path = tmp_path / "linked.argmap"
    path.write_text("claim a: A.\nclaim b: B.\nclaim c: C.\na + b supports c\n", "utf-8")
    code, out, err = run("evaluate", path, "--support", "deductive", "--format", "json")
    assert code == 0 and json.loads(out)["extensions"] == [["a", "b", "c"]]
    assert "info[I501]" in err


def test_evaluate_file_with_errors_exits_1(tmp_path):
    """A file with syntax or reference errors prints them and exits 1 without output."""
    path = tmp_path / "bad.argmap"
    path.write_text("claim a: A.\na suports b\nghost rebuts a\n", "utf-8")
    code, out, err = run("evaluate", path, "--format", "json")
    assert code == 1 and out == ""
    assert "error[E101]" in err and "not evaluated" in err
    path.write_text("claim a: A.\nghost rebuts a\n", "utf-8")
    code, out, err = run("evaluate", path)
    assert code == 1 and "error[E201]" in err


def test_evaluate_missing_file_exits_1(tmp_path):
    """A missing file is an error (exit 1), not a traceback."""
    code, out, err = run("evaluate", tmp_path / "nothing.argmap")
    assert code == 1 and "error[E002]" in err and "Traceback" not in err


def test_evaluate_random_bytes_exits_1():
    """Random bytes on standard input give diagnostics and exit 1."""
    code, out, err = run("evaluate", "-", stdin=bytes(range(256)) * 3)
    assert code == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["--semantics", "ideals"],
        ["--support", "abstract"],
        ["--semantics", "dfquad", "--support", "deductive"],
        ["--format", "xml"],
    ],
)
def test_evaluate_usage_errors_exit_2(args):
    """Unknown choices, or a support mode with dfquad, are usage errors (exit 2)."""
    code, _, err = run("evaluate", SEED, *args)
    assert code == 2 and "Traceback" not in err


def test_evaluate_position_errors_do_not_stop_evaluation(tmp_path):
    """An inconsistent position (E401) does not change the framework, so the map is still evaluated."""
    path = tmp_path / "pos.argmap"
    path.write_text("claim a: A.\nclaim b: B.\na rebuts b\nposition p: accepts a; rejects a\n", "utf-8")
    code, out, _ = run("evaluate", path, "--format", "json")
    assert code == 0 and json.loads(out)["extensions"] == [["a"]]


def test_python_m_argmap_evaluate():
    """python -m argmap evaluate behaves like argmap evaluate."""
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "evaluate", str(SEED), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["extensions"] == [SEED_EXTENSION]


# -- compare --------------------------------------------------------------------


def test_compare_text_on_the_seed_sketch():
    """compare shows the disagreement over invest and the attacks between the two positions, with lines."""
    code, out, _ = run("compare", SEED, "gierse", "skeptic")
    assert code == 0
    assert "  invest: gierse accepts, skeptic rejects" in out
    assert "  skeptic's bubble rebuts gierse's invest (line 20)" in out
    assert "  gierse's invest and skeptic's no_race contradict each other (line 11)" in out
    assert "  accepts:\n    gap: “US-Konzerne investieren" in out


def test_compare_json_on_the_seed_sketch():
    """compare --format json gives agreement, disagreement, what only one holds, and cross attacks."""
    code, out, _ = run("compare", SEED, "gierse", "skeptic", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["first"] == "gierse" and data["second"] == "skeptic" and data["support"] == "none"
    assert data["agree"] == {"accepts": [], "rejects": []}
    assert data["disagree"] == [{"id": "invest", "first": "accepts", "second": "rejects"}]
    assert data["only_first"] == {"accepts": ["gap", "lockin"], "rejects": []}
    assert data["only_second"] == {"accepts": ["no_race", "bubble", "hot_air"], "rejects": []}
    assert {
        "by": "skeptic",
        "attacker": "bubble",
        "attackers": ["bubble"],
        "name": None,
        "target": "invest",
        "relation": "rebuts",
        "line": 20,
    } in data["attacks"]
    assert len(data["attacks"]) == 3


def test_compare_agreement_and_derived_attacks(tmp_path):
    """Shared stances are listed as agreement; --support adds derived attacks marked as such."""
    path = tmp_path / "p.argmap"
    path.write_text(
        "claim a: A.\nclaim b: B.\nclaim c: C.\nclaim d: D.\na supports b\nc rebuts b\n"
        "position p: accepts a; rejects d\nposition q: accepts c; rejects d\n",
        "utf-8",
    )
    code, out, _ = run("compare", path, "p", "q", "--format", "json")
    data = json.loads(out)
    assert data["agree"] == {"accepts": [], "rejects": ["d"]}
    assert data["attacks"] == []
    code, out, _ = run("compare", path, "p", "q", "--support", "deductive", "--format", "json")
    data = json.loads(out)
    assert data["attacks"] == [
        {"by": "q", "attacker": "c", "attackers": ["c"], "name": None, "target": "a", "relation": "derived", "line": None}
    ]
    code, out, _ = run("compare", path, "p", "q", "--support", "deductive")
    assert "q's c attacks (derived with deductive support) p's a" in out
    assert "both reject:\n    d: “D.”" in out


def test_compare_unknown_position_is_a_usage_error():
    """An unknown position exits 2 with a did-you-mean."""
    code, out, err = run("compare", SEED, "gierse", "skeptc")
    assert code == 2
    assert "no position `skeptc`; did you mean `skeptic`?" in err


def test_compare_file_with_errors_exits_1(tmp_path):
    """compare on a file with errors prints them and exits 1."""
    path = tmp_path / "bad.argmap"
    path.write_text("claim a: A.\na rebuts ghost\nposition p: accepts a\n", "utf-8")
    code, out, err = run("compare", path, "p", "p")
    assert code == 1 and "error[E201]" in err


# -- export ---------------------------------------------------------------------


def _parse_apx(text: str) -> tuple[list[str], set[tuple[str, str]]]:
    args = re.findall(r"^arg\((\w+)\)\.$", text, re.M)
    atts = set(re.findall(r"^att\((\w+),(\w+)\)\.$", text, re.M))
    assert len(args) + len(atts) == len(text.splitlines())
    return args, atts


def _stable_by_brute_force(args, atts):
    found = []
    for k in range(len(args) + 1):
        for s in combinations(args, k):
            s = set(s)
            hit = {b for a, b in atts if a in s}
            if not hit & s and hit == set(args) - s:
                found.append(sorted(s))
    return sorted(found)


@pytest.mark.parametrize("support", ["none", "deductive", "necessary"])
def test_export_apx_lets_another_solver_check_evaluate(support):
    """The apx export, solved independently, gives the stable extensions `argmap evaluate` prints."""
    code, apx, _ = run("export", SEED, "--to", "apx", "--support", support)
    assert code == 0
    args, atts = _parse_apx(apx)
    code, out, _ = run("evaluate", SEED, "--semantics", "stable", "--support", support, "--format", "json")
    assert json.loads(out)["extensions"] == _stable_by_brute_force(args, atts)


BIBLIOTHEK = Path(__file__).parent / "data" / "concession" / "bibliothek.argmap"
LINKED = (
    "claim ban: Verbot.\nclaim collect: Einsammeln kostet Zeit.\nclaim short: Keine Zeit.\n"
    "claim lockers: Schließfächer.\nclaim call: Erreichbar.\nclaim office: Sekretariat.\n"
    "k: collect + short rebuts ban\nlockers rebuts collect\nr: call rebuts ban\noffice undercuts r\n"
    "c: call contradicts lockers\n"
    "position p: accepts collect, short, k, call, r\nposition q: accepts ban, office, lockers\n"
)


@pytest.mark.parametrize("support", ["none", "deductive", "necessary"])
@pytest.mark.parametrize("path", [BIBLIOTHEK, "linked"])
def test_export_apx_with_auxiliary_arguments_lets_another_solver_check_evaluate(support, path, tmp_path):
    """With named and linked objections, the apx export (auxiliary arguments included), solved independently, gives evaluate's stable extensions once the auxiliary arguments are dropped."""
    if path == "linked":
        path = tmp_path / "linked.argmap"
        path.write_text(LINKED, "utf-8")
    code, apx, _ = run("export", path, "--to", "apx", "--support", support)
    assert code == 0
    args, atts = _parse_apx(apx)
    assert any(a.startswith("aux_") for a in args)
    code, out, _ = run("evaluate", path, "--semantics", "stable", "--support", support, "--format", "json")
    solved = [[a for a in ext if not a.startswith("aux_")] for ext in _stable_by_brute_force(args, atts)]
    assert json.loads(out)["extensions"] == sorted(solved)


def test_evaluate_text_shows_named_relations_with_their_kind():
    """The table lists a named rebuttal as a rebuttal, written as in the map, and the legend says when a relation is accepted."""
    code, out, _ = run("evaluate", BIBLIOTHEK)
    assert code == 0
    assert re.search(r"^r_kosten +rebuttal +rejected +zuschlaege rebuts sonntag$", out, re.M)
    assert re.search(r"^sonntag +claim +accepted ", out, re.M)
    assert re.search(r"^zuschlaege +claim +accepted ", out, re.M)
    assert "a support, rebuttal, contradiction, undercut or argument is accepted when it holds" in out
    assert "aux_" not in out
    code, out, _ = run("evaluate", SEED)
    assert "a support, rebuttal" in out  # the seed's named support r_gap


def test_evaluate_text_without_named_relations_has_the_short_legend(cycle):
    """A map of claims only gets the legend for claims alone."""
    code, out, _ = run("evaluate", cycle)
    assert code == 0 and "a support, rebuttal" not in out


def test_compare_names_linked_and_named_objections(tmp_path):
    """compare shows a linked objection with all its attackers and the named relation it belongs to."""
    path = tmp_path / "linked.argmap"
    path.write_text(LINKED, "utf-8")
    code, out, _ = run("compare", path, "p", "q")
    assert code == 0
    assert "  p's collect + short rebut together q's ban (rebuttal k, line 7)" in out
    assert "  p's call rebuts q's ban (rebuttal r, line 9)" in out
    assert "  q's office undercuts p's r (line 10)" in out
    assert "  q's lockers rebuts p's collect (line 8)" in out
    code, out, _ = run("compare", path, "p", "q", "--format", "json")
    linked = [a for a in json.loads(out)["attacks"] if a["name"] == "k"]
    assert linked == [
        {"by": "p", "attacker": "collect", "attackers": ["collect", "short"], "name": "k", "target": "ban",
         "relation": "rebuts", "line": 7}
    ]


def test_compare_needs_the_relation_accepted_for_a_named_attack(tmp_path):
    """A position that accepts the attacker but not the named rebuttal does not attack with it."""
    path = tmp_path / "named.argmap"
    path.write_text("claim a: A.\nclaim b: B.\nr: a rebuts b\nposition p: accepts a\nposition q: accepts b\n", "utf-8")
    code, out, _ = run("compare", path, "p", "q")
    assert code == 0 and "attacks between them:\n  none" in out


def test_export_apx_of_the_seed_sketch():
    """The seed sketch exports its seven arguments and four attacks."""
    code, out, _ = run("export", SEED, "--to", "apx")
    assert code == 0
    assert out.startswith("arg(invest).\narg(no_race).\n")
    assert "att(hot_air,r_gap).\n" in out and "att(no_race,invest).\n" in out
    assert len(out.splitlines()) == 11


def test_export_to_a_file(tmp_path):
    """-o writes the apx to a file and prints nothing."""
    target = tmp_path / "seed.apx"
    code, out, _ = run("export", SEED, "--to", "apx", "-o", target)
    assert code == 0 and out == ""
    assert target.read_text("utf-8") == run("export", SEED, "--to", "apx")[1]


def test_export_needs_a_known_format():
    """--to is required and knows apx, i23 and tgf: exit 2 otherwise."""
    assert run("export", SEED)[0] == 2
    assert run("export", SEED, "--to", "json")[0] == 2


@pytest.mark.parametrize("fmt", ["apx", "i23", "tgf"])
def test_export_writes_what_convert_writes(fmt, tmp_path):
    """export --to FMT writes the framework convert --to FMT writes, and it reads back as the same framework."""
    from argmap.formats import iccma

    code, out, _ = run("export", SEED, "--to", fmt)
    assert code == 0
    target = tmp_path / f"seed.{fmt}"
    assert run("convert", SEED, "-o", target)[0] == 0
    assert target.read_text("utf-8") == out
    af, diagnostics = iccma.read(fmt, out)
    assert diagnostics == []
    assert len(af.names) == 7 and len(af.attacks) == 4


def test_export_file_with_errors_exits_1(tmp_path):
    """export on a file with errors prints them and exits 1, writing nothing."""
    path = tmp_path / "bad.argmap"
    path.write_text("claim a: A\na rebuts\n", "utf-8")
    code, out, err = run("export", path, "--to", "apx")
    assert code == 1 and out == "" and "error[" in err


# -- check --semantics ----------------------------------------------------------


def test_check_with_semantics_adds_a_note_per_claim_not_accepted():
    """argmap check --semantics grounded adds one I503 note for invest on the seed sketch."""
    code, out, _ = run("check", SEED, "--semantics", "grounded", "--format", "json")
    assert code == 0
    notes = [d for d in json.loads(out) if d["code"] == "I503"]
    assert [(d["line"], d["severity"]) for d in notes] == [(9, "info")]


# -- documented codes -------------------------------------------------------------

SECTION = re.compile(r"^## ([EWI][345]\d\d) — .*?$(.*?)(?=^## |\Z)", re.M | re.S)
BLOCK = re.compile(r"```(argmap|console)\n(.*?)```", re.S)


def _my_sections():
    text = (ROOT / "docs" / "diagnostics.md").read_text("utf-8")
    return [(m.group(1), BLOCK.findall(m.group(2))) for m in SECTION.finditer(text)]


def test_every_structure_position_and_evaluation_code_is_documented():
    """docs/diagnostics.md has a section for each of E301-I304, E401-I405, I501-W504."""
    codes = [code for code, _ in _my_sections()]
    expected = ["E301", "W302", "W303", "I304", "W305", "E401", "E402", "W403", "W404", "I405", "I501", "W502", "I503", "W504"]
    assert codes == expected


@pytest.mark.parametrize("code,blocks", _my_sections(), ids=[s[0] for s in _my_sections()])
def test_documented_example_gives_its_code(code, blocks, tmp_path, monkeypatch):
    """Each documented example gives its code: through check(), or through the console command shown after it."""
    monkeypatch.chdir(tmp_path)
    kinds = [k for k, _ in blocks]
    assert kinds[0] == "argmap"
    source = blocks[0][1]
    if kinds[1:2] != ["console"]:
        text, diagnostics = decode(source.encode("utf-8"), "example.argmap")
        argument_map, more = read_text(text, "example.argmap")
        codes = {d.code for d in diagnostics + more + check(argument_map)}
    else:
        (tmp_path / "example.argmap").write_text(source, "utf-8")
        command = blocks[1][1].strip().removeprefix("$ ").split()
        assert command[0] == "argmap"
        _, out, err = run(*command[1:])
        codes = set(re.findall(r"\[([EWI]\d{3})\]", out + err))
    assert code in codes


# -- too many extensions ------------------------------------------------------------

PAIRS = "".join(f"claim p{i}: P{i}.\nclaim q{i}: Q{i}.\np{i} contradicts q{i}\n" for i in range(9))


def test_evaluate_fails_clearly_beyond_the_extension_limit(tmp_path):
    """Nine independent contradictions have 3^9 complete extensions: exit 1 with a message; --max-extensions lifts it."""
    path = tmp_path / "pairs.argmap"
    path.write_text(PAIRS, "utf-8")
    code, out, err = run("evaluate", path, "--semantics", "complete")
    assert code == 1 and out == ""
    assert "more than 10,000 complete extensions" in err and "Traceback" not in err
    code, out, _ = run("evaluate", path, "--semantics", "complete", "--max-extensions", "20000", "--format", "json")
    assert code == 0 and len(json.loads(out)["extensions"]) == 3**9
    assert run("evaluate", path, "--max-extensions", "0")[0] == 2


def test_check_semantics_beyond_the_extension_limit_warns():
    """argmap check --semantics complete on such a map gives W504 instead of notes, and no traceback."""
    code, out, err = run("check", "-", "--semantics", "complete", "--format", "json", stdin=PAIRS.encode())
    assert code == 0 and err == ""
    assert [d["code"] for d in json.loads(out)] == ["W504"]


# -- hostile input ----------------------------------------------------------------

LINES = st.sampled_from(
    [
        "claim a: A.",
        "claim b: B.",
        "claim c: C.",
        "a rebuts b",
        "b rebuts a",
        "a contradicts c",
        "s: a supports c",
        "b + c supports a",
        "c undercuts s",
        "a undercuts b",
        "r: a rebuts b",
        "k: b contradicts c",
        "a + b rebuts c",
        "u: b undercuts r",
        "c + a undercuts u",
        "c undercuts k",
        "argument g: G",
        "  premise a",
        "  conclusion b",
        "position p: accepts a, s, r; rejects b",
        "position q: accepts b",
        "  weight: 1",
        "  weight: 0,3",
        "a rebuts",
        "claim ä: Ä",
        "\x00\ufeff",
        "",
    ]
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINES, max_size=14), semantics=st.sampled_from(["grounded", "preferred", "stable", "dfquad"]))
def test_commands_never_raise_on_odd_maps(lines, semantics):
    """evaluate, compare and export on jumbled maps exit 0, 1 or 2 and never raise."""
    data = ("\n".join(lines) + "\n").encode("utf-8")
    for args in (
        ["evaluate", "-", "--semantics", semantics, "--format", "json"],
        ["evaluate", "-", "--semantics", semantics],
        ["compare", "-", "p", "q"],
        ["export", "-", "--to", "apx", "--support", "necessary"],
    ):
        code, out, err = run(*args, stdin=data)
        assert code in (0, 1, 2)
        if args[0] == "evaluate" and "--format" in args and code == 0:
            json.loads(out)
