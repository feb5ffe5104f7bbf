"""The date lexicons of `data/ar/time/`, loaded once and normalised for matching."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.errors import DataError
from marsad.resources import read_rows
from marsad.text.normalize import normalize


@dataclass(frozen=True)
class TimeLexicon:
    months: dict[str, int]  # normalised form -> month number
    ambiguous_months: frozenset[str]
    hijri_months: dict[str, int]
    weekdays: dict[str, int]  # normalised form -> Python weekday (Monday = 0)
    numbers: dict[str, int]  # cardinal words
    ordinals: dict[str, int]
    words: dict[str, dict[str, tuple[str, ...]]]  # category -> normalised form -> extra columns


def _rows(name: str, width: int) -> list[list[str]]:
    rows = list(read_rows("ar", "time", name))
    for number, row in enumerate(rows, start=1):
        if len(row) < width:
            raise DataError(f"data/ar/time/{name}: row {number} {row!r} has fewer than {width} columns")
    return rows


@lru_cache(maxsize=1)
def time_lexicon() -> TimeLexicon:
    months: dict[str, int] = {}
    ambiguous: set[str] = set()
    for form, month, _system, is_ambiguous, *_ in _rows("months.tsv", 4):
        months[normalize(form)] = int(month)
        if is_ambiguous == "1":
            ambiguous.add(normalize(form))
    hijri = {normalize(form): int(month) for form, month, *_ in _rows("hijri_months.tsv", 2)}
    weekdays = {normalize(form): int(day) for form, day, *_ in _rows("weekdays.tsv", 2)}
    numbers: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    for form, value, kind in _rows("numbers.tsv", 3):
        (ordinals if kind == "ordinal" else numbers)[normalize(form)] = int(value)
    words: dict[str, dict[str, tuple[str, ...]]] = {}
    for category, form, *extra in _rows("words.tsv", 2):
        words.setdefault(category, {})[normalize(form)] = tuple(extra)
    return TimeLexicon(months, frozenset(ambiguous), hijri, weekdays, numbers, ordinals, words)
