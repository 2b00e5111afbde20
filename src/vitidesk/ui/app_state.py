"""The one observable state of the running app. Widgets listen to it, never to each other.

It hands out the services (the one way screens reach the data) and turns what each
operation changed into signals. A widget never builds a store object or emits a data signal
itself: it calls a service, and the service tells this object what changed. A service
called on a worker is heard here too: its changes are handed to the GUI thread first.

Before the store closes or is replaced, every background job is cancelled and waited for
(:meth:`vitidesk.ui.tasks.Tasks.shutdown`), so no job reads a closed store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from vitidesk.paths import AppPaths
from vitidesk.services.backup import BackupService
from vitidesk.services.changes import Changes
from vitidesk.services.diary import DiaryService
from vitidesk.services.exports import ExportsService
from vitidesk.services.photos import PhotosService
from vitidesk.services.reports import ReportsService
from vitidesk.services.responses import ResponsesService
from vitidesk.services.settings import SettingsService
from vitidesk.storage.database import Store
from vitidesk.ui.tasks import Tasks, tasks

if TYPE_CHECKING:
    from vitidesk.services.measurements import MeasurementService


class AppState(QObject):
    """Holds the open store and its services, and says what changed."""

    store_replaced = Signal()  # after "Reset demo" or a restore: reload everything
    changed = Signal(object)  # a services.changes.Changes, after every operation
    settings_changed = Signal(str)  # the name of the setting
    photos_changed = Signal()
    measurements_changed = Signal()
    responses_changed = Signal()
    drafts_changed = Signal()
    diary_changed = Signal()
    closing = Signal()  # the store is about to close: stop timers and reads
    _heard_on_worker = Signal(object)  # Changes from a worker, delivered on the GUI thread

    def __init__(self, paths: AppPaths, store: Store) -> None:
        super().__init__()
        self.paths = paths
        self.tasks: Tasks = tasks()
        self._heard_on_worker.connect(self._apply_here)
        self._open_services(store)

    def _open_services(self, store: Store) -> None:
        self.store = store
        protect = self.paths.protected_folders()
        self.settings = SettingsService(store, self.apply)
        self.responses = ResponsesService(store, self.apply)
        self.diary = DiaryService(store, self.apply)
        self.photos = PhotosService(store, self.apply)
        self._measurements: MeasurementService | None = None
        self.reports = ReportsService(store, protect=protect, listener=self.apply)
        self.exports = ExportsService(store, protect=protect, listener=self.apply)
        self.backups = BackupService(
            self.paths.data_dir, store, protect=protect, listener=self.apply
        )

    @property
    def measurements(self) -> MeasurementService:
        """What was measured on each photo (made on first use: it needs numpy, which the
        first frame does not)."""
        if self._measurements is None:
            from vitidesk.services.measurements import MeasurementService

            self._measurements = MeasurementService(self.store, self.apply)
        return self._measurements

    @property
    def demo(self) -> bool:
        return self.paths.demo

    def apply(self, changes: Changes) -> None:
        """Tell every listener what an operation changed (on the GUI thread)."""
        if QThread.currentThread() is not self.thread():
            self._heard_on_worker.emit(changes)
            return
        self._apply_here(changes)

    @Slot(object)
    def _apply_here(self, changes: Changes) -> None:
        if self.store.closed:  # a restore is swapping the folder: reopening reloads everything
            return
        if changes.responses:
            self.responses_changed.emit()
        if changes.drafts:
            self.drafts_changed.emit()
        if changes.diary:
            self.diary_changed.emit()
        if changes.photos:
            self.photos_changed.emit()
        if changes.measurements:
            self.measurements_changed.emit()
        for name in changes.settings:
            self.settings_changed.emit(name)
        self.changed.emit(changes)

    def set_setting(self, name: str, value: Any) -> None:
        self.settings.set(name, value)

    # -- closing and replacing the store -------------------------------------------------
    def release_store(self) -> None:
        """Stop every job, then close the store (a restore or reset is about to swap the
        folder). Views stop their timers on ``closing``; :meth:`reopen` brings them back."""
        if self.store.closed:
            return
        self.closing.emit()
        self.tasks.shutdown()
        self.store.close()

    def replace_store(self, open_new: Callable[[], Store] | Store) -> None:
        """Swap in another store: every job stopped and the old store closed first, then
        ``open_new()`` (which may rebuild the folder) and ``store_replaced``."""
        if isinstance(open_new, Store):
            new_store = open_new
            if new_store is not self.store:
                self.release_store()
        else:
            self.release_store()
            new_store = open_new()
        self._open_services(new_store)
        self.store_replaced.emit()

    def reopen(self) -> None:
        """Open the data folder again after :meth:`release_store` (whatever a restore did)."""
        self.replace_store(lambda: Store.open(self.paths.data_dir))

    def close(self) -> None:
        self.release_store()
