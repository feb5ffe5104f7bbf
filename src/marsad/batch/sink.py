"""Where a batch writes reports: the store, seen through the two things a resumable run needs.

`stored_hashes` answers "which of these texts are stored already?" for a whole chunk in one query
(one round trip per chunk, not per article, matters on PostgreSQL); `store_report` writes one
article and its report in one transaction.
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
        return self.store.stored_hashes(hashes)

    def store_report(self, text: str, report: dict[str, Any]) -> bool:
        """Store one article; False when the same text was stored already."""
        return self.store.add(text, report).created

    def close(self) -> None:
        self.store.close()


def open_sink(db: str | None) -> StoreSink:
    from marsad.store import open_store

    return StoreSink(open_store(db))
