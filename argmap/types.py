"""The types of argmap's public signatures that are not classes.

The fixed choices of options are ``Literal`` types. Functions take these
names as plain strings; the types let a type checker
(mypy, pyright) catch a misspelt name before the script runs, and let a
script annotate its own variables::

    from argmap.choices import SemanticsName, SupportMode

    def stands(m: argmap.ArgumentMap, semantics: SemanticsName, support: SupportMode = "none") -> bool: ...

Each type lists the same names as the tuple the code checks at run time
(``argmap.semantics.SEMANTICS``, ``SUPPORT_MODES``, ``argmap.render.THEMES``,
...); tests/test_typing_api.py keeps them equal. This module depends on
nothing else in argmap.
"""

from __future__ import annotations

from typing import Literal, Union

__all__ = [
    "JSONValue",
    "JSONDict",
    "Semantics",
    "SemanticsName",
    "SupportMode",
    "Label",
    "StatusName",
    "ReadFormat",
    "WriteFormat",
    "FormatName",
    "ImageFormat",
    "FrameworkFormat",
    "ThemeName",
    "PaperName",
    "PaperLayout",
    "LegendPlace",
    "ArgumentView",
    "Direction",
    "GroupBy",
]

#: The extension-based semantics (``argmap.semantics.ALL_SEMANTICS``).
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
#: What :func:`argmap.evaluate` takes: an extension semantics or DF-QuAD's gradual strengths.
SemanticsName = Literal[Semantics, "dfquad"]
#: How supports add attacks (``argmap.semantics.SUPPORT_MODES``).
SupportMode = Literal["none", "deductive", "necessary"]
#: An argument's label in a labelling.
Label = Literal["in", "out", "undec"]
#: The value of an :class:`argmap.Status`.
StatusName = Literal["accepted", "rejected", "undecided"]
#: Formats :func:`argmap.load` and :func:`argmap.formats.loads` read.
ReadFormat = Literal["argmap", "json", "aif", "argdown", "apx", "i23", "tgf", "kialo"]
#: Formats :func:`argmap.dumps` writes.
WriteFormat = Literal["argmap", "json", "aif", "argdown", "apx", "i23", "tgf", "graphml"]
#: Every format name (``argmap.formats.FORMATS``).
FormatName = Literal[ReadFormat, WriteFormat]
#: ICCMA's formats of a framework (``argmap.formats.iccma.FORMATS``).
FrameworkFormat = Literal["apx", "i23", "tgf"]
#: What :func:`argmap.render` draws (``argmap.render.FORMATS``).
ImageFormat = Literal["svg", "png", "pdf", "dot"]
#: The built-in themes (``argmap.render.THEMES``).
ThemeName = Literal["default", "print", "contrast"]
#: Paper sizes (``argmap.render.paper.PAPERS``).
PaperName = Literal["a4", "a3", "letter"]
#: How a map is laid out on paper (``argmap.render.paper.LAYOUTS``).
PaperLayout = Literal["auto", "graph", "columns"]
#: Where the legend stands (``argmap.render.options.LEGEND_PLACES``).
LegendPlace = Literal["auto", "below", "beside", "none"]
#: How arguments are drawn (``argmap.render.options.ARGUMENT_VIEWS``).
ArgumentView = Literal["expanded", "collapsed"]
#: Which way the arrows point (``argmap.render.options.DIRECTIONS``).
Direction = Literal["up", "left"]
#: What clusters are drawn by (``argmap.render.options.GROUP_BY``).
GroupBy = Literal["group", "source", "tag"]

#: What ``to_dict()`` methods return and ``json.dumps`` writes: nested
#: dictionaries with string keys, lists, strings, numbers, booleans, None.
JSONValue = Union[None, bool, int, float, str, list["JSONValue"], dict[str, "JSONValue"]]
#: A JSON object.
JSONDict = dict[str, JSONValue]
