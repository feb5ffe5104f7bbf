"""The rule coder, whole pipeline before the judge, on sentences invented for issue 6's sixteenth pass:
"likely" that hedges who struck or with what leaves the strike reported; "likely" that hedges whether
it happened still makes it possible."""

from __future__ import annotations

import datetime as dt

import pytest
from event_helpers import rule_coder

from marsad.events.modality import is_factual

PUBLISHED = dt.date(2018, 6, 8)
EXPLOSIONS = "Explosions/Remote violence"


@pytest.fixture(scope="module")
def rules():
    return rule_coder(PUBLISHED)


def _strikes(doc) -> list[dict]:
    return [e.attrs for e in doc.get("events") if e.attrs["event_type"] == EXPLOSIONS]


@pytest.mark.parametrize("text", [
    "وقال مدير المرصد إن طائرات حربية يرجح أنها روسية استهدفت قرية كفرنبل في ريف إدلب الجنوبي.",
    "وذكرت المصادر أن طائرات مسيرة مجهولة يرجح أنها أميركية قصفت مواقع للفصائل العراقية قرب البوكمال.",
    "وقصفت قوات النظام حي درعا البلد بأكثر من 20 صاروخا يرجح أنها من نوع أرض - أرض.",
])
def test_likely_said_of_the_attacker_or_the_weapon_leaves_the_strike_reported(rules, text):
    strikes = _strikes(rules(text))
    assert strikes and all(is_factual(s["modality"]) for s in strikes), [s["modality"] for s in strikes]


@pytest.mark.parametrize("text", [
    "ويرجح أن تكون الطائرات الحربية قد قصفت مواقع للفصائل قرب البوكمال.",
    "وقال المرصد إن طائرات حربية يرجح أنها قصفت مواقع للفصائل قرب البوكمال.",
])
def test_likely_said_of_the_strike_itself_makes_it_possible(rules, text):
    strikes = _strikes(rules(text))
    assert strikes and {s["modality"] for s in strikes} == {"possible"}
