"""Explanations a class can understand: why a claim stands, falls or stays open.

:func:`explain` follows the evaluation: it takes the justification of the
claim's label (:func:`argmap.semantics.justify`: a dispute tree, the
accepted attacker, or a circle of attacks) and says it in plain sentences
in the map's language (``lang:``), with claim texts quoted short and the
line of each attack::

    `investieren` falls because `blase` attacks it and nothing in the map
    refutes `blase` (line 79).

The sentences are message templates (``argmap._i18n``), so an
:class:`Explanation` can be said in another language too; it is data
(:meth:`Explanation.to_dict`), the justifications included.

:func:`grounds` is a presentation classification for pictures and
teachers, not a semantics: it tells an accepted claim that stands on a
reason from one that stands only because nobody attacked it and nothing
supports it (docs/explanations.md).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Any

from attrs import field, frozen

from argmap._i18n import N_, normalize, translate
from argmap._meaning import require_meaning
from argmap.errors import OptionError, UnknownIdError
from argmap.types import JSONDict, Semantics, SupportMode
from argmap.model import ArgumentMap, Argument, Basis, Claim, Contradiction, Rebuttal, Support, Undercut
from argmap.semantics import Evaluation, Status, evaluate
from argmap.semantics._framework import Framework, build
from argmap.semantics._justify import Cycle, Defence, Justification, Refutation, _Justifier

__all__ = ["Ground", "grounds", "Sentence", "Explanation", "explain", "explain_all"]

#: How many characters of a claim's text an explanation quotes.
QUOTE_WIDTH = 48
#: How deep the sentences follow a dispute tree (the data holds all of it).
SENTENCE_DEPTH = 4


class Ground(enum.Enum):
    """Why an accepted claim stands, for pictures and teachers (the semantics stay as they are):

    - SUPPORTED: one of its reasons stands (a support whose premises, and
      whose named relation, are accepted);
    - DEFENDED: no reason stands, but it is attacked and every attack is answered;
    - EVIDENCED: nobody attacks it and no reason stands, but it states
      evidence (a basis other than ``assumption`` or ``common belief``);
    - UNCHALLENGED: it stands only because nobody attacks it; nothing
      supports it (an unchallenged, unsupported assumption).
    """

    SUPPORTED = "supported"
    DEFENDED = "defended"
    EVIDENCED = "evidenced"
    UNCHALLENGED = "unchallenged"


_NOT_EVIDENCE = (None, Basis.ASSUMPTION, Basis.COMMON_BELIEF)


def grounds(argument_map: ArgumentMap, evaluation) -> dict[str, Ground]:
    """The :class:`Ground` of every claim whose status in ``evaluation`` (an
    :class:`argmap.Evaluation`, or anything with ``status`` and ``attacks``)
    is accepted; other claims are not in the result.

    >>> from argmap import parse, evaluate
    >>> m = parse("claim a: A.\\nclaim b: B.\\nclaim c: C.\\na supports b\\nc rebuts a\\nclaim d: D.\\nd rebuts c\\n")
    >>> {k: v.value for k, v in grounds(m, evaluate(m)).items()}
    {'a': 'defended', 'b': 'supported', 'd': 'unchallenged'}
    """
    status = getattr(evaluation, "status", None) or {}
    attacked = {target for _, target in (getattr(evaluation, "attacks", None) or ())}
    if not getattr(evaluation, "attacks", None):
        attacked = {target for rel in argument_map.relations if not isinstance(rel, Support) for target in _targets(rel)}
    result: dict[str, Ground] = {}
    for claim in argument_map.claims:
        ident = claim.id
        if ident in result or _word(status.get(ident)) != "accepted":
            continue
        if any(_reason_stands(s, status) for s in argument_map.reasons(ident)):
            result[ident] = Ground.SUPPORTED
        elif ident in attacked:
            result[ident] = Ground.DEFENDED
        elif claim.basis not in _NOT_EVIDENCE:
            result[ident] = Ground.EVIDENCED
        else:
            result[ident] = Ground.UNCHALLENGED
    return result


def _targets(rel) -> tuple[str, ...]:
    if isinstance(rel, Contradiction):
        return (rel.first, rel.second)
    return (rel.target,)


def _word(value) -> str:
    return str(getattr(value, "value", value)).lower()


def _reason_stands(support: Support, status: Mapping) -> bool:
    parts = list(support.premises)
    for name in (support.name, support.argument):
        if name is not None and name in status:
            parts.append(name)
    return all(_word(status.get(p)) == "accepted" for p in parts)


# -- sentences -------------------------------------------------------------------

class _Ids(tuple):
    """Sentence arguments that are ids: said as `id` (with its text quoted at first mention)."""


class _Attacks(tuple):
    """A sequence of ids each attacking the next: said as "a attacks b, b attacks c"."""


class _Quiet(tuple):
    """Ids said without their text, whether or not they were mentioned before."""


@frozen
class Sentence:
    """One sentence: an English template with named fields and its values.
    Ids are tuples (said as a list: "`a` and `b`"); ``line`` values are numbers."""

    template: str
    args: tuple[tuple[str, Any], ...] = field(converter=lambda a: tuple(a.items()) if isinstance(a, Mapping) else tuple(a))

    def to_dict(self) -> JSONDict:
        return {"template": self.template, "args": {k: list(v) if isinstance(v, tuple) else v for k, v in self.args}}


# Templates: a claim's fate, the answers to its attacks, circles, reasons.
T_STANDS_UNATTACKED = N_("{claim} stands: nothing in the map attacks it.")
T_STANDS_ANSWERED = N_("{claim} stands: every objection to it is answered.")
T_ANSWER = N_("{attacker} attacks it{where}, but {counter} refutes {broken}{where2}.")
T_ANSWER_PART = N_("{attackers} attack it together{where}, but {broken} does not hold: {counter} attacks it{where2}.")
T_ANSWER_NONE = N_("{attacker} attacks it{where}, and nothing answers that attack: this semantics accepts it all the same.")
T_ALSO_STANDS = N_("{claim} stands too: every objection to it is answered.")
T_UNATTACKED = N_("Nothing in the map attacks {claims}.")
T_FALLS_UNANSWERED = N_("{claim} falls because {attacker} attacks it and nothing in the map refutes {again}{where}.")
T_FALLS_DEFENDED = N_("{claim} falls because {attacker} attacks it{where}, and {again} stands: every objection to it is answered.")
T_FALLS_TOGETHER = N_("{claim} falls because {attackers} attack it together{where}, and each of them stands.")
T_OPEN_CYCLE = N_("{claim} stays open: it is part of a circle of attacks that nothing in the map breaks: {circle}.")
T_OPEN_CHAIN = N_("{claim} stays open because {chain}, and {first} is part of a circle of attacks that nothing in the map breaks: {circle}.")
T_OPEN_LEFT_OUT = N_("{claim} is not in this extension, though nothing in it attacks {again}.")
T_ODD = N_("The circle has an odd number of attacks: whichever claim in it you accept, the circle turns against it, so no way of taking sides settles it.")
T_EVEN = N_("The circle has an even number of attacks: taking one side would settle it, but grounded semantics takes no side; complete, preferred and stable semantics show each side.")
T_STANDS_UNCHALLENGED = N_("{claim} stands only because nothing in the map attacks it: nothing supports it either.")
T_STANDS_EVIDENCED = N_("{claim} stands: nothing in the map attacks it, and it states its evidence.")
T_REASON = N_("Its reason {premises}{together} stands{where}.")
T_NO_REASON = N_("It has reasons in the map, but none of them stands.")
T_REASON_NOT_ENOUGH = N_("Its reason {premises}{together} stands, but a reason does not answer an objection.")
T_EXT_ONLY = N_("{claim} stands in the only {semantics} extension.")
T_EXT_ALL = N_("{claim} stands in all {count} {semantics} extensions; in extension {number}:")
T_EXT_NONE = N_("{claim} is in none of the {count} {semantics} extensions; in extension {number}:")
T_EXT_NOT_THE_ONLY = N_("{claim} is not in the only {semantics} extension:")
T_EXT_NO_EXTENSION = N_("There is no {semantics} extension, so {claim} is in none.")
T_EXT_SOME = N_("{claim} is in {some} of the {count} {semantics} extensions: it stands if you take one side, not if you take the other.")
T_WHERE_IT_STANDS = N_("Where it stands, in extension {number}:")
T_WHERE_IT_DOES_NOT = N_("Where it does not, in extension {number}:")
# Pieces the sentences are made of.
T_MENTION = N_("`{id}` (“{text}”)")
T_LINE = N_(" (line {line})")
T_AND = N_("{first} and {last}")
T_TOGETHER = N_(" (together)")
T_ATTACKS = N_("{attacker} attacks {target}")
T_NOTHING = N_("nothing")


@frozen
class Explanation:
    """Why ``argument`` has its ``status`` under ``semantics`` (with
    supports read as ``support``): the ``justifications`` (each with the
    extension it is about, None for grounded semantics) and the sentences
    that say it. ``sentences`` and :meth:`text` are in the map's language
    ``lang``; :meth:`text` can say them in another one."""

    argument: str
    status: Status
    semantics: str
    support: str
    lang: str
    justifications: tuple[tuple[tuple[str, ...] | None, Justification], ...] = field(converter=tuple)
    parts: tuple[Sentence, ...] = field(converter=tuple)
    #: Each mentioned id's text, shortened, as the sentences quote it.
    texts: tuple[tuple[str, str], ...] = field(converter=tuple, repr=False)

    @property
    def sentences(self) -> tuple[str, ...]:
        """The sentences in the map's language."""
        return self.said(self.lang)

    def said(self, lang: str | None = None) -> tuple[str, ...]:
        """The sentences in ``lang`` (the map's language when None)."""
        lang = self.lang if lang is None else normalize(lang)
        texts = dict(self.texts)
        mentioned: set[str] = set()
        return tuple(_say(s, lang, texts, mentioned) for s in self.parts)

    def text(self, lang: str | None = None) -> str:
        """The explanation as a paragraph; a sentence ending in a colon (the
        extension it speaks of) starts a line of its own, and one follows."""
        out = ""
        for sentence in self.said(lang):
            if sentence.endswith(":"):
                out = out.rstrip(" ") + ("\n" if out else "") + sentence + "\n"
            else:
                out += sentence + " "
        return out.strip()

    def _repr_html_(self) -> str:
        from argmap._display import explanation_html  # Jupyter: the sentences as paragraphs

        return explanation_html(self)

    def to_dict(self) -> JSONDict:
        """JSON-ready: the id, status, semantics, support mode, the sentences
        in the map's language, and the justifications with their extensions."""
        return {
            "argument": self.argument,
            "status": self.status.value,
            "semantics": self.semantics,
            "support": self.support,
            "lang": self.lang,
            "sentences": list(self.sentences),
            "justifications": [
                {"extension": None if ext is None else list(ext), **j.to_dict()} for ext, j in self.justifications
            ],
        }


def _say(sentence: Sentence, lang: str, texts: Mapping[str, str], mentioned: set[str]) -> str:
    values: dict[str, object] = {}
    for key, value in sentence.args:
        if isinstance(value, _Attacks):
            pairs = [
                translate(T_ATTACKS, lang, {"attacker": _mention(a, lang, texts, mentioned), "target": _mention(b, lang, texts, mentioned)})
                for a, b in zip(value, value[1:])
            ]
            values[key] = ", ".join(pairs)
        elif isinstance(value, _Quiet):
            values[key] = _join([f"`{v}`" for v in value], lang)
        elif isinstance(value, _Ids):
            values[key] = _join([_mention(v, lang, texts, mentioned) for v in value], lang)
        elif key == "together":
            values[key] = translate(T_TOGETHER, lang) if value else ""
        elif key.startswith("where"):
            values[key] = translate(T_LINE, lang, {"line": value}) if value else ""
        else:
            values[key] = value
    text = translate(sentence.template, lang, values)
    return text[:1].upper() + text[1:] if text[:1] != "`" else text


def _mention(ident: str, lang: str, texts: Mapping[str, str], mentioned: set[str]) -> str:
    if ident in mentioned or ident not in texts:
        return f"`{ident}`"
    mentioned.add(ident)
    return translate(T_MENTION, lang, {"id": ident, "text": texts[ident]})


def _join(items: list[str], lang: str) -> str:
    if not items:
        return translate(T_NOTHING, lang)
    if len(items) == 1:
        return items[0]
    return translate(T_AND, lang, {"first": ", ".join(items[:-1]), "last": items[-1]})


def _shorten(text: str, width: int = QUOTE_WIDTH) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


# -- from justifications to sentences ---------------------------------------------


class _Writer:
    """Turns justifications into sentences for one map."""

    def __init__(self, argument_map: ArgumentMap, evaluation: Evaluation, attacked: set[str]):
        self.map = argument_map
        self.evaluation = evaluation
        self.attacked = attacked
        self.lines = _attack_lines(argument_map)
        self.parts: list[Sentence] = []
        self.used: set[str] = set()

    def line(self, attackers: Iterable[str], target: str) -> int:
        return self.lines.get((frozenset(attackers), target), 0)

    def add(self, template: str, **args) -> None:
        for value in args.values():
            if isinstance(value, tuple):
                self.used.update(value)
        self.parts.append(Sentence(template, args))

    def justification(self, j: Justification, level: int = 0) -> None:
        one = _Ids((j.argument,))
        if isinstance(j, Defence):
            if j.answers:
                self.add(T_STANDS_ANSWERED, claim=one)
                self.answers(j, level)
                self.reasons(j.argument)
            elif not self.unsupported(j.argument):
                self.add(T_STANDS_UNATTACKED, claim=one)
                self.reasons(j.argument)
        elif isinstance(j, Refutation):
            counter = j.counter
            where = self.line(counter.attackers, counter.target)
            if len(counter.attackers) == 1:
                (d,) = j.defences
                if d.unattacked:
                    self.add(T_FALLS_UNANSWERED, claim=one, attacker=_Ids(counter.attackers), again=_Quiet(counter.attackers), where=where)
                else:
                    self.add(T_FALLS_DEFENDED, claim=one, attacker=_Ids(counter.attackers), again=_Quiet(counter.attackers), where=where)
                    self.answers(d, level + 1)
            else:
                self.add(T_FALLS_TOGETHER, claim=one, attackers=_Ids(counter.attackers), where=where)
                self.defences(j.defences, level + 1)
        else:
            self.cycle(j)
        if not isinstance(j, Defence) and level == 0:
            standing = [s for s in self.map.reasons(j.argument) if _reason_stands(s, self.evaluation.status)]
            if standing:
                self.add(T_REASON_NOT_ENOUGH, premises=_Ids(standing[0].premises), together=_together(standing[0]))

    def answers(self, d: Defence, level: int) -> None:
        later: list[Defence] = []
        for answer in d.answers:
            attack = answer.attack
            where = self.line(attack.attackers, attack.target)
            if answer.counter is None:
                self.add(T_ANSWER_NONE, attacker=_Ids(attack.attackers), where=where)
                continue
            where2 = self.line(answer.counter.attackers, answer.counter.target)
            if len(attack.attackers) == 1:
                self.add(T_ANSWER, attacker=_Ids(attack.attackers), counter=_Ids(answer.counter.attackers), broken=_Quiet((answer.broken,)), where=where, where2=where2)
            else:
                self.add(T_ANSWER_PART, attackers=_Ids(attack.attackers), broken=_Quiet((answer.broken,)), counter=_Ids(answer.counter.attackers), where=where, where2=where2)
            later.extend(answer.defences)
        self.defences(later, level + 1)

    def defences(self, defences: Iterable[Defence], level: int) -> None:
        unattacked = []
        for d in defences:
            if d.unattacked:
                if d.argument not in unattacked:
                    unattacked.append(d.argument)
            elif not d.repeated and not d.truncated and level < SENTENCE_DEPTH:
                self.add(T_ALSO_STANDS, claim=_Ids((d.argument,)))
                self.answers(d, level)
        if unattacked:
            self.add(T_UNATTACKED, claims=_Quiet(tuple(unattacked)))

    def cycle(self, c: Cycle) -> None:
        one = _Ids((c.argument,))
        if not c.cycle:
            self.add(T_OPEN_LEFT_OUT, claim=one, again=_Quiet((c.argument,)))
            return
        circle = _Attacks(c.cycle + c.cycle[:1])
        if len(c.chain) == 1:
            self.add(T_OPEN_CYCLE, claim=one, circle=circle)
        else:
            self.add(T_OPEN_CHAIN, claim=one, chain=_Attacks(c.chain), first=_Quiet(c.chain[:1]), circle=circle)
        if c.odd:
            self.add(T_ODD)
        elif self.evaluation.semantics == "grounded":
            self.add(T_EVEN)

    def reasons(self, ident: str) -> None:
        """Whether a reason of ``ident`` stands (said only when it has reasons)."""
        reasons = self.map.reasons(ident)
        standing = [s for s in reasons if _reason_stands(s, self.evaluation.status)]
        if standing:
            s = standing[0]
            self.add(T_REASON, premises=_Ids(s.premises), together=_together(s), where=s.span.line if s.span else 0)
        elif reasons:
            self.add(T_NO_REASON)

    def unsupported(self, ident: str) -> bool:
        """For an unattacked claim without reasons: say that it stands
        unchallenged (or on its stated evidence) and return True."""
        claim = _claim(self.map, ident)
        if claim is None or self.map.reasons(ident):
            return False
        one = _Ids((ident,))
        if claim.basis not in _NOT_EVIDENCE:
            self.add(T_STANDS_EVIDENCED, claim=one)
        else:
            self.add(T_STANDS_UNCHALLENGED, claim=one)
        return True


def _together(support: Support) -> bool:
    return len(support.premises) > 1


def _claim(argument_map: ArgumentMap, ident: str) -> Claim | None:
    try:
        return argument_map.claim(ident)
    except KeyError:
        return None


def _attack_lines(argument_map: ArgumentMap) -> dict[tuple[frozenset[str], str], int]:
    """The line of each written attack, by (its attackers and name, its target)."""
    lines: dict[tuple[frozenset[str], str], int] = {}
    for rel in argument_map.relations:
        line = rel.span.line if rel.span else 0
        if not line:
            continue
        name = {rel.name} if rel.name else set()
        if isinstance(rel, Contradiction):
            lines.setdefault((frozenset({rel.first} | name), rel.second), line)
            lines.setdefault((frozenset({rel.second} | name), rel.first), line)
        elif isinstance(rel, (Rebuttal, Undercut)):
            lines.setdefault((frozenset(set(rel.attackers) | name), rel.target), line)
    return lines


def _texts(argument_map: ArgumentMap) -> dict[str, str]:
    """What each id says, shortened: a claim's text, an argument's title, a named relation as written."""
    texts: dict[str, str] = {}
    for item in argument_map.items:
        if isinstance(item, Claim):
            texts.setdefault(item.id, _shorten(item.text))
        elif isinstance(item, Argument):
            texts.setdefault(item.id, _shorten(item.title))
        elif isinstance(item, (Support, Rebuttal, Contradiction, Undercut)) and item.name:
            texts.setdefault(item.name, _shorten(_written(item)))
    return texts


def _written(rel) -> str:
    if isinstance(rel, Support):
        return " + ".join(rel.premises) + " → " + rel.conclusion
    if isinstance(rel, Contradiction):
        return f"{rel.first} ↔ {rel.second}"
    return " + ".join(rel.attackers) + " ⊣ " + rel.target


# -- the entry points ---------------------------------------------------------------


def explain(
    argument_map: ArgumentMap,
    ident: str,
    semantics: Semantics = "grounded",
    support: SupportMode = "none",
    *,
    evaluation: Evaluation | None = None,
) -> Explanation:
    """Why the claim (or named relation, or argument) ``ident`` stands, falls
    or stays open under ``semantics`` with supports read as ``support``.

    >>> from argmap import parse
    >>> m = parse("lang: en\\nclaim a: Rain.\\nclaim b: Sun.\\na rebuts b\\n")
    >>> explain(m, "b").text()
    '`b` (“Sun.”) falls because `a` (“Rain.”) attacks it and nothing in the map refutes `a` (line 4).'

    Raises :class:`argmap.UnknownIdError` (a KeyError) for an id the map does not have, ValueError for a
    semantics without extensions (dfquad) or an unknown one, and what
    :func:`argmap.evaluate` raises (MapError, TooManyExtensions, ...).
    """
    return explain_all(argument_map, semantics, support, evaluation=evaluation, only=(ident,))[ident]


def explain_all(
    argument_map: ArgumentMap,
    semantics: Semantics = "grounded",
    support: SupportMode = "none",
    *,
    evaluation: Evaluation | None = None,
    only: Iterable[str] | None = None,
) -> dict[str, Explanation]:
    """:func:`explain` for every claim of the map (or the ids in ``only``),
    in the order written, sharing one evaluation."""
    if semantics == "dfquad" or (evaluation is not None and evaluation.semantics == "dfquad"):
        raise OptionError("explanations follow extensions; DF-QuAD has strengths instead (see `argmap evaluate`)")
    require_meaning(argument_map, "explain")
    if evaluation is None:
        evaluation = evaluate(argument_map, semantics, support)
    semantics, support = evaluation.semantics, evaluation.support
    fw = build(argument_map, support)[0]
    known = set(evaluation.arguments)
    if only is None:
        wanted = list(dict.fromkeys(c.id for c in argument_map.claims))
    else:
        wanted = list(only)
        for ident in wanted:
            if ident not in known:
                raise UnknownIdError("claim", ident, message=f"the map has no claim `{ident}`")
    lang = normalize(argument_map.lang)
    texts = _texts(argument_map)
    attacked = {target for _, target in evaluation.attacks}
    justifiers: dict[tuple[str, ...] | None, _Justifier] = {}

    def justifier(ext: tuple[str, ...] | None) -> _Justifier:
        if ext not in justifiers:
            justifiers[ext] = _Justifier(fw, ext)
        return justifiers[ext]

    result = {}
    for ident in wanted:
        writer = _Writer(argument_map, evaluation, attacked)
        pairs = _justifications(fw, evaluation, ident, justifier, writer)
        quoted = tuple((i, texts[i]) for i in sorted(writer.used) if i in texts)
        result[ident] = Explanation(ident, evaluation.status[ident], semantics, support, lang, pairs, writer.parts, quoted)
    return result


def _justifications(fw: Framework, evaluation: Evaluation, ident: str, justifier, writer: _Writer):
    one = _Ids((ident,))
    limit, depth = 1000, 60
    if evaluation.semantics == "grounded":
        j = justifier(None).justify(ident, limit, depth)
        writer.justification(j)
        return ((None, j),)
    extensions = evaluation.extensions
    name = evaluation.semantics
    if not extensions:
        writer.add(T_EXT_NO_EXTENSION, claim=one, semantics=name)
        return ()
    containing = [e for e in extensions if ident in e]
    others = [e for e in extensions if ident not in e]
    pairs = []
    if containing and others:
        writer.add(T_EXT_SOME, claim=one, some=len(containing), count=len(extensions), semantics=name)
        for template, ext in ((T_WHERE_IT_STANDS, containing[0]), (T_WHERE_IT_DOES_NOT, _most_telling(fw, others, ident, justifier))):
            writer.add(template, number=extensions.index(ext) + 1)
            j = justifier(ext).justify(ident, limit, depth)
            writer.justification(j)
            pairs.append((ext, j))
        return tuple(pairs)
    if containing:
        ext = containing[0]
        if len(extensions) == 1:
            writer.add(T_EXT_ONLY, claim=one, semantics=name)
        else:
            writer.add(T_EXT_ALL, claim=one, count=len(extensions), semantics=name, number=extensions.index(ext) + 1)
    else:
        ext = _most_telling(fw, others, ident, justifier)
        if len(extensions) == 1:
            writer.add(T_EXT_NOT_THE_ONLY, claim=one, semantics=name)
        else:
            writer.add(T_EXT_NONE, claim=one, count=len(extensions), semantics=name, number=extensions.index(ext) + 1)
    j = justifier(ext).justify(ident, limit, depth)
    writer.justification(j)
    return ((ext, j),)


def _most_telling(fw: Framework, extensions: list[tuple[str, ...]], ident: str, justifier) -> tuple[str, ...]:
    """Of the extensions without ``ident``, the first that attacks it (a
    refutation says more than "left open"), else the first."""
    for ext in extensions[:20]:
        j = justifier(ext)
        if j.label[j.index[ident]] == "out":
            return ext
    return extensions[0]
