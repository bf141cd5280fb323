"""The pictures in the docs: each one exists and `make docs` regenerates it from examples/."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def script(name: str):
    """A script of scripts/ as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_docs():
    return script("make_docs")


def teachers_pictures() -> set[str]:
    """The teachers' guides show printed pages (worksheets, slides), which
    scripts/teachers_pictures.py draws from the PDFs the guides' commands write."""
    return set(script("teachers_pictures").pictures())


def editor_pictures() -> set[str]:
    """docs/editor.md shows screenshots of `argmap serve`, which scripts/editor_screenshots.py takes."""
    return set(script("editor_screenshots").SHOTS)


def page_pictures() -> set[str]:
    """The printed pages scripts/make_docs.py draws (PAGE_PICTURES: a name with ``{page}``, how many pages)."""
    return {name.format(page=i) for name, _, count, _ in make_docs().PAGE_PICTURES for i in range(1, count + 1)}


def referenced() -> list[tuple[str, str]]:
    found = []
    for doc in DOCS:
        for m in re.finditer(r"!\[[^\]]*\]\(((?:docs/)?img/[^)\s]+)\)", doc.read_text("utf-8")):
            found.append((doc.name, m.group(1).split("img/", 1)[1]))
    return found


@pytest.mark.parametrize("doc,picture", referenced(), ids=lambda x: str(x))
def test_every_picture_in_the_docs_is_made_by_make_docs(doc, picture):
    """Each picture a page shows exists in docs/img and is a row of scripts/make_docs.py
    (PICTURES, or a printed page of PAGE_PICTURES), or a printed page scripts/teachers_pictures.py draws,
    or a screenshot of the editor scripts/editor_screenshots.py takes."""
    assert (ROOT / "docs" / "img" / picture).exists()
    assert picture in {name for name, _, _ in make_docs().PICTURES} | page_pictures() | teachers_pictures() | editor_pictures()


def test_make_docs_draws_from_existing_examples_with_valid_options():
    """Every row of make_docs names an example that exists and options the drawing accepts."""
    import argmap
    from argmap.render import to_graphviz

    for name, example, options in make_docs().PICTURES:
        m = argmap.load(ROOT / "examples" / example)
        to_graphviz(m, **options)
