"""The weekly "vitiligo and me" diary: add, read, delete entries."""

from __future__ import annotations

import datetime as dt

from vitidesk.services.changes import Changes, Listener, Service
from vitidesk.storage.database import Store
from vitidesk.storage.diary import Diary, DiaryEntry


class DiaryService(Service):
    def __init__(self, store: Store, listener: Listener | None = None) -> None:
        super().__init__(listener)
        self._diary = Diary(store)

    def entries(self, limit: int | None = None) -> list[DiaryEntry]:
        return self._diary.entries(limit)

    def add(self, rating: int, note: str = "", taken_at: dt.datetime | None = None) -> DiaryEntry:
        entry = self._diary.add(rating, note, taken_at)
        self._changed(Changes(diary=True))
        return entry

    def delete(self, entry_id: int) -> None:
        self._diary.delete(entry_id)
        self._changed(Changes(diary=True))
