"""Batch into PostgreSQL: from the client, and from Dask workers writing to it themselves."""

from __future__ import annotations

import pytest

from marsad.store import open_store

pytestmark = pytest.mark.postgres
distributed = pytest.importorskip("distributed")


def store_contents(url: str) -> tuple[dict, dict]:
    with open_store(url) as store:
        articles = {}
        for article_id in store.article_ids():
            article = store.article(article_id)
            for event in article["report"].get("events", []):
                event.pop("id", None)  # store ids differ between runs
            articles[article["content_hash"]] = (article["external_id"], article["report"], article["n_events"])
        return store.counts(), articles


def test_dask_workers_storing_into_postgres_match_a_local_run(corpus, postgres_url, batch_cli, tmp_path):
    local_url = postgres_url
    assert batch_cli(corpus, "--db", local_url).exit_code == 0
    second = local_url.rsplit("/", 1)[0] + "/" + local_url.rsplit("/", 1)[1] + "_dask"
    import psycopg

    with psycopg.connect(local_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {second.rsplit('/', 1)[1]}")
    try:
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=":0") as cluster:
            result = batch_cli(corpus, "--db", second, "--engine", "dask", "--store-on-workers",
                               "--scheduler", cluster.scheduler_address, "--chunk-size", "4")
        assert result.exit_code == 0, result.output
        assert "48 stored, 0 already stored, 0 failed" in result.output
        assert store_contents(second) == store_contents(local_url)
    finally:
        with psycopg.connect(local_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {second.rsplit('/', 1)[1]} WITH (FORCE)")
