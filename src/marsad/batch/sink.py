"""Where a batch writes reports: the store, seen through the two things a resumable run needs.

`stored_hashes` answers "which of these texts are stored already?" for a whole chunk in one query
(one round trip per chunk, not per article, matters on PostgreSQL); `store_report` writes one
article and its report in one transaction. The store's interface has no hash lookup, so
`StoreSink` asks its SQL tables directly through the store's own read cursor.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from marsad.store.base import Store, content_hash

__all__ = ["ReportSink", "StoreSink", "content_hash", "open_sink"]


class ReportSink(Protocol):
    def stored_hashes(self, hashes: Sequence[str]) -> set[str]: ...

    def store_report(self, text: str, report: dict[str, Any]) -> bool: ...

    def close(self) -> None: ...


class StoreSink:
    """A `marsad.store` Store as a batch sink."""

    def __init__(self, store: Store):
        self.store = store

    def stored_hashes(self, hashes: Sequence[str]) -> set[str]:
        if not hashes:
            return set()
        lookup = getattr(self.store, "stored_hashes", None)
        if lookup is not None:
            return set(lookup(hashes))
        marks = ", ".join("?" for _ in hashes)
        statement = self.store._sql(f"SELECT content_hash FROM articles WHERE content_hash IN ({marks})")
        with self.store._read() as cur:
            cur.execute(statement, tuple(hashes))
            return {row[0] for row in cur.fetchall()}

    def store_report(self, text: str, report: dict[str, Any]) -> bool:
        """Store one article; False when the same text was stored already."""
        return self.store.add(text, report).created

    def close(self) -> None:
        self.store.close()


def open_sink(db: str | None) -> StoreSink:
    from marsad.store import open_store

    return StoreSink(open_store(db))
