"""The words of one lesson step, with glossary links and numbered citations."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QTextBrowser, QToolTip

from vitidesk.core.lesson_text import to_html
from vitidesk.core.lessons import Library, Step
from vitidesk.ui.theme import current_scheme, fill_template

STEP_CSS = """
p, li { line-height: 150%; }
a.term { color: @link; text-decoration: none; border-bottom: 1px dotted @link; }
sup a { color: @link; text-decoration: none; }
"""


class StepText(QTextBrowser):
    term_chosen = Signal(str)
    cite_chosen = Signal(str)

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(self.tr("Lesson text"))
        self.anchorClicked.connect(self._follow)
        self.highlighted.connect(self._hovered)
        self.fixed_scheme: str | None = None  # the presenter's audience view is always light
        self._shown: tuple[Step, int, bool] | None = None

    def show_step(self, step: Step, base_px: int = 0, with_title: bool = True) -> None:
        self._shown = (step, base_px, with_title)
        scheme = self.fixed_scheme or current_scheme()
        self.document().setDefaultStyleSheet(fill_template(STEP_CSS, scheme))
        body = to_html(step.body, self.library.cite_number)
        size = f"font-size:{base_px}px;" if base_px else ""
        title = f"<h2>{escape(step.title)}</h2>" if with_title else ""
        self.setHtml(f"<div style='{size}'>{title}{body}</div>")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._shown and not self.fixed_scheme:
            self.show_step(*self._shown)  # the scheme changed: links take its colour

    def _follow(self, url: QUrl) -> None:
        scheme, key = url.scheme(), url.path()
        if scheme == "term":
            self.term_chosen.emit(key)
        elif scheme == "cite":
            self.cite_chosen.emit(key)

    def _hovered(self, url: QUrl) -> None:
        if url.scheme() == "term" and url.path() in self.library.glossary:
            entry = self.library.glossary[url.path()]
            QToolTip.showText(QCursor.pos(), f"{entry.term}: {entry.definition}", self)
        elif url.scheme() == "cite" and url.path() in self.library.references:
            reference = self.library.references[url.path()]
            QToolTip.showText(QCursor.pos(), reference.citation(), self)
        else:
            QToolTip.hideText()
