"""Late results never land on a view that moved on: Compare's estimate and alignment, the
report preview. Each test starts work, changes the view before the result arrives, then
waits for every job and checks what is shown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.compare_helpers import open_compare_and_wait
from vitidesk.core.demo_photos import render_sample
from vitidesk.core.photo_import import prepare_photo
from vitidesk.ui.compare.compare_view import CompareView
from vitidesk.ui.main_window import MainWindow
from vitidesk.ui.photos.page import PhotosPage
from vitidesk.ui.tasks import tasks, wait_for_background_tasks

DAYS = ("2025-01-15", "2025-04-15", "2025-07-15")


@pytest.fixture
def compare(qtbot, window: MainWindow, tmp_path: Path) -> CompareView:
    window.resize(1100, 700)
    window.sidebar.select(1)
    page: PhotosPage = window.current_page()
    hands = page.library.site_named("Hands")
    for step, day in enumerate(DAYS):
        path = tmp_path / f"{day}.jpg"
        render_sample("Hands", step, "visible").save(path, quality=92)
        page.library.add(prepare_photo(path, dt.date.fromisoformat(day)), hands)
    return open_compare_and_wait(qtbot, page)


def _settle(qtbot) -> None:
    """Every worker done and every result that is still wanted handed back."""
    assert wait_for_background_tasks(60000)
    qtbot.waitUntil(lambda: not tasks().running(), timeout=10000)


def _choose_after(view: CompareView, day: str) -> None:
    picker = view.pickers[1]
    index = next(i for i in range(picker.count()) if picker.itemText(i).endswith(day))
    picker.setCurrentIndex(index)


def test_an_estimate_of_the_previous_pair_is_not_shown_under_new_dates(
    qtbot, compare: CompareView
) -> None:
    panel = compare.panel
    assert compare.pair[1].taken_at.isoformat() == DAYS[-1]
    qtbot.mouseClick(panel.whole_button, Qt.MouseButton.LeftButton)
    assert panel.result.text().startswith("Estimating")
    _choose_after(compare, DAYS[1])  # switched while the first pair is still being measured
    _settle(qtbot)
    assert compare.pair[1].taken_at.isoformat() == DAYS[1]
    assert panel.estimates is None
    assert not panel.result.text().startswith("Before")
    assert compare.canvas.masks == [None, None]
    # Measured again, the numbers are for the pair on screen.
    qtbot.mouseClick(panel.whole_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result.text().startswith("Before"), timeout=60000)
    assert "15 Apr 2025" in panel.result.text()


def test_an_alignment_of_the_previous_pair_is_not_applied_to_the_new_one(
    qtbot, compare: CompareView
) -> None:
    qtbot.mouseClick(compare.panel.auto_button, Qt.MouseButton.LeftButton)
    _choose_after(compare, DAYS[1])
    _settle(qtbot)
    assert not compare.aligned
    assert compare.canvas.transform_b.isIdentity()
