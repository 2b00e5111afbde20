"""Wellbeing check-in reminders: when the next one is due, and a calendar file for it.

Due-ness is worked out from the wall-clock date each time it is asked (never from a running
timer), so it is right after midnight and after the laptop slept. The .ics file lets the
person's own calendar remind them while VitiDesk is closed.
"""

from __future__ import annotations

import datetime as dt
import uuid


def next_due(last_answered: dt.date | None, interval_days: int, today: dt.date) -> dt.date | None:
    """The date the next check-in is due, or None when reminders are off."""
    if interval_days <= 0:
        return None
    if last_answered is None:
        return today
    return last_answered + dt.timedelta(days=interval_days)


def is_due(last_answered: dt.date | None, interval_days: int, today: dt.date) -> bool:
    due = next_due(last_answered, interval_days, today)
    return due is not None and today >= due


def _fold(line: str) -> str:
    """RFC 5545: lines longer than 75 octets are folded with CRLF and a space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def calendar_file(first_day: dt.date, interval_days: int, now: dt.datetime | None = None) -> str:
    """An iCalendar file with one all-day event repeating every ``interval_days`` days."""
    if interval_days <= 0:
        raise ValueError("choose how often to be reminded first")
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//VitiDesk//Wellbeing reminders//EN",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:{uuid.uuid4()}@vitidesk.invalid",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{first_day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{first_day + dt.timedelta(days=1):%Y%m%d}",
        f"RRULE:FREQ=DAILY;INTERVAL={interval_days}",
        "SUMMARY:" + _escape("VitiDesk: wellbeing check-in"),
        "DESCRIPTION:"
        + _escape(
            "Time for your private wellbeing questionnaires in VitiDesk. "
            "Your answers stay on your computer."
        ),
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:" + _escape("VitiDesk: wellbeing check-in"),
        "TRIGGER:PT9H",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
