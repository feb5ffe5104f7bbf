"""Invariants of the dates layer on real news (the ANT corpus, skipped without ../shared) and on
arbitrary text built from date words (hypothesis)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.document import Document
from marsad.pipeline import Pipeline

PIPELINE = Pipeline(["sentences", "dates"])
PIECES = ["15", "٣", "/", "-", "2018", "تموز", "يوليو", "آب", "أب", "من", "الماضي", "المقبل", "منذ", "قبل",
          "خلال", "الأيام", "القليلة", "الماضية", "أمس", "اليوم", "مساء", "الخميس", "مطلع", "الشهر", "الجاري",
          "نهاية", "شهر", "رمضان", "1439", "هـ", "يومين", "ثلاثة", "أيام", "سنوات", "عام", "حتى", "قتل", "و",
          "ب", "(", ")", "،", " ", " ", "\n", "ـ", "َ"]


def _check_layer(doc: Document) -> None:
    spans = doc.get("dates")
    for before, after in zip(spans, spans[1:], strict=False):
        assert before.end <= after.start, (before.text, after.text)
    for span in spans:
        assert doc.text[span.start:span.end] == span.text and span.text.strip() == span.text
        assert span.attrs["time_precision"] in (1, 2, 3, None)
        if span.attrs["date"] is None or doc.published is None:
            continue
        if span.attrs["kind"] == "weekday" and not span.attrs.get("future") and "day_part" not in span.attrs:
            assert span.attrs["date"] <= doc.published
            assert (doc.published - span.attrs["date"]).days < 14
        if span.attrs["kind"] == "range" and span.attrs.get("span_kind") in ("since", "recent"):
            assert span.attrs["end_date"] == doc.published
            assert span.attrs["date"] <= doc.published


def test_dates_layer_invariants_on_the_corpus(ant_articles):
    for article in ant_articles[:600]:
        doc = PIPELINE(Document(text=article["text"], published=dt.date.fromisoformat(article["date"])))
        _check_layer(doc)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.booleans())
def test_dates_layer_invariants_on_arbitrary_date_words(pieces, with_publication):
    text = " ".join(pieces)
    published = dt.date(2018, 8, 15) if with_publication else None
    _check_layer(PIPELINE(Document(text=text, published=published)))


@pytest.mark.parametrize("text", ["", " ", "\u2028", "ـــ", "منذ 99999 عام", "قبل 123456789 يوما", "32/13/2018"])
def test_odd_inputs_do_not_fail(text):
    _check_layer(PIPELINE(Document(text=text, published=dt.date(2018, 8, 15))))
