"""The event date a dates span gives: its coded date, the middle of a short "since" span, or none."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.document import Document
from marsad.pipeline import Pipeline
from marsad.time.coding import event_date_of

PUBLISHED = dt.date(2018, 8, 15)


@pytest.mark.parametrize(("sentence", "expression", "expected"), [
    ("قتل مدنيان مساء الخميس بقصف مدفعي", "مساء الخميس", (dt.date(2018, 8, 9), 1)),
    ("يعتصم المحتجون منذ الأحد أمام مبنى المحافظة", "منذ الأحد", (dt.date(2018, 8, 14), 2)),
    ("اعتقلت الشرطة خلية إرهابية الأسبوع الماضي", "الأسبوع الماضي", (dt.date(2018, 8, 8), 2)),
    ("تتواصل المعارك منذ مطلع الشهر الجاري", "منذ مطلع الشهر الجاري", (dt.date(2018, 8, 1), 3)),
    ("نزح السكان خلال الأيام القليلة الماضية", "خلال الأيام القليلة الماضية", (dt.date(2018, 8, 14), 2)),
    ("قال ناشطون، الثلاثاء، إن غارات استهدفت مواقع للمسلحين", "الثلاثاء", (dt.date(2018, 8, 14), 2)),
    ("عثر على مقبرة جماعية بحسب ما أعلن مسؤول محلي السبت", "السبت", (dt.date(2018, 8, 11), 2)),
    # the verb far back, "that" right after: the day is still the statement's
    ("وقال مكتب تنسيق الشؤون الإنسانية التابع للأمم المتحدة بسوريا الثلاثاء إن القوافل لم تدخل",
     "الثلاثاء", (dt.date(2018, 8, 14), 2)),
    ("قتل ثلاثة مدنيين الثلاثاء في قصف على البلدة", "الثلاثاء", (dt.date(2018, 8, 14), 1)),
    ("سيطر التنظيم على المدينة عام 2014", "عام 2014", None),
    ("نشطت خلايا التنظيم في الأشهر الأخيرة", "في الأشهر الأخيرة", None),
    ("عادت الهجمات بعد أكثر من 4 سنوات", "بعد أكثر من 4 سنوات", None),
])
def test_event_date_of_a_dates_span(sentence, expression, expected):
    doc = Pipeline(["sentences", "dates"])(Document(text=sentence, published=PUBLISHED))
    span = next(s for s in doc.get("dates") if s.text == expression)
    assert event_date_of(span) == expected


def test_a_span_before_in_order_to_is_still_a_span():
    """"من أجل" (in order to) after "منذ 6 أسابيع" is no "six weeks before X" ("قبل ثلاثة أيام من الانتخابات")."""
    doc = Pipeline(["sentences", "dates"])(Document(text="يتظاهر السكان منذ 6 أسابيع من أجل إسماع أصواتهم",
                                                    published=PUBLISHED))
    assert [s.text for s in doc.get("dates")] == ["منذ 6 أسابيع"]
    relative = Pipeline(["sentences", "dates"])(Document(text="وصل الوفد قبل ثلاثة أيام من الانتخابات", published=PUBLISHED))
    assert not relative.get("dates")
