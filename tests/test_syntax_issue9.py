"""The language of issue 9: named and linked objections, undercuts of any named
relation, attributes of relations, arguments with premises and conclusions,
nested groups; each parsed to the expected model, with spans, formatted back,
and the wrong forms reported."""

from __future__ import annotations

import pytest

import argmap
from argmap import (
    Argument,
    ArgumentMap,
    Claim,
    Comment,
    Contradiction,
    Group,
    MapBuilder,
    Rebuttal,
    Step,
    Support,
    Undercut,
)

CLAIMS = "claim a: A.\nclaim b: B.\nclaim c: C.\nclaim u: U.\n"


def relations(text: str) -> tuple:
    """The relation items of ``CLAIMS + text`` (parsed without syntax errors)."""
    m = argmap.parse(CLAIMS + text)
    return tuple(i for i in m.items if not isinstance(i, (Claim, Comment)))


def syntax_codes(text: str) -> list[str]:
    """The codes of the reader's diagnostics (syntax only, no checks)."""
    return [d.code for d in argmap.read(text)[1]]


def diagnostic(text: str, code: str):
    """The one diagnostic of the reader with ``code``."""
    found = [d for d in argmap.read(text)[1] if d.code == code]
    assert len(found) == 1, [str(d) for d in argmap.read(text)[1]]
    return found[0]


def assert_canonical(text: str) -> None:
    """``text`` is what fmt writes for the map it reads, and reads back the same."""
    m = argmap.parse(text)
    assert m.to_source() == text
    assert argmap.parse(m.to_source()) == m


# -- named relations -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, item",
    [
        ("r: a rebuts b", Rebuttal("a", "b", name="r")),
        ("k: a contradicts b", Contradiction("a", "b", name="k")),
        ("s: a supports b", Support("a", "b", name="s")),
        ("s: a supports b\nv: u undercuts s", Undercut("u", "s", name="v")),
    ],
    ids=["rebuttal", "contradiction", "support", "undercut"],
)
def test_every_relation_can_be_named(line, item):
    """`NAME: a rebuts b`, `NAME: a contradicts b`, `NAME: x undercuts T` are named relations."""
    found = relations(line + "\n")
    assert found[-1] == item
    m = argmap.parse(CLAIMS + line + "\n")
    assert m.relation(item.name) == item and m.has(item.name)


def test_undercut_of_a_rebuttal_is_the_concession():
    """`u undercuts r` with `r` a named rebuttal parses, and `objections(r)` finds it."""
    m = argmap.parse(CLAIMS + "r: a rebuts b\nu undercuts r\n")
    assert m.objections("r") == (Undercut("u", "r"),)
    assert m.objections("b") == (Rebuttal("a", "b", name="r"),)
    assert not [d for d in argmap.check(m) if d.is_error]


def test_undercut_of_an_undercut_and_of_a_contradiction():
    """Undercuts aim at named undercuts and named contradictions too."""
    m = argmap.parse(CLAIMS + "s: a supports b\nv: u undercuts s\nc undercuts v\nk: a contradicts c\nu undercuts k\n")
    assert m.objections("v") == (Undercut("c", "v"),)
    assert m.objections("k") == (Undercut("u", "k"),)


def test_named_relation_spans():
    """The spans of a named relation: attackers, target, then the name."""
    m = argmap.parse(CLAIMS + "rr: a + b rebuts c\n")
    r = m.relation("rr")
    line = 5
    assert [(s.line, s.column, s.end_column) for s in r.ref_spans] == [
        (line, 5, 6),
        (line, 9, 10),
        (line, 18, 19),
        (line, 1, 3),
    ]
    assert (r.span.line, r.span.column) == (line, 1)
    assert [ref for ref, _ in r.references()] == ["a", "b", "c"]


# -- linked objections ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, item",
    [
        ("a + b rebuts c", Rebuttal(("a", "b"), "c")),
        ("n: a + b rebuts c", Rebuttal(("a", "b"), "c", name="n")),
        ("s: a supports c\na + b undercuts s", Undercut(("a", "b"), "s")),
        ("s: a supports c\nn: a + b + u undercuts s", Undercut(("a", "b", "u"), "s", name="n")),
    ],
    ids=["rebuttal", "named rebuttal", "undercut", "named undercut of three"],
)
def test_linked_objections(line, item):
    """`a + b rebuts c` and `a + b undercuts T` are linked: one objection, several attackers."""
    found = relations(line + "\n")[-1]
    assert found == item and found.linked
    assert found.attacker == "a"  # the first attacker, for code written before linked objections


def test_linked_contradiction_is_an_error_with_a_hint():
    """`a + b contradicts c` is E107: a contradiction is between two claims; the hint says `rebuts`."""
    d = diagnostic(CLAIMS + "a + b contradicts c\n", "E107")
    assert (d.span.line, d.span.column) == (5, 1)
    assert "`a + b rebuts c`" in d.hint
    assert argmap.read(CLAIMS + "a + b contradicts c\n")[0].contradictions == ()


def test_linked_objection_is_no_longer_an_error():
    """What was E107 before (`- a + b`, `a + b rebuts c`) now reads as a linked objection."""
    assert syntax_codes(CLAIMS + "a + b rebuts c\n") == []
    assert syntax_codes("claim c: C.\n  - a + b\nclaim a: A.\nclaim b: B.\n") == []


# -- attributes of named relations ---------------------------------------------------------------


def test_named_relation_attributes():
    """`tags:`, `note:` and `group:` under a named relation are its fields."""
    text = CLAIMS + "r: a rebuts b\n  tags: zug, geld\n  note: Ein Zugeständnis\n    | folgt.\n  group: g\n"
    r = argmap.parse(text).relation("r")
    assert r == Rebuttal("a", "b", name="r", tags=("zug", "geld"), note="Ein Zugeständnis folgt.", group="g")


def test_attributes_under_an_unnamed_relation_are_e108():
    """A relation without a name cannot have attributes (E108); the hint shows how to name it."""
    d = diagnostic(CLAIMS + "a rebuts b\n  note: N\n", "E108")
    assert (d.span.line, d.span.column) == (6, 3)
    assert d.hint == "name the relation: `name: a rebuts b`"


@pytest.mark.parametrize(
    "text, hint",
    [
        (CLAIMS + "r: a rebuts b\n  source: s\n", "use one of: tags, note, group"),
        (CLAIMS + "r: a rebuts b\n  notes: x\n", "did you mean `note`?"),
        ("group g: G\n  note: x\n", "use one of: group"),
        ("argument x: T\n  premise p: P.\n  conclusion k: K.\n  quote: q\n", "`quote:` belongs to a claim"),
        ("argument x: T\n  premise: P.\n  premise p: P.\n  conclusion k: K.\n", "a premise needs an id"),
    ],
    ids=["relation", "relation misspelt", "group", "argument", "premise without id"],
)
def test_unknown_attribute_of_an_item_without_extras_is_e119(text, hint):
    """Arguments, relations and groups keep no other attributes: an unknown key is E119, not lost silently."""
    d = diagnostic(text, "E119")
    assert hint in d.hint


def test_relation_attribute_given_twice():
    """An attribute given twice under a relation is E113, as under a claim."""
    assert "E113" in syntax_codes(CLAIMS + "r: a rebuts b\n  note: x\n  note: y\n")


# -- outlines -----------------------------------------------------------------------------------


def test_outline_named_and_linked_objections():
    """`- (NAME) a`, `- a + b`, `~ (NAME) x`, `~ a + b` in an outline."""
    text = (
        "claim t: These.\n"
        "  + (s) a: A.\n"
        "    ~ (v) u: U.\n"
        "      ~ b\n"
        "    ~ b + c\n"
        "  - (r) b: B.\n"
        "    ~ c: C.\n"
        "  - a + c\n"
    )
    m = argmap.parse(text)
    rels = [i for i in m.items if not isinstance(i, Claim)]
    assert rels == [
        Support("a", "t", name="s"),
        Undercut("u", "s", name="v"),
        Undercut("b", "v"),
        Undercut(("b", "c"), "s"),
        Rebuttal("b", "t", name="r"),
        Undercut("c", "r"),
        Rebuttal(("a", "c"), "t"),
    ]
    assert [r.outline for r in rels] == [1, 2, 3, 2, 1, 2, 1]
    assert_canonical(text)


def test_outline_name_span():
    """The name of an outline item's relation has its span last in ``ref_spans``."""
    m = argmap.parse("claim t: T.\n  - (r) b: B.\n")
    r = m.relation("r")
    assert [(s.line, s.column, s.end_column) for s in r.ref_spans] == [(2, 9, 10), (1, 7, 8), (2, 6, 7)]


@pytest.mark.parametrize(
    "text, message, hint",
    [
        (
            "claim t: T.\n  - b: B.\n    ~ c: C.\n",
            "to undercut a rebuttal, the rebuttal needs a name",
            "name the rebuttal above: `- (name) b`",
        ),
        (
            "claim t: T.\n  + a + b\n    ~ c: C.\n",
            "to undercut a support, the support needs a name",
            "name the support above: `+ (name) a + b`",
        ),
        (
            "claim t: T.\n  + (s) a\n    ~ b\n      ~ c: C.\n",
            "to undercut an undercut, the undercut needs a name",
            "name the undercut above: `~ (name) b`",
        ),
        (
            "claim t: T.\n  ~ c: C.\n",
            "`~` undercuts the relation of the item above it, but the line above is a claim, not an item",
            "put the `~` line under a `+ (name) ...` or `- (name) ...` item, or write `x undercuts name`",
        ),
    ],
    ids=["unnamed rebuttal", "unnamed linked support", "unnamed undercut", "under a claim"],
)
def test_undercut_in_an_outline_needs_a_named_item(text, message, hint):
    """`~` under an unnamed item is E109 with the name to add; under a claim line too."""
    d = diagnostic(text, "E109")
    assert (d.message, d.hint) == (message, hint)


def test_items_under_a_linked_objection():
    """`~` under a named linked objection undercuts it; `+` under it has no single claim (E106)."""
    m = argmap.parse("claim t: T.\n  - (r) a + b\n    ~ u\n")
    assert m.objections("r") == (Undercut("u", "r"),)
    assert "E106" in syntax_codes("claim t: T.\n  - a + b\n    + u\n")


# -- arguments --------------------------------------------------------------------------------------

ARGUMENT = """\
argument kosten: Die Kosten sind zu hoch
  gist: Europa kann nicht mithalten, weil ihm das Geld fehlt.
  inference: Modus ponens
  tags: geld
  group: eu
  note: Aus dem Interview.
  premise p1: Rechenzentren kosten Milliarden.
    source: gierse
    quote: "Milliarden"
  premise p2
  premise implicit p3: Wer nicht investiert, fällt zurück.
  conclusion k1: Europa kann nicht mithalten.
  premise p4: Die USA investieren mehr.
  conclusion k2

claim p2: Europa hat diese Milliarden nicht frei.
claim k2: Europa verliert den Anschluss.

source gierse: "Interview"

group eu: Europa
"""


def test_argument_model():
    """An argument reads as an Argument item followed by the claims it defines."""
    m = argmap.parse(ARGUMENT)
    a = m.argument("kosten")
    assert a == Argument(
        "kosten",
        "Die Kosten sind zu hoch",
        gist="Europa kann nicht mithalten, weil ihm das Geld fehlt.",
        inference="Modus ponens",
        tags=("geld",),
        group="eu",
        note="Aus dem Interview.",
        steps=[Step(["p1", "p2", "p3"], "k1"), Step(["p4"], "k2")],
    )
    assert a.premises == ("p1", "p2", "p3", "p4") and a.conclusion == "k2"
    kinds = [(type(i).__name__, getattr(i, "id", None)) for i in m.items[:5]]
    assert kinds == [("Argument", "kosten"), ("Claim", "p1"), ("Claim", "p3"), ("Claim", "k1"), ("Claim", "p4")]
    assert [c.argument for c in m.items[1:5]] == ["kosten"] * 4
    assert m.claim("p3").implicit and not m.claim("p1").implicit
    assert m.claim("p1").source == "gierse" and m.claim("p1").quote == "Milliarden"
    assert m.claim("p2").argument is None
    assert m.arguments == (a,)


def test_argument_is_a_chain_of_linked_supports():
    """`m.supports` holds one support per step; the last is named with the argument's id."""
    m = argmap.parse(ARGUMENT)
    assert m.supports == (
        Support(("p1", "p2", "p3"), "k1", argument="kosten"),
        Support(("p4", "k1"), "k2", name="kosten", argument="kosten"),
    )
    assert m.relations == m.supports
    assert m.support("kosten") is m.relation("kosten") is m.supports[-1]
    assert m.reasons("k2") == (m.supports[-1],)
    assert not [d for d in argmap.check(m) if d.is_error]


def test_argument_spans():
    """The argument's span is its line; each step's spans point at its ids; derived supports reuse them."""
    m = argmap.parse(ARGUMENT)
    a = m.argument("kosten")
    assert (a.span.line, a.ref_spans[0].column, a.ref_spans[0].end_column) == (1, 10, 16)
    first, second = a.steps
    assert [(s.line, s.column) for s in first.ref_spans] == [(7, 11), (10, 11), (11, 20), (12, 14)]
    assert first.span.line == 12 and second.span.line == 14
    final = m.supports[-1]
    assert [s.line for s in final.ref_spans] == [13, 12, 14, 1]  # p4, k1 (the previous conclusion), k2, the id
    assert m.claim("p3").span.line == 11 and m.claim("p3").ref_spans[0].column == 20
    assert [(ref, span.line) for ref, span in a.references()] == [
        ("p1", 7),
        ("p2", 10),
        ("p3", 11),
        ("k1", 12),
        ("p4", 13),
        ("k2", 14),
    ]


def test_argument_formats_canonically():
    """fmt writes an argument with its defined claims inside it, as it was read."""
    assert_canonical(ARGUMENT)


def test_argument_undercut_and_attacked_premise():
    """Undercutting an argument's id undercuts its final inference; its premises are ordinary claims."""
    m = argmap.parse(ARGUMENT + "claim x: X.\nx undercuts kosten\nx rebuts p1\n")
    assert m.objections("kosten") == (Undercut("x", "kosten"),)
    assert m.objections("p1") == (Rebuttal("x", "p1"),)


def test_intermediate_conclusion_without_new_premises():
    """A conclusion right after a conclusion follows from the previous one alone."""
    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\nargument x: T\n  premise a\n  conclusion b\n  conclusion c\n")
    assert m.argument("x").steps == (Step(["a"], "b"), Step([], "c"))
    assert m.supports[-1] == Support(("b",), "c", name="x", argument="x")


def test_argument_words_are_not_reserved_as_ids():
    """`premise` and `conclusion` start lines only under an argument: elsewhere they are ids."""
    text = (
        "claim premise: P.\n"
        "claim conclusion: K.\n"
        "  note: x\n"
        "  premise: kept as an attribute\n"
        "premise: premise supports conclusion\n"
        "argument x: T\n"
        "  premise premise\n"
        "  conclusion conclusion\n"
    )
    m, diagnostics = argmap.read(text)
    assert diagnostics == []
    assert m.claim("conclusion").extra[0].key == "premise"
    assert m.relation("premise") == Support("premise", "conclusion", name="premise")
    assert m.argument("x").steps == (Step(["premise"], "conclusion"),)
    assert argmap.parse(m.to_source()) == m


def test_argument_is_reserved():
    """`argument` starts a statement, so it cannot be a claim id (E116) and refuses as a name."""
    assert "E116" in syntax_codes("claim argument: A.\n")
    assert "E116" in syntax_codes("argument claim: T\n  premise a\n  conclusion b\n")
    assert "E101" in syntax_codes("argument: a rebuts b\n")


@pytest.mark.parametrize(
    "text, code, line",
    [
        ("argument x:\n  premise a: A.\n  conclusion b: B.\n", "E120", 1),
        ("argument x: T\n  premise a: A.\n", "E121", 1),
        ("argument x: T\n  conclusion b: B.\n", "E121", 2),
        ("argument x: T\n  premise a: A.\n  conclusion b: B.\n  premise c: C.\n", "E121", 4),
        ("argument x: T\n  premise a:\n  conclusion b: B.\n", "E115", 2),
        ("claim t: T.\n  premise a\n", "E104", 2),
        ("argument x: T\n  premise a: A.\n    + b\n  conclusion b: B.\n", "E104", 3),
        ("argument x: T\n  premise a\n    note: n\n  conclusion b: B.\n", "E104", 3),
        ("argument x: T\n  + a\n  premise a: A.\n  conclusion b: B.\n", "E104", 2),
    ],
    ids=[
        "no title",
        "no conclusion",
        "conclusion without premise",
        "premise after the last conclusion",
        "premise without text",
        "premise under a claim",
        "outline item under a premise",
        "attribute under a referenced premise",
        "outline item under an argument",
    ],
)
def test_argument_errors(text, code, line):
    """Each wrong form of an argument gives its code at its line, never a traceback."""
    m, diagnostics = argmap.read(text)
    found = [d for d in diagnostics if d.code == code]
    assert found and found[0].span.line == line, [str(d) for d in diagnostics]
    assert found[0].hint


def test_argument_with_trailing_premises_keeps_its_steps():
    """Premises after the last conclusion are reported and left out; the steps before stay."""
    m, _ = argmap.read("argument x: T\n  premise a: A.\n  conclusion b: B.\n  premise c: C.\n")
    assert m.argument("x").steps == (Step(["a"], "b"),)
    assert [c.id for c in m.claims] == ["a", "b", "c"]


def test_broken_step_line_gives_one_error():
    """A step line that does not parse is reported once: no second error for a missing premise."""
    m, diagnostics = argmap.read("argument x: T\n  premise a b: A.\n  conclusion k: K.\n")
    assert [d.code for d in diagnostics] == ["E101"]


def test_argument_comments_stay_inside():
    """Comments inside an argument stay at their place between its lines."""
    text = (
        "argument x: T\n"
        "  gist: G.\n"
        "  # the premises\n"
        "  premise a: A.\n"
        "    note: n\n"
        "  # a claim written elsewhere\n"
        "  premise b\n"
        "  # the conclusion\n"
        "  conclusion c: C.\n"
        "  # after it\n"
        "\n"
        "claim b: B.\n"
    )
    assert_canonical(text)
    assert [i.text for i in argmap.parse(text).comments] == [
        " the premises",
        " a claim written elsewhere",
        " the conclusion",
        " after it",
    ]


def test_long_gist_wraps_onto_continuation_lines():
    """A gist longer than a line is wrapped like a claim's text and reads back whole."""
    gist = " ".join(["Europa muss mehr investieren"] * 10)
    m = MapBuilder()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.argument("x", "T", gist=gist, premises=["a"], conclusion="b")
    built = m.build()
    text = built.to_source()
    assert "    | " in text and max(len(line) for line in text.splitlines()) <= 120
    assert argmap.parse(text) == built and argmap.parse(text).argument("x").gist == gist


def test_built_argument_is_written_with_references():
    """A map built in Python writes an argument's premises as references, its claims flat."""
    b = MapBuilder()
    b.claim("a", "A.")
    b.claim("b", "B.")
    b.argument("x", "Titel", steps=[(["a"], "b")], inference="MP")
    text = b.build().to_source()
    assert text == (
        "claim a: A.\nclaim b: B.\n\nargument x: Titel\n  inference: MP\n  premise a\n  conclusion b\n"
    )


def test_claims_marked_for_an_argument_are_written_inside_it_only_when_they_follow_it():
    """A claim marked with an argument's id is defined inside it if it follows the argument, else flat."""
    a = Argument("x", "T", steps=[Step("p", "k")])
    p = Claim("p", "P.", argument="x")
    k = Claim("k", "K.", argument="x")
    inside = ArgumentMap([a, p, k]).to_source()
    assert inside == "argument x: T\n  premise p: P.\n  conclusion k: K.\n"
    before = ArgumentMap([p, a, k]).to_source()
    assert before == "claim p: P.\n\nargument x: T\n  premise p\n  conclusion k: K.\n"
    assert argmap.parse(before) == ArgumentMap([p, a, k])


# -- nested groups -----------------------------------------------------------------------------------


def test_nested_groups():
    """`group: ID` under a group line makes the group a part of another."""
    text = "group eu: Europa\n  group: welt\ngroup welt: Die Welt\n"
    m = argmap.parse(text)
    assert m.groups == (Group("eu", "Europa", parent="welt"), Group("welt", "Die Welt"))
    eu = m.group("eu")
    assert [(ref, span.line, span.column) for ref, span in eu.references()] == [("welt", 2, 10)]
    assert_canonical(text)


def test_group_parent_must_be_an_id():
    """A group's `group:` takes an id (E117), as a claim's does."""
    assert "E117" in syntax_codes("group eu: Europa\n  group: Die Welt\n")


# -- builder --------------------------------------------------------------------------------------------


def test_builder_equals_parsed_map():
    """MapBuilder makes the map the text says, for every new construct."""
    text = (
        CLAIMS
        + "r: a + b rebuts c\n  note: N\nk: a contradicts u\nu undercuts r\n"
        + "argument x: T\n  premise a\n  premise b\n  conclusion c\n  premise u\n  conclusion a\n"
        + "group g: G\n  group: h\n"
    )
    b = MapBuilder()
    for ident, label in (("a", "A."), ("b", "B."), ("c", "C."), ("u", "U.")):
        b.claim(ident, label)
    b.rebuts(["a", "b"], "c", name="r", note="N")
    b.contradicts("a", "u", name="k")
    b.undercuts("u", "r")
    b.argument("x", "T", steps=[(["a", "b"], "c"), Step(["u"], "a")])
    b.group("g", "G", parent="h")
    assert b.build() == argmap.parse(text)


@pytest.mark.parametrize(
    "text, hint",
    [
        ("argument x: T\npremise p1: A.\n", "a `premise` line belongs to an argument: indent it under"),
        ("argument x: T\n  premisse p1: A.\n  conclusion k: K.\n", "did you mean `premise`?"),
        ("argument x: T\n  premise p1: A.\n  conclusio k\n", "did you mean `conclusion`?"),
        ("argument x: T\n  premise p 1: A.\n  conclusion k: K.\n", "an id has no spaces: write `premise p_1:`"),
        ("claim a: A.\nclaim b: B.\nr: a + b contradict b\n", "did you mean `contradicts`?"),
    ],
    ids=["premise not indented", "premise misspelt", "conclusion misspelt", "id with a space", "keyword misspelt"],
)
def test_syntax_hints_for_the_new_lines(text, hint):
    """A line of the new forms that does not parse gets a hint that names the form meant."""
    d = diagnostic(text, "E101")
    assert hint in d.hint
