"""GET /events: the store's filters over HTTP, pages with a total, JSON or GeoJSON; docs and health."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("params", "locations"),
    [
        ({}, ["Al Hudaydah", "Basra", "Jisr al-Shughur", "Maarat al-Numan"]),
        ({"country": "SY"}, ["Jisr al-Shughur", "Maarat al-Numan"]),
        ({"admin1": "Idlib", "type": "Battles"}, ["Jisr al-Shughur"]),
        ({"since": "2018-08-12", "until": "2018-08-13"}, ["Basra", "Jisr al-Shughur"]),
        ({"actor": "ansar allah"}, ["Al Hudaydah"]),
        ({"bbox": "35,34,38,37"}, ["Jisr al-Shughur", "Maarat al-Numan"]),
        ({"all_modalities": "true", "country": "SY"}, ["Jisr al-Shughur", "Maarat al-Numan", "Latakia"]),
    ],
)
def test_filters(filled, params, locations):
    page = filled.get("/events", params=params).json()
    assert [e["location"]["name"] for e in page["events"]] == locations
    assert page["total"] == len(locations)


def test_pages_and_article_fields(filled):
    first = filled.get("/events", params={"limit": 3}).json()
    second = filled.get("/events", params={"limit": 3, "offset": 3}).json()
    assert (first["total"], len(first["events"]), len(second["events"])) == (4, 3, 1)
    assert {e["id"] for e in first["events"]}.isdisjoint({e["id"] for e in second["events"]})
    event = first["events"][0]
    assert event["article"]["title"] == "غارات للتحالف على الحديدة"
    assert event["evidence"]["text"].startswith("شن طيران التحالف")


def test_geojson(filled):
    collection = filled.get("/events", params={"format": "geojson", "country": "IQ"}).json()
    assert collection["type"] == "FeatureCollection"
    assert collection["total"] == 1
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [47.7804, 30.5085]}
    assert feature["properties"]["event_type"] == "Protests"
    assert feature["properties"]["location"] == "Basra"
    assert isinstance(feature["id"], int)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"bbox": "1,2,3"}, "bbox: '1,2,3' is not four numbers W,S,E,N"),
        ({"since": "2018-02-30"}, "since: '2018-02-30' is not a date YYYY-MM-DD"),
        ({"since": "2018-09-01", "until": "2018-08-01"}, "is after until"),
        ({"limit": "100000"}, "limit: Input should be less than or equal to 10000"),
        ({"offset": "-1"}, "offset: Input should be greater than or equal to 0"),
        ({"format": "kml"}, "format: Input should be 'json' or 'geojson'"),
    ],
)
def test_bad_filters_are_422_with_one_line(filled, params, message):
    response = filled.get("/events", params=params)
    assert response.status_code == 422
    assert message in response.json()["detail"]


def test_health_docs_and_page(filled):
    health = filled.get("/health").json()
    assert health["status"] == "ok"
    assert health["store"] == "sqlite"
    assert health["counts"]["articles"] == 4 and health["counts"]["events"] == 5
    spec = filled.get("/openapi.json").json()
    assert {"/extract", "/articles", "/events", "/articles/{article_id}", "/health"} <= set(spec["paths"])
    assert filled.get("/docs").status_code == 200
    page = filled.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert 'id="map"' in page.text
    assert filled.get("/static/vendor/leaflet/leaflet.js").status_code == 200
