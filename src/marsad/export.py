"""Exports of reports: JSON, JSON Lines, ACLED-style CSV and GeoJSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from marsad.countries import country

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)

# Events of these modalities happened (or are reported or claimed to have): the rest (planned,
# possible, denied, negated, historical) stay in reports but leave exports unless asked for.
EXPORTED_MODALITIES = frozenset({"asserted", "reported", "claimed", None})


def exported_events(report: dict[str, Any], all_modalities: bool = False) -> list[dict[str, Any]]:
    return [
        e for e in report.get("events", [])
        if all_modalities or (e.get("modality") in EXPORTED_MODALITIES and e.get("factual", True) is not False)
    ]


def acled_row(report: dict[str, Any], event: dict[str, Any], index: int) -> dict[str, Any]:
    location = event.get("location") or {}
    article = report.get("article") or {}
    date = event.get("event_date") or ""
    country_code = location.get("country_code") or ""
    facts = country(country_code)
    row = {
        "event_id_cnty": f"{country_code}{article.get('id') or 'X'}-{index + 1}",
        "event_date": date,
        "year": date[:4],
        "time_precision": event.get("time_precision"),
        "disorder_type": event.get("disorder_type") or "",
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "actor1": event.get("actor1") or "",
        "assoc_actor_1": event.get("assoc_actor_1") or "",
        "inter1": event.get("inter1") or "",
        "actor2": event.get("actor2") or "",
        "assoc_actor_2": event.get("assoc_actor_2") or "",
        "inter2": event.get("inter2") or "",
        "interaction": event.get("interaction") or "",
        "civilian_targeting": event.get("civilian_targeting") or "",
        "iso": facts.iso_numeric if facts else "",
        "region": facts.region if facts else "",
        "country": facts.name if facts else country_code,
        "admin1": location.get("admin1") or "",
        "admin2": location.get("admin2") or "",
        "admin3": location.get("admin3") or "",
        "location": location.get("name") or "",
        "latitude": f"{location['lat']:.4f}" if location.get("lat") is not None else "",
        "longitude": f"{location['lon']:.4f}" if location.get("lon") is not None else "",
        "geo_precision": location.get("geo_precision") or "",
        "source": "; ".join(filter(None, [event.get("source"), article.get("source")])),
        "source_scale": event.get("source_scale") or "",
        "notes": event.get("notes") or "",
        "fatalities": event.get("fatalities") or 0,
        "tags": event.get("tags") or "",
        "timestamp": event.get("timestamp") or "",
    }
    return row


def to_csv(reports: Iterable[dict[str, Any]], all_modalities: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for report in reports:
        for index, event in enumerate(exported_events(report, all_modalities)):
            writer.writerow(acled_row(report, event, index))
    return buffer.getvalue()


def to_geojson(reports: Iterable[dict[str, Any]], all_modalities: bool = False) -> dict[str, Any]:
    """Events as point features; a report with no events contributes its places instead."""
    features = []
    for report in reports:
        article = report.get("article") or {}
        events = exported_events(report, all_modalities)
        for event in events:
            location = event.get("location") or {}
            if location.get("lat") is None:
                continue
            properties = {k: v for k, v in event.items() if k != "location"}
            properties.update({"article_id": article.get("id"), "location": location.get("name")})
            features.append(_feature(location, properties))
        if not events:
            for place in report.get("places", []):
                if place.get("lat") is None:
                    continue
                properties = {k: v for k, v in place.items() if k not in ("lat", "lon")}
                properties.update({"article_id": article.get("id"), "kind": "place"})
                features.append(_feature(place, properties))
    return {"type": "FeatureCollection", "features": features}


def _feature(point: dict[str, Any], properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [point["lon"], point["lat"]]},
        "properties": properties,
    }


def to_json(reports: list[dict[str, Any]]) -> str:
    if len(reports) == 1:
        return json.dumps(reports[0], ensure_ascii=False, indent=2)
    return json.dumps(reports, ensure_ascii=False, indent=2)


def to_jsonl(reports: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports)
