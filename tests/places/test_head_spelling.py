"""A head noun of places is spelled as heads.tsv writes it, hamzas aside: a hamza it lacks makes
another word ("وأدى", "and it led to", is no "وادي", valley)."""

from __future__ import annotations

import pytest

from marsad.document import Document
from marsad.pipeline import Pipeline


@pytest.fixture(scope="module")
def places():
    pipeline = Pipeline(["sentences", "tokens", "ner", "places"])
    return lambda text: [(p.text, p.attrs.get("feature")) for p in pipeline(Document(text=text)).get("places")]


@pytest.mark.parametrize("text", [
    "وأدى القصف الحوثي إلى مقتل طبيب في مدينة حيس.",
    "وأدى هجوم انتحاري مزدوج في كابول إلى مقتل 25 شخصا.",
])
def test_the_verb_led_to_is_no_valley(places, text):
    found = places(text)
    assert found and not any(name.startswith("وأدى") for name, _ in found), found


@pytest.mark.parametrize("text, place", [
    ("سيطرت القوات على وادي حيران شمال حجة.", "وادي حيران"),
    ("قتل ثلاثة في إقليم كردستان.", "إقليم كردستان"),
    ("قتل ثلاثة في اقليم كردستان.", "اقليم كردستان"),  # the hamza a writer drops
])
def test_heads_spelled_as_written_or_without_their_hamza_still_head_a_place(places, text, place):
    assert place in [name for name, _ in places(text)]
