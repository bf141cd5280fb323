"""Reading and writing maps and frameworks in other formats than argmap's own.

One module per format, each with its readers and writers side by side:
:mod:`argmap.formats.iccma` for the competition formats apx, i23 and tgf;
:mod:`~argmap.formats.json` (argmap's JSON), :mod:`~argmap.formats.aif`,
:mod:`~argmap.formats.argdown`, :mod:`~argmap.formats.kialo` (read) and
:mod:`~argmap.formats.graphml` (write). :mod:`~argmap.formats.registry` is
the table of them that ``argmap convert``, :func:`argmap.load` and
:func:`argmap.dumps` use (docs/formats.md).
"""

from argmap.formats.iccma import IccmaFramework

__all__ = ["IccmaFramework"]

from argmap.formats.registry import FORMATS, Format, UnknownFormat, dumps, load, loads, read_as  # noqa: E402

__all__ += ["FORMATS", "Format", "UnknownFormat", "dumps", "load", "loads", "read_as"]
