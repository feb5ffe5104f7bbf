"""Integrity of the hand-labelled sentence sets eval/annotations/events_sentences_team.jsonl,
events_sentences_team_b.jsonl to events_sentences_team_m.jsonl (the second to thirteenth sets, each drawn
half at random and half from trigger pools; the fifth and sixth, then the seventh and eighth, split the
articles left by parity; the ninth took the articles left after them, the tenth those the ninth left; the
eleventh to thirteenth, with no article left, took unlabelled sentences of any article).

The file only points into the ANT corpus (docno + offsets); the checks that need the article texts skip
cleanly when ../shared is absent, the others (labels, counts, balance) always run.
"""

from __future__ import annotations

import collections
import itertools
import json
import re
from pathlib import Path

import pytest

FOLDER = Path(__file__).resolve().parents[2] / "eval" / "annotations"
ANNOTATIONS = FOLDER / "events_sentences_team.jsonl"
SECOND_SET = FOLDER / "events_sentences_team_b.jsonl"
THIRD_SET = FOLDER / "events_sentences_team_c.jsonl"
FOURTH_SET = FOLDER / "events_sentences_team_d.jsonl"
FIFTH_SET = FOLDER / "events_sentences_team_e.jsonl"
SIXTH_SET = FOLDER / "events_sentences_team_f.jsonl"
SEVENTH_SET = FOLDER / "events_sentences_team_g.jsonl"
EIGHTH_SET = FOLDER / "events_sentences_team_h.jsonl"
NINTH_SET = FOLDER / "events_sentences_team_i.jsonl"
TENTH_SET = FOLDER / "events_sentences_team_j.jsonl"
ELEVENTH_SET = FOLDER / "events_sentences_team_k.jsonl"
TWELFTH_SET = FOLDER / "events_sentences_team_l.jsonl"
THIRTEENTH_SET = FOLDER / "events_sentences_team_m.jsonl"
LATER_SETS = [
    SECOND_SET, THIRD_SET, FOURTH_SET, FIFTH_SET, SIXTH_SET, SEVENTH_SET, EIGHTH_SET, NINTH_SET, TENTH_SET,
]
LATER_IDS = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]

# ACLED's event types and sub-event types, exact strings (ACLED codebook)
ACLED_TAXONOMY = {
    "Battles": {"Government regains territory", "Non-state actor overtakes territory", "Armed clash"},
    "Protests": {"Excessive force against protesters", "Protest with intervention", "Peaceful protest"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Explosions/Remote violence": {
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Strategic developments": {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    },
}
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
DEMONSTRATIONS = {"Protests", "Riots"}
HAPPENED = {"asserted", "reported", "claimed"}
NOT_HAPPENED = {"planned", "possible", "threat", "denied", "negated", "historical", "statement", "none"}
FIELDS = {"docno", "start", "end", "event_type", "sub_event_type", "modality", "fatalities", "note"}
POOLS = {"random", "trigger"}
ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module", params=[ANNOTATIONS, *LATER_SETS, ELEVENTH_SET, TWELFTH_SET, THIRTEENTH_SET],
                ids=["team", *LATER_IDS, "eleventh", "twelfth", "thirteenth"])
def records(request) -> list[dict]:
    return _read(request.param)


@pytest.fixture(scope="module")
def texts(ant_articles: list[dict]) -> dict[str, str]:
    return {article["docno"]: article["text"] for article in ant_articles}


def test_every_line_has_exactly_the_schema_fields(records):
    for number, record in enumerate(records, 1):
        assert set(record) - {"pool"} == FIELDS, f"line {number}: fields {sorted(record)}"
        assert record.get("pool", "random") in POOLS, f"line {number}: pool {record['pool']!r}"
        assert isinstance(record["start"], int) and isinstance(record["end"], int), f"line {number}"
        assert record["fatalities"] is None or (
            isinstance(record["fatalities"], int) and record["fatalities"] >= 0
        ), f"line {number}: fatalities {record['fatalities']!r}"


def test_labels_are_acled_strings_and_modality_agrees_with_them(records):
    for number, record in enumerate(records, 1):
        event_type, sub_type, modality = record["event_type"], record["sub_event_type"], record["modality"]
        if event_type == "none":
            assert sub_type == "", f"line {number}: a non-event has sub-type {sub_type!r}"
            assert modality in NOT_HAPPENED, f"line {number}: non-event with modality {modality!r}"
            assert record["fatalities"] is None, f"line {number}: a non-event carries fatalities"
        else:
            assert event_type in ACLED_TAXONOMY, f"line {number}: unknown event type {event_type!r}"
            assert sub_type in ACLED_TAXONOMY[event_type], f"line {number}: {sub_type!r} not in {event_type}"
            assert modality in HAPPENED, f"line {number}: event with modality {modality!r}"


def test_notes_are_one_line_of_english_without_corpus_text(records):
    for number, record in enumerate(records, 1):
        note = record["note"]
        assert note.strip() and "\n" not in note and "\u2028" not in note, f"line {number}"
        assert not ARABIC.search(note), f"line {number}: the note holds Arabic text"


def test_team_set_is_large_balanced_and_spread():
    records = _read(ANNOTATIONS)
    types = collections.Counter(record["event_type"] for record in records)
    assert len(records) >= 300
    assert sum(types[name] for name in DEMONSTRATIONS) >= 40
    assert sum(types[name] for name in VIOLENT) >= 120
    assert types["none"] >= 150
    assert all(types[name] > 0 for name in ACLED_TAXONOMY), types
    per_article = collections.Counter(record["docno"] for record in records)
    assert max(per_article.values()) <= 5, per_article.most_common(1)
    sources = {record["docno"].split("-")[0] for record in records}
    assert len(sources) >= 5, sources


def test_spans_are_distinct_and_never_overlap(records):
    by_article = collections.defaultdict(list)
    for record in records:
        by_article[record["docno"]].append((record["start"], record["end"]))
    for docno, spans in by_article.items():
        spans.sort()
        for (_, end), (next_start, _) in itertools.pairwise(spans):
            assert end <= next_start, f"{docno}: spans overlap at {next_start}"


def test_every_span_points_at_a_trimmed_sentence_of_its_article(records, texts):
    for number, record in enumerate(records, 1):
        text = texts.get(record["docno"])
        assert text is not None, f"line {number}: docno {record['docno']} is not in the corpus"
        start, end = record["start"], record["end"]
        assert 0 <= start < end <= len(text), f"line {number}: offsets {start}-{end} out of range"
        span = text[start:end]
        assert span == span.strip(), f"line {number}: span not trimmed"
        assert "\n" not in span, f"line {number}: span crosses a paragraph break"
        assert not (start > 0 and _is_word_char(text[start - 1]) and _is_word_char(text[start])), (
            f"line {number}: span starts inside a word"
        )
        assert not (end < len(text) and _is_word_char(text[end - 1]) and _is_word_char(text[end])), (
            f"line {number}: span ends inside a word"
        )


def test_set_is_independent_of_the_development_gold(records, shared_dir):
    gold_file = shared_dir / "data" / "ant_gold_dev" / "events.jsonl"
    if not gold_file.exists():
        pytest.skip(f"{gold_file} is absent")
    with gold_file.open(encoding="utf-8") as handle:
        gold_docnos = {json.loads(line)["docno"] for line in handle if line.strip()}
    assert not gold_docnos & {record["docno"] for record in records}


def _check_draw(records: list[dict]) -> None:
    """A later set's size and balance: at least 350 sentences, half random, 100 violent, 150 none."""
    assert len(records) >= 350
    pools = collections.Counter(record["pool"] for record in records)
    assert pools["random"] >= 150 and pools["trigger"] >= 150, pools
    types = collections.Counter(record["event_type"] for record in records)
    assert sum(types[name] for name in VIOLENT) >= 100 and types["none"] >= 150, types


@pytest.mark.parametrize("path", LATER_SETS, ids=LATER_IDS)
def test_later_sets_are_half_random_and_share_no_article_with_earlier_ones(path):
    records = _read(path)
    _check_draw(records)
    per_article = collections.Counter(record["docno"] for record in records)
    assert max(per_article.values()) <= 3, per_article.most_common(1)
    earlier = [p for p in (ANNOTATIONS, FOLDER / "events_sentences.jsonl", *LATER_SETS) if p != path]
    others = {r["docno"] for other in earlier for r in _read(other)}
    assert not others & set(per_article)


@pytest.mark.parametrize("path", [ELEVENTH_SET, TWELFTH_SET, THIRTEENTH_SET], ids=["eleventh", "twelfth", "thirteenth"])
def test_sets_over_used_articles_are_half_random_and_label_no_sentence_twice(path):
    """The eleventh to thirteenth sets reuse articles (no unlabelled one was left), never a labelled
    sentence: no span of one overlaps a span of an earlier file, and no article holds more than five
    labelled sentences over all the files."""
    records = _read(path)
    _check_draw(records)
    assert max(collections.Counter(record["docno"] for record in records).values()) <= 3
    every_file = [ANNOTATIONS, FOLDER / "events_sentences.jsonl", *LATER_SETS, ELEVENTH_SET, TWELFTH_SET,
                  THIRTEENTH_SET]
    spans = collections.defaultdict(list)
    for other in every_file[:every_file.index(path)]:
        for record in _read(other):
            spans[record["docno"]].append((record["start"], record["end"]))
    for record in records:
        clash = [s for s in spans[record["docno"]] if s[0] < record["end"] and record["start"] < s[1]]
        assert not clash, f"{record['docno']} {record['start']}: labelled before as {clash}"
    per_article = collections.Counter(record["docno"] for other in every_file for record in _read(other))
    assert max(per_article.values()) <= 5, per_article.most_common(1)
