"""``make messages``: extract argmap's messages, update the German catalog, compile it.

1. Extract every message from ``argmap/**.py`` with Babel (see :data:`KEYWORDS`):
   the usual gettext calls (``_``, ``N_``, ``gettext``, ``ngettext``,
   ``pgettext``, ``translate``, ``phrase``, ``plural_phrase``, ``joined``), the message *and* the hint of the diagnostics
   helpers (``error(code, message, span, hint)``, ``warning``, ``info``),
   what ``read_one(name, err, doing)`` says it did not do, the texts of the
   command line's help (``HELP = "..."``, ``help=``/``description=`` literals,
   ``add_argument_group("title")``), and those of argmap.syntax.assemble's
   ``err``/``misplaced``/``indent_error``.
2. Merge them into ``argmap/locale/de/LC_MESSAGES/argmap.po``: translations are
   kept, a new or changed message gets an empty msgstr (no fuzzy guesses: they
   are often wrong and easy to miss), messages no longer in the code are
   dropped. Entries are written unwrapped (one line per msgid and msgstr) and
   without line numbers, so that edits and diffs stay small.
3. Compile ``argmap.mo`` beside it (translated, non-fuzzy entries only).

Each file is written only when its content changes, so running it twice
changes nothing. It ends with a list of what still needs a German
translation. ``--check`` exits 1 when something does (for CI).
"""

from __future__ import annotations

import argparse
import ast
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_python
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "argmap"
PO = PACKAGE / "locale" / "de" / "LC_MESSAGES" / "argmap.po"
MO = PO.with_suffix(".mo")

#: The functions whose string arguments are messages, with the positions of
#: those arguments (Babel's keyword specs; ``(1, "c")`` is a context).
KEYWORDS = {
    "_": (1,),
    "N_": (1,),
    "gettext": (1,),
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "translate": (1,),
    "phrase": (1,),
    "plural_phrase": (1, 2),
    "joined": (1,),
    "read_one": (3,),
    # error(code, message, span, hint): two messages from one call (see extract_argmap).
    "_diagnostic_message": (2,),
    "_diagnostic_hint": (4,),
}

_DIAGNOSTIC_HELPERS = ("error", "warning", "info")

#: Methods of argmap.syntax.assemble that hand their texts on to error(), and
#: the positions of those texts among their arguments (0-based). Found in the
#: syntax tree, not by Babel's keywords: a keyword `err` would also match the
#: many variables named `err` (the error stream) and spoil those calls.
_METHODS = {"err": (1, 3), "misplaced": (2,), "indent_error": (1,)}


def extract_argmap(fileobj, keywords, comment_tags, options):
    """A Babel extraction method: Babel's Python extractor, plus the two
    messages of each diagnostics helper call, plus the command-line help texts."""
    source = fileobj.read()
    copy = io.BytesIO(source)
    copy.name = str(Path(getattr(fileobj, "name", "?")).relative_to(ROOT)) if hasattr(fileobj, "name") else "?"
    python_keywords = {k: v for k, v in KEYWORDS.items() if not k.startswith("_diagnostic")}
    python_keywords.update({name: None for name in _DIAGNOSTIC_HELPERS})
    for lineno, funcname, messages, comments in extract_python(copy, python_keywords, comment_tags, options):
        if funcname in _DIAGNOSTIC_HELPERS:
            yield lineno, "_diagnostic_message", messages, comments
            yield lineno, "_diagnostic_hint", messages, comments
        else:
            yield lineno, funcname, messages, comments
    for lineno, text in _help_texts(source):
        yield lineno, "N_", [text], []


def _help_texts(source: bytes):
    """``HELP = "..."``, ``help="..."``, ``description="..."``, argument group
    titles, and the texts given to assemble's helpers (:data:`_METHODS`)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "HELP" for t in node.targets):
            if _is_text(node.value):
                yield node.lineno, node.value.value
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in _METHODS:
                for k in _METHODS[func.attr]:
                    if k < len(node.args) and _is_text(node.args[k]):
                        yield node.args[k].lineno, node.args[k].value
            for kw in node.keywords:
                if kw.arg in ("help", "description", "title") and _is_text(kw.value):
                    yield kw.value.lineno, kw.value.value
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "add_argument_group" and node.args:
                if _is_text(node.args[0]):
                    yield node.args[0].lineno, node.args[0].value


def _is_text(node) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(node.value.strip())


def extract() -> Catalog:
    """Every message in argmap's source, as a catalog template."""
    template = Catalog(domain="argmap", project="argmap", fuzzy=False)
    method_map = [("**/locale/**", "ignore"), ("**.py", extract_argmap)]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map=method_map, keywords=KEYWORDS
    ):
        template.add(message, None, [(f"argmap/{filename}", lineno)], auto_comments=comments, context=context)
    return template


def read_catalog(path: Path = PO) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale="de", domain="argmap")


def update(template: Catalog) -> Catalog:
    """The German catalog with the template's messages, translations kept."""
    if PO.exists():
        catalog = read_catalog()
    else:
        catalog = Catalog(locale="de", domain="argmap", project="argmap", fuzzy=False)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False, update_creation_date=False)
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, width=0, include_lineno=False, ignore_obsolete=True)
    return buf.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, catalog)
    return buf.getvalue()


def _write(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return True


def missing(catalog: Catalog) -> list:
    """The messages without a usable German translation (empty or fuzzy)."""
    out = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if message.fuzzy or not all(strings):
            out.append(message)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a message lacks a German translation")
    args = parser.parse_args(argv)
    catalog = update(extract())
    changed = [p.name for p, data in ((PO, po_bytes(catalog)), (MO, mo_bytes(catalog))) if _write(p, data)]
    todo = missing(catalog)
    count = sum(1 for m in catalog if m.id)
    print(f"{PO.relative_to(ROOT)}: {count} messages, {len(todo)} without German translation"
          + (f"; wrote {', '.join(changed)}" if changed else "; unchanged"))
    for m in todo:
        where = ", ".join(sorted({f for f, _ in m.locations}))
        msgid = m.id if isinstance(m.id, str) else m.id[0]
        print(f"  {'fuzzy' if m.fuzzy else 'missing'}: {where}: {msgid}")
    return 1 if args.check and todo else 0


if __name__ == "__main__":
    sys.exit(main())
