"""Guided measurement in Compare, as a person does it: a click inside a patch and one on
normal skin, a correction stroke that re-segments at once, a freehand outline, the region
carried to the other visit through the alignment, a region off the skin, UV and visible."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from tests.ui.compare_helpers import measure_whole_photo, open_compare_and_wait
from vitidesk.core.alignment import Similarity
from vitidesk.core.demo_photos import render_sample
from vitidesk.core.image_ops import erode
from vitidesk.core.photo_import import prepare_photo
from vitidesk.ui.compare.compare_view import CompareView
from vitidesk.ui.main_window import MainWindow


def _add(library, tmp_path: Path, site, name: str, image, day: str, light: str = "visible"):
    path = tmp_path / name
    image.save(path, quality=92)
    library.add(prepare_photo(path, dt.date.fromisoformat(day)), site, light=light)


@pytest.fixture
def compare(qtbot, window: MainWindow, tmp_path: Path) -> CompareView:
    window.resize(1100, 700)
    window.sidebar.select(1)
    page = window.current_page()
    library = page.library
    hands = library.site_named("Hands")
    _add(library, tmp_path, hands, "before.jpg", render_sample("Hands", 0, "visible"), "2025-01-15")
    _add(library, tmp_path, hands, "after.jpg", render_sample("Hands", 2, "visible"), "2025-07-15")
    return open_compare_and_wait(qtbot, page)


def _screen(view: CompareView, pane: int, point: QPointF) -> QPoint:
    canvas = view.canvas
    return canvas.view_for(pane).to_screen(canvas.panes()[pane]).map(point).toPoint()


def _points(view: CompareView) -> tuple[QPointF, QPointF]:
    """A point well inside a patch and one on normal skin, from the first guess."""
    estimate = view.panel.shown[0]
    core = erode(estimate.mask, 12)
    ys, xs = np.nonzero(core)
    skin = erode(estimate.skin_mask & ~estimate.mask, 25)
    ky, kx = np.nonzero(skin)
    i, j = len(ys) // 2, len(ky) // 2
    scale = estimate.scale
    return QPointF(xs[i] / scale, ys[i] / scale), QPointF(kx[j] / scale, ky[j] / scale)


def _click(qtbot, view: CompareView, button, pane: int, point: QPointF) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.isChecked()
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=_screen(view, pane, point))


def _drag(qtbot, view: CompareView, pane: int, points: list[QPointF]) -> None:
    canvas = view.canvas
    screen = [_screen(view, pane, p) for p in points]
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=screen[0])
    for point in screen[1:]:
        qtbot.mouseMove(canvas, point)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=screen[-1])


def _wait_seeded(qtbot, view: CompareView, index: int = 0):
    panel = view.panel
    qtbot.waitUntil(
        lambda: panel.current[index] is not None and panel.current[index].method == "seeded",
        timeout=30000,
    )
    qtbot.waitUntil(lambda: panel.result.text().startswith("Before"), timeout=30000)
    return panel.current[index]


def test_two_clicks_then_a_correction_stroke(qtbot, compare: CompareView) -> None:
    panel = compare.panel
    measure_whole_photo(qtbot, compare)
    first_guess = panel.shown[0]
    assert "first guess" in panel.result.text()
    patch, skin = _points(compare)
    _click(qtbot, compare, panel.patch_button, 0, patch)
    _click(qtbot, compare, panel.skin_button, 0, skin)
    assert not panel.patch_button.isChecked()  # one tool at a time
    seeded = _wait_seeded(qtbot, compare)
    assert seeded.mask[int(patch.y()), int(patch.x())]
    assert not seeded.mask[int(skin.y()), int(skin.x())]
    assert abs(seeded.depigmented_fraction - first_guess.depigmented_fraction) < 0.1
    texts = compare.legend.texts()
    assert any(t.startswith("White +") for t in texts) and any(
        t.startswith("Black −") for t in texts
    )
    # Paint normal skin across the patch: it is re-segmented at once, without that strip.
    before_pixels = seeded.depigmented_pixels
    stripe = [QPointF(patch.x() - 40 + 10 * k, patch.y()) for k in range(9)]
    _drag(qtbot, compare, 0, stripe)
    qtbot.waitUntil(lambda: panel.current[0].depigmented_pixels < before_pixels, timeout=30000)
    corrected = panel.current[0]
    assert not corrected.mask[int(patch.y()), int(patch.x())]
    assert len(compare.canvas.marks[0]) == 3
    # The later photo was measured from the clicks carried over that its first guess agrees
    # with (its patches have shrunk): never the whole hand. The change is said without a cap.
    assert panel.current[1].depigmented_fraction < 0.5
    assert "patch area" in panel.result.text().lower()
    assert "not a diagnosis" in panel.note.text()
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.current[0].method == "automatic", timeout=30000)


def test_a_freehand_outline_is_measured_on_both_dates(qtbot, compare: CompareView) -> None:
    panel = compare.panel
    qtbot.mouseClick(panel.freehand_button, Qt.MouseButton.LeftButton)
    centre, radius = QPointF(700, 650), 330.0
    loop = [
        QPointF(centre.x() + radius * np.cos(t), centre.y() + 0.8 * radius * np.sin(t))
        for t in np.linspace(0, 2 * np.pi, 24)
    ]
    _drag(qtbot, compare, 0, loop)
    assert compare.canvas.region is not None and compare.canvas.region.size() >= 20
    qtbot.waitUntil(lambda: panel.result.text().startswith("Before"), timeout=30000)
    assert any(t.startswith("Yellow dashed outline") for t in compare.legend.texts())
    assert "in the region" in panel.result.text()
    estimate = panel.shown[0]
    ys, xs = np.nonzero(estimate.skin_mask)
    inside = ((xs - centre.x()) / radius) ** 2 + ((ys - centre.y()) / (0.8 * radius)) ** 2
    assert inside.max() < 1.1  # nothing counted outside the outline


def test_the_region_comes_back_on_the_next_visit_through_the_alignment(
    qtbot, window: MainWindow, compare: CompareView
) -> None:
    panel = compare.panel
    panel.region_button.setChecked(True)
    _drag(qtbot, compare, 0, [QPointF(300, 300), QPointF(900, 800), QPointF(1200, 1000)])
    qtbot.waitUntil(lambda: panel.result.text().startswith("Before"), timeout=30000)
    region = compare.canvas.region.boundingRect()
    # Open Compare again (the next visit): the same region is back, and with the photos
    # lined up it lands on the same skin of the later photo.
    page = window.current_page()
    page.close_compare()
    view = open_compare_and_wait(qtbot, page)
    assert view.canvas.region is not None
    assert view.canvas.region.boundingRect() == region
    qtbot.waitUntil(lambda: view.panel.result.text().startswith("Before"), timeout=30000)
    shift = Similarity(dx=-60.0, dy=40.0, rotation_deg=0.0, scale=1.0)
    view.apply_alignment(shift)
    qtbot.waitUntil(lambda: view.panel.result.text().startswith("Before"), timeout=30000)
    after = view.panel.shown[1]
    ys, xs = np.nonzero(after.skin_mask)
    # The later photo's region is the earlier one moved back by the alignment.
    mapped = view.canvas.transform_b.inverted()[0].mapRect(region)
    assert xs.min() >= mapped.left() - 2 and xs.max() <= mapped.right() + 2
    assert ys.min() >= mapped.top() - 2 and ys.max() <= mapped.bottom() + 2
    assert abs(mapped.left() - (region.left() + 60)) < 1


def test_a_region_off_the_skin_asks_for_one_on_skin(qtbot, compare: CompareView) -> None:
    panel = compare.panel
    panel.region_button.setChecked(True)
    _drag(qtbot, compare, 0, [QPointF(5, 5), QPointF(60, 60), QPointF(120, 110)])
    qtbot.waitUntil(lambda: panel.result.text().startswith("Before"), timeout=30000)
    text = panel.result.text()
    assert "skin" in text and "nothing was measured" in text
    assert "Draw a region on skin" in text
    assert panel.freehand_button.isChecked()  # ready to draw one


def test_uv_and_visible_numbers_are_not_compared(qtbot, window, tmp_path: Path) -> None:
    window.resize(1100, 700)
    window.sidebar.select(1)
    page = window.current_page()
    library = page.library
    hands = library.site_named("Hands")
    _add(library, tmp_path, hands, "a.jpg", render_sample("Hands", 0, "visible"), "2025-01-15")
    _add(library, tmp_path, hands, "b.jpg", render_sample("Hands", 1, "visible"), "2025-04-15")
    _add(library, tmp_path, hands, "c.jpg", render_sample("Hands", 2, "uv"), "2025-07-15", "uv")
    view = open_compare_and_wait(qtbot, page)
    uv_index = view.pickers[1].findText("UV", Qt.MatchFlag.MatchContains)
    view.pickers[1].setCurrentIndex(uv_index)
    qtbot.waitUntil(lambda: all(p is not None and p.pixmap for p in view.canvas.photos))
    measure_whole_photo(qtbot, view)
    assert view.panel.shown[1].light == "uv"
    assert "not compared" in view.panel.result.text()
    assert "(UV photo)" in view.panel.result.text()
