"""argmap.explain, argmap.grounds, `argmap explain` and `argmap evaluate --explain`."""

from __future__ import annotations

import json
import random

import pytest

import argmap
from argmap import Ground, Status, evaluate, explain, grounds, parse
from argmap.explanation import explain_all
from argmap.semantics import SEMANTICS, TooManyExtensions
from cli_support import run
from tests.strategies_semantics import random_map

CHAIN = """lang: en
claim a: Prices rise because demand grows faster than supply in every region.
claim b: Prices fall.
claim c: Supply grows.
b rebuts a
c rebuts b
"""

CIRCLE = """lang: en
claim a: A.
claim b: B.
claim c: C.
claim d: D.
a rebuts b
b rebuts c
c rebuts a
c rebuts d
"""


def test_a_falling_claim_names_its_attacker_and_the_line():
    """The issue's sentence: X falls because Y attacks it and nothing in the map refutes Y (line n)."""
    m = parse("lang: en\nclaim invest: Europe should invest.\nclaim bubble: It is a bubble.\nbubble rebuts invest\n")
    e = explain(m, "invest")
    assert e.status is Status.REJECTED
    assert e.sentences == (
        "`invest` (“Europe should invest.”) falls because `bubble` (“It is a bubble.”) attacks it"
        " and nothing in the map refutes `bubble` (line 4).",
    )


def test_a_standing_claim_says_which_attacks_are_answered_and_by_what():
    """A defended claim: its attacker, the answer to it with lines, and that nothing attacks the answer."""
    e = explain(parse(CHAIN), "a")
    assert e.status is Status.ACCEPTED
    text = e.text()
    assert text.startswith("`a` (“Prices rise because demand grows faster than…”) stands: every objection to it is answered.")
    assert "`b` (“Prices fall.”) attacks it (line 5), but `c` (“Supply grows.”) refutes `b` (line 6)." in text
    assert text.endswith("Nothing in the map attacks `c`.")


def test_claim_texts_are_quoted_once_and_short():
    """Each id's text is quoted at its first mention only, shortened with an ellipsis."""
    text = explain(parse(CHAIN), "a").text()
    assert text.count("“Prices fall.”") == 1
    assert "…" in text and "supply in every region" not in text


def test_an_open_claim_names_the_circle_and_says_it_is_odd():
    """In a circle of three, the claim stays open; the circle is said in attack order and called odd."""
    e = explain(parse(CIRCLE), "a")
    assert e.status is Status.UNDECIDED
    assert e.text().startswith(
        "`a` (“A.”) stays open: it is part of a circle of attacks that nothing in the map breaks:"
        " `a` attacks `b` (“B.”), `b` attacks `c` (“C.”), `c` attacks `a`."
    )
    assert "odd number of attacks" in e.text()


def test_an_open_claim_outside_the_circle_gets_the_chain():
    """d is attacked from the circle: the chain from the circle to d comes first."""
    text = explain(parse(CIRCLE), "d").text()
    assert text.startswith(
        "`d` (“D.”) stays open because `c` (“C.”) attacks `d`, and `c` is part of a circle of attacks"
        " that nothing in the map breaks: `c` attacks `a` (“A.”), `a` attacks `b` (“B.”), `b` attacks `c`."
    )


def test_an_even_circle_under_grounded_semantics_points_to_the_other_semantics():
    """Two claims that contradict each other: open, even, and the sentence says preferred semantics shows each side."""
    text = explain(parse("lang: en\nclaim a: A.\nclaim b: B.\na contradicts b\n"), "a").text()
    assert "even number of attacks" in text and "preferred" in text


def test_an_unchallenged_unsupported_claim_is_said_to_stand_only_because_nobody_attacks_it():
    """The presentation classification shows in the words: no reason, no attack."""
    m = parse(CHAIN)
    assert explain(m, "c").sentences == (
        "`c` (“Supply grows.”) stands only because nothing in the map attacks it: nothing supports it either.",
    )


def test_a_standing_reason_is_named():
    """A claim with a reason that stands says so, with the line of the support."""
    m = parse("lang: en\nclaim t: T.\nclaim r: R.\nr supports t\n")
    assert explain(m, "t").sentences == ("`t` (“T.”) stands: nothing in the map attacks it.", "Its reason `r` (“R.”) stands (line 4).")


def test_named_relations_are_explained_in_the_maps_ids():
    """An undercut named relation: the attack on b fails because r does not hold."""
    m = parse("lang: en\nclaim a: A.\nclaim b: B.\nclaim u: U.\nr: a rebuts b\nu undercuts r\n")
    text = explain(m, "b").text()
    assert "`a` (“A.”) and `r` (“a ⊣ b”) attack it together (line 5), but `r` does not hold: `u` (“U.”) attacks it (line 6)." in text
    assert "aux_" not in json.dumps(explain(m, "b").to_dict())


def test_german_maps_are_explained_in_german():
    """lang: de gives German sentences from the catalog; the same explanation can be said in English."""
    m = parse("lang: de\nclaim investieren: Europa sollte investieren.\nclaim blase: Es ist eine Blase.\nblase rebuts investieren\n")
    e = explain(m, "investieren")
    assert e.sentences == (
        "`investieren` („Europa sollte investieren.“) fällt, weil `blase` („Es ist eine Blase.“) es angreift"
        " und nichts in der Karte `blase` widerlegt (Zeile 4).",
    )
    assert e.said("en")[0].startswith("`investieren` (“Europa sollte investieren.”) falls because")


def test_extension_semantics_give_the_extension_and_both_sides():
    """Preferred semantics: a claim in some extensions is explained where it stands and where it does not."""
    m = parse("lang: en\nclaim a: A.\nclaim b: B.\na contradicts b\nclaim c: C.\nb rebuts c\n")
    e = explain(m, "a", "preferred")
    assert e.status is Status.UNDECIDED
    lines = e.text().splitlines()
    assert lines[0] == "`a` (“A.”) is in 1 of the 2 preferred extensions: it stands if you take one side, not if you take the other."
    assert lines[1].startswith("Where it stands, in extension ")
    assert "Where it does not, in extension " in e.text()
    assert [ext for ext, _ in e.justifications] == [ext for ext in evaluate(m, "preferred").extensions if "a" in ext] + [
        ext for ext in evaluate(m, "preferred").extensions if "a" not in ext
    ]


def test_no_stable_extension_is_said():
    """An odd circle has no stable extension: the explanation says so."""
    e = explain(parse(CIRCLE), "a", "stable")
    assert e.sentences == ("There is no stable extension, so `a` (“A.”) is in none.",)
    assert e.to_dict()["justifications"] == []


def test_to_dict_is_json_with_the_justification():
    """The explanation as data: status, sentences and the dispute tree."""
    data = explain(parse(CHAIN), "a").to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["status"] == "accepted" and data["lang"] == "en"
    (j,) = data["justifications"]
    assert j["extension"] is None and j["label"] == "in"
    assert j["answers"][0]["counter"] == {"attackers": ["c"], "target": "b"}


def test_unknown_ids_and_dfquad_are_refused():
    """A KeyError for an unknown id, a ValueError for DF-QuAD."""
    m = parse(CHAIN)
    with pytest.raises(KeyError):
        explain(m, "zzz")
    with pytest.raises(ValueError):
        explain(m, "a", "dfquad")


@pytest.mark.parametrize("semantics", [s for s in SEMANTICS if s != "dfquad"])
def test_every_claim_of_random_maps_is_explained_under_every_semantics(semantics):
    """explain_all never fails on random maps (self-attacks, odd circles, named supports), in every support mode."""
    rng = random.Random(semantics)
    for _ in range(40):
        m = random_map(rng, 7)
        for support in ("none", "deductive", "necessary"):
            try:
                result = explain_all(m, semantics, support)
            except TooManyExtensions:
                continue
            status = evaluate(m, semantics, support).status
            for ident, e in result.items():
                assert e.status is status[ident]
                assert e.sentences and all(s.strip() for s in e.sentences)
                json.dumps(e.to_dict())


# -- grounds ---------------------------------------------------------------------


def test_grounds_tell_supported_defended_evidenced_and_unchallenged_apart():
    """Each accepted claim gets one ground; rejected and open claims get none."""
    m = parse(
        "claim t: T.\nclaim r: R.\n  basis: statistic\nr supports t\n"
        "claim d: D.\nclaim x: X.\nx rebuts d\nclaim y: Y.\ny rebuts x\n"
        "claim o: O.\nclaim p: P.\no contradicts p\n"
    )
    assert grounds(m, evaluate(m)) == {
        "t": Ground.SUPPORTED,
        "r": Ground.EVIDENCED,
        "d": Ground.DEFENDED,
        "y": Ground.UNCHALLENGED,
    }


def test_a_reason_that_falls_does_not_support():
    """A claim whose only reason falls is not SUPPORTED; unattacked and without evidence it is UNCHALLENGED."""
    m = parse("claim t: T.\nclaim r: R.\nr supports t\nclaim z: Z.\nz rebuts r\n")
    assert grounds(m, evaluate(m))["t"] is Ground.UNCHALLENGED


def test_grounds_read_any_evaluation_like_object():
    """A stand-in with string statuses and no attacks works (the picture accepts such objects)."""
    from types import SimpleNamespace

    m = parse(CHAIN)
    result = SimpleNamespace(status={"a": "accepted", "b": "rejected", "c": "accepted"})
    assert grounds(m, result) == {"a": Ground.DEFENDED, "c": Ground.UNCHALLENGED}


def test_grounds_are_public():
    """Ground, grounds, explain and Explanation are in argmap's public API."""
    for name in ("Ground", "grounds", "explain", "Explanation"):
        assert name in argmap.__all__


# -- the command line --------------------------------------------------------------


def test_cli_explain_text_and_json(tmp_path):
    """`argmap explain FILE ID` prints the sentences; --format json the data."""
    path = tmp_path / "m.argmap"
    path.write_text(CHAIN, encoding="utf-8")
    code, out, err = run("explain", str(path), "b")
    assert code == 0, err
    assert out.startswith("`b` (“Prices fall.”) falls because `c` (“Supply grows.”) attacks it")
    code, out, _ = run("explain", str(path), "a", "--semantics", "preferred", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["semantics"] == "preferred" and data["status"] == "accepted"


def test_cli_explain_unknown_id_is_a_usage_error(tmp_path):
    """An unknown id: exit 2 with a suggestion, no traceback."""
    path = tmp_path / "m.argmap"
    path.write_text(CHAIN, encoding="utf-8")
    code, _, err = run("explain", str(path), "bb")
    assert code == 2 and "did you mean `b`?" in err and "Traceback" not in err


def test_cli_explain_a_map_with_errors_exits_1(tmp_path):
    """A map whose relations name unknown ids is not explained."""
    path = tmp_path / "m.argmap"
    path.write_text("claim a: A.\nzz rebuts a\n", encoding="utf-8")
    code, _, err = run("explain", str(path), "a")
    assert code == 1 and "Traceback" not in err


def test_evaluate_explain_adds_an_explanation_per_claim(tmp_path):
    """`argmap evaluate --explain`: a paragraph per claim after the table; in JSON an "explanations" list."""
    path = tmp_path / "m.argmap"
    path.write_text(CHAIN, encoding="utf-8")
    code, out, _ = run("evaluate", str(path), "--explain")
    assert code == 0
    assert "`b` (“Prices fall.”) falls because" in out and "`c` (“Supply grows.”) stands only because" in out
    code, out, _ = run("evaluate", str(path), "--explain", "--format", "json")
    data = json.loads(out)
    assert [e["argument"] for e in data["explanations"]] == ["a", "b", "c"]
    assert data["explanations"][1]["justifications"][0]["label"] == "out"
    code, _, err = run("evaluate", str(path), "--explain", "--semantics", "dfquad")
    assert code == 2 and "Traceback" not in err


def test_the_examples_in_docs_explanations_are_what_argmap_explain_prints(tmp_path):
    """Each `$ argmap explain` line of docs/explanations.md prints what the page shows below it."""
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "explanations.md").read_text("utf-8")
    source = re.search(r"```argmap\n(title: Hausaufgaben.*?)```", doc, re.S).group(1)
    (tmp_path / "hausaufgaben.argmap").write_text(source, encoding="utf-8")
    console = re.search(r"```console\n(.*?)```", doc, re.S).group(1)
    runs = re.findall(r"^\$ argmap explain hausaufgaben\.argmap (\w+)\n((?:(?!\$ ).*\n)+)", console, re.M)
    assert len(runs) == 4
    for ident, shown in runs:
        code, out, err = run("explain", str(tmp_path / "hausaufgaben.argmap"), ident)
        assert code == 0, err
        assert out == shown
    # the page's closing remark: an answer to `eltern` makes `abschaffen` stand again
    answered = source.replace(
        "  - eltern: Durch Hausaufgaben sehen Eltern, was ihr Kind gerade lernt.\n",
        "  - eltern: Durch Hausaufgaben sehen Eltern, was ihr Kind gerade lernt.\n"
        "    - schulplaner: Was das Kind lernt, steht auch im Schulplaner.\n",
    )
    assert explain(parse(answered), "abschaffen").status is Status.ACCEPTED


def test_an_open_claim_with_a_standing_reason_says_the_reason_does_not_settle_it():
    """A thesis in an even circle keeps its reason, and the explanation says the reason answers no objection."""
    m = parse("lang: en\nclaim t: T.\nclaim r: R.\nr supports t\nclaim o: O.\nt contradicts o\n")
    assert explain(m, "t").sentences[-1] == "Its reason `r` (“R.”) stands, but a reason does not answer an objection."


def test_grounds_follow_their_definitions_on_random_maps():
    """On random maps in every support mode: each ground holds by its definition, and only accepted claims get one."""
    rng = random.Random(99)
    for _ in range(200):
        m = random_map(rng, 8)
        for support in ("none", "deductive", "necessary"):
            result = evaluate(m, "grounded", support)
            attacked = {t for _, t in result.attacks}
            accepted = {a for a, s in result.status.items() if s is Status.ACCEPTED}
            found = grounds(m, result)
            assert set(found) == accepted & {c.id for c in m.claims}
            for ident, ground in found.items():
                reason = any(
                    all(p in accepted for p in s.premises) and (s.name is None or s.name in accepted)
                    for s in m.reasons(ident)
                )
                assert (ground is Ground.SUPPORTED) == reason
                if ground is Ground.UNCHALLENGED:
                    assert ident not in attacked and not reason
                if ground is Ground.DEFENDED:
                    assert ident in attacked
