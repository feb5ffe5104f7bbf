"""Tokenisation speed on the shared ANT news corpus: sentences + clitic-segmented tokens per second.

Usage: python bench/bench_tokenize.py [--shared ../shared] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from marsad.text.normalize import normalize_with_map
from marsad.text.sentences import split_sentences
from marsad.text.tokenize import clitic_inventory, tokenize


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    path = args.shared / "data" / "ant_news_conflict" / "ant_conflict_2018-02_to_08.jsonl"
    with path.open(encoding="utf-8", newline="\n") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    if args.limit:
        texts = texts[: args.limit]
    start = time.perf_counter()
    clitic_inventory()
    load = time.perf_counter() - start

    start = time.perf_counter()
    tokens = words = 0
    for text in texts:
        for a, b in split_sentences(text):
            sentence_tokens = tokenize(text[a:b], a)
            tokens += len(sentence_tokens)
            words += len({t.attrs["word"] for t in sentence_tokens})
    elapsed = time.perf_counter() - start

    start = time.perf_counter()
    characters = sum(len(normalize_with_map(text).text) for text in texts)
    normalise_elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"articles            {len(texts):>12,}")
    print(f"words               {words:>12,}")
    print(f"tokens (clitic)     {tokens:>12,}")
    print(f"lexicon load        {load * 1000:>11.1f} ms")
    print(f"tokenise            {elapsed:>11.2f} s   {tokens / elapsed:>12,.0f} tokens/s   {len(texts) / elapsed:>8,.0f} articles/s")
    print(f"normalise with map  {normalise_elapsed:>11.2f} s   {characters / normalise_elapsed:>12,.0f} chars/s")
    print(f"peak memory (RSS)   {peak_mb:>11.0f} MB")


if __name__ == "__main__":
    main()
