"""The exceptions argmap raises: one family under :class:`ArgmapError`.

Every exception argmap raises on purpose is an :class:`ArgmapError` *and*
the built-in exception a caller would expect, so ``except argmap.ArgmapError``
catches everything argmap refuses while ``except ValueError``,
``except KeyError``, ``except TimeoutError`` ... keep working. The classes
stay beside the code that raises them; ``argmap`` exports them all::

    ArgmapError (Exception)
    ├── ParseError (ValueError)          text, JSON or another format with errors
    │   └── MapError                     a map whose errors change its meaning
    ├── ModelError (ValueError)          a value an item cannot hold
    ├── UnknownIdError (KeyError, ValueError)   no claim, position, ... with that id
    ├── OptionError (ValueError)         an option given a value it does not take
    │   ├── ViewError                    a drawing option (theme, focus, paper, ...)
    │   ├── UnknownFormat                a format name load/dumps/convert do not know
    │   └── SheetError                   a worksheet that cannot be made
    ├── TooManyExtensions (ValueError)   more extensions than the limit
    ├── TooManyAttacks (ValueError)      more derived attacks than the limit
    ├── SolverTimeout (TimeoutError)     a reasoning task passed its time limit
    ├── GraphvizNotFound (RuntimeError)  no ``dot`` program to draw with
    ├── RenderFailed (RuntimeError)      ``dot`` failed
    └── PrintUnavailable (ImportError)   worksheets without the ``print`` extra

This module depends on nothing else in argmap, so every stage can use it.
"""

from __future__ import annotations

__all__ = ["ArgmapError", "OptionError", "UnknownIdError"]


class ArgmapError(Exception):
    """The base of every exception argmap raises on purpose."""


class OptionError(ArgmapError, ValueError):
    """An option given a value it does not take: an unknown semantics,
    support mode, format, theme or paper size, a number out of range."""


class UnknownIdError(ArgmapError, KeyError, ValueError):
    """No item of the map has this id.

    ``kind`` says what was looked for (``"claim"``, ``"position"``,
    ``"argument"``, ...), ``id`` the id given, ``known`` the ids of that kind
    the map has (in order; empty when not given). It is a ``KeyError``,
    as a look-up in a dictionary, and a ``ValueError``, as an argument
    the function cannot take, so callers written for either keep working.

    >>> error = UnknownIdError("position", "skeptic", ("eltern", "schule"))
    >>> print(error)
    the map has no position `skeptic` (positions: `eltern`, `schule`)
    >>> isinstance(error, KeyError) and isinstance(error, ValueError)
    True
    """

    def __init__(self, kind: str, id: str, known: tuple[str, ...] = (), message: str | None = None):
        super().__init__(kind, id, known, message)
        self.kind = kind
        self.id = id
        self.known = tuple(known)
        self.message = message

    def __str__(self) -> str:
        # KeyError would show repr(args); the message is for people.
        if self.message is not None:
            return self.message
        text = f"the map has no {self.kind} `{self.id}`"
        if self.known:
            shown = ", ".join(f"`{k}`" for k in self.known[:12])
            more = ", ..." if len(self.known) > 12 else ""
            text += f" ({self.kind}s: {shown}{more})"
        return text
