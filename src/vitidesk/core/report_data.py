"""What goes into the clinician report, and the rules that pick it (no Qt, no storage).

The person chooses the date range, body sites and questionnaires. For each site the first and
latest normal-light photo in the range are paired with a depigmentation estimate of each; for
each questionnaire the scores over time, as stored with each answer. Safety flags (PHQ-9
item 9) go to the top. Dates stay dates here: the renderer writes them in the reader's
locale. :class:`vitidesk.services.reports.ReportsService` reads the store and calls these.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from vitidesk.core.questionnaires import ITEM9_FLAG, ITEM9_ID, Band, Instrument
from vitidesk.core.records import PhotoRecord, ResponseRecord

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
    first: PhotoRecord
    latest: PhotoRecord
    first_path: Path
    latest_path: Path
    first_fraction: float | None = None
    latest_fraction: float | None = None
    change: str = ""


@dataclass(frozen=True)
class InstrumentHistory:
    instrument_id: str
    title: str
    responses: tuple[ResponseRecord, ...]
    bands: tuple[Band, ...]  # for shading and labels
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


P = TypeVar("P", bound=PhotoRecord)


def first_and_latest(photos: Sequence[P], since: dt.date | None) -> tuple[P, P] | None:
    """A site's first and latest normal-light photo from ``since`` on (oldest first given),
    or None when it has none; one photo is both."""
    shown = [p for p in photos if p.light == "visible" and (since is None or p.taken_at >= since)]
    return (shown[0], shown[-1]) if shown else None


def site_wanted(name: str, options: ReportOptions) -> bool:
    return not options.sites or name.casefold() in {s.casefold() for s in options.sites}


def instrument_wanted(instrument_id: str, options: ReportOptions) -> bool:
    if not options.include_wellbeing:
        return False
    return not options.instruments or instrument_id in options.instruments


def measured(pair: SitePair) -> SitePair:
    """The pair with a depigmentation estimate of each photo (slow: a few seconds each)."""
    from vitidesk.core.depigmentation import compare, measure_file

    same = pair.latest.id == pair.first.id
    try:
        before = measure_file(pair.first_path)
        after = before if same else measure_file(pair.latest_path)
    except Exception:  # an estimate is a bonus: never lose the report over it
        return pair
    return dataclasses.replace(
        pair,
        first_fraction=before.depigmented_fraction,
        latest_fraction=after.depigmented_fraction,
        change="" if same else compare(before, after).describe(),
    )


def history(
    instrument: Instrument, rows: Sequence[ResponseRecord], since: dt.date | None
) -> tuple[InstrumentHistory, list[SafetyFlag]] | None:
    """One questionnaire's answers from ``since`` on, with its item-9 flags (None: none)."""
    kept = tuple(r for r in rows if since is None or r.taken_at.date() >= since)
    if not kept:
        return None
    flags = [
        SafetyFlag(instrument.id, r.taken_at, item9_answer(instrument, r.answers))
        for r in kept
        if ITEM9_FLAG in r.flags
    ]
    percent = instrument.banded_on == "percent"
    return (
        InstrumentHistory(
            instrument.id,
            instrument.title,
            kept,
            instrument.bands,
            100 if percent else instrument.max_raw,
            instrument.licence,
            percent,
        ),
        flags,
    )


def assemble(
    options: ReportOptions,
    sites: Iterable[SitePair],
    histories: Iterable[tuple[InstrumentHistory, list[SafetyFlag]]],
    *,
    sample: bool,
    now: dt.datetime | None = None,
) -> ReportData:
    """The report from its parts; its date span covers every photo and answer in it."""
    pairs = list(sites)
    wellbeing: list[InstrumentHistory] = []
    flags: list[SafetyFlag] = []
    dates: list[dt.date] = []
    for entry, entry_flags in histories:
        wellbeing.append(entry)
        flags.extend(entry_flags)
        dates.extend(r.taken_at.date() for r in entry.responses)
    for pair in pairs:
        dates.extend([pair.first.taken_at, pair.latest.taken_at])
    return ReportData(
        name=options.name.strip(),
        generated=now or dt.datetime.now().astimezone(),
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        flags=flags,
        sites=pairs,
        wellbeing=wellbeing,
        sample=options.demo or sample,
    )
