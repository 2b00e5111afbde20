"""The one observable state of the running app. Widgets listen to it, never to each other.

It hands out the services (the one way screens reach the data) and turns what each
operation changed into signals. A widget never builds a store object or emits a data signal
itself: it calls a service, and the service tells this object what changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from vitidesk.paths import AppPaths
from vitidesk.services.changes import Changes
from vitidesk.services.diary import DiaryService
from vitidesk.services.responses import ResponsesService
from vitidesk.storage.database import Store
from vitidesk.storage.settings import Settings


class AppState(QObject):
    """Holds the open store and its services, and says what changed."""

    store_replaced = Signal()  # after "Reset demo" or a restore: reload everything
    changed = Signal(object)  # a services.changes.Changes, after every operation
    settings_changed = Signal(str)  # the name of the setting
    photos_changed = Signal()
    responses_changed = Signal()
    drafts_changed = Signal()
    diary_changed = Signal()
    closing = Signal()  # the store is about to close for good: stop timers and reads

    def __init__(self, paths: AppPaths, store: Store) -> None:
        super().__init__()
        self.paths = paths
        self._open_services(store)

    def _open_services(self, store: Store) -> None:
        self.store = store
        self.settings = Settings(store)
        self.responses = ResponsesService(store, self.apply)
        self.diary = DiaryService(store, self.apply)

    @property
    def demo(self) -> bool:
        return self.paths.demo

    def apply(self, changes: Changes) -> None:
        """Tell every listener what an operation changed."""
        if changes.responses:
            self.responses_changed.emit()
        if changes.drafts:
            self.drafts_changed.emit()
        if changes.diary:
            self.diary_changed.emit()
        if changes.photos:
            self.photos_changed.emit()
        for name in changes.settings:
            self.settings_changed.emit(name)
        self.changed.emit(changes)

    def set_setting(self, name: str, value: Any) -> None:
        if getattr(self.settings, name) == value:
            return
        setattr(self.settings, name, value)
        self.apply(Changes(settings=(name,)))

    def replace_store(self, store: Store) -> None:
        old = self.store
        self._open_services(store)
        if old is not store:
            old.close()
        self.store_replaced.emit()

    def close(self) -> None:
        self.closing.emit()
        self.store.close()
