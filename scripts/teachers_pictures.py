"""Draws the pictures of docs/teachers.md and docs/teachers.en.md.

Each picture is a page of a PDF that the guide's own commands write from the
guide's map (examples/erste_karte_gastbeitrag.argmap, examples/first_map_oped.argmap),
turned into a PNG by poppler's ``pdftoppm`` (``apt-get install poppler-utils``),
so the pictures show exactly what a teacher prints. The slides are put side by
side into one picture with Pillow. The source text, when ../shared/seeds lies
beside the repository, is copied beside the map so that the answer key names
the lines of the quotes.

    .venv/bin/python scripts/teachers_pictures.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "docs" / "img"
SEEDS = ROOT.parent / "shared" / "seeds"
ARGMAP = [sys.executable, "-m", "argmap"]

#: Per guide: its map, the language of the commands' messages, the thesis the
#: worksheet keeps, the picture names' prefix.
GUIDES = {
    "de": ("erste_karte_gastbeitrag.argmap", "kein_rennen", "teachers_"),
    "en": ("first_map_oped.argmap", "no_race", "teachers_en_"),
}

DPI = 70

#: What each guide shows, as pictures named PREFIX + NAME + ".png".
NAMES = ("karte_a4", "steht", "arbeitsblatt", "loesung", "folien")


def pictures() -> list[str]:
    """The names (under docs/img) of every picture this script draws."""
    return [f"{prefix}{name}.png" for _, _, prefix in GUIDES.values() for name in NAMES]


def pages(pdf: Path, first: int = 1, last: int | None = None, dpi: int = DPI) -> list[Path]:
    """The pages of ``pdf`` as PNG files beside it."""
    prefix = pdf.with_suffix("")
    command = ["pdftoppm", "-png", "-r", str(dpi), "-f", str(first)]
    if last is not None:
        command += ["-l", str(last)]
    subprocess.run([*command, str(pdf), str(prefix)], check=True)
    return sorted(pdf.parent.glob(prefix.name + "-*.png"))


def side_by_side(pictures: list[Path], target: Path, columns: int = 2) -> None:
    """The pictures in a grid, with a thin grey frame around each page."""
    from PIL import Image, ImageOps

    images = [ImageOps.expand(Image.open(p).convert("RGB"), border=2, fill="#999999") for p in pictures]
    width, height = images[0].size
    rows = (len(images) + columns - 1) // columns
    gap = 12
    sheet = Image.new("RGB", (columns * width + (columns - 1) * gap, rows * height + (rows - 1) * gap), "white")
    for i, image in enumerate(images):
        sheet.paste(image, ((i % columns) * (width + gap), (i // columns) * (height + gap)))
    sheet.save(target, optimize=True)


def draw(lang: str) -> list[Path]:
    example, thesis, prefix = GUIDES[lang]
    made = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copy(ROOT / "examples" / example, work / "karte.argmap")
        if SEEDS.is_dir():
            shutil.copy(SEEDS / "004_ef3c1178bf048dc4.txt", work)
        else:
            print("../shared/seeds is not beside the repository: the answer key names no lines", file=sys.stderr)

        def run(*args: str) -> Path:
            subprocess.run([*ARGMAP, "--lang", lang, *args], cwd=work, check=True, stdout=subprocess.DEVNULL)
            return work / args[args.index("-o") + 1]

        outputs = {
            "karte_a4": run("render", "karte.argmap", "--paper", "a4", "-o", "karte.pdf"),
            "steht": run("render", "karte.argmap", "--paper", "a4", "--evaluate", "grounded", "-o", "bewertet.pdf"),
            "arbeitsblatt": run("worksheet", "karte.argmap", "--keep", thesis, "-o", "arbeitsblatt.pdf"),
            "folien": run("steps", "karte.argmap", "-o", "folien.pdf"),
        }
        for name in ("karte_a4", "steht"):
            target = IMG / f"{prefix}{name}.png"
            shutil.copy(pages(outputs[name], 1, 1)[0], target)
            made.append(target)
        sheet = pages(outputs["arbeitsblatt"])
        shutil.copy(sheet[0], IMG / f"{prefix}arbeitsblatt.png")
        shutil.copy(sheet[-1], IMG / f"{prefix}loesung.png")
        made += [IMG / f"{prefix}arbeitsblatt.png", IMG / f"{prefix}loesung.png"]
        side_by_side(pages(outputs["folien"], dpi=40), IMG / f"{prefix}folien.png")
        made.append(IMG / f"{prefix}folien.png")
    return made


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: apt-get install poppler-utils", file=sys.stderr)
        return 1
    for lang in GUIDES:
        for path in draw(lang):
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
