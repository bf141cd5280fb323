"""Functions that compute with a map's meaning refuse a map whose errors change it (issue 8)."""

from __future__ import annotations

import concurrent.futures
import json
import pickle

import pytest

import argmap
from argmap import MapBuilder
from argmap.render import to_graphviz
from argmap.semantics import SEMANTICS, SUPPORT_MODES, MapError, acceptance_notes, compare_positions, dfquad, framework
from cli_support import run

GOOD = "claim a: A.\nclaim b: B.\nclaim c: C.\nr: a supports b\nc rebuts a\nposition p: accepts a\nposition q: accepts c\n"

#: One map per class of error that would make a computation leave something out.
BROKEN = {
    "E201": GOOD + "ghost rebuts b\n",
    "E202": GOOD + "claim c: C again.\n",
    "E204": GOOD + "c undercuts b\n",
    "E206": GOOD + "position z: accepts nobody\n",
}


def _built(code: str) -> argmap.ArgumentMap:
    """The same kinds of broken map, built in Python instead of parsed."""
    b = MapBuilder()
    for ident in "abc":
        b.claim(ident, ident.upper() + ".")
    b.supports("a", "b", name="r")
    b.rebuts("c", "a")
    b.position("p", accepts=["a"])
    b.position("q", accepts=["c"])
    if code == "E201":
        b.rebuts("ghost", "b")
    elif code == "E202":
        b.claim("c", "C again.")
    elif code == "E204":
        b.undercuts("c", "b")
    else:
        b.position("z", accepts=["nobody"])
    return b.build()


def _maps() -> list:
    """Each broken map, parsed and built."""
    maps = []
    for code, text in BROKEN.items():
        maps.append(pytest.param(argmap.read(text)[0], code, id=f"{code}-read"))
        maps.append(pytest.param(_built(code), code, id=f"{code}-built"))
    return maps


#: Every public function that computes with the meaning of a map.
CALLS = {
    **{f"evaluate-{s}": (lambda m, s=s: argmap.evaluate(m, s)) for s in SEMANTICS},
    **{f"evaluate-grounded-{mode}": (lambda m, mode=mode: argmap.evaluate(m, "grounded", mode)) for mode in SUPPORT_MODES},
    **{f"framework-{mode}": (lambda m, mode=mode: framework(m, mode)) for mode in SUPPORT_MODES},
    "dfquad": dfquad,
    "compare_positions": lambda m: compare_positions(m, "p", "q"),
    "outline": argmap.outline,
    "outline-position": lambda m: argmap.outline(m, position="p"),
    "to_graphviz-evaluate": lambda m: to_graphviz(m, evaluate="grounded"),
}


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
@pytest.mark.parametrize("m,code", _maps())
def test_every_function_refuses_a_map_whose_errors_change_its_meaning(call, m, code):
    """A MapError (a ParseError, a ValueError) that carries the errors, whatever made the map."""
    with pytest.raises(MapError) as info:
        call(m)
    assert isinstance(info.value, argmap.ParseError) and isinstance(info.value, ValueError)
    assert code in {d.code for d in info.value.diagnostics}
    assert all(d.is_error for d in info.value.diagnostics)
    assert str(info.value).startswith("cannot ")


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_the_same_functions_accept_the_map_without_the_error(call):
    """The good map, and one with only findings that do not change the framework (a self-attack, W212;
    an unknown source, E205), works."""
    call(argmap.parse(GOOD))
    m, diagnostics = argmap.read(GOOD + "b rebuts b\nclaim d: D.\n  source: nowhere\n")
    found = argmap.check(m)
    assert {d.code for d in found if d.is_error} == {"E205"}
    assert "W212" in {d.code for d in found}
    call(m)


@pytest.mark.parametrize("m,code", _maps())
def test_the_command_line_and_the_api_agree(tmp_path, m, code):
    """Where `argmap evaluate` refuses with exit code 1, argmap.evaluate raises."""
    path = tmp_path / "m.argmap"
    path.write_text(m.to_source(), "utf-8")
    exit_code, out, err = run("evaluate", path)
    assert exit_code == 1 and out == "" and code in err
    with pytest.raises(MapError):
        argmap.evaluate(argmap.read(path.read_text("utf-8"))[0])


@pytest.mark.parametrize("command", [["evaluate"], ["outline"], ["export", "--to", "apx"]])
def test_the_command_line_accepts_what_the_api_accepts(tmp_path, command):
    """Errors that do not change the meaning (a self-rebuttal, an unknown source) stop neither the API nor the CLI."""
    path = tmp_path / "m.argmap"
    path.write_text(GOOD + "b rebuts b\nclaim d: D.\n  source: nowhere\n", "utf-8")
    exit_code, out, err = run(*command, path)
    assert exit_code == 0, err
    assert out
    argmap.evaluate(argmap.read(path.read_text("utf-8"))[0])


@pytest.mark.parametrize("m,code", _maps())
def test_acceptance_notes_are_none_for_a_broken_map_and_check_reports_the_errors(m, code):
    """check --semantics does not raise: the errors are reported, and no notes about another map are added."""
    assert acceptance_notes(m, "grounded") == []
    assert code in {d.code for d in argmap.check(m)}


def test_drawing_without_evaluation_still_shows_the_mistake():
    """to_graphviz draws a map with an unknown id (as a dashed placeholder): a picture helps to fix it."""
    m = argmap.read(BROKEN["E201"])[0]
    assert "ghost" in to_graphviz(m).source


def test_map_error_survives_pickling_with_its_data():
    """Every attribute and the message come back; it is still a MapError and a ParseError."""
    m = argmap.read(BROKEN["E201"])[0]
    with pytest.raises(MapError) as info:
        argmap.evaluate(m)
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is MapError
    assert again.diagnostics == info.value.diagnostics
    assert again.doing == "evaluate" and str(again) == str(info.value)
    assert again.args == info.value.args


def _evaluate_text(text: str) -> str:
    return json.dumps(argmap.evaluate(argmap.read(text)[0]).to_dict())


def test_a_worker_process_hands_the_refusal_to_its_parent():
    """Evaluating many maps in a process pool: the broken one raises MapError in the parent, nothing hangs."""
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(_evaluate_text, text) for text in (GOOD, BROKEN["E201"], GOOD)]
        assert json.loads(futures[0].result(timeout=60))["semantics"] == "grounded"
        with pytest.raises(MapError) as info:
            futures[1].result(timeout=60)
        assert [d.code for d in info.value.diagnostics] == ["E201"]
        futures[2].result(timeout=60)
