"""The embedded gazetteer alone puts the sample article's places on the map."""

from __future__ import annotations

import pytest

from marsad.pipeline import Pipeline
from marsad.places.gazetteer import load_gazetteer
from marsad.places.geoparse import Geoparser
from marsad.places.records import INDEX_FILE
from marsad.places.resolve import distance_km
from marsad.resources import data_path

# English name, Arabic surface in the article, true position (GeoNames / Wikipedia)
TOWNS = [
    ("Atmeh", "اطمة", 36.311, 36.686),
    ("Dana", "الدانا", 36.2125, 36.770),
    ("Harem", "حارم", 36.2076, 36.5185),
    ("Salqin", "سلقين", 36.1387, 36.4524),
    ("Darkush", "دركوش", 35.9918, 36.3936),
    ("Jisr al-Shughur", "جسر الشغور", 35.8124, 36.3186),
]


@pytest.fixture(scope="module")
def places(sample_text: str) -> list:
    embedded_only = Geoparser(load_gazetteer([data_path("gazetteer", INDEX_FILE)]))
    doc = Pipeline(["sentences", "tokens", embedded_only]).run(sample_text)
    for span in doc.get("places"):
        assert sample_text[span.start:span.end] == span.text
    return doc.get("places")


@pytest.mark.parametrize(("english", "surface", "lat", "lon"), TOWNS)
def test_towns_within_15_km_in_idlib(places, english, surface, lat, lon):
    found = [s for s in places if s.text == surface]
    assert found, f"{english} ({surface}) not found"
    for span in found:
        assert span.attrs["country_code"] == "SY"
        assert span.attrs["admin1"] == "Idleb"
        assert distance_km(lat, lon, span.attrs["lat"], span.attrs["lon"]) <= 15, english


@pytest.mark.parametrize(("surface", "country", "lat", "lon"), [
    ("إدلب", "SY", 35.93, 36.63),
    ("حماة", "SY", 35.13, 36.76),
    ("الرقة", "SY", 35.95, 39.01),
    ("تركيا", "TR", None, None),
])
def test_main_places_resolved(places, surface, country, lat, lon):
    found = [s for s in places if s.text == surface]
    assert found
    for span in found:
        assert span.attrs["country_code"] == country
        if lat is not None:
            assert distance_km(lat, lon, span.attrs["lat"], span.attrs["lon"]) <= 25


def test_latakia_countryside_is_in_lattakia(places):
    latakia = [s for s in places if "اللاذقية" in s.text]
    assert latakia
    assert all(s.attrs["admin1"] == "Lattakia" for s in latakia)
    assert all(distance_km(35.52, 35.79, s.attrs["lat"], s.attrs["lon"]) <= 25 for s in latakia)


def test_northern_idlib_countryside_is_a_region(places):
    region = [s for s in places if s.text == "ريف إدلب الشمالي"]
    assert region
    assert region[0].attrs["geo_precision"] in (2, 3)
    assert region[0].attrs["direction"] == "north"
    assert region[0].attrs["admin1"] == "Idleb"


def test_ila_is_never_a_place(places, sample_text):
    assert "إلى" in sample_text
    assert all(s.text not in ("إلى", "الى") for s in places)
    assert all("إلى" not in s.text for s in places)


def test_organisation_names_are_not_places(places, sample_text):
    start = sample_text.index("هيئة تحرير الشام")
    assert all(not (start <= s.start < start + len("هيئة تحرير الشام")) for s in places)
