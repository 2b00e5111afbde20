"""Icons, fonts, palette and style sheet for the current colour scheme."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

from vitidesk.core.resources import read_text, resource_dir
from vitidesk.ui import theme

if TYPE_CHECKING:
    from vitidesk.ui.app_state import AppState

ICON_INK = "#23465a"  # the line colour the section icons are drawn in; recoloured per scheme


class SchemeIconEngine(QIconEngine):
    """Renders an SVG at exactly the size asked for (sharp on HiDPI screens), with its line
    colour taken from the current scheme, so icons stay visible in light and dark."""

    def __init__(self, svg: str) -> None:
        super().__init__()
        self.svg = svg
        self._cache: dict[tuple[int, int, str, bool], QPixmap] = {}
        self._renderers: dict[tuple[str, bool], QSvgRenderer] = {}

    def clone(self) -> QIconEngine:
        return SchemeIconEngine(self.svg)

    def _renderer(self, disabled: bool) -> QSvgRenderer:
        """Parsed once per scheme and state: paint() runs on every repaint."""
        key = (theme.current_scheme(), disabled)
        if key not in self._renderers:
            ink = theme.colour("disabled" if disabled else "icon").name()
            svg = self.svg.replace(ICON_INK, ink).encode()
            self._renderers[key] = QSvgRenderer(QByteArray(svg))
        return self._renderers[key]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(mode == QIcon.Mode.Disabled).render(painter, rect)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        disabled = mode == QIcon.Mode.Disabled
        key = (
            round(size.width() * scale),
            round(size.height() * scale),
            theme.current_scheme(),
            disabled,
        )
        if key not in self._cache:
            pixmap = QPixmap(key[0], key[1])
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            self._renderer(disabled).render(painter)
            painter.end()
            self._cache[key] = pixmap
        pixmap = QPixmap(self._cache[key])
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)


@cache
def icon(name: str) -> QIcon:
    """An SVG icon from ``resources/icons`` (vector, recoloured for the current scheme)."""
    svg = (resource_dir("icons") / f"{name}.svg").read_text(encoding="utf-8")
    return QIcon(SchemeIconEngine(svg))


def style_sheet(scheme: str) -> str:
    """The style sheet with the scheme's colours and its icon files filled in."""
    filled = theme.fill_template(read_text("styles", "app.qss"), scheme)
    # The folder goes in last: a path may itself contain an at sign.
    return filled.replace("{scheme}", scheme).replace("{icons}", resource_dir("icons").as_posix())


def fix_scheme(widget: QWidget, scheme: str) -> None:
    """Give one window a scheme of its own whatever the app shows (the presenter's audience
    view stays light for projectors); a widget's own style sheet wins over the app's."""
    widget.setPalette(theme.palette_for(scheme))
    widget.setStyleSheet(style_sheet(scheme))


def system_scheme() -> Qt.ColorScheme:
    return QGuiApplication.styleHints().colorScheme()


def apply_scheme(app: QApplication, scheme: str) -> None:
    """Show ``scheme`` ("light" or "dark") everywhere; widgets repaint with its colours."""
    theme.set_current_scheme(scheme)
    app.setPalette(theme.palette_for(scheme))
    app.setStyleSheet(style_sheet(scheme))


def apply_look(app: QApplication, appearance: str = "system") -> None:
    """A slightly larger reading font (relative to the system font, so it scales), the
    Fusion style (the same on every platform, and it honours our palette) and the scheme."""
    font = QFont(app.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(max(font.pointSizeF() * 1.15, 10.5))
    app.setFont(font)
    app.setStyle("Fusion")
    apply_scheme(app, theme.resolve_scheme(appearance, system_scheme()))


class AppearanceFollower(QObject):
    """Keeps the shown scheme in step with the Appearance setting and, when that is
    "system", with the system's light or dark hint as it changes."""

    def __init__(self, app: QApplication, state: AppState) -> None:
        super().__init__(state)
        self.app = app
        self.state = state
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.refresh)
        state.settings_changed.connect(self._setting_changed)
        state.store_replaced.connect(self.refresh)
        self.refresh()

    def _setting_changed(self, name: str) -> None:
        if name == "appearance":
            self.refresh()

    def refresh(self) -> None:
        if self.state.store.closed:
            return
        scheme = theme.resolve_scheme(self.state.settings.appearance, system_scheme())
        if scheme != theme.current_scheme():
            apply_scheme(self.app, scheme)
