"""Shows the pathway scene: fits it to the space, animates signals, draws annotations.

Tools (for presenter mode): "pointer" marks a click with a ring that fades, "pen" draws
strokes on top of the diagram (undo and clear). With reduced motion on, signals are drawn
still, as dotted arrows.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QGraphicsEllipseItem, QGraphicsPathItem, QGraphicsView

from vitidesk.ui.learn.pathway_scene import PathwayScene

FRAME_MS = 40
PHASE_PER_FRAME = 0.012
PEN_COLOUR = QColor("#d1172e")


class PathwayView(QGraphicsView):
    annotations_changed = Signal()

    def __init__(self, scene: PathwayScene) -> None:
        super().__init__(scene)
        self._timer = QTimer(self)
        self.pathway = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(280, 110)
        self.reduced_motion = False
        self.tool = "select"  # select | pointer | pen
        self.strokes: list[QGraphicsPathItem] = []
        self._drawing: QPainterPath | None = None
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)

    # -- animation -----------------------------------------------------------------------
    def refresh_animation(self) -> None:
        self.refit()
        moving = bool(self.pathway.active_signals()) and not self.reduced_motion
        if moving and self.isVisible():
            self._timer.start()
        else:
            self._timer.stop()
            if self.reduced_motion:
                for item in self.pathway.active_signals():
                    item.phase = 0.1
                    item.update()

    def is_animating(self) -> bool:
        return self._timer.isActive()

    def _tick(self) -> None:
        for item in self.pathway.active_signals():
            item.advance_phase(PHASE_PER_FRAME)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh_animation()

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)

    # -- fit: always the whole picture, so no label is ever cut off ----------------------
    def refit(self) -> None:
        """Scale the whole scene into the view, aspect kept; the scene's card colour fills
        any room left beside or above it. (Steps show what they are about by lighting it up,
        not by zooming in: zooming would cut off the labels at the edges.)"""
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """As tall as the whole picture is at this width (fitInView keeps 2 px each side)."""
        scene = self.sceneRect()
        return int(width * scene.height() / scene.width()) + 6

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()

    # -- keyboard: Tab walks the parts of the picture ------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = list(self.pathway.elements)
        visible = [k for k in keys if self.pathway.elements[k].isVisible()]
        if event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
            if self.tool != "select" or not visible:
                return super().keyPressEvent(event)
            current = self.pathway.focusItem()
            key = getattr(current, "key", None)  # an ElementItem has one
            index = visible.index(key) if key in visible else -1
            forward = event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down)
            index = (index + (1 if forward else -1)) % len(visible)
            self.pathway.elements[visible[index]].setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return super().keyPressEvent(event)

    # -- pointer and pen -----------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = self.mapToScene(event.position().toPoint())
        if self.tool == "pen" and event.button() == Qt.MouseButton.LeftButton:
            self._drawing = QPainterPath(point)
            item = QGraphicsPathItem(self._drawing)
            item.setPen(QPen(PEN_COLOUR, 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            item.setZValue(20)
            self.pathway.addItem(item)
            self.strokes.append(item)
            return
        if self.tool == "pointer":
            self.show_pointer(point)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing is not None and self.strokes:
            self._drawing.lineTo(self.mapToScene(event.position().toPoint()))
            self.strokes[-1].setPath(self._drawing)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drawing is not None:
            self._drawing = None
            self.annotations_changed.emit()
            return
        super().mouseReleaseEvent(event)

    def show_pointer(self, point: QPointF) -> QGraphicsEllipseItem:
        ring = QGraphicsEllipseItem(point.x() - 28, point.y() - 28, 56, 56)
        ring.setPen(QPen(QColor("#f2b705"), 6))
        ring.setZValue(25)
        self.pathway.addItem(ring)

        def fade() -> None:
            if ring.scene() is not None:
                self.pathway.removeItem(ring)

        QTimer.singleShot(1600, fade)
        return ring

    def undo_stroke(self) -> None:
        if self.strokes:
            self.pathway.removeItem(self.strokes.pop())
            self.annotations_changed.emit()

    def clear_strokes(self) -> None:
        while self.strokes:
            self.pathway.removeItem(self.strokes.pop())
        self.annotations_changed.emit()
