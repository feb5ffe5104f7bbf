"""The rule coder, whole pipeline before the judge, on short texts invented for issue 6's twenty-third
pass: a capital after its head and nationality is a place, a comma and a preposition chain two places,
a mine that went off while it was cleared is an explosion, a drone attack foiled or a missile fired at a
drone is a disrupted weapons use, a correspondent's post places nothing, a country-level restatement of
a strike told at a town goes, an agreement's purpose is planned, ground handed over after an evacuation is
no battle, and the cue words of a running tally date the tally, not the event before it."""

from __future__ import annotations

import datetime as dt

import pytest
from event_helpers import factual_attrs, places_of, rule_coder, types_of

PUBLISHED = dt.date(2018, 6, 30)


@pytest.fixture(scope="module")
def rules():
    return rule_coder(PUBLISHED)


def test_a_capital_after_its_head_and_nationality_is_where_it_happened(rules):
    """"في العاصمة الفرنسية باريس": a place preposition before the head, so Paris is where the protest was,
    not the French state beside a town of another country (عفرين)."""
    text = ("وقال المتحدث باسم المجلس الكردي في فرنسا إن نحو ألفي شخص تظاهروا، السبت، في العاصمة الفرنسية "
            "باريس، ورفعوا لافتات تندد بالهجوم التركي على عفرين.")
    records = factual_attrs(rules(text))
    assert types_of(records) == [("Protests", "Peaceful protest")]
    assert places_of(records) == ["Paris"]


def test_a_comma_and_a_preposition_chain_a_place_to_the_one_before(rules):
    """"في دوما، بالغوطة الشرقية قرب العاصمة دمشق": one location, Douma, not Douma and Damascus."""
    text = "وقصفت قوات النظام، السبت، مدينة دوما، بالغوطة الشرقية قرب العاصمة دمشق، بالصواريخ."
    records = factual_attrs(rules(text))
    assert types_of(records) == [("Explosions/Remote violence", "Shelling/artillery/missile attack")]
    assert places_of(records) == ["Duma"]


def test_a_mine_that_went_off_while_it_was_cleared_is_an_explosion(rules):
    text = ("وقتل مزارعان، السبت، حين انفجر لغم بهما أثناء محاولتهما إبطال مفعوله في مزرعتهما بمديرية حيس.")
    records = factual_attrs(rules(text))
    assert types_of(records) == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]


def test_devices_cleared_are_what_was_cleared_not_explosions(rules):
    text = "وتمكنت الفرق الهندسية، السبت، من تفكيك شبكات ألغام وعبوات ناسفة زرعها الحوثيون في مديرية حيس."
    records = factual_attrs(rules(text))
    assert types_of(records) == [("Strategic developments", "Disrupted weapons use")]


def test_victims_who_were_on_board_are_no_pluperfect(rules):
    """"كانوا على متن دراجة نارية" describes the dead: no pluperfect making the undated killing background.
    It is placed where they were going (al-Jarrahi), which Hodeidah only locates."""
    text = ("وقتل ثلاثة مدنيين كانوا على متن دراجة نارية، بانفجار لغم حوثي في طريق فرعية متجهين إلى "
            "الجراحي جنوب الحديدة.")
    (record,) = factual_attrs(rules(text))
    assert (record["event_type"], record["sub_event_type"]) == (
        "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert places_of([record]) == ["Al Jarrahi"]
    assert record["fatalities"] == 3


@pytest.mark.parametrize("text", [
    # a drone attack foiled is a disrupted weapons use
    "أحبطت القوات الروسية في قاعدة حميميم الجوية، فجر السبت، هجوما بواسطة طائرات دون طيار.",
    # so is a missile fired at a drone
    "وقال الجيش الإسرائيلي إنه أطلق، السبت، صاروخ باتريوت على طائرة بدون طيار اقتربت من مدينة صفد.",
])
def test_a_drone_foiled_or_shot_at_is_a_disrupted_weapons_use(rules, text):
    assert types_of(factual_attrs(rules(text))) == [("Strategic developments", "Disrupted weapons use")]


def test_planes_that_struck_are_no_drone_foiled(rules):
    """The regime's planes struck; what the soldiers foiled was an infiltration, no drone."""
    text = "وقصفت طائرات النظام، السبت، مخابئ لتنظيم داعش شمال شرق مدينة دوما بعدما أحبط الجنود محاولة تسلل."
    types = types_of(factual_attrs(rules(text)))
    assert ("Explosions/Remote violence", "Air/drone strike") in types
    assert ("Strategic developments", "Disrupted weapons use") not in types


@pytest.mark.parametrize("text, place", [
    ("وقال الجيش الإسرائيلي إنه أسقط، السبت، طائرة بدون طيار فوق مدينة صفد، وفق ما ذكر مراسل "
     "\"سكاي نيوز\" في القدس.", "Safed"),
    # "مراسلنا" (our correspondent) is one word; the clashes are at the airport of the sentence before
    ("سيطرت القوات المشتركة، السبت، على مطار الحديدة. وأفاد مراسلنا في اليمن، السبت، باشتداد الاشتباكات بين "
     "القوات المشتركة وميليشيات الحوثي في محيط المطار.", "Hodeidah International Airport"),
])
def test_a_correspondents_post_places_nothing(rules, text, place):
    (record,) = factual_attrs(rules(text))
    assert places_of([record]) == [place]


def test_a_country_level_restatement_of_a_strike_at_a_town_goes(rules):
    """The coalition's raids "في اليمن" the same day are those on Kitaf, told again: one record."""
    text = ("شنت مقاتلات التحالف العربي، السبت، غارات على مواقع الحوثيين في مديرية كتاف بمحافظة صعدة. "
            "وأكد التحالف أن غاراته في اليمن، السبت، دمرت مخازن أسلحة للحوثيين.")
    records = factual_attrs(rules(text))
    assert types_of(records) == [("Explosions/Remote violence", "Air/drone strike")]
    assert places_of(records) == ["Kitaf wa Al Boqe'e"]


def test_a_country_level_strike_by_another_side_stays(rules):
    """Israel's raids in Syria are no restatement of the regime's raids on a Syrian town."""
    text = ("وشنت طائرات النظام السوري، السبت، غارات على بلدة بصرى الشام. "
            "وشنت إسرائيل، السبت، غارات جوية على مواقع إيرانية في سوريا.")
    records = factual_attrs(rules(text))
    assert sorted(places_of(records)) == ["Busra al-Sham", "Damascus"]


def test_an_agreements_purpose_is_no_battle(rules):
    text = ("وقالت مصادر كردية، السبت، إنها توصلت إلى اتفاق مع دمشق لدخول القوات السورية منطقة عفرين "
            "للمساعدة في صد الهجوم التركي.")
    records = factual_attrs(rules(text))
    assert types_of(records) == [("Strategic developments", "Agreement")]


@pytest.mark.parametrize("text", [
    "وأعلن الجيش السوري، السبت، سيطرته بالكامل على مدينة حرستا بعد إجلاء آخر مقاتلي المعارضة منها.",
    "وسيطر الجيش السوري، السبت، على مدينة حرستا بعد خروج آخر المقاتلين المعارضين منها.",
])
def test_ground_handed_over_after_an_evacuation_is_no_battle(rules, text):
    records = factual_attrs(rules(text))
    assert types_of(records) == [("Strategic developments", "Non-violent transfer of territory")]


def test_a_running_tally_does_not_make_the_event_before_it_history(rules):
    """"منذ بدء التصعيد" dates the tally of 105, not the five killed on Saturday."""
    text = ("وقتل خمسة مدنيين على الأقل، السبت، في مدينة درعا جراء القصف ليرتفع عدد القتلى المدنيين منذ بدء "
            "التصعيد إلى 105 مدنيين.")
    (record,) = factual_attrs(rules(text))
    assert record["event_type"] == "Explosions/Remote violence"
    assert record["fatalities"] == 5


def test_two_villages_named_in_two_sentences_are_two_locations(rules):
    """Da'el and al-Ghariyah al-Sharqiyah, 14 km apart, joined the reconciliation: two records (ACLED's
    atomic rule), where places under 15 km apart used to merge as one."""
    text = ("ووافقت بلدة داعل، السبت، على اتفاق المصالحة مع الحكومة. "
            "كما وافقت بلدة الغارية الشرقية، السبت، على اتفاق المصالحة مع الحكومة.")
    records = factual_attrs(rules(text))
    assert types_of(records) == [("Strategic developments", "Agreement")] * 2
    assert places_of(records) == ["Da'el", "Al-Ghariyah al-Sharqiyah"]


@pytest.mark.parametrize("text, place", [
    ("سيطرت قوات النظام، السبت، على بلدة بصر الحرير في ريف درعا الشرقي.", "Buser al-Harir"),  # not Basir
    ("وافقت بلدة إبطع، السبت، على اتفاق المصالحة.", "Ibta"),
    ("سيطرت قوات النظام، السبت، على بلدة الكرك الشرقي في ريف درعا.", "Al-Karak al-Sharqi"),  # not Karak, Jordan
])
def test_villages_of_the_southern_offensive_are_in_the_gazetteer(rules, text, place):
    (record,) = factual_attrs(rules(text))
    assert places_of([record]) == [place]
    assert record["country"] == "SY"


def test_air_support_of_a_ground_battle_is_a_strike_of_its_own(rules):
    """ACLED codes a battle and the coalition's strikes in support of it as two records."""
    text = ("حررت قوات الجيش اليمني مسنودة بطيران التحالف العربي، السبت، مواقع جديدة في مديرية الملاجم "
            "بمحافظة البيضاء.")
    records = factual_attrs(rules(text))
    assert sorted(types_of(records)) == [
        ("Battles", "Government regains territory"), ("Explosions/Remote violence", "Air/drone strike")]
    assert set(places_of(records)) == {"Al Malajim"}


@pytest.mark.parametrize("text", [
    "ووصلت القوات المشتركة، السبت، إلى أطراف مدينة الدريهمي بإسناد من طائرات التحالف.",
    "وتمكن الجيش اليمني، السبت، بإسناد من طائرات التحالف العربي، من تدمير 3 مركبات للميليشيات في مديرية الدريهمي.",
])
def test_air_support_of_forces_that_reached_or_destroyed_is_a_strike(rules, text):
    assert ("Explosions/Remote violence", "Air/drone strike") in types_of(factual_attrs(rules(text)))


def test_air_support_with_no_battle_told_is_no_strike(rules):
    text = "وتحظى قوات الجيش اليمني في محافظة البيضاء بإسناد من طيران التحالف العربي."
    assert ("Explosions/Remote violence", "Air/drone strike") not in types_of(factual_attrs(rules(text)))


@pytest.mark.parametrize("text", [
    "وأكدت القيادة العامة للجيش السوري أن منظومات الدفاع الجوي تمكنت، فجر السبت، من التصدي وتدمير قسم كبير من "
    "الصواريخ الإسرائيلية التي استهدفت مواقع في ريف دمشق.",
    "وقالت وكالة الأنباء السورية إن الدفاعات الجوية السورية دمرت، السبت، صاروخين استهدفا منطقة الكسوة في ريف دمشق.",
    "وذكر التلفزيون السوري أن الدفاعات الجوية السورية أسقطت، السبت، صواريخا استهدفت مطار الشعيرات العسكري.",
    # the accusative "صواريخا" is missiles too
    "وذكر التلفزيون السوري أن القوات السورية أسقطت، السبت، صواريخا استهدفت مطار الشعيرات العسكري.",
])
def test_air_defences_that_countered_or_destroyed_missiles_disrupted_them(rules, text):
    types = types_of(factual_attrs(rules(text)))
    assert ("Strategic developments", "Disrupted weapons use") in types
    assert not any(event_type == "Explosions/Remote violence" for event_type, _ in types)


def test_destroying_an_air_defence_system_is_an_air_strike(rules):
    text = "وأعلن تحالف دعم الشرعية، السبت، تدمير منظومة دفاع جوي تابعة لميليشيات الحوثي في العاصمة صنعاء."
    records = factual_attrs(rules(text))
    assert types_of(records) == [("Explosions/Remote violence", "Air/drone strike")]
    assert places_of(records) == ["Sanaa"]


def test_ground_taken_over_kilometres_sums_up_an_advance(rules):
    text = "وحررت قوات المقاومة أكثر من 90 كيلو مترا من مديرية الخوخة، السبت."
    assert ("Battles", "Government regains territory") not in types_of(factual_attrs(rules(text)))


def test_a_missile_shot_down_over_a_country_was_flying_at_the_town_named_next(rules):
    text = ("واعترضت قوات الدفاع الجوي السعودي، السبت، صاروخا باليستيا أطلقه الحوثيون من الأراضي اليمنية باتجاه "
            "أراضي المملكة. وأفاد المتحدث أن الصاروخ كان يستهدف مدينة نجران.")
    records = factual_attrs(rules(text))
    assert types_of(records) == [("Strategic developments", "Disrupted weapons use")]
    assert places_of(records) == ["Najran"]


def test_the_towns_listed_after_an_event_are_its_records(rules):
    """"ومن أبرز تلك البلدات داعل وإبطع والغارية الشرقية": the agreement of the sentence before, at each town
    (Da'el and Ibta, 4 km apart, are two villages)."""
    text = ("وقال المرصد إن ثماني بلدات على الأقل في ريف درعا وافقت، السبت، على اتفاقات مصالحة. "
            "ومن أبرز تلك البلدات داعل وإبطع والغارية الشرقية.")
    records = factual_attrs(rules(text))
    assert types_of(records) == [("Strategic developments", "Agreement")] * 3
    assert places_of(records) == ["Da'el", "Ibta", "Al-Ghariyah al-Sharqiyah"]


def test_what_protesters_condemned_is_no_event(rules):
    text = ("ورفع المحتجون، السبت، في مدينة مأرب لافتات تحمل صور الصحافيين، مستنكرين ما تقوم به الميليشيات من "
            "استهداف متعمد للصحافيين.")
    types = types_of(factual_attrs(rules(text)))
    assert ("Violence against civilians", "Attack") not in types


@pytest.mark.parametrize("text, typed", [
    # an area cleared of fighters is ground taken, by the state force, from the group it was cleared of
    ("وأضاف أن قوات الجيش اليمني قامت، السبت، بتطهير مديرية التحيتا من جيوب الحوثي.",
     ("Battles", "Government regains territory")),
    # an area cleared of mines is a disrupted weapons use
    ("وقامت الفرق الهندسية التابعة للجيش، السبت، بتطهير مديرية التحيتا من الألغام التي زرعها الحوثيون.",
     ("Strategic developments", "Disrupted weapons use")),
])
def test_clearing_an_area_of_fighters_or_of_mines(rules, text, typed):
    records = factual_attrs(rules(text))
    assert types_of(records) == [typed]
    assert places_of(records) == ["At Tuhayta"]


def test_fighting_that_stopped_is_no_event(rules):
    assert factual_attrs(rules("وتوقفت المعارك، السبت، في مديرية الدريهمي جنوب الحديدة.")) == []


def test_a_name_forming_head_alone_is_no_place(rules):
    """"منطقة دير العشائر", a village the gazetteer lacks, is not Bandar-e Deyr, which the gazetteer also
    names "دير", though Iran is named beside it."""
    doc = rules("وقال المرصد إن الغارات استهدفت مواقع لقوات إيرانية في منطقة دير العشائر، وإن إيران لم تعلق على الغارات.")
    assert [p.attrs.get("name") for p in doc.get("places")] == ["Iran"]


def test_a_way_between_two_places_is_no_chain(rules):
    """"من صنعاء إلى الحديدة": al-Hudaydah, the last place named, is the city whose outskirts the next
    sentence tells of, not Sanaa as the head of a chain."""
    text = ("ولجأت الميليشيات، السبت، إلى اقتياد عشرات الأطفال من صنعاء إلى الحديدة للمشاركة في القتال. "
            "وتدور اشتباكات متقطعة، السبت، في أطراف المدينة.")
    records = factual_attrs(rules(text))
    assert types_of(records) == [("Battles", "Armed clash")]
    assert places_of(records) == ["Al Hudaydah"]


def test_what_operations_go_on_until_is_planned(rules):
    text = "وتواصل القوات التركية، السبت، عملياتها العسكرية في سوريا إلى أن يجري تطهير منبج من المسلحين."
    assert factual_attrs(rules(text)) == []


def test_ground_regained_recently_is_background(rules):
    assert factual_attrs(rules("واستعادت القوات الحكومية السورية مؤخرا بلدة بصرى الشام من فصائل المعارضة.")) == []
