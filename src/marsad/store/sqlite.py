"""The embedded store: one SQLite file in WAL mode, safe for several processes writing at once.

Each thread gets its own connection. Writers take the write lock up front (`BEGIN IMMEDIATE`), wait
for it up to the busy timeout, and retry the whole article when SQLite still reports it busy, so two
processes ingesting into one file both finish and lose nothing.
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from marsad.errors import DataError
from marsad.store import migrations
from marsad.store.sqlbase import SqlStore

T = TypeVar("T")
BUSY_TIMEOUT_MS = 30_000
RETRY_SECONDS = 120.0


def _is_busy(error: sqlite3.OperationalError) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message


class SQLiteStore(SqlStore):
    placeholder = "?"
    postgis = False
    json_param = "?"

    def __init__(self, path: str | Path):
        self.path = Path(path).expanduser()
        self.url = str(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DataError(f"{self.path.parent}: cannot create the database folder ({error.strerror})") from None
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._migrate()

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                   check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._with_retry(lambda: conn.execute("PRAGMA journal_mode = WAL"))
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as error:
            raise DataError(f"{self.path}: not a usable SQLite database ({error})") from None
        return conn

    @property
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Cursor]:
        cur = self._conn.cursor()
        try:
            yield cur
        finally:
            cur.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Cursor]:
        conn = self._conn
        cur = conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            yield cur
        except BaseException:
            conn.rollback()
            raise
        else:
            conn.commit()
        finally:
            cur.close()

    def _with_retry(self, work: Callable[[], T]) -> T:
        deadline = time.monotonic() + RETRY_SECONDS
        delay = 0.01
        while True:
            try:
                return work()
            except sqlite3.OperationalError as error:
                if not _is_busy(error) or time.monotonic() > deadline:
                    raise DataError(f"{self.path}: {error}") from None
            time.sleep(delay * (1 + random.random()))
            delay = min(delay * 2, 1.0)

    def _migrate(self) -> None:
        def step() -> None:
            with self._write() as cur:
                cur.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                            " version INTEGER PRIMARY KEY,"
                            " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))")
                cur.execute("SELECT coalesce(max(version), 0) FROM schema_version")
                current = cur.fetchone()[0]
                if current > migrations.LATEST:
                    raise DataError(
                        f"{self.path}: database schema version {current} is newer than this marsad "
                        f"(knows up to {migrations.LATEST}); upgrade marsad"
                    )
                for version, statements in migrations.SQLITE:
                    if version <= current:
                        continue
                    for statement in statements.split(";"):
                        if statement.strip():
                            cur.execute(statement)
                    cur.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))

        try:
            self._with_retry(step)
        except sqlite3.DatabaseError as error:
            raise DataError(f"{self.path}: not a usable SQLite database ({error})") from None

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()
