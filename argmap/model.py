"""The argument map as immutable values.

Every class here is a frozen, slotted attrs class. Each item carries the
:class:`Span` it was read from; spans never take part in equality, so a map
parsed from text equals the same map built in Python or parsed from its
formatted text.
"""

from __future__ import annotations

import enum
import numbers
import os
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain, compress, repeat, starmap
from operator import attrgetter, eq
from typing import TYPE_CHECKING, Any, Union

import attrs
from attrs import field, frozen

from argmap.errors import ArgmapError, UnknownIdError
from argmap.types import JSONDict

if TYPE_CHECKING:
    import graphviz
    import networkx
    from typing_extensions import Unpack

    from argmap.render.keywords import GraphOptions

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
    "Argument",
    "Step",
    "Position",
    "Group",
    "Comment",
    "Item",
    "Relation",
    "ArgumentMap",
    "RESERVED_WORDS",
    "CLAIM_ATTRIBUTES",
    "SOURCE_ATTRIBUTES",
    "RELATION_ATTRIBUTES",
    "ARGUMENT_ATTRIBUTES",
    "ModelError",
]

#: Words that start a statement and so cannot be used as ids.
RESERVED_WORDS = frozenset(
    {"claim", "implicit", "source", "group", "position", "title", "lang", "question", "argument"}
)


def is_id(value: object) -> bool:
    """True for a valid id: letters (any script), digits and underscores."""
    return isinstance(value, str) and (value.isalnum() or value.replace("_", "a").isalnum())


def normalize(text: str | None) -> str | None:
    """Text with every run of white space made one space (None stays None)."""
    return None if text is None else " ".join(text.split())


class ModelError(ArgmapError, ValueError):
    """A value that an argument map cannot hold, refused when an item is made.

    ``item`` is the class (``"Claim"``), ``field`` the field (``"weight"``),
    ``value`` the value given and ``reason`` what the field takes.

    >>> from argmap import Claim, ModelError
    >>> try:
    ...     Claim("a", "Rain.", weight=2)
    ... except ModelError as error:
    ...     print(error)
    ...     print(error.field, error.value)
    Claim.weight = 2.0: a weight is a number from 0 to 1
    weight 2.0
    """

    def __init__(self, item: str, field: str, value: object, reason: str):
        super().__init__(item, field, value, reason)
        self.item = item
        self.field = field
        self.value = value
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.item}.{self.field} = {self.value!r}: {self.reason}"


def _refuse(instance, name: str, value, reason: str):
    raise ModelError(type(instance).__name__, name, value, reason)


# -- converters: they make a value canonical and leave a wrong type for the validator to name


def _text(value: str | None) -> Any:
    return normalize(value) if isinstance(value, str) else value


def _blank_is_none(value: str | None) -> Any:
    # The language has no way to write an empty optional value: `note:` reads as no note.
    value = _text(value)
    return None if value == "" else value


def _strings(value: str | Iterable[object]) -> Any:
    # One string is one element, not a sequence of characters.
    if type(value) is tuple:
        return value
    if isinstance(value, str):
        return (value,)
    try:
        return tuple(value)
    except TypeError:
        return value


def _path(value: str | os.PathLike[str] | None) -> Any:
    return os.fspath(value) if isinstance(value, os.PathLike) else value


def _float(value: float | None) -> Any:
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return float(value)
    return value


# -- validators


_ID_RULE = "an id is letters, digits and underscores"
_RESERVED_RULE = "a reserved word of the language cannot name a claim, a relation or an argument"


def _check_id(instance, attribute, value):
    if not is_id(value):
        _refuse(instance, attribute.name, value, _ID_RULE)


def _check_optional_id(instance, attribute, value):
    if value is not None and not is_id(value):
        _refuse(instance, attribute.name, value, _ID_RULE)


def _check_name(instance, attribute, value):
    """The id of a claim, a named relation or an argument, or a reference to one.

    A reserved word cannot be one: `title: a supports b` is a title. Items
    read from text (they carry a span) are not refused: the reader reports
    the problem as a diagnostic instead.
    """
    if not is_id(value):
        _refuse(instance, attribute.name, value, _ID_RULE)
    if value in RESERVED_WORDS and instance.span is None:
        _refuse(instance, attribute.name, value, _RESERVED_RULE)


def _check_optional_name(instance, attribute, value):
    if value is not None:
        _check_name(instance, attribute, value)


def _check_names(instance, attribute, value):
    if type(value) is not tuple:
        _refuse(instance, attribute.name, value, "expected a sequence of ids")
    for ref in value:
        _check_name(instance, attribute, ref)


def _check_text(instance, attribute, value):
    if not isinstance(value, str):
        _refuse(instance, attribute.name, value, "expected a string")


def _check_optional_text(instance, attribute, value):
    if value is not None and not isinstance(value, str):
        _refuse(instance, attribute.name, value, "expected a string or None")


def _check_span(instance, attribute, value):
    if value is not None and type(value) is not Span:
        _refuse(instance, attribute.name, value, "expected a Span or None")


def _check_spans(instance, attribute, value):
    if type(value) is not tuple:
        _refuse(instance, attribute.name, value, "expected a sequence of Spans")
    for span in value:
        if type(span) is not Span:
            _refuse(instance, attribute.name, span, "expected a sequence of Spans")


def _check_depth(instance, attribute, value):
    if type(value) is not int or value < 0:
        _refuse(instance, attribute.name, value, "expected an outline depth (an int, 0 or more)")


def _text_field(**kw):
    return field(converter=_text, validator=_check_text, **kw)


def _optional_text_field(**kw):
    return field(default=None, kw_only=True, converter=_blank_is_none, validator=_check_optional_text, **kw)


def _span_field():
    return field(default=None, eq=False, repr=False, kw_only=True, validator=_check_span)


def _outline_field():
    # How deep in an outline the item was written (0: a statement of its own).
    # Only the formatter uses it, to write outlines back as outlines.
    return field(default=0, eq=False, repr=False, kw_only=True, validator=_check_depth)


def _spans_field():
    return field(default=(), eq=False, repr=False, kw_only=True, converter=_strings, validator=_check_spans)


def _check_line(instance, attribute, value):
    if type(value) is not int or value < 0:
        _refuse(instance, attribute.name, value, "expected a line or column number (an int, 0 or more)")


@frozen
class Span:
    """Where something stands in a file: 1-based lines and columns, end exclusive."""

    file: str | None = field(converter=_path, validator=_check_optional_text)
    line: int = field(validator=_check_line)
    column: int = field(validator=_check_line)
    end_line: int = field(validator=_check_line)
    end_column: int = field(validator=_check_line)

    def __str__(self) -> str:
        return f"{self.file or '<text>'}:{self.line}:{self.column}"


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


#: Attribute keys a claim or a source reads as its own fields; they cannot be
#: kept in ``extra`` (the reader takes them for the field).
CLAIM_ATTRIBUTES = ("source", "basis", "quote", "tags", "weight", "group", "note")
#: Attribute keys under a named relation.
RELATION_ATTRIBUTES = ("tags", "note", "group")
#: Attribute keys under an ``argument`` line (besides its premises and conclusions).
ARGUMENT_ATTRIBUTES = ("gist", "inference", "tags", "note", "group")
SOURCE_ATTRIBUTES = ("author", "date", "kind", "url", "file")
# An indented line starting with these is a position's part, not an attribute.
_STANCE_WORDS = frozenset({"accepts", "rejects"})


def _check_key(instance, attribute, value):
    if not is_id(value):
        _refuse(instance, attribute.name, value, _ID_RULE)
    if value in _STANCE_WORDS:
        reason = "an attribute key cannot be `accepts` or `rejects` (they start a position's line)"
        _refuse(instance, attribute.name, value, reason)


@frozen
class Attribute:
    """A `key: value` line argmap keeps but does not interpret."""

    key: str = field(validator=_check_key)
    value: str = _text_field()
    span: Span | None = _span_field()


def _attributes(value: Iterable[Attribute] | Mapping[str, str]) -> Any:
    if isinstance(value, dict):
        return tuple(Attribute(k, v) for k, v in value.items())
    return _strings(value)


def _extra_field(known: tuple[str, ...]):
    def check(instance, attribute, value):
        if type(value) is not tuple:
            _refuse(instance, attribute.name, value, "expected a sequence of Attributes or a dict")
        seen = set()
        for a in value:
            if type(a) is not Attribute:
                _refuse(instance, attribute.name, a, "expected an Attribute")
            if a.key in known:
                _refuse(instance, attribute.name, a.key, f"`{a.key}` is a field of its own, not an extra attribute")
            if a.key in seen:
                _refuse(instance, attribute.name, a.key, "the same key is given twice")
            seen.add(a.key)

    return field(default=(), kw_only=True, converter=_attributes, validator=check)


def _check_claim_text(instance, attribute, value):
    if not isinstance(value, str):
        _refuse(instance, attribute.name, value, "expected a string")
    if not value and instance.span is None:
        _refuse(instance, attribute.name, value, "a claim needs a text")


def _basis(value: Basis | str | None) -> Any:
    if isinstance(value, str):
        return Basis.lookup(value) or value
    return value


def _check_basis(instance, attribute, value):
    if value is not None and type(value) is not Basis:
        _refuse(instance, attribute.name, value, f"expected a Basis or one of {[b.value for b in Basis]}")


def _tags(value: str | Iterable[str]) -> Any:
    value = _strings(value)
    if type(value) is tuple:
        return tuple(_text(t) for t in value)
    return value


def _check_tags(instance, attribute, value):
    if type(value) is not tuple:
        _refuse(instance, attribute.name, value, "expected a sequence of strings")
    for tag in value:
        if not isinstance(tag, str) or not tag or "," in tag:
            _refuse(instance, attribute.name, tag, "a tag is a non-empty string without commas")


def _check_weight(instance, attribute, value):
    if value is not None and not (type(value) is float and 0.0 <= value <= 1.0):
        _refuse(instance, attribute.name, value, "a weight is a number from 0 to 1")


def _check_bool(instance, attribute, value):
    if type(value) is not bool:
        _refuse(instance, attribute.name, value, "expected True or False")


@frozen
class Claim:
    """A statement that can be supported, rebutted and accepted or rejected.

    ``implicit`` marks an unstated premise the text relies on. ``source``
    names the :class:`Source` the claim is taken from; ``quote`` is a short
    phrase from that source. ``basis`` may be given as a :class:`Basis` or
    its name (``"study"``, ``"Studie"``); ``extra`` as a dict.
    """

    id: str = field(validator=_check_name)
    text: str = field(converter=_text, validator=_check_claim_text)
    source: str | None = field(default=None, kw_only=True, validator=_check_optional_id)
    basis: Basis | None = field(default=None, kw_only=True, converter=_basis, validator=_check_basis)
    quote: str | None = _optional_text_field()
    tags: tuple[str, ...] = field(default=(), kw_only=True, converter=_tags, validator=_check_tags)
    weight: float | None = field(default=None, kw_only=True, converter=_float, validator=_check_weight)
    group: str | None = field(default=None, kw_only=True, validator=_check_optional_id)
    note: str | None = _optional_text_field()
    implicit: bool = field(default=False, kw_only=True, validator=_check_bool)
    extra: tuple[Attribute, ...] = _extra_field(CLAIM_ATTRIBUTES)
    #: The argument whose ``premise``/``conclusion`` line defines the claim,
    #: if any. Like ``outline``, it only says where the formatter writes the
    #: claim, so it takes no part in equality.
    argument: str | None = field(default=None, kw_only=True, eq=False, repr=False, validator=_check_optional_id)
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
    """A text that claims are taken from. ``file`` names the text inside the
    map's folder or a texts folder (``--texts``, ``ARGMAP_TEXTS``; see
    docs/language.md): never an absolute path or one with ``..``."""

    id: str = field(validator=_check_id)
    title: str = _text_field()
    author: str | None = _optional_text_field()
    date: str | None = _optional_text_field()
    kind: str | None = _optional_text_field()
    url: str | None = _optional_text_field()
    # Unlike the other optional texts, an empty file is kept: `file: ""` says so.
    file: str | None = field(default=None, kw_only=True, converter=_text, validator=_check_optional_text)
    extra: tuple[Attribute, ...] = _extra_field(SOURCE_ATTRIBUTES)
    span: Span | None = _span_field()
    ref_spans: tuple[Span, ...] = _spans_field()


def _short_repr(self) -> str:
    # Optional fields left at their defaults are not shown: a rebuttal reads
    # `Rebuttal(attackers=('a',), target='b')`, not five fields of None.
    parts = []
    for a in attrs.fields(type(self)):
        if not a.repr or not a.init:
            continue
        value = getattr(self, a.name)
        if a.default is not attrs.NOTHING and value == a.default:
            continue
        parts.append(f"{a.name}={value!r}")
    return f"{type(self).__name__}({', '.join(parts)})"


class _Field:
    """What a validator is told about the field it checks, for fields checked after ``__init__``."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name


_TAGS, _NOTE, _GROUP, _ARGUMENT = _Field("tags"), _Field("note"), _Field("group"), _Field("argument")


def _tags_field():
    # Converted and checked in `_check_attributes`: a map holds many relations, and most have none.
    return field(default=(), kw_only=True)


def _group_field():
    return field(default=None, kw_only=True)


def _note_field():
    return field(default=None, kw_only=True)


def _check_attributes(item) -> None:
    """Convert and check ``tags``, ``note`` and ``group`` (as the fields of a claim
    would be); they belong to a named relation, the name is what they describe."""
    tags, note, group = item.tags, item.note, item.group
    if tags == () and note is None and group is None:
        return
    if tags != ():
        tags = _tags(tags)
        _check_tags(item, _TAGS, tags)
        object.__setattr__(item, "tags", tags)
    if note is not None:
        note = _blank_is_none(note)
        _check_optional_text(item, _NOTE, note)
        object.__setattr__(item, "note", note)
    _check_optional_id(item, _GROUP, group)
    if item.name is None and (tags or note is not None or group is not None):
        _refuse(item, "name", None, "only a named relation can have tags, a note or a group; give it a name")


def _check_attackers(instance, attribute, value):
    if type(value) is not tuple:
        _refuse(instance, attribute.name, value, "expected a sequence of ids")
    if not value:
        _refuse(instance, attribute.name, value, "an objection needs at least one attacker")
    for ref in value:
        _check_name(instance, attribute, ref)


@frozen(repr=False)
class Support:
    """Premises that support a conclusion; two or more premises are linked
    (they support it only together). A named support is an argument of its
    own: it can be undercut, accepted and rejected.

    ``argument`` is set only on the supports an :class:`Argument` stands for
    (see :meth:`Argument.supports`); they are not items of a map and are
    never written as text.
    """

    __repr__ = _short_repr

    premises: tuple[str, ...] = field(converter=_strings, validator=_check_names)
    conclusion: str = field(validator=_check_name)
    name: str | None = field(default=None, kw_only=True, validator=_check_optional_name)
    tags: tuple[str, ...] = _tags_field()
    note: str | None = _note_field()
    group: str | None = _group_field()
    argument: str | None = field(default=None, kw_only=True)
    span: Span | None = _span_field()
    #: Spans of the premises, then of the conclusion, then of the name.
    ref_spans: tuple[Span, ...] = _spans_field()
    #: Depth of the outline item it was written as (0: a statement of its own).
    outline: int = _outline_field()

    @premises.validator
    def _check_premises(self, attribute, value):
        if not value:
            _refuse(self, attribute.name, value, "a support needs at least one premise")

    def __attrs_post_init__(self) -> None:
        if self.argument is not None:
            _check_optional_id(self, _ARGUMENT, self.argument)
        _check_attributes(self)

    @property
    def linked(self) -> bool:
        """True when the premises support the conclusion only together."""
        return len(self.premises) > 1

    def references(self) -> Iterator[tuple[str, Span | None]]:
        spans = self.ref_spans  # once: spans read from text may be packed
        for i, premise in enumerate(self.premises):
            yield premise, _at(spans, i)
        yield self.conclusion, _at(spans, len(self.premises))


@frozen(repr=False)
class _Objection:
    """What a rebuttal and an undercut have in common: one or more attackers
    (linked when more than one: they attack only together) and a target."""

    __repr__ = _short_repr

    attackers: tuple[str, ...] = field(converter=_strings, validator=_check_attackers)
    target: str = field(validator=_check_name)
    name: str | None = field(default=None, kw_only=True, validator=_check_optional_name)
    tags: tuple[str, ...] = _tags_field()
    note: str | None = _note_field()
    group: str | None = _group_field()
    span: Span | None = _span_field()
    #: Spans of the attackers, then of the target, then of the name.
    ref_spans: tuple[Span, ...] = _spans_field()
    #: Depth of the outline item it was written as (0: a statement of its own).
    outline: int = _outline_field()

    __attrs_post_init__ = _check_attributes

    @property
    def attacker(self) -> str:
        """The first attacker (kept for code written before linked objections; use ``attackers``)."""
        return self.attackers[0]

    @property
    def linked(self) -> bool:
        """True when the attackers defeat the target only together."""
        return len(self.attackers) > 1

    def references(self) -> Iterator[tuple[str, Span | None]]:
        spans = self.ref_spans  # once: spans read from text may be packed
        for i, attacker in enumerate(self.attackers):
            yield attacker, _at(spans, i)
        yield self.target, _at(spans, len(self.attackers))


@frozen(repr=False)
class Rebuttal(_Objection):
    """``attackers`` speak against ``target``. Two or more attackers are
    linked: the objection holds only when all of them hold.

    ``target`` is a claim (or, for checks to judge, any id). A named
    rebuttal is an argument of its own: it can be undercut (a concession:
    "admittedly ..., but that does not refute ..."), accepted and rejected.
    ``Rebuttal("a", "b")`` is ``Rebuttal(("a",), "b")``.
    """


@frozen(repr=False)
class Contradiction:
    """``first`` and ``second`` cannot both be true; each attacks the other.
    A named contradiction is one argument standing for both directions:
    undercutting it cancels both."""

    __repr__ = _short_repr

    first: str = field(validator=_check_name)
    second: str = field(validator=_check_name)
    name: str | None = field(default=None, kw_only=True, validator=_check_optional_name)
    tags: tuple[str, ...] = _tags_field()
    note: str | None = _note_field()
    group: str | None = _group_field()
    span: Span | None = _span_field()
    #: Spans of ``first``, ``second``, then of the name.
    ref_spans: tuple[Span, ...] = _spans_field()

    __attrs_post_init__ = _check_attributes

    def references(self) -> Iterator[tuple[str, Span | None]]:
        spans = self.ref_spans  # once: spans read from text may be packed
        yield self.first, _at(spans, 0)
        yield self.second, _at(spans, 1)


@frozen(repr=False)
class Undercut(_Objection):
    """``attackers`` deny that the named relation or argument ``target``
    holds, without denying its premises or its conclusion. Two or more
    attackers are linked: the undercut holds only when all of them hold.
    Undercutting an argument undercuts its final inference.
    ``Undercut("a", "r")`` is ``Undercut(("a",), "r")``."""


@frozen(repr=False)
class Step:
    """One inference of an :class:`Argument`: ``premises`` (those listed for
    this step, not the previous conclusion) lead to ``conclusion``."""

    __repr__ = _short_repr

    premises: tuple[str, ...] = field(converter=_strings, validator=_check_names)
    conclusion: str = field(validator=_check_name)
    #: The span of the ``conclusion`` line.
    span: Span | None = _span_field()
    #: Spans of the premises, then of the conclusion.
    ref_spans: tuple[Span, ...] = _spans_field()


def _steps(value: Iterable[Step | tuple[str | Iterable[str], str]]) -> Any:
    value = _strings(value)
    if type(value) is tuple:
        return tuple(Step(*s) if type(s) is tuple and len(s) == 2 else s for s in value)
    return value


def _check_steps(instance, attribute, value):
    if type(value) is not tuple:
        _refuse(instance, attribute.name, value, "expected a sequence of Steps")
    for step in value:
        if type(step) is not Step:
            _refuse(instance, attribute.name, step, "expected a Step")
    if not value:
        _refuse(instance, attribute.name, value, "an argument needs a conclusion")
    if not value[0].premises:
        _refuse(instance, attribute.name, value, "an argument needs at least one premise before its first conclusion")


def _check_title(instance, attribute, value):
    if not isinstance(value, str):
        _refuse(instance, attribute.name, value, "expected a string")
    if not value and instance.span is None:
        _refuse(instance, attribute.name, value, "an argument needs a title")


@frozen(repr=False)
class Argument:
    """A premise–conclusion structure with a title: ``steps`` lead from
    premises through intermediate conclusions to the argument's conclusion.

    Each :class:`Step`'s conclusion follows from its premises together with
    the previous step's conclusion. The map stands for an argument by the
    supports :meth:`supports` gives (they are in ``m.supports`` and
    ``m.relations``); the last one is named with the argument's id, so
    undercutting the argument undercuts its final inference.

    >>> a = Argument("kosten", "Die Kosten", steps=[Step(["p1", "p2"], "k1"), Step(["p3"], "k2")])
    >>> a.premises, a.conclusion
    (('p1', 'p2', 'p3'), 'k2')
    >>> [(s.premises, s.conclusion, s.name) for s in a.supports()]
    [(('p1', 'p2'), 'k1', None), (('p3', 'k1'), 'k2', 'kosten')]
    """

    __repr__ = _short_repr

    id: str = field(validator=_check_name)
    title: str = field(converter=_text, validator=_check_title)
    gist: str | None = _optional_text_field()
    inference: str | None = _optional_text_field()
    tags: tuple[str, ...] = field(default=(), kw_only=True, converter=_tags, validator=_check_tags)
    note: str | None = _optional_text_field()
    group: str | None = field(default=None, kw_only=True, validator=_check_optional_id)
    steps: tuple[Step, ...] = field(default=(), kw_only=True, converter=_steps, validator=_check_steps)
    span: Span | None = _span_field()
    #: Span of the id.
    ref_spans: tuple[Span, ...] = _spans_field()

    @property
    def premises(self) -> tuple[str, ...]:
        """All premises, in the order they are listed (without intermediate conclusions)."""
        return tuple(p for step in self.steps for p in step.premises)

    @property
    def conclusion(self) -> str:
        """The argument's conclusion: the last step's."""
        return self.steps[-1].conclusion

    def supports(self) -> tuple[Support, ...]:
        """The supports the argument stands for, one per step, all with
        ``argument`` set to its id; the last is named with its id."""
        out = []
        previous = None
        last = len(self.steps) - 1
        for i, step in enumerate(self.steps):
            premises = step.premises + ((previous.conclusion,) if previous is not None else ())
            spans = step.ref_spans[: len(step.premises)]
            if previous is not None:
                spans += previous.ref_spans[len(previous.premises) :]
            spans += step.ref_spans[len(step.premises) :]
            if i == last:
                spans += self.ref_spans[:1]
            out.append(
                Support(
                    premises,
                    step.conclusion,
                    name=self.id if i == last else None,
                    argument=self.id,
                    span=step.span or self.span,
                    ref_spans=spans,
                )
            )
            previous = step
        return tuple(out)

    def references(self) -> Iterator[tuple[str, Span | None]]:
        """Each claim the argument lists, once, with the span where it is listed."""
        seen = set()
        for step in self.steps:
            for i, ref in enumerate(step.premises + (step.conclusion,)):
                if ref not in seen:
                    seen.add(ref)
                    yield ref, _at(step.ref_spans, i)


@frozen
class Position:
    """What one text, speaker or student holds: the claims and named supports
    it accepts and rejects. A position named like a source is that source's."""

    id: str = field(validator=_check_id)
    accepts: tuple[str, ...] = field(default=(), converter=_strings, validator=_check_names)
    rejects: tuple[str, ...] = field(default=(), converter=_strings, validator=_check_names)
    span: Span | None = _span_field()
    #: Spans of the id, the accepted ids, then the rejected ids.
    ref_spans: tuple[Span, ...] = _spans_field()

    def references(self) -> Iterator[tuple[str, Span | None]]:
        for i, ref in enumerate(self.accepts + self.rejects):
            yield ref, _at(self.ref_spans, i + 1)

    def _repr_html_(self) -> str:
        from argmap._display import position_html  # Jupyter: a table of what it accepts and rejects

        return position_html(self)


@frozen
class Group:
    """A named group of claims, relations and arguments (``group: ID`` on
    them), drawn as a cluster. ``parent`` is the group it is part of, if any
    (groups nest)."""

    id: str = field(validator=_check_id)
    label: str = _text_field()
    parent: str | None = field(default=None, kw_only=True, validator=_check_optional_id)
    span: Span | None = _span_field()
    #: Span of the id, then of the parent when given.
    ref_spans: tuple[Span, ...] = _spans_field()

    def references(self) -> Iterator[tuple[str, Span | None]]:
        """The parent group's id, with its span."""
        if self.parent is not None:
            yield self.parent, _at(self.ref_spans, 1)


def _comment_text(value: str) -> Any:
    # A comment is one line: line breaks inside it become spaces.
    if isinstance(value, str):
        return value.replace("\r", " ").replace("\n", " ").rstrip()
    return value


@frozen
class Comment:
    """A ``#`` comment line, kept so that formatting never loses it.
    ``text`` is what follows the ``#``."""

    text: str = field(converter=_comment_text, validator=_check_text)
    span: Span | None = _span_field()


# -- compact spans and unchecked construction, for maps read from text ----------
#
# A map of a million claims holds millions of spans; as objects they would
# take more memory than the claims. An item read from text whose spans all
# lie on its own line keeps them as one packed int (the line, then a start
# and end column per span: the item's span first, then its ``ref_spans``)
# in the ``ref_spans`` slot and the file name in the ``span`` slot; reading
# ``span`` or ``ref_spans`` unpacks them into Span objects on the fly.
#
# Most lines of a large map are written the one plain way: ``claim ID: text``
# or ``[name: ]a supports b`` (one space wherever two words meet, the text
# normalised, nothing before the line). For an item read from such a line
# the packed int is just ``-line``: its columns follow from its own ids and
# text (see :func:`_written_columns`), so the reader need not work them out.

_COLUMN_BITS = 24
_COLUMN_MASK = (1 << _COLUMN_BITS) - 1
_COUNT_BITS = 5
_COUNT_MASK = (1 << _COUNT_BITS) - 1


def pack_spans(line: int, columns: tuple[int, ...]) -> int | None:
    """``line`` and the (start, end) column pairs of spans on that line as one
    int, or None when a column is too large or there are too many pairs."""
    n = len(columns) // 2
    if n >= 1 << _COUNT_BITS:
        return None
    packed = line
    for column in columns:
        if not 0 <= column <= _COLUMN_MASK:
            return None
        packed = packed << _COLUMN_BITS | column
    return packed << _COUNT_BITS | n


def _unpack(item, file: str | None, packed: int, skip: int = 0) -> list[Span]:
    """The spans ``packed`` holds for ``item``, without the first ``skip`` of them."""
    if packed < 0:
        line = -packed
        columns = _written_columns(item)
        return [_span(file, line, columns[k], line, columns[k + 1]) for k in range(2 * skip, len(columns), 2)]
    n = packed & _COUNT_MASK
    packed >>= _COUNT_BITS
    spans = []
    line = packed >> (2 * n * _COLUMN_BITS)
    for _ in range(n - skip):
        end = packed & _COLUMN_MASK
        packed >>= _COLUMN_BITS
        spans.append(_span(file, line, packed & _COLUMN_MASK, line, end))
        packed >>= _COLUMN_BITS
    spans.reverse()
    return spans


def _written_columns(item) -> tuple[int, ...]:
    """The columns of ``item``'s span and ref spans where it stands on a line of
    its own written the plain way: ``claim ID: text``, or a relation with one
    premise or attacker, ``[name: ]a supports b`` (``rebuts``, ``contradicts``,
    ``undercuts``)."""
    kind = type(item)
    if kind is Claim:
        end = 7 + len(item.id)  # after `claim `
        return (1, end + 2 + len(item.text), 7, end)
    if kind is Contradiction:
        first, last = item.first, item.second
    elif kind is Support:
        first, last = item.premises[0], item.conclusion
    else:
        first, last = item.attackers[0], item.target
    name = item.name
    start = 1 if name is None else len(name) + 3  # after `name: `
    target = start + len(first) + 2 + len(_VERBS[kind])
    end = target + len(last)
    columns: tuple[int, ...] = (1, end, start, start + len(first), target, end)
    return columns if name is None else columns + (1, 1 + len(name))


#: The raw slot descriptors of ``span`` and ``ref_spans``, by class.
_SLOTS: dict[type, tuple] = {}


def _writable(cls: type) -> type:
    """A subclass of ``cls`` without its frozen ``__setattr__``, with the same
    layout: an instance is filled in by plain assignments (a slot each, about
    five times faster than ``object.__setattr__``) and then made a ``cls`` by
    assigning ``__class__``, so nothing ever sees one.

    (Both ``__setattr__`` and ``__delattr__`` are ``object``'s, so that Python
    uses its generic C setter; the raw slots of packed spans are reachable
    as ``_raw_span`` and ``_raw_refs``.)"""
    namespace: dict[str, Any] = {"__slots__": (), "__setattr__": object.__setattr__, "__delattr__": object.__delattr__}
    own = next((_SLOTS[b] for b in cls.__mro__ if b in _SLOTS), None)
    if own is not None:
        namespace["_raw_span"], namespace["_raw_refs"] = own
    return type(f"_Writable{cls.__name__}", (cls,), namespace)


_new = object.__new__
_WritableSpan = _writable(Span)


def _span(file, line, column, end_line, end_column) -> Span:
    """A Span of values known to be valid, made without the validators."""
    span = _new(_WritableSpan)
    span.file = file
    span.line = line
    span.column = column
    span.end_line = end_line
    span.end_column = end_column
    span.__class__ = Span
    return span


class _PackedSpan:
    """``span`` of an item that may hold its spans packed."""

    __slots__ = ("span", "refs")

    def __init__(self, span, refs):
        self.span, self.refs = span, refs

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = self.span.__get__(instance, owner)
        packed = self.refs.__get__(instance, owner)
        return _unpack(instance, value, packed)[0] if type(packed) is int else value

    def __set__(self, instance, value):
        self.span.__set__(instance, value)


class _PackedRefs(_PackedSpan):
    """``ref_spans`` of an item that may hold its spans packed."""

    __slots__ = ()

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        packed = self.refs.__get__(instance, owner)
        if type(packed) is int:
            return tuple(_unpack(instance, self.span.__get__(instance, owner), packed, 1))
        return packed

    def __set__(self, instance, value):
        self.refs.__set__(instance, value)


def _packable(cls) -> None:
    span, refs = cls.__dict__["span"], cls.__dict__["ref_spans"]
    _SLOTS[cls] = (span, refs)
    cls.span = _PackedSpan(span, refs)
    cls.ref_spans = _PackedRefs(span, refs)


def unchecked(cls):
    """A constructor of ``cls`` that sets its fields without converting or
    validating them, for the reader, whose values are already canonical.
    Takes the fields as keywords (defaults as in the class); ``span`` and
    ``ref_spans`` may be given packed: ``packed=(file, pack_spans(...))``, or
    ``packed=(file, -line)`` for an item read from a line written the plain
    way (see :func:`_written_columns`)."""
    return _UNCHECKED[cls]


def _make_unchecked(cls, written: tuple[str, ...] | None = None):
    """The constructor :func:`unchecked` returns; with ``written``, the one
    :func:`unchecked_written` returns."""
    fields = [a for a in attrs.fields(cls) if a.init]
    writable = _writable(cls)
    packable = hasattr(writable, "_raw_span")
    params = []
    body = []
    namespace = {"_new": _new, "cls": cls, "writable": writable}
    for a in fields:
        default = a.default
        if isinstance(default, attrs.Factory):  # pragma: no cover - the items have no factories
            raise TypeError(a.name)
        namespace[f"_d_{a.name}"] = default
        slot = {"span": "_raw_span", "ref_spans": "_raw_refs"}.get(a.name, a.name) if packable else a.name
        if written is None:
            params.append(a.name if default is attrs.NOTHING else f"{a.name}=_d_{a.name}")
        elif slot != a.name:
            continue  # packed from the file and the line
        elif default is attrs.NOTHING or a.name in written:
            params.append(a.name)
        else:
            body.append(f"    self.{slot} = _d_{a.name}")
            continue
        body.append(f"    self.{slot} = {a.name}")
    if written is not None:
        signature = ", ".join(params) + ", file, line"
        body.append("    self._raw_span, self._raw_refs = file, line")
    else:
        signature = ", ".join(p for p in params if "=" not in p) + ", *, " + ", ".join(p for p in params if "=" in p)
    if packable and written is None:
        signature += ", packed=None"
        body.append("    if packed is not None:")
        body.append("        self._raw_span, self._raw_refs = packed")
    code = f"def make({signature}):\n    self = _new(writable)\n" + "\n".join(body)
    code += "\n    self.__class__ = cls\n    return self\n"
    exec(code, namespace)
    return namespace["make"]


def unchecked_written(cls):
    """The constructor of an item of ``cls`` read from a line written the
    plain way (see :func:`_written_columns`), for the reader: it takes the
    fields without a default (a claim's id and text, a relation's two ends)
    and then its name, if a relation, as positional arguments, then the file
    and ``-line`` (the number of the line, negated), which its spans are
    packed as; every other field is left at its default."""
    return _WRITTEN[cls]


Relation = Union[Support, Rebuttal, Contradiction, Undercut]
Item = Union[Claim, Source, Support, Rebuttal, Contradiction, Undercut, Argument, Position, Group, Comment]

for _cls in (Claim, Support, _Objection, Contradiction):
    _packable(_cls)
_UNCHECKED = {cls: _make_unchecked(cls) for cls in (Claim, Support, Rebuttal, Undercut, Contradiction, Comment)}
_WRITTEN = {cls: _make_unchecked(cls, () if cls is Claim else ("name",)) for cls in (Claim, Support, Rebuttal, Undercut, Contradiction)}

_RELATIONS = frozenset({Support, Rebuttal, Contradiction, Undercut})
#: The word each kind of relation is written with.
_VERBS = {Support: "supports", Rebuttal: "rebuts", Contradiction: "contradicts", Undercut: "undercuts"}
_ITEM_TYPES = (Claim, Source, Support, Rebuttal, Contradiction, Undercut, Argument, Position, Group, Comment)
_KINDS = {
    "claims": Claim,
    "sources": Source,
    "supports": Support,
    "rebuttals": Rebuttal,
    "contradictions": Contradiction,
    "undercuts": Undercut,
    "arguments": Argument,
    "positions": Position,
    "groups": Group,
    "comments": Comment,
}


#: The ends an objection is aimed at, by its kind.
_ENDS = {Rebuttal: ("target",), Undercut: ("target",), Contradiction: ("first", "second")}
_FIRST, _SECOND, _CONCLUSION = attrgetter("first"), attrgetter("second"), attrgetter("conclusion")


def _grouped(keys: Iterable[str], values: list) -> dict[str, list]:
    """``values`` by their ``keys`` (in the same order), each group a list in order."""
    groups: dict[str, list] = {}
    lists = map(groups.setdefault, keys, starmap(list, repeat((), len(values))))
    deque(map(list.append, lists, values), maxlen=0)
    return groups


def _at(spans: tuple[Span, ...], i: int) -> Span | None:
    return spans[i] if i < len(spans) else None


def _content(argument_map: ArgumentMap) -> Counter[Item]:
    return Counter(item for item in argument_map.items if type(item) is not Comment)


@frozen
class ArgumentMap:
    """A whole argument map: metadata and its items in the order they were written.

    Look-ups (:meth:`claim`, :meth:`reasons`, ...) are precomputed, so they
    cost a dictionary access. When an id is defined twice, the first
    definition wins (``argmap check`` reports the second).

    ``supports`` and ``relations`` hold, besides the items, the supports
    each :class:`Argument` stands for (:meth:`Argument.supports`), where
    the argument stands in ``items``; so everything that reads supports sees
    an argument as a chain of linked supports.

    A map is a container of its claims: ``len(m)``, ``id in m`` and
    iteration are about claims. ``==`` compares the items in the order
    written (the order ``to_source`` writes); :meth:`same_content` compares
    them in any order.

    >>> from argmap import ArgumentMap, Claim, Support
    >>> m = ArgumentMap(items=[Claim("a", "Rain."), Claim("b", "Wet."), Support(["a"], "b")])
    >>> m.claim("b").text
    'Wet.'
    >>> [s.premises for s in m.reasons("b")]
    [('a',)]
    """

    items: tuple[Item, ...] = field(default=(), converter=_strings)
    title: str | None = _optional_text_field()
    lang: str | None = _optional_text_field()
    question: str | None = _optional_text_field()
    #: Where the map was read from, if it was read from a file.
    path: str | None = field(
        default=None, kw_only=True, eq=False, repr=False, converter=_path, validator=_check_optional_text
    )

    claims: tuple[Claim, ...] = field(init=False, eq=False, repr=False)
    sources: tuple[Source, ...] = field(init=False, eq=False, repr=False)
    supports: tuple[Support, ...] = field(init=False, eq=False, repr=False)
    rebuttals: tuple[Rebuttal, ...] = field(init=False, eq=False, repr=False)
    contradictions: tuple[Contradiction, ...] = field(init=False, eq=False, repr=False)
    undercuts: tuple[Undercut, ...] = field(init=False, eq=False, repr=False)
    arguments: tuple[Argument, ...] = field(init=False, eq=False, repr=False)
    positions: tuple[Position, ...] = field(init=False, eq=False, repr=False)
    groups: tuple[Group, ...] = field(init=False, eq=False, repr=False)
    comments: tuple[Comment, ...] = field(init=False, eq=False, repr=False)
    relations: tuple[Relation, ...] = field(init=False, eq=False, repr=False)
    _index: dict = field(init=False, eq=False, repr=False)

    @items.validator
    def _check_items(self, attribute, value):
        if type(value) is not tuple:
            _refuse(self, attribute.name, value, "expected a sequence of items")
        for item in value:
            kind = type(item)
            if kind not in _ITEM_TYPES:
                kinds = ", ".join(k.__name__ for k in _ITEM_TYPES)
                _refuse(self, attribute.name, item, f"expected an item ({kinds})")
            if kind is Support and item.argument is not None:
                reason = "a support with `argument` set stands for an argument's step; add the Argument instead"
                _refuse(self, attribute.name, item, reason)

    def __attrs_post_init__(self) -> None:
        by_kind: dict[type, list] = {kind: [] for kind in _KINDS.values()}
        relations = []
        derived = by_kind[Support]
        for item in self.items:
            kind = type(item)
            by_kind[kind].append(item)
            if kind in _RELATIONS:
                relations.append(item)
            elif kind is Argument:
                supports = item.supports()
                derived.extend(supports)
                relations.extend(supports)
        for name, kind in _KINDS.items():
            object.__setattr__(self, name, tuple(by_kind[kind]))
        object.__setattr__(self, "relations", tuple(relations))
        index = {
            # reversed, so that the first definition of a duplicated id wins
            "claim": {c.id: c for c in reversed(self.claims)},
            "source": {s.id: s for s in reversed(self.sources)},
            "support": {s.name: s for s in reversed(self.supports) if s.name},
            "relation": {r.name: r for r in reversed(relations) if r.name},
            "argument": {a.id: a for a in reversed(self.arguments)},
            "position": {p.id: p for p in reversed(self.positions)},
            "group": {g.id: g for g in reversed(self.groups)},
        }
        object.__setattr__(self, "_index", index)

    # -- a container of claims ------------------------------------------------

    def __len__(self) -> int:
        """The number of claims (``len(m.claims)``)."""
        return len(self.claims)

    def __iter__(self) -> Iterator[Claim]:
        """The claims, in the order written."""
        return iter(self.claims)

    def __contains__(self, key: object) -> bool:
        """True for the id of a claim of the map, or one of its claims."""
        if isinstance(key, str):
            return key in self._index["claim"]
        return isinstance(key, Claim) and key in self.claims

    def __bool__(self) -> bool:
        # A map without claims may still hold a title, sources or positions;
        # it is a value, not an empty container, so it is always true.
        return True

    def same_content(self, other: ArgumentMap) -> bool:
        """True when ``other`` holds the same items, whatever order they were
        written in, and the same title, language and question.

        ``==`` compares the items in order, because the order is part of the
        map: ``to_source()`` writes the items in it, outlines and drawings
        follow it, and worksheets number the boxes by it. ``same_content``
        compares them as a multiset, and leaves comments out (where a comment
        stands is what it says). Each item is compared as ``==`` compares it:
        spans are ignored, while the order of premises, attackers and of
        ``accepts``/``rejects`` inside one item counts.

        >>> a, b = Claim("a", "Rain."), Claim("b", "Wet.")
        >>> one = ArgumentMap(items=[a, b, Support(["a"], "b")])
        >>> other = ArgumentMap(items=[Support(["a"], "b"), b, a])
        >>> one == other, one.same_content(other)
        (False, True)
        """
        if not isinstance(other, ArgumentMap):
            return False
        if (self.title, self.lang, self.question) != (other.title, other.lang, other.question):
            return False
        return _content(self) == _content(other)

    # -- look-ups -----------------------------------------------------------

    def _look_up(self, kind: str, id: str) -> Any:
        try:
            return self._index[kind][id]
        except (KeyError, TypeError):
            # the index was filled from the end (the first definition wins): reversed, it is in written order
            raise UnknownIdError(kind, id, tuple(reversed(self._index[kind]))) from None

    def claim(self, id: str) -> Claim:
        """The claim with this id. Raises :class:`UnknownIdError` (a KeyError) when there is none."""
        found: Claim = self._look_up("claim", id)
        return found

    def source(self, id: str) -> Source:
        """The source with this id. Raises :class:`UnknownIdError` (a KeyError) when there is none."""
        found: Source = self._look_up("source", id)
        return found

    def support(self, name: str) -> Support:
        """The named support with this name (an argument's id names its final
        support). Raises :class:`UnknownIdError` (a KeyError) when there is none."""
        found: Support = self._look_up("support", name)
        return found

    def relation(self, name: str) -> Relation:
        """The named relation of any kind with this name (an argument's id names
        its final support). Raises :class:`UnknownIdError` (a KeyError) when there is none."""
        found: Relation = self._look_up("relation", name)
        return found

    def argument(self, id: str) -> Argument:
        """The argument with this id. Raises :class:`UnknownIdError` (a KeyError) when there is none."""
        found: Argument = self._look_up("argument", id)
        return found

    def position(self, id: str) -> Position:
        """The position with this id. Raises :class:`UnknownIdError` (a KeyError) when there is none."""
        found: Position = self._look_up("position", id)
        return found

    def group(self, id: str) -> Group:
        """The group declared with this id. Raises :class:`UnknownIdError` (a KeyError) when there is none."""
        found: Group = self._look_up("group", id)
        return found

    def has(self, id: str) -> bool:
        """True when ``id`` names a claim, a named relation or an argument."""
        index = self._index
        return id in index["claim"] or id in index["relation"] or id in index["argument"]

    def _by_end(self) -> dict:
        """The index with ``reasons`` and ``objections`` in it: made on the
        first look-up, since checking a map needs neither (on a map of a
        million claims they take a tenth of its memory)."""
        index = self._index
        if "reasons" in index:
            return index
        # Grouped a list at a time (in C, through map): a large map has millions of relations.
        relations = self.relations
        objections = list(compress(relations, map(_ENDS.__contains__, map(type, relations))))
        kinds = list(map(type, objections))
        contradictions = self.contradictions
        if any(map(eq, map(_FIRST, contradictions), map(_SECOND, contradictions))):
            # A contradiction of a claim with itself is one objection to it, not two.
            ends = [("first",) if k is Contradiction and r.first == r.second else _ENDS[k] for r, k in zip(objections, kinds)]
        else:
            ends = list(map(_ENDS.__getitem__, kinds))
        # Each objection once per end it is aimed at (a contradiction at both of its claims), in order.
        aimed = list(chain.from_iterable(map(repeat, objections, map(len, ends))))
        index["objections"] = _grouped(map(getattr, aimed, chain.from_iterable(ends)), aimed)
        index["reasons"] = _grouped(map(_CONCLUSION, self.supports), self.supports)
        return index

    def reasons(self, id: str) -> tuple[Support, ...]:
        """The supports whose conclusion is ``id``, in source order."""
        return tuple(self._by_end()["reasons"].get(id, ()))

    def objections(self, id: str) -> tuple[Relation, ...]:
        """The rebuttals, contradictions and undercuts aimed at ``id``
        (a claim, a named relation or an argument), in source order."""
        return tuple(self._by_end()["objections"].get(id, ()))

    def claims_of(self, source: str) -> tuple[Claim, ...]:
        """The claims that cite the source ``source``."""
        return tuple(c for c in self.claims if c.source == source)

    # -- other stages -------------------------------------------------------

    def to_source(self) -> str:
        """The map as canonical argmap text (what ``argmap fmt`` writes)."""
        from argmap.formatter import format_map

        return format_map(self)

    def to_dict(self) -> JSONDict:
        """The map as JSON-ready data: argmap's JSON format (docs/formats.md).

        >>> m = ArgumentMap(items=[Claim("a", "Rain.")], title="Weather")
        >>> m.to_dict()
        {'format': 'argmap', 'version': 1, 'title': 'Weather', 'items': [{'type': 'claim', 'id': 'a', 'text': 'Rain.'}]}
        >>> ArgumentMap.from_dict(m.to_dict()) == m
        True
        """
        from argmap._dicts import map_to_dict

        return map_to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> ArgumentMap:
        """The map that :meth:`to_dict` data describes. Raises
        :class:`argmap.ParseError` (a ``ValueError``) carrying the diagnostics,
        each naming the JSON path of a problem, when the data has errors;
        unknown keys are ignored (``argmap convert`` warns about them)."""
        from argmap._dicts import map_from_dict
        from argmap.diagnostics import ParseError, has_errors

        argument_map, diagnostics = map_from_dict(data)
        if has_errors(diagnostics):
            raise ParseError(diagnostics)
        return argument_map

    def to_networkx(self) -> networkx.MultiDiGraph[str]:
        """The map as a ``networkx.MultiDiGraph`` (networkx is imported only
        now): a node per claim, per argument and per relation an undercut
        aims at; an edge per premise, attacker and contradiction, its
        ``kind`` as edge data (docs/formats.md, "GraphML")."""
        from argmap.formats.graphml import to_networkx

        return to_networkx(self)

    def to_graphviz(self, **options: Unpack[GraphOptions]) -> graphviz.Digraph:
        """The map as a :class:`graphviz.Digraph`; options as for :func:`argmap.render`."""
        from argmap.render import to_graphviz

        return to_graphviz(self, **options)

    def _repr_mimebundle_(self, include=None, exclude=None):
        from argmap._display import map_mimebundle  # Jupyter: SVG, or the text when Graphviz cannot draw

        return map_mimebundle(self, include, exclude)

    def _repr_svg_(self):
        return self._repr_mimebundle_().get("image/svg+xml")  # None when Graphviz cannot draw

    def evolve(self, **changes) -> ArgumentMap:
        """A copy with some fields changed (``items``, ``title``, ...)."""
        return attrs.evolve(self, **changes)
