"""One article, one transaction: a failure or a kill mid-batch leaves no half-stored article, and two
OS processes writing to the same store at once lose nothing."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest
from fixture_reports import ARTICLES, realistic_reports, synthetic_report

from marsad.store import open_store

EVENTS_PER_ARTICLE = [len(a["events"]) for a in ARTICLES]


def test_failure_while_writing_an_article_leaves_none_of_it(store, monkeypatch):
    store.add(*realistic_reports()[0])
    before = store.counts()
    original = store._insert_children

    def write_then_fail(cur, article_id, rows):
        original(cur, article_id, rows)
        raise RuntimeError("disk went away")

    monkeypatch.setattr(store, "_insert_children", write_then_fail)
    with pytest.raises(RuntimeError):
        store.add(*realistic_reports()[1])
    assert store.counts() == before
    monkeypatch.undo()
    assert store.add(*realistic_reports()[1]).created
    assert list(store.consistency_problems()) == []


def _write_range(url: str, numbers: list[int], start, results) -> None:
    with open_store(url) as store:
        start.wait(30)
        created = sum(store.add(*synthetic_report(n)).created for n in numbers)
    results.put(created)


def test_two_processes_writing_at_once_lose_nothing(store_url):
    open_store(store_url).close()  # schema in place before the race
    context = multiprocessing.get_context("spawn")
    start, results = context.Event(), context.Queue()
    first, second = list(range(0, 60)), list(range(40, 100))  # 20 articles written by both
    workers = [context.Process(target=_write_range, args=(store_url, numbers, start, results))
               for numbers in (first, second)]
    for worker in workers:
        worker.start()
    time.sleep(0.5)
    start.set()
    for worker in workers:
        worker.join(180)
        assert worker.exitcode == 0
    created = [results.get(timeout=5) for _ in workers]
    assert sum(created) == 100  # each overlapping article was created by exactly one process
    with open_store(store_url) as store:
        counts = store.counts()
        assert counts["articles"] == 100
        assert counts["events"] == sum(EVENTS_PER_ARTICLE[n % len(ARTICLES)] for n in range(100))
        assert list(store.consistency_problems()) == []


def _write_forever(url: str) -> None:
    with open_store(url) as store:
        for number in range(100_000):
            store.add(*synthetic_report(number))


def test_killing_a_writer_mid_batch_leaves_only_whole_articles(store_url):
    open_store(store_url).close()
    context = multiprocessing.get_context("spawn")
    writer = context.Process(target=_write_forever, args=(store_url,))
    writer.start()
    with open_store(store_url) as store:
        deadline = time.monotonic() + 60
        while store.counts()["articles"] < 30 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(writer.pid, signal.SIGKILL)
        writer.join(10)
    with open_store(store_url) as store:
        counts = store.counts()
        assert counts["articles"] >= 30
        assert list(store.consistency_problems()) == []
        spans_expected = 0
        for article_id in store.article_ids():
            article = store.article(article_id)
            report = article["report"]
            expected = sum(len(report[layer]) for layer in ("entities", "places", "dates", "events"))
            assert len(article["spans"]) == expected
            spans_expected += expected
        assert counts["spans"] == spans_expected
        # the interrupted batch resumes: what was stored is skipped, the rest is added
        resumed = [store.add(*synthetic_report(n)).created for n in range(counts["articles"] + 5)]
        assert resumed[: counts["articles"]] == [False] * counts["articles"]
        assert all(resumed[counts["articles"]:])
