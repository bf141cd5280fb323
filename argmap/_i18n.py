"""Message catalogs: argmap's words in the user's language.

Messages are written in English in the code and translated through gettext
catalogs in ``argmap/locale/<lang>/LC_MESSAGES/argmap.po`` (compiled to
``.mo`` files that ship with the package). Two languages matter:

- the *interface language* (diagnostics, summaries, usage errors): from
  ``--lang``, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``);
- the *map's language* (what is drawn or written about the map: legend,
  outline, worksheet, explanations): from the map's ``lang:``.

Nothing here is global state: each caller asks for the translator of the
language it needs (they are cached).

Templates use ``{name}`` fields (``str.format``); a field's value may itself
be a :class:`Phrase` (words such as "a premise" or "`a` and `b`" that a
message is built from), which is said in the same language as the message.
``make messages`` extracts the templates (see scripts/messages.py for the
functions it knows).
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Mapping
from pathlib import Path

from attrs import field, frozen

__all__ = [
    "LANGUAGES",
    "N_",
    "Phrase",
    "phrase",
    "plural_phrase",
    "listing",
    "joined",
    "normalize",
    "interface_language",
    "translator",
    "translate",
]

#: The languages argmap speaks; the first is the language of the code.
LANGUAGES = ("en", "de")

LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "argmap"


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it here."""
    return message


def normalize(lang: str | None) -> str:
    """``de_DE.UTF-8``, ``de-AT``, ``DE`` → ``de``; anything argmap does not speak → ``en``."""
    if not lang:
        return LANGUAGES[0]
    code = lang.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else LANGUAGES[0]


def interface_language(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language for messages: ``explicit`` (``--lang``), else the locale."""
    if explicit:
        return normalize(explicit)
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return normalize(value) if value not in ("C", "POSIX") and not value.startswith("C.") else LANGUAGES[0]
    return LANGUAGES[0]


@functools.lru_cache(maxsize=None)
def translator(lang: str | None) -> gettext.NullTranslations:
    """The gettext translations for ``lang`` (normalized); English is the identity."""
    code = normalize(lang)
    if code == LANGUAGES[0]:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[code], fallback=True)


def translate(template: str, lang: str | None, args: Mapping[str, object] | None = None) -> str:
    """``template`` in ``lang``, with ``{name}`` fields filled from ``args``
    (a :class:`Phrase` among them is said in ``lang`` too).

    Without ``args`` the template is used as it is (braces and all).

    >>> translate("unknown claim `{id}`", "de", {"id": "x"})
    'unbekannte Aussage `x`'
    """
    text = translator(lang).gettext(template) if template else template
    if not args:
        return text
    values = {k: v.say(lang) if isinstance(v, Phrase) else v for k, v in args.items()}
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        # A translation whose fields do not match its template (the tests
        # refuse such a catalog): say the English rather than fail.
        return template.format(**values)


def _field_values(args: Mapping[str, object]) -> tuple[tuple[str, object], ...]:
    return tuple((k, v if isinstance(v, Phrase) else str(v)) for k, v in args.items())


@frozen
class Phrase:
    """Words to be said in the reader's language: an English template and
    the values of its ``{name}`` fields (strings or phrases).

    ``str(p)`` is the English; ``p.say("de")`` the German. Immutable,
    hashable and picklable, so a diagnostic can keep it.

    >>> p = phrase("{first} and {last}", first="`a`", last="`b`")
    >>> str(p), p.say("de")
    ('`a` and `b`', '`a` und `b`')
    """

    template: str
    args: tuple[tuple[str, object], ...] = field(default=(), converter=tuple)
    #: When given, the phrase is these items (strings or phrases) with the
    #: template between them (see :func:`joined`).
    items: tuple[object, ...] | None = field(default=None, kw_only=True)
    #: When given, the plural template: the phrase is the singular or plural
    #: form for the number in the field ``n`` (see :func:`plural_phrase`).
    plural: str | None = field(default=None, kw_only=True)

    def say(self, lang: str | None) -> str:
        """The phrase in ``lang``."""
        if self.items is not None:
            between = translate(self.template, lang)
            return between.join(x.say(lang) if isinstance(x, Phrase) else x for x in self.items)
        values = dict(self.args)
        if self.plural is not None:
            n = int(values["n"])
            said = {k: v.say(lang) if isinstance(v, Phrase) else v for k, v in values.items()}
            try:
                return translator(lang).ngettext(self.template, self.plural, n).format(**said)
            except (KeyError, IndexError, ValueError):
                return (self.template if n == 1 else self.plural).format(**said)
        return translate(self.template, lang, values) if values else translate(self.template, lang)

    def __str__(self) -> str:
        return self.say(LANGUAGES[0])


def phrase(template: str, **args) -> Phrase:
    """A :class:`Phrase` of ``template`` with the fields ``args``."""
    return Phrase(template, _field_values(args))


def plural_phrase(singular: str, plural: str, n: int, **args) -> Phrase:
    """The singular or the plural template for ``n`` (as gettext's
    ``ngettext`` chooses in each language), with ``{n}`` and ``args``.

    >>> plural_phrase("{n} warning", "{n} warnings", 2).say("de")
    '2 Warnungen'
    """
    return Phrase(singular, _field_values({"n": n, **args}), plural=plural)


def joined(separator: str, items) -> Phrase:
    """The ``items`` (strings or phrases) with ``separator`` (a template) between them.

    >>> joined(", which is part of ", ["`a`", "`b`"]).say("en")
    '`a`, which is part of `b`'
    """
    return Phrase(separator, items=tuple(items))


def listing(items: list[str]) -> str | Phrase:
    """"`a`", "`a` and `b`", "`a`, `b` and `c`" (the "and" in the reader's language)."""
    if len(items) == 1:
        return items[0]
    return phrase("{first} and {last}", first=", ".join(items[:-1]), last=items[-1])
