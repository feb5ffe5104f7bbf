"""A named street, facility or neighbourhood the gazetteer lacks is placed at the town the text puts it in."""

from __future__ import annotations

import pytest

from marsad.pipeline import Pipeline
from marsad.places.resolve import distance_km


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["sentences", "tokens", "places"])


@pytest.mark.parametrize(("text", "surface", "feature", "lat", "lon"), [
    ("نقل الجرحى إلى مستشفى الروم في بيروت بعد الانفجار", "مستشفى الروم", "BLDG", 33.89, 35.50),
    ("أغلق المسجد في حي النزهة بمدينة الدمام بعد الاشتباه بإصابة", "النزهة", "NBHD", 26.43, 50.10),
    ("أغلقت الشرطة طريق الشلالة في العقبة بسبب السيول", "الشلالة", "NBHD", 29.53, 35.01),
    ("يبحثون عن أقربائهم أمام مستشفى الجامعة الأميركية في بيروت", "مستشفى الجامعة الأميركية", "BLDG",
     33.89, 35.50),
    # a facility in an article that names one town only is placed there
    ("اندلع حريق في مستشفى الأمل وسط القاهرة", "مستشفى الأمل", "BLDG", 30.06, 31.25),
    ("أغلقت السلطات مقبرة الصليبيخات بعد السيول التي ضربت الجهراء", "مقبرة الصليبيخات", "BLDG", 29.34, 47.66),
])
def test_unknown_part_of_a_town_takes_the_town_point(pipeline, text, surface, feature, lat, lon):
    spans = {s.text: s.attrs for s in pipeline.run(text).get("places")}
    assert surface in spans, spans.keys()
    attrs = spans[surface]
    assert attrs["feature"] == feature and attrs["geo_precision"] == 2
    assert distance_km(attrs["lat"], attrs["lon"], lat, lon) < 20


@pytest.mark.parametrize("text", [
    "وصل الوفد إلى العاصمة السورية دمشق صباح اليوم",  # a demonym after a head noun is no name
    "انتقد نظام ولاية الفقيه في طهران",  # ولاية names no part of a town
    "قال مدير المستشفى في بيروت إن الوضع صعب",  # no head noun
    "أغلقت الشرطة مسجد النور بعد الأمطار التي ضربت عمان والزرقاء",  # two towns: which one is not said
])
def test_no_contained_place_without_a_head_and_a_name(pipeline, text):
    assert not [s for s in pipeline.run(text).get("places") if s.attrs.get("contained_in")]


@pytest.mark.parametrize(("text", "surface", "country"), [
    ("أمطار غزيرة تغرق شوارع مدينة صباح الأحمد في الكويت", "صباح الأحمد", "KW"),
    ("انتشال جثتين في منطقة ضبعة بعد السيول التي ضربت الأردن", "ضبعة", "JO"),
])
def test_an_unknown_settlement_in_a_one_country_article_is_coded_to_the_country(pipeline, text, surface, country):
    spans = {s.text: s.attrs for s in pipeline.run(text).get("places")}
    assert surface in spans, spans.keys()
    attrs = spans[surface]
    assert attrs["country_code"] == country and attrs["geo_precision"] == 3 and attrs["unlocated"] is True


@pytest.mark.parametrize("text", [
    "شهدت منطقة واسعة من الكويت أمطارا غزيرة",  # a common word
    "أعلنت مديرية الدفاع المدني في الأردن حالة الطوارئ",  # an office
    "تقع منطقة صحراوية شاسعة جنوب الأردن",  # an adjective
    "أمطار على مدينة صباح الأحمد وعلى الكويت والسعودية",  # two countries: which one is not said
    "قتل 11 شخصا في الاحتجاجات التي جابت مدن متفرقة في العراق",  # an adjective (stoplist.tsv)
    "سقطت قذائف على مناطق سيطرة المعارضة في سوريا",  # "areas of control of", not a name
])
def test_no_unlocated_place_for_words_offices_or_unclear_countries(pipeline, text):
    assert not [s for s in pipeline.run(text).get("places") if s.attrs.get("unlocated")]
