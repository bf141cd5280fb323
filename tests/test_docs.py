"""The documentation's argmap examples parse without errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```argmap\n(.*?)```", re.S)


def blocks():
    for doc in DOCS:
        if not doc.exists() or doc.name == "diagnostics.md":  # diagnostics.md shows mistakes on purpose
            continue
        for i, m in enumerate(BLOCK.finditer(doc.read_text("utf-8"))):
            yield pytest.param(doc, m.group(1), id=f"{doc.name}-{i + 1}")


@pytest.mark.parametrize("doc,src", list(blocks()))
def test_doc_example_has_no_errors(doc, src):
    """Each ```argmap block in the docs parses and checks without errors."""
    m = argmap.parse(src, str(doc))
    errors = [d for d in argmap.check(m) if d.is_error]
    assert errors == []


def test_language_reference_outline_equals_flat():
    """The outline example in docs/language.md equals its flat form, as the page says."""
    src = (ROOT / "docs" / "language.md").read_text("utf-8")
    found = [m.group(1) for m in BLOCK.finditer(src)]
    outline = next(b for b in found if b.startswith("claim ban:") and "  + focus" in b)
    flat = next(b for b in found if b.startswith("claim ban:") and "focus supports ban" in b)
    assert argmap.parse(outline) == argmap.parse(flat)
