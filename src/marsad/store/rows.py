"""A `marsad/1` report flattened into the rows of the store's tables (the same for every database)."""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from typing import Any

from marsad.errors import InputError
from marsad.store.base import content_hash

ACTOR_ROLES = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
SPAN_LAYERS = ("entities", "places", "dates")


@dataclass
class ArticleRows:
    hash: str
    external_id: str | None
    title: str | None
    source: str | None
    url: str | None
    published: dt.date | None
    text: str
    report_json: str
    events: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    # (event index or None, role, name, actor_type, start, end)
    actors: list[tuple[int | None, str, str, str | None, int | None, int | None]] = field(default_factory=list)
    # (layer, start, end, text, label, item index)
    spans: list[tuple[str, int, int, str, str | None, int]] = field(default_factory=list)


def iso_date(value: Any) -> dt.date | None:
    """A date from a report field, or None when absent or not YYYY-MM-DD (the report keeps the raw value)."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def as_number(value: Any) -> float | None:
    """A finite number from a report field, or None (booleans, text and NaN are not numbers)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def as_int(value: Any) -> int | None:
    number = as_number(value)
    return int(number) if number is not None else None


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


def _country(value: Any) -> str | None:
    code = _text(value)
    return code.strip().upper() if code else None


def _span_offsets(item: dict[str, Any], text: str) -> tuple[int, int] | None:
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text):
        return start, end
    return None


def split_actors(value: Any) -> list[str]:
    """Actor names of one field: ACLED lists associated actors with '; '."""
    if not value:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).split(";") if part.strip()]


def check_report(text: str, report: Any, where: str = "report") -> dict[str, Any]:
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "the article text is empty")
    if not isinstance(report, dict):
        raise InputError(where, "the report is not a JSON object")
    if report.get("schema") != "marsad/1":
        raise InputError(where, f"not a marsad/1 report (schema is {report.get('schema')!r})")
    for name in ("entities", "places", "dates", "events"):
        if not isinstance(report.get(name, []), list):
            raise InputError(where, f"report field {name!r} is not a list")
    return report


def article_rows(text: str, report: dict[str, Any]) -> ArticleRows:
    check_report(text, report)
    article = report.get("article") or {}
    rows = ArticleRows(
        hash=content_hash(text),
        external_id=_text(article.get("id")),
        title=_text(article.get("title")),
        source=_text(article.get("source")),
        url=_text(article.get("url")),
        published=iso_date(article.get("published")),
        text=text,
        report_json=json.dumps(report, ensure_ascii=False, separators=(",", ":")),
    )
    for layer in SPAN_LAYERS:
        for index, item in enumerate(report.get(layer) or []):
            if not isinstance(item, dict):
                continue
            offsets = _span_offsets(item, text)
            if offsets is None:
                continue
            label = item.get("label") if layer == "entities" else (
                item.get("name") if layer == "places" else item.get("date"))
            rows.spans.append((layer, *offsets, text[offsets[0]:offsets[1]], _text(label), index))
            if layer == "entities" and (item.get("canonical") or item.get("actor_type")):
                name = _text(item.get("canonical")) or text[offsets[0]:offsets[1]]
                rows.actors.append((None, "entity", name, _text(item.get("actor_type")), *offsets))
    for index, place in enumerate(report.get("places") or []):
        if isinstance(place, dict):
            rows.places.append(_place_row(index, place, text))
    for index, event in enumerate(report.get("events") or []):
        if not isinstance(event, dict):
            continue
        rows.events.append(_event_row(index, event, text))
        evidence = event.get("evidence") or {}
        offsets = _span_offsets(evidence, text) if isinstance(evidence, dict) else None
        if offsets is not None:
            rows.spans.append(("events", *offsets, text[offsets[0]:offsets[1]], _text(event.get("event_type")),
                               index))
        for role in ACTOR_ROLES:
            for name in split_actors(event.get(role)):
                inter = event.get("inter1" if role.endswith("1") else "inter2")
                rows.actors.append((index, role, name, _text(inter), None, None))
    return rows


def _place_row(index: int, place: dict[str, Any], text: str) -> dict[str, Any]:
    offsets = _span_offsets(place, text) or (None, None)
    return {
        "idx": index, "span_start": offsets[0], "span_end": offsets[1], "text": _text(place.get("text")),
        "name": _text(place.get("name")), "name_ar": _text(place.get("name_ar")),
        "lat": as_number(place.get("lat")), "lon": as_number(place.get("lon")),
        "country_code": _country(place.get("country_code")), "admin1": _text(place.get("admin1")),
        "admin2": _text(place.get("admin2")), "admin3": _text(place.get("admin3")),
        "geonameid": as_int(place.get("geonameid")), "feature": _text(place.get("feature")),
        "geo_precision": as_int(place.get("geo_precision")),
    }


def _event_row(index: int, event: dict[str, Any], text: str) -> dict[str, Any]:
    location = event.get("location") if isinstance(event.get("location"), dict) else {}
    evidence = event.get("evidence") if isinstance(event.get("evidence"), dict) else {}
    offsets = _span_offsets(evidence, text) or (None, None)
    lat, lon = as_number(location.get("lat")), as_number(location.get("lon"))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        lat = lon = None
    return {
        "idx": index,
        "event_type": _text(event.get("event_type")), "sub_event_type": _text(event.get("sub_event_type")),
        "plover": _text(event.get("plover")),
        "actor1": _text(event.get("actor1")), "assoc_actor_1": _text(event.get("assoc_actor_1")),
        "inter1": _text(event.get("inter1")), "actor2": _text(event.get("actor2")),
        "assoc_actor_2": _text(event.get("assoc_actor_2")), "inter2": _text(event.get("inter2")),
        "interaction": _text(event.get("interaction")),
        "location_name": _text(location.get("name")), "lat": lat, "lon": lon,
        "country_code": _country(location.get("country_code")), "admin1": _text(location.get("admin1")),
        "admin2": _text(location.get("admin2")), "admin3": _text(location.get("admin3")),
        "geo_precision": as_int(location.get("geo_precision")),
        "event_date": iso_date(event.get("event_date")), "time_precision": as_int(event.get("time_precision")),
        "fatalities": as_int(event.get("fatalities")), "modality": _text(event.get("modality")),
        "source": _text(event.get("source")), "notes": _text(event.get("notes")),
        "evidence_start": offsets[0], "evidence_end": offsets[1],
        "record": json.dumps(event, ensure_ascii=False, separators=(",", ":")),
    }


EVENT_COLUMNS = (
    "idx", "event_type", "sub_event_type", "plover", "actor1", "assoc_actor_1", "inter1", "actor2",
    "assoc_actor_2", "inter2", "interaction", "location_name", "lat", "lon", "country_code", "admin1",
    "admin2", "admin3", "geo_precision", "event_date", "time_precision", "fatalities", "modality", "source",
    "notes", "evidence_start", "evidence_end", "record",
)
PLACE_COLUMNS = (
    "idx", "span_start", "span_end", "text", "name", "name_ar", "lat", "lon", "country_code", "admin1", "admin2",
    "admin3", "geonameid", "feature", "geo_precision",
)
