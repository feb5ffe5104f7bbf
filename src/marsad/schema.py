"""The `marsad/1` report: the one output shape of every front end (CLI, API, HTTP, batch).

Field names are fixed (outside evaluations read them); `docs/schema.md` documents each. A report
is made from a processed `Document` by `Report.from_document`: each list is read from the layer of
the same name, and each item keeps the raw offsets of the characters that justify it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from marsad.document import Document, Span

SCHEMA = "marsad/1"

ENTITY_FIELDS = ("start", "end", "text", "label", "type", "canonical", "actor_type")
PLACE_FIELDS = (
    "start", "end", "text", "name", "name_ar", "lat", "lon", "country_code",
    "admin1", "admin2", "admin3", "geonameid", "feature", "geo_precision",
)
DATE_FIELDS = ("start", "end", "text", "date", "end_date", "time_precision")
EVENT_FIELDS = (
    "event_type", "sub_event_type", "plover", "actor1", "assoc_actor_1", "inter1", "actor2",
    "assoc_actor_2", "inter2", "interaction", "location", "event_date", "time_precision",
    "fatalities", "modality", "source", "notes", "evidence",
)


@dataclass
class Article:
    id: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Span):
        return span_record(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def span_record(span: Span, fields: tuple[str, ...] = ()) -> dict[str, Any]:
    """A span as a report item: the fixed fields first (None when absent), then any extra attributes."""
    record: dict[str, Any] = {"start": span.start, "end": span.end, "text": span.text}
    attrs = dict(span.attrs)
    for name in fields:
        if name in record:
            continue
        if name == "label":
            record["label"] = span.label
        else:
            record[name] = _jsonable(attrs.pop(name, None))
    for name, value in attrs.items():
        if not name.startswith("_"):
            record[name] = _jsonable(value)
    return record


def event_record(span: Span, text: str | None = None) -> dict[str, Any]:
    """An event item: its fields from the span's attributes, its evidence as the span itself and, given
    the article's `text`, the other passages that report the same event (`passages`)."""
    attrs = span.attrs
    record: dict[str, Any] = {}
    for name in EVENT_FIELDS:
        if name == "evidence":
            record["evidence"] = {"start": span.start, "end": span.end, "text": span.text}
            # other passages that report the same event (restatements merged into it), for the analyst
            passages = sorted({(a, b) for a, b in attrs.get("_evidences", ()) if not span.start <= a < b <= span.end})
            if passages and text is not None:
                record["passages"] = [{"start": a, "end": b, "text": text[a:b]} for a, b in passages]
        elif name == "location":
            location = attrs.get("location")
            record["location"] = span_record(location, PLACE_FIELDS) if isinstance(location, Span) else location
        else:
            record[name] = _jsonable(attrs.get(name))
    for name, value in attrs.items():
        if name not in record and not name.startswith("_"):
            record[name] = _jsonable(value)
    return record


@dataclass
class Report:
    article: Article
    entities: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema: str = SCHEMA

    @classmethod
    def from_document(cls, doc: Document) -> Report:
        article = Article(
            id=doc.id, title=doc.title, source=doc.source, url=doc.url,
            published=doc.published.isoformat() if doc.published else None,
        )
        return cls(
            article=article,
            entities=[span_record(s, ENTITY_FIELDS) for s in doc.get("entities")],
            places=[span_record(s, PLACE_FIELDS) for s in doc.get("places")],
            dates=[span_record(s, DATE_FIELDS) for s in doc.get("dates")],
            events=[event_record(s, doc.text) for s in doc.get("events")],
            warnings=list(doc.warnings),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "article": asdict(self.article),
            "entities": self.entities,
            "places": self.places,
            "dates": self.dates,
            "events": self.events,
            "warnings": self.warnings,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} report: schema is {data.get('schema')!r}")
        return cls(
            article=Article(**data.get("article", {})),
            entities=list(data.get("entities", [])),
            places=list(data.get("places", [])),
            dates=list(data.get("dates", [])),
            events=list(data.get("events", [])),
            warnings=list(data.get("warnings", [])),
        )
