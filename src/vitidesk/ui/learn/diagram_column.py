"""The pathway diagram above the step's words, sharing one column's height by rule.

The diagram never needs more height than its full width gives it (the whole scene is always
shown, aspect kept). The words get what they need below it; when both cannot have all they
want, the words get the larger share and the diagram shrinks (it stays whole, only smaller).
Where nobody can scroll (the projector), the words are set smaller until they fit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QTextBrowser, QWidget

from vitidesk.ui.learn.pathway_view import PathwayView

SPACING = 8


def text_height(text: QTextBrowser, width: int) -> int:
    """The height ``text`` needs to show all its words at ``width``, frame and padding included."""
    frame = max(text.height() - text.viewport().height(), 2 * text.frameWidth())
    side = max(text.width() - text.viewport().width(), 2 * text.frameWidth())
    document = text.document().clone()
    document.setTextWidth(max(width - side, 1))
    return int(document.size().height()) + frame + 2


class DiagramColumn(QWidget):
    """Lays out ``view``, an optional ``middle`` row (controls, caption) and ``text``."""

    def __init__(
        self,
        view: PathwayView,
        text: QTextBrowser,
        middle: QWidget | None = None,
        *,
        diagram_share_when_tight: float,
        fit_text: Callable[[int], None] | None = None,
        smallest_text_px: int = 14,
        largest_text_px: int = 0,
    ) -> None:
        super().__init__()
        self.view = view
        self.text = text
        self.middle = middle
        self.share = diagram_share_when_tight
        self.fit_text = fit_text  # sets the words at a pixel size (projector: no scrolling)
        self.smallest_text_px = smallest_text_px
        self.largest_text_px = largest_text_px
        self.text_px = largest_text_px
        for child in (view, middle, text):
            if child is not None:
                child.setParent(self)
        text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if fit_text is not None:
            text.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    # -- the rule --------------------------------------------------------------------------
    def _middle_height(self, width: int) -> int:
        if self.middle is None or not self.middle.isVisibleTo(self):
            return 0
        if self.middle.hasHeightForWidth():
            return self.middle.heightForWidth(width) + SPACING
        return self.middle.sizeHint().height() + SPACING

    def split(self, width: int, height: int) -> tuple[int, int]:
        """Heights for the diagram and the words in a column of ``width`` x ``height``."""
        available = max(height - self._middle_height(width) - SPACING, 0)
        scene = self.view.sceneRect()
        whole_width = int(width * scene.height() / scene.width()) + 6  # fitInView keeps 2 px
        floor = min(whole_width, int(available * self.share))
        floor = max(floor, self.view.minimumHeight())
        if self.fit_text is not None and self.largest_text_px:
            self.text_px = self.largest_text_px
            self.fit_text(self.text_px)
        wanted = text_height(self.text, width)
        diagram = max(floor, min(whole_width, available - wanted))
        if self.fit_text is not None:
            room = available - diagram
            while self.text_px > self.smallest_text_px and text_height(self.text, width) > room:
                self.text_px -= 1
                self.fit_text(self.text_px)
            # Still too long at the smallest readable size: the picture gives way (it only
            # gets smaller; the words cannot be scrolled on a projector).
            needed = text_height(self.text, width)
            if needed > room:
                diagram = max(self.view.minimumHeight(), available - needed)
        return diagram, max(available - diagram, 0)

    def relayout(self) -> None:
        width, height = self.width(), self.height()
        if width <= 0 or height <= 0:
            return
        diagram, words = self.split(width, height)
        # Only as wide as the scaled picture: no empty bands beside it.
        scene = self.view.sceneRect()
        picture = min(width, int(diagram * scene.width() / scene.height()) + 6)
        self.view.setGeometry((width - picture) // 2, 0, picture, diagram)
        top = diagram + SPACING
        if self.middle is not None and self.middle.isVisibleTo(self):
            middle = self._middle_height(width) - SPACING
            self.middle.setGeometry(0, top, width, middle)
            top += middle + SPACING
        self.text.setGeometry(0, top, width, words)  # the view refits itself as it resizes
        if self.fit_text is not None:  # what the laid-out words really need has the last say
            bar = self.text.verticalScrollBar()
            while bar.maximum() > 0 and self.text_px > self.smallest_text_px:
                self.text_px -= 1
                self.fit_text(self.text_px)
            if bar.maximum() > 0 and diagram > self.view.minimumHeight():
                shrink = min(bar.maximum() + 2, diagram - self.view.minimumHeight())
                self.view.setGeometry(self.view.x(), 0, self.view.width(), diagram - shrink)
                self.text.setGeometry(0, top - shrink, width, words + shrink)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.relayout()

    def minimumSizeHint(self) -> QSize:
        width = max(self.view.minimumWidth(), self.text.minimumWidth(), 200)
        height = self.view.minimumHeight() + self.text.minimumHeight() + 2 * SPACING
        if self.middle is not None:
            height += self.middle.minimumSizeHint().height()
        return QSize(width, height)

    def sizeHint(self) -> QSize:
        return QSize(800, 600)
