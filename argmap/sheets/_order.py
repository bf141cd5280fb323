"""The order in which a map is read out: the thesis, then its reasons, then
the objections to them and the answers to those, layer by layer.

Worksheets number their boxes in this order and split the map over pages
along the tree it makes; step-by-step slides reveal one layer per page.
"""

from __future__ import annotations

from attrs import frozen

from argmap.model import ArgumentMap, Contradiction, Rebuttal, Support, Undercut

__all__ = ["Link", "Layer", "Reading", "links_of", "main_claims", "reading"]

#: What a layer shows, after the first (the thesis).
REASONS, OBJECTIONS, ANSWERS, OTHERS = "reasons", "objections", "answers", "others"


@frozen
class Link:
    """One relation as a sheet draws it: ``heads`` (premises, attackers, or
    a contradiction's second claim) point at ``target``, a claim, or the
    ``key`` of another link (an undercut of a named support)."""

    key: str
    kind: str  # support, rebuttal, undercut, contradiction
    heads: tuple[str, ...]
    target: str
    target_is_claim: bool
    named: bool


def links_of(argument_map: ArgumentMap) -> tuple[Link, ...]:
    """Every relation of the map whose claims exist, in map order (an
    argument's steps as supports). A relation aimed at a name the map lacks
    is left out: such a map has errors ``argmap check`` reports."""
    claims = {c.id for c in argument_map.claims}
    keys: dict[str, str] = {}
    raw = []
    for i, rel in enumerate(argument_map.relations):
        key = rel.name or f"rel-{i}"
        if rel.name:
            keys.setdefault(rel.name, key)
        if isinstance(rel, Support):
            raw.append((key, "support", rel.premises, rel.conclusion, rel.name))
        elif isinstance(rel, Contradiction):
            raw.append((key, "contradiction", (rel.second,), rel.first, rel.name))
        elif isinstance(rel, (Rebuttal, Undercut)):
            kind = "rebuttal" if isinstance(rel, Rebuttal) else "undercut"
            raw.append((key, kind, rel.attackers, rel.target, rel.name))
    out = []
    for key, kind, heads, target, name in raw:
        if not all(h in claims for h in heads):
            continue
        if target in claims:
            out.append(Link(key, kind, tuple(heads), target, True, name is not None))
        elif target in keys:
            out.append(Link(key, kind, tuple(heads), keys[target], False, name is not None))
    return tuple(out)


def main_claims(argument_map: ArgumentMap) -> list[str]:
    """Claims with reasons or objections that are neither a premise nor an
    attacker, in map order (as essay plans choose their thesis); the first
    claim when there is none."""
    links = links_of(argument_map)
    below = {h for link in links if link.kind != "contradiction" for h in link.heads}
    aimed = {link.target for link in links if link.target_is_claim} | {h for link in links if link.kind == "contradiction" for h in link.heads}
    out = list(dict.fromkeys(c.id for c in argument_map.claims if c.id not in below and c.id in aimed))
    if not out and argument_map.claims:
        out = [argument_map.claims[0].id]
    return out


@frozen
class Layer:
    """The claims one step adds, and what they are: ``thesis``, ``reasons``,
    ``objections`` (against the thesis's side), ``answers`` (against the
    other side) or ``others`` (not connected to the thesis)."""

    kind: str
    claims: tuple[str, ...]


@frozen
class Reading:
    """A map read from its thesis: the layers in order, and for each claim
    the claim it was reached from (the thesis and unconnected claims have none)."""

    layers: tuple[Layer, ...]
    parent: dict[str, str | None]

    @property
    def order(self) -> tuple[str, ...]:
        """Every claim, in the order the layers show them."""
        return tuple(c for layer in self.layers for c in layer.claims)


def reading(argument_map: ArgumentMap, thesis: str | None = None) -> Reading:
    """The map read out from ``thesis`` (default: the first main claim)."""
    claims = list(dict.fromkeys(c.id for c in argument_map.claims))
    if not claims:
        return Reading((), {})
    if thesis is None:
        thesis = main_claims(argument_map)[0]
    links = links_of(argument_map)
    by_key = {link.key: link for link in links}
    seen = {thesis}
    side = {thesis: 1}
    parent: dict[str, str | None] = {thesis: None}
    layers = [Layer("thesis", (thesis,))]

    def anchor(link: Link) -> str | None:
        """The visible claim a link hangs on, or None while it cannot be drawn."""
        hops = 0
        while not link.target_is_claim:
            link = by_key[link.target]
            hops += 1
            if not all(h in seen for h in link.heads) or hops > len(by_key):
                return None
        return link.target if link.target in seen else None

    def reach(kinds: tuple[str, ...]) -> list[tuple[str, str, int]]:
        """(claim, the claim it was reached from, its side) for each claim one step away."""
        found: dict[str, tuple[str, int]] = {}
        for link in links:
            if link.kind not in kinds:
                continue
            base = anchor(link)
            if link.kind == "contradiction" and base is None and link.heads[0] in seen and link.target not in seen:
                found.setdefault(link.target, (link.heads[0], -side[link.heads[0]]))
                continue
            if base is None:
                continue
            attack = link.kind != "support"
            for head in link.heads:
                if head not in seen:
                    # an undercut's or rebuttal's side is against what it aims at
                    found.setdefault(head, (base, -side[base] if attack else side[base]))
        return [(c, p, s) for c, (p, s) in found.items()]

    def add(kind: str, found: list[tuple[str, str, int]]) -> bool:
        if not found:
            return False
        for claim, base, s in found:
            seen.add(claim)
            side[claim] = s
            parent[claim] = base
        layers.append(Layer(kind, tuple(c for c, _, _ in found)))
        return True

    while True:
        attacks = ("rebuttal", "undercut", "contradiction")
        grew = add(REASONS, reach(("support",)))
        grew |= add(OBJECTIONS, [f for f in reach(attacks) if f[2] < 0])
        # answers right after the objections they answer
        grew |= add(ANSWERS, [f for f in reach(attacks) if f[2] > 0])
        if not grew:
            break
    rest = tuple(c for c in claims if c not in seen)
    if rest:
        layers.append(Layer(OTHERS, rest))
        parent.update(dict.fromkeys(rest))
    return Reading(tuple(layers), parent)
