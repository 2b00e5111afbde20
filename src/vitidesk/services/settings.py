"""The person's settings and the data check, for the window and the commands.

Read a setting as an attribute (``settings.region``); change it with :meth:`set` (or by
assigning the attribute, which calls it), which saves it and reports ``settings=(name,)``
only when the value really changed, so no change goes unreported.
"""

from __future__ import annotations

from typing import Any

from vitidesk.services.changes import Changes, Listener, Service
from vitidesk.storage.check import CheckReport, check_store
from vitidesk.storage.database import Store
from vitidesk.storage.settings import Settings

__all__ = ["CheckReport", "SettingsService"]

OPTIONS = frozenset(Settings.options())


class SettingsService(Service):
    def __init__(self, store: Store, listener: Listener | None = None) -> None:
        super().__init__(listener)
        self._store = store
        self._settings = Settings(store)

    def __getattr__(self, name: str) -> Any:
        if name in OPTIONS:
            return getattr(self._settings, name)
        raise AttributeError(name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in OPTIONS:
            self.set(name, value)
            return
        super().__setattr__(name, value)

    def set(self, name: str, value: Any) -> bool:
        """Save one setting; True (and reported) if it changed. A bad value: ValueError."""
        if name not in OPTIONS:
            raise AttributeError(name)
        if getattr(self._settings, name) == value:
            return False
        setattr(self._settings, name, value)
        self._changed(Changes(settings=(name,)))
        return True

    def check(self) -> CheckReport:
        """Verify the database and every stored file (slow: run it off the GUI thread)."""
        return check_store(self._store)
