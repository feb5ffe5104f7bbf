"""The article-level golds kept in eval/annotations (ACLED-style records of ANT articles, coded by the
dev gold's rules): well formed, English only, and, where ../shared is present, pointing at trimmed
word-bounded passages of their articles, dated 0-45 days before publication, never a non-event passage
overlapping an event passage."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

ANNOTATIONS = Path(__file__).resolve().parents[2] / "eval" / "annotations"
NAMES = ("team_n", "third_set", "fourth_set", "fifth_set", "sixth_set", "seventh_set", "eighth_set", "ninth_set", "tenth_set",
         "eleventh_set", "twelfth_set", "thirteenth_set", "fourteenth_set", "fifteenth_set",
         "sixteenth_set", "seventeenth_set", "eighteenth_set", "nineteenth_set", "twentieth_set", "twenty_first_set", "twenty_second_set",
         "twenty_third_set", "twenty_fourth_set", "twenty_fifth_set", "twenty_sixth_set", "twenty_seventh_set",
         "twenty_eighth_set", "twenty_ninth_set", "thirtieth_set", "thirty_first_set", "thirty_second_set",
         "thirty_third_set", "thirty_fourth_set", "thirty_fifth_set", "thirty_sixth_set", "thirty_seventh_set",
         "thirty_eighth_set", "thirty_ninth_set", "fortieth_set",
         "third_set_recoded")
GOLDS = [ANNOTATIONS / f"events_articles_{name}.jsonl" for name in NAMES]
EVENT_FIELDS = {
    "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2", "location", "country", "admin1",
    "lat", "lon", "geo_precision", "event_date", "time_precision", "fatalities", "evidence_start",
    "evidence_end", "note",
}
REASONS = {"planned", "possible", "threat", "denied", "historical", "statement"}
ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
TAXONOMY = Path(__file__).resolve().parents[2] / "src" / "marsad" / "data" / "ar" / "events" / "taxonomy.tsv"


def _taxonomy() -> set[tuple[str, str]]:
    rows = [line.split("\t") for line in TAXONOMY.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return {(row[0], row[1]) for row in rows}


@pytest.fixture(scope="module", params=GOLDS, ids=list(NAMES))
def articles(request) -> list[dict]:
    with request.param.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_distinct_articles_with_full_records(articles):
    # 40 drawn (20 in the recoding); a start index late in the corpus runs out first (the fourteenth: 37)
    assert 20 <= len(articles) <= 40 and len({a["docno"] for a in articles}) == len(articles)
    taxonomy = _taxonomy()
    for article in articles:
        for event in article["events"]:
            assert set(event) == EVENT_FIELDS, article["docno"]
            assert (event["event_type"], event["sub_event_type"]) in taxonomy
            assert event["geo_precision"] in (1, 2, 3) and event["time_precision"] in (1, 2, 3)
            assert isinstance(event["fatalities"], int) and event["fatalities"] >= 0
        assert all(non_event["reason"] in REASONS for non_event in article["non_events"])


def test_no_corpus_text_is_copied(articles):
    for article in articles:
        for record in article["events"] + article["non_events"]:
            assert not any(isinstance(value, str) and ARABIC.search(value) for value in record.values()), \
                article["docno"]


def test_golds_share_no_article_with_each_other_or_the_dev_gold(shared_dir):
    seen: set[str] = set()
    dev = shared_dir / "data" / "ant_gold_dev" / "events.jsonl"
    for path in [dev, *(gold for name, gold in zip(NAMES, GOLDS, strict=True) if name != "third_set_recoded")]:
        docnos = {json.loads(line)["docno"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
        assert not docnos & seen, path.name
        seen |= docnos


def test_passages_are_trimmed_dated_and_apart(articles, ant_articles):
    texts = {a["docno"]: (a["text"], a["date"]) for a in ant_articles}
    for article in articles:
        text, date = texts[article["docno"]]
        assert article["date"] == date
        published = dt.date.fromisoformat(date)
        spans = []
        for record in article["events"] + article["non_events"]:
            start, end = record["evidence_start"], record["evidence_end"]
            passage = text[start:end]
            assert passage and passage == passage.strip(), (article["docno"], start)
            assert not (start > 0 and text[start - 1].isalnum() and text[start].isalnum())
            assert not (end < len(text) and text[end - 1].isalnum() and text[end].isalnum())
            spans.append((start, end, "reason" in record))
        for event in article["events"]:
            assert 0 <= (published - dt.date.fromisoformat(event["event_date"])).days <= 45
        for start, end, _ in [s for s in spans if s[2]]:
            assert not any(s < end and start < e for s, e, non in spans if not non), (article["docno"], start)


def test_the_recoding_covers_half_the_third_set():
    def docnos(name: str) -> set[str]:
        text = GOLDS[NAMES.index(name)].read_text(encoding="utf-8")
        return {json.loads(line)["docno"] for line in text.splitlines() if line.strip()}
    recoded, third = docnos("third_set_recoded"), docnos("third_set")
    assert len(recoded) == 20 and recoded <= third


def _agreement_module():
    import importlib.util
    import sys
    folder = Path(__file__).resolve().parents[2] / "eval"
    sys.path.insert(0, str(folder))
    try:
        spec = importlib.util.spec_from_file_location("agreement_events", folder / "agreement_events.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(folder))
    return module


def test_agreement_pairs_records_of_one_type_and_place_one_to_one():
    agreement = _agreement_module()
    strike = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
              "admin1": "Sadah", "lat": 16.94, "lon": 43.76, "event_date": "2018-05-25"}
    near = dict(strike, admin1="", lat=17.03, lon=44.11)  # Kitaf, about 39 km away
    far = dict(strike, admin1="Aden", lat=12.78, lon=45.04)
    battle = dict(strike, event_type="Battles", sub_event_type="Armed clash")
    assert agreement.match([strike], [far, battle, near]) == {0: 2}
    assert agreement.match([strike, strike], [strike]) == {0: 0}
