"""Closing the store (the window closing, a restore, a reset) stops every job first: an
import stops between files, and what it imported is whole."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from tests.photo_samples import oriented_jpeg
from vitidesk.storage.database import Store
from vitidesk.storage.photos import PhotoLibrary


def test_closing_stops_an_import_between_files(
    qtbot, window, state, tmp_path: Path, monkeypatch
) -> None:
    import vitidesk.storage.photo_batch as photo_batch

    files = [oriented_jpeg(tmp_path / f"p{n}.jpg", 1) for n in range(20)]
    real = photo_batch.prepare_photo
    seen: list[Path] = []
    second = threading.Event()

    def slow_after_the_first(path, taken=None):
        seen.append(path)
        if len(seen) == 2:
            second.set()
            jobs = state.tasks.running()
            deadline = time.monotonic() + 10
            while not all(job.cancelled for job in jobs) and time.monotonic() < deadline:
                time.sleep(0.005)  # the second file is in hand when the window closes
        return real(path, taken)

    monkeypatch.setattr(photo_batch, "prepare_photo", slow_after_the_first)
    window.sidebar.select(1)
    page = window.current_page()
    page.import_paths(files, ask=False, allow_duplicates=True)
    assert second.wait(10)
    state.close()  # what the app does when its window closes
    assert state.store.closed
    with Store.open(state.paths.data_dir) as store:
        assert len(PhotoLibrary(store).photos()) == 2  # the file in hand finished; no more
