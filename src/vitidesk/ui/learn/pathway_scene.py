"""The JAK-STAT pathway in the skin, drawn as a QGraphicsScene that lesson steps drive.

A :class:`DiagramState` says what is lit, which signals move, whether the JAK-inhibitor
cream is on and how the melanocyte looks. With the inhibitor on, the signal stops at JAK:
everything downstream goes quiet and the melanocyte recovers.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

from vitidesk.core.diagram_model import ELEMENTS, SIGNALS, DiagramState
from vitidesk.ui.learn.label_placement import LabelRequest, place_labels, wrapped
from vitidesk.ui.learn.pathway_items import ElementItem, SignalItem, label_font, outline_of
from vitidesk.ui.theme import colour

# Wide rather than tall: on a small screen the lesson's words get most of the height, and a
# wide picture stays large (and its labels legible) in a short strip.
SCENE_RECT = QRectF(0, 0, 1240, 440)
SURFACE_BOTTOM = 12  # the skin's horny outer layer: a thin strip along the top
BASAL_Y = 300  # where the top layer of skin (epidermis) meets the deeper skin (dermis)
LAYER_FONT_PX = 22
DIMMED_OPACITY = 0.22
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

# The skin and the pale cells, per colour scheme; the card around them is the scheme's own.
SKIN_LOOKS = {
    "light": {
        "surface": "#d9b99a",
        "epidermis_top": "#f6e6d3",
        "epidermis_bottom": "#efd6bd",
        "dermis": "#f7e4e1",
        "basal": "#c7a184",
        "layer_text": "#6b4f3a",
        "keratinocyte": "#fbeedd",
        "nucleus": "#e6d0f0",
        "follicle": "#f0d2bd",
        "bulb": "#e8bfa2",
    },
    "dark": {
        "surface": "#6b5442",
        "epidermis_top": "#3e342d",
        "epidermis_bottom": "#483b31",
        "dermis": "#3e3034",
        "basal": "#a08066",
        "layer_text": "#e0cbb8",
        "keratinocyte": "#5a4b3e",
        "nucleus": "#5d4a6c",
        "follicle": "#5e4738",
        "bulb": "#6e5242",
    },
}

# Which side of its part each label prefers, best first; labels are placed in this order.
LABEL_SIDES: dict[str, tuple[str, ...]] = {
    "epidermis": ("inside_top_right",),
    "dermis": ("inside_bottom_right",),
    "inhibitor": ("above",),
    "keratinocyte": ("inside_top_right", "inside_top", "below"),
    "melanocyte": ("below", "left", "right"),
    "tcell": ("above", "left", "below"),
    "ifng": ("above", "below", "right"),
    "receptor": ("below", "left", "above"),
    "jak": ("below", "above"),
    "stat1": ("below", "above", "right"),
    "nucleus": ("below", "inside_bottom", "above"),
    "chemokines": ("right", "below", "left"),
    "recruited": ("below", "left", "right"),
    "trm": ("below", "above"),
    "il15": ("above", "left", "right"),
    "follicle": ("right", "below"),
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


def _triangle(cx: float, cy: float) -> QPainterPath:
    path = QPainterPath(QPointF(cx, cy - 10))
    path.lineTo(cx + 9, cy + 7)
    path.lineTo(cx - 9, cy + 7)
    path.closeSubpath()
    return path


class PathwayScene(QGraphicsScene):
    element_chosen = Signal(str)

    def __init__(self, labels: dict[str, str] | None = None, scheme: str = "light") -> None:
        super().__init__()
        self.setSceneRect(SCENE_RECT)
        self.labels = {**ELEMENTS, **(labels or {})}
        self.elements: dict[str, ElementItem] = {}
        self.signals: dict[str, SignalItem] = {}
        self.layer_labels: dict[str, QGraphicsSimpleTextItem] = {}
        self.state = DiagramState()
        self.scheme = ""
        self._draw_skin()
        self._build_elements()
        self._build_signals()
        self.place_labels()
        self.set_scheme(scheme)
        self.apply(self.state)

    # -- building ------------------------------------------------------------------------
    def _draw_skin(self) -> None:
        no_pen = QPen(Qt.PenStyle.NoPen)
        width, height = SCENE_RECT.width(), SCENE_RECT.height()
        self.epidermis = self.addRect(QRectF(0, SURFACE_BOTTOM, width, BASAL_Y - SURFACE_BOTTOM))
        self.dermis = self.addRect(QRectF(0, BASAL_Y, width, height - BASAL_Y))
        self.surface = self.addRect(QRectF(0, 0, width, SURFACE_BOTTOM))
        self.basal = self.addLine(0, BASAL_Y, width, BASAL_Y)
        for z, layer in enumerate((self.epidermis, self.dermis, self.surface, self.basal)):
            layer.setZValue(-10 + z * 0.1)
        for area in (self.epidermis, self.dermis, self.surface):
            area.setPen(no_pen)
        for key, text in (
            ("epidermis", self.tr("Top layer of skin (epidermis)")),
            ("dermis", self.tr("Deeper skin (dermis)")),
        ):
            label = QGraphicsSimpleTextItem(text)
            label.setFont(label_font(LAYER_FONT_PX, bold=False))
            label.setZValue(-8)
            self.addItem(label)
            self.layer_labels[key] = label

    def _element(self, key: str) -> ElementItem:
        item = ElementItem(key, self.labels[key])
        item.chosen.connect(self.element_chosen)
        self.addItem(item)
        self.elements[key] = item
        return item

    def _build_elements(self) -> None:
        follicle = self._element("follicle")
        follicle.add_shape(_rounded(46, 0, 40, 380, 18), "#f0d2bd", "#b58b6b")
        follicle.add_shape(_ellipse(66, 392, 72, 50), "#e8bfa2", "#a87a57")
        follicle.add_shape(
            _curve((66, 384), (60, 250), (74, 115), (58, 2)), "#00000000", "#5a3b22", 4
        )
        follicle.label_anchor = 1  # the bulb, deep in the skin, is where new pigment cells wait

        kerat = self._element("keratinocyte")
        kerat.add_shape(_rounded(612, 52, 384, 236, 44), "#fbeedd", "#c49a6c", 2.5, container=True)
        nucleus = self._element("nucleus")
        nucleus.add_shape(_ellipse(904, 174, 112, 88), "#e6d0f0", "#8a5aa6", 2.5)
        receptor = self._element("receptor")
        fork = QPainterPath(QPointF(604, 187))
        fork.lineTo(588, 187)
        fork.moveTo(588, 187)
        fork.lineTo(574, 171)
        fork.moveTo(588, 187)
        fork.lineTo(574, 203)
        receptor.add_shape(_rounded(604, 163, 16, 48, 6), "#6c8ebf", "#2d4f80")
        receptor.add_shape(fork, "#00000000", "#2d4f80", 5)
        jak = self._element("jak")
        jak.add_shape(_ellipse(652, 170, 34, 24), "#f4a259", "#a45a12")
        jak.add_shape(_ellipse(652, 204, 34, 24), "#f4a259", "#a45a12")
        stat = self._element("stat1")
        stat.add_shape(_rounded(728, 150, 46, 26, 10), "#5fb49c", "#22705a")
        chemokines = self._element("chemokines")
        for cx, cy in ((862, 330), (898, 346), (852, 364)):
            chemokines.add_shape(_triangle(cx, cy), "#7cc26b", "#3b7a2e")

        melanocyte = self._element("melanocyte")
        dendrites = QPainterPath(QPointF(204, 284))
        dendrites.cubicTo(QPointF(190, 246), QPointF(174, 220), QPointF(168, 190))
        dendrites.moveTo(236, 276)
        dendrites.cubicTo(QPointF(240, 236), QPointF(232, 210), QPointF(244, 170))
        dendrites.moveTo(266, 284)
        dendrites.cubicTo(QPointF(288, 254), QPointF(304, 232), QPointF(318, 204))
        melanocyte.add_shape(dendrites, "#00000000", "#8b5a2b", 6)
        melanocyte.add_shape(_ellipse(236, 296, 100, 46), "#8b5a2b", "#4a2e12", 2.5)

        tcell = self._element("tcell")
        tcell.add_shape(_ellipse(400, 222, 66, 66), "#5b8bd9", "#24508f", 2.5)
        tcell.add_shape(_ellipse(400, 222, 26, 26), "#3a6bbd", "#24508f", 1)
        ifng = self._element("ifng")
        for cx, cy in ((452, 196), (466, 186), (456, 174)):
            ifng.add_shape(_ellipse(cx, cy, 12, 12), "#9c5bd1", "#5e2d8c", 1.2)
        recruited = self._element("recruited")
        for cx, cy in ((420, 384), (494, 398)):
            recruited.add_shape(_ellipse(cx, cy, 52, 52), "#7ea6e6", "#24508f", 2)
            antenna = QPainterPath(QPointF(cx, cy - 26))
            antenna.lineTo(cx, cy - 36)
            antenna.moveTo(cx - 6, cy - 36)
            antenna.lineTo(cx + 6, cy - 36)
            recruited.add_shape(antenna, "#00000000", "#24508f", 3)
        trm = self._element("trm")
        trm.add_shape(_ellipse(1146, 206, 60, 60), "#4fa3a5", "#1f6466", 2.5)
        trm.add_shape(_ellipse(1146, 206, 24, 24), "#2f7f81", "#1f6466", 1)
        il15 = self._element("il15")
        for cx, cy in ((1050, 128), (1064, 118)):
            il15.add_shape(_ellipse(cx, cy, 11, 11), "#e8743b", "#99431a", 1.2)

        inhibitor = self._element("inhibitor")
        inhibitor.add_shape(_rounded(626, 147, 52, 80, 14), "#00000000", "#c0262d", 4)
        bar = QPainterPath(QPointF(630, 221))
        bar.lineTo(674, 153)
        inhibitor.add_shape(bar, "#00000000", "#c0262d", 5)
        inhibitor.setZValue(6)

    def _build_signals(self) -> None:
        paths = {
            "stress": (_curve((282, 282), (310, 268), (338, 254), (364, 240)), "#e0a100", "dot"),
            "ifng_release": (
                _curve((440, 214), (490, 204), (536, 194), (570, 189)),
                "#9c5bd1",
                "dot",
            ),
            "jak_stat": (_curve((670, 178), (688, 170), (706, 166), (724, 163)), "#f4a259", "dot"),
            "to_nucleus": (
                _curve((778, 163), (804, 166), (826, 172), (844, 178)),
                "#5fb49c",
                "dot",
            ),
            "chemokine_release": (
                _curve((850, 282), (852, 294), (856, 304), (860, 314)),
                "#7cc26b",
                "triangle",
            ),
            "recruit": (_curve((424, 342), (416, 312), (408, 286), (402, 262)), "#5b8bd9", "dot"),
            "il15_trm": (
                _curve((1004, 150), (1050, 160), (1090, 176), (1120, 190)),
                "#e8743b",
                "dot",
            ),
            "repigment": (
                _curve((96, 374), (126, 348), (156, 326), (184, 306)),
                "#8b5a2b",
                "dot",
            ),
        }
        for key, (path, colour_name, particle) in paths.items():
            item = SignalItem(key, path, colour_name, particle)
            item.setToolTip(SIGNALS[key])
            self.addItem(item)
            self.signals[key] = item

    # -- labels --------------------------------------------------------------------------
    def obstacles(self) -> list[QPainterPath]:
        """Everything a label must keep clear of: shapes, signal paths, the skin's lines."""
        surface = QPainterPath()
        surface.addRect(self.surface.rect())
        basal = QPainterPath(QPointF(0, BASAL_Y))
        basal.lineTo(SCENE_RECT.width(), BASAL_Y)
        found = [surface, outline_of(basal, 4)]
        for item in self.elements.values():
            found += item.obstacles()
        found += [item.obstacle() for item in self.signals.values()]
        return found

    def place_labels(self) -> None:
        """Put every label where it touches nothing (see :mod:`label_placement`)."""
        anchors = {key: item.label_anchor_rect() for key, item in self.elements.items()}
        anchors["epidermis"] = self.epidermis.rect()
        anchors["dermis"] = self.dermis.rect()
        texts = self.all_labels()
        variants = {key: (item.text(), wrapped(item.text())) for key, item in texts.items()}
        requests = []
        for key, sides in LABEL_SIDES.items():
            sizes = []
            for text in variants[key]:
                texts[key].setText(text)
                sizes.append(texts[key].boundingRect().size())
            requests.append(LabelRequest(key, tuple(sizes), anchors[key], sides))
        for key, placement in place_labels(requests, SCENE_RECT, self.obstacles()).items():
            label = texts[key]
            label.setText(variants[key][placement.variant])
            label.setPos(placement.rect.topLeft() - label.boundingRect().topLeft())

    def all_labels(self) -> dict[str, QGraphicsSimpleTextItem]:
        return {key: item.text for key, item in self.elements.items()} | self.layer_labels

    # -- colours -------------------------------------------------------------------------
    def set_scheme(self, scheme: str) -> None:
        """Colour the skin for ``scheme``; the card the picture sits on is the scheme's."""
        if scheme == self.scheme:
            return
        self.scheme = scheme
        look = SKIN_LOOKS[scheme]
        self.card_colour = colour("base", scheme)
        self.setBackgroundBrush(self.card_colour)
        gradient = QLinearGradient(0, SURFACE_BOTTOM, 0, BASAL_Y)
        gradient.setColorAt(0, QColor(look["epidermis_top"]))
        gradient.setColorAt(1, QColor(look["epidermis_bottom"]))
        self.epidermis.setBrush(QBrush(gradient))
        self.dermis.setBrush(QColor(look["dermis"]))
        self.surface.setBrush(QColor(look["surface"]))
        self.basal.setPen(QPen(QColor(look["basal"]), 3, Qt.PenStyle.DashLine))
        for label in self.layer_labels.values():
            label.setBrush(QColor(look["layer_text"]))
        ink = colour("text", scheme)
        for item in self.elements.values():
            item.text.setBrush(ink)
        kerat = self.elements["keratinocyte"]
        kerat.set_colours(0, look["keratinocyte"], kerat.shapes[0][2].name())
        nucleus = self.elements["nucleus"]
        nucleus.set_colours(0, look["nucleus"], nucleus.shapes[0][2].name())
        follicle = self.elements["follicle"]
        follicle.set_colours(0, look["follicle"], follicle.shapes[0][2].name())
        follicle.set_colours(1, look["bulb"], follicle.shapes[1][2].name())
        self.update()

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
        for key, signal in self.signals.items():
            active = key in state.animate
            if state.inhibitor and key in DOWNSTREAM_OF_JAK:
                active = False
            if blocked and key == "ifng_release":
                active = True  # the message still arrives, and stops at the blocked JAK
            signal.setVisible(active)

    def active_signals(self) -> list[SignalItem]:
        return [item for item in self.signals.values() if item.isVisible()]
