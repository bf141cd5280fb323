"""argmap's answers agree with clingo's (ASPARTIX-style encodings) on seeded random frameworks.

A short run of benchmarks/bench_solve.py: every semantics the benchmark
compares, SE, DC and DS, on frameworks of 30 to 100 arguments.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

pytest.importorskip("clingo")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_solve import (  # noqa: E402
    SEMANTICS,
    argmap_task,
    clingo_confirms,
    clingo_task,
    random_framework,
)

from argmap.formats.iccma import write_apx, write_i23  # noqa: E402

CASES = [(sem, seed) for sem in SEMANTICS for seed in range(5)]


@pytest.mark.parametrize("sem,seed", CASES, ids=[f"{s[0]}-{seed}" for s, seed in CASES])
def test_argmap_agrees_with_clingo(sem, seed, tmp_path):
    """SE, DC and DS answers agree with clingo's, and clingo confirms argmap's extensions and witnesses."""
    rng = random.Random(seed)
    n = rng.choice([30, 60, 100])
    names, attacks = random_framework(n, rng.choice([1.5, 2.0, 3.0]), seed)
    i23, apx = tmp_path / "af.i23", tmp_path / "af.apx"
    i23.write_text(write_i23(names, attacks, names=False), "utf-8")
    apx.write_text(write_apx(names, attacks), "utf-8")
    mine = argmap_task(sem, "SE", i23, None, 20)
    theirs = clingo_task(sem, "SE", apx, None)
    assert (mine is None) == (theirs is None)
    if mine is not None:
        assert clingo_confirms(sem, apx, mine)
    for argument in rng.sample(names, 3):
        for task in ("DC", "DS"):
            accepted, witness = argmap_task(sem, task, i23, argument, 20)
            assert accepted == clingo_task(sem, task, apx, argument)[0], (task, argument)
            if witness is not None:
                assert (argument in witness) == (task == "DC")
                assert clingo_confirms(sem, apx, witness)
