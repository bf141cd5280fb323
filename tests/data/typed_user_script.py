"""A researcher's script that uses every public name of argmap."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping

import argmap
from argmap import (
    ArgmapError, Argument, ArgumentMap, Attribute, Basis, Claim, Comment, Contradiction, Diagnostic, Evaluation,
    Explanation, Ground, Group, MapBuilder, MapError, ModelError, OptionError, ParseError, Position, Rebuttal,
    Severity, Source, Span, Status, Step, Support, Undercut, UnknownIdError, UnknownFormat, SolverTimeout,
    TooManyAttacks, TooManyExtensions, PrintUnavailable, SheetError, ViewError, GraphvizNotFound, RenderFailed,
    check, dumps, evaluate, explain, format_diagnostic, grounds, load, outline, parse, read, render, steps, worksheet,
)
from argmap.types import JSONDict, SemanticsName, SupportMode
from argmap.formats import FORMATS, Format, loads, read_as
from argmap.semantics import (
    ALL_SEMANTICS, SEMANTICS, SUPPORT_MODES, Answer, Comparison, CrossAttack, Framework, FrozenMapping, Justification,
    acceptance_notes, compare_positions, count_extensions, credulous, dfquad, framework, iter_extensions, justify,
    justify_all, labelling, sceptical, some_extension,
)
from argmap.render import to_graphviz, draw, THEMES, Theme
from argmap.render.paper import paginate, Pages

text = "claim a: A.\nclaim b: B.\nclaim c: C.\na supports b\nc rebuts b\nposition p: accepts a\nposition q: accepts c\n"
m: ArgumentMap = parse(text, "x.argmap")
same, diagnostics = read(text)
n_claims: int = len(m)
has_a: bool = "a" in m
ids: list[str] = [c.id for c in m]
equal: bool = m == same and m.same_content(same)
claim: Claim = m.claim("a")
span: Span | None = claim.span
basis: Basis | None = claim.basis
tags: tuple[str, ...] = claim.tags
weight: float | None = claim.weight
extra: tuple[Attribute, ...] = claim.extra
support: Support = m.supports[0]
premises: tuple[str, ...] = support.premises
rebuttal: Rebuttal = m.rebuttals[0]
attackers: tuple[str, ...] = rebuttal.attackers
position: Position = m.position("p")
accepts: tuple[str, ...] = position.accepts
items: tuple[Claim | Source | Support | Rebuttal | Contradiction | Undercut | Argument | Position | Group | Comment, ...] = m.items
steps_of: tuple[Step, ...] = ()
source_text: str = m.to_source()
data: JSONDict = m.to_dict()
again: ArgumentMap = ArgumentMap.from_dict(m.to_dict())
evolved: ArgumentMap = m.evolve(title="T")

b = MapBuilder(title="T", lang="de")
b.claim("x", "X.", basis="study", tags=["t"])
b.claim("y", "Y.")
b.supports("x", "y", name="r")
b.rebuts("y", "x")
b.position("pp", accepts=["x"], rejects=["y"])
built: ArgumentMap = b.build()

found: list[Diagnostic] = check(m)
for d in found:
    code: str = d.code
    severity: Severity = d.severity
    message: str = d.message
    hint: str | None = d.hint
    shown: str = format_diagnostic(d, text)
    as_dict: JSONDict = d.to_dict()

semantics: SemanticsName = "preferred"
mode: SupportMode = "necessary"
result: Evaluation = evaluate(m, semantics, mode, max_extensions=10, timeout=5.0)
extensions: tuple[tuple[str, ...], ...] = result.extensions
status: Status = result.status["a"]
strengths: Mapping[str, float] | None = evaluate(m, "dfquad").strengths
labels: Mapping[str, str] = result.labellings[0]
credulously: frozenset[str] = result.credulous
out: JSONDict = result.to_dict(details=True)

why: Explanation = explain(m, "b", semantics="grounded")
sentences: str = why.text("en")
ground: Ground = grounds(m, result)["a"]
plan: str = outline(m, position="p")

fw: Framework = framework(m, "deductive")
args: tuple[str, ...] = fw.arguments
apx: str = fw.to_apx()
answer: Answer = credulous(fw, "stable", "a", timeout=1.0)
witness: frozenset[str] | None = answer.witness
sure: Answer = sceptical(fw, "grounded", "a")
some: frozenset[str] | None = some_extension(fw, "complete")
count: int = count_extensions(fw, "preferred")
for extension in iter_extensions(fw, "semi-stable", limit=2):
    label: str = labelling(fw, extension)["a"]
justification: Justification = justify(fw, "a")
all_of: dict[str, Justification] = justify_all(fw)
comparison: Comparison = compare_positions(m, "p", "q", support="none")
cross: tuple[CrossAttack, ...] = comparison.attacks
gradual: tuple[dict[str, float], list[Diagnostic]] = dfquad(m)
notes: list[Diagnostic] = acceptance_notes(m, "preferred", "none")
names: tuple[str, ...] = SEMANTICS + ALL_SEMANTICS + SUPPORT_MODES

json_text: str = dumps(m, "json")
back: ArgumentMap = loads(json_text, "json")
read_back, problems = read_as("aif", dumps(m, "aif"))
fmt: Format = FORMATS["json"]
folder = tempfile.mkdtemp()
path = os.path.join(folder, "m.argdown")
with open(path, "w", encoding="utf-8") as f:
    f.write(dumps(m, "argdown"))
loaded: ArgumentMap = load(path, format="argdown")

svg: bytes = draw(m, "svg", theme="print", evaluate="grounded", support="none", positions=["p"], legend="below")
written = render(m, os.path.join(folder, "m.pdf"), paper="a4", layout="auto", landscape=False, fit=True, arguments="collapsed")
theme: Theme = THEMES["default"]
pages: Pages = paginate(m, paper="a3", layout="graph", theme="contrast")
sheet: bytes = worksheet(m, keep=["a"], task="Fill in.", paper="letter")
slides: bytes = steps(m, paper="a4")

try:
    m.claim("nope")
except UnknownIdError as error:
    kind: str = error.kind
    missing: str = error.id
    known: tuple[str, ...] = error.known
except ArgmapError:
    pass
try:
    parse("claim a A.\n")
except ParseError as error:
    listed: tuple[Diagnostic, ...] | list[Diagnostic] = error.diagnostics
try:
    Claim("a", "A.", weight=2)
except ModelError as error:
    field: str = error.field
problems_all: tuple[type[ArgmapError], ...] = (
    MapError, OptionError, UnknownFormat, SolverTimeout, TooManyAttacks, TooManyExtensions, PrintUnavailable,
    SheetError, ViewError, GraphvizNotFound, RenderFailed,
)
too_many: int = TooManyExtensions("preferred", 3).limit
kinds = (Argument, Contradiction, Undercut, Group, Comment, Source, Step, FrozenMapping)
all_classes = (Claim, Support, Rebuttal, Position, Span, Attribute, MapBuilder, Diagnostic, Evaluation, Explanation, Ground, ArgumentMap, Framework, Answer, Comparison, CrossAttack, Justification, Format, Theme, Pages, Status, Severity, Basis)
graph = m.to_graphviz(theme="print", legend=False)  # graphviz
dot_text = to_graphviz(m, evaluate=result, positions="p").source  # graphviz
