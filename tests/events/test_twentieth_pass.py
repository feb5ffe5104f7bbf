"""The rule coder, whole pipeline before the judge, on sentences invented for issue 6's twentieth pass:
a country named after a place preposition is where something happened, not who did it, unless the
sentence names no one else."""

from __future__ import annotations

import datetime as dt

import pytest
from event_helpers import factual_attrs, rule_coder

PUBLISHED = dt.date(2018, 5, 10)


@pytest.fixture(scope="module")
def rules():
    return rule_coder(PUBLISHED)


@pytest.mark.parametrize("text, actor1", [
    # the subject after the light verb, before the strike word; the country after "في" is the place
    ("شنت إسرائيل غارات جوية على مواقع عسكرية في سوريا.", "Military Forces of Israel (1948-)"),
    ("وردت إسرائيل بشن غارات جوية عنيفة في سوريا ليل الأربعاء.", "Military Forces of Israel (1948-)"),
    ("شنت مقاتلات التحالف العربي لدعم الشرعية باليمن أمس غارات على مواقع للحوثيين في محافظة الحديدة.",
     "Operation Restoring Hope"),
])
def test_a_country_named_as_the_place_is_not_the_attacker(rules, text, actor1):
    (record,) = factual_attrs(rules(text))
    assert record["actor1"] == actor1


def test_a_country_is_still_the_actor_when_the_sentence_names_no_other(rules):
    text = "وذكرت منظمة الخوذ البيضاء مقتل 48 شخصا جراء قصف بالغازات السامة في سوريا."
    (record,) = factual_attrs(rules(text))
    assert (record["sub_event_type"], record["actor1"]) == ("Chemical weapon", "Military Forces of Syria (2000-)")


@pytest.mark.parametrize("text, sub_event_type", [
    # a landmine with a death word of its own is the explosion, not an attack by hand
    ("أن اللغم الذي زرعته الميليشيا الحوثية في مديرية حيس أودى بحياة 5 مدنيين.", "Remote explosive/landmine/IED"),
    # an attempt repelled or foiled is a battle; one to smuggle is none
    ("وقالت مصادر محلية إن مقاتلي المعارضة صدوا محاولات تقدم لقوات النظام قرب بلدة طفس.", "Armed clash"),
    ("وأحبطت قوات الجيش محاولة اقتحام لميليشيات الحوثي في مديرية حيس.", "Armed clash"),
])
def test_landmines_and_repelled_attempts(rules, text, sub_event_type):
    assert [r["sub_event_type"] for r in factual_attrs(rules(text))] == [sub_event_type]


def test_a_foiled_smuggling_attempt_is_no_battle(rules):
    assert factual_attrs(rules("وأحبطت السلطات محاولة تهريب أسلحة عبر ميناء عدن.")) == []
