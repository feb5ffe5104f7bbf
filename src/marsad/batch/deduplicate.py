"""`marsad dedup` over a store: read its events in date order, link reports of one event, keep the links."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from marsad.batch.dedup import DedupSettings, EventRef, Group, complete_linkage, find_links, groups
from marsad.batch.links import LinkTable, RunInfo
from marsad.store.base import EventQuery, Store


@dataclass
class DedupResult:
    run: RunInfo
    events: int  # events considered (shown modalities, with a type and a date)
    found: int  # candidate links (pairs passing every test), including those earlier runs hold
    groups: list[Group]  # all merged events, from this run's links and earlier ones

    @property
    def merged_events(self) -> int:
        return sum(len(g.events) for g in self.groups)

    def summary(self) -> str:
        absorbed = self.merged_events - len(self.groups)
        return (
            f"dedup run {self.run.run}: {self.events:,} events compared, {self.found:,} candidate links,"
            f" {self.run.links:,} new links kept; {len(self.groups):,} merged events group"
            f" {self.merged_events:,} reports, so {absorbed:,} rows fewer"
        )


def event_refs(store: Store, sources: dict[int, str] | None = None,
               article_of: dict[int, int] | None = None) -> Iterator[EventRef]:
    """The store's events (asserted, reported or claimed) as matching needs them, in date order."""
    for stored in store.iter_events(EventQuery()):
        ref = EventRef.from_record(stored.id, stored.article_id, stored.record, stored.article)
        if ref is None:
            continue
        if sources is not None and ref.source:
            sources[ref.id] = ref.source
        if article_of is not None:
            article_of[ref.id] = ref.article_id
        yield ref


def deduplicate(store: Store, settings: DedupSettings = DedupSettings()) -> DedupResult:
    table = LinkTable(store)
    counted = _Counter()
    sources: dict[int, str] = {}
    article_of: dict[int, int] = {}
    candidates = list(find_links(counted.wrap(event_refs(store, sources, article_of)), settings))
    kept = complete_linkage(candidates, [link for link, _ in table.links()], article_of)
    run = table.add_run(kept, settings)
    return DedupResult(run, counted.count, len(candidates), groups([link for link, _ in table.links()], sources))


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
