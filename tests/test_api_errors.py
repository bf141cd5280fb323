"""One exception family: everything argmap raises on purpose is an ArgmapError and the built-in callers expect."""

from __future__ import annotations

import pickle

import pytest

import argmap
from argmap import ArgmapError, OptionError, UnknownIdError
from argmap.semantics import Framework, credulous, justify

TEXT = "claim verbot: A.\nclaim b: B.\nclaim c: C.\nverbot supports b\nr: c rebuts b\nposition p: accepts verbot\nposition q: accepts c\n"


@pytest.fixture
def m() -> argmap.ArgumentMap:
    return argmap.parse(TEXT)


FAMILY = [
    ("ParseError", ValueError),
    ("MapError", ValueError),
    ("ModelError", ValueError),
    ("UnknownIdError", KeyError),
    ("UnknownIdError", ValueError),
    ("OptionError", ValueError),
    ("ViewError", ValueError),
    ("UnknownFormat", ValueError),
    ("SheetError", ValueError),
    ("TooManyExtensions", ValueError),
    ("TooManyAttacks", ValueError),
    ("SolverTimeout", TimeoutError),
    ("GraphvizNotFound", RuntimeError),
    ("RenderFailed", RuntimeError),
    ("PrintUnavailable", ImportError),
]


@pytest.mark.parametrize("name, builtin", FAMILY)
def test_every_error_is_an_argmap_error_and_its_builtin(name, builtin):
    """Each exported exception subclasses ArgmapError and the built-in that callers caught before."""
    cls = getattr(argmap, name)
    assert issubclass(cls, ArgmapError) and issubclass(cls, builtin)
    assert name in argmap.__all__


def test_the_option_errors_share_a_class():
    """ViewError, UnknownFormat and SheetError are OptionErrors: an option given a value it does not take."""
    for cls in (argmap.ViewError, argmap.UnknownFormat, argmap.SheetError):
        assert issubclass(cls, OptionError)


def test_every_exception_class_argmap_defines_is_in_the_family():
    """No public exception class of argmap stands outside ArgmapError."""
    import importlib
    import inspect
    import pkgutil

    outside = []
    for info in pkgutil.walk_packages(argmap.__path__, "argmap."):
        if ".cli" in info.name:  # the command line's own control flow (usage errors, stopping)
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, BaseException) and value.__module__ == info.name:
                if not name.startswith("_") and not issubclass(value, ArgmapError):
                    outside.append(f"{info.name}.{name}")
    # Private signals caught where they are raised (a quoted text argmap does not read, the SAT search's stop).
    private = ["argmap.checks._texts.PathRefused", "argmap.checks._texts.TextRefused", "argmap.semantics._sat.Stopped",
               "argmap.serve.views.Problem"]  # the editor server answers it as a message; it never reaches a caller
    assert sorted(outside) == private


@pytest.mark.parametrize("look_up", ["claim", "source", "support", "relation", "argument", "position", "group"])
def test_every_look_up_of_an_unknown_id_raises_unknown_id_error(m, look_up):
    """m.claim("x"), m.position("x"), ... raise UnknownIdError naming the kind and the id."""
    with pytest.raises(UnknownIdError) as info:
        getattr(m, look_up)("nothing")
    assert info.value.kind == look_up and info.value.id == "nothing"
    assert isinstance(info.value, KeyError) and isinstance(info.value, ValueError)
    assert f"`nothing`" in str(info.value)


def test_the_error_lists_the_ids_the_map_has(m):
    """known holds the ids of that kind, in order, and the message shows them."""
    with pytest.raises(UnknownIdError) as info:
        m.position("r")
    assert info.value.known == ("p", "q")
    assert str(info.value) == "the map has no position `r` (positions: `p`, `q`)"


@pytest.mark.parametrize(
    "call, kind",
    [
        (lambda m: argmap.outline(m, position="nobody"), "position"),
        (lambda m: argmap.outline(m, claim="nothing"), "claim"),
        (lambda m: argmap.semantics.compare_positions(m, "p", "nobody"), "position"),
        (lambda m: argmap.explain(m, "nothing"), "claim"),
        (lambda m: m.to_graphviz(positions=["nobody"]), "position"),
        (lambda m: m.to_graphviz(focus="verbt"), "claim"),
        (lambda m: m.to_graphviz(worksheet=True, keep=["nothing"]), "claim"),
        (lambda m: argmap.worksheet(m, keep=["verbt"]), "claim"),
        (lambda m: credulous(argmap.semantics.framework(m), "preferred", "nothing"), "argument"),
        (lambda m: justify(argmap.semantics.framework(m), "nothing"), "argument"),
    ],
)
def test_an_unknown_id_is_the_same_error_everywhere(m, call, kind):
    """Essay plans, comparisons, explanations, drawings, worksheets and reasoning tasks all raise
    UnknownIdError for an id the map lacks (before: KeyError, ValueError or ViewError)."""
    with pytest.raises(UnknownIdError) as info:
        call(m)
    assert info.value.kind == kind


def test_old_callers_keep_working(m):
    """Code written for the old exceptions still catches the new ones."""
    with pytest.raises(KeyError):
        m.claim("nothing")
    with pytest.raises(ValueError):
        argmap.outline(m, position="nobody")
    with pytest.raises(argmap.SheetError, match="did you mean `verbot`"):
        argmap.worksheet(m, keep=["verbt"])


@pytest.mark.parametrize(
    "call",
    [
        lambda m: argmap.evaluate(m, "prefered"),  # type: ignore[arg-type]
        lambda m: argmap.evaluate(m, support="deductiv"),  # type: ignore[arg-type]
        lambda m: argmap.evaluate(m, "dfquad", "necessary"),
        lambda m: argmap.semantics.framework(m, "necesary"),  # type: ignore[arg-type]
        lambda m: credulous(Framework(["a"], []), "prefered", "a"),  # type: ignore[arg-type]
        lambda m: argmap.dumps(m, "jsno"),  # type: ignore[arg-type]
        lambda m: m.to_graphviz(theme="dark"),  # type: ignore[arg-type]
        lambda m: argmap.render(m, "m.svg", paper="a5"),  # type: ignore[arg-type]
        lambda m: argmap.explain(m, "b", semantics="dfquad"),  # type: ignore[arg-type]
    ],
)
def test_an_option_value_it_does_not_take_is_an_option_error(m, call):
    """Unknown semantics, support modes, formats, themes and papers raise OptionError (a ValueError)."""
    with pytest.raises(OptionError):
        call(m)


def test_the_base_catches_everything_argmap_refuses(m):
    """One `except ArgmapError` covers parse errors, refused values, unknown ids and bad options."""
    calls = [
        lambda: argmap.parse("claim a A.\n"),
        lambda: argmap.Claim("a", "A.", weight=2),
        lambda: m.claim("x"),
        lambda: argmap.evaluate(argmap.read("claim a: A.\na rebuts ghost\n")[0]),
        lambda: argmap.evaluate(m, "x"),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(ArgmapError):
            call()


@pytest.mark.parametrize(
    "error",
    [
        UnknownIdError("claim", "x", ("a", "b")),
        UnknownIdError("argument", "x", message="unknown argument 'x'"),
        OptionError("unknown theme 'dark'"),
    ],
)
def test_the_new_errors_pickle_with_their_data(error):
    """They cross process boundaries (multiprocessing) with message and attributes."""
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and str(copy) == str(error)
    assert getattr(copy, "known", None) == getattr(error, "known", None)


def test_the_worksheet_error_pickles_and_translates(m):
    """The sheet's unknown id is a SheetError too: it pickles and keeps its German message."""
    with pytest.raises(UnknownIdError) as info:
        argmap.worksheet(m, keep=["verbt"])
    copy = pickle.loads(pickle.dumps(info.value))
    assert str(copy) == str(info.value) and copy.id == "verbt"
    assert "meintest du `verbot`" in copy.localized("de")
