"""What starting argmap loads: `import argmap` and `argmap check` leave the
renderer, Graphviz, the semantics, the worksheets and the formats alone
(structure, not timing; benchmarks/bench_startup.py measures the time)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.cli import COMMANDS, _chosen_command
from cli_support import run

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "examples" / "phone_ban_school.argmap"

#: What a command that only reads and checks maps must not load.
HEAVY = (
    "graphviz",
    "pypdf",
    "fpdf",
    "pysat",
    "argmap.render",
    "argmap.semantics",
    "argmap.sheets",
    "argmap.formats",
    "argmap.explanation",
    "argmap.outline",
)


def loaded_after(code: str) -> set[str]:
    """The modules loaded after running ``code`` in a fresh interpreter (it may print, to standard error)."""
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(json.loads(done.stdout.splitlines()[-1]))


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_import_argmap_loads_nothing_heavy():
    """`import argmap` loads none of argmap's modules, nor lark, attrs or Graphviz."""
    modules = loaded_after("import argmap")
    assert heavy(modules) == []
    assert sorted(m for m in modules if m.startswith("argmap.")) == []
    assert not {"lark", "attr", "graphviz"} & modules


def test_submodules_are_attributes_after_a_plain_import():
    """After `import argmap`, `argmap.semantics`, `argmap.formats`... are reached as attributes, loaded on first use;
    `argmap.render` and `argmap.outline` stay the functions; a misspelt name is an AttributeError."""
    modules = loaded_after(
        "import argmap, types\n"
        "assert isinstance(argmap.semantics, types.ModuleType) and callable(argmap.semantics.framework)\n"
        "assert isinstance(argmap.formats, types.ModuleType) and 'json' in argmap.formats.FORMATS\n"
        "assert callable(argmap.render) and not isinstance(argmap.render, types.ModuleType)\n"
        "assert callable(argmap.outline) and not isinstance(argmap.outline, types.ModuleType)\n"
        "try:\n    argmap.semantic\nexcept AttributeError:\n    pass\nelse:\n    raise SystemExit('no AttributeError')"
    )
    assert "argmap.semantics" in modules and "argmap.formats" in modules


def test_check_command_loads_only_what_it_needs():
    """`argmap check` on a small map parses and checks it without the renderer,
    Graphviz, the semantics, the worksheets, the formats or the other commands."""
    modules = loaded_after(f"from argmap.cli import main\nmain(['check', {str(SMALL)!r}], err=sys.stderr, out=sys.stderr)")
    assert heavy(modules) == []
    assert {"argmap.checks", "argmap.cli.check"} <= modules
    commands = sorted(m for m in modules if m.startswith("argmap.cli.") and m.rpartition(".")[2] in COMMANDS)
    assert commands == ["argmap.cli.check"]


def test_texts_are_searched_only_for_sources_with_files(tmp_path):
    """The modules that find, read and search source texts (and the table of
    encodings) load only for a map with a source that names a file."""
    texts = ("argmap.checks._texts", "argmap.checks._nearest", "argmap._encodings", "difflib")
    modules = loaded_after(f"from argmap.cli import main\nmain(['check', {str(SMALL)!r}], err=sys.stderr, out=sys.stderr)")
    assert not set(texts) & modules
    quoted = tmp_path / "q.argmap"
    quoted.write_text('source s: "Text"\n  file: text.txt\nclaim a: A.\n  source: s\n  quote: "A"\n', "utf-8")
    (tmp_path / "text.txt").write_text("Nothing of the kind.\n", "utf-8")
    modules = loaded_after(f"from argmap.cli import main\nmain(['check', {str(quoted)!r}], err=sys.stderr, out=sys.stderr)")
    assert set(texts) <= modules


def test_lark_is_loaded_only_for_lines_that_need_it(tmp_path):
    """Every line of the examples and of a generated map is read without lark (not even imported);
    a line with a mistake loads lark, which reports it with its line and column."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    generated = tmp_path / "generated.argmap"
    generated.write_text(generate(300, 450), "utf-8")
    paths = [str(p) for p in sorted((ROOT / "examples").rglob("*.argmap"))] + [str(generated)]
    modules = loaded_after(f"from argmap.cli import main\nmain(['check', *{paths!r}], err=sys.stderr, out=sys.stderr)")
    assert "argmap.checks" in modules
    assert not any(m == "lark" or m.startswith(("lark.", "argmap.syntax.transformer")) for m in modules)
    broken = tmp_path / "broken.argmap"
    broken.write_text("claim a: A.\nposition p: accepts a;\n", "utf-8")
    script = f"import sys\nfrom argmap.cli import main\nmain(['check', {str(broken)!r}], err=sys.stderr, out=sys.stderr)"
    done = subprocess.run([sys.executable, "-c", f"{script}\nprint('lark' in sys.modules)"], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.split() == ["True"]
    assert "broken.argmap:2:23: error[E102]" in done.stderr


def test_the_program_freezes_its_objects_before_exit(capsys):
    """`argmap` as a program leaves its objects to the exit (no last collection through them);
    main() called with arguments, as a program using argmap calls it, leaves the collector alone."""
    script = (
        f"import gc, sys\nfrom argmap.cli import main\nsys.argv = ['argmap', 'check', {str(SMALL)!r}]\n"
        "code = main()\nprint('frozen' if gc.get_freeze_count() else 'not frozen', code, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stderr.splitlines()[-1] == "frozen 0"
    assert "1 file checked" in done.stdout
    import gc

    from argmap.cli import main

    before = gc.get_freeze_count()
    assert main(["check", str(SMALL)]) == 0
    assert gc.get_freeze_count() == before
    assert "1 file checked" in capsys.readouterr().out


def test_check_with_semantics_loads_them_when_asked(tmp_path):
    """`argmap check --semantics` still evaluates: the semantics are loaded when a command uses them."""
    path = tmp_path / "m.argmap"
    path.write_text("claim a: A.\nclaim b: B.\nb rebuts a\n", "utf-8")
    code, out, _ = run("check", path, "--semantics", "grounded")
    assert code == 0
    assert "`a`" in out and "grounded" in out


def test_render_dot_loads_no_semantics_or_pdf(tmp_path):
    """`argmap render --format dot` needs Graphviz's package, not the semantics, the worksheets or a PDF library."""
    target = tmp_path / "m.dot"
    modules = loaded_after(
        f"from argmap.cli import main\nmain(['render', {str(SMALL)!r}, '--format', 'dot', '-o', {str(target)!r}], out=sys.stderr)"
    )
    assert target.read_text("utf-8").startswith("digraph")
    assert "graphviz" in modules
    assert heavy(modules) == sorted(m for m in modules if m == "graphviz" or m.startswith(("graphviz.", "argmap.render")))


@pytest.mark.parametrize(
    "argv, command",
    [
        (["check", "m.argmap"], "check"),
        (["--lang", "de", "render", "m.argmap"], "render"),
        (["--lang=de", "fmt", "m.argmap"], "fmt"),
        (["--la", "de", "check", "m.argmap"], "check"),  # argparse takes a prefix of --lang
        (["--l=en", "steps", "m.argmap"], "steps"),
        (["check", "--help"], "check"),
        (["-h", "check"], None),  # the whole program's help
        (["--version"], None),
        (["--lang", "check"], None),  # "check" is the value of --lang here
        (["chekc", "m.argmap"], None),
        (["--", "check"], None),
        ([], None),
    ],
)
def test_chosen_command(argv, command):
    """The command a command line names, when only --lang comes before it; None for the rest."""
    assert _chosen_command(argv) == command


def test_help_lists_every_command(capsys):
    """`argmap --help` lists every command with its help text (read from the command's module)."""
    import importlib

    code, _, _ = run("--lang", "en", "--help")
    assert code == 0
    shown = " ".join(capsys.readouterr().out.split())
    for name in COMMANDS:
        help_text = " ".join(importlib.import_module(f"argmap.cli.{name}").HELP.split())
        assert f"{name} {help_text}" in shown


def test_a_command_after_an_abbreviated_option_runs():
    """`argmap --la de check FILE` (argparse's prefix of --lang) checks the file, and speaks German."""
    code, out, _ = run("--la", "de", "check", SMALL)
    assert code == 0
    assert "1 Datei geprüft" in out


def test_unknown_command_names_every_command():
    """A misspelt command gets argparse's complaint with every command as a choice (exit 2)."""
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "--lang", "en", "chekc", str(SMALL)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 2
    assert "invalid choice: 'chekc'" in result.stderr
    for name in COMMANDS:
        assert name in result.stderr


def test_every_public_name_resolves():
    """Each name of `argmap.__all__` is the object its module defines, and `dir(argmap)` lists it."""
    import importlib

    for name in argmap.__all__:
        value = getattr(argmap, name)
        assert value is getattr(importlib.import_module(argmap._MODULES[name]), name)
    assert set(argmap.__all__) <= set(dir(argmap))


def test_star_import_binds_every_public_name():
    """`from argmap import *` binds exactly the names of `__all__`."""
    namespace: dict = {}
    exec("from argmap import *", namespace)
    assert set(namespace) - {"__builtins__"} == set(argmap.__all__)


def test_unknown_name_is_an_attribute_error():
    """A name argmap lacks raises AttributeError, as for any module."""
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        argmap.nonesuch  # noqa: B018
    assert not hasattr(argmap, "nonesuch")


def test_functions_named_like_modules_stay_functions():
    """`argmap.render` and `argmap.outline` are the functions even when their
    modules are imported first (`import argmap.render.paper`, `import argmap.outline`),
    and a submodule such as `argmap.types` does not replace what the package uses."""
    code = (
        "import argmap.types, argmap.render.paper, argmap.outline, argmap\n"
        "print(callable(argmap.render), callable(argmap.outline), argmap.render.__module__, argmap.outline.__module__,"
        " sys.modules['argmap.render'].paper.__name__, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-W", "error::ImportWarning", "-c", "import sys\n" + code], capture_output=True, text=True, check=True
    )
    assert done.stderr.split() == ["True", "True", "argmap.render", "argmap.outline", "argmap.render.paper"]


def test_lazy_table_matches_the_imports_type_checkers_read():
    """The names `argmap.__getattr__` imports, the `if TYPE_CHECKING:` imports
    and `__all__` list the same names from the same modules."""
    tree = ast.parse((ROOT / "argmap" / "__init__.py").read_text("utf-8"))
    guarded = next(n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING")
    imported = {alias.name: node.module for node in guarded.body for alias in node.names}
    assert imported == argmap._MODULES
    assert sorted(argmap.__all__) == sorted(imported)


def test_type_checkers_see_the_lazy_names(tmp_path):
    """mypy reads each public name's type through the lazy `argmap`, and a
    misspelt name is still an error (the runtime `__getattr__` is hidden from it)."""
    api = pytest.importorskip("mypy.api", reason="mypy is not installed (pip install -e .[test])")
    script = tmp_path / "user_script.py"
    script.write_text("import argmap\nreveal_type(argmap.check)\nargmap.chek\n", "utf-8")
    out, err, status = api.run(["--no-incremental", "--cache-dir", str(tmp_path / "cache"), "--python-version", "3.11", str(script)])
    assert status == 1, out + err
    assert 'Revealed type is "def (argument_map: argmap.model.ArgumentMap' in out
    assert 'Module has no attribute "chek"' in out
