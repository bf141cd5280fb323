"""argmap: argument maps from plain text — parse, check, evaluate, draw.

The public API is what ``__all__`` lists; every other module is private.
"""

from argmap._meaning import MapError
from argmap.builder import MapBuilder
from argmap.checks import check
from argmap.diagnostics import Diagnostic, Diagnostics, ParseError, Severity, format_diagnostic
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
from argmap.formats.registry import dumps, load
from argmap.reading import parse, read
from argmap.semantics import Evaluation, Status, evaluate
from argmap.sheets import steps, worksheet
from argmap.render import render  # argmap.render is this function; `from argmap.render import ...` reaches the package

__version__ = "0.1.0"

__all__ = [
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
    "Ground",
    "Group",
    "MapBuilder",
    "MapError",
    "ModelError",
    "ParseError",
    "Position",
    "Rebuttal",
    "Severity",
    "Source",
    "Span",
    "Status",
    "Step",
    "Support",
    "Undercut",
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
