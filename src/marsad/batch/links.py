"""Where deduplication keeps its merges: two tables beside the store's own, never touching events.

`dedup_runs` has one row per `marsad dedup` run (when, with which settings, how many links);
`dedup_links` has one row per pair of events taken for one, with the run that made it and the
reason. Undoing a run deletes its links and nothing else. The tables are the store's migration
step 3, so they live in the same SQLite file or PostgreSQL database.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from marsad.batch.dedup import DedupSettings, Link
from marsad.errors import InputError
from marsad.store.base import Store


@dataclass
class RunInfo:
    run: int
    made_at: str
    settings: dict
    links: int


class LinkTable:
    """The dedup tables of one store (SQLite or PostgreSQL, through its SQL cursors)."""

    def __init__(self, store: Store):
        if not hasattr(store, "_write"):
            raise InputError(getattr(store, "url", "store"), "deduplication needs a SQL store (SQLite or PostgreSQL)")
        self.store = store  # its tables come with the store's schema (migration step 3)

    def _sql(self, statement: str) -> str:
        return self.store._sql(statement)

    def add_run(self, links: Iterable[Link], settings: DedupSettings) -> RunInfo:
        """Record a run and the links it found that no earlier run has (one transaction)."""
        sql = self._sql
        made_at = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        with self.store._write() as cur:
            cur.execute("SELECT coalesce(max(run), 0) + 1 FROM dedup_runs")
            run = int(cur.fetchone()[0])
            cur.execute(sql("INSERT INTO dedup_runs (run, made_at, settings, links) VALUES (?, ?, ?, 0)"),
                        (run, made_at, json.dumps(asdict(settings))))
            added = 0
            for link in links:
                cur.execute(
                    sql("INSERT INTO dedup_links (event_a, event_b, run, reason) VALUES (?, ?, ?, ?)"
                        " ON CONFLICT (event_a, event_b) DO NOTHING"),
                    (link.event_a, link.event_b, run, link.reason),
                )
                added += cur.rowcount if cur.rowcount and cur.rowcount > 0 else 0
            cur.execute(sql("UPDATE dedup_runs SET links = ? WHERE run = ?"), (added, run))
        return RunInfo(run, made_at, asdict(settings), added)

    def undo(self, run: int | None = None) -> RunInfo | None:
        """Delete one run's links (the latest run by default); None when there is no such run."""
        sql = self._sql
        with self.store._write() as cur:
            if run is None:
                cur.execute("SELECT max(run) FROM dedup_runs")
                run = cur.fetchone()[0]
                if run is None:
                    return None
            cur.execute(sql("SELECT run, made_at, settings, links FROM dedup_runs WHERE run = ?"), (run,))
            row = cur.fetchone()
            if row is None:
                return None
            cur.execute(sql("DELETE FROM dedup_links WHERE run = ?"), (run,))
            cur.execute(sql("DELETE FROM dedup_runs WHERE run = ?"), (run,))
        return RunInfo(row[0], row[1], json.loads(row[2]), row[3])

    def runs(self) -> list[RunInfo]:
        with self.store._read() as cur:
            cur.execute("SELECT run, made_at, settings, links FROM dedup_runs ORDER BY run")
            return [RunInfo(r[0], r[1], json.loads(r[2]), r[3]) for r in cur.fetchall()]

    def links(self) -> list[tuple[Link, int]]:
        """Every stored link with the run that made it."""
        with self.store._read() as cur:
            cur.execute("SELECT event_a, event_b, reason, run FROM dedup_links ORDER BY event_a, event_b")
            return [(Link(r[0], r[1], r[2]), r[3]) for r in cur.fetchall()]
