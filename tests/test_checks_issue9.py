"""The checks on named relations, linked objections, arguments and nested groups (issue 9)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._meaning import meaning_errors
from argmap.checks import check
from argmap.checks.positions import check_positions
from argmap.checks.references import check_references
from argmap.checks.structure import check_structure
from argmap.model import (
    Argument,
    ArgumentMap,
    Claim,
    Contradiction,
    Group,
    Position,
    Rebuttal,
    Step,
    Support,
    Undercut,
)
from argmap.semantics import evaluate
from argmap.syntax import read_text

IDS = ("a", "b", "c", "d", "u", "v", "p1", "p2", "p3", "k1", "k2")


def claims(*ids: str) -> list[Claim]:
    return [Claim(i, f"{i.upper()}.") for i in ids or IDS]


def found(items, code: str | None = None, checker=check) -> list:
    """The diagnostics of ``checker`` on a map of ``items``, only ``code`` when given."""
    m = ArgumentMap(list(items))
    out = list(checker(m))
    return [d for d in out if code is None or d.code == code]


def messages(items, code: str, checker=check) -> list[str]:
    return [d.message for d in found(items, code, checker)]


KOSTEN = Argument("kosten", "Die Kosten", steps=[Step(["p1", "p2"], "k1"), Step(["p3"], "k2")])


# -- references: unknown ids (E201) -------------------------------------------------


@pytest.mark.parametrize(
    "relation,unknown",
    [
        (Rebuttal(["a", "x"], "b"), "x"),
        (Rebuttal(["a", "b"], "y", name="r"), "y"),
        (Undercut(["a", "x"], "s"), "x"),
        (Contradiction("a", "x", name="k"), "x"),
        (Support(["a", "x"], "b", name="t"), "x"),
    ],
)
def test_e201_in_linked_and_named_relations(relation, unknown):
    """Each attacker of a linked objection, and each id of a named relation, must be a claim."""
    items = claims("a", "b") + [Support("a", "b", name="s"), relation]
    assert messages(items, "E201") == [f"unknown claim `{unknown}`"]


def test_e201_in_an_argument_names_each_unknown_claim_once():
    """An argument's premises and conclusions must be claims; each unknown one is reported once."""
    argument = Argument("g", "G", steps=[Step(["p1", "x"], "k1"), Step(["x"], "y")])
    assert messages(claims("p1", "k1") + [argument], "E201") == ["unknown claim `x`", "unknown claim `y`"]


def test_e201_did_you_mean_in_a_linked_objection():
    """The hint of an unknown attacker suggests the nearest claim."""
    [d] = found(claims("invest", "gap", "cost") + [Rebuttal(["gap", "invst"], "cost")], "E201")
    assert d.hint == "did you mean `invest`?"


# -- references: one namespace (E202) ----------------------------------------------------


@pytest.mark.parametrize(
    "first,second,kind",
    [
        (Claim("r", "R."), Rebuttal("a", "b", name="r"), "a claim"),
        (Rebuttal("a", "b", name="r"), Claim("r", "R."), "a named rebuttal"),
        (Contradiction("a", "b", name="r"), Undercut("a", "s", name="r"), "a named contradiction"),
        (Undercut("a", "s", name="r"), Support("a", "b", name="r"), "a named undercut"),
        (Argument("r", "R", steps=[Step("a", "b")]), Rebuttal("a", "b", name="r"), "an argument"),
        (Support("a", "b", name="r"), Argument("r", "R", steps=[Step("a", "b")]), "a named support"),
    ],
)
def test_e202_one_namespace_for_claims_relations_and_arguments(first, second, kind):
    """A claim id, a relation name and an argument id cannot be the same; the message says what came first."""
    items = claims("a", "b") + [Support("a", "b", name="s"), first, second]
    assert messages(items, "E202") == [f"duplicate id `r`: {kind} with this id already exists"]


def test_e202_hint_names_every_kind():
    """The hint of a duplicate names claims, named relations and arguments."""
    [d] = found(claims("a", "b") + [Rebuttal("a", "b", name="a")], "E202")
    assert d.hint == "give each claim, named relation and argument its own id"


def test_a_group_may_share_an_id_with_a_claim():
    """Groups, sources and positions keep their own namespaces."""
    assert found(claims("a", "b") + [Support("a", "b", name="s"), Group("a", "A"), Group("s", "S")], "E202") == []


# -- references: a relation to itself (E203) -------------------------------------------


def test_e203_linked_rebuttal_of_one_of_its_attackers():
    """`a + b rebuts a` attacks one of its own attackers."""
    assert messages(claims("a", "b") + [Rebuttal(["a", "b"], "a")], "E203") == ["`a` is related to itself"]


def test_e203_an_undercut_of_itself():
    """`u: x undercuts u` undercuts itself, with a hint about undercuts."""
    [d] = found(claims("a") + [Undercut("a", "u", name="u")], "E203")
    assert d.message == "`u` is related to itself"
    assert "undercut cannot undercut itself" in d.hint


# -- references: the wrong kind of thing (E204) -------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        Support("a", "b", name="t"),
        Rebuttal("a", "b", name="t"),
        Contradiction("a", "b", name="t"),
        Undercut("c", "s", name="t"),
        Argument("t", "T", steps=[Step("c", "d")]),
    ],
)
def test_any_named_relation_or_argument_can_be_undercut(target):
    """`u undercuts t` is fine for a named support, rebuttal, contradiction, undercut and an argument."""
    items = claims("a", "b", "c", "d", "u") + [Support("a", "c", name="s"), target, Undercut("u", "t")]
    assert found(items, checker=check_references) == []


def test_e204_undercut_of_a_claim_says_what_can_be_undercut():
    """Undercutting a claim is E204; the hint writes the rebuttal with every attacker."""
    [d] = found(claims("a", "b", "c") + [Undercut(["a", "c"], "b")], "E204")
    assert d.message == "`b` is a claim, not a named relation or an argument; only those can be undercut"
    assert d.hint.startswith("to attack the claim, write `a + c rebuts b`")


def test_e204_unknown_undercut_target_suggests_relations_and_arguments():
    """The did-you-mean of an unknown undercut target looks among rebuttal names and argument ids too."""
    items = claims("a", "b", "u", "p1", "p2", "p3", "k1", "k2") + [Rebuttal("a", "b", name="einwand"), KOSTEN]
    [d] = found(items + [Undercut("u", "einwnd")], "E204")
    assert d.message == "unknown relation `einwnd`: an undercut needs the name of a relation or the id of an argument"
    assert d.hint == "did you mean `einwand`?"
    [d] = found(items + [Undercut("u", "kostn")], "E204")
    assert d.hint == "did you mean `kosten`?"


@pytest.mark.parametrize(
    "relation,role,hint",
    [
        (Rebuttal("c", "r"), "the target of a rebuttal", "to attack `r` itself, undercut it: `... undercuts r`"),
        (Contradiction("c", "r"), "a side of a contradiction", "to attack `r` itself, undercut it: `... undercuts r`"),
        (Rebuttal("r", "c"), "an attacker", "name a claim instead"),
        (Support(["r", "c"], "d"), "a premise", "name a claim instead"),
        (Support("c", "r"), "a conclusion", "name a claim instead"),
        (Undercut("r", "s"), "an attacker", "name a claim instead"),
    ],
)
def test_e204_a_relation_where_a_claim_is_needed(relation, role, hint):
    """A relation's name used as a claim is E204 (not "unknown claim"), saying what it is and what is needed."""
    items = claims("a", "b", "c", "d") + [Rebuttal("a", "b", name="r"), Support("a", "d", name="s"), relation]
    [d] = found(items, "E204")
    assert d.message == f"`r` is a named rebuttal, not a claim; {role} must be a claim"
    assert d.hint.startswith(hint)
    assert found(items, "E201") == []


def test_e204_an_argument_as_a_premise_points_to_its_conclusion():
    """Naming an argument as a premise of another argument: use its conclusion."""
    other = Argument("weiter", "W", steps=[Step(["kosten", "a"], "b")])
    [d] = found(claims() + [KOSTEN, other], "E204")
    assert d.message == "`kosten` is an argument, not a claim; a premise must be a claim"
    assert d.hint == "name one of its claims instead, e.g. its conclusion `k2`"


def test_wrong_kinds_are_meaning_errors():
    """E204 stops evaluation (the framework would read the id as something else)."""
    m = ArgumentMap(claims("a", "b", "c") + [Rebuttal("a", "b", name="r"), Rebuttal("c", "r")])
    assert [d.code for d in meaning_errors(m)] == ["E204"]


# -- references: positions (E206) ----------------------------------------------------


def test_positions_may_name_every_named_relation_and_argument():
    """A position may accept or reject claims, named relations of every kind and arguments."""
    items = claims() + [
        Rebuttal("a", "b", name="r"),
        Contradiction("c", "d", name="k"),
        Undercut("u", "r", name="w"),
        KOSTEN,
        Position("p", ["r", "w", "kosten"], ["k"]),
    ]
    assert found(items, "E206") == []


def test_e206_message_names_every_kind():
    """An unknown id in a position is neither a claim nor a named relation or argument."""
    items = claims("a", "b") + [Rebuttal("a", "b", name="einwand"), Position("p", ["einwnd"])]
    [d] = found(items, "E206")
    assert d.message == "position `p` names `einwnd`, which is neither a claim nor a named relation or argument"
    assert d.hint == "did you mean `einwand`?"


# -- structure --------------------------------------------------------------------------------


def test_e301_named_rebuttal_of_a_supported_claim():
    """A named rebuttal against a claim its attacker supports is E301, like an unnamed one."""
    items = claims("a", "b") + [Support("a", "b"), Rebuttal("a", "b", name="r")]
    assert messages(items, "E301", check_structure) == ["`a` both supports `b` and rebuts it"]


def test_no_e301_for_a_linked_objection():
    """`a supports b` and `a + c rebuts b`: a reason that, with another claim, speaks against: no E301."""
    items = claims("a", "b", "c") + [Support("a", "b"), Rebuttal(["a", "c"], "b")]
    assert found(items, "E301", check_structure) == []


def test_e301_through_an_argument_step():
    """A premise of an argument that also rebuts the step's conclusion is E301."""
    assert messages(claims() + [KOSTEN, Rebuttal("p1", "k1")], "E301", check_structure) == [
        "`p1` both supports `k1` (in argument `kosten`) and rebuts it"
    ]


def test_w302_circular_support_through_an_argument():
    """A circle through an argument's steps and a support is W302, naming the argument."""
    [d] = found(claims() + [KOSTEN, Support("k2", "p1")], "W302")
    assert d.message == (
        "circular support: `p1` supports `k1` supports `k2` supports `p1` (through argument `kosten`)"
    )


def test_w302_circle_between_two_arguments():
    """Two arguments that conclude each other's premise form a circle through both."""
    one = Argument("eins", "1", steps=[Step("a", "b")])
    two = Argument("zwei", "2", steps=[Step("b", "a")])
    [d] = found(claims("a", "b") + [one, two], "W302")
    assert d.message.endswith("(through argument `eins`, argument `zwei`)")


@pytest.mark.parametrize(
    "steps,concluded,was",
    [
        ([Step(["p1", "p2"], "p1")], "p1", "premise"),
        ([Step(["p1"], "k1"), Step(["p2"], "p1")], "p1", "premise"),
        ([Step(["p1"], "k1"), Step(["p2"], "k1")], "k1", "conclusion"),
    ],
)
def test_e203_an_argument_concluding_its_own_premise(steps, concluded, was):
    """An argument whose (intermediate) conclusion is already a premise or conclusion of it: E203 once, no W302."""
    items = claims() + [Argument("g", "G", steps=steps)]
    assert messages(items, "E203") == [
        f"argument `g` concludes `{concluded}`, which is already one of its {was}s: the argument goes in a circle"
    ]
    assert found(items, "W302") == []


def test_no_e203_for_a_premise_listed_again_later():
    """Listing an intermediate conclusion again as a later premise is redundant, not circular."""
    argument = Argument("g", "G", steps=[Step(["p1"], "k1"), Step(["k1", "p2"], "k2")])
    assert found(claims() + [argument], "E203") == []


def test_w303_counts_linked_attackers_undercutters_and_argument_claims():
    """Attackers of linked objections, undercutters of rebuttals and an argument's claims are connected."""
    items = claims() + [
        Rebuttal(["a", "c"], "b", name="r"),
        Undercut(["d", "u"], "r"),
        Undercut("v", "kosten"),
        KOSTEN,
    ]
    assert found(items, "W303") == []


def test_w303_still_finds_a_claim_outside_every_relation():
    """A claim outside every relation and argument is still W303."""
    [d] = found(claims("a", "b", "z") + [Rebuttal("a", "b", name="r")], "W303")
    assert "`z`" in d.message


def test_nested_groups_are_fine():
    """A group inside a group inside a group gives no diagnostic."""
    groups = [Group("erde", "Erde"), Group("welt", "Welt", parent="erde"), Group("eu", "EU", parent="welt")]
    assert found(claims("a") + groups) == []


def test_e203_group_a_circle_of_groups_is_reported_once():
    """Groups inside each other in a circle: one E203 naming the circle."""
    groups = [Group("eu", "EU", parent="welt"), Group("welt", "Welt", parent="erde"), Group("erde", "E", parent="eu")]
    assert messages(claims("a") + groups, "E203") == [
        "groups inside each other in a circle: `eu` is part of `welt`, which is part of `erde`, which is part of `eu`"
    ]


def test_e203_group_a_group_inside_itself_and_groups_hanging_off_a_circle():
    """A group that is its own parent is E203; a group inside a circle of groups is not reported again."""
    groups = [Group("x", "X", parent="x"), Group("y", "Y", parent="x")]
    assert messages(claims("a") + groups, "E203") == ["group `x` is declared to be part of itself"]


def test_e203_group_on_a_long_chain_uses_no_recursion():
    """A chain of 20,000 groups closed into a circle is one E203, found without recursion."""
    n = 20_000
    groups = [Group(f"g{i}", "G", parent=f"g{(i + 1) % n}") for i in range(n)]
    assert len(found(groups, "E203", check_structure)) == 1


def test_e201_unknown_parent_group_does_not_stop_evaluation():
    """An unknown parent group is E201 with a did-you-mean, but not an error that changes the map's meaning."""
    items = claims("a", "b") + [Rebuttal("a", "b"), Group("welt", "Welt"), Group("eu", "EU", parent="wlt")]
    [d] = found(items, "E201")
    assert d.message == "unknown group `wlt`: group `eu` is declared to be part of it"
    assert d.hint == "did you mean `welt`?"
    assert meaning_errors(ArgumentMap(items)) == []


# -- positions ------------------------------------------------------------------------------------

CONCESSION = claims("a", "b", "u") + [Rebuttal("a", "b", name="r"), Undercut("u", "r")]


def position_codes(items) -> list[tuple[str, str]]:
    return [(d.code, d.position) for d in found(items, checker=check_positions)]


def test_the_concession_is_consistent_and_defended():
    """Accepting the thesis, the objection and the concession that undercuts it: no diagnostic."""
    assert position_codes(CONCESSION + [Position("p", ["a", "b", "u"])]) == []


def test_without_the_concession_the_objection_conflicts():
    """Accepting the objection's attacker and its target without the concession: E402 and W403, naming the rebuttal."""
    found_ = found(CONCESSION + [Position("p", ["a", "b"])], checker=check_positions)
    assert [d.code for d in found_] == ["E402", "W403"]
    assert found_[0].message == "position `p` accepts both `a` and `b`, but `r: a rebuts b`"
    assert found_[1].message == "position `p` accepts `b` but leaves its attacker `a` unanswered: `r: a rebuts b`"
    assert found_[1].hint == "accept something that attacks `a` or undercuts `r`, or give up `b`"


def test_rejecting_the_named_objection_removes_the_conflict_not_the_need_for_a_reason():
    """Rejecting `r` by name: the attack does not hold (no E402), but nothing answers it (W403)."""
    assert position_codes(CONCESSION + [Position("p", ["a", "b"], ["r"])]) == [("W403", "p")]


def test_accepting_a_named_objection_is_accepting_its_force():
    """Accepting `r` and `b` and rejecting `a` is no conflict (r would refute b if a held): W403 only,
    for b (a is not answered) and for r (the undercut u is not answered)."""
    found_ = found(CONCESSION + [Position("p", ["r", "b"], ["a"])], checker=check_positions)
    assert [d.message for d in found_] == [
        "position `p` accepts `r` but leaves its attacker `u` unanswered: `u undercuts r`",
        "position `p` accepts `b` but leaves its attacker `a` unanswered: `r: a rebuts b`",
    ]


def test_accepting_an_undercut_and_what_it_undercuts():
    """Accepting a named rebuttal and the claim that undercuts it is E402 (as for named supports)."""
    [d, _] = found(CONCESSION + [Position("p", ["r", "u"])], checker=check_positions)
    assert (d.code, d.message) == ("E402", "position `p` accepts both `u` and `r`, but `u undercuts r`")


def test_an_undercut_of_the_concession_brings_the_objection_back():
    """`v undercuts w`, `w: u undercuts r`: accepting a, b, u and v leaves r standing: E402 again."""
    items = claims("a", "b", "u", "v") + [
        Rebuttal("a", "b", name="r"),
        Undercut("u", "r", name="w"),
        Undercut("v", "w"),
    ]
    assert [c for c, _ in position_codes(items + [Position("p", ["a", "b", "u", "v"])])] == ["E402", "W403"]
    # Without v, w keeps r off b: p relies on w, so v's attack on it is unanswered (W403).
    assert position_codes(items + [Position("p", ["a", "b", "u"])]) == [("W403", "p")]


RELIED = """\
claim these: T.
  - (r_bus) bus: B.
    ~ (u_plan) plan: P.
      ~ teuer: X.
"""


@pytest.mark.parametrize("names_it", [True, False])
def test_a_position_relying_on_an_undercut_must_answer_its_attackers(names_it):
    """Whether or not the position names the undercut that keeps its thesis, the unanswered
    attack on that undercut is W403 (one rule for both)."""
    accepts = "these, bus, plan" + (", u_plan" if names_it else "")
    [d] = check_positions(read_text(RELIED + f"position p: accepts {accepts}\n")[0])
    assert (d.code, d.position) == ("W403", "p")
    assert "`teuer undercuts u_plan` (line 4)" in d.message
    assert d.hint.startswith("accept something that attacks `teuer`")
    if not names_it:
        assert d.message.startswith("position `p` holds `these` only through the undercut `u_plan: plan undercuts r_bus`")


@pytest.mark.parametrize(
    "text",
    [
        # the attack on the undercut is answered
        RELIED + "claim billig: Y.\nbillig rebuts teuer\nposition p: accepts these, bus, plan, billig\n",
        # an unnamed undercut keeps r_bus off as well (nothing can attack it)
        RELIED + "claim frei: F.\nfrei undercuts r_bus\nposition p: accepts these, bus, plan, frei\n",
        # so does an accepted one (checked as held)
        RELIED + "claim frei: F.\nu_frei: frei undercuts r_bus\nposition p: accepts these, bus, plan, frei, u_frei\n",
    ],
)
def test_no_reliance_when_the_thesis_is_kept_otherwise(text):
    """The position relies on an undercut only when nothing else keeps the attack off."""
    m, errors = read_text(text)
    assert errors == []
    assert [d.message for d in check_positions(m)] == []


def test_a_circle_of_undercuts_decides_nothing_unless_the_position_does():
    """Two named undercuts of each other, both held: neither cancels `r` for sure (no E402, W403);
    accepting one of them by name settles the circle."""
    items = claims("a", "b", "u", "v") + [
        Rebuttal("a", "b", name="r"),
        Undercut("u", "r", name="w0"),
        Undercut("u", "w2", name="w1"),
        Undercut("v", "w1", name="w2"),
        Undercut("v", "w0", name="w3"),
        Undercut("u", "w3"),
    ]
    # w1 and w2 undercut each other; w0 (the concession) does not depend on them
    assert position_codes(items + [Position("p", ["a", "b", "u", "v"])]) == []
    circle = claims("u", "v") + [Undercut("u", "w2", name="w1"), Undercut("v", "w1", name="w2")]
    found_ = found(circle + [Position("p", ["u", "v", "w2"])], checker=check_positions)
    assert found_ == []  # w2, accepted, cancels w1, so w1 does not attack w2
    found_ = found(circle + [Position("p", ["u", "v", "w2", "w1"])], checker=check_positions)
    assert [d.message for d in found_ if d.code == "E402"] == [
        "position `p` accepts both `u` and `w2`, but `w1: u undercuts w2`",
        "position `p` accepts both `v` and `w1`, but `w2: v undercuts w1`",
    ]
    found_ = found(circle + [Position("p", ["w2"])], checker=check_positions)
    assert [d.message for d in found_] == [
        "position `p` accepts `w2` but leaves its attacker `u` unanswered: `w1: u undercuts w2`"
    ]


def test_linked_objection_needs_every_attacker():
    """`a + c rebuts b`: accepting a and b is no conflict (W403 only); accepting a, c and b is E402."""
    items = claims("a", "b", "c", "d") + [Rebuttal(["a", "c"], "b")]
    [d] = found(items + [Position("p", ["a", "b"])], checker=check_positions)
    assert (d.code, d.message) == (
        "W403",
        "position `p` accepts `b` but leaves its attackers `a` and `c` unanswered: `a + c rebuts b`",
    )
    e402 = found(items + [Position("p", ["a", "c", "b"])], "E402", check_positions)
    assert [d.message for d in e402] == ["position `p` accepts `a`, `c` and `b`, but `a + c rebuts b`"]


def test_attacking_one_attacker_answers_a_linked_objection():
    """Rebutting one attacker of a linked objection defends its target."""
    items = claims("a", "b", "c", "d") + [Rebuttal(["a", "c"], "b"), Rebuttal("d", "c")]
    assert position_codes(items + [Position("p", ["b", "d"])]) == []


def test_undercutting_a_named_contradiction_cancels_both_directions():
    """A named contradiction undercut by an accepted claim attacks neither side."""
    items = claims("a", "b", "u") + [Contradiction("a", "b", name="k"), Undercut("u", "k")]
    assert position_codes(items + [Position("p", ["a", "b", "u"])]) == []
    [d] = found(items + [Position("p", ["a", "b"])], checker=check_positions)
    assert d.message == "position `p` accepts both `a` and `b`, but `k: a contradicts b`"


def test_accepting_an_argument_holds_its_claims():
    """A claim attacked inside an accepted argument: E402 and W403 say which argument holds it."""
    items = claims() + [KOSTEN, Rebuttal("a", "p1"), Position("p", ["kosten", "a"])]
    found_ = found(items, checker=check_positions)
    assert [d.message for d in found_] == [
        "position `p` accepts both `a` and `p1` (in argument `kosten`), but `a rebuts p1`",
        "position `p` accepts `p1` (in argument `kosten`) but leaves its attacker `a` unanswered: `a rebuts p1`",
    ]


@pytest.mark.parametrize(
    "rejected,what",
    [("p2", "premise"), ("k1", "intermediate conclusion"), ("k2", "conclusion"), ("p3", "premise")],
)
def test_e401_accepts_an_argument_but_rejects_what_it_says(rejected, what):
    """E401: accepting an argument and rejecting one of its premises or conclusions."""
    [d] = found(claims() + [KOSTEN, Position("p", ["kosten"], [rejected])], "E401")
    assert d.message == f"position `p` accepts argument `kosten` but rejects its {what} `{rejected}`"
    assert d.is_error and d.position == "p"


def test_undercutting_an_accepted_argument_is_a_conflict():
    """Accepting an argument and what undercuts it (its final inference) is E402."""
    items = claims() + [KOSTEN, Undercut("u", "kosten"), Position("p", ["kosten", "u"])]
    assert "`u undercuts kosten`" in messages(items, "E402")[0]


def test_w404_through_an_argument_step():
    """Rejecting an intermediate conclusion while accepting the step's premises: W404 names the step's argument."""
    [d] = found(claims() + [KOSTEN, Position("p", ["p1", "p2"], ["k1"])], "W404")
    assert d.message == "position `p` rejects `k1` but accepts every premise of `p1 + p2 supports k1` (a step of argument `kosten`)"


def test_w404_not_when_the_argument_is_undercut_or_rejected():
    """Undercutting or rejecting the argument (its final inference) excuses rejecting its conclusion."""
    base = claims() + [KOSTEN, Undercut("u", "kosten")]
    assert found(base + [Position("p", ["p3", "k1", "u"], ["k2"])], "W404") == []
    assert found(base + [Position("p", ["p3", "k1"], ["k2", "kosten"])], "W404") == []
    assert len(found(base + [Position("p", ["p3", "k1"], ["k2"])], "W404")) == 1


def test_a_linked_undercut_of_a_support_excuses_w404_only_when_all_its_attackers_are_held():
    """W404 is excused by an undercut that holds: a linked one needs all its attackers."""
    base = claims() + [Support("a", "b", name="s"), Undercut(["u", "v"], "s")]
    assert len(found(base + [Position("p", ["a", "u"], ["b"])], "W404")) == 1
    assert found(base + [Position("p", ["a", "u", "v"], ["b"])], "W404") == []


def test_a_long_chain_of_undercuts_uses_no_recursion():
    """A chain of 20,000 undercuts, each of the one before, is weighed without recursion and right."""
    n = 20_000
    items = claims("a", "b", "u") + [Rebuttal("a", "b", name="w0")]
    items += [Undercut("u", f"w{i}", name=f"w{i + 1}") for i in range(n)]
    # w_n holds, so w_{n-1} fails, ...: w_i holds exactly when n - i is even
    codes = [c for c, _ in position_codes(items + [Position("p", ["a", "b", "u"])])]
    assert ("E402" in codes) == (n % 2 == 0)


# -- positions: the definitions, by brute force ------------------------------------------


def _sources(rel, target):
    if isinstance(rel, Contradiction):
        return ((rel.second if rel.first == target else rel.first),)
    return rel.attackers


def brute_position(m: ArgumentMap, p: Position) -> set[str]:
    """E402 and W403 for ``p``, straight from the definitions in docs/diagnostics.md: the undercuts
    that hold are the grounded extension (by iterating its characteristic function) of the
    undercuts whose attackers the position holds and whose name it does not reject, where a
    named relation the position accepts cannot be undercut."""
    accepted, rejected = set(p.accepts), set(p.rejects)
    held = set(accepted)
    for g in m.arguments:
        if g.id in accepted:
            held |= set(g.premises) | {s.conclusion for s in g.steps}
    attacks = []  # (relation, target)
    for rel in m.relations:
        if isinstance(rel, Contradiction):
            attacks += [(rel, rel.first), (rel, rel.second)] if rel.first != rel.second else [(rel, rel.first)]
        elif isinstance(rel, (Rebuttal, Undercut)):
            attacks.append((rel, rel.target))

    def base(rel, target):
        return rel.name not in rejected and all(s in held for s in _sources(rel, target))

    live = [u for u in m.undercuts if base(u, u.target)]

    def against(name):
        # an accepted named relation holds whatever undercuts it (E402 reports that)
        return [u for u in live if name is not None and name not in accepted and u.target == name]

    grounded: set[int] = set()
    while True:
        more = {id(u) for u in live if all(any(id(w) in grounded for w in against(v.name)) for v in against(u.name))}
        if more == grounded:
            break
        grounded = more

    def out(u):
        return any(id(w) in grounded for w in against(u.name))

    def holds(rel, target):
        return base(rel, target) and all(out(u) for u in against(rel.name))

    def attacks_a_source(rel, t):
        return any(holds(q, y) for y in _sources(rel, t) for q, t2 in attacks if t2 == y)

    # What the position relies on is held too: a named undercut it does not accept that
    # alone keeps an attack off something held (no unnamed or accepted undercut does, nor
    # an attack on a source).
    while True:
        relied = set()
        for rel, t in attacks:
            if t in held and rel.name is not None and not attacks_a_source(rel, t):
                keeping = [u for u in live if u.target == rel.name and id(u) in grounded]
                if keeping and all(u.name is not None and u.name not in accepted for u in keeping):
                    relied |= {u.name for u in keeping}
        if relied <= held:
            break
        held |= relied

    codes = set()
    for rel, t in attacks:
        if t not in held:
            continue
        if holds(rel, t):
            codes.add("E402")
        cancelled = any(id(u) in grounded for u in live if u.target == rel.name)
        answered = cancelled or any(
            holds(q, y) for y in _sources(rel, t) for q, t2 in attacks if t2 == y
        )
        if not answered:
            codes.add("W403")
    return codes


def random_issue9_map(rng: random.Random) -> ArgumentMap:
    """A small random map with named and linked objections, undercuts of every kind of relation,
    undercuts of undercuts, arguments and two positions."""
    cs = [f"c{i}" for i in range(rng.randint(2, 7))]
    items: list = [Claim(c, "C.") for c in cs]
    names: list[str] = []

    def name():
        if rng.random() < 0.5:
            names.append(f"n{len(names)}")
            return names[-1]
        return None

    def attackers():
        return tuple(rng.sample(cs, rng.choice((1, 1, 2)) if len(cs) > 2 else 1))

    for _ in range(rng.randint(0, 6)):
        kind = rng.random()
        if kind < 0.4:
            items.append(Rebuttal(attackers(), rng.choice(cs), name=name()))
        elif kind < 0.6:
            a, b = rng.sample(cs, 2)
            items.append(Contradiction(a, b, name=name()))
        else:
            a, b = rng.sample(cs, 2)
            items.append(Support(a, b, name=name()))
    if len(cs) >= 3 and rng.random() < 0.5:
        p, q, c = rng.sample(cs, 3)
        names.append("arg")
        items.append(Argument("arg", "A", steps=[Step([p], q), Step([], c)] if rng.random() < 0.5 else [Step([p, q], c)]))
    for _ in range(rng.randint(0, 5)):
        if not names:
            break
        items.append(Undercut(attackers(), rng.choice(names), name=name()))
    ids = cs + names
    for pid in ("p", "q"):
        items.append(Position(pid, rng.sample(ids, rng.randint(0, len(ids))), rng.sample(ids, rng.randint(0, 2))))
    return ArgumentMap(items)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_position_checks_agree_with_the_definitions_on_the_new_constructs(seed):
    """On random maps with named, linked and undercut objections and arguments: E402 and W403 exactly as defined."""
    m = random_issue9_map(random.Random(seed))
    for p in m.positions:
        codes = {d.code for d in check_positions(m) if d.position == p.id and d.code in ("E402", "W403")}
        assert codes == brute_position(m, p), p


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_every_complete_extension_is_a_consistent_defended_position(seed):
    """Each complete extension of the semantics (its claims and named relations), taken as a
    position, is neither in conflict (E402) nor undefended (W403): the checks read named, linked
    and undercut objections as the semantics does."""
    m = random_issue9_map(random.Random(seed))
    m = m.evolve(items=[i for i in m.items if not isinstance(i, Position)])
    arguments = {g.id for g in m.arguments}
    for extension in evaluate(m, "complete").extensions:
        held = [x for x in extension if x not in arguments]
        with_position = m.evolve(items=list(m.items) + [Position("e", held)])
        assert {d.code for d in check_positions(with_position)} & {"E402", "W403"} == set(), extension


# -- the public check ------------------------------------------------------------------------


def test_check_runs_on_a_map_with_every_new_construct():
    """argmap.check on a map using every new construct at once finds nothing to complain about."""
    items = claims() + [
        Rebuttal(["a", "c"], "b", name="r", tags=["einwand"], note="n", group="g"),
        Undercut("u", "r", name="zugestanden"),
        Undercut("v", "kosten"),
        Rebuttal("d", "v"),
        Contradiction("p3", "k1", name="k"),
        Undercut("d", "k"),
        KOSTEN,
        Group("welt", "Welt"),
        Group("g", "G", parent="welt"),
        Position("p", ["a", "b", "c", "u", "d", "kosten"]),
    ]
    assert [d.code for d in check(ArgumentMap(items))] == []


# -- docs/diagnostics.md -------------------------------------------------------------------

DOC = Path(__file__).resolve().parent.parent / "docs" / "diagnostics.md"
EXAMPLE = re.compile(r"```argmap\n((?:(?!```)[\s\S])*?)```\n\ngives `([EWI][234]\d\d)`:\n")


def doc_examples() -> list[tuple[str, str]]:
    return [(m.group(2), m.group(1)) for m in EXAMPLE.finditer(DOC.read_text("utf-8"))]


@pytest.mark.parametrize("code,text", doc_examples(), ids=[f"{c}-{i}" for i, (c, _) in enumerate(doc_examples())])
def test_every_reference_structure_and_position_example_gives_its_code(code, text):
    """Every example of E2xx to I4xx in docs/diagnostics.md gives its code, not only each section's first."""
    m, diagnostics = read_text(text, str(DOC.parent / "example.argmap"))
    assert code in {d.code for d in diagnostics + check(m)}


# -- maps written as text: where each diagnostic points ------------------------------------


def text_found(text: str, code: str) -> list:
    m, syntax = read_text(text, "t.argmap")
    assert [d for d in syntax if d.is_error] == [], syntax
    return [d for d in check(m) if d.code == code]


def where(d) -> tuple[int, int]:
    return d.span.line, d.span.column


def test_text_e201_points_at_the_unknown_attacker_of_a_linked_objection():
    """The caret stands under the unknown second attacker of `a + x rebuts b`."""
    [d] = text_found("claim a: A.\nclaim b: B.\nr: a + x rebuts b\n", "E201")
    assert (d.message, where(d)) == ("unknown claim `x`", (3, 8))


def test_text_e201_points_at_a_premise_an_argument_references():
    """`premise x` naming no claim: E201 at x."""
    text = "argument g: G\n  premise p: P.\n  premise x\n  conclusion k: K.\n"
    [d] = text_found(text, "E201")
    assert (d.message, where(d)) == ("unknown claim `x`", (3, 11))


def test_text_e202_points_at_the_second_name():
    """A named rebuttal named like a claim: E202 at the rebuttal's name, naming the claim's line."""
    [d] = text_found("claim a: A.\nclaim b: B.\na: b rebuts a\n", "E202")
    assert d.message == "duplicate id `a`: a claim with this id already exists (first defined on line 1)"
    assert where(d) == (3, 1)


def test_text_e202_argument_named_like_a_claim():
    """An argument with a claim's id: E202 at the argument's id."""
    [d] = text_found("claim g: G.\nargument g: Titel\n  premise p: P.\n  conclusion k: K.\n", "E202")
    assert where(d) == (2, 10)


def test_text_e204_points_at_the_undercut_target():
    """Undercutting a claim with a linked undercut: E204 at the target; the hint writes the rebuttal."""
    [d] = text_found("claim a: A.\nclaim b: B.\nclaim c: C.\na + c undercuts b\n", "E204")
    assert where(d) == (4, 17) and "`a + c rebuts b`" in d.hint


def test_text_concession_in_an_outline_is_consistent():
    """`~` under a named `-` item undercuts that rebuttal: the position accepting all three is consistent."""
    text = (
        "claim b: These.\n"
        "  - (r) a: Einwand.\n"
        "    ~ u: Zugeständnis.\n"
        "position p: accepts a, b, u\n"
        "position q: accepts a, b\n"
    )
    m, _ = read_text(text, "t.argmap")
    found_ = [(d.code, d.position, d.message) for d in check(m)]
    assert found_ == [
        ("E402", "q", "position `q` accepts both `a` and `b`, but `r: a rebuts b` (line 2)"),
        ("W403", "q", "position `q` accepts `b` but leaves its attacker `a` unanswered: `r: a rebuts b` (line 2)"),
    ]


def test_text_linked_objection_in_an_outline():
    """`- a + c` under b: accepting a, c and b is E402 naming the linked objection and its line."""
    text = "claim b: These.\n  - a + c\nclaim a: A.\nclaim c: C.\nposition p: accepts a, b, c\n"
    [d] = text_found(text, "E402")
    assert d.message == "position `p` accepts `a`, `c` and `b`, but `a + c rebuts b` (line 2)"
    assert where(d) == (5, 24)


def test_text_e203_argument_points_at_the_conclusion_line():
    """An argument concluding its own premise: E203 at that `conclusion` line."""
    text = "argument g: G\n  premise p: P.\n  conclusion k: K.\n  premise q: Q.\n  conclusion p\n"
    [d] = text_found(text, "E203")
    assert where(d) == (5, 3)


def test_text_e203_group_points_at_the_group_line_written_last():
    """A circle of groups: E203 at the value of the `group:` line written last in the circle."""
    text = "group a: A\n  group: b\ngroup b: B\n  group: c\ngroup c: C\n  group: a\n"
    [d] = text_found(text, "E203")
    assert where(d) == (6, 10)
    assert d.message == "groups inside each other in a circle: `c` is part of `a`, which is part of `b`, which is part of `c`"


def test_text_w404_names_the_argument_and_the_line_of_the_step():
    """W404 on an argument's step says which argument and which line."""
    text = (
        "argument g: G\n  premise p: P.\n  conclusion k: K.\n  premise q: Q.\n  conclusion z: Z.\n"
        "position s: accepts p; rejects k\n"
    )
    [d] = text_found(text, "W404")
    assert d.message == "position `s` rejects `k` but accepts every premise of `p supports k` (a step of argument `g`, line 3)"


def test_text_e401_points_at_the_rejected_claim_of_an_accepted_argument():
    """E401 for an argument: the caret under the rejected premise."""
    text = "argument g: G\n  premise p: P.\n  conclusion k: K.\nposition s: accepts g; rejects p\n"
    [d] = text_found(text, "E401")
    assert where(d) == (4, 32)


def test_text_concession_map_of_the_tests_is_consistent():
    """The concession text in tests/data checks without any diagnostic (its quotes are in its text)."""
    path = Path(__file__).parent / "data" / "concession" / "bibliothek.argmap"
    m, syntax = read_text(path.read_text("utf-8"), str(path))
    assert syntax == [] and [d.code for d in check(m)] == []


def test_e204_without_a_close_name_lists_what_can_be_undercut():
    """When no name is close, the hint lists the relations and arguments the map lets one undercut."""
    items = claims() + [Rebuttal("a", "b", name="einwand"), Support("c", "d", name="grund"), KOSTEN]
    [d] = found(items + [Undercut("u", "xyz")], "E204")
    assert d.hint == (
        "what can be undercut here: `einwand`, `grund`, `kosten`;"
        " or name the relation to undercut (`name: a supports b`, `name: a rebuts b`, ...)"
    )
    many = claims("a", "b", "u") + [Rebuttal("a", "b", name=f"r{i}") for i in range(7)] + [Undercut("u", "xyz")]
    assert found(many, "E204")[0].hint.startswith("what can be undercut here: `r0`, `r1`, `r2`, `r3`, `r4` and 2 more;")
    [d] = found(claims("a", "u") + [Undercut("u", "xyz")], "E204")
    assert d.hint.startswith("nothing in this map can be undercut yet: name the relation")


def test_position_checks_look_up_each_relation_a_bounded_number_of_times(monkeypatch):
    """Weighing a chain of undercuts costs look-ups linear in its length (counted, not timed)."""
    calls = []
    objections = ArgumentMap.objections

    def counted(self, id):
        calls.append(id)
        return objections(self, id)

    monkeypatch.setattr(ArgumentMap, "objections", counted)

    def lookups(n: int) -> int:
        items = claims("a", "b", "u") + [Rebuttal("a", "b", name="w0")]
        items += [Undercut("u", f"w{i}", name=f"w{i + 1}") for i in range(n)]
        m = ArgumentMap(items + [Position("p", ["a", "b", "u"] + [f"w{i}" for i in range(0, n, 2)])])
        calls.clear()
        list(check_positions(m))
        return len(calls)

    small, large = lookups(1000), lookups(4000)
    assert large <= 4.5 * small
