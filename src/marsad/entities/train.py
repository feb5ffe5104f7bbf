"""Training the NER: corpora and dev split, name lists, word clusters, CRF training and scoring.

Run through `scripts/train_ner.py --shared ../shared`. Needs numpy, scipy and scikit-learn (the
`build` extra) for the clusters; the model it writes needs only python-crfsuite to run.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

from marsad.entities import corpora
from marsad.entities.corpora import Sentence
from marsad.entities.features import FeatureExtractor, Lexicons, lookup_key, name_keys, word_key
from marsad.entities.ner import CONSISTENCY_BLOCK, HELDOUT_FILE, MODEL_FILE, NerModel
from marsad.errors import DataError
from marsad.resources import data_path, read_rows, read_words
from marsad.text.normalize import normalize

log = logging.getLogger(__name__)

DEV_SENTENCES = 420  # the last sentences of ANERcorp train: about 12,000 tokens, next to the hidden test
GRAM = 8
CLUSTER_SIZES = (64, 256, 1024)
_ARABIC_WORD = regex.compile(r"[\p{Arabic}&&\p{L}\p{Mn}]+", regex.V1)


# ---------------------------------------------------------------- corpora and the dev split

@dataclass
class Corpora:
    train: dict[str, list[Sentence]]  # corpus name -> sentences
    dev: list[Sentence]
    dropped: dict[str, int]


def _letters(words: Iterable[str]) -> str:
    """A sentence reduced for duplicate detection across corpora that spell and split differently."""
    return "".join(ch for ch in normalize("".join(words)) if ch.isalpha() or ch.isdigit())


def _grams(text: str) -> set[str]:
    return {text[i:i + GRAM] for i in range(max(len(text) - GRAM + 1, 1))}


def load_corpora(shared: Path, use: Iterable[str] = ("anercorp", "newsfane", "wojood")) -> Corpora:
    """Read the corpora, carve the dev split off ANERcorp, drop training sentences that repeat it.

    NewsFANE re-annotates ANERcorp text, re-tokenised, so its duplicates of dev sentences are
    found by character 8-grams of the letters (more than 30% of a sentence's grams in the dev
    text); dev sentences that ANERcorp's own training part repeats are dropped from dev.
    """
    data = shared / "data"
    use = set(use)
    anercorp = corpora.read_anercorp(data / "anercorp" / "ANERcorp_train.txt")
    train_ane, dev = anercorp[:-DEV_SENTENCES], anercorp[-DEV_SENTENCES:]
    train_keys = {_letters(words) for words, _ in train_ane}
    dropped: Counter[str] = Counter()
    kept_dev = []
    for sentence in dev:
        if _letters(sentence[0]) in train_keys:
            dropped["dev (repeated in ANERcorp train)"] += 1
        else:
            kept_dev.append(sentence)
    dev_grams: set[str] = set()
    for words, _ in kept_dev:
        dev_grams |= _grams(_letters(words))
    train: dict[str, list[Sentence]] = {}
    if "anercorp" in use:
        train["anercorp"] = train_ane
    others = {
        "newsfane": lambda: corpora.read_newsfane(data / "newsfane_gold" / "NewsFANE_Gold_dev.tsv"),
        "wojood": lambda: corpora.read_wojood(data / "wojood_sample" / "train.txt"),
    }
    for name, reader in others.items():
        if name not in use:
            continue
        kept = []
        for sentence in reader():
            grams = _grams(_letters(sentence[0]))
            if len(grams & dev_grams) > 0.3 * len(grams):
                dropped[f"{name} (overlaps dev)"] += 1
            else:
                kept.append(sentence)
        train[name] = kept
    return Corpora(train, kept_dev, dict(dropped))


# ---------------------------------------------------------------- name lists

def _optional_rows(*parts: str) -> Iterator[dict[str, str]]:
    """Rows of a TSV with a header line, as dicts; nothing when the file is absent (built by others)."""
    if not data_path(*parts).exists():
        log.warning("name list %s absent; training without it", "/".join(parts))
        return
    header: list[str] | None = None
    for row in read_rows(*parts):
        if header is None:
            header = row
            continue
        yield dict(zip(header, row, strict=False))


def name_list_entries() -> list[tuple[str, str]]:
    """(list name, name) pairs from data files that ship with marsad."""
    entries: list[tuple[str, str]] = []
    entries += [("first", name) for name in read_words("ar", "first_names.txt")]
    entries += [("title", name) for name in read_words("ar", "person_titles.txt")]
    entries += [("place", name) for name in read_words("ar", "ner_places.txt")]
    for row in _optional_rows("gazetteer", "curated_places.tsv"):
        for name in row.get("names_ar", "").split("|"):
            if name.strip():
                entries.append(("place", name.strip()))
    for row in _optional_rows("ar", "actors.tsv"):
        if row.get("category", "") in ACTOR_CATEGORIES_SKIPPED:
            continue
        for name in row.get("aliases_ar", "").split("|"):
            if name.strip():
                entries.append(("actor", name.strip()))
    return entries


# Actor dictionary rows whose aliases are not organisation names in ANERcorp's sense: states are
# their countries (LOC), generic rows are descriptions (مسلحون مجهولون), civilians are people.
ACTOR_CATEGORIES_SKIPPED = frozenset({"state", "generic", "civilians", "protesters"})


def harvest_names(
    texts: Iterable[list[str]], frequent: set[str], min_count: int = 2, min_share: float = 0.2,
) -> list[tuple[str, str]]:
    """Name lists harvested from unlabelled text: the words that follow cue words ("مدينة X",
    "حزب X", "الرئيس [السوري] X Y"), kept when the cue precedes them often enough."""
    cues = {lookup_key(word): kind for word, kind in read_rows("ar", "ner_cue_words.tsv")}
    after: dict[str, Counter[str]] = {kind: Counter() for kind in set(cues.values())}
    totals: Counter[str] = Counter()
    for words in texts:
        keys = [word_key(w) for w in words]
        for key in keys:
            totals[key.bare] += 1
        for i, key in enumerate(keys[:-1]):
            kind = cues.get(key.bare) if not key.proclitics or key.proclitics in "وف" else None
            if kind is None:
                continue
            j = i + 1
            if kind == "PERS":
                while j < len(keys) and keys[j].stem.startswith("ال") and keys[j].bare.endswith(("ي", "يه")):
                    j += 1  # nisba adjectives: الرئيس السوري ...
            for span in (1, 2) if kind == "PERS" else (1,):
                if j + span - 1 >= len(keys):
                    break
                candidate = keys[j + span - 1]
                if candidate.proclitics or candidate.bare in frequent or len(candidate.bare) < 2:
                    break
                if span == 2 and candidate.stem.startswith("ال") and candidate.bare.endswith("ي"):
                    break
                after[kind][candidate.bare] += 1
    entries = []
    for kind, counter in after.items():
        for word, count in counter.items():
            if count >= min_count and count >= min_share * totals[word] and word not in cues:
                entries.append(("auto_" + kind, word))
    return entries


# ---------------------------------------------------------------- word clusters

def ant_texts(shared: Path) -> Iterator[str]:
    """Texts of the ANT news corpus, read on "\\n" only (the texts contain U+2028)."""
    path = shared / "data" / "ant_news_conflict" / "ant_conflict_2018-02_to_08.jsonl"
    with path.open(encoding="utf-8", newline="\n") as handle:
        for line in handle.read().split("\n"):
            if line.strip():
                record = json.loads(line)
                yield " ".join(filter(None, (record.get("title"), record.get("text"))))


def build_clusters(
    texts: Iterable[Iterable[str]], vocab_size: int = 40_000, context_size: int = 4_000, dims: int = 96,
) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """Word clusters at several granularities from PPMI co-occurrence, SVD and k-means.

    Each text is a sequence of words; a word is represented by its article-less stem (the key the
    features look up), its contexts by the stems one and two places left and right. Also returns
    the words by falling frequency (the commonest are left out of the document memory).
    """
    import numpy as np
    from scipy import sparse
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize as l2_normalize

    sequences = [[word_key(w).bare for w in words] for words in texts]
    counts = Counter(k for seq in sequences for k in seq if k)
    vocab = [w for w, c in counts.most_common(vocab_size) if c >= 3]
    index = {w: i for i, w in enumerate(vocab)}
    context_words = [w for w, _ in counts.most_common(context_size)]
    offsets = (-2, -1, 1, 2)
    context_index = {(o, w): i for i, (o, w) in enumerate((o, w) for o in offsets for w in context_words)}
    rows: list[int] = []
    cols: list[int] = []
    for seq in sequences:
        for i, key in enumerate(seq):
            row = index.get(key)
            if row is None:
                continue
            for o in offsets:
                j = i + o
                if 0 <= j < len(seq):
                    col = context_index.get((o, seq[j]))
                    if col is not None:
                        rows.append(row)
                        cols.append(col)
    matrix = sparse.coo_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(vocab), len(context_index)),
    ).tocsr()
    matrix.sum_duplicates()
    total = matrix.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    col_sums = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75  # context smoothing (Levy et al. 2015)
    col_sums = col_sums / col_sums.sum() * total
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row_sums[coo.row] * col_sums[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)
    vectors = TruncatedSVD(n_components=dims, random_state=0).fit_transform(ppmi)
    vectors = l2_normalize(vectors)
    labels = []
    for k in CLUSTER_SIZES:
        model = MiniBatchKMeans(n_clusters=k, random_state=0, batch_size=4096, n_init=3)
        labels.append(model.fit_predict(vectors))
    clusters = {w: tuple(str(int(lab[i])) for lab in labels) for i, w in enumerate(vocab)}
    return clusters, vocab


def cluster_texts(shared: Path, extra: Iterable[Sentence]) -> Iterator[list[str]]:
    for text in ant_texts(shared):
        yield _ARABIC_WORD.findall(text)
    for words, _ in extra:
        yield words


# ---------------------------------------------------------------- training and scoring

def train_crf(
    sentences: list[Sentence], extractor: FeatureExtractor, model_path: Path,
    algorithm: str = "lbfgs", params: dict | None = None,
) -> float:
    import pycrfsuite

    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    for words, tags in sentences:
        trainer.append(extractor.sentence(words), tags)
    defaults = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}
    if algorithm != "lbfgs":
        defaults = {"max_iterations": 30}
    trainer.set_params({**defaults, **(params or {})})
    trainer.train(str(model_path))
    seconds = time.perf_counter() - started
    log.info("trained %s in %.0f s", algorithm, seconds)
    return seconds


def entity_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """CoNLL chunks: an I- after O or another type starts an entity, as conlleval does."""
    spans = set()
    start, label = None, ""
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag != "O" else ""
        begins = tag.startswith("B-") or (tag.startswith("I-") and kind != label)
        if start is not None and (tag == "O" or begins):
            spans.add((start, i, label))
            start, label = None, ""
        if begins:
            start, label = i, kind
    return spans


def score(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, dict[str, float]]:
    """Exact-span precision, recall and F1 per type and micro-averaged ("ALL")."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g_tags, p_tags in zip(gold, predicted, strict=True):
        g_spans, p_spans = entity_spans(g_tags), entity_spans(p_tags)
        for spans, counter in ((g_spans, n_gold), (p_spans, n_pred)):
            for *_, label in spans:
                counter[label] += 1
                counter["ALL"] += 1
        for *_, label in g_spans & p_spans:
            tp[label] += 1
            tp["ALL"] += 1
    result = {}
    for label in (*corpora.TYPES, "ALL"):
        p = tp[label] / n_pred[label] if n_pred[label] else 0.0
        r = tp[label] / n_gold[label] if n_gold[label] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        result[label] = {"p": p, "r": r, "f1": f, "n": n_gold[label]}
    return result


def format_scores(scores: dict[str, dict[str, float]]) -> str:
    lines = [f"{'type':5} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}"]
    for label, s in scores.items():
        lines.append(f"{label:5} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} {int(s['n']):5d}")
    return "\n".join(lines)


def check_shared(shared: Path) -> None:
    needed = ["anercorp/ANERcorp_train.txt", "newsfane_gold/NewsFANE_Gold_dev.tsv", "wojood_sample/train.txt",
              "ant_news_conflict/ant_conflict_2018-02_to_08.jsonl"]
    missing = [p for p in needed if not (shared / "data" / p).exists()]
    if missing:
        raise DataError(f"{shared}: missing shared data {', '.join(missing)}")


COMMON_WORDS = 3000  # this many commonest words never take a label by document consistency


def write_lexicon_files(
    entries: list[tuple[str, str]], clusters: dict[str, tuple[str, ...]], vocab: list[str], out: Path,
) -> None:
    """Snapshot the name lists and clusters the model was trained with, and the common words."""
    with (out / "ner_names.tsv").open("w", encoding="utf-8") as handle:
        handle.write("# Name lists the NER model was trained with (list name, name, its lookup keys), compiled\n"
                     "# by marsad.entities.train from src/marsad/data/ar/{first_names,person_titles,ner_places}.txt,\n"
                     "# data/gazetteer/curated_places.tsv, data/ar/actors.tsv (when present), and names harvested\n"
                     "# from the ANT news corpus after the cue words of data/ar/ner_cue_words.tsv (auto_*).\n")
        for list_name, name in sorted(set(entries)):
            handle.write(f"{list_name}\t{name}\t{' '.join(name_keys(name))}\n")
    with (out / "ner_clusters.tsv").open("w", encoding="utf-8") as handle:
        handle.write("# Word clusters (stem without article, then cluster ids at "
                     f"{'/'.join(map(str, CLUSTER_SIZES))} clusters),\n"
                     "# learned by marsad.entities.train from the ANT news corpus (ANT v2.1, conflict subset)\n"
                     "# and the training sentences: PPMI co-occurrence, truncated SVD, k-means.\n")
        for word, ids in sorted(clusters.items()):
            handle.write(word + "\t" + "\t".join(ids) + "\n")
    with (out / "ner_common.txt").open("w", encoding="utf-8") as handle:
        handle.write(f"# The {COMMON_WORDS} commonest words (stems without article) of the ANT news corpus and the\n"
                     "# NER training text, by falling frequency; counted by marsad.entities.train.\n")
        handle.writelines(word + "\n" for word in vocab[:COMMON_WORDS])




# ---------------------------------------------------------------- the whole run

@dataclass
class TrainingRun:
    scores: dict[str, dict[str, float]]  # the CRF alone
    consistent_scores: dict[str, dict[str, float]]  # with document consistency, as `marsad tag` runs
    seconds: float
    model_path: Path
    sizes: dict[str, int]


def dev_predictions(model_path: Path, lexicons: Lexicons, dev: list[Sentence]) -> list[list[str]]:
    import pycrfsuite

    extractor = FeatureExtractor(lexicons)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    return [list(tagger.tag(extractor.sentence(words))) for words, _ in dev]


def run_training(
    shared: Path, out: Path, use: Iterable[str] = ("anercorp", "wojood"), algorithm: str = "lbfgs",
    params: dict | None = None, final: bool = True,
) -> TrainingRun:
    """Build clusters and name lists, train the CRF on the training corpora and score it on dev; then
    (`final`) train it again with the dev split added, as the model that ships. Both models, with
    the name lists and clusters they share, are written into `out`.

    The held-out model gives the dev figures. The shipped one learns the dev sentences too: they are
    the text nearest the hidden test (ANERcorp's last part), and training without the 420 sentences
    just before the dev split cost 0.031 of dev micro F1, against 0.003-0.020 for 420 sentences
    taken from further away (docs/model-card.md)."""
    started = time.perf_counter()
    check_shared(shared)
    data = load_corpora(shared, use)
    for name, sentences in data.train.items():
        log.info("train %s: %d sentences, %d words", name, len(sentences), sum(len(w) for w, _ in sentences))
    log.info("dev: %d sentences, %d words; dropped %s", len(data.dev), sum(len(w) for w, _ in data.dev),
             data.dropped)
    training = [s for sentences in data.train.values() for s in sentences]
    texts = list(cluster_texts(shared, training))
    clusters, vocab = build_clusters(texts)
    log.info("clusters for %d words", len(clusters))
    entries = name_list_entries() + harvest_names(texts, set(vocab[:1000]))
    lexicons = Lexicons.build(entries, clusters)
    out.mkdir(parents=True, exist_ok=True)
    heldout_path = out / HELDOUT_FILE
    train_crf(training, FeatureExtractor(lexicons), heldout_path, algorithm, params)
    write_lexicon_files(entries, clusters, vocab, out)
    gold = [tags for _, tags in data.dev]
    scores = score(gold, dev_predictions(heldout_path, lexicons, data.dev))
    consistent = score(gold, tag_in_blocks(NerModel(out, HELDOUT_FILE), [words for words, _ in data.dev]))
    model_path = out / MODEL_FILE
    if final:
        train_crf(training + data.dev, FeatureExtractor(lexicons), model_path, algorithm, params)
    else:
        shutil.copyfile(heldout_path, model_path)
    sizes = {p.name: p.stat().st_size for p in out.glob("ner*")}
    return TrainingRun(scores, consistent, time.perf_counter() - started, model_path, sizes)


def tag_in_blocks(model: NerModel, sentences: list[list[str]]) -> list[list[str]]:
    """Tags of consecutive sentences, in the blocks `marsad tag` uses."""
    tags: list[list[str]] = []
    for first in range(0, len(sentences), CONSISTENCY_BLOCK):
        tags.extend(model.tag_block(sentences[first:first + CONSISTENCY_BLOCK]))
    return tags
