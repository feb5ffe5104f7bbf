"""Streets, facilities and neighbourhoods the gazetteer lacks, placed at the town the text puts them in.

"حي بدر بمدينة الدمام", "مستشفى الروم في بيروت", "طريق الشلالة في العقبة": a head noun, one to three
name words that are no known place, then في/ب (or a comma) and a resolved town. The name is coded to the
town's point with precision 2 (like the `approx:` rule of marsad's toponym guidelines).
"""

from __future__ import annotations

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
            and norm not in lex.before_directions and norm not in LINKS
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
    for i, norm in enumerate(norms):
        head = lex.heads.get(norm)
        if head is None or head.kind == "region" or i in covered:
            continue
        if head.kind == "admin" and head.feature not in PART_HEADS and head.english not in ROAD_HEADS:
            continue
        names = []
        j = i + 1
        while j < len(tokens) and len(names) < MAX_NAME_WORDS and j not in covered and _name_word(tokens[j], lex) \
                and tokens[j].attrs.get("sentence") == tokens[i].attrs.get("sentence"):
            if not names and norms[j] in lex.demonyms:
                break  # "العاصمة السورية": an adjective, no name (later words may be: الجامعة الأميركية)
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
