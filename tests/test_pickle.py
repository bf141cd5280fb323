"""Every exception argmap raises survives pickling with its data, so worker processes can report it."""

from __future__ import annotations

import importlib
import inspect
import multiprocessing
import pickle
import pkgutil

import pytest

import argmap
from argmap._meaning import MapError
from argmap.cli.common import UsageError
from argmap.diagnostics import ParseError
from argmap.render.options import ViewError
from argmap.render.output import GraphvizNotFound, RenderFailed
from argmap.semantics import TooManyAttacks, TooManyExtensions

GOOD = "claim a: Rain.\nclaim b: Wet streets.\na supports b\n"
BAD = "claim a: Rain.\na suports b\nb rebuts\n"


def exception_classes() -> dict[str, type[BaseException]]:
    """Every public exception class defined in argmap's modules, by qualified name."""
    found = {}
    for info in pkgutil.walk_packages(argmap.__path__, "argmap."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if (
                isinstance(obj, type)
                and issubclass(obj, Exception)
                and obj.__module__.startswith("argmap")
                and not obj.__name__.startswith("_")
            ):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return found


def parse_error() -> ParseError:
    try:
        argmap.parse(BAD, "bad.argmap")
    except ParseError as exc:
        return exc
    raise AssertionError("BAD parsed")


#: An instance of each exception with all its data given; the others are made with "x" for each argument.
SAMPLES = {
    ParseError: parse_error,
    MapError: lambda: MapError(parse_error().diagnostics, "evaluate", BAD),
    TooManyExtensions: lambda: TooManyExtensions("preferred", 200),
    TooManyAttacks: lambda: TooManyAttacks("deductive", 1000),
    RenderFailed: lambda: RenderFailed("dot failed", stderr="Error: syntax error in line 3"),
    GraphvizNotFound: lambda: GraphvizNotFound(),
    ViewError: lambda: ViewError("no claim `x`", name="x"),
    UsageError: lambda: UsageError("no position `p`"),
}


def sample(cls: type[BaseException]) -> BaseException:
    if cls in SAMPLES:
        return SAMPLES[cls]()
    try:
        parameters = inspect.signature(cls).parameters.values()
    except ValueError:  # the constructor of Exception itself: takes any arguments
        parameters = [inspect.Parameter("message", inspect.Parameter.POSITIONAL_ONLY)]
    required = [
        p for p in parameters if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    try:
        return cls(*["x"] * len(required))
    except Exception as exc:  # pragma: no cover - tells the author of a new exception what to do
        pytest.fail(f"cannot make a {cls.__name__} with plain arguments ({exc}): add a sample to SAMPLES")


def same(a: BaseException, b: BaseException) -> bool:
    return type(a) is type(b) and a.args == b.args and str(a) == str(b) and vars(a) == vars(b)


CLASSES = exception_classes()


def test_the_known_exceptions_are_found():
    """The search for exception classes finds at least the ones of the public modules."""
    assert set(SAMPLES) <= set(CLASSES.values())


@pytest.mark.parametrize("cls", list(CLASSES.values()), ids=list(CLASSES))
def test_pickle_round_trip(cls):
    """An exception pickled and unpickled is equal in type, message and data."""
    exc = sample(cls)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        copy = pickle.loads(pickle.dumps(exc, protocol))
        assert same(copy, exc)


def test_parse_error_keeps_its_diagnostics_and_text():
    """A ParseError unpickled has every diagnostic, the text, the message and added notes."""
    exc = parse_error()
    exc.add_note("while reading the class's maps")
    copy = pickle.loads(pickle.dumps(exc))
    assert copy.diagnostics == exc.diagnostics and len(copy.diagnostics) == 2
    assert copy.text == BAD and str(copy) == str(exc)
    assert copy.__notes__ == ["while reading the class's maps"]


def test_too_many_extensions_keeps_its_data():
    """TooManyExtensions unpickled still says which semantics and which limit."""
    copy = pickle.loads(pickle.dumps(TooManyExtensions("stable", 5)))
    assert (copy.semantics, copy.limit, str(copy)) == ("stable", 5, str(TooManyExtensions("stable", 5)))


def reraise(exc: BaseException):
    """Run in a worker: raise what the parent sent."""
    raise exc


@pytest.fixture(scope="module")
def pool():
    # spawn: a fresh interpreter, as on macOS and Windows; nothing is inherited by forking.
    with multiprocessing.get_context("spawn").Pool(2) as workers:
        yield workers


def test_a_pool_maps_parse_over_good_and_bad_texts(pool):
    """Pool.map(argmap.parse) returns the maps, or raises the ParseError of the bad text: it never hangs."""
    assert pool.map_async(argmap.parse, [GOOD, GOOD]).get(timeout=120) == [argmap.parse(GOOD)] * 2
    with pytest.raises(ParseError) as info:
        pool.map_async(argmap.parse, [GOOD, BAD, GOOD]).get(timeout=120)
    assert info.value.text == BAD
    assert [d.code for d in info.value.diagnostics] == [d.code for d in parse_error().diagnostics]


def test_each_result_of_a_pool(pool):
    """Run one by one, each good text gives its map and the bad one its ParseError."""
    results = [pool.apply_async(argmap.parse, (text,)) for text in (GOOD, BAD)]
    assert results[0].get(timeout=120) == argmap.parse(GOOD)
    with pytest.raises(ParseError):
        results[1].get(timeout=120)


@pytest.mark.parametrize("cls", list(CLASSES.values()), ids=list(CLASSES))
def test_every_exception_crosses_a_process_boundary(cls, pool):
    """Each exception, raised in a worker, reaches the parent whole."""
    exc = sample(cls)
    with pytest.raises(cls) as info:
        pool.apply_async(reraise, (exc,)).get(timeout=120)
    assert same(info.value, exc)
