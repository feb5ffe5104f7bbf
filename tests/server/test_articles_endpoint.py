"""POST /articles and GET /articles/{id}: storing through the pipeline or a given report, the write token."""

from __future__ import annotations

from fixture_reports import realistic_reports


def test_one_article_runs_the_pipeline_and_is_stored_once(client, sample_text):
    body = {"text": sample_text, "published": "2018-08-15", "source": "سبوتنيك", "id": "idlib"}
    first = client.post("/articles", json=body)
    assert first.status_code == 201
    (stored,) = first.json()["articles"]
    assert stored["created"] is True
    again = client.post("/articles", json=body)
    assert again.status_code == 200
    assert again.json()["articles"] == [{"id": stored["id"], "created": False, "events": 0}]
    article = client.get(f"/articles/{stored['id']}").json()
    assert article["text"] == sample_text
    assert article["external_id"] == "idlib"
    assert article["published"] == "2018-08-15"
    assert article["report"]["schema"] == "marsad/1"


def test_a_list_of_given_reports_is_stored_with_spans(client):
    pairs = realistic_reports()
    response = client.post("/articles", json=[{"text": t, "report": r} for t, r in pairs])
    assert response.status_code == 201
    stored = response.json()["articles"]
    assert [a["events"] for a in stored] == [1, 2, 1, 1]
    article = client.get(f"/articles/{stored[3]['id']}").json()
    text = pairs[3][0]
    evidence = [s for s in article["spans"] if s["layer"] == "events"]
    assert [s["text"] for s in evidence] == ["تظاهر مئات المحتجين الأحد أمام مبنى مجلس محافظة البصرة"]
    for span in article["spans"]:
        assert text[span["start"]:span["end"]] == span["text"]


def test_bad_article_requests(client):
    text, report = realistic_reports()[0]
    cases = [
        ([], "the list of articles is empty"),
        ([{"text": "قصف على البلدة"}] * 101, "the limit is 100"),
        ({"text": text, "report": {**report, "schema": "other/2"}}, "not a marsad/1 report"),
        ({"text": text, "report": {**report, "events": "none"}}, "'events' is not a list"),
    ]
    for body, message in cases:
        response = client.post("/articles", json=body)
        assert response.status_code == 422, body
        assert message in response.json()["detail"]
    assert client.get("/health").json()["counts"]["articles"] == 0


def test_missing_article_is_404_and_a_bad_id_422(client):
    assert client.get("/articles/999").status_code == 404
    assert client.get("/articles/999").json()["detail"] == "no article with id 999"
    assert client.get("/articles/abc").status_code == 422


def test_write_token_guards_articles_but_not_extract(guarded, write_token):
    text, report = realistic_reports()[2]
    body = {"text": text, "report": report}
    assert guarded.post("/articles", json=body).status_code == 401
    wrong = guarded.post("/articles", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"] == "Bearer"
    assert "bearer token is required" in wrong.json()["detail"]
    assert guarded.post("/articles", json=body, headers={"Authorization": f"Basic {write_token}"}).status_code == 401
    right = guarded.post("/articles", json=body, headers={"Authorization": f"Bearer {write_token}"})
    assert right.status_code == 201
    assert guarded.post("/extract", json={"text": text}).status_code == 200
    assert guarded.get("/events").json()["total"] == 1
    assert guarded.get("/health").json()["write_token_required"] is True
