"""Finding date expressions in normalised text: run every rule, read each match, keep the best ones.

Overlaps are settled longest first, ties by position then rule order. A weekday or relative day right
after a verb of saying ("قال ناشطون، الثلاثاء") is marked `of_report`: it dates the report. An expression right after "منذ" (since)
becomes the start of a span to publication; one right after "حتى/إلى" (until) may lie in the future.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import regex

from marsad.time.grammar import RULE_ANCHORS, WHOLE_TEXT_RULES, grammar
from marsad.time.lexicon import time_lexicon
from marsad.time.readings import Context, Reader, Reading

PREFIX_WINDOW = 30
# Around each anchor word, how far a match may reach before and after it (the longest stretch of an
# expression with no anchor word in it: a day written in words, "من", a year).
REACH_BEFORE = 80
REACH_AFTER = 60
_WORD_END = regex.compile(r"\s|$")
# Kinds that already say how they relate to publication and take no "since" reading.
SPAN_KINDS = frozenset({"duration", "range", "since", "vague"})
# Whole periods coded to their middle (parts of periods say where they lie and are left alone).
CLAMPED_KINDS = frozenset({"month", "hijri", "year", "relative"})


@dataclass
class Found:
    start: int  # offsets in the normalised text
    end: int
    rule: str
    reading: Reading


@lru_cache(maxsize=1)
def reader() -> Reader:
    return Reader(time_lexicon())


def find_dates(text: str, published: dt.date | None) -> list[Found]:
    """Date expressions of normalised `text`, in order, none overlapping."""
    rules = grammar()
    read = reader()
    candidates: list[tuple[int, int, int, Found]] = []
    hits = anchor_hits(text, rules.anchors)
    whole = [(0, len(text))]
    for order, (name, pattern) in enumerate(rules.rules):
        if name in WHOLE_TEXT_RULES:
            windows = whole
        else:
            needed = RULE_ANCHORS[name]
            windows = _windows(text, [(start, end) for start, end, kinds in hits if not kinds.isdisjoint(needed)])
        for match in _matches(pattern, text, windows):
            start = match.start()
            window = max(0, start - PREFIX_WINDOW)
            since = rules.since_before.search(text, window, start)
            until = None if since else rules.until_before.search(text, window, start)
            reading = read.read(name, match, Context(published, future_ok=until is not None))
            if reading is None:
                continue
            _clamp_to_publication(reading, published)
            if since and reading.kind not in SPAN_KINDS and name != "ago":
                start = since.start()
                reading = _as_since(reading, published)
            elif until:
                reading.attrs["span_kind"] = "until"
            if reading.kind in ("weekday", "relative") and (
                    rules.report_before.search(text, window, start) or rules.report_after.match(text, match.end())):
                reading.attrs["of_report"] = True
            candidates.append((start, -(match.end() - start), order, Found(start, match.end(), name, reading)))
    # Longest first over the whole text, so that a long reading ("يوم الخميس 9 آب 2018") beats the
    # shorter ones inside it and a rejected long match never hides the short ones next to it.
    candidates.sort(key=lambda item: (item[1], item[0], item[2]))
    kept: list[Found] = []
    taken: list[tuple[int, int]] = []
    for _, _, _, found in candidates:
        if any(found.start < end and start < found.end for start, end in taken):
            continue
        kept.append(found)
        taken.append((found.start, found.end))
    kept.sort(key=lambda found: found.start)
    return kept


def anchor_hits(text: str, anchors) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, categories) of the anchor words of `text` that stand as whole words."""
    hits = []
    for end, (length, kinds) in anchors.iter(text):
        start = end + 1 - length
        if _whole_word(text, start, end + 1):
            hits.append((start, end + 1, kinds))
    return hits


def _windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches of `text` around anchor words, merged; each ends at a space or the end of the text
    so that a pattern's end-of-word test at the stretch's end means what it says."""
    windows: list[tuple[int, int]] = []
    for begin, end in spans:
        start = max(0, begin - REACH_BEFORE)
        stop = _WORD_END.search(text, min(len(text), end + REACH_AFTER)).start()
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], stop))
        else:
            windows.append((start, stop))
    return windows


def _whole_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a word, or a word after one or two proclitics (و ف ب ل)."""
    if end < len(text) and text[end].isalnum():
        return False
    for clitics in (0, 1, 2):
        before = start - clitics
        if before < 0 or (clitics and text[before] not in "وفبل"):
            return False
        if before == 0 or not text[before - 1].isalpha():  # "11سبتمبر": a digit may touch it
            return True
    return False


def _matches(pattern: regex.Pattern, text: str, windows: list[tuple[int, int]]):
    for start, stop in windows:
        yield from pattern.finditer(text, start, stop)


def _clamp_to_publication(reading: Reading, published: dt.date | None) -> None:
    """A period still running at publication ("في أغسطس" in a paper of 10 August, "عام 2014" in one of
    January 2014) is coded no later than publication: its middle has not happened yet."""
    start = reading.attrs.get("start_date")
    if (published is not None and reading.kind in CLAMPED_KINDS and reading.date is not None
            and start is not None and start <= published < reading.date):
        reading.date = published
        reading.attrs["clamped_to_publication"] = True


def _as_since(reading: Reading, published: dt.date | None) -> Reading:
    """"منذ نهاية تموز": a span from the expression's date to publication; the date is its start."""
    attrs = reading.attrs | {"span_kind": "since", "anchor_kind": reading.kind}
    end = published if reading.date is not None else None
    return Reading("since", reading.date, end, reading.precision, attrs)
