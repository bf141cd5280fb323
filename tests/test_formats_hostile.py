"""Every reader takes any text without raising: random text, and the writers' output cut or mangled."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, load
from argmap.diagnostics import Diagnostic
from argmap.formats.registry import FORMATS, dumps, read_as

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = load(ROOT / "examples" / "phone_ban_school.argmap")
READERS = ["json", "aif", "argdown", "kialo"]
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

alphabet = st.sampled_from(list('{}[]":,0123456789 \n\t-+<>_()#/*=.abcxyzäö\\') + ["nodeID", "type", "items", "I", "RA"])


def reads(fmt, text):
    m, diagnostics = read_as(fmt, text, "x")
    assert isinstance(m, ArgumentMap)
    assert all(isinstance(d, Diagnostic) for d in diagnostics)
    return m, diagnostics


@SETTINGS
@given(st.sampled_from(READERS), st.lists(alphabet, max_size=80).map("".join))
def test_random_text(fmt, text):
    """Text made of each format's punctuation and keywords never makes a reader raise."""
    reads(fmt, text)


@pytest.mark.parametrize("fmt", ["json", "aif", "argdown"])
@SETTINGS
@given(data=st.data())
def test_cut_and_mangled_output(fmt, data):
    """The writer's output of an example, cut short or with a stretch replaced, never makes its reader raise."""
    text = dumps(EXAMPLE, fmt)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 40)))
    filler = data.draw(st.lists(alphabet, max_size=6).map("".join))
    reads(fmt, text[:start] + filler + text[end:])


def test_every_readable_format_is_fuzzed_or_has_its_own_tests():
    """The ICCMA readers have their own hostile tests (tests/test_iccma.py); the others are fuzzed here."""
    assert {name for name, f in FORMATS.items() if f.readable} == set(READERS) | {"argmap", "apx", "i23", "tgf"}
