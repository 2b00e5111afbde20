"""The searchable glossary and the numbered reference list."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vitidesk.core.lessons import Library


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
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Glossary terms"))
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
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
        self.results.clear()
        entries = sorted(self.library.glossary.values(), key=lambda e: e.term.lower())
        for entry in entries:
            haystack = " ".join((entry.term, entry.definition, *entry.aliases)).lower()
            if needle and needle not in haystack:
                continue
            item = QListWidgetItem(f"{entry.term}\n{entry.definition}")
            item.setData(256, entry.key)
            self.results.addItem(item)
        if self.results.count() == 0:
            self.results.addItem(self.tr("No word matches “{0}”.").format(text.strip()))

    def shown_keys(self) -> list[str]:
        keys = [self.results.item(row).data(256) for row in range(self.results.count())]
        return [key for key in keys if key]


class ReferencesDialog(QDialog):
    def __init__(self, library: Library, parent: QWidget | None = None, key: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sources"))
        self.resize(720, 600)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Every number and claim in the lessons comes from these sources. "
                "Lessons last reviewed: {0}. {1}"
            ).format(library.last_reviewed, library.review_note)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(self.tr("Reference list"))
        ordered = list(library.citation_order)
        ordered += [k for k in library.references if k not in ordered]
        rows = []
        for ref_key in ordered:
            reference = library.references[ref_key]
            number = library.cite_number(ref_key) if ref_key in library.citation_order else "–"
            style = " style='background:#fff1c7'" if ref_key == key else ""
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
