"""The numpy decoder gives the shipped CRF's own answers: crfsuite's Viterbi tags and marginals."""

from __future__ import annotations

import numpy as np
import pytest

from marsad.entities.ner import load_model

# Written for this test in the style of the news: a block of sentences of different lengths, one of
# a single word, so that padding and sentence ends are exercised.
BLOCK = [
    "قال الرئيس السوري بشار الأسد في دمشق إن الحرب لن تتوقف .".split(),
    "عاجل".split(),
    "وأعلنت وزارة الدفاع التركية مقتل ثلاثة جنود في هجوم شمال العراق قرب الحدود مع سوريا .".split(),
    "وأكد الأمين العام للأمم المتحدة أنطونيو غوتيريش أن الوضع في اليمن كارثي .".split(),
    "شنت طائرات التحالف غارات على مواقع الحوثيين في صنعاء والحديدة".split(),
    "وقال المرصد السوري لحقوق الإنسان إن تنظيم داعش هاجم مواقع الجيش في دير الزور .".split(),
]


@pytest.fixture(scope="module")
def model():
    return load_model()


def test_decoder_tags_are_crfsuites(model):
    tags, _ = model.decoder.decode(BLOCK)
    assert tags == [model.tags_of(model.extractor.sentence(words)) for words in BLOCK]
    assert any(tag != "O" for sentence in tags for tag in sentence)


def test_decoder_marginals_are_crfsuites(model):
    _, marginals = model.decoder.decode(BLOCK)
    for words, matrix in zip(BLOCK, marginals, strict=True):
        assert matrix.shape == (len(words), len(model.decoder.labels))
        assert np.allclose(matrix.sum(axis=1), 1.0)
        features = model.extractor.sentence(words)
        for label_index, label in enumerate(model.decoder.labels):
            expected = model.marginals_of(features, [label] * len(words))
            # the decoder reads the weights as the model's dump prints them (6 decimals)
            assert np.allclose(matrix[:, label_index], expected, atol=1e-4), (words, label)


def test_an_empty_block_and_empty_sentences_decode_to_nothing(model):
    assert model.decoder.decode([]) == ([], [])
    tags, marginals = model.decoder.decode([[], ["دمشق"], []])
    assert tags[0] == [] and tags[2] == [] and len(tags[1]) == 1
    assert marginals[1].shape == (1, len(model.decoder.labels))
