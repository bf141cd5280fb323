"""argmap: argument maps from plain text — parse, check, evaluate, draw.

The public API is what ``__all__`` lists; every other module is private.
Each public name is imported from its module when it is first used (PEP 562),
so that ``import argmap`` stays cheap: ``argmap check`` never loads the
renderer, the semantics or Graphviz.
"""

from __future__ import annotations

# Private names: the import system binds each submodule on this module
# (``argmap.types`` would replace a global ``types``).
import importlib as _importlib
import sys as _sys
from types import ModuleType as _ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap._meaning import MapError
    from argmap.builder import MapBuilder
    from argmap.checks import check
    from argmap.diagnostics import Diagnostic, Diagnostics, ParseError, Severity, format_diagnostic
    from argmap.errors import ArgmapError, OptionError, UnknownIdError
    from argmap.explanation import Explanation, Ground, explain, grounds
    from argmap.formats.registry import UnknownFormat, dumps, load
    from argmap.model import (
        Argument,
        ArgumentMap,
        Attribute,
        Basis,
        Claim,
        Comment,
        Contradiction,
        Group,
        ModelError,
        Position,
        Rebuttal,
        Source,
        Span,
        Step,
        Support,
        Undercut,
    )
    from argmap.outline import outline
    from argmap.reading import parse, read
    from argmap.render import render
    from argmap.render.options import ViewError
    from argmap.render.output import GraphvizNotFound, RenderFailed
    from argmap.semantics import Evaluation, SolverTimeout, Status, TooManyAttacks, TooManyExtensions, evaluate
    from argmap.sheets import PrintUnavailable, SheetError, steps, worksheet

__version__ = "0.1.0"

__all__ = [
    "ArgmapError",
    "Argument",
    "ArgumentMap",
    "Attribute",
    "Basis",
    "Claim",
    "Comment",
    "Contradiction",
    "Diagnostic",
    "Diagnostics",
    "Evaluation",
    "Explanation",
    "GraphvizNotFound",
    "Ground",
    "Group",
    "MapBuilder",
    "MapError",
    "ModelError",
    "OptionError",
    "ParseError",
    "Position",
    "PrintUnavailable",
    "Rebuttal",
    "RenderFailed",
    "Severity",
    "SheetError",
    "SolverTimeout",
    "Source",
    "Span",
    "Status",
    "Step",
    "Support",
    "TooManyAttacks",
    "TooManyExtensions",
    "Undercut",
    "UnknownFormat",
    "UnknownIdError",
    "ViewError",
    "check",
    "dumps",
    "evaluate",
    "explain",
    "format_diagnostic",
    "grounds",
    "load",
    "outline",
    "parse",
    "read",
    "render",
    "steps",
    "worksheet",
]

# The module each public name comes from (the same as the imports above,
# which are for type checkers only).
_MODULES = {
    "MapError": "argmap._meaning",
    "MapBuilder": "argmap.builder",
    "check": "argmap.checks",
    "Diagnostic": "argmap.diagnostics",
    "Diagnostics": "argmap.diagnostics",
    "ArgmapError": "argmap.errors",
    "OptionError": "argmap.errors",
    "UnknownIdError": "argmap.errors",
    "ParseError": "argmap.diagnostics",
    "Severity": "argmap.diagnostics",
    "format_diagnostic": "argmap.diagnostics",
    "Explanation": "argmap.explanation",
    "Ground": "argmap.explanation",
    "explain": "argmap.explanation",
    "grounds": "argmap.explanation",
    "UnknownFormat": "argmap.formats.registry",
    "dumps": "argmap.formats.registry",
    "load": "argmap.formats.registry",
    "Argument": "argmap.model",
    "ArgumentMap": "argmap.model",
    "Attribute": "argmap.model",
    "Basis": "argmap.model",
    "Claim": "argmap.model",
    "Comment": "argmap.model",
    "Contradiction": "argmap.model",
    "Group": "argmap.model",
    "ModelError": "argmap.model",
    "Position": "argmap.model",
    "Rebuttal": "argmap.model",
    "Source": "argmap.model",
    "Span": "argmap.model",
    "Step": "argmap.model",
    "Support": "argmap.model",
    "Undercut": "argmap.model",
    "outline": "argmap.outline",
    "parse": "argmap.reading",
    "read": "argmap.reading",
    "render": "argmap.render",
    "ViewError": "argmap.render.options",
    "GraphvizNotFound": "argmap.render.output",
    "RenderFailed": "argmap.render.output",
    "Evaluation": "argmap.semantics",
    "SolverTimeout": "argmap.semantics",
    "TooManyAttacks": "argmap.semantics",
    "TooManyExtensions": "argmap.semantics",
    "Status": "argmap.semantics",
    "evaluate": "argmap.semantics",
    "PrintUnavailable": "argmap.sheets",
    "SheetError": "argmap.sheets",
    "steps": "argmap.sheets",
    "worksheet": "argmap.sheets",
}


if not TYPE_CHECKING:  # type checkers read the imports above; to them a misspelt name stays an error

    def __getattr__(name: str) -> Any:
        module = _MODULES.get(name)
        if module is None:
            # A submodule (``argmap.semantics.framework(...)`` after a plain
            # ``import argmap``), loaded on first use like the names.
            if not name.startswith("_"):
                try:
                    return _importlib.import_module(f"{__name__}.{name}")
                except ModuleNotFoundError as error:
                    if error.name != f"{__name__}.{name}":
                        raise
            raise AttributeError(f"module 'argmap' has no attribute {name!r}")
        value = getattr(_importlib.import_module(module), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(_ModuleType):
    """The ``argmap`` module, which keeps its public functions when a
    submodule of the same name is imported: Python's import system binds
    ``argmap.render`` (or ``argmap.outline``) to the submodule then, but
    ``argmap.render`` is the function; ``from argmap.render import ...``
    still reaches the package through ``sys.modules``."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _MODULES and isinstance(value, _ModuleType):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
