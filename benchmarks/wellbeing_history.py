"""Wellbeing history with 10 years of weekly answers for all four questionnaires (~2,000 rows):
time to open each history view with its chart painted, against the same view with no answers,
in the same run. Target: <= 300 ms.

    python benchmarks/wellbeing_history.py
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = {"WHO-5": (5, 5), "PHQ-4": (4, 3), "PHQ-9": (9, 3), "GAD-7": (7, 3)}


def open_history(app, state, instrument) -> float:
    from vitidesk.ui.wellbeing.history import HistoryView

    start = time.perf_counter()
    view = HistoryView(state, instrument)
    view.resize(1100, 760)
    view.show()
    app.processEvents()
    view.grab()
    elapsed = time.perf_counter() - start
    view.close()
    view.deleteLater()
    return elapsed


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from vitidesk.core.questionnaires import load_instruments
    from vitidesk.paths import AppPaths
    from vitidesk.storage.database import Store
    from vitidesk.storage.responses import ResponseStore
    from vitidesk.ui.app_state import AppState

    app = QApplication([])
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as scratch:
        empty_state = AppState(
            AppPaths.resolve(Path(scratch) / "e", False), Store.open(Path(scratch) / "e")
        )
        full_dir = Path(scratch) / "full"
        state = AppState(AppPaths.resolve(full_dir, False), Store.open(full_dir))
        start = dt.datetime(2016, 1, 4, 9, 0, tzinfo=dt.UTC)
        entries = [
            {
                "instrument_id": name,
                "answers": [rng.randint(0, top) for _ in range(count)],
                "taken_at": start + dt.timedelta(weeks=week),
            }
            for week in range(520)
            for name, (count, top) in SIZES.items()
        ]
        ResponseStore(state.store).record_many(entries)
        print(f"answers stored: {len(entries)}")
        instruments = load_instruments()
        for name, instrument in instruments.items():
            empty = statistics.median(open_history(app, empty_state, instrument) for _ in range(3))
            full = statistics.median(open_history(app, state, instrument) for _ in range(3))
            print(
                f"{name}: history with 520 answers opens in {full * 1000:.0f} ms "
                f"(empty: {empty * 1000:.0f} ms; ratio {full / empty:.1f}; target <= 300 ms)"
            )
        state.close()
        empty_state.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
