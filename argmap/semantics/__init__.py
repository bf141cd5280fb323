"""Acceptability semantics: which claims of a map stand, and how strongly.

A map is translated into an abstract argumentation framework (Dung 1995):
the claims, named relations and arguments are the arguments; rebuttals,
contradictions and undercuts the attacks (a named or linked one through
auxiliary arguments that results never show), and supports add attacks by
the support mode (:data:`SUPPORT_MODES`). :func:`evaluate` computes the
extensions of a map under any of :data:`ALL_SEMANTICS`, or DF-QuAD
strengths; :func:`some_extension`, :func:`iter_extensions`,
:func:`credulous` and :func:`sceptical` answer ICCMA's reasoning tasks on a
:class:`Framework` without listing every extension (hard ones with a SAT
solver). Everything here is a pure function to immutable data.
docs/semantics.md explains the semantics, with examples.
"""

from argmap._meaning import MapError
from argmap.semantics._comparison import Comparison, CrossAttack, compare_positions
from argmap.semantics._evaluation import (
    EXTENSION_SEMANTICS,
    SEMANTICS,
    Evaluation,
    FrozenMapping,
    Status,
    TooManyExtensions,
    acceptance_notes,
    default_limit,
    evaluate,
)
from argmap.semantics._framework import MAX_DERIVED_ATTACKS, SUPPORT_MODES, Framework, TooManyAttacks, framework
from argmap.semantics._gradual import dfquad
from argmap.semantics._tasks import (
    ALL_SEMANTICS,
    Answer,
    Semantics,
    SolverTimeout,
    count_extensions,
    credulous,
    iter_extensions,
    labelling,
    sceptical,
    some_extension,
)
from argmap.semantics._justify import AnsweredAttack, Attack, Cycle, Defence, Justification, Refutation, justify, justify_all, justify_answer

__all__ = [
    "SEMANTICS",
    "EXTENSION_SEMANTICS",
    "SUPPORT_MODES",
    "Status",
    "Evaluation",
    "FrozenMapping",
    "TooManyExtensions",
    "TooManyAttacks",
    "MAX_DERIVED_ATTACKS",
    "MapError",
    "Framework",
    "Comparison",
    "CrossAttack",
    "evaluate",
    "default_limit",
    "framework",
    "dfquad",
    "acceptance_notes",
    "compare_positions",
    "Semantics",
    "ALL_SEMANTICS",
    "SolverTimeout",
    "some_extension",
    "iter_extensions",
    "count_extensions",
    "credulous",
    "sceptical",
    "labelling",
    "Answer",
    "Attack",
    "AnsweredAttack",
    "Defence",
    "Refutation",
    "Cycle",
    "Justification",
    "justify",
    "justify_all",
    "justify_answer",
]
