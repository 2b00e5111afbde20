"""A one-line progress bar for a terminal: count, current file, time left. No Qt."""

from __future__ import annotations

import shutil
import time
from typing import TextIO

BAR_CELLS = 24
MIN_ETA_AFTER = 1  # files done before a time left is guessed (the first one warms up)


def _clock(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class ProgressBar:
    """Redrawn in place on ``stream`` (a terminal); :meth:`clear` before printing a line."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.total = max(total, 1)
        self.started = time.monotonic()
        self._drawn = False

    def draw(self, done: int, current: str = "") -> None:
        filled = BAR_CELLS * done // self.total
        bar = "#" * filled + "-" * (BAR_CELLS - filled)
        line = f"[{bar}] {done}/{self.total}"
        if done >= MIN_ETA_AFTER and done < self.total:
            elapsed = time.monotonic() - self.started
            line += f"  about {_clock(elapsed / done * (self.total - done))} left"
        if current:
            line += f"  {current}"
        width = shutil.get_terminal_size((80, 20)).columns - 1
        self.stream.write("\r" + line[:width].ljust(width))
        self.stream.flush()
        self._drawn = True

    def clear(self) -> None:
        if self._drawn:
            width = shutil.get_terminal_size((80, 20)).columns - 1
            self.stream.write("\r" + " " * width + "\r")
            self.stream.flush()
            self._drawn = False
