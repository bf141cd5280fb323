"""Checks on positions: does what a text, speaker or student holds hang together?

Attacks here are the ones the map writes: ``a rebuts b`` (a attacks b),
``a + c rebuts b`` (a and c attack b only together), ``a contradicts b``
(each attacks the other) and ``u undercuts r`` (u attacks the named relation
or argument r). Supports add no attacks to these checks.

What a position holds: what it accepts, and, for each argument it accepts,
the argument's premises and conclusions (accepting an argument is accepting
what it says). A position may also accept or reject a named relation.

An attack holds for a position (see :class:`_Stance`) when the position
holds all its attackers and, for a named attack, accepts it, or neither
rejects it nor holds an undercut of it that holds (the concession:
accepting ``a``, ``b`` and ``u`` with ``r: a rebuts b`` and ``u undercuts
r`` is consistent).
Undercuts of undercuts are weighed the way grounded semantics weighs
attacks, so a circle of undercuts that the position leaves open neither
holds nor fails. As in the semantics, a named relation stands for the
connection it writes, not for its attackers: accepting ``r`` while rejecting
``a`` says "this would refute ``b`` if ``a`` were true", which is consistent.

Every diagnostic carries ``position=`` the position's id, so that
:func:`position_summary` can count them per position.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import compress, repeat
from operator import is_, itemgetter, or_

from argmap._i18n import N_, Phrase, listing, phrase
from argmap.checks._ids import MapIds, marks
from argmap.diagnostics import Diagnostic, Severity, error, info, warning
from argmap.model import ArgumentMap, Contradiction, Position, Rebuttal, Support, Undercut

__all__ = ["check_positions", "position_summary"]


def check_positions(m: ArgumentMap, ids: MapIds | None = None) -> Iterator[Diagnostic]:
    """For every position: E401 accepts and rejects the same thing; E402 not
    conflict-free; W403 not defended; W404 rejects a claim while accepting
    every premise of a support for it; I405 accepts a claim while rejecting
    every support of it. Accepting an argument accepts its premises and
    conclusions, so rejecting one of them is E401 too. ``ids`` are the
    map's ids, if the caller has read them already."""
    if not m.positions:
        return
    index = _Index(m, ids if ids is not None else MapIds(m))
    _fetch_ahead(m, index)
    seen: set[str] = set()
    for p in m.positions:
        if p.id in seen:
            continue
        seen.add(p.id)
        yield from _check_one(m, p, index)


class _Index:
    """:meth:`ArgumentMap.reasons` and :meth:`ArgumentMap.objections` of the
    ids the position checks ask about, the same tuples in the same order.

    The map's own index groups every relation by the ids it is aimed at:
    on a map of a million claims that takes over a second, for the few
    dozen ids its positions name. This one finds the ids asked for a round
    at a time, in the lists of :class:`MapIds` (in C), and the checks ask
    for what they will need before they need it (:func:`_fetch_ahead`);
    an id not asked for before costs a round of its own. After
    :data:`_ROUNDS` rounds (a long chain of undercuts of undercuts takes a
    round a link) the rest comes from the map's own index, so that no map
    takes quadratic time."""

    def __init__(self, m: ArgumentMap, ids: MapIds):
        self.m, self.ids = m, ids
        self._objections: dict[str, tuple] = {}
        self._reasons: dict[str, tuple] = {}
        #: Where each rebuttal, contradiction and undercut stands in ``m.relations``.
        self._places: tuple[list[int], ...] | None = None
        #: How many rounds were made.
        self.rounds = 0

    def objections(self, ident: str) -> tuple:
        found = self._objections.get(ident)
        if found is None:
            if self.rounds >= _ROUNDS:
                return self.m.objections(ident)
            self.fetch((ident,))
            found = self._objections[ident]
        return found

    def reasons(self, ident: str) -> tuple:
        found = self._reasons.get(ident)
        if found is None:
            if self.rounds >= _ROUNDS:
                return self.m.reasons(ident)
            self.fetch((), (ident,))
            found = self._reasons[ident]
        return found

    def fetch(self, objections: Iterable[str], reasons: Iterable[str] = ()) -> list:
        """Find the objections and the reasons of these ids; return the objections found."""
        m, ids = self.m, self.ids
        wanted = {x for x in reasons if x not in self._reasons}
        if wanted:
            self.rounds += 1
            found: dict[str, list] = {x: [] for x in wanted}
            numbers = [k for k in map(ids.number.get, wanted) if k is not None]
            if numbers:  # (else no support concludes any of them)
                aimed = marks(ids.size, numbers)
                for s in compress(m.supports, map(aimed.__getitem__, ids.conclusion_at)):
                    found[s.conclusion].append(s)
            self._reasons.update((x, tuple(v)) for x, v in found.items())
        wanted = {x for x in objections if x not in self._objections}
        if not wanted:
            return []
        self.rounds += 1
        numbers = [k for k in map(ids.number.get, wanted) if k is not None]  # (not [ ]: an id no relation names gets none)
        aimed: tuple[list[int], ...] = ([], [], [])  # indices in m.rebuttals, m.contradictions, m.undercuts
        if numbers:  # (else no rebuttal or contradiction is aimed at any of them)
            at = marks(ids.size, numbers).__getitem__
            aimed[0].extend(compress(range(len(ids.target_at)), map(at, ids.target_at)))
            sides = map(or_, map(at, ids.first_at), map(at, ids.second_at))
            aimed[1].extend(compress(range(len(ids.first_at)), sides))
        targets = ids.undercut_targets
        aimed[2].extend(compress(range(len(targets)), map(wanted.__contains__, targets)))
        kinds = (m.rebuttals, m.contradictions, m.undercuts)
        if sum(map(bool, aimed)) > 1:
            # In the order of m.relations, where each kind stands among the others.
            places = self._places_of_kinds()
            ordered = sorted((place[k], kind[k]) for place, kind, some in zip(places, kinds, aimed) for k in some)
            hits = list(map(_second_of, ordered))
        else:
            hits = next((list(map(kind.__getitem__, some)) for kind, some in zip(kinds, aimed) if some), [])
        found = {x: [] for x in wanted}
        for rel in hits:
            if type(rel) is Contradiction:
                ends = (rel.first,) if rel.first == rel.second else (rel.first, rel.second)
            else:
                ends = (rel.target,)
            for end in ends:
                if end in found:
                    found[end].append(rel)
        self._objections.update((x, tuple(v)) for x, v in found.items())
        return hits

    def _places_of_kinds(self) -> tuple[list[int], ...]:
        """Where each rebuttal, contradiction and undercut stands in ``m.relations`` (found once)."""
        if self._places is None:
            kinds = list(map(type, self.m.relations))
            self._places = tuple(
                list(compress(range(len(kinds)), map(is_, kinds, repeat(kind))))
                for kind in (Rebuttal, Contradiction, Undercut)
            )
        return self._places


_second_of = itemgetter(1)

#: At most this many rounds of look-ups in :class:`_Index`.
_ROUNDS = 8


def _fetch_ahead(m: ArgumentMap, index: _Index) -> None:
    """Ask ``index`` for what the checks of ``m``'s positions will look up:
    the reasons and objections of what they name, the objections of the
    attackers of those, and the objections of every named relation among
    them, of the undercuts of those, and so on (a round each)."""
    named: set[str] = set()
    for p in m.positions:
        named.update(p.accepts)
        named.update(p.rejects)
        for ref in p.accepts:
            try:
                argument = m.argument(ref)
            except KeyError:
                continue
            named.update(claim for claim, _ in argument.references())
    found = index.fetch(named, named)
    attackers = {x for rel in found for x in _all_sources(rel)}
    while found and index.rounds < _ROUNDS:
        found = index.fetch(attackers | {rel.name for rel in found if rel.name is not None})
        attackers = set()


def _all_sources(rel) -> tuple[str, ...]:
    """The claims an objection is made of (both sides of a contradiction)."""
    if isinstance(rel, Contradiction):
        return (rel.first, rel.second)
    return rel.attackers


def _sources(rel, target: str) -> tuple[str, ...]:
    """The claims whose attack on ``target`` ``rel`` writes."""
    if isinstance(rel, Contradiction):
        return ((rel.second if rel.first == target else rel.first),)
    return rel.attackers


class _Stance:
    """What one position holds, and which of the map's attacks hold for it.

    Look-ups go through :class:`_Index`, so a position costs what it names
    and the relations around it, not the whole map."""

    def __init__(self, m: ArgumentMap, p: Position, index: _Index):
        self.m, self.index = m, index
        self.accepted: dict[str, object] = {}
        self.rejected: dict[str, object] = {}
        refs = list(p.references())
        for k, (ref, span) in enumerate(refs):
            (self.accepted if k < len(p.accepts) else self.rejected).setdefault(ref, span or p.span)
        #: Claims held because an accepted argument says them: claim -> argument id.
        self.via: dict[str, str] = {}
        for ref in self.accepted:
            try:
                argument = m.argument(ref)
            except KeyError:
                continue
            for claim, _ in argument.references():
                if claim not in self.accepted:
                    self.via.setdefault(claim, ref)
        #: Named relation -> True (an undercut of it holds), False (none
        #: does), None (open: a circle of undercuts decides nothing).
        self._cancelled: dict[str, bool | None] = {}
        #: Undercut (by id) -> True, False or None: does it hold? ("open"
        #: only while :meth:`_solve` works.)
        self._undercut: dict[int, object] = {}

    def holds_id(self, ident: str) -> bool:
        return ident in self.accepted or ident in self.via

    def span_of(self, ident: str):
        if ident in self.accepted:
            return self.accepted[ident]
        return self.accepted[self.via[ident]]

    def shown(self, ident: str) -> Phrase | str:
        """```ident``` and, for a claim held through an argument, which one."""
        if ident in self.via:
            return phrase("`{id}` (in argument `{argument}`)", id=ident, argument=self.via[ident])
        return f"`{ident}`"

    def _base(self, rel, target: str) -> bool:
        """The attack holds unless something undercuts it."""
        if rel.name is not None and rel.name in self.rejected:
            return False
        return all(self.holds_id(s) for s in _sources(rel, target))

    def holds(self, rel, target: str) -> bool | None:
        """Does ``rel``'s attack on ``target`` hold for the position (None: open)?"""
        if not self._base(rel, target):
            return False
        name = rel.name
        if name is None or name in self.accepted:
            return True  # an accepted connection holds; an undercut of it is E402 on its own
        cancelled = self.cancelled(name)
        return None if cancelled is None else not cancelled

    def cancelled(self, name: str) -> bool | None:
        """Does an undercut of the named relation ``name`` hold (None: open)?"""
        if name not in self._cancelled:
            self._solve(name)
        return self._cancelled[name]

    def holding_undercuts(self, name: str) -> list[Undercut]:
        """The undercuts of the named relation ``name`` that hold for the position."""
        self.cancelled(name)
        return [u for u in self.index.objections(name) if isinstance(u, Undercut) and self._undercut.get(id(u)) is True]

    def _solve(self, name: str) -> None:
        """Label the undercuts that ``name`` depends on, as grounded semantics
        labels arguments: an undercut holds when every undercut of it fails,
        and fails when one undercut of it holds; what stays open is None.
        Linear in the undercuts reached, without recursion."""
        labels = self._undercut
        open_: list[Undercut] = []
        undercuts_of: dict[str, list[Undercut]] = {}
        stack, seen = [name], set()
        while stack:
            n = stack.pop()
            if n in seen or n in self._cancelled:
                continue
            seen.add(n)
            found = undercuts_of[n] = []
            for u in self.index.objections(n):
                if not isinstance(u, Undercut):
                    continue  # a rebuttal of a relation: E204 reports it
                found.append(u)
                if id(u) in labels:
                    continue
                if not self._base(u, n):
                    labels[id(u)] = False
                elif u.name is None or u.name in self.accepted:
                    labels[id(u)] = True
                elif u.name in self._cancelled:  # settled by an earlier look-up
                    cancelled = self._cancelled[u.name]
                    labels[id(u)] = None if cancelled is None else not cancelled
                else:
                    labels[id(u)] = "open"
                    open_.append(u)
                    stack.append(u.name)
        # Each open undercut waits for its own undercuts: it fails as soon as
        # one holds, and holds once all have failed.
        waiting: dict[int, int] = {}
        attacks: dict[int, list[Undercut]] = {}
        settled: list[Undercut] = []
        for u in open_:
            against = undercuts_of[u.name]
            for v in against:
                attacks.setdefault(id(v), []).append(u)
            if any(labels[id(v)] is True for v in against):
                labels[id(u)] = False
                settled.append(u)
            else:
                waiting[id(u)] = sum(labels[id(v)] is not False for v in against)
                if waiting[id(u)] == 0:
                    labels[id(u)] = True
                    settled.append(u)
        while settled:
            v = settled.pop()
            for u in attacks.get(id(v), ()):
                if labels[id(u)] != "open":
                    continue
                if labels[id(v)] is True:
                    labels[id(u)] = False
                    settled.append(u)
                else:
                    waiting[id(u)] -= 1
                    if waiting[id(u)] == 0:
                        labels[id(u)] = True
                        settled.append(u)
        for u in open_:
            if labels[id(u)] == "open":
                labels[id(u)] = None
        for n in seen:
            found = [labels[id(u)] for u in undercuts_of[n]]
            self._cancelled[n] = True if True in found else (None if None in found else False)


def _written(rel, target: str | None = None) -> Phrase | str:
    """The attack as the map writes it, with its line: "`r: a rebuts b` (line 3)"."""
    if isinstance(rel, Rebuttal):
        text = f"{' + '.join(rel.attackers)} rebuts {rel.target}"
    elif isinstance(rel, Undercut):
        text = f"{' + '.join(rel.attackers)} undercuts {rel.target}"
    else:
        text = f"{rel.first} contradicts {rel.second}"
    if rel.name is not None:
        text = f"{rel.name}: {text}"
    if rel.span is None:
        return f"`{text}`"
    return phrase("`{text}` (line {line})", text=text, line=rel.span.line)


def _support_text(s: Support) -> Phrase | str:
    text = " + ".join(s.premises) + f" supports {s.conclusion}"
    line = s.span.line if s.span is not None else None
    if s.argument is not None:
        if line is None:
            return phrase("`{text}` (a step of argument `{argument}`)", text=text, argument=s.argument)
        return phrase("`{text}` (a step of argument `{argument}`, line {line})", text=text, argument=s.argument, line=line)
    if s.name:
        text = f"{s.name}: {text}"
    return f"`{text}`" if line is None else phrase("`{text}` (line {line})", text=text, line=line)


def _check_one(m: ArgumentMap, p: Position, index: _Index) -> Iterator[Diagnostic]:
    st = _Stance(m, p, index)
    accepted, rejected = st.accepted, st.rejected
    P = p.id

    # E401: accepts and rejects the same thing.
    for ref, span in rejected.items():
        if ref in accepted:
            yield error(
                "E401",
                "position `{pos}` both accepts and rejects `{id}`",
                span,
                "keep `{id}` in one of the two lists",
                position=P,
                pos=P,
                id=ref,
            )

    # E401: accepts an argument but rejects what it says.
    for ref, span in rejected.items():
        if ref in accepted or ref not in st.via:
            continue
        argument = m.argument(st.via[ref])
        if ref == argument.conclusion:
            message = N_("position `{pos}` accepts argument `{argument}` but rejects its conclusion `{id}`")
        elif any(ref == s.conclusion for s in argument.steps):
            message = N_("position `{pos}` accepts argument `{argument}` but rejects its intermediate conclusion `{id}`")
        else:
            message = N_("position `{pos}` accepts argument `{argument}` but rejects its premise `{id}`")
        yield error(
            "E401",
            message,
            span,
            "accepting an argument accepts its premises and conclusions: give up `{argument}` or `{id}`",
            position=P,
            pos=P,
            argument=argument.id,
            id=ref,
        )

    held = list(accepted) + [c for c in st.via if c not in accepted]

    # E402: not conflict-free.
    for b in held:
        for rel in index.objections(b):
            if st.holds(rel, b) is not True:
                continue
            sources = _sources(rel, b)
            if isinstance(rel, Contradiction) and rel.first == b and sources[0] != b:
                continue  # one diagnostic per contradiction
            yield _conflict(st, P, sources, b, rel)

    yield from _undefended(st, P, held)

    # W404: rejects a claim whose support it grants.
    for c, span in rejected.items():
        if st.holds_id(c):
            continue
        for s in index.reasons(c):
            if not all(st.holds_id(q) for q in s.premises):
                continue
            if s.name is not None and (s.name in rejected or st.cancelled(s.name) is not False):
                continue
            yield warning(
                "W404",
                "position `{pos}` rejects `{id}` but accepts every premise of {support}",
                span,
                "accept `{id}`, give up a premise, or undercut the support",
                position=P,
                pos=P,
                id=c,
                support=_support_text(s),
            )

    # I405: accepts a claim while rejecting all its supports.
    for c, span in accepted.items():
        reasons = index.reasons(c)
        if reasons and all(_rejects_support(s, rejected) for s in reasons):
            yield info(
                "I405",
                "position `{pos}` accepts `{id}` but rejects every support given for it",
                span,
                "the position holds `{id}` for reasons the map does not show",
                position=P,
                pos=P,
                id=c,
            )


def _undefended(st: _Stance, P: str, held: list[str]) -> Iterator[Diagnostic]:
    """W403 for each attack on what the position holds that it leaves
    unanswered, and for each attack on an undercut it relies on.

    An attack answered only by an undercut that holds for the position (and
    by nothing that attacks one of its sources) is kept off by that undercut:
    the position relies on it whether or not it names it, so the attacks on
    that undercut must be answered as well, as if it were accepted."""
    relied: set[str] = set()  # the names of the undercuts relied on, checked once
    queue: list[tuple[str, str, Undercut | None]] = [(x, x, None) for x in held]
    k = 0
    while k < len(queue):
        x, root, through = queue[k]
        k += 1
        reported: set[tuple] = set()
        for rel in st.index.objections(x):
            sources = _sources(rel, x)
            key = (sources, rel.name)
            if key in reported:
                continue
            if _attacks_a_source(st, sources):
                continue
            if rel.name is not None and st.cancelled(rel.name) is True:
                for u in _relied_on(st, st.holding_undercuts(rel.name)):
                    if u.name not in relied:
                        relied.add(u.name)
                        queue.append((u.name, root, u))
                continue
            reported.add(key)
            yield _not_defended(st, P, x, root, through, rel, sources)


def _relied_on(st: _Stance, undercuts: list[Undercut]) -> list[Undercut]:
    """Of the ``undercuts`` that keep an attack off, those the position
    relies on: none when one of them needs no defence of its own (an unnamed
    undercut, which nothing can attack, or an accepted one, checked as held),
    else all of them."""
    if any(u.name is None or u.name in st.accepted for u in undercuts):
        return []
    return undercuts


def _not_defended(st: _Stance, P: str, x: str, root: str, through: Undercut | None, rel, sources) -> Diagnostic:
    if len(sources) == 1:
        attacker = phrase("attacker `{id}`", id=sources[0])
    else:
        attacker = phrase("attackers {ids}", ids=listing([f"`{s}`" for s in sources]))
    if len(sources) == 1 and rel.name is not None:
        hint = N_("accept something that attacks `{source}` or undercuts `{name}`, or give up `{root}`")
    elif len(sources) == 1:
        hint = N_("accept something that attacks `{source}`, or give up `{root}`")
    elif rel.name is not None:
        hint = N_("accept something that attacks one of them or undercuts `{name}`, or give up `{root}`")
    else:
        hint = N_("accept something that attacks one of them, or give up `{root}`")
    if through is None:
        message = N_("position `{pos}` accepts {held} but leaves its {attacker} unanswered: {attack}")
        held = st.shown(x)
    else:
        message = N_(
            "position `{pos}` holds {held} only through the undercut {through},"
            " but leaves its {attacker} unanswered: {attack}"
        )
        held = st.shown(root)
    return warning(
        "W403",
        message,
        st.span_of(root),
        hint,
        position=P,
        pos=P,
        held=held,
        through=_written(through) if through is not None else "",
        attacker=attacker,
        attack=_written(rel),
        source=sources[0],
        name=rel.name,
        root=root,
    )


def _attacks_a_source(st: _Stance, sources: tuple[str, ...]) -> bool:
    """The position holds an attack on one of ``sources``."""
    return any(st.holds(q, y) is True for y in sources for q in st.index.objections(y))


def _conflict(st: _Stance, P: str, sources: tuple[str, ...], b: str, rel) -> Diagnostic:
    first: Phrase | str = ""
    if sources == (b,):
        message = N_("position `{pos}` accepts {held}, which attacks itself: {attack}")
        held = st.shown(b)
    elif len(sources) == 1:
        message = N_("position `{pos}` accepts both {first} and {held}, but {attack}")
        first, held = st.shown(sources[0]), st.shown(b)
    else:
        message = N_("position `{pos}` accepts {held}, but {attack}")
        held = _listing_of([st.shown(s) for s in sources] + [st.shown(b)])
    return error(
        "E402",
        message,
        st.span_of(b),
        "a position cannot hold two things of which one attacks the other; drop one",
        position=P,
        pos=P,
        held=held,
        first=first,
        attack=_written(rel),
    )


def _listing_of(items: list[Phrase | str]) -> Phrase | str:
    """:func:`listing` of items some of which are phrases."""
    if len(items) == 1:
        return items[0]
    return phrase("{first} and {last}", first=Phrase(", ", items=tuple(items[:-1])), last=items[-1])


def _rejects_support(s: Support, rejected) -> bool:
    return (s.name is not None and s.name in rejected) or any(q in rejected for q in s.premises)


def position_summary(m: ArgumentMap, diagnostics: Iterable[Diagnostic]) -> list[tuple[str, int, int]]:
    """``(position id, errors, warnings)`` for every position of ``m`` in the
    order written, counting the diagnostics that name it with ``position=``."""
    counts: dict[str, list[int]] = {}
    for p in m.positions:
        counts.setdefault(p.id, [0, 0])
    for d in diagnostics:
        if d.position in counts:
            if d.severity is Severity.ERROR:
                counts[d.position][0] += 1
            elif d.severity is Severity.WARNING:
                counts[d.position][1] += 1
    return [(pid, e, w) for pid, (e, w) in counts.items()]
