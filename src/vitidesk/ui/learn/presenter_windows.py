"""The two presenter-mode windows: what the audience sees, and the presenter's console."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from vitidesk.ui.learn.diagram_column import DiagramColumn
from vitidesk.ui.learn.pathway_view import PathwayView
from vitidesk.ui.learn.step_text import StepText
from vitidesk.ui.look import fix_scheme
from vitidesk.ui.theme import colour

if TYPE_CHECKING:
    from vitidesk.ui.learn.presenter import Presentation


# On the projector the picture keeps at least this share of the height: it is what the room
# looks at while the clinician talks; the words are set smaller until they fit the rest.
AUDIENCE_DIAGRAM_SHARE = 0.5
SMALLEST_AUDIENCE_TEXT_PX = 16  # still readable from the back of a consulting room


def base_font_px(height: int) -> int:
    """Type scales with the screen: about 1/34 of its height, never below 18 px."""
    return max(18, height // 34)


def toolbar_font_px(height: int) -> int:
    """Toolbar type for the screen it is on: about 1/48 of its height, never below 13 px."""
    return max(13, height // 48)


class _PresenterWindowBase(QWidget):
    key_pressed = Signal(QKeyEvent)

    def __init__(self, presentation: Presentation, screen: QScreen) -> None:
        super().__init__()
        self.presentation = presentation
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.font_px = base_font_px(screen.geometry().height())
        self.toolbar_px = toolbar_font_px(screen.geometry().height())
        self.tool_buttons: dict[str, QPushButton] = {}
        self.view = PathwayView(presentation.scene)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setAccessibleName(self.tr("Pathway diagram"))
        self.view.reduced_motion = presentation.state.settings.reduced_motion
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.presentation.handle_key(event):
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        """Type follows the window's height (the screen it fills), wherever it is shown."""
        super().resizeEvent(event)
        height = event.size().height()
        if (base_font_px(height), toolbar_font_px(height)) != (self.font_px, self.toolbar_px):
            self.font_px, self.toolbar_px = base_font_px(height), toolbar_font_px(height)
            self.restyle()

    def restyle(self) -> None:
        pad = self.toolbar_px // 2
        for button in self.tool_buttons.values():
            button.setStyleSheet(f"font-size:{self.toolbar_px}px; padding:{pad // 2}px {pad}px;")

    def views_refresh(self) -> None:
        self.view.refresh_animation()

    def toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        p = self.presentation
        nav = p.navigator
        for text, tip, name, action, checkable in (
            ("◀", self.tr("Back (Left arrow)"), "back", nav.back, False),
            ("▶", self.tr("Next (Right arrow or Space)"), "next", nav.forward, False),
            (self.tr("Pointer"), self.tr("Pointer (P)"), "pointer", self._pointer, True),
            (self.tr("Pen"), self.tr("Draw on the diagram (D)"), "pen", self._pen, True),
            (self.tr("Undo"), self.tr("Undo the last line (Ctrl+Z)"), "undo", p.undo, False),
            (self.tr("Clear"), self.tr("Clear the drawing"), "clear", p.clear, False),
            (
                self.tr("JAK inhibitor"),
                self.tr("Cream on or off (J)"),
                "inhibitor",
                p.toggle_inhibitor,
                True,
            ),
            (self.tr("Blank"), self.tr("Blank the screen (B)"), "blank", p.toggle_blank, True),
            (self.tr("Save…"), self.tr("Save this step as PDF or PNG"), "save", p.save, False),
            (self.tr("Exit"), self.tr("Leave presenter mode (Esc)"), "exit", p.stop, False),
        ):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setCheckable(checkable)
            button.setAccessibleName(tip)
            button.setToolTip(tip)
            button.clicked.connect(action)
            self.tool_buttons[name] = button
            row.addWidget(button)
            if name == "next":
                row.addStretch(1)
        _PresenterWindowBase.restyle(self)
        return row

    def _toggled(self, tool: str) -> str:
        return tool if self.tool_buttons[tool].isChecked() else "select"

    def _pointer(self) -> None:
        self.presentation.set_tool(self._toggled("pointer"))

    def _pen(self) -> None:
        self.presentation.set_tool(self._toggled("pen"))

    def tool_changed(self, tool: str) -> None:
        for name in ("pointer", "pen"):
            if name in self.tool_buttons:
                self.tool_buttons[name].setChecked(tool == name)

    def show_step(self) -> None:
        """Show the navigator's current step (each window lays it out its own way)."""
        raise NotImplementedError

    def sync_toggles(self) -> None:
        if "inhibitor" in self.tool_buttons:
            state = self.presentation.navigator.diagram_state()
            self.tool_buttons["inhibitor"].setChecked(state.inhibitor)
            self.tool_buttons["blank"].setChecked(self.presentation.blanked)


PresenterWindow = _PresenterWindowBase
"""What both presenter windows are (for the presentation that drives them)."""


class AudienceWindow(_PresenterWindowBase):
    """The lesson, large: title, diagram, words. Black when blanked."""

    def __init__(self, presentation: Presentation, screen: QScreen) -> None:
        super().__init__(presentation, screen)
        self.setWindowTitle(self.tr("VitiDesk presentation"))
        fix_scheme(self, "light")
        self.stack = QStackedLayout(self)
        content = QWidget()
        self.column = column = QVBoxLayout(content)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.indicator = QLabel()
        self.indicator.setAccessibleName(self.tr("Step indicator"))
        top.addWidget(self.title, 1)
        top.addWidget(self.indicator, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(top)
        self.text = StepText(presentation.navigator.library)
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text.fixed_scheme = "light"
        self.text.setStyleSheet("QTextBrowser { border: none; background: transparent; }")
        self.body = DiagramColumn(
            self.view,
            self.text,
            diagram_share_when_tight=AUDIENCE_DIAGRAM_SHARE,
            fit_text=self._set_text_px,
            smallest_text_px=SMALLEST_AUDIENCE_TEXT_PX,
            largest_text_px=self.font_px,
        )
        column.addWidget(self.body, 1)
        self.view.setBackgroundBrush(colour("window", "light"))  # no band around the picture
        if presentation.console is None:
            column.addLayout(self.toolbar())
        self.stack.addWidget(content)
        self.lesson_page = content
        self.blank = QWidget()
        self.blank.setStyleSheet("background: black;")
        self.blank.setAccessibleName(self.tr("Blank screen"))
        self.stack.addWidget(self.blank)
        self.restyle()

    def restyle(self) -> None:
        super().restyle()
        px = self.font_px
        self.column.setContentsMargins(px * 2, px, px * 2, px)
        self.title.setStyleSheet(f"font-size:{int(px * 1.45)}px; font-weight:600;")
        self.indicator.setStyleSheet(
            f"font-size:{int(px * 0.8)}px; color:{colour('muted', 'light').name()};"
        )
        self.body.largest_text_px = px
        self.body.relayout()

    def show_step(self) -> None:
        nav = self.presentation.navigator
        self.title.setText(nav.step.title)
        self.indicator.setText(nav.position_text())
        self.text.show_step(nav.step, base_px=self.font_px, with_title=False)
        self.body.relayout()
        self.sync_toggles()

    def _set_text_px(self, px: int) -> None:
        self.text.show_step(self.presentation.navigator.step, base_px=px, with_title=False)

    def text_fits(self) -> bool:
        """All the words are in view (nobody can scroll a projector)."""
        bar = self.text.verticalScrollBar()
        return bar.maximum() == 0

    def set_blank(self, blank: bool) -> None:
        self.stack.setCurrentWidget(self.blank if blank else self.lesson_page)
        self.sync_toggles()

    def is_blank(self) -> bool:
        return self.stack.currentWidget() is self.blank


class PresenterConsole(_PresenterWindowBase):
    """On the laptop while the audience view is on the second screen."""

    def __init__(self, presentation: Presentation, screen: QScreen) -> None:
        super().__init__(presentation, screen)
        self.setWindowTitle(self.tr("VitiDesk presenter console"))
        fix_scheme(self, "dark")
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 16, 24, 16)
        self.position = QLabel()
        self.now = QLabel()
        self.now.setWordWrap(True)
        row = QHBoxLayout()
        left = QVBoxLayout()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.notes.setAccessibleName(self.tr("Presenter notes"))
        self.upcoming = QLabel()
        self.upcoming.setWordWrap(True)
        self.upcoming.setAccessibleName(self.tr("Next step"))
        left.addWidget(self.notes, 1)
        left.addWidget(self.upcoming)
        row.addLayout(left, 2)
        right = QVBoxLayout()
        policy = self.view.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setVerticalPolicy(QSizePolicy.Policy.Preferred)
        self.view.setSizePolicy(policy)
        self.view.setBackgroundBrush(colour("window", "dark"))  # no band around the picture
        right.addWidget(self.view)
        right.addStretch(1)
        row.addLayout(right, 3)
        column.addWidget(self.position)
        column.addWidget(self.now)
        column.addLayout(row, 1)
        column.addLayout(self.toolbar())
        self.restyle()

    def restyle(self) -> None:
        super().restyle()
        px = self.font_px
        self.position.setStyleSheet(f"font-size:{int(px * 0.8)}px;")
        self.now.setStyleSheet(f"font-size:{int(px * 1.2)}px; font-weight:600;")
        self.notes.setStyleSheet(f"font-size:{px}px;")
        self.upcoming.setStyleSheet(
            f"font-size:{int(px * 0.8)}px; color:{colour('muted', 'dark').name()};"
        )

    def show_step(self) -> None:
        nav = self.presentation.navigator
        self.position.setText(nav.position_text())
        self.now.setText(nav.step.title)
        self.notes.setText(nav.step.notes or self.tr("(No notes for this step.)"))
        upcoming = nav.next_step()
        self.upcoming.setText(
            self.tr("Next: {0}").format(upcoming.title) if upcoming else self.tr("Last step.")
        )
        self.sync_toggles()
