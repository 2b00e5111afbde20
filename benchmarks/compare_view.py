"""The comparison view on a pair of 24 MP photos: time to the first fitted frame after
choosing them, and the cost of one pan or zoom repaint, against a same-run baseline of
painting an empty canvas. Targets: first frame <= 0.5 s, repaint <= 16 ms.

    python benchmarks/compare_view.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from photo_import import make_phone_jpeg


def main() -> int:
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication

    from vitidesk.storage.database import Store
    from vitidesk.storage.photo_batch import import_files
    from vitidesk.storage.photos import PhotoLibrary
    from vitidesk.ui.compare.canvas import CompareCanvas
    from vitidesk.ui.compare.compare_view import CompareView

    app = QApplication([])
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        first = make_phone_jpeg(folder / "a.jpg")
        second = make_phone_jpeg(folder / "b.jpg")
        store = Store.open(folder / "data")
        library = PhotoLibrary(store)
        face = library.site_named("Face")
        import_files(library, [first], site=face)
        import_files(library, [second], site=face, allow_duplicates=True)
        photos = library.photos()

        empty = CompareCanvas()
        empty.resize(1100, 700)
        empty.show()
        app.processEvents()
        baseline = []
        for _ in range(30):
            start = time.perf_counter()
            empty.repaint()
            baseline.append(time.perf_counter() - start)

        view = CompareView(library)
        view.resize(1400, 800)
        view.show()
        app.processEvents()
        start = time.perf_counter()
        view.open_pair(photos, photos[0], photos[1])
        canvas = view.canvas
        while not all(p is not None and p.pixmap is not None for p in canvas.photos):
            app.processEvents()
            time.sleep(0.001)
        canvas.repaint()
        first_frame = time.perf_counter() - start
        while not all(p.detailed for p in canvas.photos):
            app.processEvents()
            time.sleep(0.005)
        detail = time.perf_counter() - start

        results = {}
        for label, zoom in (("fitted", None), ("100%", 1.0)):
            canvas.fit_all()
            if zoom:
                canvas.actual_size()
            canvas._drag = ("pan", 0, QPointF(0, 0))  # a drag in progress: fast path
            times = []
            for step in range(30):
                canvas.view_for(0).pan(QPointF(3, 2 if step % 2 else -2))
                begin = time.perf_counter()
                canvas.repaint()
                times.append(time.perf_counter() - begin)
            canvas._drag = None
            results[label] = statistics.median(times)
        store.close()
    print(f"empty canvas repaint (baseline): {statistics.median(baseline) * 1000:.1f} ms")
    print(f"first fitted frame after choosing the pair: {first_frame:.3f} s (target <= 0.5 s)")
    print(f"full detail of both photos ready after:    {detail:.3f} s")
    for label, value in results.items():
        print(f"pan repaint at {label}: {value * 1000:.1f} ms per frame (target <= 16 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
