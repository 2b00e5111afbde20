"""Photos and Compare on small laptop screens (1280 x 720 and 1366 x 768) with the real look:
nothing needs a sideways scroll bar, the window never has to be bigger than the screen, the
photos get most of the room, and the estimate is read together with its note."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar, QWidget

from tests.ui.compare_helpers import measure_whole_photo, open_compare_on_site, resize_window
from tests.ui.looks import look_applied
from vitidesk.ui.compare.canvas import MODES
from vitidesk.ui.main_window import MainWindow

SMALL_SCREENS = [(1280, 720), (1366, 768)]


def _window_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def in_view(widget: QWidget) -> bool:
    """Shown, and not scrolled or cut out of sight by any scroll area or by the window."""
    if not widget.isVisible():
        return False
    rect = _window_rect(widget)
    parent = widget.parentWidget()
    while parent is not None:
        scrolled = isinstance(parent, QAbstractScrollArea)
        if scrolled and not _window_rect(parent.viewport()).contains(rect):
            return False
        parent = parent.parentWidget()
    return widget.window().rect().contains(rect)


def sideways_scroll_bars(window: QWidget) -> list[str]:
    return [
        bar.parentWidget().parentWidget().accessibleName() or type(bar.parentWidget()).__name__
        for bar in window.findChildren(QScrollBar)
        if bar.orientation() == Qt.Orientation.Horizontal and bar.isVisible()
    ]


def fits(window: QWidget, size: tuple[int, int]) -> bool:
    hint = window.minimumSizeHint()
    return hint.width() <= size[0] and hint.height() <= size[1]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", SMALL_SCREENS)
def test_photos_and_compare_fit_a_small_screen(
    qtbot, qapp, demo_state, scheme: str, size: tuple[int, int]
) -> None:
    with look_applied(qapp, scheme):
        window = MainWindow(demo_state)  # the demo banner takes one more line
        qtbot.addWidget(window)
        window.show()
        resize_window(qtbot, window, *size)
        window.sidebar.select(1)
        photos = window.current_page()
        qtbot.wait(20)
        assert sideways_scroll_bars(window) == [], "Photos"
        assert fits(window, size), window.minimumSizeHint()
        view = open_compare_on_site(qtbot, window, "Hands")
        panel = view.panel
        for mode in MODES:
            view.set_mode(mode)
            qtbot.wait(10)
            assert sideways_scroll_bars(window) == [], mode
            assert fits(window, size), (mode, window.minimumSizeHint())
        # The photos get most of the room; every step's buttons show without scrolling.
        assert view.canvas.width() >= 0.6 * photos.width()
        assert not view.side.verticalScrollBar().isVisible()
        assert all(in_view(b) for b in (panel.auto_button, panel.points_button, panel.use_points))
        measure_whole_photo(qtbot, view)
        assert not view.side.verticalScrollBar().isVisible()
        for widget in (panel.region_button, panel.whole_button, panel.result, panel.note):
            assert in_view(widget), widget.accessibleName() or widget.text()
        assert in_view(panel.threshold) and in_view(panel.mask_toggle)


def test_the_estimate_note_is_read_with_the_numbers(qtbot, qapp, demo_state) -> None:
    """At 1280 x 720 the note sits right under the result, in view, whatever the result says."""
    with look_applied(qapp):
        window = MainWindow(demo_state)
        qtbot.addWidget(window)
        window.show()
        resize_window(qtbot, window, 1280, 720)
        view = open_compare_on_site(qtbot, window, "Hands")
        panel = view.panel
        assert not in_view(panel.result)  # "Line up" comes first; no result yet
        measure_whole_photo(qtbot, view)
        assert in_view(panel.result) and in_view(panel.note)
        below = panel.note.geometry().top() - panel.result.geometry().bottom()
        assert 0 <= below <= 24  # right by it
        # The longest result: a scale set (areas in cm²), measured again.
        panel.set_scale(QPointF(100, 100), QPointF(200, 100), 1.0)
        qtbot.waitUntil(lambda: "cm²" in panel.result.text(), timeout=30000)
        assert in_view(panel.result) and in_view(panel.note)
        # Back to "Line up" and to the estimate again: the result comes back with its note.
        panel.show_step("align")
        assert not in_view(panel.note)
        qtbot.mouseClick(panel.step_buttons["estimate"], Qt.MouseButton.LeftButton)
        assert in_view(panel.result) and in_view(panel.note)


@pytest.mark.parametrize("size", SMALL_SCREENS)
def test_the_first_photo_step_and_the_guide_are_in_view(
    qtbot, qapp, state, size: tuple[int, int]
) -> None:
    with look_applied(qapp):
        window = MainWindow(state)
        qtbot.addWidget(window)
        window.show()
        resize_window(qtbot, window, *size)
        window.sidebar.select(1)
        photos = window.current_page()
        qtbot.wait(20)
        assert sideways_scroll_bars(window) == []
        assert fits(window, size)
        for widget in (photos.empty_title, photos.first_button, *photos.guide_points):
            assert in_view(widget), widget.text()
        assert in_view(photos.guide_link)
