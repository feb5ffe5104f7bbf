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
    args = parser.parse_args()

    from marsad.entities.ner import load_model
    from marsad.entities.train import format_scores, load_corpora, score, tag_in_blocks
    from marsad.errors import MarsadError

    try:
        dev = load_corpora(args.shared, ("anercorp",)).dev
        model = load_model()
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
