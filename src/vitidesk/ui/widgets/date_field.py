"""The one date field used everywhere: ISO display, a calendar pop-up, readable in both
colour schemes (Qt paints weekends pure red by default, too faint on dark)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QDateEdit


def date_field(date: QDate, accessible_name: str) -> QDateEdit:
    field = QDateEdit(date)
    field.setCalendarPopup(True)
    field.setDisplayFormat("yyyy-MM-dd")
    field.setAccessibleName(accessible_name)
    calendar = field.calendarWidget()
    for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        calendar.setWeekdayTextFormat(day, QTextCharFormat())  # the palette's text colour
    return field


def date_of(field: QDateEdit) -> dt.date:
    """The field's date as a Python date."""
    chosen = field.date()
    return dt.date(chosen.year(), chosen.month(), chosen.day())
