"""Hypothesis strategies for argument maps (shared by the test modules)."""

from __future__ import annotations

from hypothesis import strategies as st

from argmap.model import (
    RESERVED_WORDS,
    Argument,
    ArgumentMap,
    Attribute,
    Basis,
    Claim,
    Comment,
    Contradiction,
    Group,
    Position,
    Rebuttal,
    Source,
    Step,
    Support,
    Undercut,
)

_letters = st.sampled_from(list("abcdefxyzäöüßé_") + ["日", "ж"])
ids = st.text(_letters, min_size=1, max_size=6).filter(lambda s: s not in RESERVED_WORDS)
words = st.text(
    st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85"
    ),
    min_size=1,
    max_size=12,
).filter(lambda w: w.strip())
texts = st.lists(words, min_size=1, max_size=25).map(" ".join).filter(lambda t: t.split())
plain = st.text(st.sampled_from(list("abc xyzäöü0123-.")), min_size=1, max_size=20).filter(lambda t: t.strip())


@st.composite
def maps(draw, max_claims: int = 8) -> ArgumentMap:
    """A map whose every reference is defined, with every kind of item."""
    claim_ids = draw(st.lists(ids, min_size=1, max_size=max_claims, unique=True))
    source_ids = draw(st.lists(ids, max_size=2, unique=True))
    items: list = []
    for sid in source_ids:
        items.append(
            Source(
                sid,
                draw(texts).replace("\\", "/"),
                author=draw(st.none() | plain),
                date=draw(st.none() | st.just("2025-01-31")),
                extra=[Attribute("verlag", draw(plain))] if draw(st.booleans()) else [],
            )
        )
    for cid in claim_ids:
        items.append(
            Claim(
                cid,
                draw(texts),
                source=draw(st.sampled_from(source_ids)) if source_ids and draw(st.booleans()) else None,
                basis=draw(st.none() | st.sampled_from(list(Basis))),
                quote=draw(st.none() | plain),
                tags=draw(st.lists(st.sampled_from(["geld", "usa", "strom"]), max_size=2, unique=True)),
                weight=draw(st.none() | st.sampled_from([0.0, 0.25, 0.5, 1.0])),
                implicit=draw(st.booleans()),
                note=draw(st.none() | plain),
            )
        )
        if draw(st.integers(0, 4)) == 0:
            items.append(Comment(" " + draw(plain)))
    names: list[str] = []  # of named relations and arguments: what an undercut can aim at
    group_ids = draw(st.lists(ids, max_size=2, unique=True))

    def fresh_name():
        return draw(ids.filter(lambda i: i not in claim_ids and i not in names)) if draw(st.booleans()) else None

    def attributes(name):
        if name is None or draw(st.booleans()):
            return {}
        return {
            "tags": draw(st.lists(st.sampled_from(["zug", "geld"]), max_size=2, unique=True)),
            "note": draw(st.none() | plain),
            "group": draw(st.sampled_from(group_ids)) if group_ids and draw(st.booleans()) else None,
        }

    for n in range(draw(st.integers(0, 10))):
        kind = draw(
            st.sampled_from(
                ["support", "linked", "rebuttal", "contradiction", "undercut", "linked undercut", "argument"]
            )
        )
        a, b = draw(st.sampled_from(claim_ids)), draw(st.sampled_from(claim_ids))
        several = tuple(draw(st.lists(st.sampled_from(claim_ids), min_size=2, max_size=3)))
        if kind == "argument":
            items.extend(draw(arguments(claim_ids, names, group_ids, n)))
            continue
        name = fresh_name()
        if kind in ("support", "linked"):
            item = Support((a,) if kind == "support" else several, b, name=name, **attributes(name))
        elif kind == "rebuttal":
            item = Rebuttal(draw(st.sampled_from([(a,), several])), b, name=name, **attributes(name))
        elif kind == "contradiction":
            item = Contradiction(a, b, name=name, **attributes(name))
        elif names:
            attackers = (a,) if kind == "undercut" else several
            item = Undercut(attackers, draw(st.sampled_from(names)), name=name, **attributes(name))
        else:
            continue
        if name:
            names.append(name)
        items.append(item)
    for gid in group_ids:
        parent = draw(st.sampled_from(group_ids)) if draw(st.booleans()) else None
        items.append(Group(gid, draw(texts), parent=parent))
    for pid in draw(st.lists(ids, max_size=2, unique=True)):
        pool = claim_ids + names
        accepts = draw(st.lists(st.sampled_from(pool), max_size=4))
        items.append(Position(pid, accepts, draw(st.lists(st.sampled_from(pool), max_size=40))))
    return ArgumentMap(
        items,
        title=draw(st.none() | texts),
        lang=draw(st.none() | st.sampled_from(["de", "en"])),
        question=draw(st.none() | texts),
    )


@st.composite
def arguments(draw, claim_ids: list[str], names: list[str], group_ids: list[str], n: int) -> list:
    """An argument over ``claim_ids``, followed by the claims it defines itself
    (ids ``p<n>_<k>``, outside the other ids' alphabet); adds its id to ``names``."""
    ident = draw(ids.filter(lambda i: i not in claim_ids and i not in names))
    own: list[Claim] = []
    steps = []
    for k in range(draw(st.integers(1, 3))):
        listed = []
        for _ in range(draw(st.integers(1 if k == 0 else 0, 3))):
            if draw(st.booleans()):
                listed.append(draw(st.sampled_from(claim_ids)))
            else:
                own.append(Claim(f"p{n}_{len(own)}", draw(texts), implicit=draw(st.booleans()), argument=ident))
                listed.append(own[-1].id)
        if draw(st.booleans()):
            conclusion = draw(st.sampled_from(claim_ids))
        else:
            own.append(Claim(f"p{n}_{len(own)}", draw(texts), note=draw(st.none() | plain), argument=ident))
            conclusion = own[-1].id
        steps.append(Step(listed, conclusion))
    names.append(ident)
    argument = Argument(
        ident,
        draw(texts),
        gist=draw(st.none() | texts),
        inference=draw(st.none() | plain),
        tags=draw(st.lists(st.sampled_from(["zug", "geld"]), max_size=2, unique=True)),
        note=draw(st.none() | plain),
        group=draw(st.sampled_from(group_ids)) if group_ids and draw(st.booleans()) else None,
        steps=steps,
    )
    return [argument] + own


# -- hostile values for the API round trip (tests/test_roundtrip.py) ----------------------------
#
# These draw what a program might hand to MapBuilder or the model classes: valid
# values, keywords of the language, and values the language cannot say (line
# breaks, empty texts, wrong types). Each one must either be refused with
# ModelError or be written so that it reads back the same.

#: Every word the grammar gives a meaning to.
KEYWORDS = sorted(RESERVED_WORDS | {"supports", "rebuts", "contradicts", "undercuts", "accepts", "rejects"})
#: Characters that break lines somewhere: in the grammar, in str.splitlines, in editors.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

any_ids = st.one_of(
    ids,
    st.sampled_from(KEYWORDS + ["note", "weight", "file", "author"]),
    st.text(st.sampled_from(list("ab_1 :#+-,\"|") + list(LINE_BREAKS)), max_size=5),
    st.text(max_size=5),
)
any_texts = st.one_of(
    texts,
    st.text(max_size=30),
    st.text(st.sampled_from(list("ab #\"'“”\\|:,+-") + list(LINE_BREAKS) + ["\t", "\x00", " "]), max_size=15),
    st.sampled_from(["", " ", "\n", "x\nclaim b: B", "a, b", '""', "''", "'a'", '"x"', "# c", "| x"]),
)
any_optional_texts = st.none() | any_texts
any_weights = st.one_of(
    st.none(),
    st.floats(),
    st.integers(-2, 3),
    st.booleans(),
    st.fractions(min_value=-1, max_value=2, max_denominator=7),
    st.sampled_from(["0.5", "1", object()]),
)
any_bases = st.none() | st.sampled_from(list(Basis) + ["study", "Studie", "common belief", "nonsense", "", 3])
any_tags = st.lists(any_texts, max_size=3) | any_texts | st.just(5)
any_extra = st.dictionaries(any_ids, any_texts, max_size=3) | st.lists(
    st.builds(lambda k, v: (k, v), any_ids, any_texts), max_size=2
)


def claim_fields(ref, extra):
    """Keyword arguments of a claim, each present or not, with hostile values."""
    optional = {
        "source": st.none() | ref,
        "basis": any_bases,
        "quote": any_optional_texts,
        "tags": any_tags,
        "weight": any_weights,
        "group": st.none() | ref,
        "note": any_optional_texts,
        "implicit": st.booleans() | st.sampled_from([0, 1, "no", None]),
        "extra": extra,
    }
    return st.fixed_dictionaries({}, optional=optional)


def relation_fields(ref):
    """Keyword arguments of a relation: a name and its attributes, each present or not."""
    optional = {"name": st.none() | ref, "tags": any_tags, "note": any_optional_texts, "group": st.none() | ref}
    return st.fixed_dictionaries({}, optional=optional)


def argument_fields(ref, refs):
    """Keyword arguments of an argument: steps, or premises and a conclusion (or both, or neither)."""
    steps = st.lists(st.tuples(refs, ref), max_size=3)
    optional = {
        "gist": any_optional_texts,
        "inference": any_optional_texts,
        "tags": any_tags,
        "note": any_optional_texts,
        "group": st.none() | ref,
        "steps": steps | st.sampled_from([None, "ab", 3, [("a",)]]),
        "premises": st.none() | refs,
        "conclusion": st.none() | ref,
    }
    return st.fixed_dictionaries({}, optional=optional)


@st.composite
def builder_calls(draw) -> list[tuple[str, tuple, dict]]:
    """A list of MapBuilder method calls ``(name, args, kwargs)`` with hostile arguments."""
    pool = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    ref = st.sampled_from(pool) | any_ids
    refs = st.lists(ref, max_size=3) | ref
    calls = []
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(
            st.sampled_from(
                [
                    "claim",
                    "source",
                    "supports",
                    "rebuts",
                    "contradicts",
                    "undercuts",
                    "argument",
                    "position",
                    "group",
                    "comment",
                ]
            )
        )
        if kind == "claim":
            kwargs = draw(claim_fields(ref, st.none() | st.dictionaries(any_ids, any_texts, max_size=3)))
            calls.append(("claim", (draw(ref), draw(any_texts)), kwargs))
        elif kind == "source":
            fields = st.fixed_dictionaries(
                {}, optional={key: any_optional_texts for key in ("author", "date", "kind", "url", "file")}
            )
            calls.append(("source", (draw(ref), draw(any_texts)), draw(fields)))
        elif kind in ("supports", "rebuts", "undercuts"):
            calls.append((kind, (draw(refs), draw(ref)), draw(relation_fields(ref))))
        elif kind == "contradicts":
            calls.append((kind, (draw(ref), draw(ref)), draw(relation_fields(ref))))
        elif kind == "argument":
            calls.append(("argument", (draw(ref), draw(any_texts)), draw(argument_fields(ref, refs))))
        elif kind == "position":
            calls.append(("position", (draw(ref),), {"accepts": draw(refs), "rejects": draw(refs)}))
        elif kind == "group":
            calls.append(("group", (draw(ref), draw(any_texts)), {"parent": draw(st.none() | ref)}))
        else:
            calls.append(("comment", (draw(any_texts),), {}))
    return calls


@st.composite
def item_arguments(draw) -> tuple[type, tuple, dict]:
    """A model class and hostile arguments for its constructor ``(cls, args, kwargs)``."""
    ref = any_ids
    refs = st.lists(ref, max_size=3) | ref
    classes = [Claim, Source, Support, Rebuttal, Contradiction, Undercut, Argument, Position, Group, Comment, Attribute]
    kind = draw(st.sampled_from(classes))
    if kind is Claim:
        kwargs = draw(claim_fields(ref, any_extra))
        return Claim, (draw(ref), draw(any_texts | st.none() | st.just(7))), kwargs
    if kind is Source:
        optional = {key: any_optional_texts for key in ("author", "date", "kind", "url", "file")}
        optional["extra"] = any_extra
        return Source, (draw(ref), draw(any_texts)), draw(st.fixed_dictionaries({}, optional=optional))
    if kind in (Support, Rebuttal, Undercut):
        return kind, (draw(refs), draw(ref)), draw(relation_fields(ref))
    if kind is Contradiction:
        return kind, (draw(ref), draw(ref)), draw(relation_fields(ref))
    if kind is Argument:
        fields = draw(argument_fields(ref, refs))
        fields.pop("premises", None), fields.pop("conclusion", None)
        return Argument, (draw(ref), draw(any_texts | st.none())), fields
    if kind is Group:
        return kind, (draw(ref), draw(any_texts)), {"parent": draw(st.none() | ref)}
    if kind is Position:
        return Position, (draw(ref), draw(refs), draw(refs)), {}
    if kind is Attribute:
        return Attribute, (draw(ref), draw(any_texts | st.none())), {}
    return Comment, (draw(any_texts | st.just(3)),), {}


#: A comment line's text: anything but a line break that the grammar knows.
comment_texts = st.text(st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",)), max_size=12)


# -- canonical texts of the issue 9 forms (tests/test_roundtrip.py) -------------------------------


one_line = plain.map(lambda t: " ".join(t.split()))


@st.composite
def issue9_texts(draw) -> str:
    """A canonical map text with an outline of named and linked supports, objections and
    undercuts (`+ (r) a`, `- a + b`, `~ (u) x`, ...) and an argument defining claims."""
    pool = ["a", "b", "c"]
    blocks = ["\n".join(f"claim {c}: {c.upper()}." for c in pool)]
    counter = iter(range(10_000))
    lines = ["claim t: T."]
    # The open path of the outline, (sign, label, single claim or None) per depth: a new item
    # goes under one of them, as lines written in order can.
    stack = [(None, None, "t")]
    for _ in range(draw(st.integers(1, 8))):
        depth = draw(st.integers(0, len(stack) - 1))
        sign, label, claim = stack[depth]
        signs = (["+", "-"] if claim else []) + (["~"] if label else [])
        if not signs:
            continue
        new_sign = draw(st.sampled_from(signs))
        new_label = f"n{next(counter)}" if draw(st.booleans()) else None
        head = "  " * (depth + 1) + new_sign + (f" ({new_label})" if new_label else "")
        if draw(st.booleans()):
            ident = f"d{next(counter)}"
            lines.append(f"{head} {ident}: {draw(one_line)}")
            single = ident
        else:
            refs = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2))
            lines.append(f"{head} {' + '.join(refs)}")
            single = refs[0] if len(refs) == 1 else None
        stack = stack[: depth + 1] + [(new_sign, new_label, single)]
    blocks.append("\n".join(lines))
    arg = ["argument x: Titel", "  gist: Kurz."]
    for k in range(draw(st.integers(1, 3))):
        for _ in range(draw(st.integers(1 if k == 0 else 0, 2))):
            if draw(st.booleans()):
                arg.append(f"  premise {draw(st.sampled_from(pool))}")
            else:
                word = "implicit " if draw(st.booleans()) else ""
                arg.append(f"  premise {word}q{next(counter)}: {draw(one_line)}")
        arg.append(f"  conclusion k{next(counter)}: {draw(one_line)}")
    blocks.append("\n".join(arg))
    return "\n\n".join(blocks) + "\n"
