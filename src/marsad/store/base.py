"""The storage interface: articles with their reports, and the events, places, actors and spans in them.

Two implementations share it: `SQLiteStore` (an embedded file, the default) and `PostgresStore`
(PostgreSQL + PostGIS). Both keep the same tables (see `marsad.store.migrations`), store each article
in one transaction, and skip an article whose text (by SHA-256) is already stored.
"""

from __future__ import annotations

import abc
import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from marsad.errors import InputError

# Events of these modalities are shown unless all are asked for (as in `marsad.export`).
SHOWN_MODALITIES = ("asserted", "reported", "claimed")
MAX_PAGE = 10_000


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_day(value: str | None, where: str) -> dt.date | None:
    """A filter date from YYYY-MM-DD text (None stays None)."""
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(where, f"{value!r} is not a date YYYY-MM-DD") from None


@dataclass(frozen=True)
class BBox:
    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, value: str, where: str = "--bbox") -> BBox:
        parts = [p.strip() for p in value.split(",")]
        try:
            west, south, east, north = (float(p) for p in parts)
        except ValueError:
            raise InputError(where, f"{value!r} is not four numbers W,S,E,N") from None
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
            raise InputError(where, f"{value!r} is outside lon -180..180, lat -90..90 (or S > N)")
        if west > east:
            raise InputError(where, f"{value!r} has west > east (boxes across the antimeridian are not supported)")
        return cls(west, south, east, north)


@dataclass
class EventQuery:
    """Filters on stored events; every set field must match. Text filters ignore case."""

    country: str | None = None
    admin1: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None
    actor: str | None = None
    bbox: BBox | None = None
    article_id: int | None = None
    all_modalities: bool = False
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if self.limit is not None and not 0 <= self.limit <= MAX_PAGE:
            raise InputError("limit", f"{self.limit} is outside 0..{MAX_PAGE}")
        if self.offset < 0:
            raise InputError("offset", f"{self.offset} is negative")
        if self.since and self.until and self.since > self.until:
            raise InputError("since/until", f"since {self.since} is after until {self.until}")


@dataclass
class Added:
    """What storing one article did: its id, and whether it was new (False: same text was stored)."""

    id: int
    created: bool
    events: int = 0


@dataclass
class StoredEvent:
    """An event as stored: its report record plus where it lives (store ids, article metadata)."""

    id: int
    article_id: int
    index: int
    record: dict[str, Any]
    article: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "article_id": self.article_id, "index": self.index, **self.record,
                "article": self.article}


class Store(abc.ABC):
    """Where reports are kept. Open with `marsad.store.open_store(db)`; close when done."""

    url: str

    @abc.abstractmethod
    def add(self, text: str, report: dict[str, Any]) -> Added:
        """Store one article and its `marsad/1` report in one transaction (nothing if its text is stored)."""

    def add_many(self, items: Iterable[tuple[str, dict[str, Any]]]) -> list[Added]:
        """Store articles one transaction each: a crash loses at most the article being written."""
        return [self.add(text, report) for text, report in items]

    @abc.abstractmethod
    def stored_hashes(self, hashes: Sequence[str]) -> set[str]:
        """Which of these content hashes are stored already (one query for a whole chunk)."""

    @abc.abstractmethod
    def events(self, query: EventQuery) -> list[StoredEvent]:
        """Events matching the query, by event date (then article, then position), paginated."""

    @abc.abstractmethod
    def count_events(self, query: EventQuery) -> int:
        """How many events match the query (ignoring limit and offset)."""

    @abc.abstractmethod
    def article(self, article_id: int) -> dict[str, Any] | None:
        """One article: metadata, text, report and spans (layer, start, end, text, label)."""

    @abc.abstractmethod
    def article_ids(self) -> list[int]:
        """Ids of all stored articles, in the order they were stored."""

    @abc.abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per table (articles, events, places, actors, sources, spans)."""

    @abc.abstractmethod
    def schema_version(self) -> int:
        """The migration step the database is at."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release connections."""

    def iter_events(self, query: EventQuery, page: int = 1000) -> Iterator[StoredEvent]:
        """All matching events, fetched a page at a time."""
        offset = query.offset
        remaining = query.limit
        while remaining is None or remaining > 0:
            size = page if remaining is None else min(page, remaining)
            batch = self.events(replace(query, limit=size, offset=offset))
            yield from batch
            if len(batch) < size:
                return
            offset += len(batch)
            if remaining is not None:
                remaining -= len(batch)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
