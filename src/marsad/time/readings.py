"""What a matched date expression means: its coded date, end, ACLED time precision and kind.

One function per grammar rule turns a match into a `Reading`, or None when the match turns out not to
be a date (an ambiguous month name with no context, an impossible day). Without a publication date,
relative readings keep their kind and attributes but no date.

Precision follows ACLED: 1 a day; 2 a few days or a week, coded to the middle; 3 a month, coded to the
15th, or to its first/last day for "early/late"; None when coarser (a year) or vague ("recent months").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import regex

from marsad.time import calendar as cal
from marsad.time.lexicon import TimeLexicon

DAY = dt.timedelta(days=1)
UNIT_DAYS = {"second": 0, "minute": 0, "hour": 0, "day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}
# How many days a vague plural stands for in "الأيام الماضية" / "منذ أيام".
FEW_DAYS = 3
# Further back than this, "قبل/منذ N" is history, not a date to code.
MAX_BACK_DAYS = 100 * 365


@dataclass
class Context:
    published: dt.date | None
    future_ok: bool = False  # an explicit future marker (حتى، إلى) precedes the expression


@dataclass
class Reading:
    kind: str
    date: dt.date | None = None
    end_date: dt.date | None = None
    precision: int | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


class Reader:
    """Turns grammar matches into readings with the lexicon's values."""

    def __init__(self, lexicon: TimeLexicon):
        self.lex = lexicon
        self.part_of = lexicon.words["part"]
        self.modifier_of = {form: category for category in ("past", "current", "next")
                            for form in lexicon.words[category]}
        self.units = lexicon.words["unit"]
        self.daypart_precision = {form: int(extra[1]) for form, extra in lexicon.words["daypart"].items()}
        self.daypart_shift = {form: int(extra[2]) for form, extra in lexicon.words["daypart"].items()
                              if len(extra) > 2}
        self.relday = {form: (int(extra[0]), int(extra[1])) for form, extra in lexicon.words["relday"].items()}

    def read(self, rule: str, match: regex.Match, ctx: Context) -> Reading | None:
        handler = {"month": self._month_only, "year": self._year_rule}.get(rule) or getattr(self, f"_{rule}")
        return handler(match, ctx)

    # -- shared pieces ---------------------------------------------------------------------------

    @staticmethod
    def _group(match: regex.Match, name: str) -> str | None:
        try:
            return match.group(name)
        except IndexError:
            return None

    def _word(self, text: str | None) -> str | None:
        return " ".join(text.split()) if text else text

    def _day_number(self, text: str) -> int | None:
        text = self._word(text)
        if text.startswith("ال") and text[2:].isdigit():
            text = text[2:]
        if text.isdigit():
            return int(text)
        return self.lex.ordinals.get(text)

    def _count(self, text: str | None) -> int | None:
        if text is None:
            return None
        text = self._word(text)
        return int(text) if text.isdigit() else self.lex.numbers.get(text)

    def _modifier(self, match: regex.Match) -> str | None:
        mod = self._group(match, "mod")
        if self._group(match, "this"):
            return "current"
        return self.modifier_of.get(self._word(mod)) if mod else None

    def _month(self, match: regex.Match) -> tuple[int, dict[str, Any]] | None:
        first = self._word(match.group("m1"))
        second = self._word(match.group("m2") or match.group("m3"))
        month = self.lex.months[first]
        attrs: dict[str, Any] = {"month": month}
        if second is not None:
            attrs["paired_month"] = self.lex.months[second]
            if attrs["paired_month"] != month:
                attrs["month_conflict"] = True
        return month, attrs

    def _month_year(self, month: int, mod: str | None, ctx: Context) -> int | None:
        """The year of a month named without one: the latest such month on or before publication,
        unless a modifier or an explicit future marker says otherwise."""
        published = ctx.published
        if published is None:
            return None
        if mod == "past":
            return published.year if month < published.month else published.year - 1
        if mod == "next":
            return published.year if month > published.month else published.year + 1
        if mod == "current" or ctx.future_ok or month <= published.month:
            return published.year
        return published.year - 1

    def _year(self, match: regex.Match, ctx: Context) -> int | None:
        """The year written after a month: digits, or "من العام الماضي" (of last year)."""
        year = self._group(match, "year")
        if year:
            return int(year)
        relative = self._group(match, "yearmod")
        if relative and ctx.published is not None:
            return ctx.published.year + {"past": -1, "next": 1}.get(self.modifier_of[self._word(relative)], 0)
        return None

    # -- rules -----------------------------------------------------------------------------------

    def _absolute(self, match: regex.Match, ctx: Context) -> Reading | None:
        day = self._day_number(match.group("day"))
        month, attrs = self._month(match)
        mod = self._modifier(match)
        year = self._year(match, ctx)
        if day is None or not 1 <= day <= 31:
            return None
        if year is None:
            year = self._month_year(month, mod, ctx)
            attrs["year_inferred"] = True
        if year is None:
            return Reading("absolute", precision=1, attrs=attrs | {"day": day})
        date = cal.safe_date(year, month, day)
        if date is None:
            return None
        if attrs.get("year_inferred") and mod is None and not ctx.future_ok and date > ctx.published:
            date = cal.safe_date(year - 1, month, day)
        return Reading("absolute", date, None, 1, self._weekday_check(match, date, attrs))

    def _weekday_check(self, match: regex.Match, date: dt.date | None, attrs: dict) -> dict:
        weekday = self._group(match, "wd")
        if weekday and date is not None:
            named = self.lex.weekdays[self._word(weekday)]
            attrs["weekday"] = named
            if named != date.weekday():
                attrs["weekday_mismatch"] = True
        return attrs

    def _numeric(self, match: regex.Match, ctx: Context) -> Reading | None:
        day, month, year = int(match.group("day")), int(match.group("month")), int(match.group("year"))
        if match.group("hmark") or 1300 <= year <= 1500:
            date = cal.hijri_to_gregorian(year, month, day)
            return Reading("hijri", date, None, 1, {"hijri": (year, month, day)}) if date else None
        if year < 100:
            year += 2000 if year < 70 else 1900
        date = cal.safe_date(year, month, day)
        return Reading("absolute", date, None, 1, {"format": "numeric"}) if date else None

    def _hijri(self, match: regex.Match, ctx: Context) -> Reading | None:
        day = self._day_number(match.group("day"))
        month = self.lex.hijri_months[self._word(match.group("hm"))]
        year = self._year(match, ctx)
        if day is None or not 1 <= day <= 30:
            return None
        attrs: dict[str, Any] = {"hijri_month": month}
        if year is None:
            if ctx.published is None:
                return Reading("hijri", precision=1, attrs=attrs | {"day": day})
            year = cal.hijri_year_of(ctx.published)
            date = cal.hijri_to_gregorian(year, month, day)
            if date is not None and date > ctx.published and not ctx.future_ok:
                year -= 1
            attrs["year_inferred"] = True
        date = cal.hijri_to_gregorian(year, month, day)
        if date is None:
            return None
        return Reading("hijri", date, None, 1, attrs | {"hijri": (year, month, day)})

    def _hijri_month(self, match: regex.Match, ctx: Context) -> Reading | None:
        month = self.lex.hijri_months[self._word(match.group("hm"))]
        year = self._year(match, ctx)
        if year is None and ctx.published is not None:
            year = cal.hijri_year_of(ctx.published)
            start = cal.hijri_to_gregorian(year, month, 1)
            if start is not None and start > ctx.published and self._modifier(match) != "next":
                year -= 1
        attrs = {"hijri_month": month, "granularity": "month"}
        start = cal.hijri_to_gregorian(year, month, 1) if year else None
        if start is None:
            return Reading("hijri", precision=3, attrs=attrs)
        end = (cal.hijri_to_gregorian(year + (month == 12), month % 12 + 1, 1) or start + 29 * DAY) - DAY
        return Reading("hijri", cal.middle(start, end), end, 3, attrs | {"start_date": start})

    def _day_of_month(self, match: regex.Match, ctx: Context) -> Reading | None:
        day = self._day_number(match.group("day"))
        mod = self._modifier(match) or "current"
        if day is None or not 1 <= day <= 31:
            return None
        attrs: dict[str, Any] = {"day": day, "month_ref": mod}
        if ctx.published is None:
            return Reading("absolute", precision=1, attrs=attrs)
        offset = {"past": -1, "current": 0, "next": 1}[mod]
        anchor = cal.shift_months(ctx.published.replace(day=1), offset)
        date = cal.safe_date(anchor.year, anchor.month, day)
        if date is None:
            return None
        return Reading("absolute", date, None, 1, self._weekday_check(match, date, attrs))

    def _month_only(self, match: regex.Match, ctx: Context) -> Reading | None:
        month, attrs = self._month(match)
        single = match.group("m2") is None and match.group("m3") is None
        year = self._year(match, ctx)
        if (single and self._word(match.group("m1")) in self.lex.ambiguous_months
                and not match.group("shahr") and year is None):
            return None
        return self._month_part(month, attrs, "whole", year, self._modifier(match), ctx)

    def _month_part(self, month: int, attrs: dict, part: str, year: int | None, mod: str | None,
                    ctx: Context) -> Reading:
        kind = "month" if part == "whole" else "part_of_month"
        attrs = attrs | {"granularity": "month", "part": part}
        if year is None:
            year = self._month_year(month, mod, ctx)
            attrs["year_inferred"] = True
        if year is None:
            return Reading(kind, precision=3, attrs=attrs)
        date, start, end = cal.part_of_month(year, month, part)
        return Reading(kind, date, end, 3, attrs | {"start_date": start})

    def _part(self, match: regex.Match, ctx: Context) -> Reading | None:
        part = self.part_of[self._word(match.group("part"))][0]
        mod = self._modifier(match)
        year = self._year(match, ctx)
        if match.group("m1"):
            month, attrs = self._month(match)
            return self._month_part(month, attrs, part, year, mod, ctx)
        unit = match.group("unit")
        if unit is None or unit in ("العام", "السنه"):
            return self._year_part(part, year, mod, ctx)
        if unit == "الشهر":
            published = ctx.published
            if published is None:
                return Reading("part_of_month", precision=3, attrs={"part": part, "month_ref": mod or "current"})
            anchor = cal.shift_months(published.replace(day=1), {"past": -1, "next": 1}.get(mod, 0))
            return self._month_part(anchor.month, {"month_ref": mod or "current"}, part, anchor.year, None, ctx)
        return self._week_part(part, mod, ctx)

    def _year_part(self, part: str, year: int | None, mod: str | None, ctx: Context) -> Reading:
        attrs: dict[str, Any] = {"granularity": "year", "part": part}
        if year is None and ctx.published is not None:
            year = ctx.published.year + {"past": -1, "next": 1}.get(mod, 0)
        if year is None:
            return Reading("part_of_year", attrs=attrs)
        start, end = {"early": ((1, 1), (3, 31)), "mid": ((5, 1), (8, 31)), "late": ((10, 1), (12, 31))}.get(
            part, ((1, 1), (12, 31)))
        first, last = dt.date(year, *start), dt.date(year, *end)
        date = {"early": first, "late": last}.get(part, cal.middle(first, last))
        return Reading("part_of_year", date, last, None, attrs | {"start_date": first, "year": year})

    def _week_part(self, part: str, mod: str | None, ctx: Context) -> Reading:
        attrs: dict[str, Any] = {"granularity": "week", "part": part, "week_ref": mod or "current"}
        if ctx.published is None:
            return Reading("part_of_week", precision=2, attrs=attrs)
        sunday = cal.week_start(ctx.published) + 7 * DAY * {"past": -1, "next": 1}.get(mod, 0)
        # The Sunday opens the week; Wednesday is its middle; Friday its end (the Arab weekend).
        date = sunday + DAY * {"early": 0, "mid": 3, "late": 5}[part]
        return Reading("part_of_week", date, sunday + 6 * DAY, 2, attrs | {"start_date": sunday})

    def _period(self, match: regex.Match, ctx: Context) -> Reading | None:
        unit = match.group("unit")
        mod = self._modifier(match) or "current"
        published = ctx.published
        if unit == "الاسبوع":
            attrs = {"granularity": "week", "week_ref": mod}
            if published is None:
                return Reading("relative", precision=2, attrs=attrs)
            sunday = cal.week_start(published) + 7 * DAY * {"past": -1, "next": 1}.get(mod, 0)
            end = sunday + 6 * DAY
            return Reading("relative", cal.middle(sunday, end), end, 2, attrs | {"start_date": sunday})
        if unit == "الشهر":
            if published is None:
                return Reading("relative", precision=3, attrs={"granularity": "month", "month_ref": mod})
            anchor = cal.shift_months(published.replace(day=1), {"past": -1, "next": 1}.get(mod, 0))
            reading = self._month_part(anchor.month, {"month_ref": mod}, "whole", anchor.year, None, ctx)
            reading.kind = "relative"
            return reading
        reading = self._year_part("whole", None, mod, ctx)
        reading.kind = "relative"
        return reading

    def _weekday(self, match: regex.Match, ctx: Context) -> Reading | None:
        weekday = self.lex.weekdays[self._word(match.group("wd"))]
        mod = self._modifier(match)
        daypart = self._word(match.group("dp"))
        precision = self.daypart_precision.get(daypart, 1) if daypart else 1
        if match.group("wd2") or match.group("dp2") in ("ليلا",):
            precision = 2
        attrs: dict[str, Any] = {"weekday": weekday}
        if daypart and daypart not in ("يوم", "يومي"):
            attrs["day_part"] = daypart
        if ctx.published is None:
            return Reading("weekday", precision=precision, attrs=attrs)
        if mod == "next" or (ctx.future_ok and mod != "past"):
            date = cal.next_weekday(weekday, ctx.published)
            attrs["future"] = True
        else:
            date = cal.latest_weekday(weekday, ctx.published)
            if mod == "past" and date == ctx.published:
                # "السبت الماضي" in a Saturday's paper is the Saturday before: the paper would say "اليوم".
                date -= 7 * DAY
        shift = self.daypart_shift.get(daypart, 0)
        date += DAY * shift
        if shift and date > ctx.published and not attrs.get("future"):
            date -= 7 * DAY  # "late on Wednesday night" after a Wednesday publication: the week before
        if not match.group("wd2"):
            return Reading("weekday", date, None, precision, attrs)
        # "يومي الخميس والجمعة", "ليل الأربعاء الخميس": two days in a row, coded to their middle.
        last = date + DAY * ((self.lex.weekdays[self._word(match.group("wd2"))] - weekday) % 7)
        if last > ctx.published and not attrs.get("future"):
            date, last = date - 7 * DAY, last - 7 * DAY
        return Reading("weekday", cal.middle(date, last), last, precision, attrs | {"start_date": date})

    def _relday(self, match: regex.Match, ctx: Context) -> Reading | None:
        offset, precision = self.relday[self._word(match.group("rel"))]
        daypart = self._word(match.group("dp"))
        if daypart and daypart != "يوم":
            precision = max(precision, self.daypart_precision.get(daypart, 1))
        attrs: dict[str, Any] = {"offset_days": offset}
        if daypart and daypart != "يوم":
            attrs["day_part"] = daypart
        if ctx.published is None:
            return Reading("relative", precision=precision, attrs=attrs)
        offset += self.daypart_shift.get(daypart, 0)
        date = ctx.published + offset * DAY
        return Reading("relative", date, None, precision, self._weekday_check(match, date, attrs))

    def _amount(self, match: regex.Match) -> tuple[str, int | None, bool]:
        """(unit, count, vague) of "3 أيام", "يومين", "أيام"; count None when only a plural is given."""
        unit, own = self.units[self._word(match.group("unit"))]
        count = self._count(self._group(match, "num")) or self._count(self._group(match, "num2"))
        if count is None and own in ("1", "2"):
            count = int(own)
        return unit, count, count is None

    def _ago(self, match: regex.Match, ctx: Context) -> Reading | None:
        unit, count, vague = self._amount(match)
        since = match.group("prep") == "منذ"
        attrs: dict[str, Any] = {"unit": unit, "amount": count}
        if match.group("approx"):
            attrs["approximate"] = True
        return self._back_from_publication(unit, count, vague, since, attrs, ctx)

    def _back_from_publication(self, unit: str, count: int | None, vague: bool, as_span: bool,
                               attrs: dict, ctx: Context) -> Reading:
        """"قبل N units" (a point N units back) or, as a span to publication, "منذ N units"."""
        published = ctx.published
        if unit in ("second", "minute", "hour"):
            if published is None:
                return Reading("relative", precision=2, attrs=attrs)
            back = published - DAY * ((count or 0) // 24 if unit == "hour" else 0)
            precision = 1 if count and (unit != "hour" or count < 24) else 2
            return Reading("relative", back, published if as_span else None, precision, attrs)
        if vague and unit != "day":
            return Reading("vague", attrs=attrs | {"vague": True})
        days = count * UNIT_DAYS[unit] if count else FEW_DAYS
        if days > MAX_BACK_DAYS:
            return Reading("duration", attrs=attrs)  # "منذ 2500 عام": history, not a date
        if vague:
            attrs["vague"] = True
        if published is None:
            return Reading("range" if as_span else "relative", attrs=attrs)
        if unit == "month":
            start = cal.shift_months(published, -count)
        elif unit in ("year", "decade"):
            start = cal.shift_years(published, -count * (10 if unit == "decade" else 1))
        else:
            start = published - days * DAY
        if as_span and days <= 31:
            # ACLED codes an ongoing span ("منذ 3 أيام") to its middle.
            precision = 2 if days <= 14 else 3  # the ANT gold codes "since about two weeks" at 2
            return Reading("range", cal.middle(start, published, late=True), published, precision,
                           attrs | {"span_kind": "since", "start_date": start})
        precision = 1 if unit == "day" and not vague else 2 if days <= 14 else 3 if days <= 62 else None
        if as_span:
            return Reading("since", start, published, precision, attrs | {"span_kind": "since"})
        return Reading("relative", start, None, precision, attrs)

    def _duration(self, match: regex.Match, ctx: Context) -> Reading | None:
        unit, count, vague = self._amount(match)
        attrs: dict[str, Any] = {"unit": unit, "amount": count, "preposition": self._word(match.group("prep"))}
        if match.group("approx"):
            attrs["approximate"] = True
        return Reading("duration", attrs=attrs)

    def _recent(self, match: regex.Match, ctx: Context) -> Reading | None:
        unit, count, vague = self._amount(match)
        word = self._word(match.group("recent"))
        attrs: dict[str, Any] = {"unit": unit, "amount": count}
        if word in self.lex.words.get("coming", {}):
            return Reading("range", attrs=attrs | {"future": True})
        if match.group("few"):
            vague, count = True, None
        if unit in ("second", "minute", "hour"):
            return Reading("range", ctx.published, ctx.published, 2, attrs)
        if vague and unit != "day":
            return Reading("vague", attrs=attrs | {"vague": True})
        if count == 1 and unit in ("week", "month", "year"):
            return None  # "السنة الماضية" is a calendar period, read by the period rule
        reading = self._back_from_publication(unit, count, vague, True, attrs, ctx)
        reading.kind = "range"
        reading.attrs["span_kind"] = "recent"
        return reading

    def _year_rule(self, match: regex.Match, ctx: Context) -> Reading | None:
        reading = self._year_part("whole", int(match.group("year")), None, ctx)
        reading.attrs.setdefault("start_date", dt.date(reading.attrs["year"], 1, 1))
        reading.kind = "year"
        return reading
