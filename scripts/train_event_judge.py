"""Train the event coder's sentence judge (`marsad.events.judge`) and write src/marsad/models/event_judge.tsv.

    python scripts/train_event_judge.py --shared ../shared            # train, print the CV estimate, write
    python scripts/train_event_judge.py --shared ../shared --no-write # only the CV estimate

Training data: every hand-labelled sentence of the files in SETS, eval/annotations/events_sentences*.jsonl
(they point into the ANT corpus in ../shared by article id and offsets) except the twelfth and thirteenth
sets, which are kept for evaluation only (eval/annotations/README.md says why), and the general-newswire sentences of
eval/annotations/newswire_sentences_anercorp.jsonl (they point into ANERcorp by sentence index; each is
coded as a text of its own with no publication date, as eval/eval_newswire_sentences.py codes it). Each
article is coded by the pipeline up to the `events` stage; the judge's features are the rules' output and
the words of each labelled sentence. The estimate is a 5-fold cross-validation grouped by article, scored
per sentence as `eval/eval_event_sentences.py` does; "unread" rows are those no rule was written from (the
HELD-OUT halves of the first two team sets and of the newswire set, and all of the later team sets).
Needs the `build` extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SETS = {
    "ours": "events_sentences.jsonl",
    "team": "events_sentences_team.jsonl",
    "team_b": "events_sentences_team_b.jsonl",
    "team_c": "events_sentences_team_c.jsonl",
    "team_d": "events_sentences_team_d.jsonl",
    "team_e": "events_sentences_team_e.jsonl",
    "team_f": "events_sentences_team_f.jsonl",
    "team_g": "events_sentences_team_g.jsonl",
    "team_h": "events_sentences_team_h.jsonl",
    "team_i": "events_sentences_team_i.jsonl",
    "team_j": "events_sentences_team_j.jsonl",
    "team_k": "events_sentences_team_k.jsonl",
}
# general-newswire sentences of ANERcorp labelled for ASSAULT and PROTEST, each coded alone and undated
NEWSWIRE = "newswire_sentences_anercorp.jsonl"
PLOVER = {
    "ASSAULT": {"Battles", "Explosions/Remote violence", "Violence against civilians"},
    "PROTEST": {"Protests", "Riots"},
}
SHOWN = ("ALL", "ASSAULT", "PROTEST", "Battles", "Explosions/Remote violence", "Violence against civilians",
         "Protests", "Riots", "Strategic developments")
C, FOLDS = 0.3, 5
MIN_ROWS = 2  # a feature seen in one sentence only teaches nothing and would bloat the file
MIN_WEIGHT = 1e-3


def heldout(docno: str) -> bool:
    """The HELD-OUT half of `eval_event_sentences.py --split`."""
    return bool(int(hashlib.sha1(docno.encode("utf-8")).hexdigest(), 16) % 2)


def labelled_rows(shared: Path) -> tuple[list[dict], dict]:
    """The labelled sentences with the judge's features, and their articles coded by the rules."""
    from marsad.document import Document
    from marsad.events.judge import sentence_features
    from marsad.inputs import json_records
    from marsad.pipeline import Pipeline

    rows = []
    for name, file in SETS.items():
        for record in json_records(REPO / "eval" / "annotations" / file):
            rows.append({**record, "set": name})
    wanted = {r["docno"] for r in rows}
    corpus = shared / "data" / "ant_news_conflict" / "ant_conflict_2018-02_to_08.jsonl"
    articles = {a["docno"]: a for a in json_records(corpus) if a["docno"] in wanted}
    missing = wanted - set(articles)
    if missing:
        sys.exit(f"{corpus}: {len(missing)} labelled article(s) not found, e.g. {sorted(missing)[0]}")
    pipeline = Pipeline(["sentences", "tokens", "ner", "places", "actors", "dates", "events"])
    docs = {}
    for docno, article in articles.items():
        docs[docno] = pipeline(Document(
            text=article["text"], id=docno, published=dt.date.fromisoformat(article["date"]),
        ))
    rows += newswire_rows(shared, pipeline, docs)
    for row in rows:
        doc, start, end = docs[row["docno"]], row["start"], row["end"]
        tokens = [t for t in doc.get("tokens") if t.start < end and start < t.end]
        events = [
            e.attrs for e in doc.get("events")
            if any(a < end and start < b for a, b in e.attrs.get("_evidences", [(e.start, e.end)]))
        ]
        row["features"] = sentence_features(tokens, events)
        row["rule_events"] = [dict(e) for e in events]
        row["published"] = doc.published
    return rows, docs


def newswire_rows(shared: Path, pipeline, docs: dict) -> list[dict]:
    """The newswire set's rows, each its sentence coded as a document of its own (added to `docs`)."""
    from marsad.document import Document
    from marsad.events.lexicon import lexicon
    from marsad.inputs import json_records

    sys.path.insert(0, str(REPO / "eval"))
    from eval_newswire_sentences import anercorp_sentences

    sentences = anercorp_sentences(shared / "data" / "anercorp" / "ANERcorp_train.txt")
    acled_types = {event_type for event_type, _ in lexicon().taxonomy}
    rows = []
    for record in json_records(REPO / "eval" / "annotations" / NEWSWIRE):
        docno, text = f"anercorp-{record['sentence']}", sentences[record["sentence"]]
        docs[docno] = pipeline(Document(text=text, id=docno))
        # arrests and other strategic developments keep their type; the rest of "none" is no event
        label = record["event_type"] if record["event_type"] in acled_types else "none"
        rows.append({**record, "docno": docno, "start": 0, "end": len(text), "event_type": label,
                     "set": "newswire"})
    return rows


def factual_types(doc, row: dict) -> set[str]:
    """The factual types of a labelled sentence's records, as eval_event_sentences.py finds them."""
    from marsad.events.modality import is_factual

    start, end = row["start"], row["end"]
    return {
        e.attrs["event_type"] for e in doc.get("events") if is_factual(e.attrs["modality"])
        and any(a < end and start < b for a, b in e.attrs.get("_evidences", [(e.start, e.end)]))
    }


def model_rows(vectorizer, model) -> list[str]:
    """The fitted model as the rows of its TSV: the classes, the intercepts, then each kept feature."""
    classes = list(model.classes_)
    rows = ["feature\t" + "\t".join(classes), "__bias__\t" + "\t".join(f"{b:.4f}" for b in model.intercept_)]
    for j, name in enumerate(vectorizer.get_feature_names_out()):
        weights = model.coef_[:, j]
        if abs(weights).max() >= MIN_WEIGHT:
            rows.append(name + "\t" + "\t".join(f"{w:.4f}" for w in weights))
    return rows


def score(rows: list[dict], found: list[set[str]]) -> dict[str, float]:
    """Sentence F1 as eval_event_sentences.py counts it: over all ACLED types, per type, and per PLOVER
    class (a sentence counts once per class)."""
    counts: dict[str, Counter] = {}
    for row, types in zip(rows, found, strict=True):
        label = row["event_type"]
        for name in (types | {label}) - {"none"}:
            counts.setdefault(name, Counter())["tp" if name in types and name == label
                                               else "fp" if name in types else "fn"] += 1
        for name, members in PLOVER.items():
            hit, gold = bool(types & members), label in members
            if hit or gold:
                counts.setdefault(name, Counter())["tp" if hit and gold else "fp" if hit else "fn"] += 1

    def f1(c: Counter) -> float:
        return 2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"]) if c["tp"] else 0.0
    total = Counter()
    for name, c in counts.items():
        if name not in PLOVER:
            total.update(c)
    return {"ALL": f1(total), **{name: f1(c) for name, c in counts.items()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared/ folder")
    parser.add_argument("--out", type=Path, default=REPO / "src" / "marsad" / "models" / "event_judge.tsv")
    parser.add_argument("--no-write", action="store_true", help="print the estimate only")
    args = parser.parse_args()

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from marsad.events.judge import JudgeModel, SentenceJudge

    rows, docs = labelled_rows(args.shared)
    print(f"# {len(rows)} labelled sentences in {len({r['docno'] for r in rows})} articles: "
          + ", ".join(f"{k} {v}" for k, v in sorted(Counter(r['event_type'] for r in rows).items())))

    def fit(subset: list[dict]):
        seen = Counter(f for r in subset for f in r["features"])
        vectorizer = DictVectorizer()
        matrix = vectorizer.fit_transform([{f: v for f, v in r["features"].items() if seen[f] >= MIN_ROWS}
                                           for r in subset])
        model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
        model.fit(matrix, [r["event_type"] for r in subset])
        return vectorizer, model

    rules = [factual_types(docs[r["docno"]], r) for r in rows]
    # each fold's judge runs, as the stage, on the articles of the fold it was not trained on
    judged: list[set[str]] = [set()] * len(rows)
    alone: list[set[str]] = [set()] * len(rows)  # the classifier's top class alone, for comparison
    for train, test in GroupKFold(FOLDS).split(rows, groups=[r["docno"] for r in rows]):
        vectorizer, model = fit([rows[i] for i in train])
        judge = SentenceJudge(JudgeModel.parse(model_rows(vectorizer, model), "fold model"))
        for docno in {rows[i]["docno"] for i in test}:
            judge(docs[docno])
        for i in test:
            judged[i] = factual_types(docs[rows[i]["docno"]], rows[i])
            probabilities = judge.model.probabilities(rows[i]["features"])
            best = max(probabilities, key=probabilities.get)
            alone[i] = set() if best == "none" else {best}
    unread = [
        i for i, r in enumerate(rows)
        if r["set"] in ("team_c", "team_d", "team_e", "team_f", "team_g", "team_h", "team_i", "team_j",
                        "team_k")
        or (r["set"] in ("team", "team_b") and heldout(r["docno"]))
        or (r["set"] == "newswire" and heldout(str(r["sentence"])))
    ]
    newswire = [i for i, r in enumerate(rows) if r["set"] == "newswire"]
    print(f"{FOLDS}-fold CV grouped by article; sentence F1, rules -> rules + judge (the stage, run on the "
          f"held-out fold's articles)")
    print(f"  {'rows':8} {'n':>5}  " + "  ".join(f"{name[:12]:>12}" for name in SHOWN))
    for name, index in (("all", range(len(rows))), ("unread", unread), ("newswire", newswire)):
        subset = [rows[i] for i in index]
        before = score(subset, [rules[i] for i in index])
        after = score(subset, [judged[i] for i in index])
        print(f"  {name:8} {len(subset):5}  " + "  ".join(
            f"{before.get(k, 0):.2f}->{after.get(k, 0):.2f}" for k in SHOWN))
    for name, index in (("unread", unread), ("newswire", newswire)):
        figures = score([rows[i] for i in index], [alone[i] for i in index])
        print(f"  {name}, the classifier alone: all types {figures['ALL']:.2f}, ASSAULT {figures['ASSAULT']:.2f}, "
              f"PROTEST {figures.get('PROTEST', 0):.2f}")
    if args.no_write:
        return 0
    vectorizer, model = fit(rows)
    lines = model_rows(vectorizer, model)
    header = [
        "# marsad's sentence judge (marsad.events.judge): multinomial logistic regression, scikit-learn,",
        f"# C={C}, balanced classes, written by scripts/train_event_judge.py.",
        f"# Trained on the {len(rows)} hand-labelled sentences of eval/annotations/events_sentences*.jsonl and",
        "# newswire_sentences_anercorp.jsonl (our own annotations of the ANT news corpus v2.1 and of ANERcorp;",
        "# their text stays in ../shared and is not here).",
        "# Features: the rule coder's event types, sub-types and modalities in the sentence (R:, RS:, N:, NM:,",
        "# FAT), its trigger words' types (T:), words (w:) and word pairs (b:) in normalised form.",
        "# Columns: feature, then its weight for each class named in the first row (features of fewer than",
        "# 2 sentences and of no weight of 1e-3 or more dropped; __bias__ = the intercepts).",
    ]
    args.out.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(lines) - 2} features, {args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
