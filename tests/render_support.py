"""What the rendering tests share: maps with every element, and the ``dot`` marker."""

from __future__ import annotations

import os
import shutil

import pytest

import argmap
from argmap.render import to_graphviz
from dotparse import parse_dot

#: Tests that run Graphviz's dot. They skip only outside CI when dot is
#: missing; in CI (where the CI variable is set) they always run, and fail
#: when dot is missing.
needs_dot = [
    pytest.mark.dot,
    pytest.mark.skipif(
        shutil.which("dot") is None and not os.environ.get("CI"),
        reason="Graphviz's dot is not installed (CI installs it and runs these)",
    ),
]

#: A map with one of every element the drawing knows.
EVERYTHING = """\
title: Soll Europa massiv in KI-Infrastruktur investieren?
question: Lohnt sich die Investition?
lang: de

source gierse: "Wir laufen den Hyperscalern hinterher"
  author: David Gierse
  date: 2025-01-31

group usa: Die Lage in den USA

claim invest: Europa muss massiv in eigene KI-Infrastruktur investieren.
claim no_race: Europa sollte das Wettrennen um immer größere Modelle nicht mitlaufen.
invest contradicts no_race
claim gap: US-Konzerne investieren dreistellige Milliardenbeträge, Europa nur einen Bruchteil.
  source: gierse
  basis: statistic
  group: usa
  tags: geld
claim lockin: Wer Cloud und Modelle nur einkauft, wird politisch erpressbar.
  tags: macht, geld
r_gap: gap supports invest
lockin supports invest
claim bubble: Die Anzeichen einer KI-Blase mehren sich.
bubble rebuts invest
claim hot_air: Die angekündigten Summen sind privat und nicht einmal finanziert.
  group: usa
hot_air undercuts r_gap
implicit claim catch_up: Wer jetzt investiert, kann den Rückstand noch aufholen.
claim sovereign: Digitale Souveränität ist ein politisches Ziel Europas.
  basis: law
catch_up + sovereign supports no_race

position gierse: accepts invest, gap, lockin, r_gap
position skeptic: accepts no_race, bubble, hot_air; rejects invest, r_gap
"""


def everything() -> argmap.ArgumentMap:
    return argmap.parse(EVERYTHING)


def dot_of(argument_map, **options):
    """The parsed DOT of a drawing."""
    return parse_dot(to_graphviz(argument_map, **options).source)
