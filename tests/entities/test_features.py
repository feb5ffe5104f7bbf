"""NER features: the word n-grams around a word, and the `known` filter that keeps a model's
tagging independent of features it was not trained with."""

from __future__ import annotations

from marsad.entities.features import FeatureExtractor, Lexicons, word_key
from marsad.entities.ner import load_model


def _ngrams(features: list[str]) -> list[str]:
    return [f for f in features if f.startswith(("tg=", "bb-=", "bb+="))]


def test_a_word_gets_the_trigram_around_it_and_the_pairs_just_before_and_after():
    words = "قصفت الطائرات مدينة الرقة أمس".split()
    bares = [word_key(w).bare for w in words]
    features = FeatureExtractor(Lexicons()).sentence(words)
    assert _ngrams(features[0]) == ["bb+=" + bares[1] + "|" + bares[2]]
    assert _ngrams(features[2]) == [
        "tg=" + "|".join(bares[1:4]), "bb-=" + "|".join(bares[0:2]), "bb+=" + "|".join(bares[3:5]),
    ]
    assert _ngrams(features[4]) == ["bb-=" + "|".join(bares[2:4])]


def test_ngram_features_the_model_has_no_weight_for_are_left_out():
    model = load_model()
    words = "قال الرئيس الفرنسي إيمانويل ماكرون في باريس".split()
    for features in model.extractor.sentence(words):
        assert all(f in model.extractor.known for f in _ngrams(features))
    unfiltered = FeatureExtractor(model.extractor.lexicons).sentence(words)
    assert sum(map(len, map(_ngrams, unfiltered))) == 5 + 2 * 5
