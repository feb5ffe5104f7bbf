"""SQL for event queries, shared by both databases (they differ in placeholders and the bbox test)."""

from __future__ import annotations

from typing import Any

from marsad.store.base import SHOWN_MODALITIES, EventQuery

EVENT_SELECT = """
SELECT e.id, e.article_id, e.idx, e.record,
       a.external_id, a.title, a.url, a.published, s.name
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN sources s ON s.id = a.source_id
"""

ORDER = " ORDER BY e.event_date ASC NULLS LAST, e.article_id ASC, e.idx ASC"


def like_pattern(value: str) -> str:
    escaped = value.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def where_clause(query: EventQuery, placeholder: str, postgis: bool) -> tuple[str, list[Any]]:
    """The WHERE part for a query's filters, and its parameters in order."""
    p = placeholder
    conditions: list[str] = []
    params: list[Any] = []
    if query.country:
        conditions.append(f"e.country_code = {p}")
        params.append(query.country.strip().upper())
    if query.admin1:
        conditions.append(f"lower(e.admin1) = lower({p})")
        params.append(query.admin1.strip())
    if query.since:
        conditions.append(f"e.event_date >= {p}")
        params.append(query.since if postgis else query.since.isoformat())
    if query.until:
        conditions.append(f"e.event_date <= {p}")
        params.append(query.until if postgis else query.until.isoformat())
    if query.event_type:
        conditions.append(f"lower(e.event_type) = lower({p})")
        params.append(query.event_type.strip())
    if query.actor:
        conditions.append(
            "EXISTS (SELECT 1 FROM actors r WHERE r.article_id = e.article_id AND r.event_idx = e.idx"
            f" AND r.name_folded LIKE {p} ESCAPE '\\')"
        )
        params.append(like_pattern(query.actor.strip()))
    if query.bbox:
        box = query.bbox
        if postgis:
            conditions.append(f"e.geom && ST_MakeEnvelope({p}, {p}, {p}, {p}, 4326)")
            params.extend([box.west, box.south, box.east, box.north])
        else:
            conditions.append(f"e.lat BETWEEN {p} AND {p} AND e.lon BETWEEN {p} AND {p}")
            params.extend([box.south, box.north, box.west, box.east])
    if query.article_id is not None:
        conditions.append(f"e.article_id = {p}")
        params.append(query.article_id)
    if not query.all_modalities:
        marks = ", ".join([p] * len(SHOWN_MODALITIES))
        conditions.append(f"(e.modality IS NULL OR e.modality IN ({marks}))")
        params.extend(SHOWN_MODALITIES)
    return (" WHERE " + " AND ".join(conditions)) if conditions else "", params


def page_clause(query: EventQuery, placeholder: str) -> tuple[str, list[Any]]:
    clause, params = "", []
    if query.limit is not None:
        clause += f" LIMIT {placeholder}"
        params.append(query.limit)
    if query.offset:
        if query.limit is None:
            clause += " LIMIT -1" if placeholder == "?" else " LIMIT ALL"
        clause += f" OFFSET {placeholder}"
        params.append(query.offset)
    return clause, params
