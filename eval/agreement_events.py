"""How far two coders of the same articles agree, scored as `eval_events.py` scores marsad.

    .venv/bin/python eval/agreement_events.py FIRST.jsonl SECOND.jsonl

Both files are article golds in the dev gold's format. The second coder's records are scored against
the first's exactly as marsad's are: a record matches one of the same event type whose place is in the
same admin1 or within 50 km, one to one, best pairs (same date, then same sub-type) first. Only the
articles both files hold are compared. The record F1 printed is the ceiling a coder of these rules
reaches against another one: what an event coder's F1 on a one-coder gold should be read against.
Also printed: sub-type, actor (inter code), date and fatality agreement on matched records, and how
many of one coder's events sit on the other's non-events.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from eval_events import RADIUS_KM, _norm, distance_km, prf, read_jsonl


def same_place(one: dict, other: dict) -> bool:
    if one.get("admin1") and _norm(one["admin1"]) == _norm(other.get("admin1")):
        return True
    return distance_km(one["lat"], one["lon"], other["lat"], other["lon"]) <= RADIUS_KM


def match(first: list[dict], second: list[dict]) -> dict[int, int]:
    """Indices of `second` paired with indices of `first`, as eval_events.py pairs records."""
    pairs = []
    for g, gold in enumerate(first):
        for index, other in enumerate(second):
            if other["event_type"] == gold["event_type"] and same_place(other, gold):
                pairs.append(((other["event_date"] == gold["event_date"],
                               other["sub_event_type"] == gold["sub_event_type"]), g, index))
    paired: dict[int, int] = {}
    used: set[int] = set()
    for _, g, index in sorted(pairs, key=lambda p: p[0], reverse=True):
        if g not in paired and index not in used:
            paired[g] = index
            used.add(index)
    return paired


def _on_non_events(events: list[dict], non_events: list[dict]) -> int:
    return sum(1 for e in events if any(
        e["evidence_start"] < n["evidence_end"] and n["evidence_start"] < e["evidence_end"] for n in non_events))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args()
    first = {row["docno"]: row for row in read_jsonl(args.first)}
    second = {row["docno"]: row for row in read_jsonl(args.second)}
    shared = [docno for docno in first if docno in second]
    tp, fp, fn = Counter(), Counter(), Counter()
    agree = Counter()
    crossed = Counter()
    for docno in shared:
        a, b = first[docno], second[docno]
        paired = match(a["events"], b["events"])
        for g, gold in enumerate(a["events"]):
            if g not in paired:
                fn[gold["event_type"]] += 1
                continue
            other = b["events"][paired[g]]
            tp[gold["event_type"]] += 1
            agree["sub-type"] += other["sub_event_type"] == gold["sub_event_type"]
            agree["actor1 (inter)"] += (other["inter1"] or 0) == (gold["inter1"] or 0)
            agree["actor2 (inter)"] += (other["inter2"] or 0) == (gold["inter2"] or 0)
            agree["date"] += other["event_date"] == gold["event_date"]
            agree["fatalities"] += other["fatalities"] == gold["fatalities"]
        for index, other in enumerate(b["events"]):
            if index not in paired.values():
                fp[other["event_type"]] += 1
        crossed["second's events on first's non-events"] += _on_non_events(b["events"], a["non_events"])
        crossed["first's events on second's non-events"] += _on_non_events(a["events"], b["non_events"])
    print(f"# {len(shared)} articles coded by both; the second coder scored against the first")
    print(f"{'type':32} {'P':>5} {'R':>5} {'F1':>5}  tp  fp  fn")
    for name in sorted(set(tp) | set(fp) | set(fn)):
        p, r, f = prf(tp[name], fp[name], fn[name])
        print(f"{name:32} {p:5.2f} {r:5.2f} {f:5.2f} {tp[name]:3} {fp[name]:3} {fn[name]:3}")
    total = sum(tp.values())
    p, r, f = prf(total, sum(fp.values()), sum(fn.values()))
    print(f"{'ALL records':32} {p:5.2f} {r:5.2f} {f:5.2f} {total:3} {sum(fp.values()):3} {sum(fn.values()):3}")
    if total:
        print(f"on matched records ({total}): " + ", ".join(f"{k} {v / total:.2f}" for k, v in agree.items()))
    print("; ".join(f"{k}: {v}" for k, v in crossed.items()))


if __name__ == "__main__":
    main()
