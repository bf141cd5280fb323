"""docs/teachers.md and its English version show what argmap really does."""

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

GUIDES = {
    "de": {
        "doc": ROOT / "docs" / "teachers.md",
        "example": ROOT / "examples" / "erste_karte_gastbeitrag.argmap",
        "map": "meine_karten/karte.argmap",
        "position": "gastbeitrag",
        # The mistakes the guide shows, in its order: what is replaced by what.
        "mistakes": [
            ("  + geld_zu_us + nur_us", "  + geld_zu_us + nur_usa"),
            ("claim geld_zu_us:", "claim geld_zu_us"),
            ("claim kein_rennen:", "claim kein rennen:"),
            ('quote: "primär an Nvidia"', 'quote: "vor allem an Nvidia"'),
            ("file: 004_", "file: ../shared/seeds/004_"),
            ("    basis: example", "    basis: Umfrage"),
            ("    - heisse_luft", "    ~ heisse_luft"),
            ("accepts kein_rennen,", "accepts kein_rennen, rueckstand,"),
            ("gastbeitrag: accepts kein_rennen", "gastbeitrag: rejects blase; accepts kein_rennen"),
            (", heisse_luft\n", "\n"),
            ("US-Konzernen.\n", "US-Konzernen.\nclaim strom: Rechenzentren brauchen sehr viel Strom.\n"),
        ],
    },
    "en": {
        "doc": ROOT / "docs" / "teachers.en.md",
        "example": ROOT / "examples" / "first_map_oped.argmap",
        "map": "my_maps/map.argmap",
        "position": "oped",
        "mistakes": [
            ("  + money_to_us + us_only", "  + money_to_us + us_onyl"),
            ("claim money_to_us:", "claim money_to_us"),
            ("claim no_race:", "claim no race:"),
            ('quote: "primär an Nvidia"', 'quote: "vor allem an Nvidia"'),
            ("file: 004_", "file: ../shared/seeds/004_"),
            ("    basis: example", "    basis: survey"),
            ("    - hot_air", "    ~ hot_air"),
            ("accepts no_race,", "accepts no_race, gap,"),
            ("oped: accepts no_race", "oped: rejects bubble; accepts no_race"),
            (", hot_air\n", "\n"),
            ("US companies.\n", "US companies.\nclaim power: Data centres need a lot of power.\n"),
        ],
    },
}


def blocks(text: str, kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", text, re.S)


@pytest.fixture
def workspace(tmp_path, monkeypatch, seeds):
    """A folder laid out like a clone: the repository with shared/seeds beside it,
    and no other folder of texts (the guide's map must find its text by itself)."""
    repo = tmp_path / "argmap"
    repo.mkdir()
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
                Path(command[1]).mkdir()
            elif command and command[0] == "cp":
                shutil.copy(command[1], command[2])


def check_output(map_name: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    main(["check", map_name], out, err)
    return out.getvalue() + err.getvalue()


@pytest.mark.parametrize("lang", GUIDES)
def test_guide_map_is_the_bundled_example(lang):
    """The map the guide asks teachers to write is examples/ (so its pictures are regenerated)."""
    guide = GUIDES[lang]
    [source] = blocks(guide["doc"].read_text("utf-8"), "argmap")
    assert source == guide["example"].read_text("utf-8")


@pytest.mark.parametrize("lang", GUIDES)
def test_guide_commands_are_valid(lang):
    """Every argmap command in the guide is accepted by the command line."""
    text = GUIDES[lang]["doc"].read_text("utf-8")
    commands = [line for b in blocks(text, "sh") for line in b.splitlines() if line.startswith(".venv/bin/argmap")]
    assert len(commands) >= 5
    parser = build_parser()
    for command in commands:
        args = parser.parse_args(shlex.split(command)[1:])
        assert args.command in ("check", "render", "outline", "compare")


@pytest.mark.parametrize("lang", GUIDES)
def test_guide_pictures_exist(lang):
    """Every picture the guide shows is in docs/img."""
    text = GUIDES[lang]["doc"].read_text("utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(pictures) == 3
    for picture in pictures:
        assert (ROOT / "docs" / picture).is_file(), picture


@pytest.mark.parametrize("lang", GUIDES)
def test_guide_messages_are_what_argmap_prints(lang, workspace):
    """The clean check, every mistake's message and the essay plan are argmap's real output."""
    guide = GUIDES[lang]
    text = guide["doc"].read_text("utf-8")
    shown = [b for b in blocks(text, "text")]
    path = workspace / guide["map"]
    run_setup(text)
    assert (path.parent / "004_ef3c1178bf048dc4.txt").is_file()
    original = guide["example"].read_text("utf-8")

    path.write_text(original, "utf-8")
    assert shown[0] == check_output(guide["map"])

    messages = [b for b in shown if b.startswith(guide["map"] + ":") and "[" in b.splitlines()[0]]
    assert len(messages) == len(guide["mistakes"])
    for block, (old, new) in zip(messages, guide["mistakes"]):
        assert old in original
        path.write_text(original.replace(old, new, 1), "utf-8")
        real = check_output(guide["map"]).splitlines()
        for line in block.splitlines():
            assert line in real, (old, line)

    path.write_text(original, "utf-8")
    [plan] = [b for b in shown if b.startswith("# ")]
    real_plan = argmap.outline(argmap.load(path), position=guide["position"])
    assert real_plan.startswith(plan)
