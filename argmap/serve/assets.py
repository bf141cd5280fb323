"""The files the editor page is made of, shipped in the package
(``argmap/serve/static``), served by name from a fixed table.

No part of a request is ever joined to a path: a request names an entry of
:data:`ASSETS`, or it gets 404.
"""

from __future__ import annotations

import functools
import html
import json
import re
from importlib import resources

from argmap.serve.words import words

__all__ = ["ASSETS", "asset", "page"]

#: URL path -> (file in argmap/serve/static, media type).
ASSETS = {
    "/static/editor.js": ("editor.js", "text/javascript; charset=utf-8"),
    "/static/editor.LICENSE.txt": ("editor.LICENSE.txt", "text/plain; charset=utf-8"),
    "/static/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/static/app.css": ("app.css", "text/css; charset=utf-8"),
    "/static/icon.svg": ("icon.svg", "image/svg+xml"),
}


@functools.lru_cache(maxsize=None)
def _read(name: str) -> bytes:
    return resources.files("argmap.serve").joinpath("static", name).read_bytes()


def asset(path: str) -> tuple[bytes, str] | None:
    """The bytes and media type of the asset at URL ``path``, or None."""
    entry = ASSETS.get(path)
    if entry is None:
        return None
    name, media = entry
    return _read(name), media


def page(lang: str, name: str | None) -> bytes:
    """The editor page in ``lang``; ``name`` is the map's file (None: a new map)."""
    said = words(lang)
    # In a <script type="application/json">, "<" is escaped so that no text can close the element.
    data = json.dumps({"lang": lang, "words": said, "file": name}, ensure_ascii=False).replace("<", "\\u003c")
    title = f"{name} – {said['title']}" if name else said["title"]
    fields = {"lang": lang, "title": html.escape(title), "data": data}
    # One pass, so that a file name with `{{data}}` in it stays a name.
    text = re.sub(r"\{\{(\w+)\}\}", lambda m: fields[m.group(1)], _read("index.html").decode("utf-8"))
    return text.encode("utf-8")
