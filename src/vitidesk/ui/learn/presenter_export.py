"""Save the current (annotated) step as a PNG or PDF the patient can take home."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from vitidesk.core.lesson_text import to_html, to_plain_text
from vitidesk.core.lessons import Step
from vitidesk.errors import UserError
from vitidesk.ui.learn.pathway_scene import PathwayScene

IMAGE_WIDTH = 1800
FOOTER = "From VitiDesk (educational; not a substitute for advice from your clinician)."
SOURCES_HEADING = "Sources"
LINK_TAG = re.compile(r"</?a\b[^>]*>")


def _body_html(step: Step, cite_number: Callable[[str], int] | None) -> str:
    """The step's words with their citation numbers (as plain print, not links)."""
    if cite_number is None:
        return f"<p>{escape(to_plain_text(step.body))}</p>"
    return LINK_TAG.sub("", to_html(step.body, cite_number))


def _words(
    step: Step,
    sources: list[str],
    cite_number: Callable[[str], int] | None,
    font: QFont,
    px: int,
    width: float,
) -> QTextDocument:
    """The step's words, then its numbered sources (a hand-out keeps its citations)."""
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(
        f"p {{ font-size: {px}px; }} li, .sources {{ font-size: {int(px * 0.8)}px; }}"
    )
    cited = "".join(f"<li>{escape(source)}</li>" for source in sources)
    listing = (
        f"<p class='sources'><b>{escape(SOURCES_HEADING)}</b></p><ul>{cited}</ul>" if cited else ""
    )
    document.setHtml(
        f"{_body_html(step, cite_number)}{listing}<p style='color:#4d5b66'>{escape(FOOTER)}</p>"
    )
    document.setTextWidth(width)
    return document


def _draw_step(
    painter: QPainter,
    area: QRectF,
    scene: PathwayScene,
    step: Step,
    sources: list[str],
    cite_number: Callable[[str], int] | None,
) -> None:
    unit = area.width() / 100
    title_font = QFont()
    title_font.setPixelSize(int(unit * 3.2))
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.setPen(QColor("#10353a"))
    title_rect = QRectF(area.left(), area.top(), area.width(), unit * 6)
    painter.drawText(
        title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, step.title
    )
    font = QFont(title_font.family(), -1)
    words = _words(step, sources, cite_number, font, int(unit * 1.9), area.width())
    # The picture takes what the words leave (never more than its full width allows).
    scene_rect = scene.sceneRect()
    room = area.bottom() - title_rect.bottom() - unit * 3 - words.size().height()
    diagram_height = max(min(area.width() * scene_rect.height() / scene_rect.width(), room), 0)
    target = QRectF(area.left(), title_rect.bottom() + unit, area.width(), diagram_height)
    scene.render(painter, target, scene_rect, Qt.AspectRatioMode.KeepAspectRatio)
    painter.save()
    painter.translate(area.left(), target.bottom() + unit * 2)
    words.drawContents(painter)
    painter.restore()


def save_step(
    path: Path,
    scene: PathwayScene,
    step: Step,
    sources: list[str] | None = None,
    cite_number: Callable[[str], int] | None = None,
) -> Path:
    """Write ``step`` with its diagram (and any pen marks), its words with their citation
    numbers and the numbered sources to ``path`` (.png or .pdf)."""
    suffix = path.suffix.lower()
    if suffix not in (".png", ".pdf"):
        path = path.with_suffix(".png")
        suffix = ".png"
    if suffix == ".pdf":
        writer = QPdfWriter(str(path))
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(12, 12, 12, 12),
            )
        )
        writer.setResolution(150)
        writer.setTitle(step.title)
        painter = QPainter(writer)
        if not painter.isActive():
            raise UserError(str(path), "cannot be written")
        page = QRectF(0, 0, writer.width(), writer.height())
        _draw_step(painter, page, scene, step, sources or [], cite_number)
        painter.end()
        return path
    height = int(IMAGE_WIDTH * 0.9)
    image = QImage(QSizeF(IMAGE_WIDTH, height).toSize(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = IMAGE_WIDTH * 0.04
    area = QRectF(margin, margin, IMAGE_WIDTH - 2 * margin, height - 2 * margin)
    _draw_step(painter, area, scene, step, sources or [], cite_number)
    painter.end()
    if not image.save(str(path)):
        raise UserError(str(path), "cannot be written")
    return path
