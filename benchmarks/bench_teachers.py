"""How long the teacher's path takes on the computer: every argmap command
docs/teachers.md shows, run as a teacher runs it (a new process each,
German messages), on the guide's map; or, with a map named on the command
line, the same path on that map (check, A4 print, worksheet, slides, essay
plan, an explanation of the thesis, evaluation).

    .venv/bin/python benchmarks/bench_teachers.py
    .venv/bin/python benchmarks/bench_teachers.py MAP.argmap [TEXTS_DIR]

The time of each command includes starting Python and loading argmap, as a
teacher waits for it. The guide's map finds its text when ../shared/seeds
lies beside the repository. The figures are in docs/teachers.md ("Der
Probelauf").
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "teachers.md"
EXAMPLE = ROOT / "examples" / "erste_karte_gastbeitrag.argmap"
SEEDS = ROOT.parent / "shared" / "seeds"


def guide_commands() -> list[list[str]]:
    """The argmap commands of the guide's shell blocks, as argument lists."""
    text = GUIDE.read_text("utf-8")
    lines = [line.strip() for b in re.findall(r"```sh\n(.*?)```", text, re.S) for line in b.splitlines()]
    return [shlex.split(line)[1:] for line in lines if line.startswith(".venv/bin/argmap ")]


def path_for(map_name: str, thesis: str) -> list[list[str]]:
    """The teacher's path on any map."""
    return [
        ["check", map_name],
        ["render", map_name, "--paper", "a4", "-o", "karte.pdf"],
        ["worksheet", map_name, "--keep", thesis, "-o", "arbeitsblatt.pdf"],
        ["steps", map_name, "-o", "folien.pdf"],
        ["outline", map_name, "-o", "gliederung.md"],
        ["explain", map_name, thesis],
        ["evaluate", map_name],
    ]


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    env = {**os.environ, "LANG": "de_DE.UTF-8"}
    env.pop("LC_ALL", None)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "argmap", *command], cwd=cwd, env=env, capture_output=True, check=False
    )
    return time.perf_counter() - start, done.returncode


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    import argmap
    from argmap.sheets._order import main_claims

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if argv:
            source = Path(argv[0]).resolve()
            folder = work / "meine_karten"
            folder.mkdir()
            shutil.copy(source, folder / "karte.argmap")
            texts = Path(argv[1]) if len(argv) > 1 else source.parent
            for name in {s.file for s in argmap.load(source).sources if s.file}:
                if (texts / name).is_file():
                    shutil.copy(texts / name, folder)
            thesis = main_claims(argmap.load(source))[0]
            commands = path_for("meine_karten/karte.argmap", thesis)
            what = source.name
        else:
            (work / "meine_karten").mkdir()
            shutil.copy(EXAMPLE, work / "meine_karten" / "karte.argmap")
            if SEEDS.is_dir():
                shutil.copy(SEEDS / "004_ef3c1178bf048dc4.txt", work / "meine_karten")
            (work / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
            commands = guide_commands()
            what = "the commands of docs/teachers.md"
        print(f"{what}: one run each, a new process each (German messages)")
        total = 0.0
        for command in commands:
            seconds, code = timed(command, work)
            total += seconds
            print(f"  {seconds:5.1f} s  exit {code}  argmap {shlex.join(command)}")
        print(f"  {total:5.1f} s  altogether")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
