"""POST /extract: a report for any text, nothing stored, and one-line 4xx errors for bad requests."""

from __future__ import annotations

import json

import pytest


def test_extract_returns_a_report_and_stores_nothing(client, sample_text):
    response = client.post("/extract", json={"text": sample_text, "published": "2018-08-15", "source": "سبوتنيك",
                                             "title": "تحركات داعش في ريف إدلب"})
    assert response.status_code == 200
    report = response.json()
    assert report["schema"] == "marsad/1"
    assert report["article"] == {"id": None, "title": "تحركات داعش في ريف إدلب", "source": "سبوتنيك", "url": None,
                                 "published": "2018-08-15"}
    for layer in ("entities", "places", "dates"):
        for item in report[layer]:
            assert sample_text[item["start"]:item["end"]] == item["text"]
    assert client.get("/health").json()["counts"]["articles"] == 0


def test_extract_of_non_arabic_text_warns(client):
    report = client.post("/extract", json={"text": "Clashes erupted near the town on Tuesday."}).json()
    assert report["events"] == []
    assert any("not Arabic" in w for w in report["warnings"])


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"text": ""}, 422, "text: String should have at least 1 character"),
        ({}, 422, "text: Field required"),
        ({"text": "   \n "}, 422, "text: is blank"),
        ({"text": "قصف على البلدة", "published": "أمس"}, 422, "published:"),
        ({"text": "قصف على البلدة", "colour": "red"}, 422, "colour: Extra inputs are not permitted"),
        ({"text": 42}, 422, "text: Input should be a valid string"),
        (["قصف"], 422, "Input should be a valid dictionary"),
    ],
)
def test_bad_extract_requests_get_a_one_line_reason(client, body, status, message):
    response = client.post("/extract", json=body)
    assert response.status_code == status
    detail = response.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail
    assert message in detail


def test_malformed_json_is_400(client):
    response = client.post("/extract", content=b'{"text": "\xd9\x82', headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("the body is not valid JSON")


def test_body_over_the_limit_is_413_whether_declared_or_streamed(client):
    big = json.dumps({"text": "قصف " * 40_000}).encode()
    assert len(big) > 64 * 1024
    declared = client.post("/extract", content=big, headers={"content-type": "application/json"})
    assert declared.status_code == 413
    assert "larger than the limit of 65,536 bytes" in declared.json()["detail"]

    def chunks():
        for start in range(0, len(big), 8192):
            yield big[start:start + 8192]

    streamed = client.post("/extract", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413
    small = client.post("/extract", json={"text": "قصف على البلدة"})
    assert small.status_code == 200


def test_a_failing_stage_gives_a_one_line_500(db, monkeypatch):
    from fastapi.testclient import TestClient

    import marsad
    from marsad.server import create_app

    def broken(*args, **kwargs):
        raise KeyError("gazetteer row missing")

    monkeypatch.setattr(marsad, "extract", broken)
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        response = client.post("/extract", json={"text": "قصف مدفعي على بلدة في ريف حماة"})
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error (KeyError: 'gazetteer row missing')"}
