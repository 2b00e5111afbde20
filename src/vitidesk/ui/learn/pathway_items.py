"""The drawable pieces of the pathway diagram: named elements and moving signals.

Everything is vector (QPainterPath in scene units), so it stays sharp at any zoom and DPI.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

LABEL_FONT_PX = 21
HALO = QColor("#f2b705")
FOCUS_RING = QColor("#0b5cad")


class ElementItem(QGraphicsObject):
    """One named part of the picture (a cell, a molecule). Shapes are added as (path, colours)."""

    chosen = Signal(str)

    def __init__(self, key: str, label: str, label_pos: QPointF) -> None:
        super().__init__()
        self.key = key
        self.label = label
        self.shapes: list[tuple[QPainterPath, QColor, QColor, float]] = []
        self.highlighted = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.text = QGraphicsSimpleTextItem(label, self)
        font = QFont()
        font.setPixelSize(LABEL_FONT_PX)
        font.setBold(True)
        self.text.setFont(font)
        self.text.setBrush(QColor("#1c2733"))
        width = self.text.boundingRect().width()
        self.text.setPos(label_pos.x() - width / 2, label_pos.y())

    def add_shape(
        self, path: QPainterPath, fill: str, stroke: str = "#4a3b2a", width: float = 2.0
    ) -> None:
        self.prepareGeometryChange()
        self.shapes.append((path, QColor(fill), QColor(stroke), width))

    def set_colours(self, index: int, fill: str, stroke: str) -> None:
        path, _, _, width = self.shapes[index]
        self.shapes[index] = (path, QColor(fill), QColor(stroke), width)
        self.update()

    def outline(self) -> QPainterPath:
        united = QPainterPath()
        for path, *_ in self.shapes:
            united = united.united(path)
        return united

    def boundingRect(self) -> QRectF:
        rect = QRectF()
        for path, *_ in self.shapes:
            rect = rect.united(path.boundingRect())
        return rect.adjusted(-8, -8, 8, 8)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.boundingRect())
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.highlighted or self.hasFocus():
            colour = FOCUS_RING if self.hasFocus() else HALO
            painter.setPen(QPen(colour, 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for path, *_ in self.shapes:
                painter.drawPath(path)
        for path, fill, stroke, width in self.shapes:
            painter.setPen(QPen(stroke, width) if width else Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(fill))
            painter.drawPath(path)

    # -- interaction ---------------------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.chosen.emit(self.key)
        event.accept()

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.chosen.emit(self.key)
        super().hoverEnterEvent(event)

    def focusInEvent(self, event) -> None:
        self.chosen.emit(self.key)
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.update()
        super().focusOutEvent(event)


class SignalItem(QGraphicsObject):
    """Molecules travelling along a path. ``phase`` (0..1) moves them; frozen when blocked."""

    PARTICLES = 5

    def __init__(self, key: str, path: QPainterPath, colour: str, particle: str = "dot") -> None:
        super().__init__()
        self.key = key
        self.path = path
        self.colour = QColor(colour)
        self.particle = particle
        self.phase = 0.0
        self.setZValue(5)
        self.setVisible(False)

    def boundingRect(self) -> QRectF:
        return self.path.boundingRect().adjusted(-14, -14, 14, 14)

    def advance_phase(self, step: float) -> None:
        self.phase = (self.phase + step) % 1.0
        self.update()

    def _draw_particle(self, painter: QPainter, point: QPointF) -> None:
        if self.particle == "triangle":
            painter.drawPolygon(
                QPolygonF([point + QPointF(0, -8), point + QPointF(7, 6), point + QPointF(-7, 6)])
            )
        else:
            painter.drawEllipse(point, 6.5, 6.5)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        trail = QColor(self.colour)
        trail.setAlpha(110)
        painter.setPen(QPen(trail, 2.5, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        end = self.path.pointAtPercent(1.0)
        before = self.path.pointAtPercent(0.96)
        self._draw_arrow(painter, before, end)
        painter.setPen(QPen(self.colour.darker(140), 1.5))
        painter.setBrush(self.colour)
        for index in range(self.PARTICLES):
            where = (self.phase + index / self.PARTICLES) % 1.0
            self._draw_particle(painter, self.path.pointAtPercent(where))

    def _draw_arrow(self, painter: QPainter, before: QPointF, end: QPointF) -> None:
        direction = end - before
        length = max((direction.x() ** 2 + direction.y() ** 2) ** 0.5, 1e-6)
        unit = QPointF(direction.x() / length, direction.y() / length)
        normal = QPointF(-unit.y(), unit.x())
        tip = end
        base = end - unit * 14
        painter.setBrush(QColor(self.colour))
        painter.drawPolygon(QPolygonF([tip, base + normal * 7, base - normal * 7]))
