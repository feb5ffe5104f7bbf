"""Decoding the trained CRF with numpy, many sentences at once, from per-word score vectors.

crfsuite scores a sentence from its feature strings: building ~20 strings per word in Python and
looking each up in the model took most of the NER's time. A linear-chain CRF's score of a label at
a word is a sum of weights, so each cached group of features (a word's own features, the features a
word lends to the word one or two away) is summed once into a vector of label scores and kept;
a sentence's scores are then a few array look-ups plus its per-sentence extras. Viterbi and
forward-backward run on a block of sentences padded to one length. The weights are those of the
crfsuite model file (`Tagger.info()`), so the tags are crfsuite's.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from marsad.entities.features import CONTEXT_OFFSETS, FeatureExtractor, word_key


class _WordRows:
    """Per word, the label-score vectors of its own features and of the features it lends to each
    neighbour, summed once: rows[word id, 0] own, rows[word id, 1 + k] lent at CONTEXT_OFFSETS[k].
    Word id 0 is all zeros (no word)."""

    def __init__(self, extractor: FeatureExtractor, weights: np.ndarray, attribute_rows: dict[str, int],
                 limit: int = 200_000):
        self.rows = np.zeros((1024, 1 + len(CONTEXT_OFFSETS), weights.shape[1]))
        self.size = 1
        self._ids: dict[str, int] = {}
        self._pending: list[tuple[int, str]] = []
        self._extractor = extractor
        self._weights = weights
        self._attribute_rows = attribute_rows
        self._limit = limit

    def trim(self) -> None:
        """Start afresh when the cache is full (between blocks: ids handed out stay valid in one)."""
        if len(self._ids) >= self._limit:
            self._ids.clear()
            self.size = 1

    def ids(self, words: Sequence[str]) -> list[int]:
        """Row ids of the words; new words get theirs now and their scores at `flush`."""
        known = self._ids
        found = []
        for word in words:
            row = known.get(word)
            found.append(self._reserve(word) if row is None else row)
        return found

    def _reserve(self, word: str) -> int:
        if self.size == len(self.rows):
            self.rows = np.concatenate([self.rows, np.zeros_like(self.rows)])
        row = self.size
        self.size += 1
        self._ids[word] = row
        self._pending.append((row, word))
        return row

    def flush(self) -> None:
        """Sum the weights of the new words' feature groups, all in one pass."""
        if not self._pending:
            return
        attribute_rows, zero = self._attribute_rows, len(self._weights) - 1
        extractor = self._extractor
        indices: list[int] = []
        starts: list[int] = []
        for _, word in self._pending:
            for features in (extractor.own(word), *(extractor.context(word, o) for o in CONTEXT_OFFSETS)):
                starts.append(len(indices))
                indices.append(zero)  # every group sums at least the zero row
                indices.extend(attribute_rows[a] for a in features if a in attribute_rows)
        sums = np.add.reduceat(self._weights[indices], starts, axis=0)
        groups = 1 + len(CONTEXT_OFFSETS)
        rows = [row for row, _ in self._pending]
        self.rows[rows] = sums.reshape(len(rows), groups, -1)
        self._pending.clear()


class CrfDecoder:
    """Viterbi tags and marginals of a crfsuite linear-chain CRF, for blocks of sentences."""

    def __init__(self, labels: list[str], transitions: dict[tuple[str, str], float],
                 state_features: dict[tuple[str, str], float], extractor: FeatureExtractor):
        self.labels = list(labels)
        index = {label: i for i, label in enumerate(self.labels)}
        count = len(self.labels)
        self.transitions = np.zeros((count, count))
        for (before, after), weight in transitions.items():
            self.transitions[index[before], index[after]] = weight
        self._exp_transitions = np.exp(self.transitions)
        attribute_rows: dict[str, int] = {}
        for attribute, _ in state_features:
            attribute_rows.setdefault(attribute, len(attribute_rows))
        self.weights = np.zeros((len(attribute_rows) + 1, count))  # last row: unknown attribute
        for (attribute, label), weight in state_features.items():
            self.weights[attribute_rows[attribute], index[label]] = weight
        self._attribute_rows = attribute_rows
        self.extractor = extractor
        self._words = _WordRows(extractor, self.weights, attribute_rows)

    def emissions(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """Label scores of every word of the sentences, one row per word, sentences one after another."""
        self._words.trim()
        ids: list[int] = []
        lent_ids: list[list[int]] = [[] for _ in CONTEXT_OFFSETS]
        extra_positions: list[int] = []
        extra_rows: list[int] = []
        attribute_rows = self._attribute_rows
        position = 0
        for words in sentences:
            n = len(words)
            word_ids = self._words.ids(words)
            ids.extend(word_ids)
            for k, offset in enumerate(CONTEXT_OFFSETS):
                # the word at j lends to the word at j - offset
                if offset < 0:
                    lent_ids[k].extend([0] * min(-offset, n) + word_ids[:max(n + offset, 0)])
                else:
                    lent_ids[k].extend(word_ids[offset:] + [0] * min(offset, n))
            for i, feature in self.extractor.extras(list(words), [word_key(w) for w in words]):
                row = attribute_rows.get(feature)
                if row is not None:
                    extra_positions.append(position + i)
                    extra_rows.append(row)
            position += n
        self._words.flush()
        rows = self._words.rows
        scores = rows[ids, 0]
        for k in range(len(CONTEXT_OFFSETS)):
            scores += rows[lent_ids[k], 1 + k]
        if extra_rows:
            np.add.at(scores, extra_positions, self.weights[extra_rows])
        return scores

    def decode(self, sentences: Sequence[Sequence[str]]) -> tuple[list[list[str]], list[np.ndarray]]:
        """Each sentence's Viterbi tags and its matrix of label marginals (words x labels)."""
        lengths = np.array([len(words) for words in sentences])
        if not len(lengths) or lengths.max() == 0:
            return [[] for _ in sentences], [np.zeros((0, len(self.labels))) for _ in sentences]
        flat = self.emissions(sentences)
        batch, longest, count = len(lengths), int(lengths.max()), len(self.labels)
        padded = np.zeros((batch, longest, count))
        sentence_of = np.repeat(np.arange(batch), lengths)
        position_of = np.arange(len(flat)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        padded[sentence_of, position_of] = flat
        paths = self._viterbi(padded, lengths)
        marginals = self._marginals(padded, lengths)
        tags = [[self.labels[k] for k in path] for path in paths]
        return tags, [marginals[b, :length] for b, length in enumerate(lengths)]

    def _viterbi(self, scores: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
        batch, longest, _ = scores.shape
        best = scores[:, 0].copy()
        back = np.zeros((longest, batch, scores.shape[2]), dtype=np.intp)
        for t in range(1, longest):
            candidates = best[:, :, None] + self.transitions  # [sentence, previous label, label]
            back[t] = candidates.argmax(axis=1)  # the first best, as crfsuite breaks ties
            step = candidates.max(axis=1) + scores[:, t]
            active = (lengths > t)[:, None]
            best = np.where(active, step, best)
        paths = []
        for b, length in enumerate(lengths.tolist()):
            if not length:
                paths.append([])
                continue
            label = int(best[b].argmax())
            path = [label]
            for t in range(length - 1, 0, -1):
                label = int(back[t, b, label])
                path.append(label)
            paths.append(path[::-1])
        return paths

    def _marginals(self, scores: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """p(label at word | sentence) by scaled forward-backward."""
        batch, longest, count = scores.shape
        exp_scores = np.exp(scores - scores.max(axis=2, keepdims=True))
        forward = np.empty_like(exp_scores)
        alpha = exp_scores[:, 0] / exp_scores[:, 0].sum(axis=1, keepdims=True)
        forward[:, 0] = alpha
        for t in range(1, longest):
            alpha = (alpha @ self._exp_transitions) * exp_scores[:, t]
            alpha /= alpha.sum(axis=1, keepdims=True)
            forward[:, t] = alpha
        backward = np.ones_like(exp_scores)
        beta = np.ones((batch, count))
        for t in range(longest - 2, -1, -1):
            step = (exp_scores[:, t + 1] * beta) @ self._exp_transitions.T
            step /= step.sum(axis=1, keepdims=True)
            beta = np.where((lengths - 1 > t)[:, None], step, 1.0)
            backward[:, t] = beta
        joint = forward * backward
        return joint / joint.sum(axis=2, keepdims=True)
