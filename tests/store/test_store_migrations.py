"""Schema versions: migrations run once, in order, and a newer database is refused clearly."""

from __future__ import annotations

import sqlite3

import pytest
from fixture_reports import realistic_reports

from marsad.errors import DataError
from marsad.store import migrations, open_store


def test_new_store_is_at_the_latest_step_and_reopening_keeps_data(store_url):
    with open_store(store_url) as store:
        assert store.schema_version() == migrations.LATEST
        store.add_many(realistic_reports())
    with open_store(store_url) as store:
        assert store.schema_version() == migrations.LATEST
        assert store.counts()["articles"] == 4


def test_sqlite_at_an_old_step_is_brought_up_to_date(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)")
    conn.executescript(migrations.SQLITE[0][1])
    conn.execute("INSERT INTO schema_version (version, applied_at) VALUES (1, 'then')")
    conn.commit()
    conn.close()
    with open_store(path) as store:
        assert store.schema_version() == migrations.LATEST
    indexes = {row[0] for row in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "events_date" in indexes


def test_database_from_a_newer_marsad_is_refused(tmp_path):
    path = tmp_path / "future.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version (version) VALUES (?)", (migrations.LATEST + 5,))
    conn.commit()
    conn.close()
    with pytest.raises(DataError, match="newer than this marsad"):
        open_store(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("هذا ليس ملف قاعدة بيانات\n" * 200, encoding="utf-8")
    with pytest.raises(DataError, match="not a usable SQLite database"):
        open_store(path)


def test_unreachable_postgres_is_a_clear_error():
    with pytest.raises(DataError, match="cannot connect to PostgreSQL"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
