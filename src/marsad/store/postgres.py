"""The server store: PostgreSQL with PostGIS (points and a GiST index for bounding-box queries).

`--db postgresql://user@host:port/name`. Each thread gets its own connection (psycopg 3). An
article is stored in one transaction; the unique content hash makes a second writer of the same
text do nothing, and transactions that lose a deadlock or serialization race are retried.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from marsad.errors import DataError
from marsad.store import migrations
from marsad.store.sqlbase import SqlStore

T = TypeVar("T")
RETRIES = 8
MIGRATION_LOCK = 0x6D61727361  # any constant: serialises migrations across processes


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise DataError("PostgreSQL needs psycopg: pip install 'marsad[postgres]'") from None
    return psycopg


def _safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    head, sep, tail = url.partition("@")
    if not sep or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, credentials = head.partition("//")
    return f"{scheme}//{credentials.split(':', 1)[0]}:***@{tail}"


class PostgresStore(SqlStore):
    placeholder = "%s"
    postgis = True
    json_param = "%s::jsonb"

    def __init__(self, url: str):
        self.url = url
        self._psycopg = _psycopg()
        self._local = threading.local()
        self._all: list[Any] = []
        self._lock = threading.Lock()
        self._migrate()

    def _date(self, value: Any) -> Any:
        return value

    def _connect(self) -> Any:
        try:
            return self._psycopg.connect(self.url, autocommit=True)
        except self._psycopg.Error as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise DataError(f"{_safe_url(self.url)}: cannot connect to PostgreSQL ({first})") from None

    @property
    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    @contextmanager
    def _read(self) -> Iterator[Any]:
        with self._conn.cursor() as cur:
            yield cur

    @contextmanager
    def _write(self) -> Iterator[Any]:
        conn = self._conn
        with conn.transaction(), conn.cursor() as cur:
            yield cur

    def _with_retry(self, work: Callable[[], T]) -> T:
        errors = self._psycopg.errors
        for attempt in range(RETRIES):
            try:
                return work()
            except (errors.DeadlockDetected, errors.SerializationFailure):
                if attempt == RETRIES - 1:
                    raise
                time.sleep(0.02 * 2**attempt)
        raise AssertionError("unreachable")

    def _migrate(self) -> None:
        try:
            with self._write() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
                cur.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
                if cur.fetchone() is None:
                    try:
                        with self._conn.transaction():
                            cur.execute("CREATE EXTENSION IF NOT EXISTS postgis")
                    except self._psycopg.Error as error:
                        raise DataError(
                            f"{_safe_url(self.url)}: PostGIS is not installed in this database and cannot be "
                            f"created ({str(error).strip().splitlines()[0]}); a superuser must run "
                            "CREATE EXTENSION postgis"
                        ) from None
                cur.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                            " version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
                cur.execute("SELECT coalesce(max(version), 0) FROM schema_version")
                current = cur.fetchone()[0]
                if current > migrations.LATEST:
                    raise DataError(
                        f"{_safe_url(self.url)}: database schema version {current} is newer than this marsad "
                        f"(knows up to {migrations.LATEST}); upgrade marsad"
                    )
                for version, statements in migrations.POSTGRES:
                    if version > current:
                        cur.execute(statements)
                        cur.execute("INSERT INTO schema_version (version) VALUES (%s)", (version,))
        except self._psycopg.Error as error:
            raise DataError(f"{_safe_url(self.url)}: cannot prepare the schema ({error})") from None

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()
