"""The Photos section as a person uses it: add, see the timeline, edit, delete, drop files."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QPushButton

from tests.photo_samples import oriented_jpeg, upright_reference
from vitidesk.core.photo_import import prepare_photo
from vitidesk.storage.photos import PhotoLibrary
from vitidesk.ui.main_window import MainWindow
from vitidesk.ui.photos import photo_actions
from vitidesk.ui.photos.capture_guide import CaptureGuideDialog, key_points
from vitidesk.ui.photos.page import PhotosPage


@pytest.fixture
def photos(qtbot, window: MainWindow) -> PhotosPage:
    window.sidebar.select(1)
    page = window.current_page()
    assert isinstance(page, PhotosPage)
    return page


def _samples(folder: Path, count: int = 2) -> list[Path]:
    paths = [oriented_jpeg(folder / "a.jpg", 6)]
    if count > 1:
        other = folder / "b.png"
        upright_reference().rotate(90, expand=True).save(other)
        paths.append(other)
    return paths


def _import(qtbot, page: PhotosPage, paths: list[Path]) -> None:
    page.import_paths(paths, ask=False)
    qtbot.waitUntil(lambda: not page.busy, timeout=15000)


def test_empty_library_shows_a_friendly_start(photos: PhotosPage) -> None:
    assert photos.stack.currentWidget() is photos.empty
    assert "No photos yet" in photos.empty_title.text()
    assert photos.sites.item(0).text() == "All photos (0)"


def test_an_empty_library_has_one_next_step_with_the_photo_guide_beside_it(
    qtbot, photos: PhotosPage, tmp_path: Path, monkeypatch, opened_dialogs
) -> None:
    assert "add a first photo" in photos.empty_title.text()
    primary = [
        button
        for button in photos.findChildren(QPushButton)
        if button.objectName() == "PrimaryButton" and button.isVisible()
    ]
    assert primary == [photos.first_button]
    assert photos.first_button.text().startswith("Add a first photo")
    points = [label.text() for label in photos.guide_points if label.isVisible()]
    assert len(points) == len(key_points()) >= 4
    assert all(point in text for point, text in zip(key_points(), points, strict=True))
    qtbot.mouseClick(photos.guide_link, Qt.MouseButton.LeftButton)
    assert isinstance(opened_dialogs[-1], CaptureGuideDialog)
    chosen = _samples(tmp_path, 1)
    asked = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda *a, **k: asked.append(a) or ([str(p) for p in chosen], ""),
    )
    monkeypatch.setattr("vitidesk.ui.photos.page.ImportOptionsDialog.exec", lambda self: 1)
    qtbot.mouseClick(photos.first_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    qtbot.waitUntil(lambda: photos.model.rowCount() == 1, timeout=15000)
    assert photos.stack.currentWidget() is photos.timeline_pane
    assert photos.add_button.isVisible() and photos.guide_button.isVisible()


def test_an_empty_body_site_offers_to_add_photos_of_it(
    qtbot, photos: PhotosPage, tmp_path: Path
) -> None:
    _import(qtbot, photos, _samples(tmp_path, 1))
    names = [photos.sites.item(r).text() for r in range(photos.sites.count())]
    photos.sites.setCurrentRow(names.index("Neck (0)"))
    assert photos.stack.currentWidget() is photos.empty
    assert photos.empty_title.text() == "No photos of Neck yet"
    assert photos.first_button.text() == "Add photos…"
    assert not photos.add_button.isVisible()  # one "Add" button on screen, not two


def test_added_photos_appear_on_the_timeline_with_thumbnails(
    qtbot, photos: PhotosPage, tmp_path: Path
) -> None:
    _import(qtbot, photos, _samples(tmp_path))
    assert photos.stack.currentWidget() is photos.timeline_pane
    assert photos.model.rowCount() == 2
    assert photos.sites.item(0).text() == "All photos (2)"
    qtbot.waitUntil(lambda: len(photos.cache.pixmaps) == 2, timeout=10000)
    assert all(not pixmap.isNull() for pixmap in photos.cache.pixmaps.values())
    assert "Added" not in photos.status.text() and "2 of 2" in photos.status.text()


def test_a_bad_file_is_reported_and_the_good_one_still_added(
    qtbot, photos: PhotosPage, tmp_path: Path, opened_dialogs
) -> None:
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"nope")
    _import(qtbot, photos, [bad, *_samples(tmp_path, 1)])
    assert photos.model.rowCount() == 1
    report = opened_dialogs[-1]
    assert (
        "1 added, 0 already in your library, 1 could not be added"
        in report.findChildren(type(photos.title_label))[0].text()
    )


def test_edit_actions_change_the_photo(
    qtbot, photos: PhotosPage, tmp_path: Path, monkeypatch
) -> None:
    _import(qtbot, photos, _samples(tmp_path, 1))
    photos.timeline.setCurrentIndex(photos.model.index(0))
    library: PhotoLibrary = photos.library

    def pick_date(dialog) -> int:
        dialog.edit.setDate(dt.date(2025, 5, 4))
        return 1

    monkeypatch.setattr(photo_actions.DateDialog, "exec", pick_date)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Legs", True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("left shin", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    for key in ("date", "site", "name", "light"):
        photos.timeline.setCurrentIndex(photos.model.index(0))
        photos.act_on_selection(key)
    photo = library.photos()[0]
    assert (photo.taken_at, photo.site, photo.label, photo.light) == (
        dt.date(2025, 5, 4),
        "Legs",
        "left shin",
        "uv",
    )
    assert "UV" in photos.model.data(photos.model.index(0))
    path = library.path_of(photo)
    photos.timeline.setCurrentIndex(photos.model.index(0))
    photos.act_on_selection("delete")
    assert library.photos() == [] and not path.exists()
    assert photos.stack.currentWidget() is photos.empty


def test_dropping_files_imports_them(
    qtbot, photos: PhotosPage, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("vitidesk.ui.photos.page.ImportOptionsDialog.exec", lambda self: 1)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in _samples(tmp_path)])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    photos.dropEvent(event)
    qtbot.waitUntil(lambda: photos.model.rowCount() == 2, timeout=15000)


def test_a_long_timeline_opens_fast_and_loads_only_what_is_seen(
    qtbot, photos: PhotosPage, tmp_path: Path
) -> None:
    library = photos.library
    prepared = prepare_photo(oriented_jpeg(tmp_path / "x.jpg", 1))
    site = library.site_named("Trunk")
    for _ in range(300):
        library.add(prepared, site)
    start = time.perf_counter()
    photos.reload()
    qtbot.wait(50)
    elapsed = time.perf_counter() - start
    assert photos.model.rowCount() == 300
    assert elapsed < 1.0
    requested = len(photos.cache.pixmaps) + len(photos.cache.pending)
    assert 0 < requested < 300


def test_a_new_body_site_can_be_added_and_renamed(qtbot, photos: PhotosPage, monkeypatch) -> None:
    answers = iter([("Left knee", True), ("Right knee", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    photos.add_site()
    names = [photos.sites.item(r).text() for r in range(photos.sites.count())]
    assert "Left knee (0)" in names
    photos.sites.setCurrentRow(names.index("Left knee (0)"))
    photos.rename_site(photos.current_site())
    assert "Right knee (0)" in [photos.sites.item(r).text() for r in range(photos.sites.count())]


def test_the_timeline_columns_share_the_width(qtbot, photos: PhotosPage, tmp_path: Path) -> None:
    """No empty strip down the right of the thumbnails, whatever the window's width."""
    _import(qtbot, photos, _samples(tmp_path))
    window = photos.window()
    for width in (900, 1013, 1280):
        window.setMaximumSize(10_000, 10_000)
        window.resize(width, 700)
        qtbot.waitUntil(lambda width=width: window.width() == width)
        room = photos.timeline.viewport().width()
        cell = photos.timeline.gridSize().width()
        columns = room // cell
        assert columns >= 1 and room - columns * cell < columns, (width, room, cell)
