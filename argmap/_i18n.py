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
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Mapping
from pathlib import Path

__all__ = ["LANGUAGES", "N_", "normalize", "interface_language", "translator", "translate"]

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
    """``template`` in ``lang``, with ``{name}`` fields filled from ``args``.

    Without ``args`` the template is used as it is (braces and all).
    """
    text = translator(lang).gettext(template) if template else template
    return text.format(**args) if args else text
