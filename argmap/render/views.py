"""What a view shows: which claims, numbered or blank, marked by a position,
filled by an evaluation, grouped into clusters.

A :class:`View` is computed from the map and the options before anything is
drawn, so the drawing itself is one straight pass over the map.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Mapping

from attrs import frozen

from argmap.model import ArgumentMap, Claim, Contradiction, Rebuttal, Support, Undercut
from argmap.render.options import DEFAULT_DEPTH, RenderOptions, ViewError

__all__ = ["View", "Panel", "Evaluation", "view_of", "neighbours", "node_name"]

STATUSES = ("accepted", "rejected", "undecided")

_WORD = re.compile(r"\w+")


def node_name(ident: str) -> str:
    """The DOT node name for a claim, support or position id: the id itself,
    since every id the language can write is made of word characters. Any
    other string (possible only in a map built in Python) becomes ``id-`` and
    its UTF-8 bytes in hex, so that no id can add DOT syntax (a ``:port``, an
    HTML string, a quote) or meet an internal name (those have a ``-``).

    >>> node_name("rain"), node_name("a:b")
    ('rain', 'id-613a62')
    """
    if _WORD.fullmatch(ident):
        return ident
    return "id-" + ident.encode("utf-8", "surrogatepass").hex()


@frozen
class Evaluation:
    """What the drawing needs from an evaluation: a status per claim and named
    support (``accepted``, ``rejected``, ``undecided``), or strengths from 0 to 1."""

    semantics: str
    support: str
    status: Mapping[str, str]
    strengths: Mapping[str, float] | None


@frozen
class Panel:
    """One picture of the map. Several panels stand side by side, one per position."""

    prefix: str
    position: str | None
    marks: Mapping[str, str]  # id -> "accepts" | "rejects"


@frozen
class Cluster:
    key: str
    label: str


@frozen
class View:
    claims: tuple[Claim, ...]
    shown: frozenset[str]
    numbers: Mapping[str, int]
    blank: frozenset[str]
    hidden: Mapping[str, int]
    focus: str | None
    depth: int | None
    evaluation: Evaluation | None
    panels: tuple[Panel, ...]
    clusters: Mapping[str, Cluster]


def view_of(argument_map: ArgumentMap, options: RenderOptions) -> View:
    """The view ``options`` ask for. Raises :class:`ViewError` for ids the map does not have."""
    claims = _first_definitions(argument_map)
    known = {c.id for c in claims}
    shown = set(known)
    hidden: dict[str, int] = {}
    depth = None
    if options.focus is not None:
        if options.focus not in known:
            raise ViewError(f"cannot focus on `{options.focus}`: no claim has that id{_did_you_mean(options.focus, known)}", options.focus)
        depth = DEFAULT_DEPTH if options.depth is None else options.depth
        adjacency = neighbours(argument_map)
        shown = _within(adjacency, options.focus, depth)
        shown |= _co_premises(argument_map, shown, known)
        for claim_id in sorted(shown):
            outside = adjacency.get(claim_id, set()) - shown
            if outside:
                hidden[claim_id] = len(outside & known)
        hidden = {k: v for k, v in hidden.items() if v}
    drawn = tuple(c for c in claims if c.id in shown)
    numbers = {c.id: i for i, c in enumerate(drawn, 1)} if options.numbered else {}
    blank: frozenset[str] = frozenset()
    if options.numbered:
        for kept in options.keep:
            if kept not in known:
                raise ViewError(f"cannot keep `{kept}`: no claim has that id{_did_you_mean(kept, known)}", kept)
        if not options.answers:
            blank = frozenset(c.id for c in drawn) - set(options.keep)
    return View(
        claims=drawn,
        shown=frozenset(c.id for c in drawn),
        numbers=numbers,
        blank=blank,
        hidden=hidden,
        focus=options.focus,
        depth=depth,
        evaluation=_evaluation(argument_map, options),
        panels=_panels(argument_map, options),
        clusters=_clusters(argument_map, drawn, options.group_by),
    )


def _first_definitions(argument_map: ArgumentMap) -> tuple[Claim, ...]:
    seen: set[str] = set()
    out = []
    for claim in argument_map.claims:
        if claim.id not in seen:
            seen.add(claim.id)
            out.append(claim)
    return tuple(out)


def neighbours(argument_map: ArgumentMap) -> dict[str, set[str]]:
    """Claims one step apart, in both directions: a premise and its
    conclusion, an attacker and its target; an undercut is one step from the
    conclusion of the support it undercuts."""
    adjacency: dict[str, set[str]] = {}

    def link(a: str, b: str) -> None:
        if a != b:
            adjacency.setdefault(a, set()).add(b)
            adjacency.setdefault(b, set()).add(a)

    for rel in argument_map.relations:
        if isinstance(rel, Support):
            for premise in rel.premises:
                link(premise, rel.conclusion)
        elif isinstance(rel, Contradiction):
            link(rel.first, rel.second)
        elif isinstance(rel, (Rebuttal, Undercut)):
            target = rel.target
            try:
                target = argument_map.support(target).conclusion
            except KeyError:
                pass
            link(rel.attacker, target)
    return adjacency


def _within(adjacency: dict[str, set[str]], start: str, depth: int) -> set[str]:
    seen = {start}
    queue = deque([(start, 0)])
    while queue:
        here, steps = queue.popleft()
        if steps == depth:
            continue
        for there in adjacency.get(here, ()):
            if there not in seen:
                seen.add(there)
                queue.append((there, steps + 1))
    return seen


def _co_premises(argument_map: ArgumentMap, shown: set[str], known: set[str]) -> set[str]:
    """Linked premises belong together: a linked support that is drawn at all
    is drawn with all of its premises."""
    extra = set()
    for support in argument_map.supports:
        if support.linked and support.conclusion in shown and shown.intersection(support.premises):
            extra.update(p for p in support.premises if p in known)
    return extra


def _did_you_mean(name: str, known: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f"; did you mean `{close[0]}`?" if close else ""


def _evaluation(argument_map: ArgumentMap, options: RenderOptions) -> Evaluation | None:
    evaluate = options.evaluate
    if evaluate is None:
        return None
    if isinstance(evaluate, str):
        from argmap.semantics import evaluate as run

        result = run(argument_map, semantics=evaluate, support=options.support)
        semantics = evaluate
    else:
        result = evaluate
        semantics = str(getattr(result, "semantics", "") or "")
    support = str(getattr(result, "support", None) or options.support)
    strengths = getattr(result, "strengths", None)
    status: dict[str, str] = {}
    if semantics != "dfquad":
        for key, value in (getattr(result, "status", None) or {}).items():
            word = str(getattr(value, "value", value)).lower()
            if word in STATUSES:
                status[key] = word
    return Evaluation(
        semantics=semantics,
        support=support,
        status=status,
        strengths=None if strengths is None else {k: float(v) for k, v in strengths.items()},
    )


def _panels(argument_map: ArgumentMap, options: RenderOptions) -> tuple[Panel, ...]:
    if not options.positions:
        return (Panel(prefix="", position=None, marks={}),)
    known = {p.id for p in argument_map.positions}
    panels = []
    for position_id in options.positions:
        if position_id not in known:
            names = ", ".join(f"`{p}`" for p in sorted(known)) or "none"
            raise ViewError(f"the map has no position `{position_id}` (positions: {names})", position_id)
        position = argument_map.position(position_id)
        marks = {ref: "rejects" for ref in position.rejects}
        marks.update({ref: "accepts" for ref in position.accepts})
        panels.append(Panel(prefix="", position=position_id, marks=marks))
    if len(panels) > 1:
        panels = [Panel(prefix=f"{node_name(p.position)}.", position=p.position, marks=p.marks) for p in panels]
    return tuple(panels)


def _clusters(argument_map: ArgumentMap, claims: tuple[Claim, ...], group_by: str | None) -> dict[str, Cluster]:
    clusters: dict[str, Cluster] = {}
    if group_by is None:
        return clusters
    for claim in claims:
        if group_by == "group" and claim.group:
            try:
                label = argument_map.group(claim.group).label or claim.group
            except KeyError:
                label = claim.group
            clusters[claim.id] = Cluster(claim.group, label)
        elif group_by == "source" and claim.source:
            try:
                source = argument_map.source(claim.source)
                label = source.title or claim.source
                if source.author:
                    label = f"{label} ({source.author})"
            except KeyError:
                label = claim.source
            clusters[claim.id] = Cluster(claim.source, label)
        elif group_by == "tag" and claim.tags:
            clusters[claim.id] = Cluster(claim.tags[0], claim.tags[0])
    return clusters
