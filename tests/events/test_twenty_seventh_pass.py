"""The rule coder, whole pipeline before the judge, on short texts invented for issue 6's twenty-seventh
pass: an accusation that dates the attack reports it; an interception or a deal nobody is named for is
the state's; an unnamed side of a battle with the state's forces is the rebel group the article follows."""

from __future__ import annotations

import datetime as dt

import pytest
from event_helpers import factual_attrs, rule_coder

PUBLISHED = dt.date(2018, 4, 19)


@pytest.fixture(scope="module")
def rules():
    return rule_coder(PUBLISHED)


def test_an_interception_nobody_is_named_for_is_the_states_where_it_happened(rules):
    """Air defences are the state's: the golds name the state's forces where the text names no one."""
    records = factual_attrs(rules("وتصدت الدفاعات الجوية لصواريخ استهدفت مطار الشعيرات في ريف حمص."))
    assert [(r["sub_event_type"], r["actor1"], r["inter1"]) for r in records] == [
        ("Disrupted weapons use", "Military Forces of Syria (2000-)", 1)]
    saudi = factual_attrs(rules("واعترضت الدفاعات الجوية صاروخا باليستيا فوق مدينة جازان مساء الأربعاء."))
    assert [(r["actor1"], r["inter1"]) for r in saudi] == [("Military Forces of Saudi Arabia (2015-)", 1)]


def test_a_named_interceptor_is_kept(rules):
    records = factual_attrs(rules("وأعلنت قيادة التحالف اعتراض صاروخ باليستي فوق مدينة جازان مساء الأربعاء."))
    assert [r["actor1"] for r in records] == ["Operation Restoring Hope"]


def test_a_deal_nobody_is_named_for_is_made_with_the_state(rules):
    records = factual_attrs(rules("وتم التوصل إلى اتفاق يقضي بخروج المقاتلين وعائلاتهم من بلدة عربين إلى إدلب."))
    assert [(r["sub_event_type"], r["actor1"]) for r in records] == [
        ("Agreement", "Military Forces of Syria (2000-)")]


def test_an_unnamed_side_fighting_the_army_is_the_articles_rebel_group(rules):
    text = ("قتل 20 من ميليشيات الحوثي في معارك مع قوات الجيش اليمني في مديرية حيس جنوب الحديدة. "
            "وسيطرت قوات الجيش على مواقع للحوثيين في أطراف المديرية. "
            "وخاضت قوات الجيش اشتباكات مع مسلحين في أطراف مدينة زبيد. "
            "وأكدت مصادر عسكرية أن الجيش يواصل تقدمه.")
    zabid = [r for r in factual_attrs(rules(text)) if r["location"].attrs["name"] == "Zabid"]
    assert [(r["actor1"], r["actor2"], r["interaction"]) for r in zabid] == [
        ("Military Forces of Yemen (2012-)", "Houthis / Ansar Allah", 12)]


def test_unnamed_gunmen_with_no_rebel_group_in_the_story_stay_unidentified(rules):
    records = factual_attrs(rules("وقتل شرطيان في اشتباك مع مسلحين مجهولين في مدينة العريش، الثلاثاء."))
    assert records and all("Unidentified Armed Group" in (r["actor1"] + r["actor2"]) for r in records)
