"""Train the event coder's sentence judge (`marsad.events.judge`) and write src/marsad/models/event_judge.tsv.

    python scripts/train_event_judge.py --shared ../shared            # train, print the CV estimate, write
    python scripts/train_event_judge.py --shared ../shared --no-write # only the CV estimate

    python scripts/train_event_judge.py --shared ../shared --articles # also leave one article gold out

Training data: every hand-labelled sentence of the files in SETS, eval/annotations/events_sentences*.jsonl
(they point into the ANT corpus in ../shared by article id and offsets) except the twelfth and thirteenth
sets, which are kept for evaluation only (eval/annotations/README.md says why), and the general-newswire sentences of
eval/annotations/newswire_sentences_anercorp.jsonl (they point into ANERcorp by sentence index; each is
coded as a text of its own with no publication date, as eval/eval_newswire_sentences.py codes it). Each
article is coded by the pipeline up to the `events` stage; the judge's features are the rules' output and
the words of each labelled sentence. The estimate is a 5-fold cross-validation grouped by article, scored
per sentence as `eval/eval_event_sentences.py` does; "unread" rows are those no rule was written from (the
HELD-OUT halves of the first two team sets and of the newswire set, and all of the later team sets).

The article golds (ARTICLE_GOLDS: the development gold in ../shared and ours in eval/annotations) add the
sentences of their articles, weighted ARTICLE_WEIGHT: a sentence inside a coded event's evidence is
labelled with its type; one inside a coded non-event only, or one holding a rule record the coders did
not code (they coded every event of the article), is labelled "none". With --articles each gold is also
left out in turn and its record F1 (eval/eval_events.py's matching) printed with the judge of the rest.
Needs the `build` extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import hashlib
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))  # the eval scripts' readers and matching
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
# the article golds whose sentences also train the judge (eval_events.py's format), and how much one of
# their sentences weighs against a labelled sentence: a whole coded article says which sentences its
# coders read as news, the setting the judge works in. Left out one gold at a time, weights 1, 3, 5, 8 and
# 12 gave pooled record F1 0.626, 0.629, 0.632, 0.635, 0.634 over the seven golds of eval/annotations then
# (0.622 with the judge of labelled sentences alone). The fourteenth, seventeenth, twenty-first, twenty-second
# and twenty-third article golds stay out: they are for evaluation only (eval/annotations/README.md)
ARTICLE_GOLDS = ("ant_gold_dev/events.jsonl", "events_articles_team_n.jsonl", "events_articles_third_set.jsonl",
                 "events_articles_fourth_set.jsonl", "events_articles_fifth_set.jsonl",
                 "events_articles_sixth_set.jsonl", "events_articles_seventh_set.jsonl",
                 "events_articles_eighth_set.jsonl", "events_articles_ninth_set.jsonl",
                 "events_articles_tenth_set.jsonl", "events_articles_eleventh_set.jsonl",
                 "events_articles_twelfth_set.jsonl", "events_articles_thirteenth_set.jsonl",
                 "events_articles_fifteenth_set.jsonl", "events_articles_sixteenth_set.jsonl",
                 "events_articles_eighteenth_set.jsonl", "events_articles_nineteenth_set.jsonl",
                 "events_articles_twentieth_set.jsonl", "events_articles_twenty_fourth_set.jsonl",
                 "events_articles_twenty_fifth_set.jsonl", "events_articles_twenty_sixth_set.jsonl",
                 "events_articles_twenty_seventh_set.jsonl", "events_articles_twenty_eighth_set.jsonl",
                 "events_articles_twenty_ninth_set.jsonl", "events_articles_thirtieth_set.jsonl",
                 "events_articles_thirty_first_set.jsonl", "events_articles_thirty_second_set.jsonl",
                 "events_articles_thirty_third_set.jsonl", "events_articles_thirty_fourth_set.jsonl",
                 "events_articles_thirty_fifth_set.jsonl", "events_articles_thirty_sixth_set.jsonl",
                 "events_articles_thirty_seventh_set.jsonl", "events_articles_thirty_eighth_set.jsonl",
                 "events_articles_thirty_ninth_set.jsonl", "events_articles_fortieth_set.jsonl")
ARTICLE_WEIGHT = 8.0
# general-newswire sentences of ANERcorp labelled for ASSAULT and PROTEST, each coded alone and undated
NEWSWIRE = "newswire_sentences_anercorp.jsonl"
PLOVER = {
    "ASSAULT": {"Battles", "Explosions/Remote violence", "Violence against civilians"},
    "PROTEST": {"Protests", "Riots"},
}
SHOWN = ("ALL", "ASSAULT", "PROTEST", "Battles", "Explosions/Remote violence", "Violence against civilians",
         "Protests", "Riots", "Strategic developments")
C, FOLDS = 0.3, 5
# the judge of articles is regularised less: left out one gold at a time (twenty-first pass, thirteen golds),
# C 0.1, 0.3, 1, 3 and 10 gave pooled record F1 0.618, 0.622, 0.628, 0.626, 0.628 (false records 343,
# 320, 298, 289, 269; right ones 512, 507, 504, 497, 491); weights 4 and 16 moved it under 0.005 either way
C_ARTICLES = 1.0
MIN_ROWS = 2  # a feature seen in one sentence only teaches nothing and would bloat the file
MIN_WEIGHT = 1e-3


def heldout(docno: str) -> bool:
    """The HELD-OUT half of `eval_event_sentences.py --split`."""
    return bool(int(hashlib.sha1(docno.encode("utf-8")).hexdigest(), 16) % 2)


def labelled_rows(shared: Path) -> tuple[list[dict], dict, dict[str, list[dict]]]:
    """The labelled sentences with the judge's features, their articles coded by the rules, and the
    article golds by file name."""
    from marsad.document import Document
    from marsad.inputs import json_records
    from marsad.pipeline import Pipeline

    rows = []
    for name, file in SETS.items():
        for record in json_records(REPO / "eval" / "annotations" / file):
            rows.append({**record, "set": name})
    golds = {
        file: list(json_records(shared / "data" / file if file.startswith("ant_gold_dev")
                                else REPO / "eval" / "annotations" / file))
        for file in ARTICLE_GOLDS
    }
    coded = {row["docno"]: row for gold in golds.values() for row in gold}
    wanted = {r["docno"] for r in rows} | set(coded)
    corpus = shared / "data" / "ant_news_conflict" / "ant_conflict_2018-02_to_08.jsonl"
    articles = {a["docno"]: a for a in json_records(corpus) if a["docno"] in wanted}
    missing = wanted - set(articles)
    if missing:
        sys.exit(f"{corpus}: {len(missing)} labelled article(s) not found, e.g. {sorted(missing)[0]}")
    pipeline = Pipeline(["sentences", "tokens", "ner", "places", "actors", "dates", "events"])
    docs = {}
    for docno, article in articles.items():
        # an article of a gold is coded as eval_events.py codes it, with its outlet
        docs[docno] = pipeline(Document(
            text=article["text"], id=docno, source=coded.get(docno, {}).get("source"),
            published=dt.date.fromisoformat(article["date"]),
        ))
    rows += newswire_rows(shared, pipeline, docs)
    for row in rows:
        row["features"] = sentence_features_of(docs[row["docno"]], row["start"], row["end"])
    for name, gold in golds.items():
        rows += article_rows(name, gold, docs)
    return rows, docs, golds


def _overlap(a: int, b: int, start: int, end: int) -> bool:
    return a < end and start < b


def sentence_features_of(doc, start: int, end: int) -> dict[str, float]:
    """The judge's features of `doc.text[start:end]`: its tokens and the rule records with a passage in it."""
    from marsad.events.judge import sentence_features

    tokens = [t for t in doc.get("tokens") if _overlap(t.start, t.end, start, end)]
    events = [
        e.attrs for e in doc.get("events")
        if any(_overlap(a, b, start, end) for a, b in e.attrs.get("_evidences", [(e.start, e.end)]))
    ]
    return sentence_features(tokens, events)


def article_rows(name: str, gold: list[dict], docs: dict) -> list[dict]:
    """The sentences of a gold's articles as weighted rows: the type of the first coded event whose
    evidence they touch, else "none" where they touch a coded non-event or hold a rule record."""
    rows = []
    for coded in gold:
        doc = docs[coded["docno"]]
        records = [span for e in doc.get("events") for span in e.attrs.get("_evidences", [(e.start, e.end)])]
        for sentence in doc.get("sentences"):
            start, end = sentence.start, sentence.end
            events = [g for g in coded["events"] if _overlap(g["evidence_start"], g["evidence_end"], start, end)]
            if events:
                label = events[0]["event_type"]
            elif any(_overlap(g["evidence_start"], g["evidence_end"], start, end) for g in coded["non_events"]) \
                    or any(_overlap(a, b, start, end) for a, b in records):
                label = "none"
            else:
                continue
            rows.append({"docno": coded["docno"], "start": start, "end": end, "event_type": label,
                         "set": "article:" + name, "weight": ARTICLE_WEIGHT,
                         "features": sentence_features_of(doc, start, end)})
    return rows


def newswire_rows(shared: Path, pipeline, docs: dict) -> list[dict]:
    """The newswire set's rows, each its sentence coded as a document of its own (added to `docs`)."""
    from eval_newswire_sentences import anercorp_sentences

    from marsad.document import Document
    from marsad.events.lexicon import lexicon
    from marsad.inputs import json_records

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


def folds(rows: list[dict], splitter) -> list[tuple[list[int], list[int]]]:
    """Train and test indices of each fold, grouped by article: the labelled sentences split as they
    were before the golds' sentences joined (so the estimates stay comparable), a gold's article in
    the fold of its labelled sentences, else in one chosen by a hash of its docno."""
    labelled = [i for i, r in enumerate(rows) if not r["set"].startswith("article:")]
    fold_of = {}
    for number, (_, test) in enumerate(splitter.split(labelled, groups=[rows[i]["docno"] for i in labelled])):
        fold_of.update({rows[labelled[i]]["docno"]: number for i in test})
    number_of = [
        fold_of.get(r["docno"], int(hashlib.sha1(r["docno"].encode("utf-8")).hexdigest(), 16) % FOLDS) for r in rows]
    return [([i for i, n in enumerate(number_of) if n != fold], [i for i, n in enumerate(number_of) if n == fold])
            for fold in range(FOLDS)]


def record_counts(doc, coded: dict) -> Counter:
    """Right, false and missed records of a judged article against its gold, as eval/eval_events.py
    matches them, and factual records on its non-events."""
    from eval_events import pair_records

    from marsad.events.modality import is_factual

    factual = [e for e in doc.get("events") if is_factual(e.attrs["modality"])]
    paired = pair_records(coded["events"], [e.attrs for e in factual])
    on_non_events = sum(
        any(_overlap(e.start, e.end, n["evidence_start"], n["evidence_end"]) for n in coded["non_events"])
        for e in factual)
    return Counter(tp=len(paired), fp=len(factual) - len(paired), fn=len(coded["events"]) - len(paired),
                   on_non_events=on_non_events)


def _figures(counts: Counter) -> str:
    """F1 (right false missed; factual records on non-events)."""
    return (f"{record_f1(counts):.3f} ({counts['tp']} {counts['fp']} {counts['fn']}; "
            f"{counts['on_non_events']})")


def record_f1(counts: Counter) -> float:
    return 2 * counts["tp"] / (2 * counts["tp"] + counts["fp"] + counts["fn"]) if counts["tp"] else 0.0


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


def fit(subset: list[dict]):
    """The judge's vectorizer and logistic regression fitted on rows (the judge of articles when any row
    is an article gold's sentence)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(f for r in subset for f in r["features"])
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([{f: v for f, v in r["features"].items() if seen[f] >= MIN_ROWS}
                                       for r in subset])
    of_articles = any(r["set"].startswith("article:") for r in subset)
    model = LogisticRegression(C=C_ARTICLES if of_articles else C, max_iter=5000, class_weight="balanced")
    model.fit(matrix, [r["event_type"] for r in subset], sample_weight=[r.get("weight", 1.0) for r in subset])
    return vectorizer, model


def judge_of(subset: list[dict], name: str):
    """A judge model (`marsad.events.judge.JudgeModel`) trained on rows."""
    from marsad.events.judge import JudgeModel

    vectorizer, model = fit(subset)
    return JudgeModel.parse(model_rows(vectorizer, model), name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared/ folder")
    parser.add_argument("--out", type=Path, default=REPO / "src" / "marsad" / "models" / "event_judge.tsv")
    parser.add_argument("--articles-out", type=Path,
                        default=REPO / "src" / "marsad" / "models" / "event_judge_articles.tsv")
    parser.add_argument("--no-write", action="store_true", help="print the estimate only")
    parser.add_argument("--articles", action="store_true",
                        help="also score each article gold with the judge trained without it")
    args = parser.parse_args()

    from sklearn.model_selection import GroupKFold

    from marsad.events.judge import SentenceJudge

    rows, docs, golds = labelled_rows(args.shared)
    labelled = [r for r in rows if not r["set"].startswith("article:")]
    print(f"# {len(labelled)} labelled sentences in {len({r['docno'] for r in labelled})} articles: "
          + ", ".join(f"{k} {v}" for k, v in sorted(Counter(r['event_type'] for r in labelled).items())))
    print(f"# {len(rows) - len(labelled)} sentences of {sum(map(len, golds.values()))} gold articles, weight "
          f"{ARTICLE_WEIGHT:g}: " + ", ".join(f"{k} {v}" for k, v in sorted(
              Counter(r['event_type'] for r in rows if r['set'].startswith('article:')).items())))

    if args.articles:
        print("each article gold scored with the judges trained without its articles: record F1 (right, false, "
              "missed records, eval_events.py's matching; factual records on its non-events)")
        short_texts = judge_of(labelled, "sentence judge")
        sentences_only = SentenceJudge(short_texts)  # what articles had before the judge of articles
        pooled, pooled_before = Counter(), Counter()
        print(f"  {'gold':36} {'judge of sentences':>30}  {'judge of articles':>30}")
        for name, gold in golds.items():
            judge = SentenceJudge(short_texts, judge_of([r for r in rows if r["set"] != "article:" + name], name))
            counts, before = Counter(), Counter()
            for coded in gold:
                counts.update(record_counts(judge(copy.deepcopy(docs[coded["docno"]])), coded))
                before.update(record_counts(sentences_only(copy.deepcopy(docs[coded["docno"]])), coded))
            if not name.startswith("ant_gold_dev"):
                pooled.update(counts)
                pooled_before.update(before)
            print(f"  {name:36} {_figures(before):>30}  {_figures(counts):>30}")
        print(f"  {'pooled, eval/annotations golds':36} {_figures(pooled_before):>30}  {_figures(pooled):>30}")

    rules = [factual_types(docs[r["docno"]], r) for r in rows]
    # each fold's judges run, as the stage, on the articles of the fold they were not trained on: the
    # judge of short texts on the newswire sentences, the judge of articles on the corpus's articles
    judged: list[set[str]] = [set()] * len(rows)
    alone: list[set[str]] = [set()] * len(rows)  # the classifier's top class alone, for comparison
    for train, test in folds(rows, GroupKFold(FOLDS)):
        judge = SentenceJudge(
            judge_of([rows[i] for i in train if not rows[i]["set"].startswith("article:")], "fold model"),
            judge_of([rows[i] for i in train], "fold article model"))
        for docno in {rows[i]["docno"] for i in test}:
            judge(docs[docno])
        for i in test:
            judged[i] = factual_types(docs[rows[i]["docno"]], rows[i])
            model = judge.model if rows[i]["set"] == "newswire" else judge.article_model
            probabilities = model.probabilities(rows[i]["features"])
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
    every = [i for i, r in enumerate(rows) if not r["set"].startswith("article:")]  # the labelled sentences
    for name, index in (("all", every), ("unread", unread), ("newswire", newswire)):
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
    for out, subset, kind, trained_on in (
        (args.out, labelled, "short texts", [
            f"# Trained on the {len(labelled)} hand-labelled sentences of eval/annotations/events_sentences*.jsonl and",
            "# newswire_sentences_anercorp.jsonl (our own annotations of the ANT news corpus v2.1 and of ANERcorp;",
            "# their text stays in ../shared and is not here)."]),
        (args.articles_out, rows, "articles", [
            f"# Trained on the {len(labelled)} hand-labelled sentences of eval/annotations/events_sentences*.jsonl and",
            "# newswire_sentences_anercorp.jsonl, and, each weighing "
            f"{ARTICLE_WEIGHT:g}, the {len(rows) - len(labelled)} sentences of the {sum(map(len, golds.values()))}",
            "# articles of the event golds (../shared/data/ant_gold_dev/events.jsonl, eval/annotations/events_articles_*)",
            "# that the golds code or that hold a record of the rules (our own annotations of the ANT news corpus",
            "# v2.1 and of ANERcorp; their text stays in ../shared and is not here)."]),
    ):
        vectorizer, model = fit(subset)
        lines = model_rows(vectorizer, model)
        header = [
            f"# marsad's sentence judge of {kind} (marsad.events.judge): multinomial logistic regression,",
            f"# scikit-learn, C={C_ARTICLES if subset is rows else C}, balanced classes, written by "
            "scripts/train_event_judge.py.",
            *trained_on,
            "# Features: the rule coder's event types, sub-types and modalities in the sentence (R:, RS:, N:, NM:,",
            "# FAT), its trigger words' types (T:), words (w:) and word pairs (b:) in normalised form.",
            "# Columns: feature, then its weight for each class named in the first row (features of fewer than",
            "# 2 sentences and of no weight of 1e-3 or more dropped; __bias__ = the intercepts).",
        ]
        out.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
        print(f"wrote {out} ({len(lines) - 2} features, {out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
