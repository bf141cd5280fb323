"""Essay plans: an argument map as a Markdown outline for writing an essay.

:func:`outline` is a pure function from the model to Markdown text. It picks
a thesis (the map's main claim, or what one position holds), then lists the
reasons for it with their evidence, the objections with the answers the map
(or the position) gives, the unstated premises, a conclusion and the sources.
Headings follow the map's ``lang``: German for ``de``, English otherwise.
"""

from __future__ import annotations

import re

from argmap._meaning import require_meaning
from argmap.diagnostics import suggest
from argmap.model import ArgumentMap, Contradiction, Position, Relation, Support, Undercut

__all__ = ["outline"]

#: How deep reasons for reasons are followed; deeper ones are left to the map.
MAX_DEPTH = 3

_WORDS = {
    "de": {
        "plan": "Gliederung",
        "untitled": "ohne Titel",
        "question": "Leitfrage",
        "view": "Aus der Sicht von",
        "intro": "Einleitung",
        "thesis": "These",
        "thesis_against": "These (die {who} ablehnt)",
        "counter": "Gegenthese",
        "reasons": "Argumente für die These",
        "reasons_against": "Argumente gegen die These",
        "objections": "Einwände und Antworten",
        "objections_against": "Argumente für die These und Antworten darauf",
        "evidence": "Beleg",
        "no_evidence": "keiner angegeben",
        "note": "Hinweis",
        "supported": "gestützt durch",
        "together": "trägt nur zusammen mit",
        "objection": "Einwand",
        "undercut": "Einwand gegen den Schluss",
        "answer": "Antwort",
        "against": "gegen",
        "see": "siehe",
        "open_who": "offen: {who} beantwortet das nicht",
        "open": "offen: die Karte enthält keine Antwort",
        "implicit": "Unausgesprochene Voraussetzungen",
        "implicit_intro": "Diese Annahmen trägt die Argumentation stillschweigend mit. "
        "Prüfe jede: Würde die Gegenseite sie zugeben?",
        "implicit_mark": "unausgesprochene Voraussetzung",
        "conclusion": "Schluss",
        "restate": "These noch einmal",
        "restate_against": "Ergebnis",
        "not": "Nicht:",
        "balance": "Bilanz",
        "reason": ("Argument", "Argumente"),
        "objection_n": ("Einwand", "Einwände"),
        "answered": "davon {n} beantwortet",
        "open_list": "Offen bleibt, hier muss der Aufsatz nachlegen",
        "other": "Weitere Thesen",
        "status": "argmap-Bewertung (grounded)",
        "accepted": "angenommen: Die These hält allen Einwänden der Karte stand.",
        "rejected": "abgelehnt: Ein Einwand, den die Karte nicht entkräftet, bleibt stehen.",
        "undecided": "unentschieden: These und Einwände greifen einander an, keine Seite setzt sich durch.",
        "no_claims": "Die Karte enthält keine Behauptung.",
        "silent": "{who} nimmt zu keiner Hauptthese der Karte Stellung; die Gliederung folgt der ersten.",
        "sources": "Quellen",
        "none_reasons": "Die Karte nennt keine Argumente dafür.",
        "none_objections": "Die Karte nennt keine Einwände.",
        "quote": "„{}“",
        "basis": {
            "statistic": "Statistik",
            "expert": "Expertenmeinung",
            "study": "Studie",
            "quote": "Zitat",
            "law": "Gesetz",
            "example": "Beispiel",
            "common belief": "allgemeine Überzeugung",
            "assumption": "Annahme",
        },
    },
    "en": {
        "plan": "Essay plan",
        "untitled": "untitled",
        "question": "Question",
        "view": "From the point of view of",
        "intro": "Introduction",
        "thesis": "Thesis",
        "thesis_against": "Thesis (which {who} rejects)",
        "counter": "Counter-thesis",
        "reasons": "Reasons for the thesis",
        "reasons_against": "Reasons against the thesis",
        "objections": "Objections and answers",
        "objections_against": "Reasons for the thesis and answers to them",
        "evidence": "Evidence",
        "no_evidence": "none given",
        "note": "Note",
        "supported": "supported by",
        "together": "works only together with",
        "objection": "Objection",
        "undercut": "Objection to the inference",
        "answer": "Answer",
        "against": "against",
        "see": "see",
        "open_who": "open: {who} does not answer this",
        "open": "open: the map has no answer",
        "implicit": "Unstated premises",
        "implicit_intro": "The argument relies on these assumptions without saying so. "
        "Check each one: would the other side grant it?",
        "implicit_mark": "unstated premise",
        "conclusion": "Conclusion",
        "restate": "The thesis once more",
        "restate_against": "Result",
        "not": "Not:",
        "balance": "Balance",
        "reason": ("reason", "reasons"),
        "objection_n": ("objection", "objections"),
        "answered": "{n} of them answered",
        "open_list": "Still open; the essay has to deal with these",
        "other": "Further theses",
        "status": "argmap's verdict (grounded)",
        "accepted": "accepted: the thesis withstands every objection in the map.",
        "rejected": "rejected: an objection the map does not defeat still stands.",
        "undecided": "undecided: thesis and objections attack each other and neither side prevails.",
        "no_claims": "The map has no claims.",
        "silent": "{who} takes no stand on a main thesis of the map; the plan follows the first one.",
        "sources": "Sources",
        "none_reasons": "The map gives no reasons for it.",
        "none_objections": "The map gives no objections.",
        "quote": "“{}”",
        "basis": {
            "statistic": "statistic",
            "expert": "expert opinion",
            "study": "study",
            "quote": "quote",
            "law": "law",
            "example": "example",
            "common belief": "common belief",
            "assumption": "assumption",
        },
    },
}


def outline(argument_map: ArgumentMap, *, position: str | None = None, claim: str | None = None) -> str:
    """An essay plan for ``argument_map`` as Markdown.

    The thesis is ``claim`` when given; otherwise the first main claim the
    ``position`` accepts (or, when it accepts none, the first it rejects: then
    the plan argues against it); without a position, the map's first main
    claim. A main claim has reasons or objections and is neither a premise
    nor the attacker in a rebuttal or undercut. With a position, reasons are
    those it accepts, and an objection counts as answered only by a claim it
    accepts. Raises ``ValueError`` for an unknown position or claim, and
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
      - Evidence: none given
    <BLANKLINE>
    """
    require_meaning(argument_map, "plan an essay from")
    words = _WORDS[_language(argument_map.lang)]
    chosen = None
    if position is not None:
        known = {p.id: p for p in argument_map.positions}
        if position not in known:
            raise ValueError(_unknown("position", position, known))
        chosen = known[position]
    if claim is not None:
        ids = {c.id for c in argument_map.claims}
        if claim not in ids:
            raise ValueError(_unknown("claim", claim, ids))
    return _Plan(argument_map, chosen, words).write(claim)


def _language(lang: str | None) -> str:
    key = (lang or "").strip().lower()
    return "de" if key.startswith(("de", "ger")) else "en"


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


def _attacker(relation: Relation, target: str) -> str:
    if isinstance(relation, Contradiction):
        return relation.second if relation.first == target else relation.first
    return relation.attacker


def _plural(n: int, forms: tuple[str, str]) -> str:
    return f"{n} {forms[0] if n == 1 else forms[1]}"


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
        self.attackers = {r.attacker for r in m.relations if not isinstance(r, (Support, Contradiction))}
        self.implicit: list[str] = []
        self.sources: list[str] = []
        self.source_numbers: dict[str, int] = {}  # source id -> its number in the list of sources
        self.lines: list[str] = []
        self.thesis = ""
        self.numbers: dict[str, int] = {}

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
            _attacker(r, t) for t in roots for r in self.m.objections(t) if not isinstance(r, Undercut)
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

    def evidence(self, ident: str) -> str:
        c = self.claims.get(ident)
        if c is None:
            return self.w["no_evidence"]
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
        return ", ".join(parts) if parts else self.w["no_evidence"]

    def detail(self, ident: str, indent: str) -> list[str]:
        """The evidence line and the note of a claim."""
        out = [f"{indent}- {self.w['evidence']}: {self.evidence(ident)}"]
        c = self.claims.get(ident)
        if c is not None and c.note:
            out.append(f"{indent}- {self.w['note']}: {_md(c.note)}")
        return out

    def objections_to(self, ident: str) -> list[tuple[Relation, str]]:
        """(relation, attacking claim) for each attack on ``ident``, the thesis excluded."""
        return [(r, a) for r in self.m.objections(ident) if (a := _attacker(r, ident)) != self.thesis]

    def answers(self, ident: str, exclude=()) -> list[str]:
        """The claims of the essay's side that attack ``ident``."""
        return [a for _, a in self.objections_to(ident) if self.own(a) and a not in exclude]

    def open_line(self, indent: str) -> str:
        if self.position is not None:
            return f"{indent}- {self.w['open_who'].format(who=f'`{self.position.id}`')}"
        return f"{indent}- {self.w['open']}"

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
        for relation, attacker in self.objections_to(ident):
            out.extend(self.objection_bullets(relation, attacker, indent))
        return out

    def support_bullets(self, s: Support, indent: str, depth: int, seen: set[str]) -> list[str]:
        first, *rest = s.premises
        out = [f"{indent}- {self.w['supported']}: {self.text(first)}"]
        inner = indent + "  "
        out.extend(self.detail(first, inner))
        for p in rest:
            out.append(f"{inner}- {self.w['together']}: {self.text(p)}")
            out.extend(self.detail(p, inner + "  "))
        out.extend(self.reason_bullets(first, inner, depth, seen, detail=False))
        if s.name:
            for relation, attacker in self.objections_to(s.name):
                out.extend(self.objection_bullets(relation, attacker, inner))
        return out

    def objection_bullets(self, relation: Relation, attacker: str, indent: str) -> list[str]:
        """An objection to a claim of the essay's side, with the answers to it.

        A claim that merely contradicts the defended one is answered by it;
        what is left to answer are the reasons given for that claim."""
        w = self.w
        label = w["undercut"] if isinstance(relation, Undercut) else w["objection"]
        out = [f"{indent}- {label}: {self.text(attacker)}"]
        inner = indent + "  "
        defended = _attacker(relation, attacker) if isinstance(relation, Contradiction) else relation.target
        found = self.answers(attacker, {defended})
        for a in found:
            out.append(f"{inner}- {w['answer']}: {self.text(a)}")
        if found:
            return out
        if not isinstance(relation, Contradiction):
            out.append(self.open_line(inner))
            return out
        unanswered = False
        for s in self.m.reasons(attacker):
            if defended in s.premises or self.thesis in s.premises:
                continue
            counters = self.counters(s)
            for a in counters:
                out.append(f"{inner}- {w['answer']} ({w['against']} `{s.premises[0]}`): {self.text(a)}")
            unanswered = unanswered or not counters
        if unanswered:
            out.append(self.open_line(inner))
        return out

    def counters(self, s: Support) -> list[str]:
        """The claims of the essay's side that attack a premise of ``s`` or undercut it."""
        found = [a for p in s.premises for a in self.answers(p)]
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
        attacks = [("attack", r, a) for r, a in self.objections_to(thesis)]
        if not pro:
            return [i for i in attacks if self.own(i[2])], supports
        reasons = [i for i in supports if self.holds(i[1])]
        for r in self.m.objections(thesis):
            if isinstance(r, Contradiction):
                counter = _attacker(r, thesis)
                reasons += [("attack", q, a) for q, a in self.objections_to(counter) if self.own(a)]
        return reasons, attacks

    def see(self, ident: str) -> str:
        """A pointer to the reason section that already presents ``ident``."""
        n = self.numbers.get(ident)
        return f" ({self.w['see']} 2.{n})" if n else ""

    def intro(self, thesis: str, pro: bool, silent: bool) -> None:
        w = self.w
        self.lines += [f"## 1. {w['intro']}", ""]
        if silent and self.position is not None:
            self.lines += [w["silent"].format(who=f"`{self.position.id}`"), ""]
        label = w["thesis"] if pro else w["thesis_against"].format(who=f"`{self.position.id}`")
        self.lines.append(f"- {label}: **{self.text(thesis)}**")
        for r in self.m.objections(thesis):
            if isinstance(r, Contradiction):
                self.lines.append(f"- {w['counter']}: {self.text(_attacker(r, thesis))}")
        self.lines.append("")

    def body(self, thesis, pro, reasons, objections) -> tuple[int, list[str]]:
        w = self.w
        self.lines += [f"## 2. {w['reasons'] if pro else w['reasons_against']}", ""]
        if not reasons:
            self.lines += [w["none_reasons"], ""]
        self.numbers = {item[2]: n for n, item in enumerate(reasons, 1) if item[0] == "attack"}
        for n, item in enumerate(reasons, 1):
            if item[0] == "support":
                s = item[1]
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
                    for relation, attacker in self.objections_to(s.name):
                        self.lines.extend(self.objection_bullets(relation, attacker, ""))
            else:
                attacker = item[2]
                self.lines.append(f"### 2.{n} {self.text(attacker)}")
                self.lines.append("")
                self.lines.extend(self.reason_bullets(attacker, "", 1, {thesis, attacker}))
            self.lines.append("")

        self.lines += [f"## 3. {w['objections'] if pro else w['objections_against']}", ""]
        if not objections:
            self.lines += [w["none_objections"], ""]
        answered = 0
        still_open = []
        for n, item in enumerate(objections, 1):
            if self.counter_block(n, item):
                answered += 1
            else:
                still_open.append(item[2] if item[0] == "attack" else item[1].premises[0])
        return answered, still_open

    def counter_block(self, n: int, item) -> bool:
        """One objection to the essay's view with the answers to it; True when it is answered."""
        w = self.w
        if item[0] == "attack":
            heads, link = [item[2]], None
            mutual = isinstance(item[1], Contradiction)
        else:
            heads, link, mutual = list(item[1].premises), item[1].name, False
        self.lines += [f"### 3.{n} {self.text(heads[0])}", ""]
        self.lines.extend(self.detail(heads[0], ""))
        for p in heads[1:]:
            self.lines.append(f"- {w['together']}: {self.text(p)}")
            self.lines.extend(self.detail(p, "  "))
        reasons = countered = 0
        for h in heads:
            for s in self.m.reasons(h):
                if self.thesis in s.premises:
                    continue
                reasons += 1
                first, *rest = s.premises
                self.lines.append(f"- {w['supported']}: {self.text(first)}")
                self.lines.extend(self.detail(first, "  "))
                for p in rest:
                    self.lines.append(f"  - {w['together']}: {self.text(p)}")
                    self.lines.extend(self.detail(p, "    "))
                counters = self.counters(s)
                for a in counters:
                    self.lines.append(f"  - {w['answer']}: {self.text(a)}{self.see(a)}")
                if counters:
                    countered += 1
                else:
                    self.lines.append(self.open_line("  "))
        direct = [a for h in heads for a in self.answers(h)]
        for a in direct:
            self.lines.append(f"- {w['answer']}: {self.text(a)}{self.see(a)}")
            if not self.see(a):
                self.lines.extend(self.detail(a, "  "))
        undercuts = self.answers(link) if link else []
        for a in undercuts:
            self.lines.append(f"- {w['answer']} ({w['undercut']}): {self.text(a)}")
            self.lines.extend(self.detail(a, "  "))
        answered = bool(direct or undercuts) or (reasons > 0 and countered == reasons) or (mutual and not reasons)
        if not answered and not reasons:
            self.lines.append(self.open_line(""))
        self.lines.append("")
        return answered

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
        if n_objections:
            balance += ", " + w["answered"].format(n=answered)
        self.lines.append(f"- {w['balance']}: {balance}.")
        if still_open:
            self.lines.append(f"- {w['open_list']}:")
            for ident in still_open:
                self.lines.append(f"  - {self.text(ident)}")
        counter = {_attacker(r, thesis) for r in self.m.objections(thesis) if isinstance(r, Contradiction)}
        others = [
            r for r in self.main_claims() if r != thesis and r not in counter and self.own(r) and self.m.reasons(r)
        ]
        if others:
            self.lines.append(f"- {w['other']}:")
            for ident in others:
                self.lines.append(f"  - {self.text(ident)}")
        status = self.status(thesis)
        if status:
            self.lines.append(f"- {w['status']}: {w[status]}")
        self.lines.append("")

    def status(self, thesis: str) -> str | None:
        from argmap.semantics import evaluate

        return evaluate(self.m, "grounded").status[thesis].value

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
