"""The rule coder, whole pipeline before the judge, on sentences invented for issue 6's fifteenth pass:
missiles counted after their launch verb with words between, forces named by an indefinite adjective
("قوات إيرانية"), control taken with a day between "من السيطرة" and "على", subheadings that name the
paragraph below them, and "نقل ... عن" that relays a report."""

from __future__ import annotations

import datetime as dt

import pytest
from event_helpers import factual_attrs as factual
from event_helpers import rule_coder

PUBLISHED = dt.date(2018, 6, 27)
EXPLOSIONS = "Explosions/Remote violence"


@pytest.fixture(scope="module")
def rules():
    return rule_coder(PUBLISHED)


@pytest.mark.parametrize("text, actor", [
    ("وأطلقت إيران، فجر الخميس، 20 صاروخا من طراز غراد على قواعد عسكرية في الجولان.", "Military Forces of Iran (1989-)"),
    ("وبحسب وزارة الجيوش الفرنسية، أطلقت فرنسا 12 صاروخا خلال تلك العملية على مواقع في حمص.", "Military Forces of France (2017-)"),
])
def test_missiles_counted_after_their_launch_verb_are_a_missile_attack(rules, text, actor):
    [event] = [e for e in factual(rules(text)) if e["event_type"] == EXPLOSIONS]
    assert event["sub_event_type"] == "Shelling/artillery/missile attack"
    assert event["actor1"] == actor
    assert event["trigger"]["text"] == "صاروخا"


def test_a_missile_before_its_launch_verb_is_no_launch_report(rules):
    # the air defences detected a missile the Houthis fired: the launch verb comes after its object
    doc = rules("رصدت قوات الدفاع الجوي السعودي صاروخا باليستيا أطلقته ميليشيات الحوثي باتجاه جازان.")
    assert not [e for e in factual(doc) if e["event_type"] == EXPLOSIONS]


def test_control_taken_with_a_day_between_the_words_is_a_gain(rules):
    [event] = factual(rules(
        "تمكنت القوات العراقية، بعد معارك عنيفة، من السيطرة، يوم الأحد، على قرية البوعيثة جنوب بغداد."))
    assert (event["event_type"], event["sub_event_type"]) == ("Battles", "Government regains territory")
    assert event["actor1"] == "Military Forces of Iraq (2014-)"


def test_control_of_a_fire_is_no_gain(rules):
    assert not factual(rules("تمكنت فرق الدفاع المدني من السيطرة، مساء الأحد، على حريق في سوق بدمشق."))


SUBHEADED = (
    "قتل 7 مدنيين في قصف مدفعي لميليشيات الحوثي على منطقة قرب مطار الحديدة، غربي اليمن.\n"
    "تحرير مواقع جديدة\n"
    "ومن جهة أخرى، حررت قوات الجيش اليمني جبل الحلقوم في مديرية حيفان جنوبي تعز."
)


def test_a_subheading_is_one_record_with_the_paragraph_below_it(rules):
    gains = [e for e in factual(rules(SUBHEADED)) if e["sub_event_type"] == "Government regains territory"]
    # not a second gain placed at Hodeidah, the place of the paragraph above
    assert len(gains) == 1
    [gain] = gains
    assert gain["location"].attrs["admin1"] == "Taizz"
    assert gain["actor1"] == "Military Forces of Yemen (2012-)"
    assert [SUBHEADED[a:b] for a, b in gain["_evidences"]][0] == "تحرير مواقع جديدة"


def test_a_line_ending_in_a_full_stop_is_no_subheading(rules):
    # a sentence with no place of its own happened where the one before it did
    text = SUBHEADED.replace("تحرير مواقع جديدة\n", "وأعلن الجيش تحرير مواقع جديدة.\n")
    gains = [e for e in factual(rules(text)) if e["sub_event_type"] == "Government regains territory"]
    assert sorted(g["location"].attrs["admin1"] for g in gains) == ["Al Hudaydah", "Taizz"]



@pytest.mark.parametrize("text, actor", [
    ("قصفت طائرات روسية مواقع للمعارضة في ريف إدلب.", "Military Forces of Russia (2000-)"),
    ("وأطلقت قوات إيرانية صواريخ على مواقع في الجولان.", "Military Forces of Iran (1989-)"),
    ("وكانت قوات أميركية قد شنت غارة جوية على مواقع في أوباري الأسبوع الماضي.",
     "Military Forces of the United States (2025-)"),
])
def test_a_force_named_by_an_indefinite_adjective_is_its_country_s_force(rules, text, actor):
    [event] = [e for e in rules(text).get("events") if e.attrs["event_type"] == EXPLOSIONS]
    assert event.attrs["actor1"] == actor


@pytest.mark.parametrize("text", [
    "ويشن الجيش السوري، بدعم من قوات روسية، هجوما على مواقع الفصائل في درعا.",
    "وسيطرت القوات الحكومية المدعومة بالطيران الروسي على بلدة بصرى الشام.",
])
def test_a_force_supporting_with_bi_is_the_associate_not_the_actor(rules, text):
    [event] = factual(rules(text))
    assert event["actor1"] == "Military Forces of Syria (2000-)"
    assert event["assoc_actor_1"] == "Military Forces of Russia (2000-)"


@pytest.mark.parametrize("text", [
    "ونقل موقع رووداو عن نائب محافظ أربيل قوله إن مسلحين اثنين دخلا المبنى في أربيل.",
    "ونقل المراسل عن مصدر عسكري قوله إن عددا من المسلحين الحوثيين سلموا أنفسهم في مأرب.",
])
def test_a_report_relayed_with_naql_is_no_movement_of_fighters(rules, text):
    assert "Change to group/activity" not in {e["sub_event_type"] for e in factual(rules(text))}


def test_moving_fighters_is_still_a_change_to_group_activity(rules):
    [event] = factual(rules("وقالت مصادر محلية إن تنظيم داعش قام بنقل عدد كبير من عناصره إلى بلدة سلقين في ريف إدلب."))
    assert event["sub_event_type"] == "Change to group/activity"


@pytest.mark.parametrize("text", [
    "وسط جهود دبلوماسية للتوصل إلى اتفاق لوقف إطلاق النار في غزة.",
    "وتبذل مصر جهودا للتوصل إلى اتفاق تهدئة بين حماس وإسرائيل.",
])
def test_an_agreement_sought_is_not_made(rules, text):
    assert not factual(rules(text))


def test_an_agreement_reached_is_one(rules):
    [event] = factual(rules("وتم التوصل إلى اتفاق لإجلاء المسلحين من مدينة دوما."))
    assert event["sub_event_type"] == "Agreement"
