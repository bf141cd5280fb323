"""Users' scripts type-check: argmap ships py.typed, and the reasoning tasks are fully typed for mypy --strict."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import argmap
from tests.test_packaging import wheel  # noqa: F401 (the fixture that builds the wheel)

SCRIPT = textwrap.dedent(
    """
    import argmap
    from argmap.semantics import (
        Answer, Framework, credulous, evaluate, framework, iter_extensions, labelling, sceptical, some_extension,
    )

    m = argmap.parse("claim a: A.\\nclaim b: B.\\na rebuts b\\n")
    fw: Framework = framework(m)
    found: frozenset[str] | None = some_extension(fw, "preferred")
    answer: Answer = credulous(fw, "stable", "a")
    reveal_type(answer.witness)
    no: Answer = sceptical(fw, "semi-stable", "b", timeout=1.0)
    for extension in iter_extensions(fw, "cf2", limit=3):
        labels = labelling(fw, extension)
        first: str = labels["a"]
    accepted: bool = answer.accepted and no.vacuous
    result = evaluate(m, semantics="preferred")
    """
)


def _mypy(tmp_path: Path, script: str) -> tuple[str, int]:
    api = pytest.importorskip("mypy.api", reason="mypy is not installed (pip install -e .[test])")
    path = tmp_path / "user_script.py"
    path.write_text(script, "utf-8")
    out, err, status = api.run(
        ["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), "--python-version", "3.11", str(path)]
    )
    return out + err, status


def test_the_package_is_marked_typed():
    """argmap/py.typed exists in the source tree."""
    assert (Path(argmap.__file__).parent / "py.typed").is_file()


def test_the_wheel_carries_py_typed(wheel):  # noqa: F811
    """The built wheel has the py.typed marker, so mypy reads argmap's annotations when it is installed."""
    import zipfile

    assert "argmap/py.typed" in zipfile.ZipFile(wheel).namelist()


def test_a_user_script_passes_mypy_strict(tmp_path):
    """Calling the tasks with the Literal semantics names type-checks under --strict, with no Any:
    the witness of an Answer is a frozenset of str or None."""
    out, status = _mypy(tmp_path, SCRIPT)
    revealed = [line for line in out.splitlines() if "Revealed type is" in line]
    assert len(revealed) == 1, out
    shown = revealed[0].split("Revealed type is ", 1)[1].replace("builtins.", "")
    assert shown in ('"frozenset[str] | None"', '"Union[frozenset[str], None]"'), out
    assert status == 0, out
    assert "error" not in out.replace("note:", ""), out
    assert "Any" not in out, out


def test_a_misspelt_semantics_is_a_type_error(tmp_path):
    """The semantics names are a Literal: a typo is caught before the script runs."""
    script = "import argmap\nfrom argmap.semantics import credulous, framework\n"
    script += 'credulous(framework(argmap.parse("claim a: A.\\n")), "prefered", "a")\n'
    out, status = _mypy(tmp_path, script)
    assert status != 0 and "prefered" in out, out


def test_building_a_framework_by_hand_passes_mypy_strict(tmp_path):
    """Framework(["a", "b"], [("a", "b")]) type-checks."""
    out, status = _mypy(tmp_path, 'from argmap.semantics import Framework\nfw = Framework(["a", "b"], [("a", "b")])\n')
    assert status == 0, out
