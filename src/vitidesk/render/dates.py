"""Dates as the reader's locale writes them (QLocale), for the charts and the report."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QTime

from vitidesk.core import date_patterns


def _qdate(day: dt.date | dt.datetime) -> QDate:
    if isinstance(day, dt.datetime):
        day = day.date()
    return QDate(day.year, day.month, day.day)


def _long(locale: QLocale) -> str:
    return locale.dateFormat(QLocale.FormatType.LongFormat)


def long_date(day: dt.date | dt.datetime, locale: QLocale | None = None) -> str:
    """``6 January 2026`` (en_GB), ``January 6, 2026`` (en_US): no weekday."""
    locale = locale or QLocale()
    return locale.toString(_qdate(day), date_patterns.day_month_year(_long(locale)))


def medium_date(day: dt.date | dt.datetime, locale: QLocale | None = None) -> str:
    """``6 Jan 2026`` (en_GB), ``Jan 6, 2026`` (en_US): for tables and chart tips."""
    locale = locale or QLocale()
    return locale.toString(_qdate(day), date_patterns.day_month_year(_long(locale), True))


def day_month(day: dt.date | dt.datetime, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return locale.toString(_qdate(day), date_patterns.day_month(_long(locale)))


def month_year(day: dt.date | dt.datetime, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return locale.toString(_qdate(day), date_patterns.month_year(_long(locale)))


def month(day: dt.date | dt.datetime, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return locale.toString(_qdate(day), date_patterns.month_only(_long(locale)))


def year(day: dt.date | dt.datetime, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return locale.toString(_qdate(day), "yyyy")


def time_of_day(moment: dt.datetime, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return locale.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
