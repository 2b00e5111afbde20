"""The "vitiligo and me" diary: how much vitiligo affected the week (0-10), and a note.

This is VitiDesk's own simple question for the person's record, never presented as a
validated questionnaire.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vitidesk.core.limits import NOTE_MAX_CHARS
from vitidesk.errors import UserError
from vitidesk.storage.database import Store

MAX_NOTE = NOTE_MAX_CHARS


@dataclass(frozen=True)
class DiaryEntry:
    id: int
    taken_at: dt.datetime
    rating: int
    note: str


class Diary:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, rating: int, note: str = "", taken_at: dt.datetime | None = None) -> DiaryEntry:
        if type(rating) is not int or not 0 <= rating <= 10:
            raise UserError("diary rating", f"{rating!r} is not a whole number from 0 to 10")
        clean = note.strip()
        if len(clean) > MAX_NOTE:  # never cut silently: the field stops typing at the limit
            raise UserError("diary note", f"it can have at most {MAX_NOTE} characters")
        when = (taken_at or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
        with self.store.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO diary (taken_at, rating, note) VALUES (?, ?, ?)",
                (when, rating, clean),
            )
            assert cursor.lastrowid is not None  # set by every INSERT
            entry_id = int(cursor.lastrowid)
        return self.get(entry_id)

    def get(self, entry_id: int) -> DiaryEntry:
        rows = self.store.query(
            "SELECT id, taken_at, rating, note FROM diary WHERE id = ?", (entry_id,)
        )
        if not rows:
            raise UserError(f"diary entry {entry_id}", "no such entry")
        return _entry(rows[0])

    def entries(self, limit: int | None = None) -> list[DiaryEntry]:
        """Newest first."""
        sql = "SELECT id, taken_at, rating, note FROM diary ORDER BY taken_at DESC, id DESC"
        rows = self.store.query(sql + (f" LIMIT {int(limit)}" if limit else ""))
        return [_entry(row) for row in rows]

    def delete(self, entry_id: int) -> None:
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM diary WHERE id = ?", (entry_id,))


def _entry(row: tuple) -> DiaryEntry:
    return DiaryEntry(row[0], dt.datetime.fromisoformat(row[1]), row[2], row[3])


def seed_diary(store: Store) -> None:
    """Demo: a few months of weekly diary entries, slowly easing (deterministic)."""
    diary = Diary(store)
    start = dt.datetime(2025, 9, 7, 19, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    ratings = (7, 6, 7, 5, 6, 5, 4, 5, 4, 3, 4, 3)
    notes = {
        0: "Summer made the patches stand out.",
        6: "Friends asked; I felt OK talking about it.",
    }
    for week, rating in enumerate(ratings):
        diary.add(rating, notes.get(week, ""), start + dt.timedelta(weeks=week))
