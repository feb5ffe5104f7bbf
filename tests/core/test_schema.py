from __future__ import annotations

import datetime as dt
import json

import pytest

from marsad.document import Document
from marsad.schema import ENTITY_FIELDS, PLACE_FIELDS, Report


def _doc() -> Document:
    doc = Document(text="سيطر داعش على بلدة حارم", id="a1", published=dt.date(2018, 8, 15))
    doc.add("entities", doc.span(5, 9, "ORG", type="armed_group", canonical="Islamic State (Syria)", actor_type="rebel_group"))
    place = doc.span(19, 23, "PLACE", name="Harem", lat=36.2, lon=36.5, country_code="SY", admin1="Idleb", geo_precision=1)
    doc.add("places", place)
    doc.add("events", doc.span(0, 23, "EVENT", event_type="Battles", location=place, event_date=dt.date(2018, 8, 14)))
    return doc


def test_report_fields_are_the_fixed_ones() -> None:
    report = Report.from_document(_doc()).to_dict()
    assert report["schema"] == "marsad/1"
    assert list(report["article"]) == ["id", "title", "source", "url", "published"]
    assert tuple(report["entities"][0])[: len(ENTITY_FIELDS)] == ENTITY_FIELDS
    assert tuple(report["places"][0])[: len(PLACE_FIELDS)] == PLACE_FIELDS
    event = report["events"][0]
    assert event["location"]["name"] == "Harem" and event["event_date"] == "2018-08-14"
    assert event["evidence"] == {"start": 0, "end": 23, "text": "سيطر داعش على بلدة حارم"}


def test_round_trip_through_json() -> None:
    report = Report.from_document(_doc())
    again = Report.from_dict(json.loads(report.to_json()))
    assert again.to_dict() == report.to_dict()


def test_from_dict_refuses_another_schema() -> None:
    with pytest.raises(ValueError, match="not a marsad/1 report"):
        Report.from_dict({"schema": "other/2"})


def test_a_restated_event_lists_its_other_passages() -> None:
    from marsad.pipeline import Pipeline

    text = ("قصفت طائرات التحالف مواقع الحوثيين في مدينة صعدة يوم الأحد. "
            "وقال مسؤول محلي إن الأهالي يعانون من نقص حاد في المياه. "
            "وأسفر القصف على صعدة عن تدمير عدة مواقع للحوثيين.")
    doc = Pipeline()(Document(text=text, published=dt.date(2018, 5, 22)))
    (event,) = Report.from_document(doc).to_dict()["events"]
    assert event["evidence"]["text"].startswith("قصفت طائرات التحالف")
    (passage,) = event["passages"]
    assert passage["text"] == text[passage["start"]:passage["end"]] == "وأسفر القصف على صعدة عن تدمير عدة مواقع للحوثيين."
    # an event reported once has none
    assert "passages" not in Report.from_document(_doc()).to_dict()["events"][0]
