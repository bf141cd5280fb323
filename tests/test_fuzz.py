"""The fuzzing harness (benchmarks/fuzz.py): a short seeded run finds nothing, and its parts work."""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

import argmap

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from fuzzing.checks import prepare_folder, run_checks  # noqa: E402
from fuzzing.generate import GENERATORS, grammar_map, make_input  # noqa: E402
from fuzzing.minimize import minimize  # noqa: E402
from fuzzing.pool import Hang, Pool  # noqa: E402
from fuzzing.runner import Options, format_report, run  # noqa: E402


def test_short_seeded_fuzz_run_finds_no_failure():
    """2,000 generated, mutated, random and API-built inputs: no exception, hang, lost comment or changed map."""
    report = run(Options(inputs=2000, seed=2026, jobs=2, time_limit=20, timing=False, minimize_seconds=3))
    assert report.inputs == 2000
    assert set(report.generated) == set(GENERATORS)
    assert report.ran["render"] > 400, "too few inputs reached the checks on valid maps"
    assert not report.findings, format_report(report)


def test_inputs_are_a_function_of_seed_and_index():
    """The same seed and index give the same bytes, so a failure is reproduced by its numbers."""
    assert make_input(7, 123) == make_input(7, 123)
    assert make_input(7, 123) != make_input(8, 123)
    assert Counter(make_input(1, i)[0] for i in range(300)).keys() == set(GENERATORS)


def test_grammar_maps_are_mostly_free_of_errors():
    """Most generated maps are valid, so that formatting, evaluating and drawing get exercised."""
    import random

    valid = 0
    for i in range(100):
        m, diagnostics = argmap.read(grammar_map(random.Random(i)).decode("utf-8"))
        valid += not any(d.is_error for d in diagnostics + argmap.check(m))
    assert valid >= 60


def test_checks_report_a_lost_comment(tmp_path, monkeypatch):
    """A formatter that drops a comment is a failure of the comments check."""
    monkeypatch.setattr(argmap.ArgumentMap, "to_source", lambda self: "claim a: A.\n")
    outcome = run_checks(b"# keep me\nclaim a: A.\n", prepare_folder(tmp_path) / "f.argmap")
    assert "comments: fmt drops a comment" in [f.key for f in outcome.failures]


def test_checks_report_an_exception_with_where_it_was_raised(tmp_path, monkeypatch):
    """An exception in a stage is a failure keyed by the check, its type and the argmap frame."""

    def broken(m, **options):
        return {}["missing"]

    monkeypatch.setattr(argmap, "outline", broken)
    outcome = run_checks(b"claim a: A.\n", prepare_folder(tmp_path) / "f.argmap")
    keys = [f.key for f in outcome.failures if f.check == "outline"]
    assert len(keys) == 1 and keys[0].startswith("outline: KeyError at ")


def test_minimize_keeps_only_what_fails():
    """Delta debugging shrinks an input to the part that makes the test fail."""
    data = b"claim a: A.\nclaim b: B with X inside.\nclaim c: C.\n"
    assert minimize(data, lambda d: b"X" in d) == b"X"
    assert minimize(data, lambda d: False) == data


def _sleepy(task, state):
    if task == "hang":
        time.sleep(60)
    if task == "die":
        os._exit(3)
    return task * 2


def test_pool_reports_a_hang_and_goes_on():
    """A task over its time limit is a Hang; the worker is replaced and the other tasks finish."""
    with Pool(2, _sleepy) as pool:
        results = dict(pool.run(["a", "hang", "b", "c"], lambda task: 1.0, chunk=2))
    assert isinstance(results.pop("hang"), Hang)
    assert results == {"a": "aa", "b": "bb", "c": "cc"}


def test_pool_reports_a_dead_worker_and_goes_on():
    """A worker that dies (as in a crash in C code) is reported with its task; the rest still run."""
    with Pool(1, _sleepy) as pool:
        results = dict(pool.run(["a", "die", "b"], lambda task: 5.0, chunk=3))
    assert "exit code 3" in results.pop("die").reason
    assert results == {"a": "aa", "b": "bb"}


def test_growth_tells_linear_from_quadratic():
    """The scaling probes' exponent: about 1 when time doubles with size, 2 when it quadruples."""
    from fuzzing.runner import growth

    assert abs(growth([(1000, 0.1), (2000, 0.2), (4000, 0.4)]) - 1.0) < 1e-9
    assert abs(growth([(1000, 0.1), (2000, 0.4), (4000, 1.6)]) - 2.0) < 1e-9
    assert growth([(1000, 0.001), (2000, 0.002)]) is None  # too short to tell


def test_api_code_refusals_are_fine_and_round_trips_are_checked(monkeypatch):
    """Builder code: a ValueError is a refusal; a built map that does not read back is a failure."""
    from fuzzing.checks import run_api

    refused = run_api(b"b = MapBuilder()\nb.claim('a b', 'A.')\nb.claim('a', 'A.', weight=2)\n")
    assert [f for f in refused.failures if f.check in ("api", "roundtrip")] == []
    assert "roundtrip" in refused.ran
    monkeypatch.setattr(argmap.ArgumentMap, "to_source", lambda self: "claim a: Other.\n")
    changed = run_api(b"b = MapBuilder()\nb.claim('a', 'A.')\n")
    assert "roundtrip: parse(to_source(m)) != m" in [f.key for f in changed.failures]


def test_checks_compare_read_with_reading_the_file(tmp_path, monkeypatch):
    """argmap.read of the decoded text must give the map that reading the file gave."""
    real = argmap.read
    monkeypatch.setattr(argmap, "read", lambda text, name=None: real(text.replace("A.", "B."), name))
    data = b"claim a: A." + b" " * 11 + b"\n"  # 23 characters: the read comparison runs on this input
    assert len(data) % 10 == 3
    outcome = run_checks(data, prepare_folder(tmp_path) / "f.argmap")
    assert "read: argmap.read and reading the file disagree" in [f.key for f in outcome.failures]
