"""The Photos timeline with 1,000 photos: time to open it with its visible thumbnails drawn,
and resident memory, against the same page on an empty library in the same run.
Targets: <= 1 s, < 400 MB.

    python benchmarks/timeline.py [--photos 1000]
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def fill_library(data_dir: Path, count: int) -> None:
    from PIL import Image

    from vitidesk.core.photo_import import prepare_photo
    from vitidesk.storage.database import Store
    from vitidesk.storage.photos import PhotoLibrary

    sample = data_dir.parent / "sample.jpg"
    Image.new("RGB", (1600, 1200), (180, 130, 100)).save(sample, quality=90)
    prepared = prepare_photo(sample)
    with Store.open(data_dir) as store:
        library = PhotoLibrary(store)
        sites = [library.site_named(name) for name in ("Face", "Hands", "Trunk")]
        for index in range(count):
            library.add(prepared, sites[index % 3])


def open_page(app, data_dir: Path):
    from vitidesk.paths import AppPaths
    from vitidesk.storage.database import Store
    from vitidesk.ui.app_state import AppState
    from vitidesk.ui.photos.page import PhotosPage

    state = AppState(AppPaths.resolve(data_dir, demo=False), Store.open(data_dir))
    start = time.perf_counter()
    page = PhotosPage(state)
    page.resize(1180, 760)
    page.show()
    app.processEvents()
    page.grab()  # paint once, as the screen would
    deadline = time.perf_counter() + 10
    while page.cache.pending and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)
    page.grab()
    return time.perf_counter() - start, page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = Path(scratch) / "data"
        start = time.perf_counter()
        fill_library(data_dir, args.photos)
        print(f"made a library of {args.photos} photos in {time.perf_counter() - start:.1f} s")

        from PySide6.QtWidgets import QApplication

        app = QApplication([])
        empty_dir = Path(scratch) / "empty"
        empty, _ = open_page(app, empty_dir)
        opened, page = open_page(app, data_dir)
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"page on an empty library:            {empty:.3f} s")
        print(
            f"page with {page.model.rowCount()} photos, thumbnails drawn: {opened:.3f} s "
            f"({len(page.cache.pixmaps)} visible thumbnails loaded; target <= 1 s)"
        )
        print(f"ratio: {opened / empty:.2f}")
        print(f"peak resident memory: {rss_mb:.0f} MB (target < 400 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
