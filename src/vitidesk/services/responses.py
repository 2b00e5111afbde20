"""Questionnaire answers and drafts: record, read, annotate, delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from vitidesk.services.changes import Changes, Listener, Service
from vitidesk.storage.database import Store
from vitidesk.storage.responses import NOTE_MAX, Response, ResponseNotFoundError, ResponseStore

__all__ = ["NOTE_MAX", "Response", "ResponseNotFoundError", "ResponsesService"]


class ResponsesService(Service):
    def __init__(self, store: Store, listener: Listener | None = None) -> None:
        super().__init__(listener)
        self._store = ResponseStore(store)

    # -- reading -------------------------------------------------------------------------
    def responses(self, instrument: str | None = None) -> list[Response]:
        return self._store.responses(instrument)

    def latest(self, instrument: str | None = None) -> Response | None:
        return self._store.latest(instrument)

    def get(self, response_id: int) -> Response:
        return self._store.get(response_id)

    def previous(self, response: Response) -> Response | None:
        return self._store.previous(response)

    def load_draft(self, instrument_id: str) -> tuple[list[int | None], int] | None:
        return self._store.load_draft(instrument_id)

    def drafts(self) -> list[str]:
        return self._store.drafts()

    # -- changing ------------------------------------------------------------------------
    def record(
        self,
        instrument_id: str,
        answers: Iterable[int],
        *,
        taken_at: dt.datetime | None = None,
        difficulty: int | None = None,
        note: str = "",
    ) -> Response:
        response = self._store.record(
            instrument_id, answers, taken_at=taken_at, difficulty=difficulty, note=note
        )
        self._changed(Changes(responses=True))
        return response

    def update_note(self, response_id: int, note: str) -> Response:
        response = self._store.update_note(response_id, note)
        self._changed(Changes(responses=True))
        return response

    def delete(self, response_id: int) -> None:
        self._store.delete(response_id)
        self._changed(Changes(responses=True))

    def save_draft(self, instrument_id: str, answers: Sequence[int | None], position: int) -> None:
        self._store.save_draft(instrument_id, answers, position)
        self._changed(Changes(drafts=True))

    def clear_draft(self, instrument_id: str) -> None:
        self._store.clear_draft(instrument_id)
        self._changed(Changes(drafts=True))
