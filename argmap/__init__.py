"""argmap: argument maps from plain text — parse, check, evaluate, draw.

The public API is what ``__all__`` lists; every other module is private.
"""

from argmap._meaning import MapError
from argmap.builder import MapBuilder
from argmap.checks import check
from argmap.diagnostics import Diagnostic, Diagnostics, ParseError, Severity, format_diagnostic
from argmap.errors import ArgmapError, OptionError, UnknownIdError
from argmap.explanation import Explanation, Ground, explain, grounds
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
from argmap.formats.registry import UnknownFormat, dumps, load
from argmap.reading import parse, read
from argmap.semantics import Evaluation, SolverTimeout, Status, TooManyAttacks, TooManyExtensions, evaluate
from argmap.sheets import PrintUnavailable, SheetError, steps, worksheet
from argmap.render.options import ViewError
from argmap.render.output import GraphvizNotFound, RenderFailed
from argmap.render import render  # argmap.render is this function; `from argmap.render import ...` reaches the package

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
