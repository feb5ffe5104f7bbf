"""Where and when an event happened, from the `places` and `dates` layers of its sentence.

Places: countries and provinces give way to towns named in the same sentence, unless an event word of
their own stands between (and they hold none of those towns); a place named right
after another one with a preposition or "near" word between them ("الربصا قرب مطار الحديدة") is the
same location, kept once; places joined by "و" are separate locations, one event each (ACLED's
atomic rule). A "near" word before a place (`place_cues.tsv`) makes geo_precision 2. With no place in
the sentence the article's focus place is used at precision 2 (a town) or 3 (a province/country).

Dates: the dates span nearest the trigger, coded by `marsad.time.coding.event_date_of` (the dates
stage's `date` is already the coded day; "since" spans run to publication; a day that dates a report
gives precision 2; years give no date); with none, the publication date with precision 2.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.document import Span
from marsad.events.lexicon import lexicon
from marsad.time.coding import event_date_of

CHAIN_GAP = 6  # tokens between two places for the second to locate the first


@dataclass(frozen=True, slots=True)
class Where:
    place: Span | None
    precision: int | None
    country: str | None


def place_level(place: Span) -> int:
    """0 for a town, a district or smaller; 1 for a province or a region coded at precision 3; 2 for
    a country."""
    feature = str(place.attrs.get("feature") or place.attrs.get("feature_code") or "").upper()
    if feature.startswith("PCL") or feature == "COUNTRY" or place.attrs.get("kind") == "country":
        return 2
    if place.attrs.get("unlocated"):
        return 2  # a name the gazetteer lacks, coded at its country ("جبهة الساحل الغربي"): no finer than it
    if feature.startswith("ADM1") or place.attrs.get("geo_precision") == 3:
        return 1
    return 0


def _precision(place: Span, tokens: Sequence[Span], first: int) -> int:
    own = place.attrs.get("geo_precision")
    precision = own if isinstance(own, int) and 1 <= own <= 3 else 1
    level = place_level(place)
    if level:
        precision = 3
    for cue in lexicon().place_cues.find(tokens[max(0, first - 2):first]):
        precision = max(precision, cue.payload)
    return precision


def sentence_places(tokens: Sequence[Span], places: Sequence[Span], country: str | None = None) -> list[Where]:
    """The distinct locations of one sentence, each with its precision (may be empty). A foreign
    country named in passing ("المحظور في روسيا") is no location of an article about `country`."""
    places = [
        p for p in places
        if not (place_level(p) == 2 and country and p.attrs.get("country_code") not in (None, country))
    ]
    if not places or not tokens:
        return []
    starts = [t.start for t in tokens]
    ordered = sorted(places, key=lambda p: p.start)
    groups: list[list[tuple[Span, int]]] = []
    for place in ordered:
        first = min(len(tokens) - 1, bisect_left(starts, place.start))
        if groups:
            prev, prev_first = groups[-1][-1]
            prev_last = max(prev_first, bisect_left(starts, prev.end) - 1)
            between = [t.attrs.get("norm", "") for t in tokens[prev_last + 1:first]]
            is_list = all(n in ("و", ",", "،", "ثم", "او") for n in between)
            chained = len(groups[-1]) > 1 and is_list and len(between) <= 2
            # "من صنعاء إلى الحديدة" is a way between two places, neither of which locates the other
            located = not is_list and len(between) <= CHAIN_GAP and "و" not in between and (
                "," not in between or _apposition(between, tokens[prev_last + 2:first])) and not (
                set(between) & lexicon().destinations)
            if chained or located:
                # "X قرب Y", "X شرقي محافظة Y": Y locates X; "... لمديريتي حيران وميدي" stays with it
                groups[-1].append((place, first))
                continue
        groups.append([(place, first)])
    # a chain is coded at its finest members ("قرية X بمحافظة Y" at X); a province or country beside finer
    # places is a location of its own only where an event word of its own stands between them ("غارات
    # في جبل برد بمديرية كسمة ... وقصفت أهدافا في صعدة والجوف": Saada and al-Jawf too) and it holds none
    # of them ("سيطرت على قرية X بعد معارك في ريف إدلب": the battles were at X)
    heads = []  # (place, its first token, how many places of its level the chain holds)
    for group in map(_coherent_chain, groups):
        level = min(place_level(p) for p, _ in group)
        chain = [(p, first) for p, first in group if place_level(p) == level]
        heads.append((*_head(chain), len(chain)))
    finest = min(place_level(place) for place, _, _ in heads)
    finer = [first for place, first, _ in heads if place_level(place) == finest]
    triggers = [m.first for m in lexicon().triggers.find(tokens)] if len(finer) < len(heads) else []
    result: list[Where] = []
    seen: set[str] = set()
    for place, first, size in heads:
        if place_level(place) > finest and (
                any(_holds(place, other) for other, _, _ in heads) or not _own_event(first, finer, triggers)):
            continue
        key = str(place.attrs.get("name") or place.text)
        if key in seen:
            continue
        seen.add(key)
        precision = _precision(place, tokens, first)
        if size > 1:
            precision = max(precision, 2 if place_level(place) == 0 else 3)
        result.append(Where(place, precision, place.attrs.get("country_code")))
    return result


def _coherent_chain(group: list[tuple[Span, int]]) -> list[tuple[Span, int]]:
    """A chain or list of places without the namesakes that cannot belong to it: a place in another
    country than most of the list, and a place outside the administrative unit named after it ("منطقة
    الجبلية التابعة لمديرية التحيتا": Jiblah, in another province, is not the village of that district,
    which is then coded to the district)."""
    countries = Counter(p.attrs.get("country_code") for p, _ in group if p.attrs.get("country_code"))
    if len(countries) > 1:
        # "حزرما، النشابية، الصالحية، المحمدية": a town of a list in another country than the rest of it is a
        # namesake (Mohammedia, Morocco, among the towns of Eastern Ghouta)
        country, count = countries.most_common(1)[0]
        if count >= 2 and count > sum(countries.values()) - count:
            group = [(p, first) for p, first in group if p.attrs.get("country_code") in (None, country)]
    units = [p for p, _ in group if str(p.attrs.get("feature") or "").upper().startswith(("ADM", "REGION"))
             and p.attrs.get("admin1")]
    kept = [(place, first) for place, first in group if not any(
        unit.start > place.start and _outside(place, unit) for unit in units)]
    return kept or group


def _outside(place: Span, unit: Span) -> bool:
    """Whether `place` lies in another country or province than `unit`, as far as their attributes say."""
    country = place.attrs.get("country_code")
    if country and unit.attrs.get("country_code") and country != unit.attrs.get("country_code"):
        return True
    return place.attrs.get("admin1") not in (None, unit.attrs.get("admin1"))


def _own_event(first: int, finer: list[int], triggers: list[int]) -> bool:
    """Whether an event word stands between a coarser place (token `first`) and the nearest finer place
    of its sentence (`finer`: their tokens), so that it is where another event of the sentence happened."""
    before = max((f for f in finer if f < first), default=None)
    if before is not None:
        return any(before < t < first for t in triggers)
    after = min(f for f in finer if f > first)
    return any(first < t < after for t in triggers)


def _holds(area: Span, place: Span) -> bool:
    """Whether `place` is finer than `area` and inside it: a town or region of a province (a province's
    admin1 is itself), anything of a country."""
    level = place_level(area)
    if place_level(place) >= level:
        return False
    if level == 2:
        return place.attrs.get("country_code") == area.attrs.get("country_code")
    admin1 = area.attrs.get("admin1") or area.attrs.get("name")
    return bool(admin1) and place.attrs.get("admin1") == admin1


def _apposition(between: list[str], after_comma: Sequence[Span]) -> bool:
    """Whether the words between two places are a comma and a place cue that locates the first by the
    second ("في جبهة نهم، شرق العاصمة صنعاء": the front, not the capital), or a comma and a preposition
    right before the second ("في دوما، بالغوطة الشرقية")."""
    if between[0] != "," or "," in between[1:] or not after_comma:
        return False
    return bool(lexicon().place_cues.find(after_comma[:1])) or (
        len(between) == 2 and between[1] in lexicon().apposition_prepositions)


def _head(group: list[tuple[Span, int]]) -> tuple[Span, int]:
    """The place a chain is coded to: its first member, unless that is a street, camp or other part of
    a town named after it ("شارع فلسطين شرقي بغداد" is coded to Baghdad, as ACLED codes districts to
    their city), or a region named with its province."""
    feature = str(group[0][0].attrs.get("feature") or "").upper()
    if feature == "REGION":
        # "جبهة الساحل الغربي بمحافظة الحديدة": a region named with the province that holds it is the province
        region_admin1 = group[0][0].attrs.get("admin1")
        for member in group[1:]:
            if str(member[0].attrs.get("feature") or "").upper() == "ADM1" and region_admin1 \
                    and member[0].attrs.get("admin1") == region_admin1:
                return member
    part_of_town = feature == "PPLX" or not feature.startswith(("PPL", "ADM", "REGION", "COUNTRY"))
    if len(group) > 1 and part_of_town:
        for member in group[1:]:
            if str(member[0].attrs.get("feature") or "").upper().startswith("PPL"):
                return member
    return group[0]


def focus_place(places: Sequence[Span]) -> Where | None:
    """The article's most-named place, preferring towns; its precision is 2 (town) or 3."""
    if not places:
        return None
    finest = min(place_level(p) for p in places)
    names = Counter(str(p.attrs.get("name") or p.text) for p in places if place_level(p) == finest)
    name, _ = names.most_common(1)[0]
    place = next(p for p in places if str(p.attrs.get("name") or p.text) == name)
    return Where(place, 2 if finest == 0 else 3, place.attrs.get("country_code"))


@dataclass(frozen=True, slots=True)
class When:
    date: dt.date | None
    precision: int | None
    span: Span | None


def event_date(dates: Sequence[Span], trigger_offset: int, published: dt.date | None) -> When:
    """The date of the dates span nearest the trigger, coded by `event_date_of` (a span's `date` is
    already its coded middle; years and vague periods give none); a span that dates the event is
    preferred to one that dates the report. With none, the publication date at precision 2."""
    coded = [(span, event_date_of(span)) for span in dates]
    usable = [(span, value) for span, value in coded if value is not None]
    own = [(span, value) for span, value in usable if not span.attrs.get("of_report")]
    usable = own or usable
    if not usable:
        return When(published, 2 if published else None, None)
    span, (date, precision) = min(usable, key=lambda item: abs(item[0].start - trigger_offset))
    return When(date, precision, span)
