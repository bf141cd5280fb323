"""Where the tests find the five seed texts that the bundled examples quote.

The texts are press articles, so the repository does not contain them. When
they lie beside it (``../shared/seeds``) the tests add that folder to
``ARGMAP_TEXTS``, so every example's quotes are verified; on a clone alone in
its folder, the tests that need the texts are skipped and say why
(``ARGMAP_REQUIRE_SEEDS=1``, set by CI, makes that a failure instead).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_NAMES = (
    "000_985ac5563901b3ca.txt",
    "001_0c1b18974cf519ba.txt",
    "002_c31daa0485b6ed84.txt",
    "003_cff845d31a5bb275.txt",
    "004_ef3c1178bf048dc4.txt",
)
_BESIDE = ROOT.parent / "shared" / "seeds"

# The tests expect argmap's messages in English, the language of the code:
# a machine with a German locale would otherwise get them in German (tests
# of the German catalog ask for it with --lang de or their own environment).
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)

if _BESIDE.is_dir():
    _folders = [p for p in os.environ.get("ARGMAP_TEXTS", "").split(os.pathsep) if p]
    os.environ["ARGMAP_TEXTS"] = os.pathsep.join([str(_BESIDE), *_folders])


def _seed_folder() -> Path | None:
    """The first folder of ARGMAP_TEXTS that holds all five seed texts."""
    for folder in os.environ.get("ARGMAP_TEXTS", "").split(os.pathsep):
        if folder and all((Path(folder) / name).is_file() for name in SEED_NAMES):
            return Path(folder)
    return None


SEEDS = _seed_folder()
WHY_SKIPPED = (
    "the seed texts are not here: put them in ../shared/seeds beside the repository,"
    " or name their folder in ARGMAP_TEXTS"
)


@pytest.fixture
def seeds() -> Path:
    """The folder of the five seed texts; the test is skipped when they cannot be found."""
    if SEEDS is None:
        if os.environ.get("ARGMAP_REQUIRE_SEEDS"):
            pytest.fail(WHY_SKIPPED)
        pytest.skip(WHY_SKIPPED)
    return SEEDS
