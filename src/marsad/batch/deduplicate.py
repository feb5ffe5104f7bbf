"""`marsad dedup` over a store: read its events in date order, link reports of one event, keep the links."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from marsad.batch.dedup import DedupSettings, EventRef, Group, find_links, groups
from marsad.batch.links import LinkTable, RunInfo
from marsad.store.base import EventQuery, Store


@dataclass
class DedupResult:
    run: RunInfo
    events: int  # events considered (shown modalities, with a type and a date)
    found: int  # links found now, including those an earlier run already holds
    groups: list[Group]  # all groups, from this run's links and earlier ones

    @property
    def merged_events(self) -> int:
        return sum(len(g.events) for g in self.groups)

    def summary(self) -> str:
        absorbed = self.merged_events - len(self.groups)
        return (
            f"dedup run {self.run.run}: {self.events:,} events compared, {self.found:,} links found"
            f" ({self.run.links:,} new); {len(self.groups):,} merged events group {self.merged_events:,}"
            f" reports, so {absorbed:,} rows fewer"
        )


def event_refs(store: Store, sources: dict[int, str] | None = None) -> Iterator[EventRef]:
    """The store's events (asserted, reported or claimed) as matching needs them, in date order."""
    for stored in store.iter_events(EventQuery()):
        ref = EventRef.from_record(stored.id, stored.article_id, stored.record, stored.article)
        if ref is None:
            continue
        if sources is not None and ref.source:
            sources[ref.id] = ref.source
        yield ref


def deduplicate(store: Store, settings: DedupSettings = DedupSettings()) -> DedupResult:
    table = LinkTable(store)
    counted = _Counter()
    sources: dict[int, str] = {}
    found = list(find_links(counted.wrap(event_refs(store, sources)), settings))
    run = table.add_run(found, settings)
    return DedupResult(run, counted.count, len(found), groups([link for link, _ in table.links()], sources))


def stored_groups(store: Store) -> list[Group]:
    sources: dict[int, str] = {}
    for _ in event_refs(store, sources):
        pass
    return groups([link for link, _ in LinkTable(store).links()], sources)


class _Counter:
    def __init__(self) -> None:
        self.count = 0

    def wrap(self, items: Iterator[EventRef]) -> Iterator[EventRef]:
        for item in items:
            self.count += 1
            yield item
