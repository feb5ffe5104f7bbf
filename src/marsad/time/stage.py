"""Pipeline stage `dates`: date expressions as spans of the `dates` layer, resolved against
`doc.published` (relative ones stay unresolved, date None, when it is unknown)."""

from __future__ import annotations

from bisect import bisect_right

from marsad.document import Document, Span
from marsad.time.finder import find_dates

DATE_LAYER = "dates"
TRAILING_MARKS = frozenset("\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")


def date_spans(doc: Document) -> list[Span]:
    view = doc.normalized
    sentence_starts = [sentence.start for sentence in doc.get("sentences")]
    spans = []
    for found in find_dates(view.text, doc.published):
        start, end = view.to_raw(found.start, found.end)
        while end < len(doc.text) and doc.text[end] in TRAILING_MARKS:
            end += 1  # the tatweel of "هـ" and final diacritics, dropped by normalisation
        reading = found.reading
        attrs = {
            "date": reading.date,
            "end_date": reading.end_date,
            "time_precision": reading.precision,
            "kind": reading.kind,
            "rule": found.rule,
            **reading.attrs,
        }
        if sentence_starts:
            attrs["sentence"] = max(0, bisect_right(sentence_starts, start) - 1)
        spans.append(doc.span(start, end, "DATE", **attrs))
    return spans


class DateResolver:
    """Pipeline stage: the `dates` layer."""

    name = "dates"
    requires = ("sentences",)
    provides = ("dates",)

    def __call__(self, doc: Document) -> Document:
        doc.layers[DATE_LAYER] = date_spans(doc)
        return doc
