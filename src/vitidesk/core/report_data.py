"""What goes into the clinician report, gathered from the store (no Qt, no drawing).

The person chooses the date range, body sites and questionnaires. For each site the first and
latest normal-light photo in the range are paired with a depigmentation estimate of each; for
each questionnaire the scores over time. Safety flags (PHQ-9 item 9) go to the top. Dates
stay dates here: the renderer writes them in the reader's locale.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from vitidesk.core.questionnaires import ITEM9_FLAG, ITEM9_ID, Instrument, load_instruments
from vitidesk.storage.database import Store
from vitidesk.storage.photos import Photo, PhotoLibrary
from vitidesk.storage.responses import Response, ResponseStore

FOOTER = (
    "Made with VitiDesk on the patient's own computer; the data never left the device. "
    "Photo estimates and questionnaire scores are not a diagnosis."
)


@dataclass(frozen=True)
class ReportOptions:
    since: dt.date | None = None
    sites: tuple[str, ...] | None = None  # None: every site with photos
    instruments: tuple[str, ...] | None = None  # None: every questionnaire answered
    name: str = ""
    measure: bool = True
    include_photos: bool = True
    include_wellbeing: bool = True
    demo: bool = False  # made from the demo profile: every page says "Sample data"


@dataclass(frozen=True)
class SitePair:
    site: str
    first: Photo
    latest: Photo
    first_path: Path
    latest_path: Path
    first_fraction: float | None = None
    latest_fraction: float | None = None
    change: str = ""


@dataclass(frozen=True)
class InstrumentHistory:
    instrument_id: str
    title: str
    responses: tuple[Response, ...]
    bands: tuple  # Band objects, for shading and labels
    top_value: int
    licence: str
    percent: bool = False  # charted as a percentage (WHO-5)

    def band_label(self, key: str) -> str:
        return next((band.label for band in self.bands if band.key == key), key)


@dataclass(frozen=True)
class SafetyFlag:
    """PHQ-9 item 9 answered above 0: when, and the answer as the person saw it."""

    instrument_id: str
    taken_at: dt.datetime
    answer: str  # "Several days (1)"


@dataclass
class ReportData:
    name: str
    generated: dt.datetime
    first_date: dt.date | None
    last_date: dt.date | None
    flags: list[SafetyFlag] = field(default_factory=list)
    sites: list[SitePair] = field(default_factory=list)
    wellbeing: list[InstrumentHistory] = field(default_factory=list)
    footer: str = FOOTER
    sample: bool = False  # from the demo profile, not a real person


def item9_answer(instrument: Instrument, answers: tuple[int, ...]) -> str:
    """Item 9's answer as printed on the form (``Several days (1)``), found by its id."""
    value = instrument.item_answer(ITEM9_ID, answers)
    return "not answered" if value is None else instrument.answer_text(value)


def _pairs(library: PhotoLibrary, options: ReportOptions) -> list[SitePair]:
    wanted = {s.casefold() for s in options.sites} if options.sites else None
    pairs = []
    for site in library.sites():
        if wanted is not None and site.name.casefold() not in wanted:
            continue
        photos = [
            p
            for p in library.photos(site.id)
            if p.light == "visible" and (options.since is None or p.taken_at >= options.since)
        ]
        if len(photos) < 1:
            continue
        first, latest = photos[0], photos[-1]
        pairs.append(
            SitePair(site.name, first, latest, library.path_of(first), library.path_of(latest))
        )
    return pairs


def _measured(pair: SitePair) -> SitePair:
    from vitidesk.core.depigmentation import compare, measure_file

    try:
        before = measure_file(pair.first_path)
        after = measure_file(pair.latest_path) if pair.latest.id != pair.first.id else before
    except Exception:  # an estimate is a bonus: never lose the report over it
        return pair
    change = compare(before, after).describe() if pair.latest.id != pair.first.id else ""
    return SitePair(
        pair.site,
        pair.first,
        pair.latest,
        pair.first_path,
        pair.latest_path,
        before.depigmented_fraction,
        after.depigmented_fraction,
        change,
    )


def gather(store: Store, options: ReportOptions, now: dt.datetime | None = None) -> ReportData:
    instruments = load_instruments()
    library = PhotoLibrary(store)
    responses = ResponseStore(store)
    pairs = _pairs(library, options) if options.include_photos else []
    if options.measure:
        pairs = [_measured(pair) for pair in pairs]
    wanted = set(options.instruments) if options.instruments else None
    histories, flags, dates = [], [], []
    for instrument_id, instrument in instruments.items():
        if not options.include_wellbeing or (wanted is not None and instrument_id not in wanted):
            continue
        rows = [
            r
            for r in responses.responses(instrument_id)
            if options.since is None or r.taken_at.date() >= options.since
        ]
        if not rows:
            continue
        for row in rows:
            dates.append(row.taken_at.date())
            if ITEM9_FLAG in row.flags:
                flags.append(
                    SafetyFlag(instrument_id, row.taken_at, item9_answer(instrument, row.answers))
                )
        top = 100 if instrument.banded_on == "percent" else instrument.max_raw
        histories.append(
            InstrumentHistory(
                instrument_id,
                instrument.title,
                tuple(rows),
                instrument.bands,
                top,
                instrument.licence,
                instrument.banded_on == "percent",
            )
        )
    for pair in pairs:
        dates.extend([pair.first.taken_at, pair.latest.taken_at])
    from vitidesk.storage.demo import is_demo_dir  # loads the sample-photo maker: only here

    return ReportData(
        name=options.name.strip(),
        generated=now or dt.datetime.now().astimezone(),
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        flags=flags,
        sites=pairs,
        wellbeing=histories,
        sample=options.demo or is_demo_dir(store.data_dir),
    )
