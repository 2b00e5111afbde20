from __future__ import annotations

import datetime as dt

import pytest

from vitidesk.core.reminders import calendar_file, is_due, next_due


def test_due_dates_follow_the_calendar_not_a_timer() -> None:
    last = dt.date(2026, 3, 1)
    assert next_due(last, 14, dt.date(2026, 3, 5)) == dt.date(2026, 3, 15)
    assert not is_due(last, 14, dt.date(2026, 3, 14))
    assert is_due(last, 14, dt.date(2026, 3, 15))  # from midnight on the day
    assert is_due(last, 14, dt.date(2026, 4, 30))  # after a long sleep: still due, once
    assert next_due(None, 7, dt.date(2026, 3, 5)) == dt.date(2026, 3, 5)
    assert next_due(last, 0, dt.date(2026, 3, 5)) is None
    assert not is_due(last, 0, dt.date(2030, 1, 1))


def test_calendar_file_is_valid_icalendar() -> None:
    text = calendar_file(dt.date(2026, 3, 15), 14, dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC))
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")
    assert "DTSTART;VALUE=DATE:20260315" in lines
    assert "RRULE:FREQ=DAILY;INTERVAL=14" in lines
    assert "DTSTAMP:20260301T120000Z" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
    assert sum(line.startswith("BEGIN:") for line in lines) == sum(
        line.startswith("END:") for line in lines
    )
    with pytest.raises(ValueError):
        calendar_file(dt.date(2026, 3, 15), 0)
