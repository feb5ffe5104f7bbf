"""Pipeline throughput, start-up and memory on the shared ANT corpus, in one process and with workers.

Prints a table: articles/s and words/s past start-up for one process and for N worker processes
(pipeline only), the same end to end through `marsad batch` into a SQLite store, the start-up time
(a fresh interpreter to the first report, data loading included) and peak resident memory. With
--profile, also the biggest costs of the pipeline (cProfile, one process).

Usage: python bench/bench_pipeline.py [--shared ../shared] [--limit N] [--workers 2] [--stages a,b]
                                      [--profile] [--profile-limit 400]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import json
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from marsad.batch.engines import InlineEngine, ProcessEngine
from marsad.batch.runner import BatchRunner
from marsad.batch.sink import StoreSink
from marsad.batch.work import StageNames, pipeline_for, process_article, resolve_stages
from marsad.inputs import ArticleInput, read_inputs
from marsad.store import open_store

ANT = Path("data") / "ant_news_conflict" / "ant_conflict_2018-02_to_08.jsonl"

STARTUP_PROBE = """
import sys, time, json, resource
began = time.perf_counter()
from marsad.batch.work import resolve_stages
from marsad.pipeline import Pipeline
from marsad.api import process
from marsad.inputs import read_inputs
from marsad.schema import Report
stages = json.loads(sys.argv[2])
article = next(a for a in read_inputs([sys.argv[1]]) if hasattr(a, "text"))
pipeline = Pipeline(resolve_stages(tuple(stages) if stages is not None else None))
Report.from_document(process(article.to_document(), pipeline))
print(json.dumps({"first_report_s": time.perf_counter() - began,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


class NullSink:
    """Throws reports away: measures the pipeline, not the store."""

    def stored_hashes(self, hashes: Sequence[str]) -> set[str]:
        return set()

    def store_report(self, text: str, report: dict[str, Any]) -> bool:
        return True

    def close(self) -> None:
        """Nothing to release."""


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def load_articles(path: Path, limit: int) -> list[ArticleInput]:
    items = (a for a in read_inputs([str(path)]) if isinstance(a, ArticleInput))
    return list(itertools.islice(items, limit) if limit else items)


def startup(path: Path, stages: StageNames) -> dict[str, float]:
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", STARTUP_PROBE, str(path), json.dumps(stages)],
        capture_output=True, text=True, check=True,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["process_s"] = time.perf_counter() - began
    return figures


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def one_process(articles: list[ArticleInput], stages: StageNames) -> tuple[float, float]:
    """(wall seconds, CPU seconds) past start-up in this process."""
    pipeline = pipeline_for(stages)  # built and warmed: what follows is past start-up
    began, cpu = time.perf_counter(), time.process_time()
    for article in articles:
        outcome = process_article(article, pipeline)
        if outcome.error:
            print(f"  {article.where}: {outcome.error}", file=sys.stderr)
    return time.perf_counter() - began, time.process_time() - cpu


def pool(articles: list[ArticleInput], stages: StageNames, workers: int) -> tuple[float, float, float]:
    """(start-up seconds, seconds past start-up, CPU seconds of parent and workers) for a pool."""
    began = time.perf_counter()
    cpu = cpu_seconds() + cpu_seconds(resource.RUSAGE_CHILDREN)
    engine = ProcessEngine(stages, workers)
    warm = [engine.submit(articles[:1]) for _ in range(workers * 2)]
    for future in warm:
        future.result()
    started = time.perf_counter()
    runner = BatchRunner(NullSink(), engine, chunk_size=8)
    runner.run(articles)
    finished = time.perf_counter()
    engine.close()  # the workers exit, so their CPU time is counted in RUSAGE_CHILDREN
    return started - began, finished - started, cpu_seconds() + cpu_seconds(resource.RUSAGE_CHILDREN) - cpu


def end_to_end(articles: list[ArticleInput], stages: StageNames, workers: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        cpu = cpu_seconds() + cpu_seconds(resource.RUSAGE_CHILDREN)
        sink = StoreSink(open_store(Path(folder) / "bench.db"))
        engine = ProcessEngine(stages, workers) if workers > 1 else InlineEngine(stages)
        stats = BatchRunner(sink, engine).run(articles)
        engine.close()
        sink.close()
        assert stats.stored + stats.skipped == len(articles), stats.summary()  # the corpus repeats a few texts
        return time.perf_counter() - began, cpu_seconds() + cpu_seconds(resource.RUSAGE_CHILDREN) - cpu


def profile(articles: list[ArticleInput], stages: StageNames, top: int = 25) -> str:
    pipeline = pipeline_for(stages)
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        process_article(article, pipeline)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    out.write(f"--- by own time (tottime), {len(articles)} articles ---\n")
    stats.sort_stats("tottime").print_stats(top)
    out.write("--- by cumulative time ---\n")
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (default: all)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--stages", default=None, help="comma-separated stages (default: the default pipeline)")
    parser.add_argument("--profile", action="store_true", help="also print the pipeline's biggest costs")
    parser.add_argument("--profile-limit", type=int, default=400)
    args = parser.parse_args()
    path = args.shared / ANT
    if not path.exists():
        sys.exit(f"bench_pipeline: {path} is absent; pass --shared")
    stages: StageNames = tuple(s for s in args.stages.split(",") if s) if args.stages else None
    names = [getattr(s, "name", s) for s in resolve_stages(stages)]

    articles = load_articles(path, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    print(f"ANT corpus: {len(articles):,} articles, {words:,} words; stages: {', '.join(names)}")

    first = startup(path, stages)
    single = one_process(articles, stages)
    single_rss = peak_rss_mb()
    pool_start, *pooled = pool(articles, stages, args.workers)
    worker_rss = peak_rss_mb(resource.RUSAGE_CHILDREN)
    batch_one = end_to_end(articles, stages, 1)
    batch_many = end_to_end(articles, stages, args.workers)

    n = len(articles)
    rows = [
        ("pipeline, 1 process (past start-up)", single),
        (f"pipeline, {args.workers} workers (past start-up)", pooled),
        ("marsad batch -> SQLite, 1 process (incl. start-up)", batch_one),
        (f"marsad batch -> SQLite, {args.workers} workers (incl. start-up)", batch_many),
    ]
    print(f"\n{'run':<58}{'seconds':>9}{'articles/s':>12}{'words/s':>11}{'CPU s':>8}{'articles/CPU-s':>16}")
    for label, (seconds, cpu) in rows:
        print(f"{label:<58}{seconds:>9.2f}{n / seconds:>12.1f}{words / seconds:>11,.0f}{cpu:>8.1f}{n / cpu:>16.1f}")
    print("(articles/CPU-s is the rate per core; wall-clock rates depend on what else the machine runs)")
    print(f"\nstart-up, fresh interpreter to first report: {first['process_s']:.2f} s"
          f" (imports + loading + first article: {first['first_report_s']:.2f} s)")
    print(f"start-up of a {args.workers}-worker pool (spawn + load in parallel): {pool_start:.2f} s")
    print(f"peak RSS: first-report process {first['rss_mb']:.0f} MB; one-process run {single_rss:.0f} MB;"
          f" largest worker/child {worker_rss:.0f} MB")
    if args.profile:
        print()
        print(profile(articles[: args.profile_limit], stages))


if __name__ == "__main__":
    main()
