"""The drawable pieces of the pathway diagram: named elements and moving signals.

Everything is vector (QPainterPath in scene units), so it stays sharp at any zoom and DPI.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

LABEL_FONT_PX = 27  # scene units; the whole scene is scaled to fit, so this is relative
HALO = QColor("#f2b705")
HALO_WIDTH = 7.0
FOCUS_RING = QColor("#0b5cad")
PARTICLE_RADIUS = 8.0  # the largest moving particle (the triangle) reaches 8 units from its path


def label_font(pixel_size: int = LABEL_FONT_PX, bold: bool = True) -> QFont:
    font = QFont()
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font


def outline_of(path: QPainterPath, width: float) -> QPainterPath:
    """The area a stroke of ``width`` covers along ``path`` (open or closed)."""
    stroker = QPainterPathStroker()
    stroker.setWidth(max(width, 1.0))
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return stroker.createStroke(path)


class ElementItem(QGraphicsObject):
    """One named part of the picture (a cell, a molecule). Shapes are added as (path, colours)."""

    chosen = Signal(str)

    def __init__(self, key: str, label: str) -> None:
        super().__init__()
        self.key = key
        self.label = label
        self.shapes: list[tuple[QPainterPath, QColor, QColor, float]] = []
        self.containers: set[int] = set()  # shapes other labels may sit inside (not on)
        self.label_anchor: int | None = None  # the shape the label names; None: all of them
        self.highlighted = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.text = QGraphicsSimpleTextItem(label, self)
        self.text.setFont(label_font())
        self.text.setBrush(QColor("#1c2733"))

    def add_shape(
        self,
        path: QPainterPath,
        fill: str,
        stroke: str = "#4a3b2a",
        width: float = 2.0,
        *,
        container: bool = False,
    ) -> None:
        self.prepareGeometryChange()
        if container:
            self.containers.add(len(self.shapes))
        self.shapes.append((path, QColor(fill), QColor(stroke), width))

    def obstacles(self) -> list[QPainterPath]:
        """What a label must not touch: each outline (with its focus halo) and each filled
        shape, except the inside of a container such as the keratinocyte's body."""
        found = []
        for index, (path, fill, _, width) in enumerate(self.shapes):
            found.append(outline_of(path, max(width, HALO_WIDTH)))
            if fill.alpha() and index not in self.containers:
                found.append(path)
        return found

    def outline_bounds(self) -> QRectF:
        rect = QRectF()
        for path, *_ in self.shapes:
            rect = rect.united(path.boundingRect())
        return rect

    def label_anchor_rect(self) -> QRectF:
        if self.label_anchor is not None:
            return self.shapes[self.label_anchor][0].boundingRect()
        return self.outline_bounds()

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
        return self.outline_bounds().adjusted(-8, -8, 8, 8)

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

    def obstacle(self) -> QPainterPath:
        """Where the particles and the arrow head travel: no label may sit there."""
        return outline_of(self.path, 2 * PARTICLE_RADIUS)

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
