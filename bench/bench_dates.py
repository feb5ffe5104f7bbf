"""Speed of the dates stage on the ANT corpus, beside dateparser's `search_dates` on the same articles.

Run: .venv/bin/python bench/bench_dates.py [--shared ../shared] [--sample 200] [--repeat 3]

Prints, for marsad (all articles, best of --repeat runs) and for dateparser (the first --sample
articles, once: it is slow): articles, characters, expressions found, expressions per second, and
milliseconds per 3,000 characters; then the ratio on the sample both ran. The stage is timed alone on
documents that already hold their sentences, and the first call (lexicons and regexes built) is kept
out of the timing and reported apart. Times are CPU seconds of this process (time.process_time), so
that other work on a shared machine does not inflate them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import warnings
from pathlib import Path

from marsad.document import Document
from marsad.inputs import json_records
from marsad.text.sentences import SentenceSplitter
from marsad.time.stage import DateResolver

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path("data") / "ant_news_conflict" / "ant_conflict_2018-02_to_08.jsonl"


def load(path: Path) -> list[dict]:
    return list(json_records(path))


def documents(articles: list[dict]) -> list[Document]:
    splitter = SentenceSplitter()
    return [splitter(Document(text=a["text"], published=dt.date.fromisoformat(a["date"]))) for a in articles]


def time_marsad(articles: list[dict], repeat: int) -> tuple[float, int]:
    stage = DateResolver()
    best = float("inf")
    found = 0
    for _ in range(repeat):
        docs = documents(articles)
        for doc in docs:
            _ = doc.normalized  # shared with other stages in a pipeline; built outside the timing
        start = time.process_time()
        for doc in docs:
            stage(doc)
        best = min(best, time.process_time() - start)
        found = sum(len(doc.get("dates")) for doc in docs)
    return best, found


def time_dateparser(articles: list[dict]) -> tuple[float, int]:
    from dateparser.search import search_dates

    found = 0
    start = time.process_time()
    for article in articles:
        base = dt.datetime.fromisoformat(article["date"])
        results = search_dates(article["text"], languages=["ar"], settings={"RELATIVE_BASE": base})
        found += len(results or [])
    return time.process_time() - start, found


def report(name: str, articles: list[dict], seconds: float, found: int) -> float:
    chars = sum(len(a["text"]) for a in articles)
    rate = found / seconds
    print(f"{name:28} articles {len(articles):5}  chars {chars:9}  expressions {found:6}  "
          f"{seconds:7.2f} s  {rate:9.0f} expr/s  {len(articles) / seconds:8.0f} articles/s  "
          f"{1000 * seconds * 3000 / chars:6.2f} ms per 3,000 chars")
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--sample", type=int, default=200, help="articles given to dateparser")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = args.shared / CORPUS
    if not path.exists():
        print(f"bench_dates: {path}: not found (pass --shared)", file=sys.stderr)
        return 2
    articles = load(path)
    sample = articles[: args.sample]

    start = time.process_time()
    DateResolver()(documents(articles[:1])[0])
    print(f"first call (lexicons and regexes built): {1000 * (time.process_time() - start):.0f} ms")

    seconds, found = time_marsad(articles, args.repeat)
    report("marsad dates, whole corpus", articles, seconds, found)
    seconds, found = time_marsad(sample, args.repeat)
    ours = report(f"marsad dates, {len(sample)} articles", sample, seconds, found)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        seconds, found = time_dateparser(sample)
    theirs = report(f"dateparser, {len(sample)} articles", sample, seconds, found)
    print(f"ratio (marsad / dateparser expressions per second, same articles): {ours / max(theirs, 1e-9):.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
