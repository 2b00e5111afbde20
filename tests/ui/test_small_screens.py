"""Small screens and a steady layout, with the real look in light and dark: every section and
sub-view fits the room the window gives a page, nothing shows a sideways scroll bar, the
window fits a 1280 x 720 screen and never jumps wider or taller when switching."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from tests.ui.looks import look_applied
from vitidesk.ui.main_window import MainWindow
from vitidesk.ui.sections import PAGE_MIN_SIZE
from vitidesk.ui.wellbeing.form import QuestionnaireForm

LAPTOP = QSize(1280, 720 - 40)  # a 1280 x 720 screen less a panel; the title bar is extra


def _views(window: MainWindow) -> Iterator[str]:
    """Walk every section and the sub-views a person reaches, yielding a name for each."""
    for row, spec in enumerate(window.specs):
        window.sidebar.select(row)
        window.current_page()
        yield spec.key
    window.sidebar.select(2)
    wellbeing = window.current_page()
    wellbeing.start("PHQ-9")
    yield "wellbeing form"
    form = window.findChild(QuestionnaireForm)
    for _ in range(8):
        form.choose(0)
        form.forward()
    form.choose(2)
    form.forward()
    yield "wellbeing safety screen"
    form.safety.continue_requested.emit()
    form.choose(0)
    form.forward()
    yield "wellbeing review"
    form.save()
    yield "wellbeing result"
    for instrument in ("PHQ-9", "WHO-5"):
        wellbeing.show_history(instrument)
        yield f"{instrument} history"
    wellbeing.show_history("GAD-7")
    yield "empty history"
    wellbeing.go_home()


def _sideways_scroll_bars(window: QWidget) -> list[str]:
    return [
        area.accessibleName() or type(area).__name__
        for area in window.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible()
    ]


def _walk(
    qtbot, qapp: QApplication, state, scheme: str, check: Callable[[MainWindow, str], None]
) -> None:
    with look_applied(qapp, scheme):
        window = MainWindow(state)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        for name in _views(window):
            qapp.processEvents()
            check(window, name)


@pytest.mark.parametrize(("profile", "scheme"), [("state", "light"), ("demo_state", "dark")])
def test_every_view_fits_the_page_room_and_a_small_laptop(
    qtbot, qapp, request, profile: str, scheme: str
) -> None:
    state = request.getfixturevalue(profile)

    def check(window: MainWindow, name: str) -> None:
        page = window.stack.currentWidget().minimumSizeHint()
        assert page.width() <= PAGE_MIN_SIZE.width(), (name, page)
        assert page.height() <= PAGE_MIN_SIZE.height(), (name, page)
        whole = window.minimumSizeHint()
        assert whole.width() <= LAPTOP.width() and whole.height() <= LAPTOP.height(), (name, whole)

    _walk(qtbot, qapp, state, scheme, check)


def test_at_its_smallest_the_window_never_jumps_and_never_scrolls_sideways(
    qtbot, qapp, demo_state
) -> None:
    scheme = "light"
    sizes: dict[str, QSize] = {}

    def check(window: MainWindow, name: str) -> None:
        if not sizes:
            window.resize(window.minimumSizeHint())
            qapp.processEvents()
        sizes[name] = window.size()
        assert window.size() == next(iter(sizes.values())), (name, sizes)
        assert not _sideways_scroll_bars(window), (name, _sideways_scroll_bars(window))

    _walk(qtbot, qapp, demo_state, scheme, check)


@pytest.mark.parametrize("size", [QSize(1366, 768 - 70), QSize(1280, 720 - 70)])
def test_no_sideways_scroll_bar_on_a_laptop_screen(qtbot, qapp, demo_state, size: QSize) -> None:
    def check(window: MainWindow, name: str) -> None:
        if window.size() != size:
            window.resize(size)
            qapp.processEvents()
        assert not _sideways_scroll_bars(window), (name, _sideways_scroll_bars(window))

    _walk(qtbot, qapp, demo_state, "light", check)


def test_a_long_lesson_title_wraps_instead_of_scrolling_sideways(qtbot, qapp, state) -> None:
    window = MainWindow(state)
    qtbot.addWidget(window)
    window.show()
    window.sidebar.select(0)
    lessons = window.current_page().lessons
    lessons.item(0).setText("1. A lesson title far too long for the narrow list beside it")
    qapp.processEvents()
    assert not lessons.horizontalScrollBar().isVisible()
    assert (
        lessons.visualItemRect(lessons.item(0)).height()
        > lessons.visualItemRect(lessons.item(1)).height()
    )
