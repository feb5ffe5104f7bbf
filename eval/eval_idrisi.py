"""Evaluate the `places` stage on IDRISI-D Arabic (../shared/data/idrisi_arabic/LMD, disaster tweets).

Gold: each tweet's location mentions with an OpenStreetMap point. A gold mention is *found and
resolved* when a predicted place overlaps its span and lies within 161 km (100 miles) of the gold
point (countries: same country code, or within 161 km). Precision: the share of predicted places
that overlap a gold mention and are resolved. Goal: recall 0.75 at precision 0.85.

IDRISI often annotates a place once per tweet: a prediction that repeats the surface of an annotated
mention of the same tweet is also scored against that mention ("repeats" figure).

IDRISI leaves places inside compound hashtags unannotated (#امطار_الكويت, #الكويت_تغرق) where
marsad's own guidelines annotate them (#تحرير_الحديدة); precision is printed both ways: over all
predictions, and over predictions outside compound hashtags.

Usage: .venv/bin/python eval/eval_idrisi.py [--errors N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import regex

from marsad.document import Document
from marsad.pipeline import Pipeline
from marsad.places.resolve import distance_km
from marsad.text.normalize import normalize

LMD = Path(__file__).resolve().parents[2] / "shared" / "data" / "idrisi_arabic" / "LMD"
MILES_100_KM = 161.0
_COMPOUND_HASHTAG = regex.compile(r"#[\p{L}\p{N}]*_[\p{L}\p{N}_]*")


def bare(surface: str) -> str:
    """A surface without hashtag marks, proclitic-free forms aside, for matching repeats."""
    return normalize(surface.replace("#", "").replace("_", " ")).strip()


def in_compound_hashtag(text: str, start: int, end: int) -> bool:
    return any(m.start() <= start and end <= m.end() for m in _COMPOUND_HASHTAG.finditer(text))


def gold_mentions(tweet: dict) -> list[dict]:
    seen, mentions = set(), []
    for m in tweet["location_mentions"]:
        key = (m["start_offset"], m["end_offset"])
        if key in seen:
            continue
        seen.add(key)
        osm = m.get("osm_json") or {}
        mentions.append({
            "start": m["start_offset"], "end": m["end_offset"], "text": m["text"], "type": m["type"],
            "lat": float(osm["lat"]) if osm.get("lat") else None,
            "lon": float(osm["lon"]) if osm.get("lon") else None,
            "country": (osm.get("address") or {}).get("country_code", "").upper(),
        })
    return mentions


def resolved(gold: dict, pred: dict) -> bool:
    if gold["type"] == "Country" and gold["country"] and pred.get("country_code") == gold["country"]:
        return True
    if gold["lat"] is None or pred.get("lat") is None:
        return False
    return distance_km(gold["lat"], gold["lon"], pred["lat"], pred["lon"]) <= MILES_100_KM


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    files = sorted(LMD.glob("*.jsonl"))
    if not files:
        print(f"eval_idrisi: no files under {LMD} (needs ../shared)", file=sys.stderr)
        return 2
    pipeline = Pipeline(["sentences", "tokens", "places"])
    totals = Counter()
    misses, wrong, false_pos = Counter(), Counter(), Counter()
    for path in files:
        event = Counter()
        with path.open(encoding="utf-8", newline="\n") as handle:
            for line in handle:
                if not line.strip():
                    continue
                tweet = json.loads(line)
                golds = gold_mentions(tweet)
                doc = pipeline(Document(text=tweet["text"]))
                preds = [{"start": s.start, "end": s.end, "text": s.text, **s.attrs} for s in doc.get("places")]
                event["gold"] += len(golds)
                event["pred"] += len(preds)
                used = set()
                for g in golds:
                    match = next((i for i, p in enumerate(preds) if i not in used
                                  and p["start"] < g["end"] and g["start"] < p["end"]), None)
                    if match is None:
                        misses[g["text"]] += 1
                        continue
                    used.add(match)
                    event["found"] += 1
                    if resolved(g, preds[match]):
                        event["resolved"] += 1
                    else:
                        wrong[f"{g['text']} -> {preds[match]['name']} {preds[match]['country_code']}"] += 1
                by_surface = {bare(g["text"]): g for g in golds}
                for i, p in enumerate(preds):
                    if i in used:
                        continue
                    if in_compound_hashtag(tweet["text"], p["start"], p["end"]):
                        event["pred_hashtag"] += 1
                    elif bare(p["text"]) in by_surface:
                        event["repeat"] += 1
                        event["repeat_resolved"] += resolved(by_surface[bare(p["text"])], p)
                    else:
                        false_pos[p["text"]] += 1
        totals.update(event)
        print(f"{path.stem:32s} gold {event['gold']:5d}  found {event['found'] / event['gold']:.3f}  "
              f"resolved {event['resolved'] / event['gold']:.3f}  precision "
              f"{event['resolved'] / max(1, event['pred']):.3f} / "
              f"{event['resolved'] / max(1, event['pred'] - event['pred_hashtag']):.3f}")
    recall = totals["resolved"] / totals["gold"]
    precision = totals["resolved"] / max(1, totals["pred"])
    outside = totals["resolved"] / max(1, totals["pred"] - totals["pred_hashtag"])
    repeats = (totals["resolved"] + totals["repeat_resolved"]) / max(1, totals["pred"] - totals["pred_hashtag"])
    print(f"{'all':32s} gold {totals['gold']:5d}  found {totals['found'] / totals['gold']:.3f}  "
          f"resolved (<=161 km) {recall:.3f}  (goal: 0.75 at precision 0.85)")
    print(f"precision: {precision:.3f} over all predictions; {outside:.3f} outside compound hashtags; "
          f"{repeats:.3f} outside compound hashtags with repeats of annotated places scored")
    if args.errors:
        print("\nmissed:", ", ".join(f"{k}×{v}" for k, v in misses.most_common(args.errors)))
        print("\nmisresolved:", ", ".join(f"{k}×{v}" for k, v in wrong.most_common(args.errors)))
        print("\nunmatched predictions:", ", ".join(f"{k}×{v}" for k, v in false_pos.most_common(args.errors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
