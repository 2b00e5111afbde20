"""Save the current (annotated) step as a PNG or PDF the patient can take home."""

from __future__ import annotations

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

from vitidesk.core.lesson_text import to_plain_text
from vitidesk.core.lessons import Step
from vitidesk.errors import UserError
from vitidesk.ui.learn.pathway_scene import PathwayScene

IMAGE_WIDTH = 1800
FOOTER = "From VitiDesk (educational; not a substitute for advice from your clinician)."


def _draw_step(
    painter: QPainter, area: QRectF, scene: PathwayScene, step: Step, sources: list[str]
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
    scene_rect = scene.sceneRect()
    diagram_height = area.width() * scene_rect.height() / scene_rect.width()
    target = QRectF(area.left(), title_rect.bottom() + unit, area.width(), diagram_height)
    scene.render(painter, target, scene_rect, Qt.AspectRatioMode.KeepAspectRatio)
    document = QTextDocument()
    document.setDefaultFont(QFont(title_font.family(), -1))
    document.setDefaultStyleSheet(f"p {{ font-size: {int(unit * 1.9)}px; }}")
    document.setHtml(
        f"<p>{escape(to_plain_text(step.body))}</p><p style='color:#4d5b66'>{FOOTER}</p>"
    )
    document.setTextWidth(area.width())
    painter.save()
    painter.translate(area.left(), target.bottom() + unit * 2)
    document.drawContents(painter)
    painter.restore()


def save_step(
    path: Path, scene: PathwayScene, step: Step, sources: list[str] | None = None
) -> Path:
    """Write ``step`` with its diagram (and any pen marks) to ``path`` (.png or .pdf)."""
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
        _draw_step(painter, page, scene, step, sources or [])
        painter.end()
        return path
    height = int(IMAGE_WIDTH * 0.9)
    image = QImage(QSizeF(IMAGE_WIDTH, height).toSize(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = IMAGE_WIDTH * 0.04
    area = QRectF(margin, margin, IMAGE_WIDTH - 2 * margin, height - 2 * margin)
    _draw_step(painter, area, scene, step, sources or [])
    painter.end()
    if not image.save(str(path)):
        raise UserError(str(path), "cannot be written")
    return path
