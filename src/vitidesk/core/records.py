"""What core needs to know of a stored photo or questionnaire answer (no storage here).

The store's own records (:class:`vitidesk.storage.photos.Photo`,
:class:`vitidesk.storage.responses.Response`) have these fields and more; core code that
reads them (the report's data, the exports) asks only for these, so it never imports
storage.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class PhotoRecord(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def site(self) -> str: ...
    @property
    def taken_at(self) -> dt.date: ...
    @property
    def light(self) -> str: ...


class ResponseRecord(Protocol):
    """A recorded answer set, scored when it was recorded: its raw total, percentage and
    band are read as stored, never scored again with today's bands."""

    @property
    def id(self) -> int: ...
    @property
    def instrument(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def taken_at(self) -> dt.datetime: ...
    @property
    def answers(self) -> tuple[int, ...]: ...
    @property
    def difficulty(self) -> int | None: ...
    @property
    def raw(self) -> int: ...
    @property
    def percent(self) -> int | None: ...
    @property
    def band(self) -> str: ...
    @property
    def flags(self) -> frozenset[str]: ...
    @property
    def note(self) -> str: ...
