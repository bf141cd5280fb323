"""docs/diagnostics.md shows each example's output in English and in German, as argmap says it."""

from __future__ import annotations

import re

import pytest

from tests.test_i18n import load_script

DOCS = load_script("diagnostics_doc")


@pytest.fixture(scope="module")
def updated() -> tuple[str, str, list[str]]:
    doc = DOCS.DOC.read_text("utf-8")
    new, stale = DOCS.update(doc)
    return doc, new, stale


def test_every_english_output_is_what_argmap_says(updated):
    """Each diagnostic an English output block shows is given, word for word, by its example."""
    _, _, stale = updated
    assert stale == []


def test_german_outputs_are_up_to_date(updated):
    """Each English output block has the German one under it, as the catalog says it today
    (`python scripts/diagnostics_doc.py` writes them)."""
    doc, new, _ = updated
    assert new == doc


def test_every_section_shows_german(updated):
    """Each documented code has German output with a German severity word."""
    doc, _, _ = updated
    for m in DOCS.SECTION.finditer(doc):
        code, body = m.group(1), m.group(2)
        assert DOCS.GERMAN in body, f"{code} has no German output"
        german = body.split(DOCS.GERMAN, 1)[1]
        assert re.search(r"(Fehler|Warnung|Hinweis)\[" + code + r"\]", german), code


#: An English output block and the German one under it (neither holds a ``` fence).
PAIR = re.compile(
    r"```text\n((?:(?!```).)*?)```\n\n" + re.escape(DOCS.GERMAN) + r"\n\n```text\n((?:(?!```).)*?)```\n", re.S
)


def test_german_outputs_are_german(updated):
    """Every message and hint shown in German differs from the English one: none lacks a translation."""
    doc, _, _ = updated
    untranslated = []
    pairs = PAIR.findall(doc)
    assert len(pairs) == doc.count(DOCS.GERMAN)
    for english, german in pairs:
        for en, de in zip(DOCS.chunks(english), DOCS.chunks(german)):
            for en_line, de_line in zip(en, de):
                if en_line.lstrip().startswith(("hint:",)) or DOCS.HEADER.match(en_line):
                    said_en = en_line.split(": ", 1)[1] if en_line.lstrip().startswith("hint:") else DOCS.HEADER.sub("", en_line)
                    said_de = de_line.split(": ", 1)[1] if de_line.lstrip().startswith("Tipp:") else DOCS.HEADER.sub("", de_line)
                    if said_en == said_de:
                        untranslated.append(en_line)
    assert not untranslated, "\n".join(untranslated)
