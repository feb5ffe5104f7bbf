"""The date grammar: regular expressions over normalised text, built once from the lexicons.

Every pattern works on `marsad.text.normalize` output (alef forms -> ا, ة -> ه, ى -> ي, digits
ASCII), so the lexicon forms are normalised before they become alternatives. Whitespace inside an
expression never crosses a line break, so a match never joins two paragraphs. Literal words in the
patterns below are written in normalised form too ("علي" for على, "الي" for إلى, "حتي" for حتى).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
import regex

from marsad.time.lexicon import TimeLexicon, time_lexicon

S = r"[^\S\r\n\u2028\u2029\u0085]"
# A match starts at a word start, or right after the proclitics of a word start: one of و ف ب ل,
# optionally after و or ف ("وبالأمس").
B = r"(?:(?<![\p{L}\p{N}])|(?<=(?<![\p{L}\p{N}])[وف]?[وفبل]))"
E = r"(?![\p{L}\p{N}])"
DAYPART_AFTER = r"(?:صباحا|مساء|مساءا|ليلا|فجرا|ظهرا|عصرا)"
HIJRI_MARK = r"(?:ه|هجري|هجريه)"
KNOWN_YEAR = r"(?:19|20)\d\d"
# "العام ذاته/نفسه" (the same year) points back into the text, not to publication.
SAME = r"(?:ذاته|ذاتها|نفسه|نفسها)"


def alternation(forms) -> str:
    """A regex alternation of `forms`, longest first, spaces inside a form matching any run of spaces."""
    parts = []
    for form in sorted(set(forms), key=len, reverse=True):
        parts.append(f"{S}+".join(regex.escape(piece) for piece in form.split()))
    return "(?:" + "|".join(parts) + ")"


# Rules run over the whole text: they begin with digits, which no anchor word announces.
WHOLE_TEXT_RULES = frozenset({"numeric", "year"})
# Each other rule runs only near the anchor words it needs: one of them is inside every match it can
# make (prepositions, parts and modifiers always come with one of them).
PERIOD_WORDS = ("الشهر", "العام", "السنه", "الاسبوع", "عام", "سنه", "شهر")
YEARS = tuple(str(year) for year in range(1900, 2100))
RULE_ANCHORS = {
    "absolute": ("month",), "month": ("month",), "hijri": ("hijri",), "hijri_month": ("hijri",),
    "day_of_month": ("this_month",), "part": ("month", "period", "year"), "period": ("period",),
    "weekday": ("weekday",), "relday": ("relday",), "ago": ("unit",), "duration": ("unit",),
    "recent": ("unit",),
}


@dataclass(frozen=True)
class Grammar:
    rules: tuple[tuple[str, regex.Pattern], ...]  # (rule name, pattern), in tie-break order
    since_before: regex.Pattern
    until_before: regex.Pattern
    report_before: regex.Pattern  # a verb of saying a few words back: the date is the report's
    report_after: regex.Pattern  # "that" of reported speech right after: the date is the report's too
    anchors: ahocorasick.Automaton  # anchor word -> (length, its categories)


def _anchors(lex: TimeLexicon) -> ahocorasick.Automaton:
    categories: dict[str, set[str]] = {}

    def add(words, category: str) -> None:
        for word in words:
            categories.setdefault(word.split()[0], set()).add(category)

    add(lex.months, "month")
    add(lex.hijri_months, "hijri")
    add(lex.weekdays, "weekday")
    add(lex.words["relday"], "relday")
    add(PERIOD_WORDS, "period")
    add(YEARS, "year")
    add(("الشهر", "الجاري", "الجاريه", "الحالي", "الحاليه"), "this_month")
    add((form for unit in lex.words["unit"] for form in (unit, "ال" + unit)), "unit")
    automaton = ahocorasick.Automaton()
    for word, kinds in categories.items():
        automaton.add_word(word, (len(word), frozenset(kinds)))
    automaton.make_automaton()
    return automaton


def _words(lex: TimeLexicon, category: str) -> list[str]:
    return list(lex.words.get(category, {}))


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    lex = time_lexicon()
    month = alternation(lex.months)
    hijri = alternation(lex.hijri_months)
    weekday = alternation(lex.weekdays)
    ordinal = alternation(lex.ordinals)
    number = alternation(lex.numbers)
    daypart = alternation(_words(lex, "daypart"))
    relday = alternation(_words(lex, "relday"))
    part = alternation(_words(lex, "part"))
    past = alternation(_words(lex, "past"))
    # "هذا/هذه" mean "this" only before a noun ("هذا الشهر"), never after a month name.
    current_after = alternation(w for w in _words(lex, "current") if w not in ("هذا", "هذه"))
    upcoming = alternation(_words(lex, "next"))
    approx = alternation(_words(lex, "approx"))
    few = alternation(_words(lex, "few"))
    purpose = alternation(_words(lex, "purpose"))  # "أجل": "من أجل" is no "before X"
    recent = alternation(_words(lex, "recent"))
    coming = alternation(_words(lex, "coming"))
    units = lex.words["unit"]
    unit = alternation(units)
    unit_alone = alternation(form for form, extra in units.items() if extra[1] in ("1", "2", "n"))

    day = rf"(?P<day>(?:ال)?\d{{1,2}}(?!\d)|{ordinal})"
    mods = rf"(?P<mod>{past}|{current_after}|{upcoming})"
    month_pair = (
        rf"(?P<m1>{month})(?:{S}*[/\\\-]{S}*(?P<m2>{month})|{S}*\({S}*(?P<m3>{month}){S}*\))?"
    )
    year_tail = (
        rf"(?:{S}*,?{S}*(?:من{S}+)?(?:(?:عام|العام|سنه){S}+)?(?P<year>{KNOWN_YEAR})"
        rf"(?:{S}*(?:م|ميلادي|ميلاديه){E})?"
        rf"|{S}+من{S}+(?:العام|السنه){S}+(?P<yearmod>{past}|{current_after}|{upcoming}))?"
    )
    weekday_lead = rf"(?:يوم{S}+)?(?:(?P<wd>{weekday}){S}*,?{S}*(?:(?:الموافق|الماضي|الماضيه){S}+)?)?(?:يوم{S}+)?"
    period_unit = r"(?P<unit>الاسبوع|الشهر|العام|السنه)"
    count = rf"(?P<num>\d+|{number})"

    rules = (
        ("absolute", rf"{B}{weekday_lead}{day}{S}*(?:من{S}+)?(?:(?P<shahr>شهر){S}+)?{month_pair}"
                     rf"(?:{S}+{mods})?{year_tail}{E}"),
        ("numeric", rf"(?<![\d/.\-])(?:(?P<day>\d{{1,2}}){S}*(?P<sep>[/.\-]){S}*(?P<month>\d{{1,2}}){S}*(?P=sep)"
                    rf"{S}*(?P<year>\d{{4}}|\d{{2}})|(?P<year>\d{{4}})(?P<sep>[/\-])(?P<month>\d{{1,2}})(?P=sep)"
                    rf"(?P<day>\d{{1,2}}))(?![\d/.\-]\d)(?:{S}*(?P<hmark>{HIJRI_MARK}){E})?"),
        ("hijri", rf"{B}{weekday_lead}{day}{S}*(?:من{S}+)?(?:شهر{S}+)?(?P<hm>{hijri})"
                  rf"(?:{S}*,?{S}*(?P<year>1[34]\d\d))?(?:{S}*(?P<hmark>{HIJRI_MARK}))?{E}"),
        ("hijri_month", rf"{B}شهر{S}+(?P<hm>{hijri})(?:{S}+(?P<mod>{past}|{current_after}|{upcoming}))?"
                        rf"(?:{S}+(?P<year>1[34]\d\d))?(?:{S}*(?P<hmark>{HIJRI_MARK}))?{E}"),
        ("day_of_month", rf"{B}{weekday_lead}{day}{S}+(?:من{S}+)?(?:(?:الشهر|هذا{S}+الشهر)(?:{S}+{mods})?"
                         rf"|(?P<mod>{current_after})){E}"),
        ("part", rf"{B}(?P<part>{part}){S}+(?:من{S}+)?(?:(?:(?P<shahr>شهر){S}+)?{month_pair}(?:{S}+{mods})?"
                 rf"{year_tail}|{period_unit}(?!{S}+{SAME}{E})(?:{S}+{mods})?(?:{S}+(?P<year>{KNOWN_YEAR}))?"
                 rf"|(?P<this>هذا|هذه){S}+{period_unit}|(?:(?:عام|العام|سنه){S}+)?(?P<year>{KNOWN_YEAR})){E}"),
        ("period", rf"{B}(?:{period_unit}{S}+(?P<mod>{past}|{current_after}|{upcoming})"
                   rf"|(?P<this>هذا|هذه){S}+{period_unit}){E}"),
        ("month", rf"{B}(?:(?P<shahr>شهر){S}+)?{month_pair}(?:{S}+{mods})?{year_tail}{E}"),
        ("weekday", rf"{B}(?:(?P<dp>{daypart}){S}+(?:(?:من{S}+)?يوم{S}+)?)?(?P<wd>{weekday})"
                    rf"(?:{S}*(?:[-/]|و)?{S}*(?P<wd2>{weekday}))?(?:{S}+(?P<mod>{past}|{upcoming}|{current_after}))?"
                    rf"(?:{S}+(?P<dp2>{DAYPART_AFTER}))?{E}"),
        ("relday", rf"{B}(?:(?P<dp>{daypart}){S}+)?(?P<rel>{relday})(?:{S}*,?{S}*(?P<wd>{weekday}))?"
                   rf"(?:{S}+(?P<dp2>{DAYPART_AFTER}))?{E}"
                   rf"(?!{S}+(?:{ordinal}|التالي|نفسه|الوطني|العالمي|السابق|الموعود){E})"),
        ("ago", rf"{B}(?P<prep>قبل|منذ){S}+(?:(?P<approx>{approx}){S}+)?(?:{count}{S}+(?P<unit>{unit})"
                rf"|(?P<unit>{unit_alone}))(?!{S}*\d)(?!{S}+(?:من{E}(?!{S}+(?:{purpose}){E})|{weekday})){E}"),
        ("duration", rf"{B}(?P<prep>بعد|لمده|مده|طوال|طيله|علي{S}+مدي|علي{S}+مدار|خلال|في{S}+غضون|غضون)"
                     rf"{S}+(?:(?P<approx>{approx}){S}+)?(?:{count}{S}+(?P<unit>{unit})|(?P<unit>{unit_alone}))"
                     rf"(?!{S}*\d){E}"),
        ("recent", rf"{B}(?:(?P<prep>خلال|في|طوال|طيله|علي{S}+مدي|علي{S}+مدار|منذ){S}+)?"
                   rf"(?:(?P<approx>{approx}){S}+)?ال{S}*(?:(?P<num>\d+){S}*(?:ال)?)?(?P<unit>{unit})"
                   rf"(?:{S}+(?:ال)?(?P<num2>{number}))?(?:{S}+(?P<few>{few}))?{S}+(?P<recent>{recent}|{coming}){E}"),
        ("year", rf"{B}(?:(?:عام|العام|سنه){S}+(?P<year>{KNOWN_YEAR})"
                 rf"|(?<=(?:منذ|في|خلال|حتي){S}+)(?P<year>{KNOWN_YEAR}))(?![\d/.\-]\d){E}"),
    )
    compiled = tuple((name, regex.compile(pattern, regex.V0)) for name, pattern in rules)
    since = regex.compile(rf"{B}(?:منذ|اعتبارا{S}+من|ابتداء{S}+من|بدءا{S}+من|بدايه{S}+من){S}+$")
    until = regex.compile(rf"{B}(?:حتي|الي|لغايه|غايه){S}+$")
    report = regex.compile(rf"{B}{alternation(_words(lex, 'report'))}(?:{S}+[^\s.]+){{0,4}}{S}*,?{S}*$")
    said_that = regex.compile(rf"{S}*[,،]?{S}*(?:{alternation(_words(lex, 'said_that'))}){E}")
    return Grammar(compiled, since, until, report, said_that, _anchors(lex))
