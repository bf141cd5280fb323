"""Printed sheets for the classroom: a worksheet with its answer key, and
step-by-step slides that reveal a map layer by layer.

Both return PDF bytes. The map is drawn by Graphviz as a vector PDF; the
page around it (headings, name line, answer key, source texts) is laid out
by fpdf2 (the ``print`` extra) and the two are joined by pypdf.

>>> import argmap
>>> m = argmap.parse("claim a: Rain.\\nclaim b: Wet streets.\\na supports b\\n")
>>> argmap.worksheet(m)[:5]
b'%PDF-'
"""

from argmap.sheets._pdf import PAPERS, PrintUnavailable
from argmap.sheets.steps import steps
from argmap.sheets.worksheet import MIN_BOX, SheetError, worksheet

__all__ = ["worksheet", "steps", "SheetError", "PrintUnavailable", "PAPERS", "MIN_BOX"]
