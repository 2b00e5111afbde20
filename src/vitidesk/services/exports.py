"""Files for the person: the answers as CSV or FHIR, and the reminder's calendar file.

Every file is written by the output rule (:mod:`vitidesk.storage.outputs`): never inside a
data folder, never over an existing file unless ``force`` (the window's save dialog has
already asked), private (0600) and whole or not at all. No Qt here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from vitidesk.core.exports import fhir_bundle, responses_csv
from vitidesk.core.questionnaires import load_instruments
from vitidesk.services.changes import Listener, Service
from vitidesk.storage.database import Store
from vitidesk.storage.outputs import check_output_path, write_output
from vitidesk.storage.responses import Response, ResponseStore

FORMATS = ("csv", "fhir")


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    count: int  # answers written
    instruments: tuple[str, ...]  # the questionnaires among them, sorted


class ExportsService(Service):
    def __init__(
        self,
        store: Store,
        *,
        protect: Iterable[Path] = (),
        listener: Listener | None = None,
    ) -> None:
        super().__init__(listener)
        self._store = store
        self._protect = tuple(protect) or (store.data_dir,)

    def check_output(self, out: Path, *, force: bool = False) -> Path:
        """Where a file may go, or a one-line UserError (the output rule)."""
        return check_output_path(out, protect=self._protect, force=force)

    def answers_text(
        self, kind: str, instrument_id: str | None = None
    ) -> tuple[str, list[Response]]:
        """The answers (one questionnaire's, or all) as CSV or FHIR text, and which."""
        if kind not in FORMATS:
            raise ValueError(f"no such export format: {kind}")
        responses = ResponseStore(self._store).responses(instrument_id)
        instruments = load_instruments()
        if kind == "csv":
            return responses_csv(responses, instruments), responses
        bundle = fhir_bundle(responses, instruments)
        return json.dumps(bundle, indent=2, ensure_ascii=False) + "\n", responses

    def export_answers(
        self, kind: str, out: Path, *, instrument_id: str | None = None, force: bool = False
    ) -> ExportSummary:
        """Write the answers to ``out``. An OSError (disk full...) leaves no file behind."""
        target = self.check_output(out, force=force)
        text, responses = self.answers_text(kind, instrument_id)
        self.save_text(target, text, force=force)
        forms = tuple(sorted({response.instrument for response in responses}))
        return ExportSummary(target, len(responses), forms)

    def save_text(self, out: Path, text: str, *, force: bool = False) -> Path:
        """Write ``text`` (UTF-8) to ``out`` by the output rule."""
        target = self.check_output(out, force=force)
        write_output(target, text.encode("utf-8"), data_dir=self._store.data_dir, force=force)
        return target
