"""Invariants of the text layer over the whole shared news corpus (skips when ../shared is absent)."""

from __future__ import annotations

import pytest

from marsad.text.normalize import normalize, normalize_with_map
from marsad.text.sentences import split_sentences
from marsad.text.tokenize import clitic_inventory, tokenize

# Names of the sample article and frequent conflict places that begin with a clitic letter.
KNOWN_NAMES = ["سلقين", "دركوش", "حارم", "الدانا", "بغداد", "لبنان", "ليبيا", "كركوك", "بنغازي", "فرنسا", "كفرنبل"]


@pytest.mark.shared
def test_text_layer_invariants_over_the_news_corpus(ant_articles: list[dict]) -> None:
    names = {normalize(n) for n in KNOWN_NAMES}
    proclitics = clitic_inventory().conjunctions | clitic_inventory().prepositions
    tokens_seen = 0
    name_occurrences = 0
    for article in ant_articles:
        text = article["text"]
        view = normalize_with_map(text)
        assert len(view.raw_index) == len(view.text) + 1
        for start, end in split_sentences(text):
            assert text[start:end] == text[start:end].strip() and start < end
            tokens = tokenize(text[start:end], start)
            previous_end = start
            for token in tokens:
                assert text[token.start:token.end] == token.text, article["docno"]
                assert token.start >= previous_end, article["docno"]
                previous_end = token.end
            tokens_seen += len(tokens)
            by_word: dict[int, list] = {}
            for token in tokens:
                by_word.setdefault(token.attrs["word"], []).append(token)
            for parts in by_word.values():
                word_norm = "".join(normalize(p.text) for p in parts)
                stem = word_norm[1:] if word_norm[:1] in proclitics else word_norm
                if word_norm in names or stem in names:
                    name_occurrences += 1
                    assert parts[-1].attrs["norm"] in names, (article["docno"], [p.text for p in parts])
    assert tokens_seen > 1_000_000
    assert name_occurrences > 100
