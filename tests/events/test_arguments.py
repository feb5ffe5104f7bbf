"""Arguments of events: actors and their roles, inter codes, place, date, fatalities, source, note."""

from __future__ import annotations

import datetime as dt

import pytest
from event_helpers import PUBLISHED, factual

from marsad.document import Document
from marsad.events.actors import interaction
from marsad.events.fatalities import toll_at
from marsad.events.lexicon import lexicon
from marsad.pipeline import RULE_STAGES, Pipeline
from marsad.text.tokenize import tokenize


def _one(doc):
    events = factual(doc)
    assert len(events) == 1, [e.attrs["notes"] for e in events]
    return events[0].attrs


# sentence, actor1, assoc_actor_1, actor2
ROLES = [
    # VSO: the actor after the verb acts
    ("اقتحمت قوات الجيش اليمني مركز مديرية كتاف بعد معارك مع ميليشيات الحوثي.",
     "Military Forces of Yemen (2012-)", "", "Houthis"),
    # SVO
    ("ميليشيات الحوثي قصفت أحياء سكنية في مدينة حيس بقذائف الهاون.",
     "Houthis", "", "Civilians (Yemen)"),
    # "in coordination with" -> assoc_actor_1
    ("نقل تنظيم داعش عشرات من عناصره بالتنسيق مع هيئة تحرير الشام إلى بلدة سراقب.",
     "Islamic State (Syria)", "Hayat Tahrir al-Sham", ""),
    # passive with an agent: "على يد"
    ("قتل ثلاثة مدنيين على يد ميليشيات الحوثي في مدينة حيس.",
     "Houthis", "", "Civilians (Yemen)"),
    # nominal trigger: "غارات التحالف على مواقع الحوثيين"
    ("أسفرت غارات التحالف العربي على مواقع الحوثيين في صعدة عن مقتل 12 مسلحا.",
     "Operation Restoring Hope", "", "Houthis"),
    # "between X and Y"
    ("اندلعت مواجهات عنيفة بين الجيش اليمني وميليشيات الحوثي في تعز.",
     "Military Forces of Yemen (2012-)", "", "Houthis"),
]


@pytest.mark.parametrize("text, actor1, assoc1, actor2", ROLES)
def test_actor_roles(code, text, actor1, assoc1, actor2):
    event = _one(code(text))
    assert (event["actor1"], event["assoc_actor_1"], event["actor2"]) == (actor1, assoc1, actor2)


def test_an_army_abroad_is_external_and_interaction_is_ordered(code):
    event = _one(code("سيطر الجيش التركي على مدينة عفرين بعد انسحاب وحدات حماية الشعب منها."))
    assert event["inter1"] == 8  # the Turkish army acting in Syria
    assert event["inter2"] == 2
    assert event["interaction"] == 28
    assert event["sub_event_type"] == "Non-violent transfer of territory"


def test_an_army_at_home_is_state_forces(code):
    event = _one(code("اندلعت اشتباكات بين الجيش السوري وتنظيم داعش في سراقب."))
    assert (event["inter1"], event["inter2"], event["interaction"]) == (1, 2, 12)


def test_interaction_codes():
    assert interaction(2, 1) == 12
    assert interaction(8, 0) == 80
    assert interaction(0, 7) == 70
    assert interaction(3, 7) == 37


def test_several_towns_in_one_sentence_make_one_record_each(code):
    doc = code("قصفت طائرات التحالف العربي مواقع الحوثيين في صعدة وكتاف وحيس.")
    events = factual(doc)
    assert sorted(e.attrs["location"].attrs["name"] for e in events) == ["Hays", "Kitaf", "Sadah"]
    assert len({(e.start, e.end) for e in events}) == 1  # they share the evidence


def test_place_near_a_town_has_precision_two(code):
    event = _one(code("دارت اشتباكات عنيفة بين الجيش السوري وتنظيم داعش قرب سراقب."))
    assert event["location"].attrs["name"] == "Saraqib"
    assert event["geo_precision"] == 2


def test_country_only_place_is_coded_to_the_capital(code):
    event = _one(code("شنت طائرات إسرائيلية غارات على أهداف إيرانية داخل سوريا."))
    assert event["location"].attrs["name"] == "Damascus"
    assert event["geo_precision"] == 3


def test_place_of_a_sentence_without_one_comes_from_the_sentence_before(code):
    doc = code("استهدفت ميليشيات الحوثي مستشفى مدينة حيس بالقذائف. وأدى القصف إلى مقتل طبيب.")
    events = factual(doc)
    assert len(events) == 1  # the second sentence restates the shelling of Hays: one record
    assert events[0].attrs["location"].attrs["name"] == "Hays"
    assert events[0].attrs["fatalities"] == 1


def test_a_restatement_placed_only_by_the_article_focus_is_more_evidence_of_the_placed_record():
    text = ("أكد مسؤولون في مدينة عدن أن الحكومة ستعود إلى عدن قريبا لإدارة شؤون عدن. "
            "وتظاهر مئات من أبناء سقطرى في مدينة حديبو تأييدا للتحالف العربي. وقال مسؤول محلي إن الوضع هادئ. "
            "وأضاف أن الحكومة تتابع الأمر عن كثب. وأشاد المتظاهرون بالدور الإماراتي.")
    doc = Pipeline(list(RULE_STAGES))(Document(text=text, published=dt.date(2018, 5, 6)))
    (event,) = factual(doc)  # one protest, in Hadibu: the praise is no second one in Aden
    assert event.attrs["location"].attrs["name"] == "Hadibu"
    passages = [text[start:end] for start, end in event.attrs["_evidences"]]
    assert passages[0].startswith("وتظاهر") and passages[-1] == "وأشاد المتظاهرون بالدور الإماراتي."


def test_date_from_the_dates_layer_and_publication_fallback(code):
    text = "قصفت طائرات التحالف العربي مواقع الحوثيين في صعدة يوم الأحد."
    dated = _one(code(text, dates={"يوم الأحد": (dt.date(2018, 5, 20), 1)}))
    assert (dated["event_date"], dated["time_precision"]) == (dt.date(2018, 5, 20), 1)
    fresh = _one(code(text))
    assert (fresh["event_date"], fresh["time_precision"]) == (PUBLISHED, 2)


def test_an_event_dated_long_before_publication_is_historical(code):
    doc = code("قصفت طائرات التحالف العربي مواقع الحوثيين في صعدة في مارس الماضي.",
               dates={"في مارس الماضي": (dt.date(2018, 3, 15), 3)})
    assert factual(doc) == []
    assert doc.get("events")[0].attrs["modality"] == "historical"


# phrase, fatalities (ACLED's rules as adopted by the dev gold)
TOLLS = [
    ("قتل 7 مدنيين", 7),
    ("مقتل أكثر من 20 مسلحا", 20),
    ("لقي 15 حوثيا مصرعهم", 15),
    ("سقوط عشرات القتلى", 10),
    ("سقوط قتلى", 3),
    ("مقتل أحد القادة", 1),
    ("قتل ثلاثة أشخاص", 3),
    ("أودى بحياة خمسة أشخاص", 5),
    ("11 قتيلا وجريحا", 1),
    ("قتل طبيب وأصيب 12 آخرون", 1),
    ("قتل شاب عمره 25 عاما", 1),
    ("مقتل مئات المدنيين", 100),
    ("مقتل 10 آلاف شخص", 10000),
    ("مقتل نصف مليون شخص", 500000),
    ("سقوط ربع مليون قتيل", 250000),
    ("مقتل مليون شخص", 1000000),
]


@pytest.mark.parametrize("phrase, expected", TOLLS)
def test_fatalities(phrase, expected):
    tokens = tokenize(phrase)
    death = next(m for m in lexicon().triggers.find(tokens) if m.payload.sub_event_type == "kill")
    toll = toll_at(tokens, death.first, death.last)
    assert toll.fatalities == expected
    assert toll.aggregate == (expected >= 1000)


def test_injuries_alone_are_no_fatalities(code):
    event = _one(code("أصيب خمسة مدنيين في قصف مدفعي لميليشيات الحوثي على مدينة حيس."))
    assert event["fatalities"] == 0


def test_source_attribution_and_outlet(code):
    text = ("ذكرت مصادر محلية أن اشتباكات اندلعت في سراقب. "
            "وأوضحت المصادر لوكالة سبوتنيك أن تنظيم داعش نقل عناصره إلى معرة النعمان.")
    doc = code(text, source="sputnik")
    events = {e.attrs["event_type"]: e.attrs for e in factual(doc)}
    assert events["Battles"]["source"] == "Local sources"
    assert events["Strategic developments"]["source"] == "Local sources via Sputnik"
    assert events["Strategic developments"]["outlet"] == "sputnik"
    assert events["Battles"]["modality"] == "reported"


def test_note_is_written_from_the_fields(code):
    event = _one(code("قصفت طائرات التحالف العربي مواقع الحوثيين في صعدة يوم الأحد مما أسفر عن مقتل 4 مسلحين.",
                      dates={"يوم الأحد": (dt.date(2018, 5, 20), 1)}))
    assert event["notes"].startswith("On 20 May 2018, Operation Restoring Hope carried out air/drone strikes")
    assert "Sadah" in event["notes"] and "4 fatalities" in event["notes"]
    assert event["disorder_type"] == "Political violence"
    assert event["plover"] == "ASSAULT"


def test_civilian_targeting(code):
    event = _one(code("قتل 7 مدنيين في قصف مدفعي لميليشيات الحوثي على مدينة حيس."))
    assert event["civilian_targeting"] == "Civilian targeting"
    assert event["fatalities"] == 7
    assert event["actor1"] == "Houthis"


def test_evidence_is_the_clause_and_slices_the_text(code):
    text = "قال الجيش اليمني إنه سيطر على مركز مديرية كتاف، فيما تواصل ميليشيات الحوثي إرسال التعزيزات."
    doc = code(text)
    for event in doc.get("events"):
        assert text[event.start:event.end] == event.text
        assert event.text == event.text.strip()
    battles = [e for e in factual(doc) if e.attrs["event_type"] == "Battles"]
    assert battles and "فيما" not in battles[0].text


def _with_dates(text: str, published: dt.date = dt.date(2018, 5, 23)):
    from marsad.document import Document
    from marsad.pipeline import Pipeline

    return Pipeline(["sentences", "tokens", "dates", "events"])(Document(text=text, published=published))


def test_a_week_is_coded_to_the_day_the_dates_stage_chose():
    # the dates stage codes "last week" to its middle already; the event must not move it again
    doc = _with_dates("قصفت طائرات التحالف العربي مواقع الحوثيين في صعدة الأسبوع الماضي.")
    week = doc.get("dates")[0].attrs
    event = _one(doc)
    assert (event["event_date"], event["time_precision"]) == (week["date"], 2)


def test_the_day_of_the_event_wins_over_the_day_of_the_report():
    doc = _with_dates("قال ناشطون الثلاثاء إن طائرات حربية قصفت بلدة سراقب يوم الأحد.")
    event = _one(doc)
    assert (event["event_date"], event["time_precision"]) == (dt.date(2018, 5, 20), 1)


def test_a_year_gives_no_exact_day():
    doc = _with_dates("قتل ثلاثة مدنيين في قصف على مدينة صعدة عام 2014.")
    assert factual(doc) == []
    assert all(e.attrs["time_precision"] != 1 for e in doc.get("events"))


def test_a_toll_of_half_a_million_is_an_aggregate(code):
    doc = code("وخلفت الحرب في اليمن نصف مليون قتيل في تعز.")
    assert [e.attrs["modality"] for e in doc.get("events")] == ["historical"]


def test_a_force_named_in_the_charge_is_not_the_side_that_arrests():
    """The Houthis' arrests of townsmen "on charges of conspiring with the resistance" are abductions of
    civilians: the resistance (the government's joint forces in Yemen) is named by the charge only."""
    text = "شنت ميليشيات الحوثي حملة اعتقالات طالت عشرات الشبان في مدينة الحديدة بتهمة التعاون مع المقاومة."
    doc = Pipeline(list(RULE_STAGES))(Document(text=text, published=dt.date(2018, 5, 30)))
    (event,) = factual(doc)
    assert (event.attrs["event_type"], event.attrs["sub_event_type"]) == (
        "Violence against civilians", "Abduction/forced disappearance")
    assert event.attrs["actor1"].startswith("Houthis") and event.attrs["actor2"] == "Civilians (Yemen)"


def _rules(text: str, published: dt.date = dt.date(2018, 6, 27)):
    return Pipeline(list(RULE_STAGES))(Document(text=text, published=published))


def test_two_forces_of_one_state_are_allies_and_the_article_names_their_foe():
    """The army and the joint resistance are one side; the Houthis the article reported are the other."""
    doc = _rules("قصفت ميليشيات الحوثي أحياء سكنية في مدينة تعز. "
                 "وفي سياق آخر، حررت قوات الجيش اليمني والمقاومة تبة استراتيجية في جبهة حيفان جنوبي تعز.")
    (battle,) = [e for e in factual(doc) if e.attrs["event_type"] == "Battles"]
    assert battle.attrs["actor1"] == "Military Forces of Yemen (2012-)"
    assert battle.attrs["assoc_actor_1"] == "Military Forces of Yemen (2012-) Joint Forces"
    assert battle.attrs["actor2"].startswith("Houthis") and battle.attrs["inter2"] == 2


def test_a_neighbour_named_by_its_border_is_no_side():
    doc = _rules("قتل العشرات من ميليشيات الحوثي في غارات لطائرات التحالف على جبهات القتال في محافظة حجة "
                 "على الحدود مع السعودية.")
    (strike,) = factual(doc)
    assert strike.attrs["actor1"] == "Operation Restoring Hope"
    assert "Saudi Arabia" not in strike.attrs["actor2"]


def test_a_strike_takes_its_marked_target_beyond_the_triggers_reach():
    doc = _rules("فقد أوقعت قذائف المليشيات الحوثية، مطلع الأسبوع، 11 قتيلا وجريحا معظمهم من أسرة واحدة "
                 "بقصف عشوائي على الأحياء السكنية في مدينة حيس.", dt.date(2018, 7, 27))
    (strike,) = factual(doc)
    assert strike.attrs["actor1"].startswith("Houthis")
    assert strike.attrs["actor2"] == "Civilians (Yemen)" and strike.attrs["civilian_targeting"]
