"""The searchable glossary and the numbered reference list."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vitidesk.core.lessons import GlossaryEntry, Library
from vitidesk.ui.theme import colour


def other_names(entry: GlossaryEntry) -> list[str]:
    """The aliases a reader might know the word by: not the term itself, not a plural of a
    name already shown, not a name inside the term or holding it (TB, ruxolitinib cream)."""
    term = entry.term.lower()
    shown: list[str] = []
    for alias in entry.aliases:
        name = alias.lower()
        seen = [term, *(s.lower() for s in shown)]
        if name in term or term in name or any(name in (s + "s", s.rstrip("s")) for s in seen):
            continue
        shown.append(alias)
    return shown


class GlossaryDialog(QDialog):
    def __init__(self, library: Library, parent: QWidget | None = None, term: str = "") -> None:
        super().__init__(parent)
        self.library = library
        self.setWindowTitle(self.tr("Glossary"))
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Search words:"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a word, such as melanocyte"))
        self.search.setAccessibleName(self.tr("Search the glossary"))
        self.search.setClearButtonEnabled(True)
        label.setBuddy(self.search)
        self.results = QTextBrowser()
        self.results.setAccessibleName(self.tr("Glossary terms"))
        self._shown: list[str] = []
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.filter)
        self.search.setText(library.glossary[term].term if term in library.glossary else "")
        self.filter(self.search.text())

    def filter(self, text: str) -> None:
        needle = text.strip().lower()
        entries = sorted(self.library.glossary.values(), key=lambda e: e.term.lower())
        shown = [
            entry
            for entry in entries
            if not needle
            or needle in " ".join((entry.term, entry.definition, *entry.aliases)).lower()
        ]
        self._shown = [entry.key for entry in shown]
        rows = []
        for entry in shown:
            also = other_names(entry)
            also_line = (
                "<br><i>" + escape(self.tr("Also called: {0}.").format(", ".join(also))) + "</i>"
                if also
                else ""
            )
            rows.append(
                f"<p><b>{escape(entry.term)}</b><br>{escape(entry.definition)}{also_line}</p>"
            )
        if not rows:
            rows = [escape(self.tr("No word matches “{0}”.").format(text.strip()))]
        self.results.setHtml("".join(rows))

    def shown_keys(self) -> list[str]:
        return list(self._shown)


class ReferencesDialog(QDialog):
    def __init__(self, library: Library, parent: QWidget | None = None, key: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sources"))
        self.resize(720, 600)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Every number and claim in the lessons comes from these sources. "
                "Lessons last reviewed: {0}."
            ).format(library.last_reviewed)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(self.tr("Reference list"))
        ordered = list(library.citation_order)
        ordered += [k for k in library.references if k not in ordered]
        rows = []
        mark = colour("highlight_row").name()
        for ref_key in ordered:
            reference = library.references[ref_key]
            number = library.cite_number(ref_key) if ref_key in library.citation_order else "–"
            style = f" style='background:{mark}'" if ref_key == key else ""
            rows.append(
                f"<p{style}><a name='{escape(ref_key)}'></a><b>[{number}]</b> "
                f"{escape(reference.citation())}</p>"
            )
        self.view.setHtml("".join(rows))
        if key:
            self.view.scrollToAnchor(key)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
