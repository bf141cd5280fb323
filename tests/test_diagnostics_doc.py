"""Every code in docs/diagnostics.md is produced by its example, and every code argmap emits is documented."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from argmap.checks import check
from argmap.cli import main
from argmap.syntax import decode, read_text
from tests.test_i18n import load_script

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "diagnostics.md"
SECTION = re.compile(r"^## ([EWI]\d{3}) — .*?$(.*?)(?=^## |\Z)", re.M | re.S)
BLOCK = re.compile(r"```(argmap|console)\n(.*?)```", re.S)


def sections() -> list[tuple[str, str, str, str | None]]:
    """(code, kind of the first example block, its text, the console command if another block gives one)."""
    out = []
    for m in SECTION.finditer(DOC.read_text("utf-8")):
        blocks = BLOCK.findall(m.group(2))
        assert blocks, f"section {m.group(1)} has no example"
        kind, src = blocks[0]
        command = next((b for k, b in blocks[1:] if k == "console"), None) if kind == "argmap" else None
        out.append((m.group(1), kind, src, command))
    return out


#: The bytes an example stands for (raw bytes, BOM and repeated lines spelled
#: out), as scripts/diagnostics_doc.py reads them to write the German outputs.
materialize = load_script("diagnostics_doc").materialize


def codes_of(kind: str, src: str, tmp_path: Path, command_text: str | None = None) -> set[str]:
    if command_text is not None:
        # The example is the file `example.argmap` that the command reads.
        (tmp_path / "example.argmap").write_bytes(materialize(src))
        return codes_of("console", command_text, tmp_path)
    if kind == "console":
        command = src.strip().splitlines()[0].removeprefix("$ ").split()
        assert command[0] == "argmap"
        out, err = io.StringIO(), io.StringIO()
        main(command[1:] + ["--format", "json"] if command[1] == "check" else command[1:], out, err)
        return set(re.findall(r'"code": "([EWI]\d{3})"', out.getvalue())) | set(
            re.findall(r"(?:error|warning|info)\[([EWI]\d{3})\]", out.getvalue() + err.getvalue())
        )
    text, diagnostics = decode(materialize(src), str(DOC.parent / "example.argmap"))
    argument_map, more = read_text(text, str(DOC.parent / "example.argmap"))
    diagnostics += more + check(argument_map)
    return {d.code for d in diagnostics}


@pytest.mark.parametrize("code,kind,src,command", sections(), ids=[s[0] for s in sections()])
def test_documented_example_gives_its_code(code, kind, src, command, tmp_path, monkeypatch):
    """The example of each documented code produces that code (run by the command shown, if any)."""
    monkeypatch.chdir(tmp_path)
    assert code in codes_of(kind, src, tmp_path, command)


def test_every_emitted_code_is_documented():
    """Each diagnostic code written in argmap's source has a section in docs/diagnostics.md."""
    documented = {s[0] for s in sections()}
    used = set()
    for path in (ROOT / "argmap").rglob("*.py"):
        used |= set(re.findall(r'"([EWI]\d{3})"', path.read_text("utf-8")))
    assert used, "no codes found in the source"
    assert used - documented == set()


def test_codes_are_unique_by_number():
    """No two documented codes share a number (W003 and E003 cannot both exist)."""
    numbers = [s[0][1:] for s in sections()]
    assert len(numbers) == len(set(numbers))
