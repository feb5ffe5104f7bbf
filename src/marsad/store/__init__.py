"""Where reports are kept: `open_store(db)` gives a SQLite file store or a PostgreSQL + PostGIS store.

    from marsad.store import open_store
    with open_store("events.db") as store:
        store.add(text, report)
        for event in store.events(EventQuery(country="SY")):
            ...
"""

from __future__ import annotations

import os
from pathlib import Path

from marsad.store.base import Added, BBox, EventQuery, Store, StoredEvent, content_hash

__all__ = ["Added", "BBox", "EventQuery", "Store", "StoredEvent", "content_hash", "default_db", "open_store"]

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def default_db() -> str:
    """$MARSAD_DB, else marsad.db in the user's data folder (e.g. ~/.local/share/marsad/)."""
    configured = os.environ.get("MARSAD_DB")
    if configured:
        return configured
    from platformdirs import user_data_dir

    return str(Path(user_data_dir("marsad", appauthor=False)) / "marsad.db")


def open_store(db: str | os.PathLike[str] | None = None) -> Store:
    """A store for `db`: a postgresql:// URL, or a SQLite file path (created when absent)."""
    target = str(db) if db else default_db()
    if target.startswith(POSTGRES_SCHEMES):
        from marsad.store.postgres import PostgresStore

        return PostgresStore(target)
    from marsad.store.sqlite import SQLiteStore

    return SQLiteStore(target)
