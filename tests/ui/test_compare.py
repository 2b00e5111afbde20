"""The comparison view as a person uses it: modes, linked and unlinked zoom, swipe, warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QWheelEvent

from tests.photo_samples import oriented_jpeg
from tests.ui.compare_helpers import open_compare_and_wait, resize_window
from vitidesk.core.photo_import import prepare_photo
from vitidesk.ui.compare.compare_view import CompareView, default_pair
from vitidesk.ui.main_window import MainWindow
from vitidesk.ui.photos.page import PhotosPage


@pytest.fixture
def compare(qtbot, window: MainWindow, tmp_path: Path) -> CompareView:
    window.resize(1100, 700)
    window.sidebar.select(1)
    page: PhotosPage = window.current_page()
    library = page.library
    face = library.site_named("Face")
    for index, (name, light) in enumerate(
        (("a.jpg", "visible"), ("b.jpg", "visible"), ("c.jpg", "uv"))
    ):
        prepared = prepare_photo(oriented_jpeg(tmp_path / name, 1 + index))
        library.add(prepared, face, light=light)
    return open_compare_and_wait(qtbot, page)


def _wheel(widget, point: QPointF, steps: int = 1) -> None:
    event = QWheelEvent(
        point,
        widget.mapToGlobal(point),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    widget.wheelEvent(event)


def test_default_pair_is_first_and_latest_visible_photo_of_a_site(compare: CompareView) -> None:
    before, after = compare.pair
    assert before.taken_at <= after.taken_at
    assert before.light == after.light == "visible"
    assert default_pair(compare.photos) == (before, after)


def test_number_keys_switch_modes(qtbot, compare: CompareView) -> None:
    for key, mode in (
        (Qt.Key.Key_2, "swipe"),
        (Qt.Key.Key_3, "overlay"),
        (Qt.Key.Key_4, "blink"),
        (Qt.Key.Key_5, "difference"),
        (Qt.Key.Key_1, "side"),
    ):
        qtbot.keyClick(compare.canvas, key)
        assert compare.canvas.mode == mode
        assert compare.mode_buttons[mode].isChecked()
        compare.canvas.grab()  # every mode paints without error
    assert len(compare.canvas.panes()) == 2


def test_zoom_is_linked_until_unlocked(qtbot, compare: CompareView) -> None:
    canvas = compare.canvas
    left, right = canvas.panes()
    zoom = canvas.view_for(0).zoom
    _wheel(canvas, left.center())
    assert canvas.view_for(0).zoom == pytest.approx(zoom * 1.25)
    assert canvas.view_for(1).zoom == pytest.approx(zoom * 1.25)
    qtbot.keyClick(canvas, Qt.Key.Key_L)
    assert not compare.link.isChecked()
    _wheel(canvas, right.center())
    assert canvas.view_for(1).zoom == pytest.approx(zoom * 1.25 * 1.25)
    assert canvas.view_for(0).zoom == pytest.approx(zoom * 1.25)
    start = right.center().toPoint()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start + QPoint(40, 0))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(40, 0))
    assert canvas.view_for(1).center != canvas.view_for(0).center
    qtbot.keyClick(canvas, Qt.Key.Key_F)
    qtbot.keyClick(canvas, Qt.Key.Key_0)
    assert canvas.view_for(0).zoom == 1.0


def test_swipe_divider_follows_the_mouse(qtbot, compare: CompareView) -> None:
    compare.set_mode("swipe")
    canvas = compare.canvas
    x = int(canvas.divider_x())
    y = canvas.height() // 2
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    qtbot.mouseMove(canvas, QPoint(int(canvas.width() * 0.25), y))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(canvas.width() * 0.25), y))
    assert canvas.divider == pytest.approx(0.25, abs=0.02)


def test_blink_alternates_and_overlay_has_opacity(qtbot, compare: CompareView) -> None:
    compare.set_mode("blink")
    first = compare.canvas.blink_first
    qtbot.waitUntil(lambda: compare.canvas.blink_first != first, timeout=3000)
    compare.set_mode("overlay")
    assert compare.opacity.isVisible()
    compare.opacity.setValue(80)
    assert compare.canvas.opacity == pytest.approx(0.8)


def test_uv_and_visible_photos_are_flagged(compare: CompareView) -> None:
    assert not compare.warning.isVisible()
    uv_index = compare.pickers[1].findText("UV", Qt.MatchFlag.MatchContains)
    compare.pickers[1].setCurrentIndex(uv_index)
    assert compare.warning.isVisible()
    assert "UV light" in compare.warning.text()


def test_dates_are_shown_on_the_photos(compare: CompareView) -> None:
    before, after = compare.pair
    assert compare.canvas.labels[0].startswith(before.taken_at.strftime("%d %b %Y"))
    assert compare.canvas.labels[1].startswith(after.taken_at.strftime("%d %b %Y"))


def test_escape_goes_back_to_the_timeline(qtbot, window: MainWindow, compare: CompareView) -> None:
    page = window.current_page()
    qtbot.keyClick(compare.canvas, Qt.Key.Key_Escape)
    assert page.sections.currentIndex() == 0


def _drawn_photo(canvas, pane_index: int = 0) -> QRectF:
    """Where the earlier photo lands on screen in a pane."""
    size = canvas.photos[0].full_size
    pane = canvas.panes()[pane_index]
    return canvas.view_for(pane_index).to_screen(pane).mapRect(QRectF(QPointF(0, 0), size))


def _fills(canvas, pane_index: int = 0) -> bool:
    pane = canvas.panes()[pane_index]
    drawn = _drawn_photo(canvas, pane_index)
    inside = pane.adjusted(-1, -1, 1, 1).contains(drawn)
    wide = drawn.width() >= 0.95 * pane.width()
    return inside and (wide or drawn.height() >= 0.95 * pane.height())


def test_photos_fill_the_canvas_on_open_and_when_the_window_grows(
    qtbot, window: MainWindow, compare: CompareView
) -> None:
    canvas = compare.canvas
    assert _fills(canvas, 0) and _fills(canvas, 1)
    width = canvas.width()
    resize_window(qtbot, window, 1500, 950)
    qtbot.waitUntil(lambda: canvas.width() > width)
    assert _fills(canvas, 0) and _fills(canvas, 1)
    compare.set_mode("overlay")
    assert _fills(canvas)


def test_a_zoom_the_person_chose_is_kept_until_fit(
    qtbot, window: MainWindow, compare: CompareView
) -> None:
    canvas = compare.canvas
    _wheel(canvas, canvas.panes()[0].center(), 2)
    zoom = canvas.view_for(0).zoom
    width = canvas.width()
    resize_window(qtbot, window, 1400, 900)
    qtbot.waitUntil(lambda: canvas.width() > width)
    assert canvas.view_for(0).zoom == pytest.approx(zoom)
    qtbot.keyClick(canvas, Qt.Key.Key_F)
    assert _fills(canvas)


def test_a_photo_shown_before_the_view_is_laid_out_is_fitted_once_it_is(
    qtbot, window: MainWindow, compare: CompareView
) -> None:
    """Photos can arrive while the canvas still has its first small size (a view built while
    the window is hidden): the fit follows the canvas to its real size."""
    canvas = compare.canvas
    canvas.resize(320, 240)
    canvas.follow_fit()
    canvas.resize(900, 600)
    assert _fills(canvas, 0) and _fills(canvas, 1)


def test_overlay_and_difference_have_a_key_in_words(qtbot, compare: CompareView) -> None:
    assert not compare.legend.isVisible()  # side by side, nothing measured: no colours to explain
    compare.set_mode("overlay")
    assert compare.legend.isVisible()
    before, after = (p.taken_at.strftime("%d %b %Y") for p in compare.pair)
    assert any(
        "Overlay" in text and before in text and after in text for text in compare.legend.texts()
    )
    compare.set_mode("difference")
    texts = compare.legend.texts()
    assert compare.legend.isVisible() and len(texts) == 2
    assert texts[0].startswith("Black") and "same" in texts[0]
    assert texts[1].startswith("Bright") and "different" in texts[1]
    compare.set_mode("swipe")
    assert not compare.legend.isVisible()


def test_the_difference_key_shows_the_colour_drawn_where_nothing_changed(
    qtbot, compare: CompareView
) -> None:
    photo = compare.pair[0]
    path = compare.library.path_of(photo)
    compare.open_pair(compare.photos, photo, photo)
    canvas = compare.canvas
    qtbot.waitUntil(
        lambda: all(p is not None and p.path == path and p.pixmap for p in canvas.photos)
    )
    compare.set_mode("difference")
    same = compare.legend.swatches[0]
    drawn = canvas.grab().toImage().pixelColor(canvas.panes()[0].center().toPoint())
    assert drawn == same.colour
    swatch = same.grab().toImage()
    assert swatch.pixelColor(swatch.rect().center()) == same.colour


def test_comparing_many_selected_photos_takes_one_body_site(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    window.sidebar.select(1)
    page: PhotosPage = window.current_page()
    library = page.library
    for index, site in enumerate(("Face", "Face", "Trunk")):
        prepared = prepare_photo(oriented_jpeg(tmp_path / f"{index}.jpg", 1 + index))
        library.add(prepared, library.site_named(site))
    page.reload()
    page.timeline.selectAll()
    view = open_compare_and_wait(qtbot, page, reload=False)
    before, after = view.pair
    assert before.site == after.site == "Face"
    assert not view.warning.isVisible()
