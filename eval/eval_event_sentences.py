"""Score marsad's event coder on hand-labelled corpus sentences.

    .venv/bin/python eval/eval_event_sentences.py [--file eval/annotations/events_sentences.jsonl] [--show]
        [--split tune|heldout|all] [--rules-only]

The file has one JSON object per line: {docno, start, end, event_type (an ACLED type or "none"),
sub_event_type, modality, note} pointing into the ANT corpus (text[start:end] is the sentence). Each
article is coded once by the pipeline; marsad "finds" a type in a sentence when one of its factual
events (modality asserted, reported or claimed) has evidence overlapping the sentence (an event
merged from several passages, kept in its `_evidences`, counts in each). Per type:
precision = sentences where marsad found the type and the label is that type / all where it found it;
recall = labelled sentences of the type where marsad found it / all labelled with it. Goals: F1 >= 0.80
for the violent types, >= 0.75 for Protests and Riots. Also printed: modality agreement on labelled
non-events (none of marsad's factual events there), sub-type accuracy where the type was found, and
the same sentences scored as PLOVER ASSAULT (Battles, Explosions/Remote violence, Violence against
civilians) and PROTEST (Protests, Riots): a sentence counts once per class, whichever types gave it.

`--split` keeps the sentences of one half of the articles, chosen by a hash of the docno (TUNE: even,
HELD-OUT: odd), so that rules can be written looking only at TUNE errors and judged on HELD-OUT.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import sys
from collections import Counter
from pathlib import Path

from eval_events import ARTICLES, build_pipeline, prf, read_jsonl

from marsad.document import Document
from marsad.errors import InputError
from marsad.events.modality import is_factual
from marsad.inputs import json_records
from marsad.pipeline import LEARNED_STAGES

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / "eval" / "annotations" / "events_sentences.jsonl"
# PLOVER's two classes that a sentence set labelled "for assault and protest events" codes: ACLED's
# political violence types are ASSAULT, demonstrations (riots included) PROTEST
PLOVER_CLASS = {
    "Battles": "ASSAULT", "Explosions/Remote violence": "ASSAULT", "Violence against civilians": "ASSAULT",
    "Protests": "PROTEST", "Riots": "PROTEST",
}
GOALS = {
    "Battles": 0.80, "Explosions/Remote violence": 0.80, "Violence against civilians": 0.80,
    "Protests": 0.75, "Riots": 0.75,
}


def split_of(docno: str) -> str:
    """The half an article belongs to, fixed by its docno alone."""
    return "heldout" if int(hashlib.sha1(docno.encode("utf-8")).hexdigest(), 16) % 2 else "tune"


def _shifted(event, offset: int):
    evidences = [(a + offset, b + offset) for a, b in event.attrs.get("_evidences", [(event.start, event.end)])]
    return dataclasses.replace(event, start=event.start + offset, end=event.end + offset,
                               attrs={**event.attrs, "_evidences": evidences})


def check(records: list[dict], path: Path) -> None:
    for number, record in enumerate(records, 1):
        missing = {"docno", "start", "end", "event_type"} - set(record)
        if missing:
            sys.exit(f"{path}:{number}: missing field(s) {', '.join(sorted(missing))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT)
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--show", action="store_true", help="print the sentences marsad got wrong")
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="all",
                        help="only the articles of one half (by a hash of the docno)")
    parser.add_argument("--rules-only", action="store_true", help="leave out the sentence judge")
    parser.add_argument("--alone", choices=("dated", "undated"),
                        help="code each sentence as a text of its own (as a sentence-level test set would feed "
                             "it), with its article's date or with none")
    args = parser.parse_args()
    records = read_jsonl(args.file)
    check(records, args.file)
    if args.split != "all":
        records = [r for r in records if split_of(r["docno"]) == args.split]
    wanted = {r["docno"] for r in records}
    try:
        articles = {a["docno"]: a for a in json_records(args.articles) if a["docno"] in wanted}
    except InputError as error:
        sys.exit(f"{error} (the ANT corpus in ../shared)")
    missing = wanted - set(articles)
    if missing:
        sys.exit(f"{args.articles}: {len(missing)} annotated article(s) not found, e.g. {sorted(missing)[0]}")
    pipeline = build_pipeline(LEARNED_STAGES if args.rules_only else ())
    print(f"# stages: {' '.join(pipeline.names)}; split {args.split}: {len(records)} sentences in "
          f"{len(articles)} articles")
    events: dict[str, list] = {}
    if args.alone:
        for record in records:
            article = articles[record["docno"]]
            doc = pipeline(Document(
                text=article["text"][record["start"]:record["end"]], id=record["docno"],
                published=dt.date.fromisoformat(article["date"]) if args.alone == "dated" else None,
            ))
            # shifted back onto the article, so that the overlap test below reads them as usual
            events.setdefault(record["docno"], []).extend(
                _shifted(e, record["start"]) for e in doc.get("events") if is_factual(e.attrs["modality"]))
    else:
        for docno, article in articles.items():
            doc = pipeline(Document(
                text=article["text"], id=docno, source=article.get("source"),
                published=dt.date.fromisoformat(article["date"]),
            ))
            events[docno] = [e for e in doc.get("events") if is_factual(e.attrs["modality"])]
    tp, fp, fn = Counter(), Counter(), Counter()
    coarse_tp, coarse_fp, coarse_fn = Counter(), Counter(), Counter()
    sub_ok = sub_n = nonevent_ok = nonevent_n = 0
    for record in records:
        label = record["event_type"]
        found = [
            e for e in events[record["docno"]]
            if any(a < record["end"] and record["start"] < b for a, b in e.attrs.get("_evidences", [(e.start, e.end)]))
        ]
        types = {e.attrs["event_type"] for e in found}
        if label != "none":
            if label in types:
                tp[label] += 1
                sub_n += 1
                sub_ok += any(e.attrs["sub_event_type"] == record.get("sub_event_type") for e in found)
            else:
                fn[label] += 1
        else:
            nonevent_n += 1
            nonevent_ok += not types
        for name in types - {label}:
            fp[name] += 1
        gold_class = PLOVER_CLASS.get(label)
        for name in {PLOVER_CLASS[t] for t in types if t in PLOVER_CLASS} | ({gold_class} - {None}):
            found_class = any(PLOVER_CLASS.get(t) == name for t in types)
            if found_class and gold_class == name:
                coarse_tp[name] += 1
            elif found_class:
                coarse_fp[name] += 1
            else:
                coarse_fn[name] += 1
        if args.show and (types - {label} or (label != "none" and label not in types)):
            text = articles[record["docno"]]["text"][record["start"]:record["end"]]
            print(f"  {record['docno']} label={label}/{record.get('modality', '')} marsad={sorted(types)} "
                  f"{text[:140]!r}")
    print(f"{'type':32} {'P':>5} {'R':>5} {'F1':>5}  tp  fp  fn  goal")
    for name in sorted(set(tp) | set(fp) | set(fn)):
        p, r, f = prf(tp[name], fp[name], fn[name])
        goal = f"{GOALS[name]:.2f}" if name in GOALS else ""
        print(f"{name:32} {p:5.2f} {r:5.2f} {f:5.2f} {tp[name]:3} {fp[name]:3} {fn[name]:3}  {goal}")
    p, r, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    print(f"{'ALL types':32} {p:5.2f} {r:5.2f} {f:5.2f} {sum(tp.values()):3} {sum(fp.values()):3} "
          f"{sum(fn.values()):3}")
    for name in ("ASSAULT", "PROTEST"):
        if coarse_tp[name] + coarse_fp[name] + coarse_fn[name]:
            p, r, f = prf(coarse_tp[name], coarse_fp[name], coarse_fn[name])
            print(f"{'PLOVER ' + name:32} {p:5.2f} {r:5.2f} {f:5.2f} {coarse_tp[name]:3} {coarse_fp[name]:3} "
                  f"{coarse_fn[name]:3}")
    if sub_n:
        print(f"sub-type right where the type was found: {sub_ok / sub_n:.2f} ({sub_ok}/{sub_n})")
    if nonevent_n:
        print(f"labelled non-events left without a factual event: {nonevent_ok / nonevent_n:.2f} "
              f"({nonevent_ok}/{nonevent_n})")


if __name__ == "__main__":
    main()
