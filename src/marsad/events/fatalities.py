"""Fatality counts under ACLED's rules, read next to the words that report a death.

The lowest figure is kept ("أكثر من 20" -> 20); vague quantities take the values of
`numbers.tsv` (عشرات -> 10, عدد من -> 3, نصف مليون -> 500,000); a death with no figure is 1 for a singular verb or noun
("قتل طبيب") and 3 for a plural ("سقوط قتلى", "لقوا حتفهم"); a figure that mixes dead and wounded
("11 قتيلا وجريحا") gives 1; injuries alone give 0. Figures of a thousand or more are aggregates, which
the coder treats as background, not as one event's toll.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.document import Span
from marsad.events.lexicon import number_value
from marsad.resources import read_rows
from marsad.time.lexicon import time_lexicon

WINDOW = 4
AGGREGATE = 1000


@dataclass(frozen=True)
class TollWords:
    injury: tuple[str, ...]
    not_toll: frozenset[str]
    plural_death: tuple[str, ...]
    year_before: frozenset[str]
    time_aside: frozenset[str]  # words of a time phrase set off by commas ("، الثلاثاء،")
    partitive: frozenset[str]  # "من" of "30 عنصرا من ميليشيات الحوثي"


@lru_cache(maxsize=1)
def toll_words() -> TollWords:
    kinds: dict[str, list[str]] = {}
    for kind, word in read_rows("ar", "events", "toll_words.tsv"):
        kinds.setdefault(kind, []).append(word)
    injury = tuple(kinds["injury"])
    return TollWords(
        injury=injury + tuple("ال" + p for p in injury),
        not_toll=frozenset(kinds["not_toll"]),
        plural_death=tuple(kinds["plural_death"]),
        year_before=frozenset(kinds["year_before"]),
        time_aside=frozenset(kinds["time_aside"]) | frozenset(time_lexicon().weekdays),
        partitive=frozenset(kinds["partitive"]),
    )


_BREAKS = {",", ".", "؛", ";", ":", "(", ")"}
ASIDE = 3  # words of a time phrase between commas that a figure may follow


@dataclass(frozen=True, slots=True)
class Toll:
    fatalities: int
    aggregate: bool
    position: int  # the token index of the death word
    explicit: bool = False  # a figure or quantity word was given
    # the figure before it counts the wounded ("وجرح مئات آخرون برصاص الجيش"): the death word only says how
    # the dead and wounded were hit, and another death word of the sentence counts the dead
    beside_wounded: bool = False


def is_injury(norm: str) -> bool:
    bare = norm[1:] if norm[:1] in "وف" and len(norm) > 4 else norm
    return bare.startswith(toll_words().injury)


def _quantity_at(tokens: Sequence[Span], i: int) -> int | None:
    token = tokens[i]
    norm = token.attrs.get("norm", "")
    after = tokens[i + 1].attrs.get("norm", "") if i + 1 < len(tokens) else ""
    before = tokens[i - 1].attrs.get("norm", "") if i > 0 else ""
    if token.attrs.get("role") == "number":
        digits = norm.replace(",", "").replace("٬", "")
        if not digits.replace(".", "").isdigit():
            return None
        multiplier = number_value(after, "multiplier")
        is_year = len(digits) == 4 and digits[:2] in ("19", "20")
        words = toll_words()
        if (after in words.not_toll and not multiplier) or before in words.year_before or is_year:
            return None
        value = int(float(digits))
        return value * multiplier if multiplier else value
    if after == "من" and norm in ("عدد", "عددا"):
        return number_value(norm + " من", "vague")
    fraction = number_value(norm, "fraction")
    if fraction is not None:
        multiplier = number_value(after, "multiplier")  # نصف مليون, ربع مليون
        return multiplier * fraction // 1000 if multiplier else None
    for kind in ("vague", "number"):
        value = number_value(norm, kind)
        if value is not None:
            if kind == "number" and after in toll_words().not_toll:
                return None
            fraction = number_value(before, "fraction")
            if kind == "number" and fraction is not None and number_value(norm, "multiplier"):
                return value * fraction // 1000  # "نصف مليون قتيل" read from the death word back
            # "مئات الآلاف" (hundreds of thousands) is a war's tally, not a hundred dead
            multiplier = number_value(after, "multiplier")
            return value * multiplier if multiplier else value
    return None


def _mixed(tokens: Sequence[Span], i: int) -> bool:
    for j in range(i + 1, min(len(tokens), i + 4)):
        if is_injury(tokens[j].attrs.get("norm", "")):
            return True
    return False


PARTITIVE_WINDOW = 9  # "30 عنصرا من ميليشيات الحوثي الإيرانية لقوا مصرعهم": a figure, its noun, "من" and a name


def _partitive_before(tokens: Sequence[Span], death: int) -> int | None:
    """A figure further back than WINDOW that counts "N of <a group>" right before the death word: the
    figure, one noun, then "من" ("30 عنصرا من ميليشيات الحوثي الإيرانية لقوا مصرعهم"), with no break,
    injury word or other figure between."""
    for j in range(death - 1, max(-1, death - 1 - PARTITIVE_WINDOW), -1):
        norm = tokens[j].attrs.get("norm", "")
        if norm in _BREAKS or is_injury(norm) or tokens[j].attrs.get("role") == "number":
            return None
        if norm in toll_words().partitive and j >= 2:
            found = _quantity_at(tokens, j - 2)
            return found if found is not None and not _wounded_count(tokens, j - 2) else None
    return None


def _wounded_count(tokens: Sequence[Span], at: int) -> bool:
    """Whether the figure at token `at` counts the wounded: an injury word right before it ("وجرح مئات")."""
    return at > 0 and is_injury(tokens[at - 1].attrs.get("norm", ""))


def _time_aside(tokens: Sequence[Span], at: int) -> int:
    """How many tokens a time phrase set off by commas fills from `at` (", الثلاثاء،"), or 0."""
    if at >= len(tokens) or tokens[at].attrs.get("norm") != ",":
        return 0
    words = toll_words().time_aside
    for j in range(at + 1, min(len(tokens), at + 2 + ASIDE)):
        norm = tokens[j].attrs.get("norm", "")
        if norm == ",":
            return j + 1 - at if j > at + 1 else 0
        if norm not in words:
            return 0
    return 0


def toll_at(tokens: Sequence[Span], death: int, last: int | None = None) -> Toll:
    """The toll reported by the death word(s) at token `death`..`last`."""
    last = death if last is None else last
    found: int | None = None
    wounded = False
    # figures after the death word first ("مقتل 7 مدنيين", "قتلت، الثلاثاء، العشرات"), then before it ("7 قتلى")
    j, seen = last + 1, 0
    while j < len(tokens) and seen < WINDOW:
        aside = _time_aside(tokens, j)
        if aside:
            j += aside
            continue
        norm = tokens[j].attrs.get("norm", "")
        if norm in _BREAKS or is_injury(norm):
            break
        found = _quantity_at(tokens, j)
        if found is not None:
            break
        j, seen = j + 1, seen + 1
    if found is None:
        for j in range(death - 1, max(-1, death - 1 - WINDOW), -1):
            norm = tokens[j].attrs.get("norm", "")
            if norm in _BREAKS or is_injury(norm):
                break
            found = _quantity_at(tokens, j)
            if found is not None:
                if _wounded_count(tokens, j):
                    found, wounded = None, True  # "وجرح مئات آخرون برصاص الجيش": the wounded, not the dead
                break
    if found is None and not wounded:
        found = _partitive_before(tokens, death)
    end = last + 1
    if end < len(tokens) and tokens[end].attrs.get("role") == "enclitic":
        end += 1  # مصرعهم, حتفهم: the pronoun makes the dead plural
    word = "".join(tokens[k].attrs.get("norm", "") for k in range(death, end))
    mixed = _mixed(tokens, last)
    if found is None and death == last:
        found = _quantity_at(tokens, death)  # a dual death word counts itself ("وسقط قتيلان")
    if found is None:
        return Toll(3 if any(p in word for p in toll_words().plural_death) else 1, False, death,
                    beside_wounded=wounded)
    if mixed:
        return Toll(1, found >= AGGREGATE, death, True)
    return Toll(found, found >= AGGREGATE, death, True)
