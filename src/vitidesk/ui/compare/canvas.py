"""One widget that draws two photos in any comparison mode, with shared or separate zoom.

Coordinates: everything is in the earlier (reference) photo's full-resolution pixels. The later
photo is placed there by ``transform_b`` (identity until the pair is aligned), so every mode
shows it warped onto the earlier one, and a region drawn once covers the same skin on both.

Until the person zooms or pans, the view follows "fit": the photos fill the canvas on open, on
a new photo, on a mode change and whenever the canvas is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from vitidesk.ui.compare.loader import LoadedPhoto
from vitidesk.ui.compare.viewport import WHEEL_STEP, Viewport

MODES = ("side", "swipe", "overlay", "blink", "difference")
GAP = 8
BLINK_MS = 600
DIVIDER_GRAB_PX = 10
BACKGROUND = QColor("#1f2529")
# "What is counted", drawn see-through over each photo: pink on the earlier, blue on the later.
MASK_COLOURS = (QColor(255, 0, 200, 120), QColor(0, 220, 255, 120))
REGION_COLOUR = QColor("#ffd400")
# The person's own marks: "+" inside a patch (white), "-" on normal skin (near black).
PATCH_MARK = QColor(255, 255, 255)
SKIN_MARK = QColor(20, 20, 20)
BRUSH_PX = 12  # a painted correction's radius on screen
CLICK_SLOP_PX = 4  # a press that moves less than this is a click, not a stroke
MIN_OUTLINE_POINTS = 3
# Difference mode: each pixel is |earlier - later|, so skin that looks the same is black and
# the more it changed, the brighter it is (the hue alone does not say which way).
DIFFERENCE_SAME = QColor(0, 0, 0)
DIFFERENCE_CHANGED = QColor(255, 255, 255)


class CompareCanvas(QWidget):
    """Tools: "pan", "landmark", "region" (drag a box), "freehand" (drag an outline), "scale",
    "patch" and "skin" (click or paint the person's marks, side by side: each pane marks its
    own photo, in that photo's pixels)."""

    landmark_added = Signal()
    region_drawn = Signal(object)  # QPolygonF, in the earlier photo's pixels
    scale_picked = Signal(QPointF, QPointF)
    view_changed = Signal()
    # photo index, True for "patch", the points in that photo's pixels, radius there
    mark_made = Signal(int, bool, list, float)

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Photo comparison"))
        self.photos: list[LoadedPhoto | None] = [None, None]
        self.labels = ["", ""]
        self.transform_b = QTransform()
        self.mode = "side"
        self.linked = True
        self.views = [Viewport(), Viewport()]
        self.divider = 0.5
        self.opacity = 0.5
        self.blink_first = True
        self.tool = "pan"
        self.ref_points: list[QPointF] = []
        self.moving_points: list[QPointF] = []
        self.region: QPolygonF | None = None
        self.region_kind = "box"  # or "freehand": what the key calls it
        self.marks: list[list[tuple[bool, list[QPointF], float]]] = [[], []]
        self._path: list[QPointF] = []
        self.masks: list[QImage | None] = [None, None]
        self.show_masks = True
        self.scale_points: list[QPointF] = []
        self._drag: tuple[str, int, QPointF] | None = None
        self.following_fit = True  # until the person zooms or pans
        self._blink = QTimer(self)
        self._blink.setInterval(BLINK_MS)
        self._blink.timeout.connect(self._toggle_blink)

    # -- set-up --------------------------------------------------------------------------
    def set_photo(self, index: int, photo: LoadedPhoto, label: str) -> None:
        self.photos[index] = photo
        self.labels[index] = label
        self.masks[index] = None
        if self.following_fit and not photo.full_size.isEmpty():
            self.fit_all()
        self.update()

    def follow_fit(self) -> None:
        """A new pair: fit it, and keep it fitted until the person zooms or pans."""
        self.following_fit = True
        self.fit_all()

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(mode)
        self.mode = mode
        if mode == "blink":
            self._blink.start()
        else:
            self._blink.stop()
        self.fit_all()
        self.update()

    def set_linked(self, linked: bool) -> None:
        self.linked = linked
        # Either way the right pane starts from what is on screen now.
        self.views[1] = self.views[0].copy()
        self.update()

    def set_transform(self, transform: QTransform) -> None:
        self.transform_b = transform
        self.update()

    # -- geometry ------------------------------------------------------------------------
    def panes(self) -> list[QRectF]:
        area = QRectF(self.rect())
        if self.mode != "side":
            return [area]
        half = (area.width() - GAP) / 2
        return [QRectF(0, 0, half, area.height()), QRectF(half + GAP, 0, half, area.height())]

    def view_for(self, pane: int) -> Viewport:
        return self.views[0] if (self.linked or self.mode != "side") else self.views[pane]

    def pane_at(self, point: QPointF) -> int:
        for index, pane in enumerate(self.panes()):
            if pane.contains(point):
                return index
        return 0

    def fit_all(self) -> None:
        for index, pane in enumerate(self.panes()):
            photo = self.photos[0] or self.photos[1]
            if self.mode == "side" and not self.linked and self.photos[index] is not None:
                photo = self.photos[index]
            if photo is None or photo.full_size.isEmpty() or pane.isEmpty():
                continue
            self.view_for(index).fit(pane, photo.full_size)
        self.following_fit = True
        if self.linked:
            self.views[1] = self.views[0].copy()
        self.update()
        self.view_changed.emit()

    def actual_size(self) -> None:
        self.following_fit = False
        for index in range(2):
            self.views[index].zoom = 1.0
        self.update()
        self.view_changed.emit()

    def zoom_by(self, factor: float) -> None:
        self.following_fit = False
        for index, pane in enumerate(self.panes()):
            self.view_for(index).zoom_at(pane, pane.center(), factor)
            if self.linked or self.mode != "side":
                break
        self.update()
        self.view_changed.emit()

    def divider_x(self) -> float:
        pane = self.panes()[0]
        return pane.left() + pane.width() * self.divider

    # -- painting ------------------------------------------------------------------------
    def _photo_transform(self, index: int, base: QTransform) -> QTransform | None:
        photo = self.photos[index]
        if photo is None or photo.pixmap is None:
            return None
        transform = QTransform.fromScale(photo.pixmap_scale, photo.pixmap_scale)
        if index == 1:
            transform = transform * self.transform_b
        return transform * base

    def masks_drawn(self) -> bool:
        """Whether "what is counted" is on screen now (difference mode shows the photos only)."""
        return (
            self.show_masks and self.mode != "difference" and any(m is not None for m in self.masks)
        )

    def _draw_photo(
        self, painter: QPainter, index: int, base: QTransform, with_mask: bool = True
    ) -> None:
        transform = self._photo_transform(index, base)
        if transform is None:
            return
        photo = self.photos[index]
        if photo is None or photo.pixmap is None:  # still loading
            return
        painter.setTransform(transform)
        painter.drawPixmap(0, 0, photo.pixmap)
        mask = self.masks[index]
        if with_mask and self.show_masks and mask is not None:
            scale = photo.full_size.width() / mask.width()
            mask_transform = QTransform.fromScale(scale, scale)
            if index == 1:
                mask_transform = mask_transform * self.transform_b
            painter.setTransform(mask_transform * base)
            painter.drawImage(0, 0, mask)
        painter.resetTransform()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        smooth = self._drag is None
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
        for index, pane in enumerate(self.panes()):
            painter.save()
            painter.setClipRect(pane)
            base = self.view_for(index).to_screen(pane)
            self._paint_pane(painter, index, pane, base)
            self._paint_marks(painter, index, base)
            painter.restore()
        self._paint_labels(painter)
        painter.end()

    def _paint_pane(self, painter: QPainter, index: int, pane: QRectF, base: QTransform) -> None:
        if self.mode == "side":
            self._draw_photo(painter, index, base)
        elif self.mode == "swipe":
            self._draw_photo(painter, 0, base)
            x = self.divider_x()
            painter.setClipRect(QRectF(x, pane.top(), pane.right() - x, pane.height()))
            self._draw_photo(painter, 1, base)
            painter.setClipRect(pane)
            painter.setPen(QPen(QColor("white"), 3))
            painter.drawLine(QPointF(x, pane.top()), QPointF(x, pane.bottom()))
            painter.setBrush(QColor("white"))
            painter.drawEllipse(QPointF(x, pane.center().y()), 9, 9)
        elif self.mode == "overlay":
            self._draw_photo(painter, 0, base)
            painter.setOpacity(self.opacity)
            self._draw_photo(painter, 1, base)
            painter.setOpacity(1.0)
        elif self.mode == "blink":
            self._draw_photo(painter, 0 if self.blink_first else 1, base)
        elif self.mode == "difference":
            # The photos only: a see-through mask would be "different" everywhere it is.
            self._draw_photo(painter, 0, base, with_mask=False)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Difference)
            self._draw_photo(painter, 1, base, with_mask=False)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)

    def _paint_marks(self, painter: QPainter, index: int, base: QTransform) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = self.region
        if self._drag is not None and self._drag[0] == "freehand" and len(self._path) > 1:
            outline = QPolygonF(self._path)
        if outline is not None:
            painter.setPen(QPen(REGION_COLOUR, 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            shown = base.map(outline)
            if self._drag is not None and self._drag[0] == "freehand":
                painter.drawPolyline(shown)
            else:
                painter.drawPolygon(shown)
        self._paint_own_marks(painter, index, base)
        points: list[QPointF] = []
        if self.mode == "side" and index == 1:
            points = [self.transform_b.map(p) for p in self.moving_points]
        elif index == 0:
            points = list(self.ref_points)
        font = QFont()
        font.setPixelSize(13)
        font.setBold(True)
        painter.setFont(font)
        for number, point in enumerate(points, start=1):
            screen = base.map(point)
            painter.setPen(QPen(QColor("black"), 4))
            painter.setBrush(REGION_COLOUR)
            painter.drawEllipse(screen, 9, 9)
            painter.setPen(QColor("black"))
            painter.drawText(
                QRectF(screen.x() - 9, screen.y() - 9, 18, 18),
                Qt.AlignmentFlag.AlignCenter,
                str(number),
            )
        if index == 0 and self.scale_points:
            painter.setPen(QPen(QColor("#00e0ff"), 3))
            mapped = [base.map(p) for p in self.scale_points]
            for point in mapped:
                painter.drawEllipse(point, 6, 6)
            if len(mapped) == 2:
                painter.drawLine(mapped[0], mapped[1])

    def _paint_own_marks(self, painter: QPainter, index: int, base: QTransform) -> None:
        """The person's clicks and strokes, each on its own photo (side by side only)."""
        if self.mode != "side":
            return
        marks = list(self.marks[index])
        if self._drag is not None and self._drag[0] == "mark" and self._drag[1] == index:
            marks.append((self.tool == "patch", self._path, self._brush_radius(index)))
        place = self.transform_b if index == 1 else QTransform()
        zoom = self.view_for(index).zoom
        for patch, points, radius in marks:
            colour = PATCH_MARK if patch else SKIN_MARK
            mapped = [base.map(place.map(p)) for p in points]
            if len(mapped) > 1:
                stroke = QColor(colour)
                stroke.setAlpha(110)
                pen = QPen(stroke, max(2.0, 2 * radius * zoom))
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                painter.drawPolyline(QPolygonF(mapped))
            elif mapped:
                self._paint_click(painter, mapped[0], patch)

    @staticmethod
    def _paint_click(painter: QPainter, centre: QPointF, patch: bool) -> None:
        fill, ink = (PATCH_MARK, SKIN_MARK) if patch else (SKIN_MARK, PATCH_MARK)
        painter.setPen(QPen(ink, 2))
        painter.setBrush(fill)
        painter.drawEllipse(centre, 9, 9)
        painter.setPen(QPen(ink, 2.5))
        painter.drawLine(QPointF(centre.x() - 5, centre.y()), QPointF(centre.x() + 5, centre.y()))
        if patch:
            painter.drawLine(
                QPointF(centre.x(), centre.y() - 5), QPointF(centre.x(), centre.y() + 5)
            )

    def _brush_radius(self, index: int) -> float:
        """A painted correction's radius in the photo's own pixels."""
        zoom = self.view_for(index).zoom
        scale = 1.0
        if index == 1:
            scale = max(1e-6, (self.transform_b.m11() ** 2 + self.transform_b.m12() ** 2) ** 0.5)
        return BRUSH_PX / max(zoom, 1e-6) / scale

    def _photo_point(self, index: int, image_point: QPointF) -> QPointF:
        """A point in the earlier photo's pixels, in photo ``index``'s own pixels."""
        if index == 1:
            inverse, _ = self.transform_b.inverted()
            return inverse.map(image_point)
        return image_point

    def _paint_labels(self, painter: QPainter) -> None:
        font = QFont()
        font.setPixelSize(15)
        font.setBold(True)
        painter.setFont(font)
        panes = self.panes()
        if self.mode == "side":
            placed = [(panes[0], self.labels[0], False), (panes[1], self.labels[1], False)]
        elif self.mode == "swipe":
            placed = [(panes[0], self.labels[0], False), (panes[0], self.labels[1], True)]
        elif self.mode == "blink":
            placed = [(panes[0], self.labels[0 if self.blink_first else 1], False)]
        else:
            placed = [(panes[0], f"{self.labels[0]}  ·  {self.labels[1]}", False)]
        for pane, text, right in placed:
            if not text:
                continue
            metrics = painter.fontMetrics()
            width = metrics.horizontalAdvance(text) + 16
            x = pane.right() - width - 8 if right else pane.left() + 8
            box = QRectF(x, pane.top() + 8, width, metrics.height() + 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 170))
            painter.drawRoundedRect(box, 6, 6)
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _toggle_blink(self) -> None:
        self.blink_first = not self.blink_first
        self.update()

    # -- interaction ---------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        pane_index = self.pane_at(point)
        pane = self.panes()[pane_index]
        image_point = self.view_for(pane_index).to_image(pane, point)
        if self.mode == "swipe" and abs(point.x() - self.divider_x()) <= DIVIDER_GRAB_PX:
            self._drag = ("divider", 0, point)
        elif self.tool == "landmark":
            if self.mode == "side" and pane_index == 1:
                inverse, _ = self.transform_b.inverted()
                self.moving_points.append(inverse.map(image_point))
            else:
                self.ref_points.append(image_point)
            self.landmark_added.emit()
            self.update()
            return
        elif self.tool == "region":
            self._drag = ("region", pane_index, image_point)
            self.region = _box(image_point, image_point)
            self.region_kind = "box"
        elif self.tool == "freehand":
            self._drag = ("freehand", pane_index, point)
            self._path = [image_point]
        elif self.tool in ("patch", "skin"):
            index = pane_index if self.mode == "side" else 0
            self._drag = ("mark", index, point)
            self._path = [self._photo_point(index, image_point)]
        elif self.tool == "scale":
            if len(self.scale_points) >= 2:
                self.scale_points = []
            self.scale_points.append(image_point)
            if len(self.scale_points) == 2:
                self.scale_picked.emit(self.scale_points[0], self.scale_points[1])
            self.update()
            return
        else:
            self._drag = ("pan", pane_index, point)
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        if self._drag is None:
            near = self.mode == "swipe" and abs(point.x() - self.divider_x()) <= DIVIDER_GRAB_PX
            self.setCursor(Qt.CursorShape.SplitHCursor if near else Qt.CursorShape.ArrowCursor)
            return
        kind, pane_index, start = self._drag
        if kind == "divider":
            pane = self.panes()[0]
            self.divider = min(1.0, max(0.0, (point.x() - pane.left()) / max(pane.width(), 1)))
        elif kind == "pan":
            self.following_fit = False
            self.view_for(pane_index).pan(point - start)
            self._drag = (kind, pane_index, point)
            self.view_changed.emit()
        elif kind == "region":
            pane = self.panes()[pane_index]
            current = self.view_for(pane_index).to_image(pane, point)
            self.region = _box(start, current)
        elif kind in ("freehand", "mark"):
            pane_number = pane_index if kind == "mark" and self.mode == "side" else 0
            if kind == "freehand":
                pane_number = self.pane_at(start)
            pane = self.panes()[pane_number]
            current = self.view_for(pane_number).to_image(pane, point)
            if kind == "mark":
                current = self._photo_point(pane_index, current)
            self._path.append(current)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None and self._drag[0] == "region" and self.region is not None:
            bounds = self.region.boundingRect()
            if bounds.width() >= 4 and bounds.height() >= 4:
                self.region_drawn.emit(self.region)
            else:
                self.region = None
        elif self._drag is not None and self._drag[0] == "freehand":
            outline = QPolygonF(self._path)
            bounds = outline.boundingRect()
            if (
                len(self._path) >= MIN_OUTLINE_POINTS
                and bounds.width() >= 4
                and bounds.height() >= 4
            ):
                self.region = outline
                self.region_kind = "freehand"
                self.region_drawn.emit(self.region)
        elif self._drag is not None and self._drag[0] == "mark":
            _, index, start = self._drag
            moved = (event.position() - start).manhattanLength()
            points = (
                self._path if moved >= CLICK_SLOP_PX and len(self._path) > 1 else self._path[:1]
            )
            radius = self._brush_radius(index)
            self.marks[index].append((self.tool == "patch", list(points), radius))
            self.mark_made.emit(index, self.tool == "patch", list(points), radius)
        self._path = []
        self._drag = None
        self.setCursor(Qt.CursorShape.ArrowCursor)
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if not steps:
            return
        point = event.position()
        pane_index = self.pane_at(point)
        self.following_fit = False
        self.view_for(pane_index).zoom_at(self.panes()[pane_index], point, WHEEL_STEP**steps)
        self.update()
        self.view_changed.emit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.following_fit:
            self.fit_all()


def _box(first: QPointF, second: QPointF) -> QPolygonF:
    """A dragged box as an outline (the region is always an outline)."""
    return QPolygonF(QRectF(first, second).normalized())
