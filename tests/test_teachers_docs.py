"""docs/teachers.md and its English version show what argmap really does:
their map is the bundled example, every command they show runs, and every
message, plan and explanation they quote is argmap's real output."""

from __future__ import annotations

import io
import re
import shlex
import shutil
from pathlib import Path

import pytest

import argmap
from argmap.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
TEXT = "004_ef3c1178bf048dc4.txt"

#: A mistake: (what the map has, what the mistake puts there), or
#: ("text", encoding): the source text saved in that encoding instead of UTF-8.
GUIDES = {
    "de": {
        "doc": ROOT / "docs" / "teachers.md",
        "example": ROOT / "examples" / "erste_karte_gastbeitrag.argmap",
        "map": "meine_karten/karte.argmap",
        "position": "gastbeitrag",
        "pictures": "img/teachers_",
        # The mistakes the guide shows, in its order.
        "mistakes": [
            ("claim kein_rennen:", "Behauptung kein_rennen:"),
            ("claim geld_zu_us:", "claim geld-zu-us:"),
            ("claim kein_rennen:", "claim kein rennen:"),
            ("  + geld_zu_us + nur_us", "  + geld_zu_us + nur_usa"),
            ("    - heisse_luft", "     - heisse_luft"),
            ("KI-Blase hin.\n", "KI-Blase hin. # stärkster Grund\n"),
            ('quote: "primär an Nvidia"', 'quote: "vor allem an Nvidia"'),
            ("text", "cp1252"),
            ("file: 004_", "file: ../shared/seeds/004_"),
            ("    basis: example", "    basis: Umfrage"),
            ("    - heisse_luft", "    ~ heisse_luft"),
            ("accepts kein_rennen,", "accepts kein_rennen, rueckstand,"),
            (", heisse_luft\n", "\n"),
            ("US-Konzernen.\n", "US-Konzernen.\nclaim strom: Rechenzentren brauchen sehr viel Strom.\n"),
        ],
    },
    "en": {
        "doc": ROOT / "docs" / "teachers.en.md",
        "example": ROOT / "examples" / "first_map_oped.argmap",
        "map": "my_maps/map.argmap",
        "position": "oped",
        "pictures": "img/teachers_en_",
        "mistakes": [
            ("claim no_race:", "Claim no_race:"),
            ("claim money_to_us:", "claim money-to-us:"),
            ("claim no_race:", "claim no race:"),
            ("  + money_to_us + us_only", "  + money_to_us + us_onyl"),
            ("    - hot_air", "     - hot_air"),
            ("AI bubble.\n", "AI bubble. # strongest reason\n"),
            ('quote: "primär an Nvidia"', 'quote: "vor allem an Nvidia"'),
            ("text", "cp1252"),
            ("file: 004_", "file: ../shared/seeds/004_"),
            ("    basis: example", "    basis: survey"),
            ("    - hot_air", "    ~ hot_air"),
            ("accepts no_race,", "accepts no_race, gap,"),
            (", hot_air\n", "\n"),
            ("US companies.\n", "US companies.\nclaim power: Data centres need a lot of power.\n"),
        ],
    },
}

#: The commands a guide may show.
COMMANDS = {"check", "render", "worksheet", "steps", "outline", "explain", "evaluate", "compare"}
A4 = (595, 842)


def blocks(text: str, kind: str) -> list[str]:
    """The contents of the guide's fenced blocks of this kind (also indented ones, in lists)."""
    found = re.findall(rf"^( *)```{kind}\n(.*?)^ *```", text, re.S | re.M)
    return [re.sub(rf"^{indent}", "", body, flags=re.M) for indent, body in found]


def guide_commands(text: str) -> list[list[str]]:
    """The argmap commands of the guide's shell blocks, as argument lists."""
    return [
        shlex.split(line)[1:]
        for b in blocks(text, "sh")
        for line in b.splitlines()
        if line.startswith(".venv/bin/argmap ") and not line.startswith(".venv/bin/argmap serve")  # runs until Ctrl+C: tests/test_serve.py
    ]


@pytest.fixture
def workspace(tmp_path, monkeypatch, seeds):
    """A folder laid out like a clone: the repository (its examples) with shared/seeds
    beside it, and no other folder of texts (the guide's map must find its text by itself)."""
    repo = tmp_path / "argmap"
    repo.mkdir()
    (repo / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "seeds").symlink_to(seeds, target_is_directory=True)
    monkeypatch.delenv("ARGMAP_TEXTS", raising=False)
    monkeypatch.chdir(repo)
    return repo


def run_setup(text: str) -> None:
    """Run the guide's `mkdir` and `cp` commands (step 2), as a teacher would."""
    for b in blocks(text, "sh"):
        for line in b.splitlines():
            command = shlex.split(line)
            if command and command[0] == "mkdir":
                parents = "-p" in command
                for folder in (c for c in command[1:] if c != "-p"):
                    Path(folder).mkdir(parents=parents, exist_ok=parents)
            elif command and command[0] == "cp":
                shutil.copy(command[1], command[2])


def run(lang: str, *args: str) -> tuple[int, str]:
    """argmap's exit code and everything it prints, in the guide's language."""
    out, err = io.StringIO(), io.StringIO()
    code = main(["--lang", lang, *args], out, err)
    return code, out.getvalue() + err.getvalue()


def check_output(map_name: str, lang: str, *options: str) -> str:
    return run(lang, "check", *options, map_name)[1]


def apply_mistake(path: Path, original: str, mistake: tuple[str, str]) -> list[str]:
    """Put the mistake into the map (or its text); the options `check` needs to show it."""
    old, new = mistake
    if old == "text":
        text = path.parent / TEXT
        text.write_bytes(text.read_text("utf-8").encode(new, "replace"))
        return ["-v"]
    assert old in original, old
    path.write_text(original.replace(old, new, 1), "utf-8")
    return []


def prepare(lang: str) -> tuple[dict, str, Path, str]:
    """The guide, its text, its map written as step 3 says (in the workspace)."""
    guide = GUIDES[lang]
    text = guide["doc"].read_text("utf-8")
    run_setup(text)
    path = Path(guide["map"])
    assert (path.parent / TEXT).is_file()
    original = guide["example"].read_text("utf-8")
    path.write_text(original, "utf-8")
    return guide, text, path, original


@pytest.mark.parametrize("lang", GUIDES)
def test_guide_map_is_the_bundled_example(lang):
    """The map the guide asks teachers to write is examples/ (so its pictures are regenerated)."""
    guide = GUIDES[lang]
    [source] = blocks(guide["doc"].read_text("utf-8"), "argmap")
    assert source == guide["example"].read_text("utf-8")


@pytest.mark.parametrize("lang", GUIDES)
def test_guide_commands_are_valid(lang):
    """Every argmap command in the guide is accepted by the command line, and the
    guide walks the whole path: check, A4 print, worksheet, steps, plan, explanation."""
    commands = guide_commands(GUIDES[lang]["doc"].read_text("utf-8"))
    parser = build_parser()
    used = {parser.parse_args(command).command for command in commands}
    assert used <= COMMANDS
    assert {"check", "render", "worksheet", "steps", "outline", "explain"} <= used
    assert any("--paper" in command for command in commands if command[0] == "render")


@pytest.mark.parametrize("lang", GUIDES)
def test_guide_pictures_exist(lang):
    """Every picture the guide shows is a PNG in docs/img made for the guide
    (scripts/teachers_pictures.py): the A4 print, the worksheet, its key, the slides, the evaluation."""
    text = GUIDES[lang]["doc"].read_text("utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(pictures) == 5
    for picture in pictures:
        assert picture.startswith(GUIDES[lang]["pictures"]) and picture.endswith(".png"), picture
        assert (ROOT / "docs" / picture).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", picture


@pytest.mark.dot
@pytest.mark.parametrize("lang", GUIDES)
def test_every_command_of_the_guide_runs(lang, workspace):
    """Each command the guide shows runs on the guide's map without an error, and
    what it writes is there: PDFs on A4 sheets, the plan in Markdown."""
    guide, text, path, original = prepare(lang)
    commands = guide_commands(text)
    for command in commands:
        code, printed = run(lang, *command)
        assert code == 0, (command, printed)
        assert "Traceback" not in printed
        if "-o" in command:
            written = Path(command[command.index("-o") + 1])
            assert written.is_file() and written.stat().st_size > 0, command
            if written.suffix == ".pdf":
                from pypdf import PdfReader

                for page in PdfReader(written).pages:
                    size = sorted(round(float(x)) for x in (page.mediabox.width, page.mediabox.height))
                    assert tuple(size) == A4, (command, size)


@pytest.mark.parametrize("lang", GUIDES)
def test_guide_messages_are_what_argmap_prints(lang, workspace):
    """The clean check and every mistake's message are argmap's real output, in the guide's language."""
    guide, text, path, original = prepare(lang)
    shown = blocks(text, "text")
    assert shown[0] == check_output(guide["map"], lang)

    messages = [b for b in shown if b.startswith(guide["map"] + ":") and "[" in b.splitlines()[0]]
    assert len(messages) == len(guide["mistakes"])
    for block, mistake in zip(messages, guide["mistakes"]):
        options = apply_mistake(path, original, mistake)
        real = check_output(guide["map"], lang, *options).splitlines()
        for line in block.splitlines():
            assert line in real, (mistake, line)
        path.write_text(original, "utf-8")
        shutil.copy(Path("..") / "shared" / "seeds" / TEXT, path.parent / TEXT)


@pytest.mark.parametrize("lang", GUIDES)
def test_guide_plan_and_explanations_are_what_argmap_prints(lang, workspace):
    """The start of the essay plan and each `argmap explain` answer the guide quotes are real."""
    guide, text, path, original = prepare(lang)
    shown = blocks(text, "text")
    [plan] = [b for b in shown if b.startswith("# ")]
    assert argmap.outline(argmap.load(path), position=guide["position"]).startswith(plan)

    explained = [b for b in shown if b.startswith("`")]
    assert explained
    commands = [c for c in guide_commands(text) if c[0] == "explain"]
    for block in explained:
        claim = block[1 : block.index("`", 1)]
        [command] = [c for c in commands if c[2] == claim]
        assert run(lang, *command)[1] == block


#: The guide's idea for the lesson: the dashed box, and the reason it completes.
LESSON = {
    "de": r"Kästchen (\d+) ist gestrichelt.*?damit Grund (\d+) trägt",
    "en": r"box (\d+) is dashed.*?for reason (\d+) to work",
}


@pytest.mark.dot
@pytest.mark.parametrize("lang", GUIDES)
def test_lesson_idea_names_the_right_boxes(lang):
    """The guide's idea for the lesson names the worksheet's numbers as its answer key has them:
    the dashed box is the unstated premise, and the reason is the one it works together with."""
    from pypdf import PdfReader

    guide = GUIDES[lang]
    box, reason = re.search(LESSON[lang], guide["doc"].read_text("utf-8"), re.S).groups()
    m = argmap.load(guide["example"])
    [implicit] = [c for c in m.claims if c.implicit]
    commands = guide_commands(guide["doc"].read_text("utf-8"))
    [keep] = {c[c.index("--keep") + 1] for c in commands if c[0] == "worksheet"}
    key = PdfReader(io.BytesIO(argmap.worksheet(m, keep=keep.split(",")))).pages[-1].extract_text()
    entries = {e.split(" ", 1)[0]: e for e in re.split(r"\n(?=\d+ )", key)}
    assert implicit.text in " ".join(entries[box].split())
    assert re.search(rf"\((zusammen mit|together with) {box}\)", entries[reason])
