"""Takes the screenshots of docs/editor.md from the real page of
``argmap serve``, in the headless Chromium the end-to-end tests drive
(tests/serve_browser_support.py; Debian's chromium and chromium-driver).

The maps are the teacher guides' examples, copied as the guides name them
(meine_karten/karte.argmap, my_maps/map.argmap) into a temporary folder, with
the source text beside them when ../shared/seeds lies beside the repository (or in a folder
of ARGMAP_TEXTS).

    .venv/bin/python scripts/editor_screenshots.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.serve_browser_support import browser_missing, chromium, editor_server, node_ids  # noqa: E402

IMG = ROOT / "docs" / "img"

TEXT = "004_ef3c1178bf048dc4.txt"
#: Where the source text may be: beside the repository, or a folder of ARGMAP_TEXTS.
SEEDS = next(
    (Path(f) for f in [ROOT.parent / "shared" / "seeds", *os.environ.get("ARGMAP_TEXTS", "").split(os.pathsep)] if f and (Path(f) / TEXT).is_file()),
    ROOT.parent / "shared" / "seeds",
)

#: picture -> (browser language, example, its path as the guide names it,
#: a change made in the text (old, new), view choices)
SHOTS = {
    "editor_de.png": ("de", "erste_karte_gastbeitrag.argmap", "meine_karten/karte.argmap", None, {"evaluate": "grounded"}),
    "editor_de_fehler.png": ("de", "erste_karte_gastbeitrag.argmap", "meine_karten/karte.argmap", ("+ geld_zu_us + nur_us", "+ geld_zu_us + nur_usa"), {}),
    "editor_en.png": ("en", "first_map_oped.argmap", "my_maps/map.argmap", None, {"evaluate": "grounded", "position": "oped"}),
}


def shoot(name: str, lang: str, example: str, where: str, change, choices: dict) -> None:
    from selenium.webdriver.support.ui import Select

    path = Path(where)
    path.parent.mkdir(exist_ok=True)
    shutil.copyfile(ROOT / "examples" / example, path)
    if (SEEDS / TEXT).is_file():
        shutil.copyfile(SEEDS / TEXT, path.parent / TEXT)
    with editor_server(path, Path.cwd()) as server, chromium(lang, size=(1400, 860)) as driver:
        driver.get(server.url)
        _wait(lambda: node_ids(driver))
        if change:
            old, new = change
            text = driver.execute_script("return window.argmapEditor.text()")
            start = text.index(old)
            # As a user edits: the change goes through the editor, which redraws.
            driver.execute_script(
                "const v = window.argmapEditor.view; v.dispatch({changes: {from: arguments[0], to: arguments[1], insert: arguments[2]}});"
                "v.dispatch({selection: {anchor: arguments[0] + arguments[2].length}, scrollIntoView: true});",
                start, start + len(old), new,
            )
            _wait(lambda: driver.execute_script("return document.querySelectorAll('#messages li.error').length"))
            driver.find_element("css selector", "#messages li.error").click()  # jumps to its line
        if "evaluate" in choices:
            Select(driver.find_element("name", "evaluate")).select_by_value(choices["evaluate"])
        if "position" in choices:
            driver.find_element("css selector", f"input[name=position][value={choices['position']}]").click()
        time.sleep(1.5)  # the last redraw
        driver.save_screenshot(str(IMG / name))
    print("wrote", IMG / name)


def _wait(condition, timeout: float = 20.0):
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("the page did not get there in time")
        time.sleep(0.1)


def main() -> None:
    missing = browser_missing()
    if missing:
        raise SystemExit(f"cannot take screenshots: {missing}")
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        for name, shot in SHOTS.items():
            shoot(name, *shot)


if __name__ == "__main__":
    main()
