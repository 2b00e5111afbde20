"""The Sources and Glossary dialogs as a clinician opens them: full citations, no review notes."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QLabel

from vitidesk.core.lessons import load_library
from vitidesk.ui.learn.library_dialogs import GlossaryDialog, ReferencesDialog, other_names

REVIEW_NOTES = re.compile(
    r"not yet|reviewed by a dermatologist|not recorded|checked|todo|uncertain", re.I
)


@pytest.fixture(scope="module")
def library():
    return load_library(())


def _shown_text(dialog: ReferencesDialog) -> str:
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    return f"{labels}\n{dialog.view.toPlainText()}"


def test_sources_show_full_citations_and_the_review_date_but_no_review_note(qtbot, library) -> None:
    dialog = ReferencesDialog(library)
    qtbot.addWidget(dialog)
    text = _shown_text(dialog)
    assert library.last_reviewed in text
    assert not REVIEW_NOTES.search(text), REVIEW_NOTES.search(text).group(0)
    for key in library.citation_order:
        number = library.cite_number(key)
        assert f"[{number}] {library.references[key].citation()}" in text, key


def test_sources_open_at_the_cited_reference(qtbot, library) -> None:
    key = library.citation_order[-1]
    dialog = ReferencesDialog(library, key=key)
    qtbot.addWidget(dialog)
    assert library.references[key].title in dialog.view.toPlainText()


def test_glossary_search_finds_a_word_by_its_plain_name(qtbot, library) -> None:
    dialog = GlossaryDialog(library)
    qtbot.addWidget(dialog)
    dialog.search.setText("tuberculosis")
    assert dialog.shown_keys() == ["tb"]
    dialog.search.setText("eczema")
    assert dialog.shown_keys() == ["atopic-dermatitis"]
    assert "Also called: eczema." in dialog.results.toPlainText()
    dialog.search.setText("")
    assert len(dialog.shown_keys()) == len(library.glossary)


def test_glossary_names_other_words_once_and_skips_plurals(library) -> None:
    assert other_names(library.glossary["melanocyte"]) == ["pigment cell"]
    assert other_names(library.glossary["tb"]) == []
    assert other_names(library.glossary["ruxolitinib"]) == ["Opzelura"]
