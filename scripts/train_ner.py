"""Train marsad's Arabic NER from ../shared/data and write it into src/marsad/models/.

    python scripts/train_ner.py --shared ../shared            # the shipped model (CRF, L-BFGS)
    python scripts/train_ner.py --shared ../shared --algorithm ap --out /tmp/ner-ap   # averaged perceptron

Writes two CRFs: `ner_heldout.crfsuite`, trained without the dev split, whose dev scores it prints
(exact spans, per type), and `ner.crfsuite`, the shipped model, trained again with the dev split
added (`--no-final` skips that and ships the held-out model). Needs the `build` extra (numpy, scipy,
scikit-learn for the word clusters).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared/ folder")
    parser.add_argument("--out", type=Path, default=REPO / "src" / "marsad" / "models", help="model folder")
    parser.add_argument("--algorithm", default="lbfgs", choices=["lbfgs", "ap", "pa", "arow", "l2sgd"],
                        help="crfsuite training algorithm (lbfgs: CRF; ap: averaged perceptron)")
    parser.add_argument("--corpora", default="anercorp,wojood",
                        help="training corpora, comma-separated, from anercorp, wojood, newsfane")
    parser.add_argument("--c1", type=float, default=None, help="L1 penalty (lbfgs)")
    parser.add_argument("--c2", type=float, default=None, help="L2 penalty (lbfgs)")
    parser.add_argument("--iterations", type=int, default=None, help="maximum iterations")
    parser.add_argument("--no-final", action="store_true",
                        help="ship the held-out model instead of training again with the dev split")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")

    from marsad.entities.train import format_scores, run_training
    from marsad.errors import MarsadError

    params = {k: v for k, v in (("c1", args.c1), ("c2", args.c2), ("max_iterations", args.iterations))
              if v is not None}
    try:
        run = run_training(args.shared, args.out, args.corpora.split(","), args.algorithm, params,
                           final=not args.no_final)
    except MarsadError as error:
        print(f"train_ner: {error}", file=sys.stderr)
        return 1
    print("dev, the held-out model alone:")
    print(format_scores(run.scores))
    print("dev, the held-out model with document consistency (as `marsad tag --model heldout` runs):")
    print(format_scores(run.consistent_scores))
    for name, size in sorted(run.sizes.items()):
        print(f"{name}: {size / 1e6:.1f} MB")
    print(f"run time: {run.seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
