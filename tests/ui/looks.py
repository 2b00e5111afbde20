"""Run part of a test with VitiDesk's real look (style, palette, style sheet, larger font), then
put the session QApplication back exactly as it was, so later tests are unaffected."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication

from vitidesk.ui import look, theme


@contextmanager
def look_applied(app: QApplication, scheme: str = "light") -> Iterator[QApplication]:
    palette, sheet, style, font = app.palette(), app.styleSheet(), app.style().name(), app.font()
    look.apply_look(app, scheme)
    try:
        yield app
    finally:
        theme.set_current_scheme("light")
        app.setStyle(style)
        app.setPalette(palette)
        app.setStyleSheet(sheet)
        app.setFont(font)
