"""Lessons and questionnaires in the person's language, with English as the fallback."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from vitidesk.core import content_language, resources
from vitidesk.core.lessons import load_library
from vitidesk.core.questionnaires import _load_instruments, load_instruments


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["fr-CA", "fr", "en-US"], ("fr_CA", "fr")),
        (["de_DE.UTF-8"], ("de_DE", "de")),
        (["en-GB", "fr"], ()),  # English first: the source is what they want
        (["C"], ()),
        (["sr-Latn-RS", "sr-Latn"], ("sr_RS", "sr")),
        (["pt_BR@latin", "es"], ("pt_BR", "pt", "es")),
    ],
)
def test_locale_tags_become_languages_to_look_for(tags, expected) -> None:
    assert content_language.normalise(tags) == expected


def test_the_environment_is_read_like_gettext() -> None:
    env = {"LANGUAGE": "nl:fr", "LANG": "de_DE.UTF-8"}
    assert content_language.languages_from_environment(env) == ("nl", "fr")
    assert content_language.languages_from_environment({"LANG": "es_ES.UTF-8"}) == ("es_ES", "es")
    assert content_language.languages_from_environment({}) == ()


@pytest.fixture
def package_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped resources that the test may add translations to."""
    root = tmp_path / "resources"
    shutil.copytree(resources.resource_dir(), root)
    monkeypatch.setattr(resources, "files", lambda package: root)
    _load_instruments.cache_clear()
    yield root
    _load_instruments.cache_clear()


def _translate_first_lesson(root: Path, language: str, *, drop_a_step: bool = False) -> None:
    folder = root / "lessons" / "l10n" / language
    folder.mkdir(parents=True)
    english = (root / "lessons" / "01-what-is-vitiligo.md").read_text(encoding="utf-8")
    text = english.replace("## What vitiligo is {#what}", "## Qu'est-ce que le vitiligo {#what}")
    if drop_a_step:
        text = text.replace("{#why}", "{#pourquoi}")
    (folder / "01-what-is-vitiligo.md").write_text(text, encoding="utf-8")
    (folder / "manifest.toml").write_text(
        '[[lesson]]\nid = "what-is-vitiligo"\ntitle = "Le vitiligo"\n', encoding="utf-8"
    )
    (folder / "glossary.toml").write_text(
        '[melanocyte]\nterm = "Mélanocyte"\ndefinition = "Une cellule pigmentaire."\n',
        encoding="utf-8",
    )


def test_a_translated_lesson_replaces_words_and_keeps_the_steps(package_copy: Path) -> None:
    english = load_library(())
    _translate_first_lesson(package_copy, "fr")

    french = load_library(("fr_CA", "fr"))

    assert french.language == "fr"
    assert french.lessons[0].title == "Le vitiligo"
    assert french.lessons[0].steps[0].title == "Qu'est-ce que le vitiligo"
    assert french.glossary["melanocyte"].term == "Mélanocyte"
    assert french.glossary["melanocyte"].aliases == english.glossary["melanocyte"].aliases
    assert french.lessons[1].title == english.lessons[1].title  # not translated: English
    assert [s.id for s in french.lessons[0].steps] == [s.id for s in english.lessons[0].steps]
    assert [s.diagram for s in french.lessons[0].steps] == [
        s.diagram for s in english.lessons[0].steps
    ]


def test_a_translation_that_breaks_the_steps_falls_back_to_english(package_copy, caplog):
    _translate_first_lesson(package_copy, "fr", drop_a_step=True)
    with caplog.at_level(logging.WARNING):
        library = load_library(("fr",))
    assert library.language == "en"
    assert library.lessons[0].title == "What is vitiligo?"
    assert "lessons in fr not used" in caplog.text


def _translate_who5(root: Path, change: tuple[str, str]) -> None:
    folder = root / "questionnaires" / "l10n" / "fr"
    folder.mkdir(parents=True)
    text = (root / "questionnaires" / "who5.toml").read_text(encoding="utf-8")
    assert change[0] in text
    (folder / "who5.toml").write_text(text.replace(*change), encoding="utf-8")


def test_a_translated_questionnaire_with_the_same_scoring_is_used(package_copy: Path) -> None:
    english = load_instruments(())["WHO-5"]
    _translate_who5(package_copy, (english.options[0].label, "Jamais"))
    french = load_instruments(("fr",))["WHO-5"]
    assert "Jamais" in [option.label for option in french.options]
    assert french.bands == english.bands
    assert french.items[0].text == english.items[0].text  # untranslated words stay English


def test_a_translated_questionnaire_with_different_scoring_is_refused(package_copy, caplog):
    english = load_instruments(())["WHO-5"]
    _translate_who5(package_copy, ("high = 28", "high = 30"))  # parses, but scores differently
    with caplog.at_level(logging.WARNING):
        chosen = load_instruments(("fr",))["WHO-5"]
    assert chosen == english
    assert "l10n/fr/who5.toml not used: its scoring differs" in caplog.text
