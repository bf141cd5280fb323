"""argmap in German and English: the catalog is complete, compiled and used by the commands."""

from __future__ import annotations

import importlib.util
import io
import pickle
import re
import string
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo

import argmap
from argmap._i18n import Phrase, interface_language, joined, listing, normalize, phrase, translate, translator
from argmap.cli import main
from argmap.diagnostics import format_diagnostic

ROOT = Path(__file__).resolve().parent.parent


def load_script(name: str):
    """The module of ``scripts/<name>.py`` (the scripts are not a package)."""
    spec = importlib.util.spec_from_file_location(f"argmap_script_{name}", ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MESSAGES = load_script("messages")


@pytest.fixture(scope="module")
def template():
    """Every message in argmap's source, extracted with Babel as `make messages` does."""
    return MESSAGES.extract()


@pytest.fixture(scope="module")
def catalog():
    return MESSAGES.read_catalog()


def _key(message):
    return (message.context, message.id)


def _strings(message) -> list[str]:
    return list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_a_german_translation(template, catalog):
    """Each msgid in argmap's source has a non-empty, non-fuzzy German msgstr in argmap.po."""
    entries = {_key(m): m for m in catalog if m.id}
    missing = []
    for m in template:
        if not m.id:
            continue
        entry = entries.get(_key(m))
        if entry is None or entry.fuzzy or not all(_strings(entry)):
            where = sorted({f for f, _ in m.locations})[0]
            missing.append(f"{where}: {m.id!r}" + (" (fuzzy)" if entry is not None and entry.fuzzy else ""))
    assert not missing, "run `make messages` and translate:\n" + "\n".join(missing)


def test_extraction_finds_every_kind_of_message(template):
    """The extraction sees diagnostic messages and hints, gettext calls, phrases and command help."""
    ids = {m.id for m in template}
    assert "unknown claim `{id}`" in ids  # error(code, message, ...)
    assert "define it with `source {ref}: \"Title\"`" in ids  # a hint marked with N_()
    assert "relate it, e.g. `{id} supports ...`, or remove it" in ids  # the hint of warning(...)
    assert ("{n} error", "{n} errors") in ids  # ngettext
    assert "a premise" in ids  # phrase()
    assert "check maps for mistakes and inconsistencies" in ids  # HELP = "..."
    assert "output format" in ids  # help="..."
    assert "not evaluated" in ids  # read_one(name, err, doing)
    assert "hint" in ids and "error" in ids  # pgettext("diagnostic", ...), pgettext("severity", ...)


def test_translations_keep_the_fields(catalog):
    """A German msgstr uses exactly the {fields} of its msgid (else formatting it would fail)."""
    wrong = []
    for m in catalog:
        if not m.id or m.fuzzy or not all(_strings(m)):
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        for k, text in enumerate(_strings(m)):
            source = ids[min(k, len(ids) - 1)]
            if _fields(text) != _fields(source):
                wrong.append(f"{source!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_committed_mo_matches_the_po(catalog):
    """argmap.mo is argmap.po compiled: the same translations (run `make messages` after editing the .po)."""
    with MESSAGES.MO.open("rb") as f:
        compiled = read_mo(f)
    fresh = read_mo(io.BytesIO(MESSAGES.mo_bytes(catalog)))

    def pairs(c):
        return {(m.context, m.id if isinstance(m.id, str) else tuple(m.id)): tuple(_strings(m)) for m in c if m.id}

    assert pairs(compiled) == pairs(fresh)


def test_make_messages_changes_nothing_twice(tmp_path, monkeypatch):
    """Running the update on an up-to-date catalog gives the same bytes (no churn in git)."""
    catalog = MESSAGES.update(MESSAGES.extract())
    first = MESSAGES.po_bytes(catalog)
    po = tmp_path / "argmap.po"
    po.write_bytes(first)
    monkeypatch.setattr(MESSAGES, "PO", po)
    assert MESSAGES.po_bytes(MESSAGES.update(MESSAGES.extract())) == first


def test_wheel_ships_the_compiled_catalog(tmp_path):
    """The built wheel holds argmap/locale/de/LC_MESSAGES/argmap.mo, identical to the committed one."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("argmap-*.whl")
    data = zipfile.ZipFile(wheel).read("argmap/locale/de/LC_MESSAGES/argmap.mo")
    assert data == MESSAGES.MO.read_bytes()


def _maps() -> list[Path]:
    return sorted((ROOT / "examples").glob("*.argmap")) + sorted((ROOT / "tests" / "data").rglob("*.argmap"))


@pytest.mark.parametrize("path", _maps(), ids=lambda p: p.name)
def test_every_diagnostic_of_the_examples_is_in_the_catalog(path):
    """What checking the bundled maps reports is said in German: each template is in the catalog."""
    argument_map, text, diagnostics = argmap.reading.read_file(str(path))
    if argument_map is not None:
        diagnostics = diagnostics + argmap.check(argument_map)
    german = translator("de")
    for d in diagnostics:
        for template in templates_of(d):
            assert german.gettext(template) != template, f"{d.code}: no German for {template!r}"
        local = d.localized("de")
        assert local.code == d.code and local.span == d.span


def templates_of(d) -> list[str]:
    """The English templates a diagnostic is said from: its message, its hint,
    and the phrases among its fields (nested ones too); not the bare
    ``{_hint}`` that stands for a hint built as a phrase, nor separators."""
    found = [t for t in (d.template or d.message, d.hint_template or d.hint) if t]
    stack = [v for _, v in d.args if isinstance(v, Phrase)]
    while stack:
        p = stack.pop()
        if p.items is None:
            found.append(p.template)
            stack.extend(v for _, v in p.args if isinstance(v, Phrase))
        else:
            found.append(p.template)
            stack.extend(v for v in p.items if isinstance(v, Phrase))
    return [t for t in found if re.search("[A-Za-z]", re.sub(r"\{\w+\}", "", t))]


BAD = "claim invest: Europa muss investieren.\ngap supports invst\n"


@pytest.fixture
def bad_map(tmp_path) -> Path:
    path = tmp_path / "karte.argmap"
    path.write_text(BAD, "utf-8")
    return path


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


GERMAN_CHECK = """\
{path}:2:1: Fehler[E201]: unbekannte Aussage `gap`
    2 | gap supports invst
      | ^^^
{path}:2:14: Fehler[E201]: unbekannte Aussage `invst`
    2 | gap supports invst
      |              ^^^^^
  Tipp: meintest du `invest`?
1 Datei geprüft: 2 Fehler, 0 Warnungen, 0 Hinweise
"""


@pytest.mark.parametrize("where", ["before", "after"])
def test_german_check_end_to_end(bad_map, where):
    """`argmap --lang de check` (or `check --lang de`) says message, caret and hint in German; exit 1."""
    argv = ["--lang", "de", "check", str(bad_map)] if where == "before" else ["check", str(bad_map), "--lang", "de"]
    code, out, err = run(*argv)
    assert code == 1
    assert out == GERMAN_CHECK.format(path=bad_map)


def test_english_check_is_unchanged(bad_map):
    """`--lang en` gives the English report with `error[E201]` and `hint:`."""
    code, out, _ = run("--lang", "en", "check", str(bad_map))
    assert code == 1
    assert f"{bad_map}:2:14: error[E201]: unknown claim `invst`" in out
    assert "  hint: did you mean `invest`?" in out
    assert out.endswith("1 file checked: 2 errors, 0 warnings, 0 notes\n")


@pytest.mark.parametrize(
    "env,expected",
    [
        ({"LC_ALL": "de_DE.UTF-8"}, "de"),
        ({"LC_MESSAGES": "de_AT.UTF-8"}, "de"),
        ({"LANG": "de_CH.UTF-8"}, "de"),
        ({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_ALL": "", "LC_MESSAGES": "en_GB.UTF-8", "LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_locale_selection(env, expected):
    """Without --lang, LC_ALL, then LC_MESSAGES, then LANG decide; C and unknown languages are English."""
    assert interface_language(None, env) == expected


def test_lang_option_beats_the_locale(bad_map, monkeypatch):
    """--lang en wins over a German locale, and a German locale alone gives German."""
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert "Fehler[E201]" in run("check", str(bad_map))[1]
    assert "error[E201]" in run("check", "--lang", "en", str(bad_map))[1]


def test_unknown_language_is_a_usage_error(bad_map):
    """--lang fr exits 2 with argparse's one-line complaint, no traceback."""
    code, _, _ = run("--lang", "fr", "check", str(bad_map))
    assert code == 2


def test_help_in_german(capsys):
    """`argmap --lang de check --help` shows argmap's help texts in German."""
    code, _, _ = run("--lang", "de", "check", "--help")
    assert code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("Aufruf: argmap check")
    assert "Karten auf Fehler und Widersprüche prüfen" in shown
    assert "diese Hilfe zeigen und beenden" in shown
    assert "Ausgabeformat" in shown


def test_json_keeps_english_keys_and_says_messages_in_german(bad_map):
    """JSON: keys, severity and code stay English (machine-readable); message and hint are German."""
    import json

    code, out, _ = run("--lang", "de", "check", "--format", "json", str(bad_map))
    data = json.loads(out)
    assert code == 1
    assert data[1]["severity"] == "error" and data[1]["code"] == "E201"
    assert data[1]["message"] == "unbekannte Aussage `invst`"
    assert data[1]["hint"] == "meintest du `invest`?"


def test_german_summaries_use_plurals(tmp_path):
    """Plural forms come from the catalog: 1 Warnung, 2 Warnungen; 1 Datei, 2 Dateien."""
    one = tmp_path / "a.argmap"
    one.write_text("claim a: A.\nclaim b: B.\n", "utf-8")
    _, out, _ = run("--lang", "de", "check", str(one), str(one))
    assert out.endswith("2 Dateien geprüft: 0 Fehler, 4 Warnungen, 0 Hinweise\n")
    _, out, _ = run("--lang", "de", "check", str(one))
    assert out.endswith("1 Datei geprüft: 0 Fehler, 2 Warnungen, 0 Hinweise\n")


def test_german_evaluate_table(tmp_path):
    """The evaluate table's header, kinds and status words are German."""
    path = tmp_path / "k.argmap"
    path.write_text("claim a: A.\nclaim b: B.\na rebuts b\n", "utf-8")
    code, out, _ = run("--lang", "de", "evaluate", str(path))
    assert code == 0
    assert "grounded-Semantik: 1 Extension" in out
    assert "Argument  Art      Status" in out
    assert "b         Aussage  abgelehnt" in out


def test_refusal_line_in_german(bad_map):
    """A command that stops at errors says so in German."""
    code, _, err = run("--lang", "de", "evaluate", str(bad_map))
    assert code == 1
    assert err.endswith(f"{bad_map}: nicht ausgewertet: die Karte hat Fehler (siehe `argmap check`)\n")


def test_usage_error_in_german(tmp_path):
    """A usage error of a command is one German line, exit 2."""
    path = tmp_path / "k.argmap"
    path.write_text("claim a: A.\n", "utf-8")
    code, _, err = run("--lang", "de", "evaluate", str(path), "--semantics", "dfquad", "--support", "deductive")
    assert code == 2
    assert err == "argmap evaluate: Fehler: --support gilt nicht für dfquad, das Stützungen nimmt, wie sie sind\n"


def test_format_diagnostic_localizes_and_keeps_the_code():
    """format_diagnostic(d, text, "de") translates words only: code, place and caret stay."""
    m = argmap.parse("claim a: A.\nclaim b: B.\n")
    (d,) = [d for d in argmap.check(m) if d.code == "W303"][:1]
    english = format_diagnostic(d, "claim a: A.\nclaim b: B.\n")
    german = format_diagnostic(d, "claim a: A.\nclaim b: B.\n", "de")
    assert "warning[W303]: claim `a` is connected to nothing" in english
    assert "Warnung[W303]: Aussage `a` hängt an nichts" in german
    assert german.splitlines()[1:3] == english.splitlines()[1:3]  # the source line and the caret
    assert "Tipp: verbinde sie, z. B. `a supports ...`, oder entferne sie" in german


def test_phrases_inside_messages_are_translated():
    """Parts built from phrases (roles, kinds, lists) are said in the message's language."""
    m = argmap.parse("claim a: A.\nclaim b: B.\nr: a supports b\nr supports b\n")
    (d,) = [d for d in argmap.check(m) if d.code == "E204"]
    assert d.message == "`r` is a named support, not a claim; a premise must be a claim"
    assert d.localized("de").message == "`r` ist eine benannte Stützung, keine Aussage; eine Prämisse muss eine Aussage sein"


def test_diagnostics_with_phrases_survive_pickling():
    """A diagnostic keeps its phrases through pickle, and still translates."""
    m = argmap.parse("claim a: A.\nclaim b: B.\nr: a supports b\nr supports b\n")
    (d,) = [d for d in argmap.check(m) if d.code == "E204"]
    back = pickle.loads(pickle.dumps(d))
    assert back == d and back.localized("de").message == d.localized("de").message


def test_message_and_hint_may_be_phrases():
    """error() takes a hint (or message) built as a phrase, and says it in German."""
    from argmap.diagnostics import error

    d = error("E201", "unknown claim `{id}`", None, phrase("did you mean `{guess}`?", guess="invest"), id="invst")
    assert (d.message, d.hint) == ("unknown claim `invst`", "did you mean `invest`?")
    assert d.localized("de").hint == "meintest du `invest`?"
    assert templates_of(d) == ["unknown claim `{id}`", "did you mean `{guess}`?"]


def test_phrase_helpers():
    """listing() and joined() say their connecting words in the language asked for."""
    assert str(listing(["`a`", "`b`", "`c`"])) == "`a`, `b` and `c`"
    assert listing(["`a`", "`b`"]).say("de") == "`a` und `b`"
    assert listing(["`a`"]) == "`a`"
    assert joined(", which is part of ", ["`x`", "`y`", "`z`"]).say("de") == "`x`, die wiederum Teil ist von `y`, die wiederum Teil ist von `z`"
    assert translate("{what} with this id", "de", {"what": phrase("a group")}) == "eine Gruppe with this id"


@pytest.mark.parametrize(
    "given,expected", [("de_DE.UTF-8", "de"), ("de-AT", "de"), ("DE", "de"), ("en_US", "en"), ("fr", "en"), (None, "en")]
)
def test_normalize(given, expected):
    """Locale names are cut to a language argmap speaks; others fall back to English."""
    assert normalize(given) == expected


def test_argparse_complaints_in_german(capsys):
    """argparse's own complaints (a missing FILE, an invalid choice) are said in German too."""
    code, _, _ = run("--lang", "de", "check")
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("Aufruf: argmap check")
    assert err.endswith("argmap check: Fehler: diese Argumente fehlen: FILE\n")
    code, _, _ = run("--lang", "de", "check", "x.argmap", "--format", "xml")
    assert "Fehler: Argument --format: ungültige Wahl: 'xml' (möglich sind 'text', 'json')" in capsys.readouterr().err


def test_a_translation_with_wrong_fields_falls_back_to_english(monkeypatch):
    """A catalog entry whose fields do not match (a broken .mo) gives the English, not a traceback."""
    import gettext

    class Broken(gettext.NullTranslations):
        def gettext(self, message):
            return "kaputt {nonsense}"

    monkeypatch.setattr("argmap._i18n.translator", lambda lang: Broken())
    assert translate("unknown claim `{id}`", "de", {"id": "x"}) == "unknown claim `x`"


def _untranslatable_calls() -> list[str]:
    """Calls that hand an f-string to a function whose text the catalog must know
    (error/warning/info's message or hint, _(), phrase(), translate(), N_(),
    argparse's help= and description=)."""
    import ast

    positions = {
        "error": (1, 3), "warning": (1, 3), "info": (1, 3), "_": (0,), "N_": (0,), "phrase": (0,), "translate": (0,),
        # the helpers of argmap.syntax.assemble that pass their texts on to error()
        "err": (1, 3), "misplaced": (2,), "indent_error": (1,),
    }
    found = []
    for path in sorted((ROOT / "argmap").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            texts = [node.args[i] for i in positions.get(name, ()) if i < len(node.args)]
            texts += [kw.value for kw in node.keywords if kw.arg in ("message", "hint") and name in positions]
            texts += [kw.value for kw in node.keywords if kw.arg in ("help", "description")]  # argparse
            if any(isinstance(t, ast.JoinedStr) for t in texts):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}(f\"...\")")
    return found


def test_no_f_string_is_given_as_a_message():
    """Messages are templates with named fields, never f-strings (which no catalog can hold)."""
    assert _untranslatable_calls() == []
