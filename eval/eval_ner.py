"""Score the shipped NER on the dev split (exact-span CoNLL scoring), per type.

    python eval/eval_ner.py --shared ../shared [--errors 20]

The dev split is carved by `marsad.entities.train.load_corpora`: the last sentences of
ANERcorp train, less those the training data repeats.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--errors", type=int, default=0, help="print this many sentences with errors")
    parser.add_argument("--toponyms", action="store_true",
                        help="also: recall of the ANT toponym gold (conflict news) by LOC entities of the ner stage")
    parser.add_argument("--model", default="heldout", choices=["heldout", "shipped"],
                        help="heldout (default): trained without the dev split; shipped: trained with it too, so "
                             "its dev figures are training figures")
    args = parser.parse_args()

    from marsad.entities.ner import load_model
    from marsad.entities.train import format_scores, load_corpora, score, tag_in_blocks
    from marsad.errors import MarsadError

    try:
        dev = load_corpora(args.shared, ("anercorp",)).dev
        model = load_model(args.model)
    except MarsadError as error:
        print(f"eval_ner: {error}", file=sys.stderr)
        return 1
    predicted = tag_in_blocks(model, [words for words, _ in dev])
    print(f"dev: {len(dev)} sentences, {sum(len(w) for w, _ in dev)} words")
    print(format_scores(score([tags for _, tags in dev], predicted)))
    shown = 0
    for (words, gold), tags in zip(dev, predicted, strict=True):
        if shown >= args.errors or gold == tags:
            continue
        shown += 1
        print(" ".join(w if g == t == "O" else f"{w}[{g}{'' if g == t else '≠' + t}]"
                       for w, g, t in zip(words, gold, tags, strict=True)))
    if args.toponyms:
        toponym_recall(args.shared, args.model)
    return 0


def toponym_recall(shared: Path, model_name: str = "shipped") -> None:
    """How many gold toponyms of ANT conflict news a LOC entity matches exactly, or overlaps."""
    import json

    from marsad.document import Document
    from marsad.entities.ner import NerTagger
    from marsad.pipeline import Pipeline

    data = shared / "data"
    wanted = [json.loads(line) for line in (data / "ant_gold_dev" / "toponyms.jsonl").open(encoding="utf-8")]
    texts = {}
    with (data / "ant_news_conflict" / "ant_conflict_2018-02_to_08.jsonl").open(encoding="utf-8", newline="\n") as f:
        for line in f.read().split("\n"):
            if line.strip():
                record = json.loads(line)
                texts[record["docno"]] = record["text"]
    pipeline = Pipeline(["sentences", "tokens", NerTagger(model_name)])
    gold = exact = overlap = predicted = 0
    for item in wanted:
        doc = pipeline(Document(text=texts[item["docno"]]))
        places = [(s.start, s.end) for s in doc.get("entities") if s.label == "LOC"]
        predicted += len(places)
        for mention in item["mentions"]:
            gold += 1
            start, end = mention["start"], mention["end"]
            exact += (start, end) in places
            overlap += any(a < end and start < b for a, b in places)
    print(f"ANT toponyms ({len(wanted)} articles, {gold} mentions, {predicted} LOC entities): "
          f"exact recall {exact / gold:.3f}, overlap recall {overlap / gold:.3f}")


if __name__ == "__main__":
    sys.exit(main())
