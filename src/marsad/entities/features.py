"""Features of words for the NER: form, clitics, affixes, shape, name lists, clusters, context.

The unit is the orthographic word as ANERcorp writes it (clitics attached, punctuation sometimes
glued on). A word's own features are computed once per distinct word and cached, so a sentence's
feature lists are mostly list concatenation: that is what makes tagging fast.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from marsad.text.normalize import normalize
from marsad.text.tokenize import segment

ARTICLE = "ال"
_EDGE_PUNCT = regex.compile(r"^[^\p{L}\p{Nd}]+|[^\p{L}\p{Nd}]+$")
# ANERcorp glues numbers on words ("الأمن1706"); the word is looked up without them
_EDGE_DIGITS = regex.compile(r"^[\p{Nd}.,]+(?=\p{L})|(?<=\p{L})[\p{Nd}.,]+$")
_ARABIC = regex.compile(r"^[\p{Arabic}]+$")
_LATIN = regex.compile(r"^[\p{Latin}]+$")
_DIGITS = regex.compile(r"^[\p{Nd}.,]+$")
_NUMBER = regex.compile(r"\p{Nd}+(?:[.,]\p{Nd}+)*")
MAX_PHRASE = 5  # longest multi-word name the list matcher looks for
CONTEXT_OFFSETS = (-2, -1, 1, 2)  # the neighbours that lend a word features
# features of word n-grams around a word, by prefix: the pair ending just before it, the pair
# starting at it, the triple centred on it, the pair two and one before, the pair one and two after
_NGRAM_PREFIXES = ("bg-=", "bg+=", "tg=", "bb-=", "bb+=")
_OFFSET_PREFIX = {offset: f"{offset:+d}" for offset in CONTEXT_OFFSETS}


@dataclass(frozen=True)
class WordKey:
    """A word reduced for lookups: its normalised core, clitics, stem and stem without the article."""

    norm: str
    core: str
    proclitics: str
    stem: str
    bare: str
    enclitic: str


@lru_cache(maxsize=200_000)
def word_key(word: str) -> WordKey:
    norm = normalize(word)
    core = _EDGE_PUNCT.sub("", norm)
    core = _EDGE_DIGITS.sub("", core) or core
    if not core or not _ARABIC.match(core):
        return WordKey(norm, core, "", core, core, "")
    parts = segment(core)
    proclitics = "".join(form for _, _, role, form in parts if role in ("conjunction", "preposition", "future"))
    stems = [form for _, _, role, form in parts if role == "stem"]
    stem = stems[0] if stems else core
    enclitic = "".join(form for _, _, role, form in parts if role == "enclitic")
    bare = stem[len(ARTICLE):] if stem.startswith(ARTICLE) and len(stem) > len(ARTICLE) + 1 else stem
    return WordKey(norm, core, proclitics, stem, bare, enclitic)


def lookup_key(text: str) -> str:
    """The form a name list stores: normalised, article dropped (so الأسد and أسد meet)."""
    return word_key(text).bare


def name_keys(text: str) -> tuple[str, ...]:
    return tuple(k for k in (lookup_key(w) for w in text.split()) if k)


@dataclass
class Lexicons:
    """Name lists (single words and phrases, keyed by `lookup_key`) and word clusters."""

    words: dict[str, frozenset[str]] = field(default_factory=dict)  # key -> list names
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)  # first key -> phrases
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, entries: Iterable[tuple[str, str]], clusters: dict[str, tuple[str, ...]]) -> Lexicons:
        """`entries` are (list name, name text) pairs; a multi-word name goes to the phrase matcher."""
        return cls.from_keys(((name, name_keys(text)) for name, text in entries), clusters)

    @classmethod
    def from_keys(
        cls, entries: Iterable[tuple[str, tuple[str, ...]]], clusters: dict[str, tuple[str, ...]],
    ) -> Lexicons:
        """Like `build`, from names already turned into lookup keys (as the model folder stores them)."""
        words: dict[str, set[str]] = {}
        phrases: dict[str, set[tuple[tuple[str, ...], str]]] = {}
        for list_name, keys in entries:
            if not keys or len(keys) > MAX_PHRASE:
                continue
            if len(keys) == 1:
                words.setdefault(keys[0], set()).add(list_name)
            else:
                phrases.setdefault(keys[0], set()).add((keys, list_name))
        return cls(
            {k: frozenset(v) for k, v in words.items()},
            {k: sorted(v, key=lambda p: -len(p[0])) for k, v in phrases.items()},
            clusters,
        )


def _shape(core: str) -> str:
    if not core:
        return "punct"
    if _ARABIC.match(core):
        return "ar"
    if _LATIN.match(core):
        return "lat"
    if _DIGITS.match(core):
        return "num"
    return "mix"


class FeatureExtractor:
    """Turns sentences of words into crfsuite feature lists, with per-word caches."""

    def __init__(self, lexicons: Lexicons, known: frozenset[str] | None = None):
        """`known`: the attributes a trained model has weights for. When given, features the model
        never saw are left out (they weigh nothing): crfsuite spends most of its tagging time
        looking attribute strings up, and a quarter of them are unknown."""
        self.lexicons = lexicons
        self.known = known
        # the known word pairs and triples of each kind of n-gram feature (None: keep them all)
        self._known_pairs: tuple[frozenset[str] | None, ...] = (None,) * len(_NGRAM_PREFIXES)
        if known is not None:
            self._known_pairs = tuple(
                frozenset(a[len(prefix):] for a in known if a.startswith(prefix)) for prefix in _NGRAM_PREFIXES
            )
        self._own: dict[str, list[str]] = {}
        self._context: dict[int, dict[str, list[str]]] = {offset: {} for offset in CONTEXT_OFFSETS}
        self._context_size = 0
        # phrases by their first two keys: a word that starts many names ("ابو") is then tried
        # against the few that go on with the next word
        self._phrases_by_pair: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
        for phrases in lexicons.phrases.values():
            for phrase, list_name in phrases:
                self._phrases_by_pair.setdefault(phrase[:2], []).append((phrase, list_name))

    def _kept(self, feats: list[str]) -> list[str]:
        known = self.known
        return feats if known is None else [f for f in feats if f in known]

    def own(self, word: str) -> list[str]:
        """The word's own features (cached)."""
        cached = self._own.get(word)
        if cached is not None:
            return cached
        feats = self.own_features(word)
        if len(self._own) < 500_000:
            self._own[word] = feats
        return feats

    def own_features(self, word: str) -> list[str]:
        """The word's own features, computed afresh (for callers that keep their own cache)."""
        key = word_key(word)
        bare = key.bare
        feats = [
            "bias", "w=" + key.norm, "s=" + key.stem, "b=" + bare, "sh=" + _shape(key.core),
            "len=" + str(min(len(bare), 8)),
        ]
        if key.proclitics:
            feats.append("p=" + key.proclitics)
        if key.enclitic:
            feats.append("e=" + key.enclitic)
        if key.stem.startswith(ARTICLE):
            feats.append("al")
        if key.core != key.norm:
            outside = key.norm.replace(key.core, "_") if key.core else key.norm
            feats.append("punct=" + _NUMBER.sub("0", outside))
        if len(bare) > 2:
            # transliterated foreign names spell their vowels out: جوزيه، فولكسفاغن
            feats.append("vow=" + str(sum(ch in "اوي" for ch in bare) * 4 // len(bare)))
            feats.extend(("pre2=" + bare[:2], "pre3=" + bare[:3], "suf1=" + bare[-1:], "suf2=" + bare[-2:],
                          "suf3=" + bare[-3:]))
        for list_name in self.lexicons.words.get(bare, ()):
            feats.append("L=" + list_name)
        for level, cluster in enumerate(self.lexicons.clusters.get(bare, ())):
            feats.append(f"k{level}={cluster}")
        return self._kept(feats)

    def context(self, word: str, offset: int) -> list[str]:
        """The features a word lends to the word `offset` positions away."""
        cached = self._context[offset].get(word)
        if cached is not None:
            return cached
        lent = self.lent(word)
        if self._context_size < 1_000_000:
            for other, feats in zip(CONTEXT_OFFSETS, lent, strict=True):
                self._context[other][word] = feats
            self._context_size += len(CONTEXT_OFFSETS)
        return lent[CONTEXT_OFFSETS.index(offset)]

    def lent(self, word: str) -> tuple[list[str], ...]:
        """The features the word lends to each neighbour of CONTEXT_OFFSETS (not cached)."""
        key = word_key(word)
        lists = self.lexicons.words.get(key.bare, ())
        clusters = self.lexicons.clusters.get(key.bare, ())
        shape = _shape(key.core)
        found = []
        for offset in CONTEXT_OFFSETS:
            prefix = _OFFSET_PREFIX[offset]
            feats = [prefix + "b=" + key.bare]
            if abs(offset) == 1:
                feats.append(prefix + "s=" + key.stem)
                if key.proclitics:
                    feats.append(prefix + "p=" + key.proclitics)
                feats.append(prefix + "sh=" + shape)
                if key.core != key.norm and not key.core:
                    feats.append(prefix + "w=" + key.norm)
            for list_name in lists:
                feats.append(prefix + "L=" + list_name)
            if clusters:
                feats.append(prefix + "k1=" + clusters[min(1, len(clusters) - 1)])
            found.append(self._kept(feats))
        return tuple(found)

    def phrase_matches(self, words: list[str], keys: list[str] | None = None) -> list[list[str]]:
        """B/I features of the longest name-list phrases found in the sentence (`keys`: the words'
        lookup keys, when the caller has them)."""
        marks: list[list[str]] = [[] for _ in words]
        if not self._phrases_by_pair:
            return marks
        if keys is None:
            keys = [word_key(w).bare for w in words]
        by_pair = self._phrases_by_pair
        i = 0
        while i < len(keys) - 1:
            matched = 0
            for phrase, list_name in by_pair.get((keys[i], keys[i + 1]), ()):
                n = len(phrase)
                if tuple(keys[i:i + n]) == phrase:
                    marks[i].append("M=B-" + list_name)
                    for j in range(i + 1, i + n):
                        marks[j].append("M=I-" + list_name)
                    matched = max(matched, n)
            i += matched or 1
        return marks

    def sentence(self, words: list[str]) -> list[list[str]]:
        """Each word's features: its own, those its neighbours up to two away lend it (see
        `context`), and the per-sentence extras (see `extras`)."""
        n = len(words)
        keys = [word_key(w) for w in words]
        own, context = self.own, self.context
        owns = [own(w) for w in words]
        before2, before1, after1, after2 = ([context(w, offset) for w in words] for offset in CONTEXT_OFFSETS)
        extras: list[list[str]] = [[] for _ in range(n)]
        for i, feature in self.extras(words, keys):
            extras[i].append(feature)
        return [
            [
                *owns[i],
                *(before2[i - 2] if i >= 2 else ()),
                *(before1[i - 1] if i >= 1 else ()),
                *(after1[i + 1] if i + 1 < n else ()),
                *(after2[i + 2] if i + 2 < n else ()),
                *extras[i],
            ]
            for i in range(n)
        ]

    def extras(self, words: list[str], keys: list[WordKey]) -> list[tuple[int, str]]:
        """(word index, feature) of the features that depend on a word's place in the sentence, not
        on the words alone: sentence edges, word bigrams, a nisba before it, a title in the three
        words before, name-list phrases, the word trigram around it and the word pairs just before
        and just after it; ordered by word. Filtered by `known` (the per-word parts come filtered
        from their caches)."""
        n = len(words)
        if not n:
            return []
        bares = [k.bare for k in keys]
        pairs = [bares[i] + "|" + bares[i + 1] for i in range(n - 1)]
        found = [(i, edge) for i, edge in ((0, "-2edge"), (0, "-1edge"), (1, "-2edge")) if i < n]
        found += [(i, edge) for i, edge in ((n - 2, "+1edge"), (n - 2, "+2edge"), (n - 1, "+1edge"),
                                            (n - 1, "+2edge")) if i >= 0 and (edge == "+2edge" or i == n - 1)]
        before, after, trigrams, before2, after2 = self._known_pairs
        # bigrams: most pairs are unseen, so the known ones are picked before any string is built
        found += [(i + 1, "bg-=" + pair) for i, pair in enumerate(pairs) if before is None or pair in before]
        # الرئيس السوري بشار: the title is further back
        found += [(i + 1, "-1nisba") for i, key in enumerate(keys[:-1])
                  if key.stem.startswith(ARTICLE) and key.bare.endswith(("ي", "يه"))]
        titles = {t + d for t, bare in enumerate(bares) if "title" in self.lexicons.words.get(bare, ())
                  for d in (1, 2, 3) if t + d < n}
        found += [(i, "title<3") for i in sorted(titles)]
        found += [(i, "bg+=" + pair) for i, pair in enumerate(pairs) if after is None or pair in after]
        found += [(i, mark) for i, marks in enumerate(self.phrase_matches(words, bares)) for mark in marks]
        # longer contexts (issue 4): they fire on few dev words, but they let training fit sentences
        # it has seen by their n-grams rather than by the affixes and clusters that generalise
        found += [(i + 1, "tg=" + triple) for i, triple in enumerate(
            pairs[i] + "|" + bares[i + 2] for i in range(n - 2)) if trigrams is None or triple in trigrams]
        found += [(i + 2, "bb-=" + pair) for i, pair in enumerate(pairs[:-1]) if before2 is None or pair in before2]
        found += [(i - 1, "bb+=" + pair) for i, pair in enumerate(pairs) if i and (after2 is None or pair in after2)]
        if self.known is not None:
            known = self.known
            found = [item for item in found if item[1] in known]
        found.sort(key=_by_word)  # stable: within a word, the order above
        return found


def _by_word(item: tuple[int, str]) -> int:
    return item[0]
