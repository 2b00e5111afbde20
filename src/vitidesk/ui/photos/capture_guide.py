"""How to take consistent photos: the guide shown when adding photos, printable as a PDF."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QTextBrowser, QVBoxLayout

from vitidesk.core.lesson_text import to_html
from vitidesk.core.resources import read_text

SECTION = re.compile(r"^##\s+(.+?)\s*(?:\{#[\w-]+\})?\s*$", re.MULTILINE)


def key_points() -> list[str]:
    """The guide in five lines (one per section of resources/photos/capture_guide.md), for the
    empty Photos page; the whole guide is one click away."""
    tr = QCoreApplication.translate
    return [
        tr("CaptureGuide", "Same spot, same plain dark background, same distance."),
        tr("CaptureGuide", "Same soft light: the same lamp or window, at the same time of day."),
        tr("CaptureGuide", "Same camera, no zoom, no filters. Hold it straight, facing the skin."),
        tr("CaptureGuide", "A small ruler or sticker near the patch, not on it, shows its size."),
        tr("CaptureGuide", "Mark UV lamp photos as UV. Compare UV only with UV."),
    ]


def guide_html() -> str:
    text = read_text("photos", "capture_guide.md")
    parts = SECTION.split(text)
    html = [f"<div>{to_html(parts[0], lambda key: 0)}</div>"] if parts[0].strip() else []
    for index in range(1, len(parts), 2):
        html.append(f"<h3>{escape(parts[index])}</h3>{to_html(parts[index + 1], lambda key: 0)}")
    return "".join(html)


def save_guide_pdf(path: Path) -> Path:
    document = QTextDocument()
    document.setHtml(f"<h1>Taking consistent photos</h1>{guide_html()}")
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setTitle("VitiDesk: taking consistent photos")
    document.print_(writer)
    return path


class CaptureGuideDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Taking consistent photos"))
        self.resize(680, 640)
        layout = QVBoxLayout(self)
        self.view = QTextBrowser()
        self.view.setAccessibleName(self.tr("Photo guide"))
        self.view.setHtml(guide_html())
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton(
            self.tr("Save as PDF to print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        save.clicked.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the photo guide"), "VitiDesk photo guide.pdf", "PDF (*.pdf)"
        )
        if name:
            save_guide_pdf(Path(name))
