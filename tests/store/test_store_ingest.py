"""Storing articles: rows per table, the same text stored once, spans that slice the raw text."""

from __future__ import annotations

from fixture_reports import realistic_reports

import marsad
from marsad.store import EventQuery, content_hash


def test_each_table_gets_the_rows_of_the_reports(store):
    added = store.add_many(realistic_reports())
    assert [a.created for a in added] == [True, True, True, True]
    assert [a.events for a in added] == [1, 2, 1, 1]
    counts = store.counts()
    assert counts["articles"] == 4
    assert counts["events"] == 5
    assert counts["places"] == 6
    assert counts["sources"] == 4
    # entities with a canonical name + one row per event actor (assoc_actor_1 of Hodeidah included)
    assert counts["actors"] == 7 + 9
    assert counts["spans"] == 7 + 6 + 4 + 5


def test_storing_the_same_text_twice_changes_nothing(store):
    text, report = realistic_reports()[0]
    first = store.add(text, report)
    before = store.counts()
    renamed = {**report, "article": {**report["article"], "id": "another-id", "title": "عنوان آخر"}}
    second = store.add(text, renamed)
    assert (second.id, second.created) == (first.id, False)
    assert store.counts() == before
    assert store.article(first.id)["content_hash"] == content_hash(text)


def test_a_slightly_different_text_is_a_new_article(store):
    text, report = realistic_reports()[0]
    store.add(text, report)
    added = store.add(text + " ", report)
    assert added.created
    assert store.counts()["articles"] == 2


def test_article_comes_back_with_text_report_and_spans_that_slice_it(store):
    text, report = realistic_reports()[1]
    article_id = store.add(text, report).id
    article = store.article(article_id)
    assert article["text"] == text
    assert article["title"] == "اشتباكات في محيط جسر الشغور"
    assert article["source"] == "سبوتنيك"
    assert article["published"] == "2018-08-14"
    assert article["report"]["events"][0]["actor2"] == "Hayat Tahrir al-Sham"
    layers = {span["layer"] for span in article["spans"]}
    assert layers == {"entities", "places", "dates", "events"}
    for span in article["spans"]:
        assert text[span["start"]:span["end"]] == span["text"]
    places = [s for s in article["spans"] if s["layer"] == "places"]
    assert [p["text"] for p in places] == ["جسر الشغور", "اللاذقية"]
    # report events carry their store ids so a page can link them
    assert all(isinstance(e["id"], int) for e in article["report"]["events"])


def test_missing_article_is_none(store):
    assert store.article(12345) is None


def test_sample_article_through_the_real_pipeline_is_stored(store, sample_text):
    report = marsad.extract(sample_text, published="2018-08-15", source="سبوتنيك").to_dict()
    added = store.add(sample_text, report)
    article = store.article(added.id)
    assert article["text"] == sample_text
    assert article["report"]["schema"] == "marsad/1"
    assert article["n_events"] == len(report["events"])
    assert store.count_events(EventQuery(article_id=added.id, all_modalities=True)) == len(report["events"])
    for span in article["spans"]:
        assert sample_text[span["start"]:span["end"]] == span["text"]
    assert store.add(sample_text, report).created is False


def test_offsets_outside_the_text_are_not_stored_as_spans(store):
    text, report = realistic_reports()[3]
    broken = {**report, "places": [{**report["places"][0], "start": 5, "end": len(text) + 40}]}
    article_id = store.add(text, broken).id
    spans = store.article(article_id)["spans"]
    assert all(s["end"] <= len(text) for s in spans)
    assert "places" not in {s["layer"] for s in spans}
