"""Essay plans: argmap.outline and the `argmap outline` command."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.semantics import MapError, evaluate
from tests.strategies import maps

ROOT = Path(__file__).resolve().parent.parent

SCHOOL = """\
title: Phones at school?
lang: {lang}
question: Should schools ban phones?
source study: "A study"
  author: A. Author
  date: 2016
  kind: study
claim ban: Schools should ban phones.
  + focus: Students concentrate better.
    source: study
    basis: study
    quote: "concentrate"
  + distraction + attention
  + (r_breaks) breaks: Breaks become more social.
    ~ private: Breaks are the children's business.
  - emergency: Parents must reach their child.
    - office: The office can always be reached.
  - skills: Students must learn to use phones.
claim distraction: Phones distract.
  basis: example
implicit claim attention: Whoever is distracted learns less.
claim allowed: Phones should stay allowed.
  + trust: Students deserve trust.
ban contradicts allowed
position head: accepts ban, focus, distraction, attention, office
position council: accepts allowed, trust, emergency, skills, private; rejects ban
position skeptic: rejects ban
position bystander: accepts office
"""


def school(lang="en"):
    return argmap.parse(SCHOOL.format(lang=lang))


def section(plan: str, number: str) -> str:
    """The text of one `## n.` section of a plan."""
    start = plan.index(f"## {number}")
    end = plan.find("\n## ", start + 1)
    return plan[start : end if end != -1 else None]


def test_plan_has_every_part_in_order():
    """A plan has the question, introduction, reasons, objections, unstated premises, conclusion and sources."""
    plan = argmap.outline(school())
    assert plan.startswith("# Essay plan: Phones at school?\n")
    assert "**Question:** Should schools ban phones?" in plan
    heads = [line for line in plan.splitlines() if line.startswith("## ")]
    assert heads == [
        "## 1. Introduction",
        "## 2. Reasons for the thesis",
        "## 3. Objections and answers",
        "## 4. Unstated premises",
        "## 5. Conclusion",
        "## Sources",
    ]
    assert plan.endswith("\n") and not plan.endswith("\n\n")


def test_thesis_is_the_main_claim_and_counter_thesis_is_named():
    """Without a position the thesis is the first main claim; a contradicting claim is the counter-thesis."""
    intro = section(argmap.outline(school()), "1.")
    assert "- Thesis: **Schools should ban phones. (`ban`)**" in intro
    assert "- Counter-thesis: Phones should stay allowed. (`allowed`)" in intro


def test_reasons_carry_their_evidence_and_sources():
    """Each reason shows its basis, quote and a numbered source, listed at the end."""
    plan = argmap.outline(school())
    reasons = section(plan, "2.")
    assert "### 2.1 Students concentrate better. (`focus`)\n\n- Evidence: study, “concentrate”, [1]" in reasons
    assert "1. “A study”, A. Author, study, 2016" in section(plan, "Sources")


def test_linked_premises_and_undercuts_are_shown():
    """Linked premises say they work only together; an undercut is an objection to the inference."""
    reasons = section(argmap.outline(school()), "2.")
    assert "### 2.2 Phones distract. (`distraction`)" in reasons
    assert "- works only together with: Whoever is distracted learns less. (`attention`)" in reasons
    assert "  - Evidence: unstated premise" in reasons
    assert "- Objection to the inference: Breaks are the children's business. (`private`)" in reasons


def test_objections_show_answers_or_say_they_are_open():
    """An answered objection lists the answer; an unanswered one is marked open and counted."""
    plan = argmap.outline(school())
    objections = section(plan, "3.")
    assert "### 3.1 Parents must reach their child. (`emergency`)" in objections
    assert "- Answer: The office can always be reached. (`office`)" in objections
    skills = objections[objections.index("(`skills`)") :]
    assert "- open: the map has no answer" in skills.split("###")[0]
    conclusion = section(plan, "5.")
    assert "- Balance: 3 reasons; 3 objections, 1 of them answered; 1 open objection to the reasons." in conclusion
    assert "  - Students must learn to use phones. (`skills`)" in conclusion


def test_unstated_premises_are_collected():
    """Implicit claims used by the plan are listed for the student to check."""
    unstated = section(argmap.outline(school()), "4.")
    assert "- Whoever is distracted learns less. (`attention`)" in unstated


def test_conclusion_gives_the_grounded_verdict():
    """The conclusion restates the thesis and says how argmap's grounded semantics judges it."""
    conclusion = section(argmap.outline(school()), "5.")
    assert "- The thesis once more: **Schools should ban phones. (`ban`)**" in conclusion
    assert "argmap's verdict (grounded): rejected" in conclusion


def test_position_keeps_only_its_reasons_and_answers():
    """From a position's view, reasons and answers are only what it accepts; gaps name it."""
    plan = argmap.outline(school(), position="head")
    assert "**From the point of view of:** `head`" in plan
    reasons = section(plan, "2.")
    assert "(`focus`)" in reasons and "(`breaks`)" not in reasons
    objections = section(plan, "3.")
    assert "- Answer: The office can always be reached. (`office`)" in objections
    assert "- open: `head` does not answer this" in objections


def test_position_with_a_counter_thesis_argues_for_it():
    """A position that accepts the counter-thesis argues for it; its attacks on the other side are its answers."""
    plan = argmap.outline(school(), position="council")
    assert "- Thesis: **Phones should stay allowed. (`allowed`)**" in plan
    reasons = section(plan, "2.")
    assert "(`trust`)" in reasons and "(`emergency`)" in reasons
    objections = section(plan, "3.")
    assert "### 3.1 Schools should ban phones. (`ban`)" in objections
    assert "- Answer: Breaks are the children's business. (`private`)" in objections
    assert "- Answer: Parents must reach their child. (`emergency`) (see 2.2)" in objections


def test_position_that_only_rejects_argues_against():
    """A position that only rejects the main claim gets a plan against it."""
    plan = argmap.outline(school(), position="skeptic")
    assert "- Thesis (which `skeptic` rejects): **Schools should ban phones. (`ban`)**" in plan
    assert "## 2. Reasons against the thesis" in plan
    assert "## 3. Reasons for the thesis and answers to them" in plan
    assert "- Result: **Not: Schools should ban phones. (`ban`)**" in plan


def test_silent_position_is_said_to_be_silent():
    """A position that holds no main claim is told so, and the plan follows the map's main claim."""
    plan = argmap.outline(school(), position="bystander")
    assert "`bystander` takes no stand on a main thesis of the map" in plan
    assert "- Thesis: **Schools should ban phones. (`ban`)**" in plan


def test_claim_option_chooses_the_thesis():
    """`claim=` makes any claim the thesis."""
    plan = argmap.outline(school(), claim="allowed")
    assert "- Thesis: **Phones should stay allowed. (`allowed`)**" in plan
    assert "### 2.1 Students deserve trust. (`trust`)" in plan


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"position": "haed"}, "unknown position `haed`; did you mean `head`?"),
        ({"claim": "bann"}, "unknown claim `bann`; did you mean `ban`?"),
        ({"position": "zzzzzz"}, "unknown position `zzzzzz` (the map has: bystander, council, head, skeptic)"),
    ],
)
def test_unknown_position_or_claim_is_a_value_error(kwargs, message):
    """Unknown ids raise ValueError with a did-you-mean."""
    with pytest.raises(ValueError) as info:
        argmap.outline(school(), **kwargs)
    assert str(info.value) == message


@pytest.mark.parametrize("lang", ["de", "de-DE", "Deutsch", "german"])
def test_german_headings(lang):
    """A German map gets a German plan."""
    plan = argmap.outline(school(lang))
    assert plan.startswith("# Gliederung: Phones at school?")
    assert "## 2. Argumente für die These" in plan
    assert "## 3. Einwände und Antworten" in plan
    assert "- Beleg: Studie, „concentrate“, [1]" in plan
    assert "- Bilanz: 3 Argumente; 3 Einwände, davon 1 beantwortet; 1 offener Einwand gegen die Argumente." in plan


@pytest.mark.parametrize("lang", ["en", "fr", ""])
def test_other_languages_get_english(lang):
    """Any map not in German gets English headings."""
    assert argmap.outline(school(lang)).startswith("# Essay plan:")


def test_markdown_in_claims_is_escaped():
    """Claim text cannot inject Markdown or HTML into the plan."""
    m = argmap.parse("claim a: *bold* _it_ <b>x</b> [l](u) # h `c`\nclaim b: B.\nb supports a\n")
    plan = argmap.outline(m)
    assert r"\*bold\* \_it\_ \<b\>x\</b\> \[l\](u) \# h \`c\`" in plan
    assert "<b>" not in plan


def test_cycles_and_empty_maps_end():
    """Circular support does not loop; an empty map gives a short plan."""
    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\na supports b\nb supports a\nc rebuts a\n")
    assert "(`a`)" in argmap.outline(m)
    assert argmap.outline(argmap.parse("")) == "# Essay plan: untitled\n\nThe map has no claims.\n"


def test_plan_is_deterministic():
    """The same map gives the same plan."""
    assert argmap.outline(school(), position="council") == argmap.outline(school(), position="council")


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.argmap")), ids=lambda p: p.stem)
def test_every_example_and_position_has_a_plan(path):
    """Every example gives a plan from the map's view and from each position's view."""
    m = argmap.load(path)
    for position in [None, *(p.id for p in m.positions)]:
        plan = argmap.outline(m, position=position)
        assert "## 2." in plan and ("## Sources" in plan or "## Quellen" in plan)


def test_debate_plan_for_text_003_shows_its_gap():
    """From text 003's view the debate plan argues its own thesis and shows dependency as unanswered."""
    m = argmap.load(ROOT / "examples" / "europa_ki_debatte.argmap")
    plan = argmap.outline(m, position="mittelstand")
    assert "(`nutzen_statt_bauen`)**" in section(plan, "1.")
    assert "  - Wer Cloud, Chips und Modelle nur aus den USA bezieht" in section(plan, "4.")


# ---- concessions, linked objections and arguments (issue 9) ---------------------------

SUNDAY = """\
lang: {lang}
claim open: The library should open on Sundays.
claim time: Working parents cannot come during the week.
time supports open
claim cost: Sunday work costs extra pay.
r_cost: cost rebuts open
claim one_guard: With self-service machines one guard is enough.
one_guard undercuts r_cost
claim late: The library is open until six.
r_late: late rebuts time
claim six: Six is too early for parents who work.
six undercuts r_late
position mayor: accepts open, time, cost
position librarian: accepts open, time, cost, one_guard, late, six
"""


def sunday(lang="en"):
    return argmap.parse(SUNDAY.format(lang=lang))


def test_conceded_objection_is_presented_as_a_concession():
    """An objection whose named rebuttal the essay's side undercuts reads "Admittedly ..., but ..."."""
    plan = argmap.outline(sunday())
    objections = section(plan, "3.")
    assert "### 3.1 Sunday work costs extra pay. (`cost`)" in objections
    assert (
        "- Concession: Admittedly this is true, but it does not refute the thesis: "
        "With self-service machines one guard is enough. (`one_guard`)\n"
    ) in objections
    assert "open:" not in objections
    conclusion = section(plan, "4.")
    assert "- Balance: 1 reason; 1 objection, 1 of them answered (1 by a concession)." in conclusion


def test_reasons_for_a_conceded_objection_need_no_answer():
    """The essay grants a conceded objection's claim, so the reasons given for it are not open questions."""
    law = "claim law: The law sets extra pay.\nlaw supports cost\n"
    plan = argmap.outline(argmap.parse(SUNDAY.format(lang="en") + law))
    objections = section(plan, "3.")
    assert "- supported by: The law sets extra pay. (`law`)" in objections
    assert "open:" not in objections


def test_concession_in_german_says_zwar_aber():
    """A German plan words the concession "Zwar ..., aber ..."."""
    plan = argmap.outline(sunday("de"))
    assert "- Zugeständnis: Zwar trifft das zu, aber es widerlegt die These nicht: With self-service" in plan
    assert "- Bilanz: 1 Argument; 1 Einwand, davon 1 beantwortet (1 durch ein Zugeständnis)." in plan


def test_concession_to_an_objection_against_a_reason_names_the_reason():
    """Conceding an objection to a reason says which claim it does not refute."""
    reasons = section(argmap.outline(sunday()), "2.")
    assert "- Objection: The library is open until six. (`late`)" in reasons
    assert "  - Concession: Admittedly this is true, but it does not refute `time`: Six is too early" in reasons


def test_concession_counts_only_when_the_position_makes_it():
    """From a position that does not hold the undercut, the conceded objection is open."""
    mayor = section(argmap.outline(sunday(), position="mayor"), "3.")
    assert "Concession" not in mayor and "- open: `mayor` does not answer this" in mayor
    librarian = section(argmap.outline(sunday(), position="librarian"), "3.")
    assert "- Concession: Admittedly this is true" in librarian


def test_undercut_of_an_undercut_is_a_concession_about_the_inference():
    """Undercutting an undercut of a support concedes the undercut but keeps the inference."""
    m = argmap.parse(
        "lang: en\nclaim a: A.\nclaim b: B.\nr: b supports a\nclaim u: U.\nn: u undercuts r\n"
        "claim v: V.\nv undercuts n\n"
    )
    reasons = section(argmap.outline(m), "2.")
    assert "- Objection to the inference: U. (`u`)" in reasons
    assert "  - Concession: Admittedly this is true, but it does not refute the inference: V. (`v`)" in reasons


LINKED = """\
lang: en
claim later: School should start at nine.
claim sleep: Teenagers need more sleep.
sleep supports later
claim one_bus: One bus serves every school.
claim no_money: Nobody can pay for a second bus.
r_bus: one_bus + no_money rebuts later
claim parents: Parents start work at eight.
claim younger: Younger siblings must be taken to school first.
parents + younger rebuts sleep
"""


def test_linked_objection_is_one_objection_with_its_premises_joined():
    """`a + b rebuts c` is one objection: its first premise heads it, the others follow "together with"."""
    plan = argmap.outline(argmap.parse(LINKED))
    objections = section(plan, "3.")
    assert (
        "### 3.1 One bus serves every school. (`one_bus`)\n\n- Evidence: none given\n"
        "- together with: Nobody can pay for a second bus. (`no_money`)\n- open"
    ) in objections
    assert objections.count("### 3.") == 1
    assert "  - One bus serves every school. (`one_bus`) together with: Nobody can pay" in section(plan, "4.")
    reasons = section(plan, "2.")
    assert (
        "- Objection: Parents start work at eight. (`parents`) together with: "
        "Younger siblings must be taken to school first. (`younger`)"
    ) in reasons


def test_linked_objection_is_answered_by_answering_one_premise():
    """Answering one premise answers the linked objection; the answer is listed under it."""
    answer = "claim timetable: A new timetable costs nothing.\ntimetable rebuts no_money\n"
    plan = argmap.outline(argmap.parse(LINKED + answer))
    objections = section(plan, "3.")
    assert "- Answer (against `no_money`): A new timetable costs nothing. (`timetable`)" in objections
    assert "- Balance: 1 reason; 1 objection, 1 of them answered; 1 open objection to the reasons." in section(
        plan, "4."
    )


def test_linked_answer_shows_each_of_its_claims():
    """An answer made of linked claims lists each with its evidence."""
    m = argmap.parse(LINKED + "claim a: A.\nclaim b: B.\na + b rebuts one_bus\n")
    objections = section(argmap.outline(m), "3.")
    linked = "- Answer (against `one_bus`): A. (`a`)\n  - together with: B. (`b`)"
    assert linked in objections


ARGUMENT = """\
lang: en
claim later: School should start at nine.
argument sleep: Teenagers need the hour
  gist: Early rising costs sleep, and sleep is learning.
  inference: modus ponens
  premise biology: Teenagers get tired late.
  premise implicit six: Starting at 7:45 means rising at six.
  conclusion short: Teenagers sleep too little.
  premise learn: Who sleeps too little learns worse.
  conclusion first: The first lesson is wasted.
  premise back: Starting at nine gives the hour back.
  conclusion later
claim owls: Not every teenager is a night owl.
owls rebuts biology
claim habit: Sleep is a matter of habit.
habit undercuts sleep
position pupils: accepts later, sleep, biology, six, short, learn, first, back
position teacher: accepts owls, habit; rejects later
"""


def test_argument_is_a_reason_with_numbered_premises_and_conclusions():
    """An argument for the thesis lists its premises by number; each conclusion says where it comes from."""
    plan = argmap.outline(argmap.parse(ARGUMENT))
    reasons = section(plan, "2.")
    assert reasons.startswith(
        "## 2. Reasons for the thesis\n\n### 2.1 Teenagers need the hour (`sleep`)\n\n"
        "- Gist: Early rising costs sleep, and sleep is learning.\n"
        "- (1) Teenagers get tired late. (`biology`)\n"
    )
    assert "- (2) Starting at 7:45 means rising at six. (`six`)\n  - Evidence: unstated premise" in reasons
    assert "- (3) Hence (from 1, 2): Teenagers sleep too little. (`short`)" in reasons
    assert "- (5) Hence (from 3, 4): The first lesson is wasted. (`first`)" in reasons
    assert "- (7) Hence (from 5, 6; modus ponens): School should start at nine. (`later`)" in reasons
    assert "- Starting at 7:45 means rising at six. (`six`)" in section(plan, "4.")


def test_argument_shows_objections_to_its_premises_and_its_inference():
    """A rebuttal of a premise stands under the premise; an undercut of the argument after the conclusion."""
    reasons = section(argmap.outline(argmap.parse(ARGUMENT)), "2.")
    assert "- (1) Teenagers get tired late. (`biology`)\n  - Objection: Not every" in reasons
    assert reasons.rstrip().endswith(
        "- Objection to the inference: Sleep is a matter of habit. (`habit`)\n  - open: the map has no answer"
    )


def test_argument_against_the_thesis_is_one_block_to_answer():
    """Arguing against the thesis, an argument for it is one block, answered by attacking any of its claims."""
    plan = argmap.outline(argmap.parse(ARGUMENT), position="teacher")
    block = section(plan, "3.")
    assert "### 3.1 Teenagers need the hour (`sleep`)" in block
    assert "- (7) Hence (from 5, 6; modus ponens): School should start at nine. (`later`)" in block
    assert "- Answer (against `biology`): Not every teenager is a night owl. (`owls`)" in block
    assert "- Answer (Objection to the inference): Sleep is a matter of habit. (`habit`)" in block


def test_argument_for_the_counter_thesis_is_answered_claim_by_claim():
    """An argument for the counter-thesis is shown numbered; each answer says which of its claims it attacks."""
    m = argmap.parse(ARGUMENT + "claim keep: School should keep starting at 7:45.\nkeep contradicts later\n")
    block = section(argmap.outline(m, claim="keep"), "3.")
    assert "- supported by: Teenagers need the hour (`sleep`)\n  - Gist:" in block
    assert "  - Answer (against `biology`): Not every teenager is a night owl. (`owls`)" in block
    assert "  - Answer (Objection to the inference): Sleep is a matter of habit. (`habit`)" in block


def test_argument_backing_a_reason_is_nested_under_it():
    """An argument whose conclusion is a premise of a reason is shown, numbered, under that reason."""
    text = ARGUMENT.replace("  conclusion later\n", "  conclusion rested: Rested pupils learn more.\n")
    m = argmap.parse(text + "rested supports later\n")
    reasons = section(argmap.outline(m), "2.")
    assert "- supported by: Teenagers need the hour (`sleep`)\n  - Gist:" in reasons
    assert "  - (7) Hence (from 5, 6; modus ponens): Rested pupils learn more. (`rested`)" in reasons


def test_argument_plans_in_german():
    """German plans say "Also (aus ...)" and "Kernaussage"."""
    plan = argmap.outline(argmap.parse(ARGUMENT.replace("lang: en", "lang: de")))
    assert "- Kernaussage: Early rising" in plan
    assert "- (3) Also (aus 1, 2): Teenagers sleep too little. (`short`)" in plan


@pytest.mark.parametrize("seed", range(0, 400, 20))
def test_random_maps_with_every_new_construct_have_plans(seed):
    """Named and linked objections, undercuts of every kind of relation and arguments, from the map's
    view, a position's and with every claim as the thesis: each gives a plan that names the thesis."""
    import random

    from tests.strategies_semantics import random_extended_map

    for k in range(seed, seed + 20):
        rng = random.Random(k)
        m = random_extended_map(rng)
        ids = [c.id for c in m.claims] + [r.name for r in m.relations if r.name]
        accepts = rng.sample(ids, rng.randint(0, len(ids)))
        rejects = [i for i in ids if i not in accepts and rng.random() < 0.3]
        m = argmap.ArgumentMap([*m.items, argmap.Position("p", accepts, rejects)])
        for position in (None, "p"):
            for claim in (c.id for c in m.claims):
                plan = argmap.outline(m, position=position, claim=claim)
                assert f"(`{claim}`)**" in section(plan, "1.")


def test_concession_text_plan_stands():
    """The concession map of tests/data: the plan concedes the cost and the verdict is accepted."""
    m = argmap.load(ROOT / "tests" / "data" / "concession" / "bibliothek.argmap")
    plan = argmap.outline(m, position="text")
    assert "- Zugeständnis: Zwar trifft das zu, aber es widerlegt die These nicht: Dank der Selbstausleihe" in plan
    assert "argmap-Bewertung (grounded): angenommen" in plan


# ---- the command ------------------------------------------------------------


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def school_file(tmp_path):
    path = tmp_path / "school.argmap"
    path.write_text(SCHOOL.format(lang="de"), "utf-8")
    return path


def test_command_prints_the_plan(school_file):
    """`argmap outline FILE` prints the plan and exits 0."""
    code, out, err = run("outline", str(school_file))
    assert code == 0 and err == ""
    assert out == argmap.outline(argmap.load(school_file))


def test_command_position_and_output_file(school_file, tmp_path):
    """`--position` and `-o` write the position's plan to a file."""
    target = tmp_path / "plan.md"
    code, out, err = run("outline", str(school_file), "--position", "council", "-o", str(target))
    assert code == 0 and out == ""
    assert "written to" in err
    assert target.read_text("utf-8") == argmap.outline(argmap.load(school_file), position="council")


def test_command_unknown_position_is_a_usage_error(school_file):
    """An unknown position exits 2 with one line and a suggestion."""
    code, out, err = run("outline", str(school_file), "--position", "counsil")
    assert code == 2 and out == ""
    assert err == "argmap outline: error: unknown position `counsil`; did you mean `council`?\n"


def test_command_refuses_a_map_with_errors(tmp_path):
    """A map with errors gets its errors printed and no plan; exit 1."""
    path = tmp_path / "bad.argmap"
    path.write_text("claim a: A.\na supports b\n", "utf-8")
    code, out, err = run("outline", str(path))
    assert code == 1 and out == ""
    assert "error[E201]: unknown claim `b`" in err
    assert "no essay plan: the map has errors" in err


def test_command_missing_file(tmp_path):
    """A missing file is an error, not a traceback."""
    code, out, err = run("outline", str(tmp_path / "nope.argmap"))
    assert code == 1 and "cannot read" in err


# -- the plan agrees with itself and with grounded semantics -------------------------------

CONCESSION_ANSWERED = """\
lang: de
claim these: T.
  - (r_bus) bus: B.
    ~ (u_plan) plan: P.
      {reply}
"""


@pytest.mark.parametrize("reply", ["~ teuer: X.", "- falsch: X."])
def test_an_answered_concession_is_shown_and_leaves_the_objection_open(reply):
    """A concession that is itself undercut or rebutted does not answer the objection; its answer is shown."""
    plan = argmap.outline(argmap.parse(CONCESSION_ANSWERED.format(reply=reply)))
    objections = section(plan, "3.")
    # The concession is answered, so the plan reports it rather than asserting it.
    assert (
        "- Zugeständnis, das nicht standhält: Die Karte räumt das ein, meint aber, es widerlege die These nicht: P. (`plan`)"
        in objections
    )
    assert "  - Antwort auf das Zugeständnis: X. (`" in objections
    assert "- offen: die Antworten der Karte halten nicht stand" in objections
    conclusion = section(plan, "4.")
    assert "- Bilanz: 0 Argumente; 1 Einwand, davon 0 beantwortet." in conclusion
    assert "Zugeständnis" not in conclusion
    assert "- Offen bleibt, hier muss der Aufsatz nachlegen:\n  - B. (`bus`)" in conclusion
    assert "abgelehnt" in conclusion


def test_a_standing_concession_still_answers_the_objection():
    """A concession nobody answers counts as an answer, as before."""
    plan = argmap.outline(argmap.parse(CONCESSION_ANSWERED.format(reply="")))
    conclusion = section(plan, "4.")
    assert "- Bilanz: 0 Argumente; 1 Einwand, davon 1 beantwortet (1 durch ein Zugeständnis)." in conclusion
    assert "angenommen" in conclusion
    # Only the reason the map lacks is open: the thesis has none.
    assert "- Offen bleibt, hier muss der Aufsatz nachlegen:\n  - Der Karte fehlt ein Grund" in conclusion


ARGUMENT_ATTACKED = """\
lang: de
claim these: T.
argument a: Arg
  premise p: P.
  conclusion these
claim u: U.
u undercuts a
claim x: X.
x rebuts p
"""


def test_open_objections_to_the_reasons_reach_the_conclusion():
    """Open objections to a premise or an inference are counted in the balance, listed, and the verdict says so."""
    plan = argmap.outline(argmap.parse(ARGUMENT_ATTACKED))
    assert "  - Einwand: X. (`x`)\n    - offen" in section(plan, "2.")
    conclusion = section(plan, "4.")
    assert "- Bilanz: 1 Argument; 0 Einwände; 2 offene Einwände gegen die Argumente." in conclusion
    assert "- Offen bleibt, hier muss der Aufsatz nachlegen:\n  - X. (`x`)\n  - U. (`u`)" in conclusion
    assert "hält allen" not in conclusion
    # Its only reason is refuted (a premise rebutted, the inference undercut): the verdict says so.
    assert "doch jedes ihrer Argumente ist widerlegt" in conclusion
    assert "widerlegen die These aber nicht" not in conclusion


def test_an_answered_objection_to_a_reason_is_not_listed_as_open():
    """An objection to a premise that the map answers stays out of the open list."""
    plan = argmap.outline(argmap.parse(ARGUMENT_ATTACKED + "claim y: Y.\ny rebuts x\n"))
    conclusion = section(plan, "4.")
    assert "1 offener Einwand gegen die Argumente" in conclusion
    assert "  - X. (`x`)" not in conclusion


UNDERCUT_CONTRADICTION = """\
claim a: A
claim b: B
k: a contradicts b
u: b undercuts k
v: a undercuts u
"""


def test_an_objection_does_not_concede_against_itself():
    """An undercut of an objection by the objection's own claim is no concession; every reply to it is shown."""
    plan = argmap.outline(argmap.parse(UNDERCUT_CONTRADICTION))
    objections = section(plan, "3.")
    assert "Concession" not in objections
    assert "- Limiting the objection: B (`b`)\n  - Answer: A (`a`)" in objections
    assert "- disputed: " in objections
    conclusion = section(plan, "4.")
    assert "- Balance: 0 reasons; 1 objection, 0 of them answered, 1 disputed." in conclusion
    assert "  - B (`b`)" in conclusion and "undecided" in conclusion


def test_linked_claims_do_not_put_a_capital_letter_mid_sentence():
    """German linked claims are joined "zusammen mit:", not "und zusammen damit Der ..."."""
    text = "lang: de\nclaim t: T.\nclaim z: Die Zeit fehlt.\nclaim l: Der Lehrplan ist voll.\nz + l rebuts t\n"
    m = argmap.parse(text)
    plan = argmap.outline(m)
    assert "Die Zeit fehlt. (`z`) zusammen mit: Der Lehrplan ist voll. (`l`)" in plan
    assert "zusammen damit" not in plan


def test_evidence_lines_only_at_the_top_or_where_there_is_evidence():
    """"No evidence given" heads a section only; a nested claim has an evidence line only when it has evidence."""
    m = argmap.parse(
        "lang: de\nclaim t: T.\n  - (r_e) e: E.\n    - a: A.\n    - b: B.\n      basis: study\n"
        "    ~ (u) c: C.\n"
    )
    objections = section(argmap.outline(m, claim="t"), "3.")
    assert objections.count("Beleg: keiner angegeben") == 1
    assert "- Antwort: B. (`b`)\n  - Beleg: Studie" in objections


def _conclusion_facts(plan: str):
    """(number of objections, number answered, listed open items, objection sections left open)."""
    conclusion = plan[plan.rindex("\n## ", 0, plan.find("\n## Sources") if "\n## Sources" in plan else None) :]
    balance = next(line for line in conclusion.splitlines() if line.startswith("- Balance: "))
    n = int(balance.split("; ")[1].split(" ")[0])
    answered = int(balance.split(", ")[1].split(" ")[0]) if n else 0
    listed = [line[4:] for line in conclusion.splitlines() if line.startswith("  - ")]
    objections = section(plan, "3.").split("\n### 3.")[1:]
    left_open = [
        body.split("\n")[0].split(" ", 1)[1]
        for body in objections
        if any(line.startswith(("- open", "- disputed")) for line in body.splitlines())
    ]
    return n, answered, listed, left_open


@given(maps(), st.data())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_balance_open_list_and_verdict_agree_with_grounded_semantics(m, data):
    """On random maps with named, linked and undercut attacks and arguments, the balance line, the
    open list and the verdict agree: a rejected or undecided thesis has an unanswered objection,
    an accepted one none, and every objection the plan leaves open is listed."""
    m = attrs.evolve(m, lang="en")
    try:
        status = evaluate(m, "grounded").status
    except MapError:
        return
    thesis = data.draw(st.sampled_from([c.id for c in m.claims]))
    plan = argmap.outline(m, claim=thesis)
    n, answered, listed, left_open = _conclusion_facts(plan)
    verdict = status[thesis].value
    assert f"argmap's verdict (grounded): {verdict}:" in plan or f"(grounded): {verdict}, but not supported:" in plan
    if verdict == "accepted":
        assert answered == n and not left_open
    else:
        assert answered < n
        assert left_open
    assert n - answered == len(left_open)
    for item in left_open:
        assert any(line.startswith(item) for line in listed)
