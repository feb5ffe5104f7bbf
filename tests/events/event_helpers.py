"""Helpers for the event coder's tests: documents whose earlier layers the test fills by hand."""

from __future__ import annotations

import datetime as dt

from marsad.document import Document
from marsad.events.modality import is_factual
from marsad.events.stage import EventCoder
from marsad.pipeline import RULE_STAGES, Pipeline

PUBLISHED = dt.date(2018, 5, 22)

# ACLED-style actors as the actors stage writes them (canonical, inter, country, category)
ACTORS = {
    "الجيش اليمني": ("Military Forces of Yemen (2012-)", 1, "YE", "military"),
    "قوات الجيش اليمني": ("Military Forces of Yemen (2012-)", 1, "YE", "military"),
    "ميليشيات الحوثي": ("Houthis", 2, "YE", "armed_group"),
    "الحوثيين": ("Houthis", 2, "YE", "armed_group"),
    "الحوثيون": ("Houthis", 2, "YE", "armed_group"),
    "التحالف العربي": ("Operation Restoring Hope", 8, None, "coalition"),
    "تنظيم داعش": ("Islamic State (Syria)", 2, "SY", "armed_group"),
    "هيئة تحرير الشام": ("Hayat Tahrir al-Sham", 2, "SY", "armed_group"),
    "الجيش السوري": ("Military Forces of Syria (2000-)", 1, "SY", "military"),
    "الجيش التركي": ("Military Forces of Turkey (2016-)", 1, "TR", "military"),
    "وحدات حماية الشعب": ("YPG: People's Protection Units", 2, "SY", "armed_group"),
    "الشرطة العراقية": ("Police Forces of Iraq (2014-2018)", 1, "IQ", "police"),
}

# places as the places stage writes them
PLACES = {
    "صعدة": dict(name="Sadah", lat=16.9402, lon=43.7639, country_code="YE", admin1="Sadah", feature="PPLA",
                 geo_precision=1),
    "كتاف": dict(name="Kitaf", lat=17.0317, lon=44.1091, country_code="YE", admin1="Sadah", feature="PPL",
                 geo_precision=1),
    "الحديدة": dict(name="Al Hudaydah", lat=14.7978, lon=42.9545, country_code="YE", admin1="Al Hudaydah",
                    feature="PPLA", geo_precision=1),
    "حيس": dict(name="Hays", lat=13.9324, lon=43.4849, country_code="YE", admin1="Al Hudaydah", feature="PPL",
                geo_precision=1),
    "تعز": dict(name="Taizz", lat=13.5795, lon=44.0209, country_code="YE", admin1="Taizz", feature="PPLA",
                geo_precision=1),
    "إدلب": dict(name="Idleb", lat=35.9306, lon=36.6339, country_code="SY", admin1="Idleb", feature="ADM1",
                 geo_precision=3),
    "سراقب": dict(name="Saraqib", lat=35.8647, lon=36.8006, country_code="SY", admin1="Idleb", feature="PPL",
                  geo_precision=1),
    "معرة النعمان": dict(name="Maarrat an Numan", lat=35.6481, lon=36.6722, country_code="SY", admin1="Idleb",
                         feature="PPL", geo_precision=1),
    "عفرين": dict(name="Afrin", lat=36.5119, lon=36.8694, country_code="SY", admin1="Aleppo", feature="PPL",
                  geo_precision=1),
    "البصرة": dict(name="Basrah", lat=30.5085, lon=47.7804, country_code="IQ", admin1="Basrah", feature="PPLA",
                   geo_precision=1),
    "النجف": dict(name="Najaf", lat=31.9960, lon=44.3146, country_code="IQ", admin1="Najaf", feature="PPLA",
                  geo_precision=1),
    "سوريا": dict(name="Syria", lat=35.0, lon=38.0, country_code="SY", admin1=None, feature="COUNTRY",
                  geo_precision=3),
}


def _mark_all(doc: Document, layer: str, table: dict, make) -> None:
    taken: list[tuple[int, int]] = []
    for surface in sorted(table, key=len, reverse=True):
        start = doc.text.find(surface)
        while start != -1:
            end = start + len(surface)
            if not any(a < end and start < b for a, b in taken):
                doc.add(layer, make(doc, start, end, table[surface]))
                taken.append((start, end))
            start = doc.text.find(surface, end)
    doc.layers.setdefault(layer, []).sort(key=lambda s: s.start)


def _actor(doc, start, end, entry):
    canonical, inter, country, category = entry
    return doc.span(start, end, "ORG", canonical=canonical, inter=inter, country=country, category=category)


def _place(doc, start, end, attrs):
    return doc.span(start, end, "LOC", **attrs)


def build(text: str, published: dt.date = PUBLISHED, dates: dict | None = None, source: str = "test") -> Document:
    """Sentences and tokens by the real stages; actors and places marked from the tables above;
    dates from `dates` ({surface: (date, precision)}); then the event coder."""
    doc = Pipeline(["sentences", "tokens"])(Document(text=text, published=published, source=source))
    _mark_all(doc, "entities", ACTORS, _actor)
    _mark_all(doc, "places", PLACES, _place)
    for surface, (day, precision) in (dates or {}).items():
        start = text.index(surface)
        doc.add("dates", doc.span(start, start + len(surface), "DATE", date=day, time_precision=precision))
    return EventCoder()(doc)


def factual(doc: Document) -> list:
    return [e for e in doc.get("events") if is_factual(e.attrs["modality"])]


def rule_coder(published: dt.date):
    """The whole pipeline before the judge, coding a text dated `published`."""
    pipeline = Pipeline(list(RULE_STAGES))
    return lambda text: pipeline(Document(text=text, published=published))


def factual_attrs(doc: Document) -> list[dict]:
    return [e.attrs for e in factual(doc)]


def places_of(records: list[dict]) -> list[str | None]:
    """The location names of records (attrs dicts), None where a record has no location."""
    return [None if r["location"] is None else r["location"].attrs.get("name") for r in records]


def types_of(records: list[dict]) -> list[tuple[str, str]]:
    """The (event type, sub-event type) of records (attrs dicts)."""
    return [(r["event_type"], r["sub_event_type"]) for r in records]
