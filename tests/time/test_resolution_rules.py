"""Rules around the table: no publication date, words that only look like dates, raw offsets, the
sample article, and the `marsad dates` command."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from marsad.cli.main import app
from marsad.document import Document
from marsad.pipeline import Pipeline

PUBLISHED = dt.date(2018, 8, 15)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["sentences", "tokens", "dates"])


def _by_text(pipeline, text, published=PUBLISHED):
    return {span.text: span for span in pipeline(Document(text=text, published=published)).get("dates")}


@pytest.mark.parametrize(("sentence", "expression", "kind"), [
    ("قتل جنديان في كمين أمس شمال المدينة", "أمس", "relative"),
    ("هاجم مسلحون حاجزا يوم الخميس", "يوم الخميس", "weekday"),
    ("اندلعت الاشتباكات مطلع الشهر الجاري", "مطلع الشهر الجاري", "part_of_month"),
    ("نزح السكان خلال الأيام القليلة الماضية", "خلال الأيام القليلة الماضية", "range"),
    ("وقع الهجوم في 15 تموز", "15 تموز", "absolute"),
])
def test_without_publication_relative_expressions_are_found_but_unresolved(pipeline, sentence, expression, kind):
    span = _by_text(pipeline, sentence, published=None)[expression]
    assert span.attrs["kind"] == kind
    assert span.attrs["date"] is None


@pytest.mark.parametrize(("sentence", "expression", "date"), [
    ("قتل ثلاثة جنود في 15 تموز 2018 في هجوم", "15 تموز 2018", dt.date(2018, 7, 15)),
    ("وقع الهجوم بتاريخ ١٥/٧/٢٠١٨ قرب الحدود", "١٥/٧/٢٠١٨", dt.date(2018, 7, 15)),
    ("وقع التفجير في 15 رمضان 1439 هـ قرب المسجد", "15 رمضان 1439 هـ", dt.date(2018, 5, 30)),
])
def test_without_publication_absolute_dates_still_resolve(pipeline, sentence, expression, date):
    assert _by_text(pipeline, sentence, published=None)[expression].attrs["date"] == date


@pytest.mark.parametrize("sentence", [
    "قتل أحد عناصر التنظيم في الاشتباكات",  # أحد = one, not Sunday
    "قتل أب لثلاثة أطفال بنيران قناص",  # أب (father) normalises like آب (August)
    "مارس المسلحون ضغوطا على السكان",  # مارس = he practised
    "في اليوم التالي انسحبت القوات من البلدة",  # the next day: relative to an event, not to publication
    "قتل 15 مدنيا و20 جريحا في القصف",  # numbers, no month
])
def test_words_that_only_look_like_dates_are_not_dates(pipeline, sentence):
    assert _by_text(pipeline, sentence) == {}


def test_a_bare_month_after_publication_is_last_years(pipeline):
    span = _by_text(pipeline, "فرضت الحكومة حظر التجول في ديسمبر")["ديسمبر"]
    assert span.attrs["date"] == dt.date(2017, 12, 15)


def test_explicit_future_keeps_a_later_weekday(pipeline):
    spans = _by_text(pipeline, "تستمر الهدنة حتى الجمعة المقبلة")
    assert spans["الجمعة المقبلة"].attrs["date"] == dt.date(2018, 8, 17)


def test_offsets_point_into_raw_text_with_diacritics_and_tatweel(pipeline):
    text = "وَقَعَ الانفجارُ في الخامسَ عشرَ من تمّوز، وقُتِلَ آخرون أمسِ فجــراً"
    spans = pipeline(Document(text=text, published=PUBLISHED)).get("dates")
    texts = [span.text for span in spans]
    assert texts == ["الخامسَ عشرَ من تمّوز", "أمسِ فجــراً"]
    for span in spans:
        assert text[span.start:span.end] == span.text
    assert spans[0].attrs["date"] == dt.date(2018, 7, 15)


def test_proclitic_is_left_outside_the_span(pipeline):
    spans = _by_text(pipeline, "وقتل مدنيان وبالأمس سقطت قذيفة")
    assert "الأمس" in spans
    assert spans["الأمس"].attrs["date"] == dt.date(2018, 8, 14)


def test_sample_article_dates(pipeline, sample_text):
    spans = pipeline(Document(text=sample_text, published=PUBLISHED)).get("dates")
    by_text = {span.text: span.attrs for span in spans}
    since = by_text["منذ نهاية شهر يوليو/ تموز الماضي"]
    assert (since["date"], since["kind"], since["span_kind"]) == (dt.date(2018, 7, 31), "since", "since")
    assert since["time_precision"] in (1, 2, 3)
    early = by_text["مطلع الشهر الجاري"]
    assert (early["date"], early["time_precision"]) == (dt.date(2018, 8, 1), 3)
    recent = by_text["خلال الأيام القليلة الماضية"]
    assert recent["end_date"] == dt.date(2018, 8, 15) and recent["kind"] == "range"
    for vague in ("خلال الأشهر الماضية", "في الأشهر الأخيرة"):
        assert by_text[vague]["kind"] == "vague" and by_text[vague]["time_precision"] is None
    duration = by_text["بعد أكثر من 4 سنوات"]
    assert duration["kind"] == "duration" and duration["date"] is None


def test_dates_command_prints_a_json_list():
    result = CliRunner().invoke(app, ["dates", "قتل مدنيان مساء الخميس الماضي", "--published", "2018-08-15"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert records == [{
        "start": 11, "end": 29, "text": "مساء الخميس الماضي", "date": "2018-08-09", "end_date": None,
        "time_precision": 1, "kind": "weekday", "rule": "weekday", "weekday": 3, "day_part": "مساء",
        "sentence": 0,
    }]


def test_dates_command_rejects_a_bad_publication_date():
    result = CliRunner().invoke(app, ["dates", "أمس", "--published", "15/8/2018"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_relative_day_and_its_weekday_are_one_expression(pipeline):
    spans = _by_text(pipeline, "قتل ثلاثة مدنيين مساء أمس الثلاثاء بقصف مدفعي")
    span = spans["مساء أمس الثلاثاء"]
    assert span.attrs["date"] == dt.date(2018, 8, 14)
    assert "weekday_mismatch" not in span.attrs


def test_month_of_last_year(pipeline):
    span = _by_text(pipeline, "وقع الهجوم في مارس من العام الماضي")["مارس من العام الماضي"]
    assert (span.attrs["date"], span.attrs["time_precision"]) == (dt.date(2017, 3, 15), 3)


def test_past_weekday_named_on_its_own_weekday_is_the_week_before(pipeline):
    saturday = dt.date(2018, 4, 14)
    spans = _by_text(pipeline, "وصل المحققون إلى دوما للتحقيق في هجوم السبت الماضي", published=saturday)
    assert spans["السبت الماضي"].attrs["date"] == dt.date(2018, 4, 7)
    assert _by_text(pipeline, "قصفت الطائرات المدينة السبت", published=saturday)["السبت"].attrs["date"] == saturday


@pytest.mark.parametrize(("sentence", "expression", "published", "date"), [
    ("شهدت المدينة معارك عنيفة في أغسطس", "أغسطس", dt.date(2018, 8, 10), dt.date(2018, 8, 10)),
    ("تراجعت الهجمات هذا الشهر", "هذا الشهر", dt.date(2018, 8, 10), dt.date(2018, 8, 10)),
    ("قتل المئات خلال عام 2018", "عام 2018", dt.date(2018, 2, 1), dt.date(2018, 2, 1)),
    ("تعقد الجولة المقبلة من المفاوضات الشهر المقبل", "الشهر المقبل", dt.date(2018, 8, 10), dt.date(2018, 9, 15)),
])
def test_a_period_running_at_publication_is_coded_no_later_than_publication(
        pipeline, sentence, expression, published, date):
    spans = _by_text(pipeline, sentence, published=published)
    assert spans[expression].attrs["date"] == date


def test_the_same_year_is_not_this_year(pipeline):
    assert "أواخر العام" not in _by_text(pipeline, "سيطر التنظيم على المدينة عام 2015 ثم انسحب أواخر العام ذاته")


def test_hours_with_article_after_the_number(pipeline):
    spans = _by_text(pipeline, "قتل عشرة مسلحين خلال الـ24 الساعة الماضية")
    span = spans["خلال الـ24 الساعة الماضية"]
    assert (span.attrs["date"], span.attrs["time_precision"]) == (dt.date(2018, 8, 15), 2)


def test_dates_command_reads_standard_input():
    result = CliRunner().invoke(app, ["dates", "-", "--published", "2018-08-15"],
                                input="قتل مدني أمس".encode())
    assert result.exit_code == 0, result.output
    assert [record["date"] for record in json.loads(result.output)] == ["2018-08-14"]


def test_dates_command_rejects_text_that_is_not_utf8():
    result = CliRunner().invoke(app, ["dates", "-"], input=b"\xff\xfe\x00bad")
    assert result.exit_code == 1
    assert "not UTF-8" in result.output
