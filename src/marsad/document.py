"""The document model: raw text that is never changed, and spans that point into it.

Every stage of the pipeline reads a `Document` and adds spans to one of its named layers
(`sentences`, `tokens`, `entities`, `places`, `dates`, `events`, ...). A span's `start`/`end`
are Python string indices into `Document.text`, and `span.text == doc.text[start:end]` always.
"""

from __future__ import annotations

import datetime as dt
from array import array
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Span:
    """A stretch of the raw text with a label and free attributes set by the stage that made it."""

    start: int
    end: int
    text: str
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}:{self.end} for {self.label}")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class NormalizedView:
    """A matching-only rewrite of the raw text, with a map from each of its characters back.

    `raw_index[i]` is the raw offset of normalised character `i`; `raw_index[len(text)]` is the raw
    length, so a normalised span `[a, b)` maps to the raw span `[raw_index[a], raw_index[b - 1] + 1)`.
    """

    text: str
    raw_index: array

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            pos = self.raw_index[start]
            return pos, pos
        return self.raw_index[start], self.raw_index[end - 1] + 1


@dataclass
class Document:
    """One article: its raw text, its metadata and the span layers the stages add."""

    text: str
    id: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    layers: dict[str, list[Span]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    _normalized: NormalizedView | None = field(default=None, repr=False)

    def span(self, start: int, end: int, label: str, **attrs: Any) -> Span:
        """Make a span of this document's raw text (the text is sliced here, so it cannot drift)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside a text of {len(self.text)} characters")
        return Span(start, end, self.text[start:end], label, attrs)

    def add(self, layer: str, spans: list[Span] | Span) -> None:
        target = self.layers.setdefault(layer, [])
        if isinstance(spans, Span):
            target.append(spans)
        else:
            target.extend(spans)

    def get(self, layer: str) -> list[Span]:
        return self.layers.get(layer, [])

    @property
    def normalized(self) -> NormalizedView:
        """The normalised view, built on first use (see `marsad.text.normalize`)."""
        if self._normalized is None:
            from marsad.text.normalize import normalize_with_map

            self._normalized = normalize_with_map(self.text)
        return self._normalized

    def sentence_of(self, span: Span) -> Span | None:
        for sentence in self.get("sentences"):
            if sentence.start <= span.start < sentence.end:
                return sentence
        return None
