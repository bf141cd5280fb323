"""argmap in Markdown: a Python-Markdown extension (so MkDocs can use it)
that draws each fenced ```` ```argmap ```` block as an inline SVG picture.

Options go on the fence line, in any of the forms Python-Markdown, attr_list
and pymdownx.superfences know::

    ```argmap {theme=print evaluate=grounded focus=ban source=above}
    ```{.argmap theme=print}
    ```argmap theme="print" evaluate="grounded"

The options are those of ``argmap render`` (``theme``, ``evaluate``,
``support``, ``position``, ``focus``, ``depth``, ``worksheet``, ``keep``,
``answers``, ``group_by``, ``legend``, ``arguments``, ``ids``, ``sources``,
``font_size``, ``compact``, ``direction``), and ``source`` (``no``, ``above``,
``below``, ``only``) to show the map's text, highlighted, beside or instead
of the picture. A map that does not parse, has errors, or cannot be drawn
becomes a box that lists the diagnostics (escaped); the page still builds.
See docs/markdown.md.

In Python: ``markdown.markdown(text, extensions=["argmap.markdown"])``.
"""

from __future__ import annotations

import difflib
import hashlib
import html
import logging
import re
import weakref
from collections import Counter
from collections.abc import Mapping

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

import argmap
from argmap._i18n import translate
from argmap._meaning import MEANING_CODES
from argmap.diagnostics import format_diagnostic
from argmap.render import ARGUMENT_VIEWS, GROUP_BY, LEGEND_PLACES, SEMANTICS, SUPPORT_MODES, THEMES, draw
from argmap.render.options import DIRECTIONS

__all__ = ["ArgmapExtension", "makeExtension", "render_block", "fence_format", "fence_validator", "SOURCE_PLACES"]

log = logging.getLogger(__name__)

#: Where the ``source`` option puts the map's text: not at all, above or
#: below the picture, or instead of it.
SOURCE_PLACES = ("no", "above", "below", "only")

_YES = {"true", "yes", "on", "1"}
_NO = {"false", "no", "off", "0"}

# option name -> (kind, argument of argmap.render.draw); a kind is a tuple of choices, or bool, int, float, "ids", "text".
_OPTIONS: dict[str, tuple[object, str]] = {
    "theme": (tuple(THEMES), "theme"),
    "font": ("text", "font"),
    "evaluate": (SEMANTICS, "evaluate"),
    "support": (SUPPORT_MODES, "support"),
    "position": ("ids", "positions"),
    "positions": ("ids", "positions"),
    "focus": ("text", "focus"),
    "depth": (int, "depth"),
    "worksheet": (bool, "worksheet"),
    "keep": ("ids", "keep"),
    "answers": (bool, "answers"),
    "group_by": ((*GROUP_BY, "none"), "group_by"),
    "legend": (LEGEND_PLACES, "legend"),
    "arguments": (ARGUMENT_VIEWS, "arguments"),
    "ids": (bool, "ids"),
    "sources": (bool, "sources"),
    "font_size": (float, "font_size"),
    "compact": (bool, "compact"),
    "direction": (DIRECTIONS, "direction"),
    "source": (SOURCE_PLACES, ""),
}

_FENCE = re.compile(r"(?P<fence>`{3,}|~{3,})[ \t]*(?P<header>[^\n]*?)[ \t]*$")
_LANGUAGE = re.compile(r"\.?([^\s{]*)\s*(.*)", re.S)
_ATTRIBUTE = re.compile(r"""([^\s=}]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s}]*)))?""")

# Blocks drawn so far on each page (by their digest), so that the ids inside
# two pictures of one page differ even when the two maps are the same.
_seen: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def fence_header(header: str) -> tuple[str, dict[str, str]]:
    """The language and the options written after a fence's backticks
    (``argmap {theme=print}``, ``{.argmap theme=print}``, ``argmap theme="print"``).

    >>> fence_header('argmap {theme=print evaluate="grounded"}')
    ('argmap', {'theme': 'print', 'evaluate': 'grounded'})
    >>> fence_header("{.argmap source}")
    ('argmap', {'source': 'true'})
    """
    lang, header = _LANGUAGE.match(header.strip()).groups()
    if header.startswith("{") and header.endswith("}"):
        header = header[1:-1]
    options: dict[str, str] = {}
    for m in _ATTRIBUTE.finditer(header):
        key = m.group(1)
        value = next((v for v in m.group(2, 3, 4) if v is not None), None)
        if key.startswith(".") and value is None:
            lang = lang or key[1:]
        elif not key.startswith("#"):
            options[key] = "true" if value is None else value
    return lang, options


def render_block(
    text: str,
    options: Mapping[str, str] | None = None,
    *,
    lang: str = "en",
    base_dir: str | None = None,
    texts=(),
    css_class: str = "highlight",
    prefix: str = "argmap-",
    errors: str = "box",
) -> str:
    """The HTML for one ``argmap`` block: a ``<figure class="argmap">`` with
    the map as inline SVG (its element ids start with ``prefix``) and, as the
    ``source`` option says, its text highlighted in a ``<div class="{css_class}">``.
    A block with errors (or wrong options) gets a ``<div class="argmap-error">``
    box that lists them, in ``lang``; with ``errors="source"`` it is shown as
    its highlighted text instead. Never raises for a bad map or bad options."""

    def failed(heading: str, lines: list[str]) -> str:
        if errors == "source":
            return f'<figure class="argmap">{_source_html(text, css_class)}</figure>'
        return _box(heading, lines)

    draw_options, place, problems = _read_options(options or {}, lang)
    if problems:
        return failed(translate("argmap: this map is not drawn: its options are wrong", lang), problems)
    if place == "only":
        return f'<figure class="argmap">{_source_html(text, css_class)}</figure>'
    argument_map, diagnostics = argmap.read(text, "argmap")
    found = [d for d in diagnostics if d.is_error]
    if not found:
        found = [d for d in argmap.check(argument_map, base_dir=base_dir or ".", texts=texts) if d.is_error]
    listed = [format_diagnostic(d, text, lang) for d in found]
    not_drawn = translate("argmap: this map is not drawn: it has errors", lang)
    # As `argmap render`: no picture for a text that does not parse, or whose errors change what it means.
    if any(d in diagnostics or d.code in MEANING_CODES for d in found) or (listed and errors == "source"):
        return failed(not_drawn, listed)
    try:
        svg = draw(argument_map, "svg", **draw_options).decode("utf-8")
    except (ValueError, RuntimeError) as exc:  # a ViewError, MapError, GraphvizNotFound or RenderFailed
        return failed(not_drawn, listed + [str(exc)])
    label = argument_map.title or translate("argument map", argument_map.lang or lang)
    parts = [_inline_svg(svg, prefix, label)]
    if listed:
        parts.append(_box(translate("argmap: this map has errors", lang), listed))
    if place in ("above", "below"):
        parts.insert(0 if place == "above" else len(parts), _source_html(text, css_class))
    return '<figure class="argmap">' + "\n".join(parts) + "</figure>"


def _read_options(options: Mapping[str, str], lang: str) -> tuple[dict, str, list[str]]:
    """The keyword arguments of ``draw``, where the source goes, and what is
    wrong with the options (messages in ``lang``)."""
    chosen: dict = {}
    place = "no"
    problems = []
    for raw, value in options.items():
        name = raw.replace("-", "_")
        if name not in _OPTIONS:
            guess = difflib.get_close_matches(name, list(_OPTIONS), n=1)
            message = translate("unknown option `{name}`", lang, {"name": raw})
            if guess:
                message += "; " + translate("did you mean `{guess}`?", lang, {"guess": guess[0]})
            problems.append(message)
            continue
        kind, target = _OPTIONS[name]
        try:
            converted = _convert(kind, value)
        except ValueError:
            problems.append(_wrong_value(raw, value, kind, lang))
            continue
        if name == "source":
            place = "below" if value in _YES else "no" if value in _NO else converted
        elif name == "group_by":
            chosen[target] = None if converted == "none" else converted
        else:
            chosen[target] = converted
    return chosen, place, problems


def _convert(kind, value: str):
    if isinstance(kind, tuple):
        if kind == SOURCE_PLACES and value in _YES | _NO:
            return value
        if value not in kind:
            raise ValueError(value)
        return value
    if kind is bool:
        if value.lower() not in _YES | _NO:
            raise ValueError(value)
        return value.lower() in _YES
    if kind in (int, float):
        return kind(value)
    if kind == "ids":
        return tuple(v.strip() for v in value.split(",") if v.strip())
    return value


def _wrong_value(name: str, value: str, kind, lang: str) -> str:
    args = {"name": name, "value": value}
    if isinstance(kind, tuple):
        return translate("`{name}` must be one of {choices}, not `{value}`", lang, {**args, "choices": ", ".join(kind)})
    if kind is bool:
        return translate("`{name}` must be yes or no, not `{value}`", lang, args)
    return translate("`{name}` must be a number, not `{value}`", lang, args)


def _box(heading: str, lines: list[str]) -> str:
    """A box that says what went wrong, every text escaped."""
    body = html.escape("\n".join(lines))
    return (
        '<div class="argmap-error" role="alert" style="border:2px solid #c62828;border-radius:4px;'
        'padding:0.5em 1em;margin:1em 0;background:#fff5f5;color:#1a1a1a">'
        f"<p><strong>{html.escape(heading)}</strong></p>"
        f'<pre style="white-space:pre-wrap;margin:0;background:none">{body}</pre></div>'
    )


def _inline_svg(svg: str, prefix: str, label: str) -> str:
    """Graphviz's SVG made fit to stand inside HTML: no XML prologue or
    comments, element ids made unique on the page, scaled to the page's width."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<!--.*?-->\n?", "", svg, flags=re.S)
    svg = re.sub(r'(\sid=")([^"]*")', rf"\g<1>{prefix}\g<2>", svg)
    svg = re.sub(r"url\(#", f"url(#{prefix}", svg)
    svg = re.sub(r'(href=")#', rf"\g<1>#{prefix}", svg)
    attributes = f'role="img" aria-label="{html.escape(label)}" style="max-width:100%;height:auto" '
    return svg.replace("<svg ", "<svg " + attributes, 1).strip()


def _source_html(text: str, css_class: str) -> str:
    """The map's text, highlighted by argmap's Pygments lexer when Pygments is installed."""
    try:
        from pygments import highlight
        from pygments.formatters import HtmlFormatter

        from argmap.pygments_lexer import ArgmapLexer
    except ImportError:
        return f'<pre class="{html.escape(css_class)}"><code class="language-argmap">{html.escape(text)}</code></pre>'
    return highlight(text, ArgmapLexer(), HtmlFormatter(cssclass=css_class))


def _prefix(md, text: str, options: Mapping[str, str]) -> str:
    """An id prefix for a block's picture: the same for the same block on every
    build, different for each picture of a page."""
    digest = hashlib.sha1(repr((text, sorted(options.items()))).encode("utf-8")).hexdigest()[:8]
    seen = _seen.setdefault(md, Counter())
    seen[digest] += 1
    n = seen[digest]
    return f"argmap-{digest}-" if n == 1 else f"argmap-{digest}-{n}-"


class ArgmapExtension(Extension):
    """Draws ```` ```argmap ```` blocks; its settings apply to every block of a page."""

    def __init__(self, **kwargs):
        self.config = {
            "lang": ["en", "the language of the error boxes: en or de"],
            "base_dir": ["", "the folder where sources' file: texts are looked for, to check quotes (default: the current folder)"],
            "texts": [[], "more folders of texts to check quotes against"],
            "defaults": [{}, "options for every block, e.g. {'theme': 'print'}; a fence's own options win"],
            "css_class": ["", "the class of the highlighted source (default: codehilite's css_class, else highlight)"],
            "errors": ["box", "a block with errors: box (a box that lists them) or source (shown as its highlighted text)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        self.md = md
        md.registerExtension(self)
        # Before fenced_code and superfences (25), which would take the block as code.
        md.preprocessors.register(_ArgmapFences(md, self), "argmap_fences", 28)

    def reset(self):
        _seen.pop(self.md, None)

    def render(self, md, text: str, options: Mapping[str, str]) -> str:
        """The HTML of one block, with this extension's settings."""
        options = {**self.getConfig("defaults"), **options}
        return render_block(
            text,
            options,
            lang=self.getConfig("lang"),
            base_dir=self.getConfig("base_dir") or None,
            texts=self.getConfig("texts"),
            css_class=self.getConfig("css_class") or _highlight_class(md),
            prefix=_prefix(md, text, options),
            errors=self.getConfig("errors"),
        )


class _ArgmapFences(Preprocessor):
    """Replaces each top-level ```` ```argmap ```` block by its picture;
    other fenced blocks are passed on untouched, with what they contain."""

    def __init__(self, md, extension: ArgmapExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(lines):
            m = _FENCE.match(lines[i])
            end = _closing(lines, i, m.group("fence")) if m else None
            if end is None:
                out.append(lines[i])
                i += 1
                continue
            lang, options = fence_header(m.group("header"))
            if lang != "argmap":
                out.extend(lines[i : end + 1])
            else:
                text = "".join(line + "\n" for line in lines[i + 1 : end])
                block = self.extension.render(self.md, text, options)
                if 'class="argmap-error"' in block:
                    log.warning("argmap block at line %d has errors: shown in a box on the page", i + 1)
                out.extend(["", self.md.htmlStash.store(block), ""])
            i = end + 1
        return out


def _closing(lines: list[str], start: int, fence: str) -> int | None:
    """The index of the line that closes the fence opened at ``start`` (as fenced_code reads it)."""
    for j in range(start + 1, len(lines)):
        if lines[j].rstrip(" ") == fence:
            return j
    return None


def _highlight_class(md) -> str:
    for extension in md.registeredExtensions:
        if type(extension).__name__ == "CodeHiliteExtension":
            return extension.getConfig("css_class")
    return "highlight"


def makeExtension(**kwargs) -> ArgmapExtension:  # noqa: N802 (the name Python-Markdown looks for)
    return ArgmapExtension(**kwargs)


# pymdownx.superfences: a custom fence, for argmap blocks nested in lists,
# admonitions or tabs (the extension above takes the top-level ones):
#
#   - pymdownx.superfences:
#       custom_fences:
#         - name: argmap
#           class: argmap
#           validator: !!python/name:argmap.markdown.fence_validator
#           format: !!python/name:argmap.markdown.fence_format


def fence_validator(language, inputs, options, attrs, md) -> bool:
    """Takes every option of the fence; :func:`fence_format` reports wrong ones in the box."""
    options.update(inputs)
    return True


def fence_format(source, language, class_name, options, md, **kwargs) -> str:
    """The HTML of an argmap block met by pymdownx.superfences."""
    extension = next((e for e in md.registeredExtensions if isinstance(e, ArgmapExtension)), None) or ArgmapExtension()
    return extension.render(md, source if source.endswith("\n") else source + "\n", {k: str(v) for k, v in options.items()})
