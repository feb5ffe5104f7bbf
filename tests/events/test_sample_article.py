"""The sample article end to end through the real pipeline (places, actors, dates, events)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.document import Document
from marsad.events.modality import is_factual
from marsad.pipeline import Pipeline

STAGES = ["sentences", "tokens", "places", "actors", "dates", "events", "judge", "vet"]
TOWNS = {"اطمة", "الدانا", "حارم", "سلقين", "دركوش", "جسر الشغور"}


@pytest.fixture(scope="module")
def sample_events(sample_text):
    return Pipeline(STAGES)(Document(text=sample_text, published=dt.date(2018, 8, 15), source="sputnik"))


def test_is_moves_fighters_into_six_places(sample_events):
    moves = [
        e.attrs for e in sample_events.get("events")
        if e.attrs["sub_event_type"] == "Change to group/activity" and e.attrs["location"] is not None
        and e.attrs["location"].text in TOWNS and is_factual(e.attrs["modality"])
    ]
    assert {m["location"].text for m in moves} == TOWNS
    for move in moves:
        assert move["event_type"] == "Strategic developments"
        assert move["actor1"] == "Islamic State (Syria)"
        assert move["assoc_actor_1"] == "Hayat Tahrir al-Sham"
        assert move["source"] == "Local sources via Sputnik"
        assert move["outlet"] == "sputnik"
        assert is_factual(move["modality"])
        assert move["plover"] == "MOBILIZE"


def test_prison_escape_is_dated_early_august(sample_events):
    escapes = [e.attrs for e in sample_events.get("events") if e.attrs["trigger"]["text"] == "فرار"]
    assert len(escapes) == 1
    escape = escapes[0]
    assert (escape["event_type"], escape["sub_event_type"]) == ("Strategic developments", "Other")
    assert escape["event_date"] == dt.date(2018, 8, 1)
    assert escape["time_precision"] in (2, 3)
    assert is_factual(escape["modality"])


def test_army_preparations_are_planned(sample_events):
    preparations = [e.attrs for e in sample_events.get("events") if "استعدادات" in e.attrs["trigger"]["text"]]
    assert preparations and all(p["modality"] == "planned" for p in preparations)
    assert all(p["actor1"] == "Military Forces of Syria (2000-)" for p in preparations)


def test_the_possible_operation_is_never_a_battle(sample_events):
    battles = [e for e in sample_events.get("events") if e.attrs["event_type"] == "Battles"]
    assert battles  # the coder saw the fighting words ...
    assert not [e for e in battles if is_factual(e.attrs["modality"])]  # ... and coded none as fact


def test_every_evidence_slices_the_raw_text(sample_events):
    text = sample_events.text
    assert sample_events.get("events")
    for event in sample_events.get("events"):
        assert text[event.start:event.end] == event.text
        assert event.text == event.text.strip()
        assert event.attrs["notes"]
