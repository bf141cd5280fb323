"""The examples in the rendering modules' docstrings run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "argmap.render",
    "argmap.render.labels",
    "argmap.render.themes",
    "argmap.render.output",
    "argmap.render.graph",
    "argmap.render.views",
    "argmap.render.legend",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    """Every >>> example in the module's docstrings gives what it shows."""
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
