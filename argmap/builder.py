"""Building a map in Python, without writing argmap text."""

from __future__ import annotations

from collections.abc import Iterable

from argmap.model import (
    ArgumentMap,
    Basis,
    Claim,
    Comment,
    Contradiction,
    Group,
    Item,
    ModelError,
    Position,
    Rebuttal,
    Source,
    Support,
    Undercut,
)

__all__ = ["MapBuilder"]


class MapBuilder:
    """Collects claims, relations and positions, then :meth:`build` makes the map.

    The result equals the map parsed from the same statements written as text.
    Every method refuses, with :class:`ModelError` naming the field and the
    value, what the text could not say (an id with a space, a weight of 2,
    a claim without text, ...), so ``parse(m.to_source()) == m`` always holds.

    >>> b = MapBuilder(title="Handyverbot?", lang="de")
    >>> b.claim("ban", "Schulen sollten Handys verbieten.")
    >>> b.claim("focus", "Ohne Handy konzentrieren sich Schüler besser.", basis="study")
    >>> b.supports("focus", "ban", name="r_focus")
    >>> b.position("eltern", accepts=["ban", "focus"])
    >>> m = b.build()
    >>> m.reasons("ban")[0].name
    'r_focus'
    >>> import argmap
    >>> argmap.parse(m.to_source()) == m
    True
    """

    def __init__(self, *, title: str | None = None, lang: str | None = None, question: str | None = None):
        ArgumentMap(title=title, lang=lang, question=question)  # refuses what a map cannot hold, now
        self.title = title
        self.lang = lang
        self.question = question
        self._items: list[Item] = []

    def add(self, item: Item) -> None:
        """Add any model item (a :class:`Claim`, :class:`Support`, ...)."""
        ArgumentMap([item])  # refuses what is not an item, now rather than in build()
        self._items.append(item)

    def claim(
        self,
        id: str,
        text: str,
        *,
        source: str | None = None,
        basis: Basis | str | None = None,
        quote: str | None = None,
        tags: Iterable[str] = (),
        weight: float | None = None,
        group: str | None = None,
        note: str | None = None,
        implicit: bool = False,
        extra: dict[str, str] | None = None,
    ) -> None:
        """Add a claim; ``basis`` may be a :class:`Basis` or its name ("statistic", "Studie", ...)."""
        self.add(
            Claim(
                id,
                text,
                source=source,
                basis=basis,
                quote=quote,
                tags=tags,
                weight=weight,
                group=group,
                note=note,
                implicit=implicit,
                extra=extra or (),
            )
        )

    def source(self, id: str, title: str, **fields: str) -> None:
        """Add a source; ``fields`` are author, date, kind, url and file."""
        self.add(Source(id, title, **fields))

    def supports(self, premises: str | Iterable[str], conclusion: str, *, name: str | None = None) -> None:
        """Add a support; several premises make a linked support."""
        self.add(Support(premises, conclusion, name=name))

    def rebuts(self, attacker: str, target: str) -> None:
        """Add a rebuttal: ``attacker`` speaks against ``target``."""
        self.add(Rebuttal(attacker, target))

    def contradicts(self, first: str, second: str) -> None:
        """Add a contradiction between two claims."""
        self.add(Contradiction(first, second))

    def undercuts(self, attacker: str, support: str) -> None:
        """Add an undercut of the named support ``support``."""
        self.add(Undercut(attacker, support))

    def position(self, id: str, *, accepts: Iterable[str] = (), rejects: Iterable[str] = ()) -> None:
        """Add a position."""
        self.add(Position(id, accepts, rejects))

    def group(self, id: str, label: str) -> None:
        """Declare a group's label."""
        self.add(Group(id, label))

    def comment(self, text: str) -> None:
        """Add a comment line (``# text``); line breaks in ``text`` become spaces."""
        if not isinstance(text, str):
            raise ModelError("Comment", "text", text, "expected a string")
        self.add(Comment(" " + text))

    def build(self) -> ArgumentMap:
        """The map, as an immutable :class:`ArgumentMap`."""
        return ArgumentMap(self._items, title=self.title, lang=self.lang, question=self.question)
