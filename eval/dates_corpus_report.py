"""How much of the ANT corpus's date language the dates stage finds and resolves, and whether it dates the
dev-gold events the way their README's date rules say.

Run: .venv/bin/python eval/dates_corpus_report.py [--shared ../shared] [--top 30]

1. Corpus: every date cue (a month or weekday name, أمس/اليوم, a Hijri month, a numeric date,
   قبل/منذ + a number or unit) is looked up among the found spans: resolved (a date), found but
   unresolved (durations, vague periods), or missed. The most frequent unresolved and missed phrases
   are listed, to show what the grammar lacks.
2. Gold: for each event of ant_gold_dev/events.jsonl, the event date (`marsad.time.coding.event_date_of`)
   of the first dated expression inside its evidence, one dating a report last (or, with none there, the publication date at precision 2, the README's "fresh report" rule) is
   compared with the gold event_date and time_precision.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import sys
from pathlib import Path

import regex

from marsad.document import Document
from marsad.inputs import json_records
from marsad.pipeline import Pipeline
from marsad.text.normalize import normalize
from marsad.time.coding import event_date_of
from marsad.time.grammar import B, E, S, alternation
from marsad.time.lexicon import time_lexicon

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path("data") / "ant_news_conflict" / "ant_conflict_2018-02_to_08.jsonl"
GOLD = Path("data") / "ant_gold_dev" / "events.jsonl"


def cue_pattern() -> regex.Pattern:
    lex = time_lexicon()
    single_months = [form for form in lex.months if form not in lex.ambiguous_months]
    words = alternation([*single_months, *lex.weekdays, *lex.words["relday"]])
    units = alternation(lex.words["unit"])
    modifiers = alternation([*lex.words["past"], *lex.words["current"], *lex.words["next"]])
    # Hijri month names are also personal names (رجب، رمضان): a cue only after a day number or "شهر".
    hijri = alternation(lex.hijri_months)
    return regex.compile(
        rf"{B}(?:{words}|(?:قبل|منذ){S}+(?:\d+{S}+)?{units}|(?:الاسبوع|الشهر|العام|السنه){S}+{modifiers}"
        rf"|(?:\d{{1,2}}|شهر){S}+{hijri}){E}"
        rf"|\d{{1,4}}[/.\-]\d{{1,2}}[/.\-]\d{{1,4}}"
    )


def read_jsonl(path: Path) -> list[dict]:
    return list(json_records(path))


def context(text: str, start: int, end: int) -> str:
    """The cue with a word either side, for counting what is missed."""
    before = regex.search(r"(\S+\s+)?$", text[max(0, start - 30):start]).group(0)
    after = regex.match(r"(\s+\S+)?", text[end:end + 30]).group(0)
    return regex.sub(r"\s+", " ", before + text[start:end] + after).strip()


def corpus_report(articles: list[dict], pipeline: Pipeline, top: int) -> None:
    cues = cue_pattern()
    status = collections.Counter()
    kinds = collections.Counter()
    unresolved = collections.Counter()
    missed = collections.Counter()
    spans_total = 0
    for article in articles:
        published = dt.date.fromisoformat(article["date"])
        doc = pipeline(Document(text=article["text"], published=published))
        spans = doc.get("dates")
        spans_total += len(spans)
        norm = doc.normalized
        for span in spans:
            kinds[span.attrs["kind"]] += 1
            if span.attrs["date"] is None:
                unresolved[regex.sub(r"\d+", "N", normalize(span.text))] += 1
        for match in cues.finditer(norm.text):
            raw_start, raw_end = norm.to_raw(match.start(), match.end())
            covering = next((s for s in spans if s.start <= raw_start and raw_end <= s.end), None)
            if covering is None:
                status["missed"] += 1
                missed[regex.sub(r"\d+", "N", context(norm.text, match.start(), match.end()))] += 1
            elif covering.attrs["date"] is None:
                status["found, unresolved"] += 1
            else:
                status["resolved"] += 1
    cues_total = sum(status.values())
    print(f"articles: {len(articles)}; date spans found: {spans_total}")
    print("spans by kind: " + ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()))
    print(f"date cues: {cues_total}")
    for name, count in status.most_common():
        print(f"  {name:18} {count:6}  {100 * count / max(cues_total, 1):5.1f}%")
    print(f"\n{top} most frequent found-but-unresolved expressions (digits as N):")
    for phrase, count in unresolved.most_common(top):
        print(f"  {count:5}  {phrase}")
    print(f"\n{top} most frequent missed cues, with a word either side (digits as N):")
    for phrase, count in missed.most_common(top):
        print(f"  {count:5}  {phrase}")


def gold_report(articles: dict[str, dict], gold_path: Path, pipeline: Pipeline) -> None:
    same_date = same_both = total = 0
    with_expression = [0, 0, 0]  # events whose evidence holds a date expression: total, same date, same both
    rows = []
    for record in read_jsonl(gold_path):
        article = articles.get(record["docno"])
        if article is None:
            continue
        published = dt.date.fromisoformat(record["date"])
        doc = pipeline(Document(text=article["text"], published=published))
        for event in record["events"]:
            inside = [(s, event_date_of(s)) for s in doc.get("dates")
                      if event["evidence_start"] <= s.start < event["evidence_end"] and event_date_of(s)]
            # A day that dates the event beats one that dates a report ("بث الجيش ليل الخميس ... فجر الخميس").
            inside.sort(key=lambda pair: bool(pair[0].attrs.get("of_report")))
            if inside:
                (ours, precision), text = inside[0][1], inside[0][0].text
            else:
                ours, precision, text = published, 2, "(none: fresh report)"
            gold = dt.date.fromisoformat(event["event_date"])
            agree = (ours == gold, ours == gold and precision == event["time_precision"])
            total += 1
            same_date += agree[0]
            same_both += agree[1]
            if inside:
                with_expression[0] += 1
                with_expression[1] += agree[0]
                with_expression[2] += agree[1]
            if ours != gold or precision != event["time_precision"]:
                rows.append(f"  {record['docno']}: gold {gold} p{event['time_precision']}, "
                            f"ours {ours} p{precision} from {text!r}")
    print(f"\ngold events: {total}; same date {same_date} ({100 * same_date / max(total, 1):.0f}%), "
          f"same date and precision {same_both} ({100 * same_both / max(total, 1):.0f}%)")
    print(f"  of which {with_expression[0]} have a date expression in their evidence: same date "
          f"{with_expression[1]}, same date and precision {with_expression[2]}; the others take their date "
          f"from another sentence (the events stage's job) or are fresh reports")
    print("differences:")
    print("\n".join(rows) or "  none")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    corpus = args.shared / CORPUS
    if not corpus.exists():
        print(f"dates_corpus_report: {corpus}: not found (pass --shared)", file=sys.stderr)
        return 2
    articles = read_jsonl(corpus)
    pipeline = Pipeline(["sentences", "dates"])
    corpus_report(articles, pipeline, args.top)
    gold = args.shared / GOLD
    if gold.exists():
        gold_report({a["docno"]: a for a in articles}, gold, pipeline)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
