"""Learn which words that start or end with clitic letters must stay whole.

For every word seen at least MIN_COUNT times in the corpora, segment it with the rules alone; if
the stem that would remain is rare on its own compared with the whole word (وصولا → صولا,
بلدات → لدات), the word is a stem in its own right and goes into `no_split_learned.txt`. Names
from the shipped gazetteer and actor dictionary that the rules would split are added too.

Usage: python scripts/build_clitic_lexicon.py [--shared ../shared]
The output lists words only (no text), and the build is deterministic (sorted).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import regex

from marsad.resources import data_path
from marsad.text import tokenize as tok
from marsad.text.normalize import normalize

MIN_COUNT = 5
MAX_STEM_COUNT = 2  # a stem seen at most this often on its own is no stem: the word is whole
WORD = regex.compile(r"[[\p{Arabic}&&\p{L}]\p{Mn}\u0640]+", regex.V1)


def corpus_words(shared: Path) -> Counter:
    counts: Counter = Counter()
    news = shared / "data" / "ant_news_conflict" / "ant_conflict_2018-02_to_08.jsonl"
    with news.open(encoding="utf-8", newline="\n") as handle:
        for line in handle:
            if line.strip():
                counts.update(normalize(w) for w in WORD.findall(json.loads(line)["text"]))
    anercorp = shared / "data" / "anercorp" / "ANERcorp_train.txt"
    with anercorp.open(encoding="utf-8") as handle:
        for line in handle:
            token = line.split(" ")[0].strip()
            if WORD.fullmatch(token or "-"):
                counts[normalize(token)] += 1
    return counts


def shipped_names() -> set[str]:
    names: set[str] = set()
    for parts, column in ((("gazetteer", "curated_places.tsv"), "names_ar"), (("ar", "actors.tsv"), "aliases_ar")):
        path = data_path(*parts)
        if not path.exists():
            continue
        header: list[str] | None = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            if column in header and len(cells) > header.index(column):
                for name in cells[header.index(column)].split("|"):
                    names.update(normalize(w) for w in name.split())
    return names


def learn(counts: Counter, names: set[str]) -> set[str]:
    tok.clitic_inventory.cache_clear()
    tok._word_parts.cache_clear()
    keep: set[str] = set()
    for word, count in counts.items():
        if count < MIN_COUNT:
            continue
        parts = tok.segment(word)
        if len(parts) == 1:
            continue
        stem_form = next(p[3] for p in parts if p[2] == "stem")
        if stem_form.startswith("ال"):
            continue  # preposition + article is grammatical whatever the counts (بالقرب)
        if counts.get(stem_form, 0) <= MAX_STEM_COUNT:
            keep.add(word)
    for name in names:
        if len(tok.segment(name)) > 1 and counts.get(name, 0) >= counts.get(name[1:], 0):
            keep.add(name)
    return keep


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    args = parser.parse_args()
    out = data_path("ar", "no_split_learned.txt")
    if out.exists():
        out.unlink()  # learn from the rules alone, not from the previous build
    counts = corpus_words(args.shared)
    keep = learn(counts, shipped_names())
    header = (
        "# Learned by scripts/build_clitic_lexicon.py from word counts of the ANT conflict news corpus and\n"
        "# ANERcorp train (../shared/data) plus the names of the shipped gazetteer and actor dictionary:\n"
        f"# words seen >= {MIN_COUNT} times whose clitic-stripped stem occurs alone at most {MAX_STEM_COUNT} times.\n"
    )
    out.write_text(header + "".join(f"{w}\n" for w in sorted(keep)), encoding="utf-8")
    print(f"{len(keep)} words written to {out}")


if __name__ == "__main__":
    main()
