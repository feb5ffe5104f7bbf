"""Patterns match words however the tokenizer segments them in running text."""

from __future__ import annotations

import dataclasses

import pytest

from marsad.events.lexicon import lexicon
from marsad.events.patterns import PatternSet
from marsad.text.tokenize import tokenize


def _pattern_sets() -> dict[str, PatternSet]:
    lex = lexicon()
    return {field.name: getattr(lex, field.name) for field in dataclasses.fields(lex)
            if isinstance(getattr(lex, field.name), PatternSet)}


def _as_written(pattern: str) -> str:
    """A pattern as it stands in text: a prefix bare, a final ه of a whole word as taa marbuta."""
    words = []
    for word in pattern.split():
        if word.endswith("*"):
            words.append(word[:-1])
        elif word.endswith("ه"):
            words.append(word[:-1] + "ة")
        else:
            words.append(word)
    return " ".join(words)


def _matches(patterns: PatternSet, source: str, text: str) -> bool:
    return any(m.pattern.source == source for m in patterns.find(tokenize(text), longest=False))


@pytest.mark.parametrize("name", sorted(_pattern_sets()))
def test_every_pattern_matches_its_own_words_alone_and_after_a_conjunction(name):
    patterns = _pattern_sets()[name]
    dead = []
    for source in sorted(patterns.written()):
        text = _as_written(source)
        forms = [text] if len(text) == 1 else [text, "و" + text]  # "وو", "ول" are no words
        dead += [form for form in forms if not _matches(patterns, source, form)]
    assert patterns.written(), name
    assert dead == [], f"{name}: patterns that miss their own words: {dead}"


@pytest.mark.parametrize("pattern, text", [
    ("فيضان*", "فيضانات"),  # kept whole by the tokenizer, while the bare stem splits into ف + يضان
    ("فرقت*", "وفرقت الشرطة المتظاهرين"),  # و + فرقت, while the bare word splits into ف + رقت
    ("سيطروا", "وسيطروا على القرية"),  # و + س + يطروا: the future prefix split after a conjunction
    ("لم", "ولم يقتل أحد"),  # a short word keeps its conjunction on
])
def test_a_pattern_matches_the_segmentations_of_running_text(pattern, text):
    patterns = PatternSet([(pattern, True)])
    assert _matches(patterns, pattern, text)

