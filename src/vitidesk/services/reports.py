"""The clinician report's data, and saving the PDF, for the Report section and the command.

:meth:`ReportsService.gather` reads the store and returns plain core data
(:class:`~vitidesk.core.report_data.ReportData`); the caller draws it with
:mod:`vitidesk.render` (Qt, so not here) and hands the bytes to :meth:`ReportsService.save`,
which writes them by the output rule every file for the person follows
(:mod:`vitidesk.storage.outputs`: never inside a data folder, never over a file unless
asked, private and whole). Gathering measures photos, which is slow: ``progress(done,
total)`` is told after each step and may raise to stop. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from vitidesk.core.questionnaires import load_instruments
from vitidesk.core.report_data import (
    ReportData,
    ReportOptions,
    SitePair,
    assemble,
    first_and_latest,
    history,
    instrument_wanted,
    measured,
    site_wanted,
)
from vitidesk.services.changes import Listener, Service
from vitidesk.storage.database import Store
from vitidesk.storage.outputs import check_output_path, write_output
from vitidesk.storage.photos import PhotoLibrary
from vitidesk.storage.responses import ResponseStore

__all__ = ["ReportChoices", "ReportData", "ReportOptions", "ReportsService"]

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ReportChoices:
    """What there is to choose from: body sites with photos (name, count), and the
    questionnaires answered, in the order the app lists them."""

    sites: tuple[tuple[str, int], ...]
    instruments: tuple[str, ...]


class ReportsService(Service):
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

    def choices(self) -> ReportChoices:
        sites = tuple(
            (site.name, site.photo_count)
            for site in PhotoLibrary(self._store).sites()
            if site.photo_count
        )
        answered = {r.instrument for r in ResponseStore(self._store).responses()}
        return ReportChoices(sites, tuple(i for i in load_instruments() if i in answered))

    def gather(
        self,
        options: ReportOptions,
        now: dt.datetime | None = None,
        *,
        progress: Progress | None = None,
    ) -> ReportData:
        """Everything the report shows, from the store; photos measured when asked."""
        library = PhotoLibrary(self._store)
        pairs: list[SitePair] = []
        if options.include_photos:
            for site in library.sites():
                if not site_wanted(site.name, options):
                    continue
                chosen = first_and_latest(library.photos(site.id), options.since)
                if chosen is not None:
                    first, latest = chosen
                    pairs.append(
                        SitePair(
                            site.name,
                            first,
                            latest,
                            library.path_of(first),
                            library.path_of(latest),
                        )
                    )
        if options.measure:
            measured_pairs = []
            for done, pair in enumerate(pairs):
                if progress is not None:
                    progress(done, len(pairs))
                measured_pairs.append(measured(pair))
            pairs = measured_pairs
        if progress is not None:
            progress(len(pairs), len(pairs))
        responses = ResponseStore(self._store)
        histories = []
        for instrument_id, instrument in load_instruments().items():
            if instrument_wanted(instrument_id, options):
                entry = history(instrument, responses.responses(instrument_id), options.since)
                if entry is not None:
                    histories.append(entry)
        from vitidesk.storage.demo import is_demo_dir  # loads the sample-photo maker: only here

        return assemble(
            options, pairs, histories, sample=is_demo_dir(self._store.data_dir), now=now
        )

    def check_output(self, out: Path, *, force: bool = False) -> Path:
        """Where the PDF may go, or a one-line UserError (the output rule)."""
        return check_output_path(out, protect=self._protect, force=force)

    def save(self, payload: bytes, out: Path, *, force: bool = False) -> Path:
        """Write the drawn report to ``out`` (``.pdf`` added if missing), private and whole;
        an OSError (disk full, no permission) leaves no file behind."""
        if out.suffix.lower() != ".pdf":
            out = out.with_suffix(".pdf")
        target = self.check_output(out, force=force)
        write_output(target, payload, data_dir=self._store.data_dir, force=force)
        return target
