"""Evaluate the `places` stage on the ANT toponym dev gold (../shared/data/ant_gold_dev/toponyms.jsonl).

A predicted place matches a gold mention when their spans overlap (one to one, greedy by overlap).
It is *placed* when: gold kind country -> same country code; admin1/region -> within 120 km;
admin2 -> within 60 km; anything else -> within 25 km; gold without coordinates -> recognition only.
F1 counts a true positive only for mentions found and placed.

Usage: .venv/bin/python eval/eval_toponyms.py [--errors N] [--unresolved] [--ner]
  --unresolved  also report, over the whole ANT corpus, the share of place-like mentions (the word(s)
                after a head noun such as مدينة/بلدة/محافظة) that the geoparser resolves, and the 30 most
                frequent that it does not.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from marsad.document import Document
from marsad.inputs import json_records
from marsad.pipeline import Pipeline
from marsad.places.resolve import distance_km

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
GOLD = SHARED / "ant_gold_dev" / "toponyms.jsonl"
ARTICLES = SHARED / "ant_news_conflict" / "ant_conflict_2018-02_to_08.jsonl"
TOLERANCE_KM = {"admin1": 120.0, "region": 120.0, "admin2": 60.0}
DEFAULT_KM = 25.0


def read_jsonl(path: Path) -> list[dict]:
    return list(json_records(path))


def placed(gold: dict, pred: dict) -> bool:
    if gold["kind"] == "country":
        return pred.get("country_code") == gold["country"]
    if gold["lat"] is None or gold["lon"] is None:
        return True
    if pred.get("lat") is None:
        return False
    km = distance_km(gold["lat"], gold["lon"], pred["lat"], pred["lon"])
    return km <= TOLERANCE_KM.get(gold["kind"], DEFAULT_KM)


def align(golds: list[dict], preds: list[dict]) -> list[tuple[dict | None, dict | None]]:
    pairs = []
    for g in golds:
        for p in preds:
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                pairs.append((overlap, id(g), id(p), g, p))
    pairs.sort(key=lambda x: -x[0])
    used_g, used_p, out = set(), set(), []
    for _, gid, pid, g, p in pairs:
        if gid in used_g or pid in used_p:
            continue
        used_g.add(gid)
        used_p.add(pid)
        out.append((g, p))
    out += [(g, None) for g in golds if id(g) not in used_g]
    out += [(None, p) for p in preds if id(p) not in used_p]
    return out


def evaluate(errors: int, stages: list[str]) -> None:
    gold = {row["docno"]: row for row in read_jsonl(GOLD)}
    texts = {}
    with ARTICLES.open(encoding="utf-8", newline="\n") as handle:
        for line in handle:
            if line.strip():
                article = json.loads(line)
                if article["docno"] in gold:
                    texts[article["docno"]] = article["text"]
    pipeline = Pipeline(stages)
    pipeline.run("تحميل")  # load once, outside the timing
    tp = found = exact = n_pred = n_gold = 0
    misses: Counter = Counter()
    false_pos: Counter = Counter()
    misplaced: list[str] = []
    started = time.perf_counter()
    for docno, row in sorted(gold.items()):
        doc = pipeline(Document(text=texts[docno], id=docno))
        preds = [{"start": s.start, "end": s.end, "text": s.text, **s.attrs} for s in doc.get("places")]
        n_pred += len(preds)
        n_gold += len(row["mentions"])
        for g, p in align(row["mentions"], preds):
            if g is not None and p is not None:
                found += 1
                exact += (g["start"], g["end"]) == (p["start"], p["end"])
                if placed(g, p):
                    tp += 1
                else:
                    misplaced.append(f"{g['surface']} ({g['kind']} {g['name_en']}, {g['country']}) -> "
                                     f"{p['name']} {p['country_code']} {p['feature']}")
            elif g is not None:
                misses[g["surface"]] += 1
            else:
                false_pos[p["text"]] += 1
    elapsed = time.perf_counter() - started
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    rec_p, rec_r = found / n_pred, found / n_gold
    print(f"articles {len(gold)}, gold mentions {n_gold}, predicted {n_pred}")
    print(f"recognition (overlap): P {rec_p:.3f} R {rec_r:.3f} F1 {2 * rec_p * rec_r / (rec_p + rec_r):.3f}; "
          f"exact spans {exact}/{found}")
    print(f"found and placed: P {precision:.3f} R {recall:.3f} F1 {f1:.3f} (goal >= 0.85)")
    print(f"time {1000 * elapsed / len(gold):.1f} ms per article ({'+'.join(stages)})")
    if errors:
        print("\nmissed:", ", ".join(f"{k}×{v}" for k, v in misses.most_common(errors)))
        print("\nfalse positives:", ", ".join(f"{k}×{v}" for k, v in false_pos.most_common(errors)))
        print("\nmisplaced:")
        for line in Counter(misplaced).most_common(errors):
            print(f"  {line[1]}× {line[0]}")


def unresolved_report(limit: int = 30) -> None:
    """Share of head-introduced place-like mentions in the whole corpus that resolve, and the rest.

    Place-like: the word right after a head noun (مدينة، بلدة، محافظة، ريف…) that the geoparser
    resolves, or that is not a common Arabic word (Zipf < 3.5 in the shipped common-word table), so that
    "مناطق سيطرة" or "مدن أخرى" do not count.
    """
    from marsad.places.commonness import read_common_words
    from marsad.places.lexicon import lexicon

    lex = lexicon()
    common = read_common_words()
    heads = {w for w, h in lex.heads.items() if h.kind in ("admin", "region")}
    pipeline = Pipeline(["sentences", "tokens", "places"])
    total = resolved = 0
    unresolved: Counter = Counter()
    with ARTICLES.open(encoding="utf-8", newline="\n") as handle:
        for line in handle:
            if not line.strip():
                continue
            doc = pipeline(Document(text=json.loads(line)["text"]))
            tokens = doc.get("tokens")
            covered = {(s.start, s.end) for s in doc.get("places")}
            starts = sorted(s.start for s in doc.get("places"))
            ends = {s.start: s.end for s in doc.get("places")}
            for i, token in enumerate(tokens[:-1]):
                if token.attrs["norm"] not in heads:
                    continue
                nxt = tokens[i + 1]
                if nxt.attrs["role"] not in ("stem",) or nxt.attrs["norm"] in lex.heads:
                    continue
                hit = any(s <= nxt.start < ends[s] for s in starts) or (nxt.start, nxt.end) in covered
                if not hit and (common.get(nxt.attrs["norm"], 0.0) >= 3.5 or nxt.attrs["norm"] in lex.descriptive):
                    continue
                total += 1
                if hit:
                    resolved += 1
                else:
                    unresolved[nxt.text] += 1
    print(f"place-like mentions after head words: {total}, resolved {resolved} ({resolved / total:.1%})")
    print(f"{limit} most frequent unresolved:")
    for word, count in unresolved.most_common(limit):
        print(f"  {count:5d}  {word}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="list the N most frequent errors of each kind")
    parser.add_argument("--unresolved", action="store_true", help="corpus-wide unresolved place-like mentions")
    parser.add_argument("--ner", action="store_true", help="run the ner stage first (its entities are evidence)")
    args = parser.parse_args()
    if not GOLD.exists() or not ARTICLES.exists():
        print(f"eval_toponyms: {GOLD} or {ARTICLES} is missing (needs ../shared)", file=sys.stderr)
        return 2
    evaluate(args.errors, ["sentences", "tokens", *(["ner"] if args.ner else []), "places"])
    if args.unresolved:
        unresolved_report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
