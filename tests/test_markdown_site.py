"""argmap's documentation as an MkDocs site (mkdocs.yml): its links to
headings lead to headings there too, umlauts included."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

markdown = pytest.importorskip("markdown")

from tests.test_markdown_extension import mkdocs_extensions  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LINK = re.compile(r"\]\(([\w.-]*\.md)?#([^)\s]+)\)")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)


def site_slugify():
    """The toc `slugify` that mkdocs.yml names (Python-Markdown's default when it names none)."""
    from markdown.extensions.toc import slugify

    return mkdocs_extensions()[1].get("toc", {}).get("slugify", slugify)


def heading_ids(page: Path, slugify) -> set[str]:
    md = markdown.Markdown(extensions=["toc", "tables", "fenced_code"], extension_configs={"toc": {"slugify": slugify}})
    md.convert(page.read_text("utf-8"))

    def walk(tokens):
        for token in tokens:
            yield token["id"]
            yield from walk(token["children"])

    return set(walk(md.toc_tokens))


def test_links_to_headings_find_them_on_the_site():
    """Every `(#heading)` and `(page.md#heading)` link of docs/ names a heading id that the site
    makes (mkdocs.yml keeps umlauts in ids, as GitHub does: `#für-lehrkräfte-...`)."""
    slugify = site_slugify()
    ids = {page.name: heading_ids(page, slugify) for page in DOCS.glob("*.md")}
    broken = []
    for page in sorted(DOCS.glob("*.md")):
        text = FENCE.sub("", page.read_text("utf-8"))
        for target, anchor in LINK.findall(text):
            if (target or page.name) in ids and anchor not in ids[target or page.name]:
                broken.append(f"{page.name}: {target}#{anchor}")
    assert broken == []
