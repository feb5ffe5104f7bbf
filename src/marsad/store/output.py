"""Stored events in the export formats of `marsad.export` (ACLED CSV, GeoJSON, JSON Lines) and a table.

Stored events are regrouped into small per-article reports so that `marsad.export` writes them the
way it writes fresh reports; each event keeps its store id and position in its article.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from marsad import export
from marsad.store.base import StoredEvent


def event_reports(events: Iterable[StoredEvent]) -> Iterator[tuple[dict[str, Any], list[StoredEvent]]]:
    """Consecutive events of one article as (a report holding just them, the events)."""
    group: list[StoredEvent] = []
    for event in events:
        if group and group[-1].article_id != event.article_id:
            yield _report(group), group
            group = []
        group.append(event)
    if group:
        yield _report(group), group


def _report(group: list[StoredEvent]) -> dict[str, Any]:
    first = group[0]
    article = {**first.article, "id": first.article_id}
    events = [{**e.record, "id": e.id} for e in group]
    return {"schema": "marsad/1", "article": article, "events": events}


def to_csv(events: Iterable[StoredEvent]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=export.ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for report, group in event_reports(events):
        for event, stored in zip(report["events"], group, strict=True):
            writer.writerow(export.acled_row(report, event, stored.index))
    return buffer.getvalue()


def to_geojson(events: Iterable[StoredEvent]) -> dict[str, Any]:
    """A FeatureCollection of the located events (the store already applied the modality filter)."""
    reports = [report for report, _ in event_reports(events)]
    collection = export.to_geojson(reports, all_modalities=True)
    for feature in collection["features"]:
        feature["id"] = feature["properties"].get("id")
    return collection


def to_jsonl(events: Iterable[StoredEvent]) -> str:
    return "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in events)


TABLE_COLUMNS = (
    ("date", 10, lambda r: r.get("event_date") or "?"),
    ("type", 26, lambda r: r.get("event_type") or ""),
    ("actor1", 28, lambda r: r.get("actor1") or ""),
    ("actor2", 24, lambda r: r.get("actor2") or ""),
    ("location", 18, lambda r: (r.get("location") or {}).get("name") or ""),
    ("admin1", 12, lambda r: (r.get("location") or {}).get("admin1") or ""),
    ("cc", 2, lambda r: (r.get("location") or {}).get("country_code") or ""),
    ("deaths", 6, lambda r: str(r.get("fatalities") or 0)),
)


def _cell(value: str, width: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= width else value[: width - 1] + "…"


def to_table(events: Iterable[StoredEvent]) -> str:
    """A fixed-width table for a terminal: one event a line, long names shortened."""
    lines = ["  ".join(name.ljust(width) for name, width, _ in TABLE_COLUMNS).rstrip()]
    count = 0
    for event in events:
        count += 1
        cells = [_cell(get(event.record), width).ljust(width) for _, width, get in TABLE_COLUMNS]
        lines.append(("  ".join(cells)).rstrip())
    lines.append(f"({count} event{'s' if count != 1 else ''})")
    return "\n".join(lines) + "\n"
