"""Integrity of eval/annotations/newswire_sentences_anercorp.jsonl: general-newswire sentences of ANERcorp
labelled for assault and protest events. The file points into the corpus by sentence index; the checks
that read the corpus skip cleanly when ../shared is absent, the others always run."""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FILE = REPO / "eval" / "annotations" / "newswire_sentences_anercorp.jsonl"
FIELDS = {"corpus", "sentence", "pool", "plover", "event_type", "sub_event_type", "modality", "note"}
ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
EVENT_TYPES = {
    "ASSAULT": {"Battles", "Explosions/Remote violence", "Violence against civilians"},
    "PROTEST": {"Protests", "Riots"},
}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [json.loads(line) for line in FILE.read_text(encoding="utf-8").splitlines()]


def test_fields_classes_and_modalities_agree(records):
    for record in records:
        assert set(record) == FIELDS, record
        assert record["corpus"] == "anercorp_train"
        assert record["pool"] in {"assault-like", "protest-like", "random"}
        if record["plover"] == "none":
            assert record["modality"] in {
                "planned", "possible", "threat", "denied", "negated", "historical", "statement", "none",
            }, record
        else:
            assert record["event_type"] in EVENT_TYPES[record["plover"]], record
            assert record["modality"] in {"asserted", "reported", "claimed"}, record


def test_notes_are_english_and_copy_no_corpus_text(records):
    for record in records:
        assert record["note"] and "\n" not in record["note"]
        assert not ARABIC.search(record["note"]), record["note"]


def test_each_sentence_once_and_both_classes_present(records):
    assert len(records) >= 350
    assert len({r["sentence"] for r in records}) == len(records)
    plover = collections.Counter(r["plover"] for r in records)
    assert plover["ASSAULT"] >= 40 and plover["PROTEST"] >= 20 and plover["none"] >= 200, plover


def test_sentences_point_into_anercorp(records):
    sys.path.insert(0, str(REPO / "eval"))
    from eval_newswire_sentences import ANERCORP, anercorp_sentences

    if not ANERCORP.exists():
        pytest.skip("../shared/data/anercorp is absent")
    sentences = anercorp_sentences()
    for record in records:
        text = sentences[record["sentence"]]
        assert 8 <= len(text.split()) <= 90 and ARABIC.search(text)
