"""The frame every section page uses: a title, a lead sentence, then cards, all scrollable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

MAX_READING_WIDTH = 880


def wrapped_label(text: str, object_name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if object_name:
        label.setObjectName(object_name)
    return label


def link_button(text: str, accessible_name: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setObjectName("LinkButton")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setAccessibleName(accessible_name or text)
    return button


def text_scroll_area(content: QWidget, accessible_name: str) -> QScrollArea:
    """A frameless, vertical-only scroll area for wrapped text. Its height follows
    heightForWidth at the real width, so there is no empty tail and no needless scrollbar."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    content.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
    scroll.setWidget(content)
    scroll.setAccessibleName(accessible_name)
    return scroll


class Card(QFrame):
    """A white panel with a heading; add content to ``card.body``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 18)
        layout.setSpacing(10)
        heading = wrapped_label(title, "CardTitle")
        heading.setAccessibleName(title)
        layout.addWidget(heading)
        self.body = layout

    def add_text(self, text: str, object_name: str = "") -> QLabel:
        label = wrapped_label(text, object_name)
        self.body.addWidget(label)
        return label


class SectionPage(QScrollArea):
    """A scrollable page with a title and a lead; add cards with :meth:`add`."""

    def __init__(self, title: str, lead: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(title)
        inner = QWidget()
        inner.setObjectName("PageInner")
        column = QVBoxLayout(inner)
        column.setContentsMargins(36, 28, 36, 28)
        column.setSpacing(16)
        column.setSizeConstraint(QLayout.SizeConstraint.SetDefaultConstraint)
        self.title_label = wrapped_label(title, "PageTitle")
        self.lead_label = wrapped_label(lead, "PageLead")
        column.addWidget(self.title_label)
        column.addWidget(self.lead_label)
        self._column = column
        column.addStretch(1)
        inner.setMaximumWidth(MAX_READING_WIDTH + 72)
        # Height comes from heightForWidth at the real width. Without this the scroll area
        # would use the minimum size hint, where wrapped text is laid out at its narrowest
        # (tallest), leaving a long empty scroll below the last card.
        inner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.setWidget(inner)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def add(self, widget: QWidget) -> QWidget:
        self._column.insertWidget(self._column.count() - 1, widget)
        return widget
