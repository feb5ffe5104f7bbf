"""HTTP API fixtures: the application over a temporary SQLite store, driven in-process."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from postgres_fixture import postgres_cluster, postgres_url  # noqa: E402,F401  (fixtures used by name)

TOKEN = "test-token-9f2c41"


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "api.db")


@pytest.fixture
def client(db):
    from fastapi.testclient import TestClient

    from marsad.server import create_app

    with TestClient(create_app(db, max_body=64 * 1024)) as test_client:
        yield test_client


@pytest.fixture
def write_token() -> str:
    return TOKEN


@pytest.fixture
def guarded(db):
    """A client of an app whose write endpoint needs the bearer token TOKEN."""
    from fastapi.testclient import TestClient

    from marsad.server import create_app

    with TestClient(create_app(db, token=TOKEN)) as test_client:
        yield test_client


@pytest.fixture
def filled(client):
    from fixture_reports import realistic_reports

    body = [{"text": text, "report": report} for text, report in realistic_reports()]
    response = client.post("/articles", json=body)
    assert response.status_code == 201, response.text
    return client
