"""Finding date expressions in normalised text: run every rule, read each match, keep the best ones.

Overlaps are settled longest first, ties by position then rule order. An expression right after "منذ" (since)
becomes the start of a span to publication; one right after "حتى/إلى" (until) may lie in the future.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from marsad.time.grammar import grammar
from marsad.time.lexicon import time_lexicon
from marsad.time.readings import Context, Reader, Reading

PREFIX_WINDOW = 30
# Kinds that already say how they relate to publication and take no "since" reading.
SPAN_KINDS = frozenset({"duration", "range", "since", "vague"})


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
    for order, (name, pattern) in enumerate(rules.rules):
        for match in pattern.finditer(text):
            start = match.start()
            window = max(0, start - PREFIX_WINDOW)
            since = rules.since_before.search(text, window, start)
            until = None if since else rules.until_before.search(text, window, start)
            reading = read.read(name, match, Context(published, future_ok=until is not None))
            if reading is None:
                continue
            if since and reading.kind not in SPAN_KINDS and name != "ago":
                start = since.start()
                reading = _as_since(reading, published)
            elif until:
                reading.attrs["span_kind"] = "until"
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


def _as_since(reading: Reading, published: dt.date | None) -> Reading:
    """"منذ نهاية تموز": a span from the expression's date to publication; the date is its start."""
    attrs = reading.attrs | {"span_kind": "since", "anchor_kind": reading.kind}
    end = published if reading.date is not None else None
    return Reading("since", reading.date, end, reading.precision, attrs)
