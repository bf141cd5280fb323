"""Beginners' mistakes get one message that names the cause and the fix, and nothing follows on from them."""

from __future__ import annotations

import pytest

import argmap


def diagnostics(text: str) -> list:
    """Everything `argmap check` says about ``text`` (reading and checks)."""
    m, found = argmap.read(text)
    return found + argmap.check(m)


def only(text: str, code: str):
    found = [d for d in diagnostics(text) if d.code == code]
    assert len(found) == 1, [f"{d.code} {d.message}" for d in diagnostics(text)]
    return found[0]


# ---- hyphens in ids ------------------------------------------------------------


def test_a_hyphen_in_a_claim_id_is_named_with_the_fix():
    """`nutzer-gewinnen` is one error that says to write `nutzer_gewinnen`, with the caret under the id."""
    text = "claim nutzer-gewinnen: Die App gewinnt Nutzer.\nclaim b: B.\nnutzer_gewinnen supports b\n"
    d = only(text, "E123")
    assert d.message == "ids have no hyphens: `nutzer-gewinnen` is not an id"
    assert "write `nutzer_gewinnen`" in d.hint
    assert (d.span.line, d.span.column, d.span.end_column) == (1, 7, 22)
    assert [x.code for x in diagnostics(text)] == ["E123"]


def test_a_hyphen_in_a_relation_is_read_as_meant():
    """`a-b supports c`: one error per line, and the map has the support (no unknown id, no lonely claim)."""
    text = "claim a-b: A.\nclaim c: C.\na-b supports c\n"
    m, found = argmap.read(text)
    assert [d.code for d in found] == ["E123", "E123"]
    assert [(s.premises, s.conclusion) for s in m.supports] == [(("a_b",), "c")]
    assert [d.code for d in argmap.check(m)] == []


def test_hyphens_in_a_claim_text_are_left_alone():
    """Only ids are mended: the claim's text keeps its hyphens."""
    m, found = argmap.read("claim e-mail: Die E-Mail kommt an.\n")
    assert [d.code for d in found] == ["E123"]
    assert m.claim("e_mail").text == "Die E-Mail kommt an."


def test_hyphens_in_positions_and_named_relations():
    """Ids after `accepts` and on both sides of a named relation are mended; the first is reported."""
    text = "claim a-1: A.\nclaim b: B.\nr-1: a-1 supports b\nposition p: accepts a-1, r-1\n"
    m, found = argmap.read(text)
    assert [d.code for d in found] == ["E123", "E123", "E123"]
    assert found[1].message == "ids have no hyphens: `r-1` is not an id"
    assert m.position("p").accepts == ("a_1", "r_1")
    assert not [d for d in argmap.check(m) if d.is_error]


# ---- a word where a keyword belongs ----------------------------------------------


@pytest.mark.parametrize(
    "word, meant",
    [
        ("Behauptung", "claim"),
        ("These", "claim"),
        ("Grund", "claim"),
        ("Einwand", "claim"),
        ("Aussage", "claim"),
        ("Claim", "claim"),
        ("Argument", "claim"),
        ("Annahme", "implicit claim"),
    ],
)
def test_a_german_or_capitalised_word_for_claim(word, meant):
    """The hint names the keyword; the claim is read, so nothing follows on (six errors before)."""
    text = f"{word} these: Schulen sollten Handys verbieten.\nclaim g: Ruhe.\ng supports these\n"
    d = only(text, "E122")
    assert d.hint == f"write `{meant}` (the statement is read as if you had)"
    assert (d.span.line, d.span.column, d.span.end_column) == (1, 1, len(word) + 1)
    assert [x.code for x in diagnostics(text)] == ["E122"]
    m, _ = argmap.read(text)
    assert m.claim("these").implicit == (meant == "implicit claim")


def test_the_issue_example_gives_three_errors_and_no_follow_on():
    """`Behauptung`, `Grund` and `Einwand` lines: one error each, the relations between them stand."""
    text = (
        "Behauptung these: Handys verbieten.\nGrund g: Konzentration.\ng supports these\n"
        "Einwand e: Notfall.\ne rebuts these\n"
    )
    found = diagnostics(text)
    assert [d.code for d in found] == ["E122"] * 3
    assert found[0].message == "`Behauptung` is not a keyword of argmap"


def test_argument_with_premises_is_an_argument():
    """`Argument x:` followed by premise lines means `argument`; `Prämisse` and `Konklusion` mean premise, conclusion."""
    text = "Argument x: Titel\n  Prämisse p: P.\n  Konklusion k: K.\n"
    m, found = argmap.read(text)
    assert [(d.code, d.hint) for d in found] == [
        ("E122", "write `argument` (the statement is read as if you had)"),
        ("E122", "write `premise` (the statement is read as if you had)"),
        ("E122", "write `conclusion` (the statement is read as if you had)"),
    ]
    assert found[0].message == "keywords are written in lower case: `argument`, not `Argument`"
    assert m.argument("x").steps[0].premises == ("p",)


def test_a_longer_keyword_keeps_the_columns_of_the_ids_after_it():
    """`Annahme a: ...` becomes `implicit claim a: ...`: the id's span is still where the id stands."""
    text = "Annahme a: A.\nclaim b: B.\na supports b\n"
    m, _ = argmap.read(text)
    claim = m.claim("a")
    assert claim.implicit
    assert (claim.ref_spans[0].column, claim.ref_spans[0].end_column) == (9, 10)


@pytest.mark.parametrize("text", ["Titel: Handys\n", "Frage: Soll man?\n", "Sprache: de\n"])
def test_german_words_for_map_information(text):
    """`Titel:`, `Frage:` and `Sprache:` are read as `title:`, `question:`, `lang:`."""
    m, found = argmap.read(text)
    assert [d.code for d in found] == ["E122"]
    assert (m.title or m.question or m.lang) in ("Handys", "Soll man?", "de")


def test_an_unknown_word_is_still_the_general_error():
    """A word that is no known mistake keeps the parser's message (E101)."""
    assert [d.code for d in argmap.read("Hallo a: Text.\n")[1]] == ["E101"]


# ---- indentation -------------------------------------------------------------------


def test_premises_indented_too_far_are_one_error_with_the_number_of_spaces():
    """Two premises at 6 spaces under an argument at 2: one E124 that says 2, and the argument is read."""
    text = (
        "argument x: Titel\n  premise p1: Eins.\n      premise p2: Zwei.\n      conclusion k: Drei.\n"
        "p2 supports p1\n"
    )
    m, found = argmap.read(text)
    assert [d.code for d in found] == ["E124"]
    assert found[0].hint == "indent it by 2 spaces under `argument x:`; this line has 6"
    assert (found[0].span.line, found[0].span.column) == (3, 7)
    assert m.argument("x").steps[0].premises == ("p1", "p2")


def test_attributes_indented_under_an_attribute():
    """`quote:` and `basis:` indented under `source:` are read as the claim's, after one error."""
    text = 'source s: "S"\nclaim a: A.\n  source: s\n    quote: "x"\n    basis: study\n'
    m, found = argmap.read(text)
    assert [d.code for d in found] == ["E124"]
    assert found[0].hint == "indent it by 2 spaces under `claim a:`; this line has 4"
    assert m.claim("a").quote == "x" and m.claim("a").basis is argmap.Basis.STUDY


def test_a_line_indented_less_than_its_siblings_is_read_with_them():
    """E103 says how far to indent; later lines indented alike are not reported again."""
    text = "position p: accepts a\n    rejects b\n  accepts c\n  accepts d\nclaim a: A.\nclaim b: B.\nclaim c: C.\nclaim d: D.\n"
    m, found = argmap.read(text)
    assert [d.code for d in found] == ["E103"]
    assert found[0].hint == "indent it by 4 spaces under `position p:`; this line has 2"
    assert m.position("p").accepts == ("a", "c", "d")


def test_an_item_under_a_premise_is_still_e104():
    """A line under a statement that cannot hold it keeps its own message: it is not moved."""
    text = "argument x: T\n  premise a: A.\n    + b\n  conclusion c: C.\n"
    assert "E104" in [d.code for d in argmap.read(text)[1]]


# ---- a # note after a claim's text ----------------------------------------------------


@pytest.mark.parametrize(
    "text, line, column",
    [
        ("claim a: Text. # note\n", 1, 16),
        ("claim a: Text\n  | mehr # note\n", 2, 10),
        ("claim a: A.\n  + b: B. # note\n", 2, 11),
        ("argument x: T\n  premise p: P. # note\n  conclusion k: K.\n", 2, 17),
    ],
)
def test_a_hash_after_a_claim_text_is_a_warning(text, line, column):
    """The warning points at the `#`; the text keeps it (the language's meaning does not change)."""
    m, found = argmap.read(text)
    [d] = [d for d in found if d.code == "W125"]
    assert (d.span.line, d.span.column) == (line, column)
    assert d.message.startswith("`# note` is part of the text of claim")
    assert d.hint == "put the comment on a line of its own, above the claim"
    assert any(c.text.endswith("# note") for c in m.claims)


@pytest.mark.parametrize("text", ["claim a: Der Hashtag #MeToo.\n", "claim a: Platz #1 im Test.\n", "# ok\nclaim a: A.\n"])
def test_a_hashtag_is_no_warning(text):
    """A `#` glued to a word is text, and a comment line is a comment."""
    assert [d.code for d in argmap.read(text)[1]] == []


def test_new_messages_keep_their_templates():
    """Each new diagnostic can be said in another language: it keeps its template and fields."""
    texts = [
        "claim a-b: A.\n",
        "Behauptung a: A.\n",
        "argument x: T\n  premise p1: A.\n      premise p2: B.\n  conclusion k: K.\n",
        "claim a: A. # n\n",
    ]
    for text in texts:
        for d in argmap.read(text)[1]:
            assert d.template and d.hint_template and d.args, d


@pytest.mark.parametrize(
    "key, meant", [("Quelle", "source"), ("Zitat", "quote"), ("Grundlage", "basis"), ("Source", "source"), ("Notiz", "note")]
)
def test_a_german_or_capitalised_attribute_key_gets_the_key_meant(key, meant):
    """`Quelle:` under a claim: W112 says which key was meant (before, nothing was said)."""
    d = only(f'claim a: A.\n  {key}: s\n', "W112")
    assert d.hint == f"did you mean `{meant}`?"
