from __future__ import annotations

import csv
import io

from marsad.export import ACLED_COLUMNS, to_csv, to_geojson

PLACE = {"name": "Harim", "lat": 36.2118, "lon": 36.5208, "country_code": "SY", "admin1": "Idleb", "geo_precision": 1}


def _report(**event_fields) -> dict:
    event = {
        "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "Hayat Tahrir al-Sham",
        "event_date": "2018-08-14", "time_precision": 1, "location": PLACE, "modality": "reported",
        "fatalities": 3,
    }
    event.update(event_fields)
    return {"schema": "marsad/1", "article": {"id": "a1", "source": "Sputnik"}, "places": [], "events": [event]}


def test_csv_has_acleds_columns_and_country_facts() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv([_report()]))))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert rows[0]["country"] == "Syria" and rows[0]["iso"] == "760" and rows[0]["region"] == "Middle East"
    assert rows[0]["latitude"] == "36.2118" and rows[0]["year"] == "2018"


def test_non_factual_events_leave_exports_unless_asked() -> None:
    planned = _report(modality="planned")
    hidden = _report(modality="reported", factual=False)
    assert len(list(csv.DictReader(io.StringIO(to_csv([planned, hidden]))))) == 0
    assert len(list(csv.DictReader(io.StringIO(to_csv([planned, hidden], all_modalities=True))))) == 2


def test_geojson_points_are_lon_lat() -> None:
    feature = to_geojson([_report()])["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.5208, 36.2118]}
    assert feature["properties"]["article_id"] == "a1"
