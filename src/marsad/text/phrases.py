"""Dictionary matching of multi-word phrases over clitic-segmented, normalised tokens.

Both the gazetteer and the actor dictionary use this: a phrase is tokenised and normalised the way
the text is, so "بريف إدلب" matches the entry "ريف إدلب" (the ب is its own token) and "للحديدة"
matches "الحديدة". Matches start and end on token boundaries only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Generic, TypeVar

import ahocorasick

from marsad.document import Span
from marsad.text.tokenize import tokenize

T = TypeVar("T")


def phrase_key(phrase: str) -> str:
    """The matching key of a phrase: its token norms joined by single spaces."""
    return " ".join(t.attrs["norm"] for t in tokenize(phrase) if t.attrs["norm"])


@dataclass(slots=True)
class PhraseMatch(Generic[T]):
    start: int  # raw offsets of the matched tokens
    end: int
    first_token: int  # indices into the token list given to `find`
    last_token: int
    key: str
    payloads: list[T]


class PhraseMatcher(Generic[T]):
    """An Aho-Corasick automaton of phrase keys, each key carrying every payload added under it."""

    def __init__(self, entries: Iterable[tuple[str, T]] = (), *, keyed: bool = False):
        """`entries` are (phrase, payload); with `keyed=True` the phrases are already `phrase_key`s."""
        self._automaton = ahocorasick.Automaton()
        self._payloads: dict[str, list[T]] = {}
        for phrase, payload in entries:
            self.add(phrase, payload, keyed=keyed)
        self._built = False

    def add(self, phrase: str, payload: T, *, keyed: bool = False) -> None:
        key = phrase if keyed else phrase_key(phrase)
        if not key:
            return
        self._payloads.setdefault(key, []).append(payload)
        self._built = False

    def __len__(self) -> int:
        return len(self._payloads)

    def __contains__(self, key: str) -> bool:
        return key in self._payloads

    def payloads(self, key: str) -> list[T]:
        return self._payloads.get(key, [])

    def _build(self) -> None:
        self._automaton = ahocorasick.Automaton()
        for key in self._payloads:
            self._automaton.add_word(f" {key} ", key)
        if len(self._payloads):
            self._automaton.make_automaton()
        self._built = True

    def find(self, tokens: Sequence[Span], longest: bool = False) -> list[PhraseMatch[T]]:
        """All matches over `tokens` (TOKEN spans); `longest=True` keeps the leftmost-longest ones."""
        if not self._built:
            self._build()
        if not self._payloads or not tokens:
            return []
        norms = [token.attrs.get("norm") or "\u0000" for token in tokens]
        joined = " " + " ".join(norms) + " "
        # char offset in the joined string -> token index
        starts = dict(zip(accumulate((len(norm) + 1 for norm in norms), initial=1), range(len(norms)), strict=False))
        matches: list[PhraseMatch[T]] = []
        for end_char, key in self._automaton.iter(joined):
            begin_char = end_char - len(key) - 1  # the leading space of " key "
            first = starts.get(begin_char + 1)
            if first is None:
                continue
            last = first + key.count(" ")
            matches.append(PhraseMatch(
                tokens[first].start, tokens[last].end, first, last, key, self._payloads[key],
            ))
        if longest:
            matches = _leftmost_longest(matches)
        return matches


def _leftmost_longest(matches: list[PhraseMatch[T]]) -> list[PhraseMatch[T]]:
    chosen: list[PhraseMatch[T]] = []
    for match in sorted(matches, key=lambda m: (m.first_token, -(m.last_token - m.first_token))):
        if chosen and match.first_token <= chosen[-1].last_token:
            continue
        chosen.append(match)
    return chosen
