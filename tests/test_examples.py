"""The bundled examples: every map checks, and what each one finds is pinned."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap import Contradiction, Rebuttal, Status, Support, Undercut
from argmap.checks.quotes import squash
from argmap.semantics import compare_positions

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ALL = sorted(EXAMPLES.glob("*.argmap"))
#: The examples whose sources name a text file (the seed texts).
QUOTING = [p for p in ALL if "\n  file: " in p.read_text("utf-8")]

#: The map of each seed text: file stem -> (seed file, source id).
TEXTS = {
    "kommentar_anthropic_flaschendeckel": ("000_985ac5563901b3ca.txt", "kommentar"),
    "bericht_anthropic_50_milliarden": ("001_0c1b18974cf519ba.txt", "bericht"),
    "interview_gierse_hyperscaler": ("002_c31daa0485b6ed84.txt", "gierse"),
    "mittelstand_ki_infrastrukturboom": ("003_cff845d31a5bb275.txt", "mittelstand"),
    "gastbeitrag_kein_ki_wettrennen": ("004_ef3c1178bf048dc4.txt", "gastbeitrag"),
}
DEBATE = {"de": "europa_ki_debatte", "en": "europe_ai_debate"}
CLASSROOM = {"de": "handyverbot_schule", "en": "phone_ban_school"}
#: The ten-minute map of text 004 that docs/teachers.md and teachers.en.md build.
FIRST_MAP = {"de": "erste_karte_gastbeitrag", "en": "first_map_oped"}


def load(stem: str) -> argmap.ArgumentMap:
    return argmap.load(EXAMPLES / f"{stem}.argmap")


def findings(m: argmap.ArgumentMap) -> Counter:
    """Each warning as (code, position, the ids it names), counted."""
    return Counter(
        (d.code, d.position, *re.findall(r"`(\w+)[`:]", d.message)[1:3])
        for d in argmap.check(m)
        if d.severity is argmap.Severity.WARNING
    )


def test_every_example_is_listed():
    """Each example in examples/ is one of the maps the tests pin."""
    known = set(TEXTS) | set(DEBATE.values()) | set(CLASSROOM.values()) | set(FIRST_MAP.values())
    assert {p.stem for p in ALL} == known


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_example_checks_without_errors(path):
    """Every example parses, `argmap check` finds no error in it, and no source file is refused."""
    m = argmap.load(path)
    found = argmap.check(m)
    assert [d for d in found if d.is_error] == []
    assert [d for d in found if d.code in ("W207", "W209")] == []


@pytest.mark.parametrize("path", QUOTING, ids=lambda p: p.stem)
def test_example_quotes_are_verified_against_the_seeds(path, seeds):
    """With the seed texts found, every source's text is read, so every quote is verified and found."""
    found = argmap.check(argmap.load(path))
    assert [d.code for d in found if d.code in ("W207", "W209", "I210", "E208")] == []


@pytest.mark.parametrize("path", QUOTING, ids=lambda p: p.stem)
def test_example_without_its_texts_gets_one_calm_note(path, monkeypatch):
    """On a clone without the seed texts, a map that names them gets one note and no warning about files."""
    monkeypatch.delenv("ARGMAP_TEXTS", raising=False)
    found = argmap.check(argmap.load(path))
    notes = [d for d in found if d.code == "I210"]
    assert len(notes) == 1 and notes[0].severity is argmap.Severity.INFO
    assert [d for d in found if d.code in ("W207", "W209", "E208")] == []


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_quotes_are_short(path):
    """Quotes are a few words."""
    for c in argmap.load(path).claims:
        if c.quote:
            assert len(c.quote.split()) <= 7, c.id


@pytest.mark.parametrize("path", QUOTING, ids=lambda p: p.stem)
def test_claims_are_own_words(path, seeds):
    """No claim copies six words in a row from its source text."""
    m = argmap.load(path)
    texts = {s.id: squash((seeds / s.file).read_text("utf-8")) for s in m.sources if s.file}
    for c in m.claims:
        text = texts.get(c.source)
        if text is None:
            continue
        words = c.text.split()
        for i in range(len(words) - 5):
            assert squash(" ".join(words[i : i + 6])) not in text, (c.id, " ".join(words[i : i + 6]))


@pytest.mark.parametrize("stem", TEXTS)
def test_text_map_cites_its_seed(stem):
    """A text's map names its seed file by its bare name, with title, date and kind, and holds the text's position."""
    seed, source_id = TEXTS[stem]
    m = load(stem)
    source = m.source(source_id)
    assert source.file == seed
    assert source.title and source.date and source.kind
    assert m.lang == "de" and m.title and m.question
    assert m.position(source_id).accepts
    quoted = [c for c in m.claims if c.source == source_id and c.quote]
    assert len(quoted) >= 10


def test_sources_say_where_they_were_published():
    """Every example source has a title, date and kind; a source with a url names its outlet;
    all maps give the same text the same url and outlet."""
    described = {}
    for path in ALL:
        for s in argmap.load(path).sources:
            outlet = next((a.value for a in s.extra if a.key == "outlet"), None)
            assert s.title and s.date and s.kind, (path.stem, s.id)
            assert (s.url is None) == (outlet is None), (path.stem, s.id)
            assert s.url is None or s.url.startswith("https://"), (path.stem, s.id)
            key = s.file or s.title
            described.setdefault(key, set()).add((s.url, outlet))
    assert {k: len(v) for k, v in described.items() if len(v) > 1} == {}
    assert sum(1 for url, _ in set().union(*described.values()) if url) == 4


@pytest.mark.parametrize("stem", TEXTS)
def test_text_map_thesis_stands_in_its_own_map(stem):
    """Within its own map, the thesis the text argues for is accepted under grounded semantics."""
    _, source_id = TEXTS[stem]
    m = load(stem)
    thesis = {
        "kommentar": "investieren",
        "bericht": "bedarf",
        "gierse": "investieren",
        "mittelstand": "chance",
        "gastbeitrag": "kein_wettrennen",
    }[source_id]
    assert thesis in m.position(source_id).accepts
    assert argmap.evaluate(m, semantics="grounded").status[thesis] is Status.ACCEPTED
    assert f"(`{thesis}`)**" in argmap.outline(m, position=source_id).split("## 2.")[0]


def test_text_maps_use_every_kind_of_move():
    """Together the text maps use reasons, objections, undercuts, linked premises,
    contradictions, implicit premises, arguments and concessions, and name a basis for the evidence."""
    maps = [load(stem) for stem in TEXTS]
    relations = [r for m in maps for r in m.relations]
    assert any(isinstance(r, Undercut) for r in relations)
    assert any(m.arguments for m in maps)
    assert any(isinstance(m.relation(r.target), Rebuttal) for m in maps for r in m.undercuts)
    assert any(isinstance(r, Contradiction) for r in relations)
    assert any(isinstance(r, Rebuttal) for r in relations)
    assert any(isinstance(r, Support) and r.linked for r in relations)
    for m in maps:
        assert sum(c.basis is not None for c in m.claims) >= 5
    assert all(any(c.implicit for c in m.claims) for m in maps if m.position(m.sources[0].id).id != "bericht")


#: The points each text concedes: (map, conceded claim, the named objection it makes, the undercut that answers it).
CONCESSIONS = [
    ("interview_gierse_hyperscaler", "abgehaengt", "r_abgehaengt", "machbar"),
    ("interview_gierse_hyperscaler", "illusorisch", "r_umzug", "stufenplan"),
    ("gastbeitrag_kein_ki_wettrennen", "schwer", "r_schwer", "ob_ueberhaupt"),
    ("gastbeitrag_kein_ki_wettrennen", "vergeltung", "r_vergeltung", "mut"),
]


@pytest.mark.parametrize("stem,conceded,objection,answer", CONCESSIONS, ids=lambda x: x)
def test_text_concedes_a_point_without_giving_up_its_thesis(stem, conceded, objection, answer):
    """A concession: the text holds the objection's claim and the undercut of the objection, and rejects
    the objection itself; under grounded semantics the claim, its target and the undercut all stand."""
    m = load(stem)
    _, source_id = TEXTS[stem]
    rebuttal = m.relation(objection)
    assert isinstance(rebuttal, Rebuttal) and rebuttal.attackers == (conceded,)
    assert answer in {a for r in m.objections(objection) if isinstance(r, Undercut) for a in r.attackers}
    position = m.position(source_id)
    assert {conceded, answer, rebuttal.target} <= set(position.accepts) and objection in position.rejects
    status = argmap.evaluate(m, semantics="grounded").status
    assert [status[x] for x in (conceded, answer, rebuttal.target)] == [Status.ACCEPTED] * 3
    assert status[objection] is Status.REJECTED


@pytest.mark.parametrize("stem", sorted({c[0] for c in CONCESSIONS}))
def test_text_plan_words_the_concession(stem):
    """The essay plan of a text that concedes an objection to its thesis says "Zwar ..., aber ..."."""
    plan = argmap.outline(load(stem), position=TEXTS[stem][1])
    assert "- Zugeständnis: Zwar trifft das zu, aber es widerlegt die These nicht: " in plan


#: The arguments (premise-conclusion structures) of the text maps: map -> {argument: (premises, conclusion)}.
ARGUMENTS = {
    "interview_gierse_hyperscaler": {"souveraenitaet": (("erpressbar", "eigene_infra_hilft"), "investieren")},
    "gastbeitrag_kein_ki_wettrennen": {
        "rennen": (("gleichung", "geldmangel"), "mithalten"),
        "abfluss": (("oligopol", "nur_us_anbieter", "staerkt_grosse"), "zementiert"),
    },
}


@pytest.mark.parametrize("stem", ARGUMENTS)
def test_text_map_arguments(stem):
    """The texts' arguments with their premises and conclusions; the plan of the text shows each one numbered."""
    m = load(stem)
    assert {a.id: (a.premises, a.conclusion) for a in m.arguments} == ARGUMENTS[stem]
    plan = argmap.outline(m)
    for a in m.arguments:
        assert f"{a.title} (`{a.id}`)" in plan
        assert "- (1) " in plan


def test_op_ed_rejects_the_race_argument_by_its_premises():
    """Text 004 rejects the race argument: its equation is rebutted three times, so under grounded
    semantics the equation and the race's conclusion fall."""
    m = load("gastbeitrag_kein_ki_wettrennen")
    status = argmap.evaluate(m, semantics="grounded").status
    assert status["gleichung"] is Status.REJECTED
    assert status["mithalten"] is Status.REJECTED
    assert status["zementiert"] is Status.ACCEPTED


# What argmap finds in each text's own map: the findings docs/examples.md explains.
TEXT_FINDINGS = {
    "kommentar_anthropic_flaschendeckel": {("W404", "kommentar", "mitnutzen", "r_profitieren"): 1},
    "bericht_anthropic_50_milliarden": {
        ("W403", "anthropic", "wird_gebaut", "finanzierung_offen"): 1,
        ("W403", "anthropic", "wird_gebaut", "strom"): 1,
    },
    "interview_gierse_hyperscaler": {},
    "mittelstand_ki_infrastrukturboom": {("W303", None): 1},
    "gastbeitrag_kein_ki_wettrennen": {},
}


@pytest.mark.parametrize("stem", TEXTS)
def test_text_map_findings(stem):
    """The warnings for each text's map are exactly the documented findings."""
    assert findings(load(stem)) == Counter(TEXT_FINDINGS[stem])


def test_ad_in_text_003_is_connected_to_nothing():
    """The advertisement that ends text 003 is flagged as unconnected to the argument."""
    m = load("mittelstand_ki_infrastrukturboom")
    [d] = [d for d in argmap.check(m) if d.code == "W303"]
    assert "`werbung`" in d.message


# ---- the debate map ----------------------------------------------------------


def test_debate_joins_the_five_texts():
    """The debate map cites all five seeds and has one position per text."""
    m = load(DEBATE["de"])
    assert sorted(s.file for s in m.sources) == sorted(seed for seed, _ in TEXTS.values())
    assert {p.id for p in m.positions} == {s.id for s in m.sources}
    assert {c.source for c in m.claims if c.source} == {s.id for s in m.sources}


def test_debate_has_both_controversies():
    """Investing contradicts not racing; specialising contradicts general-purpose models."""
    m = load(DEBATE["de"])
    pairs = {frozenset((r.first, r.second)) for r in m.contradictions}
    assert frozenset(("investieren", "kein_wettrennen")) in pairs
    assert frozenset(("spezialisieren", "allzweck")) in pairs
    assert m.question and "investieren" in m.question


def test_texts_000_and_004_conflict_on_the_central_claim():
    """The commentary accepts investing, the op-ed rejects it and holds the opposite."""
    m = load(DEBATE["de"])
    c = compare_positions(m, "kommentar", "gastbeitrag")
    assert ("investieren", "accepts") in c.disagree
    assert ("kein_wettrennen", "rejects") in c.disagree
    assert ("geldmangel" in c.both_reject) and ("abhaengigkeit" in c.both_accept)
    attackers = {(a.by, a.attacker, a.target) for a in c.attacks}
    assert ("gastbeitrag", "zementiert", "investieren") in attackers
    assert ("gastbeitrag", "geld_zu_us", "eigene_infra_hilft") in attackers


def test_debate_central_claim_status():
    """Grounded: investing falls (objections stay unanswered) and not racing stands;
    reading supports as necessary, both fall."""
    m = load(DEBATE["de"])
    status = argmap.evaluate(m, semantics="grounded").status
    assert status["investieren"] is Status.REJECTED
    assert status["kein_wettrennen"] is Status.ACCEPTED
    assert status["blase"] is Status.UNDECIDED
    necessary = argmap.evaluate(m, semantics="grounded", support="necessary").status
    assert necessary["investieren"] is Status.REJECTED
    assert necessary["kein_wettrennen"] is Status.REJECTED


def test_debate_findings_per_text():
    """How many warnings each text's position gets, and the key unanswered objections."""
    found = findings(load(DEBATE["de"]))
    per_position = Counter()
    for key, n in found.items():
        per_position[key[1]] += n
    assert per_position == {"kommentar": 10, "gierse": 9, "bericht": 1, "mittelstand": 1, "gastbeitrag": 2}
    for position in ("kommentar", "gierse"):
        assert found[("W403", position, "investieren", "energie")] == 1
        assert found[("W403", position, "investieren", "zementiert")] == 1
        assert found[("W403", position, "eigene_infra_hilft", "geld_zu_us")] == 1
    assert found[("W404", "kommentar", "nutzen_statt_bauen", "r_profitieren")] == 1
    assert found[("W403", "mittelstand", "nutzen_statt_bauen", "abhaengigkeit")] == 1
    assert found[("W403", "gastbeitrag", "nur_us_anbieter", "europaeische_wege")] == 1
    assert found[("W403", "gastbeitrag", "nischen_reichen", "breitenwirkung")] == 1
    assert found[("W403", "bericht", "r_nachfrage", "umsaetze")] == 1


def _same_structure(first: argmap.ArgumentMap, second: argmap.ArgumentMap) -> dict[str, str]:
    """Assert two maps differ only in words; return the id mapping."""
    assert [c.implicit for c in first.claims] == [c.implicit for c in second.claims]
    ids = {a.id: b.id for a, b in zip(first.claims, second.claims)}
    ids |= {a.name: b.name for a, b in zip(first.relations, second.relations) if a.name}
    ids |= {a.id: b.id for a, b in zip(first.arguments, second.arguments)}
    ids |= {a.id: b.id for a, b in zip(first.positions, second.positions)}
    assert len(first.claims) == len(second.claims) and len(first.relations) == len(second.relations)

    def shape(r, mapping):
        names = ("premises", "conclusion", "name", "attackers", "target", "first", "second", "argument")
        fields = [getattr(r, f, None) for f in names]
        flat = []
        for f in fields:
            flat.append(tuple(mapping.get(x, x) for x in f) if isinstance(f, tuple) else mapping.get(f, f))
        return type(r).__name__, tuple(flat)

    assert [shape(r, ids) for r in first.relations] == [shape(r, {}) for r in second.relations]
    for p, q in zip(first.positions, second.positions):
        assert [ids[i] for i in p.accepts] == list(q.accepts)
        assert [ids[i] for i in p.rejects] == list(q.rejects)
    for a, b in zip(first.claims, second.claims):
        assert (a.basis, a.quote, a.source is None) == (b.basis, b.quote, b.source is None)
    return ids


@pytest.mark.parametrize("pair", [DEBATE, CLASSROOM, FIRST_MAP], ids=["debate", "classroom", "first-map"])
def test_english_map_is_the_german_map_translated(pair):
    """The English map has the same claims, relations, positions and results as the German one."""
    de, en = load(pair["de"]), load(pair["en"])
    assert (de.lang, en.lang) == ("de", "en")
    ids = _same_structure(de, en)
    s_de = argmap.evaluate(de, semantics="grounded").status
    s_en = argmap.evaluate(en, semantics="grounded").status
    assert {ids[k]: v for k, v in s_de.items()} == dict(s_en)
    renamed = Counter()
    for (code, position, *named), n in findings(de).items():
        renamed[(code, ids.get(position, position), *(ids.get(x, x) for x in named))] += n
    assert renamed == findings(en)


# ---- the classroom example ------------------------------------------------------


def test_classroom_example_findings():
    """Each side of the phone-ban example leaves something unanswered; the verdict is open."""
    m = load(CLASSROOM["de"])
    assert findings(m) == Counter(
        {
            ("W403", "schulleitung", "r_pause", "privatsache"): 1,
            ("W403", "schulleitung", "mobbing", "nachmittags"): 1,
            ("W403", "schuelervertretung", "notfall", "sekretariat"): 1,
            ("W403", "schuelervertretung", "medienkompetenz", "schulgeraete"): 1,
            ("W403", "schuelervertretung", "mitschreiben", "kopie"): 1,
        }
    )
    assert argmap.evaluate(m, semantics="grounded").status["verbot"] is Status.UNDECIDED
    assert any(r.linked for r in m.supports) and any(c.implicit for c in m.claims)
    assert m.undercuts and m.contradictions


def test_first_map_is_consistent_and_its_thesis_stands():
    """The teachers' ten-minute map of text 004 checks clean (but for the note when its text
    is not here), and its thesis stands."""
    m = load(FIRST_MAP["de"])
    assert [d for d in argmap.check(m) if d.code != "I210"] == []
    assert argmap.evaluate(m, semantics="grounded").status["kein_rennen"] is Status.ACCEPTED


def test_answering_the_two_open_objections_reopens_the_debate():
    """As docs/examples.md suggests for class: answer `energie` and `zementiert`, and both theses become undecided."""
    path = EXAMPLES / f"{DEBATE['de']}.argmap"
    extra = (
        "claim gruener_strom: Rechenzentren können in Nordeuropa mit Wind- und Wasserkraft laufen.\n"
        "gruener_strom rebuts energie\n"
        "claim eigene_anbieter: Öffentliches Geld kann gezielt europäische Anbieter aufbauen.\n"
        "eigene_anbieter rebuts zementiert\n"
    )
    m = argmap.parse(path.read_text("utf-8") + extra, str(path))
    status = argmap.evaluate(m, semantics="grounded").status
    assert status["investieren"] is Status.UNDECIDED
    assert status["kein_wettrennen"] is Status.UNDECIDED
