"""Sentence splitting for Arabic news: . ! ? ؟ and line breaks, closing quotes kept, abbreviations known."""

from __future__ import annotations

from functools import lru_cache

import regex

from marsad.document import Document
from marsad.resources import read_words

# A sentence ends at a run of terminal marks followed by closing quotes/brackets, or at a line
# break (news bodies put one paragraph per line). The lookahead requires the next thing to be
# whitespace or the end, so "3.5" and "U.S." inside a word never split.
_BOUNDARY = regex.compile(
    r"(?P<mark>[.!?؟۔…]+)(?P<close>[\"'”’»)\]]*)(?=\s|$)|(?P<newline>[\n\r\u2028\u2029\u0085]+)"
)
_LAST_WORD = regex.compile(r"([\p{L}.]+)$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(read_words("ar", "abbreviations.txt"))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) raw offsets of sentences, stripped of surrounding whitespace."""
    bounds: list[tuple[int, int]] = []
    start = 0
    abbreviations = _abbreviations()
    for match in _BOUNDARY.finditer(text):
        if match.group("mark") == ".":
            before = _LAST_WORD.search(text, max(0, match.start() - 40), match.start())
            if before and before.group(1).rstrip(".") in abbreviations:
                continue
        end = match.end() if match.group("newline") is None else match.start()
        bounds.append((start, end))
        start = match.end()
    bounds.append((start, len(text)))
    result = []
    for begin, end in bounds:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if begin < end:
            result.append((begin, end))
    return result


class SentenceSplitter:
    """Pipeline stage: the `sentences` layer."""

    name = "sentences"
    requires = ("text",)
    provides = ("sentences",)

    def __call__(self, doc: Document) -> Document:
        doc.layers["sentences"] = [doc.span(start, end, "SENT") for start, end in split_sentences(doc.text)]
        return doc
