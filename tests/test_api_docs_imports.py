"""What the docs use is public: every `from argmap... import ...` and every `argmap.x.y` they name exists,
and is in its module's __all__."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
#: The pages that document the Python API; a dotted name there must be public where it is named.
API_PAGES = ["api.md", "semantics.md", "solver.md", "formats.md", "rendering.md", "explanations.md", "worksheets.md"]

_IMPORT = re.compile(r"from (argmap(?:\.\w+)*) import \(?((?:\s*\w+\s*,?)+)\)?")
_DOTTED = re.compile(r"(?<![\w./-])(argmap(?:\.\w+)+)(?![\w-]*\.json)")


def _imports() -> list[tuple[str, str, str]]:
    found = []
    for page in PAGES:
        # an import in prose may break across lines inside its backticks
        text = re.sub(r"\s*\n\s*", " ", page.read_text("utf-8"))
        for module, names in _IMPORT.findall(text):
            for name in re.findall(r"\w+", names):
                found.append((page.name, module, name))
    return sorted(set(found))


def _dotted() -> list[tuple[str, str]]:
    found = set()
    for name in API_PAGES:
        for dotted in _DOTTED.findall((ROOT / "docs" / name).read_text("utf-8")):
            if dotted != "argmap.__all__":
                found.add((name, dotted))
    return sorted(found)


def _public(module: ModuleType) -> list[str]:
    return list(getattr(module, "__all__", []))


def test_the_docs_import_something():
    """The extraction finds the imports the pages show (so the next tests are not empty)."""
    names = {(module, name) for _, module, name in _imports()}
    assert ("argmap.semantics", "Framework") in names and ("argmap.formats", "read_as") in names
    assert ("argmap.render", "GraphvizNotFound") in names


@pytest.mark.parametrize("page, module, name", _imports())
def test_every_import_in_the_docs_works_and_is_public(page, module, name):
    """`from M import name` in a page works, and name is in M.__all__."""
    imported = importlib.import_module(module)
    assert hasattr(imported, name), f"{page}: {module} has no {name}"
    assert name in _public(imported), f"{page}: {name} is not in {module}.__all__"


@pytest.mark.parametrize("page, dotted", _dotted())
def test_every_dotted_name_in_the_docs_is_public(page, dotted):
    """`argmap.semantics.framework`, `argmap.render.paper.paginate`, ... resolve, each step public."""
    parts = dotted.split(".")
    module = importlib.import_module("argmap")
    i = 1
    # the longest prefix that is a module (argmap.render is also a function: import the package by name)
    while i < len(parts):
        try:
            module = importlib.import_module(".".join(parts[: i + 1]))
        except ModuleNotFoundError:
            break
        i += 1
    value: object = module
    owner: object = module
    for part in parts[i:]:
        assert hasattr(value, part), f"{page}: {dotted}: no {part}"
        owner, value = value, getattr(value, part)
    if isinstance(owner, ModuleType) and owner is not value:
        assert parts[-1] in _public(owner), f"{page}: {parts[-1]} is not in {owner.__name__}.__all__"


@pytest.mark.parametrize(
    "name",
    ["compare_positions", "Framework", "framework", "TooManyExtensions", "TooManyAttacks", "SolverTimeout", "MapError",
     "justify_answer", "acceptance_notes"],
)
def test_the_names_semantics_md_shows_are_public_in_argmap_semantics(name):
    """The names docs/semantics.md, solver.md and api.md use without a module are public in argmap.semantics."""
    semantics = importlib.import_module("argmap.semantics")
    assert name in semantics.__all__ and hasattr(semantics, name)
    text = "".join((ROOT / "docs" / page).read_text("utf-8") for page in ("semantics.md", "solver.md", "api.md"))
    assert f"`{name}" in text or f"{name}(" in text or f".{name}" in text
