"""Cold start to first painted frame: VitiDesk against a bare PySide6 window, same run.

Runs ``python -m vitidesk --exit-when-ready`` and a script that shows an empty QMainWindow
and quits on its first paint, alternating, RUNS times each, and prints the medians and their
ratio. Machines here are noisy, so only the same-run ratio means anything. Target: <= 1.5.

    python benchmarks/startup.py [--runs 7] [--check]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

TARGET_RATIO = 1.5

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1180, 760)
spy = FirstPaint()
window.installEventFilter(spy)
window.show()
sys.exit(app.exec())
"""


def _time_once(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--check", action="store_true", help=f"exit 1 if ratio > {TARGET_RATIO}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["VITIDESK_DATA_DIR"] = os.path.join(scratch, "data")
        env["VITIDESK_LOG_DIR"] = os.path.join(scratch, "logs")
        app = [sys.executable, "-m", "vitidesk", "--exit-when-ready"]
        bare = [sys.executable, "-c", BARE_WINDOW]
        _time_once(app, env)  # first run creates the store and warms the disk cache
        _time_once(bare, env)
        app_times, bare_times = [], []
        for _ in range(args.runs):
            bare_times.append(_time_once(bare, env))
            app_times.append(_time_once(app, env))
    app_median = statistics.median(app_times)
    bare_median = statistics.median(bare_times)
    ratio = app_median / bare_median
    print(f"bare PySide6 window: median {bare_median:.3f} s over {args.runs} runs")
    print(f"vitidesk:            median {app_median:.3f} s over {args.runs} runs")
    print(f"ratio:               {ratio:.2f} (target <= {TARGET_RATIO})")
    return 1 if args.check and ratio > TARGET_RATIO else 0


if __name__ == "__main__":
    raise SystemExit(main())
