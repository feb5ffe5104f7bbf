"""Corpus readers and the scorer of the NER's training, on small inputs written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.entities.corpora import read_wojood, rejoin_clitics
from marsad.entities.train import entity_spans, score


def test_wojood_keeps_the_outermost_entity_whose_type_maps(tmp_path: Path):
    # an occupation (not a name) around an organisation and a town: the inner names survive
    path = tmp_path / "nested.txt"
    path.write_text(
        "التقى O\n"
        "أمين B-OCC\n"
        "سر I-OCC\n"
        "الحركة I-OCC B-ORG\n"
        "الوطنية I-OCC I-ORG\n"
        "في I-OCC\n"
        "جنين I-OCC B-GPE\n"
        "بالعقيد B-PERS\n"
        "ماهر I-PERS\n"
        "بخمسة B-MONEY\n"
        "دنانير I-MONEY B-CURR\n"
        "$#$ O\n",
        encoding="utf-8",
    )
    [(words, tags)] = read_wojood(path)
    assert words[0] == "التقى" and "$#$" not in words
    assert tags == ["O", "O", "O", "B-ORG", "I-ORG", "O", "B-LOC", "B-PERS", "I-PERS", "O", "B-MISC"]


def test_newsfane_clitics_go_back_on_their_words():
    pieces = [("و", "O"), ("قال", "O"), ("ان", "O"), ("ه", "O"), ("زار", "O"), ("ب", "O"),
              ("غداد", "B-LOC"), ("مع", "O"), ("و", "I-ORG"), ("زير", "B-PERS")]
    words, tags = rejoin_clitics(pieces)
    assert words == ["وقال", "انه", "زار", "بغداد", "مع", "وزير"]
    assert tags == ["O", "O", "O", "B-LOC", "O", "B-PERS"]


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PERS", "I-PERS", "O", "B-LOC"], {(0, 2, "PERS"), (3, 4, "LOC")}),
        (["O", "I-ORG", "I-ORG", "B-ORG"], {(1, 3, "ORG"), (3, 4, "ORG")}),  # a stray I- opens an entity
        (["B-LOC", "I-PERS"], {(0, 1, "LOC"), (1, 2, "PERS")}),
    ],
)
def test_entity_spans_follow_conlleval(tags, spans):
    assert entity_spans(tags) == spans


def test_score_counts_exact_spans_only():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC", "O", "B-ORG"]]
    predicted = [["B-PERS", "O", "O", "B-LOC", "O", "B-LOC"]]
    result = score(gold, predicted)
    assert result["LOC"]["p"] == 0.5 and result["LOC"]["r"] == 1.0
    assert result["PERS"]["f1"] == 0.0
    assert result["ALL"]["p"] == pytest.approx(1 / 3) and result["ALL"]["r"] == pytest.approx(1 / 3)
