"""Train the record vetting model (`marsad.events.vetting`) and write src/marsad/models/record_vetting.tsv.

    python scripts/train_record_vetting.py --shared ../shared             # estimate, train, write
    python scripts/train_record_vetting.py --shared ../shared --no-write  # only the estimate

Training data: the factual records that the rules and the sentence judge make of the articles of the
article golds the judge trains on (`train_event_judge.ARTICLE_GOLDS`), each gold's articles judged by a
judge of articles trained without that gold, so that the records look as they will on articles no model
has seen. A record is right when eval/eval_events.py's matching pairs it with a gold event, false
otherwise. The estimate leaves one gold out at a time: the vetting model of the other golds doubts the
records of the one left out, and the pooled record F1 (right, false, missed) is printed for several
thresholds beside the records as the judge left them. Articles of three sentences or fewer are not
vetted (`marsad.events.vetting.SHORT_TEXT`) and stay as they were. Needs the `build` extra
(scikit-learn); takes about ten minutes on two cores (a judge of articles is trained once per gold).
"""

from __future__ import annotations

import argparse
import copy
import pickle
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "eval"))

# the regularisation of the logistic regression: left out one gold at a time, C 0.1, 0.3 and 1 were
# compared (docs/events.md, twenty-sixth pass)
C = 0.1
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4)
MIN_RECORDS = 2  # a feature of one record teaches nothing


def judged_records(shared: Path) -> tuple[list[tuple[str, dict[str, float], bool]], Counter]:
    """(gold name, features, right) of every vetted record, and each gold's number of coded events."""
    from eval_events import pair_records
    from train_event_judge import judge_of, labelled_rows

    from marsad.events.judge import SentenceJudge
    from marsad.events.vetting import SHORT_TEXT, article_features

    rows, docs, golds = labelled_rows(shared)
    short_texts = judge_of([r for r in rows if not r["set"].startswith("article:")], "sentence judge")
    records: list[tuple[str, dict[str, float], bool]] = []
    events: Counter = Counter()
    for name, gold in golds.items():
        judge = SentenceJudge(short_texts, judge_of([r for r in rows if r["set"] != "article:" + name], name))
        for coded in gold:
            doc = judge(copy.deepcopy(docs[coded["docno"]]))
            found = article_features(doc)
            right = set(pair_records(coded["events"], [event.attrs for event, _ in found]).values())
            events[name] += len(coded["events"])
            vetted = len(doc.get("sentences")) > SHORT_TEXT
            # a record of a short article is never vetted: it counts as kept (features None)
            records += [(name, features if vetted else None, index in right)
                        for index, (_, features) in enumerate(found)]
        print(f"  {name}: {sum(1 for r in records if r[0] == name)} records", flush=True)
    return records, events


def fit(records: list[tuple[str, dict[str, float], bool]], c: float = C):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(f for _, features, _ in records for f in features)
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(
        [{f: v for f, v in features.items() if seen[f] >= MIN_RECORDS} for _, features, _ in records])
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(matrix, [right for _, _, right in records])
    return vectorizer, model


def f1(right: int, false: int, missed: int) -> float:
    return 2 * right / (2 * right + false + missed) if right else 0.0


def left_out_estimate(records, events: Counter, c: float) -> dict[float, tuple[int, int, int]]:
    """Pooled (right, false, missed) at each threshold, each gold vetted by a model of the others."""
    kept = {t: Counter() for t in THRESHOLDS}
    for name in events:
        train = [r for r in records if r[0] != name and r[1] is not None]
        test = [r for r in records if r[0] == name]
        vectorizer, model = fit(train, c)
        vetted = [r for r in test if r[1] is not None]
        probabilities = model.predict_proba(vectorizer.transform([r[1] for r in vetted]))[:, 1] if vetted else []
        for threshold in THRESHOLDS:
            passed = [r for r in test if r[1] is None] + [r for r, p in zip(vetted, probabilities, strict=True)
                                                          if p >= threshold]
            right = sum(r[2] for r in passed)
            kept[threshold].update(right=right, false=len(passed) - right, missed=events[name] - right)
    return {t: (k["right"], k["false"], k["missed"]) for t, k in kept.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared/ folder")
    parser.add_argument("--out", type=Path, default=REPO / "src" / "marsad" / "models" / "record_vetting.tsv")
    parser.add_argument("--no-write", action="store_true", help="print the estimate only")
    parser.add_argument("--c", type=float, nargs="*", default=[C], help="regularisation(s) to estimate")
    parser.add_argument("--cache", type=Path, help="keep the judged records in this pickle and reuse them when "
                        "it exists (for trying settings; delete it after any change to the coder or the golds)")
    args = parser.parse_args()

    if args.cache and args.cache.exists():
        with args.cache.open("rb") as handle:
            records, events = pickle.load(handle)
    else:
        print("# the golds' records, each gold judged by a judge of articles trained without it", flush=True)
        records, events = judged_records(args.shared)
        if args.cache:
            with args.cache.open("wb") as handle:
                pickle.dump((records, events), handle)
    right = sum(r[2] for r in records)
    before = (right, len(records) - right, sum(events.values()) - right)
    print(f"# {len(records)} records of {len(events)} golds; as the judge left them: right {before[0]}, "
          f"false {before[1]}, missed {before[2]}, F1 {f1(*before):.3f}")
    print("# left out one gold at a time, records doubted below each threshold: right false missed F1")
    for c in args.c:
        for threshold, counts in left_out_estimate(records, events, c).items():
            print(f"  C {c:g}  below {threshold:.2f}: {counts[0]} {counts[1]} {counts[2]}  F1 {f1(*counts):.3f}")
    if args.no_write:
        return 0
    vetted = [r for r in records if r[1] is not None]
    vectorizer, model = fit(vetted)
    weights = sorted(zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True))
    from train_event_judge import MIN_WEIGHT

    lines = [
        "# marsad's record vetting model (marsad.events.vetting): logistic regression, scikit-learn,",
        f"# C={C}, written by scripts/train_record_vetting.py. Trained on the {len(vetted)} factual records the",
        f"# rules and a judge trained without their gold made of the articles of {len(events)} event golds",
        "# (../shared/data/ant_gold_dev/events.jsonl, eval/annotations/events_articles_*), labelled right or",
        "# false by eval/eval_events.py's matching (our own annotations of the ANT news corpus v2.1; its text",
        "# stays in ../shared and is not here).",
        f"# Columns: feature, weight (features of one record and weights under {MIN_WEIGHT:g} dropped);",
        "# __bias__ = the intercept.",
        f"__bias__\t{model.intercept_[0]:.4f}",
    ]
    lines += [f"{name}\t{weight:.4f}" for name, weight in weights if abs(weight) >= MIN_WEIGHT]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(lines) - 9} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
