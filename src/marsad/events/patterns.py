"""Word patterns over clitic-segmented tokens, tolerant of the clitics the tokenizer leaves on.

A pattern is a sequence of normalised words; a word ending in `*` is a prefix. A token matches a word
through any of its *forms*: its norm, its norm without a leading و/ف (the tokenizer keeps some
conjunction-initial words whole, e.g. "وسيطرت"), without the article ال, or without the future
prefix س (then the match is flagged `future`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from marsad.document import Span
from marsad.text.normalize import normalize
from marsad.text.tokenize import tokenize

T = TypeVar("T")

_ARTICLE = "ال"
# the conjunction the tokenizer splits off some words and leaves on short ones; unlike ف ("فقد" is
# "lost"), it is seldom a root's first letter in a short word
_AND = "و"
_FUTURE_NEXT = set("يتن")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    prefix: bool


@dataclass(frozen=True, slots=True)
class Pattern:
    words: tuple[Word, ...]
    source: str  # the pattern as written in the data file


@dataclass(slots=True)
class Match(Generic[T]):
    first: int  # token indices (inclusive) into the sequence given to `find`
    last: int
    pattern: Pattern
    payload: T
    future: bool = False


def parse_pattern(text: str) -> Pattern:
    """`"اطلق* صاروخ*"` -> words normalised and segmented like the text; `*` kept as a prefix flag."""
    return pattern_variants(text)[0]


def pattern_variants(text: str) -> list[Pattern]:
    """The pattern segmented as the tokenizer segments its words standing alone, then as it may
    segment them in running text: whole (it keeps "فيضانات" whole, but splits "فيضان" into ف + يضان)
    or after a conjunction (it splits "وسيطروا" into و + س + يطروا, but keeps "سيطروا" whole)."""
    choices: list[list[tuple[Word, ...]]] = []
    for raw in text.split():
        prefix = raw.endswith("*")
        stem = raw.rstrip("*")
        if stem.endswith("ه") and not prefix:
            # data files may spell taa marbuta as its normalised ه; read it as ة, not as a pronoun
            stem = stem[:-1] + "ة"
        alone = [t.attrs["norm"] for t in tokenize(stem) if t.attrs["norm"]] or [normalize(stem)]
        after_conjunction = [t.attrs["norm"] for t in tokenize(_AND + stem) if t.attrs["norm"]][1:]
        options: list[tuple[Word, ...]] = []
        for pieces in (alone, [normalize(stem)], after_conjunction):
            words = tuple(Word(piece, prefix and i == len(pieces) - 1) for i, piece in enumerate(pieces))
            if words and words not in options:
                options.append(words)
        choices.append(options)
    return [
        Pattern(tuple(word for part in parts for word in part), text)
        for parts in itertools.product(*choices)
    ]


@lru_cache(maxsize=65536)
def token_forms(norm: str, proclitics: str = "وف") -> tuple[tuple[str, bool], ...]:
    """The forms a token may match under, each with a flag saying it lost a future prefix.
    `proclitics` are the one-letter prefixes a form may lose (the tokenizer keeps some whole)."""
    forms = [(norm, False)]
    if norm and norm[0] in proclitics and (len(norm) > 4 or (norm[0] == _AND and len(norm) > 2)):
        # the tokenizer keeps short words whole: "ولم" is "and did not", "ودك" "and pounded"
        forms.append((norm[1:], False))
    for form, _ in list(forms):
        if form.startswith(_ARTICLE) and len(form) > 4:
            forms.append((form[2:], False))
        if len(form) > 4 and form[0] == "س" and form[1] in _FUTURE_NEXT:
            forms.append((form[1:], True))
    return tuple(forms)


def _word_matches(word: Word, forms: tuple[tuple[str, bool], ...]) -> tuple[bool, bool]:
    for form, future in forms:
        if form == word.text or (word.prefix and form.startswith(word.text)):
            return True, future
    return False, False


class PatternSet(Generic[T]):
    """Patterns, each with a payload, matched over token spans.

    Patterns are indexed by their whole first word when it is exact, and by its first two letters
    when it is a prefix; the candidates of each token norm are remembered, so a token whose norm
    starts no pattern (most of them) costs one dictionary look-up."""

    MEMO_LIMIT = 200_000  # distinct norms remembered before the memo starts afresh

    def __init__(self, entries: Iterable[tuple[str, T]] = (), proclitics: str = "وف"):
        self.proclitics = proclitics
        self._exact: dict[str, list[tuple[Pattern, T]]] = {}
        self._prefix: dict[str, list[tuple[Pattern, T]]] = {}
        self._memo: dict[str, tuple[tuple[Pattern, T], ...]] = {}
        self._starters: set[str] = set()  # the norms of the memo that start a pattern
        self.size = 0
        for text, payload in entries:
            self.add(text, payload)

    def add(self, text: str, payload: T) -> None:
        variants = [pattern for pattern in pattern_variants(text) if pattern.words]
        for pattern in variants:
            first = pattern.words[0]
            if first.prefix:
                self._prefix.setdefault(first.text[:2], []).append((pattern, payload))
            else:
                self._exact.setdefault(first.text, []).append((pattern, payload))
        self._forget()
        self.size += bool(variants)

    def written(self) -> set[str]:
        """The patterns as the data files write them."""
        return {pattern.source for index in (self._exact, self._prefix) for entries in index.values()
                for pattern, _ in entries}

    def _forget(self) -> None:
        self._memo.clear()
        self._starters.clear()

    def _candidates(self, norm: str) -> tuple[tuple[Pattern, T], ...]:
        known = self._memo.get(norm)
        if known is not None:
            return known
        found: list[tuple[Pattern, T]] = []
        seen: set[int] = set()
        for form, _ in token_forms(norm, self.proclitics):
            for entry in self._exact.get(form, ()):
                if id(entry) not in seen:
                    seen.add(id(entry))
                    found.append(entry)
            for entry in self._prefix.get(form[:2], ()):
                if id(entry) not in seen and form.startswith(entry[0].words[0].text):
                    seen.add(id(entry))
                    found.append(entry)
        if len(self._memo) >= self.MEMO_LIMIT:
            self._forget()
        self._memo[norm] = result = tuple(found)
        if result:
            self._starters.add(norm)
        return result

    def find(self, tokens: Sequence[Span], longest: bool = True) -> list[Match[T]]:
        """Matches over `tokens`; with `longest`, overlapping matches keep the longest (then first)."""
        norms, distinct = _norms_of(tokens)
        memo = self._memo
        unseen = distinct.difference(memo)
        if unseen:
            if len(memo) + len(unseen) > self.MEMO_LIMIT:  # forget before, not while, looking them up
                self._forget()
                unseen = distinct
            for norm in unseen:
                self._candidates(norm)
        starters = self._starters
        if starters.isdisjoint(distinct):  # most sentences, for most sets: set operations in C
            return []
        matches: list[Match[T]] = []
        for i, norm in enumerate(norms):
            if norm in starters:
                for pattern, payload in memo[norm]:
                    match = self._match_at(pattern, payload, i, norms)
                    if match is not None:
                        matches.append(match)
        if longest and len(matches) > 1:
            matches = _keep_longest(matches)
        return matches

    def _match_at(self, pattern: Pattern, payload: T, start: int, norms: list[str]) -> Match[T] | None:
        if start + len(pattern.words) > len(norms):
            return None
        future = False
        for offset, word in enumerate(pattern.words):
            ok, fut = _word_matches(word, token_forms(norms[start + offset], self.proclitics))
            if not ok:
                return None
            future = future or fut
        return Match(start, start + len(pattern.words) - 1, pattern, payload, future)


# The norms of the last token sequence seen: the stages match a dozen pattern sets over the same
# sentence one after the other. Holding the sequence keeps its identity from being reused.
_last_norms: tuple[Sequence[Span] | None, list[str], set[str]] = (None, [], set())


def _norms_of(tokens: Sequence[Span]) -> tuple[list[str], set[str]]:
    """The tokens' norms ("" for none) and the set of those that are not empty."""
    global _last_norms
    held, norms, distinct = _last_norms
    if held is not tokens or len(norms) != len(tokens):
        norms = [token.attrs.get("norm") or "" for token in tokens]
        distinct = set(norms)
        distinct.discard("")
        _last_norms = (tokens, norms, distinct)
    return norms, distinct


def _keep_longest(matches: list[Match[T]]) -> list[Match[T]]:
    chosen: list[Match[T]] = []
    covered: set[int] = set()
    for match in sorted(matches, key=lambda m: (-(m.last - m.first), m.first)):
        span = set(range(match.first, match.last + 1))
        if span & covered:
            continue
        covered |= span
        chosen.append(match)
    return sorted(chosen, key=lambda m: m.first)
