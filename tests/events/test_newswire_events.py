"""The whole default pipeline (judge included) on general-newswire sentences, invented for these tests:
strikes, rallies and dispersals, fire opened with the gunmen between verb and object, ground taken after
"تمكنت ... من", future verbs and forward-looking cues that stop at "بعد", disasters."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.document import Document
from marsad.events.modality import is_factual
from marsad.pipeline import DEFAULT_STAGES, RULE_STAGES, Pipeline

PUBLISHED = dt.date(2018, 6, 20)


@pytest.fixture(scope="module")
def run():
    pipeline = Pipeline(list(DEFAULT_STAGES))
    return lambda text: pipeline(Document(text=text, published=PUBLISHED)).get("events")


@pytest.fixture(scope="module")
def rules():
    """The rules alone, for what the rules themselves must do: in a short text the judge may build a
    violent record the rules missed, doubt one they coded, or overrule a background reading."""
    pipeline = Pipeline(list(RULE_STAGES))
    return lambda text: pipeline(Document(text=text, published=PUBLISHED)).get("events")


def factual_types(events) -> set[tuple[str, str]]:
    return {(e.attrs["event_type"], e.attrs["sub_event_type"]) for e in events if is_factual(e.attrs["modality"])}


def factual_kinds(events) -> set[str]:
    """The event types of the factual records."""
    return {event_type for event_type, _ in factual_types(events)}


PROTESTS = [
    ("يواصل عشرات الأسرى الفلسطينيين إضرابهم عن الطعام في سجون الاحتلال لليوم العاشر.", "Peaceful protest"),
    ("دخل المعلمون في إضراب مفتوح عن العمل في محافظة عدن للمطالبة بصرف رواتبهم.", "Peaceful protest"),
    ("وفي موريتانيا الأطباء يضربون لتحسين الخدمات الصحية ورفع رواتبهم.", "Peaceful protest"),
    ("احتشد آلاف المواطنين في ساحة التحرير وسط بغداد رافعين شعارات تندد بالفساد.", "Peaceful protest"),
    ("خرج مئات السودانيين إلى شوارع الخرطوم، الأحد، للتنديد بغلاء الأسعار.", "Peaceful protest"),
    ("فرقت الشرطة الجزائرية مسيرة للطلاب في العاصمة باستخدام الهراوات.", "Protest with intervention"),
    ("وأطلقت القوات الإسرائيلية النار على متظاهرين فلسطينيين قرب السياج.", "Protest with intervention"),
]


@pytest.mark.parametrize("text, sub_type", PROTESTS)
def test_strikes_rallies_and_dispersed_marches_are_protests(run, text, sub_type):
    assert ("Protests", sub_type) in factual_types(run(text))


def test_state_forces_firing_on_protesters_is_no_riot(run):
    types = factual_types(run("وأطلقت القوات الإسرائيلية النار على متظاهرين فلسطينيين قرب السياج."))
    assert not any(event_type == "Riots" for event_type, _ in types)


def test_protesters_storming_and_burning_stay_a_riot(run):
    types = factual_types(run("هاجم متظاهرون غاضبون مقر المحافظة في البصرة وأضرموا النار فيه."))
    assert ("Riots", "Violent demonstration") in types


GROUND_TAKEN = [
    "كما تمكنت قوات الجيش اليمني من السيطرة على جبل الأحمر الاستراتيجي في جبهة حمالة شرقي كرش.",
    "تمكنت قوات المقاومة الوطنية، الأحد، بإسناد من القوات الإماراتية، من تحرير ميناء استراتيجي في الحديدة.",
    "ويأتي تقدم قوات الشرعية عقب السيطرة على جبل حمالة، وقطع خطوط إمداد المتمردين.",
]


@pytest.mark.parametrize("text", GROUND_TAKEN)
def test_ground_taken_after_managed_to_or_after_is_a_battle(run, text):
    assert "Battles" in factual_kinds(run(text))


def test_broken_attack_and_jets_destroying_positions(run):
    assert "Battles" in factual_kinds(run(
        "وذكرت مصادر عسكرية أن القوات الشرعية تمكنت من كسر هجوم للمتمردين على تبة قرب صرواح."))
    assert ("Explosions/Remote violence", "Air/drone strike") in factual_types(run(
        "دمرت مقاتلات التحالف العربي مواقع وآليات عسكرية للحوثيين في صعدة."))


NOT_HAPPENED = [
    # a future verb right before the event noun, bare or after a conjunction
    "ونقلت الصحيفة عن مصادر استخباراتية قولها إنه سيندلع انفجار حربي خلال عدة أشهر.",
    "وقال إن الجيش وسيشن هجوما على المسلحين في درعا.",
    # a call to strike, a march prevented, ground that is only an aim
    "ودعت النقابة إلى إضراب عام الأسبوع المقبل.",
    "ويهدف الهجوم إلى منع الحوثيين من السيطرة على الميناء.",
    # disasters
    "ارتفع عدد ضحايا تسونامي الذي ضرب إندونيسيا إلى 531 قتيلا.",
    "ولقي 346 شخصا على الأقل حتفهم في فيضانات إقليم هونان خلال الأسبوعين الماضيين.",
    # a toll since the start of an offensive is an aggregate, also when "since" follows it
    "وقتل 40 جنديا تركيا على الأقل منذ بدء الهجوم.",
    # the ceasefire's "fire on" is no shooting; negotiations make no advance on the ground
    "وأعلن الجانبان وقف إطلاق النار على جميع الجبهات.",
    "وأحرزت المفاوضات تقدما كبيرا في جنيف.",
]


@pytest.mark.parametrize("text", NOT_HAPPENED)
def test_future_calls_aims_disasters_and_aggregates_are_no_assault_or_protest(run, text):
    kinds = factual_kinds(run(text))
    assert not kinds & {"Battles", "Violence against civilians", "Protests", "Riots"}


def test_a_drone_is_no_march(run):
    kinds = factual_kinds(run("وأطلقت طائرة مسيرة صاروخا على موقع للمسلحين في البيضاء."))
    assert "Protests" not in kinds


def test_a_plan_does_not_reach_past_after(run):
    """"استعدادا" looks forward; the airport taken "after" it is news (the plan itself stays a plan)."""
    events = run("وقالت مصادر عسكرية إن قوات الجيش اليمني تستقدم تعزيزات استعدادا للتقدم نحو الحديدة "
                 "بعد سيطرتها على المطار.")
    battles = [e for e in events if e.attrs["event_type"] == "Battles"]
    assert battles and all(e.attrs["modality"] != "planned" for e in battles)


def test_the_threat_itself_stays_a_threat(run):
    events = run("وهدد الحوثيون بقصف الرياض بعد الغارات على صعدة.")
    threats = [e for e in events if e.attrs["modality"] == "threat"]
    assert threats


def test_a_courthouse_is_a_place_not_a_court_case(run):
    types = factual_types(run("وتقول الشرطة إن الانفجار وقع أمام مبنى محكمة مدينة كركوك."))
    assert ("Explosions/Remote violence", "Remote explosive/landmine/IED") in types


RALLIES_UNDATED = [
    # ANERcorp-style text: tokenised, and fed with no publication date
    "وفي أنقرة ، نظم حزب إسلامي التوجه تجمعا للغرض نفسه .",
    "وهتف المشاركون \" ليذهب طيب إلى العراق \" في إشارة إلى رئيس الحكومة .",
    "وتفجرت احتجاجات يومي السبت والاحد الماضيين عندما قررت الحكومة رفع أسعار البنزين .",
]


@pytest.mark.parametrize("text", RALLIES_UNDATED)
def test_rallies_chants_and_protests_of_the_last_days_in_an_undated_text(text):
    events = Pipeline(list(DEFAULT_STAGES))(Document(text=text)).get("events")
    assert "Protests" in factual_kinds(events)


NOT_HAPPENED_EITHER = [
    "حذر رئيس الأركان من أن إسرائيل ستفرق \" التظاهرات \" العنيفة لمؤيدي حزب الله.",
    "وقال إنه تلقى ضمانات بأن القصف الإسرائيلي لن يطال مراكز الأمم المتحدة.",
    "قتل الإمام علي في 21 من رمضان سنة 40 للهجرة في مسجد الكوفة.",
]


@pytest.mark.parametrize("text", NOT_HAPPENED_EITHER)
def test_quoted_future_promises_and_hijri_history_are_no_events(run, text):
    kinds = factual_kinds(run(text))
    assert not kinds & {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"}


def test_strikes_on_a_country_named_as_an_actor_are_coded_to_its_capital(run):
    """Every country mention is also a government actor; with no other place it is still the location."""
    events = run("نشر الجيش الإسرائيلي مقطع فيديو يظهر تدمير بطارية للدفاع الجوي السوري خلال الضربات التي "
                 "استهدفت سوريا ليل الأربعاء.")
    strikes = [e for e in events if e.attrs["event_type"] == "Explosions/Remote violence"]
    assert strikes
    place = strikes[0].attrs["location"]
    assert (place.attrs["name"], place.attrs["geo_precision"], place.text) == ("Damascus", 3, "سوريا")


def test_recalling_an_ambassador_in_protest_is_diplomacy(run):
    text = "وقفزت شعبية شافيز في العالم العربي بعد أن استدعى سفير بلاده من إسرائيل في وقت سابق من هذا الشهر احتجاجا على الحرب."
    assert "Protests" not in factual_kinds(run(text))
    # nor does a diplomatic protest make an attack it names a protest met with force
    assert "Protests" not in factual_kinds(run("وأبلغه احتجاج لبنان على الاعتداء الإسرائيلي على الجنوب."))


def test_to_stop_the_fighting_is_an_aim_but_protesters_standing_protest(run):
    assert "Battles" not in factual_kinds(run("وتهدف الوساطة إلى الوصول إلى اتفاق لوقف المعارك في درعا."))
    assert "Protests" in factual_kinds(run(
        "وقف المتظاهرون أمام مبنى البرلمان في عمان رافعين لافتات تندد بالغلاء."))


def test_a_generic_army_or_police_takes_the_dictionary_name_of_its_country(run):
    """"الجيش" in a Yemen story is the dictionary's "Military Forces of Yemen (2012-)", as a named army is,
    not a second, period-less "Military Forces of Yemen"."""
    army = run("وقصف الجيش بالمدفعية مواقع للحوثيين في مديرية حرض بمحافظة حجة.")
    police = run("واشتبكت الشرطة مع مسلحين في حي العامل غربي بغداد.")
    assert "Military Forces of Yemen (2012-)" in {e.attrs["actor1"] for e in army}
    assert "Police Forces of Iraq (2014-2018)" in {e.attrs["actor1"] for e in police}


def test_their_positions_are_the_last_named_armed_actors(run):
    events = run("وتقدمت قوات الجيش اليمني نحو مواقع ميليشيات الحوثي في حرض. واستهدف طيران التحالف العربي "
                 "تجمعات لهم في الشريط الحدودي قبالة جازان.")
    strikes = [e for e in events if e.attrs["event_type"] == "Explosions/Remote violence"]
    assert strikes and strikes[0].attrs["actor2"] == "Houthis / Ansar Allah"


def test_violence_breaking_out_and_taking_to_the_streets(run):
    assert ("Riots", "Violent demonstration") in factual_types(run(
        "اندلعت ليل الثلاثاء أعمال عنف في أحياء عدة من مدينة نانت غربي فرنسا."))
    assert "Protests" in factual_kinds(run(
        "خرج الآلاف إلى الشوارع في الخرطوم مطالبين برحيل الحكومة."))
    assert not factual_types(run("خرج الآلاف إلى الشوارع احتفالا بفوز المنتخب."))
    assert not factual_types(run("وأدان الوزير أعمال العنف في سوريا."))


CIVILIAN_VICTIMS = [
    ("وهاجم المسلحون الحوثيون الأحياء السكنية قرب المطار بعدما شددت القوات المشتركة الحصار عليهم.",
     "Violence against civilians"),
    ("قتل طفل في الثانية عشرة يوم السبت بعد أن أطلق مسلحون موالون للنظام الرصاص على قافلة تقل مقاتلين "
     "من المعارضة وعائلاتهم.", "Violence against civilians"),
    # soldiers as the victims stay a clash
    ("وقتل ثلاثة جنود من الجيش اليمني في هجوم لميليشيات الحوثي على موقعهم في صرواح.", "Battles"),
]


@pytest.mark.parametrize("text, event_type", CIVILIAN_VICTIMS)
def test_civilians_named_as_victims_make_an_attack_on_civilians_whoever_else_is_named(run, text, event_type):
    assert event_type in factual_kinds(run(text))


SEIZURES = [
    "كما عثرت قوات الجيش على مخزن أسلحة فيه صواريخ مضادة للدروع وقذائف هاون.",
    "وذكر البيان أن سلاح المهندسين أبطل مفعول 27 عبوة ناسفة زرعت لاستهداف القوات.",
]
DEPLOYMENTS = [
    "وذكرت مصادر إعلامية روسية أن الشرطة العسكرية الروسية انتشرت في دوما.",
    "وفي دمشق، أعلن الجيش السوري حالة استنفار لمدة 72 ساعة في كل القطاعات العسكرية.",
]


@pytest.mark.parametrize("text", SEIZURES)
def test_weapons_found_and_bombs_defused(run, text):
    assert ("Strategic developments", "Disrupted weapons use") in factual_types(run(text))


@pytest.mark.parametrize("text", DEPLOYMENTS)
def test_forces_deployed_and_alerts_are_typed_but_routine(run, text):
    """Typed as ACLED types them, kept with modality `routine`: the article golds never code them."""
    moves = [e.attrs for e in run(text) if e.attrs["sub_event_type"] == "Change to group/activity"]
    assert moves and all(m["modality"] == "routine" for m in moves)


def test_an_issued_statement_and_spreading_rumours_are_no_seizure_or_deployment(run):
    assert not factual_types(run("وأشار بيان صادر عن الاتحاد الأوروبي إلى أن الأسلحة الكيماوية محظورة."))
    assert not factual_types(run("وانتشرت الشائعات في صنعاء حول صحة الرئيس."))


SHOOTINGS_BODIES_AND_SERIES = [
    "وفي شرق مدينة غزة أصيب خمسة فلسطينيين بنيران الجيش الإسرائيلي عندما توغلت قوة في المنطقة.",
    "من جهة أخرى عثر على عشرين جثة مجهولة الهوية في أماكن متفرقة من بغداد.",
    "شهد العراق أمس الأحد يوما داميا سقط فيه نحو 70 قتيلا جراء سلسلة تفجيرات هزت العاصمة بغداد.",
]


@pytest.mark.parametrize("text", SHOOTINGS_BODIES_AND_SERIES)
def test_wounded_by_fire_bodies_found_and_a_dated_series_of_bombings_are_assaults(run, text):
    assert factual_kinds(run(text)) & {
        "Battles", "Explosions/Remote violence", "Violence against civilians"}


def test_an_undated_series_is_still_an_aggregate(run):
    events = run("ومنذ أشهر تتعرض المدينة لسلسلة تفجيرات أودت بحياة المئات.")
    assert not factual_kinds(events) & {"Explosions/Remote violence", "Violence against civilians"}


def test_a_fair_or_cultural_event_is_no_demonstration(run):
    """North African Arabic calls a fair or a festival a "تظاهرة"."""
    assert not factual_types(run("ونظمت الوزارة تظاهرة ثقافية في الرباط."))
    assert not factual_types(run("وتشكل هذه التظاهرة الاقتصادية التي تقام في الدار البيضاء فرصة للتجار."))
    assert "Protests" in factual_kinds(run("وشارك آلاف الطلاب في المظاهرة في الرباط."))


# a post's hashtags name its topic; the same words in its sentence report the event
HASHTAGS = [
    ("قلوبنا مع أهلنا في المدينة #انفجار_الميناء #تفجير_السوق", set()),
    ("وقع انفجار عنيف قرب سوق الخضار في المدينة صباح اليوم #عاجل",
     {("Explosions/Remote violence", "Remote explosive/landmine/IED")}),
]


@pytest.mark.parametrize("text, expected", HASHTAGS)
def test_a_trigger_word_in_a_hashtag_is_a_topic_not_a_report(run, text, expected):
    assert factual_types(run(text)) == expected


EXCHANGES = [
    ("وتوغلت قوات الاحتلال في أطراف البلدة وسط تبادل كثيف لإطلاق النار مع المقاومين أمس.",
     ("Battles", "Armed clash")),
    ("وقالت الشرطة إن عناصرها تبادلوا إطلاق النار مع مسلحين قرب الحدود أمس.", ("Battles", "Armed clash")),
    ("وتبادل الجيشان القصف المدفعي على طول الحدود أمس.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
]


@pytest.mark.parametrize("text, expected", EXCHANGES)
def test_exchanges_of_fire_and_shelling_in_their_verb_and_adjective_forms(run, text, expected):
    assert expected in factual_types(run(text))


# scheduled, intended and called-for protests have not happened yet
NOT_YET = [
    "ومن المقرر أن تنظم النقابات مظاهرات حاشدة في بغداد يوم الجمعة.",
    "وأعلن الحزب عزمه تنظيم اعتصام مفتوح أمام البرلمان.",
    "وانتشرت دعوات إلى التظاهر في ساحة التحرير يوم السبت.",
    "ويستعد المعلمون في محافظة البصرة لتنفيذ المرحلة الأولى من اعتصام مفتوح.",
]


@pytest.mark.parametrize("text", NOT_YET)
def test_scheduled_intended_and_called_for_protests_are_planned(run, text):
    events = run(text)
    assert events and not factual_types(events)
    assert {e.attrs["modality"] for e in events} == {"planned"}


# a speaker's solidarity with protesters, and a committee that coordinates protests, report no protest
NO_PROTEST = [
    "وعبر رئيس البرلمان في بيان عن تضامنه مع المحتجين في البصرة.",
    "وقالت لجان تنسيق التظاهرات في بغداد إن مطالبها واضحة.",
]


@pytest.mark.parametrize("text", NO_PROTEST)
def test_solidarity_and_coordinating_committees_are_no_protest(run, text):
    assert not factual_types(run(text))


# fire opened on, or a sniper's bullet at, people who are no armed side: an attack on civilians
SHOT_AT = [
    "وقال شهود إن مسلحين فتحوا النار على المصلين في مسجد بالموصل أمس.",
    "وتعرضت حافلة تقل مدنيين لإطلاق نار قرب المدينة أمس.",
    "وأصابت رصاصة قناص حوثي امرأة في حي الروضة بتعز أمس.",
]


@pytest.mark.parametrize("text", SHOT_AT)
def test_fire_opened_on_civilians_is_an_attack_on_them(run, text):
    assert ("Violence against civilians", "Attack") in factual_types(run(text))


TOLD_IN_OTHER_WORDS = [
    # clearing, driving out, gaining ground, advancing towards (VSO, the subject between)
    ("وقال مصدر عسكري إن قوات الجيش طهرت عددا من الأحياء في جنوب المدينة من عناصر التنظيم.", "Battles"),
    ("ونجحت قوات المقاومة في دحر مسلحي الحوثي عن المدينة.", "Battles"),
    ("وأحرز الجيش اليمني تقدما ميدانيا في مديرية كتاف بمحافظة صعدة.", "Battles"),
    ("وتقدمت القوات الحكومية باتجاه بلدة الوهبية شرق المدينة يوم الثلاثاء.", "Battles"),
    # a suicide bomber with the subject between verb and reflexive; missiles falling; a ramming
    ("وفجرت امرأة نفسها في كنيسة بمدينة سورابايا صباح الأحد.", "Explosions/Remote violence"),
    ("وأصيب قيادي في الحزب نتيجة سقوط صواريخ عدة على المركز مساء الأحد.", "Explosions/Remote violence"),
    ("وأقدمت مركبة عسكرية للميليشيات على دهس ثلاث نساء وسط مدينة ذمار.", "Violence against civilians"),
    ("وفتح مسلحون مجهولون النار على سيارة مدنية في ريف درعا مساء الأحد.", "Violence against civilians"),
    # missiles fired after a number; gatherings told with other words
    ("وأطلقت الفصائل عشرين صاروخا على مواقع الجيش الخميس.", "Explosions/Remote violence"),
    ("وتجمع عشرات الصحفيين أمام مقر النقابة في عمان تضامنا مع زميلهم المعتقل.", "Protests"),
    ("واحتج مئات السكان على انقطاع المياه بإغلاق الطريق الرئيسي في مدينة البصرة.", "Protests"),
    ("وخرج أبناء الجزيرة في مسيرة جماهيرية حاشدة في سقطرى.", "Protests"),
    ("ورشق شبان فلسطينيون الجنود الإسرائيليين بالحجارة قرب مدخل بيت لحم.", "Riots"),
    ("واحتجوا أمام مبنى المحافظة في البصرة على انقطاع الكهرباء.", "Protests"),
]


@pytest.mark.parametrize("text, event_type", TOLD_IN_OTHER_WORDS)
def test_ground_taken_blasts_and_gatherings_told_in_other_words(rules, text, event_type):
    assert event_type in factual_kinds(rules(text))


NO_GROUND_TAKEN = [
    "وقال إن البلاد تعافت منذ دحر التنظيم قبل عامين.",
    "وتقدمت الحكومة بطلب رسمي إلى مجلس الأمن.",
    "ودهست سيارة مسرعة طفلا في أحد شوارع القاهرة.",
]


@pytest.mark.parametrize("text", NO_GROUND_TAKEN)
def test_a_past_defeat_a_request_and_a_road_accident_are_no_assault(rules, text):
    kinds = factual_kinds(rules(text))
    assert not kinds & {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def test_a_stop_to_missile_fire_and_a_test_launch_are_no_strike(rules):
    for text in ("وقال إن الجيش الذي أطلق حملته أمس نجح بوقف إطلاق الصواريخ على المدن الحدودية.",
                 "وأطلقت كوريا الشمالية صاروخا باليستيا في بحر اليابان."):
        assert "Explosions/Remote violence" not in factual_kinds(rules(text))


def test_strikes_on_chemical_sites_are_no_chemical_attack(rules):
    types = factual_types(rules("وأعلن ترامب شن بلاده ضربات استهدفت مواقع كيماوية في سوريا فجر السبت."))
    assert ("Explosions/Remote violence", "Air/drone strike") in types
    assert ("Explosions/Remote violence", "Chemical weapon") not in types


REACTIONS = [
    "ورحبت الخارجية التركية بالضربات الأمريكية على سوريا ووصفتها بأنها رد مناسب.",
    "وألقت الدول الغربية باللائمة على الجيش السوري في هجوم كيماوي على بلدة دوما أسفر عن مقتل العشرات.",
]


@pytest.mark.parametrize("text", REACTIONS)
def test_welcoming_and_blaming_are_reactions(rules, text):
    assert not factual_kinds(rules(text)) & {"Battles", "Explosions/Remote violence"}


def test_attacks_from_time_to_time_are_a_habit(rules):
    events = rules("وتشن القوات الإيرانية بين حين وآخر هجمات على القرى الحدودية في إقليم كردستان العراق.")
    assert events and not factual_kinds(events)


def test_the_cradle_of_the_protests_is_a_description(rules):
    text = "وتسيطر الفصائل المعارضة على معظم محافظة درعا، مهد الاحتجاجات ضد الحكومة."
    assert "Protests" not in factual_kinds(rules(text))


RULES_NEWS = [
    # "التي كانت معقلا" describes the town, not the killing the main clause reports after it
    "وفي الموصل، التي كانت معقلا لتنظيم داعش، قتل سبعة أشخاص في هجوم مسلح.",
    # a death told as news in fighting that goes on
    "وقتل قائد ميداني حوثي، الأربعاء، في المواجهات الدائرة بين الجيش اليمني والحوثيين في الحديدة.",
]


@pytest.mark.parametrize("text", RULES_NEWS)
def test_a_relative_was_and_a_death_in_ongoing_fighting_are_news(rules, text):
    assert factual_kinds(rules(text)) & {"Battles", "Violence against civilians"}


def test_fighting_that_goes_on_with_no_death_stays_ongoing(rules):
    events = rules("وقال المتحدث إن المعارك لا تزال مستمرة في مديرية كتاف.")
    assert events and {e.attrs["modality"] for e in events} == {"ongoing"}


def test_an_accusation_counting_the_dead_reports_the_attack(rules):
    """Who did it is alleged; that it happened is not, when the sentence counts its dead."""
    counted = rules("واتهمت دمشق إسرائيل بقصف مطار التيفور العسكري وسط البلاد الاثنين، ما تسبب بمقتل سبعة عسكريين.")
    assert "Explosions/Remote violence" in factual_kinds(counted)
    named = rules("واتهم الوزير الحوثيين بقصف الأحياء السكنية في تعز.")
    assert not factual_types(named) and {e.attrs["modality"] for e in named} == {"statement"}
    threatened = rules("وهددت الدول الغربية الحكومة بالرد بعد اتهامها بقصف بلدة بالغاز ما أدى إلى مقتل العشرات.")
    assert "Explosions/Remote violence" not in factual_kinds(threatened)


def test_an_accusation_dating_the_attack_reports_it(rules):
    """The golds code an accused attack the text dates within the month (the twenty-seventh pass);
    an undated one stays a statement, and one dated long before is history."""
    dated = rules("واتهمت دمشق إسرائيل بقصف مطار التيفور العسكري في ريف حمص يوم الأحد.")
    assert {(e.attrs["event_type"], e.attrs["modality"], e.attrs["event_date"]) for e in dated} == {
        ("Explosions/Remote violence", "asserted", dt.date(2018, 6, 17))}
    undated = rules("واتهمت دمشق إسرائيل بقصف مطار التيفور العسكري في ريف حمص.")
    assert [e.attrs["modality"] for e in undated] == ["statement"]
    old = rules("واتهمت دمشق إسرائيل بقصف مطار التيفور العسكري في ريف حمص في الثامن من شباط/فبراير.")
    assert undated and not factual_kinds(old)


def test_air_raids_beside_an_interception_are_still_raids(rules):
    types = factual_types(rules("وجاءت الغارات بعد ساعات قليلة من اعتراض الدفاعات الجوية السعودية صاروخا باليستيا "
                                "أطلقه الحوثيون على جازان."))
    assert ("Explosions/Remote violence", "Air/drone strike") in types
    assert ("Strategic developments", "Disrupted weapons use") in types
    intercepted = factual_types(rules("واعترضت الدفاعات الجوية صاروخا باليستيا أطلقه الحوثيون باتجاه جازان."))
    assert intercepted == {("Strategic developments", "Disrupted weapons use")}


def test_a_count_of_places_subjected_to_shelling_is_a_tally(rules):
    assert ("Explosions/Remote violence", "Shelling/artillery/missile attack") in factual_types(rules(
        "وتعرضت الأحياء الشرقية لمدينة تعز لقصف المتمردين الحوثيين أمس."))
    tally = rules("وبحسب الأمم المتحدة، تعرض 28 مرفقا طبيا في المحافظة للقصف.")
    assert "Explosions/Remote violence" not in factual_kinds(tally)


def test_subjected_to_reaches_over_a_long_subject_but_not_past_exposure(rules):
    """"تعرض" finds its "ل" over a subject of up to twelve words; the nearest "التعرض" (exposure, a noun)
    stops it: symptoms "like those of exposure to toxic gas" are no gas attack."""
    assert ("Explosions/Remote violence", "Shelling/artillery/missile attack") in factual_types(rules(
        "وتعرضت الأحياء الغربية لمدينة تعز والقرى المجاورة لجبل صبر لقصف المتمردين الحوثيين أمس."))
    exposure = rules("وأشار مدير المستشفى إلى تعرض أشخاص في عفرين لعوارض تشبه تلك الناجمة عن التعرض لغازات سامة.")
    assert "Explosions/Remote violence" not in factual_kinds(exposure)


def test_security_forces_with_no_country_are_the_police_of_the_article(rules):
    """"عناصر الأمن" (roles.tsv) named as the dead of an attack by gunmen make it a clash with the country's police."""
    events = rules("وقتل أربعة من عناصر الأمن، الخميس، عندما هاجم مسلحون مجهولون نقطة تفتيش في مدينة العريش.")
    battles = [e for e in events if e.attrs["event_type"] == "Battles" and e.attrs["factual"]]
    assert battles
    sides = {battles[0].attrs["actor1"], battles[0].attrs["actor2"]}
    assert "Police Forces of Egypt (2014-)" in sides


@pytest.mark.parametrize("text", [
    "وسيطر الجيش السوري، الاثنين، على العاصمة ومحيطها بالكامل للمرة الأولى منذ عام 2012.",
    "وردت إسرائيل بشن أعنف غاراتها الجوية على سوريا منذ بدء الحرب عام 2011.",
    "وكانت إدلب تعرضت، الجمعة، لأكثر الغارات دموية منذ بداية العام.",
])
def test_the_point_a_superlative_compares_with_is_no_date_of_the_event(rules, text):
    """"منذ" after a superlative or "first" names what the event is compared with, not when it was."""
    assert factual_kinds(rules(text)) & {"Battles", "Explosions/Remote violence"}


@pytest.mark.parametrize("text", [
    "وقتل أكثر من 40 شخصا منذ عام 2015 في هجمات مماثلة.",  # "أكثر من" counts, it does not compare
    "وشنت الطائرات غارات على الغوطة منذ عام 2013.",
])
def test_a_since_with_no_superlative_still_makes_background(rules, text):
    assert not factual_kinds(rules(text)) & {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@pytest.mark.parametrize("text", [
    "وتقصف قوات النظام منذ الأول من حزيران/يونيو بلدات ريف درعا الشرقي.",
    "وتشن الطائرات الروسية غارات على مواقع المعارضة في إدلب منذ أسابيع.",
])
def test_an_offensive_waged_since_weeks_is_a_campaign(rules, text):
    """A span "since" a date weeks back, in the event's own phrase, makes a campaign, not one event."""
    events = rules(text)
    assert events and not factual_kinds(events) & {"Battles", "Explosions/Remote violence"}
    assert "campaign" in {e.attrs["modality_reason"] for e in events}


@pytest.mark.parametrize("text", [
    "وتتواصل الاشتباكات بين الجيش والحوثيين منذ ثلاثة أيام في مديرية حيس.",  # a few days: one event
    # the span describes the town, in a relative clause
    "وقتل الجيش الليبي زعيم تنظيم القاعدة في درنة الأحد، خلال اشتباكات في المدينة التي تشهد معارك منذ أسابيع.",
    # the span belongs to the war, far after the clashes
    "اشتدت حدة الاشتباكات بين طالبان والقوات الأفغانية لليوم الثالث على التوالي في غزنة بالتزامن مع تزايد الضغوط "
    "للبدء بمفاوضات سلام تنهي الحرب الدائرة هناك منذ 17 عاما.",
])
def test_a_short_span_or_one_that_describes_something_else_leaves_the_event(rules, text):
    assert factual_kinds(rules(text)) & {"Battles"}


def test_a_disaster_toll_takes_the_other_death_words_of_its_sentence(rules):
    """The dead of floods counted twice in a sentence are still the flood's; a sentence that also names
    an attack keeps the attack."""
    floods = rules("ولقي 346 شخصا على الأقل حتفهم في فيضانات إقليم هونان خلال الأسبوعين الماضيين من بين 612 قتيلا "
                   "في مختلف أنحاء البلاد.")
    assert not factual_kinds(floods)
    attack = rules("وقتل ثلاثة جنود في هجوم مسلح على حاجز للجيش في المدينة، فيما غرق طفلان في النهر.")
    assert factual_kinds(attack) & {"Battles", "Violence against civilians"}


def test_dying_of_wounds_is_a_death(rules):
    events = rules("وتوفي شرطي متأثرا بجراحه التي أصيب بها أمس في مدينة العريش شمال سيناء.")
    assert factual_kinds(events) & {"Battles", "Violence against civilians"}
    assert "متأثرا بجراح" in {e.attrs["trigger"]["text"] for e in events}


def test_crowds_going_out_in_solidarity_protest(rules):
    assert "Protests" in factual_kinds(rules("وخرج الآلاف في شوارع الرباط أمس للتضامن مع الشعب الفلسطيني."))
    assert "Protests" not in factual_kinds(rules("وأعرب الوزير عن تضامن بلاده الكامل ودعا إلى التضامن مع لبنان."))


def test_a_toll_since_the_start_of_an_offensive_is_a_running_toll_even_far_after_it(rules):
    # "منذ بدء" eighteen words before the shelling it sums up
    events = rules("وأكد المرصد أنه منذ بدء قوات النظام حملتها العسكرية على ريف درعا الشرقي، قتل أكثر من 120 مدنيا "
                   "جراء القصف.")
    assert not factual_kinds(events) & {"Explosions/Remote violence", "Violence against civilians"}


CAPITALS_AS_STATES = [
    # the capital is the subject of a state verb: the state acting, not where the event was
    ("قتل خمسة عناصر في الغارات التي شنتها تل أبيب على مواقع إيرانية في سوريا.", "Tel Aviv"),
    ("قتل ثلاثة جنود سعوديين في معارك مع الحوثيين، وقالت الرياض إنها ستواصل عملياتها.", "Riyadh"),
    # opening its clause before the verb, a particle between
    ("قتل جنديان في قصف على مواقع عسكرية في سوريا، لكن طهران لم تعلن عن خسائر.", "Tehran"),
]


@pytest.mark.parametrize("text, capital", CAPITALS_AS_STATES)
def test_a_capital_acting_as_its_state_is_no_location_of_the_event(rules, text, capital):
    located = [e for e in rules(text) if is_factual(e.attrs["modality"])]
    assert located
    assert all(e.attrs["location"] is None or e.attrs["location"].attrs["name"] != capital for e in located)


def test_a_capital_after_a_preposition_stays_the_location(rules):
    events = [e for e in rules("قتل خمسة أشخاص في انفجار هز وسط طهران، وقالت طهران إنها ستحقق.")
              if is_factual(e.attrs["modality"])]
    assert [e.attrs["location"].attrs["name"] for e in events] == ["Tehran"]


def test_a_states_protest_is_diplomacy_not_a_demonstration(rules):
    for text in ("والتقى الرئيس المبعوث الأممي وأبلغه احتجاج لبنان على الخروقات الإسرائيلية المتكررة.",
                 "وقدمت الخارجية المصرية احتجاجا رسميا على تصريحات الوزير.",
                 "واستدعت وزارة الخارجية السفير الإيراني احتجاجا على تدخل طهران في شؤونها."):
        assert "Protests" not in factual_kinds(rules(text)), text
    assert "Protests" in factual_kinds(rules("وتظاهر المئات في بيروت احتجاجا على الخروقات الإسرائيلية."))


def test_an_undated_text_whose_background_event_happened_yesterday_reports_it():
    """A sentence fed with no publication date cannot resolve "فجر أمس", but the words still make the
    pluperfect strike recent news, as a resolved date would; without them it stays background."""
    pipeline = Pipeline(list(RULE_STAGES))

    def modalities(text):
        events = pipeline(Document(text=text)).get("events")
        return {e.attrs["modality"] for e in events if e.attrs["event_type"] == "Explosions/Remote violence"}
    assert modalities("وكانت طائرات حربية قد قصفت فجر أمس منزلا في بلدة بيت حانون شمال قطاع غزة.") == {"asserted"}
    assert modalities("وكانت طائرات حربية قد قصفت منزلا في بلدة بيت حانون شمال قطاع غزة.") == {"historical"}


def test_a_turnout_makes_a_lone_protest_word_a_demonstration(rules):
    for text in ("وشارك الآلاف في المسيرة التي جابت شوارع المدينة.", "وشارك في الاعتصام نواب ونقابيون."):
        assert "Protests" in factual_kinds(rules(text)), text
    assert "Protests" not in factual_kinds(rules("وكتب الصحفي مقالا طويلا عن المسيرة."))


def test_ground_taken_without_a_fight_is_a_non_violent_transfer(rules):
    assert factual_types(rules(
        "سيطر مسلحون موالون للحكومة على بلدة بلدوين بعد انسحاب مقاتلي الشباب منها دون قتال.")) == {
        ("Strategic developments", "Non-violent transfer of territory")}
    # "without clashes" is no clash
    assert not factual_types(rules("ودخلت القوات الحكومية المدينة دون مواجهات بعد انسحاب المسلحين منها."))
    assert ("Battles", "Government regains territory") in factual_types(rules(
        "سيطرت القوات الحكومية على البلدة بعد معارك عنيفة مع المسلحين."))


def test_strikes_and_sit_ins_of_a_trade_or_at_a_venue_are_demonstrations(rules):
    for text in ("أضرب عمال الموانئ عن العمل للمطالبة بزيادة الأجور.",
                 "ونفذ المعلمون اعتصاما أمام وزارة التربية.",
                 "وتجمع المحتجون في ساحة الشهداء للمطالبة بإسقاط الحكومة."):
        assert "Protests" in factual_kinds(rules(text)), text


def test_prices_exploding_are_no_explosion(rules):
    assert not factual_types(rules("وانفجرت أسعار النفط في الأسواق العالمية بعد قرار أوبك."))
    assert "Explosions/Remote violence" in factual_kinds(rules("وانفجرت سيارة مفخخة في سوق شعبي ببغداد."))


def test_a_crowd_marching_against_something_is_a_demonstration(rules):
    assert "Protests" in factual_kinds(rules("وسار عشرات الآلاف في شوارع مدريد ضد الحرب على العراق."))
    assert not factual_types(rules("وسارت المفاوضات ببطء بين الطرفين."))


def test_protesters_preparing_a_sit_in_are_planning_it(rules):
    """A crowd named by the trigger lifts a statement cue ("طالب المتظاهرون": the crowd speaks while
    protesting) but not a verb of intending or preparing."""
    planned = rules("ويستعد متظاهرون في المحافظة لتنفيذ اعتصام مفتوح أمام مقر الشركة النفطية.")
    assert "Protests" not in factual_kinds(planned)
    assert "planned" in {e.attrs["modality"] for e in planned}
    assert "Protests" in factual_kinds(rules("وطالب المتظاهرون في ساحة التحرير بإقالة المحافظ."))


def test_the_taliban_are_a_name_not_the_verb_demanded(rules):
    """"طالبان" had matched the statement cue "طالب*" (demanded), so every event named after it was
    a statement."""
    assert "Battles" in factual_kinds(rules("وتبادل الجيش ومسلحو طالبان إطلاق النار لساعات في ولاية قندهار."))
    assert "Battles" in factual_kinds(rules(
        "وقال مسؤولون إن مسلحي طالبان سيطروا على مقر عسكري في شمال أفغانستان بعد معارك عنيفة."))
    assert "Protests" not in factual_kinds(rules("وطالب النواب بإجراء تحقيق في الاحتجاجات."))


def test_an_assassination_attempt_someone_survived_took_place(rules):
    assert ("Violence against civilians", "Attack") in factual_types(rules(
        "ونجا وزير الداخلية من محاولة اغتيال في العاصمة."))
    # the survivor is what makes it concrete: an attempt named as a topic stays no event
    assert not factual_types(rules("وتحدث الكاتب عن محاولة اغتيال في روايته الجديدة."))


def test_tension_rising_after_a_protesters_death_is_no_trend_that_hides_it(rules):
    # "تصاعد" marks a trend only right before the event word ("تصاعد الهجمات"), not "تصاعد التوتر بعد مقتل"
    events = rules("وتصاعد التوتر إثر مقتل متظاهر الأحد برصاص أطلق لتفريق المظاهرة في مدينة البصرة.")
    assert ("Protests", "Excessive force against protesters") in factual_types(events)
    trend = rules("وتصاعد القصف على مدينة دوما خلال الأشهر الماضية.")
    assert not factual_kinds(trend)


@pytest.mark.parametrize("text", [
    "تظاهر العشرات احتجاجا على انقطاع الكهرباء.",
    "وأقامت أمهات المختطفين وقفة احتجاجية طالبن فيها بإطلاق سراح أبنائهن.",
    "واعتصم الطلاب احتجاجا على رفع الرسوم الدراسية.",
])
def test_a_lone_protest_word_with_its_crowd_happened(rules, text):
    assert "Protests" in factual_kinds(rules(text))


@pytest.mark.parametrize("text", [
    "وقاتل علي رضي الله عنه في المعارك كلها إلا تبوك.",
    "وانتهت أمس عمليات الحصر النهائي لضحايا الحادث، حيث تبين أن الكارثة أسفرت عن مصرع 56 شخصا.",
])
def test_early_islamic_history_and_a_disasters_toll_are_no_events(rules, text):
    assert not factual_kinds(rules(text)) & {"Battles", "Violence against civilians", "Explosions/Remote violence"}
