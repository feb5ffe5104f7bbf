"""Cross-report deduplication on the ANT corpus: how many events merge, and how precise the merges are.

    .venv/bin/python eval/eval_dedup.py [--db /tmp/marsad-dedup-eval.db] [--workers 2] [--stages ...]
                                        [--sample 50] [--seed 7] [--pairs /tmp/dedup_pairs_to_check.jsonl]

1. Processes the ANT corpus (five outlets, Feb-Aug 2018) into --db with `marsad batch` (resumable:
   a second call skips what is stored, so delete --db to measure a changed pipeline) and runs
   `marsad dedup` afresh (earlier runs undone).
2. Prints the events compared, links, merged groups, how many outlets the groups span.
3. Draws --sample links at random (fixed seed) and writes them with both evidence texts to --pairs,
   a file outside the repository (it holds corpus text), for a person to judge.
4. Scores the verdicts in eval/annotations/dedup_pairs.jsonl ({docno_a, start_a, end_a, docno_b,
   start_b, end_b, same_event, why}; offsets only, no text) against the drawn pairs: precision.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

from marsad.batch.dedup import Link
from marsad.batch.deduplicate import deduplicate
from marsad.batch.engines import make_engine
from marsad.batch.links import LinkTable
from marsad.batch.runner import BatchRunner
from marsad.batch.sink import StoreSink
from marsad.inputs import read_inputs
from marsad.store import open_store

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO.parent / "shared" / "data" / "ant_news_conflict" / "ant_conflict_2018-02_to_08.jsonl"
ANNOTATIONS = REPO / "eval" / "annotations" / "dedup_pairs.jsonl"
STAGES = "sentences,tokens,places,actors,dates,events"


def pair_key(record: dict) -> tuple:
    return tuple(record[k] for k in ("docno_a", "start_a", "end_a", "docno_b", "start_b", "end_b"))


def describe(store, link: Link) -> dict:
    """A drawn link with what a judge needs: both articles' ids, evidence offsets and texts."""
    sides = []
    for event_id in (link.event_a, link.event_b):
        with store._read() as cur:
            cur.execute(store._sql("SELECT article_id, idx FROM events WHERE id = ?"), (event_id,))
            article_id, idx = cur.fetchone()
        article = store.article(article_id)
        event = article["report"]["events"][idx]
        evidence = event.get("evidence") or {}
        sides.append({
            "docno": article["external_id"], "source": article["source"], "published": article["published"],
            "title": article["title"], "start": evidence.get("start"), "end": evidence.get("end"),
            "evidence": evidence.get("text"), "event_type": event.get("event_type"),
            "sub_event_type": event.get("sub_event_type"), "actor1": event.get("actor1"),
            "actor2": event.get("actor2"), "event_date": event.get("event_date"),
            "place": (event.get("location") or {}).get("name"),
        })
    a, b = sides
    return {
        "docno_a": a["docno"], "start_a": a["start"], "end_a": a["end"],
        "docno_b": b["docno"], "start_b": b["start"], "end_b": b["end"],
        "reason": link.reason, "a": a, "b": b,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--db", default="/tmp/marsad-dedup-eval.db")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--stages", default=STAGES)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pairs", type=Path, default=Path("/tmp/dedup_pairs_to_check.jsonl"))
    parser.add_argument("--annotations", type=Path, default=ANNOTATIONS)
    args = parser.parse_args()
    if not args.articles.exists():
        sys.exit(f"eval_dedup: {args.articles} is absent")

    stages = tuple(s for s in args.stages.split(",") if s)
    sink = StoreSink(open_store(args.db))
    engine = make_engine("local", stages, args.workers)
    stats = BatchRunner(sink, engine, progress=sys.stderr.isatty()).run(read_inputs([str(args.articles)]))
    engine.close()
    print(f"batch {stats.summary()}")

    store = sink.store
    table = LinkTable(store)
    while table.undo() is not None:  # measure these settings alone
        pass
    result = deduplicate(store)
    print(result.summary())
    counts = store.counts()
    print(f"store: {counts['articles']:,} articles, {counts['events']:,} events")
    sources_per_group = Counter(len(g.sources) for g in result.groups)
    print("merged events by number of outlets: "
          + ", ".join(f"{n} outlet(s): {c}" for n, c in sorted(sources_per_group.items())))
    sizes = Counter(min(len(g.events), 6) for g in result.groups)
    print("merged events by reports: " + ", ".join(f"{'6+' if n == 6 else n}: {c}" for n, c in sorted(sizes.items())))

    links = [link for link, _ in table.links()]
    drawn = random.Random(args.seed).sample(links, min(args.sample, len(links)))
    pairs = [describe(store, link) for link in drawn]
    with args.pairs.open("w", encoding="utf-8") as handle:
        for pair in pairs:
            handle.write(json.dumps(pair, ensure_ascii=False) + "\n")
    print(f"{len(pairs)} drawn pairs (with texts, for judging) written to {args.pairs}")

    if args.annotations.exists():
        verdicts = {}
        with args.annotations.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    verdicts[pair_key(record)] = record["same_event"]
        judged = [(p, verdicts[pair_key(p)]) for p in pairs if pair_key(p) in verdicts]
        if judged:
            right = sum(v for _, v in judged)
            print(f"precision of drawn links judged by hand: {right}/{len(judged)} = {right / len(judged):.2f}"
                  f" ({len(pairs) - len(judged)} drawn pairs not judged)")
            for label, test in (("same date", lambda r: "same date" in r),
                                ("a day apart", lambda r: "same date" not in r),
                                ("a specific actor shared", lambda r: "shared actors" in r),
                                ("no specific actor on one side", lambda r: "shared actors" not in r)):
                part = [v for p, v in judged if test(p["reason"])]
                if part:
                    print(f"  links with {label}: {sum(part)}/{len(part)} = {sum(part) / len(part):.2f}")
        else:
            print(f"none of the drawn pairs is judged in {args.annotations}")
    store.close()


if __name__ == "__main__":
    main()
