"""The geoparser's language data (head words, directions, stoplist, person cues, organisation names
and fixed expressions that hold a place-like word),
read from `data/gazetteer/` and normalised the way token norms are."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from marsad.document import Span
from marsad.errors import DataError
from marsad.resources import read_rows
from marsad.text.normalize import normalize
from marsad.text.phrases import PhraseMatcher

HAMZA_ALEFS = frozenset("أإآ")


@dataclass(frozen=True)
class Head:
    kind: str  # admin (outside the span) | facility (inside) | region (inside, ريف-style)
    feature: str
    english: str
    written: str  # as heads.tsv spells it, hamzas included

    def spelled_by(self, surface: str) -> bool:
        """Whether a word of the text can be this head: writers drop a head's hamzas ("اقليم" for
        "إقليم") but do not add them, so a hamza the head lacks makes another word ("وأدى القصف", "and
        the shelling led to", is no "وادي", valley)."""
        return not (HAMZA_ALEFS & set(surface)) or bool(HAMZA_ALEFS & set(self.written))


@dataclass
class Lexicon:
    heads: dict[str, Head]
    facility_adjectives: frozenset[str]
    before_directions: dict[str, str]
    after_directions: dict[str, str]
    near_words: frozenset[str]
    border_words: frozenset[str]
    never: frozenset[str]
    never_as_written: frozenset[str]  # exact spellings (diacritics aside) that are never places
    needs_evidence: frozenset[str]
    person_before: frozenset[str]
    person_after: frozenset[str]
    # organisation names and fixed expressions (tear gas, birthplace): a place name inside is no place
    not_place_phrases: PhraseMatcher[str]
    place_prepositions: frozenset[str]
    demonyms: dict[str, str]  # normalised demonym form -> ISO2

    def head_of(self, token: Span) -> Head | None:
        """The head noun a token is, if any (its norm listed and its spelling allowing it)."""
        head = self.heads.get(token.attrs.get("norm", ""))
        return head if head is not None and head.spelled_by(token.text) else None

    @cached_property
    def descriptive(self) -> frozenset[str]:
        """Head nouns, facility adjectives and direction adjectives: words that describe a place."""
        return frozenset(self.heads) | self.facility_adjectives | frozenset(self.after_directions)


def _norm(word: str) -> str:
    return " ".join(normalize(word).split())


def _rows(name: str, columns: int) -> list[list[str]]:
    rows = []
    for row in read_rows("gazetteer", name):
        if len(row) < columns:
            raise DataError(f"data/gazetteer/{name}: row {row!r} needs {columns} columns")
        rows.append([cell.strip() for cell in row])
    return rows


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    head_rows = _rows("heads.tsv", 4)
    heads = {_norm(r[0]): Head(r[1], r[2], r[3], r[0]) for r in head_rows if r[1] != "adjective"}
    adjectives = frozenset(_norm(r[0]) for r in head_rows if r[1] == "adjective")
    before, after, near, border = {}, {}, set(), set()
    for word, position, direction in _rows("directions.tsv", 3):
        if position == "before":
            before[_norm(word)] = direction
        elif position == "after":
            after[_norm(word)] = direction
        elif position == "border":
            border.add(_norm(word))
        else:
            near.add(_norm(word))
    stop = _rows("stoplist.tsv", 2)
    cues = _rows("person_cues.tsv", 2)
    not_place_phrases: PhraseMatcher[str] = PhraseMatcher()
    for name in ("organisations.txt", "not_places.txt"):
        for row in read_rows("gazetteer", name):
            not_place_phrases.add(row[0].strip(), row[0].strip())
    return Lexicon(
        heads=heads, facility_adjectives=adjectives, before_directions=before, after_directions=after, near_words=frozenset(near), border_words=frozenset(border),
        never=frozenset(_norm(w) for w, rule in stop if rule == "never"),
        never_as_written=frozenset(w for w, rule in stop if rule == "never-as-written"),
        needs_evidence=frozenset(_norm(w) for w, rule in stop if rule == "evidence"),
        person_before=frozenset(_norm(w) for w, pos in cues if pos == "before"),
        person_after=frozenset(_norm(w) for w, pos in cues if pos == "after"),
        not_place_phrases=not_place_phrases,
        place_prepositions=frozenset(_norm(r[0]) for r in read_rows("gazetteer", "place_prepositions.txt")),
        demonyms=_demonym_forms(),
    )


NISBA_ENDINGS = ("", "ه", "ين", "ون", "ان")


def _demonym_forms() -> dict[str, str]:
    """Every form of each demonym stem: with or without the article, with each nisba ending."""
    forms: dict[str, str] = {}
    for cc, stems in _rows("demonyms.tsv", 2):
        for stem in stems.split("|"):
            base = _norm(stem)
            for ending in NISBA_ENDINGS:
                forms[base + ending] = cc
                forms["ال" + base + ending] = cc
    return forms
