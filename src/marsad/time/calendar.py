"""Calendar arithmetic for coding dates the ACLED way (middles of spans, weeks from Sunday)."""

from __future__ import annotations

import calendar
import datetime as dt

from hijridate import Gregorian, Hijri

SUNDAY = 6


def month_length(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1 <= year <= 9999):
        return None
    if day > month_length(year, month):
        return None
    return dt.date(year, month, day)


def shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, month_length(year, month + 1)))


def shift_years(day: dt.date, years: int) -> dt.date:
    return dt.date(day.year + years, day.month, min(day.day, month_length(day.year + years, day.month)))


def middle(start: dt.date, end: dt.date, late: bool = False) -> dt.date:
    """The middle day of a span; `late` rounds an even split towards the end, as for spans that run up
    to publication ("منذ 3 أيام" published on the 22nd: the 21st, as in the ANT dev gold)."""
    days = (end - start).days
    return start + dt.timedelta(days=(days + 1) // 2 if late else days // 2)


def week_start(day: dt.date) -> dt.date:
    """The Sunday that opens the Sunday-Saturday week holding `day` (the week of the Arab press)."""
    return day - dt.timedelta(days=(day.weekday() - SUNDAY) % 7)


def latest_weekday(weekday: int, published: dt.date) -> dt.date:
    """The latest `weekday` on or before `published`."""
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def next_weekday(weekday: int, published: dt.date) -> dt.date:
    """The first `weekday` after `published`."""
    return published + dt.timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)


def part_of_month(year: int, month: int, part: str) -> tuple[dt.date, dt.date, dt.date]:
    """(coded date, first day, last day) of the early/mid/late part of a month.

    ACLED codes "early" and "late" month to the first and last day and a bare month to the 15th.
    """
    last = month_length(year, month)
    if part == "early":
        return dt.date(year, month, 1), dt.date(year, month, 1), dt.date(year, month, 10)
    if part == "late":
        return dt.date(year, month, last), dt.date(year, month, 21), dt.date(year, month, last)
    if part == "mid":
        return dt.date(year, month, 15), dt.date(year, month, 11), dt.date(year, month, 20)
    return dt.date(year, month, 15), dt.date(year, month, 1), dt.date(year, month, last)


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    try:
        converted = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(converted.year, converted.month, converted.day)


def hijri_year_of(day: dt.date) -> int:
    return Gregorian(day.year, day.month, day.day).to_hijri().year
