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
from dataclasses import dataclass

import numpy as np

from marsad.entities.features import CONTEXT_OFFSETS, FeatureExtractor, WordKey, word_key


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
            # uncached: this table is the cache (bounded), the extractor's would only grow
            for features in (extractor.own_features(word), *extractor.lent(word)):
                starts.append(len(indices))
                indices.append(zero)  # every group sums at least the zero row
                # the extractor's groups hold only attributes the model knows (`known`)
                indices.extend(map(attribute_rows.__getitem__, features))
        sums = np.add.reduceat(self._weights[indices], starts, axis=0)
        groups = 1 + len(CONTEXT_OFFSETS)
        rows = [row for row, _ in self._pending]
        self.rows[rows] = sums.reshape(len(rows), groups, -1)
        self._pending.clear()


@dataclass
class Lattice:
    """A block's label scores, sentences longest first (padded), and each sentence's row."""

    scores: np.ndarray  # [row, word, label]
    lengths: np.ndarray  # per row
    rank: np.ndarray  # sentence index -> row


def _running(lengths: np.ndarray) -> list[int]:
    """For lengths sorted longest first: at each word position, how many sentences reach it."""
    return np.searchsorted(-lengths, -np.arange(int(lengths[0]) + 1), side="left").tolist()


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

    def emissions(self, sentences: Sequence[Sequence[str]], keys: Sequence[Sequence[WordKey]] | None = None,
                  ) -> np.ndarray:
        """Label scores of every word of the sentences, one row per word, sentences one after another
        (`keys`: the words' `word_key`s, when the caller has them)."""
        if keys is None:
            keys = [[word_key(w) for w in words] for words in sentences]
        self._words.trim()
        ids: list[int] = []
        lent_ids: list[list[int]] = [[] for _ in CONTEXT_OFFSETS]
        extra_positions: list[int] = []
        extra_rows: list[int] = []
        attribute_rows = self._attribute_rows
        position = 0
        for words, word_keys in zip(sentences, keys, strict=True):
            n = len(words)
            word_ids = self._words.ids(words)
            ids.extend(word_ids)
            for k, offset in enumerate(CONTEXT_OFFSETS):
                # the word at j lends to the word at j - offset
                if offset < 0:
                    lent_ids[k].extend([0] * min(-offset, n) + word_ids[:max(n + offset, 0)])
                else:
                    lent_ids[k].extend(word_ids[offset:] + [0] * min(offset, n))
            for i, feature in self.extractor.extras(list(words), list(word_keys)):
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

    def viterbi(self, sentences: Sequence[Sequence[str]], keys: Sequence[Sequence[WordKey]] | None = None,
                ) -> tuple[list[list[str]], Lattice | None]:
        """Each sentence's Viterbi tags, and the block's scores for `marginals` (None when empty)."""
        lengths = np.array([len(words) for words in sentences], dtype=np.intp)
        if not len(lengths) or lengths.max() == 0:
            return [[] for _ in sentences], None
        flat = self.emissions(sentences, keys)
        # longest first: the sentences still running at a word are then a prefix of the batch
        order = np.argsort(-lengths, kind="stable")
        sorted_lengths = lengths[order]
        batch, longest, count = len(lengths), int(sorted_lengths[0]), len(self.labels)
        rank = np.empty_like(order)
        rank[order] = np.arange(batch)
        padded = np.zeros((batch, longest, count))
        padded[np.repeat(rank, lengths), np.arange(len(flat)) - np.repeat(np.cumsum(lengths) - lengths, lengths)] = flat
        paths = self._viterbi(padded, sorted_lengths, _running(sorted_lengths))
        tags: list[list[str]] = [[] for _ in sentences]
        for position, original in enumerate(order.tolist()):
            tags[original] = [self.labels[k] for k in paths[position]]
        return tags, Lattice(padded, sorted_lengths, rank)

    def marginals(self, lattice: Lattice | None, which: Sequence[int]) -> dict[int, np.ndarray]:
        """The label marginals (words x labels) of the sentences `which` of the block (indices as
        given to `viterbi`): forward-backward costs as much as Viterbi, so only where they are read."""
        if lattice is None or not which:
            return {}
        rows = sorted(int(lattice.rank[i]) for i in which)  # still longest first
        lengths = lattice.lengths[rows]
        scores = lattice.scores[rows, :int(lengths[0])]
        matrices = self._marginals(scores, _running(lengths))
        original = {int(lattice.rank[i]): i for i in which}
        return {original[row]: matrices[k, :lengths[k]] for k, row in enumerate(rows)}

    def decode(self, sentences: Sequence[Sequence[str]]) -> tuple[list[list[str]], list[np.ndarray]]:
        """Each sentence's Viterbi tags and its matrix of label marginals (words x labels)."""
        tags, lattice = self.viterbi(sentences)
        found = self.marginals(lattice, range(len(sentences)))
        empty = np.zeros((0, len(self.labels)))
        return tags, [found.get(i, empty) for i in range(len(sentences))]

    def _viterbi(self, scores: np.ndarray, lengths: np.ndarray, running: list[int]) -> list[list[int]]:
        batch, longest, count = scores.shape
        best = scores[:, 0].copy()
        back = np.zeros((longest, batch, count), dtype=np.intp)
        for t in range(1, longest):
            k = running[t]
            candidates = best[:k, :, None] + self.transitions  # [sentence, previous label, label]
            back[t, :k] = candidates.argmax(axis=1)  # the first best, as crfsuite breaks ties
            best[:k] = candidates.max(axis=1) + scores[:k, t]
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

    def _marginals(self, scores: np.ndarray, running: list[int]) -> np.ndarray:
        """p(label at word | sentence) by scaled forward-backward."""
        batch, longest, count = scores.shape
        exp_scores = np.exp(scores - scores.max(axis=2, keepdims=True))
        forward = np.ones_like(exp_scores)  # past a sentence's end: ones, never read
        alpha = exp_scores[:, 0] / exp_scores[:, 0].sum(axis=1, keepdims=True)
        forward[:, 0] = alpha
        for t in range(1, longest):
            k = running[t]
            alpha = (alpha[:k] @ self._exp_transitions) * exp_scores[:k, t]
            alpha /= alpha.sum(axis=1, keepdims=True)
            forward[:k, t] = alpha
        backward = np.ones_like(exp_scores)  # a sentence's last word keeps 1
        for t in range(longest - 2, -1, -1):
            k = running[t + 1]  # sentences that go on after t
            if not k:
                continue
            beta = (exp_scores[:k, t + 1] * backward[:k, t + 1]) @ self._exp_transitions.T
            beta /= beta.sum(axis=1, keepdims=True)
            backward[:k, t] = beta
        joint = forward * backward
        return joint / joint.sum(axis=2, keepdims=True)
