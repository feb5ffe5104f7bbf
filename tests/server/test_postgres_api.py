"""The HTTP API over PostgreSQL + PostGIS: storing, the PostGIS bbox query, articles and health."""

from __future__ import annotations

import pytest
from fixture_reports import realistic_reports

pytestmark = pytest.mark.postgres


def test_api_over_postgres(postgres_url):
    from fastapi.testclient import TestClient

    from marsad.server import create_app

    with TestClient(create_app(postgres_url)) as client:
        body = [{"text": text, "report": report} for text, report in realistic_reports()]
        assert client.post("/articles", json=body).status_code == 201
        assert client.post("/articles", json=body).status_code == 200
        health = client.get("/health").json()
        assert health["store"] == "postgresql"
        assert health["counts"]["articles"] == 4
        inside = client.get("/events", params={"bbox": "40,10,50,32", "format": "geojson"}).json()
        assert [f["properties"]["location"] for f in inside["features"]] == ["Al Hudaydah", "Basra"]
        event = client.get("/events", params={"actor": "hayat tahrir"}).json()["events"][0]
        article = client.get(f"/articles/{event['article_id']}").json()
        (evidence,) = [s for s in article["spans"] if s["layer"] == "events" and s["item"] == event["index"]]
        assert article["text"][evidence["start"]:evidence["end"]] == event["evidence"]["text"]
        assert article["published"] == "2018-08-14"
