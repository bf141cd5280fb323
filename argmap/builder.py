"""Building a map in Python, without writing argmap text."""

from __future__ import annotations

from collections.abc import Iterable

from argmap.model import (
    Argument,
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
    Step,
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

    def supports(
        self,
        premises: str | Iterable[str],
        conclusion: str,
        *,
        name: str | None = None,
        tags: Iterable[str] = (),
        note: str | None = None,
        group: str | None = None,
    ) -> None:
        """Add a support; several premises make a linked support. Only a named
        support can have tags, a note or a group."""
        self.add(Support(premises, conclusion, name=name, tags=tags, note=note, group=group))

    def rebuts(
        self,
        attackers: str | Iterable[str],
        target: str,
        *,
        name: str | None = None,
        tags: Iterable[str] = (),
        note: str | None = None,
        group: str | None = None,
    ) -> None:
        """Add a rebuttal: ``attackers`` speak against ``target``; several
        attackers make a linked objection (it holds only when all hold)."""
        self.add(Rebuttal(attackers, target, name=name, tags=tags, note=note, group=group))

    def contradicts(
        self,
        first: str,
        second: str,
        *,
        name: str | None = None,
        tags: Iterable[str] = (),
        note: str | None = None,
        group: str | None = None,
    ) -> None:
        """Add a contradiction between two claims."""
        self.add(Contradiction(first, second, name=name, tags=tags, note=note, group=group))

    def undercuts(
        self,
        attackers: str | Iterable[str],
        target: str,
        *,
        name: str | None = None,
        tags: Iterable[str] = (),
        note: str | None = None,
        group: str | None = None,
    ) -> None:
        """Add an undercut of ``target``: a named relation or an argument."""
        self.add(Undercut(attackers, target, name=name, tags=tags, note=note, group=group))

    def argument(
        self,
        id: str,
        title: str,
        *,
        gist: str | None = None,
        inference: str | None = None,
        steps: Iterable[Step | tuple[Iterable[str], str]] | None = None,
        premises: str | Iterable[str] | None = None,
        conclusion: str | None = None,
        tags: Iterable[str] = (),
        note: str | None = None,
        group: str | None = None,
    ) -> None:
        """Add an argument: either ``steps`` (a :class:`Step` or a
        ``(premises, conclusion)`` pair each) or ``premises`` and
        ``conclusion`` for a single step. The claims it lists are added with
        :meth:`claim` as usual.

        >>> b = MapBuilder()
        >>> b.claim("p", "Strom ist teuer.")
        >>> b.claim("k", "Rechenzentren rechnen sich hier nicht.")
        >>> b.argument("kosten", "Die Kosten", premises=["p"], conclusion="k")
        >>> b.build().support("kosten").premises
        ('p',)
        """
        if steps is None:
            if premises is None or conclusion is None:
                raise ModelError("Argument", "steps", steps, "give steps, or premises and a conclusion")
            steps = [Step(premises, conclusion)]
        elif premises is not None or conclusion is not None:
            raise ModelError("Argument", "steps", steps, "give steps, or premises and a conclusion, not both")
        if isinstance(steps, str) or not isinstance(steps, Iterable):
            raise ModelError("Argument", "steps", steps, "expected a sequence of steps")
        made = []
        for step in steps:
            if type(step) is not Step:
                try:
                    step_premises, step_conclusion = step
                except (TypeError, ValueError):
                    reason = "a step is a Step or a (premises, conclusion) pair"
                    raise ModelError("Argument", "steps", step, reason) from None
                step = Step(step_premises, step_conclusion)
            made.append(step)
        self.add(
            Argument(id, title, gist=gist, inference=inference, steps=made, tags=tags, note=note, group=group)
        )

    def position(self, id: str, *, accepts: Iterable[str] = (), rejects: Iterable[str] = ()) -> None:
        """Add a position."""
        self.add(Position(id, accepts, rejects))

    def group(self, id: str, label: str, parent: str | None = None) -> None:
        """Declare a group's label and, for a group inside another, its ``parent``."""
        self.add(Group(id, label, parent=parent))

    def comment(self, text: str) -> None:
        """Add a comment line (``# text``); line breaks in ``text`` become spaces."""
        if not isinstance(text, str):
            raise ModelError("Comment", "text", text, "expected a string")
        self.add(Comment(" " + text))

    def build(self) -> ArgumentMap:
        """The map, as an immutable :class:`ArgumentMap`."""
        return ArgumentMap(self._items, title=self.title, lang=self.lang, question=self.question)
