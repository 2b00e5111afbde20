"""Presenter mode for consultations: the lesson full screen, clicker keys, pen and pointer.

With one screen, the audience window carries a slim toolbar. With two, the audience view goes
to the second screen and the laptop shows a console: notes, the next step, a live copy of the
diagram to point and draw on (both views share one scene), and the controls. The main window is
hidden while presenting, so no photos or questionnaire results can appear.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from vitidesk.core.lesson_text import citation_keys
from vitidesk.errors import UserError
from vitidesk.ui.app_state import AppState
from vitidesk.ui.learn.navigator import LessonNavigator
from vitidesk.ui.learn.pathway_scene import PathwayScene
from vitidesk.ui.learn.presenter_export import save_step
from vitidesk.ui.learn.presenter_windows import AudienceWindow, PresenterConsole, PresenterWindow

FORWARD_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Down)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up, Qt.Key.Key_Backspace)

_current: Presentation | None = None


class Presentation(QObject):
    """One presenting session: its windows, tools and keys."""

    finished = Signal()

    def __init__(
        self,
        navigator: LessonNavigator,
        state: AppState,
        main: QWidget | None,
        *,
        audience_screen: QScreen | None = None,
    ) -> None:
        super().__init__()
        self.navigator = navigator
        self.state = state
        self.main = main
        self.scene = PathwayScene()
        self.blanked = False
        self.stopped = False
        main_screen = main.screen() if main is not None else QGuiApplication.primaryScreen()
        if audience_screen is None:
            others = [s for s in QGuiApplication.screens() if s is not main_screen]
            audience_screen = others[0] if others else None
        # A second screen gets the audience view; the laptop keeps the console.
        self.console: PresenterConsole | None = None
        if audience_screen is not None:
            self.console = PresenterConsole(self, main_screen)
        self.audience = AudienceWindow(self, audience_screen or main_screen)
        for window in self.windows():
            window.key_pressed.connect(self.handle_key)
            QShortcut(QKeySequence("F11"), window, self.stop)
        navigator.moved.connect(self.refresh)
        self.refresh()

    def windows(self) -> list[PresenterWindow]:
        return [w for w in (self.audience, self.console) if w is not None]

    def start(self) -> None:
        if self.main is not None:
            self.main.hide()
        for window in self.windows():
            window.showFullScreen()
            window.raise_()
            window.activateWindow()
        (self.console or self.audience).activateWindow()

    def stop(self) -> None:
        global _current
        if self.stopped:
            return
        self.stopped = True
        for window in self.windows():
            window.close()
            window.deleteLater()
        self.navigator.moved.disconnect(self.refresh)
        if self.main is not None:
            self.main.show()
            self.main.activateWindow()
        if _current is self:
            _current = None
        self.finished.emit()

    # -- content -------------------------------------------------------------------------
    def refresh(self) -> None:
        self.scene.apply(self.navigator.diagram_state())
        for view in self.views():
            view.clear_strokes()
        for window in self.windows():
            window.show_step()
            window.views_refresh()

    def views(self):
        return [window.view for window in self.windows()]

    def set_tool(self, tool: str) -> None:
        for view in self.views():
            view.tool = tool
            view.setCursor(
                Qt.CursorShape.CrossCursor if tool != "select" else Qt.CursorShape.ArrowCursor
            )
        for window in self.windows():
            window.tool_changed(tool)

    def toggle_blank(self) -> None:
        self.blanked = not self.blanked
        self.audience.set_blank(self.blanked)

    def toggle_inhibitor(self) -> None:
        self.navigator.set_inhibitor(not self.navigator.diagram_state().inhibitor)

    def undo(self) -> None:
        self.audience.view.undo_stroke() if not self.console else self.console.view.undo_stroke()

    def clear(self) -> None:
        for view in self.views():
            view.clear_strokes()

    def strokes(self) -> int:
        return sum(len(view.strokes) for view in self.views())

    def save(self, path: Path | None = None) -> Path | None:
        if path is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            suggested = str(Path(folder) / f"VitiDesk - {self.navigator.step.title}.pdf")
            chosen, _ = QFileDialog.getSaveFileName(
                self.console or self.audience,
                self.tr("Save this step for the patient"),
                suggested,
                self.tr("PDF document (*.pdf);;PNG image (*.png)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            library = self.navigator.library
            step = self.navigator.step
            sources = [
                f"[{library.cite_number(key)}] {library.references[key].citation()}"
                for key in dict.fromkeys(citation_keys(step.text))
            ]
            return save_step(path, self.scene, step, sources, library.cite_number)
        except UserError as exc:
            QMessageBox.warning(self.console or self.audience, self.tr("Not saved"), exc.one_line())
            return None

    # -- keys ----------------------------------------------------------------------------
    def handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in FORWARD_KEYS:
            self.navigator.forward()
        elif key in BACK_KEYS:
            self.navigator.back()
        elif key == Qt.Key.Key_Escape:
            self.stop()
        elif key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            self.toggle_blank()
        elif key == Qt.Key.Key_P:
            self.set_tool("pointer" if self.audience.view.tool != "pointer" else "select")
        elif key == Qt.Key.Key_D:
            self.set_tool("pen" if self.audience.view.tool != "pen" else "select")
        elif key == Qt.Key.Key_J:
            self.toggle_inhibitor()
        elif key == Qt.Key.Key_Z and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.undo()
        else:
            return False
        return True


def start_presentation(navigator: LessonNavigator, state: AppState, main: QWidget) -> Presentation:
    global _current
    if _current is not None:
        return _current
    _current = Presentation(navigator, state, main)
    _current.start()
    return _current


def current_presentation() -> Presentation | None:
    return _current
