"""The whole public API type-checks from a user's script, and mypy passes over argmap itself."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import textwrap
import typing
from pathlib import Path

import pytest

import argmap
import argmap.types as types
from argmap.formats import FORMATS
from argmap.semantics import ALL_SEMANTICS, SEMANTICS, SUPPORT_MODES, Status

ROOT = Path(__file__).resolve().parent.parent
USER_SCRIPT = ROOT / "tests" / "data" / "typed_user_script.py.txt"  # .txt: not collected by pytest --doctest-modules

pytest.importorskip("mypy", reason="mypy is not installed (pip install -e .[test])")


def _mypy(args: list[str], cwd: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mypy", "--cache-dir", str(cache), *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for the module's runs: argmap is analysed once, each script then takes seconds."""
    return tmp_path_factory.mktemp("mypy-cache")


def _user_mypy(tmp_path: Path, cache: Path, script: str, *flags: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "user_script.py"
    path.write_text(script, "utf-8")
    # Run from the temporary folder, so that argmap's own [tool.mypy] settings do not apply: a user's view.
    return _mypy(["--strict", "--python-version", "3.11", *flags, str(path)], tmp_path, cache)


@pytest.mark.dot
def test_the_user_script_runs(tmp_path):
    """The script is real: it runs to the end (it draws, so it needs Graphviz and fpdf2)."""
    pytest.importorskip("fpdf", reason="worksheets need the print extra")
    path = tmp_path / "user_script.py"
    path.write_text(USER_SCRIPT.read_text("utf-8"), "utf-8")
    result = subprocess.run([sys.executable, str(path)], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def test_every_public_name_is_used_by_the_user_script():
    """The script that the next test type-checks uses every name in argmap.__all__."""
    text = USER_SCRIPT.read_text("utf-8")
    unused = [name for name in argmap.__all__ if name not in text]
    assert not unused


def test_the_whole_public_api_passes_mypy_strict_without_any(tmp_path, cache):
    """mypy --strict --disallow-any-expr on a script using the whole public API: no error, and no
    expression of type Any except the graphviz.Digraph, which graphviz ships without types."""
    result = _user_mypy(tmp_path, cache, USER_SCRIPT.read_text("utf-8"), "--disallow-any-expr")
    lines = USER_SCRIPT.read_text("utf-8").splitlines()
    problems = []
    for line in result.stdout.splitlines():
        if ": error:" not in line:
            continue
        number = int(line.split(":")[1])
        graphviz_any = 'Expression has type "Any"' in line and lines[number - 1].endswith("# graphviz")
        if not graphviz_any:
            problems.append(line)
    assert not problems, result.stdout
    assert "graphviz" in USER_SCRIPT.read_text("utf-8")


MISSPELT = [
    ('argmap.evaluate(m, "prefered")', "prefered"),
    ('argmap.evaluate(m, support="deductiv")', "deductiv"),
    ('argmap.dumps(m, "jsno")', "jsno"),
    ('argmap.load("m.json", format="kialo2")', "kialo2"),
    ('argmap.render(m, "m.pdf", paper="a5")', "a5"),
    ('argmap.render(m, "m.svg", theme="dark")', "dark"),
    ('argmap.render(m, "m.svg", themes="print")', "themes"),
    ('m.to_graphviz(arguments="folded")', "folded"),
    ('argmap.worksheet(m, paper="legal")', "legal"),
    ('argmap.semantics.framework(m, "necesary")', "necesary"),
    ('argmap.explain(m, "a", semantics="dfquad")', "dfquad"),
    ('argmap.semantics.framework(m).to_format("apx2")', "apx2"),
]


def test_a_misspelt_choice_or_option_is_a_type_error(tmp_path, cache):
    """Semantics, support modes, formats, papers, themes and option names are checked before the script runs:
    each misspelt call is an error on its own line, naming the wrong word."""
    head = 'import argmap\nimport argmap.semantics\nm = argmap.parse("claim a: A.\\n")\n'
    script = head + "".join(call + "\n" for call, _ in MISSPELT)
    result = _user_mypy(tmp_path, cache, script)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    for number, (call, wrong) in enumerate(MISSPELT, 4):
        on_line = [e for e in errors if e.split(":")[1] == str(number)]
        assert on_line and wrong in on_line[0], (call, result.stdout)
    assert result.returncode == 1


def test_typed_results_need_no_cast(tmp_path, cache):
    """What functions return has precise types: mypy reveals them."""
    script = textwrap.dedent(
        """
        import argmap
        m = argmap.parse("claim a: A.\\n")
        reveal_type(argmap.evaluate(m).status)
        reveal_type(m.to_dict())
        reveal_type([c for c in m])
        """
    )
    result = _user_mypy(tmp_path, cache, script)
    revealed = [line.split("Revealed type is ", 1)[1] for line in result.stdout.splitlines() if "Revealed type" in line]
    shown = [r.replace("builtins.", "").replace("typing.", "") for r in revealed]
    assert shown[0] == '"Mapping[str, argmap.semantics._evaluation.Status]"', result.stdout
    assert shown[1].startswith('"dict[str, None | bool | int | float | str | list['), result.stdout
    assert shown[2] == '"list[argmap.model.Claim]"', result.stdout
    assert "Any" not in result.stdout


@pytest.mark.parametrize(
    "literal, runtime",
    [
        (types.Semantics, ALL_SEMANTICS),
        (types.SemanticsName, SEMANTICS),
        (types.SupportMode, SUPPORT_MODES),
        (types.StatusName, tuple(s.value for s in Status)),
        (types.FormatName, tuple(FORMATS)),
        (types.ReadFormat, tuple(name for name, f in FORMATS.items() if f.readable)),
        (types.WriteFormat, tuple(name for name, f in FORMATS.items() if f.writable)),
        (types.FrameworkFormat, tuple(importlib.import_module("argmap.formats.iccma").FORMATS)),
    ],
)
def test_the_literal_types_name_what_the_code_accepts(literal, runtime):
    """Each Literal lists exactly the names the code checks at run time, in the same order."""
    assert typing.get_args(literal) == runtime


def test_the_drawing_literals_name_what_the_renderer_accepts():
    """Themes, papers, layouts, legend places, argument views, directions, group-by and image formats."""
    options = importlib.import_module("argmap.render.options")
    paper = importlib.import_module("argmap.render.paper")
    output = importlib.import_module("argmap.render.output")
    themes = importlib.import_module("argmap.render.themes")
    assert set(typing.get_args(types.ThemeName)) == set(themes.THEMES)
    assert set(typing.get_args(types.PaperName)) == set(paper.PAPERS)
    assert set(typing.get_args(types.PaperLayout)) == set(paper.LAYOUTS)
    assert typing.get_args(types.LegendPlace) == options.LEGEND_PLACES
    assert typing.get_args(types.ArgumentView) == options.ARGUMENT_VIEWS
    assert typing.get_args(types.Direction) == options.DIRECTIONS
    assert typing.get_args(types.GroupBy) == options.GROUP_BY
    assert typing.get_args(types.ImageFormat) == output.FORMATS


def test_the_typed_drawing_options_are_the_parameters_of_to_graphviz():
    """GraphOptions holds exactly to_graphviz's keyword options, so **options stays in step with it."""
    import inspect

    from argmap.render import to_graphviz
    from argmap.render.keywords import GraphOptions, PageOptions

    keywords = [p.name for p in inspect.signature(to_graphviz).parameters.values() if p.kind is p.KEYWORD_ONLY]
    assert list(GraphOptions.__annotations__) == keywords
    assert set(PageOptions.__annotations__) - set(keywords) == {"layout"}


def test_mypy_passes_over_argmap(tmp_path):
    """mypy, configured in pyproject.toml ([tool.mypy]: the public modules strict), finds no error in argmap."""
    env = dict(os.environ, MYPY_FORCE_COLOR="0")
    command = [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), "--no-incremental"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success" in result.stdout


def test_the_strict_modules_are_the_public_ones():
    """The modules pyproject.toml checks strictly include argmap itself, the errors and the types."""
    tomllib = pytest.importorskip("tomllib", reason="Python 3.11 reads TOML")

    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mypy"]
    strict = [o for o in config["overrides"] if o.get("disallow_untyped_defs")]
    assert len(strict) == 1
    modules = set(strict[0]["module"])
    assert {"argmap", "argmap.errors", "argmap.types", "argmap.semantics", "argmap.formats"} <= modules
    assert strict[0]["disallow_any_generics"] and strict[0]["warn_return_any"]
