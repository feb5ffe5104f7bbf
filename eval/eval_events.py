"""Score marsad's event coder against the dev gold (ACLED-style records of 40 ANT articles).

    .venv/bin/python eval/eval_events.py [--gold PATH] [--articles PATH] [--show]

A predicted record (a factual event: modality asserted, reported or claimed) matches a gold record
of the same event type whose place is in the same admin1 or within 50 km; each gold record matches
at most one prediction. Printed: record precision/recall/F1 overall and per type, sub-type accuracy,
actor accuracy (loosely: same inter code), date and fatality agreement on matched records, and the
number of factual predictions whose evidence overlaps a gold non-event (goal: 0), plus how many
non-factual predictions sit on non-events (correctly flagged).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
from collections import Counter
from pathlib import Path

from marsad.document import Document
from marsad.errors import InputError, MarsadError
from marsad.events.modality import is_factual
from marsad.inputs import json_records
from marsad.pipeline import DEFAULT_STAGES, LEARNED_STAGES, Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
GOLD = SHARED / "ant_gold_dev" / "events.jsonl"
ARTICLES = SHARED / "ant_news_conflict" / "ant_conflict_2018-02_to_08.jsonl"
STAGES = list(DEFAULT_STAGES)
RADIUS_KM = 50.0


def read_jsonl(path: Path) -> list[dict]:
    try:
        return list(json_records(path))
    except InputError as error:
        sys.exit(str(error))


def build_pipeline(without: tuple[str, ...] = ()) -> Pipeline:
    """The stages that exist and load (a missing model, e.g. NER's, just leaves its stage out)."""
    chosen = []
    for name in (s for s in STAGES if s not in without):
        try:
            stage = Pipeline([*chosen, name]).stages[-1]
            stage(Pipeline(chosen)(Document(text="قتل مدني في دمشق.", published=dt.date(2018, 1, 1))))
        except (MarsadError, ImportError) as error:
            print(f"# stage {name} left out: {str(error).splitlines()[0]}", file=sys.stderr)
            continue
        chosen.append(name)
    return Pipeline(chosen)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _norm(name: str | None) -> str:
    return "".join(ch for ch in (name or "").lower() if ch.isalnum())


def same_place(pred: dict, gold: dict) -> bool:
    place = pred.get("location")
    if place is None:
        return False
    attrs = place.attrs
    if attrs.get("admin1") and _norm(attrs.get("admin1")) == _norm(gold["admin1"]):
        return True
    lat, lon = attrs.get("lat"), attrs.get("lon")
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        return distance_km(lat, lon, gold["lat"], gold["lon"]) <= RADIUS_KM
    return False


def pair_records(golds: list[dict], factual: list[dict]) -> dict[int, int]:
    """One-to-one matching of gold events to predicted records (attrs dicts) of the same type and place,
    best pairs first: same date, then same sub-type. Gold index -> record index."""
    pairs = []
    for g, gold in enumerate(golds):
        for index, pred in enumerate(factual):
            if pred["event_type"] == gold["event_type"] and same_place(pred, gold):
                score = (str(pred["event_date"]) == gold["event_date"],
                         pred["sub_event_type"] == gold["sub_event_type"])
                pairs.append((score, g, index))
    used: set[int] = set()
    paired: dict[int, int] = {}
    for _, g, index in sorted(pairs, key=lambda p: p[0], reverse=True):
        if g not in paired and index not in used:
            paired[g] = index
            used.add(index)
    return paired


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--show", action="store_true", help="print misses and false alarms")
    parser.add_argument("--rules-only", action="store_true", help="leave out the sentence judge and the record vetting")
    args = parser.parse_args()
    gold_rows = read_jsonl(args.gold)
    wanted = {row["docno"] for row in gold_rows}
    texts = {a["docno"]: a for a in read_jsonl(args.articles) if a["docno"] in wanted}
    pipeline = build_pipeline(LEARNED_STAGES if args.rules_only else ())
    print(f"# stages: {' '.join(pipeline.names)}")
    tp, fp, fn = Counter(), Counter(), Counter()
    sub_ok = actor1_ok = actor2_ok = date_ok = fatal_ok = matched = 0
    on_non_events = flagged_non_events = 0
    for row in gold_rows:
        article = texts.get(row["docno"])
        if article is None:
            sys.exit(f"{args.articles}: article {row['docno']} not found")
        doc = pipeline(Document(
            text=article["text"], id=row["docno"], source=row["source"],
            published=dt.date.fromisoformat(row["date"]),
        ))
        preds = [dict(e.attrs, _span=e) for e in doc.get("events")]
        factual = [p for p in preds if is_factual(p["modality"])]
        for pred in preds:
            span = pred["_span"]
            hits = [n for n in row["non_events"] if span.start < n["evidence_end"] and n["evidence_start"] < span.end]
            if hits and is_factual(pred["modality"]):
                on_non_events += 1
                if args.show:
                    print(f"  ON-NON-EVENT {row['docno']} {pred['event_type']} [{hits[0]['reason']}] "
                          f"{span.text[:120]!r}")
            elif hits:
                flagged_non_events += 1
        paired = pair_records(row["events"], factual)
        used = set(paired.values())
        for g, gold in enumerate(row["events"]):
            if g not in paired:
                fn[gold["event_type"]] += 1
                if args.show:
                    ev = article["text"][gold["evidence_start"]:gold["evidence_end"]]
                    print(f"  MISS {row['docno']} {gold['event_type']}/{gold['sub_event_type']} "
                          f"{gold['location']} {ev[:120]!r}")
                continue
            pred = factual[paired[g]]
            tp[gold["event_type"]] += 1
            matched += 1
            sub_ok += pred["sub_event_type"] == gold["sub_event_type"]
            actor1_ok += (pred.get("inter1") or 0) == gold["inter1"]
            actor2_ok += (pred.get("inter2") or 0) == (gold["inter2"] or 0)
            date_ok += str(pred["event_date"]) == gold["event_date"]
            fatal_ok += pred["fatalities"] == gold["fatalities"]
            if args.show:
                differ = []
                for side in ("1", "2"):
                    ours, theirs = pred.get("inter" + side) or 0, gold["inter" + side] or 0
                    if ours != theirs:
                        differ.append(f"actor{side} {pred.get('actor' + side)} [{ours}], gold "
                                      f"{gold.get('actor' + side)} [{theirs}]")
                for name, ours, theirs in (("date", str(pred["event_date"]), gold["event_date"]),
                                           ("fatalities", pred["fatalities"], gold["fatalities"])):
                    if ours != theirs:
                        differ.append(f"{name} {ours}, gold {theirs}")
                if differ:
                    print(f"  FIELDS {row['docno']} {gold['event_type']}: " + "; ".join(differ))
        for index, pred in enumerate(factual):
            if index not in used:
                fp[pred["event_type"]] += 1
                if args.show:
                    place = pred["location"].attrs.get("name") if pred["location"] is not None else None
                    print(f"  FALSE {row['docno']} {pred['event_type']}/{pred['sub_event_type']} {place} "
                          f"{pred['_span'].text[:120]!r}")
    types = sorted(set(tp) | set(fp) | set(fn))
    print(f"{'type':32} {'P':>5} {'R':>5} {'F1':>5}  tp  fp  fn")
    for name in types:
        p, r, f = prf(tp[name], fp[name], fn[name])
        print(f"{name:32} {p:5.2f} {r:5.2f} {f:5.2f} {tp[name]:3} {fp[name]:3} {fn[name]:3}")
    p, r, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    print(f"{'ALL records':32} {p:5.2f} {r:5.2f} {f:5.2f} {sum(tp.values()):3} {sum(fp.values()):3} "
          f"{sum(fn.values()):3}")
    if matched:
        print(f"on matched records ({matched}): sub-type {sub_ok / matched:.2f}, actor1 (inter) "
              f"{actor1_ok / matched:.2f}, actor2 (inter) {actor2_ok / matched:.2f}, date {date_ok / matched:.2f}, "
              f"fatalities {fatal_ok / matched:.2f}")
    print(f"factual events on gold non-events: {on_non_events} (goal 0); "
          f"non-factual events on non-events (flagged): {flagged_non_events}")


if __name__ == "__main__":
    main()
