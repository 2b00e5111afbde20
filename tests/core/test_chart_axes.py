"""Chart axes: score ticks at the band cut-offs; calendar date ticks; locale date patterns."""

from __future__ import annotations

import datetime as dt

import pytest

from vitidesk.core import date_patterns
from vitidesk.core.chart_axes import Step, date_ticks, score_ticks, tick_candidates
from vitidesk.core.questionnaires import load_instruments


@pytest.mark.parametrize("instrument_id", ["WHO-5", "PHQ-4", "PHQ-9", "GAD-7"])
def test_score_ticks_are_the_band_cut_offs_and_the_top(instrument_id: str) -> None:
    instrument = load_instruments()[instrument_id]
    top = 100 if instrument.banded_on == "percent" else instrument.max_raw
    ticks = score_ticks(instrument.bands, top)
    assert ticks == sorted({band.low for band in instrument.bands} | {top})
    assert ticks[0] == 0 and ticks[-1] == top


def test_phq9_ticks_read_as_on_the_scoring_sheet() -> None:
    instrument = load_instruments()["PHQ-9"]
    assert score_ticks(instrument.bands, 27) == [0, 5, 10, 15, 20, 27]


def test_a_year_is_ticked_on_month_starts_with_the_year_where_it_changes() -> None:
    first, last = dt.date(2025, 1, 6), dt.date(2026, 1, 5)
    monthly = date_ticks(first, last, Step("month", 1))
    assert [t.day for t in monthly][:2] == [dt.date(2025, 2, 1), dt.date(2025, 3, 1)]
    assert monthly[-1].day == dt.date(2026, 1, 1)
    assert [t.show_year for t in monthly] == [True] + [False] * 10 + [True]
    quarterly = date_ticks(first, last, Step("month", 3))
    assert [t.day.month for t in quarterly] == [4, 7, 10, 1]


def test_candidates_go_from_fine_to_coarse_and_respect_the_room() -> None:
    first, last = dt.date(2016, 3, 1), dt.date(2025, 12, 31)
    steps = [ticks[0].step for ticks in tick_candidates(first, last, max_count=12)]
    assert steps[0] == Step("year", 1)  # finer steps would need more than 12 ticks
    for ticks in tick_candidates(first, last, max_count=12):
        days = [t.day for t in ticks]
        assert days == sorted(days) and all(first <= d <= last for d in days)
        assert len(ticks) <= 12


def test_weeks_start_on_mondays_and_a_single_day_has_one_tick() -> None:
    weekly = date_ticks(dt.date(2025, 3, 5), dt.date(2025, 4, 5), Step("day", 7))
    assert all(t.day.weekday() == 0 for t in weekly)
    only = list(tick_candidates(dt.date(2025, 3, 5), dt.date(2025, 3, 5)))
    assert [t.day for t in only[0]] == [dt.date(2025, 3, 5)]


@pytest.mark.parametrize(
    ("long", "full", "month_year", "day_month"),
    [
        ("dddd, d MMMM yyyy", "d MMMM yyyy", "MMM yyyy", "d MMM"),  # en_GB
        ("dddd, MMMM d, yyyy", "MMMM d, yyyy", "MMM yyyy", "MMM d"),  # en_US
        ("dddd, d. MMMM yyyy", "d. MMMM yyyy", "MMM yyyy", "d. MMM"),  # de_DE
        ("yyyy年M月d日dddd", "yyyy年M月d日", "yyyy年M月", "M月d日"),  # ja_JP
        ("dddd, d 'de' MMMM 'de' yyyy", "d 'de' MMMM 'de' yyyy", "MMM 'de' yyyy", "d 'de' MMM"),
    ],
)
def test_shorter_patterns_keep_the_locales_order(long, full, month_year, day_month) -> None:
    assert date_patterns.day_month_year(long) == full
    assert date_patterns.month_year(long) == month_year
    assert date_patterns.day_month(long) == day_month
