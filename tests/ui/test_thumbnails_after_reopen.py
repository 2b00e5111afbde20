"""Thumbnails asked for just before the store is replaced are asked for again afterwards:
the jobs that were stopped leave nothing stuck 'on its way'."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.photo_samples import oriented_jpeg
from vitidesk.storage.database import Store


def test_thumbnails_load_after_the_same_data_are_opened_again(
    qtbot, window, state, tmp_path: Path
) -> None:
    window.sidebar.select(1)
    page = window.current_page()
    files = [oriented_jpeg(tmp_path / f"p{n}.jpg", n + 1) for n in range(3)]
    face = page.library.site_named("Face")
    outcomes = state.photos.import_files(files, site=face)
    assert all(o.status == "imported" for o in outcomes)
    page.reload()
    model = page.model

    def ask_for_every_thumbnail() -> None:
        for row in range(model.rowCount()):
            model.data(model.index(row), Qt.ItemDataRole.DecorationRole)

    ask_for_every_thumbnail()  # on their way; none has been handed back yet
    # A restore of the same data (or any reopen): the jobs on their way are stopped.
    state.replace_store(lambda: Store.open(state.paths.data_dir))
    ask_for_every_thumbnail()
    qtbot.waitUntil(lambda: len(page.cache.pixmaps) == 3, timeout=10000)
