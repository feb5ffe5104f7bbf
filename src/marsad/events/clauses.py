"""Clauses of a sentence: the stretch of tokens that reports one event (or one non-event).

A clause break is a word of `clause_breaks.tsv` standing after a comma (إن، بعد، فيما، مشيرا ...),
or anywhere for contrast words (فيما، بينما، إلا أن). A dateline before the first dash of a wire
story ("دبي، الإمارات العربية المتحدة (CNN) --") is no part of any clause.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from marsad.document import Span
from marsad.events.lexicon import _rows
from marsad.events.patterns import PatternSet

_COMMAS = {",", "،", "؛", ";"}
_DATELINE = regex.compile(r"^[^\n.]{0,100}?\([^)\n]{1,30}\)\s*(?:--|–|—|-)")


@lru_cache(maxsize=1)
def _breaks() -> PatternSet[bool]:
    return PatternSet((word, comma == "yes") for word, comma in _rows("clause_breaks.tsv", 2))


def dateline_end(text: str) -> int:
    """The offset where a wire dateline ends (0 when the text has none)."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


def clauses(tokens: Sequence[Span]) -> list[tuple[int, int]]:
    """(first, last) token indices of each clause, covering the sentence in order."""
    if not tokens:
        return []
    starts = [0]
    for match in _breaks().find(tokens):
        index = match.first
        if index == 0:
            continue
        after_comma = tokens[index - 1].attrs.get("norm") in _COMMAS
        if tokens[index - 1].attrs.get("role") == "conjunction" and index > 1:
            after_comma = after_comma or tokens[index - 2].attrs.get("norm") in _COMMAS
            index -= 1
        if after_comma or not match.payload:
            if index > starts[-1] + 1:
                starts.append(index)
    return [(start, (starts[i + 1] - 1) if i + 1 < len(starts) else len(tokens) - 1)
            for i, start in enumerate(starts)]
