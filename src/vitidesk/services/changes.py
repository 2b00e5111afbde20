"""What an operation changed, so every screen that shows it can refresh (and no other)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    responses: bool = False
    drafts: bool = False
    diary: bool = False
    photos: bool = False
    measurements: bool = False  # what was measured on a photo (its region, marks, mask)
    settings: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return any(
            (
                self.responses,
                self.drafts,
                self.diary,
                self.photos,
                self.measurements,
                self.settings,
            )
        )


Listener = Callable[[Changes], None]


class Service:
    """A part of the store, and who to tell when it changes."""

    def __init__(self, listener: Listener | None = None) -> None:
        self._listener = listener

    def _changed(self, changes: Changes) -> None:
        if self._listener is not None and changes:
            self._listener(changes)
