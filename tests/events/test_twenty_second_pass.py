"""The rule coder, whole pipeline before the judge, on short texts invented for issue 6's twenty-second
pass: a strike of its own in each clause that names its weapon, a killing of civilians told beside the
strike that did it coded as that strike, a missile shot down where it was going (not where it came
from), and no event placed where a speech about it was given."""

from __future__ import annotations

import datetime as dt

import pytest
from event_helpers import factual_attrs, places_of, rule_coder

PUBLISHED = dt.date(2018, 4, 13)


@pytest.fixture(scope="module")
def rules():
    return rule_coder(PUBLISHED)


@pytest.mark.parametrize("text, places", [
    # the attack word of the first clause has its own weapon ("مقاتلات") and its own district
    ("واستهدفت مقاتلات التحالف دبابة للانقلابيين في مديرية المتون، في حين دمرت غارات أخرى أطقم قتالية "
     "في مديرية الحزم.", ["Al Maton", "Al Hazm"]),
    ("استهدفت طائرات التحالف مواقع للحوثيين في مديرية باقم، فيما شنت مقاتلات التحالف غارات على مديرية "
     "كتاف.", ["Baqim", "Kitaf wa Al Boqe'e"]),
])
def test_each_clause_with_its_own_weapon_is_a_strike_of_its_own(rules, text, places):
    records = factual_attrs(rules(text))
    assert [(r["event_type"], r["sub_event_type"]) for r in records] == [
        ("Explosions/Remote violence", "Air/drone strike")] * 2
    assert places_of(records) == places


@pytest.mark.parametrize("text", [
    # the dead first, the shelling that killed them next
    "قتل سبعة مدنيين بينهم أطفال في مدينة حيس يوم الجمعة. وقصفت ميليشيات الحوثي المدينة بقذائف الهاون الجمعة.",
    # the bombing first, its toll two sentences on
    "قتل خمسة أشخاص بينهم عناصر أمن في هجوم انتحاري مزدوج استهدف مقر قوات مكافحة الإرهاب في مدينة عدن. "
    "وتبنى تنظيم الدولة الإسلامية الهجوم. وأفادت مصادر طبية بمقتل ثلاثة من عناصر الأمن وسيدة وطفلين في الهجوم.",
])
def test_a_killing_told_beside_the_strike_that_did_it_is_that_strike(rules, text):
    (record,) = factual_attrs(rules(text))
    assert record["event_type"] == "Explosions/Remote violence"
    assert record["fatalities"] >= 5


@pytest.mark.parametrize("text, place", [
    ("اعترضت قوات الدفاع الجوي السعودي، الجمعة، صاروخا بالستيا أطلق من محافظة صعدة باتجاه مدينة جازان.",
     "Jazan"),
    # a heading word before "the kingdom's lands" makes Saudi Arabia the place, coded to its capital
    ("واعترضت قوات الدفاع الجوي السعودي صاروخا باليستيا أطلقه الحوثيون، الأحد، من داخل الأراضي اليمنية "
     "(صعدة) باتجاه أراضي المملكة.", "Riyadh"),
])
def test_a_missile_shot_down_is_placed_where_it_was_going(rules, text, place):
    (record,) = factual_attrs(rules(text))
    assert record["sub_event_type"] == "Disrupted weapons use"
    assert places_of([record]) == [place]


@pytest.mark.parametrize("text, place", [
    ("قال مسؤول محلي إن القوات التركية تتقدم في منطقة عفرين. "
     "وقال أردوغان في خطاب في أنقرة الجمعة إن القوات التركية سيطرت على بلدة جنديرس.", "Jindires"),
    ("قال مسؤول يمني إن المعارك مستمرة في صعدة. "
     "وقال المتحدث في مؤتمر صحفي في الرياض إن طائرات التحالف شنت غارات على مواقع الحوثيين.", "Sadah"),
])
def test_no_event_is_placed_where_a_speech_about_it_was_given(rules, text, place):
    (record,) = factual_attrs(rules(text))
    assert places_of([record]) == [place]


def test_a_bracketed_list_shares_the_head_before_it(rules):
    """"بمحافظات (مأرب، الجوف، عدن، تعز، حضرموت)": five governorates, not Aden and Taizz the cities, beside
    which the places stage would have read the provinces as mere context."""
    text = "وتظاهر المحتجون، الخميس، بمحافظات (مأرب، الجوف، عدن، تعز، حضرموت)، رافعين صور الصحافيين."
    records = factual_attrs(rules(text))
    assert {r["event_type"] for r in records} == {"Protests"}
    assert places_of(records) == ["Marib", "Al Jawf", "Aden", "Taizz", "Hadramawt"]
    assert {r["geo_precision"] for r in records} == {3}


@pytest.mark.parametrize("text, place", [
    # "الجبلية" is read as Jiblah (Ibb), not a village of al-Tuhayta district (al-Hudaydah)
    ("وأحبطت المقاومة اليمنية المشتركة، الجمعة، محاولة تسلل جديدة في منطقة الجبلية التابعة لمديرية التحيتا.",
     "At Tuhayta"),
    # "حبل" is read as al-Habilayn (Lahj), not a village of Abs district (Hajjah): one record, at Abs
    ("تمكنت قوات الجيش الوطني، الجمعة، من تحرير أولى مناطق مديرية عبس بمحافظة حجة. وقال العقيد إن قوات "
     "الجيش تمكنت اليوم من تحرير قرية حبل أولى قرى مديرية عبس.", "Abs"),
    # Mohammedia (Morocco) is no town of Eastern Ghouta
    ("وسيطرت قوات النظام، الجمعة، على بلدات حزرما والنشابية والمحمدية في الغوطة الشرقية.", "Eastern Ghouta"),
    # a chain mostly in Yemen: al-Mulayhah of Syria is a namesake
    ("وأطلق قناص حوثي، الخميس، النار على طفلة في منطقة المليحة بشارع الثلاثين غرب مدينة تعز.", "Taizz"),
])
def test_a_place_outside_the_district_named_after_it_gives_way_to_the_district(rules, text, place):
    (record,) = factual_attrs(rules(text))
    assert places_of([record]) == [place]


def test_a_place_coded_at_its_districts_point_is_no_town_of_its_own(rules):
    """"منطقة فضحه" is known only as a part of al-Malajim district and coded at its point: with the district
    named again in the clause it is one strike, not a list of two towns."""
    text = ("شنت مقاتلات التحالف، الأحد، غارات على مواقع للحوثيين في منطقة فضحه في مديرية الملاجم، واستهدفت "
            "آليات المليشيا وخطوط إمدادها من مديرية الملاجم.")
    (record,) = factual_attrs(rules(text))
    assert record["sub_event_type"] == "Air/drone strike"
    assert places_of([record]) == ["Al Malajim area"]


@pytest.mark.parametrize("text, typed", [
    # forces entering a town with no fight told: the ground changes hands without a battle
    ("دخلت قوات النظام السوري الخميس إلى أحياء يسيطر عليها مقاتلو الفصائل المعارضة في منطقة درعا البلد.",
     ("Strategic developments", "Non-violent transfer of territory")),
    # with battles told it is ground regained
    ("قال المتحدث باسم الجيش الليبي إن الجيش الليبي دخل الخميس أكبر أحياء درنة بعد معارك عنيفة مع المسلحين.",
     ("Battles", "Government regains territory")),
])
def test_forces_entering_a_town_take_it(rules, text, typed):
    records = factual_attrs(rules(text))
    assert typed in [(r["event_type"], r["sub_event_type"]) for r in records]


@pytest.mark.parametrize("text", [
    "دخلت المساعدات الإنسانية الخميس إلى مدينة دوما.",  # no forces
    # a war, a battle or a siege entering a stage
    "ودخلت الحرب التي تخوضها قوات الجيش اليمني في مدينة تعز الخميس عامها الرابع.",
    "ودخلت معركة قوات الجيش في مديرية نهم الخميس مرحلة جديدة.",
    "ودخل حصار قوات النظام لمدينة دوما الخميس شهره الخامس.",
])
def test_entering_that_is_no_taking_of_ground(rules, text):
    records = factual_attrs(rules(text))
    assert not any(r["sub_event_type"] in ("Non-violent transfer of territory", "Government regains territory")
                   for r in records)


def test_the_regular_forces_are_the_state_army(rules):
    """"القوات النظامية السورية" (the regular forces) are the Syrian army: with the rebels named it is a battle."""
    text = ("وتشن القوات النظامية السورية هجوما في محافظة درعا جنوبي البلاد ضد فصائل المعارضة مما أسفر عن موجة "
            "نزوح بعشرات الآلاف.")
    (record,) = factual_attrs(rules(text))
    assert (record["event_type"], record["actor1"], record["actor2"]) == (
        "Battles", "Military Forces of Syria (2000-)", "Opposition Rebels (Syria)")


@pytest.mark.parametrize("text, actor1, actor2", [
    ("وشنت إسرائيل الليلة الماضية غارات جوية على مواقع عسكرية في سوريا.",
     "Military Forces of Israel (1948-)", "Military Forces of Syria (2000-)"),
    ("وقصفت تركيا الليلة الماضية مواقع لحزب العمال الكردستاني في شمال العراق.",
     "Military Forces of Turkey (2016-)", "PKK: Kurdistan Workers Party"),
])
def test_a_state_named_as_itself_fights_as_its_military(rules, text, actor1, actor2):
    (record,) = factual_attrs(rules(text))
    assert (record["actor1"], record["actor2"]) == (actor1, actor2)


@pytest.mark.parametrize("text, modality", [
    # "التوصل لاتفاق": the ل of the verb, no purpose
    ("وأكد التلفزيون السوري الخميس التوصل لاتفاق لخروج كل المخطوفين في دوما مقابل خروج جيش الإسلام.", "asserted"),
    # "للتوصل لاتفاق": to reach one
    ("وتسعى الأطراف للتوصل لاتفاق في بلدة يلدا.", "planned"),
])
def test_an_agreement_reached_is_no_purpose(rules, text, modality):
    (record,) = [e.attrs for e in rules(text).get("events") if e.attrs["sub_event_type"] == "Agreement"]
    assert record["modality"] == modality


def test_a_place_the_gazetteer_lacks_is_no_finer_than_its_country(rules):
    """"جبهة الساحل الغربي" is unknown to the gazetteer and coded at Yemen's point: the province named after
    it places the battle."""
    text = ("قتل قائد ميداني حوثي، الأربعاء، في المواجهات المستمرة بين الجيش اليمني والانقلابيين في جبهة الساحل "
            "الغربي بمحافظة الحديدة غرب اليمن.")
    (record,) = factual_attrs(rules(text))
    assert record["event_type"] == "Battles"
    assert places_of([record]) == ["Al Hudaydah"]
