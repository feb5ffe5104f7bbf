"""The ACLED event date a `dates` span stands for, for stages that date events from the layer.

A span's `date` is already its coded date: a range or week is coded to its middle and a month to its
15th (or first/last day). Only "since" spans need work: an event ongoing since a day or a few days
ago is coded to the middle of the span up to publication ("since Friday", the ANT gold's rule).
A day that dates a report ("قال ناشطون الثلاثاء", attribute `of_report`) gives the event that day at
precision 2, as the ANT dev gold does. Years, vague periods and durations have no ACLED date.
"""

from __future__ import annotations

import datetime as dt

from marsad.document import Span
from marsad.time.calendar import middle


def event_date_of(span: Span) -> tuple[dt.date, int] | None:
    """(event_date, time_precision) that a dates span gives an event in its sentence, or None."""
    date = span.attrs.get("date")
    precision = span.attrs.get("time_precision")
    if not isinstance(date, dt.date) or precision not in (1, 2, 3):
        return None
    end = span.attrs.get("end_date")
    if span.attrs.get("span_kind") == "since" and span.attrs.get("kind") == "since" and isinstance(end, dt.date):
        if precision <= 2 and end > date:
            return middle(date, end, late=True), 2
    if span.attrs.get("of_report") and precision == 1:
        return date, 2  # "أعلن مسؤول السبت": the day of the report; the event is on or shortly before it
    return date, precision
