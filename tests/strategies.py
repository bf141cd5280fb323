"""Hypothesis strategies for argument maps (shared by the test modules)."""

from __future__ import annotations

from hypothesis import strategies as st

from argmap.model import (
    RESERVED_WORDS,
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
    Support,
    Undercut,
)

_letters = st.sampled_from(list("abcdefxyzäöüßé_") + ["日", "ж"])
ids = st.text(_letters, min_size=1, max_size=6).filter(lambda s: s not in RESERVED_WORDS)
words = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85"),
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
    names: list[str] = []
    for _ in range(draw(st.integers(0, 10))):
        kind = draw(st.sampled_from(["support", "linked", "rebuttal", "contradiction", "undercut"]))
        a, b = draw(st.sampled_from(claim_ids)), draw(st.sampled_from(claim_ids))
        if kind == "support":
            name = draw(ids.filter(lambda i: i not in claim_ids and i not in names)) if draw(st.booleans()) else None
            if name:
                names.append(name)
            items.append(Support((a,), b, name=name))
        elif kind == "linked":
            items.append(Support(tuple(draw(st.lists(st.sampled_from(claim_ids), min_size=2, max_size=3))), b))
        elif kind == "rebuttal":
            items.append(Rebuttal(a, b))
        elif kind == "contradiction":
            items.append(Contradiction(a, b))
        elif names:
            items.append(Undercut(a, draw(st.sampled_from(names))))
    if draw(st.booleans()):
        items.append(Group(draw(ids), draw(texts)))
    for pid in draw(st.lists(ids, max_size=2, unique=True)):
        pool = claim_ids + names
        items.append(
            Position(pid, draw(st.lists(st.sampled_from(pool), max_size=4)), draw(st.lists(st.sampled_from(pool), max_size=40)))
        )
    return ArgumentMap(
        items,
        title=draw(st.none() | texts),
        lang=draw(st.none() | st.sampled_from(["de", "en"])),
        question=draw(st.none() | texts),
    )
