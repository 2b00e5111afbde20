"""Every focusable control in every section has a name a screen reader can say."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QScrollBar,
    QWidget,
)

from vitidesk.ui.main_window import MainWindow

SECTIONS = ["learn", "photos", "wellbeing", "report", "settings"]


def _spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName() or "").strip()


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if (
            isinstance(widget.parent(), QAbstractScrollArea)
            and widget is widget.parent().viewport()
        ):
            continue  # the scroll area itself carries the name
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue  # the editor inside a date or choice box: the box carries the name
        if isinstance(widget, QScrollBar):
            continue
        if not _spoken_name(widget):
            missing.append(f"{type(widget).__name__}({widget.objectName()!r})")
    return missing


@pytest.mark.parametrize("section", SECTIONS)
def test_every_focusable_widget_has_an_accessible_name(qtbot, demo_state, section: str) -> None:
    window = MainWindow(demo_state)
    qtbot.addWidget(window)
    window.show()
    window.sidebar.select(SECTIONS.index(section))
    page = window.current_page()
    qtbot.wait(20)
    assert _unnamed(window) == [], f"{section}: unnamed controls"
    assert page.isVisible()


def test_sub_views_and_dialogs_name_their_controls(qtbot, demo_state, opened_dialogs) -> None:
    window = MainWindow(demo_state)
    qtbot.addWidget(window)
    window.show()
    window.sidebar.select(1)
    photos = window.current_page()
    photos.open_compare()
    assert _unnamed(window) == [], "compare view"
    window.sidebar.select(2)
    wellbeing = window.current_page()
    wellbeing.start("PHQ-9")
    assert _unnamed(window) == [], "questionnaire form"
    wellbeing.show_history("WHO-5")
    assert _unnamed(window) == [], "history"
    window.show_help()
    window.show_about()
    window.show_shortcuts()
    for dialog in opened_dialogs:
        assert _unnamed(dialog) == [], type(dialog).__name__
