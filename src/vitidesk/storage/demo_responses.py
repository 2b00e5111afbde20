"""Seed the demo profile with a year of sample questionnaire results (never a real patient).

Each questionnaire is answered every 2 to 4 weeks for about a year, ending a few days before
a fixed date (not "now", so the demo and its tests are the same every day). The story is a
gentle improvement with small ups and downs: wellbeing rises, worry and low mood ease. The
answers are made by a seeded random generator, so they are identical on every run, and
PHQ-9 item 9 is always "Not at all" in the sample data.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from vitidesk.core.questionnaires import load_instruments
from vitidesk.storage.database import Store
from vitidesk.storage.responses import ResponseStore

END_DATE = dt.date(2026, 1, 10)
"""The sample year ends a few days before this date."""
DEMO_TZ = dt.timezone(dt.timedelta(hours=1), "CET")
SEED = 20250110

# (first, last) level of each questionnaire over the year, as a fraction of the top answer.
# WHO-5 is "higher is better"; the others are "higher is worse".
_STORY: dict[str, tuple[float, float]] = {
    "WHO-5": (0.40, 0.68),
    "PHQ-4": (0.42, 0.17),
    "PHQ-9": (0.36, 0.16),
    "GAD-7": (0.45, 0.18),
}
_NOTES = {
    2: "New patch on my hand. Felt low about it.",
    6: "Started the cream this month.",
    11: "Busy weeks at work.",
    15: "Doctor saw some color coming back.",
}


def _dates(rng: random.Random) -> list[dt.datetime]:
    """Visits every 2-4 weeks over a year, the last a few days before END_DATE; oldest first."""
    day = END_DATE - dt.timedelta(days=rng.randint(3, 5))
    first = day - dt.timedelta(days=365)
    days = []
    while day >= first:
        days.append(day)
        day -= dt.timedelta(days=rng.choice((14, 14, 21, 21, 28)))
    dates = []
    for day in reversed(days):
        hour, minute = rng.choice((8, 9, 12, 19, 20, 21)), rng.choice((0, 10, 25, 40, 55))
        dates.append(dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=DEMO_TZ))
    return dates


def _answers(rng: random.Random, count: int, top: int, level: float) -> list[int]:
    values = []
    for _ in range(count):
        value = round(level * top + rng.uniform(-0.75, 0.75))
        values.append(max(0, min(top, value)))
    return values


def sample_entries() -> list[dict[str, Any]]:
    """Every sample response, oldest first per questionnaire, as record_many() entries."""
    entries: list[dict[str, Any]] = []
    for offset, (instrument_id, instrument) in enumerate(load_instruments().items()):
        rng = random.Random(SEED + offset)
        top = max(instrument.option_values)
        first, last = _STORY[instrument_id]
        dates = _dates(rng)
        for index, taken in enumerate(dates):
            progress = index / max(1, len(dates) - 1)
            wobble = 0.05 if index % 5 == 2 else 0.0  # a harder patch now and then
            level = first + (last - first) * progress
            level += -wobble if instrument_id == "WHO-5" else wobble
            answers = _answers(rng, len(instrument.items), top, level)
            entry: dict[str, Any] = {
                "instrument_id": instrument_id,
                "answers": answers,
                "taken_at": taken,
            }
            if instrument_id == "PHQ-9":
                answers[8] = 0  # no self-harm thoughts anywhere in the sample data
                entry["difficulty"] = 1 if progress < 0.5 else 0
            if instrument_id == "WHO-5" and index in _NOTES:
                entry["note"] = _NOTES[index]
            entries.append(entry)
    return entries


def seed_responses(store: Store) -> None:
    ResponseStore(store).record_many(sample_entries())
