"""The key under the comparison canvas: what each colour drawn on the photos means, in words.

It follows the canvas: "what is counted" (the estimate's pink and blue), the measured region,
and what the overlay and difference modes show. The swatches are painted with the very colours
the canvas uses, so the key and the picture cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from vitidesk.ui.compare.canvas import (
    DIFFERENCE_CHANGED,
    DIFFERENCE_SAME,
    MASK_COLOURS,
    PATCH_MARK,
    REGION_COLOUR,
    SKIN_MARK,
    CompareCanvas,
)
from vitidesk.ui.compare.flow_layout import FlowLayout
from vitidesk.ui.theme import colour
from vitidesk.ui.widgets.page import wrapped_label

SWATCH_PX = 16


@dataclass(frozen=True)
class Entry:
    text: str
    colour: QColor | None = None  # None: words only
    dashed: bool = False  # drawn as a dashed outline, like the measured region


class Swatch(QWidget):
    """A small square of one canvas colour (opaque: the canvas draws it see-through)."""

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.colour = QColor(entry.colour)
        self.dashed = entry.dashed
        self.setFixedSize(SWATCH_PX, SWATCH_PX)

    def sizeHint(self) -> QSize:
        return QSize(SWATCH_PX, SWATCH_PX)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        box = self.rect().adjusted(1, 1, -1, -1)
        if self.dashed:
            painter.fillRect(box, QColor("#1f2529"))
            painter.setPen(QPen(self.colour, 2, Qt.PenStyle.DashLine))
            painter.drawRect(box.adjusted(2, 2, -2, -2))
        else:
            opaque = QColor(self.colour)
            opaque.setAlpha(255)
            painter.fillRect(box, opaque)
            painter.setPen(QPen(colour("input_border"), 1))
            painter.drawRect(box)
        painter.end()


class EntryWidget(QWidget):
    """One key entry: its swatch (if it has a colour) and its words, on one line if they fit."""

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.swatch = Swatch(entry) if entry.colour is not None else None
        if self.swatch is not None:
            row.addWidget(self.swatch, 0, Qt.AlignmentFlag.AlignTop)
        self.label = wrapped_label(entry.text)
        self.label.setObjectName("LegendText")
        row.addWidget(self.label, 1)

    def sizeHint(self) -> QSize:
        """As wide as the words on one line: the flow layout wraps them only if it must."""
        words = self.label.fontMetrics().horizontalAdvance(self.label.text()) + 4
        swatch = SWATCH_PX + 6 if self.swatch is not None else 0
        return QSize(swatch + words, self.heightForWidth(swatch + words))


class CompareLegend(QFrame):
    """The key under the canvas; hidden when nothing on the photos needs one."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("CompareLegend")
        self.setAccessibleName(self.tr("Colour key"))
        self.flow = FlowLayout(self, spacing=18)
        self.flow.setContentsMargins(2, 6, 2, 0)
        self.entries: list[Entry] = []
        self.widgets: list[EntryWidget] = []
        self.hide()

    def entries_for(self, canvas: CompareCanvas, dates: tuple[str, str]) -> list[Entry]:
        """What the canvas shows now, one entry per colour, each with its words."""
        before, after = dates
        entries: list[Entry] = []
        if canvas.mode == "overlay":
            entries.append(
                Entry(
                    self.tr("Overlay: {1} see-through on {0} (slider above)").format(before, after)
                )
            )
        if canvas.mode == "difference":
            entries.append(Entry(self.tr("Black: looks the same on both dates"), DIFFERENCE_SAME))
            entries.append(
                Entry(
                    self.tr(
                        "Bright: looks different (a patch or the light changed, or the photos "
                        "are not lined up)"
                    ),
                    DIFFERENCE_CHANGED,
                )
            )
        elif canvas.masks_drawn():
            names = (self.tr("Pink"), self.tr("Blue"))
            words = (self.tr("before"), self.tr("after"))
            for index, date in enumerate((before, after)):
                if canvas.masks[index] is not None:
                    text = self.tr("{0}: counted as a light patch, {1} ({2})")
                    entries.append(
                        Entry(text.format(names[index], date, words[index]), MASK_COLOURS[index])
                    )
        if canvas.region is not None:
            text = (
                self.tr("Yellow dashed box: the area measured")
                if canvas.region_kind == "box"
                else self.tr("Yellow dashed outline: the area measured")
            )
            entries.append(Entry(text, REGION_COLOUR, True))
        if canvas.mode == "side":
            kinds = {patch for marks in canvas.marks for patch, _points, _r in marks}
            if True in kinds:
                entries.append(Entry(self.tr("White +: your marks inside a patch"), PATCH_MARK))
            if False in kinds:
                entries.append(Entry(self.tr("Black −: your marks on normal skin"), SKIN_MARK))
        return entries

    def follow(self, canvas: CompareCanvas, dates: tuple[str, str]) -> None:
        self.show_entries(self.entries_for(canvas, dates))

    def show_entries(self, entries: list[Entry]) -> None:
        if entries == self.entries:
            return
        self.entries = entries
        for widget in self.widgets:
            self.flow.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.widgets = [EntryWidget(entry) for entry in entries]
        for widget in self.widgets:
            self.flow.addWidget(widget)
        self.setVisible(bool(entries))
        self.updateGeometry()

    @property
    def swatches(self) -> list[Swatch]:
        return [w.swatch for w in self.widgets if w.swatch is not None]

    def texts(self) -> list[str]:
        return [widget.label.text() for widget in self.widgets]
