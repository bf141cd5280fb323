"""Write the German output under each English example output in docs/diagnostics.md.

For every section ``## CODE — ...`` the example (the ``argmap`` block, run
with the ``console`` command that follows it, else with ``argmap check -v``)
is run twice, with ``--lang en`` and ``--lang de``. Each diagnostic shown in
an English ``text`` block is looked up in the English run (by its first
line) and replaced by the same diagnostic of the German run; the result is
written under the English block as::

    German (`--lang de`):

    ```text
    example.argmap:3:12: Fehler[E201]: unbekannte Aussage `invst`
    ...
    ```

An existing German block is replaced, so running it again changes nothing.
``--check`` changes nothing and exits 1 when the document is not up to date
(tests/test_i18n_doc.py runs the same comparison).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "diagnostics.md"

SECTION = re.compile(r"^## ([EWI]\d{3}) — .*?$(.*?)(?=^## |\Z)", re.M | re.S)
BLOCK = re.compile(r"```(argmap|console|text)\n(.*?)```\n", re.S)
GERMAN = "German (`--lang de`):"
GERMAN_BLOCK = re.compile(r"\n" + re.escape(GERMAN) + r"\n\n```text\n.*?```\n", re.S)
HEADER = re.compile(r"^\S.*?\[[EWI]\d{3}\]: ")


def materialize(src: str) -> bytes:
    """The bytes an example stands for (raw bytes, BOM and repeated lines spelled out)."""
    if src.startswith("<repeat "):
        n, line = src[len("<repeat ") :].split(">", 1)
        src = line * int(n)
    data = src.replace("<BOM>", "\ufeff").encode("utf-8")
    return re.sub(rb"<byte ([0-9a-f]{2})>", lambda m: bytes([int(m.group(1), 16)]), data)


def chunks(output: str) -> list[list[str]]:
    """The diagnostics in a command's output: each its first line and the indented lines after it."""
    found: list[list[str]] = []
    for line in output.splitlines():
        if HEADER.match(line):
            found.append([line])
        elif found and line.startswith(" ") and line.strip():
            found[-1].append(line)
    return found


def run(command: list[str], example: bytes | None, lang: str) -> str:
    """What ``argmap --lang LANG COMMAND`` prints (standard output and error), run in a
    fresh folder that holds the example as ``example.argmap`` beside copies of the
    documents and texts in docs/ (which the examples of source texts quote)."""
    from argmap.cli import main

    with tempfile.TemporaryDirectory() as folder:
        for entry in DOC.parent.iterdir():
            if entry.is_file() and entry.suffix in (".md", ".txt"):
                shutil.copy(entry, folder)
            elif entry.is_dir() and entry.name == "texts":
                shutil.copytree(entry, Path(folder, entry.name))
        if example is not None:
            Path(folder, "example.argmap").write_bytes(example)
        here = os.getcwd()
        # The example alone: no folders of texts from the environment (the tests add one).
        texts = os.environ.pop("ARGMAP_TEXTS", None)
        os.chdir(folder)
        try:
            out, err = io.StringIO(), io.StringIO()
            main(["--lang", lang, *command], out, err)
        finally:
            os.chdir(here)
            if texts is not None:
                os.environ["ARGMAP_TEXTS"] = texts
    return out.getvalue() + err.getvalue()


def german_for(english_block: str, english_run: str, german_run: str) -> str | None:
    """The German of the diagnostics an English block shows, or None when
    the block shows a diagnostic that the example does not give (the
    document is out of date)."""
    en, de = chunks(english_run), chunks(german_run)
    if len(en) != len(de):
        return None
    by_header = {c[0]: k for k, c in enumerate(en)}
    out = []
    for shown in chunks(english_block):
        k = by_header.get(shown[0])
        if k is None:
            return None
        out.extend(de[k][: len(shown)])
    return "\n".join(out) + "\n"


def update(doc: str) -> tuple[str, list[str]]:
    """The document with a German block under each English output block, and
    the codes whose English output no longer matches what argmap says."""
    stale: list[str] = []
    pieces: list[str] = []
    last = 0
    for section in SECTION.finditer(doc):
        code, body = section.group(1), section.group(2)
        body_start = section.start(2)
        body = GERMAN_BLOCK.sub("", body)
        new_body, pos = [], 0
        example: bytes | None = None
        command = ["check", "-v", "example.argmap"]
        runs: tuple[str, str] | None = None
        blocks = list(BLOCK.finditer(body))
        for k, block in enumerate(blocks):
            kind, text = block.group(1), block.group(2)
            if kind == "argmap":
                example = materialize(text)
                command = ["check", "-v", "example.argmap"]
                following = blocks[k + 1] if k + 1 < len(blocks) else None
                if following is not None and following.group(1) == "console":
                    command = shlex.split(following.group(2).strip().splitlines()[0].removeprefix("$ "))[1:]
                runs = None
            elif kind == "console" and example is None:
                command = shlex.split(text.strip().splitlines()[0].removeprefix("$ "))[1:]
                runs = None
            elif kind == "text":
                if runs is None:
                    runs = (run(command, example, "en"), run(command, example, "de"))
                german = german_for(text, *runs)
                new_body.append(body[pos : block.end()])
                pos = block.end()
                if german is None:
                    stale.append(code)
                else:
                    new_body.append(f"\n{GERMAN}\n\n```text\n{german}```\n")
        new_body.append(body[pos:])
        pieces.append(doc[last:body_start])
        pieces.append("".join(new_body))
        last = section.end()
    pieces.append(doc[last:])
    return "".join(pieces), stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when the document is not up to date")
    args = parser.parse_args(argv)
    doc = DOC.read_text("utf-8")
    new, stale = update(doc)
    for code in stale:
        print(f"{code}: the English output shown is not what argmap says; no German written", file=sys.stderr)
    if args.check:
        return 1 if new != doc or stale else 0
    if new != doc:
        DOC.write_text(new, "utf-8")
        print(f"{DOC.relative_to(ROOT)}: German outputs written")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
