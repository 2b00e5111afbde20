"""Wellbeing questionnaire responses, and the one unfinished draft kept per questionnaire.

A response is scored by :func:`vitidesk.core.questionnaires.score` when it is recorded, and
the result (raw, percent, band key, flags) is stored with the answers and the questionnaire's
text version, so history never changes if the bands are ever revised. Answers and flags are
JSON text; ``taken_at`` is ISO 8601 with its UTC offset (``taken_utc`` orders the rows).
Every write is one transaction. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from vitidesk.core.limits import NOTE_MAX_CHARS
from vitidesk.core.questionnaires import (
    AnswerError,
    check_answers,
    check_difficulty,
    check_value,
    get_instrument,
    score,
)
from vitidesk.errors import UserError
from vitidesk.storage.database import Store

NOTE_MAX = NOTE_MAX_CHARS
"""The longest note kept with a response, in characters (owned by core.limits)."""

_COLUMNS = "id, instrument, version, taken_at, answers, difficulty, raw, percent, band, flags, note"


class ResponseNotFoundError(UserError):
    """No stored response has this id."""


@dataclass(frozen=True)
class Response:
    id: int
    instrument: str
    version: str
    taken_at: dt.datetime  # timezone-aware
    answers: tuple[int, ...]
    difficulty: int | None
    raw: int
    percent: int | None
    band: str
    flags: frozenset[str]
    note: str


def _response(row: tuple) -> Response:
    return Response(
        id=int(row[0]),
        instrument=row[1],
        version=row[2],
        taken_at=dt.datetime.fromisoformat(row[3]),
        answers=tuple(int(value) for value in json.loads(row[4])),
        difficulty=None if row[5] is None else int(row[5]),
        raw=int(row[6]),
        percent=None if row[7] is None else int(row[7]),
        band=row[8],
        flags=frozenset(json.loads(row[9])),
        note=row[10],
    )


def _aware(moment: dt.datetime | None) -> dt.datetime:
    """A timezone-aware moment to the second; a naive one is taken as local time."""
    if moment is None:
        moment = dt.datetime.now().astimezone()
    elif not isinstance(moment, dt.datetime):
        raise ValueError(f"taken_at must be a date and time, not {moment!r}")
    elif moment.tzinfo is None or moment.utcoffset() is None:
        moment = moment.astimezone()
    return moment.replace(microsecond=0)


def _clean_note(note: str) -> str:
    if not isinstance(note, str):
        raise ValueError(f"a note must be text, not {note!r}")
    clean = note.strip()
    if len(clean) > NOTE_MAX:
        raise ValueError(f"a note can have at most {NOTE_MAX} characters")
    return clean


def _now_utc() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class ResponseStore:
    """The questionnaire responses and drafts in one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- responses -----------------------------------------------------------------------
    def _row_for(
        self,
        instrument_id: str,
        answers: Iterable[int],
        taken_at: dt.datetime | None,
        difficulty: int | None,
        note: str,
    ) -> tuple:
        instrument = get_instrument(instrument_id)
        values = check_answers(instrument, answers)  # names a bad item
        result = score(instrument.id, values)
        checked_difficulty = check_difficulty(instrument, difficulty)
        moment = _aware(taken_at)
        return (
            instrument.id,
            instrument.version,
            moment.isoformat(),
            moment.astimezone(dt.UTC).isoformat(),
            json.dumps(list(values)),
            checked_difficulty,
            result.raw,
            result.percent,
            result.band,
            json.dumps(sorted(result.flags)),
            _clean_note(note),
            _now_utc(),
        )

    @staticmethod
    def _insert(conn: Any, row: tuple) -> int:
        cursor = conn.execute(
            "INSERT INTO responses (instrument, version, taken_at, taken_utc, answers, "
            "difficulty, raw, percent, band, flags, note, recorded_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )
        return int(cursor.lastrowid)

    def record(
        self,
        instrument_id: str,
        answers: Iterable[int],
        *,
        taken_at: dt.datetime | None = None,
        difficulty: int | None = None,
        note: str = "",
    ) -> Response:
        """Score and keep a finished form. Bad answers raise ``AnswerError`` (a ValueError)
        naming the item, and nothing is stored. ``taken_at`` defaults to now (local time)."""
        row = self._row_for(instrument_id, answers, taken_at, difficulty, note)
        with self.store.transaction() as conn:
            response_id = self._insert(conn, row)
        return self.get(response_id)

    def record_many(self, entries: Iterable[Mapping[str, Any]]) -> list[int]:
        """Record several forms in one transaction (all or none). Each entry holds
        :meth:`record`'s arguments by name: ``instrument_id``, ``answers``, and optionally
        ``taken_at``, ``difficulty`` and ``note``. Returns the new ids in order."""
        rows = [
            self._row_for(
                entry["instrument_id"],
                entry["answers"],
                entry.get("taken_at"),
                entry.get("difficulty"),
                entry.get("note", ""),
            )
            for entry in entries
        ]
        with self.store.transaction() as conn:
            return [self._insert(conn, row) for row in rows]

    def responses(self, instrument: str | None = None) -> list[Response]:
        """Every response (or one questionnaire's), oldest first."""
        where, params = ("WHERE instrument = ?", (instrument,)) if instrument else ("", ())
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM responses {where} ORDER BY taken_utc, id", params
        )
        return [_response(row) for row in rows]

    def latest(self, instrument: str | None = None) -> Response | None:
        """The most recent response to one questionnaire, or to any (None): one indexed read
        whatever the size of the history."""
        where, params = ("WHERE instrument = ? ", (instrument,)) if instrument else ("", ())
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM responses {where}ORDER BY taken_utc DESC, id DESC LIMIT 1",
            params,
        )
        return _response(rows[0]) if rows else None

    def get(self, response_id: int) -> Response:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM responses WHERE id = ?", (response_id,))
        if not rows:
            raise ResponseNotFoundError(f"response {response_id}", "no such questionnaire response")
        return _response(rows[0])

    def previous(self, response: Response) -> Response | None:
        """The same questionnaire's response just before this one, if any."""
        taken_utc = response.taken_at.astimezone(dt.UTC).isoformat()
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM responses WHERE instrument = ? "
            "AND (taken_utc < ? OR (taken_utc = ? AND id < ?)) "
            "ORDER BY taken_utc DESC, id DESC LIMIT 1",
            (response.instrument, taken_utc, taken_utc, response.id),
        )
        return _response(rows[0]) if rows else None

    def update_note(self, response_id: int, note: str) -> Response:
        clean = _clean_note(note)
        with self.store.transaction() as conn:
            cursor = conn.execute(
                "UPDATE responses SET note = ? WHERE id = ?", (clean, response_id)
            )
            found = cursor.rowcount
        if not found:
            raise ResponseNotFoundError(f"response {response_id}", "no such questionnaire response")
        return self.get(response_id)

    def delete(self, response_id: int) -> None:
        with self.store.transaction() as conn:
            found = conn.execute("DELETE FROM responses WHERE id = ?", (response_id,)).rowcount
        if not found:
            raise ResponseNotFoundError(f"response {response_id}", "no such questionnaire response")

    # -- drafts --------------------------------------------------------------------------
    def save_draft(self, instrument_id: str, answers: Sequence[int | None], position: int) -> None:
        """Keep an unfinished form (replacing any earlier draft of the same questionnaire).

        ``answers`` holds one entry per item, None where not answered yet; for the PHQ-9 it
        may hold one more, the difficulty question. ``position`` is the page the person was
        on (0 up to the number of entries, the last meaning "finished, not yet saved")."""
        instrument = get_instrument(instrument_id)
        slots = len(instrument.items) + (1 if instrument.difficulty is not None else 0)
        if isinstance(answers, (str, bytes)) or not isinstance(answers, Sequence):
            raise AnswerError(instrument.id, None, f"draft answers must be a list, not {answers!r}")
        if len(answers) > slots:
            raise AnswerError(instrument.id, None, f"a draft holds at most {slots} answers")
        clean: list[int | None] = []
        for index, value in enumerate(answers):
            if value is None:
                clean.append(None)
            elif index < len(instrument.items):
                clean.append(check_value(instrument, index + 1, value))
            else:
                clean.append(check_difficulty(instrument, value))
        if type(position) is not int or not 0 <= position <= slots:
            raise AnswerError(
                instrument.id, None, f"draft position {position!r} is not 0 to {slots}"
            )
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO response_drafts (instrument, version, answers, position, saved_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (instrument) DO UPDATE SET "
                "version = excluded.version, answers = excluded.answers, "
                "position = excluded.position, saved_at = excluded.saved_at",
                (instrument.id, instrument.version, json.dumps(clean), position, _now_utc()),
            )

    def load_draft(self, instrument_id: str) -> tuple[list[int | None], int] | None:
        """The saved draft, or None if there is none, or it was made for another version of
        the questionnaire's text, or it cannot be read (it is then simply ignored)."""
        instrument = get_instrument(instrument_id)
        rows = self.store.query(
            "SELECT version, answers, position FROM response_drafts WHERE instrument = ?",
            (instrument.id,),
        )
        if not rows or rows[0][0] != instrument.version:
            return None
        try:
            answers = json.loads(rows[0][1])
        except json.JSONDecodeError:
            return None
        if not isinstance(answers, list) or not all(
            value is None or (type(value) is int) for value in answers
        ):
            return None
        return answers, int(rows[0][2])

    def clear_draft(self, instrument_id: str) -> None:
        instrument = get_instrument(instrument_id)
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM response_drafts WHERE instrument = ?", (instrument.id,))

    def drafts(self) -> list[str]:
        """The questionnaires that have a saved draft."""
        return [row[0] for row in self.store.query("SELECT instrument FROM response_drafts")]
