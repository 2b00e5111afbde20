"""One VitiDesk per data folder: a second launch raises the first window instead of opening the
same store twice. Uses a lock file and a request file in the data folder (no sockets, so
nothing that could ever touch a network)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, Signal

from vitidesk.paths import LOCK_FILE as LOCK_NAME
from vitidesk.paths import RAISE_FILE as RAISE_NAME


class InstanceGuard(QObject):
    """Holds the data folder's lock; tells the window when another launch asks to be shown."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.lock = QLockFile(str(data_dir / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # a crashed instance's lock is detected by its dead PID
        self.watcher: QFileSystemWatcher | None = None

    def acquire(self) -> bool:
        """True when this is the only VitiDesk using the folder."""
        if self.lock.tryLock(100):
            self._watch()
            return True
        return False

    def ask_first_instance_to_show(self) -> None:
        (self.data_dir / RAISE_NAME).touch()

    def _watch(self) -> None:
        (self.data_dir / RAISE_NAME).unlink(missing_ok=True)
        self.watcher = QFileSystemWatcher([str(self.data_dir)], self)
        self.watcher.directoryChanged.connect(self._changed)

    def _changed(self, _path: str) -> None:
        request = self.data_dir / RAISE_NAME
        if request.exists():
            request.unlink(missing_ok=True)
            self.raise_requested.emit()

    def relock(self) -> None:
        """After a restore swapped a new data folder in (the lock file left with the old
        one): hold the lock in the folder that is there now, and watch it."""
        if (self.data_dir / LOCK_NAME).exists():
            return  # same folder (a demo reset keeps it): still ours
        self.lock.unlock()  # first, so it cannot later remove the new folder's lock file
        self.lock = QLockFile(str(self.data_dir / LOCK_NAME))
        self.lock.setStaleLockTime(0)
        if self.lock.tryLock(100):
            if self.watcher is not None:
                self.watcher.deleteLater()
            self._watch()

    def release(self) -> None:
        self.lock.unlock()
