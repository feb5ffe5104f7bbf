"""The SQL both stores share: writing an article's rows and reading events and articles back.

Subclasses give a connection per thread, a write transaction, the placeholder style and how a
date and a JSON value are passed; the statements are the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import abc
import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from marsad.store.base import Added, EventQuery, Store, StoredEvent
from marsad.store.query import EVENT_SELECT, ORDER, page_clause, where_clause
from marsad.store.rows import EVENT_COLUMNS, PLACE_COLUMNS, ArticleRows, article_rows

TABLES = ("articles", "events", "places", "actors", "sources", "spans")


class SqlStore(Store):
    placeholder = "?"
    postgis = False
    json_param = "?"

    @abc.abstractmethod
    def _read(self) -> AbstractContextManager[Any]:
        """A cursor for reading."""

    @abc.abstractmethod
    def _write(self) -> AbstractContextManager[Any]:
        """A cursor inside a write transaction, committed on exit, rolled back on error."""

    @abc.abstractmethod
    def _with_retry(self, work: Any) -> Any:
        """Run `work()` again when the database says another writer got in the way."""

    def _date(self, value: dt.date | None) -> Any:
        return value.isoformat() if value else None

    def _sql(self, statement: str) -> str:
        return statement if self.placeholder == "?" else statement.replace("?", self.placeholder)

    # --- writing -----------------------------------------------------------------------------------

    def add(self, text: str, report: dict[str, Any]) -> Added:
        rows = article_rows(text, report)
        return self._with_retry(lambda: self._insert(rows))

    def _insert(self, rows: ArticleRows) -> Added:
        sql = self._sql
        with self._write() as cur:
            cur.execute(sql("SELECT id FROM articles WHERE content_hash = ?"), (rows.hash,))
            found = cur.fetchone()
            if found:
                return Added(found[0], False)
            source_id = self._source_id(cur, rows.source)
            cur.execute(
                sql(
                    "INSERT INTO articles (content_hash, external_id, title, source_id, url, published, text,"
                    f" report, n_events) VALUES (?, ?, ?, ?, ?, ?, ?, {self.json_param}, ?)"
                    " ON CONFLICT (content_hash) DO NOTHING RETURNING id"
                ),
                (rows.hash, rows.external_id, rows.title, source_id, rows.url, self._date(rows.published),
                 rows.text, rows.report_json, len(rows.events)),
            )
            inserted = cur.fetchone()
            if inserted is None:  # another writer stored the same text since our SELECT
                cur.execute(sql("SELECT id FROM articles WHERE content_hash = ?"), (rows.hash,))
                return Added(cur.fetchone()[0], False)
            article_id = inserted[0]
            self._insert_children(cur, article_id, rows)
            return Added(article_id, True, len(rows.events))

    def _source_id(self, cur: Any, name: str | None) -> int | None:
        if not name:
            return None
        cur.execute(self._sql("SELECT id FROM sources WHERE name = ?"), (name,))
        found = cur.fetchone()
        if found:
            return found[0]
        cur.execute(self._sql("INSERT INTO sources (name) VALUES (?) ON CONFLICT (name) DO NOTHING RETURNING id"),
                    (name,))
        inserted = cur.fetchone()
        if inserted:
            return inserted[0]
        cur.execute(self._sql("SELECT id FROM sources WHERE name = ?"), (name,))
        return cur.fetchone()[0]

    def _insert_children(self, cur: Any, article_id: int, rows: ArticleRows) -> None:
        sql = self._sql
        if rows.events:
            names = ", ".join(EVENT_COLUMNS)
            marks = ", ".join(self.json_param if c == "record" else "?" for c in EVENT_COLUMNS)
            cur.executemany(
                sql(f"INSERT INTO events (article_id, {names}) VALUES (?, {marks})"),
                [(article_id, *(self._date(e[c]) if c == "event_date" else e[c] for c in EVENT_COLUMNS))
                 for e in rows.events],
            )
        if rows.places:
            names = ", ".join(PLACE_COLUMNS)
            marks = ", ".join("?" for _ in PLACE_COLUMNS)
            cur.executemany(
                sql(f"INSERT INTO places (article_id, {names}) VALUES (?, {marks})"),
                [(article_id, *(p[c] for c in PLACE_COLUMNS)) for p in rows.places],
            )
        if rows.actors:
            cur.executemany(
                sql("INSERT INTO actors (article_id, event_idx, role, name, name_folded, actor_type, span_start,"
                    " span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                [(article_id, idx, role, name, name.casefold(), kind, start, end)
                 for idx, role, name, kind, start, end in rows.actors],
            )
        if rows.spans:
            cur.executemany(
                sql("INSERT INTO spans (article_id, layer, span_start, span_end, text, label, item)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                [(article_id, *span) for span in rows.spans],
            )

    # --- reading -----------------------------------------------------------------------------------

    @staticmethod
    def _json(value: Any) -> Any:
        return json.loads(value) if isinstance(value, (str, bytes)) else value

    @staticmethod
    def _iso(value: Any) -> str | None:
        return value.isoformat() if isinstance(value, dt.date) else value

    def events(self, query: EventQuery) -> list[StoredEvent]:
        where, params = where_clause(query, self.placeholder, self.postgis)
        page, page_params = page_clause(query, self.placeholder)
        with self._read() as cur:
            cur.execute(EVENT_SELECT + where + ORDER + page, (*params, *page_params))
            found = cur.fetchall()
        return [
            StoredEvent(
                id=row[0], article_id=row[1], index=row[2], record=self._json(row[3]),
                article={"id": row[1], "external_id": row[4], "title": row[5], "url": row[6],
                         "published": self._iso(row[7]), "source": row[8]},
            )
            for row in found
        ]

    def count_events(self, query: EventQuery) -> int:
        where, params = where_clause(query, self.placeholder, self.postgis)
        with self._read() as cur:
            cur.execute("SELECT count(*) FROM events e" + where, params)
            return int(cur.fetchone()[0])

    def article(self, article_id: int) -> dict[str, Any] | None:
        sql = self._sql
        with self._read() as cur:
            cur.execute(
                sql("SELECT a.id, a.external_id, a.title, s.name, a.url, a.published, a.text, a.report,"
                    " a.content_hash, a.n_events FROM articles a LEFT JOIN sources s ON s.id = a.source_id"
                    " WHERE a.id = ?"),
                (article_id,),
            )
            row = cur.fetchone()
            if row is None:
                return None
            cur.execute(
                sql("SELECT layer, span_start, span_end, text, label, item FROM spans WHERE article_id = ?"
                    " ORDER BY span_start, span_end DESC, layer"),
                (article_id,),
            )
            spans = [
                {"layer": s[0], "start": s[1], "end": s[2], "text": s[3], "label": s[4], "item": s[5]}
                for s in cur.fetchall()
            ]
            cur.execute(sql("SELECT id, idx FROM events WHERE article_id = ? ORDER BY idx"), (article_id,))
            event_ids = {idx: event_id for event_id, idx in cur.fetchall()}
        report = self._json(row[7])
        for index, event in enumerate(report.get("events") or []):
            if isinstance(event, dict) and index in event_ids:
                event["id"] = event_ids[index]
        return {
            "id": row[0], "external_id": row[1], "title": row[2], "source": row[3], "url": row[4],
            "published": self._iso(row[5]), "text": row[6], "content_hash": row[8], "n_events": row[9],
            "report": report, "spans": spans,
        }

    def stored_hashes(self, hashes: Sequence[str]) -> set[str]:
        if not hashes:
            return set()
        marks = ", ".join("?" for _ in hashes)
        with self._read() as cur:
            cur.execute(self._sql(f"SELECT content_hash FROM articles WHERE content_hash IN ({marks})"), tuple(hashes))
            return {row[0] for row in cur.fetchall()}

    def article_ids(self) -> list[int]:
        with self._read() as cur:
            cur.execute("SELECT id FROM articles ORDER BY id")
            return [row[0] for row in cur.fetchall()]

    def counts(self) -> dict[str, int]:
        result = {}
        with self._read() as cur:
            for table in TABLES:
                cur.execute(f"SELECT count(*) FROM {table}")
                result[table] = int(cur.fetchone()[0])
        return result

    def schema_version(self) -> int:
        with self._read() as cur:
            cur.execute("SELECT coalesce(max(version), 0) FROM schema_version")
            return int(cur.fetchone()[0])

    def consistency_problems(self) -> Iterator[str]:
        """Articles whose stored rows disagree with their report (a half-written article would)."""
        with self._read() as cur:
            cur.execute(
                "SELECT a.id, a.n_events, (SELECT count(*) FROM events e WHERE e.article_id = a.id)"
                " FROM articles a"
            )
            for article_id, expected, found in cur.fetchall():
                if expected != found:
                    yield f"article {article_id}: {found} events stored, report has {expected}"
