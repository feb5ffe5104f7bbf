"""Cross-report deduplication: reports of one event by several articles become one event.

ACLED keeps one row per event, with all its sources. Two stored events are taken for the same
event when they come from different articles and have the same event type, compatible actors, the
same place (same admin3, or within `km` kilometres, both located at town level or finer) and
dates at most `days` apart. Each link carries a reason string saying which tests it passed, and
groups are the connected components of the links. Nothing here changes or deletes an event: the
links are kept apart (`marsad.batch.links`), so a merge can be explained and undone.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from marsad.store.rows import as_int, as_number

EARTH_RADIUS_KM = 6371.0088
ACTOR_FIELDS = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
# ACLED's catch-all actors say who was hit or that the perpetrator is unknown, not who acted: a
# report naming only these is compatible with any actors, and sharing one proves nothing.
GENERIC_ACTOR_PREFIXES = ("unidentified", "civilians", "protesters", "rioters")


@dataclass(frozen=True)
class DedupSettings:
    km: float = 10.0  # places at most this far apart are the same place
    days: int = 1  # event dates at most this many days apart
    max_geo_precision: int = 2  # ACLED geo precision: 1 town, 2 near a town / a district, 3 province
    same_sub_event_type: bool = True  # when both reports name one


@dataclass
class EventRef:
    """What matching needs of one stored event."""

    id: int
    article_id: int
    event_type: str
    date: dt.date
    sub_event_type: str | None = None
    actors: frozenset[str] = frozenset()
    actor_names: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin3: str | None = None
    place: str | None = None
    geo_precision: int | None = None
    source: str | None = None

    @classmethod
    def from_record(cls, event_id: int, article_id: int, record: dict[str, Any],
                    article: dict[str, Any] | None = None) -> EventRef | None:
        """From a stored event's report record; None when it has no type or no date to match on."""
        event_type = record.get("event_type")
        date = _date(record.get("event_date"))
        if not event_type or date is None:
            return None
        location = record.get("location") if isinstance(record.get("location"), dict) else {}
        names = [name for f in ACTOR_FIELDS for name in _names(record.get(f))]
        return cls(
            id=event_id, article_id=article_id, event_type=str(event_type), date=date,
            sub_event_type=record.get("sub_event_type") or None,
            actors=frozenset(_fold(n) for n in names), actor_names=tuple(dict.fromkeys(names)),
            lat=as_number(location.get("lat")), lon=as_number(location.get("lon")),
            country_code=location.get("country_code") or None, admin1=location.get("admin1") or None,
            admin3=location.get("admin3") or None, place=location.get("name") or location.get("text"),
            geo_precision=as_int(location.get("geo_precision")),
            source=(article or {}).get("source") or record.get("source"),
        )


@dataclass(frozen=True)
class Link:
    """Two events taken for one, and why. `distance` ranks candidates (days apart, then km)."""

    event_a: int
    event_b: int
    reason: str
    distance: float = field(default=0.0, compare=False)


@dataclass
class Group:
    """One event as reported by several articles: its member events (ids) and their sources."""

    events: list[int]
    sources: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def same_event(a: EventRef, b: EventRef, settings: DedupSettings = DedupSettings()) -> str | None:
    """The reason two events are one, or None when any test fails."""
    found = _compare(a, b, settings)
    return found[0] if found else None


def _compare(a: EventRef, b: EventRef, settings: DedupSettings) -> tuple[str, float] | None:
    if a.article_id == b.article_id or a.event_type != b.event_type:
        return None
    gap = abs((a.date - b.date).days)
    if gap > settings.days:
        return None
    if settings.same_sub_event_type and a.sub_event_type and b.sub_event_type \
            and a.sub_event_type != b.sub_event_type:
        return None
    actors = _actors_reason(a, b)
    if actors is None:
        return None
    placed = _place_reason(a, b, settings)
    if placed is None:
        return None
    place, km = placed
    kind = a.event_type + (f" / {a.sub_event_type or b.sub_event_type}" if a.sub_event_type or b.sub_event_type
                           else "")
    when = f"same date {a.date}" if gap == 0 else f"dates {min(a.date, b.date)} and {max(a.date, b.date)}"
    sources = f"{a.source or '?'} article {a.article_id} + {b.source or '?'} article {b.article_id}"
    return f"{kind}; {actors}; {place}; {when}; {sources}", gap * 100 + km


def _actors_reason(a: EventRef, b: EventRef) -> str | None:
    own_a, own_b = _specific(a.actors), _specific(b.actors)
    if not own_a or not own_b:
        known = [n for n in (a.actor_names if own_a else b.actor_names) if _fold(n) in (own_a or own_b)]
        return f"actors {', '.join(known)} (the other report names none)" if known else "no specific actors named"
    shared = own_a & own_b
    if not shared:
        return None
    names = [n for n in a.actor_names if _fold(n) in shared]
    return f"shared actors {', '.join(names)}"


def _specific(actors: frozenset[str]) -> frozenset[str]:
    return frozenset(a for a in actors if not a.startswith(GENERIC_ACTOR_PREFIXES))


def _place_reason(a: EventRef, b: EventRef, settings: DedupSettings) -> tuple[str, float] | None:
    for event in (a, b):
        if event.geo_precision is not None and event.geo_precision > settings.max_geo_precision:
            return None
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return None
    distance = None
    if None not in (a.lat, a.lon, b.lat, b.lon):
        distance = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
    if a.admin3 and a.admin3 == b.admin3 and (a.admin1 == b.admin1):
        where = f"same admin3 {a.admin3}" + (f" ({a.admin1})" if a.admin1 else "")
        return where + (f", {distance:.1f} km apart" if distance is not None else ""), distance or settings.km
    if distance is not None and distance <= settings.km:
        names = " / ".join(dict.fromkeys(p for p in (a.place, b.place) if p)) or "unnamed places"
        return f"{names} {distance:.1f} km apart", distance
    return None


def find_links(events: Iterable[EventRef], settings: DedupSettings = DedupSettings()) -> Iterator[Link]:
    """Links between events of different articles, for events given in date order.

    Only events of one type and country within `days` of each other are compared, in a window
    that slides with the date, so memory and time grow with the events per day, not the corpus.
    """
    windows: dict[tuple[str, str | None], deque[EventRef]] = defaultdict(deque)
    last: dt.date | None = None
    for event in events:
        if last is not None and event.date < last:
            raise ValueError("find_links needs events in date order")
        last = event.date
        window = windows[(event.event_type, event.country_code)]
        while window and (event.date - window[0].date).days > settings.days:
            window.popleft()
        for earlier in window:
            found = _compare(earlier, event, settings)
            if found is not None:
                first, second = sorted((earlier.id, event.id))
                yield Link(first, second, *found)
        window.append(event)


def complete_linkage(candidates: Iterable[Link], kept: Iterable[Link], article_of: dict[int, int]) -> list[Link]:
    """The candidate links to keep: groups grow, closest candidates first, only while every two
    events of a group from different articles are linked (complete linkage).

    Connected components of all candidates would chain: a battle on Monday linked to one on
    Tuesday linked to one on Wednesday would become one event. `kept` are links of earlier runs:
    their groups are the starting point. Returns the new links whose events end in one group.
    """
    linked = {(link.event_a, link.event_b) for link in kept}
    pending = sorted(candidates, key=lambda link: (link.distance, link.event_a, link.event_b))
    fresh = [link for link in pending if (link.event_a, link.event_b) not in linked]
    linked.update((link.event_a, link.event_b) for link in fresh)
    group_of: dict[int, list[int]] = {}
    for link in kept:
        _join(group_of, link.event_a, link.event_b)
    for link in fresh:
        group_a = group_of.get(link.event_a, [link.event_a])
        group_b = group_of.get(link.event_b, [link.event_b])
        if group_a is group_b:
            continue
        if all(article_of.get(x) == article_of.get(y) or (min(x, y), max(x, y)) in linked
               for x in group_a for y in group_b):
            _join(group_of, link.event_a, link.event_b)
    return [link for link in fresh
            if link.event_a in group_of and group_of[link.event_a] is group_of.get(link.event_b)]


def _join(group_of: dict[int, list[int]], a: int, b: int) -> None:
    group_a = group_of.setdefault(a, [a])
    group_b = group_of.setdefault(b, [b])
    if group_a is group_b:
        return
    if len(group_a) < len(group_b):
        group_a, group_b = group_b, group_a
    group_a.extend(group_b)
    for member in group_b:
        group_of[member] = group_a


def groups(links: Iterable[Link], sources: dict[int, str] | None = None) -> list[Group]:
    """Connected components of the links (union-find), largest first; each event in one group."""
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    reasons: dict[int, list[str]] = defaultdict(list)
    all_links = list(links)
    for link in all_links:
        parent[root(link.event_a)] = root(link.event_b)
    for link in all_links:
        reasons[root(link.event_a)].append(f"{link.event_a}+{link.event_b}: {link.reason}")
    members: dict[int, list[int]] = defaultdict(list)
    for node in parent:
        members[root(node)].append(node)
    found = []
    for top, ids in members.items():
        ids.sort()
        names = sorted({sources[i] for i in ids if sources and sources.get(i)})
        found.append(Group(ids, names, reasons[top]))
    found.sort(key=lambda g: (-len(g.events), g.events[0]))
    return found


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _names(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).split(";") if part.strip()]


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
