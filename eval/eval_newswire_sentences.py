"""Score marsad's assault and protest detection on hand-labelled general-newswire sentences (ANERcorp).

    .venv/bin/python eval/eval_newswire_sentences.py [--file eval/annotations/newswire_sentences_anercorp.jsonl]
        [--split tune|heldout|all] [--rules-only] [--show]

The file has one JSON object per line: {corpus, sentence, pool, plover, event_type, sub_event_type, modality,
note}. `sentence` is the 0-based index of a sentence of `../shared/data/anercorp/ANERcorp_train.txt`
(sentences are separated by blank lines; the text is its tokens joined by single spaces, as the corpus
is tokenised). Each sentence is coded alone, with no publication date, since ANERcorp has none: the way a
sentence-level test set of newswire is fed. marsad "finds" ASSAULT in a sentence when one of its factual
events (asserted, reported, claimed) is Battles, Explosions/Remote violence or Violence against
civilians, and PROTEST when one is Protests or Riots. Printed: precision, recall and F1 per class, and
the share of labelled non-events left with no factual event at all.

`--split` keeps one half of the sentences, by a hash of the sentence index (TUNE: even, HELD-OUT: odd), so
that rules can be written looking only at TUNE errors and judged on HELD-OUT.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from eval_event_sentences import PLOVER_CLASS, split_of
from eval_events import SHARED, build_pipeline, prf, read_jsonl

from marsad.document import Document
from marsad.entities.corpora import read_anercorp
from marsad.events.modality import is_factual
from marsad.pipeline import LEARNED_STAGES

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / "eval" / "annotations" / "newswire_sentences_anercorp.jsonl"
ANERCORP = SHARED / "anercorp" / "ANERcorp_train.txt"


def anercorp_sentences(path: Path = ANERCORP) -> list[str]:
    """The corpus's sentences (blank-line separated), each its tokens joined by spaces."""
    return [" ".join(tokens) for tokens, _ in read_anercorp(path)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT)
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="all")
    parser.add_argument("--rules-only", action="store_true", help="leave out the sentence judge")
    parser.add_argument("--show", action="store_true", help="print the sentences marsad got wrong")
    args = parser.parse_args()
    if not ANERCORP.exists():
        sys.exit(f"{ANERCORP}: ANERcorp not found (../shared beside the repository)")
    records = read_jsonl(args.file)
    for number, record in enumerate(records, 1):
        if record.get("corpus") != "anercorp_train" or record.get("plover") not in ("ASSAULT", "PROTEST", "none"):
            sys.exit(f"{args.file}:{number}: needs corpus anercorp_train and plover ASSAULT, PROTEST or none")
    if args.split != "all":
        records = [r for r in records if split_of(str(r["sentence"])) == args.split]
    sentences = anercorp_sentences()
    pipeline = build_pipeline(LEARNED_STAGES if args.rules_only else ())
    print(f"# stages: {' '.join(pipeline.names)}; split {args.split}: {len(records)} sentences")
    tp, fp, fn = Counter(), Counter(), Counter()
    quiet = nonevents = 0
    for record in records:
        text = sentences[record["sentence"]]
        events = pipeline(Document(text=text, id=f"anercorp-{record['sentence']}")).get("events")
        found_types = {e.attrs["event_type"] for e in events if is_factual(e.attrs["modality"])}
        found = {PLOVER_CLASS[t] for t in found_types if t in PLOVER_CLASS}
        gold = record["plover"]
        for name in ("ASSAULT", "PROTEST"):
            if name in found and gold == name:
                tp[name] += 1
            elif name in found:
                fp[name] += 1
            elif gold == name:
                fn[name] += 1
        if gold == "none":
            nonevents += 1
            quiet += not found
        if args.show and found != ({gold} - {"none"}):
            print(f"  {record['sentence']} label={gold}/{record.get('modality', '')} marsad={sorted(found_types)} "
                  f"{text[:150]!r}")
    print(f"{'class':10} {'P':>5} {'R':>5} {'F1':>5}  tp  fp  fn")
    for name in ("ASSAULT", "PROTEST"):
        p, r, f = prf(tp[name], fp[name], fn[name])
        print(f"{name:10} {p:5.2f} {r:5.2f} {f:5.2f} {tp[name]:3} {fp[name]:3} {fn[name]:3}")
    if nonevents:
        print(f"labelled non-events with no assault or protest found: {quiet / nonevents:.2f} ({quiet}/{nonevents})")


if __name__ == "__main__":
    main()
