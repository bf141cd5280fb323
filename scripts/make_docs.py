"""Regenerate every picture in docs/ from the maps in examples/.

    python scripts/make_docs.py            # all pictures (make docs)
    python scripts/make_docs.py --check    # exit 1 when a picture is missing

Each picture is one row of :data:`PICTURES`: the file it writes in
docs/img/, the example it draws, and the options (those of
``argmap render``). Needs Graphviz's ``dot``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import argmap  # noqa: E402
from argmap.render import render  # noqa: E402
from argmap.render.paper import paginate  # noqa: E402

IMG = ROOT / "docs" / "img"
R = "rendering/"

#: (picture in docs/img, example in examples/, options)
PICTURES: list[tuple[str, str, dict]] = [
    # docs/rendering.md: the elements
    ("rendering/claim.png", R + "claim.argmap", {}),
    ("rendering/support.png", R + "support.argmap", {}),
    ("rendering/linked.png", R + "linked.argmap", {}),
    ("rendering/rebuttal.png", R + "rebuttal.argmap", {}),
    ("rendering/undercut.png", R + "undercut.argmap", {}),
    ("rendering/contradiction.png", R + "contradiction.argmap", {}),
    ("rendering/scripts.png", R + "scripts.argmap", {}),
    ("rendering/groups.png", R + "groups.argmap", {}),
    # docs/rendering.md: attacks on attacks, linked objections, arguments, nested groups
    ("rendering/concession.png", R + "concession.argmap", {}),
    ("rendering/concession.grounded.png", R + "concession.argmap", {"evaluate": "grounded"}),
    ("rendering/concession.print.png", R + "concession.argmap", {"theme": "print"}),
    ("rendering/linked_objection.png", R + "linked_objection.argmap", {}),
    ("rendering/undercut_chain.png", R + "undercut_chain.argmap", {}),
    ("rendering/named_contradiction.png", R + "named_contradiction.argmap", {}),
    ("rendering/argument.png", R + "argument.argmap", {}),
    ("rendering/argument.collapsed.png", R + "argument.argmap", {"arguments": "collapsed"}),
    ("rendering/argument.print.png", R + "argument.argmap", {"theme": "print"}),
    ("rendering/argument.grounded.png", R + "argument.argmap", {"evaluate": "grounded", "arguments": "collapsed"}),
    ("rendering/nested_groups.png", R + "nested_groups.argmap", {}),
    # docs/rendering.md: themes and views of one debate
    ("rendering/debate.png", R + "debate.argmap", {}),
    ("rendering/debate.print.png", R + "debate.argmap", {"theme": "print"}),
    ("rendering/debate.contrast.png", R + "debate.argmap", {"theme": "contrast"}),
    ("rendering/debate.grounded.png", R + "debate.argmap", {"evaluate": "grounded"}),
    ("rendering/debate.dfquad.png", R + "debate.argmap", {"evaluate": "dfquad"}),
    ("rendering/debate.position.png", R + "debate.argmap", {"positions": ["skeptic"]}),
    ("rendering/debate.positions.png", R + "debate.argmap", {"positions": ["gierse", "skeptic"]}),
    ("rendering/debate.focus.png", R + "debate.argmap", {"focus": "gap", "depth": 1}),
    ("rendering/debate.worksheet.png", R + "debate.argmap", {"worksheet": True, "keep": ["invest"]}),
    ("rendering/debate.answers.png", R + "debate.argmap", {"worksheet": True, "answers": True}),
    ("rendering/debate.sources.png", R + "debate.argmap", {"group_by": "source"}),
    # README.md and docs/examples.md
    # The README's first picture: compact, conclusions on the left, so that
    # the wide debate is about as tall as wide (tests/test_render_paper.py).
    ("europa_ki_debatte.svg", "europa_ki_debatte.argmap", {"compact": True, "direction": "left"}),
    ("handyverbot_schule.svg", "handyverbot_schule.argmap", {}),
    ("kommentar_anthropic_flaschendeckel.svg", "kommentar_anthropic_flaschendeckel.argmap", {}),
    ("bericht_anthropic_50_milliarden.svg", "bericht_anthropic_50_milliarden.argmap", {}),
    ("interview_gierse_hyperscaler.svg", "interview_gierse_hyperscaler.argmap", {}),
    ("mittelstand_ki_infrastrukturboom.svg", "mittelstand_ki_infrastrukturboom.argmap", {}),
    ("gastbeitrag_kein_ki_wettrennen.svg", "gastbeitrag_kein_ki_wettrennen.argmap", {}),
    # docs/teachers.md and docs/teachers.en.md
    ("erste_karte_gastbeitrag.print.svg", "erste_karte_gastbeitrag.argmap", {"theme": "print"}),
    ("erste_karte_gastbeitrag.worksheet.svg", "erste_karte_gastbeitrag.argmap", {"theme": "print", "worksheet": True, "keep": ["kein_rennen"]}),
    ("erste_karte_gastbeitrag.answers.svg", "erste_karte_gastbeitrag.argmap", {"theme": "print", "worksheet": True, "answers": True}),
    ("first_map_oped.print.svg", "first_map_oped.argmap", {"theme": "print"}),
    ("first_map_oped.worksheet.svg", "first_map_oped.argmap", {"theme": "print", "worksheet": True, "keep": ["no_race"]}),
    ("first_map_oped.answers.svg", "first_map_oped.argmap", {"theme": "print", "worksheet": True, "answers": True}),
]


#: Pages on paper, as PNG at :data:`PAGE_DPI`: (picture in docs/img with
#: ``{page}`` for the page's number, example, how many pages to keep, options of paginate).
PAGE_PICTURES: list[tuple[str, str, int, dict]] = [
    ("rendering/debate_a4.page{page}.png", "europa_ki_debatte.argmap", 2, {"paper": "a4", "landscape": True}),
    ("rendering/debate_a4.graph.page{page}.png", "europa_ki_debatte.argmap", 1, {"paper": "a4", "landscape": True, "layout": "graph"}),
]

#: Dots per inch of the page pictures: 9 pt text is about 11 pixels high.
PAGE_DPI = 90


def main(argv: list[str]) -> int:
    if "--check" in argv:
        names = [name for name, _, _ in PICTURES]
        names += [name.format(page=i) for name, _, count, _ in PAGE_PICTURES for i in range(1, count + 1)]
        missing = [name for name in names if not (IMG / name).exists()]
        for name in missing:
            print(f"missing: docs/img/{name}")
        return 1 if missing else 0
    for name, example, options in PICTURES:
        target = IMG / name
        target.parent.mkdir(parents=True, exist_ok=True)
        render(argmap.load(ROOT / "examples" / example), target, **options)
        print(f"docs/img/{name}")
    for name, example, count, options in PAGE_PICTURES:
        pages = paginate(argmap.load(ROOT / "examples" / example), **options)
        for i, png in enumerate(pages.pngs(dpi=PAGE_DPI)[:count], 1):
            target = IMG / name.format(page=i)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(png)
            print(f"docs/img/{target.relative_to(IMG)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
