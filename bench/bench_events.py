"""Speed of the event coder: articles/s of the `events` stage alone and of the whole pipeline.

    .venv/bin/python bench/bench_events.py [--articles PATH] [--limit 400]

Reads ANT corpus articles (line by line on "\\n"), runs every stage before `events` once, then times
the events stage alone over the prepared documents, and the full pipeline from raw text. One process,
one core; data loading happens in a warm-up article that is not timed.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import itertools
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

from eval_events import ARTICLES, build_pipeline  # noqa: E402

from marsad.document import Document  # noqa: E402
from marsad.errors import InputError  # noqa: E402
from marsad.inputs import json_records  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402


def load(path: Path, limit: int) -> list[dict]:
    try:
        return list(itertools.islice(json_records(path), limit))
    except InputError as error:
        sys.exit(f"{error} (the ANT corpus in ../shared)")


def document(article: dict) -> Document:
    return Document(
        text=article["text"], id=article["docno"], source=article.get("source"),
        published=dt.date.fromisoformat(article["date"]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--limit", type=int, default=400)
    args = parser.parse_args()
    articles = load(args.articles, args.limit)
    full = build_pipeline()
    before = Pipeline([s for s in full.stages if s.name != "events"])
    events = next(s for s in full.stages if s.name == "events")
    full(document(articles[0]))  # warm-up: every stage loads its data
    prepared = [before(document(a)) for a in articles]
    copies = [copy.copy(d) for d in prepared]
    for doc in copies:
        doc.layers = dict(doc.layers)
    started = time.perf_counter()
    count = 0
    for doc in copies:
        count += len(events(doc).get("events"))
    events_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for article in articles:
        full(document(article))
    full_seconds = time.perf_counter() - started
    chars = sum(len(a["text"]) for a in articles)
    print(f"# {len(articles)} articles, {chars / len(articles):.0f} characters each on average; "
          f"stages: {' '.join(full.names)}")
    print(f"events stage alone: {len(articles) / events_seconds:8.1f} articles/s "
          f"({1000 * events_seconds / len(articles):.2f} ms/article, {count} events)")
    print(f"whole pipeline:     {len(articles) / full_seconds:8.1f} articles/s "
          f"({1000 * full_seconds / len(articles):.2f} ms/article)")


if __name__ == "__main__":
    main()
