"""Event queries: every filter of `marsad events` and GET /events, on both databases."""

from __future__ import annotations

import datetime as dt

import pytest
from fixture_reports import realistic_reports

from marsad.errors import InputError
from marsad.store import BBox, EventQuery


@pytest.fixture
def filled(store):
    store.add_many(realistic_reports())
    return store


def _locations(store, **filters) -> list[str]:
    return [e.record["location"]["name"] for e in store.events(EventQuery(**filters))]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["Al Hudaydah", "Basra", "Jisr al-Shughur", "Maarat al-Numan"]),
        ({"country": "sy"}, ["Jisr al-Shughur", "Maarat al-Numan"]),
        ({"country": "YE"}, ["Al Hudaydah"]),
        ({"admin1": "idlib"}, ["Jisr al-Shughur", "Maarat al-Numan"]),
        ({"since": dt.date(2018, 8, 12)}, ["Basra", "Jisr al-Shughur", "Maarat al-Numan"]),
        ({"until": dt.date(2018, 8, 12)}, ["Al Hudaydah", "Basra"]),
        ({"since": dt.date(2018, 8, 13), "until": dt.date(2018, 8, 13)}, ["Jisr al-Shughur"]),
        ({"event_type": "battles"}, ["Jisr al-Shughur"]),
        ({"event_type": "Explosions/Remote violence"}, ["Al Hudaydah", "Maarat al-Numan"]),
        ({"actor": "hayat tahrir"}, ["Jisr al-Shughur"]),
        ({"actor": "Military Forces of Syria"}, ["Jisr al-Shughur"]),
        ({"actor": "united arab emirates"}, ["Al Hudaydah"]),  # an associated actor
        ({"actor": "civilians (syria)"}, ["Maarat al-Numan"]),
        ({"actor": "100%_"}, []),  # LIKE wildcards are literal
        ({"bbox": BBox(35.0, 34.0, 38.0, 37.0)}, ["Jisr al-Shughur", "Maarat al-Numan"]),
        ({"bbox": BBox(40.0, 10.0, 50.0, 32.0)}, ["Al Hudaydah", "Basra"]),
        ({"country": "SY", "event_type": "Battles", "actor": "syria"}, ["Jisr al-Shughur"]),
    ],
)
def test_filters_select_the_matching_events_in_date_order(filled, filters, expected):
    assert _locations(filled, **filters) == expected
    assert filled.count_events(EventQuery(**filters)) == len(expected)


def test_planned_events_show_only_when_all_modalities_are_asked_for(filled):
    assert "Latakia" not in _locations(filled)
    everything = filled.events(EventQuery(all_modalities=True))
    assert [e.record["location"]["name"] for e in everything][-1] == "Latakia"  # no date: last
    assert filled.count_events(EventQuery(all_modalities=True)) == 5
    assert filled.events(EventQuery(actor="syria", all_modalities=True))[-1].record["modality"] == "planned"


def test_pages_cover_all_events_once(filled):
    pages = [filled.events(EventQuery(all_modalities=True, limit=2, offset=o)) for o in (0, 2, 4, 6)]
    assert [len(p) for p in pages] == [2, 2, 1, 0]
    ids = [e.id for page in pages for e in page]
    assert len(set(ids)) == 5
    assert [e.id for e in filled.iter_events(EventQuery(all_modalities=True), page=2)] == ids
    assert len(list(filled.iter_events(EventQuery(all_modalities=True, limit=3), page=2))) == 3


def test_event_carries_its_record_and_article(filled):
    (event,) = filled.events(EventQuery(country="IQ"))
    assert event.record["sub_event_type"] == "Peaceful protest"
    assert event.record["evidence"]["text"].startswith("تظاهر مئات المحتجين")
    assert event.article["title"] == "تظاهرة في البصرة"
    assert event.article["source"] == "السومرية نيوز"
    assert event.to_dict()["article_id"] == event.article_id


@pytest.mark.parametrize(
    ("value", "problem"),
    [("1,2,3", "four numbers"), ("a,b,c,d", "four numbers"), ("0,95,10,96", "outside"),
     ("10,0,0,5", "west > east")],
)
def test_bad_bbox_is_refused_with_a_reason(value, problem):
    with pytest.raises(InputError, match=problem):
        BBox.parse(value)


def test_bad_query_bounds_are_refused():
    with pytest.raises(InputError, match="outside"):
        EventQuery(limit=100_000)
    with pytest.raises(InputError, match="after"):
        EventQuery(since=dt.date(2018, 9, 1), until=dt.date(2018, 8, 1))
