"""The Dask engine on a real LocalCluster (2 worker processes) stores what the local run stores."""

from __future__ import annotations

import pytest

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local_cluster:
        yield local_cluster


def test_dask_run_on_a_scheduler_gives_the_same_store_as_the_local_run(tmp_path, corpus, cluster, batch_cli,
                                                                      store_dump):
    assert batch_cli(corpus, "--db", tmp_path / "local.db").exit_code == 0
    result = batch_cli(corpus, "--db", tmp_path / "dask.db", "--engine", "dask",
                       "--scheduler", cluster.scheduler_address, "--chunk-size", "4")
    assert result.exit_code == 0, result.output
    assert "48 stored, 0 already stored, 0 failed" in result.output
    assert store_dump(tmp_path / "dask.db") == store_dump(tmp_path / "local.db")
    # each worker built the pipeline once (the plugin, when it joined) and reused it for every task
    def pipeline_cache() -> tuple[int, int]:  # defined here so that it is sent by value to the workers
        from marsad.batch.work import pipeline_for

        info = pipeline_for.cache_info()
        return info.hits, info.misses

    with distributed.Client(cluster) as client:
        caches = client.run(pipeline_cache)
    assert len(caches) == 2
    assert all(misses == 1 for _, misses in caches.values()), caches
    assert sum(hits for hits, _ in caches.values()) >= 48 // 4


def test_dask_resume_skips_what_is_stored(tmp_path, corpus, cluster, batch_cli, store_dump):
    db = tmp_path / "resume.db"
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    half = tmp_path / "half.jsonl"
    half.write_text("".join(lines[:20]), encoding="utf-8")
    assert batch_cli(half, "--db", db).exit_code == 0
    result = batch_cli(corpus, "--db", db, "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 0, result.output
    assert "28 stored, 20 already stored, 0 failed" in result.output
    assert len(store_dump(db)["articles"]) == 48


def test_dask_without_a_scheduler_starts_its_own_local_cluster(tmp_path, corpus, batch_cli, store_dump):
    result = batch_cli(corpus, "--db", tmp_path / "own.db", "--engine", "dask", "--workers", "2")
    assert result.exit_code == 0, result.output
    assert len(store_dump(tmp_path / "own.db")["articles"]) == 48


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path, corpus, batch_cli):
    result = batch_cli(corpus, "--db", tmp_path / "x.db", "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2
    assert "--engine dask" in result.output


def test_workers_storing_themselves_give_the_same_store(tmp_path, corpus, cluster, batch_cli, store_dump):
    assert batch_cli(corpus, "--db", tmp_path / "local.db").exit_code == 0
    result = batch_cli(corpus, "--db", tmp_path / "workers.db", "--engine", "dask", "--store-on-workers",
                       "--scheduler", cluster.scheduler_address, "--chunk-size", "4")
    assert result.exit_code == 0, result.output
    assert "48 stored, 0 already stored, 0 failed" in result.output
    assert store_dump(tmp_path / "workers.db") == store_dump(tmp_path / "local.db")
