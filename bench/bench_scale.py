"""How time and memory grow with the corpus: `marsad batch` into SQLite over 1,000 to 20,000 articles.

Each size runs in a fresh process (so its peak memory is its own) over the ANT corpus, streamed and
repeated as often as needed; a repeated article gets a line with its pass number appended so that
its text (and content hash) differs and it is processed again rather than skipped as stored.
Time should grow linearly (steady seconds per 1,000 articles) and memory stay flat. CPU seconds
per 1,000 articles (this process and its workers) show the trend even on a busy machine.

Usage: python bench/bench_scale.py [--shared ../shared] [--max 20000] [--workers 1] [--stages a,b]
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ANT = Path("data") / "ant_news_conflict" / "ant_conflict_2018-02_to_08.jsonl"
SIZES = (1_000, 2_000, 5_000, 10_000, 20_000)


def repeated_lines(path: Path, count: int) -> Iterator[str]:
    """`count` JSON lines of the corpus, read lazily, passes after the first made distinct."""
    produced = 0
    for number in itertools.count():
        with path.open(encoding="utf-8", newline="\n") as handle:
            for line in handle:
                if not line.strip():
                    continue
                if number:
                    record = json.loads(line)
                    record["text"] += f"\n{number}"
                    line = json.dumps(record, ensure_ascii=False)
                yield line
                produced += 1
                if produced == count:
                    return


def run_one(path: Path, count: int, workers: int, stages: tuple[str, ...] | None) -> dict:
    from marsad.batch.engines import make_engine
    from marsad.batch.runner import BatchRunner
    from marsad.batch.sink import open_sink
    from marsad.inputs import DEFAULT_MAX_CHARS, read_jsonl

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "scale.db"
        began = time.perf_counter()
        sink = open_sink(str(db))
        engine = make_engine("local", stages, workers)
        stats = BatchRunner(sink, engine).run(read_jsonl(repeated_lines(path, count), str(path), DEFAULT_MAX_CHARS))
        engine.close()
        sink.close()
        seconds = time.perf_counter() - began
        db_mb = sum(p.stat().st_size for p in Path(folder).iterdir()) / 2**20
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "cpu": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        "articles": count, "stored": stats.stored, "skipped": stats.skipped, "failed": stats.failed,
        "words": stats.words, "seconds": seconds, "db_mb": db_mb,
        "rss_mb": own.ru_maxrss / 1024, "worker_rss_mb": children.ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--max", type=int, default=20_000, help="largest corpus size to run")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--stages", default=None, help="comma-separated stages (default: the default pipeline)")
    parser.add_argument("--one", type=int, default=0, help=argparse.SUPPRESS)  # a child run of one size
    args = parser.parse_args()
    path = args.shared / ANT
    if not path.exists():
        sys.exit(f"bench_scale: {path} is absent; pass --shared")
    stages = tuple(s for s in args.stages.split(",") if s) if args.stages else None
    if args.one:
        print(json.dumps(run_one(path, args.one, args.workers, stages)))
        return

    sizes = [n for n in SIZES if n <= args.max] or [args.max]
    print(f"marsad batch -> SQLite, {args.workers} worker(s), stages: {args.stages or 'default'}")
    print(f"{'articles':>9}{'seconds':>9}{'s/1000':>8}{'articles/s':>12}{'words/s':>10}{'CPU s/1000':>12}"
          f"{'peak RSS MB':>13}{'worker RSS':>12}{'db MB':>8}")
    for size in sizes:
        command = [sys.executable, __file__, "--shared", str(args.shared), "--one", str(size),
                   "--workers", str(args.workers)]
        if args.stages:
            command += ["--stages", args.stages]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"bench_scale: the run of {size} failed:\n{done.stderr[-2000:]}")
        r = json.loads(done.stdout.strip().splitlines()[-1])
        worker = f"{r['worker_rss_mb']:.0f}" if args.workers > 1 else "-"
        print(f"{size:>9,}{r['seconds']:>9.1f}{1000 * r['seconds'] / size:>8.2f}{size / r['seconds']:>12.1f}"
              f"{r['words'] / r['seconds']:>10,.0f}{1000 * r['cpu'] / size:>12.2f}{r['rss_mb']:>13.0f}{worker:>12}{r['db_mb']:>8.1f}", flush=True)


if __name__ == "__main__":
    main()
