"""One VitiDesk per data folder: a second launch raises the first window instead of opening the
same store twice.

The lock itself is :class:`vitidesk.storage.folder_lock.FolderLock` (no Qt), the same one
``vitidesk restore`` and every command that creates or migrates the store take, so none of
them can change the folder under an open window. This wrapper adds the raise request: a
file a second launch touches and the first one watches for (no sockets, so nothing that
could ever touch a network)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from vitidesk.paths import RAISE_FILE as RAISE_NAME
from vitidesk.storage.folder_lock import FolderLock


class InstanceGuard(QObject):
    """Holds the data folder's lock; tells the window when another launch asks to be shown."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.lock = FolderLock(data_dir)
        self.watcher: QFileSystemWatcher | None = None

    def acquire(self) -> bool:
        """True when this is the only VitiDesk using the folder."""
        if self.lock.acquire(wait=0.1):
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
        """After the store was replaced: a restore swaps the folder's contents, never the
        folder, so the lock is still held; take it again only if it was somehow lost."""
        if not self.lock.held:
            self.lock.acquire(wait=0.1)

    def release(self) -> None:
        self.lock.release()
