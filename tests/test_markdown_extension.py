"""The Python-Markdown extension (argmap/markdown.py): argmap blocks drawn as inline SVG."""

from __future__ import annotations

import importlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

markdown = pytest.importorskip("markdown")
pytest.importorskip("pygments")

from argmap.markdown import fence_header, render_block  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").rglob("*.argmap"))
SVG = re.compile(r"<svg\b.*?</svg>", re.S)
BOX = re.compile(r'<div class="argmap-error".*?</div>', re.S)
SMALL = "claim a: Es regnet.\nclaim b: Die Straße ist nass.\na supports b\n"


def convert(text: str, **config) -> str:
    extensions = ["argmap.markdown", "fenced_code"]
    return markdown.markdown(text, extensions=extensions, extension_configs={"argmap.markdown": config})


def fenced(body: str, info: str = "argmap") -> str:
    return f"```{info}\n{body}```\n"


@pytest.mark.dot
def test_every_example_in_one_page(tmp_path):
    """All bundled examples on one page: one well-formed SVG each, no error box, ids unique on the page."""
    page = "\n".join(f"## {p.name}\n\n" + fenced(p.read_text("utf-8")) for p in EXAMPLES)
    html = convert(page)
    out = tmp_path / "examples.html"
    out.write_text(f"<!doctype html><meta charset=utf-8><title>argmap examples</title>\n{html}", "utf-8")
    pictures = SVG.findall(out.read_text("utf-8"))
    assert len(pictures) == len(EXAMPLES)
    assert BOX.findall(html) == []
    ids = []
    for svg in pictures:
        root = ET.fromstring(svg)  # well-formed XML, namespaces declared
        assert root.get("role") == "img"
        ids += [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))


@pytest.mark.dot
def test_same_map_twice_gets_distinct_ids():
    """Two identical blocks on one page draw two pictures whose ids differ."""
    html = convert(fenced(SMALL) + "\n" + fenced(SMALL))
    first, second = (set(re.findall(r' id="([^"]+)"', svg)) for svg in SVG.findall(html))
    assert first and second and not first & second


@pytest.mark.dot
def test_ids_are_stable_between_builds():
    """The same page converted twice gives the same HTML (no random ids)."""
    assert convert(fenced(SMALL)) == convert(fenced(SMALL))


def test_syntax_error_is_a_box_not_a_picture():
    """A block that does not parse becomes a box with the diagnostic, its caret and hint; the page goes on."""
    html = convert("Before.\n\n" + fenced("claim a: Rain.\na suports a\n") + "\nAfter.\n")
    assert "<svg" not in html
    (box,) = BOX.findall(html)
    assert "error[E101]" in box and "^^^^^^^" in box and "did you mean `supports`?" in box
    assert "<p>Before.</p>" in html and "<p>After.</p>" in html


def test_meaning_error_is_not_drawn():
    """An unknown id (E201) stops the drawing, as `argmap render` does."""
    html = convert(fenced("claim a: A.\na rebuts ghost\n"))
    assert "<svg" not in html
    assert "error[E201]" in BOX.findall(html)[0]


@pytest.mark.dot
def test_other_errors_are_listed_under_the_picture():
    """An error that does not change the map's meaning (an unknown source) leaves the picture, with the box."""
    html = convert(fenced("claim a: A.\n  source: nowhere\n"))
    assert len(SVG.findall(html)) == 1
    assert "error[E205]" in BOX.findall(html)[0]


def test_errors_are_logged(caplog):
    """A block with errors is reported to the build's log with its line on the page."""
    convert("Text.\n\n" + fenced("claim a: A.\na suports a\n"))
    assert any("line 3" in r.getMessage() and r.levelname == "WARNING" for r in caplog.records)


def test_text_in_the_box_is_escaped():
    """A map's text and a fence's option values reach the box escaped."""
    html = convert(fenced("claim a: A.\na suports <script>alert(1)</script>\n"))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in BOX.findall(html)[0]
    html = convert(fenced(SMALL, 'argmap theme="<b>x</b>"'))
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


@pytest.mark.dot
def test_text_in_the_picture_is_escaped():
    """Markup in a claim's text is text in the SVG, not elements."""
    html = convert(fenced('claim a: <script>alert(1)</script> & id="x"\n'))
    (svg,) = SVG.findall(html)
    assert "<script" not in svg
    assert "alert(1)" in "".join(ET.fromstring(svg).itertext())


@pytest.mark.parametrize(
    "info,expected",
    [
        ("argmap", ("argmap", {})),
        ("argmap {theme=print evaluate=grounded}", ("argmap", {"theme": "print", "evaluate": "grounded"})),
        ("{.argmap theme=print focus=ban}", ("argmap", {"theme": "print", "focus": "ban"})),
        ('argmap theme="print" source', ("argmap", {"theme": "print", "source": "true"})),
        ("argmap {#map1 .wide source=above}", ("argmap", {"source": "above"})),
        ("argmap{source=only}", ("argmap", {"source": "only"})),
        ("python", ("python", {})),
        ("{.python}", ("python", {})),
    ],
)
def test_fence_header_forms(info, expected):
    """The three ways of writing options on the fence give the same options."""
    assert fence_header(info) == expected


@pytest.mark.parametrize(
    "options,message",
    [
        ({"thme": "print"}, "unknown option `thme`; did you mean `theme`?"),
        ({"theme": "neon"}, "`theme` must be one of default, print, contrast, not `neon`"),
        ({"compact": "maybe"}, "`compact` must be yes or no, not `maybe`"),
        ({"depth": "two"}, "`depth` must be a number, not `two`"),
        ({"source": "left"}, "`source` must be one of no, above, below, only, not `left`"),
    ],
)
def test_wrong_options_are_a_box(options, message):
    """A wrong option is named in the box, with what would be right."""
    html = render_block(SMALL, options)
    assert "<svg" not in html and message.replace("`", "`") in html


@pytest.mark.dot
def test_view_error_is_a_box():
    """An option the map cannot satisfy (focus on an unknown claim) is reported, not raised."""
    html = render_block(SMALL, {"focus": "nowhere"})
    assert "<svg" not in html and "nowhere" in BOX.findall(html)[0]


@pytest.mark.dot
def test_options_reach_the_drawing():
    """Fence options change the picture as the same options of `argmap render` do."""
    plain = SVG.findall(render_block(SMALL, {}))[0]
    printed = SVG.findall(render_block(SMALL, {"theme": "print"}))[0]
    assert plain != printed
    focused = render_block(SMALL + "claim far: Weit weg.\n", {"focus": "a", "depth": "0"})
    assert "Weit weg" not in focused and "Es regnet" in focused
    grounded = SVG.findall(convert(fenced(SMALL, "argmap {evaluate=grounded legend=none}")))[0]
    assert grounded != SVG.findall(convert(fenced(SMALL, "argmap {legend=none}")))[0]


@pytest.mark.dot
@pytest.mark.parametrize("place", ["above", "below", "only"])
def test_source_shown(place):
    """``source=`` shows the map's text, highlighted by the argmap lexer, above, below or instead of the picture."""
    html = convert(fenced(SMALL, f"argmap {{source={place}}}"))
    code = html.find('<span class="kd">claim</span>')
    svg = html.find("<svg")
    assert code >= 0
    if place == "only":
        assert svg < 0
    else:
        assert svg >= 0 and (code < svg) == (place == "above")


@pytest.mark.dot
def test_defaults_from_the_configuration():
    """The extension's ``defaults`` apply to every block; a fence's own options win."""
    html = convert(fenced(SMALL) + "\n" + fenced(SMALL, "argmap {source=no}"), defaults={"source": "above"})
    assert html.count('<span class="kd">claim</span>') == 2
    assert len(SVG.findall(html)) == 2


def test_german_box():
    """With ``lang: de`` the box speaks German, codes unchanged."""
    html = convert(fenced("claim a: A.\na suports a\n"), lang="de")
    assert "Fehler[E101]" in html and "nicht gezeichnet" in html


def test_other_fences_untouched():
    """Other languages' blocks, and an argmap block shown inside a longer fence, stay code."""
    page = "````markdown\n" + fenced(SMALL) + "````\n\n" + fenced("print(1)\n", "python")
    html = convert(page)
    assert "<svg" not in html and "argmap-error" not in html
    assert 'class="language-markdown"' in html and "```argmap" in html
    assert 'class="language-python"' in html


def test_unclosed_fence_is_left_alone():
    """A fence that never closes is not a block: nothing is drawn and nothing is lost."""
    html = convert("```argmap\nclaim a: A.\n")
    assert "<svg" not in html and "claim a: A." in html


@pytest.mark.dot
def test_superfences_custom_fence():
    """With pymdownx.superfences, an argmap block nested in a list is drawn through the custom fence."""
    pytest.importorskip("pymdownx")
    from argmap.markdown import fence_format, fence_validator

    fence = {"name": "argmap", "class": "argmap", "format": fence_format, "validator": fence_validator}
    page = "- item\n\n    ```argmap theme=\"print\"\n" + "".join("    " + line + "\n" for line in SMALL.splitlines()) + "    ```\n"
    html = markdown.markdown(
        page,
        extensions=["argmap.markdown", "pymdownx.superfences"],
        extension_configs={"pymdownx.superfences": {"custom_fences": [fence]}},
    )
    assert "<li>" in html and len(SVG.findall(html)) == 1
    bad = markdown.markdown(
        "```argmap\nclaim a: A.\na suports a\n```\n",
        extensions=["pymdownx.superfences"],
        extension_configs={"pymdownx.superfences": {"custom_fences": [fence]}},
    )
    assert "error[E101]" in bad


def mkdocs_extensions() -> tuple[list[str], dict]:
    """The Markdown extensions and their settings that mkdocs.yml gives MkDocs."""
    yaml = pytest.importorskip("yaml")

    class Loader(yaml.SafeLoader):
        """YAML as MkDocs reads it: `!!python/name:module.attr` is that object (toc's slugify)."""

    def python_name(loader, suffix, node):
        module, _, attr = suffix.rpartition(".")
        return getattr(importlib.import_module(module), attr)

    Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", python_name)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)  # noqa: S506 (our own file)
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = options or {}
    return names, settings


def test_codehilite_highlights_argmap_with_our_lexer():
    """Python-Markdown's codehilite, given only the block's language, colours argmap code with argmap's lexer."""
    page = (ROOT / "docs" / "language.md").read_text("utf-8")
    html = markdown.markdown(page, extensions=["fenced_code", "codehilite"], extension_configs={"codehilite": {"guess_lang": False}})
    assert html.count('<div class="codehilite">') >= page.count("```argmap\n")
    assert '<span class="kd">claim</span><span class="w"> </span><span class="nf">invest</span>' in html
    assert '<span class="ow">contradicts</span>' in html and '<span class="c1"># Comments start with # on a line of their own.</span>' in html


@pytest.mark.dot
def test_docs_site_page_as_mkdocs_builds_it(tmp_path):
    """docs/language.md converted with mkdocs.yml's extensions: each argmap block highlighted by the lexer, then drawn."""
    names, settings = mkdocs_extensions()
    assert "argmap.markdown" in names and ("codehilite" in names or "pymdownx.highlight" in names)
    page = (ROOT / "docs" / "language.md").read_text("utf-8")
    html = markdown.markdown(page, extensions=names, extension_configs=settings)
    (tmp_path / "language.html").write_text(html, "utf-8")
    blocks = page.count("```argmap\n")
    assert blocks > 10
    assert len(SVG.findall(html)) == blocks
    assert html.count('<figure class="argmap"><div class="codehilite">') == blocks
    assert BOX.findall(html) == []


def test_docs_site_shows_mistakes_as_text():
    """With mkdocs.yml's settings, the mistakes of docs/diagnostics.md are highlighted text, not red boxes."""
    names, settings = mkdocs_extensions()
    page = (ROOT / "docs" / "diagnostics.md").read_text("utf-8")
    html = markdown.markdown(page, extensions=names, extension_configs=settings)
    assert BOX.findall(html) == []
    assert html.count('<figure class="argmap">') == page.count("```argmap\n")


def test_errors_as_source_setting(caplog):
    """``errors: source`` shows a block with errors as its highlighted text, without a box or a warning."""
    html = convert(fenced("claim a: A.\na suports a\n"), errors="source")
    assert "argmap-error" not in html and "<svg" not in html
    assert '<span class="kd">claim</span>' in html
    assert not [r for r in caplog.records if r.levelname == "WARNING"]
