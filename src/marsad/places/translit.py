"""Places found by transliteration: a word the gazetteer has no Arabic spelling for, looked up by its
consonant skeleton among the Latin-named places of the covered countries ("منطقة الفحيحيل" -> Al Fahahil).

Only words with support are tried: one or two words after an admin head noun (منطقة، مدينة، حي…), a
NER location, or a one-word hashtag in an article whose country is known. The search is limited to the
article's countries when it names any (else, for a head noun or NER location, to the Arab world of
`build_countries.tsv`), and a match must be exact or, for long skeletons, close (rapidfuzz ratio).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz import fuzz, process

from marsad.document import Span
from marsad.places.commonness import read_common_words
from marsad.places.lexicon import Head, Lexicon
from marsad.places.skeleton import SKELETON_FILE, arabic_skeleton, read_skeletons
from marsad.resources import data_path, read_rows

_ARABIC_WORD = regex.compile(r"^[\p{Arabic}]+$")

# A word more common than this (wordfreq Zipf) is read as a word, not as an unknown place: a head noun
# or a hashtag says a name follows, so more common words pass there (منطقة الوفرة: وفرة "abundance").
MAX_ZIPF = {"head": 4.2, "ner": 4.0, "hashtag": 4.0, "coordinated": 3.3, "context": 3.3}
# Skeleton lengths: shorter keys match too many names by chance.
MIN_EXACT = {"head": 2, "ner": 3, "hashtag": 3, "coordinated": 3, "context": 4}
QUOTES = frozenset({"«", "\"", "“", "'"})
LIST_MARKS = frozenset({"و", ","})
# A two-letter skeleton after a head noun counts only when one place has it.
SHORT = 2
MIN_FUZZY = 5
FUZZY_CUTOFF = 85.0


@dataclass(frozen=True)
class SkeletonHit:
    place_ids: tuple[str, ...]
    exact: bool


class SkeletonIndex:
    """Skeleton -> place ids, per country."""

    def __init__(self, rows):
        by_country: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for cc, skeleton, place_id in rows:
            by_country[cc][skeleton].append(place_id)
        self._by_country = {cc: dict(table) for cc, table in by_country.items()}

    def search(self, skeleton: str, countries: frozenset[str] | set[str], support: str) -> SkeletonHit | None:
        if len(skeleton) < MIN_EXACT[support]:
            return None
        exact = [pid for cc in sorted(countries) for pid in self._by_country.get(cc, {}).get(skeleton, ())]
        if exact and (len(skeleton) > SHORT or len(set(exact)) == 1):
            return SkeletonHit(tuple(dict.fromkeys(exact)), True)
        if exact:
            return None
        if len(skeleton) < MIN_FUZZY or support in ("hashtag", "coordinated", "context"):
            return None
        best: tuple[float, list[str]] | None = None
        for cc in sorted(countries):
            table = self._by_country.get(cc)
            if not table:
                continue
            found = process.extractOne(skeleton, table.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if found and (best is None or found[1] > best[0]):
                best = (found[1], table[found[0]])
        return SkeletonHit(tuple(best[1]), False) if best else None


@lru_cache(maxsize=1)
def skeleton_index() -> SkeletonIndex:
    path = data_path("gazetteer", SKELETON_FILE)
    return SkeletonIndex(read_skeletons(path) if path.exists() else ())


@lru_cache(maxsize=1)
def _common_words() -> dict[str, float]:
    return read_common_words()


def is_common(norm: str, support: str = "context") -> bool:
    """Whether a normalised word (with or without its article) is too common an Arabic word to be tried
    as an unknown place name with this support."""
    words = _common_words()
    bare = norm[2:] if norm.startswith("ال") else norm
    return max(words.get(norm, 0.0), words.get(bare, 0.0), words.get("ال" + bare, 0.0)) > MAX_ZIPF[support]


def zipf(norm: str) -> float:
    """wordfreq Zipf frequency of a normalised word (0 below the shipped table's floor)."""
    return _common_words().get(norm, 0.0)


def phrase_skeleton(norms: list[str]) -> str:
    return arabic_skeleton(" ".join(norms))


@lru_cache(maxsize=1)
def arab_world() -> frozenset[str]:
    """Countries of `build_countries.tsv` where Arabic is a national language."""
    return frozenset(row[0] for row in read_rows("gazetteer", "build_countries.tsv") if row[1].strip() == "1")


@dataclass
class Site:
    """Where an unknown place name may stand: its support and the token ranges to try, longest first."""

    support: str  # head | ner | hashtag | coordinated (after و or a comma) | context (a bare word)
    head: Head | None
    spans: list[tuple[int, int]]


def _name_word(token: Span, norm: str, lex: Lexicon) -> bool:
    return (token.attrs.get("role") == "stem" and len(norm) >= 3 and _ARABIC_WORD.match(norm) is not None
            and norm not in lex.heads and norm not in lex.descriptive and norm not in lex.before_directions
            and norm not in lex.never and norm not in lex.demonyms)


def translit_sites(text: str, tokens: list[Span], norms: list[str], covered: set[int], lex: Lexicon,
                   locations: list[Span]) -> list[Site]:
    sites: list[Site] = []
    taken: set[int] = set(covered)
    for i, token in enumerate(tokens):
        head = lex.head_of(token)
        if head is None or head.kind != "admin" or i + 1 >= len(tokens) or (i + 1) in taken:
            continue
        words = []
        start = i + 1
        if norms[start] in QUOTES and start + 1 < len(tokens):
            start += 1  # 'طريق «الفحيحيل» السريع'
        for j in range(start, min(start + 2, len(tokens))):
            if j in taken or not same_sentence(tokens[i], tokens[j]) or not _name_word(tokens[j], norms[j], lex):
                break
            words.append(j)
        if words and not is_common(norms[words[0]], "head"):
            spans = [(words[0], words[-1])] + ([(words[0], words[0])] if len(words) > 1 else [])
            sites.append(Site("head", head, spans))
            taken.update(words)
    token_starts = [t.start for t in tokens]
    for location in locations:
        inside = []
        for i in range(bisect_left(token_starts, location.start), len(tokens)):
            if tokens[i].start >= location.end:
                break
            if tokens[i].end <= location.end:
                inside.append(i)
        if inside and not taken.intersection(inside) and all(_name_word(tokens[i], norms[i], lex) for i in inside):
            if len(inside) > 1 or not is_common(norms[inside[0]], "ner"):
                sites.append(Site("ner", None, [(inside[0], inside[-1])]))
                taken.update(inside)
    for i, token in enumerate(tokens):
        if i in taken:
            continue
        before = text[token.start - 1:token.start]
        if before == "#":
            support = "hashtag"
        elif i >= 2 and norms[i - 1] in LIST_MARKS and (i - 2) in covered:
            support = "coordinated"  # "الفحيحيل والمنقف": a list of places
        elif norms[i].startswith("ال"):
            support = "context"  # a bare word must be definite: inflected verbs and person names stay out
        else:
            continue
        if before == "_" or text[token.end:token.end + 1] == "_" or not _name_word(token, norms[i], lex):
            continue
        if not is_common(norms[i], support):
            sites.append(Site(support, None, [(i, i)]))
    return sites


def same_sentence(a: Span, b: Span) -> bool:
    return a.attrs.get("sentence") == b.attrs.get("sentence")
