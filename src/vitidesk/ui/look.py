"""Icons, fonts and the style sheet, loaded from package data."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from vitidesk.core.resources import read_text, resource_dir


@cache
def icon(name: str) -> QIcon:
    """An SVG icon from ``resources/icons`` (vector, so sharp at any scale)."""
    return QIcon(str(resource_dir("icons") / f"{name}.svg"))


def style_sheet() -> str:
    return read_text("styles", "app.qss")


def apply_look(app: QApplication) -> None:
    """A slightly larger reading font (relative to the system font, so it scales) and the style."""
    font = QFont(app.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(max(font.pointSizeF() * 1.15, 10.5))
    app.setFont(font)
    app.setStyleSheet(style_sheet())
