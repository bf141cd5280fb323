"""The language: every construct parses to the right model, with spans."""

from __future__ import annotations

import pytest

from pathlib import Path

import argmap
from argmap import Basis, Claim, Contradiction, Position, Rebuttal, Source, Support, Undercut

SKETCH = """\
# comment
title: Soll Europa massiv in KI-Infrastruktur investieren?
lang: de

source gierse: "Wir laufen den Hyperscalern hinterher"
  author: David Gierse
  date: 2025-01-31

claim invest: Europa muss massiv in eigene KI-Infrastruktur investieren.
claim no_race: Europa sollte das Wettrennen um immer größere Modelle nicht mitlaufen.
invest contradicts no_race

claim gap: US-Konzerne investieren dreistellige Milliardenbeträge, Europa nur einen Bruchteil.
  source: gierse
  basis: statistic
claim lockin: Wer Cloud und Modelle nur einkauft, wird politisch erpressbar.
r_gap: gap supports invest
lockin supports invest
claim bubble: Die Anzeichen einer KI-Blase mehren sich.
bubble rebuts invest
claim hot_air: Die angekündigten Summen sind privat und nicht einmal finanziert.
hot_air undercuts r_gap

position gierse: accepts invest, gap, lockin
position skeptic: accepts no_race, bubble, hot_air; rejects invest
"""


def codes(text: str) -> list[str]:
    m, diagnostics = argmap.read(text, "t.argmap")
    return [d.code for d in diagnostics + argmap.check(m)]

ROOT_EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_sketch_parses_without_diagnostics():
    """The language issue's sketch parses and checks clean."""
    m = argmap.parse(SKETCH)
    assert not [d for d in argmap.check(m) if d.is_error]
    assert m.title == "Soll Europa massiv in KI-Infrastruktur investieren?"
    assert m.lang == "de"
    assert [c.id for c in m.claims] == ["invest", "no_race", "gap", "lockin", "bubble", "hot_air"]
    assert m.source("gierse") == Source(
        "gierse", "Wir laufen den Hyperscalern hinterher", author="David Gierse", date="2025-01-31"
    )
    assert m.claim("gap").source == "gierse" and m.claim("gap").basis is Basis.STATISTIC
    assert m.support("r_gap") == Support(("gap",), "invest", name="r_gap")
    assert m.reasons("invest") == (Support(("gap",), "invest", name="r_gap"), Support(("lockin",), "invest"))
    assert m.objections("invest") == (Contradiction("invest", "no_race"), Rebuttal("bubble", "invest"))
    assert m.objections("r_gap") == (Undercut("hot_air", "r_gap"),)
    assert m.position("skeptic") == Position("skeptic", ("no_race", "bubble", "hot_air"), ("invest",))


def test_spans_point_at_the_text():
    """Items carry file, line and column spans; ids in relations have their own spans."""
    m = argmap.parse(SKETCH, "sketch.argmap")
    gap = m.claim("gap")
    assert (gap.span.file, gap.span.line, gap.span.column) == ("sketch.argmap", 13, 1)
    support = m.support("r_gap")
    assert support.span.line == 17
    premise, conclusion, name = support.ref_spans
    assert (premise.column, premise.end_column) == (8, 11)
    assert (conclusion.column, conclusion.end_column) == (21, 27)
    assert (name.column, name.end_column) == (1, 6)
    skeptic = m.position("skeptic")
    assert [s.column for s in skeptic.ref_spans[1:]] == [27, 36, 44, 61]


def test_linked_premises():
    """`a + b supports c` is one support with two premises."""
    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\nboth: a + b supports c\n")
    (s,) = m.supports
    assert s.premises == ("a", "b") and s.linked and s.name == "both"


def test_multi_line_claim_text():
    """`|` lines continue a claim's text; white space is normalised."""
    m = argmap.parse("claim a: Europa muss\n  | massiv   investieren,\n  |   sagt er.\n")
    assert m.claim("a").text == "Europa muss massiv investieren, sagt er."


def test_claim_text_only_on_continuation_lines():
    """A claim's text may start on the line below its id."""
    assert argmap.parse("claim a:\n  | Ganz unten.\n").claim("a").text == "Ganz unten."


def test_outline_means_the_flat_statements():
    """The outline shorthand gives exactly the same model as the flat statements."""
    outline = argmap.parse(
        "claim ban: Handys verbieten.\n"
        "  + focus: Ohne Handy lernt man besser.\n"
        "    basis: study\n"
        "  + (r_social) social: Pausen werden sozialer.\n"
        "    ~ recess: Auch ohne Handy gibt es Streit.\n"
        "  - emergency: Eltern müssen ihr Kind erreichen.\n"
        "    - office: Das Sekretariat ist erreichbar.\n"
        "  + focus + social\n"
    )
    flat = argmap.parse(
        "claim ban: Handys verbieten.\n"
        "claim focus: Ohne Handy lernt man besser.\n"
        "  basis: study\n"
        "focus supports ban\n"
        "claim social: Pausen werden sozialer.\n"
        "r_social: social supports ban\n"
        "claim recess: Auch ohne Handy gibt es Streit.\n"
        "recess undercuts r_social\n"
        "claim emergency: Eltern müssen ihr Kind erreichen.\n"
        "emergency rebuts ban\n"
        "claim office: Das Sekretariat ist erreichbar.\n"
        "office rebuts emergency\n"
        "focus + social supports ban\n"
    )
    assert outline == flat


def test_outline_references_existing_claims():
    """An outline item may name a claim defined elsewhere."""
    m = argmap.parse("claim a: A.\nclaim b: B.\n  + a\n  - c\nclaim c: C.\n")
    assert m.supports == (Support(("a",), "b"),)
    assert m.rebuttals == (Rebuttal("c", "b"),)


def test_outline_implicit_premise():
    """`+ implicit x: ...` defines an unstated premise inside an outline."""
    m = argmap.parse("claim a: A.\n  + implicit hidden: Stillschweigend.\n")
    assert m.claim("hidden").implicit
    assert m.supports == (Support(("hidden",), "a"),)


def test_deep_outline_has_no_recursion_limit():
    """An outline nested 5,000 levels deep parses without recursion."""
    lines = ["claim c0: Start."] + [" " * i + f"+ c{i}: Ebene {i}." for i in range(1, 5001)]
    m = argmap.parse("\n".join(lines) + "\n")
    assert len(m.claims) == 5001 and len(m.supports) == 5000
    assert m.reasons("c4999") == (Support(("c5000",), "c4999"),)


def test_claim_attributes():
    """Every claim attribute is read into its field; unknown ones are kept."""
    m = argmap.parse(
        'source s: "T"\n'
        "claim a: Text.\n"
        "  source: s\n"
        "  basis: common belief\n"
        '  quote: "kurze Phrase"\n'
        "  tags: geld, usa\n"
        "  weight: 0,7\n"
        "  group: g\n"
        "  note: Eine Notiz.\n"
        "  farbe: blau\n"
    )
    a = m.claim("a")
    assert a == Claim(
        "a",
        "Text.",
        source="s",
        basis=Basis.COMMON_BELIEF,
        quote="kurze Phrase",
        tags=("geld", "usa"),
        weight=0.7,
        group="g",
        note="Eine Notiz.",
        extra=[argmap.Attribute("farbe", "blau")],
    )


@pytest.mark.parametrize(
    "word,basis",
    [("Statistik", Basis.STATISTIC), ("expert", Basis.EXPERT), ("Studie", Basis.STUDY), ("zitat", Basis.QUOTE),
     ("Gesetz", Basis.LAW), ("Beispiel", Basis.EXAMPLE), ("common_belief", Basis.COMMON_BELIEF),
     ("Annahme", Basis.ASSUMPTION)],
)
def test_basis_words(word, basis):
    """Basis types are understood in English and German."""
    assert argmap.parse(f"claim a: A.\n  basis: {word}\n").claim("a").basis is basis


def test_source_attributes():
    """A source has author, date, kind, url and file."""
    s = argmap.parse(
        'source g: "Ein \\"Titel\\""\n  author: D. G.\n  date: 2025\n  kind: interview\n  url: https://x.y/z\n  file: t.txt\n'
    ).source("g")
    assert (s.title, s.author, s.date, s.kind, s.url, s.file) == ('Ein "Titel"', "D. G.", "2025", "interview", "https://x.y/z", "t.txt")


def test_implicit_claim_and_groups_and_question():
    """Implicit premises, groups and the question are read."""
    m = argmap.parse("question: Was tun?\ngroup usa: Die Lage in den USA\nimplicit claim h: Verborgen.\n  group: usa\n")
    assert m.question == "Was tun?"
    assert m.claim("h").implicit and m.claim("h").group == "usa"
    assert m.group("usa").label == "Die Lage in den USA"


def test_position_on_several_lines():
    """A position's accepts and rejects may stand on indented lines, in any order."""
    m = argmap.parse("claim a: A.\nclaim b: B.\nposition p:\n  rejects b\n  accepts a\n")
    assert m.position("p") == Position("p", ("a",), ("b",))


def test_position_with_only_rejects():
    """Either part of a position may be missing."""
    assert argmap.parse("claim a: A.\nposition p: rejects a\n").position("p") == Position("p", (), ("a",))


def test_unicode_ids():
    """Ids may use letters of any script."""
    m = argmap.parse("claim größe: Größe zählt.\nclaim 日本: Text.\n日本 supports größe\n")
    assert m.reasons("größe")[0].premises == ("日本",)


def test_crlf_and_tabs():
    """CRLF line endings are accepted; tabs indent consistently."""
    m = argmap.parse("claim a: A.\r\n\tbasis: study\r\n\t+ b: B.\r\n")
    assert m.claim("a").basis is Basis.STUDY and m.reasons("a")[0].premises == ("b",)


def test_comments_and_blank_lines_anywhere():
    """Comments and blank lines may stand anywhere, indented or not."""
    m = argmap.parse("\n\n# a\nclaim a: A.\n\n  # inside\n\n  basis: study\n\n\n")
    assert m.claim("a").basis is Basis.STUDY
    assert [c.text for c in m.comments] == [" a", " inside"]


def test_builder_equals_parsed_map():
    """A map built in Python equals the same map parsed from text."""
    b = argmap.MapBuilder(title="T", lang="de")
    b.source("s", "Titel", author="A")
    b.claim("a", "Erstens.", source="s", basis="statistic")
    b.claim("b", "Zweitens.")
    b.claim("c", "Fazit.")
    b.supports(["a", "b"], "c", name="both")
    b.rebuts("b", "a")
    b.contradicts("a", "c")
    b.undercuts("a", "both")
    b.position("p", accepts=["a"], rejects=["c"])
    parsed = argmap.parse(
        'title: T\nlang: de\nsource s: "Titel"\n  author: A\nclaim a: Erstens.\n  source: s\n  basis: statistic\n'
        "claim b: Zweitens.\nclaim c: Fazit.\nboth: a + b supports c\nb rebuts a\na contradicts c\n"
        "a undercuts both\nposition p: accepts a; rejects c\n"
    )
    assert b.build() == parsed


def test_model_rejects_invalid_ids():
    """The model refuses ids that the language could not write."""
    with pytest.raises(ValueError):
        Claim("two words", "x")
    with pytest.raises(ValueError):
        Support((), "a")


def test_parse_error_carries_all_diagnostics():
    """argmap.parse raises ParseError with every error, not just the first."""
    with pytest.raises(argmap.ParseError) as info:
        argmap.parse("claim a A.\nclaim b: B.\nb suports a\nclaim c\n")
    assert [d.code for d in info.value.diagnostics] == ["E101", "E101", "E102"]
    assert [d.span.line for d in info.value.diagnostics] == [1, 3, 4]
    assert "did you mean `supports`?" in str(info.value.diagnostics[1].hint)


def test_several_mistakes_reported_in_one_run():
    """Syntax errors, reference errors and attribute errors all come out of one run."""
    found = codes("claim a: A.\nclaim b\na supports c\nclaim d: D.\n  basis: nonsense\nd rebuts a\nd rebuts a x\n")
    assert found == ["E102", "E201", "E110", "E101"] or sorted(found) == sorted(["E102", "E201", "E110", "E101"])


@pytest.mark.parametrize(
    "text,code,hint",
    [
        ("claim a: A.\nclaim b: B.\na suports b\n", "E101", "did you mean `supports`?"),
        ("invest: Europa muss investieren.\n", "E101", "start the line with `claim`"),
        ("claim a: A.\na supports b # weil\n", "E101", "move the `# ...` comment"),
        ("  claim a: A.\n", "E101", "remove the indentation"),
        ("clam a: A.\n", "E101", "did you mean `claim`?"),
        ('source s: Ohne Anführungszeichen\n', "E101", 'source ID: "Title"'),
        ("claim invest: A.\nclaim gap: B.\ngap supports invst\n", "E201", "did you mean `invest`?"),
        ("claim a: A.\n  baiss: study\n", "W112", "did you mean `basis`?"),
        ("claim a: A.\n  basis: statistc\n", "E110", "did you mean `statistic`?"),
    ],
)
def test_hints(text, code, hint):
    """Messages come with a hint that says what to fix."""
    m, diagnostics = argmap.read(text)
    found = [d for d in diagnostics + argmap.check(m) if d.code == code]
    assert found and hint in (found[0].hint or ""), found


def test_lines_under_a_broken_line_are_not_misattached():
    """Attributes under a line that did not parse give no follow-on errors."""
    found = codes("claim a: A.\n  basis: study\nclaim x text\n  basis: study\n  source: s\nclaim b: B.\na supports b\n")
    assert found == ["E101"]


def test_id_with_a_space_gets_a_hint():
    """An id written with a space is answered with the id written with an underscore."""
    m, diagnostics = argmap.read("claim kein rennen: Text.\n")
    assert diagnostics[0].hint == "an id has no spaces: write `claim kein_rennen:`"


@pytest.mark.parametrize("blank", ["  ", " \t "])
@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT_EXAMPLES).glob("*.argmap")))
def test_blank_lines_holding_white_space_are_blank_lines(name, blank):
    """A line of only spaces or tabs, put between any two lines of an example, changes nothing."""
    text = (ROOT_EXAMPLES / name).read_text("utf-8")
    m, diagnostics = argmap.read(text)
    lines = text.split("\n")
    for i in range(1, len(lines), max(1, len(lines) // 15)):
        changed = "\n".join(lines[:i] + [blank] + lines[i:])
        m2, diagnostics2 = argmap.read(changed)
        assert [d.code for d in diagnostics2] == [d.code for d in diagnostics], (i, diagnostics2[:1])
        assert m2.to_source() == m.to_source(), i


def test_a_large_map_is_left_in_the_collectors_oldest_generation():
    """Reading a large map leaves its objects where the cycle collector will
    not go through them again and again (and a program's frozen objects frozen)."""
    import gc

    text = "".join(f"claim c{i}: Claim {i}.\nc{i} supports c{i + 1}\n" for i in range(40_000)) + "claim c40000: Last.\n"
    m, _ = argmap.read(text)
    assert gc.get_count()[0] < 1000
    assert any(o is m.claims[0] for o in gc.get_objects(generation=2))
    small, _ = argmap.read("claim a: A.\n")
    assert not any(o is small.claims[0] for o in gc.get_objects(generation=2))
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        argmap.read(text)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
