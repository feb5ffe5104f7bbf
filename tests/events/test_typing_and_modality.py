"""Detection, typing and modality on sentences written in the style of Arabic conflict news."""

from __future__ import annotations

import pytest
from event_helpers import factual

from marsad.events.lexicon import lexicon

# sentence, expected event type, expected sub-event type (factual events only)
EVENTS = [
    ("شنت طائرات التحالف العربي غارات على مواقع ميليشيات الحوثي في صعدة.",
     "Explosions/Remote violence", "Air/drone strike"),
    ("قصفت ميليشيات الحوثي بقذائف الهاون أحياء سكنية في مدينة حيس.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("انفجرت عبوة ناسفة بسيارة عسكرية في مدينة تعز.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("فجر انتحاري حزامه الناسف قرب حاجز أمني في البصرة.",
     "Explosions/Remote violence", "Suicide bomb"),
    ("قال ناشطون إن هجوما كيماويا استهدف بلدة سراقب وأسفر عن مقتل 5 أشخاص.",
     "Explosions/Remote violence", "Chemical weapon"),
    ("اندلعت اشتباكات عنيفة بين الجيش اليمني وميليشيات الحوثي في مديرية كتاف.",
     "Battles", "Armed clash"),
    ("سيطرت قوات الجيش اليمني على مركز مديرية كتاف بعد معارك مع ميليشيات الحوثي.",
     "Battles", "Government regains territory"),
    ("سيطر تنظيم داعش على قرى في ريف إدلب بعد اشتباكات مع هيئة تحرير الشام.",
     "Battles", "Non-state actor overtakes territory"),
    ("اغتال مسلحون مجهولون ناشطا مدنيا في مدينة معرة النعمان.",
     "Violence against civilians", "Attack"),
    ("اختطف مسلحون ثلاثة مدنيين من منازلهم في سراقب.",
     "Violence against civilians", "Abduction/forced disappearance"),
    ("تظاهر المئات في البصرة احتجاجا على انقطاع الكهرباء.",
     "Protests", "Peaceful protest"),
    ("استخدمت الشرطة العراقية الغاز المسيل للدموع لتفريق المتظاهرين في البصرة.",
     "Protests", "Protest with intervention"),
    ("قتل متظاهران برصاص الشرطة العراقية خلال احتجاجات في النجف.",
     "Protests", "Excessive force against protesters"),
    ("اعترضت قوات الدفاع الجوي صاروخا باليستيا أطلقه الحوثيون باتجاه مدينة صعدة.",
     "Strategic developments", "Disrupted weapons use"),
    ("اعتقلت الشرطة العراقية خمسة أشخاص في البصرة بعد الهجوم.",
     "Strategic developments", "Arrests"),
    ("نقل تنظيم داعش عشرات من عناصره إلى أطراف مدينة سراقب.",
     "Strategic developments", "Change to group/activity"),
    ("عثر على مقبرة جماعية تضم عشرات الجثث في مدينة معرة النعمان.",
     "Strategic developments", "Other"),
    ("وقال مسؤول في الحزب إن عبوتين ناسفتين رميتا على مقر الحزب في البصرة.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("وأعلن الجيش التركي أنه أرسل قوات خاصة إلى أطراف سراقب.",
     "Strategic developments", "Change to group/activity"),
    # "did not result in" and "did not stop" deny the harm or the end, not the event
    ("ولم يسفر القصف الذي طال مدينة حيس عن وقوع إصابات.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("ولم تتوقف أصوات الانفجارات والقصف المدفعي طوال الليل في مدينة دوما.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    # forces that keep advancing are in battle; "عدد من" (a number of) is a crowd for a lone protest verb
    ("كما واصلت قوات المقاومة تقدمها نحو مفرق البرح، لتقطع طرق إمداد المليشيات في مقبنة.",
     "Battles", "Armed clash"),
    ("وقال المتحدث إن قوات الجيش الوطني تواصل تقدمها في محافظة صعدة.", "Battles", "Armed clash"),
    ("وتظاهر عدد من سكان المدينة مطالبين بإعادتهم إلى منازلهم.", "Protests", "Peaceful protest"),
    ("ودفع الغلاء بالكثير من المواطنين إلى الخروج في مسيرات ومظاهرات تنديدية.", "Protests", "Peaceful protest"),
    # the police at a protest make the lone protest word a report
    ("وطوقت الشرطة مكان الاعتصام، لكن لم تسجل أي اشتباكات بين الجانبين.", "Protests", "Peaceful protest"),
    # "قد" before the perfect "تم" is "has been", not "may"
    ("وقد تم إسقاط الطائرة المسيرة التي أطلقها الحوثيون فوق جازان.",
     "Strategic developments", "Disrupted weapons use"),
]


@pytest.mark.parametrize("text, event_type, sub_type", EVENTS)
def test_event_type_and_sub_type(code, text, event_type, sub_type):
    events = factual(code(text))
    assert [(e.attrs["event_type"], e.attrs["sub_event_type"]) for e in events][:1] == [(event_type, sub_type)]


# non-events: a trigger alone is no event; the context says so
NON_EVENTS = [
    ("هدد الحوثيون بتفجير أنابيب النفط في الحديدة إذا استمر التقدم.", "threat"),
    ("توعد الجيش السوري بقصف مواقع المسلحين في إدلب.", "threat"),
    ("يعتزم التحالف العربي شن هجوم واسع على الحوثيين في الحديدة خلال الأيام المقبلة.", "planned"),
    ("ورجحت مصادر أن تشهد إدلب معارك عنيفة خلال الأيام المقبلة.", "possible"),
    ("نفى الجيش السوري قصف بلدة سراقب بالغاز السام.", "denied"),
    ("لم تسجل أي اشتباكات في مدينة تعز خلال الهدوء الحذر.", "negated"),
    ("ومنذ عام 2011 قتل أكثر من 350 ألف شخص في سوريا.", "historical"),
    ("أدانت الأمم المتحدة الغارات التي استهدفت المدنيين في صعدة.", "statement"),
    # the cue keeps its conjunction on ("ولم", "وفي حال", "وأي"): the tokenizer leaves short words whole
    ("وفي حال سيطرت القوات الحكومية على الميناء فإن الحوثيين سيخسرون آخر منافذهم.", "threat"),
    ("ولم تسجل أي اشتباكات في مدينة تعز خلال الهدوء الحذر.", "negated"),
    ("وأي ضربة جوية على الميناء ستزيد معاناة المدنيين.", "possible"),
    # a case followed up is no new report
    ("لا تزال قضية اغتيال الصحفي في مدينة تعز تثير غضب الرأي العام.", "statement"),
]


@pytest.mark.parametrize("text, modality", NON_EVENTS)
def test_non_events_are_not_factual(code, text, modality):
    doc = code(text)
    assert factual(doc) == []
    assert modality in {e.attrs["modality"] for e in doc.get("events")}


# triggers used figuratively or as names never become events
NOT_EVENTS_AT_ALL = [
    "عرض فيلم اغتيال الرئيس في دور السينما.",
    "الأزمة التي ضربت البلاد أثرت على الاقتصاد.",
    "وقعت هيئة تحرير الشام بيانا مشتركا مع فصائل أخرى.",
    "قال الوزير إن الاتفاق النووي مع إيران لم يعد قائما.",
]


def test_future_prefix_makes_an_event_planned(code):
    doc = code("وقال الجيش اليمني إنه سيقتحم مدينة الحديدة قريبا.")
    assert factual(doc) == []


def test_the_taxonomy_has_acled_types_and_priorities():
    taxonomy = lexicon().taxonomy
    assert len({t for t, _ in taxonomy}) == 6
    assert len(taxonomy) == 25
    air = taxonomy[("Explosions/Remote violence", "Air/drone strike")]
    shelling = taxonomy[("Explosions/Remote violence", "Shelling/artillery/missile attack")]
    assert air.rank < shelling.rank
    assert taxonomy[("Strategic developments", "Change to group/activity")].plover == "MOBILIZE"


def test_air_strike_wins_over_shelling_in_one_record(code):
    doc = code("كثفت طائرات التحالف العربي غاراتها وقصفها المدفعي على مواقع الحوثيين في صعدة.")
    events = factual(doc)
    assert len(events) == 1
    assert events[0].attrs["sub_event_type"] == "Air/drone strike"


# demonstrations named by their crowd or march, and riots told by the crowd's acts: one type per sentence
CROWDS = [
    ("مئات الطلاب يتظاهرون في البصرة للمطالبة بفرص عمل", "Protests"),
    ("وندد المتظاهرون في ساحة عامة بالبصرة بتدهور الخدمات.", "Protests"),
    ("أعلنت وزارة الصحة مقتل شابين خلال مسيرة العودة شرق خان يونس.", "Protests"),
    ("وقال شهود إن شبانا من المحتجين رشقوا مبنى البلدية في البصرة بالحجارة وأحرقوا إطارات.", "Riots"),
    ("وفي النجف هاجم متظاهرون مكاتب شركة النفط وحاولوا حرقها.", "Riots"),
    ("وحاول مئات المحتجين اقتحام مقر شركة الكهرباء في البصرة قبل أن تفرقهم الشرطة العراقية.", "Riots"),
]


@pytest.mark.parametrize("text, event_type", CROWDS)
def test_protests_and_riots_named_by_the_crowd(code, text, event_type):
    assert {e.attrs["event_type"] for e in factual(code(text))} == {event_type}


def test_a_march_is_no_drone(code):
    doc = code("اعتدت الشرطة العراقية على المشاركين في مسيرة سلمية في البصرة بالهراوات.")
    assert "Explosions/Remote violence" not in {e.attrs["event_type"] for e in factual(doc)}


# background, habits, supplies, hypotheticals and diplomatic protests: no factual event
NOT_FACTUAL = [
    "ويعيش اليمن منذ ثلاث سنوات حربا بدأت باحتجاجات في مدينة تعز.",
    "وخطف عناصر تنظيم داعش عشرات المدنيين من سراقب منذ سنوات.",
    "ونادرا ما يعلق الجيش السوري على غاراته في ريف إدلب.",
    "وقالت الحكومة إن الشحنة كانت مخصصة لتزويد الحوثيين بصواريخ وقذائف هاون.",
    "وقال الجيش اليمني إن أي اعتداء على مدينة تعز سيقابل برد حاسم.",
    "وسلمت الخارجية رسالة احتجاج إلى السفير في البصرة.",
    "وزار الوزير عائلات المدنيين الذين قتلوا في صعدة.",
    "وتحدث سكان عن سقوط 20 قتيلا في قصف على صعدة، وهو ما تنفيه ميليشيات الحوثي.",
    "وأصبح الجيش اليمني على وشك السيطرة على مدينة الحديدة.",
    "ووصلت المساعدات إلى السكان في مناطق الاشتباك قرب مدينة تعز.",
    "وعاد السكان إلى بلدة سراقب بعد سنوات من الحصار والقصف.",
    "ودعا المبعوث الأطراف إلى تجنب استهداف المدنيين في مدينة الحديدة.",
]


def test_martyrdom_is_a_death_but_citing_is_not(code):
    killed = factual(code("واستشهد ثلاثة مدنيين برصاص ميليشيات الحوثي في مدينة تعز."))
    assert [e.attrs["event_type"] for e in killed] == ["Violence against civilians"]
    assert factual(code("واستشهد الوزير بما حصل في مدينة البصرة قائلا إن الحكومة مسؤولة.")) == []


def test_a_trigger_keeps_its_preposition_on(code):
    # the tokenizer leaves ب on "بعبوة": the device still names the method
    doc = code("نجا قائد عسكري من محاولة اغتيال بعبوة ناسفة زرعت قرب منزله في مدينة تعز.")
    assert [(e.attrs["event_type"], e.attrs["sub_event_type"]) for e in factual(doc)] == [
        ("Explosions/Remote violence", "Remote explosive/landmine/IED")]


def test_clearing_mines_is_a_disrupted_weapons_use(code):
    doc = code("وواصلت وحدات الهندسة في الجيش اليمني تطهير قرى حيس من الألغام.")
    assert [(e.attrs["event_type"], e.attrs["sub_event_type"]) for e in factual(doc)] == [
        ("Strategic developments", "Disrupted weapons use")]


def test_the_object_of_a_protest_is_no_event_of_its_own(code):
    doc = code("وتظاهر المئات أمام السفارة في البصرة احتجاجا على غارات التحالف العربي على صعدة.")
    assert {e.attrs["event_type"] for e in factual(doc)} == {"Protests"}


def test_a_clash_of_protesters_is_a_riot_even_with_an_armed_group_named(code):
    doc = code("اندلعت اشتباكات بين المتظاهرين وقوات الأمن في تعز خلال احتجاجات على سياسة التحالف العربي.")
    assert "Riots" in {e.attrs["event_type"] for e in factual(doc)}
    assert "Battles" not in {e.attrs["event_type"] for e in factual(doc)}


def test_an_old_year_in_another_clause_leaves_the_event_fresh(code):
    doc = code("تظاهر المئات في البصرة احتجاجا على انقطاع الكهرباء، فيما شهدت المدينة احتجاجات مماثلة عام 2015.")
    assert "Protests" in {e.attrs["event_type"] for e in factual(doc)}


ASSAULTS = [
    "طعن رجل ثلاثة أشخاص في سوق مدينة البصرة مساء الأحد.",
    "اعتدى مسلحون بالضرب على صحفي في مدينة تعز.",
]


@pytest.mark.parametrize("text", ASSAULTS)
def test_stabbings_and_beatings_are_attacks(code, text):
    assert {e.attrs["event_type"] for e in factual(code(text))} == {"Violence against civilians"}


# an appeal against a ruling is no stabbing
APPEALS = [
    "طعن المحامي في الحكم أمام محكمة الاستئناف في البصرة.",
    "ورفضت السلطات طلب لجوئه بعد مقتل الفتاة في البصرة، لكنه طعن ضد القرار.",
]


# weapons or remains shown at a press conference or an exhibition are evidence, not an attack
DISPLAYS = [
    "وأشار المتحدث باسم التحالف العربي بيده إلى صاروخ باليستي أطلقه الحوثيون على صعدة.",
    "وعرض المتحدث خلال مؤتمر صحفي حطام صاروخ باليستي أطلقه الحوثيون على صعدة.",
    "واستعرض الجيش اليمني أمام الصحفيين بقايا الصواريخ الباليستية التي أطلقها الحوثيون على تعز.",
    "وضم معرض أقامه الجيش اليمني في تعز قذائف هاون ضبطت مع الحوثيين.",
]


def test_a_launch_told_at_a_press_conference_is_still_an_event(code):
    doc = code("وقال المتحدث باسم التحالف العربي خلال مؤتمر صحفي إن الحوثيين أطلقوا صاروخا باليستيا على صعدة.")
    assert {e.attrs["event_type"] for e in factual(doc)} == {"Explosions/Remote violence"}


def test_undated_hearsay_goes_on_with_the_field_report_before_it(code):
    alone = "وأشار إلى أن المدفعية قصفت مواقع المسلحين قرب مدينة تعز."
    assert factual(code(alone)) == []
    report = ("وقال مصدر عسكري إن اشتباكات عنيفة اندلعت بين الجيش اليمني وميليشيات الحوثي في مدينة تعز. " + alone)
    assert "Explosions/Remote violence" in {e.attrs["event_type"] for e in factual(code(report))}


# a crowd named as the complement of a noun is the topic of a statement; named as a subject it protests
CROWD_TOPICS = [
    "ودعا رئيس الوزراء الحكومة إلى الاستجابة لمطالب المحتجين في البصرة.",
    "وأنشئ الفصيل في تعز لحماية المتظاهرين السلميين من قوات الأمن.",
]


@pytest.mark.parametrize("text", CROWD_TOPICS)
def test_a_crowd_as_a_topic_is_no_protest(code, text):
    assert "Protests" not in {e.attrs["event_type"] for e in factual(code(text))}


def test_a_crowd_that_demands_still_protests(code):
    doc = code("وطالب المحتجون في ساحة عامة بالبصرة بتوفير فرص العمل.")
    assert {e.attrs["event_type"] for e in factual(doc)} == {"Protests"}


# an event named as what a meeting or a decision is about is a topic, not a new report
EVENT_TOPICS = [
    "وعقد مجلس الأمن جلسة طارئة لمناقشة الهجوم على مدينة الحديدة.",
    "ولم يعلق التحالف العربي على الأنباء بشأن الهجوم الأخير في صعدة.",
]


# fighters named as the dead make a killing fighting, not violence against civilians; civilians
# named as the dead keep it one
DEAD_FIGHTERS = [
    ("أعلن الجيش اليمني مقتل 12 عنصرا من ميليشيات الحوثي في جبهة كتاف.", "Battles"),
    ("لقي القيادي الحوثي أبو علي مصرعه الأحد في مديرية حيس.", "Battles"),
    ("وأضافت الوزارة أن 43 مسلحا قتلوا في المعركة ذاتها قرب سراقب.", "Battles"),
    ("أكد مكتب رئيس الحكومة في بيان مقتل العميد إسماعيل قرب البصرة.", "Battles"),
    ("قتل مسلحون مجهولون ثلاثة مدنيين في مدينة تعز.", "Violence against civilians"),
    ("أقدمت ميليشيات الحوثي على قتل طفل في مديرية حيس.", "Violence against civilians"),
]


@pytest.mark.parametrize("text, event_type", DEAD_FIGHTERS)
def test_dead_fighters_are_no_civilian_toll(code, text, event_type):
    assert {e.attrs["event_type"] for e in factual(code(text))} == {event_type}


def test_a_protest_after_old_fighting_is_no_continuation_of_it(code):
    import datetime as dt
    old = "وسيطر الجيش التركي على عفرين في آذار بعد معارك مع وحدات حماية الشعب."
    protest = "وندد المتظاهرون في مدينة البصرة بالوجود التركي في عفرين."
    doc = code(old + " " + protest, dates={"في آذار": (dt.date(2018, 3, 15), 3)})
    assert "Protests" in {e.attrs["event_type"] for e in factual(doc)}
    assert "Battles" not in {e.attrs["event_type"] for e in factual(doc)}
    # an undated killing after the old fighting still continues its story
    killing = "وقتل عشرة أشخاص من سكان عفرين."
    doc = code(old + " " + killing, dates={"في آذار": (dt.date(2018, 3, 15), 3)})
    assert factual(doc) == []


def test_undergoing_an_abduction_with_the_subject_between_is_an_event(code):
    doc = code("وتعرض الصحفي أحمد للاختطاف على أيدي مسلحين مجهولين في مدينة تعز.")
    assert {e.attrs["event_type"] for e in factual(doc)} == {"Violence against civilians"}


REFERENCES_AND_RISKS = [
    "وأعرب الوزير عن أمله في أن يهدأ الوضع، في إشارة إلى القصف الذي استهدف مدينة صعدة.",
    "وداهمت الشرطة العراقية منزلا في البصرة يقيم فيه المشتبه بهم بتفجير عبوة ناسفة.",
    "وفر مئات المدنيين من عفرين خشية تعرضهم لهجوم الجيش التركي.",
    "وأكد أن تعز تعرضت عدة مرات لقصف ميليشيات الحوثي.",
    "ستقوم منظمة إنسانية غير حكومية معروفة بتنظيم احتجاج أمام مقر البرلمان في البصرة.",
    # a long conditional ("إذا صح ..."), a habit ("يتم استخدامها في"), reports about an attack
    ("وإذا صح ما نقلته صحف محلية عن مصادر مقربة من الجماعة، ولم تنفه قيادتها حتى الآن، فإن الحوثيين "
     "يستعدون للرد على الغارات الجوية التي استهدفت مواقعهم في صعدة."),
    "وهذه الطائرات المسيرة الرخيصة يتم استخدامها في هجمات انتحارية على المدن السعودية.",
    "ومنذ صدور أولى التقارير حول الهجوم الكيماوي على سراقب، تتوالى الإدانات الدولية.",
    # an abuse given as one of a list of violations
    ("ومن الانتهاكات التي ارتكبتها ميليشيات الحوثي بحق الصحفيين في مدينة تعز، اختطاف مراسل قناة محلية "
     "من منزله واقتياده إلى جهة مجهولة."),
]


@pytest.mark.parametrize("text", REFERENCES_AND_RISKS)
def test_references_risks_and_plans_are_no_reports(code, text):
    assert [e.attrs["event_type"] for e in factual(code(text)) if e.attrs["event_type"] != "Strategic developments"] == []


# an attack word is an attack on civilians only when civilians are its victims: near the death or attack
# word, or the one who underwent it; an attack with only its attacker named, or civilians elsewhere in
# the sentence (witnesses, an audience), is no attack on civilians
ONE_SIDED_ATTACKS = [
    ("أعلنت قوات الجيش اليمني بدء هجوم واسع في مديرية كتاف.", False),
    ("شن الحوثيون هجوما على ناقلة نفط قبالة الحديدة.", False),
    ("ونقلت الصحيفة عن سكان في المدينة القديمة قولهم إن الهجوم الذي وقع فجرا استهدف معسكرا للجيش اليمني في تعز.",
     False),
    ("تعرض صحفي لهجوم مسلح في مدينة تعز.", True),
    ("هاجم مسلحون مجهولون منزل ناشط في مدينة تعز.", True),
    ("وقتل المهاجم شخصين داخل متجر في مدينة تعز.", True),
    ("وقتل المسلح شخصا داخل المتجر في مدينة تعز.", True),
    ("ارتكبت ميليشيات الحوثي مجزرة جديدة في تعز، ذهب ضحيتها 9 قتلى و15 جريحا كلهم من المدنيين.", True),
    ("وقال المتحدث أمام عدد من الصحفيين إن ميليشيات الحوثي قتلت قياديا في تعز.", False),
]


@pytest.mark.parametrize("text, on_civilians", ONE_SIDED_ATTACKS)
def test_an_attack_on_civilians_needs_civilian_victims(code, text, on_civilians):
    types = {e.attrs["event_type"] for e in factual(code(text))}
    assert ("Violence against civilians" in types) == on_civilians


# a chemical attack named with the article and neither placed, dated nor counted is one already known
# (a reaction to it); a new one ("هجوما كيماويا آخر") or a placed one is reported
CHEMICAL_REFERENCES = [
    ("وأثار الهجوم الكيماوي موجة غضب واسعة في العواصم الغربية.", False),
    ("وقال ناشطون إن الجيش السوري شن هجوما كيماويا آخر على مواقع المعارضة.", True),
    ("وقتل 40 شخصا في الهجوم الكيماوي الذي استهدف سراقب مساء السبت.", True),
]


@pytest.mark.parametrize("text, reported", CHEMICAL_REFERENCES)
def test_a_known_chemical_attack_is_a_reference(code, text, reported):
    types = {e.attrs["event_type"] for e in factual(code(text))}
    assert ("Explosions/Remote violence" in types) == reported


# shelling undergone for years is history
YEARS_OF_SHELLING = ["وتعرضت مدينة تعز طوال سنوات لقصف ميليشيات الحوثي."]


# a word that only looks like a trigger, or a "may" two words before the death count
LOOKALIKES = [
    "ويعيش آلاف المدنيين في مناطق واقعة تحت سيطرتها في الحديدة.",
    "وفي محاولة لتهدئة الاحتجاجات، قررت الحكومة زيادة حصة البصرة من الكهرباء.",
    "وأكد الوزير أن القوات تحافظ على نقاط فض الاشتباك في الجولان.",
    "وبحسب تقديرات وسائل إعلام، قد يصل عدد القتلى في تعز إلى المئات.",
]

# general newswire: accidents, disasters, football and figures of speech use the words of violence
NOT_POLITICAL = [
    "وقتل ثلاثة أشخاص في حادث سير على طريق دمشق حمص.",
    "ولقي خمسة أشخاص مصرعهم في انقلاب حافلة على الطريق الدولي.",
    "وقتل شخصان في زلزال بقوة خمس درجات ضرب جنوب إيران.",
    "ولقي طفل حتفه غرقا في نهر الفرات.",
    "وقالت مصادر يمنية إن 5 أشخاص قتلوا عندما ضرب إعصار مكونو أرخبيل سقطرى اليمني.",
    "وقصف النجم المصري محمد صلاح مرمى تشيلسي بتسديدة قوية.",
    "واندلعت اشتباكات كلامية بين النواب خلال جلسة البرلمان في بغداد.",
    "وانفجرت الأوضاع في الشارع اللبناني بعد قرار الحكومة رفع الضرائب.",
    "واعتقلت الشرطة المصرية تاجر مخدرات في الإسكندرية.",
    "وقتل رجل زوجته طعنا بالسكين في مدينة الزرقاء بسبب خلافات عائلية.",
    "وانفجر إطار الشاحنة على الطريق السريع.",
    "وقال الوزير التركي إن 21 شخصا قتلوا وأصيب 150 آخرون في حادث القطار قرب الحدود البلغارية.",
]

# every sentence of these tables makes no factual event at all
NO_FACTUAL_EVENT = [
    *NOT_EVENTS_AT_ALL, *NOT_FACTUAL, *APPEALS, *DISPLAYS, *EVENT_TOPICS, *YEARS_OF_SHELLING, *LOOKALIKES,
    *NOT_POLITICAL,
]


@pytest.mark.parametrize("text", NO_FACTUAL_EVENT)
def test_sentences_with_no_factual_event(code, text):
    assert factual(code(text)) == []


# the event after "إثر" caused the deaths before it; a pluperfect in one clause leaves the next one news
FRESH = [
    ("قتل ثلاثة مدنيين إثر انفجار عبوة ناسفة في سوق بمدينة تعز.", "Explosions/Remote violence"),
    ("ومشطت قوات الجيش اليمني المزارع التي كان الحوثيون يتحصنون بداخلها، فيما شنت مقاتلات التحالف العربي "
     "غارات على مديرية كتاف.", "Explosions/Remote violence"),
    ("أغارت مقاتلات التحالف العربي، مساء الأربعاء، على مواقع ميليشيات الحوثي في صعدة.",
     "Explosions/Remote violence"),
    ("أعلن الجيش السوري سيطرته بالكامل على مدينة سراقب.", "Battles"),
]


# names and blasts that share a word with the accidents above stay events
NOT_ACCIDENTS = [
    ("وتمكنت قوات الجيش الوطني من تحرير عدد من المواقع في سلسلة جبال الزلزال شمالي مديرية نهم.", "Battles"),
    ("قالت المصادر إن الجيش الوطني سيطر على معسكر الصاعقة في بنغازي إثر مواجهات مع المسلحين.", "Battles"),
    ("وقصفت الطائرات الإسرائيلية مواقع عسكرية في ريف حماة وأحدثت هزة أرضية من شدة الانفجارات.",
     "Explosions/Remote violence"),
]


@pytest.mark.parametrize("text, event_type", NOT_ACCIDENTS)
def test_place_names_and_blasts_are_no_accidents(code, text, event_type):
    assert event_type in {e.attrs["event_type"] for e in factual(code(text))}


@pytest.mark.parametrize("text, event_type", FRESH)
def test_causes_of_deaths_and_news_after_a_pluperfect_clause_are_factual(code, text, event_type):
    assert event_type in {e.attrs["event_type"] for e in factual(code(text))}


def test_detaining_is_no_protest(code):
    text = "وقال المسؤول إن الحوثيين يحتجزون منذ ثلاثة أيام أربعين حافلة في الحديدة."
    assert "Protests" not in {e.attrs["event_type"] for e in code(text).get("events")}


def test_arrests_by_a_militia_are_abductions_and_by_the_police_arrests(code):
    by_militia = {e.attrs["sub_event_type"] for e in factual(code("شنت ميليشيات الحوثي حملة اعتقالات في مدينة الحديدة."))}
    by_police = {e.attrs["sub_event_type"] for e in factual(code("اعتقلت الشرطة العراقية خمسة أشخاص في البصرة."))}
    assert by_militia == {"Abduction/forced disappearance"}
    assert by_police == {"Arrests"}
