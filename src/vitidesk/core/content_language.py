"""Which language lessons and questionnaires are read in, with English as the fallback.

English is the source and lives directly in ``resources/<folder>/``. A translation of a
file lives in ``resources/<folder>/l10n/<language>/`` under the same name, for example
``resources/lessons/l10n/fr/01-what-is-vitiligo.md``; a file without a translation is read
in English. The loaders check a translation against the English file (same steps, same
scoring) and fall back to English if it does not match, so a half-finished translation can
never change a score or break a lesson.

The GUI sets the person's languages from Qt's locale; elsewhere they come from the
environment (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``). No Qt here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from importlib.resources.abc import Traversable

from vitidesk.core.resources import resource

L10N = "l10n"
SOURCE_LANGUAGE = "en"
_chosen: dict[str, tuple[str, ...]] = {}


def normalise(tags: Iterable[str]) -> tuple[str, ...]:
    """``["fr-Latn-CA", "de_DE.UTF-8"]`` → ``("fr_CA", "fr", "de_DE", "de")``, stopping at English
    (the source needs no lookup) and skipping the "C"/"POSIX" locales."""
    languages: list[str] = []
    for tag in tags:
        code = tag.split(".")[0].split("@")[0].replace("-", "_").strip()
        if not code or code in ("C", "POSIX"):
            continue
        base, *rest = code.split("_")
        base = base.lower()
        if base == SOURCE_LANGUAGE:
            break
        regions = [part.upper() for part in rest if len(part) != 4]  # skip scripts ("Latn")
        for candidate in (f"{base}_{regions[0]}" if regions else "", base):
            if candidate and candidate not in languages:
                languages.append(candidate)
    return tuple(languages)


def languages_from_environment(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    environ = os.environ if environ is None else environ
    if language := environ.get("LANGUAGE"):
        return normalise(language.split(":"))
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := environ.get(name):
            return normalise([value])
    return ()


def set_preferred_languages(tags: Iterable[str]) -> None:
    """Called once by the GUI with ``QLocale().uiLanguages()``."""
    _chosen["languages"] = normalise(tags)


def preferred_languages() -> tuple[str, ...]:
    if "languages" in _chosen:
        return _chosen["languages"]
    return languages_from_environment()


def translated(folder: str, name: str, language: str) -> Traversable | None:
    """The translation of ``folder/name`` into ``language``, if one is shipped."""
    node = resource(folder, L10N, language, name)
    return node if node.is_file() else None


def available_languages(folder: str, languages: Iterable[str]) -> list[str]:
    """Those of ``languages`` that ``folder`` has any translation for, in order."""
    return [lang for lang in languages if resource(folder, L10N, lang).is_dir()]
