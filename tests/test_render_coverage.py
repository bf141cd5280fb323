"""Nothing of a map vanishes from a picture: every claim, named relation and
argument is drawn (as a node, a box or a dot, or folded into a collapsed
argument's node), and every relation has its edges, in both argument views.

Random maps with arguments that list each other's claims (a premise defined
inside another argument, a conclusion defined inside another), groups that
nest (in cycles too), named and linked relations and undercuts of names."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.model import Argument, ArgumentMap, Claim, Contradiction, Group, Rebuttal, Step, Support, Undercut
from argmap.render.legend import LEGEND_NODE
from render_support import dot_of

VIEWS = ("expanded", "collapsed")


@st.composite
def argument_maps(draw) -> ArgumentMap:
    free = [f"c{i}" for i in range(draw(st.integers(1, 5)))]
    pool = list(free)  # every claim id so far
    names: list[str] = []  # named relations and arguments
    items: list = [Claim(c, f"Claim {c}.", group=draw(st.none() | st.sampled_from(["g0", "g1"]))) for c in free]
    for n in range(draw(st.integers(1, 4))):
        ident = f"a{n}"
        own: list[Claim] = []
        steps = []
        for k in range(draw(st.integers(1, 3))):
            listed = []
            for _ in range(draw(st.integers(1 if k == 0 else 0, 3))):
                if draw(st.booleans()):
                    listed.append(draw(st.sampled_from(pool)))
                else:
                    own.append(Claim(f"{ident}_{len(own)}", "Inside.", argument=ident))
                    listed.append(own[-1].id)
            if draw(st.integers(0, 3)) == 0:
                conclusion = draw(st.sampled_from(pool))
            else:
                own.append(Claim(f"{ident}_{len(own)}", "Inside.", argument=ident))
                conclusion = own[-1].id
            steps.append(Step(listed, conclusion))
        group = draw(st.none() | st.sampled_from(["g0", "g1"]))
        items.append(Argument(ident, f"Argument {ident}", steps=steps, group=group))
        items.extend(own)
        pool.extend(c.id for c in own)
        names.append(ident)
    for n in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["support", "rebuttal", "contradiction", "undercut"]))
        name = f"r{n}" if draw(st.booleans()) else None
        a, b = draw(st.sampled_from(pool)), draw(st.sampled_from(pool))
        several = tuple(draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True)))
        if kind == "support":
            items.append(Support(several, b, name=name))
        elif kind == "rebuttal":
            items.append(Rebuttal(several, b, name=name))
        elif kind == "contradiction":
            items.append(Contradiction(a, b, name=name))
        else:
            items.append(Undercut(several, draw(st.sampled_from(names)), name=name))
        if name is not None:
            names.append(name)
    # Groups that may nest in a cycle (E203 in check): still drawn, each once.
    items.append(Group("g0", "Group 0", parent=draw(st.none() | st.sampled_from(["g0", "g1"]))))
    items.append(Group("g1", "Group 1", parent=draw(st.none() | st.sampled_from(["g0", "g1"]))))
    return ArgumentMap(items)


def _visible(graph) -> list[tuple[str, str]]:
    return [
        (e.tail, e.head)
        for e in graph.edges
        if e.attrs.get("style") != "invis" and LEGEND_NODE not in (e.tail, e.head)
    ]


def _reaches(edges, start: str, goal: str, directed: bool = True) -> bool:
    """A path of at most two visible edges (through one dot or argument node)."""
    pairs = set(edges)
    if not directed:
        pairs |= {(b, a) for a, b in pairs}
    if (start, goal) in pairs:
        return True
    middle = {b for a, b in pairs if a == start}
    return any((m, goal) in pairs for m in middle)


def assert_everything_drawn(argument_map: ArgumentMap, view: str) -> None:
    graph = dot_of(argument_map, arguments=view)
    nodes = set(graph.node_names())
    home = {c.id: c.argument for c in argument_map.claims}
    edges = _visible(graph)

    def rep(ident: str) -> str:
        """The node that shows a claim, or a named relation's dot or argument's node."""
        if ident in nodes:
            return ident
        owner = home.get(ident)
        assert view == "collapsed" and owner in nodes, f"{ident} is not drawn ({view})"
        return owner

    for claim in argument_map.claims:
        rep(claim.id)
    for argument in argument_map.arguments:
        if view == "expanded":
            assert f"cluster_argument_{argument.id}" in graph.subgraphs, f"argument {argument.id} has no box"
        else:
            assert argument.id in nodes, f"argument {argument.id} has no node"
    for rel in argument_map.relations:
        if rel.name is not None:
            assert rel.name in nodes, f"{rel.name} has no dot or node ({view})"
        if isinstance(rel, Support) and rel.argument is not None and view == "collapsed":
            node = rel.argument
            for ref in (*rel.premises, rel.conclusion):
                end = rep(ref)
                assert end == node or (end, node) in edges or (node, end) in edges, f"{ref} not linked to {node}"
            continue
        if isinstance(rel, Contradiction):
            ins, target, directed = (rel.first,), rep(rel.second), False
        elif isinstance(rel, Support):
            ins, target, directed = rel.premises, rep(rel.conclusion), True
        else:
            is_claim = rel.target in home and not isinstance(rel, Undercut)
            ins, target, directed = rel.attackers, rep(rel.target) if is_claim else rel.target, True
            assert target in nodes
        for source in ins:
            start = rep(source)
            assert start == target or _reaches(edges, start, target, directed), f"no edge for {rel!r} ({view})"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_every_element_of_the_map_is_drawn_in_both_views(argument_map):
    for view in VIEWS:
        assert_everything_drawn(argument_map, view)


CHAINED = """\
argument a1: Eins
  premise p: P
  conclusion k1: K1
  premise q: Q
  conclusion k2: K2
argument a2: Zwei
  premise {premise}
  conclusion z: Z
claim y: Y
y undercuts a2
claim w: W
w rebuts z
"""


def _parse(text: str) -> ArgumentMap:
    from argmap import parse

    return parse(text)


def test_an_argument_whose_premise_is_folded_into_another_collapsed_argument_is_drawn():
    graph = dot_of(_parse(CHAINED.format(premise="k1")), arguments="collapsed")
    # k1, a1's intermediate conclusion, is inside a1's node: the link goes a1 -> a2, labelled k1.
    link = graph.edge("a1", "a2")
    assert "k1" in link.attrs["taillabel"] and link.attrs["arrowhead"] == "none"
    assert graph.edge("a2", "z").attrs["arrowhead"] == "normal"
    assert graph.edge("y", "a2").attrs["style"] == "dashed"
    assert graph.has_node("a2") and graph.edge("w", "z")


def test_an_argument_whose_premise_is_another_arguments_conclusion_is_drawn():
    graph = dot_of(_parse(CHAINED.format(premise="k2")), arguments="collapsed")
    # node -> claim -> node: the conclusion k2 stays a claim between them.
    graph.edge("a1", "k2")
    graph.edge("k2", "a2")
    graph.edge("a2", "z")
    graph.edge("y", "a2")


def test_group_parent_cycles_are_drawn_each_once():
    text = """\
group g1: Eins
  group: g2
group g2: Zwei
  group: g1
group g3: Drei
  group: g3
claim a: A
  group: g1
claim b: B
  group: g2
claim c: C
  group: g3
"""
    graph = dot_of(_parse(text))
    labels = [attrs.get("label", "") for attrs in graph.subgraphs.values()]
    for word in ("Eins", "Zwei", "Drei"):
        assert sum(word in label for label in labels) == 1, labels
    for claim in "abc":
        graph.node(claim)


def test_a_collapsed_evaluated_argument_names_a_premise_inside_it_that_does_not_hold():
    text = "argument a: Arg\n  premise p: P.\n  conclusion k: K.\nclaim x: X.\nx rebuts p\n"
    graph = dot_of(_parse(text), arguments="collapsed", evaluate="grounded")
    assert "p falls" in graph.node("a").attrs["label"]
    assert "falls" not in graph.node("k").attrs["label"]


def test_the_status_stands_apart_from_the_id_in_a_node_header():
    graph = dot_of(_parse("claim k: K.\n"), evaluate="grounded")
    label = graph.node("k").attrs["label"]
    # a fixed gap cell between the id's cell and the status's cell
    assert label.index(">k<") < label.index('WIDTH="8"') < label.index("unchallenged")


def _legend(text: str) -> str:
    return dot_of(_parse(text)).node(LEGEND_NODE).attrs["label"]


def test_each_kind_of_support_dot_has_its_legend_row():
    base = "claim g: G\nclaim t: T\nclaim h: H\nr: g supports t\nh undercuts r\n"
    both = _legend(base + "argument a: A\n  premise p1: P1\n  premise p2: P2\n  conclusion c: C\n")
    assert "a named support (can be undercut)" in both and "linked premises" in both
    assert "linked premises" not in _legend(base)
    assert "a named support" not in _legend("claim g: G\nclaim t: T\nclaim h: H\ng + h supports t\n")


def test_an_undercut_is_explained_by_the_kind_of_relation_it_aims_at():
    start = "claim a: A\nclaim b: B\nclaim u: U\n"
    contradiction = _legend(start + "r: a contradicts b\nu undercuts r\n")
    assert "undercuts a contradiction" in contradiction and "concession" not in contradiction
    rebuttal = _legend(start + "r: a rebuts b\nu undercuts r\n")
    assert "concession" in rebuttal and "contradiction" not in rebuttal
    undercut = _legend(start + "claim v: V\ns: a supports b\nr: u undercuts s\nv undercuts r\n")
    assert "undercuts an undercut" in undercut and "concession" not in undercut
