"""Store fixtures: a store of each kind (SQLite file, PostgreSQL + PostGIS database) for the same tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from postgres_fixture import postgres_cluster, postgres_url  # noqa: E402,F401  (fixtures used by name)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store lives: a SQLite file, then a PostgreSQL database (same tests for both)."""
    if request.param == "sqlite":
        return str(tmp_path / "marsad.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(store_url: str):
    from marsad.store import open_store

    with open_store(store_url) as opened:
        yield opened
