"""Invariants of the places layer on any text: spans slice the raw text, never overlap, carry coordinates."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.pipeline import Pipeline

PIPELINE = Pipeline(["sentences", "tokens", "places"])
WORDS = [
    "إدلب", "بريف", "ريف", "حماة", "الشمالي", "غربي", "و", "في", "إلى", "مدينة", "بلدة", "للحديدة", "#", "_",
    "سوريا", "سورية", "هيئة", "تحرير", "الشام", "مطار", "دمشق", "الدولي", "،", ".", "\u2028", "قرب", "عمان",
    "الأردني", "الرئيس", "بن", "Idlib", "2018", "ـ", "\u064e", "جسر", "الشغور", "منطقة", "قوات", "الغوطة",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=25), st.lists(st.sampled_from(["", " ", "  ", "\n"]),
                                                                            min_size=25, max_size=25))
def test_spans_are_well_formed(words, gaps):
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    places = PIPELINE.run(text).get("places")
    previous_end = -1
    for span in places:
        assert text[span.start:span.end] == span.text
        assert span.start >= previous_end
        previous_end = span.end
        assert -90 <= span.attrs["lat"] <= 90 and -180 <= span.attrs["lon"] <= 180
        assert span.attrs["geo_precision"] in (1, 2, 3)
        assert span.attrs["feature"]


def test_empty_and_placeless_texts():
    assert PIPELINE.run("").get("places") == []
    assert PIPELINE.run("قال المتحدث إن الاجتماع سيعقد غدا.").get("places") == []
    assert PIPELINE.run("Reuters reported clashes.").get("places") == []
