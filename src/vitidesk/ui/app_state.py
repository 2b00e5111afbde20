"""The one observable state of the running app. Widgets listen to it, never to each other."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from vitidesk.paths import AppPaths
from vitidesk.storage.database import Store
from vitidesk.storage.settings import Settings


class AppState(QObject):
    """Holds the open store and says what changed."""

    store_replaced = Signal()  # after "Reset demo" or a restore: reload everything
    settings_changed = Signal(str)  # the name of the setting
    photos_changed = Signal()
    responses_changed = Signal()

    def __init__(self, paths: AppPaths, store: Store) -> None:
        super().__init__()
        self.paths = paths
        self.store = store
        self.settings = Settings(store)

    @property
    def demo(self) -> bool:
        return self.paths.demo

    def set_setting(self, name: str, value: Any) -> None:
        if getattr(self.settings, name) == value:
            return
        setattr(self.settings, name, value)
        self.settings_changed.emit(name)

    def replace_store(self, store: Store) -> None:
        old = self.store
        self.store = store
        self.settings = Settings(store)
        if old is not store:
            old.close()
        self.store_replaced.emit()

    def close(self) -> None:
        self.store.close()
