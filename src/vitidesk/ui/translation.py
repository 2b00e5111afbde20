"""Load the UI translation for the person's language, with English (the source) as fallback.

Looks for ``resources/translations/vitidesk_<locale>.qm`` (built by packaging/translations.py)
and Qt's own ``qtbase_<locale>.qm`` so standard dialogs match. English needs neither.
Lessons and questionnaires are looked up in the same languages (core.content_language).
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from vitidesk.core.content_language import set_preferred_languages
from vitidesk.core.resources import resource_dir

_loaded: list[QTranslator] = []


def install_translations(app: QApplication, locale: QLocale | None = None) -> list[str]:
    """Install what exists for ``locale``; returns the names of the files loaded."""
    locale = locale or QLocale()
    set_preferred_languages(locale.uiLanguages())  # lessons and questionnaires follow suit
    loaded = []
    ours = QTranslator(app)
    if ours.load(locale, "vitidesk", "_", str(resource_dir("translations"))):
        app.installTranslator(ours)
        _loaded.append(ours)
        loaded.append(ours.filePath())
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if locale.language() != QLocale.Language.English and qt.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        _loaded.append(qt)
        loaded.append(qt.filePath())
    return loaded
