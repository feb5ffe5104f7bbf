"""Evaluate the `places` stage on IDRISI-D Arabic (../shared/data/idrisi_arabic/LMD, disaster tweets).

Gold: each tweet's location mentions with an OpenStreetMap point. IDRISI gives each distinct mention
of a tweet once, and its offsets are the *first occurrence of the surface string* in the tweet (true of
all 3,200 mentions: "فلسطين" inside "الفلسطيني" when the tweet's "#فلسطين" comes later). So a gold
mention stands for every occurrence of its surface in the tweet: it is *found* when a predicted place
overlaps one of them, and *resolved* when that prediction lies within 161 km (100 miles) of the gold
point (countries: same country code, or within 161 km). Goal: recall 0.75 at precision 0.85.

A prediction is *correct* when it overlaps an occurrence of a gold surface and is resolved against it.
Precision is printed three ways:
- over all predictions;
- outside compound hashtags: IDRISI leaves a place inside a topical hashtag unannotated (#امطار_الكويت,
  #الكويت_تغرق) while it annotates a hashtag that is the place's name (#حفر_الباطن); unmatched
  predictions inside compound hashtags are left out;
- judged: also leaving out unmatched predictions on a mention that IDRISI's recognition gold (LMR, the
  same tweets annotated for mentions only) holds but LMD does not resolve, since LMD kept only the
  mentions its annotators could put on the map. This is the precision the goal refers to.
With --offsets the previous scoring (gold offsets taken literally, one prediction per gold mention) is
printed as well, for comparison with earlier figures.

Usage: .venv/bin/python eval/eval_idrisi.py [--errors N] [--offsets] [--ner]
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

IDRISI = Path(__file__).resolve().parents[2] / "shared" / "data" / "idrisi_arabic"
LMD = IDRISI / "LMD"
LMR = IDRISI / "LMR"
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


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in regex.finditer(regex.escape(surface), text)]


def recognition_gold(event: str) -> dict[str, list[tuple[int, int]]]:
    """LMR mention spans by tweet id for one event file (empty when the LMR file is absent)."""
    path = LMR / f"{event}.jsonl"
    spans: dict[str, list[tuple[int, int]]] = {}
    if not path.exists():
        return spans
    with path.open(encoding="utf-8", newline="\n") as handle:
        for line in handle:
            if line.strip():
                tweet = json.loads(line)
                spans[tweet["tweet_id"]] = [(m["startIdx"], m["endIdx"]) for m in tweet["location_mentions"]]
    return spans


def score_tweet(tweet: dict, golds: list[dict], preds: list[dict], lmr: list[tuple[int, int]],
                event: Counter, misses: Counter, wrong: Counter, false_pos: Counter) -> None:
    """Surface scoring: a gold mention stands for every occurrence of its surface in the tweet."""
    text = tweet["text"]
    correct: set[int] = set()
    on_gold: set[int] = set()
    for g in golds:
        spots = occurrences(text, g["text"]) or [(g["start"], g["end"])]
        hits = [i for i, p in enumerate(preds) if any(p["start"] < e and s < p["end"] for s, e in spots)]
        on_gold.update(hits)
        good = [i for i in hits if resolved(g, preds[i])]
        correct.update(good)
        if not hits:
            misses[g["text"]] += 1
            continue
        event["found"] += 1
        if good:
            event["resolved"] += 1
        else:
            p = preds[hits[0]]
            wrong[f"{g['text']} -> {p['name']} {p['country_code']}"] += 1
    event["correct"] += len(correct)
    for i, p in enumerate(preds):
        if i in on_gold:
            continue
        if in_compound_hashtag(text, p["start"], p["end"]):
            event["pred_hashtag"] += 1
        elif any(p["start"] < e and s < p["end"] for s, e in lmr):
            event["pred_unjudged"] += 1
        else:
            false_pos[p["text"]] += 1


def score_offsets(tweet: dict, golds: list[dict], preds: list[dict], event: Counter) -> None:
    """The earlier scoring: gold offsets as given, one prediction per gold mention."""
    used = set()
    for g in golds:
        match = next((i for i, p in enumerate(preds) if i not in used
                      and p["start"] < g["end"] and g["start"] < p["end"]), None)
        if match is not None:
            used.add(match)
            event["old_resolved"] += resolved(g, preds[match])
    by_surface = {bare(g["text"]): g for g in golds}
    for i, p in enumerate(preds):
        if i in used:
            continue
        if in_compound_hashtag(tweet["text"], p["start"], p["end"]):
            event["old_hashtag"] += 1
        elif bare(p["text"]) in by_surface:
            event["old_repeat_resolved"] += resolved(by_surface[bare(p["text"])], p)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--offsets", action="store_true", help="also print the offset-based scoring")
    parser.add_argument("--ner", action="store_true", help="run the ner stage first (its locations are evidence)")
    args = parser.parse_args()
    files = sorted(LMD.glob("*.jsonl"))
    if not files:
        print(f"eval_idrisi: no files under {LMD} (needs ../shared)", file=sys.stderr)
        return 2
    pipeline = Pipeline(["sentences", "tokens", *(["ner"] if args.ner else []), "places"])
    totals = Counter()
    misses, wrong, false_pos = Counter(), Counter(), Counter()
    for path in files:
        event = Counter()
        lmr = recognition_gold(path.stem)
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
                score_tweet(tweet, golds, preds, lmr.get(tweet["tweet_id"], []), event, misses, wrong, false_pos)
                if args.offsets:
                    score_offsets(tweet, golds, preds, event)
        totals.update(event)
        judged = event["pred"] - event["pred_hashtag"] - event["pred_unjudged"]
        print(f"{path.stem:32s} gold {event['gold']:5d}  found {event['found'] / event['gold']:.3f}  "
              f"resolved {event['resolved'] / event['gold']:.3f}  precision {event['correct'] / max(1, judged):.3f}")
    recall = totals["resolved"] / totals["gold"]
    outside = totals["pred"] - totals["pred_hashtag"]
    judged = outside - totals["pred_unjudged"]
    print(f"{'all':32s} gold {totals['gold']:5d}  found {totals['found'] / totals['gold']:.3f}  "
          f"resolved (<=161 km) {recall:.3f}  (goal: 0.75 at precision 0.85)")
    print(f"precision: {totals['correct'] / max(1, judged):.3f} judged ({judged} predictions); "
          f"{totals['correct'] / max(1, outside):.3f} outside compound hashtags; "
          f"{totals['correct'] / max(1, totals['pred']):.3f} over all {totals['pred']} predictions")
    if args.offsets:
        old_outside = totals["pred"] - totals["old_hashtag"]
        print(f"offset scoring (earlier figures): resolved {totals['old_resolved'] / totals['gold']:.3f}; precision "
              f"{totals['old_resolved'] / max(1, totals['pred']):.3f} over all predictions, "
              f"{totals['old_resolved'] / max(1, old_outside):.3f} outside compound hashtags, "
              f"{(totals['old_resolved'] + totals['old_repeat_resolved']) / max(1, old_outside):.3f} "
              "with repeats of annotated places scored")
    if args.errors:
        print("\nmissed:", ", ".join(f"{k}×{v}" for k, v in misses.most_common(args.errors)))
        print("\nmisresolved:", ", ".join(f"{k}×{v}" for k, v in wrong.most_common(args.errors)))
        print("\nunmatched predictions:", ", ".join(f"{k}×{v}" for k, v in false_pos.most_common(args.errors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
