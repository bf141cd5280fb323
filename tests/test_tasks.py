"""Tests for the reasoning tasks of argmap.semantics: SE, EE, DC, DS and counting, against brute force."""

from __future__ import annotations

import pickle
import random

import pytest

import argmap
from argmap.semantics import (
    ALL_SEMANTICS,
    SUPPORT_MODES,
    Answer,
    Framework,
    SolverTimeout,
    Status,
    count_extensions,
    credulous,
    evaluate,
    framework,
    iter_extensions,
    labelling,
    sceptical,
    some_extension,
)
from argmap.semantics._tasks import _SMALL_SEMANTICS
from tests.strategies_semantics import (
    brute_extensions,
    brute_framework,
    brute_structure,
    brute_structure_extensions,
    brute_cf2_translated,
    has_odd_cycle,
    random_extended_map,
    random_framework,
    random_map,
    sorted_extensions,
)

FRAMEWORKS = 1000


def _frameworks(seed: int, count: int = FRAMEWORKS):
    rng = random.Random(seed)
    for _ in range(count):
        yield random_framework(rng)


def _brute_labelling(arguments, attacks, ext):
    out = {b for a, b in attacks if a in ext}
    return {a: "in" if a in ext else "out" if a in out else "undec" for a in arguments}


def test_random_frameworks_have_self_attacks_and_odd_cycles():
    """The random frameworks the tests draw include self-attacks and odd cycles, up to seven arguments."""
    found = list(_frameworks(1, 300))
    assert any(any(a == b for a, b in att) for _, att in found)
    assert sum(has_odd_cycle(args, att) for args, att in found) > 50
    assert max(len(args) for args, _ in found) == 7


# Every semantics by its usual path (SAT for frameworks above the threshold; grounded
# and CF2 are always pure Python), and those with a pure-Python path for small
# frameworks by that path too.
_PATHS = [(semantics, "sat") for semantics in ALL_SEMANTICS] + [
    (semantics, "small") for semantics in ALL_SEMANTICS if semantics in _SMALL_SEMANTICS
]


@pytest.mark.parametrize("semantics,path", _PATHS)
def test_every_task_matches_brute_force(semantics, path, monkeypatch):
    """On 1,000 random frameworks: EE gives exactly the extensions of the definition, SE one of
    them, count their number, DC and DS the right answer with a witness that proves it. Both
    ways: the pure-Python search for small frameworks (where it applies, the SAT solver must not
    be loaded), and SAT (the threshold set to 0, as for frameworks above it)."""
    from argmap.semantics import _sat, _tasks

    if path == "sat":
        monkeypatch.setattr(_tasks, "SMALL_ARGUMENTS", 0)
    else:
        monkeypatch.setattr(_tasks, "SMALL_DENSITY", 100)  # every framework here, dense ones too

        def no_sat(*args, **kwargs):
            raise AssertionError("a small framework went to the SAT solver")

        monkeypatch.setattr(_sat.Sat, "__init__", no_sat)
    rng = random.Random(7)
    for arguments, attacks in _frameworks(hash(semantics) % 1000):
        fw = Framework(arguments, sorted(attacks))
        expected = set(brute_extensions(arguments, attacks, cf2=semantics == "cf2")[semantics])
        found = list(iter_extensions(fw, semantics))
        assert len(found) == len(set(found)) and set(found) == expected, (semantics, arguments, attacks)
        some = some_extension(fw, semantics)
        assert (some in expected) if expected else some is None
        if semantics in ("complete", "stable", "naive", "cf2"):
            assert count_extensions(fw, semantics) == len(expected)
        a = rng.choice(arguments)
        dc = credulous(fw, semantics, a)
        assert dc.accepted == any(a in e for e in expected)
        assert (dc.witness in expected and a in dc.witness) if dc.accepted else dc.witness is None
        ds = sceptical(fw, semantics, a)
        assert ds.accepted == all(a in e for e in expected)
        assert (ds.witness in expected and a not in ds.witness) if not ds.accepted else ds.witness is None
        assert ds.vacuous == (ds.accepted and not expected)


def test_which_frameworks_take_the_pure_python_path():
    """Small sparse frameworks without auxiliary arguments, under complete, preferred, stable and
    semi-stable semantics, with few extensions; everything else goes to SAT."""
    from argmap.semantics import _tasks

    def small(fw, semantics="preferred"):
        return _tasks._small(_tasks._Run(fw, semantics, "SE", None)) is not None

    chain = [f"a{i}" for i in range(40)]
    sparse = Framework(chain, [(chain[i], chain[i + 1]) for i in range(39)])
    assert small(sparse) and small(sparse, "semi-stable") and not small(sparse, "stage")
    assert sorted(some_extension(sparse, "semi-stable")) == sorted(chain[0::2])
    dense = Framework(chain, [(a, b) for a in chain[:10] for b in chain[:10] if a != b])  # 2.25 per argument
    assert not small(dense)
    big = [f"a{i}" for i in range(_tasks.SMALL_ARGUMENTS + 1)]
    assert not small(Framework(big, [(big[i], big[i + 1]) for i in range(len(big) - 1)]))
    pairs = [f"p{i}" for i in range(14)]  # 2^7 preferred extensions: more than SMALL_EXTENSIONS
    even = Framework(pairs, [(pairs[i], pairs[i ^ 1]) for i in range(14)])
    assert not small(even) and count_extensions(even, "preferred") == 128


def test_labellings_match_the_definition():
    """labelling() gives in to the members, out to what they attack, undec to the rest."""
    for arguments, attacks in _frameworks(3, 300):
        fw = Framework(arguments, sorted(attacks))
        for ext in iter_extensions(fw, "complete"):
            assert dict(labelling(fw, ext)) == _brute_labelling(arguments, attacks, ext)


@pytest.mark.parametrize("support", SUPPORT_MODES)
def test_evaluate_matches_brute_force_for_every_semantics(support):
    """evaluate() on 300 random maps in each support mode: the extensions and statuses of the
    definitions for every semantics, and a labelling per extension."""
    rng = random.Random(11)
    for _ in range(300):
        m = random_map(rng, 7)
        arguments, attacks = brute_framework(m, support)
        expected = brute_extensions(arguments, attacks, cf2=True)
        for semantics in ALL_SEMANTICS:
            result = evaluate(m, semantics, support)
            assert result.extensions == sorted_extensions(expected[semantics]), (semantics, m)
            exts = [set(e) for e in result.extensions]
            if semantics == "grounded":  # one labelling: undecided is neither in nor out
                words = {"in": Status.ACCEPTED, "out": Status.REJECTED, "undec": Status.UNDECIDED}
                labels = _brute_labelling(arguments, attacks, exts[0])
                assert {a: words[labels[a]] for a in arguments} == dict(result.status)
                continue
            for a in result.arguments:
                inside = sum(a in e for e in exts)
                want = (
                    Status.ACCEPTED if exts and inside == len(exts)
                    else Status.REJECTED if inside == 0 else Status.UNDECIDED
                )
                assert result.status[a] is want
            for ext, lab in zip(result.extensions, result.labellings):
                assert dict(lab) == _brute_labelling(arguments, attacks, set(ext))


@pytest.mark.parametrize("support", SUPPORT_MODES)
def test_named_and_linked_attacks_follow_the_recursive_definitions(support):
    """With named and linked attacks (auxiliary arguments), every semantics but CF2 (tested
    below) gives the extensions of the definitions on recursive attacks with sets of attackers."""
    rng = random.Random(13)
    for _ in range(200):
        m = random_extended_map(rng, 8)
        elements, attacks = brute_structure(m, support)
        expected = brute_structure_extensions(elements, attacks)
        fw = framework(m, support)
        for semantics in ALL_SEMANTICS:
            if semantics == "cf2":
                continue
            result = evaluate(m, semantics, support)
            assert result.extensions == sorted_extensions(expected[semantics]), (semantics, m)
            if fw.auxiliary and result.extensions:
                a = rng.choice(result.arguments)
                assert credulous(fw, semantics, a).accepted == any(a in e for e in result.extensions)


@pytest.mark.parametrize("support", SUPPORT_MODES)
def test_cf2_with_named_and_linked_attacks(support):
    """With named and linked attacks, CF2 gives what its recursive definition gives on the
    translated framework with auxiliary arguments as gates, and every CF2 extension is a
    naive extension of the recursive reading."""
    rng = random.Random(17)
    checked = 0
    while checked < 25:
        m = random_extended_map(rng, 6)
        fw = framework(m, support)
        if not fw.auxiliary or len(fw.arguments) > 11:
            continue
        checked += 1
        expected = brute_cf2_translated(list(fw.arguments), set(fw.attacks), set(fw.auxiliary))
        result = evaluate(m, "cf2", support)
        assert result.extensions == sorted_extensions(expected), m
        elements, attacks = brute_structure(m, support)
        naive = set(brute_structure_extensions(elements, attacks)["naive"])
        assert all(frozenset(e) in naive for e in result.extensions), m


def test_cf2_on_a_circle_of_named_rebuttals():
    """Three named rebuttals in a circle: CF2 accepts any one claim, as without names."""
    m = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\nr1: a rebuts b\nr2: b rebuts c\nr3: c rebuts a\n")
    assert [tuple(x for x in e if not x.startswith("r")) for e in evaluate(m, "cf2").extensions] == [
        ("a",), ("b",), ("c",)
    ]


@pytest.mark.parametrize(
    "semantics,expected",
    [
        ("preferred", [set()]),
        ("stable", []),
        ("naive", [{"a"}, {"b"}, {"c"}]),
        ("stage", [{"a"}, {"b"}, {"c"}]),
        ("cf2", [{"a"}, {"b"}, {"c"}]),
        ("semi-stable", [set()]),
    ],
)
def test_odd_cycle(semantics, expected):
    """The odd cycle a -> b -> c -> a: CF2, naive and stage pick one argument; preferred none."""
    fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    assert sorted(map(sorted, iter_extensions(fw, semantics))) == sorted(map(sorted, expected))


def test_ideal_and_eager_differ_from_grounded():
    """a <-> b, both attack c, c attacks itself... the classic example where ideal exceeds grounded:
    a and b attack each other, b attacks itself, so a is in every preferred extension and ideal."""
    fw = Framework(["a", "b"], [("a", "b"), ("b", "a"), ("b", "b")])
    assert some_extension(fw, "grounded") == frozenset()
    assert some_extension(fw, "ideal") == frozenset({"a"})
    assert some_extension(fw, "eager") == frozenset({"a"})


def test_stable_without_extension_is_vacuously_sceptical():
    """With no stable extension, DS-ST answers YES (ICCMA's rule), DC-ST NO, SE-ST None."""
    fw = Framework(["a"], [("a", "a")])
    assert some_extension(fw, "stable") is None
    assert credulous(fw, "stable", "a") == Answer("DC", "stable", "a", False)
    answer = sceptical(fw, "stable", "a")
    assert answer.accepted and answer.vacuous and answer.witness is None


def test_answer_to_dict():
    """An answer is JSON-ready: the witness a sorted list."""
    fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
    assert sceptical(fw, "preferred", "c").to_dict() == {
        "task": "DS",
        "semantics": "preferred",
        "argument": "c",
        "accepted": False,
        "witness": ["b"],
        "vacuous": False,
    }


def test_limit_stops_the_enumeration():
    """iter_extensions and count_extensions stop at the limit."""
    pairs = 12  # 4,096 preferred extensions
    names = [f"x{i}" for i in range(2 * pairs)]
    attacks = [(names[2 * i], names[2 * i + 1]) for i in range(pairs)]
    attacks += [(b, a) for a, b in attacks]
    fw = Framework(names, attacks)
    assert len(list(iter_extensions(fw, "preferred", limit=5))) == 5
    assert count_extensions(fw, "stable", limit=100) == 100
    assert count_extensions(fw, "ideal") == 1


def test_unknown_semantics_or_argument_is_a_value_error():
    """An unknown semantics or argument raises ValueError with the choices."""
    fw = Framework(["a"], [])
    with pytest.raises(ValueError, match="unknown semantics"):
        some_extension(fw, "grounding")
    with pytest.raises(ValueError, match="unknown argument"):
        credulous(fw, "preferred", "b")


def _hard_framework(n: int, seed: int, per_argument: int = 4) -> Framework:
    rng = random.Random(seed)
    names = [f"a{i}" for i in range(n)]
    attacks = {(names[rng.randrange(n)], names[rng.randrange(n)]) for _ in range(per_argument * n)}
    return Framework(names, sorted(attacks))


def test_a_timeout_stops_a_task_and_says_so():
    """A tiny timeout on a large enumeration raises SolverTimeout with semantics, task and seconds."""
    fw = _hard_framework(3000, 1)
    with pytest.raises(SolverTimeout) as caught:
        for _ in iter_extensions(fw, "naive", timeout=0.05):
            pass
    exc = caught.value
    assert (exc.semantics, exc.task, exc.seconds) == ("naive", "EE", 0.05)
    assert "stopped after" in str(exc) and "0.05 s" in str(exc)
    assert exc.elapsed is not None and exc.elapsed >= 0.05
    assert isinstance(exc, TimeoutError)
    again = pickle.loads(pickle.dumps(exc))
    assert (again.semantics, again.task, again.seconds, again.elapsed) == ("naive", "EE", 0.05, exc.elapsed)


def test_a_timeout_message_states_the_true_elapsed_time():
    """When a task overran its limit, the message says how long it ran and the limit."""
    exc = SolverTimeout("stable", "SE", 1, 3.4)
    assert str(exc) == "SE under stable semantics stopped after 3.40 s (time limit 1 s)"
    assert str(SolverTimeout("stable", "SE", 1, 1.01)) == "SE under stable semantics stopped after 1 s"


def _expired():
    from argmap.semantics._sat import Deadline

    deadline = Deadline(1.0)
    deadline.end = deadline.start - 1  # a fake clock: the time is already up
    return deadline


def test_the_deadline_is_checked_while_the_index_and_the_encoding_are_built():
    """Building the integer index and loading the SAT encoding look at the deadline, so a
    timeout counts from the call's entry, not from the first solver call."""
    from argmap.semantics import _sat
    from argmap.semantics._sat import Deadline, Sat, Stopped
    from argmap.semantics._tasks import _Compiled

    fw = _hard_framework(3000, 1)
    with pytest.raises(Stopped):
        _Compiled.of(fw, _expired())
    problem = _Compiled.of(fw, Deadline(None)).problem
    for base in ("cf", "adm", "com", "stb"):
        with pytest.raises(Stopped):
            Sat(problem, base, _expired())
    # With a check every 1,000 clauses, loading stops in the loop, before the last clauses.
    seen = []

    class Counting(Deadline):
        def check(self):
            seen.append(1)

    original = _sat.CLAUSES_PER_CHECK
    _sat.CLAUSES_PER_CHECK = 1000
    try:
        Sat(problem, "com", Counting(5.0)).close()
    finally:
        _sat.CLAUSES_PER_CHECK = original
    assert len(seen) > 10


@pytest.mark.parametrize("semantics", ["semi-stable", "preferred", "stable", "ideal"])
def test_a_tiny_timeout_stops_before_the_solver_runs(semantics, monkeypatch):
    """With no time left at entry, every task stops while preparing: the solver is never called."""
    from argmap.semantics import _sat

    def never(self, assumptions=()):
        raise AssertionError("the solver ran after the deadline")

    monkeypatch.setattr(_sat.Sat, "solve", never)
    fw = _hard_framework(20000, 4)
    with pytest.raises(SolverTimeout) as caught:
        sceptical(fw, semantics, "a0", timeout=1e-9)
    assert caught.value.elapsed is not None


def test_a_timeout_stops_one_long_solver_call():
    """A framework where proving a preferred extension maximal is hard (2,000 arguments, 4 attacks
    each) stops with SolverTimeout: the deadline reaches inside a single SAT call."""
    with pytest.raises(SolverTimeout):
        some_extension(_hard_framework(2000, 2), "preferred", timeout=0.5)


def test_sceptical_preferred_learns_from_the_defence():
    """DS-PR with 2^21 preferred extensions that all contain the argument answers YES: the
    search learns from the argument's defence, not one extension at a time."""
    names = ["a", "b", "c", "d"] + [f"x{i}" for i in range(40)]
    attacks = [("b", "a"), ("c", "b"), ("d", "b"), ("c", "d"), ("d", "c")]  # c or d defends a
    attacks += [(f"x{2 * i}", f"x{2 * i + 1}") for i in range(20)]
    attacks += [(f"x{2 * i + 1}", f"x{2 * i}") for i in range(20)]
    fw = Framework(names, attacks)
    assert "a" not in some_extension(fw, "grounded")
    answer = sceptical(fw, "preferred", "a", timeout=30)
    assert answer.accepted and answer.witness is None
    answer = sceptical(fw, "preferred", "c", timeout=30)
    assert not answer.accepted and "d" in answer.witness


def test_large_framework_tasks_answer():
    """On 1,000 arguments with 3 attacks each the hard tasks answer, their witnesses check out."""
    fw = _hard_framework(1000, 2, 3)
    index = {a: set() for a in fw.arguments}
    for a, b in fw.attacks:
        index[b].add(a)
    ext = some_extension(fw, "preferred", timeout=60)
    assert not any(a in ext for b in ext for a in index[b])  # conflict-free
    for a in ("a1", "a2", "a3"):
        answer = credulous(fw, "semi-stable", a, timeout=60)
        if answer.accepted:
            assert a in answer.witness
        answer = sceptical(fw, "stage", a, timeout=60)
        if not answer.accepted:
            assert a not in answer.witness
