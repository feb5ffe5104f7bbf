"""The trained Arabic NER: a linear-chain CRF over whole words, and the pipeline stage `ner`.

The model (src/marsad/models/ner.crfsuite) was trained by `scripts/train_ner.py` on ANERcorp and
the Wojood sample (see docs/model-card.md); the name lists and word clusters it was trained with
ship beside it and are loaded with it, once per process, on first use.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from marsad.document import Document, Span
from marsad.entities.decoder import CrfDecoder
from marsad.entities.features import FeatureExtractor, Lexicons, WordKey, word_key
from marsad.errors import DataError

MODEL_DIR = Path(__file__).resolve().parents[1] / "models"
MODEL_FILE = "ner.crfsuite"
# The same CRF trained without the dev split: its dev figures are the model card's (the shipped model
# has learned the dev split too, so its own dev figures are training figures)
HELDOUT_FILE = "ner_heldout.crfsuite"
MODELS = {"shipped": MODEL_FILE, "heldout": HELDOUT_FILE}
NAMES_FILE = "ner_names.tsv"
CLUSTERS_FILE = "ner_clusters.tsv"
COMMON_FILE = "ner_common.txt"
# Sentences made consistent together (about an ANERcorp article); tuned on the dev split.
CONSISTENCY_BLOCK = 20
MIN_PROPAGATED = 3  # shorter words are too ambiguous to take a label from elsewhere
# Surnames repeat alone; places the model already finds well, and propagating them (or MISC)
# lost precision on dev.
PROPAGATED_TYPES = frozenset({"PERS", "ORG"})
ENTITY_LAYER = "entities"
PROCLITIC_ROLES = frozenset({"conjunction", "preposition", "future"})


def _rows(path: Path) -> list[list[str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError(f"{path}: cannot read the NER data ({error.strerror})") from None
    return [line.split("\t") for line in text.split("\n") if line and not line.startswith("#")]


class NerModel:
    """A CRF tagger with its feature extractor; `tag(words)` gives IOB2 tags, one per word."""

    def __init__(self, directory: Path = MODEL_DIR, model_file: str = MODEL_FILE):
        import pycrfsuite

        model_path = directory / model_file
        if not model_path.exists():
            raise DataError(f"{model_path}: NER model missing; build it with scripts/train_ner.py")
        # rows: list name, name, its lookup keys (space-joined, computed when the model was trained)
        entries = [(row[0], tuple(row[2].split())) for row in _rows(directory / NAMES_FILE) if len(row) >= 3]
        clusters = {row[0]: tuple(row[1:]) for row in _rows(directory / CLUSTERS_FILE) if len(row) >= 2}
        self.common = frozenset(row[0] for row in _rows(directory / COMMON_FILE))
        self._tagger = pycrfsuite.Tagger()
        self._lock = threading.Lock()  # a crfsuite tagger keeps the last sequence: one user at a time
        try:
            self._tagger.open(str(model_path))
        except (OSError, ValueError) as error:
            raise DataError(f"{model_path}: not a crfsuite model ({error})") from None
        info = self._tagger.info()
        known = frozenset(attribute for attribute, _ in info.state_features)
        self.extractor = FeatureExtractor(Lexicons.from_keys(entries, clusters), known)
        self.decoder = CrfDecoder(self._tagger.labels(), info.transitions, info.state_features, self.extractor)

    def tag(self, words: list[str]) -> list[str]:
        return self.tags_of(self.extractor.sentence(words)) if words else []

    def tags_of(self, features: list) -> list[str]:
        """Tags of a sentence given its features (computed once by the caller, reused for marginals)."""
        if not features:
            return []
        with self._lock:
            return list(self._tagger.tag(features))

    def marginals_of(self, features: list, tags: list[str]) -> list[float]:
        if not features:
            return []
        with self._lock:
            self._tagger.set(features)
            return [self._tagger.marginal(tag, i) for i, tag in enumerate(tags)]

    def tag_block(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tags of consecutive sentences of one text, made consistent across them."""
        return self.tag_block_with_marginals(sentences)[0]

    def tag_block_with_marginals(self, sentences: list[list[str]]) -> tuple[list[list[str]], list[list[float]]]:
        """Tags of consecutive sentences made consistent across them, and each tag's marginal
        probability in the sentences that hold an entity (0.0 elsewhere: nobody reads it)."""
        keys = [[word_key(word) for word in words] for words in sentences]
        viterbi, lattice = self.decoder.viterbi(sentences, keys)
        tags = self.make_consistent(sentences, viterbi, keys)
        with_entities = [i for i, sentence_tags in enumerate(tags) if any(tag != "O" for tag in sentence_tags)]
        marginals = self.decoder.marginals(lattice, with_entities)
        label_index = {label: i for i, label in enumerate(self.decoder.labels)}
        scores = []
        for i, sentence_tags in enumerate(tags):
            matrix = marginals.get(i)
            scores.append([0.0] * len(sentence_tags) if matrix is None else
                          [float(matrix[k, label_index[tag]]) for k, tag in enumerate(sentence_tags)])
        return tags, scores

    def make_consistent(self, sentences: list[list[str]], tags: list[list[str]],
                        keys: list[list[WordKey]] | None = None) -> list[list[str]]:
        """Label consistency in a document: a rarer word that the model tagged as one type somewhere
        in the block takes that type where it was left out. News names a person in full once and
        by surname after ("صامويل إيتو" ... "إيتو"). Persons and organisations only."""
        if keys is None:
            keys = [[word_key(word) for word in words] for words in sentences]
        bares = [[key.bare for key in sentence_keys] for sentence_keys in keys]
        types: dict[str, Counter[str]] = defaultdict(Counter)
        for sentence_keys, word_tags in zip(bares, tags, strict=True):
            for key, tag in zip(sentence_keys, word_tags, strict=True):
                if tag != "O" and tag[2:] in PROPAGATED_TYPES:
                    types[key][tag[2:]] += 1
        fixed = []
        for sentence_keys, word_tags in zip(bares, tags, strict=True):
            word_tags = list(word_tags)
            if types:
                for i, key in enumerate(sentence_keys):
                    found = types.get(key)
                    if word_tags[i] != "O" or not found or len(found) != 1 or len(key) < MIN_PROPAGATED:
                        continue
                    if key in self.common:
                        continue
                    (label,) = found
                    previous = word_tags[i - 1] if i else "O"
                    word_tags[i] = ("I-" if previous[2:] == label else "B-") + label
            fixed.append(word_tags)
        return fixed


@lru_cache(maxsize=2)
def load_model(name: str = "shipped") -> NerModel:
    """The shipped model, or (`heldout`) the one trained without the dev split, for its dev figures."""
    return NerModel(MODEL_DIR, MODELS[name])


def chunks(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entities as (first word, last word + 1, type); a stray I- opens an entity, as in conlleval."""
    found = []
    start, label = None, ""
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag != "O" else ""
        begins = tag.startswith("B-") or (tag.startswith("I-") and kind != label)
        if start is not None and (tag == "O" or begins):
            found.append((start, i, label))
            start, label = None, ""
        if begins:
            start, label = i, kind
    return found


def words_of(tokens: list[Span]) -> list[list[list[Span]]]:
    """Sentences of orthographic words, each word the list of its clitic tokens."""
    sentences: list[list[list[Span]]] = []
    last_sentence = last_word = None
    for token in tokens:
        sentence_index = token.attrs.get("sentence", 0)
        word_index = token.attrs.get("word")
        if sentence_index != last_sentence or not sentences:
            sentences.append([])
            last_word = None
        if word_index != last_word or word_index is None:
            sentences[-1].append([])
        sentences[-1][-1].append(token)
        last_sentence, last_word = sentence_index, word_index
    return sentences


def word_text(doc_text: str, word: list[Span]) -> str:
    return doc_text[word[0].start:word[-1].end]


class NerTagger:
    """Pipeline stage: PERS/LOC/ORG/MISC spans in layer `entities`, proclitics left outside."""

    name = "ner"
    requires = ("tokens",)
    provides = ("entities",)

    def __init__(self, model_name: str = "shipped"):
        self.model_name = model_name

    def __call__(self, doc: Document) -> Document:
        model = load_model(self.model_name)
        sentences = words_of(doc.get("tokens"))
        spans: list[Span] = []
        for first in range(0, len(sentences), CONSISTENCY_BLOCK):
            block = sentences[first:first + CONSISTENCY_BLOCK]
            texts = [[word_text(doc.text, word) for word in sentence] for sentence in block]
            tags, scores = model.tag_block_with_marginals(texts)
            for sentence, sentence_tags, sentence_scores in zip(block, tags, scores, strict=True):
                spans.extend(self._spans(doc, sentence, sentence_tags, sentence_scores))
        doc.add(ENTITY_LAYER, spans)
        return doc

    @staticmethod
    def _spans(doc: Document, sentence: list[list[Span]], tags: list[str], marginals: list[float]) -> list[Span]:
        spans = []
        for first, last, label in chunks(tags):
            opening = sentence[first]
            stem = next((t for t in opening if t.attrs.get("role") not in PROCLITIC_ROLES), opening[0])
            score = sum(marginals[first:last]) / (last - first)
            spans.append(doc.span(
                stem.start, sentence[last - 1][-1].end, label,
                type=label, canonical=None, actor_type=None, source="ner", score=round(score, 3),
            ))
        return spans
