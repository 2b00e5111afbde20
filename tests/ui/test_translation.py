"""UI text is translation-ready: every tr() string is in the English .ts, and loading a locale
without a translation falls back to English quietly."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QLocale

from vitidesk.ui.translation import install_translations

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "vitidesk_en.ts"


def _sources(path: Path) -> set[tuple[str, str]]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_the_english_ts_file_has_every_string(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "packaging" / "translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = tmp_path / "fresh.ts"
    module.extract(fresh)
    missing = _sources(fresh) - _sources(TS)
    assert not missing, f"run python packaging/translations.py: {sorted(missing)[:5]}"
    assert len(_sources(TS)) > 300


def test_an_untranslated_language_falls_back_to_english(qapp) -> None:
    assert install_translations(qapp, QLocale(QLocale.Language.English)) == []
    install_translations(qapp, QLocale(QLocale.Language.Icelandic))  # no VitiDesk .qm: fine
    assert qapp.translate("Sections", "Learn") == "Learn"


def test_lessons_and_questionnaires_follow_the_ui_language(qapp, monkeypatch) -> None:
    from vitidesk.core import content_language
    from vitidesk.core.lessons import load_library

    monkeypatch.setattr(content_language, "_chosen", {})
    install_translations(qapp, QLocale("fr_CA"))
    assert content_language.preferred_languages() == ("fr_CA", "fr")
    assert load_library().language == "en"  # no French lessons are shipped: English
    install_translations(qapp, QLocale(QLocale.Language.English))
    assert content_language.preferred_languages() == ()
