"""Interrupted runs (Ctrl-C or kill -9 of a real process) leave a consistent store, and a resumed
run ends with exactly the store an uninterrupted run makes, without redoing stored articles."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.store import open_store

ARTICLES = 48


def start_batch(corpus: Path, db: Path, stage_path: Path, *extra: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(stage_path), os.environ.get("PYTHONPATH")])))
    return subprocess.Popen(
        [sys.executable, "-m", "marsad.cli.main", "batch", str(corpus), "--db", str(db),
         "--stages", "default,slowstage:Slow", "--chunk-size", "2", "--no-progress", *extra],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


def wait_for_stored(db: Path, at_least: int, process: subprocess.Popen, count_stored) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        stored = count_stored(db)
        if stored >= at_least:
            return stored
        if process.poll() is not None:
            pytest.fail(f"the batch ended before it could be interrupted: {process.stderr.read()}")
        time.sleep(0.05)
    pytest.fail("the batch stored nothing within 60 s")


def assert_consistent(db: Path) -> None:
    store = open_store(db)
    try:
        assert list(store.consistency_problems()) == []
    finally:
        store.close()


@pytest.fixture
def reference(tmp_path: Path, corpus: Path, batch_cli, store_dump) -> dict:
    db = tmp_path / "reference.db"
    result = batch_cli(corpus, "--db", db)
    assert result.exit_code == 0, result.output
    dump = store_dump(db)
    assert len(dump["articles"]) == ARTICLES
    return dump


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_stops_cleanly_and_resume_completes(
    tmp_path, corpus, slow_stage_path, reference, batch_cli, store_dump, count_stored, workers
):
    db = tmp_path / "interrupted.db"
    process = start_batch(corpus, db, slow_stage_path, "--workers", workers)
    try:
        wait_for_stored(db, 8, process, count_stored)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    stored = count_stored(db)
    assert 8 <= stored < ARTICLES
    assert_consistent(db)

    result = batch_cli(corpus, "--db", db)
    assert result.exit_code == 0, result.output
    # the resumed run skipped what was stored, processed only the rest
    assert re.search(rf"{ARTICLES - stored} stored, {stored} already stored, 0 failed", result.output), result.output
    assert store_dump(db) == reference


def test_kill_9_mid_run_then_resume_matches_uninterrupted_run(
    tmp_path, corpus, slow_stage_path, reference, batch_cli, store_dump, count_stored
):
    db = tmp_path / "killed.db"
    process = start_batch(corpus, db, slow_stage_path, "--workers", "2")
    try:
        wait_for_stored(db, 10, process, count_stored)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the whole session: the parent and its workers
        process.communicate(timeout=30)
    stored = count_stored(db)
    assert 10 <= stored < ARTICLES
    assert_consistent(db)

    result = batch_cli(corpus, "--db", db, "--workers", "2")
    assert result.exit_code == 0, result.output
    assert f"{stored} already stored" in result.output
    assert store_dump(db) == reference


def test_second_run_over_the_same_corpus_stores_nothing_new(tmp_path, corpus, batch_cli, store_dump):
    db = tmp_path / "twice.db"
    assert batch_cli(corpus, "--db", db).exit_code == 0
    before = store_dump(db)
    result = batch_cli(corpus, "--db", db)
    assert result.exit_code == 0
    assert f"0 stored, {ARTICLES} already stored, 0 failed" in result.output
    assert store_dump(db) == before
