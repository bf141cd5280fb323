"""What a view shows: which claims, numbered or blank, marked by a position,
filled by an evaluation, grouped into (nested) clusters, and how arguments
are drawn: expanded (a box holding their premises and conclusions) or
collapsed (one node standing for the claims defined inside them).

A :class:`View` is computed from the map and the options before anything is
drawn, so the drawing itself is one straight pass over the map.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Mapping

from attrs import frozen

from argmap.errors import UnknownIdError
from argmap.model import Argument, ArgumentMap, Claim, Contradiction, Rebuttal, Support, Undercut
from argmap.render.options import DEFAULT_DEPTH, RenderOptions, ViewError

__all__ = ["View", "Panel", "Evaluation", "Cluster", "view_of", "neighbours", "reason_ends", "node_name", "anchor"]

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
    """What the drawing needs from an evaluation: a status per claim, named
    relation and argument (``accepted``, ``rejected``, ``undecided``), or
    strengths from 0 to 1."""

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
    """A frame around claims: a group (by ``group``, source or tag), or an
    argument's box. ``parent`` is the key of the frame it stands in."""

    key: str
    label: str
    parent: str | None = None
    #: The argument a box stands for (None for a group).
    argument: Argument | None = None


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
    #: Claim id -> the innermost frame it is drawn in.
    clusters: Mapping[str, Cluster]
    #: Every frame that may be drawn, by key (the parents of nested groups too).
    frames: Mapping[str, Cluster]
    #: Relation name or argument id -> the key of the frame its dot or node stands in.
    places: Mapping[str, str]
    #: ``"expanded"`` or ``"collapsed"``.
    arguments: str
    #: Collapsed: claim id -> the argument whose node stands for it.
    folded: Mapping[str, str]


def view_of(argument_map: ArgumentMap, options: RenderOptions) -> View:
    """The view ``options`` ask for. Raises :class:`ViewError` for ids the map does not have."""
    folded = _folded(argument_map) if options.arguments == "collapsed" else {}
    claims = _first_definitions(argument_map)
    known = {c.id for c in claims}
    shown = set(known)
    hidden: dict[str, int] = {}
    depth = None
    if options.focus is not None:
        if options.focus not in known:
            message = f"cannot focus on `{options.focus}`: no claim has that id{_did_you_mean(options.focus, known)}"
            raise UnknownIdError("claim", options.focus, tuple(sorted(known)), message)
        if options.focus in folded:
            raise ViewError(
                f"cannot focus on `{options.focus}`: it is drawn inside the collapsed argument `{folded[options.focus]}`; "
                "focus on another claim or draw arguments expanded",
                options.focus,
            )
        depth = DEFAULT_DEPTH if options.depth is None else options.depth
        adjacency = neighbours(argument_map)
        shown = _within(adjacency, options.focus, depth)
        shown |= _co_premises(argument_map, shown, known)
        for claim_id in sorted(shown):
            outside = adjacency.get(claim_id, set()) - shown
            if outside:
                hidden[claim_id] = len(outside & known)
        hidden = {k: v for k, v in hidden.items() if v}
    whole = options.focus is None and not folded  # every claim drawn
    drawn = claims if whole else tuple(c for c in claims if c.id in shown and c.id not in folded)
    numbers = {c.id: i for i, c in enumerate(drawn, 1)} if options.numbered else {}
    blank: frozenset[str] = frozenset()
    if options.numbered:
        for kept in options.keep:
            if kept not in known:
                message = f"cannot keep `{kept}`: no claim has that id{_did_you_mean(kept, known)}"
                raise UnknownIdError("claim", kept, tuple(sorted(known)), message)
        if not options.answers:
            blank = frozenset(c.id for c in drawn) - set(options.keep)
    frames = _Frames(argument_map, options.group_by)
    expanded = options.arguments == "expanded"
    clusters = frames.of_claims(drawn, expanded)
    places = frames.places(expanded)
    return View(
        claims=drawn,
        shown=frozenset(known if whole else (c.id for c in drawn)),
        numbers=numbers,
        blank=blank,
        hidden=hidden,
        focus=options.focus,
        depth=depth,
        evaluation=_evaluation(argument_map, options),
        panels=_panels(argument_map, options),
        clusters=clusters,
        frames=frames.frames,
        places=places,
        arguments=options.arguments,
        folded=folded,
    )


def _folded(argument_map: ArgumentMap) -> dict[str, str]:
    """The claims a collapsed argument's node stands for: its premises and
    intermediate conclusions defined inside it. Its conclusion stays a claim
    of its own, and so do claims defined elsewhere that it lists."""
    home = {c.id: c.argument for c in argument_map.claims if c.argument is not None}
    folded: dict[str, str] = {}
    for argument in argument_map.arguments:
        for step in argument.steps:
            for ref in step.premises + (step.conclusion,):
                if ref != argument.conclusion and home.get(ref) == argument.id:
                    folded.setdefault(ref, argument.id)
    return folded


def _first_definitions(argument_map: ArgumentMap) -> tuple[Claim, ...]:
    seen: set[str] = set()
    out = []
    for claim in argument_map.claims:
        if claim.id not in seen:
            seen.add(claim.id)
            out.append(claim)
    return tuple(out)


def anchor(argument_map: ArgumentMap, ident: str, memo: dict[str, str] | None = None) -> str:
    """The claim a named relation or argument finally points at: a support's
    (an argument's) conclusion, an objection's target, followed through
    objections aimed at objections, a contradiction's first claim. Any other
    id is its own anchor. ``memo`` keeps what was found, so that anchoring
    every relation of a chain costs the chain's length once, not each time."""
    memo = {} if memo is None else memo
    chain: list[str] = []
    seen: set[str] = set()
    found = ident
    while found not in memo and found not in seen:
        seen.add(found)
        chain.append(found)
        try:
            rel = argument_map.relation(found)
        except KeyError:
            break
        if isinstance(rel, Support):
            found = rel.conclusion
            break
        if isinstance(rel, Contradiction):
            found = rel.first
            break
        found = rel.target
    found = memo.get(found, found)
    for name in chain:
        memo[name] = found
    return found


def reason_ends(argument_map: ArgumentMap, rel, memo: dict[str, str]) -> tuple[tuple[str, ...], str] | None:
    """What a support or an objection comes from (premises, attackers) and
    the claim it finally points at (see :func:`anchor`); None for a
    contradiction, which points at neither side."""
    if isinstance(rel, Support):
        return rel.premises, rel.conclusion
    if isinstance(rel, (Rebuttal, Undercut)):
        return rel.attackers, anchor(argument_map, rel.target, memo)
    return None


def neighbours(argument_map: ArgumentMap) -> dict[str, set[str]]:
    """Claims one step apart, in both directions: a premise and its
    conclusion, an attacker and its target; an objection aimed at a named
    relation is one step from the claim that relation points at (see
    :func:`anchor`)."""
    adjacency: dict[str, set[str]] = {}

    def link(a: str, b: str) -> None:
        if a != b:
            adjacency.setdefault(a, set()).add(b)
            adjacency.setdefault(b, set()).add(a)

    memo: dict[str, str] = {}
    for rel in argument_map.relations:
        if isinstance(rel, Support):
            for premise in rel.premises:
                link(premise, rel.conclusion)
        elif isinstance(rel, Contradiction):
            link(rel.first, rel.second)
        elif isinstance(rel, (Rebuttal, Undercut)):
            target = anchor(argument_map, rel.target, memo)
            for attacker in rel.attackers:
                link(attacker, target)
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
    """Linked premises and linked attackers belong together: a linked
    support or objection that is drawn at all is drawn with all of them.
    An objection aimed at a relation brings that relation along whole (and
    the relation it aims at, and so on), so that it has a dot to end at."""
    extra = set()
    whole: set[str] = set()  # relations already brought along
    memo: dict[str, str] = {}
    for rel in argument_map.relations:
        ends = reason_ends(argument_map, rel, memo)
        if ends is None:
            continue
        together, target = ends
        if target not in shown or not shown.intersection(together):
            continue
        if len(together) > 1:
            extra.update(p for p in together if p in known)
        name = getattr(rel, "target", None)
        while name is not None and name not in whole:
            whole.add(name)
            try:
                aimed = argument_map.relation(name)
            except KeyError:
                break
            if isinstance(aimed, Support):
                ins = aimed.premises
            elif isinstance(aimed, Contradiction):
                ins = (aimed.first, aimed.second)
            else:
                ins = aimed.attackers
            extra.update(p for p in ins if p in known)
            name = getattr(aimed, "target", None)
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
        status.update(_unchallenged(argument_map, result))
    return Evaluation(
        semantics=semantics,
        support=support,
        status=status,
        strengths=None if strengths is None else {k: float(v) for k, v in strengths.items()},
    )


def _unchallenged(argument_map: ArgumentMap, result) -> dict[str, str]:
    """The accepted claims that nothing attacks and nothing supports, shown
    as "unchallenged" rather than like a claim that stands on reasons
    (argmap.grounds; docs/explanations.md)."""
    from argmap.explanation import Ground, grounds

    return {c: "unchallenged" for c, g in grounds(argument_map, result).items() if g is Ground.UNCHALLENGED}


def _panels(argument_map: ArgumentMap, options: RenderOptions) -> tuple[Panel, ...]:
    if not options.positions:
        return (Panel(prefix="", position=None, marks={}),)
    known = {p.id for p in argument_map.positions}
    panels = []
    for position_id in options.positions:
        if position_id not in known:
            names = ", ".join(f"`{p}`" for p in sorted(known)) or "none"
            raise UnknownIdError("position", position_id, tuple(sorted(known)), f"the map has no position `{position_id}` (positions: {names})")
        position = argument_map.position(position_id)
        marks = {ref: "rejects" for ref in position.rejects}
        marks.update({ref: "accepts" for ref in position.accepts})
        panels.append(Panel(prefix="", position=position_id, marks=marks))
    if len(panels) > 1:
        panels = [Panel(prefix=f"{node_name(p.position)}.", position=p.position, marks=p.marks) for p in panels]
    return tuple(panels)


class _Frames:
    """The frames of a drawing, made as claims, relations and arguments ask
    for them: by ``group_by``, nested as groups are (``group:`` on a group),
    and one box per argument."""

    def __init__(self, argument_map: ArgumentMap, group_by: str | None):
        self.map = argument_map
        self.group_by = group_by
        self.frames: dict[str, Cluster] = {}

    def of(self, group: str | None, tags: tuple[str, ...], source: str | None = None) -> str | None:
        """The key of the frame for something with this group, tags and source (None: no frame)."""
        if self.group_by == "group" and group:
            return self._group(group)
        if self.group_by == "source" and source:
            key = f"source {source}"
            if key not in self.frames:
                try:
                    found = self.map.source(source)
                    label = found.title or source
                    if found.author:
                        label = f"{label} ({found.author})"
                except KeyError:
                    label = source
                self.frames[key] = Cluster(key, label)
            return key
        if self.group_by == "tag" and tags:
            key = f"tag {tags[0]}"
            self.frames.setdefault(key, Cluster(key, tags[0]))
            return key
        return None

    def _group(self, group_id: str) -> str:
        # The chain of parents, walked without recursion; a group met again
        # (a cycle, which argmap check reports) ends the chain.
        chain: list[tuple[str, str, str | None]] = []
        seen: set[str] = set()
        here: str | None = group_id
        while here is not None and here not in seen and f"group {here}" not in self.frames:
            seen.add(here)
            try:
                group = self.map.group(here)
                label, parent = group.label or here, group.parent
            except KeyError:
                label, parent = here, None
            chain.append((here, label, parent))
            here = parent
        for ident, label, parent in reversed(chain):
            parent_key = f"group {parent}" if parent is not None else None
            if parent_key not in self.frames:
                parent_key = None
            self.frames[f"group {ident}"] = Cluster(f"group {ident}", label, parent_key)
        return f"group {group_id}"

    def argument(self, argument: Argument) -> str:
        """The key of an argument's box."""
        key = f"argument {argument.id}"
        if key not in self.frames:
            self.frames[key] = Cluster(key, argument.title, self.of(argument.group, argument.tags), argument)
        return key

    def of_claims(self, claims: tuple[Claim, ...], expanded: bool) -> dict[str, Cluster]:
        """Claim id -> its frame. Expanded, a claim defined inside an argument
        stands in the argument's box (whatever its own group says); the box
        stands in the argument's group."""
        arguments = {a.id: a for a in reversed(self.map.arguments)}
        clusters: dict[str, Cluster] = {}
        for claim in claims:
            home = arguments.get(claim.argument) if expanded else None
            key = self.argument(home) if home is not None else self.of(claim.group, claim.tags, claim.source)
            if key is not None:
                clusters[claim.id] = self.frames[key]
        return clusters

    def places(self, expanded: bool) -> dict[str, str]:
        """Name -> frame key for what is drawn besides claims: the dot of a
        named relation stands in the frame its ``group`` (or first tag) asks
        for, as a claim's box would; expanded, the dots of an argument's
        inferences stand in its box (key: the argument's id); collapsed, the
        argument's node stands in its group."""
        places: dict[str, str] = {}
        for rel in self.map.relations:
            if rel.name is not None and getattr(rel, "argument", None) is None:
                key = self.of(rel.group, rel.tags)
                if key is not None:
                    places.setdefault(rel.name, key)
        for argument in self.map.arguments:
            key = self.argument(argument) if expanded else self.of(argument.group, argument.tags)
            if key is not None:
                places.setdefault(argument.id, key)
        return places
