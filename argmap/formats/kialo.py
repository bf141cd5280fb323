"""Kialo's text export, read (Kialo and Kialo Edu: "Export discussion" as text).

The export numbers a discussion's claims by their place in the tree::

    Discussion Title: Should our school ban phones?

    1. Our school should ban phones during lessons.
    1.1. Pro: Phones distract in class.
    1.1.1. Con: Distraction depends on the rules, not the device.
    1.2. Con: Parents need to reach their children.
    1.2.1. -> See 1.1.1.

Each numbered line is a claim (its id ``k`` and the number, ``k1_1``); a
``Pro:`` claim supports the claim it stands under, a ``Con:`` claim rebuts
it; ``-> See 1.1.1.`` brings the claim with that number in again, so that
claim supports or rebuts this place too. Lines without a number continue
the claim above. The discussion title is the map's title. When claims
under the root have neither ``Pro`` nor ``Con`` (a discussion with several
theses), the root is the map's question and each of them a claim of its
own. A Markdown link ``[text](url)`` keeps its address: ``text (url)``.

Nothing is dropped silently: a number whose parent is missing, a number
given twice and a ``-> See`` to a number the export lacks are W604
warnings that say what was left out.
"""

from __future__ import annotations

import re

from argmap.diagnostics import Diagnostic, warning
from argmap.model import ArgumentMap, Claim, Rebuttal, Span, Support

__all__ = ["read"]

_TITLE = re.compile(r"\s*Discussion Title:\s*(.*)$")
_NUMBERED = re.compile(r"((?:\d+\.)+)\s+(?:(Pro|Con|Contra|Kontra)\s*:\s*)?(.*)$", re.IGNORECASE)
_SEE = re.compile(r"->\s*See\s+((?:\d+\.)+)\s*$", re.IGNORECASE)
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")


def _ident(number: str) -> str:
    return "k" + number.rstrip(".").replace(".", "_")


def _clean(text: str) -> str:
    text = re.sub(r"\\([\[\]()*_#])", r"\1", text)
    return " ".join(_LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})" if m.group(2) else m.group(1), text).split())


def read(text: str, filename: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    """The map in a Kialo text export and the diagnostics (W604 for what was left out)."""
    diagnostics: list[Diagnostic] = []
    title: str | None = None
    # number -> [stance, text lines, line number]
    entries: list[list] = []
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        if title is None and not entries:
            found = _TITLE.match(line)
            if found:
                title = found.group(1).strip() or None
                continue
        numbered = _NUMBERED.match(line.strip())
        if numbered:
            stance = numbered.group(2)
            entries.append([numbered.group(1), stance.lower() if stance else None, [numbered.group(3)], number])
        elif entries and line.strip():
            entries[-1][2].append(line.strip())
        elif line.strip():
            diagnostics.append(
                warning(
                    "W604", "a line before the first numbered claim left out: `{line}`",
                    Span(filename, number, 1, number, len(line) + 1), line=line.strip()[:60],
                )
            )
    items: list = []
    texts: dict[str, str] = {}
    seen: set[str] = set()
    root_children_without_stance = any(
        e[0].count(".") == 2 and e[1] is None and not _SEE.match(" ".join(e[2])) for e in entries
    )
    question: str | None = None
    for key, stance, lines, number in entries:
        span = Span(filename, number, 1, number, len(key) + 1)
        body = " ".join(lines).strip()
        if key in seen:
            diagnostics.append(
                warning("W604", "claim {number} is given twice; the second is left out", span, number=key)
            )
            continue
        seen.add(key)
        parent = key[: key.rstrip(".").rfind(".") + 1] if key.count(".") > 1 else None
        see = _SEE.match(body)
        if see is not None:
            source = see.group(1)
            if source not in texts:
                diagnostics.append(
                    warning(
                        "W604", "`-> See {number}` left out: the export has no claim {number}", span, number=source
                    )
                )
                continue
            ident = _ident(source)
        else:
            ident = _ident(key)
            if parent is None and root_children_without_stance:
                question = _clean(body)
                texts[key] = question
                continue
            texts[key] = _clean(body) or ident
            items.append(Claim(ident, texts[key]))
        if parent is None:
            continue
        if parent not in texts:
            diagnostics.append(
                warning(
                    "W604", "the relation of claim {number} left out: the export has no claim {parent} above it",
                    span, number=key, parent=parent,
                )
            )
            continue
        if question is not None and parent.count(".") == 1:
            continue  # a thesis under the question
        if stance == "pro":
            items.append(Support([ident], _ident(parent)))
        elif stance is not None:
            items.append(Rebuttal([ident], _ident(parent)))
        else:
            diagnostics.append(
                warning(
                    "W604", "claim {number} has neither Pro nor Con: read as a claim without a relation to {parent}",
                    span, number=key, parent=parent,
                )
            )
    return ArgumentMap(items, title=title, question=question), diagnostics
