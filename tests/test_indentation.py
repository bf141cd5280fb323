"""Indentation that would silently change what an outline means is an error (issue 8)."""

from __future__ import annotations

import pytest

import argmap
from argmap.model import Rebuttal, Support


def _codes(text: str) -> list[str]:
    return [d.code for d in argmap.read(text)[1]]


def _only(text: str, code: str) -> argmap.Diagnostic:
    diagnostics = argmap.read(text)[1]
    assert [d.code for d in diagnostics] == [code], [d.message for d in diagnostics]
    return diagnostics[0]


@pytest.mark.parametrize(
    "text,step,indent,places",
    [
        ("claim ban: B.\n  + focus: F.\n   + calm: C.\n", "2 spaces", "3 spaces", ["4 spaces", "2 spaces"]),
        ("claim ban: B.\n  + focus: F.\n     + calm: C.\n", "2 spaces", "5 spaces", ["4 spaces", "2 spaces"]),
        ("claim ban: B.\n    + focus: F.\n      - calm: C.\n", "4 spaces", "6 spaces", ["8 spaces", "4 spaces"]),
        ("claim ban: B.\n  + focus: F.\n    + calm: C.\n       - x: X.\n", "2 spaces", "7 spaces", ["6 spaces", "4 spaces", "2 spaces"]),
        ("claim ban: B.\n\t+ focus: F.\n\t\t\t+ calm: C.\n", "1 tab", "3 tabs", ["2 tabs", "1 tab"]),
        ("claim ban: B.\n\t+ focus: F.\n\t  + calm: C.\n", "1 tab", "1 tab and 2 spaces", ["2 tabs", "1 tab"]),
    ],
)
def test_an_item_off_the_outline_step_is_e118_with_every_place_it_could_go(text, step, indent, places):
    """The message names both indentations; the hint gives the indentation for each claim above, nearest first."""
    d = _only(text, "E118")
    assert d.is_error
    assert d.message == f"this outline item is indented {indent}, but the outline above is indented in steps of {step}"
    assert [part.split(" to ")[0].removeprefix("indent it by ") for part in d.hint.split(", or by ")] == places
    line = text.split("\n")[d.span.line - 1]
    assert d.span.column == len(line) - len(line.lstrip()) + 1


def test_the_hint_says_reason_or_objection_and_names_the_claims():
    """`+` items are reasons, `-` items objections, with the ids they would belong to."""
    d = _only("claim ban: B.\n  + focus: F.\n   - calm: C.\n", "E118")
    assert d.hint == "indent it by 4 spaces to make it an objection to `focus`, or by 2 spaces to make it an objection to `ban`"


def test_an_error_reads_the_item_as_written_so_nothing_else_is_reported():
    """After E118 the item's claim exists and its own items are not reported again."""
    text = "claim ban: B.\n  + focus: F.\n   + calm: C.\n     - x: X.\n  - other: O.\ncalm supports other\n"
    assert _codes(text) == ["E118"]
    m = argmap.read(text)[0]
    assert {c.id for c in m.claims} == {"ban", "focus", "calm", "x", "other"}


@pytest.mark.parametrize(
    "text",
    [
        "claim ban: B.\n  + focus: F.\n    + calm: C.\n      - x: X.\n  - y: Y.\n",
        "claim ban: B.\n    + focus: F.\n        + calm: C.\n    - y: Y.\n",
        "claim ban: B.\n\t+ focus: F.\n\t\t+ calm: C.\n",
        "claim ban: B.\n  basis: study\n  + focus: F.\n    basis: study\n    + calm: C.\n",
        "claim ban: B.\n  + (r) focus: F.\n    ~ calm: C.\n",
    ],
)
def test_consistent_outlines_have_no_diagnostic(text):
    """Any one step (2 spaces, 4 spaces, a tab) used throughout is fine."""
    assert _codes(text) == []


def test_a_consistent_outline_means_what_its_indentation_says():
    """Three levels at two spaces: reason, reason of the reason, objection to the claim."""
    m = argmap.parse("claim ban: B.\n  + focus: F.\n    + calm: C.\n  - y: Y.\n")
    assert [type(r).__name__ for r in m.relations] == ["Support", "Support", "Rebuttal"]
    assert isinstance(m.relations[0], Support) and m.relations[0].conclusion == "ban"
    assert isinstance(m.relations[1], Support) and m.relations[1].conclusion == "focus"
    assert isinstance(m.relations[2], Rebuttal) and m.relations[2].target == "ban"


@pytest.mark.parametrize(
    "text,this,beside",
    [
        ("claim ban: B.\n  + focus: F.\n\t+ calm: C.\n", "1 tab", "2 spaces"),
        ("claim ban: B.\n\t+ focus: F.\n  + calm: C.\n", "2 spaces", "1 tab"),
        ("claim ban: B.\n\t+ focus: F.\n\t\t+ x: X.\n \t+ calm: C.\n", "1 tab and 1 space", "1 tab"),
    ],
)
def test_tabs_and_spaces_mixed_at_one_level_say_so(text, this, beside):
    """E103 names both indentations and, when tabs meet spaces, says not to mix them."""
    diagnostics = argmap.read(text)[1]
    assert [d.code for d in diagnostics] == ["E103"]
    d = diagnostics[0]
    assert d.message == f"inconsistent indentation: this line is indented {this}, the lines beside it {beside}"
    assert d.hint.startswith("do not mix tabs and spaces")


def test_e103_between_space_widths_says_how_far_to_indent():
    """Four spaces then two: the hint gives the number of spaces under the statement."""
    d = _only("claim ban: B.\n    + focus: F.\n  + calm: C.\n", "E103")
    assert d.message == "inconsistent indentation: this line is indented by 2, the lines beside it by 4 spaces"
    assert d.hint == "indent it by 4 spaces under `claim ban:`; this line has 2"


def test_fmt_output_is_never_e118():
    """The canonical form (two spaces a level) of a deep outline reads back without a diagnostic."""
    text = "claim a: A.\n" + "".join("  " * i + f"+ c{i}: C{i}.\n" for i in range(1, 30))
    m = argmap.parse(text)
    assert _codes(m.to_source()) == []
