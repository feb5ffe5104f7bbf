"""Streets, facilities and neighbourhoods the gazetteer lacks, placed at the town the text puts them in.

"حي بدر بمدينة الدمام", "مستشفى الروم في بيروت", "طريق الشلالة في العقبة": a head noun, one to three
name words that are no known place, then في/ب (or a comma) and a resolved town. The name is coded to the
town's point with precision 2 (like the `approx:` rule of marsad's toponym guidelines).
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from marsad.document import Document, Span
from marsad.places.lexicon import Lexicon
from marsad.places.translit import zipf

# Places a facility can be placed at: towns, parts of them and admin units (coded to their main town),
# not regions or countries.
TOWN_FEATURES = frozenset({"PPL", "PPLC", "NBHD", "ADM1", "ADM2", "ADM3"})
# Admin heads that name a part of a town (a district, a road), not a town or a province of its own.
PART_HEADS = frozenset({"NBHD", "ADM2", "ADM3"})
ROAD_HEADS = frozenset({"road", "highway"})
MAX_NAME_WORDS = 3
# A name goes on past its first word only through words rarer than this (بعد، وسط، اليوم end it).
FUNCTION_WORD_ZIPF = 5.3
LINKS = frozenset({"في", "ب", ","})
_ARABIC_WORD = regex.compile(r"^[\p{Arabic}]+$")


def _name_word(token: Span, lex: Lexicon) -> bool:
    norm = token.attrs.get("norm", "")
    return (token.attrs.get("role") == "stem" and _ARABIC_WORD.match(norm) is not None and norm not in lex.heads
            and norm not in lex.before_directions and norm not in LINKS and norm not in lex.never
            and not (norm[:1] in "بلو" and norm[1:] in lex.heads))


def contained_places(doc: Document, tokens: list[Span], covered: set[int], spans: list[Span],
                     lex: Lexicon) -> list[Span]:
    """New spans for unknown named facilities/streets/neighbourhoods followed by the town they are in, or,
    for facilities, in an article that names one town only."""
    town_at = {}
    for span in spans:
        if span.attrs.get("feature") in TOWN_FEATURES or span.attrs.get("geo_precision") == 1:
            town_at[span.start] = span
    if not town_at:
        return []
    towns = {(round(s.attrs["lat"], 2), round(s.attrs["lon"], 2)): s for s in town_at.values()
             if s.attrs.get("feature") in ("PPL", "PPLC", "NBHD", "ADM1")}
    sole = next(iter(towns.values())) if len(towns) == 1 else None
    norms = [t.attrs.get("norm", "") for t in tokens]
    found = []
    for i, token in enumerate(tokens):
        head = lex.head_of(token)
        if head is None or head.kind == "region" or i in covered:
            continue
        if head.kind == "admin" and head.feature not in PART_HEADS and head.english not in ROAD_HEADS:
            continue
        names = []
        j = i + 1
        while j < len(tokens) and len(names) < MAX_NAME_WORDS and j not in covered and _name_word(tokens[j], lex) \
                and tokens[j].attrs.get("sentence") == tokens[i].attrs.get("sentence"):
            if norms[j] in lex.facility_adjectives or (not names and norms[j] in lex.demonyms):
                break  # "مديرية الدفاع المدني" is an office, "العاصمة السورية" an adjective  # "العاصمة السورية": an adjective, no name (later words may be: الجامعة الأميركية)
            if names and (zipf(norms[j]) > FUNCTION_WORD_ZIPF or norms[j] in lex.near_words
                          or norms[j] in lex.after_directions):
                break
            names.append(j)
            j += 1
        if not names:
            continue
        k = len(tokens)
        if j < len(tokens) and norms[j] in LINKS:
            k = j + 1
            if k < len(tokens) and norms[k] in lex.heads and lex.heads[norms[k]].kind == "admin":
                k += 1  # "في مدينة الدمام"
        elif j < len(tokens) and norms[j][:1] == "ب" and norms[j][1:] in lex.heads \
                and lex.heads[norms[j][1:]].kind == "admin":
            k = j + 1  # "بمدينة الدمام" (one token)
        town = town_at.get(tokens[k].start) if k < len(tokens) else None
        if town is None and head.kind == "facility":
            town = sole  # the one town the article names: "#معهد_الأورام ... #القاهرة"
        if town is None:
            continue
        first = i if head.kind == "facility" else names[0]
        start, end = tokens[first].start, tokens[names[-1]].end
        attrs = {key: value for key, value in town.attrs.items() if key not in ("alternatives", "direction", "near")}
        attrs.update({
            "name": f"{town.attrs['name']} {head.english}", "name_ar": doc.text[start:end],
            "feature": head.feature if head.feature not in ("PPL", "ADM2", "ADM1", "PPLC") else "NBHD",
            "geo_precision": 2, "contained_in": town.text,
        })
        found.append(doc.span(start, end, "PLACE", **attrs))
        covered.update(range(i, names[-1] + 1))
    return found


# words that put a named part in the town after them ("حي المغار وسط مدينة درنة")
PART_LINKS = frozenset({"في", "ب", "وسط", "داخل"})
QUOTES = frozenset({'"', "«", "»", "“", "”"})
# what a misread part can be: a village or a neighbourhood the gazetteer holds elsewhere
PART_FEATURES = frozenset({"PPL", "NBHD"})


def foreign_parts(doc: Document, tokens: list[Span], spans: list[Span], lex: Lexicon) -> list[Span]:
    """The spans, with a village the text at once puts in a town of another country recoded as a part
    of that town: "حي المغار وسط مدينة درنة" names a quarter of Derna, not the Israeli village Maghar that
    the gazetteer knows by that name. Names the gazetteer lacks are `contained_places`' work."""
    index_at = {t.start: i for i, t in enumerate(tokens)}
    ends = [t.end for t in tokens]
    span_at = {s.start: s for s in spans}
    norms = [t.attrs.get("norm", "") for t in tokens]
    out = []
    for span in spans:
        town = None
        first = index_at.get(span.start)
        last = bisect_left(ends, span.end)  # the token the span ends in
        last = last if last < len(tokens) and tokens[last].start < span.end else None
        before = first - 1 if first is not None else -1
        while before >= 0 and norms[before] in QUOTES:
            before -= 1
        # only a name after a head word ("حي", "منطقة"): in a list "دوما، حرستا" each name is a town
        headed = before >= 0 and lex.head_of(tokens[before]) is not None
        if span.attrs.get("feature") in PART_FEATURES and last is not None and headed:
            k = last + 1
            while k < len(tokens) and norms[k] in QUOTES:
                k += 1
            if k < len(tokens) and norms[k] in PART_LINKS:
                k += 1
                if k < len(tokens) and norms[k] in lex.heads and lex.heads[norms[k]].kind == "admin":
                    k += 1  # "وسط مدينة درنة"
            elif k < len(tokens) and norms[k][:1] == "ب" and norms[k][1:] in lex.heads:
                k += 1  # "بمدينة درنة"
            else:
                k = len(tokens)
            town = span_at.get(tokens[k].start) if k < len(tokens) else None
        if town is None or town.attrs.get("feature") not in TOWN_FEATURES or not town.attrs.get("country_code") \
                or town.attrs.get("country_code") == span.attrs.get("country_code"):
            out.append(span)
            continue
        attrs = {key: value for key, value in town.attrs.items() if key not in ("alternatives", "direction", "near")}
        attrs.update({"name": f"{town.attrs['name']} quarter", "name_ar": span.text, "feature": "NBHD",
                      "geo_precision": 2, "contained_in": town.text})
        out.append(doc.span(span.start, span.end, "PLACE", **attrs))
    return out


# Admin heads after which an unknown name is a settlement or a part of one.
SETTLEMENT_HEADS = frozenset({"PPL", "NBHD", "ADM2"})
# How common (wordfreq Zipf) an unlocated name may be: one word (مدينة كبيرة is no name), or the first
# of two (سعد العبدالله، جابر الأحمد).
UNLOCATED_WORD_ZIPF = 4.0
UNLOCATED_FIRST_WORD_ZIPF = 5.5


def unlocated_places(doc: Document, tokens: list[Span], covered: set[int], spans: list[Span], lex: Lexicon,
                     country: Span | None) -> list[Span]:
    """Unknown names after a settlement head ("مدينة صباح الأحمد") in an article about one country only,
    coded to that country's point with precision 3 and `unlocated: true` (the smallest unit known)."""
    if country is None:
        return []
    norms = [t.attrs.get("norm", "") for t in tokens]
    found = []
    for i, token in enumerate(tokens):
        head = lex.head_of(token)
        if head is None or head.kind != "admin" or head.feature not in SETTLEMENT_HEADS or head.english in ROAD_HEADS:
            continue
        start = i + 1
        if start < len(tokens) and norms[start] in ("«", '"'):
            start += 1
        if "_" in doc.text[max(0, tokens[i].start - 1):tokens[i].start]:
            continue  # "#بيروت_مدينة_منكوبة": a slogan, not a head
        names = []
        j = start
        while j < len(tokens) and len(names) < 2 and j not in covered and _name_word(tokens[j], lex) \
                and tokens[j].attrs.get("sentence") == tokens[i].attrs.get("sentence"):
            if names and (not norms[j].startswith("ال") or doc.text[tokens[j].start - 1:tokens[j].start] == "#"
                          or zipf(norms[j]) > FUNCTION_WORD_ZIPF):
                break  # a name goes on through a definite word of the same hashtag or text: جابر الأحمد
            if norms[j] in lex.facility_adjectives or (not names and norms[j] in lex.demonyms):
                break  # "مديرية الدفاع المدني" is an office, "العاصمة السورية" an adjective
            names.append(j)
            j += 1
        if not names or i in covered:
            continue
        first_zipf = zipf(norms[names[0]])
        if len(names) == 1 and (first_zipf > UNLOCATED_WORD_ZIPF
                                or (norms[names[0]].endswith("يه") and not norms[names[0]].startswith("ال"))):
            continue  # a common word or an adjective (منطقة واسعة، منطقة صحراوية)
        if len(names) > 1 and first_zipf > UNLOCATED_FIRST_WORD_ZIPF:
            continue
        first, last = tokens[names[0]].start, tokens[names[-1]].end
        attrs = {key: value for key, value in country.attrs.items() if key not in ("alternatives", "direction", "near")}
        attrs.update({
            "name": f"{country.attrs['name']} {head.english}", "name_ar": doc.text[first:last],
            "feature": "NBHD" if head.feature == "NBHD" else "PPL", "geo_precision": 3, "unlocated": True,
        })
        found.append(doc.span(first, last, "PLACE", **attrs))
        covered.update(range(i, names[-1] + 1))
    return found
