"""Every focusable control in every section has a name a screen reader can say."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
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


def _tab_chain(qtbot, window: MainWindow) -> list[QWidget]:
    """The widgets Tab visits, from the section list round to it again."""
    window.sidebar.list.setFocus()
    chain: list[QWidget] = []
    for _ in range(300):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if chain and focused is chain[-1]:
            continue  # Tab steps through the links inside lesson text
        if focused is window.sidebar.list or focused in chain:
            break
        chain.append(focused)
    return chain


@pytest.mark.parametrize("section", SECTIONS)
def test_tab_reaches_every_control_in_reading_order(qtbot, demo_state, section: str) -> None:
    window = MainWindow(demo_state)
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    window.activateWindow()
    window.sidebar.select(SECTIONS.index(section))
    page = window.current_page()
    qtbot.wait(50)
    chain = _tab_chain(qtbot, window)
    assert window.sidebar.help_button in chain, "Get help must be reachable by keyboard"
    reachable = [
        w
        for w in page.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(w, QScrollBar)
        and not (isinstance(w.parent(), QAbstractScrollArea) and w is w.parent().viewport())
        and not isinstance(w.parent(), QAbstractSpinBox | QComboBox)
    ]
    missed = [f"{type(w).__name__}({_spoken_name(w)!r})" for w in reachable if w not in chain]
    assert not missed, f"{section}: Tab never reaches {missed}"
    in_page = [w for w in chain if page.isAncestorOf(w)]
    for before, after in itertools.pairwise(in_page):
        a, b = before.mapToGlobal(QPoint(0, 0)), after.mapToGlobal(QPoint(0, 0))
        down = b.y() > a.y() + 8
        right_in_row = abs(a.y() - b.y()) <= 8 and b.x() > a.x()
        next_column = b.x() > a.x() + 40  # a side-by-side layout: on to its next column
        assert down or right_in_row or next_column, (
            f"{section}: Tab goes from {_spoken_name(before)!r} back to {_spoken_name(after)!r}"
        )
