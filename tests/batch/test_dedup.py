"""Deduplication links two reports of one event and not two different events; undo restores."""

from __future__ import annotations

import json

import pytest

from marsad.batch.dedup import DedupSettings, EventRef, complete_linkage, find_links, same_event
from marsad.batch.deduplicate import deduplicate, stored_groups
from marsad.batch.links import LinkTable
from marsad.store import EventQuery, open_store

# Written for these tests in the style of the news (not copied from any corpus).
TEXT_SKY = "قُتل خمسة مدنيين في غارة جوية شنتها طائرات حربية سورية على مدينة أريحا بريف إدلب الجنوبي."
TEXT_BBC = "أفاد ناشطون بمقتل خمسة أشخاص جراء قصف جوي للقوات الحكومية السورية استهدف أريحا."
TEXT_ALEPPO = "استهدفت غارات جوية سورية أحياء في مدينة حلب الشرقية، وفق مصادر محلية."
TEXT_PROTEST = "تظاهر المئات في مدينة أريحا احتجاجا على القصف المتواصل للمنطقة."
TEXT_ISIS = "شن تنظيم داعش هجوما على مواقع هيئة تحرير الشام قرب أريحا."

ARIHA = {"name": "Ariha", "lat": 35.8126, "lon": 36.6106, "country_code": "SY", "admin1": "Idlib",
         "admin2": "Ariha", "admin3": "Ariha", "geo_precision": 1}
NEAR_ARIHA = {"name": "Urum al-Jawz", "lat": 35.7775, "lon": 36.5539, "country_code": "SY", "admin1": "Idlib",
              "admin2": "Ariha", "admin3": None, "geo_precision": 1}  # about 6 km away
ALEPPO = {"name": "Aleppo", "lat": 36.2021, "lon": 37.1343, "country_code": "SY", "admin1": "Aleppo",
          "admin2": "Jebel Saman", "admin3": "Aleppo", "geo_precision": 1}
IDLIB_PROVINCE = {"name": "Idlib", "lat": 35.83, "lon": 36.63, "country_code": "SY", "admin1": "Idlib",
                  "admin2": None, "admin3": None, "geo_precision": 3}
SYRIA = "Military Forces of Syria (2000-)"


def event(text: str, event_type: str, date: str, location: dict, actor1: str | None = SYRIA,
          actor2: str | None = None, sub: str | None = "Air/drone strike") -> dict:
    return {
        "event_type": event_type, "sub_event_type": sub, "actor1": actor1, "actor2": actor2,
        "location": location, "event_date": date, "modality": "reported",
        "evidence": {"start": 0, "end": len(text), "text": text},
    }


def report(source: str, docno: str, events: list[dict]) -> dict:
    return {"schema": "marsad/1", "article": {"id": docno, "source": source, "published": "2018-08-15"},
            "entities": [], "places": [], "dates": [], "events": events, "warnings": []}


def ref(record: dict, event_id: int, article_id: int, source: str = "x") -> EventRef:
    made = EventRef.from_record(event_id, article_id, record, {"source": source})
    assert made is not None
    return made


STRIKE = event(TEXT_SKY, "Explosions/Remote violence", "2018-08-14", ARIHA, actor2="Civilians (Syria)")


@pytest.mark.parametrize(
    "other, same, why",
    [
        (event(TEXT_BBC, "Explosions/Remote violence", "2018-08-15", ARIHA), True, "same admin3 Ariha"),
        (event(TEXT_BBC, "Explosions/Remote violence", "2018-08-14", NEAR_ARIHA), True, "km apart"),
        (event(TEXT_BBC, "Explosions/Remote violence", "2018-08-14", ARIHA, actor1=None), True,
         "the other report names none"),
        (event(TEXT_BBC, "Explosions/Remote violence", "2018-08-14", ARIHA, actor1="Unidentified Armed Group (Syria)",
               actor2="Civilians (Syria)"), True, "the other report names none"),
        (event(TEXT_ALEPPO, "Explosions/Remote violence", "2018-08-14", ALEPPO), False, "about 75 km away"),
        (event(TEXT_PROTEST, "Protests", "2018-08-14", ARIHA, actor1="Protesters (Syria)", sub="Peaceful protest"),
         False, "another event type"),
        (event(TEXT_ISIS, "Explosions/Remote violence", "2018-08-14", ARIHA, actor1="Islamic State (Syria)",
               actor2="Hayat Tahrir al-Sham"), False, "other actors"),
        (event(TEXT_BBC, "Explosions/Remote violence", "2018-08-17", ARIHA), False, "three days later"),
        (event(TEXT_ISIS, "Explosions/Remote violence", "2018-08-14", ARIHA, actor1="Islamic State (Syria)",
               actor2="Civilians (Syria)"), False, "sharing only the victims is not sharing actors"),
        (event(TEXT_BBC, "Explosions/Remote violence", "2018-08-14", ARIHA, sub="Remote explosive/landmine/IED"),
         False, "another sub-event type"),
        (event(TEXT_BBC, "Explosions/Remote violence", "2018-08-14", IDLIB_PROVINCE), False,
         "only located to the province"),
    ],
)
def test_same_event_rules(other, same, why):
    reason = same_event(ref(STRIKE, 1, 10, "skynews"), ref(other, 2, 20, "bbc"))
    assert (reason is not None) == same, why
    if same:
        assert why in reason
        assert "Explosions/Remote violence" in reason and "skynews article 10 + bbc article 20" in reason


def test_two_events_of_one_article_are_never_merged():
    assert same_event(ref(STRIKE, 1, 10), ref(STRIKE, 2, 10)) is None


def test_find_links_compares_within_the_date_window_only():
    days = [f"2018-08-{d:02d}" for d in (1, 2, 3, 6)]
    refs = [ref(event(TEXT_SKY, "Explosions/Remote violence", d, ARIHA), i, 100 + i) for i, d in enumerate(days)]
    links = list(find_links(refs, DedupSettings(days=1)))
    assert [(link.event_a, link.event_b) for link in links] == [(0, 1), (1, 2)]
    with pytest.raises(ValueError):
        list(find_links(list(reversed(refs))))


def test_complete_linkage_stops_a_chain_of_days_becoming_one_event():
    days = ["2018-08-01", "2018-08-02", "2018-08-03"]
    refs = [ref(event(TEXT_SKY, "Battles", d, ARIHA, sub="Armed clash"), i, 100 + i) for i, d in enumerate(days)]
    candidates = list(find_links(refs))
    assert len(candidates) == 2  # Mon-Tue and Tue-Wed pass every test; Mon-Wed does not
    kept = complete_linkage(candidates, [], {r.id: r.article_id for r in refs})
    assert [(k.event_a, k.event_b) for k in kept] == [(0, 1)]
    # a third report of Monday's battle, same day as both: it joins the group
    monday = ref(event(TEXT_BBC, "Battles", "2018-08-01", ARIHA, sub="Armed clash"), 3, 103)
    more = list(find_links(sorted([*refs, monday], key=lambda r: (r.date, r.id))))
    kept = complete_linkage(more, [], {r.id: r.article_id for r in [*refs, monday]})
    assert {(k.event_a, k.event_b) for k in kept} == {(0, 1), (0, 3), (1, 3)}


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "dedup.db") as opened:
        opened.add(TEXT_SKY, report("skynews", "SKY-1", [STRIKE]))
        opened.add(TEXT_BBC, report("bbc", "BBC-1", [
            event(TEXT_BBC, "Explosions/Remote violence", "2018-08-15", ARIHA)]))
        opened.add(TEXT_ALEPPO, report("alarabia", "ARB-1", [
            event(TEXT_ALEPPO, "Explosions/Remote violence", "2018-08-14", ALEPPO)]))
        opened.add(TEXT_ISIS, report("cnn", "CNN-1", [
            event(TEXT_ISIS, "Explosions/Remote violence", "2018-08-14", ARIHA, actor1="Islamic State (Syria)",
                  actor2="Hayat Tahrir al-Sham")]))
        yield opened


def event_ids(store) -> dict[str, int]:
    return {e.article["external_id"]: e.id for e in store.iter_events(EventQuery())}


def test_dedup_merges_the_two_reports_of_one_strike_and_undo_restores(store, tmp_path):
    before = [e.to_dict() for e in store.iter_events(EventQuery())]
    ids = event_ids(store)

    result = deduplicate(store)

    assert result.events == 4 and result.found == 1 and result.run.links == 1
    [group] = result.groups
    assert group.events == sorted([ids["SKY-1"], ids["BBC-1"]])
    assert group.sources == ["bbc", "skynews"]
    assert "same admin3 Ariha" in group.reasons[0] and "dates 2018-08-14 and 2018-08-15" in group.reasons[0]
    assert [e.to_dict() for e in store.iter_events(EventQuery())] == before  # events untouched

    again = deduplicate(store)  # a second run finds the same link and adds nothing
    assert again.found == 1 and again.run.links == 0 and len(again.groups) == 1
    assert group.reasons == again.groups[0].reasons

    table = LinkTable(store)
    assert table.undo().run == again.run.run  # the latest run: nothing of its own to remove
    assert len(stored_groups(store)) == 1
    assert table.undo().run == result.run.run
    assert stored_groups(store) == [] and table.links() == [] and table.runs() == []
    assert [e.to_dict() for e in store.iter_events(EventQuery())] == before
    assert table.undo() is None


def test_dedup_cli_writes_groups_and_undoes(store, tmp_path):
    from typer.testing import CliRunner

    from marsad.cli.main import app

    db = str(store.url)
    groups_file = tmp_path / "groups.jsonl"
    runner = CliRunner()
    result = runner.invoke(app, ["dedup", "--db", db, "--groups", str(groups_file)])
    assert result.exit_code == 0, result.output
    assert "4 events compared, 1 candidate links, 1 new links kept; 1 merged events group 2 reports" in result.output
    [line] = groups_file.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["sources"] == ["bbc", "skynews"]
    result = runner.invoke(app, ["dedup", "--db", db, "--undo"])
    assert result.exit_code == 0 and "1 links removed" in result.output
    result = runner.invoke(app, ["dedup", "--db", db, "--undo"])
    assert result.exit_code == 1 and "no dedup run to undo" in result.output
