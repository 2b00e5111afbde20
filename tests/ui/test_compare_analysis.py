"""Aligning and measuring in the comparison view: landmarks, automatic alignment, estimates."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt

from tests.ui.compare_helpers import measure_whole_photo, open_compare_and_wait
from vitidesk.core.demo_photos import render_sample
from vitidesk.core.photo_import import prepare_photo
from vitidesk.ui.compare.canvas import REGION_COLOUR
from vitidesk.ui.compare.compare_view import CompareView
from vitidesk.ui.main_window import MainWindow
from vitidesk.ui.photos.page import PhotosPage

SHIFT = (40, -25)
ROTATION = 6.0


@pytest.fixture
def compare(qtbot, window: MainWindow, tmp_path: Path) -> CompareView:
    window.resize(1100, 700)
    window.sidebar.select(1)
    page: PhotosPage = window.current_page()
    library = page.library
    hands = library.site_named("Hands")
    before = render_sample("Hands", 0, "visible")
    after = render_sample("Hands", 2, "visible").rotate(
        ROTATION, resample=Image.Resampling.BILINEAR, translate=SHIFT, fillcolor=(20, 22, 26)
    )
    for name, image, day in (
        ("before.jpg", before, "2025-01-15"),
        ("after.jpg", after, "2025-07-15"),
    ):
        path = tmp_path / name
        image.save(path, quality=92)
        import datetime as dt

        library.add(prepare_photo(path, dt.date.fromisoformat(day)), hands)
    return open_compare_and_wait(qtbot, page)


def _screen(view: CompareView, pane: int, image_point: QPointF) -> QPoint:
    canvas = view.canvas
    return canvas.view_for(pane).to_screen(canvas.panes()[pane]).map(image_point).toPoint()


def test_landmarks_fit_a_transform_that_maps_the_points(qtbot, compare: CompareView) -> None:
    compare.panel.points_button.setChecked(True)
    refs = [QPointF(300, 300), QPointF(1200, 350), QPointF(700, 900)]
    moved = [QPointF(p.x() + 30, p.y() + 20) for p in refs]
    for ref, mov in zip(refs, moved, strict=True):
        qtbot.mouseClick(compare.canvas, Qt.MouseButton.LeftButton, pos=_screen(compare, 0, ref))
        qtbot.mouseClick(compare.canvas, Qt.MouseButton.LeftButton, pos=_screen(compare, 1, mov))
    assert compare.panel.use_points.isEnabled()
    qtbot.mouseClick(compare.panel.use_points, Qt.MouseButton.LeftButton)
    assert compare.aligned
    mapped = compare.canvas.transform_b.map(QPointF(330, 320))
    # Clicks land on whole screen pixels, each about 3 photo pixels at this zoom.
    assert abs(mapped.x() - 300) < 8 and abs(mapped.y() - 300) < 8
    assert "Aligned" in compare.panel.align_status.text()


def test_automatic_alignment_lines_the_later_photo_up(qtbot, compare: CompareView) -> None:
    qtbot.mouseClick(compare.panel.auto_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: compare.aligned, timeout=30000)
    # A point of the earlier photo: where did Pillow's rotate put it in the later one?
    # rotate() turns counter-clockwise about the centre, then shifts by SHIFT.
    import math

    cx, cy = 800, 600
    angle = math.radians(ROTATION)
    x, y = 400.0, 300.0
    later_x = cx + (x - cx) * math.cos(angle) + (y - cy) * math.sin(angle) + SHIFT[0]
    later_y = cy - (x - cx) * math.sin(angle) + (y - cy) * math.cos(angle) + SHIFT[1]
    mapped = compare.canvas.transform_b.map(QPointF(later_x, later_y))
    assert abs(mapped.x() - x) < 4 and abs(mapped.y() - y) < 4


def test_a_drawn_region_is_measured_on_both_dates(qtbot, compare: CompareView) -> None:
    panel = compare.panel
    panel.region_button.setChecked(True)
    start = _screen(compare, 0, QPointF(250, 150))
    end = _screen(compare, 0, QPointF(1350, 1100))
    qtbot.mousePress(compare.canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(compare.canvas, end)
    qtbot.mouseRelease(compare.canvas, Qt.MouseButton.LeftButton, pos=end)
    qtbot.waitUntil(lambda: panel.result.text().startswith("Before"), timeout=30000)
    text = panel.result.text()
    assert "After" in text and "%" in text
    assert panel.shown[0].depigmented_fraction > panel.shown[1].depigmented_fraction
    assert all(mask is not None for mask in compare.canvas.masks)
    box = next(w for w in compare.legend.widgets if w.label.text().startswith("Yellow dashed box"))
    assert box.swatch.colour == REGION_COLOUR and box.swatch.dashed
    before_text = text
    panel.threshold.setValue(40)
    assert panel.result.text() != before_text or panel.shown is not None
    panel.mask_toggle.setChecked(False)
    assert compare.canvas.masks == [None, None]


def test_the_key_names_what_is_counted_in_the_colours_drawn(qtbot, compare: CompareView) -> None:
    panel, legend, canvas = compare.panel, compare.legend, compare.canvas
    measure_whole_photo(qtbot, compare)
    assert legend.isVisible()
    dates = [p.taken_at.strftime("%d %b %Y") for p in compare.pair]
    texts = legend.texts()
    assert texts[0].startswith("Pink") and dates[0] in texts[0] and "counted" in texts[0]
    assert texts[1].startswith("Blue") and dates[1] in texts[1] and "counted" in texts[1]
    for index, estimate in enumerate(panel.shown):
        y, x = np.argwhere(estimate.mask)[0]
        drawn = canvas.masks[index].pixelColor(int(x), int(y))  # what the canvas lays over
        swatch = legend.swatches[index]
        assert swatch.colour == drawn
        painted = swatch.grab().toImage()
        assert painted.pixelColor(painted.rect().center()).rgb() == drawn.rgb()
    compare.set_mode("overlay")
    assert any(text.startswith("Pink") for text in legend.texts())
    compare.set_mode("difference")  # the photos only: no mask is drawn, so none is explained
    assert not any(text.startswith(("Pink", "Blue")) for text in legend.texts())
    compare.set_mode("side")
    panel.mask_toggle.setChecked(False)
    assert not legend.isVisible()


def test_more_sensitivity_counts_more_skin(qtbot, compare: CompareView) -> None:
    panel = compare.panel
    measure_whole_photo(qtbot, compare)
    automatic = panel.shown[0].depigmented_fraction
    panel.threshold.setValue(panel.threshold.maximum())
    assert panel.shown[0].depigmented_fraction > automatic
    panel.threshold.setValue(panel.threshold.minimum())
    assert panel.shown[0].depigmented_fraction < automatic
