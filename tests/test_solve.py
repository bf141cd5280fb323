"""`argmap solve`: ICCMA task names and output, checked against brute force from the definitions."""

from __future__ import annotations

import io
import itertools
import random
import sys
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.formats.iccma import write_apx, write_i23

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main(["solve", *map(str, args)], out, err)
    return code, out.getvalue(), err.getvalue()


def small_framework(n: int, seed: int):
    rng = random.Random(seed)
    names = [str(i) for i in range(1, n + 1)]
    attacks = sorted({(rng.choice(names), rng.choice(names)) for _ in range(round(n * 1.5))})
    return names, attacks


def brute_force(names, attacks) -> dict[str, list[frozenset[str]]]:
    """Complete, preferred, stable and grounded extensions from the definitions."""
    attackers = {a: {x for x, y in attacks if y == a} for a in names}
    complete, stable = [], []
    for k in range(len(names) + 1):
        for members in itertools.combinations(names, k):
            s = frozenset(members)
            if any((x, y) in set(attacks) for x in s for y in s):
                continue
            defeated = {y for x, y in attacks if x in s}
            defended = {a for a in names if attackers[a] <= defeated}
            if defended == s:
                complete.append(s)
                if defeated == set(names) - s:
                    stable.append(s)
    preferred = [s for s in complete if not any(s < t for t in complete)]
    grounded = [min(complete, key=len)]
    return {"CO": complete, "PR": preferred, "ST": stable, "GR": grounded}


def witness(line: str) -> frozenset[str]:
    assert line.split()[0] == "w"
    return frozenset(line.split()[1:])


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("sem", ["CO", "PR", "ST", "GR"])
def test_answers_match_brute_force(sem, seed, tmp_path):
    """SE, EE, CE, DC and DS on an i23 file give the extensions and answers the definitions give."""
    names, attacks = small_framework(7, seed)
    path = tmp_path / "af.i23"
    path.write_text(write_i23(names, attacks, names=False), "utf-8")
    extensions = brute_force(names, attacks)[sem]

    code, out, _ = run("-p", f"SE-{sem}", "-f", path)
    assert code == 0
    assert out == "NO\n" if not extensions else witness(out.strip()) in extensions

    code, out, _ = run("-p", f"EE-{sem}", "-f", path)
    found = [] if out == "NO\n" else [witness(line) for line in out.splitlines()]
    assert sorted(map(sorted, found)) == sorted(map(sorted, extensions))

    assert run("-p", f"CE-{sem}", "-f", path)[1] == f"{len(extensions)}\n"

    for a in names:
        code, out, _ = run("-p", f"DC-{sem}", "-f", path, "-a", a)
        lines = out.splitlines()
        assert lines[0] == ("YES" if any(a in e for e in extensions) else "NO")
        if lines[0] == "YES":
            assert a in witness(lines[1]) and witness(lines[1]) in extensions
        code, out, _ = run("-p", f"DS-{sem}", "-f", path, "-a", a)
        lines = out.splitlines()
        assert lines[0] == ("YES" if all(a in e for e in extensions) else "NO")
        if lines[0] == "NO":
            assert a not in witness(lines[1]) and witness(lines[1]) in extensions


def test_answers_on_the_i23_files_the_benchmark_writes(tmp_path):
    """The benchmark's generator writes i23 files that `argmap solve` answers as the Python API does."""
    from bench_solve import random_framework

    from argmap.formats.iccma import read_i23
    from argmap.semantics import Framework, credulous, some_extension

    names, attacks = random_framework(60, 2.0, 5)
    path = tmp_path / "bench.i23"
    path.write_text(write_i23(names, attacks, names=False), "utf-8")
    af, diagnostics = read_i23(path.read_text("utf-8"))
    assert diagnostics == [] and len(af) == 60
    fw = Framework(af.ids, [(af.ids[a], af.ids[b]) for a, b in af.attacks])
    for a in names[:10]:
        out = run("-p", "DC-PR", "-f", path, "-a", a)[1].splitlines()
        assert out[0] == ("YES" if credulous(fw, "preferred", a).accepted else "NO")
    out = run("-p", "SE-GR", "-f", path)[1]
    assert witness(out.strip()) == some_extension(fw, "grounded")


def test_apx_answers_use_the_files_names(tmp_path):
    """For apx files, answers and -a use the argument names, quoted where ASP quotes them."""
    path = tmp_path / "af.apx"
    path.write_text(write_apx(["a", "ärger", "b"], [("a", "ärger"), ("ärger", "a"), ("ärger", "b")]), "utf-8")
    code, out, _ = run("-p", "DC-PR", "-f", path, "-a", '"ärger"')
    assert code == 0 and out == 'YES\nw "ärger"\n'
    assert run("-p", "DC-PR", "-f", path, "-a", "ärger")[1] == out
    assert sorted(run("-p", "EE-ST", "-f", path)[1].splitlines()) == ['w "ärger"', "w a b"]


def test_no_stable_extension(tmp_path):
    """SE-ST prints NO when there is no stable extension; DS-ST is then YES (ICCMA's rule)."""
    path = tmp_path / "odd.i23"
    path.write_text("p af 3\n1 2\n2 3\n3 1\n", "utf-8")
    assert run("-p", "SE-ST", "-f", path) == (0, "NO\n", "")
    assert run("-p", "EE-ST", "-f", path)[1] == "NO\n"
    assert run("-p", "DS-ST", "-f", path, "-a", 1)[1] == "YES\n"
    assert run("-p", "SE-GR", "-f", path)[1] == "w\n"


def test_argmap_maps_and_tgf(tmp_path):
    """Maps and tgf files are solved too, answers naming ids and node ids."""
    path = tmp_path / "m.argmap"
    path.write_text("claim a: A.\nclaim b: B.\nclaim c: C.\na rebuts b\nb rebuts c\n", "utf-8")
    assert run("-p", "SE-PR", "-f", path)[1] == "w a c\n"
    assert run("-p", "DS-CO", "-f", path, "-a", "b")[1] == "NO\nw a c\n"
    tgf = tmp_path / "g.tgf"
    tgf.write_text("n1 a\nn2 b\n#\nn1 n2\n", "utf-8")
    assert run("-p", "SE-GR", "-f", tgf)[1] == "w n1\n"


def test_problems_lists_iccma_tasks():
    """--problems lists ICCMA 2023's task names among argmap's."""
    code, out, _ = run("--problems")
    tasks = out.strip().strip("[]").split(",")
    assert code == 0
    for task in ("DC-CO", "DS-PR", "SE-ST", "DC-SST", "DS-STG", "SE-ID", "EE-PR", "CE-ST", "SE-GR"):
        assert task in tasks


@pytest.mark.parametrize(
    "args,needle",
    [
        (["-p", "XX-PR"], "unknown task"),
        (["-p", "DC-ZZ"], "unknown task"),
        (["-p", "DC-PR"], "needs an argument"),
        (["-p", "DC-PR", "-a", "9"], "is not an argument"),
        (["-p", "SE-PR", "--timeout", "0"], "--timeout"),
        ([], "give a task and a file"),
    ],
)
def test_usage_errors_exit_2(args, needle, tmp_path):
    """A wrong task, a missing or unknown argument and a bad timeout exit 2 with one line."""
    path = tmp_path / "af.i23"
    path.write_text("p af 2\n1 2\n", "utf-8")
    code, out, err = run(*args, *(["-f", path] if args else []))
    assert code == 2 and out == "" and needle in err


def test_bad_file_exits_1_with_its_diagnostics(tmp_path):
    """A file with errors is not solved: its diagnostics (line, caret, hint), exit 1."""
    path = tmp_path / "af.i23"
    path.write_text("p af 2\n1 5\n", "utf-8")
    code, out, err = run("-p", "SE-PR", "-f", path)
    assert code == 1 and out == ""
    assert "af.i23:2:3: error[E201]" in err and "hint:" in err
    assert run("-p", "SE-PR", "-f", tmp_path / "missing.i23")[0] == 1


def test_explain_prints_the_justification(tmp_path):
    """--explain adds the justification of a DC answer as JSON after the ICCMA lines."""
    import json

    path = tmp_path / "af.i23"
    path.write_text("p af 3\n1 2\n2 3\n", "utf-8")
    code, out, _ = run("-p", "DC-GR", "-f", path, "-a", "3", "--explain")
    lines = out.splitlines()
    assert code == 0 and lines[:2] == ["YES", "w 1 3"]
    explained = json.loads("\n".join(lines[2:]))
    assert explained["accepted"] is True and explained["justification"]["label"] == "in"


def test_the_examples_of_docs_solver_md(tmp_path, monkeypatch):
    """Every `argmap solve` example in docs/solver.md prints what the page shows (EE in any order)."""
    import re
    import shlex

    doc = (Path(__file__).resolve().parent.parent / "docs" / "solver.md").read_text("utf-8")
    (tmp_path / "handy.i23").write_text(re.search(r"```i23\n(.*?)```", doc, re.S).group(1), "utf-8")
    monkeypatch.chdir(tmp_path)
    examples = re.findall(r"^\$ argmap solve (.*handy\.i23.*)\n((?:[^$`].*\n)*)", doc, re.M)
    assert len(examples) >= 5
    for command, shown in examples:
        code, out, _ = run(*shlex.split(command))
        assert code == 0
        assert sorted(out.splitlines()) == sorted(shown.splitlines()), command


def test_timeout_exits_124(tmp_path):
    """--timeout stops a task that cannot finish (3^40 complete extensions) with exit code 124 and one line."""
    path = tmp_path / "pairs.i23"
    pairs = "".join(f"{2 * i + 1} {2 * i + 2}\n{2 * i + 2} {2 * i + 1}\n" for i in range(40))
    path.write_text(f"p af 80\n{pairs}", "utf-8")
    code, out, err = run("-p", "EE-CO", "-f", path, "--timeout", "0.5")
    assert code == 124
    assert "--timeout" in err and out.count("\n") >= 1


def test_timeout_covers_reading_the_file(tmp_path, monkeypatch):
    """--timeout counts from the command's start: a read that does not end is stopped by the
    alarm (exit 124, the elapsed time said), and the previous SIGALRM handler comes back."""
    import signal
    import time

    from argmap.cli import solve

    def endless(name, fmt, err):
        stop = time.monotonic() + 20
        while time.monotonic() < stop:
            time.sleep(0.01)
        return None

    monkeypatch.setattr(solve, "_read", endless)
    before = signal.getsignal(signal.SIGALRM)
    path = tmp_path / "a.i23"
    path.write_text("p af 1\n", "utf-8")
    code, out, err = run("-p", "SE-PR", "-f", path, "--timeout", "0.2")
    assert code == 124
    assert "stopped after" in err and out == ""
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_limit_stops_the_enumeration_and_says_so(tmp_path):
    """EE --limit N prints N extensions and says on stderr when there are more; none said when all fit."""
    path = tmp_path / "pairs.i23"
    pairs = "".join(f"{2 * i + 1} {2 * i + 2}\n{2 * i + 2} {2 * i + 1}\n" for i in range(3))
    path.write_text(f"p af 6\n{pairs}", "utf-8")  # 8 preferred extensions
    code, out, err = run("-p", "EE-PR", "-f", path, "--limit", "3")
    assert code == 0 and len(out.splitlines()) == 3 and "--limit 3" in err
    code, out, err = run("-p", "EE-PR", "-f", path, "--limit", "8")
    assert code == 0 and len(set(out.splitlines())) == 8 and err == ""
    assert run("-p", "EE-PR", "-f", path, "--limit", "0")[0] == 2
