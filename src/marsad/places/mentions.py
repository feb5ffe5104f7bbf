"""Place-name mentions and the tests recognition applies to a gazetteer match: word boundaries,
common words, demonyms, person names and organisation names."""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.document import Document, Span
from marsad.places.gazetteer import Gazetteer
from marsad.places.lexicon import Head, Lexicon
from marsad.places.records import Place
from marsad.places.resolve import Scored
from marsad.text.normalize import normalize
from marsad.text.phrases import PhraseMatch

PROCLITIC_ROLES = frozenset({"conjunction", "preposition", "future"})


@dataclass
class Mention:
    first: int  # token indices of the span, inclusive
    last: int
    key: str
    candidates: list[Place]
    trusted: list[Place]  # candidates for which the matched words are not a common word
    head: Head | None = None  # an admin head before the name, or the facility/region head inside it
    direction: str | None = None
    near: bool = False
    coordinated: bool = False  # follows another place name after و or a comma
    border: bool = False  # "الحدود (الإدارية) مع تركيا": the border area, not the whole place
    ner: bool = False
    person: bool = False  # overlaps a NER person span: only a strong place name survives that
    # the next word opens a NER person span, no punctuation between: a first name ("أفيغدور ليبرمان",
    # where the tagger took the surname alone); only a strong place name survives that too ("رئيس
    # وزراء العراق حيدر العبادي")
    before_person: bool = False
    in_name: bool = False  # one word of a longer person name ("خوان مانويل سانتوس")
    transliterated: bool = False  # found by its consonant skeleton (marsad.places.translit), support checked
    demonym_like: bool = False  # a one-word -iya country name ("السعودية") that may be an adjective
    ranked: list[Scored] = field(default_factory=list)


def same_word(a: Span, b: Span) -> bool:
    return a.attrs.get("word") == b.attrs.get("word") and a.attrs.get("sentence") == b.attrs.get("sentence")


def on_word_boundaries(tokens: list[Span], first: int, last: int) -> bool:
    if first > 0 and same_word(tokens[first - 1], tokens[first]):
        if tokens[first - 1].attrs.get("role") not in PROCLITIC_ROLES:
            return False
    # a pronoun suffix makes a verb or a common noun of the word ("مفاوضات تولاها": they undertook it,
    # not Tula; "سيطرتها", "حمايته"); names take none (55 such matches over the ANT corpus, two right)
    return not (last + 1 < len(tokens) and same_word(tokens[last], tokens[last + 1]))


def main_spelling(place: Place, key: str) -> bool:
    """Whether `key` is the place's usual Arabic spelling (جنيف), not one of GeoNames' rare alternates."""
    return normalize(place.name_ar).replace(" ", "") == key.replace(" ", "")


def is_common_word(key: str, lex: Lexicon) -> bool:
    """A stoplisted word or a bare head noun ("الميناء"), also when the name's own segmentation split it."""
    bare = key.replace(" ", "")
    if key in lex.never or bare in lex.never or key in lex.heads:
        return True
    stem = bare[2:] if bare.startswith("ال") else bare
    return stem in lex.descriptive or f"ال{stem}" in lex.descriptive


def demonym_reading(match: PhraseMatch[int], tokens: list[Span], lex: Lexicon) -> bool:
    """A one-word -iya country name after a word agreeing with it in definiteness is an adjective."""
    if match.first_token != match.last_token or not match.key.endswith("يه") or match.first_token == 0:
        return False
    previous = tokens[match.first_token - 1]
    norm = previous.attrs.get("norm", "")
    if previous.attrs.get("sentence") != tokens[match.first_token].attrs.get("sentence"):
        return False
    if previous.attrs.get("role") != "stem" or norm in lex.place_prepositions or norm in lex.before_directions:
        return False
    if norm in lex.heads or not any("\u0621" <= ch <= "\u064a" for ch in norm):
        return False
    return norm.startswith("ال") == match.key.startswith("ال")


def is_country_adjective(match: PhraseMatch[int], gaz: Gazetteer) -> bool:
    return match.first_token == match.last_token and match.key.endswith("يه") and all(
        p.feature == "COUNTRY" for p in gaz.candidates(match.key)
    )


def inside_person_name(person: Span, mention: Mention, tokens: list[Span], lex: Lexicon) -> bool:
    """Whether a NER person span holds the match as one word of a longer name: not when a head word
    ("مناطق جوبر") or a proclitic on the match ("الصراف لباريس") shows the tagger ran past the name."""
    first, last = tokens[mention.first], tokens[mention.last]
    if not (person.start <= first.start and last.end <= person.end) or (person.start, person.end) == (
            first.start, last.end):
        return False
    if mention.first > 0:
        previous = tokens[mention.first - 1]
        if previous.start >= person.start and (
            previous.attrs.get("role") in PROCLITIC_ROLES or previous.attrs.get("norm") in lex.heads
        ):
            return False
    return True


def not_place_spans(doc: Document, tokens: list[Span], lex: Lexicon) -> list[tuple[int, int]]:
    """Character ranges where a place name is part of an organisation's name or of a fixed expression
    ("القنابل المسيلة للدموع"). NER ORG spans are not used:
    they often hold a place governed by an institution ("وزارة الصحة في قطاع غزة"), which is a place."""
    # punctuation is skipped so that quoted names match: قوات "سوريا الديمقراطية"
    words = [t for t in tokens if t.attrs.get("role") != "other"]
    blocked = [(m.start, m.end) for m in lex.not_place_phrases.find(words, longest=True)]
    return blocked


def leftmost_longest(matches: list[PhraseMatch[int]]) -> list[PhraseMatch[int]]:
    chosen: list[PhraseMatch[int]] = []
    for match in sorted(matches, key=lambda m: (m.first_token, -(m.last_token - m.first_token))):
        if chosen and match.first_token <= chosen[-1].last_token:
            continue
        chosen.append(match)
    return chosen
