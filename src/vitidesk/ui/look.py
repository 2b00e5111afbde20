"""Icons, fonts and the style sheet, loaded from package data."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from vitidesk.core.resources import read_text, resource_dir


@cache
def icon(name: str) -> QIcon:
    """An SVG icon from ``resources/icons`` (vector, so sharp at any scale)."""
    return QIcon(str(resource_dir("icons") / f"{name}.svg"))


def style_sheet() -> str:
    return read_text("styles", "app.qss")


LIGHT_PALETTE = {
    "Window": "#f7f8fa",
    "WindowText": "#1c2733",
    "Base": "#ffffff",
    "AlternateBase": "#eef2f4",
    "Text": "#1c2733",
    "Button": "#ffffff",
    "ButtonText": "#1c2733",
    "BrightText": "#ffffff",
    "Highlight": "#1f6f78",
    "HighlightedText": "#ffffff",
    "ToolTipBase": "#fffbe6",
    "ToolTipText": "#1c2733",
    "Link": "#0b5cad",
    "PlaceholderText": "#5d6a74",
}


def light_palette() -> QPalette:
    """Our own light palette, so every widget is readable whatever the system theme is
    (the style sheet assumes light backgrounds; a dark scheme is not designed yet)."""
    palette = QPalette()
    for role, colour in LIGHT_PALETTE.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    disabled = QColor("#7a868f")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_look(app: QApplication) -> None:
    """A slightly larger reading font (relative to the system font, so it scales) and the style."""
    font = QFont(app.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(max(font.pointSizeF() * 1.15, 10.5))
    app.setFont(font)
    app.setStyle("Fusion")
    app.setPalette(light_palette())
    app.setStyleSheet(style_sheet())
