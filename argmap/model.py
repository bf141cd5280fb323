"""The argument map as immutable values.

Every class here is a frozen, slotted attrs class. Each item carries the
:class:`Span` it was read from; spans never take part in equality, so a map
parsed from text equals the same map built in Python or parsed from its
formatted text.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Union

import attrs
from attrs import field, frozen

__all__ = [
    "Span",
    "Basis",
    "Attribute",
    "Claim",
    "Source",
    "Support",
    "Rebuttal",
    "Contradiction",
    "Undercut",
    "Position",
    "Group",
    "Comment",
    "Item",
    "Relation",
    "ArgumentMap",
    "RESERVED_WORDS",
]

#: Words that start a statement and so cannot be used as ids.
RESERVED_WORDS = frozenset({"claim", "implicit", "source", "group", "position", "title", "lang", "question"})


@frozen
class Span:
    """Where something stands in a file: 1-based lines and columns, end exclusive."""

    file: str | None
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.file or '<text>'}:{self.line}:{self.column}"


def is_id(value: object) -> bool:
    """True for a valid id: letters (any script), digits and underscores."""
    return isinstance(value, str) and (value.isalnum() or value.replace("_", "a").isalnum())


def _check_id(instance, attribute, value):
    if value is not None and not is_id(value):
        raise ValueError(f"{attribute.name} must be letters, digits and underscores, not {value!r}")


def normalize(text: str | None) -> str | None:
    """Text with every run of white space made one space (None stays None)."""
    return None if text is None else " ".join(text.split())


def _text_field(**kw):
    return field(converter=normalize, **kw)


def _span_field():
    return field(default=None, eq=False, repr=False, kw_only=True)


def _outline_field():
    # How deep in an outline the item was written (0: a statement of its own).
    # Only the formatter uses it, to write outlines back as outlines.
    return field(default=0, eq=False, repr=False, kw_only=True)


def _spans_field():
    return field(default=(), eq=False, repr=False, kw_only=True, converter=tuple)


class Basis(enum.Enum):
    """The kind of evidence a claim rests on, as teachers mark it."""

    STATISTIC = "statistic"
    EXPERT = "expert"
    STUDY = "study"
    QUOTE = "quote"
    LAW = "law"
    EXAMPLE = "example"
    COMMON_BELIEF = "common belief"
    ASSUMPTION = "assumption"

    @classmethod
    def lookup(cls, word: str) -> Basis | None:
        """The basis a word names, in English or German, or None."""
        key = " ".join(word.strip().lower().replace("_", " ").replace("-", " ").split())
        return _BASIS_WORDS.get(key)


_BASIS_WORDS = {b.value: b for b in Basis} | {
    "statistics": Basis.STATISTIC,
    "statistik": Basis.STATISTIC,
    "zahlen": Basis.STATISTIC,
    "experte": Basis.EXPERT,
    "expertin": Basis.EXPERT,
    "expertenmeinung": Basis.EXPERT,
    "studie": Basis.STUDY,
    "zitat": Basis.QUOTE,
    "gesetz": Basis.LAW,
    "recht": Basis.LAW,
    "beispiel": Basis.EXAMPLE,
    "allgemeinwissen": Basis.COMMON_BELIEF,
    "volksmeinung": Basis.COMMON_BELIEF,
    "allgemeine meinung": Basis.COMMON_BELIEF,
    "common sense": Basis.COMMON_BELIEF,
    "annahme": Basis.ASSUMPTION,
}


@frozen
class Attribute:
    """A `key: value` line argmap keeps but does not interpret."""

    key: str = field(validator=_check_id)
    value: str = _text_field()
    span: Span | None = _span_field()


@frozen
class Claim:
    """A statement that can be supported, rebutted and accepted or rejected.

    ``implicit`` marks an unstated premise the text relies on. ``source``
    names the :class:`Source` the claim is taken from; ``quote`` is a short
    phrase from that source.
    """

    id: str = field(validator=_check_id)
    text: str = _text_field()
    source: str | None = field(default=None, kw_only=True, validator=_check_id)
    basis: Basis | None = field(default=None, kw_only=True)
    quote: str | None = _text_field(default=None, kw_only=True)
    tags: tuple[str, ...] = field(default=(), kw_only=True, converter=tuple)
    weight: float | None = field(default=None, kw_only=True)
    group: str | None = field(default=None, kw_only=True, validator=_check_id)
    note: str | None = _text_field(default=None, kw_only=True)
    implicit: bool = field(default=False, kw_only=True)
    extra: tuple[Attribute, ...] = field(default=(), kw_only=True, converter=tuple)
    span: Span | None = _span_field()
    #: Spans of ``id``, then of ``source`` when given.
    ref_spans: tuple[Span, ...] = _spans_field()
    #: Span of the ``quote:`` line, when there is one.
    quote_span: Span | None = _span_field()
    #: Depth of the outline item that defined the claim (0: a ``claim`` line).
    outline: int = _outline_field()

    def references(self) -> Iterator[tuple[str, Span | None]]:
        """The source id this claim cites, with its span."""
        if self.source is not None:
            yield self.source, _at(self.ref_spans, 1)


@frozen
class Source:
    """A text that claims are taken from. ``file`` is relative to the map's file."""

    id: str = field(validator=_check_id)
    title: str = _text_field()
    author: str | None = _text_field(default=None, kw_only=True)
    date: str | None = _text_field(default=None, kw_only=True)
    kind: str | None = _text_field(default=None, kw_only=True)
    url: str | None = _text_field(default=None, kw_only=True)
    file: str | None = _text_field(default=None, kw_only=True)
    extra: tuple[Attribute, ...] = field(default=(), kw_only=True, converter=tuple)
    span: Span | None = _span_field()
    ref_spans: tuple[Span, ...] = _spans_field()


@frozen
class Support:
    """Premises that support a conclusion; two or more premises are linked
    (they support it only together). A named support is an argument of its
    own: it can be undercut, accepted and rejected."""

    premises: tuple[str, ...] = field(converter=tuple)
    conclusion: str = field(validator=_check_id)
    name: str | None = field(default=None, kw_only=True, validator=_check_id)
    span: Span | None = _span_field()
    #: Spans of the premises, then of the conclusion, then of the name.
    ref_spans: tuple[Span, ...] = _spans_field()
    #: Depth of the outline item it was written as (0: a statement of its own).
    outline: int = _outline_field()

    @premises.validator
    def _check_premises(self, attribute, value):
        if not value:
            raise ValueError("a support needs at least one premise")
        for premise in value:
            _check_id(self, attribute, premise)

    @property
    def linked(self) -> bool:
        """True when the premises support the conclusion only together."""
        return len(self.premises) > 1

    def references(self) -> Iterator[tuple[str, Span | None]]:
        for i, premise in enumerate(self.premises):
            yield premise, _at(self.ref_spans, i)
        yield self.conclusion, _at(self.ref_spans, len(self.premises))


@frozen
class Rebuttal:
    """``attacker`` speaks against ``target``."""

    attacker: str = field(validator=_check_id)
    target: str = field(validator=_check_id)
    span: Span | None = _span_field()
    ref_spans: tuple[Span, ...] = _spans_field()
    #: Depth of the outline item it was written as (0: a statement of its own).
    outline: int = _outline_field()

    def references(self) -> Iterator[tuple[str, Span | None]]:
        yield self.attacker, _at(self.ref_spans, 0)
        yield self.target, _at(self.ref_spans, 1)


@frozen
class Contradiction:
    """``first`` and ``second`` cannot both be true; each attacks the other."""

    first: str = field(validator=_check_id)
    second: str = field(validator=_check_id)
    span: Span | None = _span_field()
    ref_spans: tuple[Span, ...] = _spans_field()

    def references(self) -> Iterator[tuple[str, Span | None]]:
        yield self.first, _at(self.ref_spans, 0)
        yield self.second, _at(self.ref_spans, 1)


@frozen
class Undercut:
    """``attacker`` denies that the named support ``target`` holds, without
    denying its premises or its conclusion."""

    attacker: str = field(validator=_check_id)
    target: str = field(validator=_check_id)
    span: Span | None = _span_field()
    ref_spans: tuple[Span, ...] = _spans_field()
    #: Depth of the outline item it was written as (0: a statement of its own).
    outline: int = _outline_field()

    def references(self) -> Iterator[tuple[str, Span | None]]:
        yield self.attacker, _at(self.ref_spans, 0)
        yield self.target, _at(self.ref_spans, 1)


@frozen
class Position:
    """What one text, speaker or student holds: the claims and named supports
    it accepts and rejects. A position named like a source is that source's."""

    id: str = field(validator=_check_id)
    accepts: tuple[str, ...] = field(default=(), converter=tuple, validator=attrs.validators.deep_iterable(_check_id))
    rejects: tuple[str, ...] = field(default=(), converter=tuple, validator=attrs.validators.deep_iterable(_check_id))
    span: Span | None = _span_field()
    #: Spans of the id, the accepted ids, then the rejected ids.
    ref_spans: tuple[Span, ...] = _spans_field()

    def references(self) -> Iterator[tuple[str, Span | None]]:
        for i, ref in enumerate(self.accepts + self.rejects):
            yield ref, _at(self.ref_spans, i + 1)


@frozen
class Group:
    """A named group of claims (``group: ID`` on a claim), drawn as a cluster."""

    id: str = field(validator=_check_id)
    label: str = _text_field()
    span: Span | None = _span_field()
    ref_spans: tuple[Span, ...] = _spans_field()


@frozen
class Comment:
    """A ``#`` comment line, kept so that formatting never loses it."""

    text: str = field(converter=lambda t: t.replace("\n", " ").rstrip())
    span: Span | None = _span_field()


Relation = Union[Support, Rebuttal, Contradiction, Undercut]
Item = Union[Claim, Source, Support, Rebuttal, Contradiction, Undercut, Position, Group, Comment]

_RELATIONS = frozenset({Support, Rebuttal, Contradiction, Undercut})
_KINDS = {
    "claims": Claim,
    "sources": Source,
    "supports": Support,
    "rebuttals": Rebuttal,
    "contradictions": Contradiction,
    "undercuts": Undercut,
    "positions": Position,
    "groups": Group,
    "comments": Comment,
}


def _at(spans: tuple[Span, ...], i: int) -> Span | None:
    return spans[i] if i < len(spans) else None


@frozen
class ArgumentMap:
    """A whole argument map: metadata and its items in the order they were written.

    Look-ups (:meth:`claim`, :meth:`reasons`, ...) are precomputed, so they
    cost a dictionary access. When an id is defined twice, the first
    definition wins (``argmap check`` reports the second).

    >>> from argmap import ArgumentMap, Claim, Support
    >>> m = ArgumentMap(items=[Claim("a", "Rain."), Claim("b", "Wet."), Support(["a"], "b")])
    >>> m.claim("b").text
    'Wet.'
    >>> [s.premises for s in m.reasons("b")]
    [('a',)]
    """

    items: tuple[Item, ...] = field(default=(), converter=tuple)
    title: str | None = _text_field(default=None, kw_only=True)
    lang: str | None = _text_field(default=None, kw_only=True)
    question: str | None = _text_field(default=None, kw_only=True)
    #: Where the map was read from, if it was read from a file.
    path: str | None = field(default=None, kw_only=True, eq=False, repr=False)

    claims: tuple[Claim, ...] = field(init=False, eq=False, repr=False)
    sources: tuple[Source, ...] = field(init=False, eq=False, repr=False)
    supports: tuple[Support, ...] = field(init=False, eq=False, repr=False)
    rebuttals: tuple[Rebuttal, ...] = field(init=False, eq=False, repr=False)
    contradictions: tuple[Contradiction, ...] = field(init=False, eq=False, repr=False)
    undercuts: tuple[Undercut, ...] = field(init=False, eq=False, repr=False)
    positions: tuple[Position, ...] = field(init=False, eq=False, repr=False)
    groups: tuple[Group, ...] = field(init=False, eq=False, repr=False)
    comments: tuple[Comment, ...] = field(init=False, eq=False, repr=False)
    relations: tuple[Relation, ...] = field(init=False, eq=False, repr=False)
    _index: dict = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_kind: dict[type, list] = {kind: [] for kind in _KINDS.values()}
        relations = []
        for item in self.items:
            kind = type(item)
            by_kind[kind].append(item)
            if kind in _RELATIONS:
                relations.append(item)
        for name, kind in _KINDS.items():
            object.__setattr__(self, name, tuple(by_kind[kind]))
        object.__setattr__(self, "relations", tuple(relations))
        reasons: dict[str, list[Support]] = {}
        objections: dict[str, list[Relation]] = {}
        for rel in relations:
            kind = type(rel)
            if kind is Support:
                reasons.setdefault(rel.conclusion, []).append(rel)
            elif kind is Contradiction:
                objections.setdefault(rel.first, []).append(rel)
                if rel.second != rel.first:
                    objections.setdefault(rel.second, []).append(rel)
            else:
                objections.setdefault(rel.target, []).append(rel)
        index = {
            # reversed, so that the first definition of a duplicated id wins
            "claim": {c.id: c for c in reversed(self.claims)},
            "source": {s.id: s for s in reversed(self.sources)},
            "support": {s.name: s for s in reversed(self.supports) if s.name},
            "position": {p.id: p for p in reversed(self.positions)},
            "group": {g.id: g for g in reversed(self.groups)},
            "reasons": {k: tuple(v) for k, v in reasons.items()},
            "objections": {k: tuple(v) for k, v in objections.items()},
        }
        object.__setattr__(self, "_index", index)

    # -- look-ups -----------------------------------------------------------

    def claim(self, id: str) -> Claim:
        """The claim with this id. Raises KeyError when there is none."""
        return self._index["claim"][id]

    def source(self, id: str) -> Source:
        """The source with this id. Raises KeyError when there is none."""
        return self._index["source"][id]

    def support(self, name: str) -> Support:
        """The named support with this name. Raises KeyError when there is none."""
        return self._index["support"][name]

    def position(self, id: str) -> Position:
        """The position with this id. Raises KeyError when there is none."""
        return self._index["position"][id]

    def group(self, id: str) -> Group:
        """The group declared with this id. Raises KeyError when there is none."""
        return self._index["group"][id]

    def has(self, id: str) -> bool:
        """True when ``id`` names a claim or a named support."""
        return id in self._index["claim"] or id in self._index["support"]

    def reasons(self, id: str) -> tuple[Support, ...]:
        """The supports whose conclusion is ``id``, in source order."""
        return self._index["reasons"].get(id, ())

    def objections(self, id: str) -> tuple[Relation, ...]:
        """The rebuttals, contradictions and undercuts aimed at ``id``
        (a claim or a named support), in source order."""
        return self._index["objections"].get(id, ())

    def claims_of(self, source: str) -> tuple[Claim, ...]:
        """The claims that cite the source ``source``."""
        return tuple(c for c in self.claims if c.source == source)

    # -- other stages -------------------------------------------------------

    def to_source(self) -> str:
        """The map as canonical argmap text (what ``argmap fmt`` writes)."""
        from argmap.formatter import format_map

        return format_map(self)

    def to_graphviz(self, **options):
        """The map as a :class:`graphviz.Digraph`; options as for :func:`argmap.render`."""
        from argmap.render import to_graphviz

        return to_graphviz(self, **options)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return self.to_graphviz()._repr_mimebundle_(include=include, exclude=exclude)

    def _repr_svg_(self):
        from argmap.render import draw

        return draw(self, "svg").decode("utf-8")

    def evolve(self, **changes) -> ArgumentMap:
        """A copy with some fields changed (``items``, ``title``, ...)."""
        return attrs.evolve(self, **changes)
