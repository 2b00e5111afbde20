"""One typed facade over the person's settings, each declared once with its default.

Values live in the store's ``settings`` table as JSON, so they are private, transactional
and part of every backup. Reading an option that was never set gives its default; a stored
value of the wrong type (a hand-edited database) also falls back to the default.
"""

from __future__ import annotations

import json
from typing import Any, Generic, TypeVar

from vitidesk.core.crisis import load_crisis_directory
from vitidesk.storage.database import Store

T = TypeVar("T")


class Option(Generic[T]):
    """A setting with a type, a default and, optionally, the values it may take."""

    def __init__(self, default: T, choices: tuple[T, ...] | None = None) -> None:
        self.default = default
        self.choices = choices
        self.kind = type(default)
        self.key = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = name

    def valid(self, value: Any) -> bool:
        if type(value) is not self.kind:
            return False
        return self.choices is None or value in self.choices

    def __get__(self, settings: Settings | None, owner: type) -> Any:
        if settings is None:
            return self
        value = settings.read_raw(self.key, self.default)
        return value if self.valid(value) else self.default

    def __set__(self, settings: Settings, value: T) -> None:
        if not self.valid(value):
            raise ValueError(f"setting {self.key}: {value!r} is not allowed")
        settings.write_raw(self.key, value)


class Settings:
    """The person's settings. Assigning an attribute saves it at once."""

    # "" = not chosen yet (the crisis screen asks), "OTHER" = a place the contacts file does not
    # list; every other value is a region in resources/crisis/contacts.json.
    region = Option("", choices=("", *load_crisis_directory().region_ids(), "OTHER"))
    local_crisis_number = Option("")
    window_geometry = Option("")
    last_section = Option(0)
    reduced_motion = Option(False)
    appearance = Option("system", choices=("system", "light", "dark"))
    paper_size = Option("auto", choices=("auto", "A4", "Letter"))
    reminder_days = Option(0, choices=(0, 7, 14, 28))

    def __init__(self, store: Store) -> None:
        self._store = store

    @classmethod
    def options(cls) -> dict[str, Option[Any]]:
        return {name: value for name, value in vars(cls).items() if isinstance(value, Option)}

    def read_raw(self, key: str, default: Any) -> Any:
        rows = self._store.query("SELECT value FROM settings WHERE key = ?", (key,))
        if not rows:
            return default
        try:
            return json.loads(rows[0][0])
        except json.JSONDecodeError:
            return default

    def write_raw(self, key: str, value: Any) -> None:
        with self._store.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )
