"""Zoom and pan for one pane, in the reference photo's full-resolution pixel coordinates."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QTransform

MIN_ZOOM, MAX_ZOOM = 0.01, 16.0
WHEEL_STEP = 1.25


@dataclass
class Viewport:
    zoom: float = 1.0  # screen pixels per image pixel
    center: QPointF | None = None  # image point shown at the middle of the pane

    def copy(self) -> Viewport:
        return Viewport(self.zoom, QPointF(self.center) if self.center is not None else None)

    def to_screen(self, pane: QRectF) -> QTransform:
        """Image coordinates -> widget coordinates for a pane."""
        center = self.center or QPointF(0, 0)
        transform = QTransform()
        transform.translate(pane.center().x(), pane.center().y())
        transform.scale(self.zoom, self.zoom)
        transform.translate(-center.x(), -center.y())
        return transform

    def to_image(self, pane: QRectF, point: QPointF) -> QPointF:
        inverted, _ = self.to_screen(pane).inverted()
        return inverted.map(point)

    def fit(self, pane: QRectF, image: QSizeF) -> None:
        if image.width() <= 0 or image.height() <= 0:
            return
        self.zoom = min(pane.width() / image.width(), pane.height() / image.height()) * 0.98
        self.center = QPointF(image.width() / 2, image.height() / 2)

    def zoom_at(self, pane: QRectF, screen_point: QPointF, factor: float) -> None:
        """Zoom keeping the image point under ``screen_point`` where it is."""
        anchor = self.to_image(pane, screen_point)
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom * factor))
        after = self.to_image(pane, screen_point)
        center = self.center or QPointF(0, 0)
        self.center = center + (anchor - after)

    def pan(self, screen_delta: QPointF) -> None:
        center = self.center or QPointF(0, 0)
        self.center = center - screen_delta / self.zoom
