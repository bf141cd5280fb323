"""The names of the semantics and support modes: what :func:`argmap.evaluate`,
``argmap check --semantics`` and ``argmap render --evaluate`` accept.

Plain data, so that a command can offer them as choices without importing
:mod:`argmap.semantics` (``argmap check`` never loads it unless asked to
evaluate). :mod:`argmap.semantics` re-exports every name here.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["Semantics", "ALL_SEMANTICS", "EXTENSION_SEMANTICS", "SEMANTICS", "SUPPORT_MODES"]

Semantics = Literal[
    "grounded",
    "complete",
    "preferred",
    "stable",
    "admissible",
    "conflict-free",
    "naive",
    "semi-stable",
    "stage",
    "ideal",
    "eager",
    "cf2",
]

#: Every semantics the tasks know, in the order docs/semantics.md gives them.
ALL_SEMANTICS: tuple[str, ...] = get_args(Semantics)

#: The semantics :func:`argmap.evaluate` knows; the first is the default.
EXTENSION_SEMANTICS = ALL_SEMANTICS
SEMANTICS = EXTENSION_SEMANTICS + ("dfquad",)

#: The ways supports can add attacks; the first is the default.
SUPPORT_MODES = ("none", "deductive", "necessary")
