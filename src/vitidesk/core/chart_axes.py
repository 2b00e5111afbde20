"""Axis ticks for the trend charts, as plain arithmetic (no Qt, no drawing).

The score axis is ticked at the band cut-offs (the first score of each band) and at the top
of the scale, so a reader sees where "mild" begins. The time axis is ticked on calendar
boundaries (days, weeks, months, quarters, years), the step chosen by the span and the room
there is, the way a person would mark a calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol


class HasRange(Protocol):
    @property
    def low(self) -> int: ...
    @property
    def high(self) -> int: ...


def score_ticks(bands: Iterable[HasRange], top: int) -> list[int]:
    """The first score of every band, and the top of the scale, lowest first."""
    return sorted({band.low for band in bands} | {top})


@dataclass(frozen=True)
class Step:
    unit: str  # "day", "month" or "year"
    count: int


DATE_STEPS = (
    Step("day", 1),
    Step("day", 2),
    Step("day", 7),
    Step("day", 14),
    Step("month", 1),
    Step("month", 2),
    Step("month", 3),
    Step("month", 6),
    Step("year", 1),
    Step("year", 2),
    Step("year", 5),
    Step("year", 10),
    Step("year", 25),
    Step("year", 50),
    Step("year", 100),
)
"""Calendar steps, finest first. Months 2, 3 and 6 start in January; weeks on Mondays."""


@dataclass(frozen=True)
class DateTick:
    day: dt.date
    step: Step
    show_year: bool  # the first tick, and the first tick of each new year


def _month_starts(first: dt.date, last: dt.date, every: int) -> Iterator[dt.date]:
    year, month = first.year, first.month
    if first.day != 1:
        month += 1
    while True:
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        day = dt.date(year, month, 1)
        if day > last:
            return
        if (month - 1) % every == 0:
            yield day
        month += 1


def _days(first: dt.date, last: dt.date, step: Step) -> Iterator[dt.date]:
    if step.unit == "day":
        day = first
        if step.count >= 7:  # weeks start on Mondays
            day += dt.timedelta(days=(7 - first.weekday()) % 7)
        while day <= last:
            yield day
            day += dt.timedelta(days=step.count)
    elif step.unit == "month":
        yield from _month_starts(first, last, step.count)
    else:
        year = first.year if (first.month, first.day) == (1, 1) else first.year + 1
        year += -year % step.count
        while year <= last.year:
            yield dt.date(year, 1, 1)
            year += step.count


def date_ticks(first: dt.date, last: dt.date, step: Step) -> list[DateTick]:
    """The calendar boundaries of ``step`` from ``first`` to ``last`` (both included)."""
    ticks: list[DateTick] = []
    for day in _days(first, last, step):
        show_year = step.unit == "year" or not ticks or day.year != ticks[-1].day.year
        ticks.append(DateTick(day, step, show_year))
    return ticks


def tick_candidates(
    first: dt.date, last: dt.date, max_count: int = 1000
) -> Iterator[list[DateTick]]:
    """Tick lists of at most ``max_count`` ticks, from the finest step to the coarsest that
    still marks a date; the caller keeps the first whose labels fit. A span too short for
    any boundary (or a single day) is ticked at ``first`` itself."""
    if last < first:
        first, last = last, first
    span_days = (last - first).days
    found = False
    for step in DATE_STEPS:
        if step.unit == "day" and step.count > 1 and span_days < 2 * step.count:
            continue  # a step longer than the span would mark one lonely day
        ticks = date_ticks(first, last, step)
        if len(ticks) > max_count:
            continue
        if ticks:
            found = True
            yield ticks
        elif found:
            return
    if not found:
        yield [DateTick(first, Step("day", 1), True)]
