"""Essay plans: an argument map as a Markdown outline for writing an essay.

:func:`outline` is a pure function from the model to Markdown text. It picks
a thesis (the map's main claim, or what one position holds), then lists the
reasons for it with their evidence, the objections with the answers the map
(or the position) gives, the unstated premises, a conclusion and the sources.
Headings follow the map's ``lang``: German for ``de``, English otherwise (the
wording is in :mod:`argmap._outline_words`).

An objection whose named rebuttal the essay's side undercuts is conceded, not
denied: the plan words it "Zwar trifft das zu, aber es widerlegt ... nicht" /
"Admittedly this is true, but it does not refute ...". A linked objection is
one objection, its claims joined "zusammen mit:" / "together with:";
answering any one of them answers it. An argument is shown as numbered
premises and conclusions, each conclusion saying which lines it follows from,
the last one with the argument's inference rule when the map names it.
"""

from __future__ import annotations

import re

from argmap._meaning import require_meaning
from argmap._outline_words import WORDS, language
from argmap.diagnostics import suggest
from argmap.errors import UnknownIdError
from argmap.model import Argument, ArgumentMap, Contradiction, Position, Relation, Support, Undercut

__all__ = ["outline"]

#: How deep reasons for reasons are followed; deeper ones are left to the map.
MAX_DEPTH = 3


def outline(argument_map: ArgumentMap, *, position: str | None = None, claim: str | None = None) -> str:
    """An essay plan for ``argument_map`` as Markdown.

    The thesis is ``claim`` when given; otherwise the first main claim the
    ``position`` accepts (or, when it accepts none, the first it rejects: then
    the plan argues against it); without a position, the map's first main
    claim. A main claim has reasons or objections and is neither a premise
    nor the attacker in a rebuttal or undercut. With a position, reasons are
    those it accepts, and an objection counts as answered only by a claim it
    accepts (an answer made of linked claims, only when it accepts them all).
    A concession (an undercut of a named objection) counts as an answer;
    what the map replies to a concession is shown under it. Whatever the
    answers, an objection to the thesis counts as answered only when it fails
    under grounded semantics (one of its claims or its named relation is
    rejected), so the balance line, the open list and the verdict (grounded)
    agree; open objections to the reasons are counted and listed too.
    A thesis that no objection refutes but for which no reason the essay's
    side holds stands (each is refuted or disputed under grounded semantics,
    or there is none) is "accepted, but not supported", and the open list
    names the missing reason: not being refuted is not being founded. A
    concession that grounded semantics defeats is reported ("the map grants
    this but holds ..."), not asserted.
    Raises ``ValueError`` for an unknown position or claim, and
    :class:`argmap.semantics.MapError` (a ValueError carrying the
    diagnostics) when the map has errors that change what it means, such as
    a relation naming an unknown id.

    >>> from argmap import parse
    >>> m = parse('''lang: en
    ... claim ban: Schools should ban phones.
    ...   + focus: Students concentrate better.
    ...   - emergency: Parents must reach their child.
    ...     - office: The office can always be reached.
    ... ''')
    >>> plan = outline(m)
    >>> print(plan.splitlines()[0])
    # Essay plan: untitled
    >>> "### 3.1 Parents must reach their child. (`emergency`)" in plan
    True
    >>> print(plan.split("### 3.1 ")[1].split("\\n## ")[0])
    Parents must reach their child. (`emergency`)
    <BLANKLINE>
    - Evidence: none given
    - Answer: The office can always be reached. (`office`)
    <BLANKLINE>
    """
    require_meaning(argument_map, "plan an essay from")
    words = WORDS[language(argument_map.lang)]
    chosen = None
    if position is not None:
        known = {p.id: p for p in argument_map.positions}
        if position not in known:
            raise UnknownIdError("position", position, tuple(known), _unknown("position", position, known))
        chosen = known[position]
    if claim is not None:
        ids = {c.id for c in argument_map.claims}
        if claim not in ids:
            raise UnknownIdError("claim", claim, tuple(sorted(ids)), _unknown("claim", claim, ids))
    return _Plan(argument_map, chosen, words).write(claim)


def _unknown(what: str, ident: str, known) -> str:
    guess = suggest(ident, known)
    hint = f"; did you mean `{guess}`?" if guess else ""
    listed = ", ".join(sorted(known)) if 0 < len(known) <= 12 else ""
    more = f" (the map has: {listed})" if listed and not guess else ""
    return f"unknown {what} `{ident}`{hint}{more}"


_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str) -> str:
    """Text with the characters Markdown would read as markup escaped."""
    return _MARKDOWN.sub(r"\\\1", text)


def _heads(relation: Relation, target: str) -> tuple[str, ...]:
    """The claims that attack ``target`` in ``relation``: several for a linked objection."""
    if isinstance(relation, Contradiction):
        return (relation.second if relation.first == target else relation.first,)
    return relation.attackers


def _inside(a: Argument) -> tuple[str, ...]:
    """An argument's premises and intermediate conclusions: what an answer to it can attack."""
    return tuple(dict.fromkeys([*a.premises, *(step.conclusion for step in a.steps[:-1])]))


def _plural(n: int, forms: tuple[str, str]) -> str:
    return f"{n} {forms[0] if n == 1 else forms[1]}"



#: An objection as the plan lists it: the relation and the claims that make it.
Heads = tuple[str, ...]


class _Plan:
    """One essay plan being written; collects implicit premises and sources on the way."""

    def __init__(self, m: ArgumentMap, position: Position | None, words: dict):
        self.m = m
        self.position = position
        self.w = words
        self.accepts = set(position.accepts) if position else None
        self.rejects = set(position.rejects) if position else set()
        self.claims = {c.id: c for c in reversed(m.claims)}  # the first definition wins
        self.premises = {p for s in m.supports for p in s.premises}
        self.attackers = {a for r in m.relations if not isinstance(r, (Support, Contradiction)) for a in r.attackers}
        self.implicit: list[str] = []
        self.sources: list[str] = []
        self.source_numbers: dict[str, int] = {}  # source id -> its number in the list of sources
        self.lines: list[str] = []
        self.thesis = ""
        self.numbers: dict[str, int] = {}
        self.conceded = 0  # objections to the thesis answered by a concession
        self.open_marks = 0  # "open" lines written so far
        self.nested_open: dict[Heads, None] = {}  # open objections to the reasons, not to the thesis
        self.replied: set[str] = set()  # claims and relations whose replies the plan already shows
        self._grounded = None

    # -- choosing the thesis -------------------------------------------------

    def main_claims(self) -> list[str]:
        """Claims with reasons or objections that are neither a premise nor an attacker, in map order."""
        out: dict[str, None] = {}
        for c in self.m.claims:
            if c.id in self.premises or c.id in self.attackers or c.id in out:
                continue
            if self.m.reasons(c.id) or self.m.objections(c.id):
                out[c.id] = None
        return list(out)

    def choose(self, claim: str | None) -> tuple[str | None, bool, bool]:
        """The thesis, whether the plan argues for it, and whether the position is silent on it."""
        roots = self.main_claims()
        if claim is not None:
            return claim, claim not in self.rejects, False
        if self.accepts is None:
            return (roots or [c.id for c in self.m.claims] or [None])[0], True, False
        for r in roots:
            if r in self.accepts:
                return r, True, False
        # The position holds no main claim: take the claim it holds that is
        # nearest the top, preferring one that attacks a main claim, then one
        # with more reasons the position shares.
        held_conclusions = {s.conclusion for s in self.m.supports if s.conclusion in self.accepts}
        below = {p for s in self.m.supports if s.conclusion in held_conclusions for p in s.premises}
        root_set = set(roots)
        attacks_root = {
            a for t in roots for r in self.m.objections(t) if not isinstance(r, Undercut) for a in _heads(r, t)
        }
        candidates = []
        for order, c in enumerate(self.m.claims):
            held = sum(1 for s in self.m.reasons(c.id) if self.holds(s))
            if c.id in self.accepts and c.id not in below and c.id not in root_set and self.m.reasons(c.id):
                candidates.append((c.id not in attacks_root, -held, order, c.id))
        if candidates:
            return min(candidates)[3], True, False
        for r in roots:
            if r in self.rejects:
                return r, False, False
        first = (roots or [c.id for c in self.m.claims] or [None])[0]
        return first, True, True

    # -- small pieces ----------------------------------------------------------

    def own(self, ident: str) -> bool:
        """True when the essay's side holds ``ident``."""
        return self.accepts is None or ident in self.accepts

    def text(self, ident: str) -> str:
        c = self.claims.get(ident)
        if c is None:
            return f"`{ident}`"
        if c.implicit and ident not in self.implicit:
            self.implicit.append(ident)
        return f"{_md(c.text)} (`{ident}`)"

    def joined(self, heads: Heads) -> str:
        """The claims of a linked objection as one: "X together with: Y"."""
        return f" {self.w['linked']}: ".join(self.text(h) for h in heads)

    def evidence(self, ident: str) -> str:
        """What backs ``ident``, or "" when the map gives nothing."""
        c = self.claims.get(ident)
        if c is None:
            return ""
        if c.implicit:
            return self.w["implicit_mark"]
        parts = []
        if c.basis is not None:
            parts.append(self.w["basis"][c.basis.value])
        if c.quote:
            parts.append(self.w["quote"].format(_md(c.quote)))
        if c.source:
            number = self.source_numbers.setdefault(c.source, len(self.sources) + 1)
            if number > len(self.sources):
                self.sources.append(c.source)
            parts.append(f"[{number}]")
        return ", ".join(parts)

    def detail(self, ident: str, indent: str) -> list[str]:
        """The evidence line and the note of a claim. Only a claim that heads a
        section (no indent) says "no evidence given": deeper down that is noise."""
        found = self.evidence(ident)
        out = [f"{indent}- {self.w['evidence']}: {found or self.w['no_evidence']}"] if found or not indent else []
        c = self.claims.get(ident)
        if c is not None and c.note:
            out.append(f"{indent}- {self.w['note']}: {_md(c.note)}")
        return out

    def heads_block(self, label: str, heads: Heads, indent: str, suffix: str = "") -> list[str]:
        """A labelled item with evidence; the further claims of a linked objection under it."""
        first, *rest = heads
        out = [f"{indent}- {label}: {self.text(first)}{suffix}"]
        if not suffix:
            out.extend(self.detail(first, indent + "  "))
        for h in rest:
            out.append(f"{indent}  - {self.w['linked']}: {self.text(h)}")
            out.extend(self.detail(h, indent + "    "))
        return out

    def objections_to(self, ident: str) -> list[tuple[Relation, Heads]]:
        """(relation, attacking claims) for each attack on ``ident``, those the thesis makes
        excluded (except on the thesis itself: an attack on itself is an objection too)."""
        out = []
        for r in self.m.objections(ident):
            heads = _heads(r, ident)
            if self.thesis not in heads or ident == self.thesis:
                out.append((r, heads))
        return out

    def answers(self, ident: str, exclude=()) -> list[Heads]:
        """The attacks on ``ident`` that the essay's side makes (all their claims are its own)."""
        return [
            h
            for _, h in self.objections_to(ident)
            if all(self.own(a) for a in h) and not any(a in exclude for a in h)
        ]

    def open_line(self, indent: str, failed: bool = False) -> str:
        """"Open": the map (or the position) has no answer, or (``failed``) its answers do not hold."""
        self.open_marks += 1
        if failed:
            return f"{indent}- {self.w['open_failed']}"
        if self.position is not None:
            return f"{indent}- {self.w['open_who'].format(who=f'`{self.position.id}`')}"
        return f"{indent}- {self.w['open']}"

    def what(self, target: str) -> str:
        """How a concession names what the objection fails to refute."""
        if target == self.thesis:
            return self.w["the_thesis"]
        if target not in self.claims and isinstance(self.relation(target), Support):
            return self.w["the_inference"]
        return f"`{target}`"

    def relation(self, name: str | None) -> Relation | None:
        try:
            return self.m.relation(name) if name is not None else None
        except KeyError:
            return None

    def grounded(self):
        """Every argument's status under grounded semantics (computed once)."""
        if self._grounded is None:
            from argmap.semantics import evaluate

            self._grounded = evaluate(self.m, "grounded").status
        return self._grounded

    def succeeds(self, relation: Relation, heads: Heads) -> str:
        """Whether an attack succeeds under grounded semantics: "accepted" when its
        claims and its name all hold, "rejected" when one of them is rejected,
        else "undecided". The plan calls an objection answered only when rejected."""
        status = self.grounded()
        parts = [*heads, *([relation.name] if relation.name else [])]
        values = {status[p].value for p in parts if p in status}
        if "rejected" in values:
            return "rejected"
        return "undecided" if "undecided" in values else "accepted"

    def concession(self, relation: Relation, defended: str, heads: Heads, indent: str) -> tuple[list[str], bool]:
        """"Admittedly ..., but ...": the undercuts of a named objection that the essay's
        side makes, each with what answers it in turn; and whether there is one.

        An undercut by the objection's own claims is no concession: it is shown
        as limiting the objection. One the essay's side does not hold is left out."""
        if relation.name is None:
            return [], False
        w = self.w
        admit = f"{w['concession']}: {w['admit'].format(what=self.what(defended))}"
        # A concession that does not hold under grounded semantics is reported, not asserted.
        claimed = f"{w['concession_fails']}: {w['admit_claimed'].format(what=self.what(defended))}"
        out, conceded = [], False
        for r, h in self.objections_to(relation.name):
            if not all(self.own(a) for a in h):
                continue
            own = not set(h) & set(heads)
            conceded = conceded or own
            label = (admit if self.succeeds(r, h) == "accepted" else claimed) if own else w["limits"]
            out.extend(self.heads_block(label, h, indent))
            seen = {defended, *heads, *h, relation.name}
            label = w["against_concession"] if own else w["answer"]
            out.extend(self.replies([*h, *([r.name] if r.name else [])], label, indent + "  ", seen))
        return out, conceded

    def replies(self, targets, label: str, indent: str, seen: set[str], depth: int = 1) -> list[str]:
        """Every attack on ``targets`` (claims or named relations), and below
        each, what attacks it in turn (down to :data:`MAX_DEPTH`). Each target's
        replies are shown once in a plan, which keeps a plan linear in the map."""
        out: list[str] = []
        if depth > MAX_DEPTH:
            return out
        for t in targets:
            if t in self.replied:
                continue
            self.replied.add(t)
            for r in self.m.objections(t):
                h = _heads(r, t)
                if isinstance(r, Contradiction) and all(a in seen for a in h):
                    continue  # the claim we came from, answering back
                out.append(f"{indent}- {label}: {self.joined(h)}")
                further = [a for a in (*h, r.name) if a is not None and a not in seen]
                out.extend(self.replies(further, self.w["answer"], indent + "  ", seen | set(further), depth + 1))
        return out

    def argument_of(self, s: Support) -> Argument | None:
        """The argument whose conclusion ``s`` draws (its final inference), if any."""
        if s.argument is None or s.name != s.argument:
            return None
        try:
            return self.m.argument(s.argument)
        except KeyError:
            return None

    def title(self, a: Argument) -> str:
        return f"{_md(a.title)} (`{a.id}`)"

    def argument_lines(self, a: Argument, indent: str, depth: int, seen: set[str], answers: bool = True) -> list[str]:
        """An argument as numbered premises and conclusions, each conclusion
        saying which lines it follows from (and the inference's name at the end)."""
        w = self.w
        out = []
        if a.gist:
            out.append(f"{indent}- {w['gist']}: {_md(a.gist)}")
        if a.note:
            out.append(f"{indent}- {w['note']}: {_md(a.note)}")
        seen = seen | set(a.premises) | {step.conclusion for step in a.steps}
        number: dict[str, int] = {}
        previous = None
        last = len(a.steps) - 1
        for i, step in enumerate(a.steps):
            for p in step.premises:
                number.setdefault(p, len(number) + 1)
                out.append(f"{indent}- ({number[p]}) {self.text(p)}")
                out.extend(self.claim_lines(p, indent + "  ", depth, seen, answers))
            lines = sorted({number[p] for p in step.premises} | ({number[previous]} if previous else set()))
            why = f"{w['from']} {', '.join(map(str, lines))}"
            if i == last and a.inference:
                why += f"; {_md(a.inference)}"
            number[step.conclusion] = len(number) + 1
            out.append(f"{indent}- ({number[step.conclusion]}) {w['hence']} ({why}): {self.text(step.conclusion)}")
            if i < last:
                out.extend(self.claim_lines(step.conclusion, indent + "  ", depth, seen, answers))
            previous = step.conclusion
        if answers:
            for relation, heads in self.objections_to(a.id):
                out.extend(self.objection_bullets(relation, heads, indent))
        return out

    def claim_lines(self, ident: str, indent: str, depth: int, seen: set[str], answers: bool) -> list[str]:
        """A claim inside an argument: its evidence, and (when ``answers``) its reasons and the objections to it."""
        if not answers:
            return self.detail(ident, indent)
        return self.reason_bullets(ident, indent, depth, seen)

    # -- the parts of a plan ---------------------------------------------------

    def reason_bullets(self, ident: str, indent: str, depth: int, seen: set[str], detail: bool = True) -> list[str]:
        """What backs a claim of the essay's side: evidence, its own reasons,
        and the objections to it with their answers."""
        out = self.detail(ident, indent) if detail else []
        if depth < MAX_DEPTH:
            for s in self.m.reasons(ident):
                if not self.holds(s) or any(p in seen for p in s.premises):
                    continue
                out.extend(self.support_bullets(s, indent, depth + 1, seen | set(s.premises)))
        for relation, heads in self.objections_to(ident):
            out.extend(self.objection_bullets(relation, heads, indent))
        return out

    def support_bullets(self, s: Support, indent: str, depth: int, seen: set[str]) -> list[str]:
        a = self.argument_of(s)
        if a is not None:
            out = [f"{indent}- {self.w['supported']}: {self.title(a)}"]
            return out + self.argument_lines(a, indent + "  ", depth, seen)
        first, *rest = s.premises
        out = [f"{indent}- {self.w['supported']}: {self.text(first)}"]
        inner = indent + "  "
        out.extend(self.detail(first, inner))
        for p in rest:
            out.append(f"{inner}- {self.w['together']}: {self.text(p)}")
            out.extend(self.detail(p, inner + "  "))
        out.extend(self.reason_bullets(first, inner, depth, seen, detail=False))
        if s.name:
            for relation, heads in self.objections_to(s.name):
                out.extend(self.objection_bullets(relation, heads, inner))
        return out

    def objection_bullets(self, relation: Relation, heads: Heads, indent: str) -> list[str]:
        """An objection to a claim of the essay's side, with the answers to it;
        open (and remembered for the conclusion) when it succeeds under grounded
        semantics, whatever answers the map gives."""
        marks = self.open_marks
        out = self.objection_lines(relation, heads, indent)
        state = self.succeeds(relation, heads)
        if self.open_marks == marks:
            if state == "accepted":
                out.append(self.open_line(indent + "  ", failed=True))
            elif state == "undecided":
                out.append(f"{indent}  - {self.w['disputed_line']}")
        if self.open_marks > marks or state == "undecided":
            self.nested_open.setdefault(heads)
        return out

    def objection_lines(self, relation: Relation, heads: Heads, indent: str) -> list[str]:
        """An objection to a claim of the essay's side, with the answers to it.

        A claim that merely contradicts the defended one is answered by it;
        what is left to answer are the reasons given for that claim. An
        undercut of a named objection is a concession: its claims may stand,
        but it does not refute what it attacks."""
        w = self.w
        label = w["undercut"] if isinstance(relation, Undercut) else w["objection"]
        out = [f"{indent}- {label}: {self.joined(heads)}"]
        inner = indent + "  "
        defended = _heads(relation, heads[0])[0] if isinstance(relation, Contradiction) else relation.target
        found = []
        for a in heads:
            for h in self.answers(a, {defended}):
                found.append(h)
                out.append(f"{inner}- {self.answer_label(a, heads)}: {self.joined(h)}")
        lines, conceded = self.concession(relation, defended, heads, inner)
        out.extend(lines)
        if found or conceded:
            return out
        if not isinstance(relation, Contradiction):
            out.append(self.open_line(inner))
            return out
        unanswered = False
        for s in self.m.reasons(heads[0]):
            if defended in s.premises or self.thesis in s.premises:
                continue
            counters = self.counters(s)
            for h in counters:
                out.append(f"{inner}- {w['answer']} ({w['against']} `{s.premises[0]}`): {self.joined(h)}")
            unanswered = unanswered or not counters
        if unanswered:
            out.append(self.open_line(inner))
        return out

    def support_lines(self, s: Support) -> list[str]:
        """A reason for a claim the essay answers: its premises with their evidence, or the argument, numbered."""
        w = self.w
        a = self.argument_of(s)
        if a is not None:
            return [f"- {w['supported']}: {self.title(a)}", *self.argument_lines(a, "  ", MAX_DEPTH, set(), False)]
        first, *rest = s.premises
        out = [f"- {w['supported']}: {self.text(first)}", *self.detail(first, "  ")]
        for p in rest:
            out.append(f"  - {w['together']}: {self.text(p)}")
            out.extend(self.detail(p, "    "))
        return out

    def answer_label(self, answered: str, heads: Heads) -> str:
        """"Answer", saying which claim it answers when the objection has several."""
        if len(heads) == 1:
            return self.w["answer"]
        return f"{self.w['answer']} ({self.w['against']} `{answered}`)"

    def labelled(self, s: Support, counters: list[Heads]) -> list[tuple[str, Heads]]:
        """Each counter to ``s`` with its label; for an argument, the label says which claim it answers."""
        a = self.argument_of(s)
        if a is None:
            return [(self.w["answer"], c) for c in counters]
        inside = _inside(a)
        out = []
        for c in counters:
            hit = next((x for x in inside if c in self.answers(x)), None)
            out.append((self.answer_label(hit, inside) if hit else f"{self.w['answer']} ({self.w['undercut']})", c))
        return out

    def counters(self, s: Support) -> list[Heads]:
        """The attacks of the essay's side on a premise of ``s`` or on ``s`` itself; for an
        argument, on any of its premises and intermediate conclusions, or on its inference."""
        a = self.argument_of(s)
        claims = _inside(a) if a is not None else s.premises
        found = [h for p in claims for h in self.answers(p)]
        return found + (self.answers(s.name) if s.name else [])

    def holds(self, s: Support) -> bool:
        """True when the essay's side makes this support its own."""
        if self.accepts is None:
            return True
        return (s.name is not None and s.name in self.accepts) or all(p in self.accepts for p in s.premises)

    # -- the whole plan --------------------------------------------------------

    def write(self, claim: str | None) -> str:
        w, m = self.w, self.m
        title = _md(m.title) if m.title else w["untitled"]
        self.lines = [f"# {w['plan']}: {title}", ""]
        if m.question:
            self.lines += [f"**{w['question']}:** {_md(m.question)}", ""]
        if self.position is not None:
            self.lines += [f"**{w['view']}:** {self.who()}", ""]
        thesis, pro, silent = self.choose(claim)
        if thesis is None:
            self.lines.append(w["no_claims"])
            return "\n".join(self.lines) + "\n"
        self.thesis = thesis
        reasons, objections = self.items(thesis, pro)
        self.intro(thesis, pro, silent)
        answered, still_open = self.body(thesis, pro, reasons, objections)
        self.unstated()
        self.conclusion(thesis, pro, len(reasons), len(objections), answered, still_open)
        self.source_list()
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n"

    def who(self) -> str:
        p = self.position
        try:
            s = self.m.source(p.id)
        except KeyError:
            return f"`{p.id}`"
        facts = ", ".join(_md(x) for x in (s.author, s.kind, s.date) if x)
        return f"`{p.id}`: {self.w['quote'].format(_md(s.title))}" + (f" ({facts})" if facts else "")

    def items(self, thesis: str, pro: bool):
        """The reasons for the essay's view and the objections it has to answer.

        Arguing for the thesis, what attacks a counter-thesis (a claim that
        contradicts the thesis) is a reason too."""
        supports = [("support", s) for s in self.m.reasons(thesis)]
        attacks = [("attack", r, h) for r, h in self.objections_to(thesis)]
        if not pro:
            return [i for i in attacks if all(self.own(a) for a in i[2])], supports
        reasons = [i for i in supports if self.holds(i[1])]
        for r in self.m.objections(thesis):
            if isinstance(r, Contradiction) and _heads(r, thesis)[0] != thesis:
                counter = _heads(r, thesis)[0]
                reasons += [("attack", q, h) for q, h in self.objections_to(counter) if all(self.own(a) for a in h)]
        return reasons, attacks

    def see(self, heads: Heads) -> str:
        """A pointer to the reason section that already presents these claims."""
        n = self.numbers.get(heads)
        return f" ({self.w['see']} 2.{n})" if n else ""

    def intro(self, thesis: str, pro: bool, silent: bool) -> None:
        w = self.w
        self.lines += [f"## 1. {w['intro']}", ""]
        if silent and self.position is not None:
            self.lines += [w["silent"].format(who=f"`{self.position.id}`"), ""]
        label = w["thesis"] if pro else w["thesis_against"].format(who=f"`{self.position.id}`")
        self.lines.append(f"- {label}: **{self.text(thesis)}**")
        for r in self.m.objections(thesis):
            if isinstance(r, Contradiction) and _heads(r, thesis)[0] != thesis:
                self.lines.append(f"- {w['counter']}: {self.text(_heads(r, thesis)[0])}")
        self.lines.append("")

    def body(self, thesis, pro, reasons, objections) -> tuple[int, list[Heads]]:
        w = self.w
        self.lines += [f"## 2. {w['reasons'] if pro else w['reasons_against']}", ""]
        if not reasons:
            self.lines += [w["none_reasons"], ""]
        self.numbers = {item[2]: n for n, item in enumerate(reasons, 1) if item[0] == "attack"}
        for n, item in enumerate(reasons, 1):
            if item[0] == "support":
                self.reason_section(n, item[1], thesis)
            else:
                heads = item[2]
                self.lines.append(f"### 2.{n} {self.text(heads[0])}")
                self.lines.append("")
                self.lines.extend(self.reason_bullets(heads[0], "", 1, {thesis, *heads}))
                for h in heads[1:]:
                    self.lines.append(f"- {w['linked']}: {self.text(h)}")
                    self.lines.extend(self.reason_bullets(h, "  ", 1, {thesis, *heads}))
            self.lines.append("")

        self.lines += [f"## 3. {w['objections'] if pro else w['objections_against']}", ""]
        if not objections:
            self.lines += [w["none_objections"], ""]
        answered = 0
        still_open = []
        for n, item in enumerate(objections, 1):
            state = self.counter_block(n, item)
            if state == "answered":
                answered += 1
            else:
                heads = item[2] if item[0] == "attack" else item[1].premises[:1]
                still_open.append((heads, state == "disputed"))
        return answered, still_open

    def reason_section(self, n: int, s: Support, thesis: str) -> None:
        """One reason for the thesis: a support, or an argument with its premises and conclusions."""
        w = self.w
        a = self.argument_of(s)
        if a is not None:
            self.lines += [f"### 2.{n} {self.title(a)}", ""]
            self.lines.extend(self.argument_lines(a, "", 1, {thesis}))
            return
        main = next((p for p in s.premises if not self._implicit(p)), s.premises[0])
        self.lines.append(f"### 2.{n} {self.text(main)}")
        self.lines.append("")
        self.lines.extend(self.detail(main, ""))
        for p in s.premises:
            if p != main:
                self.lines.append(f"- {w['together']}: {self.text(p)}")
                self.lines.extend(self.detail(p, "  "))
        self.lines.extend(self.reason_bullets(main, "", 1, {thesis, *s.premises}, detail=False))
        if s.name:
            for relation, heads in self.objections_to(s.name):
                self.lines.extend(self.objection_bullets(relation, heads, ""))

    def counter_block(self, n: int, item) -> str:
        """One objection to the essay's view with the answers to it: "answered", "open" or "disputed"."""
        w = self.w
        argument = None
        if item[0] == "attack":
            relation, heads = item[1], item[2]
            link, mutual = relation.name, isinstance(relation, Contradiction)
        else:
            relation, heads, link, mutual = None, tuple(item[1].premises), item[1].name, False
            argument = self.argument_of(item[1])
        if argument is not None:
            heads = _inside(argument)
            self.lines += [f"### 3.{n} {self.title(argument)}", ""]
            self.lines.extend(self.argument_lines(argument, "", MAX_DEPTH, set(), answers=False))
        else:
            self.lines += [f"### 3.{n} {self.text(heads[0])}", ""]
            self.lines.extend(self.detail(heads[0], ""))
            together = w["linked"] if relation is not None else w["together"]
            for p in heads[1:]:
                self.lines.append(f"- {together}: {self.text(p)}")
                self.lines.extend(self.detail(p, "  "))
        if relation is not None and relation.note:
            self.lines.append(f"- {w['note']}: {_md(relation.note)}")
        # A conceded objection's claims stand: the reasons given for them need no answer.
        conceding = relation is not None and relation.name is not None and bool(self.answers(relation.name))
        inside = argument.id if argument is not None else None
        reasons = countered = 0
        for h in heads:
            for s in self.m.reasons(h):
                if self.thesis in s.premises or (inside is not None and s.argument == inside):
                    continue
                reasons += 1
                self.lines.extend(self.support_lines(s))
                counters = self.counters(s)
                for label, c in self.labelled(s, counters):
                    self.lines.append(f"  - {label}: {self.joined(c)}{self.see(c)}")
                if counters:
                    countered += 1
                elif not conceding:
                    self.lines.append(self.open_line("  "))
        direct = []
        for h in heads:
            for c in self.answers(h):
                direct.append(c)
                self.lines.extend(self.heads_block(self.answer_label(h, heads), c, "", self.see(c)))
        undercuts = self.answers(link) if link and relation is None else []
        for c in undercuts:
            self.lines.extend(self.heads_block(f"{w['answer']} ({w['undercut']})", c, ""))
        lines, conceded = self.concession(relation, self.thesis, heads, "") if relation is not None else ([], False)
        self.lines.extend(lines)
        answered = (
            bool(direct or undercuts or conceded) or (reasons > 0 and countered == reasons) or (mutual and not reasons)
        )
        state = "answered" if answered else "open"
        if relation is not None:
            # The verdict is grounded semantics: an objection that still
            # succeeds there is not answered, however the map replies to it.
            success = self.succeeds(relation, heads)
            if success == "rejected" and self.position is None:
                state = "answered"
            elif success != "rejected":
                state = "open" if success == "accepted" else "disputed"
        if state == "answered" and conceded:
            self.conceded += 1
        # Each objection left standing says so at its own level, whatever its reasons' lines say.
        if state == "open":
            self.lines.append(self.open_line("", failed=answered))
        elif state == "disputed":
            self.lines.append(f"- {w['disputed_line']}")
        self.lines.append("")
        return state

    def _implicit(self, ident: str) -> bool:
        c = self.claims.get(ident)
        return c is not None and c.implicit

    def unstated(self) -> None:
        if not self.implicit:
            return
        self.lines += [f"## 4. {self.w['implicit']}", "", self.w["implicit_intro"], ""]
        for ident in self.implicit:
            self.lines.append(f"- {_md(self.claims[ident].text)} (`{ident}`)")
        self.lines.append("")

    def conclusion(self, thesis, pro, n_reasons, n_objections, answered, still_open) -> None:
        w = self.w
        number = 5 if self.implicit else 4
        self.lines += [f"## {number}. {w['conclusion']}", ""]
        if pro:
            self.lines.append(f"- {w['restate']}: **{self.text(thesis)}**")
        else:
            self.lines.append(f"- {w['restate_against']}: **{w['not']} {self.text(thesis)}**")
        balance = f"{_plural(n_reasons, w['reason'])}; {_plural(n_objections, w['objection_n'])}"
        disputed = sum(1 for _, d in still_open if d)
        if n_objections:
            balance += ", " + w["answered"].format(n=answered)
        if self.conceded:
            balance += " " + w["by_concession"].format(n=self.conceded)
        if disputed:
            balance += ", " + w["disputed"].format(n=disputed)
        nested = [h for h in self.nested_open if h not in {heads for heads, _ in still_open}]
        if nested:
            balance += "; " + _plural(len(nested), w["reason_open"])
        self.lines.append(f"- {w['balance']}: {balance}.")
        # Arguing for the thesis, a plan without a reason that stands says so among what is open.
        unsupported = self.unsupported(thesis) if pro else None
        if still_open or nested or unsupported:
            self.lines.append(f"- {w['open_list']}:")
            for heads in [*(h for h, _ in still_open), *nested]:
                self.lines.append(f"  - {self.joined(heads)}")
            if unsupported and self.position is not None:
                self.lines.append(f"  - {w['no_standing_who'].format(who=f'`{self.position.id}`')}")
            elif unsupported:
                self.lines.append(f"  - {w['no_standing']}")
        counter = {_heads(r, thesis)[0] for r in self.m.objections(thesis) if isinstance(r, Contradiction)}
        others = [
            r for r in self.main_claims() if r != thesis and r not in counter and self.own(r) and self.m.reasons(r)
        ]
        if others:
            self.lines.append(f"- {w['other']}:")
            for ident in others:
                self.lines.append(f"  - {self.text(ident)}")
        status = self.status(thesis)
        if status:
            if status == "accepted" and unsupported:
                # Not attacked successfully is not the same as founded: say what is missing.
                verdict = w[f"accepted_{unsupported}"]
            else:
                verdict = w[status] + (f" {w['weak_reasons']}" if status == "accepted" and nested else "")
            self.lines.append(f"- {w['status']}: {verdict}")
        self.lines.append("")

    def status(self, thesis: str) -> str | None:
        return self.grounded()[thesis].value

    def unsupported(self, thesis: str) -> str | None:
        """None when a reason for ``thesis`` that the essay's side holds stands under
        grounded semantics (its premises and its name accepted); else why not:
        "none" (the plan has no reason), "refuted" (each is rejected) or "disputed"."""
        status = self.grounded()
        states = set()
        for s in self.m.reasons(thesis):
            if not self.holds(s):
                continue
            parts = [*s.premises, *([s.name] if s.name else [])]
            values = {status[p].value for p in parts if p in status}
            if values <= {"accepted"}:
                return None
            states.add("rejected" if "rejected" in values else "undecided")
        if not states:
            return "none"
        return "refuted" if states == {"rejected"} else "disputed"

    def source_list(self) -> None:
        if not self.sources:
            return
        self.lines += [f"## {self.w['sources']}", ""]
        for n, ident in enumerate(self.sources, 1):
            try:
                s = self.m.source(ident)
            except KeyError:
                self.lines.append(f"{n}. `{ident}`")
                continue
            facts = ", ".join(_md(x) for x in (s.author, s.kind, s.date) if x)
            self.lines.append(f"{n}. {self.w['quote'].format(_md(s.title))}" + (f", {facts}" if facts else ""))
        self.lines.append("")
