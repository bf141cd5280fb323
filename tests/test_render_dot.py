"""Real drawings with Graphviz's dot: SVG parsed as XML, PNG, PDF, the escaping proof.

These run wherever dot is installed, and always in CI (see render_support.needs_dot).
"""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

import pytest

import argmap
from argmap.model import ArgumentMap, Claim, Group, Source, Support
from argmap.render import THEMES, draw, render, to_graphviz
from argmap.render.labels import WORD_JOINER, clean
from render_support import everything, needs_dot

pytestmark = needs_dot

SVG = "{http://www.w3.org/2000/svg}"

#: Text that would break out of a DOT string, an HTML-like label or SVG if it were not escaped.
HOSTILE = (
    '"]; evil [label="pwned" URL="javascript:alert(1)"]; x [label="'
    " <script>alert('xss')</script> <b onload=alert(1)>bold</b> </text><svg onload=alert(2)>"
    " &amp; &lt; &#x41; & <!-- comment --> <![CDATA[ ]]> <?xml version?>"
    " \\N \\G \\L \\\\ \\ {a|b} <<B>>x</B>> ]] >> <<"
    " Zeile\nzwei\r\tdrei \x00\x07\x1b\x7f\x85 Ärger für Straße 中文 עברית"
)


def svg_of(m: ArgumentMap, **options) -> ET.Element:
    return ET.fromstring(draw(m, "svg", **options))


def node_texts(root: ET.Element, name: str) -> list[str]:
    for g in root.iter(f"{SVG}g"):
        title = g.find(f"{SVG}title")
        if g.get("class") == "node" and title is not None and title.text == name:
            return [t.text or "" for t in g.iter(f"{SVG}text")]
    raise AssertionError(f"no node {name!r} in the SVG")


def structure(root: ET.Element) -> list[tuple[str, tuple[str, ...]]]:
    """Every element's tag and attribute names, in document order."""
    return [(el.tag, tuple(sorted(el.attrib))) for el in root.iter()]


def hostile_map(text: str) -> ArgumentMap:
    return ArgumentMap(
        items=[
            Source("src", text),
            Group("grp", text),
            Claim("hostile", text, source="src", group="grp"),
            Claim("other", "Harmless."),
            Support(["hostile"], "other"),
        ],
        title=text,
        question=text,
    )


def test_hostile_text_stays_text():
    """Quotes, backslashes, <, >, &, braces, HTML, newlines and control characters in every
    user-written place become text in the SVG: no extra element, no extra attribute."""
    hostile = svg_of(hostile_map(HOSTILE))
    # The same map with every character that could mean something made a plain letter.
    harmless_text = "".join(ch if ch.isspace() else "x" for ch in HOSTILE)
    harmless = svg_of(hostile_map(harmless_text))
    assert structure(hostile) == structure(harmless)
    assert {el.tag for el in hostile.iter()} <= {f"{SVG}{t}" for t in ("svg", "g", "title", "text", "path", "polygon", "polyline", "ellipse")}
    lines = node_texts(hostile, "hostile")
    assert lines[0] == "hostile" and lines[1] == "src"
    # Backslashes carry an invisible word joiner, so that Graphviz sees no \\N or \\G.
    assert " ".join(lines[2:]).replace(WORD_JOINER, "") == clean(HOSTILE)
    assert "pwned" not in [t.text for t in hostile.iter(f"{SVG}title")]


def test_hostile_text_in_dot_is_one_label():
    """The hostile claim is one node with one label and nothing else, in the DOT too."""
    from dotparse import parse_dot

    g = parse_dot(to_graphviz(hostile_map(HOSTILE), legend=False).source)
    assert [n.name for n in g.nodes] == ["hostile", "other"]
    assert set(g.node("hostile").attrs) == {"label"}


@pytest.mark.parametrize("fmt,magic", [("svg", b"<?xml"), ("png", b"\x89PNG\r\n\x1a\n"), ("pdf", b"%PDF-")])
def test_render_writes_real_pictures(tmp_path, fmt, magic):
    """render writes a real SVG, PNG and PDF."""
    path = render(everything(), tmp_path / f"map.{fmt}")
    data = path.read_bytes()
    assert data.startswith(magic) and len(data) > 2000


def test_svg_has_every_claim_as_a_node_with_its_text():
    """The SVG parses as XML; each claim is a node titled by its id, showing its text with umlauts intact."""
    m = everything()
    root = svg_of(m)
    for claim in m.claims:
        texts = node_texts(root, claim.id)
        assert claim.text in " ".join(texts[1:]) or claim.text in " ".join(texts[3:]) or claim.text.split()[0] in " ".join(texts)
    assert "Souveränität" in " ".join(node_texts(root, "sovereign"))
    fonts = {t.get("font-family") for t in root.iter(f"{SVG}text")}
    assert fonts == {"DejaVu Sans"}


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize(
    "view",
    [{}, {"evaluate": "grounded"}, {"evaluate": "dfquad"}, {"positions": ["gierse", "skeptic"]}, {"focus": "gap"}, {"worksheet": True}, {"group_by": "source"}],
    ids=lambda v: ",".join(v) or "plain",
)
def test_dot_draws_every_view_without_a_warning(theme, view):
    """dot reads every theme and view without a single warning (no table too small, no unknown attribute)."""
    source = to_graphviz(everything(), theme=theme, **view).source
    done = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True, check=False)
    assert done.returncode == 0
    assert done.stderr.decode() == ""
    ET.fromstring(done.stdout)


def test_non_latin_scripts_render():
    """Greek, Cyrillic, Hebrew, Arabic and Chinese claim texts come out as the same text in the SVG."""
    text = "Ελληνικά Русский עברית العربية 中文汉字 日本語"
    root = svg_of(argmap.parse(f"claim a: {text}\n"))
    assert " ".join(node_texts(root, "a")[1:]) == text


def test_map_draws_itself_for_jupyter():
    """_repr_svg_ gives the SVG; _repr_mimebundle_ offers it as image/svg+xml."""
    m = everything()
    assert ET.fromstring(m._repr_svg_()).tag == f"{SVG}svg"
    assert "image/svg+xml" in m._repr_mimebundle_()


def test_large_map_renders(tmp_path):
    """A map past the large-map threshold renders with the fast settings (the timing is in docs/performance.md)."""
    lines = [f"claim c{i}: Aussage Nummer {i} mit ein paar Wörtern." for i in range(320)]
    lines += [f"c{i} supports c{(i - 1) // 3}" for i in range(1, 320)]
    m = argmap.parse("\n".join(lines) + "\n")
    assert to_graphviz(m).source.count("splines=polyline") == 1
    path = render(m, tmp_path / "big.svg")
    assert ET.parse(path).getroot().tag == f"{SVG}svg"


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize("lang", ["de", "en"])
def test_header_sizes_fit_any_basis_status_and_source(theme, lang):
    """The claim header's fixed-size cells are wide and tall enough for every basis, status and source id:
    dot reports no 'table size too small' for any of them."""
    from argmap.model import Basis

    ids = ["a", "W", "mmmmmmmmmmmmmmmm", "iiiiiiiiiiiiiiii", "Größenwahn_2025", "ÄÖÜßéñ", "x_1_2_3_4_5_6_7_8", "MWMWMWMW"]
    lines = [f"lang: {lang}"] + [f'source {s}: "T"' for s in ids]
    for i, basis in enumerate(Basis):
        lines.append(f"claim c{i}: Text {i}.\n  basis: {basis.value}\n  source: {ids[i % len(ids)]}")
    lines.append("c0 rebuts c1\nc1 rebuts c0\nc2 rebuts c3")
    m = argmap.parse("\n".join(lines) + "\n")
    for evaluate in (None, "grounded", "preferred"):
        source = to_graphviz(m, theme=theme, evaluate=evaluate).source
        done = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True, check=False)
        assert done.stderr.decode() == ""
