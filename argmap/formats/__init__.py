"""Reading and writing maps and frameworks in other formats than argmap's own.

One module per format, each with its readers and writers side by side:
:mod:`argmap.formats.iccma` for the competition formats apx, i23 and tgf.
"""

from argmap.formats.iccma import IccmaFramework

__all__ = ["IccmaFramework"]
