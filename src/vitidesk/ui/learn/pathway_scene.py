"""The JAK-STAT pathway in the skin, drawn as a QGraphicsScene that lesson steps drive.

A :class:`DiagramState` says what is lit, which signals move, whether the JAK-inhibitor
cream is on and how the melanocyte looks. With the inhibitor on, the signal stops at JAK:
everything downstream goes quiet and the melanocyte recovers.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

from vitidesk.core.diagram_model import ELEMENTS, SIGNALS, DiagramState
from vitidesk.ui.learn.pathway_items import ElementItem, SignalItem

SCENE_RECT = QRectF(0, 0, 1000, 620)
DIMMED_OPACITY = 0.22
MIN_FOCUS_FRACTION = 0.55  # never zoom in so far that the context disappears
# With the cream on, these go quiet: the message never gets past JAK.
DOWNSTREAM_OF_JAK = ("jak_stat", "to_nucleus", "chemokine_release", "recruit", "il15_trm")
QUIET_ELEMENTS = ("stat1", "nucleus", "chemokines", "recruited")

MELANOCYTE_LOOKS = {
    "healthy": ("#8b5a2b", "#4a2e12"),
    "stressed": ("#b0703a", "#e07b00"),
    "under_attack": ("#9a5b35", "#c0262d"),
    "lost": ("#f6e7da", "#b9a597"),
    "recovering": ("#a8703f", "#2f8f5b"),
}


def _ellipse(cx: float, cy: float, w: float, h: float) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(cx, cy), w / 2, h / 2)
    return path


def _rounded(x: float, y: float, w: float, h: float, r: float = 8) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(x, y, w, h), r, r)
    return path


def _curve(*points: tuple[float, float]) -> QPainterPath:
    path = QPainterPath(QPointF(*points[0]))
    rest = [QPointF(*p) for p in points[1:]]
    while len(rest) >= 3:
        path.cubicTo(rest[0], rest[1], rest[2])
        rest = rest[3:]
    for point in rest:
        path.lineTo(point)
    return path


class PathwayScene(QGraphicsScene):
    element_chosen = Signal(str)

    def __init__(self, labels: dict[str, str] | None = None) -> None:
        super().__init__()
        self.setSceneRect(SCENE_RECT)
        self.labels = {**ELEMENTS, **(labels or {})}
        self.elements: dict[str, ElementItem] = {}
        self.signals: dict[str, SignalItem] = {}
        self.state = DiagramState()
        self._draw_skin()
        self._build_elements()
        self._build_signals()
        self.apply(self.state)

    # -- building ------------------------------------------------------------------------
    def _draw_skin(self) -> None:
        surface = QLinearGradient(0, 40, 0, 340)
        surface.setColorAt(0, QColor("#f6e6d3"))
        surface.setColorAt(1, QColor("#efd6bd"))
        self.addRect(QRectF(0, 44, 1000, 296), QPen(Qt.PenStyle.NoPen), surface).setZValue(-10)
        self.addRect(
            QRectF(0, 340, 1000, 280), QPen(Qt.PenStyle.NoPen), QColor("#f7e4e1")
        ).setZValue(-10)
        self.addRect(QRectF(0, 36, 1000, 10), QPen(Qt.PenStyle.NoPen), QColor("#d9b99a")).setZValue(
            -9
        )
        basal = self.addLine(0, 340, 1000, 340, QPen(QColor("#c7a184"), 3, Qt.PenStyle.DashLine))
        basal.setZValue(-9)
        font = QFont()
        font.setPixelSize(14)
        for text, y in (("Top layer of skin (epidermis)", 52), ("Deeper skin (dermis)", 350)):
            label = QGraphicsSimpleTextItem(text)
            label.setFont(font)
            label.setBrush(QColor("#6b4f3a"))
            label.setPos(995 - label.boundingRect().width(), y)
            label.setZValue(-8)
            self.addItem(label)

    def _element(self, key: str, label_pos: tuple[float, float]) -> ElementItem:
        item = ElementItem(key, self.labels[key], QPointF(*label_pos))
        item.chosen.connect(self.element_chosen)
        self.addItem(item)
        self.elements[key] = item
        return item

    def _build_elements(self) -> None:
        follicle = self._element("follicle", (92, 575))
        tube = QPainterPath()
        tube.addRoundedRect(QRectF(62, 40, 44, 480), 20, 20)
        follicle.add_shape(tube, "#f0d2bd", "#b58b6b")
        follicle.add_shape(_ellipse(84, 530, 70, 56), "#e8bfa2", "#a87a57")
        hair = QPainterPath(QPointF(84, 520))
        hair.cubicTo(QPointF(80, 300), QPointF(92, 120), QPointF(70, 4))
        follicle.add_shape(hair, "#00000000", "#5a3b22", 4)

        kerat = self._element("keratinocyte", (690, 122))
        kerat.add_shape(_ellipse(650, 205, 320, 190), "#fbeedd", "#c49a6c", 2.5)
        nucleus = self._element("nucleus", (712, 250))
        nucleus.add_shape(_ellipse(712, 208, 100, 84), "#e6d0f0", "#8a5aa6", 2.5)
        receptor = self._element("receptor", (472, 292))
        fork = QPainterPath(QPointF(496, 215))
        fork.lineTo(470, 215)
        fork.moveTo(470, 215)
        fork.lineTo(452, 196)
        fork.moveTo(470, 215)
        fork.lineTo(452, 234)
        receptor.add_shape(_rounded(488, 190, 18, 50, 6), "#6c8ebf", "#2d4f80")
        receptor.add_shape(fork, "#00000000", "#2d4f80", 5)
        jak = self._element("jak", (548, 152))
        jak.add_shape(_ellipse(530, 198, 34, 24), "#f4a259", "#a45a12")
        jak.add_shape(_ellipse(530, 232, 34, 24), "#f4a259", "#a45a12")
        stat = self._element("stat1", (608, 286))
        stat.add_shape(_rounded(588, 244, 42, 26, 10), "#5fb49c", "#22705a")
        chemokines = self._element("chemokines", (540, 470))
        for cx, cy in ((560, 398), (600, 420), (540, 436)):
            triangle = QPainterPath(QPointF(cx, cy - 10))
            triangle.lineTo(cx + 9, cy + 7)
            triangle.lineTo(cx - 9, cy + 7)
            triangle.closeSubpath()
            chemokines.add_shape(triangle, "#7cc26b", "#3b7a2e")

        melanocyte = self._element("melanocyte", (245, 356))
        body = _ellipse(245, 318, 96, 50)
        dendrites = QPainterPath(QPointF(215, 305))
        dendrites.cubicTo(QPointF(200, 260), QPointF(180, 230), QPointF(170, 196))
        dendrites.moveTo(245, 298)
        dendrites.cubicTo(QPointF(250, 250), QPointF(240, 220), QPointF(250, 176))
        dendrites.moveTo(275, 305)
        dendrites.cubicTo(QPointF(300, 270), QPointF(315, 245), QPointF(330, 214))
        melanocyte.add_shape(dendrites, "#00000000", "#8b5a2b", 6)
        melanocyte.add_shape(body, "#8b5a2b", "#4a2e12", 2.5)

        tcell = self._element("tcell", (356, 180))
        tcell.add_shape(_ellipse(372, 250, 64, 64), "#5b8bd9", "#24508f", 2.5)
        tcell.add_shape(_ellipse(372, 250, 26, 26), "#3a6bbd", "#24508f", 1)
        ifng = self._element("ifng", (436, 156))
        for cx, cy in ((412, 206), (430, 198), (420, 188)):
            ifng.add_shape(_ellipse(cx, cy, 12, 12), "#9c5bd1", "#5e2d8c", 1.2)
        recruited = self._element("recruited", (420, 600))
        for cx, cy in ((380, 540), (460, 560)):
            recruited.add_shape(_ellipse(cx, cy, 54, 54), "#7ea6e6", "#24508f", 2)
            antenna = QPainterPath(QPointF(cx, cy - 27))
            antenna.lineTo(cx, cy - 38)
            antenna.moveTo(cx - 6, cy - 38)
            antenna.lineTo(cx + 6, cy - 38)
            recruited.add_shape(antenna, "#00000000", "#24508f", 3)
        trm = self._element("trm", (900, 262))
        trm.add_shape(_ellipse(900, 212, 60, 60), "#4fa3a5", "#1f6466", 2.5)
        trm.add_shape(_ellipse(900, 212, 24, 24), "#2f7f81", "#1f6466", 1)
        il15 = self._element("il15", (842, 128))
        for cx, cy in ((826, 176), (842, 166)):
            il15.add_shape(_ellipse(cx, cy, 11, 11), "#e8743b", "#99431a", 1.2)

        inhibitor = self._element("inhibitor", (548, 84))
        inhibitor.add_shape(_rounded(504, 180, 58, 72, 14), "#00000000", "#c0262d", 4)
        bar = QPainterPath(QPointF(508, 246))
        bar.lineTo(558, 186)
        inhibitor.add_shape(bar, "#00000000", "#c0262d", 5)
        pointer = QPainterPath(QPointF(548, 112))
        pointer.lineTo(540, 178)
        inhibitor.add_shape(pointer, "#00000000", "#c0262d", 2.5)
        inhibitor.setZValue(6)

    def _build_signals(self) -> None:
        paths = {
            "stress": (_curve((280, 300), (300, 285), (320, 270), (338, 256)), "#e0a100", "dot"),
            "ifng_release": (
                _curve((400, 236), (420, 226), (436, 216), (452, 214)),
                "#9c5bd1",
                "dot",
            ),
            "jak_stat": (_curve((546, 232), (566, 246), (578, 252), (590, 256)), "#f4a259", "dot"),
            "to_nucleus": (
                _curve((630, 254), (650, 240), (662, 226), (668, 214)),
                "#5fb49c",
                "dot",
            ),
            "chemokine_release": (
                _curve((640, 296), (620, 340), (600, 370), (580, 392)),
                "#7cc26b",
                "triangle",
            ),
            "recruit": (_curve((390, 510), (380, 420), (376, 360), (372, 288)), "#5b8bd9", "dot"),
            "il15_trm": (_curve((796, 190), (826, 186), (848, 196), (868, 204)), "#e8743b", "dot"),
            "repigment": (
                _curve((100, 520), (130, 440), (160, 380), (196, 326)),
                "#8b5a2b",
                "dot",
            ),
        }
        for key, (path, colour, particle) in paths.items():
            item = SignalItem(key, path, colour, particle)
            item.setToolTip(SIGNALS[key])
            self.addItem(item)
            self.signals[key] = item

    # -- state ---------------------------------------------------------------------------
    def apply(self, state: DiagramState) -> None:
        self.state = state
        lit = set(state.highlight)
        quiet = set(QUIET_ELEMENTS) if state.inhibitor else set()
        for key, item in self.elements.items():
            if key == "inhibitor":
                item.setVisible(state.inhibitor)
            dim = (lit and key not in lit) or key in quiet
            if state.inhibitor and key in ("melanocyte", "jak", "inhibitor"):
                dim = False  # show the block, and the pigment cell recovering
            item.setOpacity(DIMMED_OPACITY if dim else 1.0)
            item.highlighted = key in lit
            item.update()
        melanocyte_look = "recovering" if state.inhibitor else state.melanocyte
        fill, stroke = MELANOCYTE_LOOKS[melanocyte_look]
        self.elements["melanocyte"].set_colours(0, "#00000000", fill)
        self.elements["melanocyte"].set_colours(1, fill, stroke)
        blocked = state.inhibitor and any(key in DOWNSTREAM_OF_JAK for key in state.animate)
        for key, item in self.signals.items():
            active = key in state.animate
            if state.inhibitor and key in DOWNSTREAM_OF_JAK:
                active = False
            if blocked and key == "ifng_release":
                active = True  # the message still arrives, and stops at the blocked JAK
            item.setVisible(active)

    def focus_rect(self) -> QRectF:
        """The part of the picture a step is about: its lit parts, with room around them."""
        lit = [self.elements[key] for key in self.state.highlight if key in self.elements]
        if lit and self.state.inhibitor:
            lit.append(self.elements["inhibitor"])  # the cream and its label stay in view
        if not lit:
            return self.sceneRect()
        area = QRectF()
        for item in lit:
            area = area.united(item.sceneBoundingRect())
            area = area.united(item.text.sceneBoundingRect())
        for item in self.active_signals():
            area = area.united(item.sceneBoundingRect())
        full = self.sceneRect()
        width = max(area.width() + 80, full.width() * MIN_FOCUS_FRACTION)
        height = max(area.height() + 80, full.height() * MIN_FOCUS_FRACTION)
        focus = QRectF(0, 0, width, height)
        focus.moveCenter(area.center())
        focus.moveLeft(min(max(focus.left(), full.left()), full.right() - focus.width()))
        focus.moveTop(min(max(focus.top(), full.top()), full.bottom() - focus.height()))
        return focus.intersected(full)

    def active_signals(self) -> list[SignalItem]:
        return [item for item in self.signals.values() if item.isVisible()]

    def with_inhibitor(self, on: bool) -> DiagramState:
        return DiagramState(
            highlight=self.state.highlight,
            animate=self.state.animate,
            inhibitor=on,
            melanocyte=self.state.melanocyte,
        )
