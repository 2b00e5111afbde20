"""The main window: sidebar, the current section, the demo banner and a privacy footer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QPaintEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMainWindow, QVBoxLayout, QWidget

from vitidesk import APP_NAME
from vitidesk.ui.about_dialog import privacy_text
from vitidesk.ui.app_state import AppState
from vitidesk.ui.look import icon
from vitidesk.ui.navigation import Sidebar
from vitidesk.ui.sections import LazyStack, sections
from vitidesk.ui.shortcuts import StandardKey, bind
from vitidesk.ui.widgets.page import link_button, wrapped_label

if TYPE_CHECKING:
    from vitidesk.ui.wellbeing.reminder import DueBanner

DEFAULT_SIZE = (1180, 760)


class MainWindow(QMainWindow):
    first_painted = Signal()

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self._painted = False
        self._watching_screen = False
        self._set_title(state.demo)
        self.setWindowIcon(icon("vitidesk"))
        self.specs = sections()
        self.sidebar = Sidebar(self.specs)
        self.stack = LazyStack(state, self.specs)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        if state.demo:
            column.addWidget(self._demo_banner())
        self.due_holder = QVBoxLayout()
        self.due_holder.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.due_holder)
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        column.addLayout(row, 1)
        column.addWidget(self._footer())
        self.setCentralWidget(central)
        self.sidebar.section_chosen.connect(self._show_section)
        self.sidebar.help_requested.connect(self.show_help)
        self.sidebar.about_requested.connect(self.show_about)
        for number in range(1, len(self.specs) + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda index=number - 1: self.sidebar.select(index))
        bind(self, [StandardKey.HelpContents], self.show_shortcuts)
        bind(self, ["Ctrl+Q"], self.close)  # Cmd+Q on macOS; not every platform theme has Quit
        self._restore_geometry()
        start = state.settings.last_section
        # The first section's page is built right after the first frame, so the window
        # appears at once; every later switch builds (once) on demand.
        self._defer_build = True
        self.sidebar.select(start if 0 <= start < len(self.specs) else 0)
        self._defer_build = False
        self.first_painted.connect(lambda: QTimer.singleShot(0, self.current_page))
        self.first_painted.connect(lambda: QTimer.singleShot(0, self._add_due_banner))
        self.due_banner: DueBanner | None = None
        self.sidebar.list.setFocus()

    # -- pieces --------------------------------------------------------------------------
    def _set_title(self, demo: bool) -> None:
        """ "VitiDesk — Demo" once. Window managers get "<title> — <display name>" unless the
        title already ends with the display name, so the display name carries the demo mark
        (dialogs then read "Get help now — VitiDesk — Demo")."""
        title = self.tr("VitiDesk — Demo") if demo else APP_NAME
        QGuiApplication.setApplicationDisplayName(title)
        self.setWindowTitle(title)

    def _demo_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("DemoBanner")
        row = QHBoxLayout(banner)
        row.setContentsMargins(16, 8, 16, 8)
        text = wrapped_label(
            self.tr(
                "Demo profile: sample data only, for showing VitiDesk. "
                "Your own data are not opened."
            )
        )
        text.setAccessibleName(self.tr("Demo mode"))
        row.addWidget(text, 1)
        reset = link_button(self.tr("Reset demo"))
        reset.clicked.connect(self.reset_demo)
        row.addWidget(reset)
        self.demo_banner = banner
        return banner

    def _footer(self) -> QFrame:
        footer = QFrame()
        footer.setObjectName("FooterBar")
        row = QHBoxLayout(footer)
        row.setContentsMargins(16, 4, 12, 4)
        row.addWidget(wrapped_label(privacy_text()), 1)
        disclaimer = link_button(self.tr("Not medical advice: read the disclaimer"))
        disclaimer.clicked.connect(self.show_about)
        row.addWidget(disclaimer, 0, Qt.AlignmentFlag.AlignRight)
        return footer

    def _add_due_banner(self) -> None:
        """The check-in reminder banner (built after the first frame: it reads the store)."""
        if self.due_banner is not None:
            return
        if self.state.store.closed:  # a restore is swapping the data in: add it once reopened
            self.state.store_replaced.connect(
                self._add_due_banner, Qt.ConnectionType.SingleShotConnection
            )
            return
        from vitidesk.ui.wellbeing.reminder import DueBanner

        banner = self.due_banner = DueBanner(self.state)
        banner.open_requested.connect(lambda: self.sidebar.select(2))
        self.due_holder.addWidget(banner)
        banner.refresh()

    # -- behaviour -----------------------------------------------------------------------
    def _show_section(self, index: int) -> None:
        self.stack.show_section(index, defer=self._defer_build)
        if self.state.settings.last_section != index:
            self.state.set_setting("last_section", index)

    def bring_to_front(self) -> None:
        """Another launch asked for this window: show it, un-minimised, on top."""
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def current_page(self) -> QWidget:
        """The page on show, built if it was still waiting for the first frame."""
        return self.stack.build_current()

    def current_section_key(self) -> str:
        return self.specs[self.stack.currentIndex()].key

    # Dialogs are imported when first used: they are not needed to paint the first frame.
    def show_help(self) -> None:
        from vitidesk.ui.help_dialog import GetHelpDialog

        GetHelpDialog(self.state, self).exec()

    def show_shortcuts(self) -> None:
        from vitidesk.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog([spec.title for spec in self.specs], self).exec()

    def show_about(self) -> None:
        from vitidesk.ui.about_dialog import AboutDialog

        AboutDialog(str(self.state.paths.data_dir), self).exec()

    def reset_demo(self) -> None:
        from vitidesk.ui.demo_actions import reset_demo_profile

        reset_demo_profile(self.state, self)

    def fit_to_screen(self) -> None:
        """The window never grows past the screen it is on: no page may push it wider or
        taller than the screen (a saved size from a bigger screen is shrunk too)."""
        screen = self.screen()
        if screen is None:
            return
        frame = self.frameGeometry().size() - self.size()
        limit = screen.availableGeometry().size() - frame
        self.setMaximumSize(limit)
        if self.width() > limit.width() or self.height() > limit.height():
            self.resize(min(self.width(), limit.width()), min(self.height(), limit.height()))

    def _restore_geometry(self) -> None:
        saved = self.state.settings.window_geometry
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            self.fit_to_screen()
            return
        screen = self.screen().availableGeometry()
        width = min(DEFAULT_SIZE[0], screen.width())
        height = min(DEFAULT_SIZE[1], screen.height())
        self.resize(width, height)
        self.move(screen.center().x() - width // 2, screen.center().y() - height // 2)

    def save_geometry(self) -> None:
        encoded = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.state.set_setting("window_geometry", encoded)

    # -- Qt overrides --------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        handle = self.windowHandle()
        if handle is not None and not self._watching_screen:
            self._watching_screen = True
            handle.screenChanged.connect(lambda _screen: self.fit_to_screen())
        self.fit_to_screen()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.state.store.closed:
            self.save_geometry()
        super().closeEvent(event)
