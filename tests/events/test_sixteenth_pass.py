"""The rule coder, whole pipeline before the judge, on sentences invented for issue 6's sixteenth pass:
"likely" that hedges who struck or with what leaves the strike reported; "likely" that hedges whether
it happened still makes it possible; an attack whose weapon the next sentence names is that strike."""

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


def test_an_attack_whose_weapon_the_next_sentence_names_is_that_strike(rules):
    """ACLED codes remote violence against civilians as Explosions/Remote violence: one record."""
    text = ("استهدفت ميليشيات الحوثي مستشفى مديرية حيس في محافظة الحديدة. "
            "وأدى القصف الحوثي إلى مقتل طبيب وإصابة ثلاثة ممرضين.")
    doc = rules(text)
    first, second = doc.get("sentences")
    events = [e.attrs for e in doc.get("events") if is_factual(e.attrs["modality"])]
    assert [e["event_type"] for e in events] == [EXPLOSIONS]
    [strike] = events
    assert strike["actor2"] == "Civilians (Yemen)" and strike["location"].text == "حيس"
    assert sorted(map(tuple, strike["_evidences"])) == [(first.start, first.end), (second.start, second.end)]


def test_a_strike_elsewhere_is_another_event(rules):
    text = ("استهدفت ميليشيات الحوثي مستشفى مديرية حيس في محافظة الحديدة. "
            "وفي تعز، قصفت الميليشيات حي الروضة بقذائف الهاون.")
    types = [e.attrs["event_type"] for e in rules(text).get("events") if is_factual(e.attrs["modality"])]
    assert "Violence against civilians" in types and EXPLOSIONS in types
